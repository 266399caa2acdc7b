//! The notes, tasks and time entries an import brings with its releases: each one found again
//! (by its link to its Freshservice id, or, without one, by being the same) is updated only if it
//! differs; the others are added and linked.

use std::collections::{HashMap, HashSet};

use super::people::People;
use crate::domain::import::ImportedRelease;
use crate::domain::{
    AgentId, ExternalKind, ExternalLink, GroupId, Note, NoteId, ReleaseId, Task, TaskId, TimeEntry,
    TimeEntryId, Timestamp,
};
use crate::model::Model;
use crate::model::plan::Effect;
use crate::store::Mutation;

/// The next free id of each kind of work record.
pub(super) struct WorkIds {
    pub(super) note: i64,
    pub(super) task: i64,
    pub(super) time: i64,
}

/// The work records of the releases an import may update, by release (built once per import).
#[derive(Default)]
pub(super) struct WorkByRelease<'m> {
    notes: HashMap<ReleaseId, Vec<&'m Note>>,
    tasks: HashMap<ReleaseId, Vec<&'m Task>>,
    time_entries: HashMap<ReleaseId, Vec<&'m TimeEntry>>,
}

impl Model {
    /// The notes, tasks and time entries of the releases the batch matches, by release.
    pub(super) fn work_by_release(
        &self,
        releases: &[ImportedRelease],
        by_external: &HashMap<i64, usize>,
    ) -> WorkByRelease<'_> {
        let matched: HashSet<ReleaseId> = releases
            .iter()
            .filter_map(|r| r.release.external_id.and_then(|e| by_external.get(&e)))
            .map(|&i| self.releases[i].id)
            .collect();
        let mut work = WorkByRelease::default();
        if matched.is_empty() {
            return work;
        }
        for n in self.notes.iter().filter(|n| matched.contains(&n.release_id)) {
            work.notes.entry(n.release_id).or_default().push(n);
        }
        for t in self.tasks.iter().filter(|t| matched.contains(&t.release_id)) {
            work.tasks.entry(t.release_id).or_default().push(t);
        }
        for e in self.time_entries.iter().filter(|e| matched.contains(&e.release_id)) {
            work.time_entries.entry(e.release_id).or_default().push(e);
        }
        work
    }

    /// Puts the imported release's notes, tasks and time entries onto release `id`: each one
    /// found again (by its link, or, without an external id, by being the same) is updated
    /// only if it differs; the others are added. Returns whether anything changed.
    #[expect(clippy::too_many_arguments, reason = "the import's running state, passed down once")]
    pub(super) fn plan_imported_work(
        &self,
        id: ReleaseId,
        imported: &ImportedRelease,
        work: &WorkByRelease<'_>,
        people: &mut People,
        ids: &mut WorkIds,
        now: Timestamp,
        effect: &mut Effect,
    ) -> bool {
        let before = effect.mutations.len();
        let none = Vec::new();
        let notes = work.notes.get(&id).unwrap_or(&none);
        for n in &imported.notes {
            let author = people.agents.resolve(n.author.as_ref(), &mut effect.mutations).map(AgentId);
            let old = match n.external.and_then(|e| self.external_links.local(ExternalKind::Note, e)) {
                Some(local) => self.note(NoteId(local)),
                None if n.external.is_none() => {
                    notes.iter().copied().find(|o| o.body == n.body && o.author == author)
                }
                None => None,
            };
            let note_id = old.map_or_else(
                || {
                    ids.note += 1;
                    NoteId(ids.note)
                },
                |o| o.id,
            );
            let created_at = n.created_at.or(old.map(|o| o.created_at)).unwrap_or(now);
            let new = Note {
                id: note_id,
                release_id: id,
                body: n.body.clone(),
                author,
                created_at,
                updated_at: n.updated_at.or(old.map(|o| o.updated_at)).unwrap_or(created_at),
            };
            if old != Some(&new) {
                effect.mutations.push(Mutation::PutNote(new));
            }
            link(effect, ExternalKind::Note, n.external, note_id.0, old.is_none());
        }
        let none = Vec::new();
        let tasks = work.tasks.get(&id).unwrap_or(&none);
        for t in &imported.tasks {
            let agent = people.agents.resolve(t.agent.as_ref(), &mut effect.mutations).map(AgentId);
            let group = people.groups.resolve(t.group.as_ref(), &mut effect.mutations).map(GroupId);
            let fields = t.fields(agent, group);
            let old = match t.external.and_then(|e| self.external_links.local(ExternalKind::Task, e)) {
                Some(local) => self.task(TaskId(local)),
                None if t.external.is_none() => tasks.iter().copied().find(|o| o.fields == fields),
                None => None,
            };
            let task_id = old.map_or_else(
                || {
                    ids.task += 1;
                    TaskId(ids.task)
                },
                |o| o.id,
            );
            let created_at = t.created_at.or(old.map(|o| o.created_at)).unwrap_or(now);
            let new = Task {
                id: task_id,
                release_id: id,
                fields,
                created_at,
                updated_at: t.updated_at.or(old.map(|o| o.updated_at)).unwrap_or(created_at),
            };
            if old != Some(&new) {
                effect.mutations.push(Mutation::PutTask(new));
            }
            link(effect, ExternalKind::Task, t.external, task_id.0, old.is_none());
        }
        self.plan_imported_time(id, imported, work, people, ids, now, effect);
        effect.mutations.len() > before
    }

    #[expect(clippy::too_many_arguments, reason = "the import's running state, passed down once")]
    fn plan_imported_time(
        &self,
        id: ReleaseId,
        imported: &ImportedRelease,
        work: &WorkByRelease<'_>,
        people: &mut People,
        ids: &mut WorkIds,
        now: Timestamp,
        effect: &mut Effect,
    ) {
        let none = Vec::new();
        let entries = work.time_entries.get(&id).unwrap_or(&none);
        for e in &imported.time_entries {
            let agent = people.agents.resolve(e.agent.as_ref(), &mut effect.mutations).map(AgentId);
            let same = |o: &TimeEntry| {
                o.agent_id == agent
                    && o.note == e.note
                    && o.minutes == e.minutes
                    && o.executed_at == e.executed_at
                    && o.billable == e.billable
                    && o.timer_start == e.timer_start
            };
            let old = match e.external.and_then(|x| self.external_links.local(ExternalKind::TimeEntry, x)) {
                Some(local) => self.time_entry(TimeEntryId(local)),
                None if e.external.is_none() => entries.iter().copied().find(|o| same(o)),
                None => None,
            };
            let entry_id = old.map_or_else(
                || {
                    ids.time += 1;
                    TimeEntryId(ids.time)
                },
                |o| o.id,
            );
            let new = TimeEntry {
                id: entry_id,
                release_id: id,
                agent_id: agent,
                note: e.note.clone(),
                minutes: e.minutes,
                executed_at: e.executed_at,
                billable: e.billable,
                timer_start: e.timer_start,
                created_at: e.created_at.or(old.map(|o| o.created_at)).unwrap_or(now),
            };
            if old != Some(&new) {
                effect.mutations.push(Mutation::PutTimeEntry(new));
            }
            link(effect, ExternalKind::TimeEntry, e.external, entry_id.0, old.is_none());
        }
    }
}

/// Links a newly added work record to its id over there.
fn link(effect: &mut Effect, kind: ExternalKind, external: Option<i64>, local: i64, added: bool) {
    if let (Some(external), true) = (external, added) {
        effect.mutations.push(Mutation::PutExternalLink(ExternalLink { kind, external, local }));
    }
}
