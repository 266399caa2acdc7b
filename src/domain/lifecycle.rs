//! The rules of a lifecycle move: which stage may follow which, the Deploy gate (CAB-approved
//! Changes, a complete release plan, the regulator steps approved and no hard freeze holding the
//! release, or a written override; warnings about the back-out plan, which do not block), and
//! what each move does to the release. The stages themselves are in `stage.rs`; the freezes in `schedule/`.

use super::backout::BackoutWarning;
use super::ids::{AgentId, ChangeId, RegulatorStepId, StageEntryId, Timestamp};
use super::release::{Release, Status};
use super::stage::{Outcome, Stage, StageEntry};

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
    /// A Rollback: how long the restore took.
    pub restore_minutes: Option<u32>,
}

/// What the Deploy gate looks at.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeployGate {
    /// Linked Changes that are not CAB-approved (pending, rejected or unknown).
    pub unapproved_changes: Vec<ChangeId>,
    /// Release plan checklist items not yet done.
    pub readiness_missing: usize,
    /// What is wrong with the back-out plan: shown beside the gate, never blocking it.
    pub backout_warnings: Vec<BackoutWarning>,
    /// The hard freezes that hold the release from now to its planned end (their names).
    pub hard_freezes: Vec<String>,
    /// The regulator steps the release needs that have no approval yet (id and name).
    pub regulator_missing: Vec<(RegulatorStepId, String)>,
}

impl DeployGate {
    pub fn is_open(&self) -> bool {
        self.unapproved_changes.is_empty()
            && self.readiness_missing == 0
            && self.hard_freezes.is_empty()
            && self.regulator_missing.is_empty()
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
    #[error("{} minutes to restore is more than a year", .0)]
    RestoreTooLong(u32),
    #[error(
        "Deploy is blocked: {} linked Change(s) not CAB-approved and {} release plan item(s) not done; give a written reason to override",
        .unapproved_changes.len(), .readiness_missing
    )]
    GateClosed { unapproved_changes: Vec<ChangeId>, readiness_missing: usize },
    #[error("Deploy is blocked: a hard freeze ({}) holds the release; give a written reason to override", .freezes.join(", "))]
    HardFreeze { freezes: Vec<String>, unapproved_changes: Vec<ChangeId>, readiness_missing: usize },
    #[error("Deploy is blocked: the regulator step(s) {} have no approval; record it or give a written reason to override", .steps.join(", "))]
    RegulatorPending { steps: Vec<String> },
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
/// In Progress; Rollback adds one to the rollback count and the downtime, records the restore
/// time given and marks the release Incomplete; Complete records the outcome, closing time and
/// downtime, fills the work end and sets Completed. The returned entry's `id` is 0 (the store
/// gives it one), and a Rollback's restore target is the caller's to fill in.
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
    if let Some(minutes) = request.restore_minutes.filter(|m| *m > DOWNTIME_MAX_MINUTES) {
        return Err(MoveRefused::RestoreTooLong(minutes));
    }
    let reason = request.reason.trim().to_owned();
    let override_reason = request.override_reason.trim().to_owned();
    let mut next = release.clone();
    next.stage = to;
    let mut entry = StageEntry {
        id: StageEntryId(0),
        release_id: release.id,
        stage: to,
        entered_at: now,
        actor,
        note: reason.clone(),
        override_reason: String::new(),
        outcome: None,
        downtime_minutes: 0,
        restore_minutes: None,
        restore_target_minutes: None,
    };
    let mut overridden = false;
    match to {
        Stage::Deploy => {
            if !gate.is_open() {
                if override_reason.is_empty() && !gate.hard_freezes.is_empty() {
                    return Err(MoveRefused::HardFreeze {
                        freezes: gate.hard_freezes.clone(),
                        unapproved_changes: gate.unapproved_changes.clone(),
                        readiness_missing: gate.readiness_missing,
                    });
                }
                if override_reason.is_empty()
                    && gate.unapproved_changes.is_empty()
                    && gate.readiness_missing == 0
                {
                    let steps = gate.regulator_missing.iter().map(|(_, name)| name.clone()).collect();
                    return Err(MoveRefused::RegulatorPending { steps });
                }
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
            entry.restore_minutes = request.restore_minutes;
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
