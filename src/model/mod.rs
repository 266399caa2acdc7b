//! The in-memory model and the one path by which anything changes: [`Model::apply`].
//!
//! `apply` validates a [`Command`], turns it into store [`Mutation`]s plus activity rows, writes
//! them in one IMMEDIATE transaction, and only then updates memory. If validation or the write
//! fails, memory is exactly as it was and the error says why.

mod command;
mod history;
mod release_items;
mod rollout;

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

pub use command::{BulkAction, Command, NewRelease, NewTimeEntry, ReleaseEdit, edit_field};
pub use history::{History, HistoryEntry};
pub use release_items::ItemRefused;

use crate::domain::changes::release_changes;
use crate::domain::release::{validate_release, validate_subject};
use crate::domain::{
    Activity, Agent, AgentId, Department, DepartmentId, Directory, Group, GroupId, Note, Readiness, Registry,
    Release, ReleaseId, ReleaseInvalid, ReleasePatch, SavedView, Settings, Stage, StageEntry, Task,
    TimeEntry, Timestamp,
};
use crate::domain::{Change, ConfigItem};
use crate::store::backup::BackupJob;
use crate::store::{Mutation, Snapshot, Store, StoreError};

/// Why a command was not applied. Memory and file are unchanged in every case.
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error("{0}")]
    Invalid(#[from] ReleaseInvalid),
    #[error("release #{0} does not exist")]
    NoSuchRelease(ReleaseId),
    #[error("{} not exist; nothing was changed", id_list_verb(.0, "does", "do"))]
    NoSuchReleases(Vec<ReleaseId>),
    #[error("{} in Trash (restore first); nothing was changed", id_list_verb(.0, "is", "are"))]
    InTrash(Vec<ReleaseId>),
    #[error("{} not in Trash; nothing was changed", id_list_verb(.0, "is", "are"))]
    NotInTrash(Vec<ReleaseId>),
    #[error("no releases are selected")]
    NothingSelected,
    #[error("nobody is signed in: choose the current agent first")]
    NoCurrentAgent,
    #[error("agent {0} does not exist")]
    NoSuchAgent(AgentId),
    #[error("group {0} does not exist")]
    NoSuchGroup(GroupId),
    #[error("department {0} does not exist")]
    NoSuchDepartment(DepartmentId),
    #[error("saved view {0} does not exist")]
    NoSuchView(i64),
    #[error("a view named \"{0}\" already exists")]
    DuplicateViewName(String),
    #[error("the {0} needs a name")]
    NameRequired(NamedThing),
    #[error(
        "the database already holds releases; sample data loads only into an empty one (use --force to add it anyway)"
    )]
    SampleNeedsEmptyDatabase,
    #[error("{0}")]
    Item(#[from] ItemRefused),
    #[error("{0}")]
    KpiTarget(#[from] crate::domain::kpi::TargetInvalid),
    #[error("{0}")]
    Refused(String),
    #[error("{0}")]
    Move(#[from] crate::domain::MoveRefused),
    #[error("{0}")]
    Readiness(#[from] crate::domain::ReadinessInvalid),
    #[error("{0}")]
    Registry(#[from] crate::domain::RegistryInvalid),
    #[error("Change CHG-{0} does not exist")]
    NoSuchChange(i64),
    #[error("configuration item {0} does not exist")]
    NoSuchConfigItem(i64),
    #[error("could not save: {0}")]
    Store(#[from] StoreError),
}

/// How many ids an error message names before it says "and N more".
pub const IDS_NAMED: usize = 5;

/// `#1, #2 and 3 more` — the first few ids of a list, for messages.
pub fn id_list(ids: &[ReleaseId]) -> String {
    let named: Vec<String> = ids.iter().take(IDS_NAMED).map(|id| format!("#{id}")).collect();
    let mut text = named.join(", ");
    if ids.len() > IDS_NAMED {
        text.push_str(&format!(" and {} more", ids.len() - IDS_NAMED));
    }
    text
}

/// "release #1 is" / "releases #1, #2 are".
fn id_list_verb(ids: &[ReleaseId], one: &str, many: &str) -> String {
    if ids.len() == 1 {
        format!("release {} {one}", id_list(ids))
    } else {
        format!("releases {} {many}", id_list(ids))
    }
}

/// What a successful command did.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    /// What was done, for the undo menu ("create release …").
    pub label: String,
    /// The mutations that put stored state back as it was before the command.
    pub inverse: Vec<Mutation>,
    /// The release the command created, if any.
    pub created: Option<ReleaseId>,
}

/// Where "now" comes from; tests use a fixed clock.
pub type Clock = Box<dyn Fn() -> Timestamp + Send>;

/// The current time, truncated to the millisecond the store keeps.
pub fn system_now() -> Timestamp {
    let now = chrono::Utc::now();
    crate::store::from_millis(now.timestamp_millis())
}

/// Settings keys in the `settings` table.
const KEY_CURRENT_AGENT: &str = "current_agent";
const KEY_LANGUAGE: &str = "language";
const KEY_THEME: &str = "theme";
const KEY_KPI_TARGETS: &str = "kpi_targets";

/// A command's planned effect, before it is written.
struct Effect {
    mutations: Vec<Mutation>,
    activities: Vec<Activity>,
    created: Option<ReleaseId>,
}

/// Sample ids -> ids in this database.
#[derive(Default)]
struct PeopleRemap {
    agents: std::collections::HashMap<AgentId, AgentId>,
    groups: std::collections::HashMap<GroupId, GroupId>,
    departments: std::collections::HashMap<DepartmentId, DepartmentId>,
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
    clock: Clock,
    revision: u64,
    /// Who acts, when not the stored current agent (the CLI's `--as`); for this session only.
    acting_agent: Option<AgentId>,
    history: History,
}

/// A backup made on another thread of the file as it was at `revision`.
struct PreparedBackup {
    revision: u64,
    job: BackupJob,
}

/// Where the backup that "Delete forever" makes first stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PurgeBackup {
    /// Being made on another thread.
    Running,
    /// Made and checked (or not needed: an empty or read-only file); a purge now need not wait.
    Ready,
    /// It failed; a purge will try again, and say why if it fails again.
    Failed(String),
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

    /// Starts (once per state of the file) the verified backup that deleting forever makes first,
    /// on another thread, and tells where it stands. The purge confirmation calls it every frame,
    /// so by the time the user confirms, the purge itself does not wait for a copy of the file.
    pub fn prepare_purge_backup(&mut self) -> PurgeBackup {
        if self.releases.is_empty() || self.store.is_read_only() {
            return PurgeBackup::Ready;
        }
        if self.prepared_backup.as_ref().is_none_or(|p| p.revision != self.revision) {
            match self.store.spawn_backup("purge") {
                Ok(job) => self.prepared_backup = Some(PreparedBackup { revision: self.revision, job }),
                Err(err) => return PurgeBackup::Failed(err.to_string()),
            }
        }
        match self.prepared_backup.as_mut().and_then(|p| p.job.poll()) {
            None => PurgeBackup::Running,
            Some(Ok(_)) => PurgeBackup::Ready,
            Some(Err(why)) => PurgeBackup::Failed(why.to_owned()),
        }
    }

    /// Whether a backup of the file exactly as it is now was prepared (waiting for it if it is
    /// still being made). It is used once.
    fn take_prepared_backup(&mut self) -> bool {
        match self.prepared_backup.take() {
            Some(prepared) if prepared.revision == self.revision => prepared.job.claim().is_ok(),
            _ => false,
        }
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
            clock: Box::new(system_now),
            revision: 0,
            acting_agent: None,
            history: History::default(),
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
        } = snapshot;
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

    pub fn saved_view(&self, id: i64) -> Option<&SavedView> {
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

    /// The one path by which anything changes: validate, write in one transaction, update memory.
    /// A command that changed something goes on the undo stack (and empties the redo stack).
    pub fn apply(&mut self, command: Command) -> Result<Applied, CommandError> {
        let record = command.clone();
        let applied = self.apply_unrecorded(command)?;
        if !applied.inverse.is_empty() {
            self.history.record(record, applied.inverse.clone());
        }
        Ok(applied)
    }

    fn apply_unrecorded(&mut self, command: Command) -> Result<Applied, CommandError> {
        let label = command.label();
        let now = self.now();
        // An import adds many rows at once, a purge removes them for good: keep the file as it
        // was before either.
        let backup = match &command {
            Command::LoadSample { .. } => Some("import"),
            Command::Bulk { action: BulkAction::Purge, .. } => Some("purge"),
            _ => None,
        };
        let effect = self.plan(command, now)?;
        if let Some(reason) = backup
            && !self.releases.is_empty()
            && !self.store.is_read_only()
        {
            // A backup prepared while the purge was being confirmed is of exactly this state of
            // the file (no command came between); otherwise back up now.
            let prepared = reason == "purge" && self.take_prepared_backup();
            if !prepared {
                self.store.backup_now(reason)?;
            }
        }
        let inverse = self.inverse_of(&effect.mutations);
        self.store.commit(&effect.mutations, &effect.activities)?;
        self.absorb(effect.mutations);
        self.revision += 1;
        Ok(Applied { label, inverse, created: effect.created })
    }

    /// The session's undo and redo stacks.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Undoes the last command by applying its inverse as a [`Command::Revert`] (written and
    /// logged like any command). Returns the command that was undone, `None` when there is none.
    /// If the revert fails, nothing changes and the command stays undoable.
    pub fn undo(&mut self) -> Result<Option<Command>, CommandError> {
        let Some(entry) = self.history.pop_undo() else { return Ok(None) };
        match self.revert_to(&entry, "undo") {
            Ok(inverse) => {
                self.history.push_redo(HistoryEntry { command: entry.command.clone(), inverse });
                Ok(Some(entry.command))
            }
            Err(err) => {
                self.history.push_undo(entry);
                Err(err)
            }
        }
    }

    /// Redoes the last undone command: the revert of the undo's own inverse. Returns the command
    /// that was redone, `None` when there is none.
    pub fn redo(&mut self) -> Result<Option<Command>, CommandError> {
        let Some(entry) = self.history.pop_redo() else { return Ok(None) };
        match self.revert_to(&entry, "redo") {
            Ok(inverse) => {
                self.history.push_undo(HistoryEntry { command: entry.command.clone(), inverse });
                Ok(Some(entry.command))
            }
            Err(err) => {
                self.history.push_redo(entry);
                Err(err)
            }
        }
    }

    /// Applies `entry`'s inverse; returns the inverse of that.
    fn revert_to(&mut self, entry: &HistoryEntry, verb: &str) -> Result<Vec<Mutation>, CommandError> {
        let label = format!("{verb} {}", entry.command.label());
        if verb == "redo"
            && matches!(entry.command, Command::Bulk { action: BulkAction::Purge, .. })
            && !self.store.is_read_only()
        {
            // Redoing "delete forever" deletes for good again: back up first, as the first time.
            self.store.backup_now("purge")?;
        }
        let applied = self.apply_unrecorded(Command::Revert { label, mutations: entry.inverse.clone() })?;
        Ok(applied.inverse)
    }

    fn activity(&self, release: Option<ReleaseId>, now: Timestamp, kind: &str) -> Activity {
        Activity {
            id: 0,
            release_id: release,
            actor: self.me(),
            at: now,
            kind: kind.to_owned(),
            field: String::new(),
            old_value: String::new(),
            new_value: String::new(),
        }
    }

    fn check_refs(
        &self,
        agent: Option<AgentId>,
        group: Option<GroupId>,
        department: Option<DepartmentId>,
    ) -> Result<(), CommandError> {
        if let Some(a) = agent.filter(|a| self.directory.agent(*a).is_none()) {
            return Err(CommandError::NoSuchAgent(a));
        }
        if let Some(g) = group.filter(|g| self.directory.group(*g).is_none()) {
            return Err(CommandError::NoSuchGroup(g));
        }
        if let Some(d) = department.filter(|d| self.directory.department(*d).is_none()) {
            return Err(CommandError::NoSuchDepartment(d));
        }
        Ok(())
    }

    /// Validates a command and works out its mutations and activity rows. Changes nothing.
    fn plan(&self, command: Command, now: Timestamp) -> Result<Effect, CommandError> {
        let mut effect = Effect { mutations: Vec::new(), activities: Vec::new(), created: None };
        match command {
            Command::CreateRelease(new) => {
                validate_subject(&new.subject)?;
                self.check_refs(new.agent_id, new.group_id, new.department_id)?;
                let id = ReleaseId(self.release_high_water + 1);
                let release = Release {
                    id,
                    subject: new.subject.trim().to_owned(),
                    description: new.description,
                    status: new.status,
                    priority: new.priority,
                    release_type: new.release_type,
                    planned: new.planned,
                    work_start: None,
                    work_end: None,
                    agent_id: new.agent_id,
                    group_id: new.group_id,
                    department_id: new.department_id,
                    category: new.category.filter(|c| !c.trim().is_empty()),
                    sub_category: None,
                    item_category: None,
                    assets: Vec::new(),
                    associated_change_ids: Vec::new(),
                    build_plan: None,
                    test_plan: None,
                    stage: Stage::Plan,
                    outcome: None,
                    closed_at: None,
                    rollback_count: 0,
                    downtime_minutes: 0,
                    created_at: now,
                    updated_at: now,
                    deleted_at: None,
                };
                validate_release(&release)?;
                let mut activity = self.activity(Some(id), now, "created");
                activity.new_value = release.subject.clone();
                effect.activities.push(activity);
                effect.mutations.push(Mutation::PutRelease(release));
                effect.created = Some(id);
            }
            Command::EditRelease { id, edits } => {
                let old = self.release(id).ok_or(CommandError::NoSuchRelease(id))?;
                let mut new = old.clone();
                for edit in edits {
                    apply_edit(&mut new, edit);
                }
                self.check_refs(new.agent_id, new.group_id, new.department_id)?;
                validate_release(&new)?;
                let changes = release_changes(old, &new, &self.directory);
                if changes.is_empty() {
                    return Ok(effect);
                }
                new.updated_at = now;
                for change in changes {
                    let mut activity = self.activity(Some(id), now, "field");
                    activity.field = change.field.to_owned();
                    activity.old_value = change.old_value;
                    activity.new_value = change.new_value;
                    effect.activities.push(activity);
                }
                effect.mutations.push(Mutation::PutRelease(new));
            }
            Command::AddAgent { name, email } => {
                let name = nonempty(&name, NamedThing::Agent)?;
                let id = AgentId(self.directory.agents.iter().map(|a| a.id.0).max().unwrap_or(0) + 1);
                let mut activity = self.activity(None, now, "agent");
                activity.new_value = name.clone();
                effect.activities.push(activity);
                effect.mutations.push(Mutation::PutAgent(Agent { id, name, email: email.trim().to_owned() }));
            }
            Command::AddGroup { name } => {
                let name = nonempty(&name, NamedThing::Group)?;
                let id = GroupId(self.directory.groups.iter().map(|g| g.id.0).max().unwrap_or(0) + 1);
                let mut activity = self.activity(None, now, "group");
                activity.new_value = name.clone();
                effect.activities.push(activity);
                effect.mutations.push(Mutation::PutGroup(Group { id, name }));
            }
            Command::AddDepartment { name } => {
                let name = nonempty(&name, NamedThing::Department)?;
                let id =
                    DepartmentId(self.directory.departments.iter().map(|d| d.id.0).max().unwrap_or(0) + 1);
                let mut activity = self.activity(None, now, "department");
                activity.new_value = name.clone();
                effect.activities.push(activity);
                effect.mutations.push(Mutation::PutDepartment(Department { id, name }));
            }
            Command::SetCurrentAgent(agent) => {
                self.check_refs(agent, None, None)?;
                self.setting(&mut effect, now, KEY_CURRENT_AGENT, agent.map(|a| a.0))?;
            }
            Command::SetLanguage(language) => {
                self.setting(&mut effect, now, KEY_LANGUAGE, language)?;
            }
            Command::SetTheme(theme) => {
                self.setting(&mut effect, now, KEY_THEME, Some(theme))?;
            }
            Command::SetKpiTargets(targets) => {
                targets.validate()?;
                self.setting(&mut effect, now, KEY_KPI_TARGETS, Some(targets))?;
            }
            Command::SaveView { name, base, filter, sort } => {
                let name = nonempty(&name, NamedThing::SavedView)?;
                if self.saved_views.iter().any(|v| v.name == name) {
                    return Err(CommandError::DuplicateViewName(name));
                }
                let id = self.saved_views.iter().map(|v| v.id).max().unwrap_or(0) + 1;
                let mut activity = self.activity(None, now, "view");
                activity.new_value = name.clone();
                effect.activities.push(activity);
                effect.mutations.push(Mutation::PutSavedView(SavedView { id, name, base, filter, sort }));
            }
            Command::DeleteSavedView(id) => {
                let view = self.saved_view(id).ok_or(CommandError::NoSuchView(id))?;
                let mut activity = self.activity(None, now, "view");
                activity.old_value = view.name.clone();
                effect.activities.push(activity);
                effect.mutations.push(Mutation::RemoveSavedView(id));
            }
            Command::LoadSample { data, force } => {
                if !force && self.releases.iter().any(|r| !r.is_deleted()) {
                    return Err(CommandError::SampleNeedsEmptyDatabase);
                }
                let remap = self.sample_people(&data.directory, &mut effect);
                let offset = self.release_high_water;
                self.plan_sample_work(&data, offset, &remap, &mut effect);
                let (change_offset, item_offset) = self.sample_registry_offsets();
                for mut release in data.releases {
                    release.id = ReleaseId(release.id.0 + offset);
                    release.associated_change_ids.iter_mut().for_each(|c| *c += change_offset);
                    release.assets.iter_mut().for_each(|c| *c += item_offset);
                    release.agent_id = release.agent_id.and_then(|a| remap.agents.get(&a).copied());
                    release.group_id = release.group_id.and_then(|g| remap.groups.get(&g).copied());
                    release.department_id =
                        release.department_id.and_then(|d| remap.departments.get(&d).copied());
                    validate_release(&release)?;
                    let mut activity = self.activity(Some(release.id), release.created_at, "created");
                    activity.actor = release.agent_id;
                    activity.new_value = release.subject.clone();
                    effect.activities.push(activity);
                    effect.mutations.push(Mutation::PutRelease(release));
                }
                self.sample_rollout(data.rollout, offset, &remap.agents, &mut effect);
                let me = data.current_agent.and_then(|a| remap.agents.get(&a).copied());
                if let (None, Some(me)) = (self.settings.current_agent, me) {
                    effect.mutations.push(Mutation::PutSetting {
                        key: KEY_CURRENT_AGENT.into(),
                        value: me.0.to_string(),
                    });
                }
            }
            item @ (Command::TrashRelease(_)
            | Command::AddNote { .. }
            | Command::EditNote { .. }
            | Command::DeleteNote(_)
            | Command::AddTask { .. }
            | Command::EditTask { .. }
            | Command::DeleteTask(_)
            | Command::AddTime { .. }
            | Command::StartTimer { .. }
            | Command::StopTimer(_)
            | Command::EditTimeEntry { .. }
            | Command::DeleteTimeEntry(_)) => self.plan_release_item(item, now, &mut effect)?,
            command @ (Command::CreateChange { .. }
            | Command::UpdateChange(_)
            | Command::CreateConfigItem { .. }
            | Command::LinkChange { .. }
            | Command::LinkConfigItem { .. }
            | Command::MoveStage { .. }
            | Command::EditReadiness { .. }) => self.plan_rollout(command, now, &mut effect)?,
            Command::Bulk { ids, action } => self.plan_bulk(&mut effect, ids, &action, now)?,
            Command::Revert { label, mutations } => {
                // Releases this revert puts back before patching them count as present.
                let mut put: HashSet<ReleaseId> = HashSet::new();
                for m in &mutations {
                    match m {
                        Mutation::PutRelease(r) => {
                            validate_release(r)?;
                            put.insert(r.id);
                        }
                        Mutation::PatchRelease { id, patch } => {
                            if self.index_of(*id).is_none() && !put.contains(id) {
                                return Err(CommandError::NoSuchRelease(*id));
                            }
                            self.check_refs(patch.agent_id.flatten(), patch.group_id.flatten(), None)?;
                        }
                        _ => {}
                    }
                }
                let touched: HashSet<ReleaseId> = mutations
                    .iter()
                    .filter_map(|m| match m {
                        Mutation::PutRelease(r) => Some(r.id),
                        Mutation::RemoveRelease(id) | Mutation::PatchRelease { id, .. } => Some(*id),
                        Mutation::PutNote(n) => Some(n.release_id),
                        Mutation::PutTask(t) => Some(t.release_id),
                        Mutation::PutTimeEntry(e) => Some(e.release_id),
                        Mutation::RemoveNote(id) => self.note(*id).map(|n| n.release_id),
                        Mutation::RemoveTask(id) => self.task(*id).map(|t| t.release_id),
                        Mutation::RemoveTimeEntry(id) => self.time_entry(*id).map(|e| e.release_id),
                        _ => None,
                    })
                    .collect();
                let mut touched: Vec<_> = touched.into_iter().collect();
                touched.sort();
                for id in touched {
                    let mut activity = self.activity(Some(id), now, "revert");
                    activity.new_value = label.clone();
                    effect.activities.push(activity);
                }
                if effect.activities.is_empty() {
                    let mut activity = self.activity(None, now, "revert");
                    activity.new_value = label;
                    effect.activities.push(activity);
                }
                effect.mutations = mutations;
            }
        }
        Ok(effect)
    }

    /// Validates every id of a bulk command first (all or nothing), then plans one mutation and
    /// one activity row per release the action changes. Releases it would not change are left
    /// alone and not logged.
    fn plan_bulk(
        &self,
        effect: &mut Effect,
        mut ids: Vec<ReleaseId>,
        action: &BulkAction,
        now: Timestamp,
    ) -> Result<(), CommandError> {
        ids.sort_unstable();
        ids.dedup();
        if ids.is_empty() {
            return Err(CommandError::NothingSelected);
        }
        let mut missing = Vec::new();
        let mut releases = Vec::with_capacity(ids.len());
        for &id in &ids {
            match self.index_of(id) {
                Some(i) => releases.push(&self.releases[i]),
                None => missing.push(id),
            }
        }
        if !missing.is_empty() {
            return Err(CommandError::NoSuchReleases(missing));
        }
        let wants_trash = matches!(action, BulkAction::Restore | BulkAction::Purge);
        let wrong: Vec<ReleaseId> =
            releases.iter().filter(|r| r.is_deleted() != wants_trash).map(|r| r.id).collect();
        if !wrong.is_empty() {
            return Err(if wants_trash {
                CommandError::NotInTrash(wrong)
            } else {
                CommandError::InTrash(wrong)
            });
        }
        let (agent, group) = match action {
            BulkAction::PickUp => {
                let me = self.me().ok_or(CommandError::NoCurrentAgent)?;
                (Some(Some(me)), None)
            }
            BulkAction::Assign { agent, group } => {
                if agent.is_none() && group.is_none() {
                    return Err(CommandError::Refused("give an agent or a group to assign".into()));
                }
                (*agent, *group)
            }
            _ => (None, None),
        };
        self.check_refs(agent.flatten(), group.flatten(), None)?;
        if matches!(action, BulkAction::Purge) {
            // Notes, tasks, time entries, stage history and readiness go with their release (undo
            // brings them back).
            let purged: HashSet<ReleaseId> = ids.iter().copied().collect();
            let gone = |release: &ReleaseId| purged.contains(release);
            effect.mutations.extend(
                self.notes.iter().filter(|n| gone(&n.release_id)).map(|n| Mutation::RemoveNote(n.id)),
            );
            effect.mutations.extend(
                self.tasks.iter().filter(|t| gone(&t.release_id)).map(|t| Mutation::RemoveTask(t.id)),
            );
            effect.mutations.extend(
                self.time_entries
                    .iter()
                    .filter(|e| gone(&e.release_id))
                    .map(|e| Mutation::RemoveTimeEntry(e.id)),
            );
            effect.mutations.extend(
                self.stage_history
                    .iter()
                    .filter(|e| gone(&e.release_id))
                    .map(|e| Mutation::RemoveStageEntry(e.id)),
            );
            effect
                .mutations
                .extend(self.readiness.keys().filter(|r| gone(r)).map(|r| Mutation::RemoveReadiness(*r)));
        }
        effect.mutations.reserve(releases.len());
        effect.activities.reserve(releases.len());
        for old in releases {
            let id = old.id;
            let mut patch = ReleasePatch::touching(now);
            let mut activity = self.activity(Some(id), now, "field");
            match action {
                BulkAction::Purge => {
                    activity.kind = "purge".to_owned();
                    activity.old_value = old.subject.clone();
                    effect.activities.push(activity);
                    effect.mutations.push(Mutation::RemoveRelease(id));
                    continue;
                }
                BulkAction::Trash | BulkAction::Restore => {
                    let trash = matches!(action, BulkAction::Trash);
                    patch.deleted_at = Some(trash.then_some(now));
                    activity.kind = if trash { "trash" } else { "restore" }.to_owned();
                }
                BulkAction::PickUp | BulkAction::Assign { .. } => {
                    let new_agent = agent.unwrap_or(old.agent_id);
                    let new_group = group.unwrap_or(old.group_id);
                    let mut fields = Vec::new();
                    let mut olds = Vec::new();
                    let mut news = Vec::new();
                    if new_agent != old.agent_id {
                        fields.push("agent_id");
                        olds.push(self.directory.agent_name(old.agent_id));
                        news.push(self.directory.agent_name(new_agent));
                        patch.agent_id = Some(new_agent);
                    }
                    if new_group != old.group_id {
                        fields.push("group_id");
                        olds.push(self.directory.group_name(old.group_id));
                        news.push(self.directory.group_name(new_group));
                        patch.group_id = Some(new_group);
                    }
                    if fields.is_empty() {
                        continue;
                    }
                    activity.field = fields.join(", ");
                    activity.old_value = olds.join(" / ");
                    activity.new_value = news.join(" / ");
                }
                BulkAction::SetStatus(status) => {
                    if old.status == *status {
                        continue;
                    }
                    activity.field = "status".into();
                    activity.old_value = old.status.label().into();
                    activity.new_value = status.label().into();
                    patch.status = Some(*status);
                }
                BulkAction::SetPriority(priority) => {
                    if old.priority == *priority {
                        continue;
                    }
                    activity.field = "priority".into();
                    activity.old_value = old.priority.label().into();
                    activity.new_value = priority.label().into();
                    patch.priority = Some(*priority);
                }
            }
            effect.activities.push(activity);
            effect.mutations.push(Mutation::PatchRelease { id, patch });
        }
        Ok(())
    }

    /// Maps the sample's agents, groups and departments onto existing ones with the same name,
    /// adding the rest with fresh ids.
    fn sample_people(&self, sample: &Directory, effect: &mut Effect) -> PeopleRemap {
        let here = &self.directory;
        PeopleRemap {
            agents: remap_by_name(
                &here.agents,
                &sample.agents,
                |a| (a.id.0, a.name.as_str()),
                |a, id| Mutation::PutAgent(Agent { id: AgentId(id), ..a.clone() }),
                &mut effect.mutations,
            )
            .into_iter()
            .map(|(from, to)| (AgentId(from), AgentId(to)))
            .collect(),
            groups: remap_by_name(
                &here.groups,
                &sample.groups,
                |g| (g.id.0, g.name.as_str()),
                |g, id| Mutation::PutGroup(Group { id: GroupId(id), name: g.name.clone() }),
                &mut effect.mutations,
            )
            .into_iter()
            .map(|(from, to)| (GroupId(from), GroupId(to)))
            .collect(),
            departments: remap_by_name(
                &here.departments,
                &sample.departments,
                |d| (d.id.0, d.name.as_str()),
                |d, id| Mutation::PutDepartment(Department { id: DepartmentId(id), name: d.name.clone() }),
                &mut effect.mutations,
            )
            .into_iter()
            .map(|(from, to)| (DepartmentId(from), DepartmentId(to)))
            .collect(),
        }
    }

    fn setting<T: serde::Serialize>(
        &self,
        effect: &mut Effect,
        now: Timestamp,
        key: &str,
        value: Option<T>,
    ) -> Result<(), CommandError> {
        let new = value
            .map(|v| serde_json::to_string(&v))
            .transpose()
            .map_err(|e| CommandError::Refused(e.to_string()))?;
        let old = self.raw_settings.get(key).cloned();
        if old == new {
            return Ok(());
        }
        let mut activity = self.activity(None, now, "setting");
        activity.field = key.to_owned();
        activity.old_value = old.unwrap_or_default();
        activity.new_value = new.clone().unwrap_or_default();
        effect.activities.push(activity);
        effect.mutations.push(match new {
            Some(value) => Mutation::PutSetting { key: key.to_owned(), value },
            None => Mutation::RemoveSetting(key.to_owned()),
        });
        Ok(())
    }

    /// The mutations that undo `mutations`, from the current (before) state.
    fn inverse_of(&self, mutations: &[Mutation]) -> Vec<Mutation> {
        let mut inverse: Vec<Mutation> = mutations
            .iter()
            .map(|m| match m {
                Mutation::PutRelease(r) => match self.release(r.id) {
                    Some(old) => Mutation::PutRelease(old.clone()),
                    None => Mutation::RemoveRelease(r.id),
                },
                Mutation::RemoveRelease(id) => match self.release(*id) {
                    Some(old) => Mutation::PutRelease(old.clone()),
                    None => Mutation::RemoveRelease(*id),
                },
                // A patch of a release that is not in memory yet (put earlier in the same effect)
                // is undone by the inverse of that put, which removes the release after it.
                Mutation::PatchRelease { id, patch } => Mutation::PatchRelease {
                    id: *id,
                    patch: self.release(*id).map_or(*patch, |old| patch.reverse_for(old)),
                },
                Mutation::RemoveAgent(id) => match self.directory.agent(*id) {
                    Some(old) => Mutation::PutAgent(old.clone()),
                    None => Mutation::RemoveAgent(*id),
                },
                Mutation::RemoveGroup(id) => match self.directory.group(*id) {
                    Some(old) => Mutation::PutGroup(old.clone()),
                    None => Mutation::RemoveGroup(*id),
                },
                Mutation::RemoveDepartment(id) => match self.directory.department(*id) {
                    Some(old) => Mutation::PutDepartment(old.clone()),
                    None => Mutation::RemoveDepartment(*id),
                },
                Mutation::PutAgent(a) => match self.directory.agent(a.id) {
                    Some(old) => Mutation::PutAgent(old.clone()),
                    None => Mutation::RemoveAgent(a.id),
                },
                Mutation::PutGroup(g) => match self.directory.group(g.id) {
                    Some(old) => Mutation::PutGroup(old.clone()),
                    None => Mutation::RemoveGroup(g.id),
                },
                Mutation::PutDepartment(d) => match self.directory.department(d.id) {
                    Some(old) => Mutation::PutDepartment(old.clone()),
                    None => Mutation::RemoveDepartment(d.id),
                },
                Mutation::PutSetting { key, .. } | Mutation::RemoveSetting(key) => {
                    match self.raw_settings.get(key) {
                        Some(value) => Mutation::PutSetting { key: key.clone(), value: value.clone() },
                        None => Mutation::RemoveSetting(key.clone()),
                    }
                }
                Mutation::PutSavedView(v) => match self.saved_view(v.id) {
                    Some(old) => Mutation::PutSavedView(old.clone()),
                    None => Mutation::RemoveSavedView(v.id),
                },
                Mutation::RemoveSavedView(id) => match self.saved_view(*id) {
                    Some(old) => Mutation::PutSavedView(old.clone()),
                    None => Mutation::RemoveSavedView(*id),
                },
                Mutation::PutNote(Note { id, .. }) | Mutation::RemoveNote(id) => match self.note(*id) {
                    Some(old) => Mutation::PutNote(old.clone()),
                    None => Mutation::RemoveNote(*id),
                },
                Mutation::PutTask(Task { id, .. }) | Mutation::RemoveTask(id) => match self.task(*id) {
                    Some(old) => Mutation::PutTask(old.clone()),
                    None => Mutation::RemoveTask(*id),
                },
                Mutation::PutTimeEntry(TimeEntry { id, .. }) | Mutation::RemoveTimeEntry(id) => {
                    match self.time_entry(*id) {
                        Some(old) => Mutation::PutTimeEntry(old.clone()),
                        None => Mutation::RemoveTimeEntry(*id),
                    }
                }
                Mutation::PutChange(Change { id, .. }) | Mutation::RemoveChange(id) => {
                    match self.registry.change(*id) {
                        Some(old) => Mutation::PutChange(old.clone()),
                        None => Mutation::RemoveChange(*id),
                    }
                }
                Mutation::PutConfigItem(ConfigItem { id, .. }) | Mutation::RemoveConfigItem(id) => {
                    match self.registry.config_item(*id) {
                        Some(old) => Mutation::PutConfigItem(old.clone()),
                        None => Mutation::RemoveConfigItem(*id),
                    }
                }
                Mutation::PutReadiness { release, .. } | Mutation::RemoveReadiness(release) => {
                    match self.readiness.get(release) {
                        Some(old) => Mutation::PutReadiness { release: *release, readiness: old.clone() },
                        None => Mutation::RemoveReadiness(*release),
                    }
                }
                Mutation::PutStageEntry(StageEntry { id, .. }) | Mutation::RemoveStageEntry(id) => {
                    match self.stage_history.binary_search_by_key(id, |e| e.id) {
                        Ok(i) => Mutation::PutStageEntry(self.stage_history[i].clone()),
                        Err(_) => Mutation::RemoveStageEntry(*id),
                    }
                }
            })
            .collect();
        inverse.reverse();
        inverse
    }

    /// Applies written mutations to memory.
    fn absorb(&mut self, mutations: Vec<Mutation>) {
        let mut removed: HashSet<ReleaseId> = HashSet::new();
        // Releases that are new and belong before the last one (an undone purge): merged in at
        // the end, so `self.releases` stays sorted for the binary searches meanwhile.
        let mut inserted: BTreeMap<ReleaseId, Release> = BTreeMap::new();
        let mut settings_changed = false;
        // Notes, tasks and time entries to put (`Some`) or remove (`None`), the last word per id;
        // merged once at the end so a purge of thousands of releases stays linear.
        let mut notes = BTreeMap::new();
        let mut tasks = BTreeMap::new();
        let mut time_entries = BTreeMap::new();
        let mut stage_history = BTreeMap::new();
        for mutation in mutations {
            match mutation {
                Mutation::PutRelease(release) => {
                    self.release_high_water = self.release_high_water.max(release.id.0);
                    removed.remove(&release.id);
                    match self.index_of(release.id) {
                        Some(i) => self.releases[i] = release,
                        None if self.releases.last().is_none_or(|last| last.id < release.id) => {
                            self.releases.push(release);
                        }
                        None => {
                            inserted.insert(release.id, release);
                        }
                    }
                }
                Mutation::PatchRelease { id, patch } => match self.index_of(id) {
                    Some(i) => patch.apply_to(&mut self.releases[i]),
                    None => {
                        if let Some(release) = inserted.get_mut(&id) {
                            patch.apply_to(release);
                        }
                    }
                },
                Mutation::RemoveRelease(id) => {
                    removed.insert(id);
                }
                Mutation::PutAgent(a) => upsert_by(&mut self.directory.agents, a, |x| x.id),
                Mutation::RemoveAgent(id) => self.directory.agents.retain(|x| x.id != id),
                Mutation::RemoveGroup(id) => self.directory.groups.retain(|x| x.id != id),
                Mutation::RemoveDepartment(id) => self.directory.departments.retain(|x| x.id != id),
                Mutation::PutGroup(g) => upsert_by(&mut self.directory.groups, g, |x| x.id),
                Mutation::PutDepartment(d) => upsert_by(&mut self.directory.departments, d, |x| x.id),
                Mutation::PutSetting { key, value } => {
                    self.raw_settings.insert(key, value);
                    settings_changed = true;
                }
                Mutation::RemoveSetting(key) => {
                    self.raw_settings.remove(&key);
                    settings_changed = true;
                }
                Mutation::PutSavedView(v) => upsert_by(&mut self.saved_views, v, |x| x.id),
                Mutation::RemoveSavedView(id) => self.saved_views.retain(|v| v.id != id),
                Mutation::PutNote(n) => {
                    notes.insert(n.id, Some(n));
                }
                Mutation::RemoveNote(id) => {
                    notes.insert(id, None);
                }
                Mutation::PutTask(t) => {
                    tasks.insert(t.id, Some(t));
                }
                Mutation::RemoveTask(id) => {
                    tasks.insert(id, None);
                }
                Mutation::PutTimeEntry(e) => {
                    time_entries.insert(e.id, Some(e));
                }
                Mutation::RemoveTimeEntry(id) => {
                    time_entries.insert(id, None);
                }
                Mutation::PutChange(c) => upsert_by(&mut self.registry.changes, c, |x| x.id),
                Mutation::RemoveChange(id) => self.registry.changes.retain(|x| x.id != id),
                Mutation::PutConfigItem(c) => upsert_by(&mut self.registry.config_items, c, |x| x.id),
                Mutation::RemoveConfigItem(id) => self.registry.config_items.retain(|x| x.id != id),
                Mutation::PutReadiness { release, readiness } => {
                    self.readiness.insert(release, readiness);
                }
                Mutation::RemoveReadiness(release) => {
                    self.readiness.remove(&release);
                }
                Mutation::PutStageEntry(e) => {
                    stage_history.insert(e.id, Some(e));
                }
                Mutation::RemoveStageEntry(id) => {
                    stage_history.insert(id, None);
                }
            }
        }
        merge_by_id(&mut self.notes, notes, |n| n.id);
        merge_by_id(&mut self.tasks, tasks, |t| t.id);
        merge_by_id(&mut self.time_entries, time_entries, |e| e.id);
        merge_by_id(&mut self.stage_history, stage_history, |e| e.id);
        if !inserted.is_empty() {
            self.releases.extend(inserted.into_values());
            self.releases.sort_by_key(|r| r.id);
        }
        if !removed.is_empty() {
            self.releases.retain(|r| !removed.contains(&r.id));
        }
        if settings_changed {
            self.settings = parse_settings(&self.raw_settings);
        }
    }
}

/// Applies puts (`Some`) and removals (`None`) by id to `list`, which is kept in id order:
/// one binary search per change, then at most one `retain` and one sort.
fn merge_by_id<T>(list: &mut Vec<T>, changes: BTreeMap<i64, Option<T>>, id: impl Fn(&T) -> i64) {
    if changes.is_empty() {
        return;
    }
    let mut removed = HashSet::new();
    let mut added = Vec::new();
    for (key, change) in changes {
        match (list.binary_search_by_key(&key, &id), change) {
            (Ok(i), Some(item)) => list[i] = item,
            (Ok(_), None) => {
                removed.insert(key);
            }
            (Err(_), Some(item)) => added.push(item),
            (Err(_), None) => {}
        }
    }
    if !removed.is_empty() {
        list.retain(|x| !removed.contains(&id(x)));
    }
    if !added.is_empty() {
        list.extend(added);
        list.sort_by_key(|x| id(x));
    }
}

/// Maps each incoming entry onto an existing one with the same name, or adds it (pushing its
/// `Put…` mutation) under a fresh id after the highest in use. Returns incoming id -> id here.
fn remap_by_name<T>(
    existing: &[T],
    incoming: &[T],
    key: impl Fn(&T) -> (i64, &str),
    put: impl Fn(&T, i64) -> Mutation,
    mutations: &mut Vec<Mutation>,
) -> Vec<(i64, i64)> {
    let mut next = existing.iter().map(|x| key(x).0).max().unwrap_or(0);
    incoming
        .iter()
        .map(|item| {
            let (from, name) = key(item);
            let to = match existing.iter().find(|x| key(x).1 == name) {
                Some(found) => key(found).0,
                None => {
                    next += 1;
                    mutations.push(put(item, next));
                    next
                }
            };
            (from, to)
        })
        .collect()
}

fn upsert_by<T, K: PartialEq + Ord>(list: &mut Vec<T>, item: T, key: impl Fn(&T) -> K) {
    match list.iter().position(|x| key(x) == key(&item)) {
        Some(i) => list[i] = item,
        None => {
            list.push(item);
            list.sort_by_key(|x| key(x));
        }
    }
}

fn nonempty(text: &str, thing: NamedThing) -> Result<String, CommandError> {
    let text = text.trim();
    if text.is_empty() { Err(CommandError::NameRequired(thing)) } else { Ok(text.to_owned()) }
}

/// Things that must have a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NamedThing {
    Agent,
    Group,
    Department,
    SavedView,
}

impl std::fmt::Display for NamedThing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Agent => "agent",
            Self::Group => "group",
            Self::Department => "department",
            Self::SavedView => "saved view",
        })
    }
}

fn apply_edit(release: &mut Release, edit: ReleaseEdit) {
    match edit {
        ReleaseEdit::Subject(s) => release.subject = s.trim().to_owned(),
        ReleaseEdit::Description(d) => release.description = d,
        ReleaseEdit::Status(s) => release.status = s,
        ReleaseEdit::Priority(p) => release.priority = p,
        ReleaseEdit::ReleaseType(t) => release.release_type = t,
        ReleaseEdit::Planned(w) => release.planned = w,
        ReleaseEdit::WorkWindow { start, end } => {
            release.work_start = start;
            release.work_end = end;
        }
        ReleaseEdit::Agent(a) => release.agent_id = a,
        ReleaseEdit::Group(g) => release.group_id = g,
        ReleaseEdit::Department(d) => release.department_id = d,
        ReleaseEdit::Category(c) => release.category = c.filter(|c| !c.trim().is_empty()),
        ReleaseEdit::SubCategory(c) => release.sub_category = c.filter(|c| !c.trim().is_empty()),
        ReleaseEdit::ItemCategory(c) => release.item_category = c.filter(|c| !c.trim().is_empty()),
        ReleaseEdit::BuildPlan(p) => release.build_plan = p,
        ReleaseEdit::TestPlan(p) => release.test_plan = p,
        ReleaseEdit::Assets(a) => release.assets = a,
        ReleaseEdit::AssociatedChanges(c) => release.associated_change_ids = c,
    }
}

/// Reads the typed settings; an unreadable value falls back to its default.
fn parse_settings(raw: &BTreeMap<String, String>) -> Settings {
    fn get<T: serde::de::DeserializeOwned>(raw: &BTreeMap<String, String>, key: &str) -> Option<T> {
        raw.get(key).and_then(|v| serde_json::from_str(v).ok())
    }
    Settings {
        current_agent: get::<i64>(raw, KEY_CURRENT_AGENT).map(AgentId),
        language: get(raw, KEY_LANGUAGE),
        theme: get(raw, KEY_THEME).unwrap_or_default(),
        kpi_targets: get::<crate::domain::KpiTargets>(raw, KEY_KPI_TARGETS)
            .filter(|t| t.validate().is_ok())
            .unwrap_or_default(),
    }
}
