//! Text with the bundled NanumGothic: measured for plotters' layout, rasterised glyph by glyph for
//! PNG, written as glyph outlines for SVG. [`Measured`] wraps either backend to do it.

use std::sync::OnceLock;

use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};

use crate::i18n;

/// Whether the bundled font parses (it is measured and, for PNG, drawn by this module).
pub(super) fn font_ready() -> bool {
    nanum().is_some()
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
pub(super) struct Measured<B> {
    pub(super) inner: B,
    pub(super) text: TextMode,
}

/// How [`Measured`] draws text.
pub(super) enum TextMode {
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
                    // Writing to a String cannot fail.
                    let _ = write!(d, "M{x:.1} {y:.1}");
                }
                // Writing to a String cannot fail.
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
            // Writing to a String cannot fail.
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
