//! Conversions between domain types and SQLite rows: timestamps as Unix milliseconds (UTC),
//! codes as integers, lists and plans as JSON text.

use chrono::{DateTime, TimeZone as _, Utc};
use rusqlite::{Connection, Row, params};

use super::StoreError;
use crate::domain::{
    Activity, AgentId, CabApproval, Change, ChangeRisk, CiKind, ConfigItem, DepartmentId, GroupId, Note,
    Outcome, Plan, PlannedWindow, Priority, Readiness, Release, ReleaseId, ReleasePatch, ReleaseType,
    SavedView, Stage, StageEntry, Status, Task, TaskFields, TaskStatus, TimeEntry, Timestamp,
};

pub fn to_millis(t: Timestamp) -> i64 {
    t.timestamp_millis()
}

/// A stored timestamp; out-of-range values become the epoch rather than failing the load.
pub fn from_millis(ms: i64) -> Timestamp {
    Utc.timestamp_millis_opt(ms).single().unwrap_or(DateTime::<Utc>::UNIX_EPOCH)
}

fn bad(column: usize, what: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        column,
        rusqlite::types::Type::Integer,
        Box::<dyn std::error::Error + Send + Sync>::from(what),
    )
}

fn coded<T>(row: &Row<'_>, column: usize, from: fn(i64) -> Option<T>, name: &str) -> rusqlite::Result<T> {
    let code: i64 = row.get(column)?;
    from(code).ok_or_else(|| bad(column, format!("{name} code {code} is unknown")))
}

fn json_list(row: &Row<'_>, column: usize) -> rusqlite::Result<Vec<i64>> {
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

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::BadData(e.to_string()))
}

const RELEASE_COLUMNS: &str = "id, subject, description, status, priority, release_type, \
    planned_start, planned_end, work_start, work_end, agent_id, group_id, department_id, \
    category, sub_category, item_category, assets, associated_change_ids, build_plan, test_plan, \
    stage, outcome, closed_at, rollback_count, downtime_minutes, created_at, updated_at, deleted_at";

fn release_from_row(row: &Row<'_>) -> rusqlite::Result<Release> {
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
    })
}

pub fn load_releases(conn: &Connection) -> Result<Vec<Release>, StoreError> {
    let mut stmt = conn.prepare(&format!("SELECT {RELEASE_COLUMNS} FROM releases ORDER BY id"))?;
    let releases = stmt.query_map([], release_from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(releases)
}

/// Inserts a release or updates it in place (an upsert: cheaper than `INSERT OR REPLACE`, which
/// deletes and re-inserts the row). Built once.
fn put_release_sql() -> &'static str {
    static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SQL.get_or_init(|| {
        let columns: Vec<&str> = RELEASE_COLUMNS.split(',').map(str::trim).collect();
        let values: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
        let updates: Vec<String> = columns.iter().skip(1).map(|c| format!("{c} = excluded.{c}")).collect();
        format!(
            "INSERT INTO releases ({RELEASE_COLUMNS}) VALUES ({}) ON CONFLICT(id) DO UPDATE SET {}",
            values.join(", "),
            updates.join(", ")
        )
    })
}

pub fn put_release(conn: &Connection, r: &Release) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(put_release_sql())?;
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
    ])?;
    Ok(())
}

/// Writes the patched columns of one release; a release that is not in the file is an error
/// (memory and file would disagree), so the whole command fails.
pub fn patch_release(conn: &Connection, id: ReleaseId, patch: &ReleasePatch) -> Result<(), StoreError> {
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

pub fn activity_from_row(row: &Row<'_>) -> rusqlite::Result<Activity> {
    Ok(Activity {
        id: row.get(0)?,
        release_id: row.get::<_, Option<i64>>(1)?.map(ReleaseId),
        actor: row.get::<_, Option<i64>>(2)?.map(AgentId),
        at: from_millis(row.get(3)?),
        kind: row.get(4)?,
        field: row.get(5)?,
        old_value: row.get(6)?,
        new_value: row.get(7)?,
    })
}

/// The stored form of a saved view (all but its id and name).
#[derive(serde::Serialize, serde::Deserialize)]
struct SavedViewDefinition {
    base: crate::domain::PredefinedView,
    filter: crate::domain::ReleaseFilter,
    sort: crate::domain::SortSpec,
}

pub fn saved_view_to_json(view: &SavedView) -> Result<String, StoreError> {
    to_json(&SavedViewDefinition { base: view.base, filter: view.filter.clone(), sort: view.sort })
}

pub fn saved_view_from_json(id: i64, name: String, json: &str) -> Result<SavedView, StoreError> {
    let def: SavedViewDefinition =
        serde_json::from_str(json).map_err(|e| StoreError::BadData(format!("saved view {name:?}: {e}")))?;
    Ok(SavedView { id, name, base: def.base, filter: def.filter, sort: def.sort })
}

pub fn load_notes(conn: &Connection) -> Result<Vec<Note>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, release_id, body, author, created_at, updated_at FROM release_notes ORDER BY id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Note {
                id: r.get(0)?,
                release_id: ReleaseId(r.get(1)?),
                body: r.get(2)?,
                author: r.get::<_, Option<i64>>(3)?.map(AgentId),
                created_at: from_millis(r.get(4)?),
                updated_at: from_millis(r.get(5)?),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub fn put_note(conn: &Connection, n: &Note) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO release_notes (id, release_id, body, author, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        n.id,
        n.release_id.0,
        n.body,
        n.author.map(|a| a.0),
        to_millis(n.created_at),
        to_millis(n.updated_at)
    ])?;
    Ok(())
}

pub fn load_tasks(conn: &Connection) -> Result<Vec<Task>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, release_id, title, description, status, due_at, agent_id, group_id, created_at, updated_at
         FROM release_tasks ORDER BY id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Task {
                id: r.get(0)?,
                release_id: ReleaseId(r.get(1)?),
                fields: TaskFields {
                    title: r.get(2)?,
                    description: r.get(3)?,
                    status: coded(r, 4, TaskStatus::from_code, "task status")?,
                    due: r.get::<_, Option<i64>>(5)?.map(from_millis),
                    agent_id: r.get::<_, Option<i64>>(6)?.map(AgentId),
                    group_id: r.get::<_, Option<i64>>(7)?.map(GroupId),
                },
                created_at: from_millis(r.get(8)?),
                updated_at: from_millis(r.get(9)?),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub fn put_task(conn: &Connection, t: &Task) -> Result<(), StoreError> {
    let f = &t.fields;
    conn.prepare_cached(
        "INSERT OR REPLACE INTO release_tasks
         (id, release_id, title, description, status, due_at, agent_id, group_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        t.id,
        t.release_id.0,
        f.title,
        f.description,
        f.status.code(),
        f.due.map(to_millis),
        f.agent_id.map(|a| a.0),
        f.group_id.map(|g| g.0),
        to_millis(t.created_at),
        to_millis(t.updated_at)
    ])?;
    Ok(())
}

pub fn load_time_entries(conn: &Connection) -> Result<Vec<TimeEntry>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, release_id, agent_id, note, minutes, executed_at, billable, timer_start, created_at
         FROM time_entries ORDER BY id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(TimeEntry {
                id: r.get(0)?,
                release_id: ReleaseId(r.get(1)?),
                agent_id: r.get::<_, Option<i64>>(2)?.map(AgentId),
                note: r.get(3)?,
                minutes: r.get(4)?,
                executed_at: from_millis(r.get(5)?),
                billable: r.get(6)?,
                timer_start: r.get::<_, Option<i64>>(7)?.map(from_millis),
                created_at: from_millis(r.get(8)?),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub fn put_time_entry(conn: &Connection, e: &TimeEntry) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO time_entries
         (id, release_id, agent_id, note, minutes, executed_at, billable, timer_start, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        e.id,
        e.release_id.0,
        e.agent_id.map(|a| a.0),
        e.note,
        e.minutes,
        to_millis(e.executed_at),
        e.billable,
        e.timer_start.map(to_millis),
        to_millis(e.created_at)
    ])?;
    Ok(())
}

fn text_coded<T>(
    row: &Row<'_>,
    column: usize,
    from: fn(&str) -> Option<T>,
    name: &str,
) -> rusqlite::Result<T> {
    let code: String = row.get(column)?;
    from(&code).ok_or_else(|| bad(column, format!("{name} '{code}' is unknown")))
}

pub fn change_from_row(row: &Row<'_>) -> rusqlite::Result<Change> {
    Ok(Change {
        id: row.get(0)?,
        subject: row.get(1)?,
        approval: text_coded(row, 2, CabApproval::from_code, "CAB approval")?,
        risk: text_coded(row, 3, ChangeRisk::from_code, "change risk")?,
    })
}

pub fn config_item_from_row(row: &Row<'_>) -> rusqlite::Result<ConfigItem> {
    Ok(ConfigItem {
        id: row.get(0)?,
        name: row.get(1)?,
        // A kind written by a newer version reads as Other rather than failing the load.
        kind: CiKind::from_code(&row.get::<_, String>(2)?).unwrap_or(CiKind::Other),
    })
}

pub fn readiness_to_json(readiness: &Readiness) -> Result<String, StoreError> {
    to_json(readiness)
}

pub fn readiness_from_json(release: i64, json: &str) -> Result<Readiness, StoreError> {
    serde_json::from_str(json)
        .map_err(|e| StoreError::BadData(format!("readiness of release #{release}: {e}")))
}

pub const STAGE_ENTRY_COLUMNS: &str =
    "id, release_id, stage, entered_at, actor, note, override_reason, outcome, downtime_minutes";

pub fn stage_entry_from_row(row: &Row<'_>) -> rusqlite::Result<StageEntry> {
    Ok(StageEntry {
        id: row.get(0)?,
        release_id: ReleaseId(row.get(1)?),
        stage: text_coded(row, 2, Stage::from_code, "stage")?,
        entered_at: from_millis(row.get(3)?),
        actor: row.get::<_, Option<i64>>(4)?.map(AgentId),
        note: row.get(5)?,
        override_reason: row.get(6)?,
        outcome: match row.get::<_, Option<String>>(7)? {
            None => None,
            Some(code) => Some(
                Outcome::from_code(&code).ok_or_else(|| bad(7, format!("outcome '{code}' is unknown")))?,
            ),
        },
        downtime_minutes: row.get(8)?,
    })
}

pub fn put_stage_entry(conn: &Connection, e: &StageEntry) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "INSERT OR REPLACE INTO stage_history ({STAGE_ENTRY_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
    ))?;
    stmt.execute(params![
        e.id,
        e.release_id.0,
        e.stage.code(),
        to_millis(e.entered_at),
        e.actor.map(|a| a.0),
        e.note,
        e.override_reason,
        e.outcome.map(Outcome::code),
        e.downtime_minutes,
    ])?;
    Ok(())
}
