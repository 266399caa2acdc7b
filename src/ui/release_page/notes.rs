//! Notes on the release page: add, edit in place, delete (after a second click); each shows its
//! author and time, newest first.

use egui::RichText;

use super::{ERROR_RED, Origin, SectionContext};
use crate::domain::NoteId;
use crate::i18n::{self, tr, tr_args};
use crate::model::{Command, Model, WorkCommand};

/// Which note command is waiting for its result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pending {
    Add,
    Edit,
    Delete,
}

/// What is being typed in the notes section.
#[derive(Default)]
pub struct NotesSection {
    /// The new note being written.
    pub new_body: String,
    /// The note being edited in place.
    editing: Option<NoteDraft>,
    confirm_delete: Option<NoteId>,
    pending: Option<Pending>,
    error: Option<String>,
}

/// A note being edited in place: its id, its body as stored when the editing began, and the text.
struct NoteDraft {
    id: NoteId,
    original: String,
    text: String,
}

impl NoteDraft {
    fn is_dirty(&self) -> bool {
        self.text != self.original
    }
}

impl NotesSection {
    /// The note being edited and its text, when changed: what a termination signal keeps.
    pub fn stash_edit(&self) -> Option<(NoteId, String)> {
        self.editing.as_ref().filter(|d| d.is_dirty()).map(|d| (d.id, d.text.clone()))
    }

    /// Edits the note `id` again with `text` as stashed; if it is gone, the text goes to the New
    /// note box, so it can still be saved.
    pub fn restore_edit(&mut self, id: NoteId, text: String, model: &Model) {
        match model.note(id) {
            Some(note) => self.editing = Some(NoteDraft { id, original: note.body.clone(), text }),
            None => {
                if !self.new_body.trim().is_empty() {
                    self.new_body.push_str("\n\n");
                }
                self.new_body.push_str(&text);
            }
        }
    }

    /// Follows the model after it changed (an undo, a redo, another tab): a note being edited with
    /// no unsaved edits shows its body as stored now, and its editor closes when the note is gone.
    /// Unsaved edits are kept; if their note is gone they move to the New note box, so they can
    /// still be saved.
    pub fn follow(&mut self, model: &Model) {
        if let Some(draft) = &mut self.editing {
            match model.note(draft.id) {
                Some(note) if !draft.is_dirty() => {
                    draft.original.clone_from(&note.body);
                    draft.text.clone_from(&note.body);
                }
                Some(note) => draft.original.clone_from(&note.body),
                None => {
                    if draft.is_dirty() {
                        if !self.new_body.trim().is_empty() {
                            self.new_body.push_str("\n\n");
                        }
                        self.new_body.push_str(&draft.text);
                    }
                    self.editing = None;
                }
            }
        }
        if self.confirm_delete.is_some_and(|id| model.note(id).is_none()) {
            self.confirm_delete = None;
        }
    }

    /// True when the New note box holds text (an empty or blank box has nothing to lose).
    pub fn new_note_has_text(&self) -> bool {
        !self.new_body.trim().is_empty()
    }

    /// True when a note is being edited and its text differs from the stored one.
    pub fn edit_has_changes(&self) -> bool {
        self.editing.as_ref().is_some_and(NoteDraft::is_dirty)
    }

    pub fn on_result(&mut self, result: Result<(), String>) {
        let pending = self.pending.take();
        match result {
            Ok(()) => {
                self.error = None;
                match pending {
                    Some(Pending::Add) => self.new_body.clear(),
                    Some(Pending::Edit) => self.editing = None,
                    Some(Pending::Delete) => self.confirm_delete = None,
                    None => {}
                }
            }
            Err(message) => self.error = Some(message),
        }
    }
}

pub fn notes_ui(ui: &mut egui::Ui, state: &mut NotesSection, cx: &mut SectionContext<'_>) {
    let notes = cx.model.notes_for(cx.release.id);
    let title = tr_args("section-notes", &[("count", notes.len().into())]);
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt("section_notes")
        .default_open(true)
        .show(ui, |ui| {
            let label = ui.label(tr("note-new"));
            ui.add(
                egui::TextEdit::multiline(&mut state.new_body)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY)
                    .hint_text(tr("note-new-hint")),
            )
            .labelled_by(label.id);
            let can_add = !state.new_body.trim().is_empty() && state.pending.is_none();
            if ui.add_enabled(can_add, egui::Button::new(tr("note-add"))).clicked() {
                cx.push(
                    Origin::Notes,
                    Command::Work(WorkCommand::AddNote {
                        release: cx.release.id,
                        body: state.new_body.clone(),
                    }),
                );
                state.pending = Some(Pending::Add);
            }
            if let Some(error) = &state.error {
                ui.label(RichText::new(error).color(ERROR_RED));
            }
            if notes.is_empty() {
                ui.label(RichText::new(tr("notes-empty")).weak().italics());
            }
            for note in notes {
                ui.add_space(4.0);
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.push_id(note.id, |ui| {
                        ui.horizontal(|ui| {
                            let author = match note.author {
                                Some(a) => cx.model.directory().agent_name(Some(a)).to_owned(),
                                None => tr("agent-nobody"),
                            };
                            ui.label(RichText::new(author).strong());
                            ui.label(RichText::new(i18n::datetime(note.created_at)).weak());
                            if note.updated_at != note.created_at {
                                let edited = tr_args(
                                    "note-edited",
                                    &[("when", i18n::datetime_short(note.updated_at).into())],
                                );
                                ui.label(RichText::new(edited).weak().italics());
                            }
                            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                                if state.confirm_delete == Some(note.id) {
                                    if ui
                                        .button(RichText::new(tr("note-delete-confirm")).color(ERROR_RED))
                                        .clicked()
                                    {
                                        cx.push(
                                            Origin::Notes,
                                            Command::Work(WorkCommand::DeleteNote(note.id)),
                                        );
                                        state.pending = Some(Pending::Delete);
                                    }
                                    if ui.button(tr("action-cancel")).clicked() {
                                        state.confirm_delete = None;
                                    }
                                } else if ui.button(tr("action-delete")).clicked() {
                                    state.confirm_delete = Some(note.id);
                                }
                                if state.editing.is_none() && ui.button(tr("action-edit")).clicked() {
                                    state.editing = Some(NoteDraft {
                                        id: note.id,
                                        original: note.body.clone(),
                                        text: note.body.clone(),
                                    });
                                }
                            });
                        });
                        match &mut state.editing {
                            Some(draft) if draft.id == note.id => {
                                let text = &mut draft.text;
                                ui.add(
                                    egui::TextEdit::multiline(text)
                                        .desired_rows(3)
                                        .desired_width(f32::INFINITY),
                                )
                                .on_hover_text(tr("note-edit"));
                                let body = text.clone();
                                let (save, cancel) = ui
                                    .horizontal(|ui| {
                                        (
                                            ui.button(tr("action-save")).clicked(),
                                            ui.button(tr("action-cancel")).clicked(),
                                        )
                                    })
                                    .inner;
                                if save {
                                    cx.push(
                                        Origin::Notes,
                                        Command::Work(WorkCommand::EditNote { id: note.id, body }),
                                    );
                                    state.pending = Some(Pending::Edit);
                                } else if cancel {
                                    state.editing = None;
                                }
                            }
                            _ => {
                                ui.label(&note.body);
                            }
                        }
                    });
                });
            }
        });
}
