//! Planning of the Change and CI registry commands and of the links between them and releases.

use super::Effect;
use crate::domain::registry::validate_name;
use crate::domain::{Change, ConfigItem, Release, ReleaseId, Timestamp};
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
        self.put_release_logged(effect, old, new, now, "link");
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
            RegistryCommand::UpdateChange(mut change) => {
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
            RegistryCommand::CreateConfigItem { name, kind, link_to } => {
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
