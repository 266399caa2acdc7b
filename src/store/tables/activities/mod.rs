//! The `activities` table: the activity log, appended to by every command (never edited). A row
//! keeps its kind as a code, the codes of the fields it changed (comma-separated) and their old
//! and new values as JSON arrays of typed values, in the same order. Rows written before the typed
//! log held English mini-formats; `legacy` rewrites them once, in the migration.

mod legacy;

use rusqlite::{Connection, OptionalExtension as _, Row, Transaction, params};

use super::{bad, from_millis, load_rows, to_millis};
use crate::domain::{Activity, ActivityKind, AgentId, Field, FieldChange, ReleaseId, Value};
use crate::store::StoreError;

/// The stored form of a row's changes: (field codes, old values, new values).
fn encode(changes: &[FieldChange]) -> Result<(String, String, String), StoreError> {
    let fields = changes.iter().map(|c| c.field.code()).collect::<Vec<_>>().join(",");
    let json =
        |values: Vec<&Value>| serde_json::to_string(&values).map_err(|e| StoreError::BadData(e.to_string()));
    let old = json(changes.iter().map(|c| &c.old).collect())?;
    let new = json(changes.iter().map(|c| &c.new).collect())?;
    Ok((fields, old, new))
}

/// A row's changes from their stored form; values missing on one side read as [`Value::None`].
fn decode(fields: &str, old: &str, new: &str, column: usize) -> rusqlite::Result<Vec<FieldChange>> {
    let values = |json: &str, column: usize| -> rusqlite::Result<Vec<Value>> {
        serde_json::from_str(json).map_err(|e| bad(column, e.to_string()))
    };
    let (mut old, mut new) = (values(old, column + 1)?.into_iter(), values(new, column + 2)?.into_iter());
    Ok(fields
        .split(',')
        .filter(|f| !f.is_empty())
        .map(|field| {
            FieldChange::new(
                Field::from_code(field),
                old.next().unwrap_or(Value::None),
                new.next().unwrap_or(Value::None),
            )
        })
        .collect())
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Activity> {
    let kind: String = row.get(4)?;
    let (fields, old, new): (String, String, String) = (row.get(5)?, row.get(6)?, row.get(7)?);
    Ok(Activity {
        id: row.get(0)?,
        release_id: row.get(1)?,
        actor: row.get(2)?,
        at: from_millis(row.get(3)?),
        kind: ActivityKind::from_code(&kind)
            .ok_or_else(|| bad(4, format!("activity kind '{kind}' is unknown")))?,
        changes: decode(&fields, &old, &new, 5)?,
    })
}

/// Appends `activities` (their ids are given by the file).
pub fn append(conn: &Connection, activities: &[Activity]) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO activities (release_id, actor, at, kind, field, old_value, new_value)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for a in activities {
        let (fields, old, new) = encode(&a.changes)?;
        stmt.execute(params![a.release_id, a.actor, to_millis(a.at), a.kind.code(), fields, old, new])?;
    }
    Ok(())
}

/// The activity log of one release, newest first.
pub fn for_release(conn: &Connection, release: ReleaseId) -> Result<Vec<Activity>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, release_id, actor, at, kind, field, old_value, new_value
         FROM activities WHERE release_id = ?1 ORDER BY id DESC",
    )?;
    let rows = stmt.query_map(params![release], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Who moved each of `releases` to Trash, from its newest `trash` row (a release trashed with
/// nobody signed in, or never trashed, is left out). One indexed look-up a release.
pub fn trashed_by(
    conn: &Connection,
    releases: impl IntoIterator<Item = ReleaseId>,
) -> Result<std::collections::HashMap<ReleaseId, AgentId>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT actor FROM activities WHERE release_id = ?1 AND kind = ?2 ORDER BY id DESC LIMIT 1",
    )?;
    let mut by = std::collections::HashMap::new();
    for release in releases {
        let actor: Option<Option<AgentId>> =
            stmt.query_row(params![release, ActivityKind::Trash.code()], |r| r.get(0)).optional()?;
        if let Some(Some(actor)) = actor {
            by.insert(release, actor);
        }
    }
    Ok(by)
}

/// The whole log, newest first.
pub fn all(conn: &Connection) -> Result<Vec<Activity>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, release_id, actor, at, kind, field, old_value, new_value FROM activities ORDER BY id DESC",
    )?;
    let rows = stmt.query_map([], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Reads every row of the log, as [`for_release`] would (verification: a row that does not
/// load is named).
pub fn check_all(conn: &Connection) -> Result<(), StoreError> {
    let sql = "SELECT id, release_id, actor, at, kind, field, old_value, new_value FROM activities";
    load_rows(conn, "activities", sql, |r| from_row(r).map(drop))?;
    Ok(())
}

/// How many activity rows the file holds.
pub fn count(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("SELECT count(*) FROM activities", [], |r| r.get(0))?)
}

/// The migration to the typed log: every row written in the English mini-formats of the
/// schema before it is read back into kinds, fields and typed values and written again. What
/// cannot be read is kept as text; no row is dropped.
pub fn migrate_to_typed(tx: &Transaction<'_>) -> Result<(), StoreError> {
    let names = legacy::Names {
        agents: id_names(tx, "SELECT id, name FROM agents")?,
        groups: id_names(tx, "SELECT id, name FROM agent_groups")?,
    };
    let rows: Vec<(i64, String, String, String, String)> = {
        let mut stmt = tx.prepare("SELECT id, kind, field, old_value, new_value FROM activities")?;
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
            .collect::<Result<_, _>>()?
    };
    let mut update = tx.prepare(
        "UPDATE activities SET kind = ?2, field = ?3, old_value = ?4, new_value = ?5 WHERE id = ?1",
    )?;
    for (id, kind, field, old, new) in rows {
        let (kind, changes) = legacy::parse(&kind, &field, &old, &new, &names);
        let (fields, old, new) = encode(&changes)?;
        update.execute(params![id, kind.code(), fields, old, new])?;
    }
    Ok(())
}

fn id_names(tx: &Transaction<'_>, sql: &str) -> Result<std::collections::HashMap<i64, String>, StoreError> {
    let mut stmt = tx.prepare(sql)?;
    let names = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
    Ok(names)
}
