//! Data in and out: `import freshservice|csv|archive`, `export freshservice|csv|xlsx`, `archive`
//! and `update`. An import is one command (one transaction, one undo in the window) after a
//! verified backup; any problem in its files means nothing is written, the report lists every
//! problem and the exit code is non-zero. Files given to an import are only read.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};

use super::{find_agent, open_existing, open_for_writing, terminal};
use crate::domain::import::{ImportBatch, ImportProblem};
use crate::domain::{
    PlannedWindow, PredefinedView, Priority, ReleaseFilter, ReleaseId, ReleaseType, SortSpec, Status, view,
};
use crate::export::import::{FreshserviceFiles, ImportReport};
use crate::i18n::{self, tr, tr_args};
use crate::model::{Command, ImportCommand, ReleaseCommand, ReleaseEdit, session};

/// What `import` reads.
#[derive(Subcommand, Debug)]
pub enum ImportFrom {
    /// Freshservice API v2 JSON: list pages, single releases (with their notes, tasks and time
    /// entries), optionally agents, groups and departments files. Releases imported before (by
    /// their Freshservice id) get only what changed.
    Freshservice {
        /// The JSON files of releases.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// A Freshservice agents file (`{"agents": [...]}`).
        #[arg(long, value_name = "FILE")]
        agents: Option<PathBuf>,
        /// A Freshservice groups file (`{"groups": [...]}`).
        #[arg(long, value_name = "FILE")]
        groups: Option<PathBuf>,
        /// A Freshservice departments file (`{"departments": [...]}`).
        #[arg(long, value_name = "FILE")]
        departments: Option<PathBuf>,
        /// Say what would change; write nothing.
        #[arg(long)]
        dry_run: bool,
        #[arg(long, value_enum, default_value = "table")]
        format: ReportFormat,
    },
    /// A CSV file with a header row (this app's CSV headers, Freshservice field names, or the
    /// column names of the localized export in Korean or English).
    Csv {
        file: PathBuf,
        /// Say what would change; write nothing.
        #[arg(long)]
        dry_run: bool,
        #[arg(long, value_enum, default_value = "table")]
        format: ReportFormat,
    },
    /// A whole-database archive (`archive --out`), into an empty database.
    Archive { file: PathBuf },
}

/// How an import report is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Table,
    Json,
}

/// What `export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Freshservice API v2 JSON (`{"releases": [...]}`), with notes, tasks and time entries.
    Freshservice,
    Csv,
    /// An Excel workbook (.xlsx).
    Xlsx,
}

/// The fields `update` can set.
#[derive(clap::Args, Debug, Default)]
pub struct UpdateFields {
    #[arg(long)]
    pub subject: Option<String>,
    /// open, on-hold, in-progress, incomplete, completed (or 1-5)
    #[arg(long)]
    pub status: Option<String>,
    /// low, medium, high, urgent (or 1-4)
    #[arg(long)]
    pub priority: Option<String>,
    /// minor, standard, major, emergency (or 1-4)
    #[arg(long = "type")]
    pub release_type: Option<String>,
    /// An agent id, name or email; `none` to unassign.
    #[arg(long)]
    pub agent: Option<String>,
    /// A group id or name; `none` to clear it.
    #[arg(long)]
    pub group: Option<String>,
    /// ISO 8601 (`2026-11-03T09:00:00Z`) or `YYYY-MM-DD HH:MM` in local time.
    #[arg(long, value_name = "TIME")]
    pub planned_start: Option<String>,
    /// ISO 8601 (`2026-11-03T18:00:00Z`) or `YYYY-MM-DD HH:MM` in local time.
    #[arg(long, value_name = "TIME")]
    pub planned_end: Option<String>,
    /// The category; an empty text clears it.
    #[arg(long)]
    pub category: Option<String>,
}

/// `import ...`.
pub(super) fn import(db: &Path, from: ImportFrom) -> Result<String, String> {
    match from {
        ImportFrom::Freshservice { files, agents, groups, departments, dry_run, format } => {
            let files = FreshserviceFiles { releases: files, agents, groups, departments };
            let batch = crate::export::import::read_freshservice(&files);
            import_batch(db, batch, dry_run, format)
        }
        ImportFrom::Csv { file, dry_run, format } => {
            let name = crate::export::import::file_name(&file);
            let batch = match std::fs::read(&file) {
                Ok(bytes) => crate::export::import::csv::read_csv_bytes(&name, &bytes),
                Err(err) => Err(vec![ImportProblem::file(
                    &name,
                    crate::domain::import::ProblemKind::Unreadable(err.to_string()),
                )]),
            };
            import_batch(db, batch, dry_run, format)
        }
        ImportFrom::Archive { file } => {
            let contents = crate::export::archive::read(&file).map_err(|p| i18n::import_problem_line(&p))?;
            let mut model =
                session::create(db, session::Holder::Command).map_err(|e| i18n::store_error(&e))?;
            let applied = model
                .apply(Command::Import(ImportCommand::Archive(Box::new(contents))))
                .map_err(|e| i18n::command_error(&e))?;
            let count = applied.imported().map_or(0, |c| c.created);
            Ok(tr_args(
                "data-archive-imported",
                &[("count", count.into()), ("path", db.display().to_string().into())],
            ) + "\n")
        }
    }
}

/// Plans or applies a read batch; prints the report. Any problem: the report, then an error.
fn import_batch(
    db: &Path,
    batch: Result<ImportBatch, Vec<ImportProblem>>,
    dry_run: bool,
    format: ReportFormat,
) -> Result<String, String> {
    let batch = match batch {
        Ok(batch) => batch,
        Err(problems) => {
            let count = problems.len();
            let report = ImportReport { problems, ..ImportReport::default() };
            print_report(&report, format)?;
            return Err(tr_args("data-import-refused", &[("count", count.into())]));
        }
    };
    let command = Command::Import(ImportCommand::Releases(batch));
    let counts = if dry_run {
        open_existing(db)?.dry_run(command).map_err(|e| i18n::command_error(&e))?
    } else {
        let mut model = session::create(db, session::Holder::Command).map_err(|e| i18n::store_error(&e))?;
        model.apply(command).map_err(|e| i18n::command_error(&e))?.imported()
    };
    let report = ImportReport { counts: counts.unwrap_or_default(), problems: Vec::new() };
    match format {
        ReportFormat::Json => Ok(report.to_json().to_string() + "\n"),
        ReportFormat::Table => Ok(summary(&report, dry_run) + "\n"),
    }
}

fn summary(report: &ImportReport, dry_run: bool) -> String {
    let c = report.counts;
    tr_args(
        if dry_run { "data-import-would" } else { "data-import-done" },
        &[("created", c.created.into()), ("updated", c.updated.into()), ("unchanged", c.unchanged.into())],
    )
}

/// The report of a refused import on stdout: every problem, one a line (or the JSON report).
fn print_report(report: &ImportReport, format: ReportFormat) -> Result<(), String> {
    let text = match format {
        ReportFormat::Json => report.to_json().to_string() + "\n",
        ReportFormat::Table => {
            let mut text = String::new();
            for p in &report.problems {
                text.push_str(&terminal::visible(&i18n::import_problem_line(p), false));
                text.push('\n');
            }
            text
        }
    };
    std::io::stdout().lock().write_all(text.as_bytes()).map_err(|e| e.to_string())
}

/// `export FORMAT --out FILE`: the releases of a view (all but Trash by default), searched.
pub(super) fn export(
    db: &Path,
    format: ExportFormat,
    out: &Path,
    view: PredefinedView,
    search: Option<String>,
    csv: super::CsvOptions,
) -> Result<String, String> {
    let localized = csv.localized;
    if csv.bom && format != ExportFormat::Csv {
        return Err(tr("cli-error-csv-only"));
    }
    let model = open_existing(db)?;
    let filter = ReleaseFilter { text: search.unwrap_or_default(), ..ReleaseFilter::default() };
    let me = model.settings().current_agent;
    let rows = view::query(model.releases(), view, me, &filter, SortSpec::default(), model.directory());
    let releases = rows.iter().map(|&i| &model.releases()[i]);
    let bytes = match format {
        ExportFormat::Freshservice => {
            let value = crate::export::freshservice::to_json(&model, releases);
            serde_json::to_vec_pretty(&value).map_err(|e| e.to_string())?
        }
        ExportFormat::Csv => {
            let text = crate::export::csv::releases_csv(releases, model.directory(), localized)
                .map_err(|e| e.to_string())?;
            if csv.bom { format!("\u{feff}{text}") } else { text }.into_bytes()
        }
        ExportFormat::Xlsx => crate::export::xlsx::releases_xlsx(releases, model.directory(), localized)
            .map_err(|e| e.to_string())?,
    };
    write_new(out, &bytes)?;
    Ok(tr_args("data-exported", &[("count", rows.len().into()), ("path", out.display().to_string().into())])
        + "\n")
}

/// `archive --out FILE`: the whole database as one JSON file.
pub(super) fn archive(db: &Path, out: &Path) -> Result<String, String> {
    let model = open_existing(db)?;
    if !model.schedule().windows.is_empty() || !model.schedule().freezes.is_empty() {
        return Err(tr("data-archive-no-schedule"));
    }
    let json = crate::export::archive::to_json(&model, model.now()).map_err(|e| i18n::store_error(&e))?;
    write_new(out, json.as_bytes())?;
    Ok(tr_args(
        "data-archived",
        &[("count", model.releases().len().into()), ("path", out.display().to_string().into())],
    ) + "\n")
}

/// Writes an export whole (see `export::file`).
fn write_new(path: &Path, bytes: &[u8]) -> Result<(), String> {
    crate::export::file::write_whole(path, bytes).map_err(|e| {
        tr_args(
            "data-error-write",
            &[("path", path.display().to_string().into()), ("detail", e.to_string().into())],
        )
    })
}

fn coded<T>(text: &str, parse: fn(&str) -> Option<T>, field: &str) -> Result<T, String> {
    parse(text)
        .ok_or_else(|| tr_args("data-error-bad-value", &[("field", field.into()), ("value", text.into())]))
}

fn time(text: &str, field: &str) -> Result<crate::domain::Timestamp, String> {
    crate::export::import::csv::csv_time(text)
        .ok_or_else(|| tr_args("data-error-bad-value", &[("field", field.into()), ("value", text.into())]))
}

/// `update ID [fields]`: one edit of the fields given, validated like the window's edits, logged,
/// undoable in the window.
pub(super) fn update(db: &Path, id: ReleaseId, fields: UpdateFields) -> Result<String, String> {
    let mut model = open_for_writing(db)?;
    let release =
        model.release(id).ok_or_else(|| tr_args("error-no-such-release", &[("id", id.into())]))?.clone();
    let UpdateFields {
        subject,
        status,
        priority,
        release_type,
        agent,
        group,
        planned_start,
        planned_end,
        category,
    } = fields;
    let mut edits = Vec::new();
    if let Some(subject) = subject {
        edits.push(ReleaseEdit::Subject(subject));
    }
    if let Some(s) = status {
        edits.push(ReleaseEdit::Status(coded(&s, Status::parse, "--status")?));
    }
    if let Some(p) = priority {
        edits.push(ReleaseEdit::Priority(coded(&p, Priority::parse, "--priority")?));
    }
    if let Some(t) = release_type {
        edits.push(ReleaseEdit::ReleaseType(coded(&t, ReleaseType::parse, "--type")?));
    }
    if let Some(a) = agent {
        let agent = super::bulk::optional(&a, |t| find_agent(&model, t))?;
        edits.push(ReleaseEdit::Agent(agent));
    }
    if let Some(g) = group {
        let group = super::bulk::optional(&g, |t| super::bulk::find_group(&model, t))?;
        edits.push(ReleaseEdit::Group(group));
    }
    if planned_start.is_some() || planned_end.is_some() {
        let start =
            planned_start.map(|t| time(&t, "--planned-start")).transpose()?.unwrap_or(release.planned.start);
        let end = planned_end.map(|t| time(&t, "--planned-end")).transpose()?.unwrap_or(release.planned.end);
        edits.push(ReleaseEdit::Planned(PlannedWindow { start, end }));
    }
    if let Some(c) = category {
        let c = c.trim().to_owned();
        edits.push(ReleaseEdit::Category((!c.is_empty()).then_some(c)));
    }
    if edits.is_empty() {
        return Err(tr("data-error-update-nothing"));
    }
    let command = Command::Release(ReleaseCommand::Edit { id, edits });
    let label = i18n::command_label(&command, model.directory());
    let applied = model.apply(command).map_err(|e| i18n::command_error(&e))?;
    if !applied.changed() {
        return Ok(tr_args("data-update-unchanged", &[("id", id.into())]) + "\n");
    }
    Ok(tr_args("status-done", &[("what", label.into())]) + "\n")
}
