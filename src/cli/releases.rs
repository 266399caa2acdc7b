//! `list` and `show`: releases of a view, or one release (with its stage, readiness, tasks, notes
//! and stage history), as a table, JSON or CSV.

use std::path::Path;

use unicode_width::UnicodeWidthStr;

use super::terminal::visible;
use super::width;
use super::{CsvOptions, Format, find_agent, open_existing};
use crate::domain::{PredefinedView, ReleaseFilter, ReleaseId, SortKey, SortSpec, view};
use crate::export;
use crate::i18n::{self, tr, tr_args};
use crate::model::Model;

/// What `list` was asked for.
pub(super) struct ListArgs {
    pub view: PredefinedView,
    pub sort: SortKey,
    pub desc: bool,
    pub as_agent: Option<String>,
    pub search: Option<String>,
    pub format: Format,
    /// `--columns`: empty for all that fit.
    pub columns: Vec<SortKey>,
    pub csv: CsvOptions,
}

/// `list`: the releases of `view`, filtered by `search`, sorted by `sort`.
pub(super) fn list(db: &Path, args: ListArgs) -> Result<String, String> {
    let ListArgs { view, sort, desc, as_agent, search, format, columns, csv } = args;
    csv_only(format, csv)?;
    if !columns.is_empty() && format != Format::Table {
        return Err(tr("cli-error-columns-table-only"));
    }
    let model = open_existing(db)?;
    let me = match as_agent {
        None => model.settings().current_agent,
        Some(text) => Some(find_agent(&model, &text)?),
    };
    let filter = ReleaseFilter { text: search.unwrap_or_default(), ..ReleaseFilter::default() };
    let rows = view::query(
        model.releases(),
        view,
        me,
        &filter,
        SortSpec { key: sort, descending: desc },
        model.directory(),
    );
    let releases = rows.iter().map(|&i| &model.releases()[i]);
    if format == Format::Table {
        return Ok(list_table(&model, releases, &columns));
    }
    format_releases(&model, releases, format, csv)
}

/// `--bom` and `--localized` are about CSV only.
fn csv_only(format: Format, csv: CsvOptions) -> Result<(), String> {
    if format != Format::Csv && (csv.bom || csv.localized) {
        return Err(tr("cli-error-csv-only"));
    }
    Ok(())
}

/// `show`: one release (`12` or `#12`) with its work and lifecycle.
pub(super) fn show(db: &Path, id: &str, format: Format, csv: CsvOptions) -> Result<String, String> {
    csv_only(format, csv)?;
    let model = open_existing(db)?;
    let id = id
        .trim()
        .trim_start_matches('#')
        .parse::<i64>()
        .map_err(|_| tr_args("cli-error-bad-id", &[("id", id.into())]))?;
    let release =
        model.release(ReleaseId(id)).ok_or_else(|| tr_args("error-no-such-release", &[("id", id.into())]))?;
    match format {
        Format::Json => {
            let work = export::json::ReleaseWork {
                notes: model.notes_for(release.id),
                tasks: model.tasks_for(release.id),
                time_entries: model.time_entries_for(release.id),
            };
            let mut json =
                export::json::release_with_work_json(release, model.directory(), &work, model.now());
            export::lifecycle_json::add_lifecycle_fields(
                &mut json,
                release,
                &model.readiness(release.id),
                &model.stage_history(release.id),
                model.registry(),
                model.directory(),
            );
            export::backout_json::add_backout_fields(&mut json, release.id, &model);
            serde_json::to_string_pretty(&json).map(|s| s + "\n").map_err(|e| e.to_string())
        }
        Format::Csv => format_releases(&model, [release], Format::Csv, csv),
        Format::Table => Ok(show_table(&model, release)),
    }
}

fn format_releases<'a>(
    model: &Model,
    releases: impl IntoIterator<Item = &'a crate::domain::Release>,
    format: Format,
    csv: CsvOptions,
) -> Result<String, String> {
    let directory = model.directory();
    match format {
        Format::Json => {
            // Each release's notes, tasks and time, gathered in one pass over each list.
            let mut work: std::collections::HashMap<ReleaseId, export::json::ReleaseWork<'_>> =
                std::collections::HashMap::new();
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
                // Newest first, as the release page and `show` list them.
                w.notes.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
                w.time_entries.sort_by(|a, b| b.executed_at.cmp(&a.executed_at).then(b.id.cmp(&a.id)));
            }
            let none = export::json::ReleaseWork::default();
            let now = model.now();
            let histories = model.stage_histories();
            let list: Vec<_> = releases
                .into_iter()
                .map(|r| {
                    let mut json = export::json::release_with_work_json(
                        r,
                        directory,
                        work.get(&r.id).unwrap_or(&none),
                        now,
                    );
                    if let Some(map) = json.as_object_mut() {
                        let history = histories.get(&r.id).map_or(&[][..], Vec::as_slice);
                        map.insert(
                            "stage_history".into(),
                            export::lifecycle_json::stage_history_json(history, directory),
                        );
                    }
                    json
                })
                .collect();
            serde_json::to_string_pretty(&list).map(|s| s + "\n").map_err(|e| e.to_string())
        }
        Format::Csv => {
            let text =
                export::csv::releases_csv(releases, directory, csv.localized).map_err(|e| e.to_string())?;
            Ok(if csv.bom { format!("\u{feff}{text}") } else { text })
        }
        Format::Table => Ok(list_table(model, releases, &[])),
    }
}

/// The list as an aligned table that fits the terminal ([`width::fit`]): `columns` in their
/// order, or all of them; a line under it says how many columns did not fit.
fn list_table<'a>(
    model: &Model,
    releases: impl IntoIterator<Item = &'a crate::domain::Release>,
    columns: &[SortKey],
) -> String {
    let chosen = !columns.is_empty();
    // By default the window's default columns (the stage on request).
    let columns: Vec<SortKey> =
        if chosen { columns.to_vec() } else { SortKey::ALL[..export::table::HEADERS.len()].to_vec() };
    let index = |key: &SortKey| SortKey::ALL.iter().position(|k| k == key).unwrap_or(0);
    let all_headers = export::table::localized_headers();
    let headers: Vec<String> =
        columns.iter().map(|c| all_headers.get(index(c)).cloned().unwrap_or_default()).collect();
    let rows: Vec<Vec<String>> = releases
        .into_iter()
        .map(|r| {
            let cells = export::table::cells(r, model.directory(), false);
            columns
                .iter()
                .map(|c| match cells.get(index(c)) {
                    Some(cell) => visible(cell, false).into_owned(),
                    None => i18n::stage(r.stage),
                })
                .collect()
        })
        .collect();
    let fit = width::fit(&columns, &headers, &rows, width::terminal_width(), chosen);
    let subject = |i: usize, cell: &str| {
        if columns[i] == SortKey::Subject {
            export::table::fit(cell, fit.subject_width)
        } else {
            cell.to_owned()
        }
    };
    let headers: Vec<String> = fit.kept.iter().map(|&i| headers[i].clone()).collect();
    let rows: Vec<Vec<String>> =
        rows.iter().map(|row| fit.kept.iter().map(|&i| subject(i, &row[i])).collect()).collect();
    let mut text = export::table::to_text_table(&headers, &rows);
    text.push_str(&tr_args("cli-count", &[("count", rows.len().into())]));
    text.push('\n');
    if fit.dropped > 0 {
        text.push_str(&tr_args("cli-list-columns-hidden", &[("count", fit.dropped.into())]));
        text.push('\n');
    }
    text
}

/// `show` as text: the properties with their labels right-aligned by display width (a Korean
/// letter is two columns wide), the stage and plan readiness, the description, then the tasks,
/// the notes (first lines) and the stage history.
fn show_table(model: &Model, release: &crate::domain::Release) -> String {
    let mut rows: Vec<(String, String)> = export::table::localized_headers()
        .into_iter()
        .zip(export::table::cells(release, model.directory(), false))
        .collect();
    let (done, all) = model.readiness(release.id).plan_progress();
    rows.push((tr("field-stage"), i18n::stage(release.stage)));
    rows.push((tr("cli-show-readiness"), format!("{done}/{all}")));
    let width = rows.iter().map(|(label, _)| UnicodeWidthStr::width(label.as_str())).max().unwrap_or(0);
    let mut text = String::new();
    for (label, value) in &rows {
        let pad = width.saturating_sub(UnicodeWidthStr::width(label.as_str()));
        text.push_str(&format!("{}{label}  {}\n", " ".repeat(pad), visible(value, false)));
    }
    if !release.description.is_empty() {
        text.push_str(&format!("\n{}\n", visible(&release.description, true)));
    }
    let tasks = model.tasks_for(release.id);
    if !tasks.is_empty() {
        text.push_str(&format!("\n{}\n", tr("cli-show-tasks")));
        for task in tasks {
            let status = i18n::task_status(task.fields.status);
            text.push_str(&format!("  [{status}] {}\n", visible(&task.fields.title, false)));
        }
    }
    let notes = model.notes_for(release.id);
    if !notes.is_empty() {
        text.push_str(&format!("\n{}\n", tr("cli-show-notes")));
        for note in notes {
            let first = note.body.lines().next().unwrap_or_default();
            text.push_str(&format!(
                "  {}  {}\n",
                i18n::datetime_short(note.created_at),
                visible(first, false)
            ));
        }
    }
    let history = model.stage_history(release.id);
    if !history.is_empty() {
        text.push_str(&format!("\n{}\n", tr("history-title")));
        for entry in history {
            let actor = model.directory().agent_name(entry.actor);
            let stage = i18n::stage(entry.stage);
            let line =
                format!("  {}  {stage}  {}", i18n::datetime_short(entry.entered_at), visible(actor, false));
            text.push_str(line.trim_end());
            text.push('\n');
        }
    }
    text
}
