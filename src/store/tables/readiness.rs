//! The `release_readiness` table: each release's checklists, risks and deployment strategy as
//! JSON text (releases without a row have the default).

use std::collections::BTreeMap;

use rusqlite::{Connection, params};

use super::{bad, load_rows, to_json};
use crate::domain::{Readiness, ReleaseId};
use crate::store::StoreError;

/// The readiness of every release that has one stored.
pub fn load(conn: &Connection) -> Result<BTreeMap<ReleaseId, Readiness>, StoreError> {
    let rows =
        load_rows(conn, "release_readiness", "SELECT release_id, readiness FROM release_readiness", |r| {
            let json: String = r.get(1)?;
            let readiness: Readiness = serde_json::from_str(&json).map_err(|e| bad(1, e.to_string()))?;
            Ok((ReleaseId(r.get(0)?), readiness))
        })?;
    Ok(rows.into_iter().collect::<BTreeMap<_, _>>())
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
