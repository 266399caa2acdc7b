//! The `release_impact` table: each release's impact analysis as the team wrote it (users or
//! branches affected, expected downtime, a summary). The affected CIs are worked out from the
//! registry, not stored.

use std::collections::BTreeMap;

use rusqlite::{Connection, params};

use super::load_rows;
use crate::domain::{ImpactAnalysis, ReleaseId};
use crate::store::StoreError;

/// The impact analysis of every release that has one.
pub fn load(conn: &Connection) -> Result<BTreeMap<ReleaseId, ImpactAnalysis>, StoreError> {
    let rows = load_rows(
        conn,
        "release_impact",
        "SELECT release_id, users_affected, expected_downtime_minutes, summary FROM release_impact \
         ORDER BY release_id",
        |r| {
            Ok((
                r.get::<_, ReleaseId>(0)?,
                ImpactAnalysis {
                    users_affected: r.get(1)?,
                    expected_downtime_minutes: r.get(2)?,
                    summary: r.get(3)?,
                },
            ))
        },
    )?;
    Ok(rows.into_iter().collect())
}

pub fn put(conn: &Connection, release: ReleaseId, impact: &ImpactAnalysis) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO release_impact (release_id, users_affected, expected_downtime_minutes, \
         summary) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        release,
        impact.users_affected,
        impact.expected_downtime_minutes,
        impact.summary
    ])?;
    Ok(())
}

pub fn remove(conn: &Connection, release: ReleaseId) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM release_impact WHERE release_id = ?1")?.execute(params![release])?;
    Ok(())
}
