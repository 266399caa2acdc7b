//! Time tracking on the release page: the total, running timers with a live clock (repainted once
//! a second only while one runs), Start / Stop timer, "start from when the release was created",
//! and "Add time" (hh:mm, note, billable, executed at, agent). The list shows every entry, newest
//! first; a stopped entry is corrected with Edit (the same form, filled in), a running timer is
//! stopped first.

use egui::RichText;

use super::{ERROR_RED, Origin, SectionContext};
use crate::domain::work::time_entry::{TimeEntry, format_clock, format_hhmm, parse_hhmm, total_minutes};
use crate::domain::{AgentId, TimeEntryId, Timestamp};
use crate::i18n::{self, tr, tr_args};
use crate::model::{Command, Model, NewTimeEntry, WorkCommand};
use crate::ui::widgets::combo::agent_combo_ui;
use crate::ui::widgets::datetime_edit_ui;

/// The "Add time" form, also used to edit an entry.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TimeForm {
    /// The entry being edited; `None` adds a new one.
    pub editing: Option<TimeEntryId>,
    /// hh:mm as typed.
    pub spent: String,
    pub note: String,
    pub billable: bool,
    pub executed_at: Timestamp,
    pub agent: Option<AgentId>,
}

impl TimeForm {
    /// The form filled in with a stored entry, to edit it.
    fn edit(entry: &TimeEntry) -> Self {
        Self {
            editing: Some(entry.id),
            spent: format_hhmm(i64::from(entry.minutes)),
            note: entry.note.clone(),
            billable: entry.billable,
            executed_at: entry.executed_at,
            agent: entry.agent_id,
        }
    }
}

/// What is being typed in the time section.
#[derive(Default)]
pub struct TimeSection {
    pub form: Option<TimeForm>,
    /// The form as it was filled when it opened, to tell whether the user changed it.
    baseline: Option<TimeForm>,
    /// The note of the next timer.
    pub timer_note: String,
    confirm_delete: Option<TimeEntryId>,
    pending_form: bool,
    /// A timer start is waiting for its result: only that success empties `timer_note`.
    pending_timer: bool,
    error: Option<String>,
}

impl TimeSection {
    /// The open form when it holds edits: what a termination signal keeps for the next start.
    pub fn stash(&self) -> Option<TimeForm> {
        self.form.clone().filter(|_| self.form_has_edits())
    }

    /// Opens the form as stashed; it counts as edited.
    pub fn restore_form(&mut self, form: TimeForm) {
        self.form = Some(form);
        self.baseline = None;
    }

    pub fn on_result(&mut self, result: Result<(), String>) {
        let was_form = std::mem::take(&mut self.pending_form);
        let was_timer = std::mem::take(&mut self.pending_timer);
        match result {
            Ok(()) => {
                self.error = None;
                self.confirm_delete = None;
                if was_form {
                    self.form = None;
                }
                if was_timer {
                    self.timer_note.clear();
                }
            }
            Err(message) => self.error = Some(message),
        }
    }

    /// Follows the model after it changed (an undo, a redo, another tab), as notes and tasks do: a
    /// form editing an entry with no unsaved edits shows the entry as stored now, and closes when
    /// the entry is gone (or runs again: a running timer is not edited). A form with unsaved edits
    /// is kept, its "unsaved" now measured against the entry as stored; if its entry is gone it
    /// becomes an "Add time" form keeping what was typed, so it can still be saved.
    pub fn follow(&mut self, model: &Model) {
        let dirty = self.form_has_edits();
        if let Some(id) = self.form.as_ref().and_then(|f| f.editing) {
            match (model.time_entry(id), dirty) {
                (Some(entry), false) if entry.is_running() => self.close_form(),
                (Some(entry), false) => {
                    let stored = TimeForm::edit(entry);
                    if self.form.as_ref() != Some(&stored) {
                        self.open(stored);
                    }
                }
                (Some(entry), true) => self.baseline = Some(TimeForm::edit(entry)),
                (None, false) => self.close_form(),
                (None, true) => {
                    if let Some(form) = &mut self.form {
                        form.editing = None;
                    }
                    // No blank form to compare with: everything in it was typed.
                    self.baseline = None;
                }
            }
        }
        if self.confirm_delete.is_some_and(|id| model.time_entry(id).is_none()) {
            self.confirm_delete = None;
        }
    }

    fn close_form(&mut self) {
        self.form = None;
        self.baseline = None;
    }

    /// Opens the form filled with `form` (a blank new entry, or the entry to edit).
    fn open(&mut self, form: TimeForm) {
        self.baseline = Some(form.clone());
        self.form = Some(form);
    }

    /// True when the form is open with something typed or changed in it.
    pub fn form_has_edits(&self) -> bool {
        match (&self.form, &self.baseline) {
            (Some(form), Some(baseline)) => form != baseline,
            (Some(_), None) => true,
            (None, _) => false,
        }
    }

    /// Whether the open form edits a stored entry (else it adds one).
    pub fn form_is_edit(&self) -> bool {
        self.form.as_ref().is_some_and(|f| f.editing.is_some())
    }
}

pub fn time_ui(ui: &mut egui::Ui, state: &mut TimeSection, cx: &mut SectionContext<'_>) {
    let entries = cx.model.time_entries_for(cx.release.id);
    let total = total_minutes(entries.iter().copied(), cx.now);
    let running = entries.iter().any(|e| e.is_running());
    if running {
        // The live clock: one repaint a second, only while a timer runs.
        ui.ctx().request_repaint_after(std::time::Duration::from_secs(1));
    }
    let title = tr_args("section-time", &[("total", i18n::duration(total).into())]);
    let me = cx.model.settings().current_agent;
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt("section_time")
        .default_open(true)
        .show(ui, |ui| {
            for entry in entries.iter().filter(|e| e.is_running()) {
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(tr("time-running"))
                            .strong()
                            .color(egui::Color32::from_rgb(0x1f, 0x8a, 0x70)),
                    );
                    ui.label(RichText::new(format_clock(entry.spent_seconds(cx.now))).monospace().size(16.0));
                    ui.label(cx.model.directory().agent_name(entry.agent_id));
                    if let Some(start) = entry.timer_start {
                        ui.label(
                            RichText::new(tr_args(
                                "time-started-at",
                                &[("when", i18n::datetime_short(start).into())],
                            ))
                            .weak(),
                        );
                    }
                    ui.push_id(entry.id, |ui| {
                        if ui.button(tr("time-stop")).clicked() {
                            cx.push(Origin::Time, Command::Work(WorkCommand::StopTimer(entry.id)));
                        }
                    });
                });
            }
            let my_timer_runs = entries.iter().any(|e| e.is_running() && e.agent_id == me);
            ui.horizontal(|ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut state.timer_note)
                        .hint_text(tr("time-timer-note-hint"))
                        .desired_width(220.0),
                )
                .on_hover_text(tr("time-timer-note"));
                let start = |since_created: bool, note: &str| {
                    Command::Work(WorkCommand::StartTimer {
                        release: cx.release.id,
                        agent_id: me,
                        note: note.to_owned(),
                        billable: true,
                        since_created,
                    })
                };
                if ui.add_enabled(!my_timer_runs, egui::Button::new(tr("time-start"))).clicked() {
                    cx.push(Origin::Time, start(false, &state.timer_note));
                    state.pending_timer = true;
                }
                let since = tr_args(
                    "time-start-since-created-hint",
                    &[("when", i18n::datetime_short(cx.release.created_at).into())],
                );
                if ui
                    .add_enabled(!my_timer_runs, egui::Button::new(tr("time-start-since-created")))
                    .on_hover_text(since)
                    .clicked()
                {
                    cx.push(Origin::Time, start(true, &state.timer_note));
                    state.pending_timer = true;
                }
                if state.form.is_none() && ui.button(tr("time-add")).clicked() {
                    state.open(TimeForm {
                        editing: None,
                        spent: String::new(),
                        note: String::new(),
                        billable: true,
                        executed_at: cx.now,
                        agent: me,
                    });
                }
            });
            if state.form.is_some() {
                form_ui(ui, state, cx);
            }
            if let Some(error) = &state.error {
                ui.label(RichText::new(error).color(ERROR_RED));
            }
            if entries.is_empty() {
                ui.label(RichText::new(tr("time-empty")).weak().italics());
                return;
            }
            entries_grid_ui(ui, state, cx, &entries);
        });
}

/// The logged entries, newest first: who, when, how long, billable, note, Edit and Delete.
fn entries_grid_ui(
    ui: &mut egui::Ui,
    state: &mut TimeSection,
    cx: &mut SectionContext<'_>,
    entries: &[&TimeEntry],
) {
    let directory = cx.model.directory();
    egui::Grid::new("time_grid").num_columns(6).striped(true).spacing([12.0, 4.0]).show(ui, |ui| {
        for heading in ["field-agent", "time-executed-at", "time-spent", "time-billable", "time-note"] {
            ui.label(RichText::new(tr(heading)).strong());
        }
        ui.label("");
        ui.end_row();
        for entry in entries {
            ui.label(directory.agent_name(entry.agent_id));
            ui.label(i18n::datetime_short(entry.executed_at));
            if entry.is_running() {
                ui.label(RichText::new(format_clock(entry.spent_seconds(cx.now))).monospace().strong());
            } else {
                ui.label(RichText::new(format_hhmm(i64::from(entry.minutes))).monospace());
            }
            ui.label(tr(if entry.billable { "time-billable-yes" } else { "time-billable-no" }));
            ui.label(&entry.note);
            ui.horizontal(|ui| {
                ui.push_id(entry.id, |ui| {
                    let edit = ui
                        .add_enabled(!entry.is_running(), egui::Button::new(tr("action-edit")).small())
                        .on_disabled_hover_text(tr("time-edit-running"));
                    if edit.clicked() {
                        state.error = None;
                        state.open(TimeForm::edit(entry));
                    }
                    if state.confirm_delete == Some(entry.id) {
                        if ui
                            .small_button(RichText::new(tr("time-delete-confirm")).color(ERROR_RED))
                            .clicked()
                        {
                            cx.push(Origin::Time, Command::Work(WorkCommand::DeleteTimeEntry(entry.id)));
                        }
                    } else if ui.small_button(tr("action-delete")).clicked() {
                        state.confirm_delete = Some(entry.id);
                    }
                });
            });
            ui.end_row();
        }
    });
}

/// The "Add time" / edit form; the time spent is checked as it is typed.
fn form_ui(ui: &mut egui::Ui, state: &mut TimeSection, cx: &mut SectionContext<'_>) {
    let Some(form) = &mut state.form else { return };
    let mut submit = None;
    let mut cancel = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        let title = if form.editing.is_some() { "time-edit" } else { "time-add" };
        ui.label(RichText::new(tr(title)).strong());
        egui::Grid::new("time_form_grid").num_columns(2).spacing([10.0, 6.0]).show(ui, |ui| {
            let label = ui.label(tr("time-spent-hhmm"));
            ui.vertical(|ui| {
                ui.add(egui::TextEdit::singleline(&mut form.spent).hint_text("01:30").desired_width(90.0))
                    .labelled_by(label.id);
                if !form.spent.trim().is_empty()
                    && let Err(e) = parse_hhmm(&form.spent)
                {
                    ui.label(RichText::new(i18n::time_spent_invalid(&e)).color(ERROR_RED));
                }
            });
            ui.end_row();
            let label = ui.label(tr("time-note"));
            ui.add(egui::TextEdit::singleline(&mut form.note).desired_width(320.0)).labelled_by(label.id);
            ui.end_row();
            ui.label(tr("time-billable"));
            ui.checkbox(&mut form.billable, tr("time-billable-yes"));
            ui.end_row();
            ui.label(tr("time-executed-at"));
            datetime_edit_ui(ui, "time_form_executed", &mut form.executed_at);
            ui.end_row();
            let label = ui.label(tr("field-agent"));
            agent_combo_ui(ui, "time_form_agent", &mut form.agent, cx.model.directory(), label.id);
            ui.end_row();
        });
        ui.horizontal(|ui| {
            let parsed = parse_hhmm(&form.spent);
            if ui
                .add_enabled(parsed.is_ok() && !state.pending_form, egui::Button::new(tr("action-save")))
                .clicked()
            {
                submit = parsed.ok();
            }
            if ui.button(tr("action-cancel")).clicked() {
                cancel = true;
            }
        });
    });
    if let Some(minutes) = submit {
        let entry = NewTimeEntry {
            agent_id: form.agent,
            minutes,
            note: form.note.clone(),
            billable: form.billable,
            executed_at: form.executed_at,
        };
        let command = match form.editing {
            Some(id) => Command::Work(WorkCommand::EditTimeEntry { id, entry }),
            None => Command::Work(WorkCommand::AddTime { release: cx.release.id, entry }),
        };
        cx.push(Origin::Time, command);
        state.pending_form = true;
    }
    if cancel {
        state.form = None;
        state.error = None;
    }
}
