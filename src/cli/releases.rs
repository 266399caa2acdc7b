//! `list` and `show`: releases of a view, or one release (with its stage, readiness, tasks, notes
//! and stage history), as a table, JSON or CSV.

use std::path::Path;

use unicode_width::UnicodeWidthStr;

use super::terminal::visible;
use super::{CsvOptions, Format, find_agent, list_output, open_existing};
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

/// `list`: the releases of `view`, filtered by `search`, sorted by `sort`, written to `out` as
/// they are made (a problem with the arguments is found before anything is written).
pub(super) fn list(db: &Path, args: ListArgs, out: &mut dyn std::io::Write) -> Result<(), String> {
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
    list_output::write_list(out, &model, &rows, format, &columns, csv)
}

/// `--bom` and `--localized` are about CSV only.
fn csv_only(format: Format, csv: CsvOptions) -> Result<(), String> {
    if format != Format::Csv && (csv.bom || csv.localized) {
        return Err(tr("cli-error-csv-only"));
    }
    Ok(())
}

/// `show`: one release (`12` or `#12`) with its work and lifecycle.
pub(super) fn show(db: &Path, id: ReleaseId, format: Format, csv: CsvOptions) -> Result<String, String> {
    csv_only(format, csv)?;
    let model = open_existing(db)?;
    let release = model.release(id).ok_or_else(|| tr_args("error-no-such-release", &[("id", id.into())]))?;
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
                model.cabs(),
                model.directory(),
            );
            export::backout_json::add_backout_fields(&mut json, release.id, &model);
            export::cab_json::add_cab_fields(&mut json, release, &model);
            export::regulator_json::add_regulator_fields(&mut json, release, &model);
            serde_json::to_string_pretty(&json).map(|s| s + "\n").map_err(|e| e.to_string())
        }
        Format::Csv => {
            let mut out = Vec::new();
            list_output::write_csv(&mut out, &model, std::iter::once(release), csv)?;
            String::from_utf8(out).map_err(|e| e.to_string())
        }
        Format::Table => Ok(show_table(&model, release)),
    }
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
