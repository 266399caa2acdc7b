//! The regulator steps as the window and the CLI read them (the steps a release needs, each with
//! its approval), and the regulator commands with their names.

use chrono::NaiveDate;

use super::Model;
use crate::domain::activity::CommandSummary;
use crate::domain::{
    AgentId, RegulatorApproval, RegulatorStep, RegulatorStepId, Regulators, Release, ReleaseId,
};

/// Commands on the regulator steps and the regulator's approvals of releases.
#[derive(Clone, Debug, PartialEq)]
pub enum RegulatorCommand {
    /// Replaces the step with this id, or adds it (with the next free id) when there is none.
    SaveStep(RegulatorStep),
    /// Refused while approvals use it.
    DeleteStep(RegulatorStepId),
    /// The regulator approved `release` for `step` on `approved_on` under `reference`; recording
    /// it again replaces the earlier approval.
    RecordApproval {
        release: ReleaseId,
        step: RegulatorStepId,
        reference: String,
        approved_on: NaiveDate,
        recorded_by: AgentId,
        note: String,
    },
    /// Takes a recorded approval back.
    WithdrawApproval { release: ReleaseId, step: RegulatorStepId },
}

impl Model {
    /// Every regulator step and approval.
    pub fn regulators(&self) -> &Regulators {
        &self.regulators
    }

    /// The steps `release` needs, each with its approval when recorded, in step order.
    pub fn regulator_steps_of(&self, release: &Release) -> Vec<(&RegulatorStep, Option<&RegulatorApproval>)> {
        self.regulators.required(release)
    }
}

/// The name of a regulator command, as the Edit menu and the log say it.
pub(super) fn summary(command: &RegulatorCommand) -> CommandSummary {
    match command {
        RegulatorCommand::SaveStep(step) => {
            CommandSummary::SaveRegulatorStep { name: step.name.trim().to_owned() }
        }
        RegulatorCommand::DeleteStep(id) => CommandSummary::DeleteRegulatorStep { step: *id },
        RegulatorCommand::RecordApproval { release, reference, .. } => {
            CommandSummary::RecordRegulatorApproval {
                release: *release,
                reference: reference.trim().to_owned(),
            }
        }
        RegulatorCommand::WithdrawApproval { release, step } => {
            CommandSummary::WithdrawRegulatorApproval { release: *release, step: *step }
        }
    }
}
