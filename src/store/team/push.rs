//! A push: one local command's changes merged field by field over what the server holds and
//! appended as one change, in one SERIALIZABLE transaction (tried again on a serialization
//! failure), idempotent by `command_id`. A part the server's guard refuses (`rights.rs`) is taken
//! out and kept as a conflict, and the rest is pushed. A record the command made with a
//! provisional number gets the team's number first (`give_numbers`), and the change is pushed
//! with it.
//!
//! Pushes take a session-level advisory lock around their transaction, so seqs are committed in
//! the order they are given out: a reader that saw seq N never later meets a seq below N.

use std::collections::BTreeMap;
use std::time::Duration;

use postgres::error::SqlState;
use postgres::{IsolationLevel, Transaction};
use serde_json::Value;

use super::TeamError;
use super::change::{Conflict, ConflictKind, OutboxEntry, RecordChange, RecordKey, RecordKind};
use super::merge::{ServerRecord, Writer, merge};
use super::rights::{refusal_of, without_refused};
use super::server::{Server, bad_data, table};
use crate::domain::Timestamp;
use crate::domain::team::TeamNumbers;

/// The advisory lock every push holds (any number: only Release Desk takes it).
pub(super) const PUSH_LOCK: i64 = 0x524C_444B_0015;

/// How often a push is tried when the server reports a serialization failure.
const PUSH_TRIES: u32 = 30;

/// The highest number of each kind a pushing file holds: a team number it is given is above.
pub type NumberFloors = BTreeMap<RecordKind, i64>;

/// What a push did.
#[derive(Clone, Debug, PartialEq)]
pub struct Pushed {
    /// The seq of the change (of the earlier push, when this one was a repeat).
    pub seq: i64,
    pub conflicts: Vec<Conflict>,
    /// The command was already on the server (a retried push): nothing was applied again.
    pub repeated: bool,
    /// The team's number each record the command made with a provisional one got.
    pub numbers: TeamNumbers,
}

fn retryable(err: &postgres::Error) -> bool {
    matches!(err.code(), Some(code) if *code == SqlState::T_R_SERIALIZATION_FAILURE || *code == SqlState::T_R_DEADLOCK_DETECTED)
}

impl Server {
    /// Pushes one local command: its changes merged field by field over what the server holds,
    /// appended as one change, in one SERIALIZABLE transaction (tried again on a serialization
    /// failure). A command already on the server (by `command_id`) is not applied again.
    pub fn push(
        &mut self,
        entry: &OutboxEntry,
        author: &str,
        client: uuid::Uuid,
    ) -> Result<Pushed, TeamError> {
        self.push_above(entry, author, client, &NumberFloors::new())
    }

    /// [`Server::push`], where a team number given to a record the command made is above
    /// `floors`: the highest number of each kind the pushing file holds (records it had before
    /// they were shared, such as notes written before the team shared notes).
    pub fn push_above(
        &mut self,
        entry: &OutboxEntry,
        author: &str,
        client: uuid::Uuid,
        floors: &NumberFloors,
    ) -> Result<Pushed, TeamError> {
        self.client.execute("SELECT pg_advisory_lock($1)", &[&PUSH_LOCK])?;
        let result = self.push_locked(entry, author, client, floors);
        if let Err(err) = self.client.execute("SELECT pg_advisory_unlock($1)", &[&PUSH_LOCK]) {
            // The lock goes with the connection anyway; the next push on it would wait for itself.
            log::warn!("could not release the team push lock: {err}");
        }
        result
    }

    fn push_locked(
        &mut self,
        entry: &OutboxEntry,
        author: &str,
        client: uuid::Uuid,
        floors: &NumberFloors,
    ) -> Result<Pushed, TeamError> {
        let numbers = self.give_numbers(entry, floors)?;
        let mut entry = if numbers.is_empty() {
            std::borrow::Cow::Borrowed(entry)
        } else {
            std::borrow::Cow::Owned(entry.renumbered(&numbers))
        };
        // The parts of the command the server's guard refused: taken out, each kept as a
        // conflict, and the rest pushed again.
        let mut refused = Vec::new();
        let mut tries = 0;
        loop {
            tries += 1;
            let mut tx =
                self.client.build_transaction().isolation_level(IsolationLevel::Serializable).start()?;
            // A change that cannot be read returns at once; the transaction rolls back as it drops.
            let outcome = match push_once(&mut tx, &entry, &refused, &numbers, author, client) {
                Ok(Ok(pushed)) => tx.commit().map(|()| pushed),
                Ok(Err(err)) => return Err(err),
                Err(err) => {
                    drop(tx);
                    Err(err)
                }
            };
            match outcome {
                Ok(pushed) => return Ok(pushed),
                Err(err) if retryable(&err) && tries < PUSH_TRIES => {
                    std::thread::sleep(Duration::from_millis(u64::from(tries) * 2));
                }
                Err(err) if retryable(&err) => return Err(TeamError::TooManyRetries(tries)),
                Err(err) => {
                    let Some(refusal) = refusal_of(&err) else { return Err(err.into()) };
                    let Some((rest, ours)) = without_refused(&entry, &refusal) else {
                        // The guard refused something the command does not hold: not ours to mend.
                        return Err(err.into());
                    };
                    let conflict = self.refused(&refusal, ours)?;
                    log::info!("the team server refused {} of a push: {}", refusal.record, refusal.right);
                    refused.push(conflict);
                    entry = std::borrow::Cow::Owned(rest);
                }
            }
        }
    }

    /// The team's numbers for the records `entry` makes with a provisional one: the next of each
    /// kind, in a transaction of its own (under the push lock, so no other push gives the same).
    /// A number given to a push that then fails is not given again. A command already pushed
    /// gets back the numbers it got then.
    fn give_numbers(&mut self, entry: &OutboxEntry, floors: &NumberFloors) -> Result<TeamNumbers, TeamError> {
        let wanted: Vec<RecordKey> = entry.provisional().collect();
        if wanted.is_empty() {
            return Ok(TeamNumbers::new());
        }
        let mut tx = self.client.transaction()?;
        if let Some(done) = earlier_push(&mut tx, entry.command_id)? {
            return done.map(|pushed| pushed.numbers);
        }
        let mut numbers = TeamNumbers::new();
        for key in wanted {
            let (table, _) = table(key.kind);
            let next: i64 = tx
                .query_one(
                    &format!(
                        "SELECT greatest(
                            coalesce((SELECT last FROM release_desk.numbers WHERE kind = $1), 0),
                            coalesce((SELECT max(id) FROM {table}), 0), $2) + 1"
                    ),
                    &[&key.kind.code(), &floors.get(&key.kind).copied().unwrap_or(0)],
                )?
                .get(0);
            tx.execute(
                "INSERT INTO release_desk.numbers (kind, last) VALUES ($1, $2)
                 ON CONFLICT (kind) DO UPDATE SET last = EXCLUDED.last",
                &[&key.kind.code(), &next],
            )?;
            numbers.insert(key, next);
        }
        tx.commit()?;
        Ok(numbers)
    }
}

/// One try of a push inside `tx`. The outer error is PostgreSQL's (retried when it is a
/// serialization failure); the inner one a change that cannot be read.
fn push_once(
    tx: &mut Transaction<'_>,
    entry: &OutboxEntry,
    refused: &[Conflict],
    numbers: &TeamNumbers,
    author: &str,
    client: uuid::Uuid,
) -> Result<Result<Pushed, TeamError>, postgres::Error> {
    if let Some(done) = earlier_push(tx, entry.command_id)? {
        return Ok(done);
    }
    let seq: i64 =
        tx.query_one("SELECT nextval(pg_get_serial_sequence('release_desk.changes', 'seq'))", &[])?.get(0);
    let mut records: BTreeMap<RecordKey, Option<ServerRecord>> = BTreeMap::new();
    let mut written: BTreeMap<RecordKey, Option<ServerRecord>> = BTreeMap::new();
    let mut applied = Vec::new();
    let mut conflicts = refused.to_vec();
    for change in &entry.changes {
        let key = change.record();
        if let std::collections::btree_map::Entry::Vacant(slot) = records.entry(key) {
            match read_record(tx, key)? {
                Ok(current) => slot.insert(current),
                Err(err) => return Ok(Err(err)),
            };
        }
        // A note on a release the server no longer holds does not land: it is kept as a
        // conflict, and the pull of the release's removal takes it out here too.
        match gone_link(tx, &mut records, change)? {
            Ok(None) => {}
            Ok(Some(ours)) => {
                conflicts.push(Conflict {
                    record: key,
                    kind: ConflictKind::Removed,
                    field: None,
                    ours,
                    theirs: Value::Null,
                    by: None,
                    by_at: None,
                });
                continue;
            }
            Err(err) => return Ok(Err(err)),
        }
        let current = records.get(&key).and_then(Option::as_ref);
        let base = entry.bases.get(&key).copied().unwrap_or(0);
        let merged = merge(current, change, base, client, seq);
        for mut conflict in merged.conflicts {
            // Who wrote the value that stands: the change that last wrote the field (or record).
            let writer = current
                .map(|r| conflict.field.as_ref().and_then(|f| r.writers.get(f)).map_or(r.seq, |w| w.seq));
            if let Some(writer) = writer {
                let row =
                    tx.query_opt("SELECT author, at FROM release_desk.changes WHERE seq = $1", &[&writer])?;
                if let Some(row) = row {
                    conflict.by = Some(row.get(0));
                    // To the millisecond, as the file keeps times.
                    let at: Timestamp = row.get(1);
                    conflict.by_at = Some(crate::store::from_millis(at.timestamp_millis()));
                }
            }
            conflicts.push(conflict);
        }
        applied.extend(merged.applied);
        if let Some(new) = merged.record {
            records.insert(key, new.clone());
            written.insert(key, new);
        }
    }
    // What names a record this change removes goes with it (a release's notes), so every file
    // and the server keep the same.
    let removed: Vec<RecordKey> = written.iter().filter(|(_, r)| r.is_none()).map(|(k, _)| *k).collect();
    for gone in removed {
        for linker in RecordKind::ALL {
            for (field, to) in linker.links() {
                if *to != gone.kind {
                    continue;
                }
                let (table, column) = table(linker);
                let sql =
                    format!("SELECT id FROM {table} WHERE ({column}->>'{field}')::bigint = $1 ORDER BY id");
                for row in tx.query(&sql, &[&gone.id])? {
                    let record = RecordKey { kind: linker, id: row.get(0) };
                    if !matches!(written.get(&record), Some(None)) {
                        written.insert(record, None);
                        applied.push(RecordChange::Remove { record });
                    }
                }
            }
        }
    }
    let (Ok(mutations), Ok(bases), Ok(conflicts_json), Ok(numbers_json)) = (
        serde_json::to_value(&applied),
        serde_json::to_value(&entry.bases),
        serde_json::to_value(&conflicts),
        serde_json::to_value(numbers),
    ) else {
        return Ok(Err(TeamError::BadData("a change that does not serialise".to_owned())));
    };
    let inserted = tx.execute(
        "INSERT INTO release_desk.changes
             (seq, command_id, author, client_id, mutations, bases, conflicts, numbers)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (command_id) DO NOTHING",
        &[&seq, &entry.command_id, &author, &client, &mutations, &bases, &conflicts_json, &numbers_json],
    )?;
    if inserted == 0 {
        // Pushed by another connection since the check above: read back what it did.
        return Ok(earlier_push(tx, entry.command_id)?
            .unwrap_or_else(|| Err(TeamError::Server("a push vanished".to_owned()))));
    }
    for (key, record) in written {
        write_record(tx, key, record.as_ref())?;
    }
    // A number the server has held is never given to another record, even once it is removed:
    // a member offline with edits to the old one would otherwise edit the new one.
    for change in &applied {
        if let RecordChange::Create { record, .. } = change {
            tx.execute(
                "INSERT INTO release_desk.numbers (kind, last) VALUES ($1, $2)
                 ON CONFLICT (kind) DO UPDATE SET last = greatest(release_desk.numbers.last, EXCLUDED.last)",
                &[&record.kind.code(), &record.id],
            )?;
        }
    }
    Ok(Ok(Pushed { seq, conflicts, repeated: false, numbers: numbers.clone() }))
}

/// The record's value when `change` writes a field that names a record the server does not hold
/// (a note's release, removed by a teammate); `None` when every record it names is there.
fn gone_link(
    tx: &mut Transaction<'_>,
    records: &mut BTreeMap<RecordKey, Option<ServerRecord>>,
    change: &RecordChange,
) -> Result<Result<Option<Value>, TeamError>, postgres::Error> {
    let data = match change {
        RecordChange::Create { data, .. } | RecordChange::Fields { fields: data, .. } => data,
        RecordChange::Remove { .. } => return Ok(Ok(None)),
    };
    for (field, kind) in change.record().kind.links() {
        let Some(id) = data.get(*field).and_then(Value::as_i64) else { continue };
        let linked = RecordKey { kind: *kind, id };
        if let std::collections::btree_map::Entry::Vacant(slot) = records.entry(linked) {
            match read_record(tx, linked)? {
                Ok(current) => slot.insert(current),
                Err(err) => return Ok(Err(err)),
            };
        }
        if records.get(&linked).is_some_and(Option::is_none) {
            return Ok(Ok(Some(Value::Object(data.clone()))));
        }
    }
    Ok(Ok(None))
}

/// What an earlier push of `command_id` did, if there was one.
fn earlier_push(
    tx: &mut Transaction<'_>,
    command_id: uuid::Uuid,
) -> Result<Option<Result<Pushed, TeamError>>, postgres::Error> {
    let row = tx.query_opt(
        "SELECT seq, conflicts, numbers FROM release_desk.changes WHERE command_id = $1",
        &[&command_id],
    )?;
    Ok(row.map(|row| {
        let (conflicts, numbers): (Value, Value) = (row.get(1), row.get(2));
        let conflicts = serde_json::from_value(conflicts).map_err(|e| bad_data(&e))?;
        let numbers = serde_json::from_value(numbers).map_err(|e| bad_data(&e))?;
        Ok(Pushed { seq: row.get(0), conflicts, repeated: true, numbers })
    }))
}

fn read_record(
    tx: &mut Transaction<'_>,
    key: RecordKey,
) -> Result<Result<Option<ServerRecord>, TeamError>, postgres::Error> {
    let (table, column) = table(key.kind);
    let row =
        tx.query_opt(&format!("SELECT {column}, seq, writers FROM {table} WHERE id = $1"), &[&key.id])?;
    let Some(row) = row else { return Ok(Ok(None)) };
    let (data, seq, writers): (Value, i64, Value) = (row.get(0), row.get(1), row.get(2));
    let Value::Object(data) = data else {
        return Ok(Err(TeamError::BadData(format!("{key} holds {data}"))));
    };
    let writers: BTreeMap<String, WriterJson> = match serde_json::from_value(writers) {
        Ok(w) => w,
        Err(err) => return Ok(Err(bad_data(&err))),
    };
    let writers = writers.into_iter().map(|(f, w)| (f, Writer { seq: w.seq, client: w.client })).collect();
    Ok(Ok(Some(ServerRecord { data, seq, writers })))
}

/// Who wrote a field, as `writers` keeps it.
#[derive(serde::Serialize, serde::Deserialize)]
struct WriterJson {
    seq: i64,
    client: uuid::Uuid,
}

fn write_record(
    tx: &mut Transaction<'_>,
    key: RecordKey,
    record: Option<&ServerRecord>,
) -> Result<(), postgres::Error> {
    let (table, column) = table(key.kind);
    match record {
        None => {
            tx.execute(&format!("DELETE FROM {table} WHERE id = $1"), &[&key.id])?;
        }
        Some(record) => {
            let writers: serde_json::Map<String, Value> = record
                .writers
                .iter()
                .map(|(f, w)| (f.clone(), serde_json::json!({ "seq": w.seq, "client": w.client })))
                .collect();
            let data = Value::Object(record.data.clone());
            tx.execute(
                &format!(
                    "INSERT INTO {table} (id, {column}, seq, writers) VALUES ($1, $2, $3, $4)
                     ON CONFLICT (id) DO UPDATE SET {column} = EXCLUDED.{column}, seq = EXCLUDED.seq,
                         writers = EXCLUDED.writers"
                ),
                &[&key.id, &data, &record.seq, &Value::Object(writers)],
            )?;
        }
    }
    Ok(())
}
