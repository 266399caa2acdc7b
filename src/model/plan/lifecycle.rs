//! Planning of a lifecycle move, with the Deploy gate and its logged override.

use super::Effect;
use crate::domain::lifecycle::{MoveRequest, transition};
use crate::domain::{ReleaseId, Timestamp};
use crate::model::{CommandError, Model};
use crate::store::Mutation;

impl Model {
    /// Validates a move of release `id` to another stage and works out its effect. Changes nothing.
    pub(super) fn plan_move_stage(
        &self,
        id: ReleaseId,
        request: &MoveRequest,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        let to = request.to;
        let old = self.existing_release(id)?;
        let gate = self.deploy_gate(old);
        let moved = transition(old, request, &gate, self.settings.current_agent, now)?;
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
        Ok(())
    }
}
