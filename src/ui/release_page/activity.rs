//! The activity log of the release: every change with who, when, and old -> new, newest first,
//! filterable by kind. Read from the file through `Model::activities_for` only when the model
//! changed (cached by revision), and shown with `TableBody::rows` so a long log costs only the
//! visible rows.

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use super::{ERROR_RED, SectionContext};
use crate::domain::{Activity, Outcome, Priority, ReleaseId, ReleaseType, Stage, Status, Strategy};
use crate::i18n::{self, tr, tr_args};

/// The log as last read, and the kind shown.
#[derive(Default)]
pub struct ActivitySection {
    /// `None` shows every kind.
    pub kind: Option<String>,
    /// (model revision, release, rows or the read error).
    cache: Option<(u64, ReleaseId, Result<Vec<Activity>, String>)>,
}

/// The label of an activity kind; unknown kinds show as stored.
fn kind_label(kind: &str) -> String {
    let key = match kind {
        "created" => "activity-created",
        "field" => "activity-field",
        "trash" => "activity-trash",
        "restore" => "activity-restore",
        "note" => "activity-note",
        "task" => "activity-task",
        "time" => "activity-time",
        "revert" => "activity-revert",
        "purge" => "activity-purge",
        "change" => "activity-change-link",
        "ci" => "activity-ci",
        "override" => "activity-override",
        "stage_note" => "activity-stage-note",
        "readiness" => "activity-readiness",
        _ => return kind.to_owned(),
    };
    tr(key)
}

/// The label of the changed fields (one, or several as `"time_spent, billable"`); unknown fields
/// show their Freshservice name.
fn field_label(fields: &str) -> String {
    fields.split(", ").map(one_field_label).collect::<Vec<_>>().join(", ")
}

fn one_field_label(field: &str) -> String {
    let key = match field {
        "subject" => "field-subject",
        "description" => "field-description",
        "status" => "field-status",
        "priority" => "field-priority",
        "release_type" => "field-type",
        "planned_start_date" => "field-planned-start",
        "planned_end_date" => "field-planned-end",
        "agent_id" => "field-agent",
        "group_id" => "field-group",
        "department_id" => "field-department",
        "category" => "field-category",
        "stage" => "field-stage",
        "work_start_date" | "work_end_date" => "field-work-window",
        "build_plan" => "plan-build",
        "test_plan" => "plan-test",
        "time_spent" => "time-spent",
        "executed_at" => "time-executed-at",
        "billable" => "time-billable",
        "timer" => "time-timer",
        "note" => "activity-note",
        "task" => "activity-task",
        "readiness" => "readiness-plan",
        "mitigation" => "risk-col-mitigation",
        "risk" => "risk-col-risk",
        "strategy" => "section-strategy",
        "deployment_phases" => "activity-phases",
        "deploy_gate" => "activity-deploy-gate",
        "outcome" => "activity-outcome",
        "closed_at" => "activity-closed-at",
        "deleted_at" => "activity-deleted-at",
        _ => return Stage::from_code(field).map_or_else(|| field.to_owned(), i18n::stage),
    };
    tr(key)
}

/// A stored value in the UI's language. The log keeps language-free values (Freshservice's English
/// labels, RFC 3339 times, "N chars"), so it reads the same whichever language wrote it; they are
/// translated here. Anything else (names, subjects) shows as stored.
fn value_text(field: &str, value: &str) -> String {
    let translated = match field {
        "status" => Status::parse(value).map(i18n::status),
        "priority" => Priority::parse(value).map(i18n::priority),
        "release_type" => ReleaseType::parse(value).map(i18n::release_type),
        "stage" => Stage::ALL.into_iter().find(|s| s.label() == value).map(i18n::stage),
        "outcome" => {
            [Outcome::Successful, Outcome::Failed].into_iter().find(|o| o.label() == value).map(i18n::outcome)
        }
        "planned_start_date" | "planned_end_date" | "work_start_date" | "work_end_date" | "closed_at"
        | "deleted_at" | "executed_at" => chrono::DateTime::parse_from_rfc3339(value)
            .ok()
            .map(|t| i18n::datetime_short(t.with_timezone(&chrono::Utc))),
        "description" => value
            .strip_suffix(" chars")
            .and_then(|n| n.parse::<i64>().ok())
            .map(|n| tr_args("activity-chars", &[("count", n.into())])),
        "build_plan" | "test_plan" => plan_summary(value),
        "strategy" => Strategy::from_code(value).map(i18n::strategy),
        "billable" => match value {
            "billable" => Some(tr("time-billable-yes")),
            "not billable" => Some(tr("time-billable-no")),
            _ => None,
        },
        _ => None,
    };
    translated.unwrap_or_else(|| value.to_owned())
}

/// "120 chars, 2/5 done" -> the same in the UI's language.
fn plan_summary(value: &str) -> Option<String> {
    let (chars, progress) = value.split_once(" chars, ")?;
    let (done, total) = progress.strip_suffix(" done")?.split_once('/')?;
    let number = |s: &str| s.parse::<i64>().ok();
    Some(tr_args(
        "activity-plan-summary",
        &[("chars", number(chars)?.into()), ("done", number(done)?.into()), ("total", number(total)?.into())],
    ))
}

/// The "What" and "Change" cells of a row. A bulk assignment logs two fields in one row
/// (`agent_id, group_id`, values `old agent / old group`): each part is translated on its own.
fn what_and_change(a: &Activity) -> (String, String) {
    let fields: Vec<&str> = a.field.split(", ").collect();
    let split = |v: &str| -> Vec<String> {
        if fields.len() > 1 { v.split(" / ").map(str::to_owned).collect() } else { vec![v.to_owned()] }
    };
    let (olds, news) = (split(&a.old_value), split(&a.new_value));
    if olds.len() != fields.len() || news.len() != fields.len() {
        return (field_label(&a.field), change_text(&a.old_value, &a.new_value));
    }
    let what = fields.iter().map(|f| field_label(f)).collect::<Vec<_>>().join(" / ");
    let change = fields
        .iter()
        .zip(olds.iter().zip(&news))
        .map(|(f, (o, n))| change_text(&value_text(f, o), &value_text(f, n)))
        .collect::<Vec<_>>()
        .join(" / ");
    (what, change)
}

fn change_text(old: &str, new: &str) -> String {
    match (old.is_empty(), new.is_empty()) {
        (true, true) => String::new(),
        (true, false) => new.to_owned(),
        (false, true) => format!("{old} -> {}", tr("activity-removed")),
        (false, false) => format!("{old} -> {new}"),
    }
}

pub fn activity_ui(ui: &mut egui::Ui, state: &mut ActivitySection, cx: &mut SectionContext<'_>) {
    let revision = cx.model.revision();
    let id = cx.release.id;
    if !matches!(&state.cache, Some((r, i, _)) if *r == revision && *i == id) {
        let rows = cx.model.activities_for(id).map_err(|e| i18n::store_error(&e));
        state.cache = Some((revision, id, rows));
    }
    let Some((_, _, rows)) = &state.cache else { return };
    let count = rows.as_ref().map_or(0, Vec::len);
    let title = tr_args("section-activity", &[("count", count.into())]);
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt("section_activity")
        .default_open(true)
        .show(ui, |ui| {
            let rows = match rows {
                Ok(rows) => rows,
                Err(message) => {
                    ui.label(RichText::new(message).color(ERROR_RED));
                    return;
                }
            };
            let mut kinds: Vec<&str> = rows.iter().map(|a| a.kind.as_str()).collect();
            kinds.sort_unstable();
            kinds.dedup();
            ui.horizontal(|ui| {
                let label = ui.label(tr("activity-filter"));
                let selected = state.kind.as_deref().map_or_else(|| tr("activity-all"), kind_label);
                egui::ComboBox::from_id_salt("activity_kind")
                    .selected_text(selected)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut state.kind, None, tr("activity-all"));
                        for kind in &kinds {
                            ui.selectable_value(&mut state.kind, Some((*kind).to_owned()), kind_label(kind));
                        }
                    })
                    .response
                    .labelled_by(label.id);
            });
            let shown: Vec<&Activity> =
                rows.iter().filter(|a| state.kind.as_deref().is_none_or(|k| a.kind == k)).collect();
            let directory = cx.model.directory();
            TableBuilder::new(ui)
                .id_salt("activity_table")
                .striped(true)
                .resizable(true)
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .column(Column::initial(130.0).at_least(100.0))
                .column(Column::initial(110.0).at_least(60.0).clip(true))
                .column(Column::initial(100.0).at_least(60.0).clip(true))
                .column(Column::initial(110.0).at_least(60.0).clip(true))
                .column(Column::remainder().at_least(120.0).clip(true))
                .max_scroll_height(320.0)
                .header(22.0, |mut header| {
                    for key in
                        ["activity-when", "activity-who", "activity-kind", "activity-what", "activity-change"]
                    {
                        header.col(|ui| {
                            ui.strong(tr(key));
                        });
                    }
                })
                .body(|body| {
                    body.rows(22.0, shown.len(), |mut row| {
                        let a = shown[row.index()];
                        row.col(|ui| {
                            ui.label(i18n::datetime_short(a.at));
                        });
                        row.col(|ui| {
                            let who = a.actor.map_or_else(
                                || tr("agent-nobody"),
                                |id| directory.agent_name(Some(id)).to_owned(),
                            );
                            ui.label(who);
                        });
                        row.col(|ui| {
                            ui.label(kind_label(&a.kind));
                        });
                        let (what, change) = what_and_change(a);
                        row.col(|ui| {
                            ui.label(what);
                        });
                        row.col(|ui| {
                            ui.add(egui::Label::new(&change).truncate()).on_hover_text(&change);
                        });
                    });
                });
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Language, Timestamp};

    fn row(field: &str, old_value: &str, new_value: &str) -> Activity {
        Activity {
            id: crate::domain::ActivityId(1),
            release_id: Some(ReleaseId(1)),
            actor: None,
            at: Timestamp::UNIX_EPOCH,
            kind: "field".into(),
            field: field.into(),
            old_value: old_value.into(),
            new_value: new_value.into(),
        }
    }

    #[test]
    fn stored_values_show_in_the_ui_language() {
        i18n::set_language(Language::Ko);
        assert_eq!(
            what_and_change(&row("status", "Open", "In Progress")),
            ("상태".into(), "열림 -> 진행 중".into())
        );
        assert_eq!(what_and_change(&row("priority", "Low", "Urgent")).1, "낮음 -> 긴급");
        assert_eq!(what_and_change(&row("description", "0 chars", "12 chars")).1, "0자 -> 12자");
        assert_eq!(what_and_change(&row("build_plan", "", "120 chars, 2/5 done")).1, "120자, 2/5 완료");
        assert_eq!(what_and_change(&row("strategy", "big_bang", "phased")).1, "빅뱅 배포 -> 단계적 배포");
        // A bulk assignment: two fields in one row, each translated; names stay as they are.
        assert_eq!(
            what_and_change(&row("agent_id, group_id", "김민준 / ", "박지훈 / 인프라팀")),
            ("담당자 / 그룹".into(), "김민준 -> 박지훈 / 인프라팀".into())
        );
        // Times are shown in the local time zone and the language's format, not as RFC 3339.
        let (_, change) = what_and_change(&row("planned_start_date", "", "2026-11-28T15:00:00Z"));
        assert!(!change.contains('T') && change.contains("2026"), "{change}");
        // A time entry edit: three fields in one row.
        assert_eq!(
            what_and_change(&row("time_spent, billable", "01:30 / billable", "02:15 / not billable")).1,
            "01:30 -> 02:15 / 청구 가능 -> 청구 불가"
        );
        // What it does not know shows as stored.
        assert_eq!(what_and_change(&row("status", "Bogus", "")).1, "Bogus -> (삭제됨)");
        i18n::set_language(Language::En);
        assert_eq!(what_and_change(&row("status", "Open", "On hold")).1, "Open -> On hold");
    }
}
