//! Field-by-field differences between two versions of a release, as the activity log shows them.

use super::directory::Directory;
use super::ids::Timestamp;
use super::release::{Plan, Release};

/// One field that changed, with old and new values as text a person reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    /// The Freshservice field name (`status`, `agent_id`, `planned_start_date`, ...).
    pub field: &'static str,
    pub old_value: String,
    pub new_value: String,
}

fn ts(t: Option<Timestamp>) -> String {
    t.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)).unwrap_or_default()
}

fn plan(p: Option<&Plan>) -> String {
    match p {
        None => String::new(),
        Some(p) => {
            let (done, total) = p.progress();
            format!("{} chars, {done}/{total} done", p.body.chars().count())
        }
    }
}

fn ids<T: std::fmt::Display>(list: &[T]) -> String {
    list.iter().map(T::to_string).collect::<Vec<_>>().join(", ")
}

/// Every field that differs between `old` and `new`, in Freshservice field order.
pub fn release_changes(old: &Release, new: &Release, directory: &Directory) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let mut push = |field: &'static str, o: String, n: String, changed: bool| {
        if changed {
            out.push(FieldChange { field, old_value: o, new_value: n });
        }
    };
    let text = |o: &str, n: &str| (o.to_owned(), n.to_owned(), o != n);
    let opt = |o: &Option<String>, n: &Option<String>| {
        (o.clone().unwrap_or_default(), n.clone().unwrap_or_default(), o != n)
    };
    let (o, n, c) = text(&old.subject, &new.subject);
    push("subject", o, n, c);
    push(
        "description",
        format!("{} chars", old.description.chars().count()),
        format!("{} chars", new.description.chars().count()),
        old.description != new.description,
    );
    push("status", old.status.label().into(), new.status.label().into(), old.status != new.status);
    push("priority", old.priority.label().into(), new.priority.label().into(), old.priority != new.priority);
    push(
        "release_type",
        old.release_type.label().into(),
        new.release_type.label().into(),
        old.release_type != new.release_type,
    );
    push(
        "planned_start_date",
        ts(Some(old.planned.start)),
        ts(Some(new.planned.start)),
        old.planned.start != new.planned.start,
    );
    push(
        "planned_end_date",
        ts(Some(old.planned.end)),
        ts(Some(new.planned.end)),
        old.planned.end != new.planned.end,
    );
    push("work_start_date", ts(old.work_start), ts(new.work_start), old.work_start != new.work_start);
    push("work_end_date", ts(old.work_end), ts(new.work_end), old.work_end != new.work_end);
    push(
        "agent_id",
        directory.agent_name(old.agent_id).into(),
        directory.agent_name(new.agent_id).into(),
        old.agent_id != new.agent_id,
    );
    push(
        "group_id",
        directory.group_name(old.group_id).into(),
        directory.group_name(new.group_id).into(),
        old.group_id != new.group_id,
    );
    push(
        "department_id",
        directory.department_name(old.department_id).into(),
        directory.department_name(new.department_id).into(),
        old.department_id != new.department_id,
    );
    let (o, n, c) = opt(&old.category, &new.category);
    push("category", o, n, c);
    let (o, n, c) = opt(&old.sub_category, &new.sub_category);
    push("sub_category", o, n, c);
    let (o, n, c) = opt(&old.item_category, &new.item_category);
    push("item_category", o, n, c);
    push("assets", ids(&old.assets), ids(&new.assets), old.assets != new.assets);
    push(
        "associated_change_ids",
        ids(&old.associated_change_ids),
        ids(&new.associated_change_ids),
        old.associated_change_ids != new.associated_change_ids,
    );
    push(
        "build_plan",
        plan(old.build_plan.as_ref()),
        plan(new.build_plan.as_ref()),
        old.build_plan != new.build_plan,
    );
    push(
        "test_plan",
        plan(old.test_plan.as_ref()),
        plan(new.test_plan.as_ref()),
        old.test_plan != new.test_plan,
    );
    push("stage", old.stage.label().into(), new.stage.label().into(), old.stage != new.stage);
    push(
        "outcome",
        old.outcome.map_or("", |o| o.label()).into(),
        new.outcome.map_or("", |o| o.label()).into(),
        old.outcome != new.outcome,
    );
    push("closed_at", ts(old.closed_at), ts(new.closed_at), old.closed_at != new.closed_at);
    push(
        "rollback_count",
        old.rollback_count.to_string(),
        new.rollback_count.to_string(),
        old.rollback_count != new.rollback_count,
    );
    push(
        "downtime_minutes",
        old.downtime_minutes.to_string(),
        new.downtime_minutes.to_string(),
        old.downtime_minutes != new.downtime_minutes,
    );
    push("deleted_at", ts(old.deleted_at), ts(new.deleted_at), old.deleted_at != new.deleted_at);
    out
}
