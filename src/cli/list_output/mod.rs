//! `list`'s output written as it is made, never whole in memory: JSON one release at a time
//! (serde's sequence over an iterator, so the bytes are those of the whole list pretty-printed),
//! CSV row by row, and the terminal table in passes over the rows (the widths first, then the
//! lines), so a million releases print in the memory of one.

use std::collections::HashMap;
use std::io::Write;

use serde::Serializer as _;
use unicode_width::UnicodeWidthStr as _;

use super::terminal::visible;
use super::width;
use super::{CsvOptions, Format};
use crate::domain::{Release, ReleaseId, SortKey};
use crate::export;
use crate::i18n::{self, tr_args};
use crate::model::Model;

/// The widest a table cell is shown ([`export::table::to_text_table`] cuts there too).
const CELL_MAX: usize = 50;

/// Writes `rows` (indices into the model's releases) to `out` as `format`, a table fitted to the
/// terminal.
pub(super) fn write_list(
    out: &mut dyn Write,
    model: &Model,
    rows: &[usize],
    format: Format,
    columns: &[SortKey],
    csv: CsvOptions,
) -> Result<(), String> {
    write_list_within(out, model, rows, format, columns, csv, width::terminal_width())
}

/// As [`write_list`], a table fitted to `max` columns (`None`: as wide as it needs).
fn write_list_within(
    out: &mut dyn Write,
    model: &Model,
    rows: &[usize],
    format: Format,
    columns: &[SortKey],
    csv: CsvOptions,
    max: Option<usize>,
) -> Result<(), String> {
    let releases = rows.iter().map(|&i| &model.releases()[i]);
    match format {
        Format::Json => write_json(out, model, releases),
        Format::Csv => write_csv(out, model, releases, csv),
        Format::Table => write_table(out, model, rows, columns, max).map_err(|e| e.to_string()),
    }
}

/// The releases as a pretty-printed JSON array, each with its work and stage history.
pub(super) fn write_json<'a>(
    out: &mut dyn Write,
    model: &Model,
    releases: impl ExactSizeIterator<Item = &'a Release>,
) -> Result<(), String> {
    let directory = model.directory();
    let work = work_by_release(model);
    let none = export::json::ReleaseWork::default();
    let now = model.now();
    let histories = model.stage_histories();
    let items = releases.map(|r| {
        let mut json =
            export::json::release_with_work_json(r, directory, work.get(&r.id).unwrap_or(&none), now);
        if let Some(map) = json.as_object_mut() {
            let history = histories.get(&r.id).map_or(&[][..], Vec::as_slice);
            map.insert(
                "stage_history".into(),
                export::lifecycle_json::stage_history_json(history, directory),
            );
        }
        json
    });
    let mut buffered = std::io::BufWriter::new(out);
    let mut serializer = serde_json::Serializer::pretty(&mut buffered);
    serializer.collect_seq(items).map_err(|e| e.to_string())?;
    buffered.write_all(b"\n").and_then(|()| buffered.flush()).map_err(|e| e.to_string())
}

/// Each release's notes, tasks and time, gathered in one pass over each list; notes and time
/// newest first, as the release page and `show` list them.
fn work_by_release(model: &Model) -> HashMap<ReleaseId, export::json::ReleaseWork<'_>> {
    let mut work: HashMap<ReleaseId, export::json::ReleaseWork<'_>> = HashMap::new();
    for n in model.notes().iter().rev() {
        work.entry(n.release_id).or_default().notes.push(n);
    }
    for t in model.tasks() {
        work.entry(t.release_id).or_default().tasks.push(t);
    }
    for e in model.time_entries().iter().rev() {
        work.entry(e.release_id).or_default().time_entries.push(e);
    }
    for w in work.values_mut() {
        w.notes.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
        w.time_entries.sort_by(|a, b| b.executed_at.cmp(&a.executed_at).then(b.id.cmp(&a.id)));
    }
    work
}

/// The releases as CSV, row by row (a byte order mark first with `--bom`).
pub(super) fn write_csv<'a>(
    out: &mut dyn Write,
    model: &Model,
    releases: impl Iterator<Item = &'a Release>,
    csv: CsvOptions,
) -> Result<(), String> {
    if csv.bom {
        out.write_all("\u{feff}".as_bytes()).map_err(|e| e.to_string())?;
    }
    export::csv::write_releases_csv(out, releases, model.directory(), csv.localized)
        .map_err(|e| e.to_string())
}

/// One row's cells in `columns`, as the terminal shows them.
fn table_cells(model: &Model, release: &Release, index: &[usize]) -> Vec<String> {
    let cells = export::table::cells(release, model.directory(), false);
    index
        .iter()
        .map(|&i| match cells.get(i) {
            Some(cell) => visible(cell, false).into_owned(),
            None => i18n::stage(release.stage),
        })
        .collect()
}

/// The list as an aligned table that fits the terminal ([`width::fit`]): `columns` in their
/// order, or all of them; a line under it says how many columns did not fit. Three passes over
/// the rows: their natural widths (which columns fit), the subject's width once cut, the lines.
fn write_table(
    out: &mut dyn Write,
    model: &Model,
    rows: &[usize],
    columns: &[SortKey],
    max: Option<usize>,
) -> std::io::Result<()> {
    let chosen = !columns.is_empty();
    // By default the window's default columns (the stage on request).
    let columns: Vec<SortKey> =
        if chosen { columns.to_vec() } else { SortKey::ALL[..export::table::HEADERS.len()].to_vec() };
    let index: Vec<usize> =
        columns.iter().map(|key| SortKey::ALL.iter().position(|k| k == key).unwrap_or(0)).collect();
    let all_headers = export::table::localized_headers();
    let headers: Vec<String> =
        index.iter().map(|&i| all_headers.get(i).cloned().unwrap_or_default()).collect();
    let releases = || rows.iter().map(|&i| &model.releases()[i]);
    let is_subject = |i: usize| columns[i] == SortKey::Subject;

    // Pass 1: the natural widths (what fits), and every other column's width once cut.
    let mut natural: Vec<usize> = headers.iter().map(|h| h.width()).collect();
    let mut shown: Vec<usize> = natural.clone();
    for release in releases() {
        for (i, cell) in table_cells(model, release, &index).iter().enumerate() {
            let cap = if is_subject(i) { width::SUBJECT_MAX } else { usize::MAX };
            natural[i] = natural[i].max(cell.width().min(cap));
            if !is_subject(i) {
                shown[i] = shown[i].max(export::table::fit(cell, CELL_MAX).width());
            }
        }
    }
    let fit = width::fit_natural(&columns, &headers, &natural, max, chosen);
    let cut = |i: usize, cell: &str| {
        let cell = if is_subject(i) { export::table::fit(cell, fit.subject_width) } else { cell.to_owned() };
        export::table::fit(&cell, CELL_MAX)
    };
    // Pass 2: the subject's width once cut to what fits.
    if fit.kept.iter().any(|&i| is_subject(i)) {
        for release in releases() {
            let subject = visible(&release.subject, false);
            let width =
                cut(columns.iter().position(|c| *c == SortKey::Subject).unwrap_or(0), &subject).width();
            for i in (0..columns.len()).filter(|&i| is_subject(i)) {
                shown[i] = shown[i].max(width);
            }
        }
    }
    // Pass 3: the lines.
    let mut out = std::io::BufWriter::new(out);
    let widths: Vec<usize> = fit.kept.iter().map(|&i| shown[i]).collect();
    let header_cells: Vec<&str> = fit.kept.iter().map(|&i| headers[i].as_str()).collect();
    write_line(&mut out, &header_cells, &widths)?;
    for release in releases() {
        let cells = table_cells(model, release, &index);
        let kept: Vec<String> = fit.kept.iter().map(|&i| cut(i, &cells[i])).collect();
        let kept: Vec<&str> = kept.iter().map(String::as_str).collect();
        write_line(&mut out, &kept, &widths)?;
    }
    writeln!(out, "{}", tr_args("cli-count", &[("count", rows.len().into())]))?;
    if fit.dropped > 0 {
        writeln!(out, "{}", tr_args("cli-list-columns-hidden", &[("count", fit.dropped.into())]))?;
    }
    out.flush()
}

/// One line of the table: the cells padded to their column's width, two spaces apart, no
/// spaces at the end.
fn write_line(out: &mut impl Write, cells: &[&str], widths: &[usize]) -> std::io::Result<()> {
    let mut text = String::new();
    for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
        if i > 0 {
            text.push_str("  ");
        }
        text.push_str(cell);
        text.push_str(&" ".repeat(w.saturating_sub(cell.width())));
    }
    writeln!(out, "{}", text.trim_end())
}

#[cfg(test)]
mod tests;
