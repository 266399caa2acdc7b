//! The KPIs: a strip with the twelve months' value of each KPI against its target (the brief's
//! four on one row, the delivery metrics on the next), then a chart of each KPI (the same SVG the
//! chart export writes) three to a row, drawn as vector.

use chrono::Local;

use super::PackContext;
use crate::domain::Kpi;
use crate::domain::kpi::{self, KpiFilter, MonthRange, YearMonth};
use crate::export::chart::{self, ChartKind, ChartSpec, OFF_TARGET_RGB, ON_TARGET_RGB};
use crate::export::pdf::{CONTENT_WIDTH, MARGIN, MUTED, PdfError, PdfWriter, Tile};
use crate::i18n::{self, tr, tr_args};

/// The chart's size in SVG pixels: small, so its text stays readable once fitted into a ninth
/// of the page (the charts scale their text with their height).
const CHART_PX: (u32, u32) = (420, 200);

/// Charts on a row.
const COLUMNS: usize = 3;

/// The brief's four KPIs come first in `Kpi::ALL`; the delivery metrics follow.
const BRIEF_KPIS: usize = 4;

pub(super) fn kpis(w: &mut PdfWriter, cx: &PackContext<'_>) -> Result<(), PdfError> {
    let last = YearMonth::of(cx.meeting.start, &Local);
    let range = MonthRange::last(12, last);
    let model = cx.model;
    let report = kpi::compute(
        model.releases(),
        model.stage_entries(),
        range,
        model.settings().kpi_targets,
        KpiFilter::default(),
        model.now(),
        &Local,
    );
    let period =
        format!("{} – {}", i18n::month_in(cx.language, range.from), i18n::month_in(cx.language, range.to));
    w.heading(1, &tr_args("pack-section-kpis", &[("period", period.into())]));
    let tiles: Vec<Tile> = Kpi::ALL
        .iter()
        .map(|&k| {
            let value = report.period_value(k);
            let meets = report.period_meets(k);
            let color = match meets {
                Some(true) => ON_TARGET_RGB,
                Some(false) => OFF_TARGET_RGB,
                None => MUTED,
            };
            let verdict = match meets {
                Some(true) => tr("pack-kpi-on-target"),
                Some(false) => tr("pack-kpi-off-target"),
                None => tr("pack-kpi-no-value"),
            };
            let target = i18n::kpi_target_in(cx.language, &report.targets, k);
            Tile {
                label: i18n::kpi_in(cx.language, k),
                value: i18n::kpi_value_in(cx.language, k, value),
                note: tr_args("pack-kpi-note", &[("target", target.into()), ("verdict", verdict.into())]),
                color,
            }
        })
        .collect();
    // Nine tiles on one row cut their values ("86.…"): the brief's four, then the rest.
    let (brief, delivery) = tiles.split_at(BRIEF_KPIS.min(tiles.len()));
    w.tiles(brief);
    w.space(6.0);
    w.tiles(delivery);
    w.space(10.0);
    let gap = 10.0;
    let rows = Kpi::ALL.len().div_ceil(COLUMNS) as f32;
    let width = (CONTENT_WIDTH - gap * (COLUMNS as f32 - 1.0)) / COLUMNS as f32;
    let top = w.y();
    let height = ((w.bottom() - top - gap * (rows - 1.0)) / rows).max(40.0);
    let box_h = height.min(width * CHART_PX.1 as f32 / CHART_PX.0 as f32);
    let box_w = box_h * CHART_PX.0 as f32 / CHART_PX.1 as f32;
    for (i, &k) in Kpi::ALL.iter().enumerate() {
        let mut spec = ChartSpec::new(ChartKind::One(k), cx.language);
        (spec.width, spec.height) = CHART_PX;
        let svg = chart::render_svg(&report, &spec).map_err(|e| PdfError::Chart(e.to_string()))?;
        let (col, row) = ((i % COLUMNS) as f32, (i / COLUMNS) as f32);
        let x = MARGIN + col * (width + gap) + (width - box_w) / 2.0;
        let y = top + row * (height + gap);
        w.svg_at(&svg, (x, y, box_w, box_h))?;
    }
    w.set_y(top + rows * height + gap * (rows - 1.0));
    Ok(())
}
