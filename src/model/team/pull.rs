//! A pull applied to the local file: server changes (in seq order) turned into puts and removals
//! of releases, deployment windows and freezes, written through the model's one path with the
//! seq each record is now at. Pulled
//! changes are not undoable here (they are a teammate's), and a local command whose releases a
//! pull changed since can no longer be undone (see `History::mark_overtaken`).

use std::collections::{BTreeMap, BTreeSet};

use crate::domain::activity::{gist, release_changes};
use crate::domain::{
    Activity, ActivityId, ActivityKind, Field, FieldChange, Release, ReleaseId, Timestamp, Value,
};
use crate::model::Model;
use crate::model::plan::schedule::{freeze_ref, window_ref};
use crate::model::plan::{Effect, PullEffect};
use crate::store::team::TeamWrite;
use crate::store::team::change::{RecordChange, RecordKey, RecordKind, mutation_for, release_from_fields};
use crate::store::team::server::PulledChange;
use crate::store::{Mutation, ScheduleMutation};

impl Model {
    /// Plans the local effect of `changes` (in seq order). A release the server sends that
    /// names a person this file will not know keeps the field empty here, and the log says so.
    pub(in crate::model) fn plan_pull(
        &self,
        changes: Vec<PulledChange>,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), crate::model::CommandError> {
        // Each touched record as JSON until the last change: one decode per record, not per
        // change (a pull of 10,000 changes touches far fewer records).
        let mut after: BTreeMap<RecordKey, Option<serde_json::Map<String, serde_json::Value>>> =
            BTreeMap::new();
        let mut seqs: BTreeMap<RecordKey, i64> = BTreeMap::new();
        let mut missing = BTreeSet::new();
        let mut last_seq = 0;
        for pulled in changes {
            last_seq = last_seq.max(pulled.seq);
            for change in pulled.changes {
                let key = change.record();
                let slot = after.entry(key).or_insert_with(|| self.shared_fields(key));
                match change {
                    RecordChange::Create { data, .. } => *slot = Some(data),
                    RecordChange::Fields { fields, .. } => match slot {
                        Some(data) => data.extend(fields),
                        None => {
                            missing.insert(key);
                            continue;
                        }
                    },
                    RecordChange::Remove { .. } => *slot = None,
                }
                missing.remove(&key);
                seqs.insert(key, pulled.seq);
            }
        }
        let mut overtaken = BTreeSet::new();
        let mut releases = Vec::new();
        let mut people = Vec::new();
        for (key, data) in after {
            match key.release_id() {
                Some(id) => releases.push((id, data.map(decode).transpose()?)),
                None if key.kind.is_people() => people.push((key, data)),
                None => {
                    if self.plan_pulled_schedule(key, data, now, effect)? {
                        overtaken.insert(key);
                    }
                }
            }
        }
        // People first: the releases after them may name them.
        let pulled_ids: BTreeSet<ReleaseId> = releases.iter().map(|(id, _)| *id).collect();
        let untouched = self.releases.iter().filter(|r| !pulled_ids.contains(&r.id));
        let pulled_releases = releases.iter().filter_map(|(_, r)| r.as_ref());
        let people =
            self.plan_pulled_people(people, untouched.chain(pulled_releases), now, &mut effect.activities)?;
        overtaken.extend(people.changed.iter().copied());
        // The log names the people of a pulled release as they are once the pull is in.
        let directory = people.directory_after(&self.directory);
        let mut mutations = people.puts;
        mutations.append(&mut effect.mutations);
        effect.mutations = mutations;

        let mut removed = Vec::new();
        for (id, new) in releases {
            let old = self.release(id);
            match (old, new) {
                (None, None) => {}
                (Some(old), None) => {
                    let subject = FieldChange::removed(Field::Subject, Value::text(old.subject.clone()));
                    effect.activities.push(pulled_activity(Some(id), now, vec![subject]));
                    removed.push(id);
                    effect.mutations.push(Mutation::RemoveRelease(id));
                    overtaken.insert(RecordKey::release(id));
                }
                (old, Some(new)) => {
                    let new = self.with_known_people(new, &people.known);
                    if old == Some(&new) {
                        continue;
                    }
                    let changes = match old {
                        Some(old) => release_changes(old, &new, &directory),
                        None => vec![FieldChange::added(Field::Subject, Value::text(new.subject.clone()))],
                    };
                    effect.activities.push(pulled_activity(Some(id), now, changes));
                    effect.mutations.push(Mutation::PutRelease(new));
                    overtaken.insert(RecordKey::release(id));
                }
            }
        }
        if !removed.is_empty() {
            // What hangs on a release removed by a teammate goes with it, as with a purge here.
            let mut dependents = Effect::empty();
            self.plan_purge_of_dependents(&removed, &mut dependents);
            let releases = std::mem::take(&mut effect.mutations);
            effect.mutations = dependents.mutations;
            effect.mutations.extend(releases);
        }
        // Last: once the releases no longer name them.
        effect.mutations.extend(people.removals);
        let write = TeamWrite::Pulled { last_seq, record_seqs: seqs.into_iter().collect() };
        effect.pull = Some(PullEffect { write, overtaken, missing: missing.into_iter().collect() });
        Ok(())
    }

    /// Plans a pulled window, freeze, note or task (`None`: removed); whether it changes anything
    /// here. One that does not read or is not valid refuses the pull (nothing of it is written).
    fn plan_pulled_schedule(
        &self,
        key: RecordKey,
        data: Option<serde_json::Map<String, serde_json::Value>>,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<bool, crate::model::CommandError> {
        let bad = |e: &dyn std::fmt::Display| crate::model::CommandError::TeamData(format!("{key}: {e}"));
        let mutation = mutation_for(key, data).map_err(|e| bad(&e))?;
        // The log row goes on the note's release; a window's or freeze's on the file.
        let mut release = None;
        let (old, new) = match &mutation {
            Mutation::Schedule(ScheduleMutation::PutWindow(w)) => {
                w.validate().map_err(|e| bad(&e))?;
                let old = self.schedule.window(w.id);
                if old == Some(w) {
                    return Ok(false);
                }
                (old.map(window_ref), Some(window_ref(w)))
            }
            Mutation::Schedule(ScheduleMutation::PutFreeze(f)) => {
                f.validate().map_err(|e| bad(&e))?;
                let old = self.schedule.freeze(f.id);
                if old == Some(f) {
                    return Ok(false);
                }
                (old.map(freeze_ref), Some(freeze_ref(f)))
            }
            Mutation::Schedule(ScheduleMutation::RemoveWindow(id)) => {
                let Some(old) = self.schedule.window(*id) else { return Ok(false) };
                (Some(window_ref(old)), None)
            }
            Mutation::Schedule(ScheduleMutation::RemoveFreeze(id)) => {
                let Some(old) = self.schedule.freeze(*id) else { return Ok(false) };
                (Some(freeze_ref(old)), None)
            }
            Mutation::PutNote(note) => {
                if note.body.trim().is_empty()
                    || note.body.chars().count() > crate::domain::work::note::NOTE_MAX_CHARS
                {
                    return Err(bad(&"a note with no text, or too long"));
                }
                let old = self.note(note.id);
                if old == Some(note) {
                    return Ok(false);
                }
                release = Some(note.release_id);
                (old.map(|n| Value::text(gist(&n.body))), Some(Value::text(gist(&note.body))))
            }
            Mutation::RemoveNote(id) => {
                let Some(old) = self.note(*id) else { return Ok(false) };
                release = Some(old.release_id);
                (Some(Value::text(gist(&old.body))), None)
            }
            Mutation::PutTask(task) => {
                if task.fields.title.trim().is_empty() {
                    return Err(bad(&"a task with no title"));
                }
                let old = self.task(task.id);
                if old == Some(task) {
                    return Ok(false);
                }
                release = Some(task.release_id);
                (old.map(|t| task_value(&t.fields)), Some(task_value(&task.fields)))
            }
            Mutation::RemoveTask(id) => {
                let Some(old) = self.task(*id) else { return Ok(false) };
                release = Some(old.release_id);
                (Some(task_value(&old.fields)), None)
            }
            _ => return Err(bad(&"not a window, freeze, note or task")),
        };
        let field = match key.kind {
            RecordKind::Freeze => Field::Freeze,
            RecordKind::Note => Field::Note,
            RecordKind::Task => Field::Task,
            _ => Field::Window,
        };
        let change = match (old, new) {
            (Some(old), None) => FieldChange::removed(field, old),
            (old, Some(new)) => FieldChange::new(field, old.unwrap_or(Value::None), new),
            (None, None) => return Ok(false),
        };
        effect.activities.push(pulled_activity(release, now, vec![change]));
        effect.mutations.push(mutation);
        Ok(true)
    }
}

/// A row of the log for a teammate's change (no local agent made it), of a release or of the
/// file as a whole (`None`: a window, a freeze, a person).
pub(super) fn pulled_activity(id: Option<ReleaseId>, now: Timestamp, changes: Vec<FieldChange>) -> Activity {
    Activity { id: ActivityId(0), release_id: id, actor: None, at: now, kind: ActivityKind::Team, changes }
}

/// A task as the log names it.
fn task_value(fields: &crate::domain::TaskFields) -> Value {
    Value::Task(crate::domain::activity::TaskRef { title: fields.title.clone(), status: fields.status })
}

fn decode(data: serde_json::Map<String, serde_json::Value>) -> Result<Release, crate::model::CommandError> {
    release_from_fields(data).map_err(|e| crate::model::CommandError::TeamData(e.to_string()))
}
