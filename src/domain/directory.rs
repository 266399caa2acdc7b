//! The people and teams releases are assigned to: agents, groups and departments.

use serde::{Deserialize, Serialize};

use super::ids::{AgentId, DepartmentId, GroupId};

/// An agent who owns releases.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agent {
    pub id: AgentId,
    pub name: String,
    pub email: String,
    /// False once deactivated (left the team): no longer offered in pickers, still shown on the
    /// releases that name them.
    #[serde(default = "active")]
    pub active: bool,
}

fn active() -> bool {
    true
}

impl Agent {
    /// An active agent.
    pub fn new(id: AgentId, name: impl Into<String>, email: impl Into<String>) -> Self {
        Self { id, name: name.into(), email: email.into(), active: true }
    }
}

/// A team of agents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub id: GroupId,
    pub name: String,
}

/// A department.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Department {
    pub id: DepartmentId,
    pub name: String,
}

/// Agents, groups and departments, each kept in id order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Directory {
    pub agents: Vec<Agent>,
    pub groups: Vec<Group>,
    pub departments: Vec<Department>,
}

impl Directory {
    /// The number a new agent gets: one past the highest in use.
    pub fn next_agent_id(&self) -> AgentId {
        AgentId(self.agents.iter().map(|a| a.id.0).max().unwrap_or(0) + 1)
    }

    /// The number a new group gets: one past the highest in use.
    pub fn next_group_id(&self) -> GroupId {
        GroupId(self.groups.iter().map(|g| g.id.0).max().unwrap_or(0) + 1)
    }

    /// The number a new department gets: one past the highest in use.
    pub fn next_department_id(&self) -> DepartmentId {
        DepartmentId(self.departments.iter().map(|d| d.id.0).max().unwrap_or(0) + 1)
    }

    pub fn agent(&self, id: AgentId) -> Option<&Agent> {
        self.agents.iter().find(|a| a.id == id)
    }

    pub fn group(&self, id: GroupId) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    pub fn department(&self, id: DepartmentId) -> Option<&Department> {
        self.departments.iter().find(|d| d.id == id)
    }

    /// The agent's name, or `""` when unassigned or unknown.
    pub fn agent_name(&self, id: Option<AgentId>) -> &str {
        id.and_then(|id| self.agent(id)).map_or("", |a| a.name.as_str())
    }

    pub fn group_name(&self, id: Option<GroupId>) -> &str {
        id.and_then(|id| self.group(id)).map_or("", |g| g.name.as_str())
    }

    pub fn department_name(&self, id: Option<DepartmentId>) -> &str {
        id.and_then(|id| self.department(id)).map_or("", |d| d.name.as_str())
    }

    /// Finds an agent by id (`7`) or by name or email, ignoring case.
    pub fn find_agent(&self, text: &str) -> Option<&Agent> {
        let text = text.trim();
        if let Ok(id) = text.parse::<i64>() {
            return self.agent(AgentId(id));
        }
        let lowered = text.to_lowercase();
        self.agents.iter().find(|a| a.name.to_lowercase() == lowered || a.email.to_lowercase() == lowered)
    }

    /// Finds a group by id or by name, ignoring case.
    pub fn find_group(&self, text: &str) -> Option<&Group> {
        let text = text.trim();
        if let Ok(id) = text.parse::<i64>() {
            return self.group(GroupId(id));
        }
        let lowered = text.to_lowercase();
        self.groups.iter().find(|g| g.name.to_lowercase() == lowered)
    }
}
