//! Fitting `list` to the terminal: its width (`$COLUMNS`, else the terminal's own), and which
//! columns fit it, the subject narrowed and the least needed columns dropped rather than wrapped.

use std::io::IsTerminal as _;

use unicode_width::UnicodeWidthStr as _;

use crate::domain::SortKey;

/// The widest a subject is shown; below [`SUBJECT_KEEP`] columns the optional columns go first,
/// and it is never cut below [`SUBJECT_MIN`].
pub(super) const SUBJECT_MAX: usize = 50;
const SUBJECT_KEEP: usize = 30;
const SUBJECT_MIN: usize = 12;
/// Between two columns.
const GAP: usize = 2;

/// The columns dropped first when the default columns do not fit (id and subject never are).
const DROP_ORDER: [SortKey; 10] = [
    SortKey::Stage,
    SortKey::Updated,
    SortKey::Created,
    SortKey::PlannedEnd,
    SortKey::Type,
    SortKey::Group,
    SortKey::Priority,
    SortKey::PlannedStart,
    SortKey::Agent,
    SortKey::Status,
];

/// The terminal's width in columns: `$COLUMNS` if set, else the terminal's own when stdout is
/// one; `None` (no limit) for a pipe or a file.
pub fn terminal_width() -> Option<usize> {
    if let Some(columns) = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse::<usize>().ok()) {
        return (columns > 0).then_some(columns);
    }
    if !std::io::stdout().is_terminal() {
        return None;
    }
    tty_width()
}

/// Asks the terminal through `stty size` (rows and columns of the controlling terminal).
#[cfg(unix)]
fn tty_width() -> Option<usize> {
    let tty = std::fs::File::open("/dev/tty").ok()?;
    let out = std::process::Command::new("stty").arg("size").stdin(tty).output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    text.split_whitespace().nth(1)?.parse().ok().filter(|&c| c > 0)
}

#[cfg(not(unix))]
fn tty_width() -> Option<usize> {
    None
}

/// What fits: the columns kept (indices into the columns given, in their order), the subject's
/// width, and how many columns were left out.
#[derive(Debug, PartialEq, Eq)]
pub struct Fit {
    pub kept: Vec<usize>,
    pub subject_width: usize,
    pub dropped: usize,
}

/// Fits `columns` (with their headers and cells) into `max` terminal columns. `chosen` says the
/// user picked them (`--columns`): then the rightmost go first, else [`DROP_ORDER`]. (What `list`
/// did before it streamed; its tests compare with it.)
#[cfg(test)]
pub fn fit(
    columns: &[SortKey],
    headers: &[String],
    rows: &[Vec<String>],
    max: Option<usize>,
    chosen: bool,
) -> Fit {
    let natural: Vec<usize> = (0..columns.len())
        .map(|i| {
            let cells = rows.iter().map(|r| r.get(i).map_or(0, |c| c.width()));
            let cap = if columns[i] == SortKey::Subject { SUBJECT_MAX } else { usize::MAX };
            cells.map(|w| w.min(cap)).max().unwrap_or(0).max(headers[i].width())
        })
        .collect();
    fit_natural(columns, headers, &natural, max, chosen)
}

/// As [`fit`], from each column's natural width (its widest cell, a subject at most
/// [`SUBJECT_MAX`], or its header) rather than the cells: a list written as it is made measures
/// its rows in a pass of its own.
pub fn fit_natural(
    columns: &[SortKey],
    headers: &[String],
    natural: &[usize],
    max: Option<usize>,
    chosen: bool,
) -> Fit {
    let subject = columns.iter().position(|c| *c == SortKey::Subject);
    let mut kept: Vec<usize> = (0..columns.len()).collect();
    let subject_natural = subject.map_or(0, |i| natural[i]);
    let Some(max) = max else {
        return Fit { kept, subject_width: subject_natural.max(1), dropped: 0 };
    };
    let total = |kept: &[usize], subject_width: usize| -> usize {
        let widths: usize =
            kept.iter().map(|&i| if Some(i) == subject { subject_width } else { natural[i] }).sum();
        widths + GAP * kept.len().saturating_sub(1)
    };
    let keep_width = subject_natural.min(SUBJECT_KEEP);
    while total(&kept, keep_width) > max {
        let next = if chosen {
            kept.iter().rev().copied().find(|&i| !matches!(columns[i], SortKey::Id | SortKey::Subject))
        } else {
            DROP_ORDER.iter().find_map(|key| kept.iter().copied().find(|&i| columns[i] == *key))
        };
        let Some(next) = next else { break };
        kept.retain(|&i| i != next);
    }
    let spare = max.saturating_sub(total(&kept, 0));
    let floor = subject.map_or(0, |i| headers[i].width().max(SUBJECT_MIN.min(subject_natural)));
    let subject_width = spare.min(subject_natural).max(floor).max(1);
    Fit { dropped: columns.len() - kept.len(), kept, subject_width }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> (Vec<SortKey>, Vec<String>, Vec<Vec<String>>) {
        let columns = SortKey::ALL[..11].to_vec();
        let headers: Vec<String> = columns.iter().map(|c| c.slug().to_owned()).collect();
        let row: Vec<String> = columns
            .iter()
            .map(|c| if *c == SortKey::Subject { "s".repeat(40) } else { "x".repeat(10) })
            .collect();
        (columns, headers, vec![row])
    }

    #[test]
    fn without_a_limit_everything_shows() {
        let (columns, headers, rows) = table();
        let fit = fit(&columns, &headers, &rows, None, false);
        assert_eq!((fit.kept.len(), fit.subject_width, fit.dropped), (11, 40, 0));
    }

    #[test]
    fn a_narrow_terminal_drops_the_least_needed_columns_first() {
        let (columns, headers, rows) = table();
        let fit = fit(&columns, &headers, &rows, Some(80), false);
        let kept: Vec<SortKey> = fit.kept.iter().map(|&i| columns[i]).collect();
        assert!(kept.starts_with(&[SortKey::Id, SortKey::Subject, SortKey::Status]), "{kept:?}");
        assert!(!kept.contains(&SortKey::Updated) && !kept.contains(&SortKey::Created));
        let others: usize = fit
            .kept
            .iter()
            .filter(|&&i| columns[i] != SortKey::Subject)
            .map(|&i| headers[i].len().max(10))
            .sum();
        let widths = others + fit.subject_width + 2 * (kept.len() - 1);
        assert!(widths <= 80 && fit.subject_width >= SUBJECT_MIN, "{widths} {fit:?}");
        assert_eq!(fit.dropped, 11 - kept.len());
    }

    #[test]
    fn chosen_columns_go_from_the_right() {
        let (columns, headers, rows) = table();
        let chosen = [SortKey::Id, SortKey::Agent, SortKey::Subject, SortKey::Group, SortKey::Status];
        let picked: Vec<usize> =
            chosen.iter().map(|c| columns.iter().position(|k| k == c).unwrap()).collect();
        let cols: Vec<SortKey> = picked.iter().map(|&i| columns[i]).collect();
        let heads: Vec<String> = picked.iter().map(|&i| headers[i].clone()).collect();
        let rows: Vec<Vec<String>> =
            rows.iter().map(|r| picked.iter().map(|&i| r[i].clone()).collect()).collect();
        let fit = fit(&cols, &heads, &rows, Some(70), true);
        assert_eq!(fit.kept, vec![0, 1, 2, 3]);
    }
}
