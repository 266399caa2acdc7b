//! Freshservice's HTML (descriptions, plans, notes) as readable text, and this app's text as the
//! HTML Freshservice expects. Lists keep their bullets and numbers, line breaks and paragraphs
//! stay, entities are decoded; lines are never wrapped. HTML nested deeper than any editor writes
//! (a hostile file) is flattened first: html2text's time grows with the square of the depth.

/// Readable text of `html`. Text with no markup and no entity comes back as it is.
pub fn html_to_text(html: &str) -> String {
    if !html.contains(['<', '&']) {
        return html.to_owned();
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
