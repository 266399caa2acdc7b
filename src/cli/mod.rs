//! The command line: `release-desk [--db PATH] [COMMAND]`. The clap types and the dispatch are here,
//! each group of subcommands in its own file. Without a command there is nothing for the CLI to
//! do: [`main`] says so with [`Parsed::Window`] and `src/main.rs` opens the window. `src/main.rs`
//! calls [`parse`] first, to set up the log for a window or for a command.
//!
//! Every failure prints one line on stderr and exits non-zero; nothing here panics.

mod backup;
mod bulk;
mod cab;
mod data;
mod demo;
mod help;
mod kpi;
mod list_output;
mod meetings;
mod metrics;
mod regulator;
mod releases;
mod schedule;
mod team;
mod template;
mod terminal;
mod width;

pub use help::{HELP, paths as help_paths};
pub use schedule::ScheduleFormat;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::domain::kpi::YearMonth;
use crate::domain::{AgentId, Language, PredefinedView, ReleaseId, SortKey};
use crate::export::chart::ChartKind;
use crate::i18n::{self, tr_args};
use crate::model::{Model, SyntheticSpec, session};

#[derive(Parser, Debug)]
#[command(name = "release-desk", version = crate::VERSION, about = "Plan and run software releases offline")]
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
        /// The table's columns, comma-separated, in order (default: all that fit the terminal).
        #[arg(long, value_delimiter = ',', value_parser = parse_sort, value_name = "COLUMNS")]
        columns: Vec<SortKey>,
        #[command(flatten)]
        csv: CsvOptions,
    },
    /// Show one release.
    Show {
        /// The release id (`12` or `#12`).
        id: String,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
        #[command(flatten)]
        csv: CsvOptions,
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
        /// Replace --out if it exists.
        #[arg(long)]
        force: bool,
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
    /// The release templates: the built-in ones, then your own.
    Templates {
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Create a release, from a template if given (its type, priority, group and window length are
    /// the defaults), and print it as `show` does.
    Create {
        #[arg(long)]
        subject: String,
        /// ISO 8601: 2026-12-12T13:00 (local time) or with an offset (2026-12-12T13:00:00+09:00).
        #[arg(long, value_name = "ISO")]
        planned_start: String,
        /// ISO 8601; with --template it defaults to the template's window length.
        #[arg(long, value_name = "ISO")]
        planned_end: Option<String>,
        /// minor, standard, major, emergency
        #[arg(long = "type", value_name = "T")]
        release_type: Option<String>,
        /// low, medium, high, urgent
        #[arg(long, value_name = "P")]
        priority: Option<String>,
        /// A template key (see `templates`).
        #[arg(long, value_name = "KEY")]
        template: Option<String>,
        /// The agent (an id or a name).
        #[arg(long, value_name = "A")]
        agent: Option<String>,
        /// The group (an id or a name).
        #[arg(long, value_name = "G")]
        group: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Copy a release to a new planned start: its plans, strategy, risks, back-out plan, impact
    /// analysis and tasks, dates moved and work reset; print the copy as `show` does.
    Clone {
        /// The release id (`12` or `#12`).
        #[arg(value_parser = parse_release_id)]
        id: ReleaseId,
        #[arg(long, value_name = "ISO")]
        planned_start: String,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Load the sample scenarios and a year of history.
    Demo {
        /// Add the sample even if the database already holds releases.
        #[arg(long, conflicts_with = "releases")]
        force: bool,
        /// Instead of the scenarios, write N generated releases into a new database.
        #[arg(long, value_name = "N")]
        releases: Option<usize>,
        /// With --releases: activity rows per release (the first one records its creation).
        #[arg(long, value_name = "K", default_value_t = 1, requires = "releases")]
        activities_per_release: usize,
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
        /// Restore it even though it is a copy of another database than the one at --db.
        #[arg(long)]
        other_database: bool,
    },
    /// Bring releases in: from Freshservice JSON, a CSV file or a whole-database archive. All or
    /// nothing: a file with any problem changes nothing, and the report lists every problem.
    Import {
        #[command(subcommand)]
        from: data::ImportFrom,
    },
    /// Write the releases of a view to a file: Freshservice JSON, CSV or Excel (.xlsx).
    Export {
        #[arg(value_enum)]
        format: data::ExportFormat,
        /// The file to write (it must not exist, unless --force).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// new-and-my-open, my-completed, mine, unassigned, completed, incomplete, emergency, trash, all
        #[arg(long, default_value = "all", value_parser = parse_view)]
        view: PredefinedView,
        /// Free text over id, subject and description.
        #[arg(long)]
        search: Option<String>,
        /// CSV and Excel: headers, labels and times in the output language (--lang), as people read them.
        #[arg(long)]
        localized: bool,
        /// CSV: begin with a byte order mark, so Excel on Windows reads it as UTF-8.
        #[arg(long)]
        bom: bool,
        /// Replace --out if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Write the whole database (releases with everything they carry, people, settings, views,
    /// the activity log) to one JSON file; `import archive` brings it into an empty database.
    Archive {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Replace --out if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Change fields of one release (validated and logged like an edit in the window; Edit > Undo
    /// in the window takes it back).
    Update {
        /// The release id (`12` or `#12`).
        #[arg(value_parser = parse_release_id)]
        id: ReleaseId,
        #[command(flatten)]
        fields: data::UpdateFields,
    },
    /// Make a new, empty database at --db (a missing file, or an empty one: 0 bytes, or an SQLite
    /// file without tables). Nothing else initialises an empty file.
    Init,
    /// The Change Advisory Boards (`cab list`).
    Cab(cab::CabArgs),
    /// Vote as a CAB member on a Change: approve or reject, with a comment.
    Approve(cab::ApproveArgs),
    /// A release's metric readings after deploy (`metrics ID add ...` records one).
    Metrics(metrics::MetricsArgs),
    /// Regulator steps (`regulator list`) and a regulator's approval (`regulator approve`).
    Regulator(regulator::RegulatorArgs),
    /// The file's team on a PostgreSQL server (`team init`, `join`, `sync`, `status`).
    Team(team::TeamArgs),
    /// Deployment windows and change freezes (`windows import FILE.ics` adds those of a calendar file).
    #[command(args_conflicts_with_subcommands = true)]
    Windows {
        #[command(subcommand)]
        action: Option<WindowsAction>,
        #[arg(long, value_enum, default_value = "table")]
        format: ScheduleFormat,
    },
    /// Conflicts of the plan in a period: freezes, outside windows, shared CIs, double-booked
    /// agents, early and late deploys.
    Conflicts {
        /// First day, YYYY-MM-DD (default: today).
        #[arg(long, value_parser = schedule::parse_date, value_name = "YYYY-MM-DD")]
        from: Option<chrono::NaiveDate>,
        /// Last day, YYYY-MM-DD (default: 90 days after --from).
        #[arg(long, value_parser = schedule::parse_date, value_name = "YYYY-MM-DD")]
        to: Option<chrono::NaiveDate>,
        #[arg(long, value_enum, default_value = "table")]
        format: ScheduleFormat,
    },
    /// Write the releases, windows and freezes of a period as an iCalendar (.ics) file.
    Calendar {
        /// First day, YYYY-MM-DD.
        #[arg(long, value_parser = schedule::parse_date, value_name = "YYYY-MM-DD")]
        from: chrono::NaiveDate,
        /// Last day, YYYY-MM-DD.
        #[arg(long, value_parser = schedule::parse_date, value_name = "YYYY-MM-DD")]
        to: chrono::NaiveDate,
        /// The file to write.
        #[arg(long, value_name = "FILE.ics")]
        out: PathBuf,
        /// Replace --out if it exists.
        #[arg(long)]
        force: bool,
    },
}

/// How `list` and `show` write CSV.
#[derive(clap::Args, Debug, Clone, Copy, Default)]
pub struct CsvOptions {
    /// CSV: begin with a byte order mark, so Excel on Windows reads it as UTF-8.
    #[arg(long)]
    pub bom: bool,
    /// CSV: headers, labels and times in the output language (--lang), as people read them
    /// (the default stays machine-readable: English headers, ISO 8601 times).
    #[arg(long)]
    pub localized: bool,
}

/// What `windows` does besides listing.
#[derive(Subcommand, Debug)]
pub enum WindowsAction {
    /// Add the windows and freezes of an iCalendar file, all or nothing (one undo in the window).
    Import {
        /// The .ics file.
        file: PathBuf,
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
    crate::i18n::parse_release_number(text).ok_or_else(|| tr_args("cli-error-bad-id", &[("id", text.into())]))
}

fn parse_lang(text: &str) -> Result<Language, String> {
    Language::from_code(text).ok_or_else(|| tr_args("cli-error-bad-lang", &[("value", text.into())]))
}

fn parse_month(text: &str) -> Result<YearMonth, String> {
    YearMonth::parse(text).ok_or_else(|| tr_args("cli-error-bad-month", &[("value", text.into())]))
}

fn one_of(text: &str, names: &[&str]) -> String {
    tr_args("cli-error-not-one-of", &[("value", text.into()), ("values", names.join(", ").into())])
}

fn parse_chart_kind(text: &str) -> Result<ChartKind, String> {
    ChartKind::from_slug(text)
        .ok_or_else(|| one_of(text, &["success-rate", "rollback-rate", "deploy-time", "downtime", "all"]))
}

fn parse_view(text: &str) -> Result<PredefinedView, String> {
    PredefinedView::from_slug(text).ok_or_else(|| {
        let names: Vec<_> = PredefinedView::ALL.iter().map(|v| v.slug()).collect();
        one_of(text, &names)
    })
}

fn parse_sort(text: &str) -> Result<SortKey, String> {
    SortKey::from_slug(text).ok_or_else(|| {
        let names: Vec<_> = SortKey::ALL.iter().map(|k| k.slug()).collect();
        one_of(text, &names)
    })
}

/// Refuses to write over an existing `path` unless `force`: every command that writes a file
/// (`chart`, `export`, `archive`, `calendar`) asks this first.
fn refuse_existing(path: &Path, force: bool) -> Result<(), String> {
    if !force && path.exists() {
        return Err(tr_args("cli-error-out-exists", &[("path", path.display().to_string().into())]));
    }
    Ok(())
}

/// Where the database lives when `--db` is not given.
pub fn default_db_path() -> Result<PathBuf, String> {
    let dirs = directories::ProjectDirs::from("", "", "Release Desk")
        .ok_or("could not find a data folder for this user (is HOME set?)")?;
    Ok(dirs.data_dir().join("release-desk.sqlite3"))
}

/// What the command line asked for, once run.
pub enum Parsed {
    /// A command ran, or the arguments were refused: exit with this code.
    Exit(ExitCode),
    /// No command: open the window on `db` (the language is already set for this thread).
    Window {
        db: PathBuf,
        /// `--lang`, if given: it wins over the language remembered by the window.
        lang: Option<Language>,
    },
}

/// Parses the process's arguments. `Err` is the exit code once help or the version was printed,
/// or the one line saying what is wrong with the arguments.
/// Help, the arguments' errors and the values' reasons are in the language of `--lang` (else
/// the system's).
pub fn parse() -> Result<Cli, ExitCode> {
    use clap::FromArgMatches as _;
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    i18n::set_language(help::language_of(&args));
    let parsed = help::command()
        .try_get_matches_from(args)
        .and_then(|mut matches| Cli::from_arg_matches_mut(&mut matches));
    parsed.map_err(|err| {
        use clap::error::ErrorKind;
        if matches!(err.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
            // Help or version on stdout: if stdout is closed there is no one to tell.
            let _ = err.print();
            return ExitCode::SUCCESS;
        }
        let line = terminal::error_line(&help::error_line(&err));
        eprintln!("release-desk: {}", tr_args("cli-args-see-help", &[("error", line.into())]));
        ExitCode::from(2)
    })
}

impl Cli {
    /// True when no command is given: the window is to open.
    pub fn opens_window(&self) -> bool {
        self.command.is_none()
    }
}

/// Runs the command `cli` names; without one, tells the caller to open the window. Errors are
/// printed here, one line on stderr.
pub fn main(cli: Cli) -> Parsed {
    let lang = cli.lang;
    match run(cli) {
        Ok(Some(db)) => Parsed::Window { db, lang },
        Ok(None) => Parsed::Exit(ExitCode::SUCCESS),
        Err(message) => {
            eprintln!("release-desk: {}", terminal::error_line(&message));
            Parsed::Exit(ExitCode::FAILURE)
        }
    }
}

/// Runs a parsed command line: `Ok(Some(db))` when there is no command (open the window on `db`).
/// `Err` is the one line to print.
pub fn run(cli: Cli) -> Result<Option<PathBuf>, String> {
    let db = match cli.db {
        Some(path) => path,
        None => default_db_path()?,
    };
    i18n::set_language(cli.lang.unwrap_or_else(i18n::system_language));
    let Some(command) = cli.command else {
        return Ok(Some(db));
    };
    let mut out = std::io::stdout().lock();
    if let CliCommand::List { view, sort, desc, as_agent, search, format, columns, csv } = command {
        // Written as it is made: a million releases never sit in memory as text.
        let args = releases::ListArgs { view, sort, desc, as_agent, search, format, columns, csv };
        releases::list(&db, args, &mut out)?;
        return Ok(None);
    }
    let text = run_command(&db, command)?;
    out.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
    Ok(None)
}

/// Runs one CLI command against the database and returns what to print.
pub fn run_command(db: &Path, command: CliCommand) -> Result<String, String> {
    match command {
        CliCommand::List { view, sort, desc, as_agent, search, format, columns, csv } => {
            let mut out = Vec::new();
            let args = releases::ListArgs { view, sort, desc, as_agent, search, format, columns, csv };
            releases::list(db, args, &mut out)?;
            String::from_utf8(out).map_err(|e| e.to_string())
        }
        CliCommand::Show { id, format, csv } => releases::show(db, parse_release_id(&id)?, format, csv),
        CliCommand::Backup { out } => backup::backup(db, out),
        CliCommand::Check => backup::check(db),
        CliCommand::Restore { backup: from, other_database } => backup::restore(db, &from, other_database),
        CliCommand::Init => backup::init(db),
        CliCommand::Kpi { from, to, format } => kpi::kpi(db, from, to, format),
        CliCommand::Chart { out, kpi, from, to, width, height, force } => {
            refuse_existing(&out, force)?;
            kpi::chart(db, out, kpi, from, to, width, height)
        }
        CliCommand::Bulk { action, ids, agent, group, as_agent } => {
            bulk::bulk(db, action, ids, agent, group, as_agent)
        }
        CliCommand::Demo { force, releases: None, .. } => demo::demo(db, force),
        CliCommand::Demo { releases: Some(releases), activities_per_release, .. } => {
            demo::synthetic(db, SyntheticSpec { releases, activities_per_release })
        }
        CliCommand::Import { from } => data::import(db, from),
        CliCommand::Export { format, out, view, search, localized, bom, force } => {
            refuse_existing(&out, force)?;
            data::export(db, format, &out, view, search, CsvOptions { bom, localized })
        }
        CliCommand::Archive { out, force } => {
            refuse_existing(&out, force)?;
            data::archive(db, &out)
        }
        CliCommand::Update { id, fields } => data::update(db, id, fields),
        CliCommand::Cab(args) => cab::cab(db, &args),
        CliCommand::Approve(args) => cab::approve(db, args),
        CliCommand::Metrics(args) => metrics::metrics(db, args),
        CliCommand::Regulator(args) => regulator::regulator(db, args),
        CliCommand::Team(args) => team::team(db, args),
        CliCommand::Windows { action: None, format } => schedule::windows(db, format),
        CliCommand::Windows { action: Some(WindowsAction::Import { file }), .. } => {
            schedule::import(db, &file)
        }
        CliCommand::Conflicts { from, to, format } => schedule::conflicts(db, from, to, format),
        CliCommand::Calendar { from, to, out, force } => {
            refuse_existing(&out, force)?;
            schedule::calendar(db, from, to, &out)
        }
        CliCommand::Templates { format } => template::templates(db, format),
        CliCommand::Create {
            subject,
            planned_start,
            planned_end,
            release_type,
            priority,
            template,
            agent,
            group,
            format,
        } => template::create(
            db,
            template::CreateArgs {
                subject,
                planned_start,
                planned_end,
                release_type,
                priority,
                template,
                agent,
                group,
                format,
            },
        ),
        CliCommand::Clone { id, planned_start, format } => template::clone(db, id, &planned_start, format),
    }
}

/// Opens an existing file for reading: read-only, so it works while a window holds the file.
/// A file with an older schema is opened as a writer once, to upgrade it.
fn open_existing(db: &Path) -> Result<Model, String> {
    if !db.exists() {
        return Err(tr_args("cli-error-no-file", &[("path", db.display().to_string().into())]));
    }
    session::open_for_reading(db).map_err(|e| i18n::store_error(&e))
}

/// Opens an existing file to change it (a missing file is not created); waits a few seconds
/// for a window or another command that holds it.
fn open_for_writing(db: &Path) -> Result<Model, String> {
    if !db.exists() {
        return Err(tr_args("cli-error-no-file", &[("path", db.display().to_string().into())]));
    }
    session::open_for_writing(db).map_err(|e| i18n::store_error(&e))
}

fn find_agent(model: &Model, text: &str) -> Result<AgentId, String> {
    model
        .directory()
        .find_agent(text)
        .map(|a| a.id)
        .ok_or_else(|| tr_args("cli-error-no-agent", &[("agent", text.into())]))
}
