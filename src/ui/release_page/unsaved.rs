//! What closing a page would lose: [`ReleasePage::unsaved`] names the buffers holding unsaved
//! edits (an empty box, or an editor or form left as it opened, holds none); the app asks before
//! closing the tab, or the window, over them. [`PageStash`] is what a termination signal keeps of
//! them for the next start (the description and an open plan editor's draft).

use serde::{Deserialize, Serialize};

use super::{ReleasePage, plans};
use crate::domain::{Plan, ReleaseId};
use crate::i18n::tr;
use crate::model::Model;

/// The unsaved edits of one page that a termination signal keeps for the next start.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PageStash {
    pub release: ReleaseId,
    /// The description being edited, when it differs from the stored one.
    pub description: Option<String>,
    /// The open plan editor's plan, when it was changed.
    pub plan: Option<(plans::PlanKind, Plan)>,
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

impl ReleasePage {
    /// What a termination signal keeps of this page's unsaved edits (`None`: nothing it knows).
    pub fn stash(&self, model: &Model) -> Option<PageStash> {
        let release = model.release(self.id)?;
        let description = self.description.clone().filter(|d| *d != release.description);
        let plan =
            self.sections.plans.editor.as_ref().filter(|e| e.has_edits()).map(|e| (e.kind, e.draft.clone()));
        (description.is_some() || plan.is_some()).then_some(PageStash { release: self.id, description, plan })
    }

    /// Puts stashed edits back into this page's buffers (its release must still exist).
    pub fn unstash(&mut self, stash: PageStash, model: &Model) {
        let Some(release) = model.release(self.id) else { return };
        if let Some(description) = stash.description {
            self.description = Some(description);
        }
        if let Some((kind, draft)) = stash.plan {
            self.sections.plans.restore(kind, draft, release, model);
            self.tab = super::sections::PageTab::Plans;
        }
    }
}
