//! The typed activity log in the current language: the name of each kind and field, and each
//! value (codes as their labels, times in local time, durations, counts, names as they were, the
//! command an undo took back), so a log written in English or Korean reads in the UI's language.

use super::commands::{named, summary_label};
use super::{Arg, tr, tr_args};
use crate::domain::activity::{ChangeRef, ConfigItemRef, GateReasons, PlanProgress, RehearsalRef, RiskRef};
use crate::domain::{Activity, ActivityKind, ChangeId, ConfigItemId, Field, FieldChange, Kpi, Value};

/// The name of a kind of row.
pub fn activity_kind(kind: ActivityKind) -> String {
    tr(match kind {
        ActivityKind::Created => "activity-kind-created",
        ActivityKind::Field => "activity-kind-field",
        ActivityKind::Trash => "activity-kind-trash",
        ActivityKind::Restore => "activity-kind-restore",
        ActivityKind::Purge => "activity-kind-purge",
        ActivityKind::Note => "activity-kind-note",
        ActivityKind::Task => "activity-kind-task",
        ActivityKind::Time => "activity-kind-time",
        ActivityKind::Link => "activity-kind-link",
        ActivityKind::Change => "activity-kind-change",
        ActivityKind::ConfigItem => "activity-kind-ci",
        ActivityKind::Stage => "activity-kind-stage",
        ActivityKind::StageNote => "activity-kind-stage-note",
        ActivityKind::Override => "activity-kind-override",
        ActivityKind::Readiness => "activity-kind-readiness",
        ActivityKind::Backout => "activity-kind-backout",
        ActivityKind::Impact => "activity-kind-impact",
        ActivityKind::Review => "activity-kind-review",
        ActivityKind::Template => "activity-kind-template",
        ActivityKind::Setting => "activity-kind-setting",
        ActivityKind::View => "activity-kind-view",
        ActivityKind::Agent => "activity-kind-agent",
        ActivityKind::Group => "activity-kind-group",
        ActivityKind::Department => "activity-kind-department",
        ActivityKind::Undo => "activity-kind-undo",
        ActivityKind::Redo => "activity-kind-redo",
        ActivityKind::Imported => "activity-kind-imported",
        ActivityKind::Window => "schedule-activity-window",
        ActivityKind::Freeze => "schedule-activity-freeze",
        ActivityKind::Cab => "cab-activity-cab",
        ActivityKind::Vote => "cab-activity-vote",
        ActivityKind::Monitoring => "monitoring-activity",
        ActivityKind::Meeting => "meeting-activity-meeting",
        ActivityKind::Regulator => "regulator-activity",
        ActivityKind::Team => "team-activity",
    })
}

/// The name of a field; one this build does not know shows its stored code.
pub fn activity_field(field: &Field) -> String {
    let key = match field {
        Field::Subject => "activity-field-subject",
        Field::Description => "activity-field-description",
        Field::Status => "activity-field-status",
        Field::Priority => "activity-field-priority",
        Field::ReleaseType => "activity-field-release-type",
        Field::PlannedStart => "activity-field-planned-start",
        Field::PlannedEnd => "activity-field-planned-end",
        Field::WorkStart => "activity-field-work-start",
        Field::WorkEnd => "activity-field-work-end",
        Field::Agent => "activity-field-agent",
        Field::Group => "activity-field-group",
        Field::Department => "activity-field-department",
        Field::Category => "activity-field-category",
        Field::SubCategory => "activity-field-sub-category",
        Field::ItemCategory => "activity-field-item-category",
        Field::Assets => "activity-field-assets",
        Field::AssociatedChanges => "activity-field-changes",
        Field::BuildPlan => "activity-field-build-plan",
        Field::TestPlan => "activity-field-test-plan",
        Field::Stage => "activity-field-stage",
        Field::Outcome => "activity-field-outcome",
        Field::ClosedAt => "activity-field-closed-at",
        Field::RollbackCount => "activity-field-rollback-count",
        Field::DowntimeMinutes => "activity-field-downtime",
        Field::DeletedAt => "activity-field-deleted-at",
        Field::ExternalId => "activity-field-external-id",
        Field::CustomFields => "activity-field-custom-fields",
        Field::Note => "activity-field-note",
        Field::Task => "activity-field-task",
        Field::TimeSpent => "activity-field-time-spent",
        Field::Timer => "activity-field-timer",
        Field::ExecutedAt => "activity-field-executed-at",
        Field::Billable => "activity-field-billable",
        Field::Change => "activity-field-change",
        Field::ConfigItem => "activity-field-ci",
        Field::PlanChecklist => "activity-field-plan-checklist",
        Field::Mitigation => "activity-field-mitigation",
        Field::Risk => "activity-field-risk",
        Field::Strategy => "activity-field-strategy",
        Field::DeploymentPhases => "activity-field-phases",
        Field::DeployGate => "activity-field-deploy-gate",
        Field::BackoutPlan => "activity-field-backout-plan",
        Field::GoNoGo => "activity-field-go-no-go",
        Field::DecisionPoint => "activity-field-decision-point",
        Field::RestoreTarget => "activity-field-restore-target",
        Field::Rehearsal => "activity-field-rehearsal",
        Field::RestoreTime => "activity-field-restore-time",
        Field::Criticality => "activity-field-criticality",
        Field::DependsOn => "activity-field-depends-on",
        Field::UsersAffected => "activity-field-users-affected",
        Field::ExpectedDowntime => "activity-field-expected-downtime",
        Field::ImpactSummary => "activity-field-impact-summary",
        Field::WentWell => "activity-field-went-well",
        Field::WentWrong => "activity-field-went-wrong",
        Field::Lessons => "activity-field-lessons",
        Field::FollowUp => "activity-field-follow-up",
        Field::Template => "activity-field-template",
        Field::ClonedFrom => "activity-field-cloned-from",
        Field::CurrentAgent => "activity-field-current-agent",
        Field::Language => "activity-field-language",
        Field::Theme => "activity-field-theme",
        Field::KpiTargets => "activity-field-kpi-targets",
        Field::Name => "activity-field-name",
        Field::Email => "activity-field-email",
        Field::Active => "activity-field-active",
        Field::Command => "activity-field-command",
        Field::Window => "schedule-activity-window",
        Field::Freeze => "schedule-activity-freeze",
        Field::Cab => "cab-activity-cab",
        Field::Vote => "cab-activity-vote",
        Field::Reading => "monitoring-field-reading",
        Field::Threshold => "monitoring-field-threshold",
        Field::Meeting => "meeting-activity-meeting",
        Field::Agenda => "meeting-field-agenda",
        Field::Decision => "meeting-field-decision",
        Field::Actions => "meeting-field-actions",
        Field::Minutes => "meeting-field-minutes",
        Field::ActionDone => "meeting-field-action-done",
        Field::RegulatorStep => "regulator-activity-step",
        Field::RegulatorApproval => "regulator-activity-approval",
        Field::Other(code) => return code.clone(),
    };
    tr(key)
}

/// A value in the current language; empty for [`Value::None`].
pub fn activity_value(value: &Value) -> String {
    match value {
        Value::None => String::new(),
        Value::Text(text) => text.clone(),
        Value::Status(s) => super::status(*s),
        Value::Priority(p) => super::priority(*p),
        Value::ReleaseType(t) => super::release_type(*t),
        Value::Stage(s) => super::stage(*s),
        Value::Outcome(o) => super::outcome(*o),
        Value::Strategy(s) => super::strategy(*s),
        Value::Agent(agent) => named(agent),
        Value::Group(group) => named(group),
        Value::Department(department) => named(department),
        Value::Time(t) => super::datetime_short(*t),
        Value::Minutes(m) => super::duration(i64::from(*m)),
        Value::Count(n) => tr_args("activity-times", &[("count", (*n).into())]),
        Value::Chars(n) => tr_args("activity-chars", &[("count", Arg::Num(*n as f64))]),
        Value::Plan(plan) => plan_text(plan),
        Value::Bool(billable) => tr(if *billable { "time-billable-yes" } else { "time-billable-no" }),
        Value::Changes(ids) => change_ids(ids),
        Value::ConfigItems(ids) => config_item_ids(ids),
        Value::Change(change) => change_text(change),
        Value::ConfigItem(item) => config_item_text(item),
        Value::Task(task) => tr_args(
            "activity-task-value",
            &[("title", task.title.as_str().into()), ("status", super::task_status(task.status).into())],
        ),
        Value::TimerStarted(at) => tr_args("time-started-at", &[("when", super::datetime_short(*at).into())]),
        Value::TimerStopped(m) => {
            tr_args("activity-timer-stopped", &[("spent", super::duration(i64::from(*m)).into())])
        }
        Value::Gate(gate) => gate_text(gate),
        Value::PlanChecks(checks) => {
            checks.iter().map(|c| super::plan_check(*c)).collect::<Vec<_>>().join(", ")
        }
        Value::Mitigations(items) => {
            items.iter().map(|i| super::mitigation_item(*i)).collect::<Vec<_>>().join(", ")
        }
        Value::Risk(risk) => risk_text(risk),
        Value::Phases(phases) => phases
            .iter()
            .map(|p| {
                tr_args(
                    "activity-phase-value",
                    &[("name", p.name.as_str().into()), ("status", super::phase_status(p.status).into())],
                )
            })
            .collect::<Vec<_>>()
            .join(" → "),
        Value::Language(language) => language.native_name().to_owned(),
        Value::Theme(theme) => super::theme(*theme),
        Value::KpiTargets(targets) => Kpi::ALL
            .iter()
            .map(|k| format!("{} {}", super::kpi(*k), super::kpi_target_in(super::language(), targets, *k)))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Command(summary) => summary_label(summary),
        Value::Criticality(c) => super::criticality(*c),
        Value::Rehearsal(r) => rehearsal_text(r),
        Value::Schedule(item) => super::schedule::schedule_ref(item),
        Value::Cab(cab) => named(cab),
        Value::Vote(vote) => super::cab::vote_ref(vote),
        Value::Reading(reading) => super::monitoring::reading_ref(reading),
        Value::Threshold(threshold) => super::monitoring::threshold_ref(threshold),
        Value::MeetingOutcome(outcome) => super::meeting::meeting_outcome(*outcome),
        Value::RegulatorStep(step) => named(step),
        Value::RegulatorApproval(approval) => super::regulator::regulator_approval_ref(approval),
    }
}

fn rehearsal_text(r: &RehearsalRef) -> String {
    tr_args(
        "activity-rehearsal-value",
        &[
            ("date", super::format_date_in(super::language(), &r.date.with_timezone(&chrono::Local)).into()),
            ("duration", super::duration(i64::from(r.restore_minutes)).into()),
            ("result", super::rehearsal_result(r.result).into()),
        ],
    )
}

fn plan_text(plan: &PlanProgress) -> String {
    tr_args(
        "activity-plan-summary",
        &[("chars", Arg::Num(plan.chars as f64)), ("done", plan.done.into()), ("total", plan.total.into())],
    )
}

fn change_ids(ids: &[ChangeId]) -> String {
    ids.iter().map(|id| format!("CHG-{id}")).collect::<Vec<_>>().join(", ")
}

fn config_item_ids(ids: &[ConfigItemId]) -> String {
    ids.iter().map(|id| format!("CI-{id}")).collect::<Vec<_>>().join(", ")
}

fn change_text(change: &ChangeRef) -> String {
    let mut text = format!("CHG-{} {}", change.id, change.subject);
    let codes: Vec<String> = change
        .approval
        .map(super::cab_approval)
        .into_iter()
        .chain(change.risk.map(super::change_risk))
        .collect();
    if !codes.is_empty() {
        text.push_str(&format!(" ({})", codes.join(", ")));
    }
    text
}

fn config_item_text(item: &ConfigItemRef) -> String {
    match item.kind {
        Some(kind) => format!("CI-{} {} ({})", item.id, item.name, super::ci_kind(kind)),
        None => format!("CI-{} {}", item.id, item.name),
    }
}

fn gate_text(gate: &GateReasons) -> String {
    let reasons = tr_args(
        "activity-gate-reasons",
        &[("changes", gate.unapproved_changes.into()), ("items", gate.plan_items_missing.into())],
    );
    if gate.hard_freezes == 0 {
        return reasons;
    }
    let freezes = tr_args("activity-gate-freezes", &[("count", gate.hard_freezes.into())]);
    format!("{reasons}, {freezes}")
}

fn risk_text(risk: &RiskRef) -> String {
    let title = match (risk.title.is_empty(), risk.kind) {
        (true, Some(kind)) => super::risk_kind(kind),
        _ => risk.title.clone(),
    };
    tr_args(
        "activity-risk-value",
        &[
            ("title", title.into()),
            ("likelihood", u32::from(risk.likelihood).into()),
            ("impact", u32::from(risk.impact).into()),
        ],
    )
}

/// One field's change as `old -> new` (only `new` when it was empty, `old -> (removed)` when it
/// is gone now).
fn change_line(change: &FieldChange) -> String {
    let value = |value: &Value| match (&change.field, value) {
        (Field::Active, Value::Bool(active)) => tr(if *active { "people-active" } else { "people-inactive" }),
        _ => activity_value(value),
    };
    let (old, new) = (value(&change.old), value(&change.new));
    match (old.is_empty(), new.is_empty()) {
        (true, true) => String::new(),
        (true, false) => new,
        (false, true) => format!("{old} -> {}", tr("activity-removed")),
        (false, false) => format!("{old} -> {new}"),
    }
}

/// The "What" and "Change" cells of a row: the fields, and each one's change, in the same order
/// (a bulk assignment or a time entry's edit changes several in one row).
pub fn activity_cells(activity: &Activity) -> (String, String) {
    let what = activity.changes.iter().map(|c| activity_field(&c.field)).collect::<Vec<_>>().join(" / ");
    let change = activity.changes.iter().map(change_line).collect::<Vec<_>>().join(" / ");
    (what, change)
}
