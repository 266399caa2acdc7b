//! Planning of readiness edits: the release plan and mitigation checklists, the risk register and
//! the deployment strategy.

use super::Effect;
use crate::domain::activity::readiness_changes;
use crate::domain::readiness::apply_edit;
use crate::domain::{ActivityKind, ReadinessEdit, ReleaseId, Timestamp};
use crate::model::{CommandError, Model, ReadinessCommand};
use crate::store::Mutation;

impl Model {
    /// Validates one of the readiness commands and works out its effect. Changes nothing.
    pub(super) fn plan_readiness(
        &self,
        command: ReadinessCommand,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        match command {
            ReadinessCommand::Edit { id, edits } => self.plan_readiness_edits(id, edits, now, effect),
        }
    }

    /// Validates edits of a release's readiness and works out their effect. Changes nothing.
    fn plan_readiness_edits(
        &self,
        id: ReleaseId,
        edits: Vec<ReadinessEdit>,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        let release = self.existing_release(id)?;
        let old = self.readiness(id);
        let mut new = old.clone().into_owned();
        for edit in edits {
            if let ReadinessEdit::PutRisk(risk) = &edit {
                self.check_refs(risk.owner, None, None)?;
            }
            apply_edit(&mut new, edit)?;
        }
        let changes = readiness_changes(&old, &new);
        if changes.is_empty() {
            return Ok(());
        }
        for change in changes {
            effect.activities.push(self.activity(
                Some(release.id),
                now,
                ActivityKind::Readiness,
                vec![change],
            ));
        }
        effect.mutations.push(Mutation::PutReadiness { release: id, readiness: new });
        Ok(())
    }
}
