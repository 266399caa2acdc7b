//! Text bound for a terminal: data and arguments never reach it raw. Control characters (ESC,
//! BEL, CR, LF, ...) and bidirectional-text controls are shown as visible escapes (`\x1b`,
//! `\u{202e}`), so a subject cannot colour the screen, retitle the window, clear it or forge a
//! row; and an argument echoed in an error line is cut to [`ECHO_MAX`] characters.

use std::borrow::Cow;

/// How many characters of an argument an error line repeats.
pub const ECHO_MAX: usize = 200;

/// Whether `c` would act on the terminal (or reorder the text around it) rather than show.
fn acts(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every control shown as an escape; `keep_newlines` keeps line ends of a text that
/// has lines of its own (a description shown below a table), everything else is one line.
pub fn visible(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    if !text.chars().any(acts) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if acts(c) && u32::from(c) < 0x100 => out.push_str(&format!("\\x{:02x}", u32::from(c))),
            c if acts(c) => out.push_str(&format!("\\u{{{:04x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// An argument as an error line repeats it: at most [`ECHO_MAX`] characters, then `…`.
pub fn echo(arg: &str) -> String {
    if arg.chars().count() <= ECHO_MAX {
        return arg.to_owned();
    }
    let mut cut: String = arg.chars().take(ECHO_MAX).collect();
    cut.push('…');
    cut
}

/// An error line as printed: one line, controls shown as escapes, and every word (an argument
/// or a path repeated in it) cut to [`ECHO_MAX`] characters.
pub fn error_line(message: &str) -> String {
    let cut: Vec<String> = message.split(' ').map(echo).collect();
    visible(&cut.join(" "), false).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_show_as_escapes() {
        assert_eq!(visible("plain 한글", false), "plain 한글");
        assert_eq!(visible("\u{1b}[2J\u{7}x\r\ny", false), "\\x1b[2J\\x07x\\r\\ny");
        assert_eq!(visible("a\u{202e}b\u{2066}", false), "a\\u{202e}b\\u{2066}");
        assert_eq!(visible("line\nline\u{9b}", true), "line\nline\\x9b");
    }

    #[test]
    fn long_arguments_are_cut() {
        assert_eq!(echo("short"), "short");
        let long = "가".repeat(500);
        assert_eq!(echo(&long).chars().count(), ECHO_MAX + 1);
        let line = error_line(&format!("no agent '{long}'\n\u{1b}[31m"));
        assert!(line.chars().count() < ECHO_MAX + 40, "{line}");
        assert!(!line.contains('\u{1b}') && !line.contains('\n'));
    }
}
