//! Which releases a regulator step applies to (type or group, active only), what a step and an
//! approval must hold, and the steps still missing an approval.

use chrono::{TimeZone as _, Utc};

use super::*;
use crate::domain::release::{PlannedWindow, Priority, Status};

fn at(minute: u32) -> Timestamp {
    Utc.with_ymd_and_hms(2026, 12, 1, 10, minute, 0).single().unwrap_or_default()
}

fn release(id: i64, release_type: ReleaseType, group: Option<i64>) -> Release {
    let planned = PlannedWindow { start: at(0), end: at(50) };
    let mut release =
        Release::new(ReleaseId(id), "patch", Status::Open, Priority::Urgent, release_type, planned, at(0));
    release.group_id = group.map(GroupId);
    release
}

fn step(id: i64, types: &[ReleaseType], groups: &[i64]) -> RegulatorStep {
    RegulatorStep {
        id: RegulatorStepId(id),
        name: "금감원 보고 및 승인".into(),
        authority: "금융감독원".into(),
        release_types: types.to_vec(),
        groups: groups.iter().copied().map(GroupId).collect(),
        active: true,
    }
}

fn approval(step: i64, release: i64, reference: &str) -> RegulatorApproval {
    RegulatorApproval {
        step: RegulatorStepId(step),
        release: ReleaseId(release),
        reference: reference.into(),
        approved_on: NaiveDate::from_ymd_opt(2026, 4, 12).unwrap_or_default(),
        recorded_by: AgentId(1),
        at: at(5),
        note: String::new(),
    }
}

#[test]
fn a_step_applies_by_type_or_by_group_and_only_while_active() {
    let by_type = step(1, &[ReleaseType::Emergency], &[]);
    let by_group = step(2, &[], &[3]);
    let emergency = release(1, ReleaseType::Emergency, None);
    let bank_minor = release(2, ReleaseType::Minor, Some(3));
    let other = release(3, ReleaseType::Minor, Some(4));
    assert!(by_type.applies_to(&emergency));
    assert!(!by_type.applies_to(&bank_minor));
    assert!(by_group.applies_to(&bank_minor));
    assert!(!by_group.applies_to(&emergency), "no group");
    assert!(!by_group.applies_to(&other));
    let inactive = RegulatorStep { active: false, ..by_type };
    assert!(!inactive.applies_to(&emergency));
}

#[test]
fn missing_steps_lists_the_required_steps_without_an_approval() {
    let steps = vec![
        step(1, &[ReleaseType::Emergency], &[]),
        step(2, &[], &[3]),
        step(3, &[ReleaseType::Major], &[]),
    ];
    let patch = release(7, ReleaseType::Emergency, Some(3));
    let ids = |v: Vec<&RegulatorStep>| v.iter().map(|s| s.id.0).collect::<Vec<_>>();
    assert_eq!(ids(missing_steps(&patch, &steps, &[])), vec![1, 2]);
    let approvals = vec![approval(1, 7, "FSS-2026-0412"), approval(2, 8, "other release")];
    assert_eq!(ids(missing_steps(&patch, &steps, &approvals)), vec![2]);
    let regulators = Regulators { steps, approvals: vec![approval(1, 7, "A"), approval(2, 7, "B")] };
    assert!(regulators.missing(&patch).is_empty());
    assert_eq!(regulators.required(&patch).len(), 2);
    assert_eq!(regulators.approvals_using(RegulatorStepId(1)), 1);
    assert_eq!(regulators.next_step_id(), RegulatorStepId(4));
}

#[test]
fn a_step_needs_a_name_and_something_it_applies_to() {
    assert_eq!(step(1, &[ReleaseType::Emergency], &[]).validate(), Ok(()));
    let blank = RegulatorStep { name: "  ".into(), ..step(1, &[ReleaseType::Emergency], &[]) };
    assert_eq!(blank.validate(), Err(RegulatorInvalid::NameEmpty));
    let long = RegulatorStep { name: "가".repeat(256), ..step(1, &[ReleaseType::Emergency], &[]) };
    assert_eq!(long.validate(), Err(RegulatorInvalid::NameTooLong(256)));
    assert_eq!(step(1, &[], &[]).validate(), Err(RegulatorInvalid::AppliesToNothing));
    let twice = RegulatorStep {
        name: " 보고 ".into(),
        ..step(1, &[ReleaseType::Emergency, ReleaseType::Emergency], &[3, 3])
    }
    .normalized();
    assert_eq!((twice.name.as_str(), twice.release_types.len(), twice.groups.len()), ("보고", 1, 1));
}

#[test]
fn an_approval_needs_a_trimmed_reference_within_its_cap() {
    let ok = approval(1, 7, "  FSS-2026-0412 ").normalized();
    assert_eq!(ok.reference, "FSS-2026-0412");
    assert_eq!(ok.validate(), Ok(()));
    assert_eq!(approval(1, 7, " ").validate(), Err(RegulatorInvalid::ReferenceEmpty));
    let long = approval(1, 7, &"X".repeat(65));
    assert_eq!(long.validate(), Err(RegulatorInvalid::ReferenceTooLong(65)));
    let noted = RegulatorApproval { note: "n".repeat(2001), ..approval(1, 7, "A") };
    assert_eq!(noted.validate(), Err(RegulatorInvalid::NoteTooLong(2001)));
}

#[test]
fn the_deploy_gate_names_a_missing_step_and_a_written_reason_overrides_it() {
    use crate::domain::lifecycle::{DeployGate, MoveRefused, MoveRequest, transition};
    use crate::domain::stage::Stage;
    let mut patch = release(7, ReleaseType::Emergency, None);
    patch.stage = Stage::DeploymentPrep;
    let steps = vec![step(1, &[ReleaseType::Emergency], &[])];
    let missing = missing_steps(&patch, &steps, &[]);
    let gate = DeployGate {
        regulator_missing: missing.iter().map(|s| (s.id, s.name.clone())).collect(),
        ..DeployGate::default()
    };
    assert!(!gate.is_open());
    let request = MoveRequest { to: Stage::Deploy, ..MoveRequest::default() };
    assert_eq!(
        transition(&patch, &request, &gate, None, at(9)).map(|t| t.overridden),
        Err(MoveRefused::RegulatorPending { steps: vec!["금감원 보고 및 승인".into()] })
    );
    let both = DeployGate { readiness_missing: 1, ..gate.clone() };
    assert!(matches!(
        transition(&patch, &request, &both, None, at(9)),
        Err(MoveRefused::GateClosed { readiness_missing: 1, .. })
    ));
    let forced = MoveRequest { override_reason: "보고 접수 확인(유선)".into(), ..request };
    assert_eq!(transition(&patch, &forced, &gate, None, at(9)).map(|t| t.overridden), Ok(true));
    let met = vec![approval(1, 7, "FSS-2026-0412")];
    assert!(missing_steps(&patch, &steps, &met).is_empty());
}
