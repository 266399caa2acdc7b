//! The `release_readiness` table: each release's checklists, risks and deployment strategy as
//! JSON text (releases without a row have the default).

use std::collections::BTreeMap;

use rusqlite::{Connection, params};

use super::{query_map, to_json};
use crate::domain::{Readiness, ReleaseId};
use crate::store::StoreError;

/// The readiness of every release that has one stored.
pub fn load(conn: &Connection) -> Result<BTreeMap<ReleaseId, Readiness>, StoreError> {
    let rows = query_map(conn, "SELECT release_id, readiness FROM release_readiness", |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut readiness = BTreeMap::new();
    for (id, json) in rows {
        let value: Readiness = serde_json::from_str(&json)
            .map_err(|e| StoreError::BadData(format!("readiness of release #{id}: {e}")))?;
        readiness.insert(ReleaseId(id), value);
    }
    Ok(readiness)
}

pub fn put(conn: &Connection, release: ReleaseId, readiness: &Readiness) -> Result<(), StoreError> {
    conn.execute(
        "INSERT OR REPLACE INTO release_readiness (release_id, readiness) VALUES (?1, ?2)",
        params![release.0, to_json(readiness)?],
    )?;
    Ok(())
}

pub fn remove(conn: &Connection, release: ReleaseId) -> Result<(), StoreError> {
    conn.execute("DELETE FROM release_readiness WHERE release_id = ?1", params![release.0])?;
    Ok(())
}
