//! Resolving a team conflict (issue 21): the conflicts as the window and the CLI read them (each
//! value read into the release) and the command that settles one (`command::TeamCommand`, planned
//! in `plan/team.rs`): keeping this file's value is a normal local change of that field, pushed
//! on the next sync; the team's already stands.

use super::StoredConflict;
use crate::domain::{Release, ReleaseId};
use crate::model::Model;
use crate::model::command::{Keep, TeamCommand};
use crate::store::team::change::{ConflictKind, RecordKind, release_fields, release_from_fields};

impl StoredConflict {
    /// The release the conflict is about.
    pub fn release_id(&self) -> ReleaseId {
        let RecordKind::Release = self.conflict.record.kind;
        ReleaseId(self.conflict.record.id)
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
        let current = self.release(conflict.release_id())?;
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
        if !conflict.keeps_mine_as_new() {
            return None;
        }
        release_from_fields(fields.clone())
            .inspect_err(|err| {
                log::warn!("team conflict {}: a release this build cannot read: {err}", conflict.id);
            })
            .ok()
    }
}

impl TeamCommand {
    /// Settles `conflict` keeping `keep`.
    pub fn resolve(conflict: &StoredConflict, keep: Keep) -> Self {
        Self::Resolve { conflict: conflict.id, release: conflict.release_id(), keep }
    }
}
