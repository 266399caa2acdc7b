//! Planning of the commands that add agents, groups and departments.

use super::{Effect, nonempty};
use crate::domain::activity::Named;
use crate::domain::{
    ActivityKind, Agent, AgentId, Department, DepartmentId, Field, FieldChange, Group, GroupId, Timestamp,
    Value,
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
                let name = nonempty(&name, NamedThing::Agent)?;
                let id = AgentId(self.directory.agents.iter().map(|a| a.id.0).max().unwrap_or(0) + 1);
                let added = FieldChange::added(Field::Name, Value::Agent(Named::new(id, name.clone())));
                effect.activities.push(self.activity(None, now, ActivityKind::Agent, vec![added]));
                effect.mutations.push(Mutation::PutAgent(Agent { id, name, email: email.trim().to_owned() }));
            }
            PeopleCommand::AddGroup { name } => {
                let name = nonempty(&name, NamedThing::Group)?;
                let id = GroupId(self.directory.groups.iter().map(|g| g.id.0).max().unwrap_or(0) + 1);
                let added = FieldChange::added(Field::Name, Value::Group(Named::new(id, name.clone())));
                effect.activities.push(self.activity(None, now, ActivityKind::Group, vec![added]));
                effect.mutations.push(Mutation::PutGroup(Group { id, name }));
            }
            PeopleCommand::AddDepartment { name } => {
                let name = nonempty(&name, NamedThing::Department)?;
                let id =
                    DepartmentId(self.directory.departments.iter().map(|d| d.id.0).max().unwrap_or(0) + 1);
                let added = FieldChange::added(Field::Name, Value::Department(Named::new(id, name.clone())));
                effect.activities.push(self.activity(None, now, ActivityKind::Department, vec![added]));
                effect.mutations.push(Mutation::PutDepartment(Department { id, name }));
            }
        }
        Ok(())
    }
}
