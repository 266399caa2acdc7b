//! Each table's SQL in one file: how its rows load into domain types, and how a [`Mutation`]
//! puts or removes them. Shared here: timestamps as Unix milliseconds (UTC), typed ids as their
//! bare integer, codes as integers or text, lists and plans as JSON text.
//!
//! [`Mutation`]: super::Mutation

pub mod activities;
pub mod backout;
pub mod cabs;
pub mod external_links;
pub mod impact;
pub mod meetings;
pub mod meta;
pub mod monitoring;
pub mod numbers;
pub mod people;
pub mod readiness;
pub mod registry;
pub mod regulators;
pub mod releases;
pub mod reviews;
pub mod saved_views;
pub mod schedule;
pub mod settings;
pub mod stage_history;
pub mod team;
pub mod templates;
pub mod work;

use chrono::{DateTime, TimeZone as _, Utc};
use rusqlite::{Connection, Row};

use rusqlite::types::{FromSql, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use super::{Mutation, Snapshot, StoreError};
use crate::domain::{
    ActivityId, AgentId, CabId, CabMeetingId, ChangeId, ConfigItemId, DepartmentId, GroupId, NoteId,
    ReadingId, RegulatorStepId, ReleaseId, SavedViewId, StageEntryId, TaskId, TimeEntryId, Timestamp,
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
    CabId,
    CabMeetingId,
    RegulatorStepId,
    ChangeId,
    ConfigItemId,
    DepartmentId,
    GroupId,
    NoteId,
    ReadingId,
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

/// Runs `sql` (no parameters) over `table` and collects its rows through `f`. A row that does
/// not convert is [`StoreError::BadRow`], naming the table, the row (its first column: the id
/// or key) and the column.
pub(super) fn load_rows<T>(
    conn: &Connection,
    table: &'static str,
    sql: &str,
    mut f: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>, StoreError> {
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query([])?;
    let mut loaded = Vec::new();
    while let Some(row) = rows.next()? {
        match f(row) {
            Ok(value) => loaded.push(value),
            Err(err) => return Err(bad_row(table, row, err)),
        }
    }
    Ok(loaded)
}

/// Says which row and column of `table` failed to convert (other errors pass on as they are).
fn bad_row(table: &'static str, row: &Row<'_>, err: rusqlite::Error) -> StoreError {
    use rusqlite::Error as E;
    let (column, detail) = match &err {
        E::FromSqlConversionFailure(column, _, source) => (*column, source.to_string()),
        E::InvalidColumnType(column, _, found) => (*column, format!("a {found} value is not expected here")),
        E::IntegralValueOutOfRange(column, value) => (*column, format!("{value} is out of range")),
        E::Utf8Error(column, source) => (*column, format!("text that is not UTF-8 ({source})")),
        _ => return StoreError::from(err),
    };
    let key = match row.get_ref(0) {
        Ok(ValueRef::Integer(id)) => id.to_string(),
        Ok(ValueRef::Text(text)) => String::from_utf8_lossy(text).chars().take(60).collect(),
        _ => "?".to_owned(),
    };
    let column = row.as_ref().column_name(column).map_or_else(|_| column.to_string(), str::to_owned);
    StoreError::BadRow { table, row: key, column, detail }
}

/// Everything the model holds, read through `conn`.
pub(super) fn load_snapshot(conn: &Connection) -> Result<Snapshot, StoreError> {
    let releases = releases::load(conn)?;
    let max_id = releases.last().map_or(0, |r| r.id.0);
    Ok(Snapshot {
        directory: people::load(conn)?,
        settings: settings::load(conn)?,
        saved_views: saved_views::load(conn)?,
        registry: registry::load(conn)?,
        readiness: readiness::load(conn)?,
        stage_history: stage_history::load(conn)?,
        backout: backout::load(conn)?,
        templates: templates::load(conn)?,
        impact: impact::load(conn)?,
        reviews: reviews::load(conn)?,
        external_links: external_links::load(conn)?,
        schedule: schedule::load(conn)?,
        cabs: cabs::load(conn)?,
        monitoring: monitoring::load(conn)?,
        regulators: regulators::load(conn)?,
        release_high_water: meta::release_high_water(conn)?.max(max_id),
        notes: work::load_notes(conn)?,
        tasks: work::load_tasks(conn)?,
        time_entries: work::load_time_entries(conn)?,
        releases,
    })
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
        Mutation::PutBackout { release, plan } => backout::put(conn, *release, plan),
        Mutation::RemoveBackout(release) => backout::remove(conn, *release),
        Mutation::PutTemplate(template) => templates::put(conn, template),
        Mutation::RemoveTemplate(key) => templates::remove(conn, key),
        Mutation::PutImpact { release, impact } => impact::put(conn, *release, impact),
        Mutation::RemoveImpact(release) => impact::remove(conn, *release),
        Mutation::PutReview { release, review } => reviews::put(conn, *release, review),
        Mutation::RemoveReview(release) => reviews::remove(conn, *release),
        Mutation::PutExternalLink(link) => external_links::put(conn, link),
        Mutation::RemoveExternalLink { kind, external } => external_links::remove(conn, *kind, *external),
        Mutation::Schedule(m) => schedule::write(conn, m),
        Mutation::Cab(m) => cabs::write(conn, m),
        Mutation::Monitoring(m) => monitoring::write(conn, m),
        Mutation::Regulator(m) => regulators::write(conn, m),
        Mutation::TeamConflict { id, resolved_at } => team::set_conflict_resolved(conn, *id, *resolved_at),
    }
}
