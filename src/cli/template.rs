//! `templates`, `create` and `clone`: the release templates (built-in and the user's), a new
//! release (from a template or not) and a copy of a release with its dates moved. `create` and
//! `clone` print the new release as `show` does.

use std::path::Path;

use chrono::{DateTime, Local, NaiveDateTime, TimeZone as _, Utc};

use super::{Format, find_agent, open_existing, open_for_writing, releases};
use crate::domain::{PlannedWindow, Priority, ReleaseId, ReleaseType, Status, Timestamp};
use crate::i18n::{self, tr_args};
use crate::model::{Command, Model, NewRelease, ReleaseCommand, TemplateCommand};

/// What `create` is given.
pub(super) struct CreateArgs {
    pub subject: String,
    pub planned_start: String,
    pub planned_end: Option<String>,
    pub release_type: Option<String>,
    pub priority: Option<String>,
    pub template: Option<String>,
    pub agent: Option<String>,
    pub group: Option<String>,
    pub format: Format,
}

/// An ISO 8601 time: with an offset (`2026-12-12T13:00:00+09:00`, `...Z`), or local
/// (`2026-12-12T13:00`, `2026-12-12 13:00`, seconds optional).
pub(super) fn parse_time(text: &str) -> Result<Timestamp, String> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&Utc));
    }
    ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .and_then(|t| Local.from_local_datetime(&t).earliest())
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| tr_args("cli-error-bad-time", &[("time", text.into())]))
}

/// `templates`: every template, built-in first.
pub(super) fn templates(db: &Path, format: Format) -> Result<String, String> {
    let model = open_existing(db)?;
    let templates = model.templates();
    match format {
        Format::Json => {
            let rows: Vec<serde_json::Value> = templates
                .iter()
                .map(|t| {
                    let mut json = serde_json::to_value(t).unwrap_or_default();
                    json["builtin"] = t.is_builtin().into();
                    json["display_name"] = i18n::template_name(t).into();
                    json
                })
                .collect();
            serde_json::to_string_pretty(&rows).map(|s| s + "\n").map_err(|e| e.to_string())
        }
        Format::Table | Format::Csv => {
            let mut text = String::new();
            for t in &templates {
                text.push_str(&format!(
                    "{}\t{}\t{}\t{}\n",
                    t.key,
                    i18n::template_name(t),
                    i18n::release_type(t.release_type),
                    i18n::duration(t.duration_minutes),
                ));
            }
            Ok(text)
        }
    }
}

fn parse_enum<T>(text: Option<&str>, parse: fn(&str) -> Option<T>, what: &str) -> Result<Option<T>, String> {
    text.map(|t| {
        parse(t).ok_or_else(|| tr_args("cli-error-bad-value", &[("what", what.into()), ("value", t.into())]))
    })
    .transpose()
}

/// `create`: a new release, from a template if one is named (its type, priority, group and window
/// length are the defaults; the arguments win).
pub(super) fn create(db: &Path, args: CreateArgs) -> Result<String, String> {
    let mut model = open_for_writing(db)?;
    let template = match &args.template {
        Some(key) => Some(
            model
                .template(key)
                .ok_or_else(|| tr_args("template-invalid-no-such", &[("key", key.clone().into())]))?,
        ),
        None => None,
    };
    let start = parse_time(&args.planned_start)?;
    let end = match (&args.planned_end, &template) {
        (Some(end), _) => parse_time(end)?,
        (None, Some(t)) => start + chrono::Duration::minutes(t.duration_minutes),
        (None, None) => return Err(tr_args("cli-error-needs-end", &[])),
    };
    let release_type = parse_enum(args.release_type.as_deref(), ReleaseType::parse, "--type")?
        .or(template.as_ref().map(|t| t.release_type))
        .unwrap_or(ReleaseType::Standard);
    let priority = parse_enum(args.priority.as_deref(), Priority::parse, "--priority")?
        .or(template.as_ref().map(|t| t.priority))
        .unwrap_or(Priority::Medium);
    let agent_id = args.agent.as_deref().map(|a| find_agent(&model, a)).transpose()?;
    let group_id = match args.group.as_deref() {
        Some(g) => Some(super::bulk::find_group(&model, g)?),
        None => template.as_ref().and_then(|t| t.group_id),
    };
    let release = NewRelease {
        subject: args.subject,
        description: template.as_ref().map(|t| t.description.clone()).unwrap_or_default(),
        status: Status::Open,
        priority,
        release_type,
        planned: PlannedWindow { start, end },
        agent_id,
        group_id,
        department_id: None,
        category: template.as_ref().and_then(|t| t.category.clone()),
    };
    let command = match template {
        Some(t) => Command::Template(TemplateCommand::Instantiate { template: t.key, release }),
        None => Command::Release(ReleaseCommand::Create(release)),
    };
    let id = apply_created(&mut model, command)?;
    drop(model);
    releases::show(db, id, args.format, super::CsvOptions::default())
}

/// `clone`: a copy of release `id` starting at `planned_start`, its work reset.
pub(super) fn clone(db: &Path, id: ReleaseId, planned_start: &str, format: Format) -> Result<String, String> {
    let mut model = open_for_writing(db)?;
    let planned_start = parse_time(planned_start)?;
    let id =
        apply_created(&mut model, Command::Template(TemplateCommand::Clone { source: id, planned_start }))?;
    drop(model);
    releases::show(db, id, format, super::CsvOptions::default())
}

fn apply_created(model: &mut Model, command: Command) -> Result<ReleaseId, String> {
    let applied = model.apply(command).map_err(|e| i18n::command_error(&e))?;
    applied.created().ok_or_else(|| tr_args("cli-error-not-created", &[]))
}
