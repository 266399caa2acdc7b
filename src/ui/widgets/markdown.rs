//! A plan's text as rendered Markdown, read-only: headings, paragraphs, bold, italic, strikethrough,
//! inline code and code blocks, bullet and numbered lists (nested), task items and quotes. Links
//! and images show their text only (nothing on the page opens a browser); raw HTML shows as typed.
//!
//! pulldown-cmark parses the text into [`Block`]s (plain data, tested without a window); each
//! block is one wrapped label, so a screen reader reads a heading as its words, never as "## …".
//! A task item's box is painted as egui's checkbox looks (ticked or not, not clickable): the bundled
//! fonts have no ballot box (U+2610, U+2611; tests/it/glyphs.rs checks every symbol drawn); a screen
//! reader hears "Done" or "To do".

use egui::text::{LayoutJob, TextFormat};
use egui::{FontId, Stroke};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// How an inline run of text is drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SpanStyle {
    pub strong: bool,
    pub italic: bool,
    pub strike: bool,
    pub code: bool,
}

/// A run of text in one style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub style: SpanStyle,
}

/// What a block is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading of level 1 to 6.
    Heading(u8),
    Paragraph,
    /// A list item, with its marker ("•", "3.").
    Item(String),
    /// A task list item, ticked or not.
    Task(bool),
    /// A fenced or indented code block (one span, lines kept).
    Code,
    /// A quoted paragraph.
    Quote,
    /// A thematic break (`---`).
    Rule,
}

/// One block of the rendered text, `depth` lists (or quotes) deep.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub depth: usize,
    pub spans: Vec<Span>,
}

impl Block {
    /// The block's text without its styles (and without its marker).
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

/// A list being read: the next number of a numbered list, `None` for bullets.
struct ListState {
    next: Option<u64>,
}

/// Turns pulldown-cmark's events into blocks.
#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    current: Option<Block>,
    lists: Vec<ListState>,
    quotes: usize,
    style: SpanStyle,
    heading: Option<u8>,
    in_code_block: bool,
}

impl Reader {
    fn depth(&self) -> usize {
        self.lists.len().saturating_sub(1) + self.quotes
    }

    /// Ends the block being read, if it has any text (an item's marker alone is kept).
    fn flush(&mut self) {
        if let Some(mut block) = self.current.take() {
            if let Some(last) = block.spans.last_mut()
                && block.kind == BlockKind::Code
            {
                let trimmed = last.text.trim_end_matches('\n').len();
                last.text.truncate(trimmed);
            }
            let kept = matches!(block.kind, BlockKind::Item(_) | BlockKind::Task(_) | BlockKind::Rule);
            if !block.spans.is_empty() || kept {
                self.blocks.push(block);
            }
        }
    }

    /// Starts a block unless the one being read is an item still without text (a loose list's
    /// paragraph belongs to its item).
    fn start(&mut self, kind: BlockKind) {
        if let Some(block) = &self.current
            && matches!(block.kind, BlockKind::Item(_))
            && block.spans.is_empty()
            && kind == BlockKind::Paragraph
        {
            return;
        }
        self.flush();
        let kind = if kind == BlockKind::Paragraph && self.quotes > 0 { BlockKind::Quote } else { kind };
        self.current = Some(Block { kind, depth: self.depth(), spans: Vec::new() });
    }

    fn push_text(&mut self, text: &str, style: SpanStyle) {
        if self.current.is_none() {
            self.start(BlockKind::Paragraph);
        }
        let Some(block) = &mut self.current else { return };
        match block.spans.last_mut() {
            Some(last) if last.style == style => last.text.push_str(text),
            _ => block.spans.push(Span { text: text.to_owned(), style }),
        }
    }

    fn open(&mut self, tag: &Tag<'_>) {
        match tag {
            Tag::Paragraph => self.start(BlockKind::Paragraph),
            Tag::Heading { level, .. } => {
                let level = heading_level(*level);
                self.heading = Some(level);
                self.start(BlockKind::Heading(level));
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quotes += 1;
            }
            Tag::CodeBlock(_) => {
                self.in_code_block = true;
                self.start(BlockKind::Code);
            }
            Tag::List(first) => {
                self.flush();
                self.lists.push(ListState { next: *first });
            }
            Tag::Item => {
                let marker = match self.lists.last_mut() {
                    Some(ListState { next: Some(n) }) => {
                        let marker = format!("{n}.");
                        *n += 1;
                        marker
                    }
                    _ => "•".to_owned(),
                };
                self.start(BlockKind::Item(marker));
            }
            Tag::Emphasis => self.style.italic = true,
            Tag::Strong => self.style.strong = true,
            Tag::Strikethrough => self.style.strike = true,
            _ => {}
        }
    }

    fn close(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Item | TagEnd::HtmlBlock => self.flush(),
            TagEnd::Heading(_) => {
                self.heading = None;
                self.flush();
            }
            TagEnd::CodeBlock => {
                self.in_code_block = false;
                self.flush();
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quotes = self.quotes.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Emphasis => self.style.italic = false,
            TagEnd::Strong => self.style.strong = false,
            TagEnd::Strikethrough => self.style.strike = false,
            _ => {}
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.open(&tag),
            Event::End(tag) => self.close(tag),
            Event::Text(text) => {
                let style = SpanStyle { code: self.in_code_block, ..self.style };
                self.push_text(&text, style);
            }
            Event::Code(text) => self.push_text(&text, SpanStyle { code: true, ..self.style }),
            Event::Html(text) | Event::InlineHtml(text) => self.push_text(&text, self.style),
            Event::InlineMath(text) | Event::DisplayMath(text) => self.push_text(&text, self.style),
            Event::FootnoteReference(label) => self.push_text(&format!("[{label}]"), self.style),
            Event::SoftBreak => self.push_text(" ", self.style),
            Event::HardBreak => self.push_text("\n", self.style),
            Event::Rule => {
                self.flush();
                self.blocks.push(Block { kind: BlockKind::Rule, depth: self.depth(), spans: Vec::new() });
            }
            Event::TaskListMarker(done) => {
                if let Some(block) = &mut self.current
                    && matches!(block.kind, BlockKind::Item(_))
                {
                    block.kind = BlockKind::Task(done);
                }
            }
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// `text` as Markdown blocks.
pub fn blocks(text: &str) -> Vec<Block> {
    let options = Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH;
    let mut reader = Reader::default();
    for event in Parser::new_ext(text, options) {
        reader.event(event);
    }
    reader.flush();
    reader.blocks
}

/// The text size of a heading of `level`, from the body size.
fn heading_size(level: u8, body: f32) -> f32 {
    match level {
        1 => body * 1.5,
        2 => body * 1.3,
        3 => body * 1.15,
        _ => body,
    }
}

/// One block's text as a layout job in the ui's style.
fn layout(ui: &egui::Ui, block: &Block) -> LayoutJob {
    let visuals = ui.visuals();
    let body = egui::TextStyle::Body.resolve(ui.style()).size;
    let mono = egui::TextStyle::Monospace.resolve(ui.style()).size;
    let mut job = LayoutJob::default();
    for span in &block.spans {
        let size = match block.kind {
            BlockKind::Heading(level) => heading_size(level, body),
            _ => body,
        };
        let strong = span.style.strong || matches!(block.kind, BlockKind::Heading(_));
        let mut format = TextFormat {
            font_id: if span.style.code { FontId::monospace(mono) } else { FontId::proportional(size) },
            color: if strong {
                visuals.strong_text_color()
            } else if block.kind == BlockKind::Quote {
                visuals.weak_text_color()
            } else {
                visuals.text_color()
            },
            italics: span.style.italic || block.kind == BlockKind::Quote,
            ..Default::default()
        };
        if span.style.code {
            format.background = visuals.code_bg_color;
        }
        if span.style.strike {
            format.strikethrough = Stroke::new(1.0, format.color);
        }
        job.append(&span.text, 0.0, format);
    }
    job
}

/// A task item's box, drawn as egui draws a checkbox (a tick when done), named for screen readers.
fn task_box_ui(ui: &mut egui::Ui, done: bool) {
    let side = ui.text_style_height(&egui::TextStyle::Body);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::hover());
    let name = crate::i18n::tr(if done { "plan-text-task-done" } else { "plan-text-task-open" });
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &name));
    let visuals = ui.visuals().widgets.inactive;
    let square = rect.shrink(side * 0.12);
    ui.painter().rect(square, 2.0, visuals.bg_fill, visuals.bg_stroke, egui::StrokeKind::Inside);
    if done {
        let inner = square.shrink(side * 0.15);
        let tick = [
            egui::pos2(inner.left(), inner.center().y),
            egui::pos2(inner.center().x - inner.width() * 0.1, inner.bottom()),
            inner.right_top(),
        ];
        ui.painter().add(egui::Shape::line(tick.to_vec(), visuals.fg_stroke));
    }
}

/// How far one list level (or quote) indents.
const INDENT: f32 = 18.0;

/// Shows `text` as rendered Markdown, wrapped to the available width.
pub fn markdown_ui(ui: &mut egui::Ui, text: &str) {
    let blocks = blocks(text);
    ui.vertical(|ui| {
        for (index, block) in blocks.iter().enumerate() {
            if index > 0 {
                let space = match block.kind {
                    BlockKind::Heading(_) => 8.0,
                    BlockKind::Item(_) | BlockKind::Task(_) => 1.0,
                    _ => 4.0,
                };
                ui.add_space(space);
            }
            let indent = block.depth as f32 * INDENT;
            match &block.kind {
                BlockKind::Rule => {
                    ui.separator();
                }
                BlockKind::Item(marker) => {
                    ui.horizontal_top(|ui| {
                        ui.add_space(indent);
                        ui.add(egui::Label::new(marker.as_str()).selectable(false));
                        ui.add(egui::Label::new(layout(ui, block)).wrap());
                    });
                }
                BlockKind::Task(done) => {
                    ui.horizontal_top(|ui| {
                        ui.add_space(indent);
                        task_box_ui(ui, *done);
                        ui.add(egui::Label::new(layout(ui, block)).wrap());
                    });
                }
                BlockKind::Code => {
                    ui.horizontal_top(|ui| {
                        ui.add_space(indent);
                        egui::Frame::new()
                            .fill(ui.visuals().code_bg_color)
                            .inner_margin(egui::Margin::same(4))
                            .corner_radius(2)
                            .show(ui, |ui| {
                                ui.add(egui::Label::new(layout(ui, block)).wrap());
                            });
                    });
                }
                _ => {
                    ui.horizontal_top(|ui| {
                        ui.add_space(indent);
                        ui.add(egui::Label::new(layout(ui, block)).wrap());
                    });
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<(BlockKind, usize, String)> {
        blocks(text).into_iter().map(|b| (b.kind.clone(), b.depth, b.text())).collect()
    }

    #[test]
    fn headings_lose_their_hashes_and_paragraphs_join_their_lines() {
        let got = texts("## 빌드 절차\n\n소스를 받아\n빌드합니다.\n\n# Title");
        assert_eq!(
            got,
            [
                (BlockKind::Heading(2), 0, "빌드 절차".to_owned()),
                (BlockKind::Paragraph, 0, "소스를 받아 빌드합니다.".to_owned()),
                (BlockKind::Heading(1), 0, "Title".to_owned()),
            ]
        );
    }

    #[test]
    fn lists_are_numbered_nested_and_ticked() {
        let got = texts("3. one\n4. two\n   - inner\n\n- [ ] open\n- [x] done\n");
        assert_eq!(
            got,
            [
                (BlockKind::Item("3.".into()), 0, "one".to_owned()),
                (BlockKind::Item("4.".into()), 0, "two".to_owned()),
                (BlockKind::Item("•".into()), 1, "inner".to_owned()),
                (BlockKind::Task(false), 0, "open".to_owned()),
                (BlockKind::Task(true), 0, "done".to_owned()),
            ]
        );
    }

    #[test]
    fn a_loose_lists_paragraphs_stay_in_their_items() {
        let got = texts("- first\n\n- second\n");
        assert_eq!(
            got,
            [
                (BlockKind::Item("•".into()), 0, "first".to_owned()),
                (BlockKind::Item("•".into()), 0, "second".to_owned()),
            ]
        );
    }

    #[test]
    fn inline_styles_links_and_code_keep_their_text() {
        let blocks = blocks("**굵게** *기울임* `cargo build` [문서](https://example.com) ~~old~~");
        assert_eq!(blocks.len(), 1);
        let spans = &blocks[0].spans;
        assert_eq!(blocks[0].text(), "굵게 기울임 cargo build 문서 old");
        assert!(spans[0].style.strong && spans[0].text == "굵게");
        assert!(spans.iter().any(|s| s.style.italic && s.text == "기울임"));
        assert!(spans.iter().any(|s| s.style.code && s.text == "cargo build"));
        assert!(spans.iter().any(|s| !s.style.code && s.text.contains("문서")), "a link is its text");
        assert!(spans.iter().any(|s| s.style.strike && s.text == "old"));
    }

    #[test]
    fn code_blocks_quotes_and_rules() {
        let got = texts("```\nmake\nmake install\n```\n\n> 주의\n\n---\n");
        assert_eq!(
            got,
            [
                (BlockKind::Code, 0, "make\nmake install".to_owned()),
                (BlockKind::Quote, 1, "주의".to_owned()),
                (BlockKind::Rule, 0, String::new()),
            ]
        );
    }
}
