//! Planning of the regulator commands: a step saved (trimmed, with something it applies to) or
//! deleted (refused while approvals use it), and a regulator's approval recorded (a known step the
//! release needs, a reference within its cap, a known agent recording it) or withdrawn.

use super::Effect;
use crate::domain::activity::{Named, RegulatorApprovalRef};
use crate::domain::{
    ActivityKind, Field, FieldChange, RegulatorApproval, RegulatorInvalid, RegulatorStep, Timestamp, Value,
};
use crate::model::{CommandError, Model, RegulatorCommand};
use crate::store::{Mutation, RegulatorMutation};

fn step_value(step: &RegulatorStep) -> Value {
    Value::RegulatorStep(Named::new(step.id, step.name.clone()))
}

impl Model {
    /// Validates one of the regulator commands and works out its effect. Changes nothing.
    pub(super) fn plan_regulator(
        &self,
        command: RegulatorCommand,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        match command {
            RegulatorCommand::SaveStep(step) => self.plan_save_step(step, now, effect),
            RegulatorCommand::DeleteStep(id) => {
                let old = self.regulators.step(id).ok_or(RegulatorInvalid::NoSuchStep(id))?;
                let approvals = self.regulators.approvals_using(id);
                if approvals > 0 {
                    return Err(RegulatorInvalid::InUse { approvals }.into());
                }
                let removed = FieldChange::removed(Field::RegulatorStep, step_value(old));
                effect.activities.push(self.activity(None, now, ActivityKind::Regulator, vec![removed]));
                effect.mutations.push(Mutation::Regulator(RegulatorMutation::RemoveStep(id)));
                Ok(())
            }
            RegulatorCommand::RecordApproval { release, step, reference, approved_on, recorded_by, note } => {
                let approval =
                    RegulatorApproval { step, release, reference, approved_on, recorded_by, at: now, note };
                self.plan_record_approval(approval.normalized(), effect)
            }
            RegulatorCommand::WithdrawApproval { release, step } => {
                let old = self
                    .regulators
                    .approval(step, release)
                    .ok_or(RegulatorInvalid::NoSuchApproval(step, release))?;
                let removed = FieldChange::removed(Field::RegulatorApproval, self.approval_value(old));
                effect.activities.push(self.activity(
                    Some(release),
                    now,
                    ActivityKind::Regulator,
                    vec![removed],
                ));
                effect
                    .mutations
                    .push(Mutation::Regulator(RegulatorMutation::RemoveApproval { step, release }));
                Ok(())
            }
        }
    }

    fn plan_save_step(
        &self,
        step: RegulatorStep,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        let mut step = step.normalized();
        step.validate()?;
        for group in &step.groups {
            self.check_refs(None, Some(*group), None)?;
        }
        let old = self.regulators.step(step.id);
        if old.is_none() {
            step.id = self.regulators.next_step_id();
        }
        if old == Some(&step) {
            return Ok(());
        }
        let change =
            FieldChange::new(Field::RegulatorStep, old.map_or(Value::None, step_value), step_value(&step));
        effect.activities.push(self.activity(None, now, ActivityKind::Regulator, vec![change]));
        effect.mutations.push(Mutation::Regulator(RegulatorMutation::PutStep(step)));
        Ok(())
    }

    fn plan_record_approval(
        &self,
        approval: RegulatorApproval,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        let release = self.existing_release(approval.release)?;
        let step = self.regulators.step(approval.step).ok_or(RegulatorInvalid::NoSuchStep(approval.step))?;
        if !step.applies_to(release) {
            return Err(RegulatorInvalid::NotRequired(step.id, release.id).into());
        }
        approval.validate()?;
        self.check_refs(Some(approval.recorded_by), None, None)?;
        let old = self.regulators.approval(approval.step, approval.release);
        if old.is_some_and(|o| RegulatorApproval { at: approval.at, ..o.clone() } == approval) {
            return Ok(());
        }
        let change = FieldChange::new(
            Field::RegulatorApproval,
            old.map_or(Value::None, |o| self.approval_value(o)),
            self.approval_value(&approval),
        );
        effect.activities.push(self.activity(
            Some(release.id),
            approval.at,
            ActivityKind::Regulator,
            vec![change],
        ));
        effect.mutations.push(Mutation::Regulator(RegulatorMutation::PutApproval(approval)));
        Ok(())
    }

    /// An approval as the log keeps it.
    fn approval_value(&self, approval: &RegulatorApproval) -> Value {
        let name = self.regulators.step(approval.step).map_or_else(String::new, |s| s.name.clone());
        Value::RegulatorApproval(RegulatorApprovalRef {
            step: Named::new(approval.step, name),
            reference: approval.reference.clone(),
            approved_on: approval.approved_on,
            note: approval.note.clone(),
        })
    }
}
