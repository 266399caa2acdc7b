//! Team sync, the model's half (issue 21): a file joins a team (`team init` makes the server's
//! schema first), every local command that changes a shared record leaves its changes in the
//! outbox in the same transaction, and a sync pushes the outbox in order, then pulls the
//! server's changes after the last one seen and applies them through the model's one path.
//! Without a team, nothing of this runs.

mod job;
mod join;
mod listen;
mod pull;
mod resolve;

pub use super::command::{Keep, TeamCommand};
pub use job::{CONNECT_TIMEOUT, Fetched, SyncJob};
pub use join::{JoinJob, Reached};
pub use listen::{ChangeListener, Heard};

use std::collections::{BTreeMap, BTreeSet};

pub use crate::store::team::change::{Conflict, ConflictKind, RecordKey, RecordKind};
pub use crate::store::team::{SERVER_SCHEMA_VERSION, TeamRight};
pub use crate::store::team::{StoredConflict, TeamError, TeamState};

use super::Model;
use super::apply::Write;
use super::plan::PullEffect;
use crate::domain::Timestamp;
use crate::store::Mutation;
use crate::store::team::TeamWrite;
use crate::store::team::change::{OutboxEntry, RecordChange, changes_of, release_fields};
use crate::store::team::server::{PulledChange, Server};

/// How many server changes one local transaction applies.
const PULL_BATCH: i64 = 2_000;

/// The team a model's file belongs to, as far as the model needs it between syncs.
pub(super) struct TeamLink {
    state: TeamState,
    /// The seq each shared record was last seen at: a command's base.
    record_seqs: BTreeMap<RecordKey, i64>,
    /// The password given this session (in the URL or beside it), kept in memory only.
    password: Option<String>,
    /// Records the last sync named that the file lacks: the next sync fetches them whole.
    wanted: BTreeSet<RecordKey>,
}

/// What a sync did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SyncReport {
    /// Local commands pushed (repeats included).
    pub pushed: usize,
    /// Of those, commands the server already had (a push retried after it landed).
    pub repeated: usize,
    /// Server changes pulled.
    pub pulled: usize,
    /// Conflicts the pushes met: both values are kept in the file.
    pub conflicts: Vec<Conflict>,
    /// The seq of the last server change this file has.
    pub last_seq: i64,
}

/// Where the file stands with its team, without asking the server.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamStatus {
    pub state: TeamState,
    /// Local commands not pushed yet.
    pub pending: i64,
    pub conflicts_open: usize,
    pub conflicts_resolved: usize,
}

impl TeamLink {
    pub(super) fn load(store: &crate::store::Store) -> Result<Option<Self>, crate::store::StoreError> {
        let Some(state) = store.team_state()? else { return Ok(None) };
        Ok(Some(Self {
            state,
            record_seqs: store.team_record_seqs()?,
            password: None,
            wanted: BTreeSet::new(),
        }))
    }
}

impl Model {
    /// The team this file belongs to, if any.
    pub fn team(&self) -> Option<&TeamState> {
        self.team.as_ref().map(|t| &t.state)
    }

    /// Pending pushes and conflicts (`None`: not in a team).
    pub fn team_status(&self) -> Result<Option<TeamStatus>, TeamError> {
        let Some(team) = &self.team else { return Ok(None) };
        let counts = self.store.team_counts()?;
        Ok(Some(TeamStatus {
            state: team.state.clone(),
            pending: counts.pending,
            conflicts_open: counts.conflicts_open,
            conflicts_resolved: counts.conflicts_resolved,
        }))
    }

    /// Every conflict the file keeps, oldest first.
    pub fn team_conflicts(&self) -> Result<Vec<StoredConflict>, TeamError> {
        Ok(self.team_conflicts.clone())
    }

    /// `team init`: makes (or upgrades) the server's schema, joins this file to it and shares the
    /// releases it holds, then syncs.
    pub fn team_init(
        &mut self,
        url: &str,
        password: Option<&str>,
        author: &str,
    ) -> Result<SyncReport, TeamError> {
        let mut server = Server::connect(url, password)?;
        server.init()?;
        self.join(&mut server, url, password, author, true)?;
        self.sync_with(&mut server)
    }

    /// `team join`: joins this file (with no releases of its own) to the team at `url`, then syncs.
    pub fn team_join(
        &mut self,
        url: &str,
        password: Option<&str>,
        author: &str,
    ) -> Result<SyncReport, TeamError> {
        let (stripped, _) = crate::store::team::url::split_password(url)?;
        let rejoin = self.team().is_some_and(|t| t.url == stripped);
        if !rejoin && !self.releases.is_empty() {
            return Err(TeamError::JoinNeedsEmptyFile);
        }
        let mut server = Server::connect(url, password)?;
        server.check_schema()?;
        self.join(&mut server, url, password, author, false)?;
        self.sync_with(&mut server)
    }

    /// `team sync`: pushes the outbox, then pulls. Without a `password`, the one given to
    /// `team_init` or `team_join` in this session is used.
    pub fn team_sync(&mut self, password: Option<&str>) -> Result<SyncReport, TeamError> {
        let fetched = self.team_sync_job(password)?.run();
        self.team_sync_finish(fetched)
    }

    /// `team grant`: gives the PostgreSQL role `user` a right on the team's server (or takes it
    /// back), connecting as this file does. Without a `password`, the session's is used.
    pub fn team_grant(
        &self,
        user: &str,
        right: TeamRight,
        revoke: bool,
        password: Option<&str>,
    ) -> Result<(), TeamError> {
        let team = self.team.as_ref().ok_or(TeamError::NoTeam)?;
        let password = password.or(team.password.as_deref());
        Server::connect(&team.state.url, password)?.grant(user, right, revoke)
    }

    /// The rights this file's PostgreSQL role has on the team's server.
    pub fn team_rights(&self, password: Option<&str>) -> Result<Vec<TeamRight>, TeamError> {
        let team = self.team.as_ref().ok_or(TeamError::NoTeam)?;
        let password = password.or(team.password.as_deref());
        Server::connect(&team.state.url, password)?.rights()
    }

    /// Records the team in the file (the URL without its password); with `share`, the releases
    /// the file holds go to the outbox as one change.
    fn join(
        &mut self,
        server: &mut Server,
        url: &str,
        password: Option<&str>,
        author: &str,
        share: bool,
    ) -> Result<(), TeamError> {
        let (url, in_url) = crate::store::team::url::split_password(url)?;
        let password = in_url.or_else(|| password.map(str::to_owned));
        if let Some(team) = &mut self.team {
            if team.state.url == url {
                team.password = password;
                return Ok(());
            }
            return Err(TeamError::AlreadyInTeam(team.state.url.clone()));
        }
        server.check_schema()?;
        let state =
            TeamState { url, author: author.to_owned(), client_id: uuid::Uuid::new_v4(), last_seq: 0 };
        self.store.set_team_state(&state)?;
        self.team = Some(TeamLink { state, record_seqs: BTreeMap::new(), password, wanted: BTreeSet::new() });
        if share && !self.releases.is_empty() {
            let changes: Vec<RecordChange> = self
                .releases
                .iter()
                .map(|r| RecordChange::Create { record: RecordKey::release(r.id), data: release_fields(r) })
                .collect();
            let entry = OutboxEntry {
                command_id: uuid::Uuid::new_v4(),
                bases: changes.iter().map(|c| (c.record(), 0)).collect(),
                changes,
                created_at: self.now(),
            };
            self.store.commit_with_team(&[], &[], Some(&TeamWrite::Outbox(entry)))?;
        }
        Ok(())
    }

    /// A sync over a connection the caller keeps open (a client that syncs often saves the
    /// connection and its authentication each time).
    pub fn team_sync_over(&mut self, server: &mut Server) -> Result<SyncReport, TeamError> {
        self.sync_with(server)
    }

    fn sync_with(&mut self, server: &mut Server) -> Result<SyncReport, TeamError> {
        let fetched = self.team_sync_job(None)?.run_on(server);
        self.team_sync_finish(fetched)
    }

    /// Applies pulled changes through the model's one path; returns the records they named that
    /// this file does not have.
    fn apply_pulled(&mut self, changes: Vec<PulledChange>) -> Result<Vec<RecordKey>, TeamError> {
        self.apply_unrecorded(Write::Pull(changes)).map(|w| w.missing).map_err(|e| match e {
            super::CommandError::Store(err) => TeamError::Store(err),
            other => TeamError::BadData(other.to_string()),
        })
    }

    /// The outbox entry of a command about to be written (`None`: no team, or nothing shared).
    pub(super) fn outbox_entry(&self, mutations: &[Mutation], now: Timestamp) -> Option<OutboxEntry> {
        let team = self.team.as_ref()?;
        let changes = changes_of(mutations, |id| self.release(id));
        if changes.is_empty() {
            return None;
        }
        let bases = changes
            .iter()
            .map(|c| (c.record(), team.record_seqs.get(&c.record()).copied().unwrap_or(0)))
            .collect();
        Some(OutboxEntry { command_id: uuid::Uuid::new_v4(), changes, bases, created_at: now })
    }

    /// What a pull moved on, in memory: the seqs, and the undo steps it overtook.
    pub(super) fn absorb_pull(&mut self, pull: &PullEffect) {
        if let (Some(team), TeamWrite::Pulled { last_seq, record_seqs }) = (&mut self.team, &pull.write) {
            team.state.last_seq = team.state.last_seq.max(*last_seq);
            for (key, seq) in record_seqs {
                let entry = team.record_seqs.entry(*key).or_insert(0);
                *entry = (*entry).max(*seq);
            }
        }
        if !pull.overtaken.is_empty() {
            self.history.mark_overtaken(&pull.overtaken);
        }
    }
}
