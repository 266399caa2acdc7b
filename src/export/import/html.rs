//! Freshservice's HTML (descriptions, plans, notes) as readable text, and this app's text as the
//! HTML Freshservice expects. Lists keep their bullets and numbers, line breaks and paragraphs
//! stay, entities are decoded; lines are never wrapped. HTML nested deeper than any editor writes
//! (a hostile file) is flattened first: html2text's time grows with the square of the depth.

/// Readable text of `html`. Text with no markup and no entity comes back as it is.
pub fn html_to_text(html: &str) -> String {
    if !html.contains(['<', '&']) {
        return html.to_owned();
    }
    if let Some(text) = plain_paragraphs(html) {
        return text;
    }
    let flat;
    let html = if depth(html) > MAX_DEPTH {
        flat = flattened(html);
        flat.as_str()
    } else {
        html
    };
    // Wide enough that no line is ever wrapped; tables may still overflow it.
    let config = html2text::config::plain_no_decorate().allow_width_overflow().no_link_wrapping();
    match config.string_from_read(html.as_bytes(), 1_000_000) {
        Ok(text) => {
            let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
            lines.join("\n").trim_matches('\n').to_owned()
        }
        Err(err) => {
            // html2text fails only on input it cannot read at all: keep the markup rather than lose text.
            log::warn!("could not turn imported HTML into text: {err}");
            html.to_owned()
        }
    }
}

/// The text of `html` when it is nothing but paragraphs as this app writes them and Freshservice's
/// editor does ([`text_to_html`]: `<div>` lines of text with `&amp;`, `&lt;`, `&gt;`, `&quot;`, an
/// empty line `<div><br></div>`), read without an HTML parser: the same text html2text gives, at a
/// small part of its cost (an import of 100,000 releases meets several such fields in each).
/// `None` for anything else, and for any whitespace that HTML would collapse or html2text could
/// treat otherwise (leading, trailing or repeated spaces, tabs, other spaces, control characters),
/// which then goes to html2text.
fn plain_paragraphs(html: &str) -> Option<String> {
    /// Longer lines go to html2text, which wraps past its width.
    const LONGEST_LINE: usize = 100_000;
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut first = true;
    while !rest.is_empty() {
        rest = rest.strip_prefix("<div>")?;
        let end = rest.find("</div>")?;
        let (line, after) = (&rest[..end], &rest[end + "</div>".len()..]);
        rest = after;
        if !first {
            out.push('\n');
        }
        first = false;
        if line == "<br>" {
            continue;
        }
        if line.is_empty() || line.len() > LONGEST_LINE || line.starts_with(' ') || line.ends_with(' ') {
            return None;
        }
        let mut previous_space = false;
        let mut chars = line.char_indices();
        while let Some((at, c)) = chars.next() {
            let space = c == ' ';
            if (space && previous_space)
                || (!space && (c.is_whitespace() || c.is_control()))
                || c == '<'
                || c == '>'
            {
                return None;
            }
            previous_space = space;
            if c != '&' {
                out.push(c);
                continue;
            }
            let entity =
                ["&amp;", "&lt;", "&gt;", "&quot;"].into_iter().find(|e| line[at..].starts_with(e))?;
            out.push(match entity {
                "&amp;" => '&',
                "&lt;" => '<',
                "&gt;" => '>',
                _ => '"',
            });
            // The entity's other characters are ASCII: one char each.
            for _ in 1..entity.len() {
                chars.next();
            }
        }
    }
    // As the html2text path ends: no blank lines at either end.
    Some(out.trim_matches('\n').to_owned())
}

/// Nesting deeper than this is flattened before html2text reads it (20,000 nested `<div>`s took it
/// over a minute; real descriptions nest a handful of levels).
const MAX_DEPTH: usize = 100;

/// Elements that never hold anything, so never nest.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr",
];

/// Elements whose start or end starts a line.
const LINE: [&str; 16] = [
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
];

/// Each tag of `html`: (is an end tag, lower-case name, the whole tag's byte range); text between.
fn tags(html: &str) -> impl Iterator<Item = (bool, String, std::ops::Range<usize>)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let start = from + html.get(from..)?.find('<')?;
        let end = start + html[start..].find('>')? + 1;
        from = end;
        let inner = &html[start + 1..end - 1];
        let closing = inner.starts_with('/');
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let name = if inner.ends_with('/') && !closing { String::new() } else { name };
        Some((closing, name, start..end))
    })
}

/// How deep the elements of `html` nest (roughly: an end tag left out counts as still open).
fn depth(html: &str) -> usize {
    let (mut now, mut most) = (0_usize, 0_usize);
    for (closing, name, _) in tags(html) {
        if name.is_empty() || VOID.contains(&name.as_str()) {
            continue;
        }
        if closing {
            now = now.saturating_sub(1);
        } else {
            now += 1;
            most = most.max(now);
        }
    }
    most
}

/// `html` with every tag taken out: one that starts a line leaves a `<br>` (a list item `<br>* `),
/// so the text keeps its lines and html2text still decodes the entities.
fn flattened(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut text_from = 0;
    for (closing, name, range) in tags(html) {
        out.push_str(&html[text_from..range.start]);
        text_from = range.end;
        if name == "li" && !closing {
            out.push_str("<br>* ");
        } else if LINE.contains(&name.as_str()) {
            out.push_str("<br>");
        }
    }
    out.push_str(&html[text_from..]);
    out
}

/// `text` as HTML: special characters escaped, each line a `<div>` (an empty line `<div><br></div>`),
/// which is how Freshservice's editor writes paragraphs and what [`html_to_text`] reads back.
pub fn text_to_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for line in text.split('\n') {
        out.push_str("<div>");
        if line.is_empty() {
            out.push_str("<br>");
        }
        for c in line.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                c => out.push(c),
            }
        }
        out.push_str("</div>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What html2text alone makes of `html` (the path [`plain_paragraphs`] stands in for).
    fn by_html2text(html: &str) -> String {
        let config = html2text::config::plain_no_decorate().allow_width_overflow().no_link_wrapping();
        let text = config.string_from_read(html.as_bytes(), 1_000_000).unwrap_or_default();
        let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
        lines.join("\n").trim_matches('\n').to_owned()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]
        /// Wherever the fast path answers, it answers as html2text does: on this app's own HTML
        /// of any text, and on mangled variants of it.
        #[test]
        fn plain_paragraphs_read_as_html2text_does(
            text in "([a-z가-힣0-9 &<>\"'#;\t\u{a0}\u{3000}\r\n.*-]|&amp;|&lt;|&#39;|&nbsp;){0,40}",
            cut in 0_usize..8,
        ) {
            let html = text_to_html(&text);
            for candidate in [html.clone(), text.clone(), format!("<div>{text}</div>"), html.replace("<br>", ""),
                              html.get(..html.len().saturating_sub(cut)).unwrap_or_default().to_owned()] {
                if let Some(fast) = plain_paragraphs(&candidate) {
                    proptest::prop_assert_eq!(&fast, &by_html2text(&candidate), "{:?}", candidate);
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1_000))]
        /// Lines of words (what descriptions and plans hold) always take the fast path, and read
        /// as html2text reads them.
        #[test]
        fn lines_of_words_take_the_fast_path(
            lines in proptest::collection::vec("([a-zA-Z가-힣0-9&<>\"'#;:.*/()-]{1,12}( [a-zA-Z가-힣0-9&<>\"'#;:.*/()-]{1,12}){0,6})?", 0..8),
        ) {
            let html = text_to_html(&lines.join("\n"));
            let fast = plain_paragraphs(&html);
            proptest::prop_assert!(fast.is_some(), "{:?}", html);
            proptest::prop_assert_eq!(fast, Some(by_html2text(&html)), "{:?}", html);
        }
    }

    #[test]
    fn plain_paragraphs_take_the_usual_text_and_leave_the_rest() {
        let html = text_to_html("배포 순서 & 확인\n\nDB <백업> \"전\"\n끝");
        assert_eq!(plain_paragraphs(&html).as_deref(), Some("배포 순서 & 확인\n\nDB <백업> \"전\"\n끝"));
        assert_eq!(plain_paragraphs(&html), Some(by_html2text(&html)));
        for other in [
            "<p>a</p>",
            "<div>a  b</div>",
            "<div> a</div>",
            "<div>a&nbsp;b</div>",
            "<div>a\tb</div>",
            "<div><b>a</b></div>",
            "<div>a</div>tail",
            "<div></div>",
        ] {
            assert_eq!(plain_paragraphs(other), None, "{other}");
        }
    }

    #[test]
    fn lists_breaks_entities_and_korean_are_kept() {
        let html = "<p>배포 순서 &amp; 확인</p><ul><li>DB 백업</li><li>앱 &lt;v2&gt;</li></ul>\
                    <ol><li>first</li><li>second</li></ol><p>line one<br>line two</p>";
        let text = html_to_text(html);
        assert!(text.contains("배포 순서 & 확인"), "{text}");
        assert!(text.contains("* DB 백업"), "{text}");
        assert!(text.contains("* 앱 <v2>"), "{text}");
        assert!(text.contains("1. first"), "{text}");
        assert!(text.contains("2. second"), "{text}");
        assert!(text.contains("line one\nline two"), "{text}");
    }

    #[test]
    fn html_nested_deeper_than_any_editor_writes_is_read_flat() {
        let deep = "<div>".repeat(20_000) + "깊은 &amp; 곳<br>둘째" + &"</div>".repeat(20_000);
        assert_eq!(depth(&deep), 20_000);
        let text = html_to_text(&deep);
        assert!(text.contains("깊은 & 곳\n둘째"), "{text}");
        let list = "<ul><li>".repeat(3_000) + "끝";
        assert!(html_to_text(&list).contains("* 끝"));
        assert_eq!(depth("<p>a<br>b<img src=x><br/></p><ul><li>c</li></ul>"), 2);
    }

    #[test]
    fn text_goes_to_html_and_back_unchanged() {
        for text in ["plain", "두 줄\n둘째 줄", "a & b < c > d \"q\"", "para\n\nafter a blank line", ""]
        {
            assert_eq!(html_to_text(&text_to_html(text)), text, "{text:?} -> {}", text_to_html(text));
        }
        assert_eq!(html_to_text("no markup: kept  as   is"), "no markup: kept  as   is");
    }
}
