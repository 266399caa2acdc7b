//! What closing a page would lose: [`ReleasePage::unsaved`] names the buffers holding unsaved
//! edits (an empty box, or an editor or form left as it opened, holds none); the app asks before
//! closing the tab, or the window, over them. [`PageStash`] is what a termination signal keeps of
//! them for the next start (the description and an open plan editor's draft).

use serde::{Deserialize, Serialize};

use super::time::TimeForm;
use super::{ReleasePage, plans};
use crate::domain::{NoteId, Plan, PlannedWindow, ReleaseId, TaskFields, TaskId};
use crate::i18n::tr;
use crate::model::Model;

/// The unsaved edits of one page that a termination signal keeps for the next start: every buffer
/// [`ReleasePage::unsaved`] knows, as typed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PageStash {
    pub release: ReleaseId,
    pub subject: Option<String>,
    pub category: Option<String>,
    pub description: Option<String>,
    pub planned: Option<PlannedWindow>,
    /// The open plan editor's plan, when it was changed.
    pub plan: Option<(plans::PlanKind, Plan)>,
    /// The task form's fields (and the task it edits).
    pub task: Option<(Option<TaskId>, TaskFields)>,
    pub time: Option<TimeForm>,
    pub timer_note: Option<String>,
    pub new_note: Option<String>,
    pub note_edit: Option<(NoteId, String)>,
}

impl PageStash {
    /// What it holds, named as the close guard names it.
    pub fn parts(&self) -> Vec<UnsavedPart> {
        let plan = self.plan.as_ref().map(|(kind, _)| match kind {
            plans::PlanKind::Build => UnsavedPart::BuildPlan,
            plans::PlanKind::Test => UnsavedPart::TestPlan,
            plans::PlanKind::Backout => UnsavedPart::BackoutPlan,
        });
        let task = self
            .task
            .as_ref()
            .map(|(id, _)| if id.is_some() { UnsavedPart::TaskEdit } else { UnsavedPart::NewTask });
        let time = self.time.as_ref().map(|f| {
            if f.editing.is_some() { UnsavedPart::TimeEntryEdit } else { UnsavedPart::NewTimeEntry }
        });
        [
            self.subject.as_ref().map(|_| UnsavedPart::Subject),
            self.description.as_ref().map(|_| UnsavedPart::Description),
            self.planned.map(|_| UnsavedPart::PlannedWindow),
            self.category.as_ref().map(|_| UnsavedPart::Category),
            plan,
            task,
            time,
            self.timer_note.as_ref().map(|_| UnsavedPart::TimerNote),
            self.new_note.as_ref().map(|_| UnsavedPart::NewNote),
            self.note_edit.as_ref().map(|_| UnsavedPart::NoteEdit),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
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
    /// What a termination signal keeps of this page's unsaved edits (`None`: it has none).
    pub fn stash(&self, model: &Model) -> Option<PageStash> {
        let parts = self.unsaved(model);
        if parts.is_empty() {
            return None;
        }
        let release = model.release(self.id)?;
        let s = &self.sections;
        let text = |t: &str| Some(t.to_owned()).filter(|t| !t.trim().is_empty());
        let stash = PageStash {
            release: self.id,
            subject: self.subject.clone().filter(|_| parts.contains(&UnsavedPart::Subject)),
            category: self.category.clone().filter(|_| parts.contains(&UnsavedPart::Category)),
            description: self.description.clone().filter(|d| *d != release.description),
            planned: self.planned.filter(|p| *p != release.planned),
            plan: s.plans.editor.as_ref().filter(|e| e.has_edits()).map(|e| (e.kind, e.draft.clone())),
            task: s.tasks.stash(),
            time: s.time.stash(),
            timer_note: text(&s.time.timer_note),
            new_note: text(&s.notes.new_body),
            note_edit: s.notes.stash_edit(),
        };
        Some(stash)
    }

    /// Puts stashed edits back into this page's buffers (its release must still exist); the page
    /// shows the tab of the first one.
    pub fn unstash(&mut self, stash: PageStash, model: &Model) {
        use super::sections::PageTab;
        let Some(release) = model.release(self.id) else { return };
        let tab = match stash.parts().first() {
            Some(UnsavedPart::BuildPlan | UnsavedPart::TestPlan | UnsavedPart::BackoutPlan) => PageTab::Plans,
            Some(
                UnsavedPart::NewTask
                | UnsavedPart::TaskEdit
                | UnsavedPart::NewTimeEntry
                | UnsavedPart::TimeEntryEdit
                | UnsavedPart::TimerNote
                | UnsavedPart::NewNote
                | UnsavedPart::NoteEdit,
            ) => PageTab::Work,
            _ => PageTab::Overview,
        };
        self.tab = tab;
        let s = &mut self.sections;
        self.subject = stash.subject.or(self.subject.take());
        self.category = stash.category.or(self.category.take());
        self.description = stash.description.or(self.description.take());
        self.planned = stash.planned.or(self.planned);
        if let Some((kind, draft)) = stash.plan {
            s.plans.restore(kind, draft, release, model);
        }
        if let Some((editing, fields)) = stash.task {
            s.tasks.restore(editing, fields, model, model.now());
        }
        if let Some(form) = stash.time {
            s.time.restore_form(form);
        }
        if let Some(note) = stash.timer_note {
            s.time.timer_note = note;
        }
        if let Some(body) = stash.new_note {
            s.notes.new_body = body;
        }
        if let Some((id, text)) = stash.note_edit {
            s.notes.restore_edit(id, text, model);
        }
    }
}
