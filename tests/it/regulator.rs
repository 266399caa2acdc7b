//! Regulator steps through the model (issue 17, item 1): a step a release's type or group
//! requires closes its Deploy gate with the step named until the regulator's approval is
//! recorded, a written reason still overrides it (and the log names the step), bad input is
//! refused, a step in use is not deleted, every command is undone exactly, the log reads in
//! Korean, an archive carries steps and approvals, and a schema-11 file migrates.

use chrono::NaiveDate;

use crate::common::{at, model_with, plain, temp_db};
use release_desk::domain::{
    ActivityKind, AgentId, Field, GroupId, Language, MoveRefused, PlanCheck, ReadinessEdit, RegulatorInvalid,
    RegulatorStep, RegulatorStepId, ReleaseId, ReleaseType, Stage, Value,
};
use release_desk::model::{
    Command, CommandError, ImportCommand, LifecycleCommand, Model, ReadinessCommand, RegulatorCommand,
};

const PATCH: ReleaseId = ReleaseId(1);
const STEP: RegulatorStepId = RegulatorStepId(1);

fn fss_step() -> RegulatorStep {
    RegulatorStep {
        id: RegulatorStepId(0),
        name: " 금감원 보고 및 승인 ".into(),
        authority: "금융감독원".into(),
        release_types: vec![ReleaseType::Emergency],
        groups: vec![GroupId(2)],
        active: true,
    }
}

fn record(release: ReleaseId, reference: &str) -> Command {
    Command::Regulator(RegulatorCommand::RecordApproval {
        release,
        step: STEP,
        reference: reference.into(),
        approved_on: NaiveDate::from_ymd_opt(2026, 4, 12).unwrap(),
        recorded_by: AgentId(1),
        note: "유선 확인 후 공문 접수".into(),
    })
}

fn to_deploy(override_reason: &str) -> Command {
    Command::Lifecycle(LifecycleCommand::Move {
        id: PATCH,
        to: Stage::Deploy,
        outcome: None,
        downtime_minutes: 0,
        reason: String::new(),
        override_reason: override_reason.into(),
        restore_minutes: None,
    })
}

/// #1 an Emergency patch in Deployment prep with every plan item done, #2 a Standard release of
/// group 2, #3 a Standard release of no group; and the step (Emergency type or group 2).
fn desk(path: &std::path::Path) -> Model {
    let mut patch = plain(1, "보안 패치");
    patch.release_type = ReleaseType::Emergency;
    patch.stage = Stage::DeploymentPrep;
    let mut mobile = plain(2, "앱");
    mobile.group_id = Some(GroupId(2));
    let mut model = model_with(path, vec![patch, mobile, plain(3, "ERP")]);
    model.set_clock(Box::new(|| at(0)));
    let edits = PlanCheck::ALL.iter().map(|c| ReadinessEdit::PlanCheck { check: *c, done: true }).collect();
    model.apply(Command::Readiness(ReadinessCommand::Edit { id: PATCH, edits })).unwrap();
    model.apply(Command::Regulator(RegulatorCommand::SaveStep(fss_step()))).unwrap();
    model
}

#[test]
fn a_required_step_closes_the_gate_naming_it_until_the_approval_is_recorded() {
    let (_dir, path) = temp_db();
    let mut model = desk(&path);
    assert_eq!(model.regulators().steps[0].name, "금감원 보고 및 승인", "trimmed");
    let release = |m: &Model, id: i64| m.release(ReleaseId(id)).unwrap().clone();
    let gate = model.deploy_gate(&release(&model, 1));
    assert_eq!(gate.regulator_missing, vec![(STEP, "금감원 보고 및 승인".to_owned())]);
    assert!(!gate.is_open());
    assert_eq!(model.regulator_steps_of(&release(&model, 2)).len(), 1, "by its group");
    assert!(model.regulator_steps_of(&release(&model, 3)).is_empty(), "neither type nor group");
    assert!(matches!(
        model.apply(to_deploy("")).unwrap_err(),
        CommandError::Move(MoveRefused::RegulatorPending { steps }) if steps == ["금감원 보고 및 승인"]
    ));
    release_desk::i18n::set_language(Language::Ko);
    let said = release_desk::i18n::command_error(&model.apply(to_deploy("")).unwrap_err());
    assert!(said.contains("금감원 보고 및 승인") && said.contains("감독기관 승인"), "{said}");
    model.apply(record(PATCH, " FSS-2026-0412 ")).unwrap();
    let (step, approval) = model.regulator_steps_of(&release(&model, 1))[0];
    assert_eq!((step.id, approval.map(|a| a.reference.as_str())), (STEP, Some("FSS-2026-0412")));
    assert_eq!(approval.unwrap().recorded_by, AgentId(1));
    assert!(model.deploy_gate(&release(&model, 1)).is_open());
    model.apply(to_deploy("")).unwrap();
    assert_eq!(model.release(PATCH).unwrap().stage, Stage::Deploy);
    // The approval is logged on the release, in Korean.
    let rows = model.store().activities_for(PATCH).unwrap();
    let row = rows.iter().find(|a| a.kind == ActivityKind::Regulator).unwrap();
    let cells = release_desk::i18n::activity_cells(row);
    let text = format!("{cells:?}");
    assert!(text.contains("FSS-2026-0412") && text.contains("2026년 4월 12일"), "{text}");
}

#[test]
fn a_written_reason_overrides_a_missing_step_and_the_log_names_it() {
    let (_dir, path) = temp_db();
    let mut model = desk(&path);
    model.apply(to_deploy("금감원 유선 보고 완료, 공문은 익일 접수")).unwrap();
    let rows = model.store().activities_for(PATCH).unwrap();
    let row = rows.iter().find(|a| a.kind == ActivityKind::Override).unwrap();
    assert!(row.changes.iter().any(|c| c.field == Field::RegulatorStep
        && matches!(&c.new, Value::RegulatorStep(n) if n.name == "금감원 보고 및 승인")));
}

#[test]
fn bad_input_is_refused_and_a_step_in_use_is_not_deleted() {
    let (_dir, path) = temp_db();
    let mut model = desk(&path);
    let refused = |m: &mut Model, c: Command| m.apply(c).unwrap_err();
    assert!(matches!(
        refused(&mut model, record(PATCH, "  ")),
        CommandError::Regulator(RegulatorInvalid::ReferenceEmpty)
    ));
    assert!(matches!(
        refused(&mut model, record(PATCH, &"X".repeat(65))),
        CommandError::Regulator(RegulatorInvalid::ReferenceTooLong(65))
    ));
    assert!(matches!(
        refused(&mut model, record(ReleaseId(3), "FSS-1")),
        CommandError::Regulator(RegulatorInvalid::NotRequired(STEP, ReleaseId(3)))
    ));
    assert!(matches!(refused(&mut model, record(ReleaseId(99), "FSS-1")), CommandError::NoSuchRelease(_)));
    let nothing = RegulatorStep { release_types: vec![], groups: vec![], ..fss_step() };
    assert!(matches!(
        refused(&mut model, Command::Regulator(RegulatorCommand::SaveStep(nothing))),
        CommandError::Regulator(RegulatorInvalid::AppliesToNothing)
    ));
    model.apply(record(PATCH, "FSS-2026-0412")).unwrap();
    model.apply(record(ReleaseId(2), "FSS-2026-0413")).unwrap();
    assert!(matches!(
        refused(&mut model, Command::Regulator(RegulatorCommand::DeleteStep(STEP))),
        CommandError::Regulator(RegulatorInvalid::InUse { approvals: 2 })
    ));
    release_desk::i18n::set_language(Language::En);
    let said =
        release_desk::i18n::command_error(&CommandError::Regulator(RegulatorInvalid::InUse { approvals: 2 }));
    assert_eq!(said, "2 approval(s) use the step; withdraw them first.");
}

#[test]
fn every_regulator_command_is_undone_exactly() {
    let (_dir, path) = temp_db();
    let mut model = desk(&path);
    let start = model.snapshot();
    model.apply(record(PATCH, "FSS-2026-0412")).unwrap();
    model.apply(record(PATCH, "FSS-2026-0412-2")).unwrap();
    let mut renamed = model.regulators().steps[0].clone();
    renamed.authority = "Financial Supervisory Service".into();
    model.apply(Command::Regulator(RegulatorCommand::SaveStep(renamed))).unwrap();
    model
        .apply(Command::Regulator(RegulatorCommand::SaveStep(RegulatorStep {
            name: "한국은행 보고".into(),
            ..fss_step()
        })))
        .unwrap();
    model
        .apply(Command::Regulator(RegulatorCommand::WithdrawApproval { release: PATCH, step: STEP }))
        .unwrap();
    model.apply(Command::Regulator(RegulatorCommand::DeleteStep(RegulatorStepId(2)))).unwrap();
    let end = model.snapshot();
    assert_eq!(model.reload_snapshot().unwrap(), end);
    for _ in 0..6 {
        model.undo().unwrap().unwrap();
        assert_eq!(model.reload_snapshot().unwrap(), model.snapshot());
    }
    assert_eq!(model.snapshot(), start);
    for _ in 0..6 {
        model.redo().unwrap().unwrap();
    }
    assert_eq!(model.snapshot(), end);
    assert_eq!(model.reload_snapshot().unwrap(), end);
    let label = |command: &Command| release_desk::i18n::command_label(command, model.directory());
    release_desk::i18n::set_language(Language::Ko);
    assert_eq!(label(&record(PATCH, "FSS-1")), "#1의 감독기관 승인 FSS-1을(를) 기록했습니다");
    release_desk::i18n::set_language(Language::En);
    assert_eq!(label(&record(PATCH, "FSS-1")), "record the regulator's approval FSS-1 of #1");
}

#[test]
fn an_archive_carries_the_steps_and_their_approvals() {
    let (_dir, path) = temp_db();
    let mut model = desk(&path);
    model.apply(record(PATCH, "FSS-2026-0412")).unwrap();
    let json = release_desk::export::archive::to_json(&model, at(1)).unwrap();
    let contents = release_desk::export::archive::read_bytes("all.json", json.as_bytes()).unwrap();
    assert_eq!(contents.snapshot.regulators, *model.regulators());
    let (_dir2, copy) = temp_db();
    let mut other = Model::open(&copy).unwrap();
    other.apply(Command::Import(ImportCommand::Archive(Box::new(contents)))).unwrap();
    assert_eq!(other.regulators(), model.regulators());
    assert_eq!(other.regulators().approvals.len(), 1);
    // An archive from before regulator steps has none.
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    value.as_object_mut().unwrap().remove("regulators");
    let old = release_desk::export::archive::read_bytes("old.json", value.to_string().as_bytes()).unwrap();
    assert_eq!(old.snapshot.regulators, Default::default());
}

#[test]
fn a_schema_11_file_gains_regulator_steps() {
    use release_desk::store::schema::{create_at_version, latest_version, unexpected_objects};
    let (_dir, path) = temp_db();
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        create_at_version(&mut conn, 11).unwrap();
        assert!(unexpected_objects(&conn, 11).unwrap().is_empty());
        conn.execute(
            "INSERT INTO releases (id, subject, status, priority, release_type, planned_start, planned_end, \
             created_at, updated_at) VALUES (1, '코어뱅킹 보안 패치', 1, 4, 4, 1796000000, 1796021600, 1795000000, \
             1795000000)",
            [],
        )
        .unwrap();
        conn.execute("INSERT INTO agents (id, name, email) VALUES (1, '김민준', '')", []).unwrap();
    }
    let mut model = Model::open(&path).unwrap();
    assert_eq!(model.store().schema_version().unwrap(), latest_version());
    assert!(model.regulators().steps.is_empty());
    model.apply(Command::Regulator(RegulatorCommand::SaveStep(fss_step()))).unwrap_err();
    let step = RegulatorStep { groups: vec![], ..fss_step() };
    model.apply(Command::Regulator(RegulatorCommand::SaveStep(step))).unwrap();
    model.apply(record(PATCH, "FSS-2026-0412")).unwrap();
    drop(model);
    let model = Model::open(&path).unwrap();
    assert_eq!(model.regulators().approvals[0].reference, "FSS-2026-0412");
    assert_eq!(model.regulators().approvals[0].approved_on, NaiveDate::from_ymd_opt(2026, 4, 12).unwrap());
    assert!(model.deploy_gate(model.release(PATCH).unwrap()).regulator_missing.is_empty());
}

#[test]
fn the_sample_requires_the_fss_step_of_emergency_releases_and_todays_patch_waits_for_it() {
    use release_desk::model::SampleCommand;
    let (_dir, path) = temp_db();
    let mut model = Model::open(&path).unwrap();
    let data = release_desk::domain::sample::scenarios(crate::common::t0());
    model.apply(Command::Sample(SampleCommand::Load { data, force: false })).unwrap();
    let step = &model.regulators().steps[0];
    assert_eq!((step.name.as_str(), step.authority.as_str()), ("금감원 보고 및 승인", "금융감독원"));
    assert_eq!(step.release_types, vec![ReleaseType::Emergency]);
    let find = |text: &str| model.releases().iter().find(|r| r.subject.contains(text)).unwrap();
    for past in ["인터넷뱅킹 웹서버", "코어뱅킹 보안 패치"] {
        let steps = model.regulator_steps_of(find(past));
        let approval = steps[0].1.unwrap_or_else(|| panic!("{past} was approved"));
        assert!(approval.reference.starts_with("FSS-20"), "{}", approval.reference);
    }
    let today = find("모바일 뱅킹 앱 보안 업데이트");
    let gate = model.deploy_gate(today);
    assert_eq!(gate.regulator_missing, vec![(step.id, "금감원 보고 및 승인".to_owned())]);
    // Every Emergency release whose work started has its approval.
    for r in
        model.releases().iter().filter(|r| r.release_type == ReleaseType::Emergency && r.work_start.is_some())
    {
        assert!(model.regulators().missing(r).is_empty(), "#{}", r.id);
    }
    assert_eq!(model.reload_snapshot().unwrap(), model.snapshot());
}
