//! Releases as a Freshservice API v2 list page, `{"releases": [...]}`, in the shapes the import
//! reads (`export::import::freshservice`), so a file exported here and imported into an empty
//! database gives the same releases: descriptions, plans and notes as HTML beside their text
//! (`planning_fields.*.description_html`), custom fields, the notes, tasks and time entries of each
//! release, this app's lifecycle fields, and the agents, groups and departments in the same file.
//! Records imported from Freshservice keep their Freshservice ids; the others carry this app's.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::import::html::text_to_html;
use crate::domain::work::time_entry::format_hhmm;
use crate::domain::{
    Directory, ExternalKind, ExternalLinks, Note, Plan, Release, Task, TimeEntry, Timestamp,
};
use crate::model::Model;

fn iso(t: Timestamp) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Local id -> Freshservice id of one kind of record; records never imported keep their own.
struct Ids(BTreeMap<i64, i64>);

impl Ids {
    fn of(links: &ExternalLinks, kind: ExternalKind) -> Self {
        Self(links.reverse(kind))
    }

    fn id(&self, local: i64) -> i64 {
        self.0.get(&local).copied().unwrap_or(local)
    }
}

struct AllIds {
    agent: Ids,
    group: Ids,
    department: Ids,
    note: Ids,
    task: Ids,
    time: Ids,
}

fn plan_json(plan: Option<&Plan>) -> Value {
    match plan {
        None => Value::Null,
        Some(p) => json!({
            "description_html": text_to_html(&p.body),
            "description_text": p.body,
            "checklist": p.items.iter().map(|i| json!({"text": i.text, "done": i.done})).collect::<Vec<_>>(),
        }),
    }
}

fn release_json(r: &Release, directory: &Directory, ids: &AllIds) -> Value {
    json!({
        "id": r.external_id.unwrap_or(r.id.0),
        "subject": r.subject,
        "description": text_to_html(&r.description),
        "description_text": r.description,
        "status": r.status.code(),
        "priority": r.priority.code(),
        "release_type": r.release_type.code(),
        "planned_start_date": iso(r.planned.start),
        "planned_end_date": iso(r.planned.end),
        "work_start_date": r.work_start.map(iso),
        "work_end_date": r.work_end.map(iso),
        "agent_id": r.agent_id.map(|a| ids.agent.id(a.0)),
        "group_id": r.group_id.map(|g| ids.group.id(g.0)),
        "department_id": r.department_id.map(|d| ids.department.id(d.0)),
        "agent_name": r.agent_id.map(|a| directory.agent_name(Some(a)).to_owned()),
        "group_name": r.group_id.map(|g| directory.group_name(Some(g)).to_owned()),
        "department_name": r.department_id.map(|d| directory.department_name(Some(d)).to_owned()),
        "category": r.category,
        "sub_category": r.sub_category,
        "item_category": r.item_category,
        "assets": r.assets,
        "associated_change_ids": r.associated_change_ids,
        "custom_fields": r.custom_fields,
        "planning_fields": {
            "build_plan": plan_json(r.build_plan.as_ref()),
            "test_plan": plan_json(r.test_plan.as_ref()),
        },
        "stage": r.stage.code(),
        "outcome": r.outcome.map(|o| o.code()),
        "closed_at": r.closed_at.map(iso),
        "rollback_count": r.rollback_count,
        "downtime_minutes": r.downtime_minutes,
        "deleted_at": r.deleted_at.map(iso),
        "created_at": iso(r.created_at),
        "updated_at": iso(r.updated_at),
    })
}

fn note_json(n: &Note, ids: &AllIds) -> Value {
    json!({
        "id": ids.note.id(n.id.0),
        "body": text_to_html(&n.body),
        "body_text": n.body,
        "user_id": n.author.map(|a| ids.agent.id(a.0)),
        "created_at": iso(n.created_at),
        "updated_at": iso(n.updated_at),
    })
}

fn task_json(t: &Task, ids: &AllIds) -> Value {
    json!({
        "id": ids.task.id(t.id.0),
        "title": t.fields.title,
        "description": text_to_html(&t.fields.description),
        "status": t.fields.status.code(),
        "due_date": t.fields.due.map(iso),
        "agent_id": t.fields.agent_id.map(|a| ids.agent.id(a.0)),
        "group_id": t.fields.group_id.map(|g| ids.group.id(g.0)),
        "created_at": iso(t.created_at),
        "updated_at": iso(t.updated_at),
    })
}

/// A time entry; `time_spent` is the time logged, a running timer's elapsed time not counted
/// (it runs on from `start_time` after an import).
fn time_entry_json(e: &TimeEntry, ids: &AllIds) -> Value {
    json!({
        "id": ids.time.id(e.id.0),
        "agent_id": e.agent_id.map(|a| ids.agent.id(a.0)),
        "note": e.note,
        "time_spent": format_hhmm(i64::from(e.minutes)),
        "executed_at": iso(e.executed_at),
        "timer_running": e.is_running(),
        "start_time": e.timer_start.map(iso),
        "billable": e.billable,
        "created_at": iso(e.created_at),
    })
}

/// `releases` of `model` as one Freshservice list page with their work, and every agent, group
/// and department (so names and emails come along).
pub fn to_json<'a>(model: &Model, releases: impl IntoIterator<Item = &'a Release>) -> Value {
    let links = model.external_links();
    let ids = AllIds {
        agent: Ids::of(links, ExternalKind::Agent),
        group: Ids::of(links, ExternalKind::Group),
        department: Ids::of(links, ExternalKind::Department),
        note: Ids::of(links, ExternalKind::Note),
        task: Ids::of(links, ExternalKind::Task),
        time: Ids::of(links, ExternalKind::TimeEntry),
    };
    let directory = model.directory();
    // Each release's work, found once (in id order) rather than searched per release.
    let mut notes: BTreeMap<_, Vec<Value>> = BTreeMap::new();
    for n in model.notes() {
        notes.entry(n.release_id).or_default().push(note_json(n, &ids));
    }
    let mut tasks: BTreeMap<_, Vec<Value>> = BTreeMap::new();
    for t in model.tasks() {
        tasks.entry(t.release_id).or_default().push(task_json(t, &ids));
    }
    let mut times: BTreeMap<_, Vec<Value>> = BTreeMap::new();
    for e in model.time_entries() {
        times.entry(e.release_id).or_default().push(time_entry_json(e, &ids));
    }
    let releases: Vec<Value> = releases
        .into_iter()
        .map(|r| {
            let mut value = release_json(r, directory, &ids);
            if let Value::Object(map) = &mut value {
                map.insert("notes".into(), Value::Array(notes.remove(&r.id).unwrap_or_default()));
                map.insert("tasks".into(), Value::Array(tasks.remove(&r.id).unwrap_or_default()));
                map.insert("time_entries".into(), Value::Array(times.remove(&r.id).unwrap_or_default()));
            }
            value
        })
        .collect();
    let total = releases.len();
    json!({
        "releases": releases,
        "total": total,
        "agents": directory.agents.iter().map(|a| json!({
            "id": ids.agent.id(a.id.0),
            "first_name": a.name,
            "last_name": "",
            "email": a.email,
        })).collect::<Vec<_>>(),
        "groups": directory.groups.iter().map(|g| json!({"id": ids.group.id(g.id.0), "name": g.name})).collect::<Vec<_>>(),
        "departments": directory.departments.iter()
            .map(|d| json!({"id": ids.department.id(d.id.0), "name": d.name})).collect::<Vec<_>>(),
    })
}
