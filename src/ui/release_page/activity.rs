//! The activity log of the release: every change with who, when, and old -> new, newest first,
//! filterable by kind. Read from the file through `Model::activities_for` only when the model
//! changed (cached by revision), and shown with `TableBody::rows` so a long log costs only the
//! visible rows.

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use super::{ERROR_RED, SectionContext};
use crate::domain::{Activity, ReleaseId};
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
        _ => return field.to_owned(),
    };
    tr(key)
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
                        row.col(|ui| {
                            ui.label(field_label(&a.field));
                        });
                        row.col(|ui| {
                            let change = match (a.old_value.is_empty(), a.new_value.is_empty()) {
                                (true, true) => String::new(),
                                (true, false) => a.new_value.clone(),
                                (false, true) => format!("{} -> {}", a.old_value, tr("activity-removed")),
                                (false, false) => format!("{} -> {}", a.old_value, a.new_value),
                            };
                            ui.add(egui::Label::new(&change).truncate()).on_hover_text(&change);
                        });
                    });
                });
        });
}
