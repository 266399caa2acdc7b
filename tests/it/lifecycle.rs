//! The lifecycle: every allowed and refused stage move, the Deploy gate and its logged override,
//! rollback and complete with their fields, and undoing a move.

use crate::common::{at, model_with, new_release, plain, t0, temp_db};
use release_desk::domain::lifecycle::{DeployGate, MoveRequest, transition};
use release_desk::domain::{
    ActivityKind, AgentId, CabApproval, Change, ChangeId, ChangeRisk, Field, MoveRefused, Outcome, PlanCheck,
    ReadinessEdit, ReleaseId, Stage, Status, Value, activity::GateReasons,
};
use release_desk::model::{
    Command, CommandError, LifecycleCommand, Model, ReadinessCommand, RegistryCommand, ReleaseCommand,
    SettingsCommand,
};

const R: ReleaseId = ReleaseId(1);

fn move_to(to: Stage) -> Command {
    Command::Lifecycle(LifecycleCommand::Move {
        id: R,
        to,
        outcome: None,
        downtime_minutes: 0,
        reason: String::new(),
        override_reason: String::new(),
        restore_minutes: None,
    })
}

fn tick_plan(model: &mut Model) {
    let edits = PlanCheck::ALL.iter().map(|c| ReadinessEdit::PlanCheck { check: *c, done: true }).collect();
    model.apply(Command::Readiness(ReadinessCommand::Edit { id: R, edits })).unwrap();
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
                restore_minutes: None,
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
    model.apply(Command::Settings(SettingsCommand::SetCurrentAgent(Some(AgentId(1))))).unwrap();
    model
        .apply(Command::Registry(RegistryCommand::CreateChange {
            subject: "SAP 패치 스택".into(),
            approval: CabApproval::Pending,
            risk: ChangeRisk::High,
            link_to: Some(R),
        }))
        .unwrap();
    model.apply(move_to(Stage::BuildTest)).unwrap();
    model.apply(move_to(Stage::DeploymentPrep)).unwrap();

    // Pending Change and an empty checklist: refused, nothing changes.
    let before = model.snapshot();
    let err = model.apply(move_to(Stage::Deploy)).err().unwrap();
    match &err {
        CommandError::Move(MoveRefused::GateClosed { unapproved_changes, readiness_missing }) => {
            assert_eq!(unapproved_changes, &vec![ChangeId(1)]);
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
        .apply(Command::Registry(RegistryCommand::UpdateChange(Change {
            id: ChangeId(1),
            subject: "SAP 패치 스택".into(),
            recorded_approval: CabApproval::Approved,
            risk: ChangeRisk::High,
            cab: None,
        })))
        .unwrap();
    assert!(model.deploy_gate(model.release(R).unwrap()).is_open());
    model.apply(move_to(Stage::Deploy)).unwrap();
    assert_eq!(stage(&model), Stage::Deploy);

    // A second release with a rejected Change goes through only on a written override.
    let other =
        model.apply(Command::Release(ReleaseCommand::Create(new_release("ERP 계열사 적용")))).unwrap();
    assert_eq!(other.created(), Some(ReleaseId(2)));
    for to in [Stage::BuildTest, Stage::DeploymentPrep] {
        model
            .apply(Command::Lifecycle(LifecycleCommand::Move {
                id: ReleaseId(2),
                to,
                outcome: None,
                downtime_minutes: 0,
                reason: String::new(),
                override_reason: String::new(),
                restore_minutes: None,
            }))
            .unwrap();
    }
    model
        .apply(Command::Registry(RegistryCommand::CreateChange {
            subject: "EDI 변경".into(),
            approval: CabApproval::Rejected,
            risk: ChangeRisk::Medium,
            link_to: Some(ReleaseId(2)),
        }))
        .unwrap();
    let deploy = |override_reason: &str| {
        Command::Lifecycle(LifecycleCommand::Move {
            id: ReleaseId(2),
            to: Stage::Deploy,
            outcome: None,
            downtime_minutes: 0,
            reason: String::new(),
            override_reason: override_reason.into(),
            restore_minutes: None,
        })
    };
    assert!(model.apply(deploy("  ")).is_err(), "a blank reason is no reason");
    model.apply(deploy("CAB 긴급 승인 (전화), 회의록은 월요일 등록")).unwrap();
    let released = model.release(ReleaseId(2)).unwrap();
    assert_eq!(released.stage, Stage::Deploy);
    let history = model.stage_history(ReleaseId(2));
    assert_eq!(history.last().unwrap().override_reason, "CAB 긴급 승인 (전화), 회의록은 월요일 등록");
    let log = model.activities_for(ReleaseId(2)).unwrap();
    let logged = log.iter().find(|a| a.kind == ActivityKind::Override).expect("the override is logged");
    let gate = logged.change(&Field::DeployGate).expect("the gate is logged");
    assert_eq!(gate.new, Value::text("CAB 긴급 승인 (전화), 회의록은 월요일 등록"));
    assert!(matches!(gate.old, Value::Gate(GateReasons { unapproved_changes: 1, .. })), "{:?}", gate.old);
    assert_eq!(logged.actor, Some(AgentId(1)));
}

#[test]
fn rollback_and_complete_set_their_fields_and_the_history_persists() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "KB 코어뱅킹 보안 패치")]);
    model.apply(Command::Settings(SettingsCommand::SetCurrentAgent(Some(AgentId(3))))).unwrap();
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
        .apply(Command::Lifecycle(LifecycleCommand::Move {
            id: R,
            to: Stage::Rollback,
            outcome: None,
            downtime_minutes: 35,
            reason: "ATM 인증 실패".into(),
            override_reason: String::new(),
            restore_minutes: None,
        }))
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
        .apply(Command::Lifecycle(LifecycleCommand::Move {
            id: R,
            to: Stage::Complete,
            outcome: Some(Outcome::Successful),
            downtime_minutes: 5,
            reason: String::new(),
            override_reason: String::new(),
            restore_minutes: None,
        }))
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
    assert!(log.iter().any(|a| a.kind == ActivityKind::StageNote
        && a.change(&Field::Note).map(|c| &c.new) == Some(&Value::text("ATM 인증 실패"))));
    assert!(log.iter().any(|a| a.kind == ActivityKind::Stage
        && a.change(&Field::RollbackCount).map(|c| &c.new) == Some(&Value::Count(1))));

    let in_memory = model.snapshot();
    drop(model);
    let reopened = Model::open(&path).unwrap();
    assert_eq!(reopened.snapshot(), in_memory);
    assert_eq!(reopened.stage_history(R).len(), 10);
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
        .apply(Command::Lifecycle(LifecycleCommand::Move {
            id: R,
            to: Stage::Complete,
            outcome: Some(Outcome::Successful),
            downtime_minutes: 15,
            reason: "모니터링 이상 없음".into(),
            override_reason: String::new(),
            restore_minutes: None,
        }))
        .unwrap();
    let done = model.release(R).unwrap().clone();
    assert_eq!(
        (done.stage, done.status, done.outcome),
        (Stage::Complete, Status::Completed, Some(Outcome::Successful))
    );
    assert_eq!((done.closed_at, done.work_start, done.work_end), (Some(at(2)), Some(at(-3)), Some(at(2))));
    assert_eq!(done.downtime_minutes, 15);
    let log = model.activities_for(R).unwrap();
    for field in [Field::Status, Field::Stage] {
        assert!(
            log.iter().any(|a| a.kind == ActivityKind::Stage && a.change(&field).is_some()),
            "{field:?} is logged"
        );
    }
    let after = model.snapshot();

    // One undo takes back stage, status, outcome, closing time, work end and the history row.
    assert!(matches!(
        model.history().next_undo(),
        Some(Command::Lifecycle(LifecycleCommand::Move { to: Stage::Complete, .. }))
    ));
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
    model.revert(applied).unwrap();
    assert_eq!(model.snapshot(), start);
    assert!(model.stage_history(R).is_empty());
}
