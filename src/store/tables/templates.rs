//! The `release_templates` table: the user's own release templates, each as its key and a JSON
//! body (the built-in ones are in `domain::template::builtin`, never stored).

use rusqlite::{Connection, params};

use super::{bad, load_rows, to_json};
use crate::domain::Template;
use crate::store::StoreError;

/// Every stored template, in key order.
pub fn load(conn: &Connection) -> Result<Vec<Template>, StoreError> {
    load_rows(conn, "release_templates", "SELECT key, body FROM release_templates ORDER BY key", |r| {
        let body: String = r.get(1)?;
        serde_json::from_str(&body).map_err(|e| bad(1, e.to_string()))
    })
}

pub fn put(conn: &Connection, template: &Template) -> Result<(), StoreError> {
    conn.prepare_cached("INSERT OR REPLACE INTO release_templates (key, body) VALUES (?1, ?2)")?
        .execute(params![template.key, to_json(template)?])?;
    Ok(())
}

pub fn remove(conn: &Connection, key: &str) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM release_templates WHERE key = ?1")?.execute(params![key])?;
    Ok(())
}
