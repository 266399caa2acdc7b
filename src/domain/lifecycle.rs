//! The release lifecycle from the brief, beside the Freshservice status:
//! Plan -> Build & Test -> Deployment prep -> Deploy -> Verify & Monitor -> Complete,
//! or Deploy / Verify & Monitor -> Rollback -> Build & Test.

use serde::{Deserialize, Serialize};

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
