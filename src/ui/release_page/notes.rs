//! Notes on the release page: add, edit in place, delete (after a second click); each shows its
//! author and time, newest first.

use egui::RichText;

use super::{ERROR_RED, Origin, SectionContext};
use crate::i18n::{self, tr, tr_args};
use crate::model::Command;

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
    /// The note being edited in place, and its text.
    editing: Option<(i64, String)>,
    confirm_delete: Option<i64>,
    pending: Option<Pending>,
    error: Option<String>,
}

impl NotesSection {
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
                    Command::AddNote { release: cx.release.id, body: state.new_body.clone() },
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
                                        cx.push(Origin::Notes, Command::DeleteNote(note.id));
                                        state.pending = Some(Pending::Delete);
                                    }
                                    if ui.button(tr("action-cancel")).clicked() {
                                        state.confirm_delete = None;
                                    }
                                } else if ui.button(tr("action-delete")).clicked() {
                                    state.confirm_delete = Some(note.id);
                                }
                                if state.editing.is_none() && ui.button(tr("action-edit")).clicked() {
                                    state.editing = Some((note.id, note.body.clone()));
                                }
                            });
                        });
                        match &mut state.editing {
                            Some((id, text)) if *id == note.id => {
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
                                    cx.push(Origin::Notes, Command::EditNote { id: note.id, body });
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
