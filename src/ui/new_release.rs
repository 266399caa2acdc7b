//! The New release modal (Ctrl+N), with inline validation: a subject of 1..=255 characters and a
//! planned end after the planned start. The draft stays in the modal until the command succeeds.
//! Picking a template fills the type, priority, group, description and window length from it, and
//! the release is made with every part of the template (plans, phases, risks, back-out plan,
//! impact analysis, tasks).

use chrono::{Duration, Local, Timelike as _};
use egui::{Color32, RichText};

use super::widgets::combo::{agent_combo_ui, enum_combo_ui, group_combo_ui};
use super::widgets::datetime_edit_ui;
use crate::domain::release::{SUBJECT_MAX_CHARS, validate_subject, validate_window};
use crate::domain::{
    AgentId, Directory, GroupId, PlannedWindow, Priority, ReleaseType, Status, Template, Timestamp,
};
use crate::i18n::{self, tr};
use crate::model::{Command, NewRelease, ReleaseCommand, TemplateCommand};
use crate::ui::command::{DIALOG_CANCEL, DIALOG_CONFIRM, shortcut_text};
use crate::ui::outbox::{Outbox, Sender};

const ERROR_RED: Color32 = Color32::from_rgb(0xd0, 0x40, 0x40);

/// What the user is typing into the modal.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Draft {
    pub subject: String,
    pub description: String,
    pub status: Status,
    pub priority: Priority,
    pub release_type: ReleaseType,
    pub planned_start: Timestamp,
    pub planned_end: Timestamp,
    pub agent: Option<AgentId>,
    pub group: Option<GroupId>,
    /// The key of the template the release is made from, if any.
    pub template: Option<String>,
}

impl Draft {
    /// A fresh draft: tomorrow 22:00 to 02:00, assigned to `me`.
    pub fn new(me: Option<AgentId>) -> Self {
        let tomorrow = (Local::now() + Duration::days(1))
            .with_hour(22)
            .and_then(|t| t.with_minute(0))
            .and_then(|t| t.with_second(0))
            .and_then(|t| t.with_nanosecond(0))
            .map_or_else(chrono::Utc::now, |t| t.to_utc());
        Self {
            subject: String::new(),
            description: String::new(),
            status: Status::Open,
            priority: Priority::Medium,
            release_type: ReleaseType::Standard,
            planned_start: tomorrow,
            planned_end: tomorrow + Duration::hours(4),
            agent: me,
            group: None,
            template: None,
        }
    }

    /// Takes the template's type, priority, group, description (when none is typed) and window
    /// length; `None` keeps the fields as they are.
    pub fn use_template(&mut self, template: Option<&Template>) {
        self.template = template.map(|t| t.key.clone());
        let Some(t) = template else { return };
        self.release_type = t.release_type;
        self.priority = t.priority;
        if t.group_id.is_some() {
            self.group = t.group_id;
        }
        if self.description.trim().is_empty() {
            self.description.clone_from(&t.description);
        }
        self.planned_end = self.planned_start + Duration::minutes(t.duration_minutes);
    }

    /// The problem with the subject, if any.
    pub fn subject_error(&self) -> Option<String> {
        validate_subject(&self.subject).err().map(|e| i18n::invalid(&e))
    }

    /// The problem with the planned window, if any.
    pub fn window_error(&self) -> Option<String> {
        validate_window(&PlannedWindow { start: self.planned_start, end: self.planned_end })
            .err()
            .map(|e| i18n::invalid(&e))
    }

    pub fn is_valid(&self) -> bool {
        self.subject_error().is_none() && self.window_error().is_none()
    }

    fn to_command(&self) -> Command {
        let release = NewRelease {
            subject: self.subject.trim().to_owned(),
            description: self.description.clone(),
            status: self.status,
            priority: self.priority,
            release_type: self.release_type,
            planned: PlannedWindow { start: self.planned_start, end: self.planned_end },
            agent_id: self.agent,
            group_id: self.group,
            department_id: None,
            category: None,
        };
        match &self.template {
            Some(key) => Command::Template(TemplateCommand::Instantiate { template: key.clone(), release }),
            None => Command::Release(ReleaseCommand::Create(release)),
        }
    }
}

/// The modal's state.
#[derive(Default)]
pub struct NewReleaseModal {
    pub draft: Option<Draft>,
    /// Why the last attempt to create failed (the draft is kept).
    pub error: Option<String>,
    /// Set while a create command is queued.
    pending: bool,
    /// Put the cursor in the subject on the next frame.
    focus_subject: bool,
    /// The draft as it was opened: Esc or Cancel on a changed draft asks before dropping it.
    opened_as: Option<Draft>,
    /// Esc or Cancel was pressed on a changed draft: the question replaces the buttons.
    confirm_discard: bool,
}

impl NewReleaseModal {
    pub fn open(&mut self, me: Option<AgentId>) {
        if self.draft.is_none() {
            self.draft = Some(Draft::new(me));
            self.opened_as.clone_from(&self.draft);
            self.confirm_discard = false;
        }
        self.focus_subject = true;
        self.error = None;
    }

    pub fn is_open(&self) -> bool {
        self.draft.is_some()
    }

    /// Opens the modal on a draft stashed when the window was ended; it counts as edited.
    pub fn restore(&mut self, draft: Draft) {
        self.opened_as = Some(Draft::new(draft.agent));
        self.draft = Some(draft);
        self.confirm_discard = false;
        self.focus_subject = true;
        self.error = None;
    }

    /// The draft, when it holds edits (what a termination signal keeps for the next start).
    pub fn edited_draft(&self) -> Option<&Draft> {
        self.draft.as_ref().filter(|_| self.has_edits())
    }

    /// Whether the draft differs from the one the modal opened with.
    pub fn has_edits(&self) -> bool {
        self.draft.is_some() && self.draft != self.opened_as
    }

    /// Whether it is asking before dropping a changed draft.
    pub fn is_asking_to_discard(&self) -> bool {
        self.confirm_discard
    }

    /// Called with the result of the queued create command.
    pub fn on_result(&mut self, result: Result<(), String>) {
        self.pending = false;
        match result {
            Ok(()) => {
                self.draft = None;
                self.error = None;
                self.opened_as = None;
            }
            Err(message) => self.error = Some(message),
        }
    }

    pub fn modal_ui(
        &mut self,
        ctx: &egui::Context,
        directory: &Directory,
        templates: &[Template],
        outbox: &mut Outbox,
    ) {
        // Ctrl+Enter is taken before the fields see it (the description would take it as a new line).
        let confirm_key = ctx.input_mut(|i| i.consume_shortcut(&DIALOG_CONFIRM));
        let Some(draft) = &mut self.draft else { return };
        let (mut close, mut cancel) = (false, false);
        let modal = crate::ui::widgets::dialog(egui::Id::unique("new_release_modal")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading(tr("new-release-title"));
            ui.add_space(6.0);
            egui::Grid::new("new_release_grid").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
                template_row_ui(ui, draft, templates);
                let subject_label = ui.label(tr("field-subject-required"));
                ui.vertical(|ui| {
                    let edit = egui::TextEdit::singleline(&mut draft.subject)
                        .hint_text(tr("new-release-subject-hint"))
                        .desired_width(360.0)
                        .char_limit(SUBJECT_MAX_CHARS + 1);
                    let response = ui.add(edit).labelled_by(subject_label.id);
                    if std::mem::take(&mut self.focus_subject) {
                        response.request_focus();
                    }
                    if let Some(err) =
                        draft.subject_error().filter(|_| !draft.subject.is_empty() || self.error.is_some())
                    {
                        ui.label(RichText::new(err).color(ERROR_RED));
                    }
                });
                ui.end_row();
                let label = ui.label(tr("field-status"));
                enum_combo_ui(ui, "new_status", &mut draft.status, Status::ALL, i18n::status, label.id);
                ui.end_row();
                let label = ui.label(tr("field-priority"));
                enum_combo_ui(
                    ui,
                    "new_priority",
                    &mut draft.priority,
                    Priority::ALL,
                    i18n::priority,
                    label.id,
                );
                ui.end_row();
                let label = ui.label(tr("field-type"));
                enum_combo_ui(
                    ui,
                    "new_type",
                    &mut draft.release_type,
                    ReleaseType::ALL,
                    i18n::release_type,
                    label.id,
                );
                ui.end_row();
                ui.label(tr("field-planned-start-required"));
                datetime_edit_ui(ui, "new_planned_start", &mut draft.planned_start);
                ui.end_row();
                ui.label(tr("field-planned-end-required"));
                ui.vertical(|ui| {
                    datetime_edit_ui(ui, "new_planned_end", &mut draft.planned_end);
                    if let Some(err) = draft.window_error() {
                        ui.label(RichText::new(err).color(ERROR_RED));
                    }
                });
                ui.end_row();
                let label = ui.label(tr("field-agent"));
                agent_combo_ui(ui, "new_agent", &mut draft.agent, directory, label.id);
                ui.end_row();
                let label = ui.label(tr("field-group"));
                group_combo_ui(ui, "new_group", &mut draft.group, directory, label.id);
                ui.end_row();
                let description_label = ui.label(tr("field-description"));
                ui.add(
                    egui::TextEdit::multiline(&mut draft.description).desired_rows(4).desired_width(360.0),
                )
                .labelled_by(description_label.id);
                ui.end_row();
            });
            if let Some(err) = &self.error {
                ui.label(RichText::new(err).color(ERROR_RED));
            }
            ui.separator();
            if self.confirm_discard {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(tr("new-release-discard-question")).color(ERROR_RED));
                    if ui.button(RichText::new(tr("new-release-discard")).color(ERROR_RED)).clicked() {
                        close = true;
                    }
                    let keep = ui.button(tr("unsaved-keep-editing"));
                    if keep.on_hover_text(shortcut_text(ui.ctx(), &DIALOG_CANCEL)).clicked() {
                        self.confirm_discard = false;
                    }
                });
                return;
            }
            ui.horizontal(|ui| {
                let valid = draft.is_valid();
                let create = ui
                    .add_enabled(valid && !self.pending, egui::Button::new(tr("action-create")))
                    .on_hover_text(shortcut_text(ui.ctx(), &DIALOG_CONFIRM))
                    .on_disabled_hover_text(tr("new-release-fix-first"));
                if (create.clicked() || confirm_key) && valid && !self.pending {
                    outbox.push(Sender::NewRelease, draft.to_command());
                    self.pending = true;
                }
                let cancel_button = ui.button(tr("action-cancel"));
                cancel |= cancel_button.on_hover_text(shortcut_text(ui.ctx(), &DIALOG_CANCEL)).clicked();
            });
        });
        let escape = modal.should_close();
        if escape && self.confirm_discard {
            self.confirm_discard = false; // Esc on the question: back to the draft.
        } else if (cancel || escape) && self.has_edits() {
            self.confirm_discard = true;
        } else if cancel || escape {
            close = true;
        }
        if close {
            self.opened_as = None;
            self.confirm_discard = false;
            self.draft = None;
            self.error = None;
        }
    }
}

/// The template combo: "No template" or one of them; picking one fills the draft from it.
fn template_row_ui(ui: &mut egui::Ui, draft: &mut Draft, templates: &[Template]) {
    let label = ui.label(tr("new-release-template"));
    let name = |key: &Option<String>| {
        key.as_ref()
            .and_then(|k| templates.iter().find(|t| t.key == *k))
            .map_or_else(|| tr("new-release-no-template"), i18n::template_name)
    };
    let mut picked = draft.template.clone();
    egui::ComboBox::from_id_salt("new_template")
        .selected_text(name(&picked))
        .width(360.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut picked, None, tr("new-release-no-template"));
            for t in templates {
                ui.selectable_value(&mut picked, Some(t.key.clone()), i18n::template_name(t));
            }
        })
        .response
        .labelled_by(label.id);
    if picked != draft.template {
        draft.use_template(picked.as_ref().and_then(|k| templates.iter().find(|t| t.key == *k)));
    }
    ui.end_row();
}
