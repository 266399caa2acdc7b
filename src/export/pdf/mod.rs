//! A small PDF writer for reports such as the CAB pack: A4 landscape pages that text flows over,
//! in the bundled NanumGothic (embedded and subset, so Hangul reads on any machine), wrapped by its
//! measured width; headings that become the bookmark outline; simple tables whose header repeats
//! on a new page; tiles of figures; charts drawn as vector from SVG; ruled lines to write on; and
//! "3 / 12" page numbers in the footer.
//!
//! [`PdfWriter`] lays the content out into pages of drawing steps first (so the footer knows the
//! page count) and [`PdfWriter::finish`] draws them with `krilla`. By job: `font.rs` (glyphs,
//! widths, wrapping), `table.rs` (tables and tiles), `render.rs` (the steps drawn into the PDF).

mod font;
mod render;
mod table;

pub use table::{Cell, Column, Table, Tile};

use crate::domain::Language;
use crate::i18n::tr_args_in;

/// An sRGB colour.
pub type Rgb = (u8, u8, u8);

/// A4 landscape, in points.
pub const PAGE_WIDTH: f32 = 841.89;
pub const PAGE_HEIGHT: f32 = 595.28;
/// The margin on every side.
pub const MARGIN: f32 = 36.0;
/// The band at the bottom that holds the footer.
const FOOTER: f32 = 18.0;
/// The width text flows in.
pub const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;

/// Body text colour, secondary text colour, rule colour, heading colour.
pub const INK: Rgb = (0x22, 0x22, 0x22);
pub const MUTED: Rgb = (0x66, 0x66, 0x66);
pub const RULE: Rgb = (0xbb, 0xbb, 0xbb);
pub const ACCENT: Rgb = (0x1f, 0x4e, 0x8c);

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the bundled font could not be loaded")]
    Font,
    #[error("a chart could not be read: {0}")]
    Chart(String),
    #[error("the PDF could not be written: {0}")]
    Encode(String),
}

/// Why a PDF could not be made, in `language`.
pub fn error_in(language: Language, err: &PdfError) -> String {
    match err {
        PdfError::Font => crate::i18n::tr_in(language, "error-chart-font"),
        PdfError::Chart(detail) | PdfError::Encode(detail) => {
            tr_args_in(language, "pdf-error-encode", &[("detail", detail.as_str().into())])
        }
    }
}

/// How a run of text looks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Style {
    pub size: f32,
    pub color: Rgb,
    /// Drawn a little heavier (the font has one weight: filled and outlined).
    pub bold: bool,
}

impl Style {
    pub const BODY: Self = Self { size: 10.0, color: INK, bold: false };
    pub const SMALL: Self = Self { size: 8.5, color: MUTED, bold: false };
    pub const LABEL: Self = Self { size: 9.0, color: MUTED, bold: false };
    pub const STRONG: Self = Self { size: 10.0, color: INK, bold: true };
    pub const TITLE: Self = Self { size: 26.0, color: ACCENT, bold: true };

    pub fn sized(self, size: f32) -> Self {
        Self { size, ..self }
    }

    pub fn colored(self, color: Rgb) -> Self {
        Self { color, ..self }
    }

    /// The distance from one baseline to the next.
    pub fn line_height(self) -> f32 {
        self.size * 1.38
    }
}

/// One drawing step on a page (y grows downwards from the page's top).
enum Step {
    Text { x: f32, baseline: f32, style: Style, text: String },
    Rect { x: f32, y: f32, w: f32, h: f32, fill: Option<Rgb>, stroke: Option<Rgb> },
    Line { x1: f32, y1: f32, x2: f32, y2: f32, color: Rgb, width: f32 },
    Svg { tree: Box<usvg::Tree>, x: f32, y: f32, w: f32, h: f32 },
}

/// A heading: an entry of the bookmark outline.
struct Heading {
    level: u8,
    text: String,
    page: usize,
    y: f32,
}

/// What the document says about itself, and what its footer shows.
#[derive(Clone, Debug)]
pub struct PdfSettings {
    pub title: String,
    /// The footer's left side (the page number is on the right).
    pub footer: String,
    pub language: Language,
}

/// Lays content out over pages; [`PdfWriter::finish`] makes the PDF.
pub struct PdfWriter {
    font: &'static ab_glyph::FontRef<'static>,
    settings: PdfSettings,
    pages: Vec<Vec<Step>>,
    headings: Vec<Heading>,
    y: f32,
}

/// The longest heading kept in the outline, in characters.
const OUTLINE_MAX_CHARS: usize = 120;

impl PdfWriter {
    /// A document with no page yet; the first [`PdfWriter::page_break`] (or any content) starts one.
    pub fn new(settings: PdfSettings) -> Result<Self, PdfError> {
        let font = font::metrics().ok_or(PdfError::Font)?;
        Ok(Self { font, settings, pages: Vec::new(), headings: Vec::new(), y: MARGIN })
    }

    /// How many pages there are so far.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// The top of the area content flows in.
    pub fn top(&self) -> f32 {
        MARGIN
    }

    /// The bottom of that area (the footer is below it).
    pub fn bottom(&self) -> f32 {
        PAGE_HEIGHT - MARGIN - FOOTER
    }

    /// Where the next content goes.
    pub fn y(&self) -> f32 {
        self.y
    }

    /// The height left on this page.
    pub fn remaining(&self) -> f32 {
        if self.pages.is_empty() { 0.0 } else { self.bottom() - self.y }
    }

    /// Starts a new page.
    pub fn page_break(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Starts a new page unless `height` still fits on this one.
    pub fn ensure(&mut self, height: f32) {
        if self.pages.is_empty() || self.y + height > self.bottom() {
            self.page_break();
        }
    }

    /// Leaves `height` points of space (none at the top of a page).
    pub fn space(&mut self, height: f32) {
        if self.y > MARGIN {
            self.y = (self.y + height).min(self.bottom());
        }
    }

    fn push(&mut self, step: Step) {
        if self.pages.is_empty() {
            self.page_break();
        }
        if let Some(page) = self.pages.last_mut() {
            page.push(step);
        }
    }

    /// How wide `text` is in `style`.
    pub fn text_width(&self, text: &str, style: Style) -> f32 {
        font::width(self.font, text, style.size)
    }

    /// `text` wrapped to `width` in `style`, at most `max_lines` lines (the last cut with "…").
    pub fn wrap(&self, text: &str, style: Style, width: f32, max_lines: usize) -> Vec<String> {
        let lines = font::wrap(self.font, text, style.size, width);
        font::clamp_lines(self.font, lines, max_lines, style.size, width)
    }

    /// One line of text with its top at `top`, at `x` (nothing wraps: the caller measured it).
    pub fn text_at(&mut self, x: f32, top: f32, text: &str, style: Style) {
        if text.trim().is_empty() {
            return;
        }
        let baseline = top + font::ascent(self.font, style.size) + (style.line_height() - style.size) / 2.0;
        self.push(Step::Text { x, baseline, style, text: text.to_owned() });
    }

    /// Text in `style` wrapped over the content width, at most `max_lines` lines; pages break
    /// between lines.
    pub fn paragraph(&mut self, text: &str, style: Style, max_lines: usize) {
        self.paragraph_in(MARGIN, CONTENT_WIDTH, text, style, max_lines);
    }

    /// Text wrapped in the column from `x`, `width` wide.
    pub fn paragraph_in(&mut self, x: f32, width: f32, text: &str, style: Style, max_lines: usize) {
        for line in self.wrap(text, style, width, max_lines) {
            self.ensure(style.line_height());
            let top = self.y;
            self.text_at(x, top, &line, style);
            self.y += style.line_height();
        }
    }

    /// A heading of `level` 1 (a section: accent, large, ruled) or 2 (a part of one), kept with
    /// what follows, and an entry of the bookmark outline.
    pub fn heading(&mut self, level: u8, text: &str) {
        let style =
            if level <= 1 { Style::STRONG.sized(17.0).colored(ACCENT) } else { Style::STRONG.sized(12.5) };
        let lines = self.wrap(text, style, CONTENT_WIDTH, 2);
        let height = lines.len() as f32 * style.line_height() + 60.0;
        if self.y > MARGIN {
            self.space(if level <= 1 { 10.0 } else { 6.0 });
        }
        self.ensure(height);
        let outline: String = text.chars().take(OUTLINE_MAX_CHARS).collect();
        let page = self.pages.len().saturating_sub(1);
        self.headings.push(Heading { level, text: outline, page, y: self.y });
        for line in lines {
            let top = self.y;
            self.text_at(MARGIN, top, &line, style);
            self.y += style.line_height();
        }
        if level <= 1 {
            self.y += 2.0;
            self.rule(ACCENT, 1.2);
            self.y += 8.0;
        } else {
            self.y += 3.0;
        }
    }

    /// A horizontal rule across the content width at the current position.
    pub fn rule(&mut self, color: Rgb, width: f32) {
        let y = self.y;
        self.push(Step::Line { x1: MARGIN, y1: y, x2: PAGE_WIDTH - MARGIN, y2: y, color, width });
    }

    /// A rectangle, filled and/or outlined.
    pub fn rect(&mut self, (x, y, w, h): (f32, f32, f32, f32), fill: Option<Rgb>, stroke: Option<Rgb>) {
        self.push(Step::Rect { x, y, w, h, fill, stroke });
    }

    /// A line from one point to another.
    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), color: Rgb, width: f32) {
        self.push(Step::Line { x1: from.0, y1: from.1, x2: to.0, y2: to.1, color, width });
    }

    /// `count` empty ruled lines to write on by hand, each `height` apart, labelled on the left.
    pub fn ruled_lines(&mut self, count: usize, height: f32, label: &str) {
        for i in 0..count {
            self.ensure(height);
            self.y += height;
            let y = self.y - 3.0;
            if i == 0 && !label.is_empty() {
                let top = self.y - height;
                self.text_at(MARGIN, top + 2.0, label, Style::LABEL);
            }
            let left = if label.is_empty() { MARGIN } else { MARGIN + 110.0 };
            self.line((left, y), (PAGE_WIDTH - MARGIN, y), RULE, 0.6);
        }
    }

    /// A chart (SVG text) drawn as vector into the box at `x`, `y`, `w` x `h`.
    pub fn svg_at(&mut self, svg: &str, (x, y, w, h): (f32, f32, f32, f32)) -> Result<(), PdfError> {
        let tree = usvg::Tree::from_str(svg, &usvg::Options::default())
            .map_err(|e| PdfError::Chart(e.to_string()))?;
        self.push(Step::Svg { tree: Box::new(tree), x, y, w, h });
        Ok(())
    }

    /// Moves the flow to `y` on this page (after content placed by coordinates).
    pub fn set_y(&mut self, y: f32) {
        self.y = y.clamp(MARGIN, self.bottom());
    }

    /// The PDF: every page drawn, its footer ("3 / 12") added, the outline built from the
    /// headings, the font subset.
    pub fn finish(self) -> Result<Vec<u8>, PdfError> {
        render::render(self)
    }
}
