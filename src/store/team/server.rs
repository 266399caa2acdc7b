//! A connection to the team's PostgreSQL server: a pull (changes after a seq, in order), reads of
//! the shared records, and listening for changes as they are written. With its siblings
//! (`schema.rs`, `push.rs`, `rights.rs`), the only code that speaks SQL to PostgreSQL.

use std::str::FromStr as _;
use std::time::Duration;

use postgres::Client;
use serde_json::{Map, Value};

use super::TeamError;
use super::change::{RecordChange, RecordKey, RecordKind};
use crate::domain::Timestamp;

/// The channel a written change is announced on (its payload: the client that pushed it); the
/// schema's trigger names it too.
pub(super) const CHANGES_CHANNEL: &str = "release_desk_changes";

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

/// A shared record's JSON object.
pub type RecordData = Map<String, Value>;

/// A connection to the team's server.
pub struct Server {
    pub(super) client: Client,
}

/// The table and JSON column of a kind of shared record.
pub(super) fn table(kind: RecordKind) -> (&'static str, &'static str) {
    match kind {
        RecordKind::Agent => ("release_desk.agents", "record"),
        RecordKind::Group => ("release_desk.agent_groups", "record"),
        RecordKind::Department => ("release_desk.departments", "record"),
        RecordKind::Release => ("release_desk.releases", "release"),
        RecordKind::Window => ("release_desk.windows", "record"),
        RecordKind::Freeze => ("release_desk.freezes", "record"),
        RecordKind::Note => ("release_desk.notes", "record"),
        RecordKind::Task => ("release_desk.tasks", "record"),
    }
}

pub(super) fn bad_data(err: &serde_json::Error) -> TeamError {
    TeamError::BadData(err.to_string())
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
        let (url, root_cert) = super::tls::split_root_cert(url);
        let mut config = postgres::Config::from_str(&url).map_err(|_| TeamError::BadUrl(shown.clone()))?;
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
        let tls = super::tls::connector(root_cert.as_deref())?;
        let client = config
            .connect(tls)
            .map_err(|e| TeamError::Unreachable { url: shown, detail: connect_detail(&e) })?;
        Ok(Self { client })
    }

    /// Whether this connection is encrypted (TLS).
    pub fn uses_tls(&mut self) -> Result<bool, TeamError> {
        let row = self.client.query_opt("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", &[])?;
        Ok(row.is_some_and(|r| r.get(0)))
    }

    /// A setting of this session on the server (`current_setting`), as the server words it.
    pub fn session_setting(&mut self, name: &str) -> Result<String, TeamError> {
        Ok(self.client.query_one("SELECT current_setting($1)", &[&name])?.get(0))
    }

    /// Listens for changes written to the team's log (see [`Server::wait_for_changes`]).
    pub fn listen(&mut self) -> Result<(), TeamError> {
        self.client.batch_execute(&format!("LISTEN {CHANGES_CHANNEL}"))?;
        Ok(())
    }

    /// Waits up to `timeout` for changes written since the last call, after [`Server::listen`]:
    /// the client each came from (none when the wait ran out). An error: the connection is lost.
    pub fn wait_for_changes(&mut self, timeout: Duration) -> Result<Vec<Option<uuid::Uuid>>, TeamError> {
        use postgres::fallible_iterator::FallibleIterator as _;
        let mut heard = Vec::new();
        let first = self.client.notifications().timeout_iter(timeout).next()?;
        if let Some(first) = first {
            heard.push(first);
            // What else arrived with it, without waiting again.
            let mut notifications = self.client.notifications();
            let mut more = notifications.iter();
            while let Some(next) = more.next()? {
                heard.push(next);
            }
        }
        if heard.is_empty() && self.client.is_closed() {
            return Err(TeamError::Server("the connection to the team server closed".to_owned()));
        }
        Ok(heard.iter().map(|n| n.payload().parse().ok()).collect())
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
