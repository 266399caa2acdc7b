//! KPI charts for the CAB pack, drawn with `plotters` from the same [`KpiReport`] the dashboard
//! shows: one chart per KPI, or a one-page summary of all four; SVG or PNG.
//!
//! Text is in the language passed in (the export runs on its own thread, and the current
//! language is per thread). Text is drawn with the bundled NanumGothic in both formats, so Hangul
//! renders on a machine without Korean fonts: PNG text is rasterised, SVG text is written as glyph
//! outlines (`<path>`, with the text itself in `aria-label` for search and screen readers), so the
//! file looks the same in a browser, PowerPoint or Inkscape wherever the CAB pack is opened.
//!
//! By job: `spec.rs` (what to draw: kind, format, size, colours), `page.rs` (the page's layout:
//! titles, axes, series, markers, legend), `text.rs` (measuring, rasterising and outlining text
//! with the bundled font), `svg.rs` and `png.rs` (the two formats); errors and writing a file here.

mod page;
mod png;
mod spec;
mod svg;
mod text;

use std::path::{Path, PathBuf};

pub use page::{clip_top, y_range};
pub use png::render_png;
pub use spec::*;
pub use svg::render_svg;

use crate::domain::Language;
use crate::domain::kpi::KpiReport;
use crate::i18n::{tr_args_in, tr_in};

/// Why a chart could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("{} must end in .svg or .png", .0.display())]
    UnknownFormat(PathBuf),
    #[error("the chart size must be between 200 and 8000 pixels a side (got {0} x {1})")]
    BadSize(u32, u32),
    #[error("the bundled font could not be loaded")]
    Font,
    #[error("could not draw the chart: {0}")]
    Draw(String),
    #[error("could not encode the PNG: {0}")]
    Encode(String),
    #[error("could not write {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
}

/// Why a chart could not be made, in `language` (exports run on their own thread).
pub fn error_in(language: Language, err: &ChartError) -> String {
    match err {
        ChartError::UnknownFormat(path) => {
            tr_args_in(language, "error-chart-format", &[("path", path.display().to_string().into())])
        }
        ChartError::BadSize(width, height) => tr_args_in(
            language,
            "error-chart-size",
            &[("width", (*width).into()), ("height", (*height).into())],
        ),
        ChartError::Font => tr_in(language, "error-chart-font"),
        ChartError::Draw(detail) | ChartError::Encode(detail) => {
            tr_args_in(language, "error-chart-draw", &[("detail", detail.as_str().into())])
        }
        ChartError::Io { path, source } => tr_args_in(
            language,
            "error-chart-write",
            &[
                ("path", path.display().to_string().into()),
                ("reason", crate::i18n::io_reason_in(language, source).into()),
            ],
        ),
    }
}

/// Refuses a size out of range, or a bundled font that does not parse.
fn check(spec: &ChartSpec) -> Result<(), ChartError> {
    let side = MIN_SIDE..=MAX_SIDE;
    if !side.contains(&spec.width) || !side.contains(&spec.height) {
        return Err(ChartError::BadSize(spec.width, spec.height));
    }
    if !text::font_ready() {
        return Err(ChartError::Font);
    }
    Ok(())
}

/// Draws the chart and writes it to `path` (SVG or PNG by extension), calling `progress` with
/// the share done (0.0..=1.0) as it goes.
pub fn write_chart(
    report: &KpiReport,
    spec: &ChartSpec,
    path: &Path,
    progress: &mut dyn FnMut(f32),
) -> Result<(), ChartError> {
    let format = ImageFormat::from_path(path).ok_or_else(|| ChartError::UnknownFormat(path.to_owned()))?;
    progress(0.05);
    let bytes = match format {
        ImageFormat::Svg => render_svg(report, spec)?.into_bytes(),
        ImageFormat::Png => render_png(report, spec)?,
    };
    progress(0.8);
    super::file::write_whole(path, &bytes)
        .map_err(|source| ChartError::Io { path: path.to_owned(), source })?;
    progress(1.0);
    Ok(())
}
