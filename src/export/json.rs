//! Releases as Freshservice API v2 JSON: field names, numeric codes, ISO 8601 UTC timestamps.

use serde_json::{Value, json};

use crate::domain::work::time_entry::format_hhmm;
use crate::domain::{Directory, Note, Plan, Release, Task, TimeEntry, Timestamp};

fn iso(t: Timestamp) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn plan_json(plan: Option<&Plan>) -> Value {
    match plan {
        None => Value::Null,
        Some(p) => json!({
            "description_html": p.body,
            "checklist": p.items.iter().map(|i| json!({"text": i.text, "done": i.done})).collect::<Vec<_>>(),
        }),
    }
}

/// One release with the Freshservice field names; `agent_id` is null when unassigned.
pub fn release_json(r: &Release, directory: &Directory) -> Value {
    json!({
        "id": r.id.0,
        "subject": r.subject,
        "description": r.description,
        "status": r.status.code(),
        "priority": r.priority.code(),
        "release_type": r.release_type.code(),
        "planned_start_date": iso(r.planned.start),
        "planned_end_date": iso(r.planned.end),
        "work_start_date": r.work_start.map(iso),
        "work_end_date": r.work_end.map(iso),
        "agent_id": r.agent_id.map(|a| a.0),
        "group_id": r.group_id.map(|g| g.0),
        "department_id": r.department_id.map(|d| d.0),
        "agent_name": r.agent_id.map(|a| directory.agent_name(Some(a)).to_owned()),
        "group_name": r.group_id.map(|g| directory.group_name(Some(g)).to_owned()),
        "category": r.category,
        "sub_category": r.sub_category,
        "item_category": r.item_category,
        "assets": r.assets,
        "associated_change_ids": r.associated_change_ids,
        "planning_fields": {
            "build_plan": plan_json(r.build_plan.as_ref()),
            "test_plan": plan_json(r.test_plan.as_ref()),
        },
        "stage": r.stage.code(),
        "outcome": r.outcome.map(|o| o.code()),
        "closed_at": r.closed_at.map(iso),
        "rollback_count": r.rollback_count,
        "downtime_minutes": r.downtime_minutes,
        "created_at": iso(r.created_at),
        "updated_at": iso(r.updated_at),
        "deleted": r.is_deleted(),
    })
}

/// A release's notes, tasks and time entries, attached to its JSON by [`release_with_work_json`].
#[derive(Clone, Debug, Default)]
pub struct ReleaseWork<'a> {
    pub notes: Vec<&'a Note>,
    pub tasks: Vec<&'a Task>,
    pub time_entries: Vec<&'a TimeEntry>,
}

/// One release with its `notes`, `tasks` and `time_entries` in Freshservice shapes; a running
/// timer's `time_spent` counts up to `now`.
pub fn release_with_work_json(
    r: &Release,
    directory: &Directory,
    work: &ReleaseWork<'_>,
    now: Timestamp,
) -> Value {
    let mut value = release_json(r, directory);
    if let Value::Object(map) = &mut value {
        map.insert("notes".into(), work.notes.iter().map(|n| note_json(n)).collect());
        map.insert("tasks".into(), work.tasks.iter().map(|t| task_json(t)).collect());
        map.insert(
            "time_entries".into(),
            work.time_entries.iter().map(|e| time_entry_json(e, now)).collect(),
        );
    }
    value
}

pub fn note_json(n: &Note) -> Value {
    json!({
        "id": n.id,
        "body": n.body,
        "user_id": n.author.map(|a| a.0),
        "created_at": iso(n.created_at),
        "updated_at": iso(n.updated_at),
    })
}

pub fn task_json(t: &Task) -> Value {
    json!({
        "id": t.id,
        "title": t.fields.title,
        "description": t.fields.description,
        "status": t.fields.status.code(),
        "due_date": t.fields.due.map(iso),
        "agent_id": t.fields.agent_id.map(|a| a.0),
        "group_id": t.fields.group_id.map(|g| g.0),
        "created_at": iso(t.created_at),
        "updated_at": iso(t.updated_at),
    })
}

pub fn time_entry_json(e: &TimeEntry, now: Timestamp) -> Value {
    json!({
        "id": e.id,
        "agent_id": e.agent_id.map(|a| a.0),
        "note": e.note,
        "time_spent": format_hhmm(i64::from(e.spent_minutes(now))),
        "executed_at": iso(e.executed_at),
        "timer_running": e.is_running(),
        "start_time": e.timer_start.map(iso),
        "billable": e.billable,
        "created_at": iso(e.created_at),
    })
}
