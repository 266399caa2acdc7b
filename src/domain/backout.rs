//! A release's back-out (rollback) plan: its steps (a text and a checklist, like the Build and Test
//! plans), the go/no-go criterion, the decision point (minutes after the deploy starts), the
//! time-to-restore target (by default from the release type: the ERP scenario's 4 hours for a Major
//! release) and the rehearsals with their measured restore times. The Deploy gate warns, without
//! blocking, when a Major or Emergency release has no back-out plan or its last rehearsal missed
//! the target ([`gate_warnings`]).

use serde::{Deserialize, Serialize};

use super::ids::Timestamp;
use super::registry::string_coded;
use super::release::{Plan, Release, ReleaseType};

/// The longest restore target, decision point or measured restore time accepted: a week.
pub const MINUTES_MAX: u32 = 7 * 24 * 60;

/// The longest go/no-go criterion or rehearsal note accepted.
pub const TEXT_MAX_CHARS: usize = 10_000;

string_coded!(
    /// How a rehearsal of the back-out went.
    RehearsalResult {
        Pass = "pass",
        Fail = "fail",
    }
);

/// One rehearsal of the back-out: when, how long the restore took, and whether it worked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rehearsal {
    /// Unique within the plan.
    pub id: u32,
    pub date: Timestamp,
    /// The measured time to restore.
    pub restore_minutes: u32,
    pub result: RehearsalResult,
    #[serde(default)]
    pub note: String,
}

impl Rehearsal {
    /// Whether this rehearsal missed `target_minutes`: it failed, or the restore took longer.
    pub fn missed(&self, target_minutes: u32) -> bool {
        self.result == RehearsalResult::Fail || self.restore_minutes > target_minutes
    }
}

/// A release's back-out plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackoutPlan {
    /// The back-out steps: a text and a checklist, edited as the Build and Test plans are.
    pub steps: Plan,
    /// When to decide to back out ("error rate above 1 % for 10 minutes").
    #[serde(default)]
    pub go_no_go: String,
    /// How long after the deploy starts the go/no-go decision is taken.
    #[serde(default)]
    pub decision_point_minutes: Option<u32>,
    /// How quickly service must be restored once the back-out starts.
    pub restore_target_minutes: u32,
    /// In the order they were recorded.
    #[serde(default)]
    pub rehearsals: Vec<Rehearsal>,
}

/// The time-to-restore target a new back-out plan starts with: 4 hours for a Major release (the
/// ERP scenario), 2 hours for a Standard one, 1 hour for a Minor or an Emergency one.
pub fn default_restore_target(release_type: ReleaseType) -> u32 {
    match release_type {
        ReleaseType::Major => 240,
        ReleaseType::Standard => 120,
        ReleaseType::Minor | ReleaseType::Emergency => 60,
    }
}

impl BackoutPlan {
    /// An empty plan with the restore target of `release_type`.
    pub fn new(release_type: ReleaseType) -> Self {
        Self {
            steps: Plan::default(),
            go_no_go: String::new(),
            decision_point_minutes: None,
            restore_target_minutes: default_restore_target(release_type),
            rehearsals: Vec::new(),
        }
    }

    /// The most recent rehearsal (by date; the later recorded of two on the same date).
    pub fn last_rehearsal(&self) -> Option<&Rehearsal> {
        self.rehearsals.iter().max_by_key(|r| (r.date, r.id))
    }

    pub fn rehearsal(&self, id: u32) -> Option<&Rehearsal> {
        self.rehearsals.iter().find(|r| r.id == id)
    }

    /// The plan as a copy for another release: steps unticked, rehearsals left behind (they were
    /// of the other release's back-out).
    pub fn reset(&self) -> Self {
        let mut steps = self.steps.clone();
        steps.items.iter_mut().for_each(|i| i.done = false);
        Self { steps, rehearsals: Vec::new(), ..self.clone() }
    }
}

/// What the Deploy gate says about the back-out; it warns, it does not block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackoutWarning {
    /// A Major or Emergency release without a back-out plan.
    NoPlan,
    /// The last rehearsal failed or took longer than the target.
    LastRehearsalMissed { restore_minutes: u32, target_minutes: u32, result: RehearsalResult },
}

/// Whether a release of this type must have a back-out plan before it deploys.
pub fn needs_backout(release_type: ReleaseType) -> bool {
    matches!(release_type, ReleaseType::Major | ReleaseType::Emergency)
}

/// The gate's back-out warnings for `release` with its plan (if any): none for a Minor or Standard
/// release; for a Major or Emergency one, a missing plan or a last rehearsal that missed the target.
pub fn gate_warnings(release: &Release, plan: Option<&BackoutPlan>) -> Vec<BackoutWarning> {
    if !needs_backout(release.release_type) {
        return Vec::new();
    }
    let Some(plan) = plan else { return vec![BackoutWarning::NoPlan] };
    match plan.last_rehearsal() {
        Some(last) if last.missed(plan.restore_target_minutes) => vec![BackoutWarning::LastRehearsalMissed {
            restore_minutes: last.restore_minutes,
            target_minutes: plan.restore_target_minutes,
            result: last.result,
        }],
        _ => Vec::new(),
    }
}

/// One edit to a release's back-out plan (a release without one starts from [`BackoutPlan::new`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackoutEdit {
    Steps(Plan),
    GoNoGo(String),
    DecisionPoint(Option<u32>),
    RestoreTarget(u32),
    /// Adds a rehearsal (`id` 0 gets the next free id) or replaces the one with the same id.
    PutRehearsal(Rehearsal),
    RemoveRehearsal(u32),
}

/// Why a back-out edit is not acceptable.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BackoutInvalid {
    #[error("the restore target must be 1 minute to a week")]
    RestoreTargetOutOfRange,
    #[error("the decision point must be within a week of the deploy start")]
    DecisionPointOutOfRange,
    #[error("a rehearsal's restore time must be within a week")]
    RehearsalTimeOutOfRange,
    #[error("rehearsal {0} does not exist")]
    NoSuchRehearsal(u32),
    #[error("the text is longer than {TEXT_MAX_CHARS} characters")]
    TextTooLong,
}

/// Applies `edit` to `plan`, or says why it cannot be applied (then nothing changed).
pub fn apply_edit(plan: &mut BackoutPlan, edit: BackoutEdit) -> Result<(), BackoutInvalid> {
    match edit {
        BackoutEdit::Steps(mut steps) => {
            steps.items.retain(|i| !i.text.trim().is_empty());
            plan.steps = steps;
        }
        BackoutEdit::GoNoGo(text) => {
            if text.chars().count() > TEXT_MAX_CHARS {
                return Err(BackoutInvalid::TextTooLong);
            }
            plan.go_no_go = text.trim().to_owned();
        }
        BackoutEdit::DecisionPoint(minutes) => {
            if minutes.is_some_and(|m| m > MINUTES_MAX) {
                return Err(BackoutInvalid::DecisionPointOutOfRange);
            }
            plan.decision_point_minutes = minutes;
        }
        BackoutEdit::RestoreTarget(minutes) => {
            if !(1..=MINUTES_MAX).contains(&minutes) {
                return Err(BackoutInvalid::RestoreTargetOutOfRange);
            }
            plan.restore_target_minutes = minutes;
        }
        BackoutEdit::PutRehearsal(mut rehearsal) => {
            if rehearsal.restore_minutes > MINUTES_MAX {
                return Err(BackoutInvalid::RehearsalTimeOutOfRange);
            }
            if rehearsal.note.chars().count() > TEXT_MAX_CHARS {
                return Err(BackoutInvalid::TextTooLong);
            }
            rehearsal.note = rehearsal.note.trim().to_owned();
            if rehearsal.id == 0 {
                rehearsal.id = plan.rehearsals.iter().map(|r| r.id).max().unwrap_or(0) + 1;
                plan.rehearsals.push(rehearsal);
            } else {
                let slot = plan
                    .rehearsals
                    .iter_mut()
                    .find(|r| r.id == rehearsal.id)
                    .ok_or(BackoutInvalid::NoSuchRehearsal(rehearsal.id))?;
                *slot = rehearsal;
            }
        }
        BackoutEdit::RemoveRehearsal(id) => {
            let before = plan.rehearsals.len();
            plan.rehearsals.retain(|r| r.id != id);
            if plan.rehearsals.len() == before {
                return Err(BackoutInvalid::NoSuchRehearsal(id));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{PlannedWindow, Priority, ReleaseId, Status};
    use chrono::TimeZone as _;

    fn release(release_type: ReleaseType) -> Release {
        let t = chrono::Utc.with_ymd_and_hms(2026, 11, 28, 13, 0, 0).single().expect("valid date");
        Release::new(
            ReleaseId(1),
            "ERP",
            Status::Open,
            Priority::High,
            release_type,
            PlannedWindow { start: t, end: t + chrono::Duration::hours(6) },
            t,
        )
    }

    #[test]
    fn targets_follow_the_release_type() {
        assert_eq!(BackoutPlan::new(ReleaseType::Major).restore_target_minutes, 240);
        assert_eq!(BackoutPlan::new(ReleaseType::Emergency).restore_target_minutes, 60);
        assert_eq!(BackoutPlan::new(ReleaseType::Standard).restore_target_minutes, 120);
        assert_eq!(BackoutPlan::new(ReleaseType::Minor).restore_target_minutes, 60);
    }

    #[test]
    fn the_gate_warns_for_major_and_emergency_releases_only() {
        let major = release(ReleaseType::Major);
        assert_eq!(gate_warnings(&major, None), vec![BackoutWarning::NoPlan]);
        assert!(gate_warnings(&release(ReleaseType::Standard), None).is_empty());
        let mut plan = BackoutPlan::new(ReleaseType::Major);
        assert!(gate_warnings(&major, Some(&plan)).is_empty(), "a plan never rehearsed does not warn");
        let at = major.created_at;
        let rehearsal = |restore_minutes, result| Rehearsal {
            id: 0,
            date: at,
            restore_minutes,
            result,
            note: String::new(),
        };
        apply_edit(&mut plan, BackoutEdit::PutRehearsal(rehearsal(300, RehearsalResult::Pass)))
            .expect("applies");
        assert_eq!(
            gate_warnings(&major, Some(&plan)),
            vec![BackoutWarning::LastRehearsalMissed {
                restore_minutes: 300,
                target_minutes: 240,
                result: RehearsalResult::Pass
            }]
        );
        let mut later = rehearsal(200, RehearsalResult::Pass);
        later.date = at + chrono::Duration::days(1);
        apply_edit(&mut plan, BackoutEdit::PutRehearsal(later)).expect("applies");
        assert!(gate_warnings(&major, Some(&plan)).is_empty(), "the last rehearsal was within the target");
        assert_eq!(plan.last_rehearsal().map(|r| r.id), Some(2));
    }

    #[test]
    fn edits_are_checked() {
        let mut plan = BackoutPlan::new(ReleaseType::Minor);
        assert_eq!(
            apply_edit(&mut plan, BackoutEdit::RestoreTarget(0)),
            Err(BackoutInvalid::RestoreTargetOutOfRange)
        );
        assert_eq!(
            apply_edit(&mut plan, BackoutEdit::DecisionPoint(Some(MINUTES_MAX + 1))),
            Err(BackoutInvalid::DecisionPointOutOfRange)
        );
        assert_eq!(
            apply_edit(&mut plan, BackoutEdit::RemoveRehearsal(3)),
            Err(BackoutInvalid::NoSuchRehearsal(3))
        );
        apply_edit(&mut plan, BackoutEdit::GoNoGo("  오류율 1% 초과 10분 지속 ".into())).expect("applies");
        assert_eq!(plan.go_no_go, "오류율 1% 초과 10분 지속");
    }
}
