//! The command line: `release-desk [--db PATH] [COMMAND]`. Without a command it opens the window.
//!
//! Every failure prints one line on stderr and exits non-zero; nothing here panics.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::domain::kpi::{self, KpiFilter, KpiReport, MonthRange, YearMonth};
use crate::domain::{
    AgentId, GroupId, Language, PredefinedView, ReleaseFilter, ReleaseId, SortKey, SortSpec, Timestamp,
    sample, view,
};
use crate::export;
use crate::export::chart::{ChartKind, ChartSpec};
use crate::i18n::{self, tr_args};
use crate::model::{BulkAction, Command, Model};
use crate::store::StoreError;
use crate::store::backup::{self, Replaced};
use crate::store::lock::DbLock;

#[derive(Parser, Debug)]
#[command(name = "release-desk", version, about = "Plan and run software releases offline")]
pub struct Cli {
    /// The database file (default: release-desk.sqlite3 in the platform's data folder).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Language of the output: ko or en (default: the system locale's).
    #[arg(long, global = true, value_parser = parse_lang)]
    pub lang: Option<Language>,

    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
}

#[derive(Subcommand, Debug)]
pub enum CliCommand {
    /// List releases of a view, filtered and sorted.
    List {
        /// new-and-my-open, my-completed, mine, unassigned, completed, incomplete, emergency, trash, all
        #[arg(long, default_value = "all", value_parser = parse_view)]
        view: PredefinedView,
        /// id, subject, status, priority, type, planned-start, planned-end, agent, group, created, updated
        #[arg(long, default_value = "created", value_parser = parse_sort)]
        sort: SortKey,
        /// Sort descending.
        #[arg(long)]
        desc: bool,
        /// The agent who is "you" in the views: an id or a name (default: the current agent).
        #[arg(long = "as", value_name = "AGENT")]
        as_agent: Option<String>,
        /// Free text over id, subject and description.
        #[arg(long)]
        search: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Show one release.
    Show {
        /// The release id (`12` or `#12`).
        id: String,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// KPIs by calendar month against the targets: success rate, rollback rate, deployment time
    /// overrun, downtime (definitions in docs/kpi.md).
    Kpi {
        /// First month, YYYY-MM (default: 11 months before --to).
        #[arg(long, value_parser = parse_month, value_name = "YYYY-MM")]
        from: Option<YearMonth>,
        /// Last month, YYYY-MM (default: this month).
        #[arg(long, value_parser = parse_month, value_name = "YYYY-MM")]
        to: Option<YearMonth>,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Draw KPI charts for a CAB pack, as SVG or PNG (by the file's extension).
    Chart {
        /// The file to write: FILE.svg or FILE.png.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// success-rate, rollback-rate, deploy-time, downtime, or all (a one-page summary).
        #[arg(long, default_value = "all", value_parser = parse_chart_kind)]
        kpi: ChartKind,
        /// First month, YYYY-MM (default: 11 months before --to).
        #[arg(long, value_parser = parse_month, value_name = "YYYY-MM")]
        from: Option<YearMonth>,
        /// Last month, YYYY-MM (default: this month).
        #[arg(long, value_parser = parse_month, value_name = "YYYY-MM")]
        to: Option<YearMonth>,
        /// Width in pixels (200..=8000; default 1200, or 1600 for all).
        #[arg(long)]
        width: Option<u32>,
        /// Height in pixels (200..=8000; default 700, or 1100 for all).
        #[arg(long)]
        height: Option<u32>,
    },
    /// Act on many releases at once, all or nothing: delete (to Trash), restore (from Trash),
    /// purge (delete forever; only releases in Trash), pick-up (assign to you), assign.
    Bulk {
        #[arg(value_enum)]
        action: BulkVerb,
        /// Release ids, comma-separated: `1,2,3` (or `#1,#2`).
        #[arg(long, value_delimiter = ',', required = true, value_parser = parse_release_id)]
        ids: Vec<ReleaseId>,
        /// For assign: the agent (an id, a name or an email), or `none` to unassign.
        #[arg(long)]
        agent: Option<String>,
        /// For assign: the group (an id or a name), or `none` to clear it.
        #[arg(long)]
        group: Option<String>,
        /// Act as this agent (id or name): pick-up assigns to them and the log names them.
        #[arg(long = "as", value_name = "AGENT")]
        as_agent: Option<String>,
    },
    /// Load the sample scenarios and a year of history.
    Demo {
        /// Add the sample even if the database already holds releases.
        #[arg(long)]
        force: bool,
    },
    /// Make a verified backup (in backups/ beside the database, or to --out).
    Backup {
        /// Write the backup to this file instead (it must not exist).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Run SQLite's full integrity check on the database.
    Check,
    /// Replace the database with a backup (the current file is kept as a backup first).
    Restore {
        /// The backup file to restore.
        backup: PathBuf,
    },
}

/// The bulk actions of the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BulkVerb {
    /// Move to Trash.
    Delete,
    /// Bring back from Trash.
    Restore,
    /// Delete forever (only releases in Trash).
    Purge,
    /// Assign to you (`--as`, else the current agent).
    PickUp,
    /// Assign to `--agent` and/or `--group`.
    Assign,
}

fn parse_release_id(text: &str) -> Result<ReleaseId, String> {
    text.trim()
        .trim_start_matches('#')
        .parse::<i64>()
        .map(ReleaseId)
        .map_err(|_| tr_args("cli-error-bad-id", &[("id", text.into())]))
}

fn parse_lang(text: &str) -> Result<Language, String> {
    Language::from_code(text).ok_or_else(|| format!("unknown language '{text}' (ko or en)"))
}

fn parse_month(text: &str) -> Result<YearMonth, String> {
    YearMonth::parse(text).ok_or_else(|| format!("'{text}' is not a month (YYYY-MM, e.g. 2026-11)"))
}

fn parse_chart_kind(text: &str) -> Result<ChartKind, String> {
    ChartKind::from_slug(text).ok_or_else(|| {
        format!("unknown KPI '{text}' (one of: success-rate, rollback-rate, deploy-time, downtime, all)")
    })
}

/// The months to report: `--from`/`--to`, by default the twelve months ending this month.
fn kpi_period(from: Option<YearMonth>, to: Option<YearMonth>, now: Timestamp) -> Result<MonthRange, String> {
    let this_month = YearMonth::of(now, &chrono::Local);
    let to = to.unwrap_or_else(|| this_month.max(from.unwrap_or(this_month)));
    let from = from.unwrap_or_else(|| to.plus(-11));
    MonthRange::new(from, to).map_err(|e| i18n::range_invalid(&e))
}

fn kpi_report(model: &Model, from: Option<YearMonth>, to: Option<YearMonth>) -> Result<KpiReport, String> {
    let range = kpi_period(from, to, model.now())?;
    Ok(kpi::compute(
        model.releases(),
        range,
        model.settings().kpi_targets,
        KpiFilter::default(),
        &chrono::Local,
    ))
}

fn parse_view(text: &str) -> Result<PredefinedView, String> {
    PredefinedView::from_slug(text).ok_or_else(|| {
        let names: Vec<_> = PredefinedView::ALL.iter().map(|v| v.slug()).collect();
        format!("unknown view '{text}' (one of: {})", names.join(", "))
    })
}

fn parse_sort(text: &str) -> Result<SortKey, String> {
    SortKey::from_slug(text).ok_or_else(|| {
        let names: Vec<_> = SortKey::ALL.iter().map(|k| k.slug()).collect();
        format!("unknown sort key '{text}' (one of: {})", names.join(", "))
    })
}

/// Where the database lives when `--db` is not given.
pub fn default_db_path() -> Result<PathBuf, String> {
    let dirs = directories::ProjectDirs::from("", "", "Release Desk")
        .ok_or("could not find a data folder for this user (is HOME set?)")?;
    Ok(dirs.data_dir().join("release-desk.sqlite3"))
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            use clap::error::ErrorKind;
            if matches!(err.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                let _ = err.print();
                return ExitCode::SUCCESS;
            }
            let text = err.to_string();
            let first = text.lines().next().unwrap_or("invalid arguments");
            let first = first.strip_prefix("error: ").unwrap_or(first);
            eprintln!("release-desk: {first} (see release-desk --help)");
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("release-desk: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Runs a parsed command line. `Err` is the one line to print.
pub fn run(cli: Cli) -> Result<(), String> {
    let db = match cli.db {
        Some(path) => path,
        None => default_db_path()?,
    };
    crate::i18n::set_language(cli.lang.unwrap_or_else(crate::i18n::system_language));
    let Some(command) = cli.command else {
        return crate::ui::run_window(db, cli.lang)
            .map_err(|e| tr_args("cli-error-window", &[("reason", e.to_string().into())]));
    };
    let mut out = std::io::stdout().lock();
    let text = run_command(&db, command)?;
    out.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
    Ok(())
}

/// Opens an existing file for reading: read-only, so it works while a window holds the file.
/// A file with an older schema is opened as a writer once, to upgrade it.
fn open_existing(db: &std::path::Path) -> Result<Model, String> {
    if !db.exists() {
        return Err(tr_args("cli-error-no-file", &[("path", db.display().to_string().into())]));
    }
    match Model::open_read_only(db) {
        Err(StoreError::BadData(_)) => Model::open(db).map_err(|e| i18n::store_error(&e)),
        other => other.map_err(|e| i18n::store_error(&e)),
    }
}

/// Opens an existing file to change it (a missing file is not created).
fn open_for_writing(db: &std::path::Path) -> Result<Model, String> {
    if !db.exists() {
        return Err(tr_args("cli-error-no-file", &[("path", db.display().to_string().into())]));
    }
    Model::open(db).map_err(|e| i18n::store_error(&e))
}

/// Runs one CLI command against the database and returns what to print.
pub fn run_command(db: &std::path::Path, command: CliCommand) -> Result<String, String> {
    match command {
        CliCommand::List { view, sort, desc, as_agent, search, format } => {
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
            format_releases(&model, releases, format)
        }
        CliCommand::Show { id, format } => {
            let model = open_existing(db)?;
            let id = id
                .trim()
                .trim_start_matches('#')
                .parse::<i64>()
                .map_err(|_| tr_args("cli-error-bad-id", &[("id", id.as_str().into())]))?;
            let release = model
                .release(ReleaseId(id))
                .ok_or_else(|| tr_args("error-no-such-release", &[("id", id.into())]))?;
            match format {
                Format::Json => {
                    let work = export::json::ReleaseWork {
                        notes: model.notes_for(release.id),
                        tasks: model.tasks_for(release.id),
                        time_entries: model.time_entries_for(release.id),
                    };
                    let mut json =
                        export::json::release_with_work_json(release, model.directory(), &work, model.now());
                    export::rollout_json::add_rollout_fields(
                        &mut json,
                        release,
                        &model.readiness(release.id),
                        &model.stage_history(release.id),
                        model.registry(),
                        model.directory(),
                    );
                    serde_json::to_string_pretty(&json).map(|s| s + "\n").map_err(|e| e.to_string())
                }
                Format::Csv => format_releases(&model, [release], Format::Csv),
                Format::Table => {
                    let cells = export::table::cells(release, model.directory(), false);
                    let mut text = String::new();
                    for (header, value) in export::table::localized_headers().iter().zip(cells) {
                        text.push_str(&format!("{header:>14}  {value}\n"));
                    }
                    if !release.description.is_empty() {
                        text.push_str(&format!("\n{}\n", release.description));
                    }
                    Ok(text)
                }
            }
        }
        CliCommand::Backup { out } => {
            let model = open_existing(db)?;
            let made = match out {
                Some(out) => model.store().backup_to(&out).map(|()| out),
                None => model.backup_now("manual"),
            }
            .map_err(|e| i18n::store_error(&e))?;
            Ok(tr_args("cli-backup-made", &[("path", made.display().to_string().into())]) + "\n")
        }
        CliCommand::Check => {
            if !db.exists() {
                return Err(format!("{} does not exist", db.display()));
            }
            let releases = backup::verify(db).map_err(|e| i18n::store_error(&e))?;
            Ok(tr_args(
                "cli-check-ok",
                &[("path", db.display().to_string().into()), ("count", releases.into())],
            ) + "\n")
        }
        CliCommand::Restore { backup: from } => {
            let lock = DbLock::acquire(db).map_err(|e| i18n::store_error(&e))?;
            let replaced = backup::restore(db, &from, lock.as_ref()).map_err(|e| i18n::store_error(&e))?;
            let mut text = tr_args(
                "cli-restored",
                &[("path", db.display().to_string().into()), ("backup", from.display().to_string().into())],
            );
            text.push('\n');
            match replaced {
                Replaced::Nothing => {}
                Replaced::BackedUp(kept) => {
                    text += &tr_args("cli-previous-kept", &[("path", kept.display().to_string().into())]);
                    text.push('\n');
                }
                Replaced::MovedAside(aside) => {
                    text += &tr_args("cli-damaged-aside", &[("path", aside.display().to_string().into())]);
                    text.push('\n');
                }
            }
            Ok(text)
        }
        CliCommand::Kpi { from, to, format } => {
            let model = open_existing(db)?;
            let report = kpi_report(&model, from, to)?;
            match format {
                Format::Json => serde_json::to_string_pretty(&export::kpi::report_json(&report))
                    .map(|s| s + "\n")
                    .map_err(|e| e.to_string()),
                Format::Csv => export::kpi::report_csv(&report).map_err(|e| e.to_string()),
                Format::Table => Ok(export::kpi::report_text(&report, crate::i18n::language())),
            }
        }
        CliCommand::Chart { out, kpi, from, to, width, height } => {
            if export::chart::ImageFormat::from_path(&out).is_none() {
                let err = export::chart::ChartError::UnknownFormat(out);
                return Err(i18n::chart_error_in(i18n::language(), &err));
            }
            let model = open_existing(db)?;
            let report = kpi_report(&model, from, to)?;
            let mut spec = ChartSpec::new(kpi, crate::i18n::language());
            spec.width = width.unwrap_or(spec.width);
            spec.height = height.unwrap_or(spec.height);
            export::chart::write_chart(&report, &spec, &out, &mut |_| {})
                .map_err(|e| i18n::chart_error_in(spec.language, &e))?;
            let line = crate::i18n::tr_args(
                "cli-chart-written",
                &[
                    ("path", out.display().to_string().into()),
                    ("width", spec.width.into()),
                    ("height", spec.height.into()),
                ],
            );
            Ok(line + "\n")
        }
        CliCommand::Bulk { action, ids, agent, group, as_agent } => {
            let mut model = open_for_writing(db)?;
            if let Some(text) = as_agent {
                let me = find_agent(&model, &text)?;
                model.act_as(Some(me));
            }
            if action != BulkVerb::Assign && (agent.is_some() || group.is_some()) {
                return Err(i18n::tr("cli-error-bulk-agent-only"));
            }
            let action = match action {
                BulkVerb::Delete => BulkAction::Trash,
                BulkVerb::Restore => BulkAction::Restore,
                BulkVerb::Purge => BulkAction::Purge,
                BulkVerb::PickUp => BulkAction::PickUp,
                BulkVerb::Assign => {
                    if agent.is_none() && group.is_none() {
                        return Err(i18n::tr("cli-error-bulk-assign-needs"));
                    }
                    let agent = agent.map(|text| optional(&text, |t| find_agent(&model, t))).transpose()?;
                    let group = group.map(|text| optional(&text, |t| find_group(&model, t))).transpose()?;
                    BulkAction::Assign { agent, group }
                }
            };
            let command = Command::Bulk { ids, action };
            let label = i18n::command_label(&command, model.directory());
            model.apply(command).map_err(|e| i18n::command_error(&e))?;
            Ok(tr_args("status-done", &[("what", label.into())]) + "\n")
        }
        CliCommand::Demo { force } => {
            let mut model = Model::open(db).map_err(|e| i18n::store_error(&e))?;
            let data = sample::scenarios(model.now());
            let count = data.releases.len();
            model.apply(Command::LoadSample { data, force }).map_err(|e| i18n::command_error(&e))?;
            let me = model.settings().current_agent.unwrap_or(AgentId(0));
            let line = crate::i18n::tr_args(
                "cli-demo-loaded",
                &[
                    ("count", count.into()),
                    ("path", db.display().to_string().into()),
                    ("agent", model.directory().agent_name(Some(me)).into()),
                ],
            );
            Ok(line + "\n")
        }
    }
}

/// `none` (or an empty text) means "no one"; anything else is looked up.
fn optional<T>(text: &str, find: impl Fn(&str) -> Result<T, String>) -> Result<Option<T>, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed.eq_ignore_ascii_case("none") {
        Ok(None)
    } else {
        find(trimmed).map(Some)
    }
}

fn find_agent(model: &Model, text: &str) -> Result<AgentId, String> {
    model
        .directory()
        .find_agent(text)
        .map(|a| a.id)
        .ok_or_else(|| tr_args("cli-error-no-agent", &[("agent", text.into())]))
}

fn find_group(model: &Model, text: &str) -> Result<GroupId, String> {
    model
        .directory()
        .find_group(text)
        .map(|g| g.id)
        .ok_or_else(|| tr_args("cli-error-no-group", &[("group", text.into())]))
}

fn format_releases<'a>(
    model: &Model,
    releases: impl IntoIterator<Item = &'a crate::domain::Release>,
    format: Format,
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
                            export::rollout_json::stage_history_json(history, directory),
                        );
                    }
                    json
                })
                .collect();
            serde_json::to_string_pretty(&list).map(|s| s + "\n").map_err(|e| e.to_string())
        }
        Format::Csv => export::table::to_csv(releases, directory).map_err(|e| e.to_string()),
        Format::Table => {
            let rows: Vec<Vec<String>> =
                releases.into_iter().map(|r| export::table::cells(r, directory, false).to_vec()).collect();
            let count = rows.len();
            let mut text = export::table::to_text_table(&export::table::localized_headers(), &rows);
            text.push_str(&crate::i18n::tr_args("cli-count", &[("count", count.into())]));
            text.push('\n');
            Ok(text)
        }
    }
}
