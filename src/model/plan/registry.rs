//! Planning of the Change and CI registry commands and of the links between them and releases.

use super::Effect;
use crate::domain::activity::{ChangeRef, ConfigItemRef, config_item_changes};
use crate::domain::registry::{check_depends_on, validate_name};
use crate::domain::{
    ActivityKind, Change, ConfigItem, Field, FieldChange, Release, ReleaseId, Timestamp, Value,
};
use crate::model::{CommandError, Model, RegistryCommand};
use crate::store::Mutation;

impl Model {
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
        self.put_release_logged(effect, old, new, now, ActivityKind::Link);
        Ok(())
    }

    /// Validates one of the registry commands and works out its effect. Changes nothing.
    pub(super) fn plan_registry(
        &self,
        command: RegistryCommand,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        match command {
            RegistryCommand::CreateChange { subject, approval, risk, link_to } => {
                validate_name(&subject)?;
                if let Some(release) = link_to {
                    self.existing_release(release)?;
                }
                let change = Change {
                    id: self.registry.next_change_id(),
                    subject: subject.trim().to_owned(),
                    recorded_approval: approval,
                    risk,
                    cab: None,
                };
                let added = FieldChange::added(Field::Change, Value::Change(change_ref(&change)));
                effect.activities.push(self.activity(link_to, now, ActivityKind::Change, vec![added]));
                let id = change.id;
                effect.mutations.push(Mutation::PutChange(change));
                if let Some(release) = link_to {
                    self.link(effect, release, now, |r| r.associated_change_ids.push(id))?;
                }
            }
            RegistryCommand::UpdateChange(mut change) => {
                let old = self.registry.change(change.id).ok_or(CommandError::NoSuchChange(change.id))?;
                validate_name(&change.subject)?;
                change.subject = change.subject.trim().to_owned();
                // Its CAB is assigned by `CabCommand::AssignCab` alone.
                change.cab = old.cab;
                if *old == change {
                    return Ok(());
                }
                let edited = FieldChange::new(
                    Field::Change,
                    Value::Change(change_ref(old)),
                    Value::Change(change_ref(&change)),
                );
                effect.activities.push(self.activity(None, now, ActivityKind::Change, vec![edited]));
                effect.mutations.push(Mutation::PutChange(change));
            }
            RegistryCommand::CreateConfigItem { name, kind, link_to } => {
                validate_name(&name)?;
                if let Some(release) = link_to {
                    self.existing_release(release)?;
                }
                let item = ConfigItem::new(self.registry.next_config_item_id(), name.trim(), kind);
                let added = FieldChange::added(
                    Field::ConfigItem,
                    Value::ConfigItem(ConfigItemRef {
                        id: item.id,
                        name: item.name.clone(),
                        kind: Some(item.kind),
                    }),
                );
                effect.activities.push(self.activity(link_to, now, ActivityKind::ConfigItem, vec![added]));
                let id = item.id;
                effect.mutations.push(Mutation::PutConfigItem(item));
                if let Some(release) = link_to {
                    self.link(effect, release, now, |r| r.assets.push(id))?;
                }
            }
            RegistryCommand::UpdateConfigItem(item) => self.plan_update_config_item(item, now, effect)?,
            RegistryCommand::LinkChange { release, change, linked } => {
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
            RegistryCommand::LinkConfigItem { release, item, linked } => {
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
        }
        Ok(())
    }
}

impl Model {
    /// A CI's new name, kind, criticality and dependencies: every id it depends on known, no cycle.
    fn plan_update_config_item(
        &self,
        mut item: ConfigItem,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        let old = self.registry.config_item(item.id).ok_or(CommandError::NoSuchConfigItem(item.id))?;
        validate_name(&item.name)?;
        item.name = item.name.trim().to_owned();
        item.depends_on.sort();
        item.depends_on.dedup();
        if let Some(unknown) = item.depends_on.iter().find(|id| self.registry.config_item(**id).is_none()) {
            return Err(CommandError::NoSuchConfigItem(*unknown));
        }
        check_depends_on(&self.registry, item.id, &item.depends_on)?;
        let changes = config_item_changes(old, &item);
        if changes.is_empty() {
            return Ok(());
        }
        effect.activities.push(self.activity(None, now, ActivityKind::ConfigItem, changes));
        effect.mutations.push(Mutation::PutConfigItem(item));
        Ok(())
    }
}

/// A Change as the log keeps it (its approval as recorded by hand; a CAB's votes are logged as
/// votes).
pub(super) fn change_ref(change: &Change) -> ChangeRef {
    ChangeRef {
        id: change.id,
        subject: change.subject.clone(),
        approval: Some(change.recorded_approval),
        risk: Some(change.risk),
    }
}
