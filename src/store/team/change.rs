//! The wire form of a change: what one local command did to the shared records, as PostgreSQL's
//! `changes.mutations` keeps it and every client applies it. A record is named by its kind and id
//! ([`RecordKey`], `"release:12"` in JSON); a change to it is a whole new record, some of its
//! fields (the top-level fields of its JSON form, so two people editing different fields of one
//! release both stand), or its removal. This slice shares releases (puts, patches, removals).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

pub use crate::domain::team::{
    Conflict, ConflictKind, OutboxEntry, RecordChange, RecordKey, RecordKind, UPDATED_AT,
};
use crate::domain::{Release, ReleaseId};
use crate::store::Mutation;

/// The JSON object of a release (its top-level fields are what merges field by field).
pub fn release_fields(release: &Release) -> Map<String, Value> {
    match serde_json::to_value(release) {
        Ok(Value::Object(map)) => map,
        // A release always serialises to an object; nothing else can come out of the derive.
        _ => Map::new(),
    }
}

/// The release a record's fields describe.
pub fn release_from_fields(fields: Map<String, Value>) -> Result<Release, serde_json::Error> {
    serde_json::from_value(Value::Object(fields))
}

/// What `mutations` (one command's, in order) do to the shared records, given each release as it
/// was before them: one change per record touched, in record order, none for a record that ends
/// as it began.
pub fn changes_of<'a>(
    mutations: &[Mutation],
    before: impl Fn(ReleaseId) -> Option<&'a Release>,
) -> Vec<RecordChange> {
    let mut after: BTreeMap<ReleaseId, Option<Release>> = BTreeMap::new();
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
            _ => {}
        }
    }
    after
        .into_iter()
        .filter_map(|(id, new)| {
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
        })
        .collect()
}

/// The fields of `new` whose values differ from `old`'s (a field `old` lacks counts as changed).
pub fn changed_fields(old: &Map<String, Value>, new: Map<String, Value>) -> Map<String, Value> {
    new.into_iter().filter(|(key, value)| old.get(key) != Some(value)).collect()
}

/// The records `changes` touch.
pub fn touched(changes: &[RecordChange]) -> BTreeSet<RecordKey> {
    changes.iter().map(RecordChange::record).collect()
}
