//! Field-by-field differences between two versions of a release, or of its readiness, as typed
//! activity values.

use super::named::Named;
use super::value::{PhaseRef, PlanProgress, RiskRef, Value};
use super::{Field, FieldChange};
use crate::domain::directory::Directory;
use crate::domain::readiness::{Readiness, Risk};
use crate::domain::release::{Plan, Release};

fn plan(p: Option<&Plan>) -> Value {
    p.map_or(Value::None, |p| {
        let (done, total) = p.progress();
        Value::Plan(PlanProgress {
            chars: p.body.chars().count() as u64,
            done: done as u32,
            total: total as u32,
        })
    })
}

/// Every field that differs between `old` and `new`, in Freshservice field order; agents, groups
/// and departments with their names as `directory` has them now.
pub fn release_changes(old: &Release, new: &Release, directory: &Directory) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let mut push = |field: Field, changed: bool, value: &dyn Fn(&Release) -> Value| {
        if changed {
            out.push(FieldChange::new(field, value(old), value(new)));
        }
    };
    let text = |t: &Option<String>| t.as_deref().map_or(Value::None, Value::text);
    push(Field::Subject, old.subject != new.subject, &|r| Value::text(r.subject.clone()));
    push(Field::Description, old.description != new.description, &|r| {
        Value::Chars(r.description.chars().count() as u64)
    });
    push(Field::Status, old.status != new.status, &|r| Value::Status(r.status));
    push(Field::Priority, old.priority != new.priority, &|r| Value::Priority(r.priority));
    push(Field::ReleaseType, old.release_type != new.release_type, &|r| Value::ReleaseType(r.release_type));
    push(Field::PlannedStart, old.planned.start != new.planned.start, &|r| Value::Time(r.planned.start));
    push(Field::PlannedEnd, old.planned.end != new.planned.end, &|r| Value::Time(r.planned.end));
    push(Field::WorkStart, old.work_start != new.work_start, &|r| Value::time(r.work_start));
    push(Field::WorkEnd, old.work_end != new.work_end, &|r| Value::time(r.work_end));
    push(Field::Agent, old.agent_id != new.agent_id, &|r| {
        r.agent_id.map_or(Value::None, |id| Value::Agent(Named::new(id, directory.agent_name(Some(id)))))
    });
    push(Field::Group, old.group_id != new.group_id, &|r| {
        r.group_id.map_or(Value::None, |id| Value::Group(Named::new(id, directory.group_name(Some(id)))))
    });
    push(Field::Department, old.department_id != new.department_id, &|r| {
        r.department_id
            .map_or(Value::None, |id| Value::Department(Named::new(id, directory.department_name(Some(id)))))
    });
    push(Field::Category, old.category != new.category, &|r| text(&r.category));
    push(Field::SubCategory, old.sub_category != new.sub_category, &|r| text(&r.sub_category));
    push(Field::ItemCategory, old.item_category != new.item_category, &|r| text(&r.item_category));
    push(Field::Assets, old.assets != new.assets, &|r| Value::ConfigItems(r.assets.clone()));
    push(Field::AssociatedChanges, old.associated_change_ids != new.associated_change_ids, &|r| {
        Value::Changes(r.associated_change_ids.clone())
    });
    push(Field::BuildPlan, old.build_plan != new.build_plan, &|r| plan(r.build_plan.as_ref()));
    push(Field::TestPlan, old.test_plan != new.test_plan, &|r| plan(r.test_plan.as_ref()));
    push(Field::Stage, old.stage != new.stage, &|r| Value::Stage(r.stage));
    push(Field::Outcome, old.outcome != new.outcome, &|r| r.outcome.map_or(Value::None, Value::Outcome));
    push(Field::ClosedAt, old.closed_at != new.closed_at, &|r| Value::time(r.closed_at));
    push(Field::RollbackCount, old.rollback_count != new.rollback_count, &|r| Value::Count(r.rollback_count));
    push(Field::DowntimeMinutes, old.downtime_minutes != new.downtime_minutes, &|r| {
        Value::Minutes(r.downtime_minutes)
    });
    push(Field::DeletedAt, old.deleted_at != new.deleted_at, &|r| Value::time(r.deleted_at));
    push(Field::ExternalId, old.external_id != new.external_id, &|r| {
        r.external_id.map_or(Value::None, |id| Value::text(id.to_string()))
    });
    push(Field::CustomFields, old.custom_fields != new.custom_fields, &|r| {
        let names: Vec<&str> = r.custom_fields.keys().map(String::as_str).collect();
        Value::text(names.join(", "))
    });
    out
}

/// A risk of the register as the log keeps it.
pub(crate) fn risk_ref(r: &Risk) -> RiskRef {
    RiskRef { kind: Some(r.kind), title: r.title.clone(), likelihood: r.likelihood, impact: r.impact }
}

/// Every part of a release's readiness that differs between `old` and `new`.
pub fn readiness_changes(old: &Readiness, new: &Readiness) -> Vec<FieldChange> {
    let mut out = Vec::new();
    if old.plan_done != new.plan_done {
        out.push(FieldChange::new(
            Field::PlanChecklist,
            Value::PlanChecks(old.plan_done.iter().copied().collect()),
            Value::PlanChecks(new.plan_done.iter().copied().collect()),
        ));
    }
    if old.mitigation_done != new.mitigation_done {
        out.push(FieldChange::new(
            Field::Mitigation,
            Value::Mitigations(old.mitigation_done.iter().copied().collect()),
            Value::Mitigations(new.mitigation_done.iter().copied().collect()),
        ));
    }
    for risk in &new.risks {
        match old.risk(risk.id) {
            Some(before) if before == risk => {}
            before => out.push(FieldChange::new(
                Field::Risk,
                before.map_or(Value::None, |r| Value::Risk(risk_ref(r))),
                Value::Risk(risk_ref(risk)),
            )),
        }
    }
    for risk in old.risks.iter().filter(|r| new.risk(r.id).is_none()) {
        out.push(FieldChange::removed(Field::Risk, Value::Risk(risk_ref(risk))));
    }
    if old.strategy != new.strategy {
        out.push(FieldChange::new(
            Field::Strategy,
            Value::Strategy(old.strategy),
            Value::Strategy(new.strategy),
        ));
    }
    if old.phases != new.phases {
        let phases = |r: &Readiness| {
            Value::Phases(
                r.phases.iter().map(|p| PhaseRef { name: p.name.clone(), status: p.status }).collect(),
            )
        };
        out.push(FieldChange::new(Field::DeploymentPhases, phases(old), phases(new)));
    }
    out
}
