//! What closing a page would lose: [`ReleasePage::unsaved`] names the buffers holding unsaved
//! edits (an empty box, or an editor or form left as it opened, holds none); the app asks before
//! closing the tab, or the window, over them.

use super::{ReleasePage, plans};
use crate::i18n::tr;
use crate::model::Model;

/// A part of a page holding edits that are not saved yet: what closing the page would lose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedPart {
    Subject,
    Category,
    Description,
    PlannedWindow,
    BuildPlan,
    TestPlan,
    BackoutPlan,
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
            Self::BackoutPlan => "unsaved-part-backout-plan",
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

impl ReleasePage {
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
                plans::PlanKind::Backout => UnsavedPart::BackoutPlan,
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
}
