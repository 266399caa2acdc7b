//! KPI charts for the CAB pack, drawn with `plotters` from the same [`KpiReport`] the dashboard
//! shows: one chart per KPI, or a one-page summary of all four; SVG or PNG.
//!
//! Text is in the language passed in (the export runs on its own thread, and the current
//! language is per thread). Text is drawn with the bundled NanumGothic in both formats, so Hangul
//! renders on a machine without Korean fonts: PNG text is rasterised, SVG text is written as glyph
//! outlines (`<path>`, with the text itself in `aria-label` for search and screen readers), so the
//! file looks the same in a browser, PowerPoint or Inkscape wherever the CAB pack is opened.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use plotters::coord::Shift;
use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;
use plotters::style::FontStyle;
use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};

use crate::domain::kpi::{KpiReport, YearMonth};
use crate::domain::{Kpi, Language};
use crate::i18n::{self, tr_in};

/// The font family plotters is told; `Measured` measures and draws all text with the bundled
/// NanumGothic whatever this says.
pub const FONT_FAMILY: &str =
    "NanumGothic, Nanum Gothic, Malgun Gothic, Apple SD Gothic Neo, Noto Sans CJK KR, sans-serif";

/// Whether the bundled font parses (it is measured and, for PNG, drawn by this module).
fn font_ready() -> bool {
    nanum().is_some()
}

/// A KPI's series colour (the dashboard uses the same ones).
pub fn kpi_rgb(kpi: Kpi) -> (u8, u8, u8) {
    match kpi {
        Kpi::SuccessRate => (0x2f, 0x6f, 0xd6),
        Kpi::RollbackRate => (0xc0, 0x6a, 0x10),
        Kpi::DeployTime => (0x7b, 0x4a, 0xa8),
        Kpi::Downtime => (0x1f, 0x8a, 0x70),
    }
}

/// The target line's colour.
pub const TARGET_RGB: (u8, u8, u8) = (0x44, 0x44, 0x44);
/// The colour of months off target.
pub const OFF_TARGET_RGB: (u8, u8, u8) = (0xd6, 0x27, 0x28);
/// The colour of a period on target.
pub const ON_TARGET_RGB: (u8, u8, u8) = (0x1f, 0x8a, 0x4c);

fn rgb((r, g, b): (u8, u8, u8)) -> RGBColor {
    RGBColor(r, g, b)
}

/// What to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartKind {
    One(Kpi),
    /// All four on one page.
    Summary,
}

impl ChartKind {
    /// `success-rate`, ... or `all` (the CLI's `--kpi`).
    pub fn slug(self) -> &'static str {
        match self {
            Self::One(kpi) => kpi.slug(),
            Self::Summary => "all",
        }
    }

    pub fn from_slug(text: &str) -> Option<Self> {
        if text.trim().eq_ignore_ascii_case("all") {
            return Some(Self::Summary);
        }
        Kpi::from_slug(text).map(Self::One)
    }
}

/// The file format, from the file name's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImageFormat {
    Svg,
    Png,
}

impl ImageFormat {
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "svg" => Some(Self::Svg),
            "png" => Some(Self::Png),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Svg => "svg",
            Self::Png => "png",
        }
    }
}

/// Smallest and largest chart side, in pixels.
pub const MIN_SIDE: u32 = 200;
pub const MAX_SIDE: u32 = 8000;

/// A chart to draw: which, in what language, how big.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChartSpec {
    pub kind: ChartKind,
    pub language: Language,
    pub width: u32,
    pub height: u32,
}

impl ChartSpec {
    /// The default size: 1200 x 700 for one KPI, 1600 x 1100 for the summary page.
    pub fn new(kind: ChartKind, language: Language) -> Self {
        let (width, height) = match kind {
            ChartKind::One(_) => (1200, 700),
            ChartKind::Summary => (1600, 1100),
        };
        Self { kind, language, width, height }
    }
}

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

fn draw_err<E: std::fmt::Debug>(err: E) -> ChartError {
    ChartError::Draw(format!("{err:?}"))
}

/// The default file name: `kpi-2026-11.svg` for the summary, `kpi-success-rate-2026-11.png` for one.
pub fn default_file_name(kind: ChartKind, last_month: YearMonth, format: ImageFormat) -> String {
    match kind {
        ChartKind::Summary => format!("kpi-{last_month}.{}", format.extension()),
        ChartKind::One(kpi) => format!("kpi-{}-{last_month}.{}", kpi.slug(), format.extension()),
    }
}

fn check(spec: &ChartSpec) -> Result<(), ChartError> {
    let side = MIN_SIDE..=MAX_SIDE;
    if !side.contains(&spec.width) || !side.contains(&spec.height) {
        return Err(ChartError::BadSize(spec.width, spec.height));
    }
    if !font_ready() {
        return Err(ChartError::Font);
    }
    Ok(())
}

/// The chart as SVG text.
pub fn render_svg(report: &KpiReport, spec: &ChartSpec) -> Result<String, ChartError> {
    check(spec)?;
    let mut svg = String::new();
    let outlines = std::rc::Rc::new(std::cell::RefCell::new(String::new()));
    {
        let backend = SVGBackend::with_string(&mut svg, (spec.width, spec.height));
        let text = TextMode::Outline(std::rc::Rc::clone(&outlines));
        let root = Measured { inner: backend, text }.into_drawing_area();
        draw_page(&root, report, spec)?;
        root.present().map_err(draw_err)?;
    }
    // Text goes on top of everything else, as plotters draws it last in each area anyway.
    let outlines = outlines.borrow();
    match svg.rfind("</svg>") {
        Some(end) => svg.insert_str(end, &outlines),
        None => return Err(ChartError::Encode("the SVG writer produced no closing tag".into())),
    }
    Ok(svg)
}

/// The bundled font, parsed once, for PNG text.
fn nanum() -> Option<&'static ab_glyph::FontRef<'static>> {
    static FONT: OnceLock<Option<ab_glyph::FontRef<'static>>> = OnceLock::new();
    FONT.get_or_init(|| ab_glyph::FontRef::try_from_slice(i18n::NANUM_GOTHIC).ok()).as_ref()
}

/// A backend that measures text with the bundled font, and (for PNG) draws it glyph by glyph.
///
/// plotters is built without a font engine of its own (its `ab_glyph` feature would also change the
/// fonts of every other plotters user in the build, such as criterion's reports), so text sizes for
/// label areas, legends and anchors come from here. PNG text is rasterised here too, each glyph
/// placed by its own bounds. Everything else goes straight to the wrapped backend.
struct Measured<B> {
    inner: B,
    text: TextMode,
}

/// How [`Measured`] draws text.
enum TextMode {
    /// As pixels, glyph by glyph (PNG).
    Raster,
    /// As SVG `<path>` elements appended here, added to the document at the end.
    Outline(std::rc::Rc<std::cell::RefCell<String>>),
}

/// A glyph outline point (font units, y up, relative to the glyph's origin) in page pixels.
struct GlyphPlacement {
    /// The glyph's origin in the text's own frame (before anchoring and rotation).
    origin: (f32, f32),
    scale: (f32, f32),
    /// Anchor offset, in the text's frame.
    anchor: (f32, f32),
    transform: FontTransform,
    pos: (f32, f32),
}

impl GlyphPlacement {
    fn place(&self, p: ab_glyph::Point) -> (f32, f32) {
        let x = self.origin.0 + p.x * self.scale.0 + self.anchor.0;
        let y = self.origin.1 - p.y * self.scale.1 + self.anchor.1;
        let (x, y) = match self.transform {
            FontTransform::None => (x, y),
            FontTransform::Rotate90 => (-y, x),
            FontTransform::Rotate180 => (-x, -y),
            FontTransform::Rotate270 => (y, -x),
        };
        (self.pos.0 + x, self.pos.1 + y)
    }
}

/// SVG path data of `text` at `size` pixels, laid out as [`Measured::draw_text`] rasterises it.
fn outline_path(
    font: &ab_glyph::FontRef<'static>,
    size: f32,
    text: &str,
    anchor: (f32, f32),
    transform: &FontTransform,
    pos: (f32, f32),
) -> String {
    use ab_glyph::{Font as _, OutlineCurve, ScaleFont as _};
    use std::fmt::Write as _;
    let scaled = font.as_scaled(size);
    let scale = (scaled.h_scale_factor(), scaled.v_scale_factor());
    let mut d = String::new();
    for (id, caret) in lay_out(font, size, text).0 {
        if let Some(outline) = font.outline(id) {
            // The baseline sits half the size down, as plotters places it.
            let at = GlyphPlacement {
                origin: (caret, size / 2.0),
                scale,
                anchor,
                transform: transform.clone(),
                pos,
            };
            let mut current: Option<ab_glyph::Point> = None;
            for curve in &outline.curves {
                let (start, end) = match curve {
                    OutlineCurve::Line(a, b)
                    | OutlineCurve::Quad(a, _, b)
                    | OutlineCurve::Cubic(a, _, _, b) => (*a, *b),
                };
                if current != Some(start) {
                    if current.is_some() {
                        d.push('Z');
                    }
                    let (x, y) = at.place(start);
                    let _ = write!(d, "M{x:.1} {y:.1}");
                }
                let _ = match curve {
                    OutlineCurve::Line(_, b) => {
                        let (x, y) = at.place(*b);
                        write!(d, "L{x:.1} {y:.1}")
                    }
                    OutlineCurve::Quad(_, c, b) => {
                        let ((cx, cy), (x, y)) = (at.place(*c), at.place(*b));
                        write!(d, "Q{cx:.1} {cy:.1} {x:.1} {y:.1}")
                    }
                    OutlineCurve::Cubic(_, c1, c2, b) => {
                        let ((ax, ay), (bx, by), (x, y)) = (at.place(*c1), at.place(*c2), at.place(*b));
                        write!(d, "C{ax:.1} {ay:.1} {bx:.1} {by:.1} {x:.1} {y:.1}")
                    }
                };
                current = Some(end);
            }
            if current.is_some() {
                d.push('Z');
            }
        }
    }
    d
}

/// `text` made safe for an XML attribute.
fn xml_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// Width and height of `text` at `size` pixels, as plotters lays text out (height = size / 1.24).
fn measure(font: &ab_glyph::FontRef<'static>, size: f64, text: &str) -> (u32, u32) {
    let (_, width) = lay_out(font, size as f32, text);
    (width.max(0.0).round() as u32, (size / 1.24).round() as u32)
}

/// Each glyph of `text` at `size` pixels with its pen position (kerned advances), and the width.
/// Measuring, rasterising and outlining all lay text out through here, so they agree.
fn lay_out(font: &ab_glyph::FontRef<'static>, size: f32, text: &str) -> (Vec<(ab_glyph::GlyphId, f32)>, f32) {
    use ab_glyph::{Font as _, ScaleFont as _};
    let scaled = font.as_scaled(size);
    let mut glyphs = Vec::with_capacity(text.len());
    let mut caret = 0.0_f32;
    let mut previous = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(previous) = previous {
            caret += scaled.kern(previous, id);
        }
        glyphs.push((id, caret));
        caret += scaled.h_advance(id);
        previous = Some(id);
    }
    (glyphs, caret)
}

impl<B: DrawingBackend> DrawingBackend for Measured<B> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.fill_polygon(vert, style)
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        (iw, ih): (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.blit_bitmap(pos, (iw, ih), src)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<B::ErrorType>> {
        match nanum() {
            Some(font) => Ok(measure(font, style.size(), text)),
            None => self.inner.estimate_text_size(text, style),
        }
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        use ab_glyph::Font as _;
        let color = style.color();
        if color.alpha <= 0.0 {
            return Ok(());
        }
        let Some(font) = nanum() else { return self.inner.draw_text(text, style, pos) };
        let (width, height) = measure(font, style.size(), text);
        let (width, height) = (width as i32, height as i32);
        let dx = match style.anchor().h_pos {
            HPos::Left => 0,
            HPos::Right => -width,
            HPos::Center => -width / 2,
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => 0,
            VPos::Center => -height / 2,
            VPos::Bottom => -height,
        };
        if let TextMode::Outline(out) = &self.text {
            use std::fmt::Write as _;
            let anchor = (dx as f32, dy as f32);
            let at = (pos.0 as f32, pos.1 as f32);
            let d = outline_path(font, style.size() as f32, text, anchor, &style.transform(), at);
            let (r, g, b) = color.rgb;
            let _ = writeln!(
                out.borrow_mut(),
                r##"<path aria-label="{}" fill="#{r:02X}{g:02X}{b:02X}" fill-opacity="{:.3}" d="{d}"/>"##,
                xml_attr(text),
                color.alpha
            );
            return Ok(());
        }
        let size = style.size() as f32;
        let mut coverage: Vec<(i32, i32, f32)> = Vec::new();
        for (id, caret) in lay_out(font, size, text).0 {
            // The baseline sits half the size down, as plotters places it.
            let glyph = id.with_scale_and_position(size, ab_glyph::point(caret, size / 2.0));
            if let Some(outline) = font.outline_glyph(glyph) {
                let bounds = outline.px_bounds();
                outline.draw(|x, y, c| {
                    coverage.push((bounds.min.x as i32 + x as i32, bounds.min.y as i32 + y as i32, c));
                });
            }
        }
        let transform = style.transform();
        let (w, h) = self.inner.get_size();
        for (x, y, c) in coverage {
            let (x, y) = transform.transform(x + dx, y + dy);
            let (x, y) = (pos.0 + x, pos.1 + y);
            if x >= 0 && x < w as i32 && y >= 0 && y < h as i32 {
                let pixel =
                    BackendColor { alpha: color.alpha * f64::from(c.clamp(0.0, 1.0)), rgb: color.rgb };
                self.inner.draw_pixel((x, y), pixel)?;
            }
        }
        Ok(())
    }
}

/// The chart as a PNG file's bytes (RGB, 8 bits).
pub fn render_png(report: &KpiReport, spec: &ChartSpec) -> Result<Vec<u8>, ChartError> {
    check(spec)?;
    let (width, height) = (spec.width, spec.height);
    let mut pixels = vec![0_u8; width as usize * height as usize * 3];
    {
        let backend = BitMapBackend::with_buffer(&mut pixels, (width, height));
        let root = Measured { inner: backend, text: TextMode::Raster }.into_drawing_area();
        draw_page(&root, report, spec)?;
        root.present().map_err(draw_err)?;
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
    std::fs::write(path, bytes).map_err(|source| ChartError::Io { path: path.to_owned(), source })?;
    progress(1.0);
    Ok(())
}

/// Text scale for a drawing area: 1.0 at 700 pixels high.
fn scale_of(height: u32) -> f64 {
    (f64::from(height) / 700.0).clamp(0.5, 4.0)
}

fn font(size: f64) -> FontDesc<'static> {
    (FONT_FAMILY, size).into_font()
}

fn range_text(report: &KpiReport, language: Language) -> String {
    if report.range.from == report.range.to {
        i18n::month_in(language, report.range.from)
    } else {
        format!(
            "{} – {}",
            i18n::month_in(language, report.range.from),
            i18n::month_in(language, report.range.to)
        )
    }
}

fn draw_page<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    report: &KpiReport,
    spec: &ChartSpec,
) -> Result<(), ChartError> {
    root.fill(&WHITE).map_err(draw_err)?;
    let language = spec.language;
    match spec.kind {
        ChartKind::One(kpi) => draw_kpi(root, report, kpi, language, true),
        ChartKind::Summary => {
            let scale = scale_of(spec.height / 2);
            let header = (70.0 * scale) as u32;
            let (head, body) = root.split_vertically(header);
            let title =
                format!("{} · {}", tr_in(language, "kpi-summary-title"), range_text(report, language));
            head.draw_text(
                &title,
                &font(30.0 * scale).style(FontStyle::Bold).color(&BLACK),
                ((20.0 * scale) as i32, (14.0 * scale) as i32),
            )
            .map_err(draw_err)?;
            let closed = i18n::tr_args_in(
                language,
                "kpi-summary-subtitle",
                &[("closed", report.total.closed.into()), ("months", report.range.len().into())],
            );
            head.draw_text(
                &closed,
                &font(17.0 * scale).color(&RGBColor(0x55, 0x55, 0x55)),
                ((20.0 * scale) as i32, (48.0 * scale) as i32),
            )
            .map_err(draw_err)?;
            let cells = body.split_evenly((2, 2));
            for (cell, kpi) in cells.iter().zip(Kpi::ALL) {
                draw_kpi(cell, report, kpi, language, false)?;
            }
            Ok(())
        }
    }
}

/// The y range of a KPI's chart (in the KPI's unit): room for every value and the target.
/// The dashboard uses it too, so screen and export frame the data alike.
pub fn y_range(kpi: Kpi, values: &[Option<f64>], target: f64) -> (f64, f64) {
    let known = values.iter().flatten().copied();
    let (low, high) = known.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let (low, high) = if low.is_finite() { (low.min(target), high.max(target)) } else { (target, target) };
    match kpi {
        Kpi::SuccessRate => ((low - 0.05).clamp(0.0, 0.9).min(low - 0.02).max(0.0), 1.0),
        Kpi::RollbackRate => (0.0, (high * 1.25).max(target * 2.0).clamp(0.05, 1.0)),
        Kpi::DeployTime => ((low * 1.25).min(-0.05), (high * 1.25).max(target * 2.0).max(0.05)),
        Kpi::Downtime => (0.0, (high * 1.2).max(target * 1.5).max(1.0)),
    }
}

fn draw_kpi<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    report: &KpiReport,
    kpi: Kpi,
    language: Language,
    single: bool,
) -> Result<(), ChartError> {
    let (_, height) = area.dim_in_pixel();
    let scale = scale_of(height);
    let header = (64.0 * scale) as u32;
    let (head, body) = area.split_vertically(header);
    let pad = (16.0 * scale) as i32;

    // Header: name and target, then the period's value and how it compares.
    let target_text = i18n::kpi_target_in(language, &report.targets, kpi);
    let title =
        format!("{} ({} {})", i18n::kpi_in(language, kpi), tr_in(language, "kpi-target"), target_text);
    head.draw_text(
        &title,
        &font(24.0 * scale).style(FontStyle::Bold).color(&BLACK),
        (pad, (8.0 * scale) as i32),
    )
    .map_err(draw_err)?;
    let value = report.period_value(kpi);
    let verdict = match report.period_meets(kpi) {
        Some(true) => (tr_in(language, "kpi-on-target"), rgb(ON_TARGET_RGB)),
        Some(false) => (tr_in(language, "kpi-off-target"), rgb(OFF_TARGET_RGB)),
        None => (tr_in(language, "kpi-no-data"), RGBColor(0x77, 0x77, 0x77)),
    };
    let mut line = format!("{}: {}", range_text(report, language), i18n::kpi_value_in(language, kpi, value));
    if kpi == Kpi::Downtime {
        line.push_str(&format!(" {}", tr_in(language, "kpi-per-month")));
    }
    line.push_str(&format!(" · {}", verdict.0));
    let off = report.months_off_target(kpi);
    line.push_str(&format!(
        " · {}",
        i18n::tr_args_in(
            language,
            "kpi-months-off",
            &[("off", off.into()), ("months", report.months.len().into())]
        )
    ));
    head.draw_text(&line, &font(16.0 * scale).color(&verdict.1), (pad, (38.0 * scale) as i32))
        .map_err(draw_err)?;

    let values: Vec<Option<f64>> = report.months.iter().map(|m| m.counts.value(kpi)).collect();
    let target = report.targets.target(kpi);
    let (y_low, y_high) = y_range(kpi, &values, target);
    let n = values.len().max(1) as i32;
    let months: Vec<YearMonth> = report.months.iter().map(|m| m.month).collect();
    let mut chart = ChartBuilder::on(&body)
        .margin_left(pad as u32)
        .margin_top((22.0 * scale) as u32)
        .margin_right((24.0 * scale) as u32)
        .margin_bottom((8.0 * scale) as u32)
        .x_label_area_size((36.0 * scale) as u32)
        .y_label_area_size((64.0 * scale) as u32)
        .build_cartesian_2d((0..n - 1).into_segmented(), y_low..y_high)
        .map_err(draw_err)?;
    let label_font = font(14.0 * scale);
    let percent = kpi.is_percentage();
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(months.len().max(1))
        .x_label_formatter(&|x| match x {
            SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => months
                .get(usize::try_from(*i).unwrap_or(usize::MAX))
                .map_or_else(String::new, |m| i18n::month_short_in(language, *m)),
            SegmentValue::Last => String::new(),
        })
        .y_labels(6)
        .y_label_formatter(&|y| {
            if percent { format!("{:.0}%", y * 100.0) } else { i18n::hours_in(language, *y) }
        })
        .label_style(label_font.clone())
        .light_line_style(TRANSPARENT)
        .bold_line_style(RGBColor(0xdd, 0xdd, 0xdd))
        .draw()
        .map_err(draw_err)?;

    // The target, across the whole width.
    let target_style = ShapeStyle { color: rgb(TARGET_RGB).to_rgba(), filled: false, stroke_width: 2 };
    chart
        .draw_series(LineSeries::new(
            [(SegmentValue::Exact(0), target), (SegmentValue::Last, target)],
            target_style,
        ))
        .map_err(draw_err)?
        .label(format!("{} {}", tr_in(language, "kpi-target"), target_text))
        .legend(move |(x, y)| Rectangle::new([(x, y - 1), (x + 20, y + 1)], rgb(TARGET_RGB).filled()));

    // The series: one line per run of months with a value (a month without data is a gap).
    let color = rgb(kpi_rgb(kpi));
    let series_style = ShapeStyle { color: color.to_rgba(), filled: false, stroke_width: 3 };
    let mut runs: Vec<Vec<(SegmentValue<i32>, f64)>> = Vec::new();
    let mut current: Vec<(SegmentValue<i32>, f64)> = Vec::new();
    for (i, value) in values.iter().enumerate() {
        match value {
            Some(v) => current.push((SegmentValue::CenterOf(i as i32), *v)),
            None if !current.is_empty() => runs.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    if runs.is_empty() {
        runs.push(Vec::new());
    }
    for (index, run) in runs.into_iter().enumerate() {
        let drawn = chart.draw_series(LineSeries::new(run, series_style)).map_err(draw_err)?;
        if index == 0 {
            drawn
                .label(i18n::kpi_in(language, kpi))
                .legend(move |(x, y)| Rectangle::new([(x, y - 2), (x + 20, y + 2)], color.filled()));
        }
    }

    // Markers: months off target in red and larger; value labels on single charts.
    let radius = (5.0 * scale).round() as i32;
    for (i, month) in report.months.iter().enumerate() {
        let Some(v) = values[i] else { continue };
        let x = SegmentValue::CenterOf(i as i32);
        let off = report.month_meets(month, kpi) == Some(false);
        let (fill, r) = if off { (rgb(OFF_TARGET_RGB), radius + 2) } else { (color, radius) };
        chart
            .draw_series(std::iter::once(Circle::new((x.clone(), v), r, fill.filled())))
            .map_err(draw_err)?;
        if single {
            let text = i18n::kpi_value_in(language, kpi, Some(v));
            let style = font(13.0 * scale)
                .color(if off { &fill } else { &BLACK })
                .pos(Pos::new(HPos::Center, VPos::Bottom));
            let at = chart.backend_coord(&(x, v));
            let (cx, bottom) = (at.0 - body.get_base_pixel().0, at.1 - body.get_base_pixel().1 - r - 4);
            // A light box behind the value keeps it readable where the line passes.
            let (w, h) = body.estimate_text_size(&text, &style).map_err(draw_err)?;
            let (w, h) = (w as i32 / 2 + 3, h as i32 + 2);
            body.draw(&Rectangle::new(
                [(cx - w, bottom - h), (cx + w, bottom + 1)],
                WHITE.mix(0.85).filled(),
            ))
            .map_err(draw_err)?;
            body.draw_text(&text, &style, (cx, bottom)).map_err(draw_err)?;
        }
    }

    chart
        .configure_series_labels()
        .position(if kpi.higher_is_better() {
            SeriesLabelPosition::LowerRight
        } else {
            SeriesLabelPosition::UpperRight
        })
        .label_font(label_font)
        .background_style(WHITE.mix(0.85))
        .border_style(RGBColor(0xcc, 0xcc, 0xcc))
        .draw()
        .map_err(draw_err)?;
    Ok(())
}
