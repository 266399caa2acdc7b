//! The chart as SVG: plotters' SVG backend, with text as glyph outlines added at the end.

use plotters::prelude::*;

use super::text::{Measured, TextMode};
use super::{ChartError, ChartSpec, check, page};
use crate::domain::kpi::KpiReport;

/// The chart as SVG text.
pub fn render_svg(report: &KpiReport, spec: &ChartSpec) -> Result<String, ChartError> {
    check(spec)?;
    let mut svg = String::new();
    let outlines = std::rc::Rc::new(std::cell::RefCell::new(String::new()));
    {
        let backend = SVGBackend::with_string(&mut svg, (spec.width, spec.height));
        let text = TextMode::Outline(std::rc::Rc::clone(&outlines));
        let root = Measured { inner: backend, text }.into_drawing_area();
        page::draw_page(&root, report, spec)?;
        root.present().map_err(page::draw_err)?;
    }
    // Text goes on top of everything else, as plotters draws it last in each area anyway.
    let outlines = outlines.borrow();
    match svg.rfind("</svg>") {
        Some(end) => svg.insert_str(end, &outlines),
        None => return Err(ChartError::Encode("the SVG writer produced no closing tag".into())),
    }
    Ok(svg)
}
