//! Field-by-field differences between two versions of a release's back-out plan, impact analysis
//! or review, and of a configuration item, as typed activity values. Long texts are logged by
//! their first line.

use super::value::{ConfigItemRef, PlanProgress, RehearsalRef, Value};
use super::{Field, FieldChange};
use crate::domain::backout::{BackoutPlan, Rehearsal};
use crate::domain::impact::ImpactAnalysis;
use crate::domain::registry::ConfigItem;
use crate::domain::release::Plan;
use crate::domain::review::Review;

/// The first line of a text, at most 80 characters, for the log.
fn gist(text: &str) -> Value {
    Value::text(super::value::gist(text))
}

/// How far a plan is, as the log keeps it.
pub fn plan_progress(plan: &Plan) -> Value {
    let (done, total) = plan.progress();
    Value::Plan(PlanProgress {
        chars: plan.body.chars().count() as u64,
        done: done as u32,
        total: total as u32,
    })
}

fn rehearsal(r: &Rehearsal) -> Value {
    Value::Rehearsal(RehearsalRef { date: r.date, restore_minutes: r.restore_minutes, result: r.result })
}

fn minutes(m: Option<u32>) -> Value {
    m.map_or(Value::None, Value::Minutes)
}

/// Every part of a back-out plan that differs between `old` (`None`: there was none) and `new`
/// (`None`: it was removed).
pub fn backout_changes(old: Option<&BackoutPlan>, new: Option<&BackoutPlan>) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let steps = |p: Option<&BackoutPlan>| p.map_or(Value::None, |p| plan_progress(&p.steps));
    if old.map(|p| &p.steps) != new.map(|p| &p.steps) || old.is_none() != new.is_none() {
        out.push(FieldChange::new(Field::BackoutPlan, steps(old), steps(new)));
    }
    let go_no_go = |p: Option<&BackoutPlan>| p.map_or(String::new(), |p| p.go_no_go.clone());
    if go_no_go(old) != go_no_go(new) {
        out.push(FieldChange::new(Field::GoNoGo, gist(&go_no_go(old)), gist(&go_no_go(new))));
    }
    let decision = |p: Option<&BackoutPlan>| minutes(p.and_then(|p| p.decision_point_minutes));
    if decision(old) != decision(new) {
        out.push(FieldChange::new(Field::DecisionPoint, decision(old), decision(new)));
    }
    let target = |p: Option<&BackoutPlan>| minutes(p.map(|p| p.restore_target_minutes));
    if target(old) != target(new) {
        out.push(FieldChange::new(Field::RestoreTarget, target(old), target(new)));
    }
    let no_rehearsals: &[Rehearsal] = &[];
    let old_rehearsals = old.map_or(no_rehearsals, |p| p.rehearsals.as_slice());
    let new_rehearsals = new.map_or(no_rehearsals, |p| p.rehearsals.as_slice());
    for r in new_rehearsals {
        match old_rehearsals.iter().find(|o| o.id == r.id) {
            Some(before) if before == r => {}
            before => out.push(FieldChange::new(
                Field::Rehearsal,
                before.map_or(Value::None, rehearsal),
                rehearsal(r),
            )),
        }
    }
    for r in old_rehearsals.iter().filter(|o| !new_rehearsals.iter().any(|n| n.id == o.id)) {
        out.push(FieldChange::removed(Field::Rehearsal, rehearsal(r)));
    }
    out
}

/// Every part of an impact analysis that differs (`None`: there was none, or it was removed).
pub fn impact_changes(old: Option<&ImpactAnalysis>, new: Option<&ImpactAnalysis>) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let users = |i: Option<&ImpactAnalysis>| i.map_or(String::new(), |i| i.users_affected.clone());
    if users(old) != users(new) {
        out.push(FieldChange::new(Field::UsersAffected, gist(&users(old)), gist(&users(new))));
    }
    let downtime =
        |i: Option<&ImpactAnalysis>| minutes(i.map(|i| i.expected_downtime_minutes).filter(|m| *m > 0));
    if downtime(old) != downtime(new) {
        out.push(FieldChange::new(Field::ExpectedDowntime, downtime(old), downtime(new)));
    }
    let summary = |i: Option<&ImpactAnalysis>| i.map_or(String::new(), |i| i.summary.clone());
    if summary(old) != summary(new) {
        out.push(FieldChange::new(Field::ImpactSummary, gist(&summary(old)), gist(&summary(new))));
    }
    out
}

/// The texts of a review that differ (its follow-ups are logged as they are added).
pub fn review_changes(old: Option<&Review>, new: &Review) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let texts = |r: &Review| [r.went_well.clone(), r.went_wrong.clone(), r.lessons.clone()];
    let before = old.map_or_else(Default::default, texts);
    let after = texts(new);
    for ((field, before), after) in
        [Field::WentWell, Field::WentWrong, Field::Lessons].into_iter().zip(before).zip(after)
    {
        if before != after {
            out.push(FieldChange::new(field, gist(&before), gist(&after)));
        }
    }
    out
}

/// What an edit of a configuration item changed: its name or kind (as the item), its
/// criticality, what it depends on.
pub fn config_item_changes(old: &ConfigItem, new: &ConfigItem) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let item = |c: &ConfigItem| {
        Value::ConfigItem(ConfigItemRef { id: c.id, name: c.name.clone(), kind: Some(c.kind) })
    };
    if old.name != new.name || old.kind != new.kind {
        out.push(FieldChange::new(Field::ConfigItem, item(old), item(new)));
    }
    if old.criticality != new.criticality {
        out.push(FieldChange::new(
            Field::Criticality,
            Value::Criticality(old.criticality),
            Value::Criticality(new.criticality),
        ));
    }
    if old.depends_on != new.depends_on {
        out.push(FieldChange::new(
            Field::DependsOn,
            Value::ConfigItems(old.depends_on.clone()),
            Value::ConfigItems(new.depends_on.clone()),
        ));
    }
    out
}
