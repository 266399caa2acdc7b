//! The schedule in the current language: conflict kinds, what a conflict is and how to resolve it,
//! scopes, freeze kinds, when a window or freeze happens, and why one is refused (a rule's
//! validation messages included). Keys are in `assets/i18n/{en,ko}/schedule.ftl`.

use super::{Arg, datetime_short, duration, tr, tr_args};
use crate::domain::activity::ScheduleRef;
use crate::domain::schedule::{
    Conflict, ConflictKind, FreezeKind, Resolution, RuleInvalid, ScheduleInvalid, Scope, Severity, Timing, Tz,
};
use crate::domain::{Directory, Registry, ReleaseId};

/// The name of a kind of conflict.
pub fn conflict_kind(kind: ConflictKind) -> String {
    tr(match kind {
        ConflictKind::Freeze => "schedule-kind-freeze",
        ConflictKind::OutsideWindow => "schedule-kind-outside-window",
        ConflictKind::CiOverlap => "schedule-kind-ci-overlap",
        ConflictKind::AgentOverlap => "schedule-kind-agent-overlap",
        ConflictKind::DeployEarly => "schedule-kind-deploy-early",
        ConflictKind::DeployLate => "schedule-kind-deploy-late",
    })
}

/// "Blocks" / "Warning".
pub fn severity(severity: Severity) -> String {
    tr(match severity {
        Severity::Block => "schedule-severity-block",
        Severity::Warn => "schedule-severity-warn",
    })
}

/// `#12, #15`.
pub fn release_ids(ids: &[ReleaseId]) -> String {
    ids.iter().map(|id| super::release_number(*id)).collect::<Vec<_>>().join(", ")
}

/// What the conflict is, as one sentence.
pub fn conflict_text(conflict: &Conflict) -> String {
    let ids = ("ids", Arg::from(release_ids(&conflict.release_ids)));
    let from = ("from", Arg::from(datetime_short(conflict.from)));
    let to = ("to", Arg::from(datetime_short(conflict.to)));
    let name = ("name", Arg::from(conflict.against.as_ref().map_or("", |a| a.name()).to_owned()));
    match conflict.kind {
        ConflictKind::Freeze => {
            let key = if conflict.severity == Severity::Block {
                "schedule-conflict-hard-freeze"
            } else {
                "schedule-conflict-soft-freeze"
            };
            tr_args(key, &[ids, name, from, to])
        }
        ConflictKind::OutsideWindow => tr_args("schedule-conflict-outside-window", &[ids, from, to]),
        ConflictKind::CiOverlap => {
            let item = match &conflict.resolution {
                Resolution::Sequence { item, .. } => format!("CI-{item}"),
                _ => String::new(),
            };
            tr_args("schedule-conflict-ci-overlap", &[ids, ("item", item.into()), from, to])
        }
        ConflictKind::AgentOverlap => tr_args("schedule-conflict-agent-overlap", &[ids, from, to]),
        ConflictKind::DeployEarly => tr_args("schedule-conflict-deploy-early", &[ids, from, to]),
        ConflictKind::DeployLate => tr_args("schedule-conflict-deploy-late", &[ids, from, to]),
    }
}

/// How to resolve it, as one sentence.
pub fn resolution_text(resolution: &Resolution, directory: &Directory) -> String {
    match resolution {
        Resolution::AfterFreeze { ends } => {
            tr_args("schedule-fix-after-freeze", &[("ends", datetime_short(*ends).into())])
        }
        Resolution::IntoWindow { window, start, end } => tr_args(
            "schedule-fix-into-window",
            &[
                ("name", window.as_ref().into()),
                ("start", datetime_short(*start).into()),
                ("end", datetime_short(*end).into()),
            ],
        ),
        Resolution::NoWindowAhead => tr("schedule-fix-no-window"),
        Resolution::Sequence { first, later, ends, .. } => tr_args(
            "schedule-fix-sequence",
            &[("first", (*first).into()), ("later", (*later).into()), ("ends", datetime_short(*ends).into())],
        ),
        Resolution::Reassign { agent, ends } => tr_args(
            "schedule-fix-reassign",
            &[("agent", directory.agent_name(Some(*agent)).into()), ("ends", datetime_short(*ends).into())],
        ),
        Resolution::Replan { deployed } => {
            tr_args("schedule-fix-replan", &[("deployed", datetime_short(*deployed).into())])
        }
    }
}

/// "Hard" / "Soft".
pub fn freeze_kind(kind: FreezeKind) -> String {
    tr(match kind {
        FreezeKind::Hard => "schedule-freeze-hard",
        FreezeKind::Soft => "schedule-freeze-soft",
    })
}

/// Which releases a scope takes in: "All releases", "Group: ERP 운영팀", "Type: Emergency", "CI-3 SAP".
pub fn scope_label(scope: &Scope, directory: &Directory, registry: &Registry) -> String {
    match scope {
        Scope::All => tr("schedule-scope-all"),
        Scope::Group(g) => {
            tr_args("schedule-scope-group", &[("name", directory.group_name(Some(*g)).into())])
        }
        Scope::ReleaseType(t) => {
            tr_args("schedule-scope-type", &[("type", super::labels::release_type(*t).into())])
        }
        Scope::ConfigItem(c) => {
            let name = registry.config_item(*c).map_or_else(String::new, |i| i.name.clone());
            tr_args("schedule-scope-ci", &[("id", (*c).into()), ("name", name.into())])
        }
    }
}

/// When it happens: "2026-12-24 00:00 – 2027-01-02 00:00" or "FREQ=WEEKLY;BYDAY=SA from 22:00, 8h
/// each (Asia/Seoul)".
pub fn timing_text(timing: &Timing, zone: Tz) -> String {
    match timing {
        Timing::Once { start, end } => tr_args(
            "schedule-timing-once",
            &[("start", datetime_short(*start).into()), ("end", datetime_short(*end).into())],
        ),
        Timing::Recurring { recurrence, minutes } => tr_args(
            "schedule-timing-recurring",
            &[
                ("rule", recurrence.rule.as_str().into()),
                ("time", recurrence.start.format("%H:%M").to_string().into()),
                ("length", duration(i64::from(*minutes)).into()),
                ("zone", zone.name().into()),
            ],
        ),
    }
}

/// A logged window or freeze: its name and when it happens.
pub fn schedule_ref(item: &ScheduleRef) -> String {
    let when = match (&item.rule, item.minutes, item.start, item.end) {
        (Some(rule), minutes, _, _) => tr_args(
            "schedule-ref-recurring",
            &[("rule", rule.as_str().into()), ("length", duration(i64::from(minutes.unwrap_or(0))).into())],
        ),
        (None, _, Some(start), Some(end)) => tr_args(
            "schedule-timing-once",
            &[("start", datetime_short(start).into()), ("end", datetime_short(end).into())],
        ),
        _ => String::new(),
    };
    let kind = item.freeze.map(freeze_kind).map_or_else(String::new, |k| format!(" · {k}"));
    format!("{} ({when}, {}){kind}", item.name, item.zone)
}

/// Why a window or freeze is refused, as a sentence.
pub fn schedule_invalid(err: &ScheduleInvalid) -> String {
    match err {
        ScheduleInvalid::NameEmpty => tr("schedule-invalid-name-empty"),
        ScheduleInvalid::NameTooLong(count) => {
            tr_args("schedule-invalid-name-too-long", &[("count", (*count).into())])
        }
        ScheduleInvalid::EndNotAfterStart => tr("schedule-invalid-end"),
        ScheduleInvalid::DurationZero => tr("schedule-invalid-duration-zero"),
        ScheduleInvalid::DurationTooLong(_) => tr("schedule-invalid-duration-long"),
        ScheduleInvalid::ExemptReasonRequired => tr("schedule-invalid-exempt-reason"),
        ScheduleInvalid::Rule(rule) => rule_invalid(rule),
    }
}

/// What is wrong with a recurrence rule, as a sentence.
pub fn rule_invalid(err: &RuleInvalid) -> String {
    match err {
        RuleInvalid::Empty => tr("schedule-rule-empty"),
        RuleInvalid::NoFrequency => tr("schedule-rule-no-freq"),
        RuleInvalid::UnknownPart(part) => {
            tr_args("schedule-rule-unknown-part", &[("part", part.as_str().into())])
        }
        RuleInvalid::BadValue { part, value } => tr_args(
            "schedule-rule-bad-value",
            &[("part", part.as_str().into()), ("value", value.as_str().into())],
        ),
        RuleInvalid::Repeated(part) => tr_args("schedule-rule-repeated", &[("part", part.as_str().into())]),
        RuleInvalid::CountAndUntil => tr("schedule-rule-count-and-until"),
        RuleInvalid::NoOccurrence => tr("schedule-rule-never"),
        RuleInvalid::Rejected(detail) => {
            tr_args("schedule-rule-rejected", &[("detail", detail.as_str().into())])
        }
    }
}
