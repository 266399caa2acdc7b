//! The `metric_readings` and `metric_thresholds` tables: every metric reading of a release after
//! deploy (the metric as its code or a custom metric's name, the roll-out phase, the value, when
//! and by whom) and the threshold one metric of a release is held to.

use rusqlite::{Connection, Row, params};

use super::{from_millis, load_rows, text_coded, to_millis};
use crate::domain::monitoring::Direction;
use crate::domain::{MetricName, MetricReading, MetricThreshold, Monitoring, ReadingId, ReleaseId};
use crate::store::{MonitoringMutation, StoreError};

fn reading_from_row(row: &Row<'_>) -> rusqlite::Result<MetricReading> {
    Ok(MetricReading {
        id: row.get(0)?,
        release: row.get(1)?,
        metric: MetricName::parse(&row.get::<_, String>(2)?),
        phase: row.get(3)?,
        value: row.get(4)?,
        at: from_millis(row.get(5)?),
        recorded_by: row.get(6)?,
    })
}

fn threshold_from_row(row: &Row<'_>) -> rusqlite::Result<MetricThreshold> {
    Ok(MetricThreshold {
        release: row.get(0)?,
        metric: MetricName::parse(&row.get::<_, String>(1)?),
        limit: row.get(2)?,
        direction: text_coded(row, 3, Direction::from_code, "threshold direction")?,
    })
}

/// Every reading (in id order) and every threshold (in release, then metric order, as the model
/// keeps them).
pub fn load(conn: &Connection) -> Result<Monitoring, StoreError> {
    let readings = load_rows(
        conn,
        "metric_readings",
        "SELECT id, release_id, metric, phase, value, at, recorded_by FROM metric_readings ORDER BY id",
        reading_from_row,
    )?;
    let mut thresholds = load_rows(
        conn,
        "metric_thresholds",
        "SELECT release_id, metric, limit_value, direction FROM metric_thresholds",
        threshold_from_row,
    )?;
    thresholds.sort_by(|a, b| (a.release, &a.metric).cmp(&(b.release, &b.metric)));
    Ok(Monitoring { readings, thresholds })
}

/// Writes one change to the readings or thresholds.
pub fn write(conn: &Connection, m: &MonitoringMutation) -> Result<(), StoreError> {
    match m {
        MonitoringMutation::PutReading(reading) => put_reading(conn, reading),
        MonitoringMutation::RemoveReading(id) => remove_reading(conn, *id),
        MonitoringMutation::PutThreshold(threshold) => put_threshold(conn, threshold),
        MonitoringMutation::RemoveThreshold { release, metric } => remove_threshold(conn, *release, metric),
    }
}

fn put_reading(conn: &Connection, r: &MetricReading) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO metric_readings (id, release_id, metric, phase, value, at, recorded_by) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        r.id,
        r.release,
        r.metric.code(),
        r.phase,
        r.value,
        to_millis(r.at),
        r.recorded_by
    ])?;
    Ok(())
}

fn remove_reading(conn: &Connection, id: ReadingId) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM metric_readings WHERE id = ?1")?.execute(params![id])?;
    Ok(())
}

fn put_threshold(conn: &Connection, t: &MetricThreshold) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO metric_thresholds (release_id, metric, limit_value, direction) \
         VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![t.release, t.metric.code(), t.limit, t.direction.code()])?;
    Ok(())
}

fn remove_threshold(conn: &Connection, release: ReleaseId, metric: &MetricName) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM metric_thresholds WHERE release_id = ?1 AND metric = ?2")?
        .execute(params![release, metric.code()])?;
    Ok(())
}
