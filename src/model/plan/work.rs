//! Planning of the work commands on a release: its notes, tasks and time entries.

use super::Effect;
use crate::domain::work::note::NOTE_MAX_CHARS;
use crate::domain::work::time_entry::{MAX_MINUTES, format_hhmm};
use crate::domain::{Note, NoteId, ReleaseId, Task, TaskFields, TaskId, TimeEntry, TimeEntryId, Timestamp};
use crate::model::{CommandError, ItemRefused, Model, NewTimeEntry, WorkCommand};
use crate::store::Mutation;

/// The first line of a text, at most 80 characters, for the activity log.
fn gist(text: &str) -> String {
    let line = text.trim().lines().next().unwrap_or_default();
    let mut out: String = line.chars().take(80).collect();
    if line.chars().count() > 80 || text.trim().lines().nth(1).is_some() {
        out.push('…');
    }
    out
}

fn task_summary(fields: &TaskFields) -> String {
    format!("{} [{}]", fields.title, fields.status.label())
}

/// What an edit of a time entry changed, for its one activity row: the Freshservice field names
/// (`"time_spent, billable"`) and the old and new values in the same order (`"01:30 / billable"`).
fn time_entry_changes(
    old: &TimeEntry,
    new: &TimeEntry,
    directory: &crate::domain::Directory,
) -> (String, String, String) {
    let or_dash = |s: String| if s.is_empty() { "—".to_owned() } else { s };
    let describe = |field: &str, e: &TimeEntry| match field {
        "agent_id" => or_dash(directory.agent_name(e.agent_id).to_owned()),
        "time_spent" => format_hhmm(i64::from(e.minutes)),
        "executed_at" => e.executed_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "billable" => if e.billable { "billable" } else { "not billable" }.to_owned(),
        _ => or_dash(gist(&e.note)),
    };
    let fields: Vec<&str> = [
        ("agent_id", old.agent_id != new.agent_id),
        ("time_spent", old.minutes != new.minutes),
        ("executed_at", old.executed_at != new.executed_at),
        ("billable", old.billable != new.billable),
        ("note", old.note != new.note),
    ]
    .into_iter()
    .filter_map(|(field, changed)| changed.then_some(field))
    .collect();
    let values = |e: &TimeEntry| fields.iter().map(|f| describe(f, e)).collect::<Vec<_>>().join(" / ");
    (fields.join(", "), values(old), values(new))
}

impl Model {
    /// The release, if it exists and is not in Trash: a release in Trash is read-only (its notes,
    /// tasks and time are neither added, edited nor deleted until it is restored), except that a
    /// running timer can always be stopped.
    fn live_release(&self, id: ReleaseId) -> Result<&crate::domain::Release, CommandError> {
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
            WorkCommand::AddNote { release, body } => {
                self.live_release(release)?;
                let body = Self::check_note(&body)?;
                let note = Note {
                    id: self.notes.last().map_or(NoteId(1), |n| n.id.next()),
                    release_id: release,
                    body,
                    author: self.settings.current_agent,
                    created_at: now,
                    updated_at: now,
                };
                let mut activity = self.activity(Some(release), now, "note");
                activity.field = "note".into();
                activity.new_value = gist(&note.body);
                effect.activities.push(activity);
                effect.mutations.push(Mutation::PutNote(note));
            }
            WorkCommand::EditNote { id, body } => {
                let old = self.note(id).ok_or(ItemRefused::NoSuchNote(id))?;
                self.live_release(old.release_id)?;
                let body = Self::check_note(&body)?;
                if body == old.body {
                    return Ok(());
                }
                let mut activity = self.activity(Some(old.release_id), now, "note");
                activity.field = "note".into();
                activity.old_value = gist(&old.body);
                activity.new_value = gist(&body);
                effect.activities.push(activity);
                effect.mutations.push(Mutation::PutNote(Note { body, updated_at: now, ..old.clone() }));
            }
            WorkCommand::DeleteNote(id) => {
                let old = self.note(id).ok_or(ItemRefused::NoSuchNote(id))?;
                self.live_release(old.release_id)?;
                let mut activity = self.activity(Some(old.release_id), now, "note");
                activity.field = "note".into();
                activity.old_value = gist(&old.body);
                effect.activities.push(activity);
                effect.mutations.push(Mutation::RemoveNote(id));
            }
            WorkCommand::AddTask { release, fields } => {
                self.live_release(release)?;
                let fields = self.check_task(&fields)?;
                let mut activity = self.activity(Some(release), now, "task");
                activity.field = "task".into();
                activity.new_value = task_summary(&fields);
                effect.activities.push(activity);
                effect.mutations.push(Mutation::PutTask(Task {
                    id: self.tasks.last().map_or(TaskId(1), |t| t.id.next()),
                    release_id: release,
                    fields,
                    created_at: now,
                    updated_at: now,
                }));
            }
            WorkCommand::EditTask { id, fields } => {
                let old = self.task(id).ok_or(ItemRefused::NoSuchTask(id))?;
                self.live_release(old.release_id)?;
                let fields = self.check_task(&fields)?;
                if fields == old.fields {
                    return Ok(());
                }
                let mut activity = self.activity(Some(old.release_id), now, "task");
                activity.field = "task".into();
                activity.old_value = task_summary(&old.fields);
                activity.new_value = task_summary(&fields);
                effect.activities.push(activity);
                effect.mutations.push(Mutation::PutTask(Task { fields, updated_at: now, ..old.clone() }));
            }
            WorkCommand::DeleteTask(id) => {
                let old = self.task(id).ok_or(ItemRefused::NoSuchTask(id))?;
                self.live_release(old.release_id)?;
                let mut activity = self.activity(Some(old.release_id), now, "task");
                activity.field = "task".into();
                activity.old_value = task_summary(&old.fields);
                effect.activities.push(activity);
                effect.mutations.push(Mutation::RemoveTask(id));
            }
            WorkCommand::AddTime { release, entry } => {
                self.live_release(release)?;
                self.check_time(&entry)?;
                let mut activity = self.activity(Some(release), now, "time");
                activity.field = "time_spent".into();
                activity.new_value = format_hhmm(i64::from(entry.minutes));
                effect.activities.push(activity);
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
                let mut activity = self.activity(Some(release), now, "time");
                activity.field = "timer".into();
                activity.new_value =
                    format!("started {}", start.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
                effect.activities.push(activity);
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
                let mut activity = self.activity(Some(old.release_id), now, "time");
                activity.field = "timer".into();
                activity.old_value = format_hhmm(i64::from(old.minutes));
                activity.new_value = format!("stopped at {}", format_hhmm(i64::from(stopped.minutes)));
                effect.activities.push(activity);
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
                let (field, old_value, new_value) = time_entry_changes(old, &new, &self.directory);
                let mut activity = self.activity(Some(old.release_id), now, "time");
                activity.field = field;
                activity.old_value = old_value;
                activity.new_value = new_value;
                effect.activities.push(activity);
                effect.mutations.push(Mutation::PutTimeEntry(new));
            }
            WorkCommand::DeleteTimeEntry(id) => {
                let old = self.time_entry(id).ok_or(ItemRefused::NoSuchTimeEntry(id))?;
                self.live_release(old.release_id)?;
                let mut activity = self.activity(Some(old.release_id), now, "time");
                activity.field = "time_spent".into();
                activity.old_value = format_hhmm(i64::from(old.spent_minutes(now)));
                effect.activities.push(activity);
                effect.mutations.push(Mutation::RemoveTimeEntry(id));
            }
        }
        Ok(())
    }
}
