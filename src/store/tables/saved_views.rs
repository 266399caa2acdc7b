//! The `saved_views` table: a view's id and name, and its definition (base view, filter, sort)
//! as JSON text.

use rusqlite::{Connection, params};

use super::{query_map, to_json};
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

fn from_definition(id: SavedViewId, name: String, json: &str) -> Result<SavedView, StoreError> {
    let def: Definition =
        serde_json::from_str(json).map_err(|e| StoreError::BadData(format!("saved view {name:?}: {e}")))?;
    Ok(SavedView { id, name, base: def.base, filter: def.filter, sort: def.sort })
}

/// Every saved view, in id order.
pub fn load(conn: &Connection) -> Result<Vec<SavedView>, StoreError> {
    let rows = query_map(conn, "SELECT id, name, definition FROM saved_views ORDER BY id", |r| {
        Ok((r.get::<_, SavedViewId>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
    })?;
    rows.into_iter().map(|(id, name, definition)| from_definition(id, name, &definition)).collect()
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
