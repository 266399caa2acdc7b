//! Reads the activity rows older files hold (schema 4 and before), written as English
//! mini-formats ("Open -> In Progress" as two labels, "87 chars", "120 chars, 2/5 done",
//! "started 2026-11-26T12:00:00Z", "1 unapproved Change(s), 2 plan item(s) not done",
//! "undo load 170 sample releases", "김민준 / 03:30 / … / billable / note", "CHG-12", ...), into the
//! typed log. Anything that does not parse is kept as [`Value::Text`], never dropped.

mod command;

use std::collections::HashMap;

use crate::domain::activity::{
    ChangeRef, ConfigItemRef, GateReasons, Named, PhaseRef, PlanProgress, RiskRef, TaskRef,
};
use crate::domain::{
    ActivityKind, AgentId, CabApproval, ChangeId, ChangeRisk, ConfigItemId, Field, FieldChange, KpiTargets,
    Language, MitigationItem, Outcome, PhaseStatus, PlanCheck, Priority, ReleaseType, RiskKind, Stage,
    Status, Strategy, TaskStatus, Theme, Timestamp, Value,
};

/// The names of agents and groups in the file, for values older logs kept only as ids.
#[derive(Default)]
pub struct Names {
    pub agents: HashMap<i64, String>,
    pub groups: HashMap<i64, String>,
}

/// One old row (kind, field, old value, new value, as stored) as a typed kind and changes.
pub fn parse(
    kind: &str,
    field: &str,
    old: &str,
    new: &str,
    names: &Names,
) -> (ActivityKind, Vec<FieldChange>) {
    let one = |field: Field, old: Value, new: Value| vec![FieldChange::new(field, old, new)];
    match kind {
        "created" => (ActivityKind::Created, one(Field::Subject, Value::text(old), Value::text(new))),
        "field" => (ActivityKind::Field, fields(field, old, new)),
        "stage" => (ActivityKind::Stage, fields(field, old, new)),
        "link" => (ActivityKind::Link, fields(field, old, new)),
        "trash" if field.is_empty() => (ActivityKind::Trash, Vec::new()),
        "trash" => (ActivityKind::Trash, fields(field, old, new)),
        "restore" if field.is_empty() => (ActivityKind::Restore, Vec::new()),
        "restore" => (ActivityKind::Restore, fields(field, old, new)),
        "purge" => (ActivityKind::Purge, one(Field::Subject, Value::text(old), Value::text(new))),
        "note" => (ActivityKind::Note, one(Field::Note, Value::text(old), Value::text(new))),
        "task" => (ActivityKind::Task, one(Field::Task, task(old), task(new))),
        "time" => (ActivityKind::Time, time_fields(field, old, new)),
        "revert" => revert(new, names),
        "change" => (ActivityKind::Change, one(Field::Change, change(field, old), change(field, new))),
        "ci" => (
            ActivityKind::ConfigItem,
            one(Field::ConfigItem, config_item(field, old), config_item(field, new)),
        ),
        "stage_note" => {
            let stage = Stage::from_code(field).map_or_else(|| Value::text(field), Value::Stage);
            (
                ActivityKind::StageNote,
                vec![
                    FieldChange::added(Field::Stage, stage),
                    FieldChange::new(Field::Note, Value::text(old), Value::text(new)),
                ],
            )
        }
        "override" => (ActivityKind::Override, one(Field::DeployGate, gate(old), Value::text(new))),
        "readiness" => (
            ActivityKind::Readiness,
            one(Field::from_code(field), readiness(field, old), readiness(field, new)),
        ),
        "setting" => (
            ActivityKind::Setting,
            one(Field::from_code(field), setting(field, old, names), setting(field, new, names)),
        ),
        "view" => (ActivityKind::View, one(Field::Name, Value::text(old), Value::text(new))),
        "agent" => (ActivityKind::Agent, one(Field::Name, named_agent(old), named_agent(new))),
        "group" => (ActivityKind::Group, one(Field::Name, named_group(old), named_group(new))),
        "department" => {
            (ActivityKind::Department, one(Field::Name, named_department(old), named_department(new)))
        }
        other => {
            // A kind this build never wrote: kept whole, as text.
            let field = if field.is_empty() { other } else { field };
            (ActivityKind::Field, one(Field::from_code(field), Value::text(old), Value::text(new)))
        }
    }
}

fn named_agent(name: &str) -> Value {
    if name.is_empty() { Value::None } else { Value::Agent(Named { id: None, name: name.to_owned() }) }
}

fn named_group(name: &str) -> Value {
    if name.is_empty() { Value::None } else { Value::Group(Named { id: None, name: name.to_owned() }) }
}

fn named_department(name: &str) -> Value {
    if name.is_empty() { Value::None } else { Value::Department(Named { id: None, name: name.to_owned() }) }
}

/// The fields of a row (one, or several as `"agent_id, group_id"` with values `"a / b"`).
fn fields(field: &str, old: &str, new: &str) -> Vec<FieldChange> {
    let names: Vec<&str> = field.split(", ").collect();
    let (olds, news) = (split_values(old, names.len()), split_values(new, names.len()));
    match (olds, news) {
        (Some(olds), Some(news)) => names
            .iter()
            .zip(olds.into_iter().zip(news))
            .map(|(name, (o, n))| {
                FieldChange::new(Field::from_code(name), release_value(name, o), release_value(name, n))
            })
            .collect(),
        _ => vec![FieldChange::new(Field::from_code(field), Value::text(old), Value::text(new))],
    }
}

/// `"a / b / c"` as `n` values; the last keeps any further `" / "` (a note typed with one). An
/// empty text is `n` empty values.
fn split_values(text: &str, n: usize) -> Option<Vec<&str>> {
    if n == 1 {
        return Some(vec![text]);
    }
    if text.is_empty() {
        return Some(vec![""; n]);
    }
    let parts: Vec<&str> = text.splitn(n, " / ").collect();
    (parts.len() == n).then_some(parts)
}

/// A release field's old value, in the form `release_changes` wrote it.
fn release_value(field: &str, text: &str) -> Value {
    let parsed = match field {
        _ if text.is_empty() && field != "assets" && field != "associated_change_ids" => Some(Value::None),
        "description" => text.strip_suffix(" chars").and_then(|n| n.parse().ok()).map(Value::Chars),
        "status" => Status::parse(text).map(Value::Status),
        "priority" => Priority::parse(text).map(Value::Priority),
        "release_type" => ReleaseType::parse(text).map(Value::ReleaseType),
        "stage" => Stage::ALL.into_iter().find(|s| s.label() == text).map(Value::Stage),
        "outcome" => {
            [Outcome::Successful, Outcome::Failed].into_iter().find(|o| o.label() == text).map(Value::Outcome)
        }
        "planned_start_date" | "planned_end_date" | "work_start_date" | "work_end_date" | "closed_at"
        | "deleted_at" | "executed_at" => time(text).map(Value::Time),
        "agent_id" => Some(named_agent(text)),
        "group_id" => Some(named_group(text)),
        "department_id" => Some(named_department(text)),
        "assets" => ids(text).map(|ids| Value::ConfigItems(ids.into_iter().map(ConfigItemId).collect())),
        "associated_change_ids" => {
            ids(text).map(|ids| Value::Changes(ids.into_iter().map(ChangeId).collect()))
        }
        "build_plan" | "test_plan" => plan(text),
        "rollback_count" => text.parse().ok().map(Value::Count),
        "downtime_minutes" => text.parse().ok().map(Value::Minutes),
        _ => None,
    };
    parsed.unwrap_or_else(|| Value::text(text))
}

fn time(text: &str) -> Option<Timestamp> {
    chrono::DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&chrono::Utc))
}

/// `"5, 6, 7"` (or `""`, no ids).
fn ids(text: &str) -> Option<Vec<i64>> {
    text.split(", ").filter(|s| !s.is_empty()).map(|s| s.parse().ok()).collect()
}

/// `"120 chars, 2/5 done"`.
fn plan(text: &str) -> Option<Value> {
    let (chars, progress) = text.split_once(" chars, ")?;
    let (done, total) = progress.strip_suffix(" done")?.split_once('/')?;
    Some(Value::Plan(PlanProgress {
        chars: chars.parse().ok()?,
        done: done.parse().ok()?,
        total: total.parse().ok()?,
    }))
}

/// `"hh:mm"` (any number of hours, `00:00` included) as minutes.
fn hhmm(text: &str) -> Option<u32> {
    let (h, m) = text.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (m < 60 && m.to_string().len() <= 2).then_some(h * 60 + m)
}

/// `"title [Status]"`.
fn task(text: &str) -> Value {
    let parsed = text.strip_suffix(']').and_then(|t| t.rsplit_once(" [")).and_then(|(title, status)| {
        let status = TaskStatus::ALL.into_iter().find(|s| s.label() == status)?;
        Some(Value::Task(TaskRef { title: title.to_owned(), status }))
    });
    parsed.unwrap_or_else(|| Value::text(text))
}

/// The fields of a time row: `time_spent`, `timer`, or an edit's several fields.
fn time_fields(field: &str, old: &str, new: &str) -> Vec<FieldChange> {
    let names: Vec<&str> = field.split(", ").collect();
    match (split_values(old, names.len()), split_values(new, names.len())) {
        (Some(olds), Some(news)) => names
            .iter()
            .zip(olds.into_iter().zip(news))
            .map(|(name, (o, n))| {
                FieldChange::new(Field::from_code(name), time_value(name, o), time_value(name, n))
            })
            .collect(),
        _ => vec![FieldChange::new(Field::from_code(field), Value::text(old), Value::text(new))],
    }
}

fn time_value(field: &str, text: &str) -> Value {
    let parsed = match (field, text) {
        (_, "") | ("agent_id" | "note", "—") => Some(Value::None),
        ("time_spent", _) => hhmm(text).map(Value::Minutes),
        ("timer", _) => {
            if let Some(at) = text.strip_prefix("started ") {
                time(at).map(Value::TimerStarted)
            } else if let Some(spent) = text.strip_prefix("stopped at ") {
                hhmm(spent).map(Value::TimerStopped)
            } else {
                hhmm(text).map(Value::Minutes)
            }
        }
        ("executed_at", _) => time(text).map(Value::Time),
        ("billable", "billable") => Some(Value::Bool(true)),
        ("billable", "not billable") => Some(Value::Bool(false)),
        ("agent_id", _) => Some(named_agent(text)),
        _ => None,
    };
    parsed.unwrap_or_else(|| Value::text(text))
}

/// A Change row's value: `"subject (approval, risk)"`, or only the subject (a new Change).
fn change(field: &str, text: &str) -> Value {
    let Some(id) = field.strip_prefix("CHG-").and_then(|n| n.parse().ok()).map(ChangeId) else {
        return Value::text(text);
    };
    if text.is_empty() {
        return Value::None;
    }
    let coded = text.strip_suffix(')').and_then(|t| t.rsplit_once(" (")).and_then(|(subject, codes)| {
        let (approval, risk) = codes.split_once(", ")?;
        Some((subject, CabApproval::from_code(approval)?, ChangeRisk::from_code(risk)?))
    });
    Value::Change(match coded {
        Some((subject, approval, risk)) => {
            ChangeRef { id, subject: subject.to_owned(), approval: Some(approval), risk: Some(risk) }
        }
        None => ChangeRef { id, subject: text.to_owned(), approval: None, risk: None },
    })
}

fn config_item(field: &str, text: &str) -> Value {
    match field.strip_prefix("CI-").and_then(|n| n.parse().ok()).map(ConfigItemId) {
        _ if text.is_empty() => Value::None,
        Some(id) => Value::ConfigItem(ConfigItemRef { id, name: text.to_owned(), kind: None }),
        None => Value::text(text),
    }
}

/// `"1 unapproved Change(s), 2 plan item(s) not done"`.
fn gate(text: &str) -> Value {
    let parsed = text.split_once(" unapproved Change(s), ").and_then(|(changes, rest)| {
        let missing = rest.strip_suffix(" plan item(s) not done")?;
        Some(Value::Gate(GateReasons {
            unapproved_changes: changes.parse().ok()?,
            plan_items_missing: missing.parse().ok()?,
            hard_freezes: 0,
        }))
    });
    parsed.unwrap_or_else(|| Value::text(text))
}

fn readiness(field: &str, text: &str) -> Value {
    let codes =
        |text: &str| text.split(", ").filter(|s| !s.is_empty()).map(str::to_owned).collect::<Vec<_>>();
    let parsed = match field {
        "readiness" => codes(text)
            .iter()
            .map(|c| PlanCheck::from_code(c))
            .collect::<Option<Vec<_>>>()
            .map(Value::PlanChecks),
        "mitigation" => codes(text)
            .iter()
            .map(|c| MitigationItem::from_code(c))
            .collect::<Option<Vec<_>>>()
            .map(Value::Mitigations),
        _ if text.is_empty() => Some(Value::None),
        "strategy" => Strategy::from_code(text).map(Value::Strategy),
        "risk" => risk(text),
        "deployment_phases" => text.split(" -> ").map(phase).collect::<Option<Vec<_>>>().map(Value::Phases),
        _ => None,
    };
    parsed.unwrap_or_else(|| Value::text(text))
}

/// `"title: 3x4"`; a standard risk without a title of its own shows its kind's code.
fn risk(text: &str) -> Option<Value> {
    let (title, rating) = text.rsplit_once(": ")?;
    let (likelihood, impact) = rating.split_once('x')?;
    let kind = RiskKind::from_code(title);
    Some(Value::Risk(RiskRef {
        kind,
        title: if kind.is_some() { String::new() } else { title.to_owned() },
        likelihood: likelihood.parse().ok()?,
        impact: impact.parse().ok()?,
    }))
}

/// `"name (status)"`.
fn phase(text: &str) -> Option<PhaseRef> {
    let (name, status) = text.strip_suffix(')')?.rsplit_once(" (")?;
    Some(PhaseRef { name: name.to_owned(), status: PhaseStatus::from_code(status)? })
}

/// A setting as stored then: its JSON text.
fn setting(field: &str, text: &str, names: &Names) -> Value {
    if text.is_empty() {
        return Value::None;
    }
    let parsed = match field {
        "current_agent" => text.parse::<i64>().ok().map(|id| {
            Value::Agent(Named {
                id: Some(AgentId(id)),
                name: names.agents.get(&id).cloned().unwrap_or_default(),
            })
        }),
        "language" => serde_json::from_str::<Language>(text).ok().map(Value::Language),
        "theme" => serde_json::from_str::<Theme>(text).ok().map(Value::Theme),
        "kpi_targets" => serde_json::from_str::<KpiTargets>(text).ok().map(Value::KpiTargets),
        _ => None,
    };
    parsed.unwrap_or_else(|| Value::text(text))
}

/// An undo or redo row: `"undo <what the command did>"`.
fn revert(label: &str, names: &Names) -> (ActivityKind, Vec<FieldChange>) {
    let (kind, what) = match label.split_once(' ') {
        Some(("redo", what)) => (ActivityKind::Redo, what),
        Some(("undo", what)) => (ActivityKind::Undo, what),
        _ => (ActivityKind::Undo, label),
    };
    let value = command::summary(what, names).map_or_else(|| Value::text(what), Value::Command);
    (kind, vec![FieldChange::added(Field::Command, value)])
}

#[cfg(test)]
mod tests;
