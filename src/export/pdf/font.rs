//! Text with the bundled NanumGothic: laid out glyph by glyph (advances and kerning read from the
//! font), measured with the same numbers it is drawn with, and wrapped to a width. Lines break at
//! spaces; a word longer than the line (a path, a run of Hangul without spaces, a hostile 10,000
//! character subject) breaks between characters.

use std::sync::OnceLock;

use ab_glyph::Font as _;
use krilla::text::{GlyphId, KrillaGlyph};

use crate::i18n;

/// The bundled font for measuring: parsed once.
pub(super) fn metrics() -> Option<&'static ab_glyph::FontRef<'static>> {
    static FONT: OnceLock<Option<ab_glyph::FontRef<'static>>> = OnceLock::new();
    FONT.get_or_init(|| ab_glyph::FontRef::try_from_slice(i18n::NANUM_GOTHIC).ok()).as_ref()
}

/// The bundled font for drawing (krilla embeds and subsets it).
pub(super) fn pdf_font() -> Option<krilla::text::Font> {
    krilla::text::Font::new(krilla::Data::from(i18n::NANUM_GOTHIC), 0)
}

/// A character as drawn: controls (tabs, stray line breaks) become a space.
fn printable(c: char) -> char {
    if c.is_control() { ' ' } else { c }
}

/// The glyphs of `text` (one line), advances in em units, with the text range each came from
/// (so a PDF reader extracts the text as written).
pub(super) fn shape(font: &ab_glyph::FontRef<'static>, text: &str) -> Vec<KrillaGlyph> {
    let upem = font.units_per_em().unwrap_or(1000.0);
    let mut glyphs: Vec<KrillaGlyph> = Vec::with_capacity(text.len());
    let mut previous: Option<ab_glyph::GlyphId> = None;
    for (start, c) in text.char_indices() {
        let id = font.glyph_id(printable(c));
        if let (Some(prev), Some(last)) = (previous, glyphs.last_mut()) {
            last.x_advance += font.kern_unscaled(prev, id) / upem;
        }
        glyphs.push(KrillaGlyph {
            glyph_id: GlyphId::new(u32::from(id.0)),
            text_range: start..start + c.len_utf8(),
            x_advance: font.h_advance_unscaled(id) / upem,
            x_offset: 0.0,
            y_offset: 0.0,
            y_advance: 0.0,
            location: None,
        });
        previous = Some(id);
    }
    glyphs
}

/// How wide `text` is at `size` points.
pub(super) fn width(font: &ab_glyph::FontRef<'static>, text: &str, size: f32) -> f32 {
    let upem = font.units_per_em().unwrap_or(1000.0);
    let mut total = 0.0;
    let mut previous: Option<ab_glyph::GlyphId> = None;
    for c in text.chars() {
        let id = font.glyph_id(printable(c));
        if let Some(prev) = previous {
            total += font.kern_unscaled(prev, id);
        }
        total += font.h_advance_unscaled(id);
        previous = Some(id);
    }
    total / upem * size
}

/// The font's ascent at `size` points (baseline below a line's top).
pub(super) fn ascent(font: &ab_glyph::FontRef<'static>, size: f32) -> f32 {
    let upem = font.units_per_em().unwrap_or(1000.0);
    font.ascent_unscaled() / upem * size
}

/// `text` broken into lines no wider than `max_width` at `size`: at the given line breaks, then at
/// spaces, and inside a word only where the word alone is too wide.
pub(super) fn wrap(font: &ab_glyph::FontRef<'static>, text: &str, size: f32, max_width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        wrap_paragraph(font, paragraph.trim_end(), size, max_width, &mut lines);
    }
    lines
}

fn wrap_paragraph(
    font: &ab_glyph::FontRef<'static>,
    paragraph: &str,
    size: f32,
    max_width: f32,
    lines: &mut Vec<String>,
) {
    let space = width(font, " ", size);
    let mut line = String::new();
    let mut line_width = 0.0;
    for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
        let word_width = width(font, word, size);
        let gap = if line.is_empty() { 0.0 } else { space };
        if line_width + gap + word_width <= max_width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            line_width += gap + word_width;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line_width = 0.0;
        }
        if word_width <= max_width {
            line.push_str(word);
            line_width = word_width;
            continue;
        }
        // Too wide alone: as many characters a line as fit (at least one).
        for c in word.chars() {
            let c_width = width(font, c.encode_utf8(&mut [0; 4]), size);
            if !line.is_empty() && line_width + c_width > max_width {
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
            }
            line.push(c);
            line_width += c_width;
        }
    }
    lines.push(line);
}

/// `lines` cut to `max` lines, the last one ending in "…" (shortened to fit) when any were cut.
pub(super) fn clamp_lines(
    font: &ab_glyph::FontRef<'static>,
    mut lines: Vec<String>,
    max: usize,
    size: f32,
    max_width: f32,
) -> Vec<String> {
    if lines.len() <= max || max == 0 {
        return lines;
    }
    lines.truncate(max);
    if let Some(last) = lines.last_mut() {
        let ellipsis = width(font, "…", size);
        while !last.is_empty() && width(font, last, size) + ellipsis > max_width {
            last.pop();
        }
        last.push('…');
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_fit_and_keep_every_word() {
        let font = metrics().unwrap();
        let text = "릴리스 계획 Plan -> 개발 및 테스트 Build & Test -> 배포 준비 Deployment prep";
        let lines = wrap(font, text, 10.0, 120.0);
        assert!(lines.len() > 1);
        for line in &lines {
            assert!(width(font, line, 10.0) <= 120.0, "{line}");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn a_word_wider_than_the_line_breaks_between_characters() {
        let font = metrics().unwrap();
        let text = "가".repeat(500);
        let lines = wrap(font, &text, 10.0, 100.0);
        assert!(lines.len() > 10);
        assert!(lines.iter().all(|l| width(font, l, 10.0) <= 100.0));
        assert_eq!(lines.concat(), text);
        let clamped = clamp_lines(font, lines, 2, 10.0, 100.0);
        assert_eq!(clamped.len(), 2);
        assert!(clamped[1].ends_with('…'));
        assert!(width(font, &clamped[1], 10.0) <= 100.0);
    }

    #[test]
    fn shaped_advances_add_up_to_the_measured_width() {
        let font = metrics().unwrap();
        let text = "AV 배포 To";
        let sum: f32 = shape(font, text).iter().map(|g| g.x_advance * 12.0).sum();
        assert!((sum - width(font, text, 12.0)).abs() < 0.01);
    }
}
