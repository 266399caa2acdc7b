//! `team init --url URL`, `team join --url URL`, `team sync`, `team status`, `team conflicts`,
//! `team resolve ID --keep mine|theirs`, `team grant --user ROLE --right R [--revoke]` and
//! `team rights`: the file's team on a PostgreSQL server (issue 21). The password is never
//! stored: it comes from the URL given on the command line or from `PGPASSWORD`.

use std::path::Path;

use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;

use super::{open_existing, open_for_writing};
use crate::i18n::{self, tr, tr_args};
use crate::model::Command;
use crate::model::Model;
use crate::model::team::{Conflict, Keep, StoredConflict, SyncReport, TeamCommand, TeamRight};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TeamFormat {
    Table,
    Json,
}

/// `team ...`.
#[derive(Args, Debug)]
pub struct TeamArgs {
    #[command(subcommand)]
    pub action: TeamAction,
}

#[derive(Subcommand, Debug)]
pub enum TeamAction {
    /// Make (or upgrade) the team's schema on a PostgreSQL server, join this file to it and share
    /// its releases.
    Init(JoinArgs),
    /// Join this (new) file to the team on a PostgreSQL server and bring its releases in.
    Join(JoinArgs),
    /// Push the changes made here, then pull the team's.
    Sync {
        #[arg(long, value_enum, default_value = "table")]
        format: TeamFormat,
    },
    /// Where this file stands with its team (without asking the server).
    Status {
        #[arg(long, value_enum, default_value = "table")]
        format: TeamFormat,
    },
    /// The conflicts waiting for a choice: the release, the field, both values, who and when.
    Conflicts {
        #[arg(long, value_enum, default_value = "table")]
        format: TeamFormat,
    },
    /// Give a PostgreSQL role a right on the team's server (or take it back with --revoke).
    Grant {
        /// The PostgreSQL role (a login made with createuser or CREATE ROLE).
        #[arg(long, value_name = "ROLE")]
        user: String,
        #[arg(long, value_enum)]
        right: RightArg,
        /// Take the right back instead.
        #[arg(long)]
        revoke: bool,
    },
    /// The rights this file's PostgreSQL role has on the team's server.
    Rights {
        #[arg(long, value_enum, default_value = "table")]
        format: TeamFormat,
    },
    /// Remove this team's password from the system's keyring (it is asked for again).
    ForgetPassword,
    /// Settle one conflict: keep this file's value (pushed on the next sync) or the team's.
    Resolve {
        /// The conflict's id (`team conflicts` lists them).
        id: i64,
        #[arg(long, value_enum)]
        keep: KeepArg,
    },
}

/// `--right member|approve|purge`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RightArg {
    /// Pull and push.
    Member,
    /// Also move releases past the deploy gate.
    Approve,
    /// Also delete releases for good.
    Purge,
}

impl RightArg {
    fn right(self) -> TeamRight {
        match self {
            Self::Member => TeamRight::Member,
            Self::Approve => TeamRight::Approve,
            Self::Purge => TeamRight::Purge,
        }
    }
}

/// `--keep mine|theirs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KeepArg {
    Mine,
    Theirs,
}

/// `team init` and `team join`.
#[derive(Args, Debug)]
pub struct JoinArgs {
    /// The server: postgresql://user[:password]@host:port/database (the password is not stored).
    #[arg(long, value_name = "URL")]
    pub url: String,
    /// Who this file's changes are pushed as (default: the current agent, else the URL's user).
    #[arg(long, value_name = "NAME")]
    pub author: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: TeamFormat,
}

/// Runs `team ...`.
pub(super) fn team(db: &Path, args: TeamArgs) -> Result<String, String> {
    let password = std::env::var("PGPASSWORD").ok();
    match args.action {
        TeamAction::Init(args) => join(db, &args, password.as_deref(), true),
        TeamAction::Join(args) => join(db, &args, password.as_deref(), false),
        TeamAction::Sync { format } => {
            let mut model = open_for_writing(db)?;
            let report = model.team_sync(password.as_deref()).map_err(|e| i18n::team_error(&e))?;
            Ok(sync_output(&report, format))
        }
        TeamAction::Status { format } => status(db, format),
        TeamAction::Conflicts { format } => conflicts(db, format),
        TeamAction::Resolve { id, keep } => resolve(db, id, keep),
        TeamAction::Grant { user, right, revoke } => {
            let model = open_existing(db)?;
            let right = right.right();
            model.team_grant(&user, right, revoke, password.as_deref()).map_err(|e| i18n::team_error(&e))?;
            let key = if revoke { "team-revoked" } else { "team-granted" };
            let args = [("user", user.into()), ("right", i18n::team_right(right).into())];
            Ok(format!("{}\n", tr_args(key, &args)))
        }
        TeamAction::ForgetPassword => {
            let mut model = open_existing(db)?;
            model.team_forget_password().map_err(|e| i18n::team_error(&e))?;
            let url = model.team().map(|t| t.url.clone()).unwrap_or_default();
            Ok(format!("{}\n", tr_args("team-password-forgotten", &[("url", url.into())])))
        }
        TeamAction::Rights { format } => {
            let model = open_existing(db)?;
            let rights = model.team_rights(password.as_deref()).map_err(|e| i18n::team_error(&e))?;
            if format == TeamFormat::Json {
                let codes: Vec<&str> = rights.iter().map(|r| r.code()).collect();
                return Ok(format!("{:#}\n", json!({ "rights": codes })));
            }
            if rights.is_empty() {
                return Ok(format!("{}\n", tr("team-rights-none")));
            }
            let names: Vec<String> = rights.iter().map(|r| i18n::team_right(*r)).collect();
            Ok(format!("{}\n", tr_args("team-rights", &[("rights", names.join(", ").into())])))
        }
    }
}

/// One open conflict as JSON: the conflict's own fields, its id and when it was met.
fn stored_json(c: &StoredConflict) -> serde_json::Value {
    let mut value = conflict_json(&c.conflict);
    if let Some(map) = value.as_object_mut() {
        map.insert("id".to_owned(), c.id.into());
        if let Some(release) = c.release_id() {
            map.insert("release".to_owned(), release.0.into());
        }
        map.insert("at".to_owned(), c.at.to_rfc3339().into());
        map.insert("can_keep_mine".to_owned(), c.can_keep_mine().into());
    }
    value
}

fn conflicts(db: &Path, format: TeamFormat) -> Result<String, String> {
    let model = open_existing(db)?;
    if model.team().is_none() {
        return Err(i18n::team_error(&crate::model::team::TeamError::NoTeam));
    }
    let open = model.open_team_conflicts();
    if format == TeamFormat::Json {
        let list: Vec<_> = open.iter().map(|c| stored_json(c)).collect();
        return Ok(format!("{:#}\n", serde_json::Value::Array(list)));
    }
    if open.is_empty() {
        return Ok(format!("{}\n", tr("team-conflicts-none")));
    }
    let mut out = String::new();
    for c in open {
        let line = i18n::team_conflict_line(&c.conflict);
        let at = i18n::datetime_short(c.at);
        out.push_str(&tr_args(
            "team-conflicts-row",
            &[("id", c.id.into()), ("at", at.into()), ("line", line.into())],
        ));
        out.push('\n');
    }
    Ok(out)
}

fn resolve(db: &Path, id: i64, keep: KeepArg) -> Result<String, String> {
    let mut model = open_for_writing(db)?;
    let keep = match keep {
        KeepArg::Mine => Keep::Mine,
        KeepArg::Theirs => Keep::Theirs,
    };
    let conflict = model
        .open_team_conflicts()
        .into_iter()
        .find(|c| c.id == id)
        .cloned()
        .ok_or_else(|| i18n::command_error(&crate::model::CommandError::NoSuchConflict(id)))?;
    let command = Command::Team(TeamCommand::resolve(&conflict, keep));
    let label = i18n::command_label(&command, model.directory());
    model.apply(command).map_err(|e| i18n::command_error(&e))?;
    Ok(format!("{label}\n"))
}

fn join(db: &Path, args: &JoinArgs, password: Option<&str>, init: bool) -> Result<String, String> {
    let mut model = open_for_writing(db)?;
    let author = args.author.clone().unwrap_or_else(|| default_author(&model, &args.url));
    let report = if init {
        model.team_init(&args.url, password, &author)
    } else {
        model.team_join(&args.url, password, &author)
    }
    .map_err(|e| i18n::team_error(&e))?;
    if args.format == TeamFormat::Json {
        return Ok(sync_output(&report, args.format));
    }
    let state = model.team().map(|t| (t.url.clone(), t.author.clone())).unwrap_or_default();
    let joined = tr_args("team-joined", &[("url", state.0.into()), ("author", state.1.into())]);
    Ok(format!("{joined}\n{}", sync_output(&report, args.format)))
}

/// The current agent's name, else the URL's user, else "release-desk".
fn default_author(model: &Model, url: &str) -> String {
    if let Some(agent) = model.me().and_then(|id| model.directory().agent(id)) {
        return agent.name.clone();
    }
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?']).next().unwrap_or_default();
    match authority.rsplit_once('@') {
        Some((user, _)) => user.split(':').next().unwrap_or_default().to_owned(),
        None => "release-desk".to_owned(),
    }
}

fn conflict_json(conflict: &Conflict) -> serde_json::Value {
    serde_json::to_value(conflict).unwrap_or(serde_json::Value::Null)
}

/// Up to this many records numbered by one sync are each named on a line of their own.
const NUMBERED_LINES: usize = 10;

fn sync_output(report: &SyncReport, format: TeamFormat) -> String {
    if format == TeamFormat::Json {
        let value = json!({
            "pushed": report.pushed,
            "repeated": report.repeated,
            "pulled": report.pulled,
            "conflicts": report.conflicts.iter().map(conflict_json).collect::<Vec<_>>(),
            "last_seq": report.last_seq,
            "numbers": report.numbers.iter().map(|(k, n)| (k.to_string(), json!(n))).collect::<serde_json::Map<_, _>>(),
        });
        return format!("{value:#}\n");
    }
    let mut out = tr_args(
        "team-synced",
        &[
            ("pushed", report.pushed.into()),
            ("repeated", report.repeated.into()),
            ("pulled", report.pulled.into()),
            ("conflicts", report.conflicts.len().into()),
            ("seq", report.last_seq.into()),
        ],
    );
    out.push('\n');
    // One line each for a few; a count when a file shares many at once (its own from before).
    if report.numbers.len() > NUMBERED_LINES {
        out.push_str(&tr_args("team-numbered-many", &[("count", report.numbers.len().into())]));
        out.push('\n');
    } else {
        for (record, number) in &report.numbers {
            out.push_str(&i18n::team_numbered_line(*record, *number));
            out.push('\n');
        }
    }
    for conflict in &report.conflicts {
        out.push_str(&i18n::team_conflict_line(conflict));
        out.push('\n');
    }
    out
}

fn status(db: &Path, format: TeamFormat) -> Result<String, String> {
    let model = open_existing(db)?;
    let status = model.team_status().map_err(|e| i18n::team_error(&e))?;
    let conflicts = model.team_conflicts().map_err(|e| i18n::team_error(&e))?;
    let open: Vec<_> = conflicts.iter().filter(|c| c.resolved_at.is_none()).collect();
    if format == TeamFormat::Json {
        let value = match &status {
            None => json!({ "team": null }),
            Some(s) => json!({
                "team": {
                    "url": s.state.url,
                    "author": s.state.author,
                    "client_id": s.state.client_id.to_string(),
                    "last_seq": s.state.last_seq,
                },
                "pending": s.pending,
                "conflicts_open": s.conflicts_open,
                "conflicts_resolved": s.conflicts_resolved,
                "conflicts": open.iter().map(|c| stored_json(c)).collect::<Vec<_>>(),
            }),
        };
        return Ok(format!("{value:#}\n"));
    }
    let Some(s) = status else { return Ok(format!("{}\n", tr("team-status-none"))) };
    let mut out = tr_args(
        "team-status",
        &[
            ("url", s.state.url.clone().into()),
            ("author", s.state.author.clone().into()),
            ("seq", s.state.last_seq.into()),
            ("pending", s.pending.into()),
            ("open", s.conflicts_open.into()),
            ("resolved", s.conflicts_resolved.into()),
        ],
    );
    out.push('\n');
    for c in open {
        out.push_str(&i18n::team_conflict_line(&c.conflict));
        out.push('\n');
    }
    Ok(out)
}
