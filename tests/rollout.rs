//! Changes and CIs, the lifecycle with its Deploy gate and rollback, readiness, risks and the
//! deployment strategy: rules, the command path through the store, undo, sample data and the CLI.

#![allow(clippy::unwrap_used)]

mod common;

use common::{at, model_with, plain, t0, temp_db};
use release_desk::domain::lifecycle::{DeployGate, MoveRequest, transition};
use release_desk::domain::{
    AgentId, CabApproval, Change, ChangeRisk, CiKind, DeploymentPhase, MitigationItem, MoveRefused, Outcome,
    PhaseStatus, PlanCheck, ReadinessEdit, ReleaseId, RiskKind, Stage, Status, Strategy,
};
use release_desk::model::{Command, CommandError, Model};

const R: ReleaseId = ReleaseId(1);

fn move_to(to: Stage) -> Command {
    Command::MoveStage {
        id: R,
        to,
        outcome: None,
        downtime_minutes: 0,
        reason: String::new(),
        override_reason: String::new(),
    }
}

fn tick_plan(model: &mut Model) {
    let edits = PlanCheck::ALL.iter().map(|c| ReadinessEdit::PlanCheck { check: *c, done: true }).collect();
    model.apply(Command::EditReadiness { id: R, edits }).unwrap();
}

fn stage(model: &Model) -> Stage {
    model.release(R).unwrap().stage
}

// ---------------------------------------------------------------- rules

#[test]
fn every_allowed_and_every_refused_move() {
    let allowed: &[(Stage, Stage)] = &[
        (Stage::Plan, Stage::BuildTest),
        (Stage::BuildTest, Stage::DeploymentPrep),
        (Stage::DeploymentPrep, Stage::Deploy),
        (Stage::Deploy, Stage::VerifyMonitor),
        (Stage::Deploy, Stage::Rollback),
        (Stage::VerifyMonitor, Stage::Complete),
        (Stage::VerifyMonitor, Stage::Rollback),
        (Stage::Rollback, Stage::BuildTest),
    ];
    let open = DeployGate::default();
    for from in Stage::ALL {
        for to in Stage::ALL {
            let mut release = plain(1, "r");
            release.stage = from;
            let request = MoveRequest {
                to,
                outcome: Some(Outcome::Successful),
                downtime_minutes: 0,
                reason: "why".into(),
                override_reason: String::new(),
            };
            let result = transition(&release, &request, &open, None, t0());
            if allowed.contains(&(from, to)) {
                let moved = result.unwrap_or_else(|e| panic!("{from:?} -> {to:?} refused: {e}"));
                assert_eq!(moved.release.stage, to);
                assert_eq!(moved.entry.stage, to);
                assert_eq!(moved.entry.entered_at, t0());
                assert!(from.next_stages().contains(&to));
            } else {
                assert_eq!(result, Err(MoveRefused::NotAllowed { from, to }), "{from:?} -> {to:?}");
                assert!(!from.next_stages().contains(&to));
            }
        }
    }
}

#[test]
fn moves_need_their_inputs() {
    let mut release = plain(1, "r");
    release.stage = Stage::VerifyMonitor;
    let open = DeployGate::default();
    let complete = MoveRequest { to: Stage::Complete, ..MoveRequest::default() };
    assert_eq!(transition(&release, &complete, &open, None, t0()), Err(MoveRefused::OutcomeRequired));
    let rollback = MoveRequest { to: Stage::Rollback, reason: "   ".into(), ..MoveRequest::default() };
    assert_eq!(transition(&release, &rollback, &open, None, t0()), Err(MoveRefused::ReasonRequired));
    let huge = MoveRequest {
        to: Stage::Rollback,
        reason: "x".into(),
        downtime_minutes: 10_000_000,
        ..MoveRequest::default()
    };
    assert_eq!(transition(&release, &huge, &open, None, t0()), Err(MoveRefused::DowntimeTooLong(10_000_000)));
    release.deleted_at = Some(t0());
    let verify = MoveRequest { to: Stage::Rollback, reason: "x".into(), ..MoveRequest::default() };
    assert_eq!(transition(&release, &verify, &open, None, t0()), Err(MoveRefused::InTrash));
}

// ---------------------------------------------------------------- through the model

#[test]
fn the_deploy_gate_refuses_until_approved_and_ready_or_overridden_with_a_logged_reason() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "ERP 본사 적용")]);
    model.apply(Command::SetCurrentAgent(Some(AgentId(1)))).unwrap();
    model
        .apply(Command::CreateChange {
            subject: "SAP 패치 스택".into(),
            approval: CabApproval::Pending,
            risk: ChangeRisk::High,
            link_to: Some(R),
        })
        .unwrap();
    model.apply(move_to(Stage::BuildTest)).unwrap();
    model.apply(move_to(Stage::DeploymentPrep)).unwrap();

    // Pending Change and an empty checklist: refused, nothing changes.
    let before = model.snapshot();
    let err = model.apply(move_to(Stage::Deploy)).err().unwrap();
    match &err {
        CommandError::Move(MoveRefused::GateClosed { unapproved_changes, readiness_missing }) => {
            assert_eq!(unapproved_changes, &vec![1]);
            assert_eq!(*readiness_missing, 6);
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(model.snapshot(), before);

    // Ready, but the Change is still pending: still refused.
    tick_plan(&mut model);
    let err = model.apply(move_to(Stage::Deploy)).err().unwrap();
    assert!(matches!(err, CommandError::Move(MoveRefused::GateClosed { readiness_missing: 0, .. })));

    // Approved and ready: through.
    model
        .apply(Command::UpdateChange(Change {
            id: 1,
            subject: "SAP 패치 스택".into(),
            approval: CabApproval::Approved,
            risk: ChangeRisk::High,
        }))
        .unwrap();
    assert!(model.deploy_gate(model.release(R).unwrap()).is_open());
    model.apply(move_to(Stage::Deploy)).unwrap();
    assert_eq!(stage(&model), Stage::Deploy);

    // A second release with a rejected Change goes through only on a written override.
    let mut other = plain(2, "ERP 계열사 적용");
    other.stage = Stage::DeploymentPrep;
    model
        .apply(Command::Revert {
            label: "add".into(),
            mutations: vec![release_desk::store::Mutation::PutRelease(other)],
        })
        .unwrap();
    model
        .apply(Command::CreateChange {
            subject: "EDI 변경".into(),
            approval: CabApproval::Rejected,
            risk: ChangeRisk::Medium,
            link_to: Some(ReleaseId(2)),
        })
        .unwrap();
    let deploy = |override_reason: &str| Command::MoveStage {
        id: ReleaseId(2),
        to: Stage::Deploy,
        outcome: None,
        downtime_minutes: 0,
        reason: String::new(),
        override_reason: override_reason.into(),
    };
    assert!(model.apply(deploy("  ")).is_err(), "a blank reason is no reason");
    model.apply(deploy("CAB 긴급 승인 (전화), 회의록은 월요일 등록")).unwrap();
    let released = model.release(ReleaseId(2)).unwrap();
    assert_eq!(released.stage, Stage::Deploy);
    let history = model.stage_history(ReleaseId(2));
    assert_eq!(history.last().unwrap().override_reason, "CAB 긴급 승인 (전화), 회의록은 월요일 등록");
    let log = model.activities_for(ReleaseId(2)).unwrap();
    let logged = log.iter().find(|a| a.kind == "override").expect("the override is logged");
    assert_eq!(logged.new_value, "CAB 긴급 승인 (전화), 회의록은 월요일 등록");
    assert!(logged.old_value.contains("1 unapproved"), "{}", logged.old_value);
    assert_eq!(logged.actor, Some(AgentId(1)));
}

#[test]
fn rollback_and_complete_set_their_fields_and_the_history_persists() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "KB 코어뱅킹 보안 패치")]);
    model.apply(Command::SetCurrentAgent(Some(AgentId(3)))).unwrap();
    tick_plan(&mut model);
    let set_now = |model: &mut Model, hours: i64| model.set_clock(Box::new(move || at(hours)));

    for s in [Stage::BuildTest, Stage::DeploymentPrep, Stage::Deploy] {
        model.apply(move_to(s)).unwrap();
    }
    let r = model.release(R).unwrap();
    assert_eq!(r.work_start, Some(t0()), "entering Deploy fills the work start");
    assert_eq!(r.status, Status::InProgress);
    set_now(&mut model, 1);
    model.apply(move_to(Stage::VerifyMonitor)).unwrap();

    // Rollback: a reason is required; the count and downtime grow; status Incomplete.
    set_now(&mut model, 2);
    assert!(model.apply(move_to(Stage::Rollback)).is_err());
    model
        .apply(Command::MoveStage {
            id: R,
            to: Stage::Rollback,
            outcome: None,
            downtime_minutes: 35,
            reason: "ATM 인증 실패".into(),
            override_reason: String::new(),
        })
        .unwrap();
    let r = model.release(R).unwrap().clone();
    assert_eq!(
        (r.stage, r.status, r.rollback_count, r.downtime_minutes),
        (Stage::Rollback, Status::Incomplete, 1, 35)
    );
    assert_eq!(r.outcome, None);
    assert!(model.apply(move_to(Stage::Deploy)).is_err(), "Rollback goes back to Build & Test first");

    // Redeploy the next day: the work start stays the first attempt's.
    set_now(&mut model, 24);
    for s in [Stage::BuildTest, Stage::DeploymentPrep, Stage::Deploy, Stage::VerifyMonitor] {
        model.apply(move_to(s)).unwrap();
    }
    assert_eq!(model.release(R).unwrap().work_start, Some(t0()));
    assert_eq!(model.release(R).unwrap().status, Status::InProgress);

    // Complete: the outcome is required; work end, closed at, downtime, status are set.
    set_now(&mut model, 27);
    assert!(matches!(
        model.apply(move_to(Stage::Complete)).err().unwrap(),
        CommandError::Move(MoveRefused::OutcomeRequired)
    ));
    model
        .apply(Command::MoveStage {
            id: R,
            to: Stage::Complete,
            outcome: Some(Outcome::Successful),
            downtime_minutes: 5,
            reason: String::new(),
            override_reason: String::new(),
        })
        .unwrap();
    let r = model.release(R).unwrap().clone();
    assert_eq!(r.stage, Stage::Complete);
    assert_eq!(r.status, Status::Completed);
    assert_eq!(r.outcome, Some(Outcome::Successful));
    assert_eq!(r.closed_at, Some(at(27)));
    assert_eq!(r.work_end, Some(at(27)));
    assert_eq!((r.rollback_count, r.downtime_minutes), (1, 40));
    for to in Stage::ALL {
        assert!(model.apply(move_to(to)).is_err(), "Complete is final ({to:?})");
    }

    let stages: Vec<Stage> = model.stage_history(R).iter().map(|e| e.stage).collect();
    assert_eq!(
        stages,
        [
            Stage::BuildTest,
            Stage::DeploymentPrep,
            Stage::Deploy,
            Stage::VerifyMonitor,
            Stage::Rollback,
            Stage::BuildTest,
            Stage::DeploymentPrep,
            Stage::Deploy,
            Stage::VerifyMonitor,
            Stage::Complete
        ]
    );
    let rollback = model.stage_history(R)[4].clone();
    assert_eq!((rollback.note.as_str(), rollback.downtime_minutes), ("ATM 인증 실패", 35));
    assert_eq!(rollback.entered_at, at(2));
    assert_eq!(rollback.actor, Some(AgentId(3)));
    let log = model.activities_for(R).unwrap();
    assert!(log.iter().any(|a| a.kind == "stage_note" && a.new_value == "ATM 인증 실패"));
    assert!(log.iter().any(|a| a.kind == "stage" && a.field == "rollback_count" && a.new_value == "1"));

    let in_memory = model.snapshot();
    drop(model);
    let reopened = Model::open(&path).unwrap();
    assert_eq!(reopened.snapshot(), in_memory);
    assert_eq!(reopened.stage_history(R).len(), 10);
}

#[test]
#[allow(clippy::vec_init_then_push)]
fn registries_and_links_round_trip_and_undo_exactly() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "ERP"), plain(2, "앱")]);
    let start = model.snapshot();
    let mut undo = Vec::new();
    undo.push(
        model
            .apply(Command::CreateConfigItem {
                name: " ERP-DB-01 SAP HANA ".into(),
                kind: CiKind::Database,
                link_to: Some(R),
            })
            .unwrap(),
    );
    undo.push(
        model
            .apply(Command::CreateConfigItem {
                name: "주문 API".into(),
                kind: CiKind::Service,
                link_to: None,
            })
            .unwrap(),
    );
    undo.push(model.apply(Command::LinkConfigItem { release: R, item: 2, linked: true }).unwrap());
    undo.push(model.apply(Command::LinkConfigItem { release: R, item: 1, linked: false }).unwrap());
    undo.push(
        model
            .apply(Command::CreateChange {
                subject: "배포".into(),
                approval: CabApproval::Approved,
                risk: ChangeRisk::Low,
                link_to: None,
            })
            .unwrap(),
    );
    undo.push(model.apply(Command::LinkChange { release: ReleaseId(2), change: 1, linked: true }).unwrap());
    let r = model.release(R).unwrap();
    assert_eq!(r.assets, vec![2]);
    assert_eq!(model.registry().config_item(1).unwrap().name, "ERP-DB-01 SAP HANA");
    assert_eq!(model.release(ReleaseId(2)).unwrap().associated_change_ids, vec![1]);

    // Refusals leave everything as it was.
    let before = model.snapshot();
    assert!(matches!(
        model.apply(Command::LinkChange { release: R, change: 99, linked: true }).err().unwrap(),
        CommandError::NoSuchChange(99)
    ));
    assert!(matches!(
        model.apply(Command::LinkConfigItem { release: R, item: 99, linked: true }).err().unwrap(),
        CommandError::NoSuchConfigItem(99)
    ));
    assert!(
        model
            .apply(Command::CreateChange {
                subject: "  ".into(),
                approval: CabApproval::Pending,
                risk: ChangeRisk::Low,
                link_to: None
            })
            .is_err()
    );
    assert!(
        model
            .apply(Command::CreateConfigItem {
                name: "x".into(),
                kind: CiKind::Server,
                link_to: Some(ReleaseId(9))
            })
            .is_err()
    );
    assert_eq!(model.snapshot(), before);

    let log = model.activities_for(R).unwrap();
    assert!(log.iter().any(|a| a.kind == "link" && a.field == "assets" && a.new_value == "2"));

    let in_memory = model.snapshot();
    drop(model);
    let mut model = Model::open(&path).unwrap();
    assert_eq!(model.snapshot(), in_memory);

    for applied in undo.into_iter().rev() {
        model
            .apply(Command::Revert { label: format!("undo {}", applied.label), mutations: applied.inverse })
            .unwrap();
    }
    assert_eq!(model.snapshot(), start);
    assert_eq!(model.reload_snapshot().unwrap(), start);
}

#[test]
fn readiness_risks_and_strategy_round_trip_and_undo_exactly() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "ERP")]);
    let start = model.snapshot();
    assert_eq!(model.readiness(R).risks.len(), 4, "prefilled with the brief's four risks");
    let mut risk = model.readiness(R).risks[0].clone();
    risk.likelihood = 4;
    risk.impact = 5;
    risk.mitigation = "4시간 내 원복 리허설".into();
    risk.owner = Some(AgentId(1));
    let phase = |name: &str, status| DeploymentPhase {
        name: name.into(),
        planned_start: Some(at(24)),
        planned_end: Some(at(30)),
        status,
    };
    let edits = vec![
        ReadinessEdit::PlanCheck { check: PlanCheck::GoalsScope, done: true },
        ReadinessEdit::Mitigation { item: MitigationItem::RollbackPlan, done: true },
        ReadinessEdit::PutRisk(risk.clone()),
        ReadinessEdit::RemoveRisk(4),
        ReadinessEdit::Strategy(Strategy::Phased),
        ReadinessEdit::PutPhase { index: None, phase: phase("본사", PhaseStatus::Done) },
        ReadinessEdit::PutPhase { index: None, phase: phase("주요 계열사", PhaseStatus::InProgress) },
        ReadinessEdit::PutPhase { index: None, phase: phase("전체 계열사", PhaseStatus::Pending) },
    ];
    let a = model.apply(Command::EditReadiness { id: R, edits }).unwrap();
    let b = model
        .apply(Command::EditReadiness {
            id: R,
            edits: vec![ReadinessEdit::MovePhase { index: 2, earlier: true }],
        })
        .unwrap();
    let readiness = model.readiness(R).into_owned();
    assert_eq!(readiness.plan_progress(), (1, 6));
    assert_eq!(readiness.risks.len(), 3);
    assert_eq!(readiness.risks[0], risk);
    assert_eq!(readiness.risks[0].score(), 20);
    assert_eq!(readiness.phase_progress(), (1, 3));
    let names: Vec<_> = readiness.phases.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["본사", "전체 계열사", "주요 계열사"]);
    let log = model.activities_for(R).unwrap();
    assert!(log.iter().any(|a| a.kind == "readiness" && a.field == "strategy" && a.new_value == "phased"));

    // A bad edit in a batch refuses the whole batch.
    let before = model.snapshot();
    let mut bad = risk.clone();
    bad.impact = 0;
    let err = model
        .apply(Command::EditReadiness {
            id: R,
            edits: vec![ReadinessEdit::Strategy(Strategy::Rolling), ReadinessEdit::PutRisk(bad)],
        })
        .err()
        .unwrap();
    assert!(err.to_string().contains("between 1 and 5"), "{err}");
    let mut ghost = risk.clone();
    ghost.kind = RiskKind::Other;
    ghost.title = String::new();
    ghost.id = 0;
    assert!(
        model.apply(Command::EditReadiness { id: R, edits: vec![ReadinessEdit::PutRisk(ghost)] }).is_err()
    );
    let mut unknown_owner = risk.clone();
    unknown_owner.owner = Some(AgentId(77));
    assert!(
        model
            .apply(Command::EditReadiness { id: R, edits: vec![ReadinessEdit::PutRisk(unknown_owner)] })
            .is_err()
    );
    assert_eq!(model.snapshot(), before);

    let in_memory = model.snapshot();
    drop(model);
    let mut model = Model::open(&path).unwrap();
    assert_eq!(model.snapshot(), in_memory);
    for applied in [b, a] {
        model.apply(Command::Revert { label: "undo".into(), mutations: applied.inverse }).unwrap();
    }
    assert_eq!(model.snapshot(), start);
}

#[test]
fn completing_is_one_command_for_stage_status_outcome_and_closing_and_one_undo_takes_it_back() {
    let (_dir, path) = temp_db();
    let mut r = plain(1, "KB 코어뱅킹 보안 패치");
    r.stage = Stage::VerifyMonitor;
    r.status = Status::InProgress;
    r.work_start = Some(at(-3));
    let mut model = model_with(&path, vec![r]);
    let before = model.snapshot();

    // Completing is only the lifecycle's move from Verify & Monitor (what the page's "Mark
    // completed" confirms): anywhere else it is refused and nothing changes.
    let mut early = plain(2, "early");
    early.stage = Stage::Deploy;
    assert!(matches!(
        transition(
            &early,
            &MoveRequest {
                to: Stage::Complete,
                outcome: Some(Outcome::Successful),
                ..MoveRequest::default()
            },
            &DeployGate::default(),
            None,
            t0()
        ),
        Err(MoveRefused::NotAllowed { from: Stage::Deploy, to: Stage::Complete })
    ));

    model.set_clock(Box::new(|| at(2)));
    model
        .apply(Command::MoveStage {
            id: R,
            to: Stage::Complete,
            outcome: Some(Outcome::Successful),
            downtime_minutes: 15,
            reason: "모니터링 이상 없음".into(),
            override_reason: String::new(),
        })
        .unwrap();
    let done = model.release(R).unwrap().clone();
    assert_eq!(
        (done.stage, done.status, done.outcome),
        (Stage::Complete, Status::Completed, Some(Outcome::Successful))
    );
    assert_eq!((done.closed_at, done.work_start, done.work_end), (Some(at(2)), Some(at(-3)), Some(at(2))));
    assert_eq!(done.downtime_minutes, 15);
    let log = model.activities_for(R).unwrap();
    for field in ["status", "stage"] {
        assert!(log.iter().any(|a| a.kind == "stage" && a.field == field), "{field} is logged");
    }
    let after = model.snapshot();

    // One undo takes back stage, status, outcome, closing time, work end and the history row.
    assert!(matches!(model.history().next_undo(), Some(Command::MoveStage { to: Stage::Complete, .. })));
    model.undo().unwrap().unwrap();
    assert_eq!(model.snapshot(), before);
    assert!(model.stage_history(R).is_empty());
    model.redo().unwrap().unwrap();
    assert_eq!(model.snapshot(), after);
}

#[test]
fn undoing_a_move_restores_release_and_history() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "r")]);
    let start = model.snapshot();
    let applied = model.apply(move_to(Stage::BuildTest)).unwrap();
    assert_eq!(model.stage_history(R).len(), 1);
    model.apply(Command::Revert { label: "undo".into(), mutations: applied.inverse }).unwrap();
    assert_eq!(model.snapshot(), start);
    assert!(model.stage_history(R).is_empty());
}

// ---------------------------------------------------------------- sample data and CLI

#[test]
fn the_sample_has_linked_registries_histories_and_a_redeployed_rollback() {
    let (_dir, path) = temp_db();
    let mut model = Model::open(&path).unwrap();
    model
        .apply(Command::LoadSample { data: release_desk::domain::sample::scenarios(t0()), force: false })
        .unwrap();
    let registry = model.registry();
    assert!(registry.changes.len() >= 5 && registry.config_items.len() >= 5);
    for r in model.releases() {
        for id in &r.associated_change_ids {
            assert!(registry.change(*id).is_some(), "#{} links unknown CHG-{id}", r.id);
        }
        for id in &r.assets {
            assert!(registry.config_item(*id).is_some(), "#{} links unknown CI {id}", r.id);
        }
        let history = model.stage_history(r.id);
        assert_eq!(history.last().map(|e| e.stage), Some(r.stage), "#{} history ends at its stage", r.id);
        assert!(history.windows(2).all(|w| w[0].entered_at <= w[1].entered_at), "#{} in time order", r.id);
        for pair in history.windows(2) {
            assert!(
                pair[0].stage.can_move_to(pair[1].stage),
                "#{}: {:?} -> {:?}",
                r.id,
                pair[0].stage,
                pair[1].stage
            );
        }
    }
    let bank = model.releases().iter().find(|r| r.subject.contains("코어뱅킹 보안 패치")).unwrap();
    assert_eq!(
        (bank.stage, bank.rollback_count, bank.outcome),
        (Stage::Complete, 1, Some(Outcome::Successful))
    );
    let stages: Vec<_> = model.stage_history(bank.id).iter().map(|e| e.stage).collect();
    let rollback = stages.iter().position(|s| *s == Stage::Rollback).unwrap();
    assert!(stages[rollback..].contains(&Stage::Deploy), "redeployed after the rollback");
    let erp = model
        .releases()
        .iter()
        .find(|r| r.subject.contains("ERP 2026 하반기") && r.subject.contains("1단계"))
        .unwrap();
    let readiness = model.readiness(erp.id);
    assert_eq!(readiness.strategy, Strategy::Phased);
    let names: Vec<_> = readiness.phases.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["본사", "주요 계열사", "전체 계열사"]);
    assert_eq!(model.reload_snapshot().unwrap(), model.snapshot());
}

fn cli(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_release-desk")).args(args).output().unwrap()
}

#[test]
fn cli_json_carries_the_lifecycle_and_rollout() {
    let (_dir, path) = temp_db();
    let db = path.to_str().unwrap();
    assert!(cli(&["--db", db, "demo"]).status.success());
    let out = cli(&["--db", db, "list", "--search", "코어뱅킹 보안 패치", "--format", "json"]);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let item = &list[0];
    for key in ["stage", "stage_history", "outcome", "closed_at", "rollback_count", "downtime_minutes"] {
        assert!(item.get(key).is_some(), "list JSON lacks {key}");
    }
    assert_eq!(item["rollback_count"], 1);
    assert_eq!(item["outcome"], "successful");
    let id = item["id"].as_i64().unwrap().to_string();
    let out = cli(&["--db", db, "show", &id, "--format", "json"]);
    assert!(out.status.success());
    let shown: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "associated_change_ids",
        "assets",
        "stage",
        "stage_history",
        "outcome",
        "closed_at",
        "rollback_count",
        "downtime_minutes",
        "deployment_strategy",
        "risks",
        "readiness",
    ] {
        assert!(shown.get(key).is_some(), "show JSON lacks {key}");
    }
    assert_eq!(shown["stage"], "complete");
    assert_eq!(shown["downtime_minutes"], 35);
    assert!(shown["stage_history"].as_array().unwrap().iter().any(|e| e["stage"] == "rollback"));
    assert_eq!(shown["risks"].as_array().unwrap().len(), 4);
    assert_eq!(shown["readiness"]["plan_checklist"].as_array().unwrap().len(), 6);
    assert_eq!(shown["associated_changes"][0]["cab_approval"], "approved");
    // A release never closed has a null outcome.
    let out = cli(&["--db", db, "list", "--view", "incomplete", "--format", "json"]);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(list.as_array().unwrap().iter().any(|r| r["outcome"].is_null()));
}
