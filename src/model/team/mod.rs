//! Team sync, the model's half (issue 21): a file joins a team (`team init` makes the server's
//! schema first), every local command that changes a shared record leaves its changes in the
//! outbox in the same transaction, and a sync pushes the outbox in order, then pulls the
//! server's changes after the last one seen and applies them through the model's one path.
//! Without a team, nothing of this runs.

mod job;
mod join;
mod listen;
mod numbers;
mod people;
mod pull;
mod resolve;
mod vault;

pub use super::command::{Keep, TeamCommand};
pub use job::{CONNECT_TIMEOUT, Fetched, SyncJob};
pub use join::{JoinJob, Reached};
pub use listen::{ChangeListener, Heard};
pub(super) use vault::default_vault;
pub use vault::{MemoryVault, OsKeyring, PasswordVault, use_os_keyring};

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
use crate::store::team::change::{OutboxEntry, RecordChange, changes_of, record_fields, release_fields};
use crate::store::team::server::{PulledChange, Server};

/// How many server changes one local transaction applies.
const PULL_BATCH: i64 = 2_000;

/// The team a model's file belongs to, as far as the model needs it between syncs.
pub(super) struct TeamLink {
    state: TeamState,
    /// The seq each shared record was last seen at: a command's base.
    record_seqs: BTreeMap<RecordKey, i64>,
    /// The password given this session (in the URL or beside it), or read from the vault.
    password: Option<String>,
    /// The vault was asked for the password (once a session).
    asked_vault: std::sync::OnceLock<Option<String>>,
    /// Records the last sync named that the file lacks: the next sync fetches them whole.
    wanted: BTreeSet<RecordKey>,
    /// The lowest provisional number each kind has given (the next new one is below it).
    lows: BTreeMap<RecordKind, i64>,
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
    /// The team's numbers the pushes gave to records made here under provisional ones (the
    /// window follows a selected release to its new number).
    pub numbers: crate::domain::team::TeamNumbers,
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
            asked_vault: std::sync::OnceLock::new(),
            wanted: BTreeSet::new(),
            lows: store.team_provisional_lows()?,
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

    /// `team join`: joins this file (with no releases, windows or freezes of its own) to the team at `url`, then syncs.
    pub fn team_join(
        &mut self,
        url: &str,
        password: Option<&str>,
        author: &str,
    ) -> Result<SyncReport, TeamError> {
        self.may_join(url, false)?;
        let mut server = Server::connect(url, password)?;
        server.check_schema()?;
        self.join(&mut server, url, password, author, false)?;
        self.sync_with(&mut server)
    }

    /// Refuses to join (`make`: to make a team) at `url` when the file holds shared records of
    /// its own (releases, windows, freezes) and is not in that team already: they would mix with
    /// the team's.
    fn may_join(&self, url: &str, make: bool) -> Result<(), TeamError> {
        let (stripped, _) = crate::store::team::url::split_password(url)?;
        let rejoin = self.team().is_some_and(|t| t.url == stripped);
        if !make && !rejoin && !self.shared_keys().is_empty() {
            return Err(TeamError::JoinNeedsEmptyFile);
        }
        Ok(())
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
        let password = password.map(str::to_owned).or_else(|| self.team_password());
        Server::connect(&team.state.url, password.as_deref())?.grant(user, right, revoke)
    }

    /// The rights this file's PostgreSQL role has on the team's server.
    pub fn team_rights(&self, password: Option<&str>) -> Result<Vec<TeamRight>, TeamError> {
        let team = self.team.as_ref().ok_or(TeamError::NoTeam)?;
        let password = password.map(str::to_owned).or_else(|| self.team_password());
        Server::connect(&team.state.url, password.as_deref())?.rights()
    }

    /// Keeps `password` for `url` in the vault (a failure is logged: it is asked for again).
    fn keep_password(&self, url: &str, password: Option<&str>) {
        if let Some(password) = password
            && let Err(err) = self.vault.set(url, password)
        {
            log::warn!("the password of {url} could not be kept in the keyring: {err}");
        }
    }

    /// Uses `vault` for the team server's password from now on (tests give one of their own).
    pub fn set_password_vault(&mut self, vault: std::sync::Arc<dyn PasswordVault>) {
        self.vault = vault;
        if let Some(team) = &mut self.team {
            team.asked_vault = std::sync::OnceLock::new();
        }
    }

    /// `team forget-password`: the vault forgets this team's password, and so does this session.
    pub fn team_forget_password(&mut self) -> Result<(), TeamError> {
        let team = self.team.as_mut().ok_or(TeamError::NoTeam)?;
        team.password = None;
        team.asked_vault = std::sync::OnceLock::new();
        let url = team.state.url.clone();
        self.vault.forget(&url).map_err(TeamError::Keyring)
    }

    /// The password of the team's server: given this session, else the vault's (asked once).
    pub(super) fn team_password(&self) -> Option<String> {
        let team = self.team.as_ref()?;
        if let Some(password) = &team.password {
            return Some(password.clone());
        }
        team.asked_vault
            .get_or_init(|| match self.vault.get(&team.state.url) {
                Ok(password) => password,
                Err(err) => {
                    log::info!("no password from the keyring for {}: {err}", team.state.url);
                    None
                }
            })
            .clone()
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
        if let Some(team) = &self.team {
            if team.state.url == url {
                self.keep_password(&url, password.as_deref());
                if let Some(team) = &mut self.team {
                    team.password = password;
                }
                return Ok(());
            }
            return Err(TeamError::AlreadyInTeam(team.state.url.clone()));
        }
        server.check_schema()?;
        let state =
            TeamState { url, author: author.to_owned(), client_id: uuid::Uuid::new_v4(), last_seq: 0 };
        self.store.set_team_state(&state)?;
        self.keep_password(&state.url, password.as_deref());
        self.team = Some(TeamLink {
            state,
            record_seqs: BTreeMap::new(),
            password,
            asked_vault: std::sync::OnceLock::new(),
            wanted: BTreeSet::new(),
            lows: self.store.team_provisional_lows()?,
        });
        let keys = self.shared_keys();
        if share && !keys.is_empty() {
            let changes: Vec<RecordChange> = keys
                .into_iter()
                .filter_map(|record| Some(RecordChange::Create { record, data: self.shared_fields(record)? }))
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
        let changes = changes_of(mutations, |id| self.release(id), |key| self.shared_fields(key));
        if changes.is_empty() {
            return None;
        }
        let bases = changes
            .iter()
            .map(|c| (c.record(), team.record_seqs.get(&c.record()).copied().unwrap_or(0)))
            .collect();
        Some(OutboxEntry { command_id: uuid::Uuid::new_v4(), changes, bases, created_at: now })
    }

    /// Every shared record this file holds, in key order.
    pub(super) fn shared_keys(&self) -> BTreeSet<RecordKey> {
        let agents = self.directory.agents.iter().map(|a| RecordKey::agent(a.id));
        let groups = self.directory.groups.iter().map(|g| RecordKey::group(g.id));
        let departments = self.directory.departments.iter().map(|d| RecordKey::department(d.id));
        let people = agents.chain(groups).chain(departments);
        let releases = self.releases.iter().map(|r| RecordKey::release(r.id));
        let windows = self.schedule.windows.iter().map(|w| RecordKey::window(w.id));
        let freezes = self.schedule.freezes.iter().map(|f| RecordKey::freeze(f.id));
        let notes = self.notes.iter().map(|n| RecordKey::note(n.id));
        let tasks = self.tasks.iter().map(|t| RecordKey::task(t.id));
        people.chain(releases).chain(windows).chain(freezes).chain(notes).chain(tasks).collect()
    }

    /// A shared record as this file holds it, as the JSON object the team shares.
    pub(super) fn shared_fields(&self, key: RecordKey) -> Option<serde_json::Map<String, serde_json::Value>> {
        use crate::domain::{AgentId, DepartmentId, GroupId};
        match key.kind {
            RecordKind::Agent => self.directory.agent(AgentId(key.id)).map(record_fields),
            RecordKind::Group => self.directory.group(GroupId(key.id)).map(record_fields),
            RecordKind::Department => self.directory.department(DepartmentId(key.id)).map(record_fields),
            RecordKind::Release => self.release(crate::domain::ReleaseId(key.id)).map(release_fields),
            RecordKind::Window => self.schedule.window(crate::domain::WindowId(key.id)).map(record_fields),
            RecordKind::Freeze => self.schedule.freeze(crate::domain::FreezeId(key.id)).map(record_fields),
            RecordKind::Note => self.note(crate::domain::NoteId(key.id)).map(record_fields),
            RecordKind::Task => {
                self.task(crate::domain::TaskId(key.id)).map(crate::store::team::change::task_fields)
            }
        }
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
