//! The `deployment_windows` and `freezes` tables: when releases may deploy and when they must
//! not. A window's or freeze's timing is a one-off period (UTC milliseconds) or a recurrence (the
//! RRULE, its DTSTART and EXDATEs as wall-clock text of its zone, and the minutes each lasts).

use std::collections::BTreeSet;

use chrono::NaiveDateTime;
use rusqlite::{Connection, Row, params};

use super::{bad, from_millis, load_rows, to_json, to_millis};
use crate::domain::schedule::{
    DeploymentWindow, Freeze, FreezeKind, Recurrence, Schedule, Scope, Timing, Tz,
};
use crate::domain::{FreezeId, ReleaseType, WindowId};
use crate::store::ScheduleMutation;
use crate::store::StoreError;

/// How wall-clock times are kept: `2026-11-28T22:00:00`.
const WALL_CLOCK: &str = "%Y-%m-%dT%H:%M:%S";

const COMMON: &str =
    "id, name, zone, scope_kind, scope_id, once_start, once_end, rule, rule_start, exdates, minutes";

fn wall_clock(column: usize, text: &str) -> rusqlite::Result<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, WALL_CLOCK).map_err(|e| bad(column, format!("'{text}': {e}")))
}

/// The zone, scope and timing columns (1..=10) of a row.
fn common(row: &Row<'_>) -> rusqlite::Result<(String, Tz, Scope, Timing)> {
    let name: String = row.get(1)?;
    let zone_name: String = row.get(2)?;
    let zone = zone_name.parse::<Tz>().unwrap_or_else(|_| {
        log::warn!("the time zone '{zone_name}' of '{name}' is unknown to this build; using UTC");
        Tz::UTC
    });
    let kind: String = row.get(3)?;
    let scope = Scope::from_parts(&kind, row.get(4)?).unwrap_or_else(|| {
        log::warn!("the scope '{kind}' of '{name}' is unknown to this build; it applies to all releases");
        Scope::All
    });
    let timing = match row.get::<_, Option<String>>(7)? {
        None => Timing::Once {
            start: from_millis(row.get::<_, Option<i64>>(5)?.unwrap_or_default()),
            end: from_millis(row.get::<_, Option<i64>>(6)?.unwrap_or_default()),
        },
        Some(rule) => {
            let start = wall_clock(8, &row.get::<_, String>(8)?)?;
            let exdates: Vec<String> = serde_json::from_str(&row.get::<_, String>(9)?)
                .map_err(|e| bad(9, format!("exdates: {e}")))?;
            let exdates = exdates.iter().map(|t| wall_clock(9, t)).collect::<Result<_, _>>()?;
            Timing::Recurring {
                recurrence: Recurrence { rule, start, exdates },
                minutes: row.get::<_, Option<u32>>(10)?.unwrap_or(60),
            }
        }
    };
    Ok((name, zone, scope, timing))
}

fn window_from_row(row: &Row<'_>) -> rusqlite::Result<DeploymentWindow> {
    let (name, zone, scope, timing) = common(row)?;
    Ok(DeploymentWindow { id: WindowId(row.get(0)?), name, timing, zone, scope })
}

fn freeze_from_row(row: &Row<'_>) -> rusqlite::Result<Freeze> {
    let (name, zone, scope, timing) = common(row)?;
    // A kind written by a newer version holds as hard rather than failing the load.
    let kind = FreezeKind::from_code(&row.get::<_, String>(11)?).unwrap_or(FreezeKind::Hard);
    let exempt: Vec<i64> =
        serde_json::from_str(&row.get::<_, String>(12)?).map_err(|e| bad(12, format!("exempt: {e}")))?;
    let exempt: BTreeSet<ReleaseType> = exempt.into_iter().filter_map(ReleaseType::from_code).collect();
    Ok(Freeze {
        id: FreezeId(row.get(0)?),
        name,
        timing,
        zone,
        kind,
        scope,
        exempt,
        exempt_reason: row.get(13)?,
    })
}

/// Every window and freeze, each in id order.
pub fn load(conn: &Connection) -> Result<Schedule, StoreError> {
    let windows = load_rows(
        conn,
        "deployment_windows",
        &format!("SELECT {COMMON} FROM deployment_windows ORDER BY id"),
        window_from_row,
    )?;
    let freezes = load_rows(
        conn,
        "freezes",
        &format!("SELECT {COMMON}, kind, exempt, exempt_reason FROM freezes ORDER BY id"),
        freeze_from_row,
    )?;
    Ok(Schedule { windows, freezes })
}

/// The timing columns: once_start, once_end, rule, rule_start, exdates, minutes.
type TimingColumns = (Option<i64>, Option<i64>, Option<String>, Option<String>, String, Option<u32>);

fn timing_columns(timing: &Timing) -> Result<TimingColumns, StoreError> {
    Ok(match timing {
        Timing::Once { start, end } => {
            (Some(to_millis(*start)), Some(to_millis(*end)), None, None, "[]".to_owned(), None)
        }
        Timing::Recurring { recurrence, minutes } => {
            let exdates: Vec<String> =
                recurrence.exdates.iter().map(|t| t.format(WALL_CLOCK).to_string()).collect();
            (
                None,
                None,
                Some(recurrence.rule.clone()),
                Some(recurrence.start.format(WALL_CLOCK).to_string()),
                to_json(&exdates)?,
                Some(*minutes),
            )
        }
    })
}

/// Writes one change to the windows or freezes.
pub fn write(conn: &Connection, mutation: &ScheduleMutation) -> Result<(), StoreError> {
    match mutation {
        ScheduleMutation::PutWindow(w) => put_window(conn, w),
        ScheduleMutation::RemoveWindow(id) => remove_window(conn, *id),
        ScheduleMutation::PutFreeze(f) => put_freeze(conn, f),
        ScheduleMutation::RemoveFreeze(id) => remove_freeze(conn, *id),
    }
}

pub fn put_window(conn: &Connection, w: &DeploymentWindow) -> Result<(), StoreError> {
    let (once_start, once_end, rule, rule_start, exdates, minutes) = timing_columns(&w.timing)?;
    conn.prepare_cached(&format!(
        "INSERT OR REPLACE INTO deployment_windows ({COMMON}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
    ))?
    .execute(params![
        w.id.0,
        w.name,
        w.zone.name(),
        w.scope.kind_code(),
        w.scope.target(),
        once_start,
        once_end,
        rule,
        rule_start,
        exdates,
        minutes
    ])?;
    Ok(())
}

pub fn remove_window(conn: &Connection, id: WindowId) -> Result<(), StoreError> {
    conn.execute("DELETE FROM deployment_windows WHERE id = ?1", params![id.0])?;
    Ok(())
}

pub fn put_freeze(conn: &Connection, f: &Freeze) -> Result<(), StoreError> {
    let (once_start, once_end, rule, rule_start, exdates, minutes) = timing_columns(&f.timing)?;
    let exempt: Vec<u8> = f.exempt.iter().map(|t| t.code()).collect();
    conn.prepare_cached(&format!(
        "INSERT OR REPLACE INTO freezes ({COMMON}, kind, exempt, exempt_reason) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
    ))?
    .execute(params![
        f.id.0,
        f.name,
        f.zone.name(),
        f.scope.kind_code(),
        f.scope.target(),
        once_start,
        once_end,
        rule,
        rule_start,
        exdates,
        minutes,
        f.kind.code(),
        to_json(&exempt)?,
        f.exempt_reason
    ])?;
    Ok(())
}

pub fn remove_freeze(conn: &Connection, id: FreezeId) -> Result<(), StoreError> {
    conn.execute("DELETE FROM freezes WHERE id = ?1", params![id.0])?;
    Ok(())
}
