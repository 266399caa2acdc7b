//! CABs and votes as JSON: the CAB list (`cab list --format json`), and in `show --format json`
//! the release's go/no-go (`approvals`) and each associated Change's `approval_state`, where it
//! comes from and its `votes`. Codes are the stored snake_case names; times are ISO 8601 UTC.

use serde_json::{Value, json};

use crate::domain::{ApprovalSource, Cab, Release, Timestamp, Vote, VoteSubject};
use crate::model::Model;

fn iso(t: Timestamp) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// One vote: who, what, when, the comment, and the ECAB's after-the-fact flag.
pub fn vote_json(vote: &Vote, model: &Model) -> Value {
    json!({
        "agent_id": vote.agent,
        "agent": model.directory().agent_name(Some(vote.agent)),
        "decision": vote.decision.code(),
        "at": iso(vote.at),
        "comment": vote.comment,
        "after_the_fact": vote.after_the_fact,
    })
}

fn votes_json(subject: VoteSubject, model: &Model) -> Value {
    Value::Array(model.votes_on(subject).iter().map(|v| vote_json(v, model)).collect())
}

/// One CAB with its members, chair, rule and the Changes that go to it.
pub fn cab_json(cab: &Cab, model: &Model) -> Value {
    let directory = model.directory();
    let changes: Vec<i64> =
        model.registry().changes.iter().filter(|c| c.cab == Some(cab.id)).map(|c| c.id.0).collect();
    json!({
        "id": cab.id,
        "name": cab.name,
        "rule": cab.rule.code(),
        "emergency": cab.emergency,
        "chair_id": cab.chair,
        "chair": cab.chair.map(|a| directory.agent_name(Some(a))),
        "members": cab.members.iter().map(|a| json!({"id": a, "name": directory.agent_name(Some(*a))})).collect::<Vec<_>>(),
        "change_ids": changes,
    })
}

/// Adds `approvals` (the release's go/no-go: its CAB, state and votes; `null` without a CAB) and,
/// on each entry of `associated_changes`, `cab_id`, `approval_state`, `approval_source` (`votes`
/// or `recorded`) and `votes`.
pub fn add_cab_fields(object: &mut Value, release: &Release, model: &Model) {
    let Some(map) = object.as_object_mut() else { return };
    let approvals = match model.subject_cab(VoteSubject::GoNoGo(release.id)) {
        Some(cab) => json!({
            "cab_id": cab.id,
            "cab": cab.name,
            "state": model.go_no_go(release).map(|s| s.code()),
            "votes": votes_json(VoteSubject::GoNoGo(release.id), model),
        }),
        None => Value::Null,
    };
    map.insert("approvals".into(), approvals);
    let Some(Value::Array(changes)) = map.get_mut("associated_changes") else { return };
    for entry in changes {
        let Some(change) = entry
            .get("id")
            .and_then(Value::as_i64)
            .and_then(|id| model.registry().change(crate::domain::ChangeId(id)))
        else {
            continue;
        };
        let (state, source) = model.change_state(change);
        let Some(fields) = entry.as_object_mut() else { continue };
        fields.insert("cab_id".into(), json!(change.cab));
        fields.insert("approval_state".into(), json!(state.code()));
        let source = match source {
            ApprovalSource::Votes(_) => "votes",
            ApprovalSource::Recorded => "recorded",
        };
        fields.insert("approval_source".into(), json!(source));
        fields.insert("votes".into(), votes_json(VoteSubject::Change(change.id), model));
    }
}
