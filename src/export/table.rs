//! Release lists as CSV or as an aligned text table for a terminal (Hangul counts two columns).

use unicode_width::UnicodeWidthStr as _;

use crate::domain::{Directory, Release, Timestamp};

/// The list columns, in the order the window shows them (CSV keeps these English names, so
/// scripts can rely on them).
pub const HEADERS: [&str; 11] = [
    "ID",
    "Subject",
    "Status",
    "Priority",
    "Type",
    "Planned start",
    "Planned end",
    "Agent",
    "Group",
    "Created",
    "Updated",
];

fn local(t: Timestamp) -> String {
    crate::i18n::datetime_short(t)
}

/// The column headers in the current language (terminal tables).
pub fn localized_headers() -> Vec<String> {
    crate::domain::SortKey::ALL.iter().map(|k| crate::i18n::column(*k)).collect()
}

fn iso(t: Timestamp) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// One release as the list's cells; `machine` chooses ISO 8601 timestamps and English labels
/// (CSV) over local times and the current language (terminal).
pub fn cells(r: &Release, directory: &Directory, machine: bool) -> [String; 11] {
    use crate::i18n;
    let time = if machine { iso } else { local };
    let (status, priority, kind) = if machine {
        (r.status.label().to_owned(), r.priority.label().to_owned(), r.release_type.label().to_owned())
    } else {
        (i18n::status(r.status), i18n::priority(r.priority), i18n::release_type(r.release_type))
    };
    [
        if machine { r.id.0.to_string() } else { i18n::release_number(r.id) },
        r.subject.clone(),
        status,
        priority,
        kind,
        time(r.planned.start),
        time(r.planned.end),
        directory.agent_name(r.agent_id).to_owned(),
        directory.group_name(r.group_id).to_owned(),
        time(r.created_at),
        time(r.updated_at),
    ]
}

/// Whether a spreadsheet would run `text` as a formula (a text starting with `=`, `+`, `-`, `@`, a
/// tab or a carriage return, after any spaces; numbers such as `-5` or `+1.5` are numbers), or
/// `text` is a `'` before such a text (so that the `'` the guard adds is the only one the import
/// takes off again).
pub fn needs_guard(text: &str) -> bool {
    let starts_formula = text.starts_with(['\t', '\r'])
        || text.trim_start_matches(' ').starts_with(['=', '+', '-', '@', '\t', '\r']);
    (starts_formula && text.trim().parse::<f64>().is_err())
        || text.strip_prefix('\'').is_some_and(needs_guard)
}

/// A cell as CSV writes it, safe to open in a spreadsheet: a text that [`needs_guard`] gets a
/// leading `'` (OWASP's CSV injection advice). [`unguarded`] is its exact inverse.
pub fn csv_cell(text: &str) -> std::borrow::Cow<'_, str> {
    if needs_guard(text) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// A cell as [`csv_cell`] wrote it, without the guard.
pub fn unguarded(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => cell,
    }
}

/// CSV with a header row and ISO 8601 timestamps; every cell through [`csv_cell`].
pub fn to_csv<'a>(
    releases: impl IntoIterator<Item = &'a Release>,
    directory: &Directory,
) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(HEADERS)?;
    for r in releases {
        writer.write_record(cells(r, directory, true).iter().map(|c| csv_cell(c).into_owned()))?;
    }
    let bytes = writer.into_inner().map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Cuts `text` to at most `width` terminal columns, ending in `…` when cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// An aligned table: each column as wide as its widest cell (the subject at most 50 columns).
pub fn to_text_table(headers: &[String], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.width()).collect();
    let rows: Vec<Vec<String>> = rows.iter().map(|row| row.iter().map(|c| fit(c, 50)).collect()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let mut out = String::new();
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut text = String::new();
        for (i, (cell, w)) in cells.zip(&widths).enumerate() {
            if i > 0 {
                text.push_str("  ");
            }
            text.push_str(cell);
            text.push_str(&" ".repeat(w.saturating_sub(cell.width())));
        }
        out.push_str(text.trim_end());
        out.push('\n');
    };
    line(&mut headers.iter().map(String::as_str));
    for row in &rows {
        line(&mut row.iter().map(String::as_str));
    }
    out
}
