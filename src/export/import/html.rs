//! Freshservice's HTML (descriptions, plans, notes) as readable text, and this app's text as the
//! HTML Freshservice expects. Lists keep their bullets and numbers, line breaks and paragraphs
//! stay, entities are decoded; lines are never wrapped.

/// Readable text of `html`. Text with no markup and no entity comes back as it is.
pub fn html_to_text(html: &str) -> String {
    if !html.contains(['<', '&']) {
        return html.to_owned();
    }
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
    fn text_goes_to_html_and_back_unchanged() {
        for text in ["plain", "두 줄\n둘째 줄", "a & b < c > d \"q\"", "para\n\nafter a blank line", ""]
        {
            assert_eq!(html_to_text(&text_to_html(text)), text, "{text:?} -> {}", text_to_html(text));
        }
        assert_eq!(html_to_text("no markup: kept  as   is"), "no markup: kept  as   is");
    }
}
