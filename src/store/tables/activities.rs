//! The `activities` table: the activity log, appended to by every command (never edited).

use rusqlite::{Connection, Row, params};

use super::{from_millis, to_millis};
use crate::domain::{Activity, AgentId, ReleaseId};
use crate::store::StoreError;

fn from_row(row: &Row<'_>) -> rusqlite::Result<Activity> {
    Ok(Activity {
        id: row.get(0)?,
        release_id: row.get::<_, Option<i64>>(1)?.map(ReleaseId),
        actor: row.get::<_, Option<i64>>(2)?.map(AgentId),
        at: from_millis(row.get(3)?),
        kind: row.get(4)?,
        field: row.get(5)?,
        old_value: row.get(6)?,
        new_value: row.get(7)?,
    })
}

/// Appends `activities` (their ids are given by the file).
pub fn append(conn: &Connection, activities: &[Activity]) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO activities (release_id, actor, at, kind, field, old_value, new_value)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for a in activities {
        stmt.execute(params![
            a.release_id.map(|r| r.0),
            a.actor.map(|r| r.0),
            to_millis(a.at),
            a.kind,
            a.field,
            a.old_value,
            a.new_value
        ])?;
    }
    Ok(())
}

/// The activity log of one release, newest first.
pub fn for_release(conn: &Connection, release: ReleaseId) -> Result<Vec<Activity>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, release_id, actor, at, kind, field, old_value, new_value
         FROM activities WHERE release_id = ?1 ORDER BY id DESC",
    )?;
    let rows = stmt.query_map(params![release.0], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// How many activity rows the file holds.
pub fn count(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("SELECT count(*) FROM activities", [], |r| r.get(0))?)
}
