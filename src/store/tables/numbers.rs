//! Provisional numbers (issue 21): a release, window, freeze, note or task made in a team's file is numbered
//! below zero until its push gives it the team's number. Here: the lowest provisional number each
//! kind has given (kept in `meta`, so one is never given twice, even after its record is gone),
//! and the switch to the team's number of the record and of every row of this file that names it,
//! in the transaction that records the push.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension as _, params};

use crate::domain::team::{RecordKey, RecordKind};
use crate::store::StoreError;

/// Every column that holds a release's id, by table (a test checks none is missing).
const RELEASE_COLUMNS: &[(&str, &str)] = &[
    ("releases", "id"),
    ("activities", "release_id"),
    ("release_notes", "release_id"),
    ("release_tasks", "release_id"),
    ("time_entries", "release_id"),
    ("release_readiness", "release_id"),
    ("stage_history", "release_id"),
    ("backout_plans", "release_id"),
    ("release_impact", "release_id"),
    ("release_reviews", "release_id"),
    ("metric_readings", "release_id"),
    ("metric_thresholds", "release_id"),
    ("agenda_items", "release_id"),
    ("decisions", "release_id"),
    ("regulator_approvals", "release_id"),
];

fn meta_key(kind: RecordKind) -> String {
    format!("team_low_{}", kind.code())
}

fn table(kind: RecordKind) -> Option<&'static str> {
    match kind {
        RecordKind::Release => Some("releases"),
        RecordKind::Window => Some("deployment_windows"),
        RecordKind::Freeze => Some("freezes"),
        RecordKind::Note => Some("release_notes"),
        RecordKind::Task => Some("release_tasks"),
        RecordKind::Agent | RecordKind::Group | RecordKind::Department => None,
    }
}

/// The lowest provisional number each numbered kind has given (0: none yet): the next is one
/// below it.
pub fn lows(conn: &Connection) -> Result<BTreeMap<RecordKind, i64>, StoreError> {
    let mut lows = BTreeMap::new();
    for kind in RecordKind::ALL.into_iter().filter(|k| k.numbered_by_team()) {
        let Some(table) = table(kind) else { continue };
        let kept: Option<i64> = conn
            .query_row("SELECT value FROM meta WHERE key = ?1", params![meta_key(kind)], |r| r.get(0))
            .optional()?;
        let lowest: Option<i64> =
            conn.query_row(&format!("SELECT min(id) FROM {table}"), [], |r| r.get(0))?;
        lows.insert(kind, kept.unwrap_or(0).min(lowest.unwrap_or(0)).min(0));
    }
    Ok(lows)
}

/// Records that provisional number `key` was given.
pub fn lower(conn: &Connection, key: RecordKey) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = min(value, excluded.value)",
        params![meta_key(key.kind), key.id],
    )?;
    Ok(())
}

/// Gives record `key` (provisional) the team's number `to`, in every row of the file that names
/// it: the record, what hangs on a release (notes, tasks, history, votes, agenda items…), the seq
/// it was seen at and its conflicts. A number the file already uses is an error (the sync's
/// floors and `Model::share_own_records` keep that from happening).
pub fn renumber(conn: &Connection, key: RecordKey, to: i64) -> Result<(), StoreError> {
    let Some(table) = table(key.kind) else {
        return Err(StoreError::BadData(format!("{key} is not numbered by the team")));
    };
    let taken = conn
        .query_row(&format!("SELECT 1 FROM {table} WHERE id = ?1"), params![to], |_| Ok(()))
        .optional()?
        .is_some();
    if taken {
        return Err(StoreError::BadData(format!("the team's number {to} of {key} is in use here")));
    }
    move_record(conn, key, to)
}

/// Moves record `key` to number `to` in every row of the file that names it.
pub fn move_record(conn: &Connection, key: RecordKey, to: i64) -> Result<(), StoreError> {
    let from = key.id;
    match key.kind {
        RecordKind::Release => {
            for (table, column) in RELEASE_COLUMNS {
                conn.execute(
                    &format!("UPDATE {table} SET {column} = ?2 WHERE {column} = ?1"),
                    params![from, to],
                )?;
            }
            conn.execute(
                "UPDATE votes SET subject_id = ?2 WHERE subject_kind = 'go_no_go' AND subject_id = ?1",
                params![from, to],
            )?;
        }
        RecordKind::Window | RecordKind::Freeze | RecordKind::Note | RecordKind::Task => {
            let Some(table) = table(key.kind) else { return Ok(()) };
            conn.execute(&format!("UPDATE {table} SET id = ?2 WHERE id = ?1"), params![from, to])?;
            if key.kind == RecordKind::Task {
                // A review names its follow-up tasks in a JSON list.
                conn.execute(
                    "UPDATE release_reviews SET follow_ups = (
                         SELECT json_group_array(CASE WHEN value = ?1 THEN ?2 ELSE value END)
                         FROM json_each(release_reviews.follow_ups))
                     WHERE EXISTS (SELECT 1 FROM json_each(release_reviews.follow_ups) WHERE value = ?1)",
                    params![from, to],
                )?;
            }
        }
        RecordKind::Agent | RecordKind::Group | RecordKind::Department => {
            return Err(StoreError::BadData(format!("{key} is not numbered by the team")));
        }
    }
    let new = RecordKey { id: to, ..key };
    conn.execute(
        "UPDATE team_record_seqs SET record = ?2 WHERE record = ?1",
        params![key.to_string(), new.to_string()],
    )?;
    conn.execute(
        "UPDATE team_conflicts SET record = ?2 WHERE record = ?1",
        params![key.to_string(), new.to_string()],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn the_outbox_entries_naming_a_key_are_found_and_no_others() {
        use crate::domain::team::{OutboxEntry, RecordChange};
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::Store::open(&dir.path().join("desk.sqlite3")).unwrap();
        let entry = |id: i64| {
            let record = RecordKey { kind: RecordKind::Release, id };
            OutboxEntry {
                command_id: uuid::Uuid::new_v4(),
                changes: vec![RecordChange::Remove { record }],
                bases: [(record, 0)].into_iter().collect(),
                created_at: chrono::Utc::now(),
            }
        };
        let (one, twelve) = (entry(-1), entry(-12));
        crate::store::tables::team::push_outbox(&store.conn, &one).unwrap();
        crate::store::tables::team::push_outbox(&store.conn, &twelve).unwrap();
        let key = |id| RecordKey { kind: RecordKind::Release, id };
        let found = crate::store::tables::team::outbox_naming(&store.conn, &[key(-1)]).unwrap();
        let found: Vec<uuid::Uuid> = found.iter().map(|e| e.command_id).collect();
        assert_eq!(found, vec![one.command_id], "release:-12 is not release:-1");
        let keys: Vec<RecordKey> = (1..=250).map(|n| key(-n)).collect();
        assert_eq!(crate::store::tables::team::outbox_naming(&store.conn, &keys).unwrap().len(), 2);
    }

    #[test]
    fn a_task_renumbered_is_renumbered_in_the_review_that_lists_it_as_a_follow_up() {
        use crate::domain::{ReleaseId, Review, TaskId};
        let dir = tempfile::tempdir().unwrap();
        let mut store = crate::store::Store::open(&dir.path().join("desk.sqlite3")).unwrap();
        let review = Review { follow_ups: vec![TaskId(5), TaskId(-1), TaskId(-12)], ..Review::default() };
        let put = crate::store::Mutation::PutReview { release: ReleaseId(1), review };
        store.commit(&[put], &[]).unwrap();
        move_record(&store.conn, RecordKey { kind: RecordKind::Task, id: -1 }, 9).unwrap();
        let reviews = store.load().unwrap().reviews;
        assert_eq!(reviews[&ReleaseId(1)].follow_ups, [TaskId(5), TaskId(9), TaskId(-12)], "in order");
    }

    #[test]
    fn every_column_that_names_a_release_is_renumbered() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::Store::open(&dir.path().join("desk.sqlite3")).unwrap();
        let conn = &store.conn;
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for table in tables {
            let columns: Vec<String> = conn
                .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            for column in columns.iter().filter(|c| *c == "release_id") {
                assert!(
                    RELEASE_COLUMNS.contains(&(table.as_str(), column.as_str())),
                    "{table}.{column} names a release and is not renumbered"
                );
            }
        }
    }
}
