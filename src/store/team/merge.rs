//! The field-level merge a push runs on the server, as a pure function: a change made on top of
//! `base` (the seq the client last saw the record at) against the record as the server holds it.
//! A field changed by another client since `base` is a conflict (the server's value stands, the
//! client's is kept in the conflict); every other field lands. Kept apart from the SQL so it is
//! tested without a server.

use serde_json::{Map, Value};

use super::change::{Conflict, ConflictKind, RecordChange, UPDATED_AT};

/// Who last wrote a field, and in which change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Writer {
    pub seq: i64,
    pub client: uuid::Uuid,
}

/// A shared record as the server holds it.
#[derive(Clone, Debug, PartialEq)]
pub struct ServerRecord {
    pub data: Map<String, Value>,
    /// The seq of the change that last wrote the record.
    pub seq: i64,
    /// Who last wrote each field.
    pub writers: std::collections::BTreeMap<String, Writer>,
}

impl ServerRecord {
    /// Whether someone other than `client` wrote `field` after `base`.
    fn moved(&self, field: &str, base: i64, client: uuid::Uuid) -> bool {
        self.writers.get(field).is_some_and(|w| w.seq > base && w.client != client)
    }
}

/// What a change does to one record.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// The part of the change that lands (`None`: nothing does).
    pub applied: Option<RecordChange>,
    /// The record afterwards: `Some(None)` removed, `Some(Some(_))` written, `None` untouched.
    pub record: Option<Option<ServerRecord>>,
    pub conflicts: Vec<Conflict>,
}

impl Merged {
    fn untouched(conflicts: Vec<Conflict>) -> Self {
        Self { applied: None, record: None, conflicts }
    }
}

/// Merges `change`, made by `client` on top of `base`, into `current`; `seq` is the seq the
/// change gets.
pub fn merge(
    current: Option<&ServerRecord>,
    change: &RecordChange,
    base: i64,
    client: uuid::Uuid,
    seq: i64,
) -> Merged {
    let record = change.record();
    let writer = || Writer { seq, client };
    match (change, current) {
        (RecordChange::Create { data, .. }, None) => {
            let writers = data.keys().map(|k| (k.clone(), writer())).collect();
            let new = ServerRecord { data: data.clone(), seq, writers };
            Merged { applied: Some(change.clone()), record: Some(Some(new)), conflicts: Vec::new() }
        }
        (RecordChange::Create { data, .. }, Some(existing)) => Merged::untouched(vec![Conflict {
            record,
            kind: ConflictKind::IdTaken,
            field: None,
            ours: Value::Object(data.clone()),
            theirs: Value::Object(existing.data.clone()),
            by: None,
            by_at: None,
        }]),
        (RecordChange::Fields { fields, .. }, None) => Merged::untouched(vec![Conflict {
            record,
            kind: ConflictKind::Removed,
            field: None,
            ours: Value::Object(fields.clone()),
            theirs: Value::Null,
            by: None,
            by_at: None,
        }]),
        (RecordChange::Fields { fields, .. }, Some(existing)) => {
            merge_fields(existing, fields, base, client, seq, change)
        }
        (RecordChange::Remove { .. }, None) => Merged::untouched(Vec::new()),
        (RecordChange::Remove { .. }, Some(existing)) => {
            let edited = existing.writers.keys().any(|f| f != UPDATED_AT && existing.moved(f, base, client));
            if edited {
                Merged::untouched(vec![Conflict {
                    record,
                    kind: ConflictKind::RemoveEdited,
                    field: None,
                    ours: Value::Null,
                    theirs: Value::Object(existing.data.clone()),
                    by: None,
                    by_at: None,
                }])
            } else {
                Merged { applied: Some(change.clone()), record: Some(None), conflicts: Vec::new() }
            }
        }
    }
}

fn merge_fields(
    existing: &ServerRecord,
    fields: &Map<String, Value>,
    base: i64,
    client: uuid::Uuid,
    seq: i64,
    change: &RecordChange,
) -> Merged {
    let record = change.record();
    let mut landed = Map::new();
    let mut conflicts = Vec::new();
    for (field, ours) in fields {
        if field == UPDATED_AT || existing.data.get(field) == Some(ours) {
            continue;
        }
        if existing.moved(field, base, client) {
            conflicts.push(Conflict {
                record,
                kind: ConflictKind::Field,
                field: Some(field.clone()),
                ours: ours.clone(),
                theirs: existing.data.get(field).cloned().unwrap_or(Value::Null),
                by: None,
                by_at: None,
            });
        } else {
            landed.insert(field.clone(), ours.clone());
        }
    }
    if landed.is_empty() {
        return Merged::untouched(conflicts);
    }
    if let Some(updated) = fields.get(UPDATED_AT) {
        landed.insert(UPDATED_AT.to_owned(), updated.clone());
    }
    let mut new = existing.clone();
    new.seq = seq;
    for (field, value) in &landed {
        new.data.insert(field.clone(), value.clone());
        new.writers.insert(field.clone(), Writer { seq, client });
    }
    Merged {
        applied: Some(RecordChange::Fields { record, fields: landed }),
        record: Some(Some(new)),
        conflicts,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::store::team::change::{RecordKey, RecordKind};
    use serde_json::json;

    fn key() -> RecordKey {
        RecordKey { kind: RecordKind::Release, id: 1 }
    }

    #[expect(clippy::needless_pass_by_value, reason = "called with json! values made in place")]
    fn fields(value: Value) -> Map<String, Value> {
        value.as_object().unwrap().clone()
    }

    fn record(a: uuid::Uuid) -> ServerRecord {
        let created = merge(
            None,
            &RecordChange::Create { record: key(), data: fields(json!({"status": 1, "priority": 1})) },
            0,
            a,
            1,
        );
        created.record.unwrap().unwrap()
    }

    #[test]
    fn different_fields_both_land_and_the_same_field_conflicts() {
        let (a, b) = (uuid::Uuid::new_v4(), uuid::Uuid::new_v4());
        let mut server = record(a);
        let by_b = RecordChange::Fields { record: key(), fields: fields(json!({"status": 3})) };
        server = merge(Some(&server), &by_b, 1, b, 2).record.unwrap().unwrap();
        // A saw seq 1 only: its priority lands, its status conflicts and B's stays.
        let by_a =
            RecordChange::Fields { record: key(), fields: fields(json!({"status": 5, "priority": 4})) };
        let merged = merge(Some(&server), &by_a, 1, a, 3);
        let new = merged.record.unwrap().unwrap();
        assert_eq!(new.data, fields(json!({"status": 3, "priority": 4})));
        assert_eq!(merged.conflicts.len(), 1);
        assert_eq!(merged.conflicts[0].field.as_deref(), Some("status"));
        assert_eq!(
            (merged.conflicts[0].ours.clone(), merged.conflicts[0].theirs.clone()),
            (json!(5), json!(3))
        );
    }

    #[test]
    fn a_clients_own_later_writes_are_not_conflicts() {
        let a = uuid::Uuid::new_v4();
        let server = record(a);
        let again = RecordChange::Fields { record: key(), fields: fields(json!({"status": 2})) };
        let merged = merge(Some(&server), &again, 0, a, 2);
        assert!(merged.conflicts.is_empty());
        assert!(merged.applied.is_some());
    }

    #[test]
    fn removing_a_record_edited_by_someone_else_keeps_it() {
        let (a, b) = (uuid::Uuid::new_v4(), uuid::Uuid::new_v4());
        let mut server = record(a);
        let by_b = RecordChange::Fields { record: key(), fields: fields(json!({"priority": 2})) };
        server = merge(Some(&server), &by_b, 1, b, 2).record.unwrap().unwrap();
        let merged = merge(Some(&server), &RecordChange::Remove { record: key() }, 1, a, 3);
        assert_eq!(merged.record, None);
        assert_eq!(merged.conflicts[0].kind, ConflictKind::RemoveEdited);
        let merged = merge(Some(&server), &RecordChange::Remove { record: key() }, 2, a, 3);
        assert_eq!(merged.record, Some(None));
    }
}
