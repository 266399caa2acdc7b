//! Planning of a lifecycle move, with the Deploy gate (hard freezes included) and its logged
//! override.

use super::Effect;
use crate::domain::activity::GateReasons;
use crate::domain::lifecycle::{MoveRequest, transition};
use crate::domain::{ActivityKind, Field, FieldChange, ReleaseId, Stage, StageEntryId, Timestamp, Value};
use crate::model::{CommandError, LifecycleCommand, Model};
use crate::store::Mutation;

impl Model {
    /// Validates one of the lifecycle commands and works out its effect. Changes nothing.
    pub(super) fn plan_lifecycle(
        &self,
        command: LifecycleCommand,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        match command {
            LifecycleCommand::Move {
                id,
                to,
                outcome,
                downtime_minutes,
                reason,
                override_reason,
                restore_minutes,
            } => {
                let request =
                    MoveRequest { to, outcome, downtime_minutes, reason, override_reason, restore_minutes };
                self.plan_move_stage(id, &request, now, effect)
            }
        }
    }

    /// Validates a move of release `id` to another stage and works out its effect. Changes nothing.
    fn plan_move_stage(
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
        entry.id = self.stage_history.last().map_or(StageEntryId(1), |e| e.id.next());
        if to == Stage::Rollback {
            // Recorded against the back-out plan's target as it stands now.
            entry.restore_target_minutes = self.backout(id).map(|p| p.restore_target_minutes);
        }
        if moved.overridden {
            let reasons = GateReasons {
                unapproved_changes: gate.unapproved_changes.len() as u32,
                plan_items_missing: gate.readiness_missing as u32,
                hard_freezes: gate.hard_freezes.len() as u32,
            };
            let mut changes = vec![FieldChange::new(
                Field::DeployGate,
                Value::Gate(reasons),
                Value::text(entry.override_reason.clone()),
            )];
            // The hard freezes gone through, by name.
            changes.extend(
                gate.hard_freezes
                    .iter()
                    .map(|name| FieldChange::added(Field::Freeze, Value::text(name.clone()))),
            );
            // The regulator steps gone through without their approval, by name.
            changes.extend(gate.regulator_missing.iter().map(|(id, name)| {
                let step = Value::RegulatorStep(crate::domain::activity::Named::new(*id, name.clone()));
                FieldChange::added(Field::RegulatorStep, step)
            }));
            effect.activities.push(self.activity(Some(id), now, ActivityKind::Override, changes));
        }
        if !entry.note.is_empty() {
            let mut changes = vec![
                FieldChange::added(Field::Stage, Value::Stage(to)),
                FieldChange::added(Field::Note, Value::text(entry.note.clone())),
            ];
            if let Some(minutes) = entry.restore_minutes {
                changes.push(FieldChange::added(Field::RestoreTime, Value::Minutes(minutes)));
            }
            effect.activities.push(self.activity(Some(id), now, ActivityKind::StageNote, changes));
        }
        self.put_release_logged(effect, old, moved.release, now, ActivityKind::Stage);
        effect.mutations.push(Mutation::PutStageEntry(entry));
        Ok(())
    }
}
