//! The sample scenarios: loaded once unless forced, with linked registries, stage histories and a
//! redeployed rollback.

use crate::common::{t0, temp_db};
use release_desk::domain::{Outcome, Stage, Strategy};
use release_desk::model::{Command, Model, SampleCommand};

#[test]
fn sample_data_loads_once_unless_forced() {
    let (_dir, path) = temp_db();
    let mut model = Model::open(&path).unwrap();
    let data = release_desk::domain::sample::scenarios(t0());
    let count = data.releases.len();
    model.apply(Command::Sample(SampleCommand::Load { data: data.clone(), force: false })).unwrap();
    assert_eq!(model.releases().len(), count);
    assert!(model.settings().current_agent.is_some());
    let err =
        model.apply(Command::Sample(SampleCommand::Load { data: data.clone(), force: false })).err().unwrap();
    assert!(err.to_string().contains("already holds releases"));
    model.apply(Command::Sample(SampleCommand::Load { data, force: true })).unwrap();
    assert_eq!(model.releases().len(), 2 * count);
    assert_eq!(model.directory().agents.len(), 8, "agents are matched by name, not duplicated");
}

#[test]
fn the_sample_has_linked_registries_histories_and_a_redeployed_rollback() {
    let (_dir, path) = temp_db();
    let mut model = Model::open(&path).unwrap();
    model
        .apply(Command::Sample(SampleCommand::Load {
            data: release_desk::domain::sample::scenarios(t0()),
            force: false,
        }))
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
