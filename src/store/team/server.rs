//! The team's PostgreSQL server: its schema (created and migrated by `team init`, in a schema of
//! its own, `release_desk`), a push (one SERIALIZABLE transaction per local command, retried on
//! serialization failure, idempotent by `command_id`), a pull (changes after a seq, in order) and
//! reads of the shared records. The only code that speaks SQL to PostgreSQL.
//!
//! Pushes take a session-level advisory lock around their transaction, so seqs are committed in
//! the order they are given out: a reader that saw seq N never later meets a seq below N.

use std::collections::BTreeMap;
use std::str::FromStr as _;
use std::time::Duration;

use postgres::error::SqlState;
use postgres::{Client, IsolationLevel, NoTls, Transaction};
use serde_json::{Map, Value};

use super::TeamError;
use super::change::{Conflict, OutboxEntry, RecordChange, RecordKey, RecordKind};
use super::merge::{ServerRecord, Writer, merge};
use crate::domain::Timestamp;

/// The version of the server schema this build writes.
pub const SERVER_SCHEMA_VERSION: i64 = 1;

/// Each entry migrates the server schema from version `index` to `index + 1`.
const SERVER_MIGRATIONS: &[&str] = &[
    // 0 -> 1: the shared releases (each with the seq of the change that last wrote it and who
    // wrote each field) and the append-only log of changes.
    r"
    CREATE TABLE release_desk.releases (
        id      bigint PRIMARY KEY,
        release jsonb NOT NULL,
        seq     bigint NOT NULL,
        writers jsonb NOT NULL DEFAULT '{}'
    );
    CREATE TABLE release_desk.changes (
        seq        bigserial PRIMARY KEY,
        command_id uuid NOT NULL UNIQUE,
        author     text NOT NULL,
        client_id  uuid NOT NULL,
        at         timestamptz NOT NULL DEFAULT now(),
        mutations  jsonb NOT NULL,
        bases      jsonb NOT NULL,
        conflicts  jsonb NOT NULL DEFAULT '[]'
    );
    ",
];

/// The advisory lock every push holds (any number: only Release Desk takes it).
const PUSH_LOCK: i64 = 0x524C_444B_0015;

/// How often a push is tried when the server reports a serialization failure.
const PUSH_TRIES: u32 = 30;

/// One change as a pull reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct PulledChange {
    pub seq: i64,
    pub author: String,
    /// The client that pushed it (`None` for a record fetched whole, which no one change wrote).
    pub client: Option<uuid::Uuid>,
    pub at: Timestamp,
    pub changes: Vec<RecordChange>,
}

/// What a push did.
#[derive(Clone, Debug, PartialEq)]
pub struct Pushed {
    /// The seq of the change (of the earlier push, when this one was a repeat).
    pub seq: i64,
    pub conflicts: Vec<Conflict>,
    /// The command was already on the server (a retried push): nothing was applied again.
    pub repeated: bool,
}

/// A shared record's JSON object.
pub type RecordData = Map<String, Value>;

/// A connection to the team's server.
pub struct Server {
    client: Client,
}

/// The table and JSON column of a kind of shared record.
fn table(kind: RecordKind) -> (&'static str, &'static str) {
    match kind {
        RecordKind::Release => ("release_desk.releases", "release"),
    }
}

fn bad_data(err: &serde_json::Error) -> TeamError {
    TeamError::BadData(err.to_string())
}

fn retryable(err: &postgres::Error) -> bool {
    matches!(err.code(), Some(code) if *code == SqlState::T_R_SERIALIZATION_FAILURE || *code == SqlState::T_R_DEADLOCK_DETECTED)
}

impl Server {
    /// Connects to `url` (a `postgresql://` URL), with `password` if given, waiting up to 10 s
    /// unless the URL says otherwise.
    pub fn connect(url: &str, password: Option<&str>) -> Result<Self, TeamError> {
        Self::connect_within(url, password, Duration::from_secs(10))
    }

    /// [`Server::connect`], waiting up to `timeout` for the server (unless the URL says).
    pub fn connect_within(url: &str, password: Option<&str>, timeout: Duration) -> Result<Self, TeamError> {
        let (shown, in_url) = super::url::split_password(url)?;
        let mut config = postgres::Config::from_str(url).map_err(|_| TeamError::BadUrl(shown.clone()))?;
        if in_url.is_none()
            && let Some(password) = password
        {
            config.password(password);
        }
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(timeout);
        }
        // A network that goes away mid-sync (a laptop closed, a VPN dropped) ends the sync with
        // an error within about half a minute instead of leaving it waiting for good; a push
        // waiting on another's lock is not cut, since the server's side still answers.
        config.keepalives(true).keepalives_idle(Duration::from_secs(10));
        config.keepalives_interval(Duration::from_secs(5)).keepalives_retries(3);
        config.tcp_user_timeout(Duration::from_secs(30));
        config.application_name("release-desk");
        if config.get_options().is_none() {
            // A push that waits on a teammate's lock gives up after 30 s (the next sync tries
            // again) instead of hanging the sync; a client that stops mid-transaction (a frozen
            // or killed app) has its locks taken back by the server after a minute, so it
            // cannot block everyone else's pushes.
            config.options("-c lock_timeout=30s -c idle_in_transaction_session_timeout=60s");
        }
        let client = config
            .connect(NoTls)
            .map_err(|e| TeamError::Unreachable { url: shown, detail: connect_detail(&e) })?;
        Ok(Self { client })
    }

    /// A setting of this session on the server (`current_setting`), as the server words it.
    pub fn session_setting(&mut self, name: &str) -> Result<String, TeamError> {
        Ok(self.client.query_one("SELECT current_setting($1)", &[&name])?.get(0))
    }

    /// The version of the server schema (0: none yet).
    fn version(&mut self) -> Result<i64, TeamError> {
        let exists: bool =
            self.client.query_one("SELECT to_regclass('release_desk.team_meta') IS NOT NULL", &[])?.get(0);
        if !exists {
            return Ok(0);
        }
        let row = self
            .client
            .query_opt("SELECT value FROM release_desk.team_meta WHERE key = 'schema_version'", &[])?;
        let text: String = row.map_or_else(|| "0".to_owned(), |r| r.get(0));
        text.parse().map_err(|_| TeamError::BadData(format!("schema_version '{text}'")))
    }

    /// Creates or migrates the server schema (`team init`); safe to run again.
    pub fn init(&mut self) -> Result<(), TeamError> {
        let mut tx = self.client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&PUSH_LOCK])?;
        tx.batch_execute(
            "CREATE SCHEMA IF NOT EXISTS release_desk;
             CREATE TABLE IF NOT EXISTS release_desk.team_meta (key text PRIMARY KEY, value text NOT NULL);",
        )?;
        let row =
            tx.query_opt("SELECT value FROM release_desk.team_meta WHERE key = 'schema_version'", &[])?;
        let found: i64 = row.and_then(|r| r.get::<_, String>(0).parse().ok()).unwrap_or(0);
        if found > SERVER_SCHEMA_VERSION {
            return Err(TeamError::NewerSchema { found, supported: SERVER_SCHEMA_VERSION });
        }
        let from = usize::try_from(found).unwrap_or(0);
        for sql in SERVER_MIGRATIONS.iter().skip(from) {
            tx.batch_execute(sql)?;
        }
        tx.execute(
            "INSERT INTO release_desk.team_meta (key, value) VALUES ('schema_version', $1)
             ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            &[&SERVER_SCHEMA_VERSION.to_string()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Refuses a server without the schema, or with another version of it.
    pub fn check_schema(&mut self) -> Result<(), TeamError> {
        match self.version()? {
            0 => Err(TeamError::NotInitialized),
            v if v > SERVER_SCHEMA_VERSION => {
                Err(TeamError::NewerSchema { found: v, supported: SERVER_SCHEMA_VERSION })
            }
            v if v < SERVER_SCHEMA_VERSION => {
                Err(TeamError::OlderSchema { found: v, supported: SERVER_SCHEMA_VERSION })
            }
            _ => Ok(()),
        }
    }

    /// Pushes one local command: its changes merged field by field over what the server holds,
    /// appended as one change, in one SERIALIZABLE transaction (tried again on a serialization
    /// failure). A command already on the server (by `command_id`) is not applied again.
    pub fn push(
        &mut self,
        entry: &OutboxEntry,
        author: &str,
        client: uuid::Uuid,
    ) -> Result<Pushed, TeamError> {
        self.client.execute("SELECT pg_advisory_lock($1)", &[&PUSH_LOCK])?;
        let result = self.push_locked(entry, author, client);
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
    ) -> Result<Pushed, TeamError> {
        let mut tries = 0;
        loop {
            tries += 1;
            let mut tx =
                self.client.build_transaction().isolation_level(IsolationLevel::Serializable).start()?;
            // A change that cannot be read returns at once; the transaction rolls back as it drops.
            let outcome = match push_once(&mut tx, entry, author, client) {
                Ok(Ok(pushed)) => tx.commit().map(|()| pushed),
                Ok(Err(err)) => return Err(err),
                Err(err) => Err(err),
            };
            match outcome {
                Ok(pushed) => return Ok(pushed),
                Err(err) if retryable(&err) && tries < PUSH_TRIES => {
                    std::thread::sleep(Duration::from_millis(u64::from(tries) * 2));
                }
                Err(err) if retryable(&err) => return Err(TeamError::TooManyRetries(tries)),
                Err(err) => return Err(err.into()),
            }
        }
    }

    /// Up to `limit` changes after `after`, in seq order.
    pub fn pull(&mut self, after: i64, limit: i64) -> Result<Vec<PulledChange>, TeamError> {
        let rows = self.client.query(
            "SELECT seq, author, at, mutations, client_id FROM release_desk.changes WHERE seq > $1 ORDER BY seq LIMIT $2",
            &[&after, &limit],
        )?;
        rows.into_iter()
            .map(|row| {
                let mutations: Value = row.get(3);
                Ok(PulledChange {
                    seq: row.get(0),
                    author: row.get(1),
                    client: Some(row.get(4)),
                    at: row.get(2),
                    changes: serde_json::from_value(mutations).map_err(|e| bad_data(&e))?,
                })
            })
            .collect()
    }

    /// The seq of the newest change (0 when there is none).
    pub fn head(&mut self) -> Result<i64, TeamError> {
        Ok(self.client.query_one("SELECT coalesce(max(seq), 0) FROM release_desk.changes", &[])?.get(0))
    }

    /// A shared record as the server holds it now, with the seq that last wrote it.
    pub fn record(&mut self, key: RecordKey) -> Result<Option<(RecordData, i64)>, TeamError> {
        let (table, column) = table(key.kind);
        let row =
            self.client.query_opt(&format!("SELECT {column}, seq FROM {table} WHERE id = $1"), &[&key.id])?;
        row.map(|r| match r.get::<_, Value>(0) {
            Value::Object(map) => Ok((map, r.get(1))),
            other => Err(TeamError::BadData(format!("{key} holds {other}"))),
        })
        .transpose()
    }

    /// Every shared record of `kind`, in id order (what every client's file must equal).
    pub fn records(&mut self, kind: RecordKind) -> Result<Vec<(i64, RecordData)>, TeamError> {
        let (table, column) = table(kind);
        let rows = self.client.query(&format!("SELECT id, {column} FROM {table} ORDER BY id"), &[])?;
        rows.into_iter()
            .map(|r| match r.get::<_, Value>(1) {
                Value::Object(map) => Ok((r.get(0), map)),
                other => Err(TeamError::BadData(format!("record {} holds {other}", r.get::<_, i64>(0)))),
            })
            .collect()
    }
}

/// A connection failure in words: the server's message when it sent one (a wrong password).
fn connect_detail(err: &postgres::Error) -> String {
    match err.as_db_error() {
        Some(db) => db.message().to_owned(),
        None => {
            let mut text = err.to_string();
            let mut source = std::error::Error::source(err);
            while let Some(inner) = source {
                text = format!("{text}: {inner}");
                source = inner.source();
            }
            text
        }
    }
}

/// One try of a push inside `tx`. The outer error is PostgreSQL's (retried when it is a
/// serialization failure); the inner one a change that cannot be read.
fn push_once(
    tx: &mut Transaction<'_>,
    entry: &OutboxEntry,
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
    let mut conflicts = Vec::new();
    for change in &entry.changes {
        let key = change.record();
        if let std::collections::btree_map::Entry::Vacant(slot) = records.entry(key) {
            match read_record(tx, key)? {
                Ok(current) => slot.insert(current),
                Err(err) => return Ok(Err(err)),
            };
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
    let (Ok(mutations), Ok(bases), Ok(conflicts_json)) = (
        serde_json::to_value(&applied),
        serde_json::to_value(&entry.bases),
        serde_json::to_value(&conflicts),
    ) else {
        return Ok(Err(TeamError::BadData("a change that does not serialise".to_owned())));
    };
    let inserted = tx.execute(
        "INSERT INTO release_desk.changes (seq, command_id, author, client_id, mutations, bases, conflicts)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (command_id) DO NOTHING",
        &[&seq, &entry.command_id, &author, &client, &mutations, &bases, &conflicts_json],
    )?;
    if inserted == 0 {
        // Pushed by another connection since the check above: read back what it did.
        return Ok(earlier_push(tx, entry.command_id)?
            .unwrap_or_else(|| Err(TeamError::Server("a push vanished".to_owned()))));
    }
    for (key, record) in written {
        write_record(tx, key, record.as_ref())?;
    }
    Ok(Ok(Pushed { seq, conflicts, repeated: false }))
}

/// What an earlier push of `command_id` did, if there was one.
fn earlier_push(
    tx: &mut Transaction<'_>,
    command_id: uuid::Uuid,
) -> Result<Option<Result<Pushed, TeamError>>, postgres::Error> {
    let row = tx
        .query_opt("SELECT seq, conflicts FROM release_desk.changes WHERE command_id = $1", &[&command_id])?;
    Ok(row.map(|row| {
        let conflicts: Value = row.get(1);
        serde_json::from_value(conflicts)
            .map(|conflicts| Pushed { seq: row.get(0), conflicts, repeated: true })
            .map_err(|e| bad_data(&e))
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
