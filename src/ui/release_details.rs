//! The release properties modal (double-click or Enter on a row): every field of the release,
//! editable, saved as one command. The form keeps the user's edits if saving fails.

use egui::{Color32, RichText};

use super::new_release::{agent_combo_ui, enum_combo_ui, group_combo_ui};
use super::widgets::{chip_ui, datetime_edit_ui, local_time, priority_color, status_color, type_color};
use crate::domain::release::{validate_subject, validate_window};
use crate::domain::{Directory, Priority, Release, ReleaseType, Status};
use crate::i18n::{self, tr};
use crate::model::{Command, ReleaseEdit};

/// An open properties form.
pub struct ReleaseDetails {
    /// The release as it was when opened (or last saved).
    original: Release,
    /// The user's edits.
    form: Release,
    pub error: Option<String>,
    pending: bool,
}

impl ReleaseDetails {
    pub fn new(release: Release) -> Self {
        Self { form: release.clone(), original: release, error: None, pending: false }
    }

    pub fn release_id(&self) -> crate::domain::ReleaseId {
        self.original.id
    }

    pub fn is_dirty(&self) -> bool {
        self.form != self.original
    }

    /// Called with the result of the queued save; `saved` is the release as stored now.
    pub fn on_result(&mut self, result: Result<Option<Release>, String>) {
        self.pending = false;
        match result {
            Ok(Some(saved)) => {
                self.original = saved.clone();
                self.form = saved;
                self.error = None;
            }
            Ok(None) => self.error = None,
            Err(message) => self.error = Some(message),
        }
    }

    fn edits(&self) -> Vec<ReleaseEdit> {
        let f = &self.form;
        vec![
            ReleaseEdit::Subject(f.subject.clone()),
            ReleaseEdit::Description(f.description.clone()),
            ReleaseEdit::Status(f.status),
            ReleaseEdit::Priority(f.priority),
            ReleaseEdit::ReleaseType(f.release_type),
            ReleaseEdit::Planned(f.planned),
            ReleaseEdit::Agent(f.agent_id),
            ReleaseEdit::Group(f.group_id),
            ReleaseEdit::Department(f.department_id),
            ReleaseEdit::Category(f.category.clone()),
        ]
    }

    /// Shows the modal. Returns false when it should close.
    pub fn modal_ui(
        &mut self,
        ctx: &egui::Context,
        directory: &Directory,
        commands: &mut Vec<Command>,
    ) -> bool {
        let mut keep_open = true;
        let modal = egui::Modal::new(egui::Id::unique("release_details_modal")).show(ctx, |ui| {
            ui.set_width(640.0);
            let f = &mut self.form;
            ui.horizontal(|ui| {
                ui.heading(format!("#{}", f.id));
                chip_ui(ui, &i18n::status(f.status), status_color(f.status));
                chip_ui(ui, &i18n::priority(f.priority), priority_color(f.priority));
                chip_ui(ui, &i18n::release_type(f.release_type), type_color(f.release_type));
                if f.is_deleted() {
                    chip_ui(ui, &tr("chip-in-trash"), Color32::DARK_GRAY);
                }
            });
            ui.add(
                egui::TextEdit::singleline(&mut f.subject)
                    .desired_width(f32::INFINITY)
                    .font(egui::TextStyle::Heading),
            )
            .on_hover_text(tr("field-subject"));
            if let Err(e) = validate_subject(&f.subject) {
                ui.label(RichText::new(i18n::invalid(&e)).color(Color32::from_rgb(0xd0, 0x40, 0x40)));
            }
            ui.add_space(6.0);
            egui::Grid::new("details_grid").num_columns(4).spacing([12.0, 8.0]).show(ui, |ui| {
                let label = ui.label(tr("field-status"));
                enum_combo_ui(ui, "details_status", &mut f.status, Status::ALL, i18n::status, label.id);
                let label = ui.label(tr("field-agent"));
                agent_combo_ui(ui, "details_agent", &mut f.agent_id, directory, label.id);
                ui.end_row();
                let label = ui.label(tr("field-priority"));
                enum_combo_ui(
                    ui,
                    "details_priority",
                    &mut f.priority,
                    Priority::ALL,
                    i18n::priority,
                    label.id,
                );
                let label = ui.label(tr("field-group"));
                group_combo_ui(ui, "details_group", &mut f.group_id, directory, label.id);
                ui.end_row();
                let label = ui.label(tr("field-type"));
                enum_combo_ui(
                    ui,
                    "details_type",
                    &mut f.release_type,
                    ReleaseType::ALL,
                    i18n::release_type,
                    label.id,
                );
                let department_label = ui.label(tr("field-department"));
                let text = f
                    .department_id
                    .map_or_else(|| tr("department-none"), |d| directory.department_name(Some(d)).to_owned());
                egui::ComboBox::from_id_salt("details_department")
                    .selected_text(text)
                    .width(200.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut f.department_id, None, tr("department-none"));
                        for d in &directory.departments {
                            ui.selectable_value(&mut f.department_id, Some(d.id), &d.name);
                        }
                    })
                    .response
                    .labelled_by(department_label.id);
                ui.end_row();
                ui.label(tr("field-planned-start"));
                datetime_edit_ui(ui, "details_start", &mut f.planned.start);
                ui.label(tr("field-category"));
                let mut category = f.category.clone().unwrap_or_default();
                if ui
                    .add(egui::TextEdit::singleline(&mut category).desired_width(200.0))
                    .on_hover_text(tr("field-category"))
                    .changed()
                {
                    f.category = Some(category).filter(|c| !c.trim().is_empty());
                }
                ui.end_row();
                ui.label(tr("field-planned-end"));
                datetime_edit_ui(ui, "details_end", &mut f.planned.end);
                ui.label(tr("field-work-window"));
                ui.label(match (f.work_start, f.work_end) {
                    (None, _) => tr("work-not-started"),
                    (Some(s), None) => format!("{} → …", local_time(s)),
                    (Some(s), Some(e)) => format!("{} → {}", local_time(s), local_time(e)),
                });
                ui.end_row();
                ui.label(tr("field-created"));
                ui.label(local_time(f.created_at));
                ui.label(tr("field-updated"));
                ui.label(local_time(f.updated_at));
                ui.end_row();
            });
            if let Err(e) = validate_window(&f.planned) {
                ui.label(RichText::new(i18n::invalid(&e)).color(Color32::from_rgb(0xd0, 0x40, 0x40)));
            }
            let description_label = ui.label(RichText::new(tr("field-description")).strong());
            egui::ScrollArea::vertical().max_height(180.0).show(ui, |ui| {
                ui.add(
                    egui::TextEdit::multiline(&mut f.description)
                        .desired_rows(5)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(description_label.id);
            });
            if let Some(err) = &self.error {
                ui.label(RichText::new(err).color(Color32::from_rgb(0xd0, 0x40, 0x40)));
            }
            ui.separator();
            ui.horizontal(|ui| {
                let valid = validate_subject(&self.form.subject).is_ok()
                    && validate_window(&self.form.planned).is_ok();
                let dirty = self.is_dirty();
                let save_shortcut = ui.input(|i| i.modifiers.command && i.key_pressed(egui::Key::S));
                let can_save = valid && dirty && !self.pending;
                let clicked = ui.add_enabled(can_save, egui::Button::new(tr("action-save"))).clicked();
                if (clicked || save_shortcut) && can_save {
                    commands.push(Command::EditRelease { id: self.form.id, edits: self.edits() });
                    self.pending = true;
                }
                if ui.add_enabled(dirty, egui::Button::new(tr("action-revert"))).clicked() {
                    self.form = self.original.clone();
                    self.error = None;
                }
                if ui.button(tr("action-close")).clicked() {
                    keep_open = false;
                }
                if dirty {
                    ui.label(RichText::new(tr("unsaved-changes")).weak());
                }
            });
        });
        if modal.should_close() && !self.is_dirty() {
            keep_open = false;
        }
        keep_open
    }
}
