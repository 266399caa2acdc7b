//! The `stage_history` table: one row per stage a release entered (who, when, why, and the
//! outcome and downtime of a closing move, a rollback's restore time against its target).

use rusqlite::{Connection, Row, params};

use super::{bad, from_millis, load_rows, text_coded, to_millis};
use crate::domain::{AgentId, Outcome, ReleaseId, Stage, StageEntry, StageEntryId};
use crate::store::StoreError;

const COLUMNS: &str = "id, release_id, stage, entered_at, actor, note, override_reason, outcome, \
    downtime_minutes, restore_minutes, restore_target_minutes";

fn from_row(row: &Row<'_>) -> rusqlite::Result<StageEntry> {
    Ok(StageEntry {
        id: row.get(0)?,
        release_id: ReleaseId(row.get(1)?),
        stage: text_coded(row, 2, Stage::from_code, "stage")?,
        entered_at: from_millis(row.get(3)?),
        actor: row.get::<_, Option<i64>>(4)?.map(AgentId),
        note: row.get(5)?,
        override_reason: row.get(6)?,
        outcome: match row.get::<_, Option<String>>(7)? {
            None => None,
            Some(code) => Some(
                Outcome::from_code(&code).ok_or_else(|| bad(7, format!("outcome '{code}' is unknown")))?,
            ),
        },
        downtime_minutes: row.get(8)?,
        restore_minutes: row.get(9)?,
        restore_target_minutes: row.get(10)?,
    })
}

/// Every release's stage history, in id order.
pub fn load(conn: &Connection) -> Result<Vec<StageEntry>, StoreError> {
    load_rows(conn, "stage_history", &format!("SELECT {COLUMNS} FROM stage_history ORDER BY id"), from_row)
}

pub fn put(conn: &Connection, e: &StageEntry) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "INSERT OR REPLACE INTO stage_history ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
    ))?;
    stmt.execute(params![
        e.id,
        e.release_id.0,
        e.stage.code(),
        to_millis(e.entered_at),
        e.actor.map(|a| a.0),
        e.note,
        e.override_reason,
        e.outcome.map(Outcome::code),
        e.downtime_minutes,
        e.restore_minutes,
        e.restore_target_minutes,
    ])?;
    Ok(())
}

pub fn remove(conn: &Connection, id: StageEntryId) -> Result<(), StoreError> {
    conn.execute("DELETE FROM stage_history WHERE id = ?1", params![id])?;
    Ok(())
}
