//! Planning of the rollout commands: the Change and CI registries and their links, lifecycle moves
//! (with the Deploy gate and its logged override), and readiness edits. Also the model's read
//! access to these.

use std::borrow::Cow;
use std::collections::HashMap;

use super::{Command, CommandError, Effect, Model};
use crate::domain::changes::release_changes;
use crate::domain::lifecycle::{DeployGate, MoveRequest, transition};
use crate::domain::readiness::{apply_edit, readiness_changes};
use crate::domain::registry::validate_name;
use crate::domain::sample_rollout::SampleRollout;
use crate::domain::{
    AgentId, Change, ConfigItem, Readiness, Registry, Release, ReleaseId, StageEntry, Timestamp,
};
use crate::store::Mutation;

impl Model {
    /// Every Change and configuration item.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// A release's readiness; the default (nothing ticked, the brief's four risks) if never edited.
    pub fn readiness(&self, id: ReleaseId) -> Cow<'_, Readiness> {
        match self.readiness.get(&id) {
            Some(r) => Cow::Borrowed(r),
            None => Cow::Owned(Readiness::default()),
        }
    }

    /// A release's stage history, oldest first.
    pub fn stage_history(&self, id: ReleaseId) -> Vec<&StageEntry> {
        self.stage_history.iter().filter(|e| e.release_id == id).collect()
    }

    /// Every release's stage history, oldest first, grouped in one pass (exports of many releases).
    pub fn stage_histories(&self) -> HashMap<ReleaseId, Vec<&StageEntry>> {
        let mut by_release: HashMap<ReleaseId, Vec<&StageEntry>> = HashMap::new();
        for entry in &self.stage_history {
            by_release.entry(entry.release_id).or_default().push(entry);
        }
        by_release
    }

    /// What the Deploy gate of a release looks at: unapproved linked Changes, undone plan items.
    pub fn deploy_gate(&self, release: &Release) -> DeployGate {
        let readiness = self.readiness(release.id);
        let (done, total) = readiness.plan_progress();
        DeployGate {
            unapproved_changes: self.registry.unapproved(&release.associated_change_ids),
            readiness_missing: total - done,
        }
    }

    fn existing_release(&self, id: ReleaseId) -> Result<&Release, CommandError> {
        self.release(id).ok_or(CommandError::NoSuchRelease(id))
    }

    /// Puts `new` in place of the release it replaces, logging each changed field as `kind`.
    fn put_release_logged(
        &self,
        effect: &mut Effect,
        old: &Release,
        mut new: Release,
        now: Timestamp,
        kind: &str,
    ) {
        let changes = release_changes(old, &new, &self.directory);
        if changes.is_empty() {
            return;
        }
        new.updated_at = now;
        for change in changes {
            let mut activity = self.activity(Some(old.id), now, kind);
            activity.field = change.field.to_owned();
            activity.old_value = change.old_value;
            activity.new_value = change.new_value;
            effect.activities.push(activity);
        }
        effect.mutations.push(Mutation::PutRelease(new));
    }

    fn link(
        &self,
        effect: &mut Effect,
        release: ReleaseId,
        now: Timestamp,
        edit: impl FnOnce(&mut Release),
    ) -> Result<(), CommandError> {
        let old = self.existing_release(release)?;
        let mut new = old.clone();
        edit(&mut new);
        self.put_release_logged(effect, old, new, now, "link");
        Ok(())
    }

    /// How far the sample's Change and CI ids are shifted: past every id already used.
    pub(super) fn sample_registry_offsets(&self) -> (i64, i64) {
        (self.registry.next_change_id() - 1, self.registry.next_config_item_id() - 1)
    }

    /// Adds the sample's Changes, CIs, readiness and stage histories, with ids shifted like the
    /// releases' (`release_offset`) and agents mapped to this database's.
    pub(super) fn sample_rollout(
        &self,
        rollout: SampleRollout,
        release_offset: i64,
        agents: &HashMap<AgentId, AgentId>,
        effect: &mut Effect,
    ) {
        let (change_offset, item_offset) = self.sample_registry_offsets();
        let SampleRollout { registry, readiness, stage_history } = rollout;
        for mut change in registry.changes {
            change.id += change_offset;
            effect.mutations.push(Mutation::PutChange(change));
        }
        for mut item in registry.config_items {
            item.id += item_offset;
            effect.mutations.push(Mutation::PutConfigItem(item));
        }
        for (id, mut readiness) in readiness {
            for risk in &mut readiness.risks {
                risk.owner = risk.owner.and_then(|a| agents.get(&a).copied());
            }
            effect
                .mutations
                .push(Mutation::PutReadiness { release: ReleaseId(id.0 + release_offset), readiness });
        }
        let entry_offset = self.stage_history.last().map_or(0, |e| e.id);
        for mut entry in stage_history {
            entry.id += entry_offset;
            entry.release_id = ReleaseId(entry.release_id.0 + release_offset);
            entry.actor = entry.actor.and_then(|a| agents.get(&a).copied());
            effect.mutations.push(Mutation::PutStageEntry(entry));
        }
    }

    /// Validates one of the rollout commands and works out its effect. Changes nothing.
    pub(super) fn plan_rollout(
        &self,
        command: Command,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        match command {
            Command::CreateChange { subject, approval, risk, link_to } => {
                validate_name(&subject)?;
                if let Some(release) = link_to {
                    self.existing_release(release)?;
                }
                let change = Change {
                    id: self.registry.next_change_id(),
                    subject: subject.trim().to_owned(),
                    approval,
                    risk,
                };
                let mut activity = self.activity(link_to, now, "change");
                activity.field = format!("CHG-{}", change.id);
                activity.new_value = change.subject.clone();
                effect.activities.push(activity);
                let id = change.id;
                effect.mutations.push(Mutation::PutChange(change));
                if let Some(release) = link_to {
                    self.link(effect, release, now, |r| r.associated_change_ids.push(id))?;
                }
            }
            Command::UpdateChange(mut change) => {
                let old = self.registry.change(change.id).ok_or(CommandError::NoSuchChange(change.id))?;
                validate_name(&change.subject)?;
                change.subject = change.subject.trim().to_owned();
                if *old == change {
                    return Ok(());
                }
                let mut activity = self.activity(None, now, "change");
                activity.field = format!("CHG-{}", change.id);
                activity.old_value =
                    format!("{} ({}, {})", old.subject, old.approval.code(), old.risk.code());
                activity.new_value =
                    format!("{} ({}, {})", change.subject, change.approval.code(), change.risk.code());
                effect.activities.push(activity);
                effect.mutations.push(Mutation::PutChange(change));
            }
            Command::CreateConfigItem { name, kind, link_to } => {
                validate_name(&name)?;
                if let Some(release) = link_to {
                    self.existing_release(release)?;
                }
                let item = ConfigItem {
                    id: self.registry.next_config_item_id(),
                    name: name.trim().to_owned(),
                    kind,
                };
                let mut activity = self.activity(link_to, now, "ci");
                activity.field = format!("CI-{}", item.id);
                activity.new_value = item.name.clone();
                effect.activities.push(activity);
                let id = item.id;
                effect.mutations.push(Mutation::PutConfigItem(item));
                if let Some(release) = link_to {
                    self.link(effect, release, now, |r| r.assets.push(id))?;
                }
            }
            Command::LinkChange { release, change, linked } => {
                if linked && self.registry.change(change).is_none() {
                    return Err(CommandError::NoSuchChange(change));
                }
                self.link(effect, release, now, |r| {
                    r.associated_change_ids.retain(|c| *c != change);
                    if linked {
                        r.associated_change_ids.push(change);
                    }
                })?;
            }
            Command::LinkConfigItem { release, item, linked } => {
                if linked && self.registry.config_item(item).is_none() {
                    return Err(CommandError::NoSuchConfigItem(item));
                }
                self.link(effect, release, now, |r| {
                    r.assets.retain(|c| *c != item);
                    if linked {
                        r.assets.push(item);
                    }
                })?;
            }
            Command::MoveStage { id, to, outcome, downtime_minutes, reason, override_reason } => {
                let old = self.existing_release(id)?;
                let request = MoveRequest { to, outcome, downtime_minutes, reason, override_reason };
                let gate = self.deploy_gate(old);
                let moved = transition(old, &request, &gate, self.settings.current_agent, now)?;
                let mut entry = moved.entry;
                entry.id = self.stage_history.last().map_or(1, |e| e.id + 1);
                if moved.overridden {
                    let mut activity = self.activity(Some(id), now, "override");
                    activity.field = "deploy_gate".into();
                    activity.old_value = format!(
                        "{} unapproved Change(s), {} plan item(s) not done",
                        gate.unapproved_changes.len(),
                        gate.readiness_missing
                    );
                    activity.new_value = entry.override_reason.clone();
                    effect.activities.push(activity);
                }
                if !entry.note.is_empty() {
                    let mut activity = self.activity(Some(id), now, "stage_note");
                    activity.field = to.code().into();
                    activity.new_value = entry.note.clone();
                    effect.activities.push(activity);
                }
                self.put_release_logged(effect, old, moved.release, now, "stage");
                effect.mutations.push(Mutation::PutStageEntry(entry));
            }
            Command::EditReadiness { id, edits } => {
                let release = self.existing_release(id)?;
                let old = self.readiness(id);
                let mut new = old.clone().into_owned();
                for edit in edits {
                    if let crate::domain::ReadinessEdit::PutRisk(risk) = &edit {
                        self.check_refs(risk.owner, None, None)?;
                    }
                    apply_edit(&mut new, edit)?;
                }
                let changes = readiness_changes(&old, &new);
                if changes.is_empty() {
                    return Ok(());
                }
                for change in changes {
                    let mut activity = self.activity(Some(release.id), now, "readiness");
                    activity.field = change.field.to_owned();
                    activity.old_value = change.old_value;
                    activity.new_value = change.new_value;
                    effect.activities.push(activity);
                }
                effect.mutations.push(Mutation::PutReadiness { release: id, readiness: new });
            }
            other => {
                return Err(CommandError::Refused(format!("{} is not a rollout command", other.label())));
            }
        }
        Ok(())
    }
}
