//! The wire form of a change: what one local command did to the shared records, as PostgreSQL's
//! `changes.mutations` keeps it and every client applies it. A record is named by its kind and id
//! ([`RecordKey`], `"release:12"` in JSON); a change to it is a whole new record, some of its
//! fields (the top-level fields of its JSON form, so two people editing different fields of one
//! release both stand), or its removal. This slice shares releases (puts, patches, removals).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::domain::{Release, ReleaseId, Timestamp};
use crate::store::Mutation;

/// The kinds of records a team shares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordKind {
    Release,
}

impl RecordKind {
    /// The code in a record key (`release` of `release:12`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Release => "release",
        }
    }

    fn from_code(code: &str) -> Option<Self> {
        match code {
            "release" => Some(Self::Release),
            _ => None,
        }
    }
}

/// One shared record: its kind and id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RecordKey {
    pub kind: RecordKind,
    pub id: i64,
}

impl RecordKey {
    pub fn release(id: ReleaseId) -> Self {
        Self { kind: RecordKind::Release, id: id.0 }
    }

    /// Reads `release:12`.
    pub fn parse(text: &str) -> Option<Self> {
        let (kind, id) = text.split_once(':')?;
        Some(Self { kind: RecordKind::from_code(kind)?, id: id.parse().ok()? })
    }
}

impl fmt::Display for RecordKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.kind.code(), self.id)
    }
}

impl Serialize for RecordKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for RecordKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Self::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("'{text}' is not a record key")))
    }
}

/// What one command did to one shared record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum RecordChange {
    /// A record that did not exist, with every field.
    Create { record: RecordKey, data: Map<String, Value> },
    /// New values of some fields of a record that exists.
    Fields { record: RecordKey, fields: Map<String, Value> },
    /// The record is gone.
    Remove { record: RecordKey },
}

impl RecordChange {
    pub fn record(&self) -> RecordKey {
        match self {
            Self::Create { record, .. } | Self::Fields { record, .. } | Self::Remove { record } => *record,
        }
    }
}

/// The field every edit changes (when the record was last changed): never a conflict by itself.
pub const UPDATED_AT: &str = "updated_at";

/// A local command's shared changes, waiting in the outbox until a push lands them.
#[derive(Clone, Debug, PartialEq)]
pub struct OutboxEntry {
    /// Makes the push idempotent: a retried push of the same command applies once.
    pub command_id: uuid::Uuid,
    pub changes: Vec<RecordChange>,
    /// The seq of the server change each touched record was at when the command was made
    /// (0: never seen from the server).
    pub bases: BTreeMap<RecordKey, i64>,
    pub created_at: Timestamp,
}

/// Why a change to a record did not (wholly) land, with both values: nothing is lost.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// The same field was changed by someone else since this client last saw the record.
    Field,
    /// A record created here has an id someone else's record already has.
    IdTaken,
    /// The record was removed by someone else; this client changed it.
    Removed,
    /// This client removed a record someone else changed since: it is kept.
    RemoveEdited,
}

impl ConflictKind {
    pub fn code(self) -> &'static str {
        match self {
            Self::Field => "field",
            Self::IdTaken => "id_taken",
            Self::Removed => "removed",
            Self::RemoveEdited => "remove_edited",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Field, Self::IdTaken, Self::Removed, Self::RemoveEdited].into_iter().find(|k| k.code() == code)
    }
}

/// One conflict: the record (and field), this client's value and the one the server keeps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    pub record: RecordKey,
    pub kind: ConflictKind,
    /// The field, for a [`ConflictKind::Field`] conflict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// This client's value (the record's fields for a record-level conflict; null for a removal).
    pub ours: Value,
    /// The server's value, which stands.
    pub theirs: Value,
}

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
