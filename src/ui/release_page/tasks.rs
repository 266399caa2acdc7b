//! Tasks on the release page: title, description, status (Open / In Progress / Completed), due
//! date, agent and group. Overdue tasks are shown in red with an "Overdue" chip; the header shows
//! how many are open out of the total. The status can be changed right in the list.

use chrono::Duration;
use egui::RichText;

use super::{ERROR_RED, Origin, SectionContext};
use crate::domain::work::task::open_and_total;
use crate::domain::{TaskFields, TaskId, TaskStatus, Timestamp};
use crate::i18n::{self, tr, tr_args};
use crate::model::{Command, Model, WorkCommand};
use crate::ui::widgets::combo::{agent_combo_ui, enum_combo_ui, group_combo_ui};
use crate::ui::widgets::{chip_ui, datetime_edit_ui};

/// The add / edit form of a task.
pub struct TaskForm {
    /// The task being edited; `None` adds a new one.
    editing: Option<TaskId>,
    /// The task's fields as stored when the form was filled from it (`None` for a new task).
    original: Option<TaskFields>,
    pub fields: TaskFields,
    has_due: bool,
    due: Timestamp,
    /// The fields as the form was filled (a blank new task, or the stored task), to tell whether
    /// the user changed anything.
    baseline: TaskFields,
}

impl TaskForm {
    /// A form filled from a stored task.
    fn edit(id: TaskId, fields: &TaskFields, now: Timestamp) -> Self {
        Self {
            editing: Some(id),
            original: Some(fields.clone()),
            fields: fields.clone(),
            has_due: fields.due.is_some(),
            due: fields.due.unwrap_or_else(|| default_due(now, &chrono::Local)),
            baseline: fields.clone(),
        }
    }

    /// The fields as the form would save them.
    fn current(&self) -> TaskFields {
        TaskFields { due: self.has_due.then_some(self.due), ..self.fields.clone() }
    }

    /// True when the user changed the form since it was filled from the stored task.
    fn is_dirty(&self) -> bool {
        self.original.as_ref() != Some(&self.current())
    }

    /// True when the form holds something the user would lose by closing it: an edited task that
    /// differs from the stored one, or a new task changed from the blank form it opened as.
    pub fn has_edits(&self) -> bool {
        self.current() != *self.original.as_ref().unwrap_or(&self.baseline)
    }

    /// Whether the form edits a stored task (else it adds a new one).
    pub fn is_edit(&self) -> bool {
        self.editing.is_some()
    }
}

/// What is being typed in the tasks section.
#[derive(Default)]
pub struct TasksSection {
    pub form: Option<TaskForm>,
    confirm_delete: Option<TaskId>,
    pending: bool,
    error: Option<String>,
}

impl TasksSection {
    /// The open form's task (its id when it edits a stored one) when it holds edits: what a
    /// termination signal keeps for the next start.
    pub fn stash(&self) -> Option<(Option<TaskId>, TaskFields)> {
        self.form.as_ref().filter(|f| f.has_edits()).map(|f| (f.editing, f.current()))
    }

    /// Opens the form on a stashed task: editing it if it is still stored, else as a new one.
    pub fn restore(&mut self, editing: Option<TaskId>, fields: TaskFields, model: &Model, now: Timestamp) {
        let mut form = match editing.and_then(|id| model.task(id).map(|t| (id, &t.fields))) {
            Some((id, stored)) => TaskForm::edit(id, stored, now),
            None => TaskForm {
                editing: None,
                original: None,
                baseline: TaskFields::default(),
                fields: TaskFields::default(),
                has_due: false,
                due: default_due(now, &chrono::Local),
            },
        };
        form.has_due = fields.due.is_some();
        if let Some(due) = fields.due {
            form.due = due;
        }
        form.fields = fields;
        self.form = Some(form);
    }

    pub fn on_result(&mut self, result: Result<(), String>) {
        let was_form = self.pending;
        self.pending = false;
        match result {
            Ok(()) => {
                self.error = None;
                if was_form {
                    self.form = None;
                }
                self.confirm_delete = None;
            }
            Err(message) => self.error = Some(message),
        }
    }

    /// Follows the model after it changed (an undo, a redo, another tab): a form editing a task
    /// with no unsaved edits shows the task as stored now, and closes when the task is gone. A form
    /// with unsaved edits is kept; if its task is gone it becomes a New task form, so the typing
    /// can still be saved.
    pub fn follow(&mut self, model: &Model, now: Timestamp) {
        let Some(form) = &mut self.form else { return };
        let Some(id) = form.editing else { return };
        match (model.task(id), form.is_dirty()) {
            (Some(task), false) => {
                if form.original.as_ref() != Some(&task.fields) {
                    *form = TaskForm::edit(id, &task.fields, now);
                }
            }
            (Some(task), true) => form.original = Some(task.fields.clone()),
            (None, false) => self.form = None,
            (None, true) => {
                form.editing = None;
                form.original = None;
            }
        }
        if self.confirm_delete.is_some_and(|id| model.task(id).is_none()) {
            self.confirm_delete = None;
        }
    }

    /// Opens the form for a new task, due a day from `now` on a round hour.
    pub fn open_new(&mut self, now: Timestamp, agent: Option<crate::domain::AgentId>) {
        let fields = TaskFields { agent_id: agent, ..TaskFields::default() };
        let due = default_due(now, &chrono::Local);
        self.form = Some(TaskForm {
            editing: None,
            original: None,
            baseline: TaskFields { due: Some(due), ..fields.clone() },
            fields,
            has_due: true,
            due,
        });
    }
}

/// A new task's due time: a day from `now`, on the next full hour of `zone`'s clock (`15:00`,
/// not `14:37`; a zone half an hour off UTC gets its own round hour).
pub fn default_due<Tz: chrono::TimeZone>(now: Timestamp, zone: &Tz) -> Timestamp {
    use chrono::Timelike as _;
    let local = (now + Duration::days(1)).with_timezone(zone);
    let past_the_hour = Duration::seconds(i64::from(local.minute() * 60 + local.second()))
        + Duration::nanoseconds(i64::from(local.nanosecond()));
    if past_the_hour.is_zero() {
        return local.to_utc();
    }
    (local - past_the_hour + Duration::hours(1)).to_utc()
}

pub fn tasks_ui(ui: &mut egui::Ui, state: &mut TasksSection, cx: &mut SectionContext<'_>) {
    let tasks = cx.model.tasks_for(cx.release.id);
    let (open, total) = open_and_total(tasks.iter().copied());
    let title = tr_args("section-tasks", &[("open", open.into()), ("total", total.into())]);
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt("section_tasks")
        .default_open(true)
        .show(ui, |ui| {
            if state.form.is_none() && ui.button(tr("task-add")).clicked() {
                state.open_new(cx.now, cx.model.settings().current_agent);
            }
            if state.form.is_some() {
                form_ui(ui, state, cx);
            }
            if let Some(error) = &state.error {
                ui.label(RichText::new(error).color(ERROR_RED));
            }
            if tasks.is_empty() {
                ui.label(RichText::new(tr("tasks-empty")).weak().italics());
                return;
            }
            let directory = cx.model.directory();
            egui::Grid::new("tasks_grid").num_columns(6).striped(true).spacing([12.0, 6.0]).show(ui, |ui| {
                let status_heading = ui.label(RichText::new(tr("field-status")).strong()).id;
                for heading in ["task-title", "task-due", "field-agent", "field-group"] {
                    ui.label(RichText::new(tr(heading)).strong());
                }
                ui.label("");
                ui.end_row();
                for task in &tasks {
                    ui.push_id(task.id, |ui| {
                        let mut status = task.fields.status;
                        if enum_combo_ui(
                            ui,
                            "task_status",
                            &mut status,
                            &TaskStatus::ALL,
                            i18n::task_status,
                            status_heading,
                        ) {
                            let fields = TaskFields { status, ..task.fields.clone() };
                            cx.push(
                                Origin::Tasks,
                                Command::Work(WorkCommand::EditTask { id: task.id, fields }),
                            );
                        }
                    });
                    let overdue = task.is_overdue(cx.now);
                    ui.horizontal(|ui| {
                        let mut text = RichText::new(&task.fields.title);
                        if overdue {
                            text = text.color(ERROR_RED).strong();
                        } else if task.fields.status == TaskStatus::Completed {
                            text = text.strikethrough().weak();
                        }
                        let response = ui.label(text);
                        if !task.fields.description.is_empty() {
                            response.on_hover_text(&task.fields.description);
                        }
                        if overdue {
                            chip_ui(ui, &tr("task-overdue"), ERROR_RED);
                        }
                    });
                    ui.label(task.fields.due.map_or_else(String::new, i18n::datetime_short));
                    ui.label(directory.agent_name(task.fields.agent_id));
                    ui.label(directory.group_name(task.fields.group_id));
                    ui.horizontal(|ui| {
                        ui.push_id(task.id, |ui| {
                            if ui.small_button(tr("action-edit")).clicked() {
                                state.form = Some(TaskForm::edit(task.id, &task.fields, cx.now));
                            }
                            if state.confirm_delete == Some(task.id) {
                                if ui
                                    .small_button(RichText::new(tr("task-delete-confirm")).color(ERROR_RED))
                                    .clicked()
                                {
                                    cx.push(Origin::Tasks, Command::Work(WorkCommand::DeleteTask(task.id)));
                                }
                            } else if ui.small_button(tr("action-delete")).clicked() {
                                state.confirm_delete = Some(task.id);
                            }
                        });
                    });
                    ui.end_row();
                }
            });
        });
}

/// The add / edit form.
fn form_ui(ui: &mut egui::Ui, state: &mut TasksSection, cx: &mut SectionContext<'_>) {
    let Some(form) = &mut state.form else { return };
    let directory = cx.model.directory();
    let mut submit = false;
    let mut cancel = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new(tr(if form.editing.is_some() { "task-edit" } else { "task-new" })).strong());
        egui::Grid::new("task_form_grid").num_columns(2).spacing([10.0, 6.0]).show(ui, |ui| {
            let label = ui.label(tr("task-title"));
            ui.add(egui::TextEdit::singleline(&mut form.fields.title).desired_width(360.0))
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label(tr("field-description"));
            ui.add(
                egui::TextEdit::multiline(&mut form.fields.description).desired_rows(2).desired_width(360.0),
            )
            .labelled_by(label.id);
            ui.end_row();
            let label = ui.label(tr("field-status"));
            enum_combo_ui(
                ui,
                "task_form_status",
                &mut form.fields.status,
                &TaskStatus::ALL,
                i18n::task_status,
                label.id,
            );
            ui.end_row();
            ui.label(tr("task-due"));
            ui.horizontal(|ui| {
                ui.checkbox(&mut form.has_due, "").on_hover_text(tr("task-has-due"));
                ui.add_enabled_ui(form.has_due, |ui| datetime_edit_ui(ui, "task_form_due", &mut form.due));
            });
            ui.end_row();
            let label = ui.label(tr("field-agent"));
            agent_combo_ui(ui, "task_form_agent", &mut form.fields.agent_id, directory, label.id);
            ui.end_row();
            let label = ui.label(tr("field-group"));
            group_combo_ui(ui, "task_form_group", &mut form.fields.group_id, directory, label.id);
            ui.end_row();
        });
        ui.horizontal(|ui| {
            let can_save = !form.fields.title.trim().is_empty() && !state.pending;
            if ui.add_enabled(can_save, egui::Button::new(tr("action-save"))).clicked() {
                submit = true;
            }
            if ui.button(tr("action-cancel")).clicked() {
                cancel = true;
            }
        });
    });
    if submit {
        let fields = form.current();
        let command = match form.editing {
            Some(id) => Command::Work(WorkCommand::EditTask { id, fields }),
            None => Command::Work(WorkCommand::AddTask { release: cx.release.id, fields }),
        };
        cx.push(Origin::Tasks, command);
        state.pending = true;
    }
    if cancel {
        state.form = None;
        state.error = None;
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use chrono::{Datelike as _, FixedOffset, TimeZone as _, Timelike as _};

    #[test]
    fn a_new_tasks_due_time_is_a_round_hour_a_day_later() {
        let seoul = FixedOffset::east_opt(9 * 3600).unwrap();
        let now = seoul.with_ymd_and_hms(2026, 12, 2, 14, 37, 12).unwrap().to_utc();
        let due = default_due(now, &seoul).with_timezone(&seoul);
        assert_eq!((due.day(), due.hour(), due.minute(), due.second()), (3, 15, 0, 0));
        let on_the_hour = seoul.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).unwrap().to_utc();
        assert_eq!(default_due(on_the_hour, &seoul).with_timezone(&seoul).hour(), 9, "already round");
        let india = FixedOffset::east_opt(5 * 3600 + 1800).unwrap();
        let due = default_due(now, &india).with_timezone(&india);
        assert_eq!((due.minute(), due.second()), (0, 0), "round on the local clock: {due}");
    }
}
