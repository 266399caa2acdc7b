//! Each table's SQL in one file: how its rows load into domain types, and how a [`Mutation`]
//! puts or removes them. Shared here: timestamps as Unix milliseconds (UTC), typed ids as their
//! bare integer, codes as integers or text, lists and plans as JSON text.
//!
//! [`Mutation`]: super::Mutation

pub mod activities;
pub mod meta;
pub mod people;
pub mod readiness;
pub mod registry;
pub mod releases;
pub mod saved_views;
pub mod settings;
pub mod stage_history;
pub mod work;

use chrono::{DateTime, TimeZone as _, Utc};
use rusqlite::{Connection, Row};

use rusqlite::types::{FromSql, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use super::{Mutation, StoreError};
use crate::domain::{
    ActivityId, AgentId, ChangeId, ConfigItemId, DepartmentId, GroupId, NoteId, ReleaseId, SavedViewId,
    StageEntryId, TaskId, TimeEntryId, Timestamp,
};

/// Every typed id is stored as its bare integer.
macro_rules! integer_id {
    ($($id:ident),+) => {$(
        impl ToSql for $id {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.0))
            }
        }

        impl FromSql for $id {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                i64::column_result(value).map($id)
            }
        }
    )+};
}

integer_id!(
    ActivityId,
    AgentId,
    ChangeId,
    ConfigItemId,
    DepartmentId,
    GroupId,
    NoteId,
    ReleaseId,
    SavedViewId,
    StageEntryId,
    TaskId,
    TimeEntryId
);

pub fn to_millis(t: Timestamp) -> i64 {
    t.timestamp_millis()
}

/// A stored timestamp; out-of-range values become the epoch rather than failing the load.
pub fn from_millis(ms: i64) -> Timestamp {
    Utc.timestamp_millis_opt(ms).single().unwrap_or(DateTime::<Utc>::UNIX_EPOCH)
}

/// A conversion error for `column` of the row being read.
pub(super) fn bad(column: usize, what: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        column,
        rusqlite::types::Type::Integer,
        Box::<dyn std::error::Error + Send + Sync>::from(what),
    )
}

/// An integer code read through `from` (`name` says what it codes, for the error).
pub(super) fn coded<T>(
    row: &Row<'_>,
    column: usize,
    from: fn(i64) -> Option<T>,
    name: &str,
) -> rusqlite::Result<T> {
    let code: i64 = row.get(column)?;
    from(code).ok_or_else(|| bad(column, format!("{name} code {code} is unknown")))
}

/// A text code read through `from` (`name` says what it codes, for the error).
pub(super) fn text_coded<T>(
    row: &Row<'_>,
    column: usize,
    from: fn(&str) -> Option<T>,
    name: &str,
) -> rusqlite::Result<T> {
    let code: String = row.get(column)?;
    from(&code).ok_or_else(|| bad(column, format!("{name} '{code}' is unknown")))
}

pub(super) fn to_json<T: serde::Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::BadData(e.to_string()))
}

/// Runs `sql` (no parameters) and collects its rows through `f`.
pub(super) fn query_map<T>(
    conn: &Connection,
    sql: &str,
    f: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>, StoreError> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], f)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Writes one mutation through its table.
pub(super) fn write(conn: &Connection, mutation: &Mutation) -> Result<(), StoreError> {
    match mutation {
        Mutation::PutRelease(release) => releases::put(conn, release),
        Mutation::PatchRelease { id, patch } => releases::patch(conn, *id, patch),
        Mutation::RemoveRelease(id) => releases::remove(conn, *id),
        Mutation::PutAgent(a) => people::put_agent(conn, a),
        Mutation::RemoveAgent(id) => people::remove_agent(conn, *id),
        Mutation::PutGroup(g) => people::put_group(conn, g),
        Mutation::RemoveGroup(id) => people::remove_group(conn, *id),
        Mutation::PutDepartment(d) => people::put_department(conn, d),
        Mutation::RemoveDepartment(id) => people::remove_department(conn, *id),
        Mutation::PutSetting { key, value } => settings::put(conn, key, value),
        Mutation::RemoveSetting(key) => settings::remove(conn, key),
        Mutation::PutSavedView(view) => saved_views::put(conn, view),
        Mutation::RemoveSavedView(id) => saved_views::remove(conn, *id),
        Mutation::PutNote(note) => work::put_note(conn, note),
        Mutation::RemoveNote(id) => work::remove_note(conn, *id),
        Mutation::PutTask(task) => work::put_task(conn, task),
        Mutation::RemoveTask(id) => work::remove_task(conn, *id),
        Mutation::PutTimeEntry(entry) => work::put_time_entry(conn, entry),
        Mutation::RemoveTimeEntry(id) => work::remove_time_entry(conn, *id),
        Mutation::PutChange(c) => registry::put_change(conn, c),
        Mutation::RemoveChange(id) => registry::remove_change(conn, *id),
        Mutation::PutConfigItem(c) => registry::put_config_item(conn, c),
        Mutation::RemoveConfigItem(id) => registry::remove_config_item(conn, *id),
        Mutation::PutReadiness { release, readiness } => readiness::put(conn, *release, readiness),
        Mutation::RemoveReadiness(release) => readiness::remove(conn, *release),
        Mutation::PutStageEntry(entry) => stage_history::put(conn, entry),
        Mutation::RemoveStageEntry(id) => stage_history::remove(conn, *id),
    }
}
