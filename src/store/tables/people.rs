//! The `agents`, `agent_groups` and `departments` tables: the directory of people.

use rusqlite::{Connection, params};

use super::load_rows;
use crate::domain::{Agent, AgentId, Department, DepartmentId, Directory, Group, GroupId};
use crate::store::StoreError;

/// Agents, groups and departments, each in id order.
pub fn load(conn: &Connection) -> Result<Directory, StoreError> {
    let sql = "SELECT id, name, email, active FROM agents ORDER BY id";
    let agents = load_rows(conn, "agents", sql, |r| {
        Ok(Agent { id: AgentId(r.get(0)?), name: r.get(1)?, email: r.get(2)?, active: r.get(3)? })
    })?;
    let groups = load_rows(conn, "agent_groups", "SELECT id, name FROM agent_groups ORDER BY id", |r| {
        Ok(Group { id: GroupId(r.get(0)?), name: r.get(1)? })
    })?;
    let departments = load_rows(conn, "departments", "SELECT id, name FROM departments ORDER BY id", |r| {
        Ok(Department { id: DepartmentId(r.get(0)?), name: r.get(1)? })
    })?;
    Ok(Directory { agents, groups, departments })
}

pub fn put_agent(conn: &Connection, a: &Agent) -> Result<(), StoreError> {
    conn.execute(
        "INSERT OR REPLACE INTO agents (id, name, email, active) VALUES (?1, ?2, ?3, ?4)",
        params![a.id.0, a.name, a.email, a.active],
    )?;
    Ok(())
}

pub fn remove_agent(conn: &Connection, id: AgentId) -> Result<(), StoreError> {
    conn.execute("DELETE FROM agents WHERE id = ?1", params![id.0])?;
    Ok(())
}

pub fn put_group(conn: &Connection, g: &Group) -> Result<(), StoreError> {
    conn.execute("INSERT OR REPLACE INTO agent_groups (id, name) VALUES (?1, ?2)", params![g.id.0, g.name])?;
    Ok(())
}

pub fn remove_group(conn: &Connection, id: GroupId) -> Result<(), StoreError> {
    conn.execute("DELETE FROM agent_groups WHERE id = ?1", params![id.0])?;
    Ok(())
}

pub fn put_department(conn: &Connection, d: &Department) -> Result<(), StoreError> {
    conn.execute("INSERT OR REPLACE INTO departments (id, name) VALUES (?1, ?2)", params![d.id.0, d.name])?;
    Ok(())
}

pub fn remove_department(conn: &Connection, id: DepartmentId) -> Result<(), StoreError> {
    conn.execute("DELETE FROM departments WHERE id = ?1", params![id.0])?;
    Ok(())
}
