//! The in-memory model and the one path by which anything changes: [`Model::apply`].
//!
//! `apply` validates a [`Command`], turns it into store [`Mutation`]s plus activity rows, writes
//! them in one IMMEDIATE transaction, and only then updates memory. If validation or the write
//! fails, memory is exactly as it was and the error says why.
//!
//! This file holds the model and its read access. Applying, undo and redo are in `apply.rs`; each
//! command's plan is in `plan/` (one file per noun); `inverse.rs` keeps the inverse of every
//! mutation beside what it does to memory; `sample_import.rs` loads the sample data.
//!
//! [`Mutation`]: crate::store::Mutation

mod apply;
mod cab;
mod command;
mod error;
mod history;
mod inverse;
mod meeting;
mod monitoring;
mod plan;
mod regulator;
mod sample_import;
mod schedule;
pub mod session;
mod synthetic;
pub mod team;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

pub use apply::{Applied, PurgeBackup};
pub use cab::CabCommand;
pub use command::{
    ArchiveContents, BackoutCommand, BulkAction, Command, ImpactCommand, ImportCommand, LifecycleCommand,
    NewRelease, NewTimeEntry, PeopleCommand, ReadinessCommand, RegistryCommand, ReleaseCommand, ReleaseEdit,
    ReviewCommand, SampleCommand, SettingsCommand, TemplateCommand, WorkCommand,
};
pub use error::{CommandError, IDS_NAMED, ItemRefused, NamedThing, id_list};
pub use history::{History, HistoryEntry};
pub use meeting::MeetingCommand;
pub use monitoring::MonitoringCommand;
pub use regulator::RegulatorCommand;
pub use schedule::ScheduleCommand;
pub use synthetic::{SYNTHETIC_SEED, SyntheticReport, SyntheticSpec};

use crate::domain::readiness::RiskLevel;
use crate::domain::schedule::Schedule;
use crate::domain::{
    Activity, AffectedItem, AgentId, BackoutPlan, CabApproval, Cabs, Change, DeployGate, Directory,
    ExternalLinks, ImpactAnalysis, Monitoring, Note, NoteId, Readiness, Registry, Regulators, Release,
    ReleaseId, Review, SavedView, SavedViewId, Settings, StageEntry, Task, TaskId, Template, TimeEntry,
    TimeEntryId, Timestamp,
};
use crate::store::{Snapshot, Store, StoreError};
use apply::PreparedBackup;
use plan::parse_settings;

/// Where "now" comes from; tests use a fixed clock.
pub type Clock = Box<dyn Fn() -> Timestamp + Send>;

/// The current time, truncated to the millisecond the store keeps.
pub fn system_now() -> Timestamp {
    let now = chrono::Utc::now();
    crate::store::from_millis(now.timestamp_millis())
}

/// Everything the app knows, loaded from the file and kept equal to it.
pub struct Model {
    /// The verified backup a purge makes first, started ahead while its confirmation is open.
    /// Declared (so dropped) before `store`: its thread stops before the file is closed.
    prepared_backup: Option<PreparedBackup>,
    store: Store,
    releases: Vec<Release>,
    directory: Directory,
    raw_settings: BTreeMap<String, String>,
    settings: Settings,
    saved_views: Vec<SavedView>,
    release_high_water: i64,
    /// Notes, tasks and time entries of every release, each in id order.
    notes: Vec<Note>,
    tasks: Vec<Task>,
    time_entries: Vec<TimeEntry>,
    registry: Registry,
    readiness: BTreeMap<ReleaseId, Readiness>,
    /// Every release's stage history, in id order.
    stage_history: Vec<StageEntry>,
    backout: BTreeMap<ReleaseId, BackoutPlan>,
    impact: BTreeMap<ReleaseId, ImpactAnalysis>,
    reviews: BTreeMap<ReleaseId, Review>,
    /// The user's own release templates, by key.
    templates: BTreeMap<String, Template>,
    /// Imported people and work, by their ids in the system they came from.
    external_links: ExternalLinks,
    /// Deployment windows and change freezes.
    schedule: Schedule,
    /// The CABs and their votes.
    cabs: Cabs,
    /// The metric readings and thresholds of monitoring after deploy.
    monitoring: Monitoring,
    /// The regulator steps and their approvals.
    regulators: Regulators,
    /// The conflicts last found, with the revision and range they were found for.
    conflicts: schedule::ConflictCache,
    clock: Clock,
    revision: u64,
    /// Who acts, when not the stored current agent (the CLI's `--as`); for this session only.
    acting_agent: Option<AgentId>,
    history: History,
    /// The team the file belongs to (`None`: no team; nothing of team sync runs).
    team: Option<team::TeamLink>,
    /// Where the team server's password is kept between sessions (the OS keyring in the app).
    vault: std::sync::Arc<dyn team::PasswordVault>,
    /// The conflicts team sync met, with both values, oldest first (resolved ones too).
    team_conflicts: Vec<team::StoredConflict>,
}

impl Model {
    /// Opens the database at `path` and loads it.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        Self::from_store(Store::open(path)?)
    }

    /// Opens the database at `path` for reading only: every command is refused with a clear error.
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        Self::from_store(Store::open_read_only(path)?)
    }

    /// Whether this model refuses every command (its file is open read-only).
    pub fn is_read_only(&self) -> bool {
        self.store.is_read_only()
    }

    /// Makes a verified backup of the file in `backups/` beside it.
    pub fn backup_now(&self, reason: &str) -> Result<std::path::PathBuf, StoreError> {
        self.store.backup_now(reason)
    }

    /// Closes the file cleanly and hands back its writer's lock (to restore a backup). A backup
    /// still being prepared is stopped first, so no copy is reading the file once it is closed.
    pub fn close(mut self) -> Option<crate::store::lock::DbLock> {
        self.prepared_backup = None;
        self.store.close()
    }

    /// Loads the model from an open store.
    pub fn from_store(store: Store) -> Result<Self, StoreError> {
        let snapshot = store.load()?;
        let team = team::TeamLink::load(&store)?;
        let team_conflicts = store.team_conflicts()?;
        let mut model = Self {
            prepared_backup: None,
            store,
            releases: Vec::new(),
            directory: Directory::default(),
            raw_settings: BTreeMap::new(),
            settings: Settings::default(),
            saved_views: Vec::new(),
            release_high_water: 0,
            notes: Vec::new(),
            tasks: Vec::new(),
            time_entries: Vec::new(),
            registry: Registry::default(),
            readiness: BTreeMap::new(),
            stage_history: Vec::new(),
            backout: BTreeMap::new(),
            impact: BTreeMap::new(),
            reviews: BTreeMap::new(),
            templates: BTreeMap::new(),
            external_links: ExternalLinks::default(),
            schedule: Schedule::default(),
            cabs: Cabs::default(),
            monitoring: Monitoring::default(),
            regulators: Regulators::default(),
            conflicts: schedule::ConflictCache::default(),
            clock: Box::new(system_now),
            revision: 0,
            acting_agent: None,
            history: History::default(),
            team,
            vault: team::default_vault(),
            team_conflicts,
        };
        model.install(snapshot);
        Ok(model)
    }

    fn install(&mut self, snapshot: Snapshot) {
        let Snapshot {
            releases,
            directory,
            settings,
            saved_views,
            release_high_water,
            notes,
            tasks,
            time_entries,
            registry,
            readiness,
            stage_history,
            backout,
            impact,
            reviews,
            templates,
            external_links,
            schedule,
            cabs,
            monitoring,
            regulators,
        } = snapshot;
        self.cabs = cabs;
        self.monitoring = monitoring;
        self.regulators = regulators;
        self.templates = templates.into_iter().map(|t| (t.key.clone(), t)).collect();
        self.backout = backout;
        self.impact = impact;
        self.reviews = reviews;
        self.external_links = external_links;
        self.schedule = schedule;
        self.notes = notes;
        self.tasks = tasks;
        self.time_entries = time_entries;
        self.registry = registry;
        self.readiness = readiness;
        self.stage_history = stage_history;
        self.releases = releases;
        self.directory = directory;
        self.settings = parse_settings(&settings);
        self.raw_settings = settings;
        self.saved_views = saved_views;
        self.release_high_water = release_high_water;
        self.revision += 1;
    }

    /// Replaces where "now" comes from (tests).
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    pub fn now(&self) -> Timestamp {
        (self.clock)()
    }

    /// Every release, deleted ones included, in id order.
    pub fn releases(&self) -> &[Release] {
        &self.releases
    }

    pub fn release(&self, id: ReleaseId) -> Option<&Release> {
        self.index_of(id).map(|i| &self.releases[i])
    }

    fn index_of(&self, id: ReleaseId) -> Option<usize> {
        self.releases.binary_search_by_key(&id, |r| r.id).ok()
    }

    pub fn directory(&self) -> &Directory {
        &self.directory
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn saved_views(&self) -> &[SavedView] {
        &self.saved_views
    }

    pub fn saved_view(&self, id: SavedViewId) -> Option<&SavedView> {
        self.saved_views.iter().find(|v| v.id == id)
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Grows by one with every applied command; views cache their rows against it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The activity log of one release, newest first (read from the file).
    pub fn activities_for(&self, id: ReleaseId) -> Result<Vec<Activity>, StoreError> {
        self.store.activities_for(id)
    }

    /// Who moved each release now in Trash there, from the activity log's trash rows (read from
    /// the file; a release trashed with nobody signed in is left out).
    pub fn trashed_by(
        &self,
    ) -> Result<std::collections::HashMap<ReleaseId, crate::domain::AgentId>, StoreError> {
        self.store.trashed_by(self.releases().iter().filter(|r| r.is_deleted()).map(|r| r.id))
    }

    /// Reloads everything from the file (used by tests to compare memory with the file).
    pub fn reload_snapshot(&self) -> Result<Snapshot, StoreError> {
        self.store.load()
    }

    /// The model's state as a snapshot, for comparison with what the file holds.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            releases: self.releases.clone(),
            directory: self.directory.clone(),
            settings: self.raw_settings.clone(),
            saved_views: self.saved_views.clone(),
            release_high_water: self.release_high_water,
            notes: self.notes.clone(),
            tasks: self.tasks.clone(),
            time_entries: self.time_entries.clone(),
            registry: self.registry.clone(),
            readiness: self.readiness.clone(),
            stage_history: self.stage_history.clone(),
            backout: self.backout.clone(),
            impact: self.impact.clone(),
            reviews: self.reviews.clone(),
            templates: self.templates.values().cloned().collect(),
            external_links: self.external_links.clone(),
            schedule: self.schedule.clone(),
            cabs: self.cabs.clone(),
            monitoring: self.monitoring.clone(),
            regulators: self.regulators.clone(),
        }
    }

    /// Acts as `agent` for this session (the CLI's `--as`): pick-up assigns to them and the
    /// activity log names them. `None` goes back to the stored current agent.
    pub fn act_as(&mut self, agent: Option<AgentId>) {
        self.acting_agent = agent;
    }

    /// The agent who is "you": the one acted as, else the stored current agent.
    pub fn me(&self) -> Option<AgentId> {
        self.acting_agent.or(self.settings.current_agent)
    }

    pub fn note(&self, id: NoteId) -> Option<&Note> {
        self.notes.binary_search_by_key(&id, |n| n.id).ok().map(|i| &self.notes[i])
    }

    pub fn task(&self, id: TaskId) -> Option<&Task> {
        self.tasks.binary_search_by_key(&id, |t| t.id).ok().map(|i| &self.tasks[i])
    }

    pub fn time_entry(&self, id: TimeEntryId) -> Option<&TimeEntry> {
        self.time_entries.binary_search_by_key(&id, |e| e.id).ok().map(|i| &self.time_entries[i])
    }

    /// Every note, in id order.
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    /// Every task, in id order.
    pub fn tasks(&self) -> &[Task] {
        &self.tasks
    }

    /// Every time entry, in id order.
    pub fn time_entries(&self) -> &[TimeEntry] {
        &self.time_entries
    }

    /// The notes of a release, newest first.
    pub fn notes_for(&self, release: ReleaseId) -> Vec<&Note> {
        let mut notes: Vec<&Note> = self.notes.iter().filter(|n| n.release_id == release).collect();
        notes.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
        notes
    }

    /// The tasks of a release, in the order they were added.
    pub fn tasks_for(&self, release: ReleaseId) -> Vec<&Task> {
        self.tasks.iter().filter(|t| t.release_id == release).collect()
    }

    /// The time entries of a release, newest first.
    pub fn time_entries_for(&self, release: ReleaseId) -> Vec<&TimeEntry> {
        let mut entries: Vec<&TimeEntry> =
            self.time_entries.iter().filter(|e| e.release_id == release).collect();
        entries.sort_by(|a, b| b.executed_at.cmp(&a.executed_at).then(b.id.cmp(&a.id)));
        entries
    }

    /// Every running timer, in id order.
    pub fn running_timers(&self) -> impl Iterator<Item = &TimeEntry> {
        self.time_entries.iter().filter(|e| e.is_running())
    }

    /// Imported people and work, by their ids in the system they came from.
    pub fn external_links(&self) -> &ExternalLinks {
        &self.external_links
    }

    /// Every Change and configuration item.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// Every CAB and every vote.
    pub fn cabs(&self) -> &Cabs {
        &self.cabs
    }

    /// Every metric reading and threshold of monitoring after deploy.
    pub fn monitoring(&self) -> &Monitoring {
        &self.monitoring
    }

    /// Where a Change stands: derived from its CAB's votes, or as recorded by hand without a CAB.
    pub fn change_approval(&self, change: &Change) -> CabApproval {
        self.cabs.change_state(change).0
    }

    /// A release's readiness; the default (nothing ticked, the brief's four risks) if never edited.
    pub fn readiness(&self, id: ReleaseId) -> Cow<'_, Readiness> {
        match self.readiness.get(&id) {
            Some(r) => Cow::Borrowed(r),
            None => Cow::Owned(Readiness::default()),
        }
    }

    /// A release's stage history, oldest first.
    pub fn stage_history(&self, id: ReleaseId) -> Vec<&StageEntry> {
        self.stage_history.iter().filter(|e| e.release_id == id).collect()
    }

    /// Every stage entry of every release, in the order they were made (the KPIs read them).
    pub fn stage_entries(&self) -> &[StageEntry] {
        &self.stage_history
    }

    /// Every release's stage history, oldest first, grouped in one pass (exports of many releases).
    pub fn stage_histories(&self) -> HashMap<ReleaseId, Vec<&StageEntry>> {
        let mut by_release: HashMap<ReleaseId, Vec<&StageEntry>> = HashMap::new();
        for entry in &self.stage_history {
            by_release.entry(entry.release_id).or_default().push(entry);
        }
        by_release
    }

    /// What the Deploy gate of a release looks at: unapproved linked Changes, undone plan items,
    /// regulator steps without an approval, hard freezes that hold it from now to its planned end, and (as warnings that do not
    /// block) the back-out plan.
    pub fn deploy_gate(&self, release: &Release) -> DeployGate {
        let readiness = self.readiness(release.id);
        let (done, total) = readiness.plan_progress();
        DeployGate {
            unapproved_changes: self.cabs.unapproved(&self.registry, &release.associated_change_ids),
            readiness_missing: total - done,
            backout_warnings: self.backout_warnings(release),
            hard_freezes: self.hard_freezes_at_deploy(release),
            regulator_missing: self
                .regulators
                .missing(release)
                .into_iter()
                .map(|s| (s.id, s.name.clone()))
                .collect(),
        }
    }

    /// What the Deploy gate says about a release's back-out plan (see `domain::backout`).
    pub fn backout_warnings(&self, release: &Release) -> Vec<crate::domain::BackoutWarning> {
        crate::domain::backout::gate_warnings(release, self.backout(release.id))
    }

    /// A release's back-out plan, if it has one.
    pub fn backout(&self, id: ReleaseId) -> Option<&BackoutPlan> {
        self.backout.get(&id)
    }

    /// A release's impact analysis, if one was written.
    pub fn impact(&self, id: ReleaseId) -> Option<&ImpactAnalysis> {
        self.impact.get(&id)
    }

    /// A release's post-implementation review, if it has one.
    pub fn review(&self, id: ReleaseId) -> Option<&Review> {
        self.reviews.get(&id)
    }

    /// The CIs a release affects: its linked CIs and what depends on them.
    pub fn affected_items(&self, release: &Release) -> Vec<AffectedItem> {
        crate::domain::impact::affected_items(&self.registry, &release.assets)
    }

    /// A release's risk level (the rule is in `domain::impact`).
    pub fn risk_level(&self, release: &Release) -> RiskLevel {
        crate::domain::impact::risk_level(&self.readiness(release.id), &self.affected_items(release))
    }

    /// How many releases are closed (complete, not in Trash) without a review.
    pub fn closed_without_review(&self) -> usize {
        self.releases
            .iter()
            .filter(|r| crate::domain::review::missing_review(r, self.reviews.get(&r.id)))
            .count()
    }
}
