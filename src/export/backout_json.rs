//! The back-out plan, impact analysis, risk level and review of a release as JSON, beside its
//! Freshservice and lifecycle fields (`show --format json`): `backout_plan`, `impact`,
//! `risk_level`, `review`. Codes are the stored snake_case names; times are ISO 8601 UTC.

use serde_json::{Map, Value, json};

use crate::domain::{BackoutPlan, Review, Timestamp};
use crate::model::Model;

fn iso(t: Timestamp) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A back-out plan; `null` when the release has none.
pub fn backout_json(plan: Option<&BackoutPlan>) -> Value {
    let Some(plan) = plan else { return Value::Null };
    json!({
        "description": plan.steps.body,
        "checklist": plan.steps.items.iter().map(|i| json!({"text": i.text, "done": i.done})).collect::<Vec<_>>(),
        "go_no_go": plan.go_no_go,
        "decision_point_minutes": plan.decision_point_minutes,
        "restore_target_minutes": plan.restore_target_minutes,
        "rehearsals": plan.rehearsals.iter().map(|r| json!({
            "id": r.id,
            "date": iso(r.date),
            "restore_minutes": r.restore_minutes,
            "result": r.result.code(),
            "met_target": !r.missed(plan.restore_target_minutes),
            "note": r.note,
        })).collect::<Vec<_>>(),
    })
}

/// A review with its follow-up tasks as they are now; `null` when the release has none.
pub fn review_json(review: Option<&Review>, model: &Model) -> Value {
    let Some(review) = review else { return Value::Null };
    let follow_ups: Vec<Value> = review
        .follow_ups
        .iter()
        .map(|id| match model.task(*id) {
            Some(t) => json!({"task_id": id, "title": t.fields.title, "status": t.fields.status.code()}),
            None => json!({"task_id": id, "title": null, "status": null}),
        })
        .collect();
    json!({
        "went_well": review.went_well,
        "went_wrong": review.went_wrong,
        "lessons": review.lessons,
        "follow_ups": follow_ups,
        "reviewer_id": review.reviewer.map(|a| a.0),
        "reviewed_at": review.reviewed_at.map(iso),
    })
}

/// Adds `backout_plan`, `impact`, `risk_level` and `review` of release `id` to its JSON object.
pub fn add_backout_fields(object: &mut Value, id: crate::domain::ReleaseId, model: &Model) {
    let (Some(map), Some(release)) = (object.as_object_mut(), model.release(id)) else { return };
    map.insert("backout_plan".into(), backout_json(model.backout(id)));
    let registry = model.registry();
    let affected: Vec<Value> = model
        .affected_items(release)
        .iter()
        .filter_map(|a| {
            let ci = registry.config_item(a.item)?;
            Some(json!({
                "id": ci.id,
                "name": ci.name,
                "type": ci.kind.code(),
                "criticality": a.criticality.code(),
                "via": a.via,
            }))
        })
        .collect();
    let written = model.impact(id);
    let mut impact = Map::new();
    impact.insert("affected_items".into(), Value::Array(affected));
    impact.insert("users_affected".into(), json!(written.map(|i| &i.users_affected)));
    impact.insert("expected_downtime_minutes".into(), json!(written.map(|i| i.expected_downtime_minutes)));
    impact.insert("summary".into(), json!(written.map(|i| &i.summary)));
    map.insert("impact".into(), Value::Object(impact));
    map.insert("risk_level".into(), json!(model.risk_level(release).code()));
    map.insert("review".into(), review_json(model.review(id), model));
}
