//! The `backout_plans` table: each release's back-out plan (steps as text and a JSON checklist,
//! go/no-go, decision point, restore target, rehearsals as JSON). Releases without a row have none.

use std::collections::BTreeMap;

use rusqlite::{Connection, Row, params};

use super::{bad, load_rows, to_json};
use crate::domain::{BackoutPlan, Plan, ReleaseId};
use crate::store::StoreError;

fn json_column<T: serde::de::DeserializeOwned>(row: &Row<'_>, column: usize) -> rusqlite::Result<T> {
    let text: String = row.get(column)?;
    serde_json::from_str(&text).map_err(|e| bad(column, e.to_string()))
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<(ReleaseId, BackoutPlan)> {
    Ok((
        row.get(0)?,
        BackoutPlan {
            steps: Plan { body: row.get(1)?, items: json_column(row, 2)? },
            go_no_go: row.get(3)?,
            decision_point_minutes: row.get(4)?,
            restore_target_minutes: row.get(5)?,
            rehearsals: json_column(row, 6)?,
        },
    ))
}

/// The back-out plan of every release that has one.
pub fn load(conn: &Connection) -> Result<BTreeMap<ReleaseId, BackoutPlan>, StoreError> {
    let rows = load_rows(
        conn,
        "backout_plans",
        "SELECT release_id, description, checklist, go_no_go, decision_point_minutes, \
         restore_target_minutes, rehearsals FROM backout_plans ORDER BY release_id",
        from_row,
    )?;
    Ok(rows.into_iter().collect())
}

pub fn put(conn: &Connection, release: ReleaseId, plan: &BackoutPlan) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO backout_plans (release_id, description, checklist, go_no_go, \
         decision_point_minutes, restore_target_minutes, rehearsals) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        release,
        plan.steps.body,
        to_json(&plan.steps.items)?,
        plan.go_no_go,
        plan.decision_point_minutes,
        plan.restore_target_minutes,
        to_json(&plan.rehearsals)?,
    ])?;
    Ok(())
}

pub fn remove(conn: &Connection, release: ReleaseId) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM backout_plans WHERE release_id = ?1")?.execute(params![release])?;
    Ok(())
}
