//! The laid-out pages drawn into a PDF with `krilla`: text as real text in the embedded, subset
//! NanumGothic (selectable and searchable), rectangles and lines, SVG charts as vector through
//! `krilla-svg`; the footer with the page number on every page; the outline from the headings.

use krilla::Document;
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect, Size};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla_svg::{SurfaceExt as _, SvgSettings};

use super::{
    FOOTER, Heading, MARGIN, MUTED, PAGE_HEIGHT, PAGE_WIDTH, PdfError, PdfWriter, Rgb, Step, Style, font,
};
use crate::i18n::tr_args_in;

fn color(c: Rgb) -> rgb::Color {
    rgb::Color::new(c.0, c.1, c.2)
}

fn fill(c: Rgb) -> Fill {
    Fill { paint: color(c).into(), opacity: NormalizedF32::ONE, rule: Default::default() }
}

fn stroke(c: Rgb, width: f32) -> Stroke {
    Stroke { paint: color(c).into(), width, ..Default::default() }
}

pub(super) fn render(writer: PdfWriter) -> Result<Vec<u8>, PdfError> {
    let pdf_font = font::pdf_font().ok_or(PdfError::Font)?;
    let metrics = writer.font;
    let mut document = Document::new();
    let total = writer.pages.len().max(1);
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or(PdfError::Font)?;
    let mut pages = writer.pages;
    if pages.is_empty() {
        pages.push(Vec::new());
    }
    for (index, steps) in pages.into_iter().enumerate() {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for step in steps {
            draw(&mut surface, step, metrics, &pdf_font);
        }
        let number = tr_args_in(
            writer.settings.language,
            "pdf-page-number",
            &[("page", (index + 1).into()), ("pages", total.into())],
        );
        let style = Style::SMALL;
        let baseline = PAGE_HEIGHT - MARGIN - FOOTER / 2.0 + 8.0;
        let right = PAGE_WIDTH - MARGIN - font::width(metrics, &number, style.size);
        let footer: String = writer.settings.footer.chars().take(160).collect();
        draw(
            &mut surface,
            Step::Line {
                x1: MARGIN,
                y1: baseline - 12.0,
                x2: PAGE_WIDTH - MARGIN,
                y2: baseline - 12.0,
                color: super::RULE,
                width: 0.5,
            },
            metrics,
            &pdf_font,
        );
        draw(&mut surface, Step::Text { x: MARGIN, baseline, style, text: footer }, metrics, &pdf_font);
        draw(
            &mut surface,
            Step::Text { x: right, baseline, style: style.colored(MUTED), text: number },
            metrics,
            &pdf_font,
        );
        surface.finish();
        page.finish();
    }
    document.set_outline(outline(&writer.headings));
    let language = writer.settings.language;
    document.set_metadata(
        Metadata::new()
            .title(writer.settings.title.chars().take(300).collect())
            .creator(format!("Release Desk {}", crate::VERSION))
            .language(language.code().to_owned()),
    );
    document.finish().map_err(|e| PdfError::Encode(format!("{e:?}")))
}

fn draw(
    surface: &mut Surface<'_>,
    step: Step,
    metrics: &'static ab_glyph::FontRef<'static>,
    pdf_font: &krilla::text::Font,
) {
    match step {
        Step::Text { x, baseline, style, text } => {
            let glyphs = font::shape(metrics, &text);
            surface.set_fill(Some(fill(style.color)));
            surface.set_stroke(style.bold.then(|| stroke(style.color, style.size * 0.035)));
            surface.draw_glyphs(
                Point::from_xy(x, baseline),
                &glyphs,
                pdf_font.clone(),
                &text,
                style.size,
                false,
            );
            surface.set_stroke(None);
        }
        Step::Rect { x, y, w, h, fill: inside, stroke: outline } => {
            let Some(rect) = Rect::from_xywh(x, y, w.max(0.01), h.max(0.01)) else { return };
            let mut builder = PathBuilder::new();
            builder.push_rect(rect);
            let Some(path) = builder.finish() else { return };
            surface.set_fill(inside.map(fill));
            surface.set_stroke(outline.map(|c| stroke(c, 0.6)));
            surface.draw_path(&path);
            surface.set_stroke(None);
        }
        Step::Line { x1, y1, x2, y2, color: c, width } => {
            let mut builder = PathBuilder::new();
            builder.move_to(x1, y1);
            builder.line_to(x2, y2);
            let Some(path) = builder.finish() else { return };
            surface.set_fill(None);
            surface.set_stroke(Some(stroke(c, width)));
            surface.draw_path(&path);
            surface.set_stroke(None);
        }
        Step::Svg { tree, x, y, w, h } => {
            let Some(size) = Size::from_wh(w, h) else { return };
            surface.push_transform(&krilla::geom::Transform::from_translate(x, y));
            if surface.draw_svg(&tree, size, SvgSettings::default()).is_none() {
                log::warn!("a chart could not be drawn into the PDF");
            }
            surface.pop();
        }
    }
}

/// The bookmark outline: level-1 headings at the top, level-2 ones under the level-1 before them.
fn outline(headings: &[Heading]) -> Outline {
    let mut root = Outline::new();
    let mut section: Option<OutlineNode> = None;
    for heading in headings {
        let node = OutlineNode::new(
            heading.text.clone(),
            XyzDestination::new(heading.page, Point::from_xy(0.0, heading.y)),
        );
        if heading.level <= 1 {
            if let Some(done) = section.take() {
                root.push_child(done);
            }
            section = Some(node);
        } else if let Some(parent) = section.as_mut() {
            parent.push_child(node);
        } else {
            root.push_child(node);
        }
    }
    if let Some(done) = section {
        root.push_child(done);
    }
    root
}
