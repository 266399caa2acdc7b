//! Team sync, the store's half (issue 21): the only place that speaks SQL to PostgreSQL
//! ([`server`]), the wire form of a change ([`change`]), the field-level merge a push runs
//! ([`merge`]), and the team tables of the local file (`tables::team`), written in the same
//! IMMEDIATE transaction as the command or the pull they belong to.

pub mod change;
pub mod merge;
mod push;
mod rights;
mod schema;
pub mod server;
mod tls;
pub mod url;

use std::collections::BTreeMap;

use crate::domain::team::TeamNumbers;
use crate::domain::{Activity, Timestamp};
pub use crate::store::tables::team::{StoredConflict, TeamState};
use crate::store::{Mutation, Store, StoreError, tables};
use change::{Conflict, ConflictKind, OutboxEntry, RecordKey, RecordKind};
pub use push::NumberFloors;
pub use rights::TeamRight;
pub use schema::SERVER_SCHEMA_VERSION;

/// Why a team operation failed. The server's own words (PostgreSQL's message) are kept as detail.
#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    #[error("the team server at {url} could not be reached: {detail}")]
    Unreachable { url: String, detail: String },
    #[error("the team server refused the operation: {0}")]
    Server(String),
    #[error("the team server holds no Release Desk team (run `team init` first)")]
    NotInitialized,
    #[error("the team server's schema is version {found}; this build knows up to {supported}")]
    NewerSchema { found: i64, supported: i64 },
    #[error("the team server's schema is version {found}; run `team init` to upgrade it to {supported}")]
    OlderSchema { found: i64, supported: i64 },
    #[error("the team server sent a change this build cannot read: {0}")]
    BadData(String),
    #[error("the push did not get through after {0} tries (the server kept other pushes first)")]
    TooManyRetries(u32),
    #[error("'{0}' is not a PostgreSQL URL (postgresql://user@host:port/database)")]
    BadUrl(String),
    #[error("this file is not in a team (`team join --url URL` first)")]
    NoTeam,
    #[error("this file already belongs to the team at {0}")]
    AlreadyInTeam(String),
    #[error("this file holds releases, people, windows or freezes of its own; join a team with a new file")]
    JoinNeedsEmptyFile,
    #[error("the team server does not allow this for your role: {0}")]
    NotAllowed(String),
    #[error("the team server has no PostgreSQL role '{0}' (create it first, e.g. with createuser)")]
    NoSuchRole(String),
    #[error("the database name '{0}' is too long for the team's role names (at most 51 bytes)")]
    DatabaseNameTooLong(String),
    #[error("the keyring could not do it: {0}")]
    Keyring(String),
    #[error("the CA certificate {path} (sslrootcert) could not be read: {detail}")]
    BadRootCert { path: String, detail: String },
    #[error("{0}")]
    Store(#[from] StoreError),
}

impl From<postgres::Error> for TeamError {
    fn from(err: postgres::Error) -> Self {
        // The server's message ("permission denied for table ...") says the most; the client's
        // own text (a closed connection) is all there is otherwise.
        match err.as_db_error() {
            Some(db) if *db.code() == postgres::error::SqlState::INSUFFICIENT_PRIVILEGE => {
                Self::NotAllowed(db.message().to_owned())
            }
            Some(db) => Self::Server(db.message().to_owned()),
            None => Self::Server(err.to_string()),
        }
    }
}

/// The team rows a commit writes besides the command's own.
#[derive(Clone, Debug, PartialEq)]
pub enum TeamWrite {
    /// A local command's shared changes, for the outbox.
    Outbox(OutboxEntry),
    /// Server changes applied here: the last seq pulled, and the seq each record is now at.
    Pulled { last_seq: i64, record_seqs: Vec<(RecordKey, i64)> },
}

/// How many local rows the team has: what `team status` says without the server.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LocalCounts {
    pub pending: i64,
    pub conflicts_open: usize,
    pub conflicts_resolved: usize,
}

impl Store {
    /// Writes `mutations`, `activities` and the team's rows in one IMMEDIATE transaction.
    pub fn commit_with_team(
        &mut self,
        mutations: &[Mutation],
        activities: &[Activity],
        team: Option<&TeamWrite>,
    ) -> Result<(), StoreError> {
        self.commit_all(std::iter::once((mutations, activities)), team)
    }

    /// The team this file belongs to, if any.
    pub fn team_state(&self) -> Result<Option<TeamState>, StoreError> {
        tables::team::state(&self.conn)
    }

    /// The seq each shared record was last seen at.
    pub fn team_record_seqs(&self) -> Result<BTreeMap<RecordKey, i64>, StoreError> {
        Ok(tables::team::record_seqs(&self.conn)?.into_iter().collect())
    }

    /// Makes this file a member of a team (or changes how it reaches it).
    pub fn set_team_state(&mut self, state: &TeamState) -> Result<(), StoreError> {
        self.refuse_read_only()?;
        tables::team::set_state(&self.conn, state)
    }

    /// The outbox, oldest first.
    pub fn team_outbox(&self) -> Result<Vec<OutboxEntry>, StoreError> {
        tables::team::outbox(&self.conn)
    }

    /// Records of the file's own that the team has never seen (written before their kind was
    /// shared) become new, each under provisional number `to`, and `entry` (their creation) waits
    /// in the outbox, in one transaction.
    pub fn team_share_own(&mut self, moves: &TeamNumbers, entry: &OutboxEntry) -> Result<(), StoreError> {
        self.refuse_read_only()?;
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        for (&key, &to) in moves {
            tables::numbers::move_record(&tx, key, to)?;
            tables::numbers::lower(&tx, RecordKey { id: to, ..key })?;
        }
        tables::team::push_outbox(&tx, entry)?;
        tx.commit()?;
        Ok(())
    }

    /// The lowest provisional number each kind has given here (0: none yet).
    pub fn team_provisional_lows(&self) -> Result<BTreeMap<RecordKind, i64>, StoreError> {
        tables::numbers::lows(&self.conn)
    }

    /// A push landed: its outbox row goes, the records it made under provisional numbers take
    /// the team's (with every row that names them, and in the commands still in the outbox), and
    /// the conflicts it met are kept, in one transaction; the later commands' changes to a
    /// release whose number was taken go from the outbox.
    pub fn team_pushed(
        &mut self,
        command_id: uuid::Uuid,
        conflicts: &[Conflict],
        numbers: &TeamNumbers,
        at: Timestamp,
    ) -> Result<(), StoreError> {
        self.refuse_read_only()?;
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tables::team::remove_outbox(&tx, command_id)?;
        if !numbers.is_empty() {
            for (&key, &to) in numbers {
                tables::numbers::renumber(&tx, key, to)?;
            }
            let keys: Vec<RecordKey> = numbers.keys().copied().collect();
            for entry in tables::team::outbox_naming(&tx, &keys)? {
                let renumbered = entry.renumbered(numbers);
                if renumbered != entry {
                    tables::team::set_outbox_entry(&tx, &renumbered)?;
                }
            }
        }
        tables::team::add_conflicts(&tx, command_id, conflicts, at)?;
        // A release made here whose number a teammate's took: the later commands' changes to
        // it are in the conflict (its value is the release as it is here), not for the
        // teammate's release of that number.
        let taken: Vec<RecordKey> =
            conflicts.iter().filter(|c| c.kind == ConflictKind::IdTaken).map(|c| c.record).collect();
        if !taken.is_empty() {
            for entry in tables::team::outbox(&tx)? {
                if entry.changes.iter().any(|c| taken.contains(&c.record())) {
                    let rest: Vec<_> =
                        entry.changes.into_iter().filter(|c| !taken.contains(&c.record())).collect();
                    tables::team::set_outbox_changes(&tx, entry.command_id, &rest)?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Every conflict the file keeps, oldest first.
    pub fn team_conflicts(&self) -> Result<Vec<StoredConflict>, StoreError> {
        tables::team::conflicts(&self.conn)
    }

    /// Marks a conflict resolved; `false` if there is no open conflict `id`.
    pub fn resolve_team_conflict(&mut self, id: i64, at: Timestamp) -> Result<bool, StoreError> {
        self.refuse_read_only()?;
        tables::team::resolve_conflict(&self.conn, id, at)
    }

    /// Pending pushes and conflicts.
    pub fn team_counts(&self) -> Result<LocalCounts, StoreError> {
        let conflicts = tables::team::conflicts(&self.conn)?;
        let open = conflicts.iter().filter(|c| c.resolved_at.is_none()).count();
        Ok(LocalCounts {
            pending: tables::team::outbox_len(&self.conn)?,
            conflicts_open: open,
            conflicts_resolved: conflicts.len() - open,
        })
    }

    fn refuse_read_only(&self) -> Result<(), StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnlySession { path: self.path.clone() });
        }
        Ok(())
    }
}

/// Writes the team's rows of a commit inside its transaction.
pub(super) fn write(conn: &rusqlite::Connection, team: &TeamWrite) -> Result<(), StoreError> {
    match team {
        TeamWrite::Outbox(entry) => {
            for key in entry.provisional() {
                tables::numbers::lower(conn, key)?;
            }
            tables::team::push_outbox(conn, entry)
        }
        TeamWrite::Pulled { last_seq, record_seqs } => {
            tables::team::put_record_seqs(conn, record_seqs)?;
            tables::team::set_last_seq(conn, *last_seq)
        }
    }
}
