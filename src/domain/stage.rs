//! Where a release is in the lifecycle from the brief (beside the Freshservice status), the moves
//! each stage allows, how a closed release ended, and one row of a release's stage history:
//! Plan -> Build & Test -> Deployment prep -> Deploy -> Verify & Monitor -> Complete,
//! or Deploy / Verify & Monitor -> Rollback -> Build & Test. The rules of a move are in
//! `lifecycle.rs`.

use serde::{Deserialize, Serialize};

use super::ids::{AgentId, ReleaseId, StageEntryId, Timestamp};

/// Where a release is in its lifecycle.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    #[default]
    Plan,
    BuildTest,
    DeploymentPrep,
    Deploy,
    VerifyMonitor,
    Complete,
    Rollback,
}

impl Stage {
    pub const ALL: [Self; 7] = [
        Self::Plan,
        Self::BuildTest,
        Self::DeploymentPrep,
        Self::Deploy,
        Self::VerifyMonitor,
        Self::Complete,
        Self::Rollback,
    ];

    /// The stored and JSON name.
    pub fn code(self) -> &'static str {
        match self {
            Self::Plan => "plan",
            Self::BuildTest => "build_test",
            Self::DeploymentPrep => "deployment_prep",
            Self::Deploy => "deploy",
            Self::VerifyMonitor => "verify_monitor",
            Self::Complete => "complete",
            Self::Rollback => "rollback",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Plan => "Plan",
            Self::BuildTest => "Build & Test",
            Self::DeploymentPrep => "Deployment prep",
            Self::Deploy => "Deploy",
            Self::VerifyMonitor => "Verify & Monitor",
            Self::Complete => "Complete",
            Self::Rollback => "Rollback",
        }
    }
}

/// How a closed release ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Successful,
    Failed,
}

impl Outcome {
    pub fn code(self) -> &'static str {
        match self {
            Self::Successful => "successful",
            Self::Failed => "failed",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "successful" => Some(Self::Successful),
            "failed" => Some(Self::Failed),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Successful => "Successful",
            Self::Failed => "Failed",
        }
    }
}

impl Stage {
    /// The stages a release in this stage may move to, in the order they are offered.
    pub fn next_stages(self) -> &'static [Self] {
        match self {
            Self::Plan => &[Self::BuildTest],
            Self::BuildTest => &[Self::DeploymentPrep],
            Self::DeploymentPrep => &[Self::Deploy],
            Self::Deploy => &[Self::VerifyMonitor, Self::Rollback],
            Self::VerifyMonitor => &[Self::Complete, Self::Rollback],
            Self::Rollback => &[Self::BuildTest],
            Self::Complete => &[],
        }
    }

    pub fn can_move_to(self, to: Self) -> bool {
        self.next_stages().contains(&to)
    }

    /// The main line's position (Plan 0 .. Complete 5); Rollback sits beside Deploy.
    pub fn position(self) -> usize {
        match self {
            Self::Plan => 0,
            Self::BuildTest => 1,
            Self::DeploymentPrep => 2,
            Self::Deploy | Self::Rollback => 3,
            Self::VerifyMonitor => 4,
            Self::Complete => 5,
        }
    }

    /// The six stages of the main line, in order.
    pub const MAIN_LINE: [Self; 6] = [
        Self::Plan,
        Self::BuildTest,
        Self::DeploymentPrep,
        Self::Deploy,
        Self::VerifyMonitor,
        Self::Complete,
    ];
}

/// One row of a release's stage history: which stage it entered, when, by whom and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageEntry {
    pub id: StageEntryId,
    pub release_id: ReleaseId,
    pub stage: Stage,
    pub entered_at: Timestamp,
    pub actor: Option<AgentId>,
    /// The rollback reason, or any note given with the move.
    pub note: String,
    /// Set when the Deploy gate was overridden: the written reason.
    pub override_reason: String,
    /// The outcome recorded on Complete.
    pub outcome: Option<Outcome>,
    /// Service downtime reported with this move (Rollback, Complete).
    pub downtime_minutes: u32,
    /// A Rollback: how long the restore took, as reported.
    #[serde(default)]
    pub restore_minutes: Option<u32>,
    /// A Rollback: the back-out plan's time-to-restore target when it happened.
    #[serde(default)]
    pub restore_target_minutes: Option<u32>,
}

impl StageEntry {
    /// A Rollback's restore time over its target (`None` when either is not known).
    pub fn restore_missed(&self) -> Option<bool> {
        Some(self.restore_minutes? > self.restore_target_minutes?)
    }
}
