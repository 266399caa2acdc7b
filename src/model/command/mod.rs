//! The commands a user (or the CLI) can give, nested by noun: `Command::Release(ReleaseCommand::..)`,
//! `Command::Work(WorkCommand::..)`, ... Each noun's commands are planned in its own file under
//! `plan/` by one exhaustive match, so a new command that is not planned does not compile. Every one
//! is applied by [`super::Model::apply`]; undo and redo write their own internal type through the
//! same path, which nothing outside the model can make.

use super::cab::CabCommand;
use super::meeting::MeetingCommand;
use super::monitoring::MonitoringCommand;
use super::regulator::RegulatorCommand;
use super::schedule::ScheduleCommand;
use crate::domain::Directory;
use crate::domain::activity::{Assigned, BulkSummary, CommandSummary, EditedField, Named};
use crate::domain::{
    AgentId, CabApproval, Change, ChangeId, ChangeRisk, CiKind, ConfigItem, ConfigItemId, DepartmentId,
    GroupId, KpiTargets, Language, NoteId, Outcome, Plan, PlannedWindow, PredefinedView, Priority,
    ReadinessEdit, ReleaseFilter, ReleaseId, ReleaseType, SavedViewId, SortSpec, Stage, Status, TaskFields,
    TaskId, Theme, TimeEntryId, Timestamp,
    import::{ImportBatch, ImportSource},
    sample::SampleData,
};

mod records;
mod team;

use records::template_summary;
pub use records::{BackoutCommand, ImpactCommand, ReviewCommand, TemplateCommand};
pub use team::{Keep, TeamCommand};

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
    /// A release's back-out plan and its rehearsals.
    Backout(BackoutCommand),
    /// A release's impact analysis.
    Impact(ImpactCommand),
    /// A release's post-implementation review.
    Review(ReviewCommand),
    Template(TemplateCommand),
    /// One action on many releases, in one transaction: all of them or none.
    Bulk {
        ids: Vec<ReleaseId>,
        action: BulkAction,
    },
    /// The sample data.
    Sample(SampleCommand),
    /// Releases (and what they carry) from files: one command per import, so one undo takes it back.
    Import(ImportCommand),
    /// Deployment windows, change freezes, and moving a release on the calendar.
    Schedule(ScheduleCommand),
    /// CABs, the CAB a Change goes to, and the members' votes.
    Cab(CabCommand),
    /// Metric readings after deploy and the thresholds they are held to.
    Monitoring(MonitoringCommand),
    /// CAB meetings: their agendas, decisions, minutes and action items.
    Meeting(MeetingCommand),
    /// Regulator steps and the regulator's approvals of releases.
    Regulator(RegulatorCommand),
    /// The file's team: resolving the conflicts a sync met.
    Team(TeamCommand),
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
    AddAgent {
        name: String,
        email: String,
    },
    AddGroup {
        name: String,
    },
    AddDepartment {
        name: String,
    },
    /// The first-run step "Who are you?": adds the user as an agent and works as them.
    AddMe {
        name: String,
        email: String,
    },
    EditAgent {
        id: AgentId,
        name: String,
        email: String,
    },
    RenameGroup {
        id: GroupId,
        name: String,
    },
    RenameDepartment {
        id: DepartmentId,
        name: String,
    },
    /// Deactivates an agent who left (no longer offered in pickers; the releases that name them
    /// keep them) or reactivates them.
    SetAgentActive {
        id: AgentId,
        active: bool,
    },
    /// Removing is refused while a release (its work, risks, stage history) names it.
    RemoveAgent(AgentId),
    RemoveGroup(GroupId),
    RemoveDepartment(DepartmentId),
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
        /// A Rollback: how long the restore took (recorded against the back-out plan's target).
        restore_minutes: Option<u32>,
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
    /// Replaces a CI's name, kind, criticality and what it depends on (no cycles).
    UpdateConfigItem(ConfigItem),
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

/// Imports, each written in one transaction after a verified backup: all or nothing.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportCommand {
    /// Releases from Freshservice JSON or a CSV file: new ones are added, those imported before
    /// (found by their external id) get what changed.
    Releases(ImportBatch),
    /// A whole database from an archive; refused unless this database is empty.
    Archive(Box<ArchiveContents>),
}

/// Everything an archive holds: the database as the model holds it, and the activity log.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArchiveContents {
    pub snapshot: crate::store::Snapshot,
    /// Oldest first; their ids are given anew by the file they go into.
    pub activities: Vec<crate::domain::Activity>,
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

/// `impl From<Noun> for Command` for each noun's enum, so `ReleaseCommand::..into()` is a command.
macro_rules! from_noun {
    ($($noun:ident => $variant:ident),* $(,)?) => {
        $(impl From<$noun> for Command {
            fn from(command: $noun) -> Self {
                Self::$variant(command)
            }
        })*
    };
}

from_noun!(
    ReleaseCommand => Release,
    PeopleCommand => People,
    SettingsCommand => Settings,
    WorkCommand => Work,
    LifecycleCommand => Lifecycle,
    RegistryCommand => Registry,
    ReadinessCommand => Readiness,
    ImportCommand => Import,
    ScheduleCommand => Schedule,
    SampleCommand => Sample,
    CabCommand => Cab,
    MonitoringCommand => Monitoring,
    MeetingCommand => Meeting,
    RegulatorCommand => Regulator,
    TeamCommand => Team,
);

impl Command {
    /// What the command does, as a typed summary (ids, counts, the names the user typed; agents
    /// and groups with their names as `directory` has them): the undo and redo rows of the
    /// activity log keep it, and `i18n::command_label` puts it into words.
    pub fn summary(&self, directory: &Directory) -> CommandSummary {
        match self {
            Self::Release(command) => release_summary(command),
            Self::People(command) => match command {
                PeopleCommand::AddAgent { name, .. } => {
                    CommandSummary::AddAgent { name: name.trim().to_owned() }
                }
                PeopleCommand::AddGroup { name } => CommandSummary::AddGroup { name: name.trim().to_owned() },
                PeopleCommand::AddDepartment { name } => {
                    CommandSummary::AddDepartment { name: name.trim().to_owned() }
                }
                PeopleCommand::AddMe { name, .. } => CommandSummary::AddMe { name: name.trim().to_owned() },
                PeopleCommand::EditAgent { id, .. } => {
                    CommandSummary::EditAgent { name: directory.agent_name(Some(*id)).to_owned() }
                }
                PeopleCommand::RenameGroup { id, .. } => {
                    CommandSummary::RenameGroup { name: directory.group_name(Some(*id)).to_owned() }
                }
                PeopleCommand::RenameDepartment { id, .. } => {
                    CommandSummary::RenameDepartment { name: directory.department_name(Some(*id)).to_owned() }
                }
                PeopleCommand::SetAgentActive { id, active } => CommandSummary::SetAgentActive {
                    name: directory.agent_name(Some(*id)).to_owned(),
                    active: *active,
                },
                PeopleCommand::RemoveAgent(id) => {
                    CommandSummary::RemoveAgent { name: directory.agent_name(Some(*id)).to_owned() }
                }
                PeopleCommand::RemoveGroup(id) => {
                    CommandSummary::RemoveGroup { name: directory.group_name(Some(*id)).to_owned() }
                }
                PeopleCommand::RemoveDepartment(id) => {
                    CommandSummary::RemoveDepartment { name: directory.department_name(Some(*id)).to_owned() }
                }
            },
            Self::Settings(command) => match command {
                SettingsCommand::SetCurrentAgent(agent) => CommandSummary::SetCurrentAgent {
                    agent: agent.map(|id| Named::new(id, directory.agent_name(Some(id)))),
                },
                SettingsCommand::SetLanguage(_) => CommandSummary::SetLanguage,
                SettingsCommand::SetTheme(_) => CommandSummary::SetTheme,
                SettingsCommand::SetKpiTargets(_) => CommandSummary::SetKpiTargets,
                SettingsCommand::SaveView { name, .. } => {
                    CommandSummary::SaveView { name: name.trim().to_owned() }
                }
                SettingsCommand::DeleteSavedView(_) => CommandSummary::DeleteSavedView,
            },
            Self::Work(command) => work_summary(command),
            Self::Lifecycle(LifecycleCommand::Move { id, to, .. }) => {
                CommandSummary::MoveStage { release: *id, to: *to }
            }
            Self::Registry(command) => registry_summary(command),
            Self::Readiness(ReadinessCommand::Edit { id, .. }) => {
                CommandSummary::EditReadiness { release: *id }
            }
            Self::Backout(BackoutCommand::Edit { release, .. }) => {
                CommandSummary::EditBackout { release: *release }
            }
            Self::Backout(BackoutCommand::Remove(release)) => {
                CommandSummary::RemoveBackout { release: *release }
            }
            Self::Impact(ImpactCommand::Set { release, .. }) => {
                CommandSummary::SetImpact { release: *release }
            }
            Self::Review(ReviewCommand::Save { release, follow_ups, .. }) => {
                CommandSummary::SaveReview { release: *release, follow_ups: follow_ups.len() as u32 }
            }
            Self::Template(command) => template_summary(command),
            Self::Bulk { ids, action } => {
                CommandSummary::Bulk { count: ids.len() as u32, action: bulk_summary(action, directory) }
            }
            Self::Sample(SampleCommand::Load { data, .. }) => {
                CommandSummary::LoadSample { count: data.releases.len() as u32 }
            }
            Self::Import(ImportCommand::Releases(batch)) => {
                CommandSummary::Import { source: batch.source, count: batch.releases.len() as u32 }
            }
            Self::Import(ImportCommand::Archive(archive)) => CommandSummary::Import {
                source: ImportSource::Archive,
                count: archive.snapshot.releases.len() as u32,
            },
            Self::Schedule(command) => super::schedule::summary(command),
            Self::Cab(command) => super::cab::summary(command),
            Self::Monitoring(command) => super::monitoring::summary(command),
            Self::Meeting(command) => super::meeting::summary(command),
            Self::Regulator(command) => super::regulator::summary(command),
            Self::Team(command) => team::summary(command),
        }
    }
}

fn release_summary(command: &ReleaseCommand) -> CommandSummary {
    match command {
        ReleaseCommand::Create(new) => {
            CommandSummary::CreateRelease { subject: new.subject.trim().to_owned() }
        }
        ReleaseCommand::Edit { id, edits } => CommandSummary::EditRelease {
            release: *id,
            field: match edits.as_slice() {
                [edit] => Some(edited_field(edit)),
                _ => None,
            },
        },
        ReleaseCommand::Trash(id) => CommandSummary::TrashRelease { release: *id },
    }
}

fn work_summary(command: &WorkCommand) -> CommandSummary {
    match command {
        WorkCommand::AddNote { release, .. } => CommandSummary::AddNote { release: *release },
        WorkCommand::EditNote { .. } => CommandSummary::EditNote,
        WorkCommand::DeleteNote(_) => CommandSummary::DeleteNote,
        WorkCommand::AddTask { release, fields } => {
            CommandSummary::AddTask { release: *release, title: fields.title.trim().to_owned() }
        }
        WorkCommand::EditTask { fields, .. } => {
            CommandSummary::EditTask { title: fields.title.trim().to_owned() }
        }
        WorkCommand::DeleteTask(_) => CommandSummary::DeleteTask,
        WorkCommand::AddTime { release, .. } => CommandSummary::AddTime { release: *release },
        WorkCommand::StartTimer { release, .. } => CommandSummary::StartTimer { release: *release },
        WorkCommand::StopTimer(_) => CommandSummary::StopTimer,
        WorkCommand::EditTimeEntry { .. } => CommandSummary::EditTimeEntry,
        WorkCommand::DeleteTimeEntry(_) => CommandSummary::DeleteTimeEntry,
    }
}

fn registry_summary(command: &RegistryCommand) -> CommandSummary {
    match command {
        RegistryCommand::CreateChange { subject, .. } => {
            CommandSummary::CreateChange { subject: subject.trim().to_owned() }
        }
        RegistryCommand::UpdateChange(change) => CommandSummary::UpdateChange { change: change.id },
        RegistryCommand::CreateConfigItem { name, .. } => {
            CommandSummary::CreateConfigItem { name: name.trim().to_owned() }
        }
        RegistryCommand::UpdateConfigItem(item) => CommandSummary::UpdateConfigItem { item: item.id },
        RegistryCommand::LinkChange { release, change, linked } => {
            CommandSummary::LinkChange { release: *release, change: *change, linked: *linked }
        }
        RegistryCommand::LinkConfigItem { release, item, linked } => {
            CommandSummary::LinkConfigItem { release: *release, item: *item, linked: *linked }
        }
    }
}

fn bulk_summary(action: &BulkAction, directory: &Directory) -> BulkSummary {
    match action {
        BulkAction::Trash => BulkSummary::Trash,
        BulkAction::Restore => BulkSummary::Restore,
        BulkAction::Purge => BulkSummary::Purge,
        BulkAction::PickUp => BulkSummary::PickUp,
        BulkAction::Assign { agent, group } => BulkSummary::Assign {
            agent: match agent {
                None => Assigned::Unchanged,
                Some(None) => Assigned::Nobody,
                Some(Some(id)) => Assigned::To(Named::new(*id, directory.agent_name(Some(*id)))),
            },
            group: match group {
                None => Assigned::Unchanged,
                Some(None) => Assigned::Nobody,
                Some(Some(id)) => Assigned::To(Named::new(*id, directory.group_name(Some(*id)))),
            },
        },
        BulkAction::SetStatus(status) => BulkSummary::SetStatus(*status),
        BulkAction::SetPriority(priority) => BulkSummary::SetPriority(*priority),
    }
}

/// The field an edit changes.
fn edited_field(edit: &ReleaseEdit) -> EditedField {
    match edit {
        ReleaseEdit::Subject(_) => EditedField::Subject,
        ReleaseEdit::Description(_) => EditedField::Description,
        ReleaseEdit::Status(_) => EditedField::Status,
        ReleaseEdit::Priority(_) => EditedField::Priority,
        ReleaseEdit::ReleaseType(_) => EditedField::ReleaseType,
        ReleaseEdit::Planned(_) => EditedField::Planned,
        ReleaseEdit::WorkWindow { .. } => EditedField::WorkWindow,
        ReleaseEdit::Agent(_) => EditedField::Agent,
        ReleaseEdit::Group(_) => EditedField::Group,
        ReleaseEdit::Department(_) => EditedField::Department,
        ReleaseEdit::Category(_) => EditedField::Category,
        ReleaseEdit::SubCategory(_) => EditedField::SubCategory,
        ReleaseEdit::ItemCategory(_) => EditedField::ItemCategory,
        ReleaseEdit::BuildPlan(_) => EditedField::BuildPlan,
        ReleaseEdit::TestPlan(_) => EditedField::TestPlan,
        ReleaseEdit::Assets(_) => EditedField::Assets,
        ReleaseEdit::AssociatedChanges(_) => EditedField::Changes,
    }
}
