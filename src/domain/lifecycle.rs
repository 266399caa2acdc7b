//! The release lifecycle from the brief, beside the Freshservice status:
//! Plan -> Build & Test -> Deployment prep -> Deploy -> Verify & Monitor -> Complete,
//! or Deploy / Verify & Monitor -> Rollback -> Build & Test.

use serde::{Deserialize, Serialize};

use super::release::{AgentId, Release, ReleaseId, Status, Timestamp};

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
    pub id: i64,
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
}

/// A requested move, as the user gives it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MoveRequest {
    pub to: Stage,
    /// Required for Complete.
    pub outcome: Option<Outcome>,
    /// Service downtime to add (Complete, Rollback).
    pub downtime_minutes: u32,
    /// Required for Rollback; an optional note otherwise.
    pub reason: String,
    /// Lets Deploy through a closed gate; must be written out.
    pub override_reason: String,
}

/// What the Deploy gate looks at.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeployGate {
    /// Linked Changes that are not CAB-approved (pending, rejected or unknown).
    pub unapproved_changes: Vec<i64>,
    /// Release plan checklist items not yet done.
    pub readiness_missing: usize,
}

impl DeployGate {
    pub fn is_open(&self) -> bool {
        self.unapproved_changes.is_empty() && self.readiness_missing == 0
    }
}

/// The longest downtime one move may report: a year, far beyond any real outage.
pub const DOWNTIME_MAX_MINUTES: u32 = 525_600;

/// Why a move is refused. Nothing changes.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MoveRefused {
    #[error("a release in {} cannot move to {}", .from.label(), .to.label())]
    NotAllowed { from: Stage, to: Stage },
    #[error("the release is in Trash")]
    InTrash,
    #[error("completing a release needs its outcome (successful or failed)")]
    OutcomeRequired,
    #[error("a rollback needs a written reason")]
    ReasonRequired,
    #[error("{} minutes of downtime is more than a year", .0)]
    DowntimeTooLong(u32),
    #[error(
        "Deploy is blocked: {} linked Change(s) not CAB-approved and {} release plan item(s) not done; give a written reason to override",
        .unapproved_changes.len(), .readiness_missing
    )]
    GateClosed { unapproved_changes: Vec<i64>, readiness_missing: usize },
}

/// The result of an allowed move: the release as it will be, and its history row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transition {
    pub release: Release,
    pub entry: StageEntry,
    /// True when Deploy went through a closed gate on the user's written reason.
    pub overridden: bool,
}

/// The pure lifecycle rule: checks `request` against `release` and the Deploy `gate`, and
/// works out the release after the move. Entering Deploy fills the work start if empty and sets
/// In Progress; Rollback adds one to the rollback count and the downtime and marks the release
/// Incomplete; Complete records the outcome, closing time and downtime, fills the work end and
/// sets Completed. The returned entry's `id` is 0 (the store gives it one).
pub fn transition(
    release: &Release,
    request: &MoveRequest,
    gate: &DeployGate,
    actor: Option<AgentId>,
    now: Timestamp,
) -> Result<Transition, MoveRefused> {
    let from = release.stage;
    let to = request.to;
    if release.is_deleted() {
        return Err(MoveRefused::InTrash);
    }
    if !from.can_move_to(to) {
        return Err(MoveRefused::NotAllowed { from, to });
    }
    if request.downtime_minutes > DOWNTIME_MAX_MINUTES {
        return Err(MoveRefused::DowntimeTooLong(request.downtime_minutes));
    }
    let reason = request.reason.trim().to_owned();
    let override_reason = request.override_reason.trim().to_owned();
    let mut next = release.clone();
    next.stage = to;
    let mut entry = StageEntry {
        id: 0,
        release_id: release.id,
        stage: to,
        entered_at: now,
        actor,
        note: reason.clone(),
        override_reason: String::new(),
        outcome: None,
        downtime_minutes: 0,
    };
    let mut overridden = false;
    match to {
        Stage::Deploy => {
            if !gate.is_open() {
                if override_reason.is_empty() {
                    return Err(MoveRefused::GateClosed {
                        unapproved_changes: gate.unapproved_changes.clone(),
                        readiness_missing: gate.readiness_missing,
                    });
                }
                overridden = true;
                entry.override_reason = override_reason;
            }
            next.work_start = next.work_start.or(Some(now));
            if next.status != Status::Completed {
                next.status = Status::InProgress;
            }
        }
        Stage::Rollback => {
            if reason.is_empty() {
                return Err(MoveRefused::ReasonRequired);
            }
            next.rollback_count = next.rollback_count.saturating_add(1);
            next.downtime_minutes = next.downtime_minutes.saturating_add(request.downtime_minutes);
            next.status = Status::Incomplete;
            entry.downtime_minutes = request.downtime_minutes;
        }
        Stage::Complete => {
            let outcome = request.outcome.ok_or(MoveRefused::OutcomeRequired)?;
            next.outcome = Some(outcome);
            next.closed_at = Some(now);
            next.status = Status::Completed;
            let start = next.work_start.unwrap_or(now);
            next.work_start = Some(start);
            next.work_end = next.work_end.or(Some(now.max(start)));
            next.downtime_minutes = next.downtime_minutes.saturating_add(request.downtime_minutes);
            entry.outcome = Some(outcome);
            entry.downtime_minutes = request.downtime_minutes;
        }
        Stage::Plan | Stage::BuildTest | Stage::DeploymentPrep | Stage::VerifyMonitor => {}
    }
    next.updated_at = now;
    Ok(Transition { release: next, entry, overridden })
}
