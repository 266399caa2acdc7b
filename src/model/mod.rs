//! The in-memory model and the one path by which anything changes: [`Model::apply`].
//!
//! `apply` validates a [`Command`], turns it into store [`Mutation`]s plus activity rows, writes
//! them in one IMMEDIATE transaction, and only then updates memory. If validation or the write
//! fails, memory is exactly as it was and the error says why.

mod command;
mod release_items;
mod rollout;

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

pub use command::{Command, NewRelease, NewTimeEntry, ReleaseEdit, edit_field};
pub use release_items::ItemRefused;

use crate::domain::changes::release_changes;
use crate::domain::release::{validate_release, validate_subject};
use crate::domain::{
    Activity, Agent, AgentId, Department, DepartmentId, Directory, Group, GroupId, Note, Readiness, Registry,
    Release, ReleaseId, ReleaseInvalid, SavedView, Settings, Stage, StageEntry, Task, TimeEntry, Timestamp,
};
use crate::domain::{Change, ConfigItem};
use crate::store::{Mutation, Snapshot, Store, StoreError};

/// Why a command was not applied. Memory and file are unchanged in every case.
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error("{0}")]
    Invalid(#[from] ReleaseInvalid),
    #[error("release #{0} does not exist")]
    NoSuchRelease(ReleaseId),
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

    /// Closes the file cleanly and hands back its writer's lock (to restore a backup).
    pub fn close(self) -> Option<crate::store::lock::DbLock> {
        self.store.close()
    }

    /// Loads the model from an open store.
    pub fn from_store(store: Store) -> Result<Self, StoreError> {
        let snapshot = store.load()?;
        let mut model = Self {
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

    /// The one path by which anything changes: validate, write in one transaction, update memory.
    pub fn apply(&mut self, command: Command) -> Result<Applied, CommandError> {
        let label = command.label();
        let now = self.now();
        let imports = matches!(command, Command::LoadSample { .. });
        let effect = self.plan(command, now)?;
        if imports && !self.releases.is_empty() && !self.store.is_read_only() {
            // An import adds many rows at once: keep the file as it was before it.
            self.store.backup_now("import")?;
        }
        let inverse = self.inverse_of(&effect.mutations);
        self.store.commit(&effect.mutations, &effect.activities)?;
        self.absorb(effect.mutations);
        self.revision += 1;
        Ok(Applied { label, inverse, created: effect.created })
    }

    fn activity(&self, release: Option<ReleaseId>, now: Timestamp, kind: &str) -> Activity {
        Activity {
            id: 0,
            release_id: release,
            actor: self.settings.current_agent,
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
            | Command::DeleteTimeEntry(_)) => self.plan_release_item(item, now, &mut effect)?,
            command @ (Command::CreateChange { .. }
            | Command::UpdateChange(_)
            | Command::CreateConfigItem { .. }
            | Command::LinkChange { .. }
            | Command::LinkConfigItem { .. }
            | Command::MoveStage { .. }
            | Command::EditReadiness { .. }) => self.plan_rollout(command, now, &mut effect)?,
            Command::Revert { label, mutations } => {
                for m in &mutations {
                    if let Mutation::PutRelease(r) = m {
                        validate_release(r)?;
                    }
                }
                let touched: HashSet<ReleaseId> = mutations
                    .iter()
                    .filter_map(|m| match m {
                        Mutation::PutRelease(r) => Some(r.id),
                        Mutation::RemoveRelease(id) => Some(*id),
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

    /// Maps the sample's agents, groups and departments onto existing ones with the same name,
    /// adding the rest with fresh ids.
    fn sample_people(&self, sample: &Directory, effect: &mut Effect) -> PeopleRemap {
        let mut remap = PeopleRemap::default();
        let mut next = self.directory.agents.iter().map(|a| a.id.0).max().unwrap_or(0);
        for a in &sample.agents {
            let id = match self.directory.agents.iter().find(|x| x.name == a.name) {
                Some(existing) => existing.id,
                None => {
                    next += 1;
                    let id = AgentId(next);
                    effect.mutations.push(Mutation::PutAgent(Agent { id, ..a.clone() }));
                    id
                }
            };
            remap.agents.insert(a.id, id);
        }
        let mut next = self.directory.groups.iter().map(|g| g.id.0).max().unwrap_or(0);
        for g in &sample.groups {
            let id = match self.directory.groups.iter().find(|x| x.name == g.name) {
                Some(existing) => existing.id,
                None => {
                    next += 1;
                    let id = GroupId(next);
                    effect.mutations.push(Mutation::PutGroup(Group { id, name: g.name.clone() }));
                    id
                }
            };
            remap.groups.insert(g.id, id);
        }
        let mut next = self.directory.departments.iter().map(|d| d.id.0).max().unwrap_or(0);
        for d in &sample.departments {
            let id = match self.directory.departments.iter().find(|x| x.name == d.name) {
                Some(existing) => existing.id,
                None => {
                    next += 1;
                    let id = DepartmentId(next);
                    effect.mutations.push(Mutation::PutDepartment(Department { id, name: d.name.clone() }));
                    id
                }
            };
            remap.departments.insert(d.id, id);
        }
        remap
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
        let mut appended = false;
        let mut settings_changed = false;
        for mutation in mutations {
            match mutation {
                Mutation::PutRelease(release) => {
                    self.release_high_water = self.release_high_water.max(release.id.0);
                    removed.remove(&release.id);
                    match self.index_of(release.id) {
                        Some(i) => self.releases[i] = release,
                        None => {
                            appended |= self.releases.last().is_some_and(|last| last.id > release.id);
                            self.releases.push(release);
                        }
                    }
                }
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
                Mutation::PutNote(n) => upsert_by(&mut self.notes, n, |x| x.id),
                Mutation::RemoveNote(id) => self.notes.retain(|x| x.id != id),
                Mutation::PutTask(t) => upsert_by(&mut self.tasks, t, |x| x.id),
                Mutation::RemoveTask(id) => self.tasks.retain(|x| x.id != id),
                Mutation::PutTimeEntry(e) => upsert_by(&mut self.time_entries, e, |x| x.id),
                Mutation::RemoveTimeEntry(id) => self.time_entries.retain(|x| x.id != id),
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
                Mutation::PutStageEntry(e) => upsert_by(&mut self.stage_history, e, |x| x.id),
                Mutation::RemoveStageEntry(id) => self.stage_history.retain(|x| x.id != id),
            }
        }
        if appended {
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
