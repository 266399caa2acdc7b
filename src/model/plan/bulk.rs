//! Planning of a bulk command: one action on many releases, all of them or none.

use std::collections::HashSet;

use super::Effect;
use crate::domain::activity::Named;
use crate::domain::{
    ActivityKind, AgentId, Field, FieldChange, GroupId, ReleaseId, ReleasePatch, Timestamp, Value,
};
use crate::model::{BulkAction, CommandError, Model};
use crate::store::Mutation;

impl Model {
    /// Validates every id of a bulk command first (all or nothing), then plans one mutation and
    /// one activity row per release the action changes. Releases it would not change are left
    /// alone and not logged.
    pub(super) fn plan_bulk(
        &self,
        effect: &mut Effect,
        mut ids: Vec<ReleaseId>,
        action: &BulkAction,
        now: Timestamp,
    ) -> Result<(), CommandError> {
        ids.sort_unstable();
        ids.dedup();
        if ids.is_empty() {
            return Err(CommandError::NothingSelected);
        }
        let releases = self.bulk_targets(&ids, action)?;
        let (agent, group) = match action {
            BulkAction::PickUp => {
                let me = self.me().ok_or(CommandError::NoCurrentAgent)?;
                (Some(Some(me)), None)
            }
            BulkAction::Assign { agent, group } => {
                if agent.is_none() && group.is_none() {
                    return Err(CommandError::NothingToAssign);
                }
                (*agent, *group)
            }
            BulkAction::Trash
            | BulkAction::Restore
            | BulkAction::Purge
            | BulkAction::SetStatus(_)
            | BulkAction::SetPriority(_) => (None, None),
        };
        self.check_refs(agent.flatten(), group.flatten(), None)?;
        if matches!(action, BulkAction::Purge) {
            self.plan_purge_of_dependents(&ids, effect);
        }
        effect.mutations.reserve(releases.len());
        effect.activities.reserve(releases.len());
        for old in releases {
            let id = old.id;
            let mut patch = ReleasePatch::touching(now);
            let mut kind = ActivityKind::Field;
            let mut changes = Vec::new();
            match action {
                BulkAction::Purge => {
                    let subject = FieldChange::removed(Field::Subject, Value::text(old.subject.clone()));
                    effect.activities.push(self.activity(Some(id), now, ActivityKind::Purge, vec![subject]));
                    effect.mutations.push(Mutation::RemoveRelease(id));
                    continue;
                }
                BulkAction::Trash | BulkAction::Restore => {
                    let trash = matches!(action, BulkAction::Trash);
                    patch.deleted_at = Some(trash.then_some(now));
                    kind = if trash { ActivityKind::Trash } else { ActivityKind::Restore };
                }
                BulkAction::PickUp | BulkAction::Assign { .. } => {
                    let new_agent = agent.unwrap_or(old.agent_id);
                    let new_group = group.unwrap_or(old.group_id);
                    let directory = &self.directory;
                    let agent_value = |id: Option<AgentId>| {
                        id.map_or(Value::None, |id| {
                            Value::Agent(Named::new(id, directory.agent_name(Some(id))))
                        })
                    };
                    let group_value = |id: Option<GroupId>| {
                        id.map_or(Value::None, |id| {
                            Value::Group(Named::new(id, directory.group_name(Some(id))))
                        })
                    };
                    if new_agent != old.agent_id {
                        changes.push(FieldChange::new(
                            Field::Agent,
                            agent_value(old.agent_id),
                            agent_value(new_agent),
                        ));
                        patch.agent_id = Some(new_agent);
                    }
                    if new_group != old.group_id {
                        changes.push(FieldChange::new(
                            Field::Group,
                            group_value(old.group_id),
                            group_value(new_group),
                        ));
                        patch.group_id = Some(new_group);
                    }
                    if changes.is_empty() {
                        continue;
                    }
                }
                BulkAction::SetStatus(status) => {
                    if old.status == *status {
                        continue;
                    }
                    changes.push(FieldChange::new(
                        Field::Status,
                        Value::Status(old.status),
                        Value::Status(*status),
                    ));
                    patch.status = Some(*status);
                }
                BulkAction::SetPriority(priority) => {
                    if old.priority == *priority {
                        continue;
                    }
                    changes.push(FieldChange::new(
                        Field::Priority,
                        Value::Priority(old.priority),
                        Value::Priority(*priority),
                    ));
                    patch.priority = Some(*priority);
                }
            }
            effect.activities.push(self.activity(Some(id), now, kind, changes));
            effect.mutations.push(Mutation::PatchRelease { id, patch });
        }
        Ok(())
    }

    /// The releases of a bulk command, each checked first: all exist, and all are in Trash for a
    /// restore or a purge, none for anything else.
    fn bulk_targets(
        &self,
        ids: &[ReleaseId],
        action: &BulkAction,
    ) -> Result<Vec<&crate::domain::Release>, CommandError> {
        let mut missing = Vec::new();
        let mut releases = Vec::with_capacity(ids.len());
        for &id in ids {
            match self.index_of(id) {
                Some(i) => releases.push(&self.releases[i]),
                None => missing.push(id),
            }
        }
        if !missing.is_empty() {
            return Err(CommandError::NoSuchReleases(missing));
        }
        let wants_trash = matches!(action, BulkAction::Restore | BulkAction::Purge);
        let wrong: Vec<ReleaseId> =
            releases.iter().filter(|r| r.is_deleted() != wants_trash).map(|r| r.id).collect();
        if !wrong.is_empty() {
            return Err(if wants_trash {
                CommandError::NotInTrash(wrong)
            } else {
                CommandError::InTrash(wrong)
            });
        }
        Ok(releases)
    }

    /// What goes with purged releases: their notes, tasks, time entries, stage history,
    /// readiness, back-out plan, impact analysis and review (undo brings them back).
    pub(in crate::model) fn plan_purge_of_dependents(&self, ids: &[ReleaseId], effect: &mut Effect) {
        let purged: HashSet<ReleaseId> = ids.iter().copied().collect();
        let gone = |release: &ReleaseId| purged.contains(release);
        effect
            .mutations
            .extend(self.notes.iter().filter(|n| gone(&n.release_id)).map(|n| Mutation::RemoveNote(n.id)));
        effect
            .mutations
            .extend(self.tasks.iter().filter(|t| gone(&t.release_id)).map(|t| Mutation::RemoveTask(t.id)));
        effect.mutations.extend(
            self.time_entries.iter().filter(|e| gone(&e.release_id)).map(|e| Mutation::RemoveTimeEntry(e.id)),
        );
        effect.mutations.extend(
            self.stage_history
                .iter()
                .filter(|e| gone(&e.release_id))
                .map(|e| Mutation::RemoveStageEntry(e.id)),
        );
        effect
            .mutations
            .extend(self.readiness.keys().filter(|r| gone(r)).map(|r| Mutation::RemoveReadiness(*r)));
        effect.mutations.extend(self.backout.keys().filter(|r| gone(r)).map(|r| Mutation::RemoveBackout(*r)));
        effect.mutations.extend(self.impact.keys().filter(|r| gone(r)).map(|r| Mutation::RemoveImpact(*r)));
        effect.mutations.extend(self.reviews.keys().filter(|r| gone(r)).map(|r| Mutation::RemoveReview(*r)));
        use crate::store::MonitoringMutation as M;
        effect.mutations.extend(
            self.monitoring
                .readings
                .iter()
                .filter(|r| gone(&r.release))
                .map(|r| Mutation::Monitoring(M::RemoveReading(r.id))),
        );
        effect.mutations.extend(self.monitoring.thresholds.iter().filter(|t| gone(&t.release)).map(|t| {
            Mutation::Monitoring(M::RemoveThreshold { release: t.release, metric: t.metric.clone() })
        }));
    }
}
