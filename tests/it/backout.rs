//! Back-out plans, impact analyses and reviews (issue 15): the Deploy gate's back-out warnings,
//! a rollback's restore time against its target, CI criticality and dependencies behind the
//! affected CIs and the risk level, review follow-ups that become tasks, and undo of each.

use crate::common::{at, model_with, plain, t0, temp_db};
use release_desk::domain::readiness::RiskLevel;
use release_desk::domain::{
    ActivityKind, BackoutEdit, BackoutWarning, CiKind, ConfigItem, ConfigItemId, Criticality, Field,
    ImpactAnalysis, MitigationItem, PlanCheck, ReadinessEdit, RegistryInvalid, Rehearsal, RehearsalResult,
    ReleaseId, ReleaseType, ReviewRefused, Stage, TaskFields, TaskStatus, Value,
};
use release_desk::model::{
    BackoutCommand, Command, CommandError, ImpactCommand, LifecycleCommand, Model, ReadinessCommand,
    RegistryCommand, ReviewCommand,
};

const R: ReleaseId = ReleaseId(1);

fn move_to(to: Stage, restore_minutes: Option<u32>) -> Command {
    Command::Lifecycle(LifecycleCommand::Move {
        id: R,
        to,
        outcome: Some(release_desk::domain::Outcome::Successful),
        downtime_minutes: 0,
        reason: "배포 후 오류율 급증".into(),
        override_reason: String::new(),
        restore_minutes,
    })
}

fn major(path: &std::path::Path) -> Model {
    let mut release = plain(1, "롯데그룹 ERP 본사 적용");
    release.release_type = ReleaseType::Major;
    let mut model = model_with(path, vec![release]);
    let edits = PlanCheck::ALL.iter().map(|c| ReadinessEdit::PlanCheck { check: *c, done: true }).collect();
    model.apply(Command::Readiness(ReadinessCommand::Edit { id: R, edits })).unwrap();
    model
}

fn edit(model: &mut Model, edits: Vec<BackoutEdit>) {
    model.apply(Command::Backout(BackoutCommand::Edit { release: R, edits })).unwrap();
}

fn rehearsal(restore_minutes: u32, result: RehearsalResult, days_ago: i64) -> BackoutEdit {
    BackoutEdit::PutRehearsal(Rehearsal {
        id: 0,
        date: t0() - chrono::Duration::days(days_ago),
        restore_minutes,
        result,
        note: "주말 야간 리허설".into(),
    })
}

fn warnings(model: &Model) -> Vec<BackoutWarning> {
    model.deploy_gate(model.release(R).unwrap()).backout_warnings
}

#[test]
fn the_deploy_gate_warns_about_the_back_out_plan_without_blocking() {
    let (_dir, path) = temp_db();
    let mut model = major(&path);
    assert_eq!(warnings(&model), vec![BackoutWarning::NoPlan]);
    assert!(model.deploy_gate(model.release(R).unwrap()).is_open(), "a warning does not close the gate");

    // A plan gets the Major target (4 hours); a rehearsal over it warns, a later one within clears it.
    edit(&mut model, vec![BackoutEdit::GoNoGo("오류율 1% 초과 10분 지속 시 원복".into())]);
    assert_eq!(model.backout(R).unwrap().restore_target_minutes, 240);
    assert!(warnings(&model).is_empty(), "a plan never rehearsed does not warn");
    edit(&mut model, vec![rehearsal(270, RehearsalResult::Pass, 7)]);
    assert_eq!(
        warnings(&model),
        vec![BackoutWarning::LastRehearsalMissed {
            restore_minutes: 270,
            target_minutes: 240,
            result: RehearsalResult::Pass
        }]
    );
    edit(&mut model, vec![rehearsal(200, RehearsalResult::Fail, 2)]);
    assert!(matches!(
        warnings(&model)[..],
        [BackoutWarning::LastRehearsalMissed { result: RehearsalResult::Fail, .. }]
    ));
    edit(&mut model, vec![rehearsal(190, RehearsalResult::Pass, 1)]);
    assert!(warnings(&model).is_empty());

    // A Standard release needs none.
    let mut standard = plain(2, "사내 포털 검색 개선");
    standard.release_type = ReleaseType::Standard;
    assert!(model.backout_warnings(&standard).is_empty());

    // With a warning the release still deploys without an override.
    edit(&mut model, vec![BackoutEdit::RestoreTarget(120)]);
    assert_eq!(warnings(&model).len(), 1);
    for to in [Stage::BuildTest, Stage::DeploymentPrep, Stage::Deploy] {
        model.apply(move_to(to, None)).unwrap();
    }
    assert_eq!(model.release(R).unwrap().stage, Stage::Deploy);
    assert!(model.stage_history(R).last().unwrap().override_reason.is_empty());
}

#[test]
fn back_out_edits_are_checked_logged_and_undone() {
    let (_dir, path) = temp_db();
    let mut model = major(&path);
    let before = model.snapshot();
    let refused = model.apply(Command::Backout(BackoutCommand::Edit {
        release: R,
        edits: vec![BackoutEdit::RestoreTarget(0)],
    }));
    assert!(matches!(refused, Err(CommandError::Backout(_))));
    assert_eq!(model.snapshot(), before, "a refused edit changes nothing");
    edit(
        &mut model,
        vec![
            BackoutEdit::DecisionPoint(Some(120)),
            BackoutEdit::RestoreTarget(180),
            rehearsal(150, RehearsalResult::Pass, 3),
        ],
    );
    let plan = model.backout(R).unwrap();
    assert_eq!(
        (plan.decision_point_minutes, plan.restore_target_minutes, plan.rehearsals.len()),
        (Some(120), 180, 1)
    );
    let log = model.activities_for(R).unwrap();
    let row = log.iter().find(|a| a.kind == ActivityKind::Backout).unwrap();
    assert_eq!(row.change(&Field::RestoreTarget).unwrap().new, Value::Minutes(180));
    assert!(matches!(row.change(&Field::Rehearsal).unwrap().new, Value::Rehearsal(_)));
    assert_eq!(model.reload_snapshot().unwrap(), model.snapshot());
    model.undo().unwrap();
    assert_eq!(model.backout(R), None, "one undo takes the new plan away");
    model.redo().unwrap();
    model.apply(Command::Backout(BackoutCommand::Remove(R))).unwrap();
    assert_eq!(model.backout(R), None);
    model.undo().unwrap();
    assert_eq!(
        model.backout(R).unwrap().rehearsals.len(),
        1,
        "undo brings the plan back with its rehearsals"
    );
}

#[test]
fn a_rollback_records_its_restore_time_against_the_target() {
    let (_dir, path) = temp_db();
    let mut model = major(&path);
    edit(&mut model, vec![BackoutEdit::RestoreTarget(240)]);
    for to in [Stage::BuildTest, Stage::DeploymentPrep, Stage::Deploy] {
        model.apply(move_to(to, None)).unwrap();
    }
    model.set_clock(Box::new(|| at(3)));
    model.apply(move_to(Stage::Rollback, Some(300))).unwrap();
    let entry = (*model.stage_history(R).last().unwrap()).clone();
    assert_eq!(
        (entry.stage, entry.restore_minutes, entry.restore_target_minutes),
        (Stage::Rollback, Some(300), Some(240))
    );
    assert_eq!(entry.restore_missed(), Some(true));
    let log = model.activities_for(R).unwrap();
    let note = log.iter().find(|a| a.kind == ActivityKind::StageNote).unwrap();
    assert_eq!(note.change(&Field::RestoreTime).unwrap().new, Value::Minutes(300));
    assert_eq!(model.reload_snapshot().unwrap(), model.snapshot(), "the restore time is in the file");

    // Back through Build & Test, a second rollback within the target.
    for to in [Stage::BuildTest, Stage::DeploymentPrep, Stage::Deploy] {
        model.apply(move_to(to, None)).unwrap();
    }
    model.apply(move_to(Stage::Rollback, Some(95))).unwrap();
    assert_eq!(model.stage_history(R).last().unwrap().restore_missed(), Some(false));
    // A release without a plan records the time, without a target.
    let mut bare = plain(1, "x");
    bare.stage = Stage::Deploy;
    let refused = release_desk::domain::lifecycle::transition(
        &bare,
        &release_desk::domain::lifecycle::MoveRequest {
            to: Stage::Rollback,
            reason: "x".into(),
            restore_minutes: Some(10_000_000),
            ..Default::default()
        },
        &Default::default(),
        None,
        t0(),
    );
    assert!(refused.is_err(), "a restore time over a year is refused");
}

fn ci(id: i64, name: &str, criticality: Criticality, depends_on: &[i64]) -> ConfigItem {
    ConfigItem {
        criticality,
        depends_on: depends_on.iter().copied().map(ConfigItemId).collect(),
        ..ConfigItem::new(ConfigItemId(id), name, CiKind::Service)
    }
}

#[test]
fn ci_dependencies_feed_the_affected_items_and_the_risk_level() {
    let (_dir, path) = temp_db();
    let mut model = major(&path);
    for name in ["코어뱅킹 DB (Oracle RAC)", "인증 게이트웨이", "인터넷뱅킹"] {
        model
            .apply(Command::Registry(RegistryCommand::CreateConfigItem {
                name: name.into(),
                kind: CiKind::Service,
                link_to: (name.starts_with("코어")).then_some(R),
            }))
            .unwrap();
    }
    let update = |item: ConfigItem| Command::Registry(RegistryCommand::UpdateConfigItem(item));
    model.apply(update(ci(1, "코어뱅킹 DB (Oracle RAC)", Criticality::Critical, &[]))).unwrap();
    model.apply(update(ci(2, "인증 게이트웨이", Criticality::High, &[1]))).unwrap();
    model.apply(update(ci(3, "인터넷뱅킹", Criticality::High, &[2]))).unwrap();
    let cycle =
        model.apply(update(ci(1, "코어뱅킹 DB (Oracle RAC)", Criticality::Critical, &[3]))).err().unwrap();
    assert!(
        matches!(cycle, CommandError::Registry(RegistryInvalid::DependencyCycle(ConfigItemId(3)))),
        "{cycle:?}"
    );
    assert!(model.apply(update(ci(2, "인증 게이트웨이", Criticality::High, &[99]))).is_err(), "unknown CI");
    assert!(model.apply(update(ci(2, "인증 게이트웨이", Criticality::High, &[2]))).is_err(), "itself");

    let release = model.release(R).unwrap();
    let affected: Vec<_> =
        model.affected_items(release).iter().map(|a| (a.item.0, a.via.map(|v| v.0))).collect();
    assert_eq!(affected, [(1, None), (2, Some(1)), (3, Some(2))], "linked, then what depends on it");
    // The default register (3 x 3) is Medium; touching a Critical CI raises it to High.
    assert_eq!(model.risk_level(release), RiskLevel::High);
    let log = model.store().all_activities().unwrap();
    assert!(log.iter().any(|a| a.kind == ActivityKind::ConfigItem && a.change(&Field::DependsOn).is_some()));
    assert_eq!(model.reload_snapshot().unwrap(), model.snapshot());
}

#[test]
fn an_impact_analysis_is_set_and_removed() {
    let (_dir, path) = temp_db();
    let mut model = major(&path);
    let impact = ImpactAnalysis {
        users_affected: "전 영업점 ATM, KB스타뱅킹 사용자".into(),
        expected_downtime_minutes: 30,
        summary: "인증 모듈만 영향. 이체 모듈 영향 없음.".into(),
    };
    model.apply(Command::Impact(ImpactCommand::Set { release: R, impact: Some(impact.clone()) })).unwrap();
    assert_eq!(model.impact(R), Some(&impact));
    assert_eq!(model.reload_snapshot().unwrap(), model.snapshot());
    let empty = ImpactAnalysis::default();
    model.apply(Command::Impact(ImpactCommand::Set { release: R, impact: Some(empty) })).unwrap();
    assert_eq!(model.impact(R), None, "an empty analysis is none");
    model.undo().unwrap();
    assert_eq!(model.impact(R), Some(&impact));
}

#[test]
fn review_follow_ups_become_tasks_in_one_command() {
    let (_dir, path) = temp_db();
    let mut model = major(&path);
    let save = |follow_ups: Vec<TaskFields>| {
        Command::Review(ReviewCommand::Save {
            release: R,
            went_well: "리허설 덕분에 원복이 매끄러웠음".into(),
            went_wrong: "마감 배치가 18분 늘어남".into(),
            lessons: "인덱스 재구성을 이관 전에 수행".into(),
            follow_ups,
        })
    };
    let follow_up = |title: &str| TaskFields { title: title.into(), ..TaskFields::default() };
    let early = model.apply(save(vec![])).err().unwrap();
    assert!(
        matches!(early, CommandError::Review(ReviewRefused::NotYet)),
        "not before Complete or a rollback"
    );

    for to in [Stage::BuildTest, Stage::DeploymentPrep, Stage::Deploy, Stage::VerifyMonitor, Stage::Complete]
    {
        model.apply(move_to(to, None)).unwrap();
    }
    assert_eq!(model.closed_without_review(), 1);
    let empty = Command::Review(ReviewCommand::Save {
        release: R,
        went_well: " ".into(),
        went_wrong: String::new(),
        lessons: String::new(),
        follow_ups: vec![],
    });
    assert!(matches!(model.apply(empty).err().unwrap(), CommandError::Review(ReviewRefused::Empty)));

    let tasks_before = model.tasks().len();
    let before = model.snapshot();
    model
        .apply(save(vec![follow_up("배치 인덱스 재구성 자동화"), follow_up("계열사 공지 템플릿 정리")]))
        .unwrap();
    let review = model.review(R).unwrap().clone();
    assert_eq!(review.follow_ups.len(), 2);
    let tasks = model.tasks_for(R);
    assert_eq!(model.tasks().len(), tasks_before + 2);
    for id in &review.follow_ups {
        let task = tasks.iter().find(|t| t.id == *id).expect("a follow-up is a task of the release");
        assert_eq!(task.fields.status, TaskStatus::Open);
    }
    assert_eq!(review.reviewed_at, Some(t0()));
    assert_eq!(model.closed_without_review(), 0);
    let readiness = model.readiness(R);
    assert!(readiness.mitigation_done.contains(&MitigationItem::PostReview));
    assert!(readiness.mitigation_done.contains(&MitigationItem::LessonsLearned));
    assert_eq!(model.reload_snapshot().unwrap(), model.snapshot());

    // Saving again adds a follow-up and keeps the earlier ones.
    model.apply(save(vec![follow_up("원복 스크립트 문서화")])).unwrap();
    assert_eq!(model.review(R).unwrap().follow_ups.len(), 3);
    model.undo().unwrap();
    model.undo().unwrap();
    assert_eq!(model.snapshot(), before, "undo takes the review, its tasks and the ticks back");
}

#[test]
fn show_json_carries_the_back_out_plan_impact_risk_level_and_review() {
    let (_dir, path) = temp_db();
    let mut model = major(&path);
    edit(
        &mut model,
        vec![
            BackoutEdit::GoNoGo("오류율 1% 초과".into()),
            BackoutEdit::DecisionPoint(Some(120)),
            rehearsal(200, RehearsalResult::Pass, 3),
        ],
    );
    let impact = ImpactAnalysis {
        users_affected: "본사".into(),
        expected_downtime_minutes: 45,
        summary: "회계".into(),
    };
    model.apply(Command::Impact(ImpactCommand::Set { release: R, impact: Some(impact) })).unwrap();
    for to in [Stage::BuildTest, Stage::DeploymentPrep, Stage::Deploy] {
        model.apply(move_to(to, None)).unwrap();
    }
    model.apply(move_to(Stage::Rollback, Some(180))).unwrap();
    let follow_up = TaskFields { title: "리허설 재실시".into(), ..TaskFields::default() };
    model
        .apply(Command::Review(ReviewCommand::Save {
            release: R,
            went_well: "원복 절차대로 진행".into(),
            went_wrong: String::new(),
            lessons: String::new(),
            follow_ups: vec![follow_up],
        }))
        .unwrap();
    drop(model);
    let out = crate::common::cli(&["--db", path.to_str().unwrap(), "show", "1", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let plan = &json["backout_plan"];
    for key in [
        "description",
        "checklist",
        "go_no_go",
        "decision_point_minutes",
        "restore_target_minutes",
        "rehearsals",
    ] {
        assert!(plan.get(key).is_some(), "backout_plan.{key} missing: {plan}");
    }
    assert_eq!(plan["restore_target_minutes"], 240);
    assert_eq!(plan["decision_point_minutes"], 120);
    assert_eq!(plan["rehearsals"][0]["restore_minutes"], 200);
    assert_eq!(json["impact"]["expected_downtime_minutes"], 45);
    assert!(json["impact"]["affected_items"].is_array());
    assert_eq!(json["risk_level"], "medium");
    assert_eq!(json["review"]["follow_ups"][0]["title"], "리허설 재실시");
    let rollback = json["stage_history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (rollback["restore_minutes"].clone(), rollback["restore_target_minutes"].clone()),
        (180.into(), 240.into())
    );
}
