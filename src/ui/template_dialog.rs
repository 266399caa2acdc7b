//! The Release templates dialog (File > Release templates…): every template there is, the
//! built-in ones read only (a copy can be saved as the user's own), the user's own edited,
//! made and deleted. Each save and delete is a command (one undo, a row in the activity log).
//! The fields are the ones a new release takes from its template (type, priority, group, the
//! planned window's length, strategy, description) and its default tasks, due relative to the
//! planned start; the plans, back-out plan, risks and phases come with a template saved from a
//! release ("Save as template" on its page) and are counted here.

use egui::{Color32, RichText};

use crate::domain::template::key_for;
use crate::domain::{Directory, Priority, ReleaseType, Strategy, Template, TemplateTask};
use crate::i18n::{self, tr, tr_args};
use crate::model::{Command, TemplateCommand};
use crate::ui::outbox::{Outbox, Sender};
use crate::ui::widgets::combo::{enum_combo_ui, group_combo_ui};

/// The longest a default task may be due before or after the planned start: 30 days.
const TASK_OFFSET_MAX_MINUTES: i64 = 30 * 24 * 60;

/// The dialog's state: which template is shown, the edits to it, the last refusal.
#[derive(Default)]
pub struct TemplateDialog {
    open: bool,
    /// The template shown on the right, as edited (a new one is not stored yet).
    draft: Option<Template>,
    /// The title being typed for a new default task.
    new_task: String,
    /// Why the last command was refused, translated.
    error: Option<String>,
    /// A delete was asked for: on success the draft goes.
    deleting: bool,
}

impl TemplateDialog {
    pub fn open(&mut self) {
        self.open = true;
        self.error = None;
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The result of the command the dialog gave.
    pub fn on_result(&mut self, result: Result<(), String>) {
        match result {
            Ok(()) => {
                self.error = None;
                if std::mem::take(&mut self.deleting) {
                    self.draft = None;
                }
            }
            Err(message) => {
                self.deleting = false;
                self.error = Some(message);
            }
        }
    }

    /// Draws the dialog while it is open; `templates` are the built-in ones, then the user's.
    pub fn dialog_ui(
        &mut self,
        ctx: &egui::Context,
        templates: &[Template],
        directory: &Directory,
        outbox: &mut Outbox,
    ) {
        if !self.open {
            return;
        }
        let mut close = false;
        let modal = crate::ui::widgets::dialog(egui::Id::unique("template_dialog")).show(ctx, |ui| {
            ui.set_width(860.0);
            ui.heading(tr("template-dialog-title"));
            ui.add_space(6.0);
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| {
                    ui.set_width(280.0);
                    self.list_ui(ui, templates);
                });
                ui.separator();
                ui.vertical(|ui| {
                    ui.set_width(540.0);
                    self.editor_ui(ui, templates, directory, outbox);
                });
            });
            if let Some(error) = &self.error {
                ui.label(RichText::new(error).color(Color32::from_rgb(0xd0, 0x40, 0x40)));
            }
            ui.separator();
            if ui.button(tr("action-close")).clicked() {
                close = true;
            }
        });
        if modal.should_close() || close {
            self.open = false;
            self.draft = None;
            self.error = None;
        }
    }

    /// The templates, each to pick, and New template.
    fn list_ui(&mut self, ui: &mut egui::Ui, templates: &[Template]) {
        for t in templates {
            let shown = self.draft.as_ref().is_some_and(|d| d.key == t.key);
            let mut text = i18n::template_name(t);
            if t.is_builtin() {
                text = format!("{text} · {}", tr("template-builtin"));
            }
            if ui.selectable_label(shown, text).clicked() && !shown {
                self.draft = Some(t.clone());
                self.error = None;
            }
        }
        ui.add_space(6.0);
        if ui.button(tr("template-new")).clicked() {
            let name = tr("template-new-name");
            let taken: Vec<&str> = templates.iter().map(|t| t.key.as_str()).collect();
            self.draft = Some(Template {
                key: key_for(&name, &taken),
                name,
                release_type: ReleaseType::Standard,
                priority: Priority::Medium,
                group_id: None,
                category: None,
                description: String::new(),
                duration_minutes: 4 * 60,
                strategy: Strategy::BigBang,
                phases: Vec::new(),
                build_plan: None,
                test_plan: None,
                backout: None,
                impact: None,
                risks: Vec::new(),
                tasks: Vec::new(),
            });
            self.error = None;
        }
    }

    /// The template shown: its fields (read only for a built-in one) and what can be done with it.
    fn editor_ui(
        &mut self,
        ui: &mut egui::Ui,
        templates: &[Template],
        directory: &Directory,
        outbox: &mut Outbox,
    ) {
        let Some(draft) = &mut self.draft else {
            ui.label(RichText::new(tr("template-none-selected")).weak().italics());
            return;
        };
        let stored = templates.iter().find(|t| t.key == draft.key);
        let builtin = draft.is_builtin();
        if builtin {
            ui.label(RichText::new(tr("template-builtin-read-only")).weak());
        } else if stored.is_none() {
            ui.label(RichText::new(tr("template-unsaved")).weak().italics());
        }
        ui.add_enabled_ui(!builtin, |ui| {
            fields_ui(ui, draft, directory);
            ui.add_space(6.0);
            tasks_ui(ui, draft, &mut self.new_task);
        });
        ui.add_space(4.0);
        ui.label(RichText::new(parts_text(draft)).weak());
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if builtin {
                if ui.button(tr("template-copy")).clicked() {
                    let name = tr_args("template-copy-name", &[("name", i18n::template_name(draft).into())]);
                    let taken: Vec<&str> = templates.iter().map(|t| t.key.as_str()).collect();
                    let copy = Template { key: key_for(&name, &taken), name, ..draft.clone() };
                    outbox.push(Sender::Templates, Command::Template(TemplateCommand::Save(copy.clone())));
                    *draft = copy;
                }
                return;
            }
            let changed = stored != Some(&*draft);
            if ui.add_enabled(changed, egui::Button::new(tr("action-save"))).clicked() {
                outbox.push(Sender::Templates, Command::Template(TemplateCommand::Save(draft.clone())));
            }
            if let Some(stored) = stored
                && changed
                && ui.button(tr("action-revert")).clicked()
            {
                *draft = stored.clone();
            }
            if stored.is_some() && ui.button(tr("action-delete")).clicked() {
                outbox.push(Sender::Templates, Command::Template(TemplateCommand::Delete(draft.key.clone())));
                self.deleting = true;
            }
        });
    }
}

/// Name, type, priority, group, the window's length, strategy and description.
fn fields_ui(ui: &mut egui::Ui, draft: &mut Template, directory: &Directory) {
    egui::Grid::new("template_fields").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
        let label = ui.label(tr("template-field-name"));
        let name = if draft.is_builtin() { i18n::template_name(draft) } else { draft.name.clone() };
        let mut text = name.clone();
        ui.add(egui::TextEdit::singleline(&mut text).desired_width(380.0)).labelled_by(label.id);
        if text != name {
            draft.name = text;
        }
        ui.end_row();
        let label = ui.label(tr("field-type"));
        enum_combo_ui(
            ui,
            "template_type",
            &mut draft.release_type,
            ReleaseType::ALL,
            i18n::release_type,
            label.id,
        );
        ui.end_row();
        let label = ui.label(tr("field-priority"));
        enum_combo_ui(ui, "template_priority", &mut draft.priority, Priority::ALL, i18n::priority, label.id);
        ui.end_row();
        let label = ui.label(tr("field-group"));
        group_combo_ui(ui, "template_group", &mut draft.group_id, directory, label.id);
        ui.end_row();
        let label = ui.label(tr("template-field-window"));
        ui.horizontal(|ui| {
            ui.add(egui::DragValue::new(&mut draft.duration_minutes).range(1..=30 * 24 * 60).speed(15))
                .labelled_by(label.id);
            ui.label(RichText::new(i18n::duration(draft.duration_minutes)).weak());
        });
        ui.end_row();
        let label = ui.label(tr("template-field-strategy"));
        enum_combo_ui(ui, "template_strategy", &mut draft.strategy, Strategy::ALL, i18n::strategy, label.id);
        ui.end_row();
        let label = ui.label(tr("field-description"));
        ui.add(egui::TextEdit::multiline(&mut draft.description).desired_rows(3).desired_width(380.0))
            .labelled_by(label.id);
        ui.end_row();
    });
}

/// The default tasks: title and when each is due from the planned start; remove; add one.
fn tasks_ui(ui: &mut egui::Ui, draft: &mut Template, new_task: &mut String) {
    ui.label(RichText::new(tr("template-tasks")).strong());
    let mut remove = None;
    egui::Grid::new("template_tasks").num_columns(4).spacing([8.0, 4.0]).show(ui, |ui| {
        for (i, task) in draft.tasks.iter_mut().enumerate() {
            // Sized, not `desired_width`: a grid's new column starts narrow and a text field only
            // takes the width it is given, so the titles were cut to two letters.
            let size = egui::vec2(240.0, ui.spacing().interact_size.y);
            ui.add_sized(size, egui::TextEdit::singleline(&mut task.title))
                .on_hover_text(tr("template-task-title"));
            ui.add(
                egui::DragValue::new(&mut task.due_offset_minutes)
                    .range(-TASK_OFFSET_MAX_MINUTES..=TASK_OFFSET_MAX_MINUTES)
                    .speed(15),
            )
            .on_hover_text(tr("template-task-due"));
            let duration = i18n::duration(task.due_offset_minutes.abs());
            let key =
                if task.due_offset_minutes < 0 { "template-task-before" } else { "template-task-after" };
            ui.label(RichText::new(tr_args(key, &[("duration", duration.into())])).weak());
            if ui.small_button("✖").on_hover_text(tr("template-task-remove")).clicked() {
                remove = Some(i);
            }
            ui.end_row();
        }
    });
    if let Some(i) = remove {
        draft.tasks.remove(i);
    }
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(new_task).hint_text(tr("template-task-new-hint")).desired_width(240.0),
        )
        .on_hover_text(tr("template-task-new-hint"));
        if ui.add_enabled(!new_task.trim().is_empty(), egui::Button::new(tr("template-task-add"))).clicked() {
            draft.tasks.push(TemplateTask {
                title: new_task.trim().to_owned(),
                description: String::new(),
                due_offset_minutes: 0,
            });
            new_task.clear();
        }
    });
}

/// What else the template carries, counted.
fn parts_text(t: &Template) -> String {
    let items = |p: &Option<crate::domain::Plan>| p.as_ref().map_or(0, |p| p.items.len());
    tr_args(
        "template-parts",
        &[
            ("build", items(&t.build_plan).into()),
            ("test", items(&t.test_plan).into()),
            ("backout", t.backout.as_ref().map_or(0, |b| b.steps.items.len()).into()),
            ("risks", t.risks.len().into()),
            ("phases", t.phases.len().into()),
        ],
    )
}
