//! The sample's regulator step: "금감원 보고 및 승인" (금융감독원) on every Emergency release, with
//! the regulator's approval recorded (reference `FSS-YYYY-NNNN`, the day before the work started,
//! by the ECAB's chair) on each Emergency release whose work has started, so today's mobile
//! banking patch still waits for it and its Deploy gate names the step.

use chrono::Duration;

use crate::domain::{
    AgentId, RegulatorApproval, RegulatorStep, RegulatorStepId, Regulators, Release, ReleaseType, Timestamp,
};

const FSS: RegulatorStepId = RegulatorStepId(1);
/// The ECAB's chair (as in the sample's `AGENTS`) records the regulator's answers.
const RECORDER: i64 = 5;

/// The step and the approvals of the Emergency releases already under way or done.
pub(super) fn regulators(releases: &[Release], now: Timestamp) -> Regulators {
    let step = RegulatorStep {
        id: FSS,
        name: "금감원 보고 및 승인".into(),
        authority: "금융감독원".into(),
        release_types: vec![ReleaseType::Emergency],
        groups: Vec::new(),
        active: true,
    };
    let mut approvals: Vec<RegulatorApproval> = releases
        .iter()
        .filter(|r| r.release_type == ReleaseType::Emergency && !r.is_deleted())
        .filter_map(|r| r.work_start.map(|start| (r, start)))
        .enumerate()
        .map(|(i, (r, start))| {
            let asked = (start - Duration::hours(6)).min(now - Duration::minutes(10));
            RegulatorApproval {
                step: FSS,
                release: r.id,
                reference: format!("FSS-{}-{:04}", asked.format("%Y"), 401 + 11 * i),
                approved_on: asked.date_naive(),
                recorded_by: AgentId(RECORDER),
                at: asked,
                note: if i % 3 == 0 { "유선 보고 후 공문 접수".into() } else { String::new() },
            }
        })
        .collect();
    approvals.sort_by_key(|a| (a.release, a.step));
    Regulators { steps: vec![step], approvals }
}
