//! A release opened as a page (double-click or Enter on a row), shown in its own tab beside the
//! Releases list: header with id, subject (edited in place) and chips; a properties panel; the
//! description edited in place; Delete (to Trash) and Mark completed; then the sections.
//!
//! The page never changes the model: it pushes commands, tagged with the [`Origin`] that gave them,
//! into its outbox; the app applies them and hands each result back through [`ReleasePage::on_result`].
//!
//! Edit buffers follow the model. Whenever the model's revision moves (an undo or redo from the
//! keyboard or the Edit menu, a command from another tab), every buffer of the page that holds no
//! unsaved edits is refilled from the model: subject, category, description, the planned window
//! draft, an open plan editor, a note, task or time entry being edited. A buffer with unsaved edits
//! is kept as typed and still offers Save / Revert (its "unsaved" state is now measured against the
//! new stored value); if the note, task or time entry it edits is gone, its text moves to a new
//! note / new task / "Add time" form instead of being dropped. Undo and redo never run while a dialog is open, and a text field
//! being typed in has its own undo, so the buffer the user is typing in is never replaced.
//!
//! [`ReleasePage::unsaved`] names the buffers holding unsaved edits (an empty box, or an editor or
//! form left as it opened, holds none): the app asks before closing the tab, or the window, over them.

mod activity;
pub mod lifecycle;
pub mod lifecycle_sections;
pub mod lifecycle_widgets;
pub mod links;
mod notes;
mod plans;
pub mod readiness;
pub mod risks;
pub mod strategy;
mod tasks;
mod time;

pub use lifecycle::lifecycle_ui;
pub use lifecycle_sections::{LIFECYCLE_SECTIONS, SectionUi};
pub use links::links_ui;
pub use readiness::readiness_ui;
pub use risks::risks_ui;
pub use strategy::strategy_ui;

use egui::{Color32, RichText};

use super::new_release::{agent_combo_ui, enum_combo_ui, group_combo_ui};
use super::widgets::{chip_ui, datetime_edit_ui, priority_color, status_color, type_color};
use crate::domain::release::{validate_subject, validate_window};
use crate::domain::{PlannedWindow, Priority, Release, ReleaseId, ReleaseType, Stage, Status, Timestamp};
use crate::i18n::{self, tr, tr_args};
use crate::model::{Command, Model, ReleaseCommand, ReleaseEdit};

/// Which part of the page gave a command, so that its result goes back there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Header,
    Properties,
    Description,
    Plans,
    Notes,
    Tasks,
    Time,
    /// Another section, by name (`"lifecycle"`, `"links"`, ...).
    Section(&'static str),
}

/// What every section of the page gets to draw itself and give commands.
pub struct SectionContext<'a> {
    pub model: &'a Model,
    pub release: &'a Release,
    /// "Now" from the model's clock.
    pub now: Timestamp,
    /// The title key of a lifecycle section to expand this frame (its dialog was opened from the header).
    pub reveal: Option<&'static str>,
    outbox: &'a mut Vec<(Origin, Command)>,
}

impl SectionContext<'_> {
    /// Queues `command`; its result comes back to `origin`.
    pub fn push(&mut self, origin: Origin, command: Command) {
        self.outbox.push((origin, command));
    }
}

/// What the user asked the app to do with the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageAction {
    Close,
}

/// A part of a page holding edits that are not saved yet: what closing the page would lose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedPart {
    Subject,
    Category,
    Description,
    PlannedWindow,
    BuildPlan,
    TestPlan,
    NewNote,
    NoteEdit,
    NewTask,
    TaskEdit,
    NewTimeEntry,
    TimeEntryEdit,
    TimerNote,
}

impl UnsavedPart {
    /// Its name on screen, in the UI language ("description", "note being edited").
    pub fn label(self) -> String {
        tr(match self {
            Self::Subject => "unsaved-part-subject",
            Self::Category => "unsaved-part-category",
            Self::Description => "unsaved-part-description",
            Self::PlannedWindow => "unsaved-part-planned-window",
            Self::BuildPlan => "unsaved-part-build-plan",
            Self::TestPlan => "unsaved-part-test-plan",
            Self::NewNote => "unsaved-part-new-note",
            Self::NoteEdit => "unsaved-part-note-edit",
            Self::NewTask => "unsaved-part-new-task",
            Self::TaskEdit => "unsaved-part-task-edit",
            Self::NewTimeEntry => "unsaved-part-new-time-entry",
            Self::TimeEntryEdit => "unsaved-part-time-entry-edit",
            Self::TimerNote => "unsaved-part-timer-note",
        })
    }
}

/// The red used for problems the user must fix.
pub const ERROR_RED: Color32 = Color32::from_rgb(0xd0, 0x40, 0x40);

/// One open release page.
pub struct ReleasePage {
    id: ReleaseId,
    /// Drafts of fields being edited in place; `None` shows the stored value.
    subject: Option<String>,
    description: Option<String>,
    category: Option<String>,
    planned: Option<PlannedWindow>,
    /// The model revision the buffers last followed.
    seen_revision: Option<u64>,
    confirm_trash: bool,
    /// A lifecycle section to expand on the next draw of the sections.
    reveal: Option<&'static str>,
    /// Why the last command from the header, properties or description failed.
    error: Option<String>,
    outbox: Vec<(Origin, Command)>,
    pub sections: Sections,
}

impl ReleasePage {
    pub fn new(id: ReleaseId) -> Self {
        Self {
            id,
            subject: None,
            description: None,
            category: None,
            planned: None,
            seen_revision: None,
            confirm_trash: false,
            reveal: None,
            error: None,
            outbox: Vec::new(),
            sections: Sections::default(),
        }
    }

    pub fn release_id(&self) -> ReleaseId {
        self.id
    }

    /// The commands given since the last call, with where they came from.
    pub fn take_commands(&mut self) -> Vec<(Origin, Command)> {
        std::mem::take(&mut self.outbox)
    }

    /// True while a modal of the page (a plan editor) is open.
    pub fn has_modal(&self) -> bool {
        self.sections.plans.is_open()
    }

    /// The parts of the page holding edits that are not saved, in the page's order (empty when
    /// closing it loses nothing). A box nobody typed in, an editor or form opened and left as it
    /// was, or a field equal to what is stored, is not unsaved. A page whose release is gone has
    /// nothing it could still save.
    pub fn unsaved(&self, model: &Model) -> Vec<UnsavedPart> {
        let Some(release) = model.release(self.id) else { return Vec::new() };
        let mut parts = Vec::new();
        if self.subject.as_deref().is_some_and(|s| s.trim() != release.subject) {
            parts.push(UnsavedPart::Subject);
        }
        if self.description.as_deref().is_some_and(|d| d != release.description) {
            parts.push(UnsavedPart::Description);
        }
        if self.planned.is_some_and(|p| p != release.planned) {
            parts.push(UnsavedPart::PlannedWindow);
        }
        let category = |c: &str| Some(c.trim()).filter(|c| !c.is_empty()) != release.category.as_deref();
        if self.category.as_deref().is_some_and(category) {
            parts.push(UnsavedPart::Category);
        }
        let s = &self.sections;
        if let Some(editor) = s.plans.editor.as_ref().filter(|e| e.has_edits()) {
            parts.push(match editor.kind {
                plans::PlanKind::Build => UnsavedPart::BuildPlan,
                plans::PlanKind::Test => UnsavedPart::TestPlan,
            });
        }
        if let Some(form) = s.tasks.form.as_ref().filter(|f| f.has_edits()) {
            parts.push(if form.is_edit() { UnsavedPart::TaskEdit } else { UnsavedPart::NewTask });
        }
        if s.time.form_has_edits() {
            parts.push(if s.time.form_is_edit() {
                UnsavedPart::TimeEntryEdit
            } else {
                UnsavedPart::NewTimeEntry
            });
        }
        if !s.time.timer_note.trim().is_empty() {
            parts.push(UnsavedPart::TimerNote);
        }
        if s.notes.new_note_has_text() {
            parts.push(UnsavedPart::NewNote);
        }
        if s.notes.edit_has_changes() {
            parts.push(UnsavedPart::NoteEdit);
        }
        parts
    }

    /// Saves the fields that save when the user leaves them (the subject and the category being
    /// typed), as leaving them would: the page is about to close. An invalid subject is kept, and
    /// stays unsaved.
    pub fn leave_fields(&mut self, model: &Model) {
        let Some(release) = model.release(self.id) else { return };
        if let Some(subject) = &self.subject
            && validate_subject(subject).is_ok()
            && subject.trim() != release.subject
        {
            let edit = ReleaseEdit::Subject(subject.trim().to_owned());
            self.edit(Origin::Header, vec![edit]);
        }
        if let Some(category) = &self.category {
            let value = Some(category.trim().to_owned()).filter(|c| !c.is_empty());
            if value != release.category {
                self.edit(Origin::Properties, vec![ReleaseEdit::Category(value)]);
            }
        }
    }

    /// Hands the result of a command back to the part of the page that gave it.
    pub fn on_result(&mut self, origin: Origin, result: Result<(), String>) {
        match origin {
            // Each clears only its own draft: a saved subject must not drop a planned window
            // being drafted. A saved planned window is cleared by `follow` (it equals the stored).
            Origin::Header => {
                if result.is_ok() {
                    self.subject = None;
                }
                self.error = result.err();
            }
            Origin::Properties => {
                if result.is_ok() {
                    self.category = None;
                }
                self.error = result.err();
            }
            Origin::Description => {
                if result.is_ok() {
                    self.description = None;
                }
                self.error = result.err();
            }
            Origin::Plans => self.sections.plans.on_result(result),
            Origin::Notes => self.sections.notes.on_result(result),
            Origin::Tasks => self.sections.tasks.on_result(result),
            Origin::Time => self.sections.time.on_result(result),
            Origin::Section(_) => self.error = result.err(),
        }
    }

    /// Refills the buffers with no unsaved edits from the model (see the module docs).
    fn follow(&mut self, release: &Release, model: &Model) {
        if self.subject.as_deref() == Some(release.subject.as_str()) {
            self.subject = None;
        }
        if self.description.as_deref() == Some(release.description.as_str()) {
            self.description = None;
        }
        if self.planned == Some(release.planned) {
            self.planned = None;
        }
        self.sections.plans.follow(release);
        self.sections.tasks.follow(model, model.now());
        self.sections.notes.follow(model);
        self.sections.time.follow(model);
    }

    fn edit(&mut self, origin: Origin, edits: Vec<ReleaseEdit>) {
        self.outbox.push((origin, Command::Release(ReleaseCommand::Edit { id: self.id, edits })));
    }

    /// The tab's title: `#12 subject`, shortened.
    pub fn tab_title(&self, model: &Model) -> String {
        let subject = model.release(self.id).map_or("", |r| r.subject.as_str());
        let mut short: String = subject.chars().take(24).collect();
        if subject.chars().count() > 24 {
            short.push('…');
        }
        format!("#{} {short}", self.id)
    }

    /// The whole page.
    pub fn page_ui(&mut self, ui: &mut egui::Ui, model: &Model) -> Option<PageAction> {
        let Some(release) = model.release(self.id) else {
            ui.vertical_centered(|ui| {
                ui.add_space(40.0);
                ui.heading(tr("page-release-gone"));
            });
            return Some(PageAction::Close).filter(|_| ui.button(tr("action-close")).clicked());
        };
        if self.seen_revision != Some(model.revision()) {
            self.seen_revision = Some(model.revision());
            self.follow(release, model);
        }
        let mut action = None;
        if self.header_ui(ui, release) {
            action = Some(PageAction::Close);
        }
        ui.separator();
        egui::Panel::right(("release_page_properties", self.id.0))
            .resizable(true)
            .default_size(330.0)
            .min_size(280.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().id_salt("properties_scroll").show(ui, |ui| {
                    self.properties_ui(ui, release, model);
                });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().id_salt("page_scroll").auto_shrink([false, false]).show(ui, |ui| {
                self.description_ui(ui, release);
                ui.add_space(8.0);
                let Self { outbox, sections, reveal, .. } = self;
                let reveal = reveal.take();
                let mut cx = SectionContext { model, release, now: model.now(), reveal, outbox };
                sections_ui(ui, sections, &mut cx);
            });
        });
        action
    }

    /// Id, subject edited in place, chips, and the page's actions. Returns true to close the page.
    fn header_ui(&mut self, ui: &mut egui::Ui, release: &Release) -> bool {
        let mut close = false;
        ui.horizontal(|ui| {
            ui.heading(RichText::new(format!("#{}", release.id)).strong());
            chip_ui(ui, &i18n::status(release.status), status_color(release.status));
            chip_ui(ui, &i18n::priority(release.priority), priority_color(release.priority));
            chip_ui(ui, &i18n::release_type(release.release_type), type_color(release.release_type));
            if release.is_deleted() {
                chip_ui(ui, &tr("chip-in-trash"), Color32::DARK_GRAY);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(tr("action-close")).on_hover_text("Ctrl+W").clicked() {
                    close = true;
                }
                if !release.is_deleted() {
                    if self.confirm_trash {
                        if ui.button(RichText::new(tr("page-trash-confirm")).color(ERROR_RED)).clicked() {
                            self.outbox
                                .push((Origin::Header, Command::Release(ReleaseCommand::Trash(release.id))));
                            self.confirm_trash = false;
                        }
                        if ui.button(tr("action-cancel")).clicked() {
                            self.confirm_trash = false;
                        }
                    } else if ui.button(tr("page-trash")).clicked() {
                        self.confirm_trash = true;
                    }
                    // Completing is the lifecycle's move to Complete (from Verify & Monitor, with
                    // its outcome): the button opens that dialog, so status and stage agree.
                    let hint = if release.stage == Stage::Complete {
                        tr("lifecycle-closed")
                    } else if lifecycle::can_complete(release) {
                        tr("page-mark-completed-hint")
                    } else {
                        tr_args(
                            "page-mark-completed-not-yet",
                            &[("stage", i18n::stage(release.stage).into())],
                        )
                    };
                    let button = egui::Button::new(tr("page-mark-completed"));
                    if ui
                        .add_enabled(lifecycle::can_complete(release), button)
                        .on_hover_text(&hint)
                        .on_disabled_hover_text(&hint)
                        .clicked()
                    {
                        lifecycle::open_complete_dialog(ui, release);
                        self.reveal = Some("section-lifecycle");
                    }
                }
            });
        });
        let subject = self.subject.get_or_insert_with(|| release.subject.clone());
        let response = ui
            .add(
                egui::TextEdit::singleline(subject)
                    .desired_width(f32::INFINITY)
                    .font(egui::TextStyle::Heading),
            )
            .on_hover_text(tr("field-subject"));
        let invalid = validate_subject(subject).err();
        if let Some(e) = &invalid {
            ui.label(RichText::new(i18n::invalid(e)).color(ERROR_RED));
        }
        if response.lost_focus() {
            if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                self.subject = None;
            } else if invalid.is_none() && subject.trim() != release.subject {
                let edit = ReleaseEdit::Subject(subject.trim().to_owned());
                self.edit(Origin::Header, vec![edit]);
            }
        } else if !response.has_focus() && invalid.is_none() {
            // Not being edited: follow the stored subject (it may change by undo or another tab).
            self.subject = None;
        }
        if let Some(err) = &self.error {
            ui.label(RichText::new(err).color(ERROR_RED));
        }
        close
    }

    fn properties_ui(&mut self, ui: &mut egui::Ui, release: &Release, model: &Model) {
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
                let text = department
                    .map_or_else(|| tr("department-none"), |d| directory.department_name(Some(d)).to_owned());
                egui::ComboBox::from_id_salt("page_department")
                    .selected_text(text)
                    .width(200.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut department, None, tr("department-none"));
                        for d in &directory.departments {
                            ui.selectable_value(&mut department, Some(d.id), &d.name);
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if department != release.department_id {
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
        if !edits.is_empty() {
            self.edit(Origin::Properties, edits);
        }
    }

    fn description_ui(&mut self, ui: &mut egui::Ui, release: &Release) {
        let label = ui.label(RichText::new(tr("field-description")).strong());
        let draft = self.description.get_or_insert_with(|| release.description.clone());
        ui.add(
            egui::TextEdit::multiline(draft)
                .desired_rows(4)
                .desired_width(f32::INFINITY)
                .hint_text(tr("page-description-hint")),
        )
        .labelled_by(label.id);
        if *draft != release.description {
            let draft = draft.clone();
            ui.horizontal(|ui| {
                if ui.button(tr("page-save-description")).clicked() {
                    self.edit(Origin::Description, vec![ReleaseEdit::Description(draft)]);
                }
                if ui.button(tr("action-revert")).clicked() {
                    self.description = None;
                }
                ui.label(RichText::new(tr("unsaved-changes")).weak());
            });
        } else {
            // Unchanged: follow the stored description.
            self.description = None;
        }
    }
}

/// The state of each section of the page (what is being typed, which editor is open).
/// A new section adds one field here and one line to `sections_ui`.
#[derive(Default)]
pub struct Sections {
    pub plans: plans::PlansSection,
    pub tasks: tasks::TasksSection,
    pub time: time::TimeSection,
    pub notes: notes::NotesSection,
    pub activity: activity::ActivitySection,
}

/// The sections of the page, top to bottom: one line each.
/// Issue 4B's sections (`lifecycle_ui`, `links_ui`, `readiness_ui`, `risks_ui`, `strategy_ui`) each
/// sit under a collapsing header through [`lifecycle_sections::lifecycle_section_ui`].
fn sections_ui(ui: &mut egui::Ui, s: &mut Sections, cx: &mut SectionContext<'_>) {
    use lifecycle_sections::lifecycle_section_ui;
    plans::plans_ui(ui, &mut s.plans, cx);
    tasks::tasks_ui(ui, &mut s.tasks, cx);
    time::time_ui(ui, &mut s.time, cx);
    notes::notes_ui(ui, &mut s.notes, cx);
    lifecycle_section_ui(ui, cx, "section-lifecycle", lifecycle_ui);
    lifecycle_section_ui(ui, cx, "section-links", links_ui);
    lifecycle_section_ui(ui, cx, "section-readiness", readiness_ui);
    lifecycle_section_ui(ui, cx, "section-risks", risks_ui);
    lifecycle_section_ui(ui, cx, "section-strategy", strategy_ui);
    activity::activity_ui(ui, &mut s.activity, cx);
}
