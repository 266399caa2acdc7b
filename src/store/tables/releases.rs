//! The `releases` table: one row per release, every field a column (codes as integers, the
//! stage and outcome as text codes, lists and plans as JSON text).

use rusqlite::{Connection, Row, params};

use super::{bad, coded, from_millis, load_rows, to_json, to_millis};
use crate::domain::{
    AgentId, CustomFields, DepartmentId, GroupId, Outcome, Plan, PlannedWindow, Priority, Release, ReleaseId,
    ReleasePatch, ReleaseType, Stage, Status,
};
use crate::store::StoreError;

const COLUMNS: &str = "id, subject, description, status, priority, release_type, \
    planned_start, planned_end, work_start, work_end, agent_id, group_id, department_id, \
    category, sub_category, item_category, assets, associated_change_ids, build_plan, test_plan, \
    stage, outcome, closed_at, rollback_count, downtime_minutes, created_at, updated_at, deleted_at, \
    external_id, custom_fields";

fn json_list<T: serde::de::DeserializeOwned>(row: &Row<'_>, column: usize) -> rusqlite::Result<Vec<T>> {
    let text: String = row.get(column)?;
    if text == "[]" {
        return Ok(Vec::new());
    }
    serde_json::from_str(&text).map_err(|e| bad(column, e.to_string()))
}

fn json_plan(row: &Row<'_>, column: usize) -> rusqlite::Result<Option<Plan>> {
    let text: Option<String> = row.get(column)?;
    text.map(|t| serde_json::from_str(&t).map_err(|e| bad(column, e.to_string()))).transpose()
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Release> {
    Ok(Release {
        id: ReleaseId(row.get(0)?),
        subject: row.get(1)?,
        description: row.get(2)?,
        status: coded(row, 3, Status::from_code, "status")?,
        priority: coded(row, 4, Priority::from_code, "priority")?,
        release_type: coded(row, 5, ReleaseType::from_code, "release type")?,
        planned: PlannedWindow { start: from_millis(row.get(6)?), end: from_millis(row.get(7)?) },
        work_start: row.get::<_, Option<i64>>(8)?.map(from_millis),
        work_end: row.get::<_, Option<i64>>(9)?.map(from_millis),
        agent_id: row.get::<_, Option<i64>>(10)?.map(AgentId),
        group_id: row.get::<_, Option<i64>>(11)?.map(GroupId),
        department_id: row.get::<_, Option<i64>>(12)?.map(DepartmentId),
        category: row.get(13)?,
        sub_category: row.get(14)?,
        item_category: row.get(15)?,
        assets: json_list(row, 16)?,
        associated_change_ids: json_list(row, 17)?,
        build_plan: json_plan(row, 18)?,
        test_plan: json_plan(row, 19)?,
        stage: {
            let code: String = row.get(20)?;
            Stage::from_code(&code).ok_or_else(|| bad(20, format!("stage '{code}' is unknown")))?
        },
        outcome: match row.get::<_, Option<String>>(21)? {
            None => None,
            Some(code) => Some(
                Outcome::from_code(&code).ok_or_else(|| bad(21, format!("outcome '{code}' is unknown")))?,
            ),
        },
        closed_at: row.get::<_, Option<i64>>(22)?.map(from_millis),
        rollback_count: row.get(23)?,
        downtime_minutes: row.get(24)?,
        created_at: from_millis(row.get(25)?),
        updated_at: from_millis(row.get(26)?),
        deleted_at: row.get::<_, Option<i64>>(27)?.map(from_millis),
        external_id: row.get(28)?,
        custom_fields: {
            let text: String = row.get(29)?;
            if text == "{}" {
                CustomFields::new()
            } else {
                serde_json::from_str(&text).map_err(|e| bad(29, e.to_string()))?
            }
        },
    })
}

/// Every release, in id order.
pub fn load(conn: &Connection) -> Result<Vec<Release>, StoreError> {
    load_rows(conn, "releases", &format!("SELECT {COLUMNS} FROM releases ORDER BY id"), from_row)
}

/// Inserts a release or updates it in place (an upsert: cheaper than `INSERT OR REPLACE`, which
/// deletes and re-inserts the row). Built once.
fn put_sql() -> &'static str {
    static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SQL.get_or_init(|| {
        let columns: Vec<&str> = COLUMNS.split(',').map(str::trim).collect();
        let values: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
        let updates: Vec<String> = columns.iter().skip(1).map(|c| format!("{c} = excluded.{c}")).collect();
        format!(
            "INSERT INTO releases ({COLUMNS}) VALUES ({}) ON CONFLICT(id) DO UPDATE SET {}",
            values.join(", "),
            updates.join(", ")
        )
    })
}

pub fn put(conn: &Connection, r: &Release) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(put_sql())?;
    stmt.execute(params![
        r.id.0,
        r.subject,
        r.description,
        r.status.code(),
        r.priority.code(),
        r.release_type.code(),
        to_millis(r.planned.start),
        to_millis(r.planned.end),
        r.work_start.map(to_millis),
        r.work_end.map(to_millis),
        r.agent_id.map(|a| a.0),
        r.group_id.map(|g| g.0),
        r.department_id.map(|d| d.0),
        r.category,
        r.sub_category,
        r.item_category,
        to_json(&r.assets)?,
        to_json(&r.associated_change_ids)?,
        r.build_plan.as_ref().map(to_json).transpose()?,
        r.test_plan.as_ref().map(to_json).transpose()?,
        r.stage.code(),
        r.outcome.map(Outcome::code),
        r.closed_at.map(to_millis),
        r.rollback_count,
        r.downtime_minutes,
        to_millis(r.created_at),
        to_millis(r.updated_at),
        r.deleted_at.map(to_millis),
        r.external_id,
        if r.custom_fields.is_empty() { "{}".to_owned() } else { to_json(&r.custom_fields)? },
    ])?;
    Ok(())
}

/// Writes the patched columns of one release; a release that is not in the file is an error
/// (memory and file would disagree), so the whole command fails.
pub fn patch(conn: &Connection, id: ReleaseId, patch: &ReleasePatch) -> Result<(), StoreError> {
    let ReleasePatch { status, priority, agent_id, group_id, deleted_at, updated_at } = *patch;
    let mut stmt = conn.prepare_cached(
        "UPDATE releases SET
             status = CASE WHEN ?2 THEN ?3 ELSE status END,
             priority = CASE WHEN ?4 THEN ?5 ELSE priority END,
             agent_id = CASE WHEN ?6 THEN ?7 ELSE agent_id END,
             group_id = CASE WHEN ?8 THEN ?9 ELSE group_id END,
             deleted_at = CASE WHEN ?10 THEN ?11 ELSE deleted_at END,
             updated_at = ?12
         WHERE id = ?1",
    )?;
    let changed = stmt.execute(params![
        id.0,
        status.is_some(),
        status.map(Status::code),
        priority.is_some(),
        priority.map(Priority::code),
        agent_id.is_some(),
        agent_id.flatten().map(|a| a.0),
        group_id.is_some(),
        group_id.flatten().map(|g| g.0),
        deleted_at.is_some(),
        deleted_at.flatten().map(to_millis),
        to_millis(updated_at),
    ])?;
    if changed == 1 { Ok(()) } else { Err(StoreError::BadData(format!("release #{id} is not in the file"))) }
}

/// Removes a release from the file for good.
pub fn remove(conn: &Connection, id: ReleaseId) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM releases WHERE id = ?1")?.execute(params![id.0])?;
    Ok(())
}

/// How many releases the file holds.
pub fn count(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("SELECT count(*) FROM releases", [], |r| r.get(0))?)
}
