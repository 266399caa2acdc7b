//! Planning of the back-out plan and impact analysis commands of a release: the plan's steps,
//! go/no-go, decision point, restore target and rehearsals; the analysis the team wrote.

use super::Effect;
use crate::domain::activity::{backout_changes, impact_changes};
use crate::domain::backout::apply_edit;
use crate::domain::impact::validate;
use crate::domain::{ActivityKind, BackoutEdit, BackoutPlan, ImpactAnalysis, ReleaseId, Timestamp};
use crate::model::{BackoutCommand, CommandError, ImpactCommand, ItemRefused, Model};
use crate::store::Mutation;

impl Model {
    /// A release that exists and is not in Trash (its plans are read-only there).
    fn release_to_plan(&self, id: ReleaseId) -> Result<&crate::domain::Release, CommandError> {
        let release = self.existing_release(id)?;
        if release.is_deleted() {
            return Err(ItemRefused::InTrash(id).into());
        }
        Ok(release)
    }

    /// Validates one of the back-out commands and works out its effect. Changes nothing.
    pub(super) fn plan_backout(
        &self,
        command: BackoutCommand,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        match command {
            BackoutCommand::Edit { release, edits } => self.plan_backout_edits(release, edits, now, effect),
            BackoutCommand::Remove(release) => {
                self.release_to_plan(release)?;
                let Some(old) = self.backout(release) else { return Ok(()) };
                let changes = backout_changes(Some(old), None);
                effect.activities.push(self.activity(Some(release), now, ActivityKind::Backout, changes));
                effect.mutations.push(Mutation::RemoveBackout(release));
                Ok(())
            }
        }
    }

    fn plan_backout_edits(
        &self,
        id: ReleaseId,
        edits: Vec<BackoutEdit>,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        let release = self.release_to_plan(id)?;
        let old = self.backout(id);
        let mut new = old.cloned().unwrap_or_else(|| BackoutPlan::new(release.release_type));
        for edit in edits {
            apply_edit(&mut new, edit)?;
        }
        if old == Some(&new) {
            return Ok(());
        }
        let changes = backout_changes(old, Some(&new));
        effect.activities.push(self.activity(Some(id), now, ActivityKind::Backout, changes));
        effect.mutations.push(Mutation::PutBackout { release: id, plan: new });
        Ok(())
    }

    /// Validates one of the impact commands and works out its effect. Changes nothing.
    pub(super) fn plan_impact(
        &self,
        command: ImpactCommand,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        let ImpactCommand::Set { release, impact } = command;
        self.release_to_plan(release)?;
        let new: Option<ImpactAnalysis> =
            impact.map(validate).transpose()?.filter(|i: &ImpactAnalysis| !i.is_empty());
        let old = self.impact(release);
        if old == new.as_ref() {
            return Ok(());
        }
        let changes = impact_changes(old, new.as_ref());
        effect.activities.push(self.activity(Some(release), now, ActivityKind::Impact, changes));
        effect.mutations.push(match new {
            Some(impact) => Mutation::PutImpact { release, impact },
            None => Mutation::RemoveImpact(release),
        });
        Ok(())
    }
}
