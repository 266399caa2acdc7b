//! The commands a user (or the CLI) can give. Each one is applied by [`super::Model::apply`].

use crate::domain::{
    AgentId, CabApproval, Change, ChangeRisk, CiKind, DepartmentId, GroupId, KpiTargets, Language, Outcome,
    Plan, PlannedWindow, PredefinedView, Priority, ReadinessEdit, ReleaseFilter, ReleaseId, ReleaseType,
    Stage, Status, TaskFields, Theme, Timestamp, sample::SampleData,
};
use crate::store::Mutation;

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
    Assets(Vec<i64>),
    AssociatedChanges(Vec<i64>),
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
    /// The action's name on the command line and in the activity log.
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

/// Every change to stored state goes through one of these.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    CreateRelease(NewRelease),
    EditRelease {
        id: ReleaseId,
        edits: Vec<ReleaseEdit>,
    },
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
    SetCurrentAgent(Option<AgentId>),
    SetLanguage(Option<Language>),
    SetTheme(Theme),
    /// Replaces the KPI targets (validated: finite, in range).
    SetKpiTargets(KpiTargets),
    SaveView {
        name: String,
        base: PredefinedView,
        filter: ReleaseFilter,
        sort: crate::domain::SortSpec,
    },
    DeleteSavedView(i64),
    /// Loads the sample scenarios (agents, groups, departments, releases) in one transaction.
    /// Refused when the database already holds releases, unless `force`.
    LoadSample {
        data: SampleData,
        force: bool,
    },
    /// Moves one release to Trash (sets `deleted_at`).
    TrashRelease(ReleaseId),
    AddNote {
        release: ReleaseId,
        body: String,
    },
    EditNote {
        id: i64,
        body: String,
    },
    DeleteNote(i64),
    AddTask {
        release: ReleaseId,
        fields: TaskFields,
    },
    EditTask {
        id: i64,
        fields: TaskFields,
    },
    DeleteTask(i64),
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
    StopTimer(i64),
    /// Corrects a stopped time entry: agent, time spent, note, billable, executed at. Validated as
    /// `AddTime` is. Refused while the entry's timer runs (`ItemRefused::TimerRunning`): its time
    /// spent is the stored minutes plus the live clock, so a fixed hh:mm from a form would either be
    /// overtaken by the clock or have to stop it behind the user's back. Stop the timer, then edit.
    EditTimeEntry {
        id: i64,
        entry: NewTimeEntry,
    },
    DeleteTimeEntry(i64),
    /// Adds a Change to the registry, and links it to `link_to` if given (the link picker's "create").
    CreateChange {
        subject: String,
        approval: CabApproval,
        risk: ChangeRisk,
        link_to: Option<ReleaseId>,
    },
    /// Replaces a Change's subject, CAB approval and risk.
    UpdateChange(Change),
    /// Adds a configuration item, and links it to `link_to` if given.
    CreateConfigItem {
        name: String,
        kind: CiKind,
        link_to: Option<ReleaseId>,
    },
    /// Links (or with `linked: false` unlinks) a Change and a release.
    LinkChange {
        release: ReleaseId,
        change: i64,
        linked: bool,
    },
    /// Links (or unlinks) a configuration item and a release.
    LinkConfigItem {
        release: ReleaseId,
        item: i64,
        linked: bool,
    },
    /// Moves a release to another lifecycle stage (see `domain::lifecycle::transition`).
    MoveStage {
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
    /// Edits a release's readiness checklists, risk register or deployment strategy.
    EditReadiness {
        id: ReleaseId,
        edits: Vec<ReadinessEdit>,
    },
    /// One action on many releases, in one transaction: all of them or none.
    Bulk {
        ids: Vec<ReleaseId>,
        action: BulkAction,
    },
    /// Writes stored state back to an earlier version (undo and redo).
    Revert {
        label: String,
        mutations: Vec<Mutation>,
    },
}

impl Command {
    /// A short English description, used for the undo menu and the activity log.
    pub fn label(&self) -> String {
        match self {
            Self::CreateRelease(new) => format!("create release \"{}\"", new.subject.trim()),
            Self::EditRelease { id, edits } => match edits.as_slice() {
                [edit] => format!("edit {} of #{id}", edit_field(edit)),
                _ => format!("edit #{id}"),
            },
            Self::AddAgent { name, .. } => format!("add agent {name}"),
            Self::AddGroup { name } => format!("add group {name}"),
            Self::AddDepartment { name } => format!("add department {name}"),
            Self::SetCurrentAgent(_) => "change the current agent".into(),
            Self::SetLanguage(_) => "change the language".into(),
            Self::SetTheme(_) => "change the theme".into(),
            Self::SetKpiTargets(_) => "change the KPI targets".into(),
            Self::SaveView { name, .. } => format!("save view \"{name}\""),
            Self::DeleteSavedView(_) => "delete a saved view".into(),
            Self::LoadSample { data, .. } => format!("load {} sample releases", data.releases.len()),
            Self::TrashRelease(id) => format!("move #{id} to Trash"),
            Self::AddNote { release, .. } => format!("add a note to #{release}"),
            Self::EditNote { .. } => "edit a note".into(),
            Self::DeleteNote(_) => "delete a note".into(),
            Self::AddTask { release, fields } => {
                format!("add task \"{}\" to #{release}", fields.title.trim())
            }
            Self::EditTask { fields, .. } => format!("edit task \"{}\"", fields.title.trim()),
            Self::DeleteTask(_) => "delete a task".into(),
            Self::AddTime { release, .. } => format!("log time on #{release}"),
            Self::StartTimer { release, .. } => format!("start a timer on #{release}"),
            Self::StopTimer(_) => "stop the timer".into(),
            Self::EditTimeEntry { .. } => "edit a time entry".into(),
            Self::DeleteTimeEntry(_) => "delete a time entry".into(),
            Self::CreateChange { subject, .. } => format!("create Change \"{}\"", subject.trim()),
            Self::UpdateChange(change) => format!("edit Change CHG-{}", change.id),
            Self::CreateConfigItem { name, .. } => format!("create CI \"{}\"", name.trim()),
            Self::LinkChange { release, change, linked: true } => format!("link CHG-{change} to #{release}"),
            Self::LinkChange { release, change, linked: false } => {
                format!("unlink CHG-{change} from #{release}")
            }
            Self::LinkConfigItem { release, item, linked: true } => format!("link CI {item} to #{release}"),
            Self::LinkConfigItem { release, item, linked: false } => {
                format!("unlink CI {item} from #{release}")
            }
            Self::MoveStage { id, to, .. } => format!("move #{id} to {}", to.label()),
            Self::EditReadiness { id, .. } => format!("edit the readiness of #{id}"),
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
            Self::Revert { label, .. } => label.clone(),
        }
    }
}

/// The Freshservice field an edit changes.
pub fn edit_field(edit: &ReleaseEdit) -> &'static str {
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
