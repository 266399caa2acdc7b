//! The `changes` and `config_items` tables: the registry of Changes (each with the approval
//! recorded by hand and the CAB it goes to) and configuration items (each CI with its criticality
//! and what it depends on, a JSON list of CI ids).

use rusqlite::{Connection, Row, params};

use super::{bad, load_rows, text_coded, to_json};
use crate::domain::{
    CabApproval, Change, ChangeId, ChangeRisk, CiKind, ConfigItem, ConfigItemId, Criticality, Registry,
};
use crate::store::StoreError;

fn change_from_row(row: &Row<'_>) -> rusqlite::Result<Change> {
    Ok(Change {
        id: row.get(0)?,
        subject: row.get(1)?,
        recorded_approval: text_coded(row, 2, CabApproval::from_code, "CAB approval")?,
        risk: text_coded(row, 3, ChangeRisk::from_code, "change risk")?,
        cab: row.get(4)?,
    })
}

fn config_item_from_row(row: &Row<'_>) -> rusqlite::Result<ConfigItem> {
    Ok(ConfigItem {
        id: row.get(0)?,
        name: row.get(1)?,
        // A kind written by a newer version reads as Other rather than failing the load.
        kind: CiKind::from_code(&row.get::<_, String>(2)?).unwrap_or(CiKind::Other),
        criticality: text_coded(row, 3, Criticality::from_code, "criticality")?,
        depends_on: {
            let text: String = row.get(4)?;
            serde_json::from_str(&text).map_err(|e| bad(4, e.to_string()))?
        },
    })
}

/// Changes and configuration items, each in id order.
pub fn load(conn: &Connection) -> Result<Registry, StoreError> {
    let changes = load_rows(
        conn,
        "changes",
        "SELECT id, subject, approval, risk, cab_id FROM changes ORDER BY id",
        change_from_row,
    )?;
    let config_items = load_rows(
        conn,
        "config_items",
        "SELECT id, name, kind, criticality, depends_on FROM config_items ORDER BY id",
        config_item_from_row,
    )?;
    Ok(Registry { changes, config_items })
}

pub fn put_change(conn: &Connection, c: &Change) -> Result<(), StoreError> {
    conn.execute(
        "INSERT OR REPLACE INTO changes (id, subject, approval, risk, cab_id) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![c.id, c.subject, c.recorded_approval.code(), c.risk.code(), c.cab],
    )?;
    Ok(())
}

pub fn remove_change(conn: &Connection, id: ChangeId) -> Result<(), StoreError> {
    conn.execute("DELETE FROM changes WHERE id = ?1", params![id])?;
    Ok(())
}

pub fn put_config_item(conn: &Connection, c: &ConfigItem) -> Result<(), StoreError> {
    conn.execute(
        "INSERT OR REPLACE INTO config_items (id, name, kind, criticality, depends_on) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![c.id, c.name, c.kind.code(), c.criticality.code(), to_json(&c.depends_on)?],
    )?;
    Ok(())
}

pub fn remove_config_item(conn: &Connection, id: ConfigItemId) -> Result<(), StoreError> {
    conn.execute("DELETE FROM config_items WHERE id = ?1", params![id])?;
    Ok(())
}
