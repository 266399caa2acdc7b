//! Resolving a team conflict (issue 21): the conflicts as the window and the CLI read them (each
//! value read into the release, window or freeze) and the command that settles one (`command::TeamCommand`, planned
//! in `plan/team.rs`): keeping this file's value is a normal local change of that field, pushed
//! on the next sync; the team's already stands.

use serde_json::{Map, Value as Json};

use super::StoredConflict;
use crate::domain::activity::Named;
use crate::domain::{Release, ReleaseId, Value};
use crate::model::Model;
use crate::model::command::{Keep, TeamCommand};
use crate::model::plan::schedule::{freeze_ref, window_ref};
use crate::store::team::change::{
    ConflictKind, RecordKey, RecordKind, mutation_for, release_fields, release_from_fields,
};
use crate::store::{Mutation, ScheduleMutation};

impl StoredConflict {
    /// The shared record the conflict is about.
    pub fn record(&self) -> RecordKey {
        self.conflict.record
    }

    /// The release the conflict is about, when it is about one (not a window or freeze).
    pub fn release_id(&self) -> Option<ReleaseId> {
        self.conflict.record.release_id()
    }

    /// Whether "keep mine" can be done: for a field both changed, and for a release made here
    /// whose number a teammate's took first (mine comes back under a new number). A release the
    /// server removed keeps only my edits, one I removed is the team's again, and a change the
    /// server refused would be refused again: only theirs.
    pub fn can_keep_mine(&self) -> bool {
        match self.conflict.kind {
            ConflictKind::Field => self.conflict.field.is_some(),
            ConflictKind::IdTaken => self.conflict.ours.is_object(),
            ConflictKind::Removed | ConflictKind::RemoveEdited | ConflictKind::Refused => false,
        }
    }

    /// Whether keeping mine makes my release again under a new number.
    pub fn keeps_mine_as_new(&self) -> bool {
        self.conflict.kind == ConflictKind::IdTaken
    }
}

impl Model {
    /// The conflicts still waiting for a choice, oldest first.
    pub fn open_team_conflicts(&self) -> Vec<&StoredConflict> {
        self.team_conflicts.iter().filter(|c| c.resolved_at.is_none()).collect()
    }

    /// The release of a field conflict as it would be with each value: (mine, theirs), both from
    /// the release as this file holds it now. `None` for a record-level conflict, a release this
    /// file no longer has, or a value this build cannot read.
    pub fn team_conflict_releases(&self, conflict: &StoredConflict) -> Option<(Release, Release)> {
        let readable = matches!(conflict.conflict.kind, ConflictKind::Field | ConflictKind::Refused);
        let field = conflict.conflict.field.as_ref().filter(|_| readable)?;
        let current = self.release(conflict.release_id()?)?;
        let with = |value: &serde_json::Value| {
            let mut fields = release_fields(current);
            fields.insert(field.clone(), value.clone());
            release_from_fields(fields)
                .inspect_err(|err| {
                    log::warn!(
                        "team conflict {}: a value of {field} this build cannot read: {err}",
                        conflict.id
                    );
                })
                .ok()
        };
        Some((with(&conflict.conflict.ours)?, with(&conflict.conflict.theirs)?))
    }

    /// My release of an id-taken conflict, as it was made here (its number is taken).
    pub fn team_conflict_own_release(&self, conflict: &StoredConflict) -> Option<Release> {
        let serde_json::Value::Object(fields) = &conflict.conflict.ours else { return None };
        if !conflict.keeps_mine_as_new() || conflict.release_id().is_none() {
            return None;
        }
        release_from_fields(fields.clone())
            .inspect_err(|err| {
                log::warn!("team conflict {}: a release this build cannot read: {err}", conflict.id);
            })
            .ok()
    }
}

impl Model {
    /// The window, freeze or person of a conflict as it would be with `value` (mine or the team's): for
    /// a field, the record as this file holds it with that field; for a whole record, the value
    /// itself (`None`: no record, or one that does not read).
    pub(in crate::model) fn team_conflict_record(
        &self,
        conflict: &StoredConflict,
        value: &Json,
    ) -> Option<Mutation> {
        let key = conflict.record();
        if key.kind == RecordKind::Release {
            return None;
        }
        let data: Map<String, Json> = match (&conflict.conflict.field, value) {
            (Some(field), value) => {
                let mut fields = self.shared_fields(key)?;
                fields.insert(field.clone(), value.clone());
                fields
            }
            (None, Json::Object(fields)) => fields.clone(),
            (None, _) => return None,
        };
        match mutation_for(key, Some(data)) {
            Ok(mutation) => Some(mutation),
            Err(err) => {
                log::warn!("team conflict {}: a {key} this build cannot read: {err}", conflict.id);
                None
            }
        }
    }

    /// A conflict's two sides on a window, freeze or person, as the log shows them: (mine, the
    /// team's); [`Value::None`] for a side with no record. A window or freeze reads as the whole
    /// record (name and when); a person's field as its value, a whole person by name. `None`
    /// for a release's conflict.
    pub fn team_conflict_sides(&self, conflict: &StoredConflict) -> Option<(Value, Value)> {
        let kind = conflict.record().kind;
        if kind == RecordKind::Release {
            return None;
        }
        let side = |value: &Json| {
            if kind.is_people() && conflict.conflict.field.is_some() {
                return match value {
                    Json::String(text) => Value::text(text.clone()),
                    Json::Null => Value::None,
                    other => Value::text(other.to_string()),
                };
            }
            match self.team_conflict_record(conflict, value) {
                Some(Mutation::Schedule(ScheduleMutation::PutWindow(w))) => window_ref(&w),
                Some(Mutation::Schedule(ScheduleMutation::PutFreeze(f))) => freeze_ref(&f),
                Some(Mutation::PutAgent(a)) => Value::Agent(Named::new(a.id, a.name)),
                Some(Mutation::PutGroup(g)) => Value::Group(Named::new(g.id, g.name)),
                Some(Mutation::PutDepartment(d)) => Value::Department(Named::new(d.id, d.name)),
                Some(Mutation::PutNote(n)) => Value::text(crate::domain::activity::gist(&n.body)),
                Some(Mutation::PutTask(t)) => Value::Task(crate::domain::activity::TaskRef {
                    title: t.fields.title,
                    status: t.fields.status,
                }),
                _ => Value::None,
            }
        };
        Some((side(&conflict.conflict.ours), side(&conflict.conflict.theirs)))
    }
}

impl TeamCommand {
    /// Settles `conflict` keeping `keep`.
    pub fn resolve(conflict: &StoredConflict, keep: Keep) -> Self {
        Self::Resolve { conflict: conflict.id, record: conflict.record(), keep }
    }
}
