//! The properties panel on the right of the page: status, priority, type, the planned window (a
//! draft until saved), group, agent, department, category (saved when the user leaves it), stage,
//! the work window and the created and updated times; below them what came from Freshservice.

use egui::RichText;

use super::{ERROR_RED, Origin, ReleasePage};
use crate::domain::release::validate_window;
use crate::domain::{Priority, Release, ReleaseType, Status};
use crate::i18n::{self, tr};
use crate::model::{Model, ReleaseEdit};
use crate::ui::outbox::Outbox;
use crate::ui::widgets::combo::{agent_combo_ui, department_combo_ui, enum_combo_ui, group_combo_ui};
use crate::ui::widgets::datetime_edit_ui;

impl ReleasePage {
    pub(super) fn properties_ui(
        &mut self,
        ui: &mut egui::Ui,
        release: &Release,
        model: &Model,
        outbox: &mut Outbox,
    ) {
        let directory = model.directory();
        ui.heading(tr("page-properties"));
        ui.add_space(4.0);
        let mut edits = Vec::new();
        egui::Grid::new(("page_properties_grid", release.id.0)).num_columns(2).spacing([10.0, 8.0]).show(
            ui,
            |ui| {
                let mut status = release.status;
                let label = ui.label(tr("field-status"));
                if enum_combo_ui(ui, "page_status", &mut status, Status::ALL, i18n::status, label.id) {
                    edits.push(ReleaseEdit::Status(status));
                }
                ui.end_row();
                let mut priority = release.priority;
                let label = ui.label(tr("field-priority"));
                if enum_combo_ui(ui, "page_priority", &mut priority, Priority::ALL, i18n::priority, label.id)
                {
                    edits.push(ReleaseEdit::Priority(priority));
                }
                ui.end_row();
                let mut kind = release.release_type;
                let label = ui.label(tr("field-type"));
                if enum_combo_ui(ui, "page_type", &mut kind, ReleaseType::ALL, i18n::release_type, label.id) {
                    edits.push(ReleaseEdit::ReleaseType(kind));
                }
                ui.end_row();
                let mut planned = self.planned.unwrap_or(release.planned);
                ui.label(tr("field-planned-start"));
                let start_changed = datetime_edit_ui(ui, "page_planned_start", &mut planned.start);
                ui.end_row();
                ui.label(tr("field-planned-end"));
                let end_changed = datetime_edit_ui(ui, "page_planned_end", &mut planned.end);
                ui.end_row();
                if start_changed || end_changed {
                    // Kept as a draft (a drag changes it every frame) until the user saves it.
                    self.planned = Some(planned).filter(|p| *p != release.planned);
                }
                let mut group = release.group_id;
                let label = ui.label(tr("field-group"));
                if group_combo_ui(ui, "page_group", &mut group, directory, label.id) {
                    edits.push(ReleaseEdit::Group(group));
                }
                ui.end_row();
                let mut agent = release.agent_id;
                let label = ui.label(tr("field-agent"));
                if agent_combo_ui(ui, "page_agent", &mut agent, directory, label.id) {
                    edits.push(ReleaseEdit::Agent(agent));
                }
                ui.end_row();
                let mut department = release.department_id;
                let label = ui.label(tr("field-department"));
                if department_combo_ui(ui, "page_department", &mut department, directory, label.id) {
                    edits.push(ReleaseEdit::Department(department));
                }
                ui.end_row();
                let label = ui.label(tr("field-category"));
                let category =
                    self.category.get_or_insert_with(|| release.category.clone().unwrap_or_default());
                let response =
                    ui.add(egui::TextEdit::singleline(category).desired_width(200.0)).labelled_by(label.id);
                if response.lost_focus() {
                    let value = Some(category.trim().to_owned()).filter(|c| !c.is_empty());
                    if value != release.category {
                        edits.push(ReleaseEdit::Category(value));
                    }
                } else if !response.has_focus() {
                    self.category = None;
                }
                ui.end_row();
                ui.label(tr("field-stage"));
                ui.label(i18n::stage(release.stage));
                ui.end_row();
                ui.label(tr("field-work-window"));
                ui.label(match (release.work_start, release.work_end) {
                    (None, _) => tr("work-not-started"),
                    (Some(s), None) => format!("{} - …", i18n::datetime_short(s)),
                    (Some(s), Some(e)) => {
                        format!("{} - {}", i18n::datetime_short(s), i18n::datetime_short(e))
                    }
                });
                ui.end_row();
                ui.label(tr("field-created"));
                ui.label(i18n::datetime(release.created_at));
                ui.end_row();
                ui.label(tr("field-updated"));
                ui.label(i18n::datetime(release.updated_at));
                ui.end_row();
            },
        );
        if let Some(planned) = self.planned {
            let invalid = validate_window(&planned).err();
            if let Some(e) = &invalid {
                ui.label(RichText::new(i18n::invalid(e)).color(ERROR_RED));
            }
            ui.horizontal(|ui| {
                if ui.add_enabled(invalid.is_none(), egui::Button::new(tr("page-save-window"))).clicked() {
                    edits.push(ReleaseEdit::Planned(planned));
                }
                if ui.button(tr("action-revert")).clicked() {
                    self.planned = None;
                }
            });
        }
        super::imported::imported_ui(ui, release);
        if !edits.is_empty() {
            self.edit(outbox, Origin::Properties, edits);
        }
    }
}
