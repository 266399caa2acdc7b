//! Notes, tasks and time entries of a release, and moving one release to Trash: how the model
//! reads them and how their commands are validated and turned into mutations and activity rows.

use super::{Command, CommandError, Effect, Model, NewTimeEntry, PeopleRemap};
use crate::domain::note::NOTE_MAX_CHARS;
use crate::domain::sample::SampleData;
use crate::domain::time_entry::{MAX_MINUTES, format_hhmm};
use crate::domain::{Note, ReleaseId, ReleasePatch, Task, TaskFields, TimeEntry, Timestamp};
use crate::store::Mutation;

/// Why a note, task or time command was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ItemRefused {
    #[error("release #{0} is in Trash; restore it first")]
    InTrash(ReleaseId),
    #[error("note {0} does not exist")]
    NoSuchNote(i64),
    #[error("task {0} does not exist")]
    NoSuchTask(i64),
    #[error("time entry {0} does not exist")]
    NoSuchTimeEntry(i64),
    #[error("a note cannot be empty")]
    NoteEmpty,
    #[error("a note has at most {NOTE_MAX_CHARS} characters")]
    NoteTooLong,
    #[error("a task needs a title")]
    TaskTitleRequired,
    #[error("a task title has at most 255 characters")]
    TaskTitleTooLong,
    #[error("the time spent must be 00:01 to 9999:59")]
    TimeOutOfRange,
    #[error("a timer is already running on #{0}; stop it first")]
    TimerAlreadyRunning(ReleaseId),
    #[error("this timer is not running")]
    TimerNotRunning,
    #[error("this timer is running; stop it before editing the entry")]
    TimerRunning,
}

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
    pub fn note(&self, id: i64) -> Option<&Note> {
        self.notes.binary_search_by_key(&id, |n| n.id).ok().map(|i| &self.notes[i])
    }

    pub fn task(&self, id: i64) -> Option<&Task> {
        self.tasks.binary_search_by_key(&id, |t| t.id).ok().map(|i| &self.tasks[i])
    }

    pub fn time_entry(&self, id: i64) -> Option<&TimeEntry> {
        self.time_entries.binary_search_by_key(&id, |e| e.id).ok().map(|i| &self.time_entries[i])
    }

    /// Every note, in id order.
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    /// Every task, in id order.
    pub fn tasks(&self) -> &[Task] {
        &self.tasks
    }

    /// Every time entry, in id order.
    pub fn time_entries(&self) -> &[TimeEntry] {
        &self.time_entries
    }

    /// The notes of a release, newest first.
    pub fn notes_for(&self, release: ReleaseId) -> Vec<&Note> {
        let mut notes: Vec<&Note> = self.notes.iter().filter(|n| n.release_id == release).collect();
        notes.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
        notes
    }

    /// The tasks of a release, in the order they were added.
    pub fn tasks_for(&self, release: ReleaseId) -> Vec<&Task> {
        self.tasks.iter().filter(|t| t.release_id == release).collect()
    }

    /// The time entries of a release, newest first.
    pub fn time_entries_for(&self, release: ReleaseId) -> Vec<&TimeEntry> {
        let mut entries: Vec<&TimeEntry> =
            self.time_entries.iter().filter(|e| e.release_id == release).collect();
        entries.sort_by(|a, b| b.executed_at.cmp(&a.executed_at).then(b.id.cmp(&a.id)));
        entries
    }

    /// Every running timer, in id order.
    pub fn running_timers(&self) -> impl Iterator<Item = &TimeEntry> {
        self.time_entries.iter().filter(|e| e.is_running())
    }

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

    fn next_id<T>(items: &[T], id: impl Fn(&T) -> i64) -> i64 {
        items.last().map_or(0, id) + 1
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

    /// The sample's notes, tasks and time entries, moved onto the ids the sample gets here.
    pub(super) fn plan_sample_work(
        &self,
        data: &SampleData,
        offset: i64,
        remap: &PeopleRemap,
        effect: &mut Effect,
    ) {
        let release = |id: ReleaseId| ReleaseId(id.0 + offset);
        let agent = |a: Option<crate::domain::AgentId>| a.and_then(|a| remap.agents.get(&a).copied());
        let group = |g: Option<crate::domain::GroupId>| g.and_then(|g| remap.groups.get(&g).copied());
        let note_base = self.notes.last().map_or(0, |n| n.id);
        for n in &data.notes {
            effect.mutations.push(Mutation::PutNote(Note {
                id: n.id + note_base,
                release_id: release(n.release_id),
                author: agent(n.author),
                ..n.clone()
            }));
        }
        let task_base = self.tasks.last().map_or(0, |t| t.id);
        for t in &data.tasks {
            let fields = TaskFields {
                agent_id: agent(t.fields.agent_id),
                group_id: group(t.fields.group_id),
                ..t.fields.clone()
            };
            effect.mutations.push(Mutation::PutTask(Task {
                id: t.id + task_base,
                release_id: release(t.release_id),
                fields,
                ..t.clone()
            }));
        }
        let entry_base = self.time_entries.last().map_or(0, |e| e.id);
        for e in &data.time_entries {
            effect.mutations.push(Mutation::PutTimeEntry(TimeEntry {
                id: e.id + entry_base,
                release_id: release(e.release_id),
                agent_id: agent(e.agent_id),
                ..e.clone()
            }));
        }
    }

    /// Plans the commands of this file. `command` is always one of them.
    pub(super) fn plan_release_item(
        &self,
        command: Command,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        match command {
            Command::TrashRelease(id) => {
                let release = self.release(id).ok_or(CommandError::NoSuchRelease(id))?;
                if release.is_deleted() {
                    return Ok(());
                }
                let patch = ReleasePatch { deleted_at: Some(Some(now)), ..ReleasePatch::touching(now) };
                let mut activity = self.activity(Some(id), now, "trash");
                activity.field = "deleted_at".into();
                activity.new_value = now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
                effect.activities.push(activity);
                effect.mutations.push(Mutation::PatchRelease { id, patch });
            }
            Command::AddNote { release, body } => {
                self.live_release(release)?;
                let body = Self::check_note(&body)?;
                let note = Note {
                    id: Self::next_id(&self.notes, |n| n.id),
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
            Command::EditNote { id, body } => {
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
            Command::DeleteNote(id) => {
                let old = self.note(id).ok_or(ItemRefused::NoSuchNote(id))?;
                self.live_release(old.release_id)?;
                let mut activity = self.activity(Some(old.release_id), now, "note");
                activity.field = "note".into();
                activity.old_value = gist(&old.body);
                effect.activities.push(activity);
                effect.mutations.push(Mutation::RemoveNote(id));
            }
            Command::AddTask { release, fields } => {
                self.live_release(release)?;
                let fields = self.check_task(&fields)?;
                let mut activity = self.activity(Some(release), now, "task");
                activity.field = "task".into();
                activity.new_value = task_summary(&fields);
                effect.activities.push(activity);
                effect.mutations.push(Mutation::PutTask(Task {
                    id: Self::next_id(&self.tasks, |t| t.id),
                    release_id: release,
                    fields,
                    created_at: now,
                    updated_at: now,
                }));
            }
            Command::EditTask { id, fields } => {
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
            Command::DeleteTask(id) => {
                let old = self.task(id).ok_or(ItemRefused::NoSuchTask(id))?;
                self.live_release(old.release_id)?;
                let mut activity = self.activity(Some(old.release_id), now, "task");
                activity.field = "task".into();
                activity.old_value = task_summary(&old.fields);
                effect.activities.push(activity);
                effect.mutations.push(Mutation::RemoveTask(id));
            }
            Command::AddTime { release, entry } => {
                self.live_release(release)?;
                self.check_time(&entry)?;
                let mut activity = self.activity(Some(release), now, "time");
                activity.field = "time_spent".into();
                activity.new_value = format_hhmm(i64::from(entry.minutes));
                effect.activities.push(activity);
                effect.mutations.push(Mutation::PutTimeEntry(TimeEntry {
                    id: Self::next_id(&self.time_entries, |e| e.id),
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
            Command::StartTimer { release, agent_id, note, billable, since_created } => {
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
                    id: Self::next_id(&self.time_entries, |e| e.id),
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
            Command::StopTimer(id) => {
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
            Command::EditTimeEntry { id, entry } => {
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
            Command::DeleteTimeEntry(id) => {
                let old = self.time_entry(id).ok_or(ItemRefused::NoSuchTimeEntry(id))?;
                self.live_release(old.release_id)?;
                let mut activity = self.activity(Some(old.release_id), now, "time");
                activity.field = "time_spent".into();
                activity.old_value = format_hhmm(i64::from(old.spent_minutes(now)));
                effect.activities.push(activity);
                effect.mutations.push(Mutation::RemoveTimeEntry(id));
            }
            other => {
                return Err(CommandError::Refused(format!(
                    "{} is not a release item command",
                    other.label()
                )));
            }
        }
        Ok(())
    }
}
