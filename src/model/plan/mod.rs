//! `Model::plan`: a command validated against memory and turned into the mutations and activity
//! rows that carry it out, without changing anything. One file per noun; the revert that undo and
//! redo write is planned here.

mod backout;
mod bulk;
mod cab;
mod import;
mod lifecycle;
mod meeting;
mod monitoring;
mod people;
mod readiness;
mod registry;
mod regulator;
mod release;
mod review;
pub(in crate::model) mod schedule;
mod settings;
mod team;
mod template;
mod work;

use std::collections::HashSet;

pub(super) use settings::{KEY_CURRENT_AGENT, parse_settings};

use super::apply::{Direction, Revert, Write};
use crate::domain::import::ImportCounts;
use crate::domain::release::validate_release;
use crate::domain::{
    Activity, ActivityId, ActivityKind, AgentId, DepartmentId, Field, FieldChange, GroupId, Release,
    ReleaseId, Timestamp, Value,
};
use crate::model::{Command, CommandError, Model, NamedThing};
use crate::store::Mutation;

/// What a pull does besides its mutations.
pub(in crate::model) struct PullEffect {
    pub(in crate::model) write: crate::store::team::TeamWrite,
    /// Releases whose local state the pull changed.
    pub(in crate::model) overtaken: std::collections::BTreeSet<crate::store::team::change::RecordKey>,
    /// Records a change named that this file does not have: their whole server value is fetched.
    pub(in crate::model) missing: Vec<crate::store::team::change::RecordKey>,
}

/// A command's planned effect, before it is written.
pub(super) struct Effect {
    pub(super) mutations: Vec<Mutation>,
    pub(super) activities: Vec<Activity>,
    pub(super) created: Option<ReleaseId>,
    /// What an import does to the releases.
    pub(super) import: Option<ImportCounts>,
    /// What a pull of the team's changes moves on besides its mutations.
    pub(super) pull: Option<PullEffect>,
}

impl Effect {
    /// An effect that changes nothing (yet).
    pub(in crate::model) fn empty() -> Self {
        Self { mutations: Vec::new(), activities: Vec::new(), created: None, import: None, pull: None }
    }
}

impl Model {
    /// Validates a command (or a revert) and works out its mutations and activity rows. Changes
    /// nothing. One exhaustive match per noun: a command that is not planned does not compile.
    pub(super) fn plan(&self, write: Write, now: Timestamp) -> Result<Effect, CommandError> {
        let mut effect = Effect::empty();
        match write {
            Write::Command(command) => match command {
                Command::Release(command) => self.plan_release(command, now, &mut effect)?,
                Command::People(command) => self.plan_people(command, now, &mut effect)?,
                Command::Settings(command) => self.plan_settings(command, now, &mut effect)?,
                Command::Work(command) => self.plan_work(command, now, &mut effect)?,
                Command::Lifecycle(command) => self.plan_lifecycle(command, now, &mut effect)?,
                Command::Registry(command) => self.plan_registry(command, now, &mut effect)?,
                Command::Readiness(command) => self.plan_readiness(command, now, &mut effect)?,
                Command::Backout(command) => self.plan_backout(command, now, &mut effect)?,
                Command::Impact(command) => self.plan_impact(command, now, &mut effect)?,
                Command::Review(command) => self.plan_review(command, now, &mut effect)?,
                Command::Template(command) => self.plan_template(command, now, &mut effect)?,
                Command::Bulk { ids, action } => self.plan_bulk(&mut effect, ids, &action, now)?,
                Command::Sample(command) => self.plan_sample(command, &mut effect)?,
                Command::Import(command) => self.plan_import(command, now, &mut effect)?,
                Command::Schedule(command) => self.plan_schedule(command, now, &mut effect)?,
                Command::Cab(command) => self.plan_cab(command, now, &mut effect)?,
                Command::Monitoring(command) => self.plan_monitoring(command, now, &mut effect)?,
                Command::Meeting(command) => self.plan_meeting(command, now, &mut effect)?,
                Command::Regulator(command) => self.plan_regulator(command, now, &mut effect)?,
                Command::Team(command) => self.plan_team(command, now, &mut effect)?,
            },
            Write::Revert(revert) => self.plan_revert(revert, now, &mut effect)?,
            Write::Pull(changes) => self.plan_pull(changes, now, &mut effect)?,
        }
        Ok(effect)
    }

    /// Validates the mutations undo or redo writes back and logs them once per release touched.
    fn plan_revert(&self, revert: Revert, now: Timestamp, effect: &mut Effect) -> Result<(), CommandError> {
        let Revert { direction, of, mutations } = revert;
        let kind = match direction {
            Direction::Undo => ActivityKind::Undo,
            Direction::Redo => ActivityKind::Redo,
        };
        let summary = Value::Command(of.summary(&self.directory));
        // Releases this revert puts back before patching them count as present.
        let mut put: HashSet<ReleaseId> = HashSet::new();
        for m in &mutations {
            match m {
                Mutation::PutRelease(r) => {
                    validate_release(r)?;
                    put.insert(r.id);
                }
                Mutation::PatchRelease { id, patch } => {
                    if self.index_of(*id).is_none() && !put.contains(id) {
                        return Err(CommandError::NoSuchRelease(*id));
                    }
                    self.check_refs(patch.agent_id.flatten(), patch.group_id.flatten(), None)?;
                }
                _ => {}
            }
        }
        let touched: HashSet<ReleaseId> = mutations
            .iter()
            .filter_map(|m| match m {
                Mutation::PutRelease(r) => Some(r.id),
                Mutation::RemoveRelease(id) | Mutation::PatchRelease { id, .. } => Some(*id),
                Mutation::PutNote(n) => Some(n.release_id),
                Mutation::PutTask(t) => Some(t.release_id),
                Mutation::PutTimeEntry(e) => Some(e.release_id),
                Mutation::RemoveNote(id) => self.note(*id).map(|n| n.release_id),
                Mutation::RemoveTask(id) => self.task(*id).map(|t| t.release_id),
                Mutation::RemoveTimeEntry(id) => self.time_entry(*id).map(|e| e.release_id),
                Mutation::PutBackout { release, .. }
                | Mutation::RemoveBackout(release)
                | Mutation::PutImpact { release, .. }
                | Mutation::RemoveImpact(release)
                | Mutation::PutReview { release, .. }
                | Mutation::RemoveReview(release) => Some(*release),
                Mutation::Monitoring(m) => self.monitoring_release(m),
                _ => None,
            })
            .collect();
        let mut touched: Vec<Option<ReleaseId>> = touched.into_iter().map(Some).collect();
        touched.sort();
        if touched.is_empty() {
            touched.push(None);
        }
        for id in touched {
            let change = FieldChange::added(Field::Command, summary.clone());
            effect.activities.push(self.activity(id, now, kind, vec![change]));
        }
        effect.mutations = mutations;
        Ok(())
    }

    /// A row of the activity log by whoever acts now.
    pub(in crate::model) fn activity(
        &self,
        release: Option<ReleaseId>,
        now: Timestamp,
        kind: ActivityKind,
        changes: Vec<FieldChange>,
    ) -> Activity {
        Activity { id: ActivityId(0), release_id: release, actor: self.me(), at: now, kind, changes }
    }

    pub(in crate::model) fn check_refs(
        &self,
        agent: Option<AgentId>,
        group: Option<GroupId>,
        department: Option<DepartmentId>,
    ) -> Result<(), CommandError> {
        check_people(&self.directory, agent, group, department)
    }

    pub(super) fn existing_release(&self, id: ReleaseId) -> Result<&Release, CommandError> {
        self.release(id).ok_or(CommandError::NoSuchRelease(id))
    }
}

/// That the agent, group and department a release names are in `directory` (the model's own, or
/// an archive's that is about to replace it).
pub(in crate::model) fn check_people(
    directory: &crate::domain::directory::Directory,
    agent: Option<AgentId>,
    group: Option<GroupId>,
    department: Option<DepartmentId>,
) -> Result<(), CommandError> {
    if let Some(a) = agent.filter(|a| directory.agent(*a).is_none()) {
        return Err(CommandError::NoSuchAgent(a));
    }
    if let Some(g) = group.filter(|g| directory.group(*g).is_none()) {
        return Err(CommandError::NoSuchGroup(g));
    }
    if let Some(d) = department.filter(|d| directory.department(*d).is_none()) {
        return Err(CommandError::NoSuchDepartment(d));
    }
    Ok(())
}

fn nonempty(text: &str, thing: NamedThing) -> Result<String, CommandError> {
    let text = text.trim();
    if text.is_empty() { Err(CommandError::NameRequired(thing)) } else { Ok(text.to_owned()) }
}
