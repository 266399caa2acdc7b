//! The `settings` table: key -> JSON text.

use std::collections::BTreeMap;

use rusqlite::{Connection, params};

use super::load_rows;
use crate::store::StoreError;

/// Every setting, key -> JSON text.
pub fn load(conn: &Connection) -> Result<BTreeMap<String, String>, StoreError> {
    Ok(load_rows(conn, "settings", "SELECT key, value FROM settings ORDER BY key", |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?
    .into_iter()
    .collect())
}

pub fn put(conn: &Connection, key: &str, value: &str) -> Result<(), StoreError> {
    conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)", params![key, value])?;
    Ok(())
}

pub fn remove(conn: &Connection, key: &str) -> Result<(), StoreError> {
    conn.execute("DELETE FROM settings WHERE key = ?1", params![key])?;
    Ok(())
}
