//! The `saved_views` table: a view's id and name, and its definition (base view, filter, sort)
//! as JSON text.

use rusqlite::{Connection, params};

use super::{bad, load_rows, to_json};
use crate::domain::{SavedView, SavedViewId};
use crate::store::StoreError;

/// The stored form of a saved view (all but its id and name).
#[derive(serde::Serialize, serde::Deserialize)]
struct Definition {
    base: crate::domain::PredefinedView,
    filter: crate::domain::ReleaseFilter,
    sort: crate::domain::SortSpec,
}

fn to_definition(view: &SavedView) -> Result<String, StoreError> {
    to_json(&Definition { base: view.base, filter: view.filter.clone(), sort: view.sort })
}

/// Every saved view, in id order.
pub fn load(conn: &Connection) -> Result<Vec<SavedView>, StoreError> {
    load_rows(conn, "saved_views", "SELECT id, name, definition FROM saved_views ORDER BY id", |r| {
        let json: String = r.get(2)?;
        let def: Definition = serde_json::from_str(&json).map_err(|e| bad(2, e.to_string()))?;
        Ok(SavedView { id: r.get(0)?, name: r.get(1)?, base: def.base, filter: def.filter, sort: def.sort })
    })
}

pub fn put(conn: &Connection, view: &SavedView) -> Result<(), StoreError> {
    conn.execute(
        "INSERT OR REPLACE INTO saved_views (id, name, definition) VALUES (?1, ?2, ?3)",
        params![view.id, view.name, to_definition(view)?],
    )?;
    Ok(())
}

pub fn remove(conn: &Connection, id: SavedViewId) -> Result<(), StoreError> {
    conn.execute("DELETE FROM saved_views WHERE id = ?1", params![id])?;
    Ok(())
}
