//! Planning of the commands on agents, groups and departments: adding them (and the user, on the
//! first run), editing their names, and removing one that nothing uses. The agent the window works
//! as is neither deactivated nor removed: the user first chooses someone else under "Working as".

use std::collections::BTreeSet;

use super::{Effect, nonempty};
use crate::domain::activity::Named;
use crate::domain::{
    ActivityKind, Agent, AgentId, Department, DepartmentId, Field, FieldChange, Group, GroupId, ReleaseId,
    Timestamp, Value,
};
use crate::model::{CommandError, Model, NamedThing, PeopleCommand};
use crate::store::Mutation;

impl Model {
    /// Validates one of the people commands and works out its effect. Changes nothing.
    pub(super) fn plan_people(
        &self,
        command: PeopleCommand,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        match command {
            PeopleCommand::AddAgent { name, email } => {
                self.add_agent(&name, &email, now, effect)?;
            }
            PeopleCommand::AddMe { name, email } => {
                let id = self.add_agent(&name, &email, now, effect)?;
                let name = self.next_name(effect, id);
                let logged = (self.current_agent_value(), Value::Agent(Named::new(id, name)));
                self.setting(effect, now, Field::CurrentAgent, Some(id.0), logged)?;
            }
            PeopleCommand::AddGroup { name } => {
                let name = nonempty(&name, NamedThing::Group)?;
                let id = self.directory.next_group_id();
                let added = FieldChange::added(Field::Name, Value::Group(Named::new(id, name.clone())));
                effect.activities.push(self.activity(None, now, ActivityKind::Group, vec![added]));
                effect.mutations.push(Mutation::PutGroup(Group { id, name }));
            }
            PeopleCommand::AddDepartment { name } => {
                let name = nonempty(&name, NamedThing::Department)?;
                let id = self.directory.next_department_id();
                let added = FieldChange::added(Field::Name, Value::Department(Named::new(id, name.clone())));
                effect.activities.push(self.activity(None, now, ActivityKind::Department, vec![added]));
                effect.mutations.push(Mutation::PutDepartment(Department { id, name }));
            }
            PeopleCommand::EditAgent { id, name, email } => {
                self.edit_agent(id, &name, &email, now, effect)?;
            }
            PeopleCommand::RenameGroup { id, name } => {
                let old = self.directory.group(id).ok_or(CommandError::NoSuchGroup(id))?;
                let name = nonempty(&name, NamedThing::Group)?;
                if name != old.name {
                    let change = FieldChange::new(
                        Field::Name,
                        Value::Group(Named::new(id, old.name.clone())),
                        Value::Group(Named::new(id, name.clone())),
                    );
                    effect.activities.push(self.activity(None, now, ActivityKind::Group, vec![change]));
                    effect.mutations.push(Mutation::PutGroup(Group { id, name }));
                }
            }
            PeopleCommand::RenameDepartment { id, name } => {
                let old = self.directory.department(id).ok_or(CommandError::NoSuchDepartment(id))?;
                let name = nonempty(&name, NamedThing::Department)?;
                if name != old.name {
                    let change = FieldChange::new(
                        Field::Name,
                        Value::Department(Named::new(id, old.name.clone())),
                        Value::Department(Named::new(id, name.clone())),
                    );
                    effect.activities.push(self.activity(None, now, ActivityKind::Department, vec![change]));
                    effect.mutations.push(Mutation::PutDepartment(Department { id, name }));
                }
            }
            PeopleCommand::SetAgentActive { id, active } => {
                let old = self.directory.agent(id).ok_or(CommandError::NoSuchAgent(id))?;
                if !active && self.settings.current_agent == Some(id) {
                    return Err(CommandError::DeactivateCurrentAgent);
                }
                if old.active != active {
                    let changes = vec![
                        FieldChange::added(Field::Name, Value::Agent(Named::new(id, old.name.clone()))),
                        FieldChange::new(Field::Active, Value::Bool(old.active), Value::Bool(active)),
                    ];
                    effect.activities.push(self.activity(None, now, ActivityKind::Agent, changes));
                    effect.mutations.push(Mutation::PutAgent(Agent { active, ..old.clone() }));
                }
            }
            PeopleCommand::RemoveAgent(id) => self.remove_agent(id, now, effect)?,
            PeopleCommand::RemoveGroup(id) => {
                let old = self.directory.group(id).ok_or(CommandError::NoSuchGroup(id))?;
                let releases = self.releases_using_group(id);
                if releases > 0 {
                    return Err(CommandError::InUse { thing: NamedThing::Group, releases });
                }
                let removed =
                    FieldChange::removed(Field::Name, Value::Group(Named::new(id, old.name.clone())));
                effect.activities.push(self.activity(None, now, ActivityKind::Group, vec![removed]));
                effect.mutations.push(Mutation::RemoveGroup(id));
            }
            PeopleCommand::RemoveDepartment(id) => {
                let old = self.directory.department(id).ok_or(CommandError::NoSuchDepartment(id))?;
                let releases = self.releases_using_department(id);
                if releases > 0 {
                    return Err(CommandError::InUse { thing: NamedThing::Department, releases });
                }
                let removed =
                    FieldChange::removed(Field::Name, Value::Department(Named::new(id, old.name.clone())));
                effect.activities.push(self.activity(None, now, ActivityKind::Department, vec![removed]));
                effect.mutations.push(Mutation::RemoveDepartment(id));
            }
        }
        Ok(())
    }

    /// Plans a new agent; returns its id.
    fn add_agent(
        &self,
        name: &str,
        email: &str,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<AgentId, CommandError> {
        let name = nonempty(name, NamedThing::Agent)?;
        let id = self.directory.next_agent_id();
        let added = FieldChange::added(Field::Name, Value::Agent(Named::new(id, name.clone())));
        effect.activities.push(self.activity(None, now, ActivityKind::Agent, vec![added]));
        effect.mutations.push(Mutation::PutAgent(Agent::new(id, name, email.trim())));
        Ok(id)
    }

    /// The name of the agent `id` as `effect` puts it.
    fn next_name(&self, effect: &Effect, id: AgentId) -> String {
        effect
            .mutations
            .iter()
            .find_map(|m| match m {
                Mutation::PutAgent(a) if a.id == id => Some(a.name.clone()),
                _ => None,
            })
            .unwrap_or_else(|| self.directory.agent_name(Some(id)).to_owned())
    }

    fn current_agent_value(&self) -> Value {
        self.settings
            .current_agent
            .map_or(Value::None, |id| Value::Agent(Named::new(id, self.directory.agent_name(Some(id)))))
    }

    fn edit_agent(
        &self,
        id: AgentId,
        name: &str,
        email: &str,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        let old = self.directory.agent(id).ok_or(CommandError::NoSuchAgent(id))?;
        let name = nonempty(name, NamedThing::Agent)?;
        let email = email.trim().to_owned();
        let mut changes = Vec::new();
        if name != old.name {
            changes.push(FieldChange::new(
                Field::Name,
                Value::Agent(Named::new(id, old.name.clone())),
                Value::Agent(Named::new(id, name.clone())),
            ));
        }
        if email != old.email {
            let text = |t: &str| if t.is_empty() { Value::None } else { Value::Text(t.to_owned()) };
            changes.push(FieldChange::new(Field::Email, text(&old.email), text(&email)));
        }
        if !changes.is_empty() {
            effect.activities.push(self.activity(None, now, ActivityKind::Agent, changes));
            effect.mutations.push(Mutation::PutAgent(Agent { id, name, email, active: old.active }));
        }
        Ok(())
    }

    /// Removes an agent nothing names, unless the window works as them.
    fn remove_agent(&self, id: AgentId, now: Timestamp, effect: &mut Effect) -> Result<(), CommandError> {
        let old = self.directory.agent(id).ok_or(CommandError::NoSuchAgent(id))?;
        let releases = self.releases_using_agent(id);
        if releases > 0 {
            return Err(CommandError::InUse { thing: NamedThing::Agent, releases });
        }
        let cabs = self.cabs.cabs.iter().filter(|c| c.is_member(id)).count()
            + usize::from(self.cabs.votes.iter().any(|v| v.agent == id));
        if cabs > 0 {
            return Err(crate::domain::CabInvalid::AgentInCab { cabs }.into());
        }
        if self.settings.current_agent == Some(id) {
            return Err(CommandError::RemoveCurrentAgent);
        }
        let removed = FieldChange::removed(Field::Name, Value::Agent(Named::new(id, old.name.clone())));
        effect.activities.push(self.activity(None, now, ActivityKind::Agent, vec![removed]));
        effect.mutations.push(Mutation::RemoveAgent(id));
        Ok(())
    }

    /// How many releases (Trash included) name the agent: as assignee, on a task or a time entry,
    /// as a risk's owner, in the stage history or as who recorded a metric reading.
    pub fn releases_using_agent(&self, id: AgentId) -> usize {
        let mut using: BTreeSet<ReleaseId> =
            self.releases.iter().filter(|r| r.agent_id == Some(id)).map(|r| r.id).collect();
        using.extend(self.tasks.iter().filter(|t| t.fields.agent_id == Some(id)).map(|t| t.release_id));
        using.extend(self.time_entries.iter().filter(|t| t.agent_id == Some(id)).map(|t| t.release_id));
        using.extend(self.stage_history.iter().filter(|e| e.actor == Some(id)).map(|e| e.release_id));
        using
            .extend(self.monitoring.readings.iter().filter(|r| r.recorded_by == Some(id)).map(|r| r.release));
        using.extend(
            self.readiness
                .iter()
                .filter(|(_, r)| r.risks.iter().any(|risk| risk.owner == Some(id)))
                .map(|(release, _)| *release),
        );
        using.len()
    }

    /// How many releases (Trash included) name the group, themselves or on a task.
    pub fn releases_using_group(&self, id: GroupId) -> usize {
        let mut using: BTreeSet<ReleaseId> =
            self.releases.iter().filter(|r| r.group_id == Some(id)).map(|r| r.id).collect();
        using.extend(self.tasks.iter().filter(|t| t.fields.group_id == Some(id)).map(|t| t.release_id));
        using.len()
    }

    /// How many releases (Trash included) name the department.
    pub fn releases_using_department(&self, id: DepartmentId) -> usize {
        self.releases.iter().filter(|r| r.department_id == Some(id)).count()
    }
}
