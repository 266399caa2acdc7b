//! The commands a user (or the CLI) can give, nested by noun: `Command::Release(ReleaseCommand::..)`,
//! `Command::Work(WorkCommand::..)`, ... Each noun's commands are planned in its own file under
//! `plan/` by one exhaustive match, so a new command that is not planned does not compile. Every one
//! is applied by [`super::Model::apply`]; undo and redo write their own internal type through the
//! same path, which nothing outside the model can make.

use crate::domain::{
    AgentId, CabApproval, Change, ChangeId, ChangeRisk, CiKind, ConfigItemId, DepartmentId, GroupId,
    KpiTargets, Language, NoteId, Outcome, Plan, PlannedWindow, PredefinedView, Priority, ReadinessEdit,
    ReleaseFilter, ReleaseId, ReleaseType, SavedViewId, SortSpec, Stage, Status, TaskFields, TaskId, Theme,
    TimeEntryId, Timestamp, sample::SampleData,
};

/// Every change to stored state goes through one of these.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// One release as a whole: create, edit its fields, move it to Trash.
    Release(ReleaseCommand),
    /// Agents, groups and departments.
    People(PeopleCommand),
    /// Stored preferences and saved views.
    Settings(SettingsCommand),
    /// The notes, tasks and time entries of a release.
    Work(WorkCommand),
    /// Moves through the release lifecycle.
    Lifecycle(LifecycleCommand),
    /// The Change and CI registries and their links to releases.
    Registry(RegistryCommand),
    /// A release's readiness checklists, risk register and deployment strategy.
    Readiness(ReadinessCommand),
    /// One action on many releases, in one transaction: all of them or none.
    Bulk { ids: Vec<ReleaseId>, action: BulkAction },
    /// The sample data.
    Sample(SampleCommand),
}

/// Commands on one release as a whole.
#[derive(Clone, Debug, PartialEq)]
pub enum ReleaseCommand {
    Create(NewRelease),
    Edit {
        id: ReleaseId,
        edits: Vec<ReleaseEdit>,
    },
    /// Moves one release to Trash (sets `deleted_at`).
    Trash(ReleaseId),
}

/// Commands that add people and teams.
#[derive(Clone, Debug, PartialEq)]
pub enum PeopleCommand {
    AddAgent { name: String, email: String },
    AddGroup { name: String },
    AddDepartment { name: String },
}

/// Commands that change the stored preferences and the saved views.
#[derive(Clone, Debug, PartialEq)]
pub enum SettingsCommand {
    SetCurrentAgent(Option<AgentId>),
    SetLanguage(Option<Language>),
    SetTheme(Theme),
    /// Replaces the KPI targets (validated: finite, in range).
    SetKpiTargets(KpiTargets),
    SaveView {
        name: String,
        base: PredefinedView,
        filter: ReleaseFilter,
        sort: SortSpec,
    },
    DeleteSavedView(SavedViewId),
}

/// Commands on the work of a release: its notes, tasks and time entries.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkCommand {
    AddNote {
        release: ReleaseId,
        body: String,
    },
    EditNote {
        id: NoteId,
        body: String,
    },
    DeleteNote(NoteId),
    AddTask {
        release: ReleaseId,
        fields: TaskFields,
    },
    EditTask {
        id: TaskId,
        fields: TaskFields,
    },
    DeleteTask(TaskId),
    /// Logs time spent by hand.
    AddTime {
        release: ReleaseId,
        entry: NewTimeEntry,
    },
    /// Starts a timer now, or (with `since_created`) from when the release was created.
    StartTimer {
        release: ReleaseId,
        agent_id: Option<AgentId>,
        note: String,
        billable: bool,
        since_created: bool,
    },
    /// Stops a running timer, adding the elapsed time to the entry.
    StopTimer(TimeEntryId),
    /// Corrects a stopped time entry: agent, time spent, note, billable, executed at. Validated as
    /// `AddTime` is. Refused while the entry's timer runs (`ItemRefused::TimerRunning`): its time
    /// spent is the stored minutes plus the live clock, so a fixed hh:mm from a form would either be
    /// overtaken by the clock or have to stop it behind the user's back. Stop the timer, then edit.
    EditTimeEntry {
        id: TimeEntryId,
        entry: NewTimeEntry,
    },
    DeleteTimeEntry(TimeEntryId),
}

/// Moves through the lifecycle.
#[derive(Clone, Debug, PartialEq)]
pub enum LifecycleCommand {
    /// Moves a release to another lifecycle stage (see `domain::lifecycle::transition`).
    Move {
        id: ReleaseId,
        to: Stage,
        /// Required for Complete.
        outcome: Option<Outcome>,
        /// Service downtime to add (Complete, Rollback).
        downtime_minutes: u32,
        /// Required for Rollback.
        reason: String,
        /// Lets Deploy through a closed gate; logged.
        override_reason: String,
    },
}

/// Commands on the Change and CI registries and their links to releases.
#[derive(Clone, Debug, PartialEq)]
pub enum RegistryCommand {
    /// Adds a Change to the registry, and links it to `link_to` if given (the link picker's "create").
    CreateChange { subject: String, approval: CabApproval, risk: ChangeRisk, link_to: Option<ReleaseId> },
    /// Replaces a Change's subject, CAB approval and risk.
    UpdateChange(Change),
    /// Adds a configuration item, and links it to `link_to` if given.
    CreateConfigItem { name: String, kind: CiKind, link_to: Option<ReleaseId> },
    /// Links (or with `linked: false` unlinks) a Change and a release.
    LinkChange { release: ReleaseId, change: ChangeId, linked: bool },
    /// Links (or unlinks) a configuration item and a release.
    LinkConfigItem { release: ReleaseId, item: ConfigItemId, linked: bool },
}

/// Commands on a release's readiness.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadinessCommand {
    /// Edits a release's readiness checklists, risk register or deployment strategy.
    Edit { id: ReleaseId, edits: Vec<ReadinessEdit> },
}

/// Commands on the sample data.
#[derive(Clone, Debug, PartialEq)]
pub enum SampleCommand {
    /// Loads the sample scenarios (agents, groups, departments, releases and all they hold) in one
    /// transaction. Refused when the database already holds releases, unless `force`.
    Load { data: SampleData, force: bool },
}

/// The fields of a release the user fills in when creating it.
#[derive(Clone, Debug, PartialEq)]
pub struct NewRelease {
    pub subject: String,
    pub description: String,
    pub status: Status,
    pub priority: Priority,
    pub release_type: ReleaseType,
    pub planned: PlannedWindow,
    pub agent_id: Option<AgentId>,
    pub group_id: Option<GroupId>,
    pub department_id: Option<DepartmentId>,
    pub category: Option<String>,
}

/// Time logged by hand ("Add time"), or the corrected fields of an entry ("Edit").
#[derive(Clone, Debug, PartialEq)]
pub struct NewTimeEntry {
    pub agent_id: Option<AgentId>,
    pub minutes: u32,
    pub note: String,
    pub billable: bool,
    pub executed_at: Timestamp,
}

/// One edit to an existing release.
#[derive(Clone, Debug, PartialEq)]
pub enum ReleaseEdit {
    Subject(String),
    Description(String),
    Status(Status),
    Priority(Priority),
    ReleaseType(ReleaseType),
    Planned(PlannedWindow),
    WorkWindow { start: Option<Timestamp>, end: Option<Timestamp> },
    Agent(Option<AgentId>),
    Group(Option<GroupId>),
    Department(Option<DepartmentId>),
    Category(Option<String>),
    SubCategory(Option<String>),
    ItemCategory(Option<String>),
    BuildPlan(Option<Plan>),
    TestPlan(Option<Plan>),
    Assets(Vec<ConfigItemId>),
    AssociatedChanges(Vec<ChangeId>),
}

/// What a bulk command does to each selected release.
#[derive(Clone, Debug, PartialEq)]
pub enum BulkAction {
    /// Moves releases to Trash (sets `deleted_at`); they stay in the file.
    Trash,
    /// Brings releases back from Trash.
    Restore,
    /// Deletes releases that are in Trash from the file for good.
    Purge,
    /// Assigns releases to the current agent ("you").
    PickUp,
    /// Sets the agent and/or the group; `None` leaves that field as it is, `Some(None)` clears it.
    Assign {
        agent: Option<Option<AgentId>>,
        group: Option<Option<GroupId>>,
    },
    SetStatus(Status),
    SetPriority(Priority),
}

impl BulkAction {
    /// The action's name on the command line.
    pub fn slug(&self) -> &'static str {
        match self {
            Self::Trash => "trash",
            Self::Restore => "restore",
            Self::Purge => "purge",
            Self::PickUp => "pick-up",
            Self::Assign { .. } => "assign",
            Self::SetStatus(_) => "set-status",
            Self::SetPriority(_) => "set-priority",
        }
    }
}

impl From<ReleaseCommand> for Command {
    fn from(command: ReleaseCommand) -> Self {
        Self::Release(command)
    }
}

impl From<PeopleCommand> for Command {
    fn from(command: PeopleCommand) -> Self {
        Self::People(command)
    }
}

impl From<SettingsCommand> for Command {
    fn from(command: SettingsCommand) -> Self {
        Self::Settings(command)
    }
}

impl From<WorkCommand> for Command {
    fn from(command: WorkCommand) -> Self {
        Self::Work(command)
    }
}

impl From<LifecycleCommand> for Command {
    fn from(command: LifecycleCommand) -> Self {
        Self::Lifecycle(command)
    }
}

impl From<RegistryCommand> for Command {
    fn from(command: RegistryCommand) -> Self {
        Self::Registry(command)
    }
}

impl From<ReadinessCommand> for Command {
    fn from(command: ReadinessCommand) -> Self {
        Self::Readiness(command)
    }
}

impl From<SampleCommand> for Command {
    fn from(command: SampleCommand) -> Self {
        Self::Sample(command)
    }
}

impl Command {
    /// A short English description, for the activity row an undo or redo writes.
    pub(super) fn label(&self) -> String {
        match self {
            Self::Release(command) => match command {
                ReleaseCommand::Create(new) => format!("create release \"{}\"", new.subject.trim()),
                ReleaseCommand::Edit { id, edits } => match edits.as_slice() {
                    [edit] => format!("edit {} of #{id}", edit_field(edit)),
                    _ => format!("edit #{id}"),
                },
                ReleaseCommand::Trash(id) => format!("move #{id} to Trash"),
            },
            Self::People(command) => match command {
                PeopleCommand::AddAgent { name, .. } => format!("add agent {name}"),
                PeopleCommand::AddGroup { name } => format!("add group {name}"),
                PeopleCommand::AddDepartment { name } => format!("add department {name}"),
            },
            Self::Settings(command) => match command {
                SettingsCommand::SetCurrentAgent(_) => "change the current agent".into(),
                SettingsCommand::SetLanguage(_) => "change the language".into(),
                SettingsCommand::SetTheme(_) => "change the theme".into(),
                SettingsCommand::SetKpiTargets(_) => "change the KPI targets".into(),
                SettingsCommand::SaveView { name, .. } => format!("save view \"{name}\""),
                SettingsCommand::DeleteSavedView(_) => "delete a saved view".into(),
            },
            Self::Work(command) => match command {
                WorkCommand::AddNote { release, .. } => format!("add a note to #{release}"),
                WorkCommand::EditNote { .. } => "edit a note".into(),
                WorkCommand::DeleteNote(_) => "delete a note".into(),
                WorkCommand::AddTask { release, fields } => {
                    format!("add task \"{}\" to #{release}", fields.title.trim())
                }
                WorkCommand::EditTask { fields, .. } => format!("edit task \"{}\"", fields.title.trim()),
                WorkCommand::DeleteTask(_) => "delete a task".into(),
                WorkCommand::AddTime { release, .. } => format!("log time on #{release}"),
                WorkCommand::StartTimer { release, .. } => format!("start a timer on #{release}"),
                WorkCommand::StopTimer(_) => "stop the timer".into(),
                WorkCommand::EditTimeEntry { .. } => "edit a time entry".into(),
                WorkCommand::DeleteTimeEntry(_) => "delete a time entry".into(),
            },
            Self::Lifecycle(LifecycleCommand::Move { id, to, .. }) => format!("move #{id} to {}", to.label()),
            Self::Registry(command) => match command {
                RegistryCommand::CreateChange { subject, .. } => {
                    format!("create Change \"{}\"", subject.trim())
                }
                RegistryCommand::UpdateChange(change) => format!("edit Change CHG-{}", change.id),
                RegistryCommand::CreateConfigItem { name, .. } => format!("create CI \"{}\"", name.trim()),
                RegistryCommand::LinkChange { release, change, linked: true } => {
                    format!("link CHG-{change} to #{release}")
                }
                RegistryCommand::LinkChange { release, change, linked: false } => {
                    format!("unlink CHG-{change} from #{release}")
                }
                RegistryCommand::LinkConfigItem { release, item, linked: true } => {
                    format!("link CI {item} to #{release}")
                }
                RegistryCommand::LinkConfigItem { release, item, linked: false } => {
                    format!("unlink CI {item} from #{release}")
                }
            },
            Self::Readiness(ReadinessCommand::Edit { id, .. }) => format!("edit the readiness of #{id}"),
            Self::Bulk { ids, action } => {
                let n = ids.len();
                match action {
                    BulkAction::Trash => format!("move {n} releases to Trash"),
                    BulkAction::Restore => format!("restore {n} releases from Trash"),
                    BulkAction::Purge => format!("delete {n} releases forever"),
                    BulkAction::PickUp => format!("pick up {n} releases"),
                    BulkAction::Assign { agent, group } => {
                        let mut parts = Vec::new();
                        if let Some(agent) = agent {
                            parts.push(agent.map_or_else(|| "no agent".to_owned(), |a| format!("agent {a}")));
                        }
                        if let Some(group) = group {
                            parts.push(group.map_or_else(|| "no group".to_owned(), |g| format!("group {g}")));
                        }
                        format!("assign {n} releases to {}", parts.join(" and "))
                    }
                    BulkAction::SetStatus(s) => format!("set the status of {n} releases to {}", s.label()),
                    BulkAction::SetPriority(p) => {
                        format!("set the priority of {n} releases to {}", p.label())
                    }
                }
            }
            Self::Sample(SampleCommand::Load { data, .. }) => {
                format!("load {} sample releases", data.releases.len())
            }
        }
    }
}

/// The Freshservice field an edit changes.
fn edit_field(edit: &ReleaseEdit) -> &'static str {
    match edit {
        ReleaseEdit::Subject(_) => "subject",
        ReleaseEdit::Description(_) => "description",
        ReleaseEdit::Status(_) => "status",
        ReleaseEdit::Priority(_) => "priority",
        ReleaseEdit::ReleaseType(_) => "release_type",
        ReleaseEdit::Planned(_) => "planned window",
        ReleaseEdit::WorkWindow { .. } => "work window",
        ReleaseEdit::Agent(_) => "agent",
        ReleaseEdit::Group(_) => "group",
        ReleaseEdit::Department(_) => "department",
        ReleaseEdit::Category(_) => "category",
        ReleaseEdit::SubCategory(_) => "sub_category",
        ReleaseEdit::ItemCategory(_) => "item_category",
        ReleaseEdit::BuildPlan(_) => "build plan",
        ReleaseEdit::TestPlan(_) => "test plan",
        ReleaseEdit::Assets(_) => "CIs",
        ReleaseEdit::AssociatedChanges(_) => "changes",
    }
}
