//! The activity log: every change to a release (and to the settings, people and views), who made
//! it, when, and its old and new values. Kinds and fields are stored as codes and values as typed
//! [`Value`]s, never as English; they are put into words in the UI language only when shown
//! (`i18n::activity`), so a log reads the same in Korean whichever language wrote it.

mod command;
mod diff;
mod named;
mod release_records;
mod value;

pub use command::{Assigned, BulkSummary, CommandSummary, EditedField};
pub use diff::{readiness_changes, release_changes};
pub use named::Named;
pub use release_records::{
    backout_changes, config_item_changes, impact_changes, plan_progress, review_changes,
};
pub use value::{
    ChangeRef, ConfigItemRef, GateReasons, PhaseRef, PlanProgress, ReadingRef, RegulatorApprovalRef,
    RehearsalRef, RiskRef, ScheduleRef, TaskRef, ThresholdRef, Value, VoteRef, gist,
};

use super::ids::{ActivityId, AgentId, ReleaseId, Timestamp};
use super::registry::string_coded;

string_coded!(
    /// What kind of change a row records.
    ActivityKind {
        /// A release was created (by hand or by the sample import).
        Created = "created",
        /// Fields of a release were edited (one at a time, or by a bulk action).
        Field = "field",
        Trash = "trash",
        Restore = "restore",
        /// Deleted from the file for good.
        Purge = "purge",
        Note = "note",
        Task = "task",
        Time = "time",
        /// A Change or CI was linked to the release, or unlinked.
        Link = "link",
        /// A Change was added to the registry or edited.
        Change = "change",
        /// A configuration item was added to the registry.
        ConfigItem = "ci",
        /// A lifecycle move: the release fields it changed.
        Stage = "stage",
        /// The note given with a lifecycle move.
        StageNote = "stage_note",
        /// Deploy went through a closed gate on a written reason.
        Override = "override",
        Readiness = "readiness",
        /// The back-out plan: its steps, go/no-go, decision point, restore target, rehearsals.
        Backout = "backout",
        /// The impact analysis.
        Impact = "impact",
        /// The post-implementation review and its follow-up actions.
        Review = "review",
        /// One of the user templates saved or deleted.
        Template = "template",
        Setting = "setting",
        View = "view",
        Agent = "agent",
        Group = "group",
        Department = "department",
        Undo = "undo",
        Redo = "redo",
        /// A release was added or changed by an import (Freshservice JSON, CSV, an archive).
        Imported = "imported",
        /// A deployment window was added, edited or deleted.
        Window = "window",
        /// A change freeze was added, edited or deleted.
        Freeze = "freeze",
        /// A CAB was saved or deleted, or a Change sent to one.
        Cab = "cab",
        /// A CAB member voted on a Change or a release's go/no-go, or took the vote back.
        Vote = "vote",
        /// A metric reading after deploy was added or deleted, or a metric's threshold set.
        Monitoring = "monitoring",
        /// A CAB meeting saved or deleted, its agenda, a decision, the minutes or an action item.
        Meeting = "meeting",
        /// A regulator step was saved or deleted, or a regulator's approval recorded or withdrawn.
        Regulator = "regulator",
        /// A teammate's change to a release, brought in by a team sync.
        Team = "team",
    }
);

/// Defines [`Field`]: codes, plus `Other` for a code this build does not know.
macro_rules! fields {
    ($($(#[$meta:meta])* $variant:ident = $code:literal,)+) => {
        /// What changed. The codes of release fields are Freshservice's field names.
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum Field {
            $($(#[$meta])* $variant,)+
            /// A field code this build does not know (kept from an older log as it was written).
            Other(String),
        }

        impl Field {
            /// Every known field.
            pub const ALL: &'static [Self] = &[$(Self::$variant,)+];

            /// The stored code.
            pub fn code(&self) -> &str {
                match self {
                    $(Self::$variant => $code,)+
                    Self::Other(code) => code,
                }
            }

            /// The field of a stored code; an unknown code is kept as [`Field::Other`].
            pub fn from_code(code: &str) -> Self {
                match code {
                    $($code => Self::$variant,)+
                    other => Self::Other(other.to_owned()),
                }
            }
        }
    };
}

fields!(
    Subject = "subject",
    Description = "description",
    Status = "status",
    Priority = "priority",
    ReleaseType = "release_type",
    PlannedStart = "planned_start_date",
    PlannedEnd = "planned_end_date",
    WorkStart = "work_start_date",
    WorkEnd = "work_end_date",
    Agent = "agent_id",
    Group = "group_id",
    Department = "department_id",
    Category = "category",
    SubCategory = "sub_category",
    ItemCategory = "item_category",
    /// Linked configuration items.
    Assets = "assets",
    AssociatedChanges = "associated_change_ids",
    BuildPlan = "build_plan",
    TestPlan = "test_plan",
    Stage = "stage",
    Outcome = "outcome",
    ClosedAt = "closed_at",
    RollbackCount = "rollback_count",
    DowntimeMinutes = "downtime_minutes",
    DeletedAt = "deleted_at",
    /// The release's id in the system it was imported from.
    ExternalId = "external_id",
    /// Freshservice's custom fields of the release.
    CustomFields = "custom_fields",
    /// A note's text (of a release, or of a time entry).
    Note = "note",
    Task = "task",
    TimeSpent = "time_spent",
    Timer = "timer",
    ExecutedAt = "executed_at",
    Billable = "billable",
    /// A Change of the registry.
    Change = "change",
    /// A configuration item of the registry.
    ConfigItem = "ci",
    /// The release plan checklist.
    PlanChecklist = "readiness",
    Mitigation = "mitigation",
    Risk = "risk",
    Strategy = "strategy",
    DeploymentPhases = "deployment_phases",
    DeployGate = "deploy_gate",
    /// The back-out plan's steps.
    BackoutPlan = "backout_plan",
    GoNoGo = "go_no_go",
    DecisionPoint = "decision_point_minutes",
    RestoreTarget = "restore_target_minutes",
    Rehearsal = "rehearsal",
    /// How long a rollback's restore took.
    RestoreTime = "restore_minutes",
    /// A configuration item's criticality.
    Criticality = "criticality",
    /// The CIs a configuration item depends on.
    DependsOn = "depends_on",
    UsersAffected = "users_affected",
    ExpectedDowntime = "expected_downtime_minutes",
    ImpactSummary = "impact_summary",
    WentWell = "went_well",
    WentWrong = "went_wrong",
    Lessons = "lessons",
    /// A follow-up action of a review (a task).
    FollowUp = "follow_up",
    /// The template a release was made from.
    Template = "template",
    /// The release a release was copied from.
    ClonedFrom = "cloned_from",
    CurrentAgent = "current_agent",
    Language = "language",
    Theme = "theme",
    KpiTargets = "kpi_targets",
    /// An agent's e-mail address.
    Email = "email",
    /// Whether an agent is active (`Value::Bool`).
    Active = "active",
    /// The name of what was added or removed (an agent, a group, a department, a saved view).
    Name = "name",
    /// The command an undo took back or a redo applied again.
    Command = "command",
    /// A deployment window.
    Window = "window",
    /// A change freeze (also: the hard freeze a Deploy override went through).
    Freeze = "freeze",
    /// A CAB (also: the CAB a Change goes to).
    Cab = "cab",
    /// A CAB member's vote.
    Vote = "vote",
    /// A metric reading after deploy.
    Reading = "reading",
    /// The threshold a release's metric is held to.
    Threshold = "threshold",
    /// A CAB meeting, by its start (`Value::Time`).
    Meeting = "meeting",
    /// How many releases a meeting's agenda holds (`Value::Count`).
    Agenda = "agenda",
    /// What a meeting decided on a release (`Value::MeetingOutcome`).
    Decision = "decision",
    /// How many action items a decision has (`Value::Count`).
    Actions = "actions",
    /// A meeting's minutes (their length, `Value::Chars`).
    Minutes = "minutes",
    /// Whether an action item is done (`Value::Bool`).
    ActionDone = "action_done",
    /// A regulator step (also: one a Deploy override went through without its approval).
    RegulatorStep = "regulator_step",
    /// A regulator's approval of a release for a step.
    RegulatorApproval = "regulator_approval",
);

/// One field of a row, old and new.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldChange {
    pub field: Field,
    pub old: Value,
    pub new: Value,
}

impl FieldChange {
    pub fn new(field: Field, old: Value, new: Value) -> Self {
        Self { field, old, new }
    }

    /// A value that appeared (`old` is [`Value::None`]).
    pub fn added(field: Field, new: Value) -> Self {
        Self { field, old: Value::None, new }
    }

    /// A value that went away (`new` is [`Value::None`]).
    pub fn removed(field: Field, old: Value) -> Self {
        Self { field, old, new: Value::None }
    }
}

/// One logged change.
#[derive(Clone, Debug, PartialEq)]
pub struct Activity {
    pub id: ActivityId,
    /// `None` for changes that are not about one release (settings, saved views, people).
    pub release_id: Option<ReleaseId>,
    /// The agent who made the change; `None` when no agent was signed in.
    pub actor: Option<AgentId>,
    pub at: Timestamp,
    pub kind: ActivityKind,
    /// What changed: one field (most rows), several (a bulk assignment, a time entry's edit), or
    /// none (a release moved to Trash by a bulk action).
    pub changes: Vec<FieldChange>,
}

impl Activity {
    /// The change of `field`, if the row has one.
    pub fn change(&self, field: &Field) -> Option<&FieldChange> {
        self.changes.iter().find(|c| &c.field == field)
    }
}
