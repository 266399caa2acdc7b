//! Planning of the work commands on a release: its notes, tasks and time entries.

use super::Effect;
use crate::domain::activity::{Named, TaskRef};
use crate::domain::work::note::NOTE_MAX_CHARS;
use crate::domain::work::time_entry::MAX_MINUTES;
use crate::domain::{
    ActivityKind, Field, FieldChange, Note, NoteId, ReleaseId, Task, TaskFields, TaskId, TimeEntry,
    TimeEntryId, Timestamp, Value,
};
use crate::model::{CommandError, ItemRefused, Model, NewTimeEntry, WorkCommand};
use crate::store::Mutation;

use crate::domain::activity::gist;

fn task_ref(fields: &TaskFields) -> Value {
    Value::Task(TaskRef { title: fields.title.clone(), status: fields.status })
}

fn note_value(text: &str) -> Value {
    Value::text(gist(text))
}

/// What an edit of a time entry changed, for its one activity row: agent, time spent, executed
/// at, billable and note, each only when it changed.
fn time_entry_changes(
    old: &TimeEntry,
    new: &TimeEntry,
    directory: &crate::domain::Directory,
) -> Vec<FieldChange> {
    let agent = |e: &TimeEntry| {
        e.agent_id.map_or(Value::None, |id| Value::Agent(Named::new(id, directory.agent_name(Some(id)))))
    };
    let mut changes = Vec::new();
    if old.agent_id != new.agent_id {
        changes.push(FieldChange::new(Field::Agent, agent(old), agent(new)));
    }
    if old.minutes != new.minutes {
        changes.push(FieldChange::new(
            Field::TimeSpent,
            Value::Minutes(old.minutes),
            Value::Minutes(new.minutes),
        ));
    }
    if old.executed_at != new.executed_at {
        changes.push(FieldChange::new(
            Field::ExecutedAt,
            Value::Time(old.executed_at),
            Value::Time(new.executed_at),
        ));
    }
    if old.billable != new.billable {
        changes.push(FieldChange::new(Field::Billable, Value::Bool(old.billable), Value::Bool(new.billable)));
    }
    if old.note != new.note {
        changes.push(FieldChange::new(Field::Note, note_value(&old.note), note_value(&new.note)));
    }
    changes
}

impl Model {
    /// The release, if it exists and is not in Trash: a release in Trash is read-only (its notes,
    /// tasks and time are neither added, edited nor deleted until it is restored), except that a
    /// running timer can always be stopped.
    pub(super) fn live_release(&self, id: ReleaseId) -> Result<&crate::domain::Release, CommandError> {
        let release = self.release(id).ok_or(CommandError::NoSuchRelease(id))?;
        if release.is_deleted() {
            return Err(ItemRefused::InTrash(id).into());
        }
        Ok(release)
    }

    fn check_task(&self, fields: &TaskFields) -> Result<TaskFields, CommandError> {
        let title = fields.title.trim().to_owned();
        if title.is_empty() {
            return Err(ItemRefused::TaskTitleRequired.into());
        }
        if title.chars().count() > crate::domain::release::SUBJECT_MAX_CHARS {
            return Err(ItemRefused::TaskTitleTooLong.into());
        }
        self.check_refs(fields.agent_id, fields.group_id, None)?;
        Ok(TaskFields { title, ..fields.clone() })
    }

    /// Time logged by hand (added or edited): 00:01 to 9999:59, by an agent that exists.
    fn check_time(&self, entry: &NewTimeEntry) -> Result<(), CommandError> {
        if entry.minutes == 0 || entry.minutes > MAX_MINUTES {
            return Err(ItemRefused::TimeOutOfRange.into());
        }
        self.check_refs(entry.agent_id, None, None)
    }

    fn check_note(body: &str) -> Result<String, CommandError> {
        let body = body.trim();
        if body.is_empty() {
            return Err(ItemRefused::NoteEmpty.into());
        }
        if body.chars().count() > NOTE_MAX_CHARS {
            return Err(ItemRefused::NoteTooLong.into());
        }
        Ok(body.to_owned())
    }

    /// Validates one of the work commands and works out its effect. Changes nothing.
    pub(super) fn plan_work(
        &self,
        command: WorkCommand,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        match command {
            WorkCommand::AddNote { release, body } => self.plan_add_note(release, &body, now, effect)?,
            WorkCommand::EditNote { id, body } => self.plan_edit_note(id, &body, now, effect)?,
            WorkCommand::DeleteNote(id) => self.plan_delete_note(id, now, effect)?,
            WorkCommand::AddTask { release, fields } => self.plan_add_task(release, &fields, now, effect)?,
            WorkCommand::EditTask { id, fields } => self.plan_edit_task(id, &fields, now, effect)?,
            WorkCommand::DeleteTask(id) => self.plan_delete_task(id, now, effect)?,
            WorkCommand::AddTime { release, entry } => {
                self.live_release(release)?;
                self.check_time(&entry)?;
                let added = FieldChange::added(Field::TimeSpent, Value::Minutes(entry.minutes));
                effect.activities.push(self.activity(Some(release), now, ActivityKind::Time, vec![added]));
                effect.mutations.push(Mutation::PutTimeEntry(TimeEntry {
                    id: self.time_entries.last().map_or(TimeEntryId(1), |e| e.id.next()),
                    release_id: release,
                    agent_id: entry.agent_id,
                    note: entry.note.trim().to_owned(),
                    minutes: entry.minutes,
                    executed_at: entry.executed_at,
                    billable: entry.billable,
                    timer_start: None,
                    created_at: now,
                }));
            }
            WorkCommand::StartTimer { release, agent_id, note, billable, since_created } => {
                let created_at = self.live_release(release)?.created_at;
                self.check_refs(agent_id, None, None)?;
                if self.running_timers().any(|e| e.release_id == release && e.agent_id == agent_id) {
                    return Err(ItemRefused::TimerAlreadyRunning(release).into());
                }
                let start = if since_created { created_at.min(now) } else { now };
                let started = FieldChange::added(Field::Timer, Value::TimerStarted(start));
                effect.activities.push(self.activity(Some(release), now, ActivityKind::Time, vec![started]));
                effect.mutations.push(Mutation::PutTimeEntry(TimeEntry {
                    id: self.time_entries.last().map_or(TimeEntryId(1), |e| e.id.next()),
                    release_id: release,
                    agent_id,
                    note: note.trim().to_owned(),
                    minutes: 0,
                    executed_at: start,
                    billable,
                    timer_start: Some(start),
                    created_at: now,
                }));
            }
            WorkCommand::StopTimer(id) => {
                let old = self.time_entry(id).ok_or(ItemRefused::NoSuchTimeEntry(id))?;
                if !old.is_running() {
                    return Err(ItemRefused::TimerNotRunning.into());
                }
                let stopped = old.stopped(now);
                let change = FieldChange::new(
                    Field::Timer,
                    Value::Minutes(old.minutes),
                    Value::TimerStopped(stopped.minutes),
                );
                effect.activities.push(self.activity(
                    Some(old.release_id),
                    now,
                    ActivityKind::Time,
                    vec![change],
                ));
                effect.mutations.push(Mutation::PutTimeEntry(stopped));
            }
            WorkCommand::EditTimeEntry { id, entry } => {
                let old = self.time_entry(id).ok_or(ItemRefused::NoSuchTimeEntry(id))?;
                self.live_release(old.release_id)?;
                if old.is_running() {
                    return Err(ItemRefused::TimerRunning.into());
                }
                self.check_time(&entry)?;
                let new = TimeEntry {
                    agent_id: entry.agent_id,
                    note: entry.note.trim().to_owned(),
                    minutes: entry.minutes,
                    executed_at: entry.executed_at,
                    billable: entry.billable,
                    ..old.clone()
                };
                if new == *old {
                    return Ok(());
                }
                let changes = time_entry_changes(old, &new, &self.directory);
                effect.activities.push(self.activity(Some(old.release_id), now, ActivityKind::Time, changes));
                effect.mutations.push(Mutation::PutTimeEntry(new));
            }
            WorkCommand::DeleteTimeEntry(id) => {
                let old = self.time_entry(id).ok_or(ItemRefused::NoSuchTimeEntry(id))?;
                self.live_release(old.release_id)?;
                let removed = FieldChange::removed(Field::TimeSpent, Value::Minutes(old.spent_minutes(now)));
                effect.activities.push(self.activity(
                    Some(old.release_id),
                    now,
                    ActivityKind::Time,
                    vec![removed],
                ));
                effect.mutations.push(Mutation::RemoveTimeEntry(id));
            }
        }
        Ok(())
    }

    /// A new note on a live release, by the current agent.
    fn plan_add_note(
        &self,
        release: ReleaseId,
        body: &str,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        self.live_release(release)?;
        let body = Self::check_note(body)?;
        let note = Note {
            id: NoteId(self.new_note_ids().take()),
            release_id: release,
            body,
            author: self.settings.current_agent,
            created_at: now,
            updated_at: now,
        };
        let added = FieldChange::added(Field::Note, note_value(&note.body));
        effect.activities.push(self.activity(Some(release), now, ActivityKind::Note, vec![added]));
        effect.mutations.push(Mutation::PutNote(note));
        Ok(())
    }

    /// A note's new text (nothing when it is unchanged).
    fn plan_edit_note(
        &self,
        id: NoteId,
        body: &str,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        let old = self.note(id).ok_or(ItemRefused::NoSuchNote(id))?;
        self.live_release(old.release_id)?;
        let body = Self::check_note(body)?;
        if body == old.body {
            return Ok(());
        }
        let edited = FieldChange::new(Field::Note, note_value(&old.body), note_value(&body));
        effect.activities.push(self.activity(Some(old.release_id), now, ActivityKind::Note, vec![edited]));
        effect.mutations.push(Mutation::PutNote(Note { body, updated_at: now, ..old.clone() }));
        Ok(())
    }

    /// A note removed.
    fn plan_delete_note(&self, id: NoteId, now: Timestamp, effect: &mut Effect) -> Result<(), CommandError> {
        let old = self.note(id).ok_or(ItemRefused::NoSuchNote(id))?;
        self.live_release(old.release_id)?;
        let removed = FieldChange::removed(Field::Note, note_value(&old.body));
        effect.activities.push(self.activity(Some(old.release_id), now, ActivityKind::Note, vec![removed]));
        effect.mutations.push(Mutation::RemoveNote(id));
        Ok(())
    }

    /// A new task on a live release.
    fn plan_add_task(
        &self,
        release: ReleaseId,
        fields: &TaskFields,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        self.live_release(release)?;
        let fields = self.check_task(fields)?;
        let added = FieldChange::added(Field::Task, task_ref(&fields));
        effect.activities.push(self.activity(Some(release), now, ActivityKind::Task, vec![added]));
        effect.mutations.push(Mutation::PutTask(Task {
            id: TaskId(self.new_task_ids().take()),
            release_id: release,
            fields,
            created_at: now,
            updated_at: now,
        }));
        Ok(())
    }

    /// A task's new fields (nothing when they are unchanged).
    fn plan_edit_task(
        &self,
        id: TaskId,
        fields: &TaskFields,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        let old = self.task(id).ok_or(ItemRefused::NoSuchTask(id))?;
        self.live_release(old.release_id)?;
        let fields = self.check_task(fields)?;
        if fields == old.fields {
            return Ok(());
        }
        let edited = FieldChange::new(Field::Task, task_ref(&old.fields), task_ref(&fields));
        effect.activities.push(self.activity(Some(old.release_id), now, ActivityKind::Task, vec![edited]));
        effect.mutations.push(Mutation::PutTask(Task { fields, updated_at: now, ..old.clone() }));
        Ok(())
    }

    /// A task removed.
    fn plan_delete_task(&self, id: TaskId, now: Timestamp, effect: &mut Effect) -> Result<(), CommandError> {
        let old = self.task(id).ok_or(ItemRefused::NoSuchTask(id))?;
        self.live_release(old.release_id)?;
        let removed = FieldChange::removed(Field::Task, task_ref(&old.fields));
        effect.activities.push(self.activity(Some(old.release_id), now, ActivityKind::Task, vec![removed]));
        effect.mutations.push(Mutation::RemoveTask(id));
        Ok(())
    }
}
