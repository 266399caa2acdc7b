//! The wire form of a change: what one local command did to the shared records, as PostgreSQL's
//! `changes.mutations` keeps it and every client applies it. A record is named by its kind and id
//! ([`RecordKey`], `"release:12"` in JSON); a change to it is a whole new record, some of its
//! fields (the top-level fields of its JSON form, so two people editing different fields of one
//! release both stand), or its removal. Releases (puts, patches, removals), the people they
//! name (agents, groups, departments), deployment windows, change freezes, notes and tasks are
//! shared.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use crate::domain::schedule::{DeploymentWindow, Freeze};
pub use crate::domain::team::{
    Conflict, ConflictKind, OutboxEntry, RecordChange, RecordKey, RecordKind, UPDATED_AT,
};
use crate::domain::{
    Agent, AgentId, Department, DepartmentId, FreezeId, Group, GroupId, Note, NoteId, Release, ReleaseId,
    Task, TaskFields, TaskId, WindowId,
};
use crate::store::{Mutation, ScheduleMutation};

/// The JSON object of a release (its top-level fields are what merges field by field).
pub fn release_fields(release: &Release) -> Map<String, Value> {
    match serde_json::to_value(release) {
        Ok(Value::Object(map)) => map,
        // A release always serialises to an object; nothing else can come out of the derive.
        _ => Map::new(),
    }
}

/// The JSON object of any shared record (its top-level fields are what merges field by field).
pub fn record_fields<T: serde::Serialize>(record: &T) -> Map<String, Value> {
    match serde_json::to_value(record) {
        Ok(Value::Object(map)) => map,
        Ok(other) => {
            log::error!("a shared record serialised to {other}, not an object");
            Map::new()
        }
        Err(err) => {
            log::error!("a shared record does not serialise: {err}");
            Map::new()
        }
    }
}

/// A task as the team shares it: its fields (title, status, due, agent…) at the top level beside
/// its id and release, so two people changing different fields of one task both stand.
pub fn task_fields(task: &Task) -> Map<String, Value> {
    let mut map = record_fields(task);
    if let Some(Value::Object(fields)) = map.remove("fields") {
        map.extend(fields);
    }
    map
}

/// The task [`task_fields`] describes.
fn task_from_fields(mut data: Map<String, Value>) -> Result<Task, serde_json::Error> {
    let names = record_fields(&TaskFields::default());
    let fields: Map<String, Value> = names.keys().filter_map(|k| data.remove_entry(k)).collect();
    data.insert("fields".to_owned(), Value::Object(fields));
    decode(data)
}

/// The shared record other than a release that `mutation` writes: its key and its new value
/// (`None`: removed).
pub fn written_record(mutation: &Mutation) -> Option<(RecordKey, Option<Map<String, Value>>)> {
    match mutation {
        Mutation::PutAgent(a) => Some((RecordKey::agent(a.id), Some(record_fields(a)))),
        Mutation::RemoveAgent(id) => Some((RecordKey::agent(*id), None)),
        Mutation::PutGroup(g) => Some((RecordKey::group(g.id), Some(record_fields(g)))),
        Mutation::RemoveGroup(id) => Some((RecordKey::group(*id), None)),
        Mutation::PutDepartment(d) => Some((RecordKey::department(d.id), Some(record_fields(d)))),
        Mutation::RemoveDepartment(id) => Some((RecordKey::department(*id), None)),
        Mutation::Schedule(ScheduleMutation::PutWindow(w)) => {
            Some((RecordKey::window(w.id), Some(record_fields(w))))
        }
        Mutation::Schedule(ScheduleMutation::RemoveWindow(id)) => Some((RecordKey::window(*id), None)),
        Mutation::Schedule(ScheduleMutation::PutFreeze(f)) => {
            Some((RecordKey::freeze(f.id), Some(record_fields(f))))
        }
        Mutation::Schedule(ScheduleMutation::RemoveFreeze(id)) => Some((RecordKey::freeze(*id), None)),
        Mutation::PutNote(n) => Some((RecordKey::note(n.id), Some(record_fields(n)))),
        Mutation::RemoveNote(id) => Some((RecordKey::note(*id), None)),
        Mutation::PutTask(t) => Some((RecordKey::task(t.id), Some(task_fields(t)))),
        Mutation::RemoveTask(id) => Some((RecordKey::task(*id), None)),
        _ => None,
    }
}

fn decode<T: serde::de::DeserializeOwned>(data: Map<String, Value>) -> Result<T, serde_json::Error> {
    serde_json::from_value(Value::Object(data))
}

/// The mutation that leaves the file holding `data` as record `key` (or no such record). The
/// key's id wins over an `id` in the data.
pub fn mutation_for(key: RecordKey, data: Option<Map<String, Value>>) -> Result<Mutation, serde_json::Error> {
    let object = |data: Map<String, Value>| Value::Object(data);
    Ok(match (key.kind, data) {
        (RecordKind::Agent, Some(data)) => Mutation::PutAgent(Agent { id: AgentId(key.id), ..decode(data)? }),
        (RecordKind::Agent, None) => Mutation::RemoveAgent(AgentId(key.id)),
        (RecordKind::Group, Some(data)) => Mutation::PutGroup(Group { id: GroupId(key.id), ..decode(data)? }),
        (RecordKind::Group, None) => Mutation::RemoveGroup(GroupId(key.id)),
        (RecordKind::Department, Some(data)) => {
            Mutation::PutDepartment(Department { id: DepartmentId(key.id), ..decode(data)? })
        }
        (RecordKind::Department, None) => Mutation::RemoveDepartment(DepartmentId(key.id)),
        (RecordKind::Release, Some(data)) => {
            Mutation::PutRelease(Release { id: ReleaseId(key.id), ..release_from_fields(data)? })
        }
        (RecordKind::Release, None) => Mutation::RemoveRelease(ReleaseId(key.id)),
        (RecordKind::Window, Some(data)) => {
            let window: DeploymentWindow = serde_json::from_value(object(data))?;
            Mutation::Schedule(ScheduleMutation::PutWindow(DeploymentWindow {
                id: WindowId(key.id),
                ..window
            }))
        }
        (RecordKind::Window, None) => Mutation::Schedule(ScheduleMutation::RemoveWindow(WindowId(key.id))),
        (RecordKind::Freeze, Some(data)) => {
            let freeze: Freeze = serde_json::from_value(object(data))?;
            Mutation::Schedule(ScheduleMutation::PutFreeze(Freeze { id: FreezeId(key.id), ..freeze }))
        }
        (RecordKind::Freeze, None) => Mutation::Schedule(ScheduleMutation::RemoveFreeze(FreezeId(key.id))),
        (RecordKind::Note, Some(data)) => Mutation::PutNote(Note { id: NoteId(key.id), ..decode(data)? }),
        (RecordKind::Note, None) => Mutation::RemoveNote(NoteId(key.id)),
        (RecordKind::Task, Some(data)) => {
            Mutation::PutTask(Task { id: TaskId(key.id), ..task_from_fields(data)? })
        }
        (RecordKind::Task, None) => Mutation::RemoveTask(TaskId(key.id)),
    })
}

/// The release a record's fields describe.
pub fn release_from_fields(fields: Map<String, Value>) -> Result<Release, serde_json::Error> {
    serde_json::from_value(Value::Object(fields))
}

/// What `mutations` (one command's, in order) do to the shared records, given each release as it
/// was before them (`before`) and each other shared record's fields (`before_other`): one change
/// per record touched, in record order, none for a record that ends as it began.
pub fn changes_of<'a>(
    mutations: &[Mutation],
    before: impl Fn(ReleaseId) -> Option<&'a Release>,
    before_other: impl Fn(RecordKey) -> Option<Map<String, Value>>,
) -> Vec<RecordChange> {
    let mut after: BTreeMap<ReleaseId, Option<Release>> = BTreeMap::new();
    let mut others: BTreeMap<RecordKey, Option<Map<String, Value>>> = BTreeMap::new();
    for mutation in mutations {
        match mutation {
            Mutation::PutRelease(release) => {
                after.insert(release.id, Some(release.clone()));
            }
            Mutation::PatchRelease { id, patch } => {
                let current = match after.get(id) {
                    Some(current) => current.clone(),
                    None => before(*id).cloned(),
                };
                if let Some(mut release) = current {
                    patch.apply_to(&mut release);
                    after.insert(*id, Some(release));
                }
            }
            Mutation::RemoveRelease(id) => {
                after.insert(*id, None);
            }
            other => {
                if let Some((key, new)) = written_record(other) {
                    others.insert(key, new);
                }
            }
        }
    }
    let releases = after.into_iter().filter_map(|(id, new)| {
        let record = RecordKey::release(id);
        match (before(id), new) {
            (None, None) => None,
            (None, Some(new)) => Some(RecordChange::Create { record, data: release_fields(&new) }),
            (Some(_), None) => Some(RecordChange::Remove { record }),
            (Some(old), Some(new)) => {
                let fields = changed_fields(&release_fields(old), release_fields(&new));
                (!fields.is_empty()).then_some(RecordChange::Fields { record, fields })
            }
        }
    });
    let others = others.into_iter().filter_map(|(record, new)| match (before_other(record), new) {
        (None, None) => None,
        (None, Some(data)) => Some(RecordChange::Create { record, data }),
        (Some(_), None) => Some(RecordChange::Remove { record }),
        (Some(old), Some(new)) => {
            let fields = changed_fields(&old, new);
            (!fields.is_empty()).then_some(RecordChange::Fields { record, fields })
        }
    });
    releases.chain(others).collect()
}

/// The fields of `new` whose values differ from `old`'s (a field `old` lacks counts as changed).
pub fn changed_fields(old: &Map<String, Value>, new: Map<String, Value>) -> Map<String, Value> {
    new.into_iter().filter(|(key, value)| old.get(key) != Some(value)).collect()
}

/// The records `changes` touch.
pub fn touched(changes: &[RecordChange]) -> BTreeSet<RecordKey> {
    changes.iter().map(RecordChange::record).collect()
}
