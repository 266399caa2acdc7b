//! The lifecycle part of a release as JSON, beside its Freshservice fields: stage history, the
//! Deploy gate's inputs (readiness checklists, risk register, deployment strategy) and the linked
//! Changes and CIs spelled out. Codes are the stored snake_case names; times are ISO 8601 UTC.

use serde_json::{Map, Value, json};

use crate::domain::{
    Cabs, Directory, MitigationItem, MitigationPhase, PlanCheck, Readiness, Registry, Release, StageEntry,
    Timestamp,
};

fn iso(t: Timestamp) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A release's stage history, oldest first.
pub fn stage_history_json(history: &[&StageEntry], directory: &Directory) -> Value {
    Value::Array(
        history
            .iter()
            .map(|e| {
                json!({
                    "stage": e.stage.code(),
                    "entered_at": iso(e.entered_at),
                    "actor_id": e.actor.map(|a| a.0),
                    "actor_name": e.actor.map(|a| directory.agent_name(Some(a)).to_owned()),
                    "note": e.note,
                    "override_reason": (!e.override_reason.is_empty()).then_some(&e.override_reason),
                    "outcome": e.outcome.map(|o| o.code()),
                    "downtime_minutes": e.downtime_minutes,
                    "restore_minutes": e.restore_minutes,
                    "restore_target_minutes": e.restore_target_minutes,
                })
            })
            .collect(),
    )
}

/// Readiness, risks and strategy of a release.
pub fn readiness_json(readiness: &Readiness) -> (Value, Value, Value) {
    let plan: Vec<Value> = PlanCheck::ALL
        .iter()
        .map(|c| json!({"item": c.code(), "done": readiness.plan_done.contains(c)}))
        .collect();
    let mut mitigation = Map::new();
    for phase in MitigationPhase::ALL {
        let items: Vec<Value> = MitigationItem::of_phase(*phase)
            .map(|i| json!({"item": i.code(), "done": readiness.mitigation_done.contains(&i)}))
            .collect();
        mitigation.insert(phase.code().to_owned(), Value::Array(items));
    }
    let readiness_value = json!({
        "plan_checklist": plan,
        "plan_complete": readiness.plan_complete(),
        "mitigation": mitigation,
    });
    let risks = readiness
        .risks
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "kind": r.kind.code(),
                "title": r.title,
                "likelihood": r.likelihood,
                "impact": r.impact,
                "score": r.score(),
                "mitigation": r.mitigation,
                "owner_id": r.owner.map(|a| a.0),
            })
        })
        .collect();
    let (done, total) = readiness.phase_progress();
    let strategy = json!({
        "kind": readiness.strategy.code(),
        "phases": readiness.phases.iter().map(|p| json!({
            "name": p.name,
            "planned_start": p.planned_start.map(iso),
            "planned_end": p.planned_end.map(iso),
            "status": p.status.code(),
        })).collect::<Vec<_>>(),
        "phases_done": done,
        "phases_total": total,
    });
    (readiness_value, Value::Array(risks), strategy)
}

/// Adds the lifecycle fields of `release` to its JSON object (`show --format json`).
pub fn add_lifecycle_fields(
    object: &mut Value,
    release: &Release,
    readiness: &Readiness,
    history: &[&StageEntry],
    registry: &Registry,
    cabs: &Cabs,
    directory: &Directory,
) {
    let Some(map) = object.as_object_mut() else { return };
    let (readiness_value, risks, strategy) = readiness_json(readiness);
    map.insert("stage_history".into(), stage_history_json(history, directory));
    map.insert("readiness".into(), readiness_value);
    map.insert("risks".into(), risks);
    map.insert("deployment_strategy".into(), strategy);
    let changes: Vec<Value> = release
        .associated_change_ids
        .iter()
        .map(|id| match registry.change(*id) {
            Some(c) => json!({"id": c.id, "subject": c.subject, "cab_approval": cabs.change_state(c).0.code(), "risk": c.risk.code()}),
            None => json!({"id": id, "subject": null, "cab_approval": null, "risk": null}),
        })
        .collect();
    map.insert("associated_changes".into(), Value::Array(changes));
    let items: Vec<Value> = release
        .assets
        .iter()
        .map(|id| match registry.config_item(*id) {
            Some(c) => json!({"id": c.id, "name": c.name, "type": c.kind.code()}),
            None => json!({"id": id, "name": null, "type": null}),
        })
        .collect();
    map.insert("configuration_items".into(), Value::Array(items));
}
