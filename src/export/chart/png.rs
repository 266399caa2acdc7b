//! The chart as PNG: plotters' bitmap backend with text rasterised from the bundled font, then
//! encoded as 8-bit RGB.

use plotters::prelude::*;

use super::text::{Measured, TextMode};
use super::{ChartError, ChartSpec, check, page};
use crate::domain::kpi::KpiReport;

/// The chart as a PNG file's bytes (RGB, 8 bits).
pub fn render_png(report: &KpiReport, spec: &ChartSpec) -> Result<Vec<u8>, ChartError> {
    check(spec)?;
    let (width, height) = (spec.width, spec.height);
    let mut pixels = vec![0_u8; width as usize * height as usize * 3];
    {
        let backend = BitMapBackend::with_buffer(&mut pixels, (width, height));
        let root = Measured { inner: backend, text: TextMode::Raster }.into_drawing_area();
        page::draw_page(&root, report, spec)?;
        root.present().map_err(page::draw_err)?;
    }
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(|e| ChartError::Encode(e.to_string()))?;
    writer.write_image_data(&pixels).map_err(|e| ChartError::Encode(e.to_string()))?;
    writer.finish().map_err(|e| ChartError::Encode(e.to_string()))?;
    Ok(bytes)
}
