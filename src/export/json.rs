//! Releases as Freshservice API v2 JSON: field names, numeric codes, ISO 8601 UTC timestamps.

use serde_json::{Value, json};

use crate::domain::{Directory, Plan, Release, Timestamp};

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
