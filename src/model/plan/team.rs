//! The plan of a team command: resolving a conflict keeps this file's value as a normal change
//! of that field (logged, undoable, pushed on the next sync) and marks the conflict resolved, or
//! only marks it resolved when the team's value stays.

use super::Effect;
use crate::domain::activity::Named;
use crate::domain::activity::gist;
use crate::domain::release::validate_release;
use crate::domain::{
    ActivityKind, Field, FieldChange, FreezeId, NoteId, ReleaseId, Timestamp, Value, WindowId,
};
use crate::model::command::{Keep, TeamCommand};
use crate::model::{CommandError, Model, NamedThing};
use crate::store::team::StoredConflict;
use crate::store::{Mutation, ScheduleMutation};

impl Model {
    pub(super) fn plan_team(
        &self,
        command: TeamCommand,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        let TeamCommand::Resolve { conflict: id, record, keep } = command;
        let conflict = self
            .team_conflicts
            .iter()
            .find(|c| c.id == id && c.resolved_at.is_none() && c.record() == record)
            .ok_or(CommandError::NoSuchConflict(id))?;
        if keep == Keep::Mine {
            if !conflict.can_keep_mine() {
                return Err(CommandError::CannotKeepMine(id));
            }
            if let Some(release) = record.release_id() {
                self.plan_keep_my_release(conflict, release, now, effect)?;
            } else {
                self.plan_keep_my_record(conflict, now, effect)?;
            }
        }
        effect.mutations.push(Mutation::TeamConflict { id, resolved_at: Some(now) });
        Ok(())
    }

    /// Keeps my value of a release's conflict: the field as a normal edit, or my release made
    /// again under a new number.
    fn plan_keep_my_release(
        &self,
        conflict: &StoredConflict,
        release: ReleaseId,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        let id = conflict.id;
        {
            if conflict.keeps_mine_as_new() {
                self.plan_own_release_again(conflict, now, effect)?;
            } else {
                let old = self.existing_release(release)?;
                let (mine, _) = self.team_conflict_releases(conflict).ok_or_else(|| {
                    CommandError::TeamData(format!("conflict {id}'s value does not read as a release field"))
                })?;
                validate_release(&mine)?;
                self.check_refs(mine.agent_id, mine.group_id, mine.department_id)?;
                self.put_release_logged(effect, old, mine, now, ActivityKind::Field);
            }
        }
        Ok(())
    }

    /// Keeps my value of a window's, freeze's, person's or note's conflict: the record with my field,
    /// checked and logged as an edit, or my record made again under the next free number.
    fn plan_keep_my_record(
        &self,
        conflict: &StoredConflict,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        let mine = self.team_conflict_record(conflict, &conflict.conflict.ours).ok_or_else(|| {
            CommandError::TeamData(format!("conflict {}'s value does not read", conflict.id))
        })?;
        let again = conflict.keeps_mine_as_new();
        match mine {
            Mutation::Schedule(ScheduleMutation::PutWindow(mut window)) => {
                if again {
                    window.id = WindowId(self.new_window_ids().take());
                }
                self.plan_put_window(window, now, effect)
            }
            Mutation::Schedule(ScheduleMutation::PutFreeze(mut freeze)) => {
                if again {
                    freeze.id = FreezeId(self.new_freeze_ids().take());
                }
                self.plan_put_freeze(freeze, now, effect)
            }
            Mutation::PutAgent(mut agent) => {
                if again {
                    agent.id = self.directory.next_agent_id();
                }
                let old =
                    self.directory.agent(agent.id).map(|a| Value::Agent(Named::new(a.id, a.name.clone())));
                let new =
                    Value::Agent(Named::new(agent.id, super::nonempty(&agent.name, NamedThing::Agent)?));
                self.plan_keep_person(old, new, ActivityKind::Agent, Mutation::PutAgent(agent), now, effect);
                Ok(())
            }
            Mutation::PutGroup(mut group) => {
                if again {
                    group.id = self.directory.next_group_id();
                }
                let old =
                    self.directory.group(group.id).map(|g| Value::Group(Named::new(g.id, g.name.clone())));
                let new =
                    Value::Group(Named::new(group.id, super::nonempty(&group.name, NamedThing::Group)?));
                self.plan_keep_person(old, new, ActivityKind::Group, Mutation::PutGroup(group), now, effect);
                Ok(())
            }
            Mutation::PutDepartment(mut department) => {
                if again {
                    department.id = self.directory.next_department_id();
                }
                let old = self
                    .directory
                    .department(department.id)
                    .map(|d| Value::Department(Named::new(d.id, d.name.clone())));
                let new = Value::Department(Named::new(
                    department.id,
                    super::nonempty(&department.name, NamedThing::Department)?,
                ));
                let put = Mutation::PutDepartment(department);
                self.plan_keep_person(old, new, ActivityKind::Department, put, now, effect);
                Ok(())
            }
            Mutation::PutNote(mut note) => {
                // A note gone here (removed by a teammate) is written again as a new one.
                if again || self.note(note.id).is_none() {
                    note.id = NoteId(self.new_note_ids().take());
                }
                self.live_release(note.release_id)?;
                let old = self.note(note.id).map_or(Value::None, |n| Value::text(gist(&n.body)));
                let change = FieldChange::new(Field::Note, old, Value::text(gist(&note.body)));
                note.updated_at = now;
                effect.activities.push(self.activity(
                    Some(note.release_id),
                    now,
                    ActivityKind::Note,
                    vec![change],
                ));
                effect.mutations.push(Mutation::PutNote(note));
                Ok(())
            }
            Mutation::PutTask(mut task) => {
                if again || self.task(task.id).is_none() {
                    task.id = crate::domain::TaskId(self.new_task_ids().take());
                }
                self.live_release(task.release_id)?;
                let value = |f: &crate::domain::TaskFields| {
                    Value::Task(crate::domain::activity::TaskRef { title: f.title.clone(), status: f.status })
                };
                let old = self.task(task.id).map_or(Value::None, |t| value(&t.fields));
                let change = FieldChange::new(Field::Task, old, value(&task.fields));
                task.updated_at = now;
                effect.activities.push(self.activity(
                    Some(task.release_id),
                    now,
                    ActivityKind::Task,
                    vec![change],
                ));
                effect.mutations.push(Mutation::PutTask(task));
                Ok(())
            }
            _ => Err(CommandError::TeamData(format!(
                "conflict {} is not about a window, freeze, person, note or task",
                conflict.id
            ))),
        }
    }

    /// My release whose number a teammate's took, made again under the next free number (a new
    /// release here, so the next sync shares it).
    fn plan_own_release_again(
        &self,
        conflict: &StoredConflict,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        let mut mine = self.team_conflict_own_release(conflict).ok_or_else(|| {
            CommandError::TeamData(format!("conflict {}'s release does not read", conflict.id))
        })?;
        mine.id = ReleaseId(self.new_release_ids().take());
        mine.updated_at = now;
        validate_release(&mine)?;
        self.check_refs(mine.agent_id, mine.group_id, mine.department_id)?;
        let subject = FieldChange::added(Field::Subject, Value::text(mine.subject.clone()));
        effect.activities.push(self.activity(Some(mine.id), now, ActivityKind::Created, vec![subject]));
        effect.created = Some(mine.id);
        effect.mutations.push(Mutation::PutRelease(mine));
        Ok(())
    }

    /// My person of a conflict put here, logged as a change of its name.
    fn plan_keep_person(
        &self,
        old: Option<Value>,
        new: Value,
        kind: ActivityKind,
        put: Mutation,
        now: Timestamp,
        effect: &mut Effect,
    ) {
        let change = FieldChange::new(Field::Name, old.unwrap_or(Value::None), new);
        effect.activities.push(self.activity(None, now, kind, vec![change]));
        effect.mutations.push(put);
    }
}
