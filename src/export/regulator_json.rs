//! Regulator steps as JSON: the step list (`regulator list --format json`), and in `show --format
//! json` the release's `regulator`: each step it needs with its approval, or null while it has
//! none. Release types are their codes' names; dates are `YYYY-MM-DD`; times ISO 8601 UTC.

use serde_json::{Value, json};

use crate::domain::{RegulatorApproval, RegulatorStep, Release};
use crate::model::Model;

/// One step: its name, authority, the release types and groups that need it, and how many
/// approvals it has.
pub fn step_json(step: &RegulatorStep, model: &Model) -> Value {
    json!({
        "id": step.id,
        "name": step.name,
        "authority": step.authority,
        "release_types": step.release_types.iter().map(|t| t.label()).collect::<Vec<_>>(),
        "group_ids": step.groups,
        "groups": step.groups.iter().map(|g| model.directory().group_name(Some(*g))).collect::<Vec<_>>(),
        "active": step.active,
        "approvals": model.regulators().approvals_using(step.id),
    })
}

/// One approval: the regulator's reference, the day, who recorded it and when, the note.
pub fn approval_json(approval: &RegulatorApproval, model: &Model) -> Value {
    json!({
        "reference": approval.reference,
        "approved_on": approval.approved_on.format("%Y-%m-%d").to_string(),
        "recorded_by_id": approval.recorded_by,
        "recorded_by": model.directory().agent_name(Some(approval.recorded_by)),
        "at": approval.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "note": approval.note,
    })
}

/// Adds `regulator` to a release's JSON: the steps it needs, each with its approval or null.
pub fn add_regulator_fields(json: &mut Value, release: &Release, model: &Model) {
    let steps: Vec<Value> = model
        .regulator_steps_of(release)
        .into_iter()
        .map(|(step, approval)| {
            json!({
                "step_id": step.id,
                "name": step.name,
                "authority": step.authority,
                "approval": approval.map_or(Value::Null, |a| approval_json(a, model)),
            })
        })
        .collect();
    if let Some(object) = json.as_object_mut() {
        object.insert("regulator".into(), Value::Array(steps));
    }
}
