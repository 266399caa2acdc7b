//! Readiness, risks and the deployment strategy: round trip and exact undo.

use crate::common::{at, model_with, plain, temp_db};
use release_desk::domain::{
    ActivityKind, AgentId, DeploymentPhase, Field, MitigationItem, PhaseStatus, PlanCheck, ReadinessEdit,
    ReleaseId, RiskKind, Strategy, Value,
};
use release_desk::model::{Command, Model, ReadinessCommand};

const R: ReleaseId = ReleaseId(1);

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
    let a = model.apply(Command::Readiness(ReadinessCommand::Edit { id: R, edits })).unwrap();
    let b = model
        .apply(Command::Readiness(ReadinessCommand::Edit {
            id: R,
            edits: vec![ReadinessEdit::MovePhase { index: 2, earlier: true }],
        }))
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
    assert!(log.iter().any(|a| a.kind == ActivityKind::Readiness
        && a.change(&Field::Strategy).map(|c| &c.new) == Some(&Value::Strategy(Strategy::Phased))));

    // A bad edit in a batch refuses the whole batch.
    let before = model.snapshot();
    let mut bad = risk.clone();
    bad.impact = 0;
    let err = model
        .apply(Command::Readiness(ReadinessCommand::Edit {
            id: R,
            edits: vec![ReadinessEdit::Strategy(Strategy::Rolling), ReadinessEdit::PutRisk(bad)],
        }))
        .err()
        .unwrap();
    assert!(err.to_string().contains("between 1 and 5"), "{err}");
    let mut ghost = risk.clone();
    ghost.kind = RiskKind::Other;
    ghost.title = String::new();
    ghost.id = 0;
    assert!(
        model
            .apply(Command::Readiness(ReadinessCommand::Edit {
                id: R,
                edits: vec![ReadinessEdit::PutRisk(ghost)]
            }))
            .is_err()
    );
    let mut unknown_owner = risk.clone();
    unknown_owner.owner = Some(AgentId(77));
    assert!(
        model
            .apply(Command::Readiness(ReadinessCommand::Edit {
                id: R,
                edits: vec![ReadinessEdit::PutRisk(unknown_owner)]
            }))
            .is_err()
    );
    assert_eq!(model.snapshot(), before);

    let in_memory = model.snapshot();
    drop(model);
    let mut model = Model::open(&path).unwrap();
    assert_eq!(model.snapshot(), in_memory);
    for applied in [b, a] {
        model.revert(applied).unwrap();
    }
    assert_eq!(model.snapshot(), start);
}
