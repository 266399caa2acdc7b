//! Team sync's records and changes as data (issue 21): a shared record is named by its kind and
//! id ([`RecordKey`], `"release:12"` in JSON); a change to it ([`RecordChange`]) is a whole new
//! record, some of its fields (the top-level fields of its JSON form), or its removal; a local
//! command's changes wait in the outbox as an [`OutboxEntry`]; a push that meets someone else's
//! change keeps both values in a [`Conflict`].

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::ids::{AgentId, DepartmentId, FreezeId, GroupId, NoteId, ReleaseId, TaskId, Timestamp, WindowId};

/// The kinds of records a team shares: the people releases name, the releases, the schedule
/// they are planned into and the notes and tasks on them. In this order a pull applies them
/// (people first, so a release never names someone the file lacks).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordKind {
    Agent,
    Group,
    Department,
    Release,
    /// A deployment window.
    Window,
    /// A change freeze.
    Freeze,
    /// A note on a release.
    Note,
    /// A task of a release.
    Task,
}

impl RecordKind {
    pub const ALL: [Self; 8] = [
        Self::Agent,
        Self::Group,
        Self::Department,
        Self::Release,
        Self::Window,
        Self::Freeze,
        Self::Note,
        Self::Task,
    ];

    /// Whether records of this kind are people (agents, groups, departments).
    pub fn is_people(self) -> bool {
        matches!(self, Self::Agent | Self::Group | Self::Department)
    }

    /// Whether a record of this kind made in a team's file gets a provisional number (below
    /// zero, shown as "new") until its push gives it the team's own: releases and the schedule.
    /// People keep the number they were made with.
    pub fn numbered_by_team(self) -> bool {
        matches!(self, Self::Release | Self::Window | Self::Freeze | Self::Note | Self::Task)
    }

    /// The fields of a record of this kind that name another shared record, with its kind: a
    /// number given to that record is written into them too.
    pub fn links(self) -> &'static [(&'static str, RecordKind)] {
        match self {
            Self::Note | Self::Task => &[("release_id", Self::Release)],
            _ => &[],
        }
    }

    /// The code in a record key (`release` of `release:12`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Agent => "agent",
            Self::Group => "group",
            Self::Department => "department",
            Self::Release => "release",
            Self::Window => "window",
            Self::Freeze => "freeze",
            Self::Note => "note",
            Self::Task => "task",
        }
    }

    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
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

    pub fn agent(id: AgentId) -> Self {
        Self { kind: RecordKind::Agent, id: id.0 }
    }

    pub fn group(id: GroupId) -> Self {
        Self { kind: RecordKind::Group, id: id.0 }
    }

    pub fn department(id: DepartmentId) -> Self {
        Self { kind: RecordKind::Department, id: id.0 }
    }

    pub fn window(id: WindowId) -> Self {
        Self { kind: RecordKind::Window, id: id.0 }
    }

    pub fn freeze(id: FreezeId) -> Self {
        Self { kind: RecordKind::Freeze, id: id.0 }
    }

    pub fn note(id: NoteId) -> Self {
        Self { kind: RecordKind::Note, id: id.0 }
    }

    pub fn task(id: TaskId) -> Self {
        Self { kind: RecordKind::Task, id: id.0 }
    }

    /// Whether the id is a provisional number: the record was made here and its push has not
    /// given it the team's number yet.
    pub fn is_provisional(self) -> bool {
        self.id < 0
    }

    /// The release this key names, if it names one.
    pub fn release_id(self) -> Option<ReleaseId> {
        (self.kind == RecordKind::Release).then_some(ReleaseId(self.id))
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

/// The team's numbers of records made here with a provisional one: what a push gave each.
pub type TeamNumbers = BTreeMap<RecordKey, i64>;

impl RecordChange {
    /// The change with the team's numbers in place of provisional ones: the key, the `id` of a
    /// new record's data, and the fields that name a record that got one (a note's release).
    pub fn renumbered(mut self, numbers: &TeamNumbers) -> Self {
        let own = numbers.get(&self.record()).copied();
        let kind = self.record().kind;
        let (record, mut data) = match &mut self {
            Self::Create { record, data } => {
                if let Some(id) = own
                    && data.contains_key("id")
                {
                    data.insert("id".to_owned(), Value::from(id));
                }
                (record, Some(data))
            }
            Self::Fields { record, fields } => (record, Some(fields)),
            Self::Remove { record } => (record, None),
        };
        if let Some(id) = own {
            record.id = id;
        }
        for (field, linked) in kind.links() {
            let Some(data) = data.as_deref_mut() else { break };
            let Some(id) = data.get(*field).and_then(Value::as_i64) else { continue };
            if let Some(&number) = numbers.get(&RecordKey { kind: *linked, id }) {
                data.insert((*field).to_owned(), Value::from(number));
            }
        }
        self
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

impl OutboxEntry {
    /// The entry with the team's numbers in place of provisional ones.
    pub fn renumbered(&self, numbers: &TeamNumbers) -> Self {
        let renumber = |key: RecordKey| numbers.get(&key).map_or(key, |&id| RecordKey { id, ..key });
        Self {
            command_id: self.command_id,
            changes: self.changes.iter().cloned().map(|c| c.renumbered(numbers)).collect(),
            bases: self.bases.iter().map(|(&key, &seq)| (renumber(key), seq)).collect(),
            created_at: self.created_at,
        }
    }

    /// The records of this entry made here with a provisional number.
    pub fn provisional(&self) -> impl Iterator<Item = RecordKey> + '_ {
        self.changes.iter().filter_map(|c| match c {
            RecordChange::Create { record, .. } if record.is_provisional() => Some(*record),
            _ => None,
        })
    }
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
    /// The server refused the change: this client's PostgreSQL role lacks the right (to move a
    /// release into Deploy, or to delete one for good). The server's value stands here too.
    Refused,
}

impl ConflictKind {
    pub fn code(self) -> &'static str {
        match self {
            Self::Field => "field",
            Self::IdTaken => "id_taken",
            Self::Removed => "removed",
            Self::RemoveEdited => "remove_edited",
            Self::Refused => "refused",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Field, Self::IdTaken, Self::Removed, Self::RemoveEdited, Self::Refused]
            .into_iter()
            .find(|k| k.code() == code)
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
    /// Who wrote the server's value, and when (none for a record the server removed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_at: Option<Timestamp>,
}
