//! Plans, tasks, notes and time (Korean, as the teams write them) added to the scenarios'
//! current releases, with sequential ids.

use chrono::Duration;

use super::SampleData;
use crate::domain::{
    AgentId, ChecklistItem, GroupId, Note, NoteId, ReleaseId, Task, TaskFields, TaskId, TaskStatus,
    TimeEntry, TimeEntryId, Timestamp,
};

pub(super) fn checklist(items: &[(&str, bool)]) -> Vec<ChecklistItem> {
    items.iter().map(|(text, done)| ChecklistItem { text: (*text).to_owned(), done: *done }).collect()
}

/// Appends child records with sequential ids.
pub(super) struct Work<'a> {
    pub(super) data: &'a mut SampleData,
    pub(super) now: Timestamp,
}

impl Work<'_> {
    pub(super) fn task(
        &mut self,
        release: ReleaseId,
        title: &str,
        status: TaskStatus,
        due: Option<Timestamp>,
        agent: i64,
        group: i64,
    ) {
        let created = self.now - Duration::days(3);
        self.data.tasks.push(Task {
            id: TaskId(self.data.tasks.len() as i64 + 1),
            release_id: release,
            fields: TaskFields {
                title: title.to_owned(),
                description: String::new(),
                status,
                due,
                agent_id: Some(AgentId(agent)),
                group_id: Some(GroupId(group)),
            },
            created_at: created,
            updated_at: created,
        });
    }

    pub(super) fn note(&mut self, release: ReleaseId, author: i64, at: Timestamp, body: &str) {
        let at = at.min(self.now);
        self.data.notes.push(Note {
            id: NoteId(self.data.notes.len() as i64 + 1),
            release_id: release,
            body: body.to_owned(),
            author: Some(AgentId(author)),
            created_at: at,
            updated_at: at,
        });
    }

    pub(super) fn time(
        &mut self,
        release: ReleaseId,
        agent: i64,
        at: Timestamp,
        minutes: u32,
        note: &str,
        billable: bool,
    ) {
        let at = at.min(self.now);
        self.data.time_entries.push(TimeEntry {
            id: TimeEntryId(self.data.time_entries.len() as i64 + 1),
            release_id: release,
            agent_id: Some(AgentId(agent)),
            note: note.to_owned(),
            minutes,
            executed_at: at,
            billable,
            timer_start: None,
            created_at: at,
        });
    }

    pub(super) fn timer(&mut self, release: ReleaseId, agent: i64, start: Timestamp, note: &str) {
        self.data.time_entries.push(TimeEntry {
            id: TimeEntryId(self.data.time_entries.len() as i64 + 1),
            release_id: release,
            agent_id: Some(AgentId(agent)),
            note: note.to_owned(),
            minutes: 0,
            executed_at: start,
            billable: true,
            timer_start: Some(start),
            created_at: start,
        });
    }
}
