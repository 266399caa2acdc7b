//! The `release_notes`, `release_tasks` and `time_entries` tables: the work on a release.

use rusqlite::{Connection, params};

use super::{coded, from_millis, load_rows, to_millis};
use crate::domain::{
    AgentId, GroupId, Note, NoteId, ReleaseId, Task, TaskFields, TaskId, TaskStatus, TimeEntry, TimeEntryId,
};
use crate::store::StoreError;

/// Notes of every release, in id order.
pub fn load_notes(conn: &Connection) -> Result<Vec<Note>, StoreError> {
    load_rows(
        conn,
        "release_notes",
        "SELECT id, release_id, body, author, created_at, updated_at FROM release_notes ORDER BY id",
        |r| {
            Ok(Note {
                id: r.get(0)?,
                release_id: ReleaseId(r.get(1)?),
                body: r.get(2)?,
                author: r.get::<_, Option<i64>>(3)?.map(AgentId),
                created_at: from_millis(r.get(4)?),
                updated_at: from_millis(r.get(5)?),
            })
        },
    )
}

pub fn put_note(conn: &Connection, n: &Note) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO release_notes (id, release_id, body, author, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        n.id,
        n.release_id.0,
        n.body,
        n.author.map(|a| a.0),
        to_millis(n.created_at),
        to_millis(n.updated_at)
    ])?;
    Ok(())
}

pub fn remove_note(conn: &Connection, id: NoteId) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM release_notes WHERE id = ?1")?.execute(params![id])?;
    Ok(())
}

/// Tasks of every release, in id order.
pub fn load_tasks(conn: &Connection) -> Result<Vec<Task>, StoreError> {
    load_rows(
        conn,
        "release_tasks",
        "SELECT id, release_id, title, description, status, due_at, agent_id, group_id, created_at, updated_at
         FROM release_tasks ORDER BY id",
        |r| {
            Ok(Task {
                id: r.get(0)?,
                release_id: ReleaseId(r.get(1)?),
                fields: TaskFields {
                    title: r.get(2)?,
                    description: r.get(3)?,
                    status: coded(r, 4, TaskStatus::from_code, "task status")?,
                    due: r.get::<_, Option<i64>>(5)?.map(from_millis),
                    agent_id: r.get::<_, Option<i64>>(6)?.map(AgentId),
                    group_id: r.get::<_, Option<i64>>(7)?.map(GroupId),
                },
                created_at: from_millis(r.get(8)?),
                updated_at: from_millis(r.get(9)?),
            })
        },
    )
}

pub fn put_task(conn: &Connection, t: &Task) -> Result<(), StoreError> {
    let f = &t.fields;
    conn.prepare_cached(
        "INSERT OR REPLACE INTO release_tasks
         (id, release_id, title, description, status, due_at, agent_id, group_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        t.id,
        t.release_id.0,
        f.title,
        f.description,
        f.status.code(),
        f.due.map(to_millis),
        f.agent_id.map(|a| a.0),
        f.group_id.map(|g| g.0),
        to_millis(t.created_at),
        to_millis(t.updated_at)
    ])?;
    Ok(())
}

pub fn remove_task(conn: &Connection, id: TaskId) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM release_tasks WHERE id = ?1")?.execute(params![id])?;
    Ok(())
}

/// Time entries of every release (running timers included), in id order.
pub fn load_time_entries(conn: &Connection) -> Result<Vec<TimeEntry>, StoreError> {
    load_rows(
        conn,
        "time_entries",
        "SELECT id, release_id, agent_id, note, minutes, executed_at, billable, timer_start, created_at
         FROM time_entries ORDER BY id",
        |r| {
            Ok(TimeEntry {
                id: r.get(0)?,
                release_id: ReleaseId(r.get(1)?),
                agent_id: r.get::<_, Option<i64>>(2)?.map(AgentId),
                note: r.get(3)?,
                minutes: r.get(4)?,
                executed_at: from_millis(r.get(5)?),
                billable: r.get(6)?,
                timer_start: r.get::<_, Option<i64>>(7)?.map(from_millis),
                created_at: from_millis(r.get(8)?),
            })
        },
    )
}

pub fn put_time_entry(conn: &Connection, e: &TimeEntry) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO time_entries
         (id, release_id, agent_id, note, minutes, executed_at, billable, timer_start, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        e.id,
        e.release_id.0,
        e.agent_id.map(|a| a.0),
        e.note,
        e.minutes,
        to_millis(e.executed_at),
        e.billable,
        e.timer_start.map(to_millis),
        to_millis(e.created_at)
    ])?;
    Ok(())
}

pub fn remove_time_entry(conn: &Connection, id: TimeEntryId) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM time_entries WHERE id = ?1")?.execute(params![id])?;
    Ok(())
}
