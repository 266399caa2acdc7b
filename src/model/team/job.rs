//! A sync in two halves, so the network never holds up the window: [`Model::team_sync_job`]
//! takes what a sync needs from the file (the outbox, the last seq seen, the records the file
//! has) into a [`SyncJob`], which runs on any thread ([`SyncJob::run`]: connect, push, pull, and
//! the whole value of any record a change names that the file lacks) and hands back what it got
//! ([`Fetched`]); [`Model::team_sync_finish`] then records the pushes and applies the pulled
//! changes through the model's one path. The CLI runs the two halves back to back.

use std::collections::BTreeSet;
use std::time::Duration;

use super::{PULL_BATCH, SyncReport, TeamError};
use crate::domain::team::TeamNumbers;
use crate::model::Model;
use crate::store::team::change::{Conflict, ConflictKind, OutboxEntry, RecordChange, RecordKey};
use crate::store::team::server::{PulledChange, Server};

/// How long a sync waits for the server to answer a connection (the window shows "syncing…").
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// Everything a sync needs from the file, taken on the model's thread.
#[derive(Clone, Debug)]
pub struct SyncJob {
    url: String,
    password: Option<String>,
    author: String,
    client: uuid::Uuid,
    outbox: Vec<OutboxEntry>,
    /// The seq of the last server change the file has.
    after: i64,
    /// The shared records the file has now.
    known: BTreeSet<RecordKey>,
    /// Records an earlier sync named that the file still lacks: their whole value is fetched.
    wanted: BTreeSet<RecordKey>,
    /// The highest number of each kind the file holds: a team number given to a record made
    /// here is above it, so it never meets one of the file's own.
    floors: crate::store::team::NumberFloors,
}

/// What a [`SyncJob`] got from the server, for [`Model::team_sync_finish`].
#[derive(Debug)]
pub struct Fetched {
    /// The pushes that landed, in outbox order.
    pushed: Vec<Landed>,
    /// The server's changes after the job's seq, in seq order, then whole records.
    pulled: Vec<PulledChange>,
    /// Whole records fetched because a change named them and the file lacks them.
    whole: Vec<PulledChange>,
    /// Why the sync stopped early (what got through before is still recorded).
    failure: Option<TeamError>,
    /// Whether the connection was encrypted (TLS); `None` when it was not made.
    encrypted: Option<bool>,
}

/// One push that landed.
#[derive(Debug)]
struct Landed {
    command_id: uuid::Uuid,
    conflicts: Vec<Conflict>,
    /// The server already had it (a push retried after it landed).
    repeated: bool,
    /// The team's numbers of the records it made under provisional ones.
    numbers: TeamNumbers,
}

impl SyncJob {
    /// The server this job syncs with (without a password).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Connects (waiting at most [`CONNECT_TIMEOUT`]), pushes and pulls. Runs on any thread.
    pub fn run(&self) -> Fetched {
        match Server::connect_within(&self.url, self.password.as_deref(), CONNECT_TIMEOUT) {
            Ok(mut server) => self.run_on(&mut server),
            Err(err) => Fetched::failed(err),
        }
    }

    /// Pushes the outbox in order, then pulls every change after the job's seq, on `server`.
    pub(super) fn run_on(&self, server: &mut Server) -> Fetched {
        let mut fetched = Fetched {
            pushed: Vec::new(),
            pulled: Vec::new(),
            whole: Vec::new(),
            failure: None,
            encrypted: None,
        };
        if let Err(err) = self.exchange(server, &mut fetched) {
            fetched.failure = Some(err);
        }
        fetched
    }

    fn exchange(&self, server: &mut Server, fetched: &mut Fetched) -> Result<(), TeamError> {
        server.check_schema()?;
        fetched.encrypted = Some(server.uses_tls()?);
        // Releases made here whose number a teammate's took: later commands' changes to them are
        // not for the teammate's release (the conflict keeps them), so they are not pushed.
        let mut taken = BTreeSet::new();
        // The team's numbers earlier pushes gave: a later command's changes to those records
        // go under them.
        let mut numbers = TeamNumbers::new();
        for entry in &self.outbox {
            let mut entry = std::borrow::Cow::Borrowed(entry);
            if !numbers.is_empty() {
                // The records it changes, and those its fields name (a note's release).
                entry = std::borrow::Cow::Owned(entry.renumbered(&numbers));
            }
            if entry.changes.iter().any(|c| taken.contains(&c.record())) {
                entry.to_mut().changes.retain(|c| !taken.contains(&c.record()));
            }
            let pushed = server.push_above(&entry, &self.author, self.client, &self.floors)?;
            taken.extend(
                pushed.conflicts.iter().filter(|c| c.kind == ConflictKind::IdTaken).map(|c| c.record),
            );
            numbers.extend(pushed.numbers.iter().map(|(&k, &v)| (k, v)));
            fetched.pushed.push(Landed {
                command_id: entry.command_id,
                conflicts: pushed.conflicts,
                repeated: pushed.repeated,
                numbers: pushed.numbers,
            });
        }
        // The records the file will have once the pulled changes are applied, and those a change
        // names that it will not have (as `Model::plan_pull` sees them).
        let mut have = self.known.clone();
        let mut missing = self.wanted.clone();
        let mut after = self.after;
        loop {
            let batch = server.pull(after, PULL_BATCH)?;
            let Some(last) = batch.last() else { break };
            after = last.seq;
            for change in batch.iter().flat_map(|p| &p.changes) {
                let key = change.record();
                match change {
                    RecordChange::Create { .. } => {
                        have.insert(key);
                    }
                    RecordChange::Fields { .. } if !have.contains(&key) => {
                        missing.insert(key);
                        continue;
                    }
                    RecordChange::Fields { .. } => {}
                    RecordChange::Remove { .. } => {
                        have.remove(&key);
                    }
                }
                missing.remove(&key);
            }
            fetched.pulled.extend(batch);
        }
        // A change to a record this file lacks (it removed it; the server kept it): the record's
        // whole server value comes in.
        for key in missing {
            if let Some((data, seq)) = server.record(key)? {
                fetched.whole.push(PulledChange {
                    seq: seq.min(after),
                    author: String::new(),
                    client: None,
                    at: crate::model::system_now(),
                    changes: vec![RecordChange::Create { record: key, data }],
                });
            }
        }
        Ok(())
    }
}

impl Fetched {
    fn failed(err: TeamError) -> Self {
        Self {
            pushed: Vec::new(),
            pulled: Vec::new(),
            whole: Vec::new(),
            failure: Some(err),
            encrypted: None,
        }
    }

    /// Whether the sync's connection was encrypted (TLS); `None` when none was made.
    pub fn encrypted(&self) -> Option<bool> {
        self.encrypted
    }

    /// Why the sync stopped early, if it did.
    pub fn failure(&self) -> Option<&TeamError> {
        self.failure.as_ref()
    }
}

impl Model {
    /// What a sync needs from the file, for [`SyncJob::run`] on another thread. Records of the
    /// file's own the team has never seen (notes from before notes were shared) are put in the
    /// outbox first (`share_own_records`). Without a `password`, the one given to `team_init`
    /// or `team_join` in this session is used.
    pub fn team_sync_job(&mut self, password: Option<&str>) -> Result<SyncJob, TeamError> {
        if self.team.is_none() {
            return Err(TeamError::NoTeam);
        }
        self.share_own_records(self.now())?;
        let team = self.team.as_ref().ok_or(TeamError::NoTeam)?;
        Ok(SyncJob {
            url: team.state.url.clone(),
            password: password.map(str::to_owned).or_else(|| self.team_password()),
            author: team.state.author.clone(),
            client: team.state.client_id,
            outbox: self.store.team_outbox()?,
            after: team.state.last_seq,
            known: self.shared_keys(),
            wanted: team.wanted.clone(),
            floors: self.number_floors(),
        })
    }

    /// Records what a [`SyncJob`] got: the pushes that landed leave the outbox (their conflicts
    /// kept), the pulled changes are applied in batches through the model's one path. Local
    /// commands made while the job ran stay in the outbox for the next sync. Returns the job's
    /// failure, if it had one, after recording what got through before it.
    pub fn team_sync_finish(&mut self, fetched: Fetched) -> Result<SyncReport, TeamError> {
        let Fetched { pushed, pulled, whole, failure, .. } = fetched;
        let mut report = SyncReport::default();
        let recorded = self.record_pushes(pushed, &mut report);
        // Memory follows the numbers the file took, even when recording a later push failed.
        self.adopt_team_numbers(&report.numbers)?;
        recorded?;
        if !report.conflicts.is_empty() {
            self.team_conflicts = self.store.team_conflicts()?;
            // What is drawn from the conflicts (the conflicts dialog) is kept per revision.
            self.revision += 1;
        }
        report.pulled = pulled.len();
        let pulled = self.without_echoes_of_pending(pulled)?;
        let mut missing = BTreeSet::new();
        // What the server refused is put back to the server's value here first; the pulled
        // changes, newer than the refusal, come after it.
        let corrections = self.refusal_corrections(&report.conflicts);
        if !corrections.is_empty() {
            missing.extend(self.apply_pulled(corrections)?);
        }
        let mut rest = pulled;
        while !rest.is_empty() {
            let tail = rest.split_off(rest.len().min(usize::try_from(PULL_BATCH).unwrap_or(usize::MAX)));
            missing.extend(self.apply_pulled(rest)?);
            rest = tail;
        }
        if !whole.is_empty() {
            missing.extend(self.apply_pulled(whole)?);
        }
        if let Some(team) = &mut self.team {
            // A record removed here while the job ran: fetched whole by the next sync.
            team.wanted = missing;
        }
        report.last_seq = self.team().map_or(0, |t| t.last_seq);
        match failure {
            Some(err) => Err(err),
            None => Ok(report),
        }
    }

    /// Records the pushes that landed, in order, each in one transaction of the file (its outbox
    /// row goes, its conflicts are kept, the records it made take their team numbers).
    fn record_pushes(&mut self, pushed: Vec<Landed>, report: &mut SyncReport) -> Result<(), TeamError> {
        for Landed { command_id, mut conflicts, repeated, numbers } in pushed {
            for conflict in conflicts.iter_mut().filter(|c| c.kind == ConflictKind::IdTaken) {
                // Mine is the record as it is here now, with the edits made after it was made.
                if let Some(mine) = self.shared_fields(conflict.record) {
                    conflict.ours = serde_json::Value::Object(mine);
                }
            }
            self.store.team_pushed(command_id, &conflicts, &numbers, self.now())?;
            report.pushed += 1;
            report.repeated += usize::from(repeated);
            report.conflicts.extend(conflicts);
            report.numbers.extend(numbers);
        }
        Ok(())
    }

    /// The local changes that put back what the server refused (its value of the field, the
    /// release this file removed, or none of a release made here), at the seq each record is at.
    fn refusal_corrections(&self, conflicts: &[Conflict]) -> Vec<PulledChange> {
        let seqs = self.team.as_ref().map(|t| &t.record_seqs);
        conflicts
            .iter()
            .filter(|c| c.kind == ConflictKind::Refused)
            .map(|c| {
                let record = c.record;
                let change = match (&c.field, &c.theirs) {
                    (Some(field), theirs) => {
                        let fields = std::iter::once((field.clone(), theirs.clone())).collect();
                        RecordChange::Fields { record, fields }
                    }
                    (None, serde_json::Value::Object(data)) => {
                        RecordChange::Create { record, data: data.clone() }
                    }
                    (None, _) => RecordChange::Remove { record },
                };
                PulledChange {
                    seq: seqs.and_then(|s| s.get(&record)).copied().unwrap_or(0),
                    author: String::new(),
                    client: None,
                    at: self.now(),
                    changes: vec![change],
                }
            })
            .collect()
    }

    /// `pulled` without this client's own changes to records that a command still in the outbox
    /// writes: a command made while the job ran (an edit typed during a sync) is newer than the
    /// echo of the push before it, so applying the echo would put the older value back on screen
    /// and mark the newer step as overtaken, refusing its undo. Its seq still counts as seen
    /// (`last_seq`); the record keeps its older base seq, which the server's merge does not hold
    /// against this client (its own writes are never a conflict), so the next push still lands.
    fn without_echoes_of_pending(
        &self,
        mut pulled: Vec<PulledChange>,
    ) -> Result<Vec<PulledChange>, TeamError> {
        let Some(own) = self.team.as_ref().map(|t| t.state.client_id) else { return Ok(pulled) };
        if !pulled.iter().any(|p| p.client == Some(own)) {
            return Ok(pulled);
        }
        let pending: BTreeSet<RecordKey> = self
            .store
            .team_outbox()?
            .iter()
            .flat_map(|e| e.changes.iter().map(RecordChange::record))
            .collect();
        if pending.is_empty() {
            return Ok(pulled);
        }
        for change in pulled.iter_mut().filter(|p| p.client == Some(own)) {
            change.changes.retain(|c| !pending.contains(&c.record()));
        }
        Ok(pulled)
    }
}
