//! A typed summary of a command, for the rows undo and redo write (which command they took back
//! or applied again) and for naming commands in the Edit menu: ids, counts and the names the user
//! typed, never an English label. The model makes one from its command; `i18n` puts it into words.

use serde::{Deserialize, Serialize};

use super::named::Named;
use crate::domain::cab::meeting::MeetingOutcome;
use crate::domain::cab::{VoteDecision, VoteSubject};
use crate::domain::ids::{
    AgentId, CabId, CabMeetingId, ChangeId, ConfigItemId, GroupId, RegulatorStepId, ReleaseId, Timestamp,
};
use crate::domain::monitoring::MetricName;
use crate::domain::registry::string_coded;
use crate::domain::release::{Priority, Status};
use crate::domain::stage::Stage;

string_coded!(
    /// The field one edit of a release changes.
    EditedField {
        Subject = "subject",
        Description = "description",
        Status = "status",
        Priority = "priority",
        ReleaseType = "release_type",
        Planned = "planned",
        WorkWindow = "work_window",
        Agent = "agent",
        Group = "group",
        Department = "department",
        Category = "category",
        SubCategory = "sub_category",
        ItemCategory = "item_category",
        BuildPlan = "build_plan",
        TestPlan = "test_plan",
        Assets = "assets",
        Changes = "changes",
    }
);

/// What a command did, in words-free form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum CommandSummary {
    CreateRelease {
        subject: String,
    },
    /// One field of a release edited (`field`), or several at once (`None`).
    EditRelease {
        release: ReleaseId,
        field: Option<EditedField>,
    },
    TrashRelease {
        release: ReleaseId,
    },
    AddAgent {
        name: String,
    },
    AddGroup {
        name: String,
    },
    AddDepartment {
        name: String,
    },
    /// The first-run step: the user added as an agent, and working as them.
    AddMe {
        name: String,
    },
    /// An agent's name or e-mail edited (`name`: as it was).
    EditAgent {
        name: String,
    },
    RenameGroup {
        name: String,
    },
    RenameDepartment {
        name: String,
    },
    /// An agent deactivated (`active` false) or reactivated.
    SetAgentActive {
        name: String,
        active: bool,
    },
    RemoveAgent {
        name: String,
    },
    RemoveGroup {
        name: String,
    },
    RemoveDepartment {
        name: String,
    },
    /// Signed in as `agent` (`None`: nobody).
    SetCurrentAgent {
        agent: Option<Named<AgentId>>,
    },
    /// The current agent changed, to whom an older log did not say.
    ChangeCurrentAgent,
    SetLanguage,
    SetTheme,
    SetKpiTargets,
    SaveView {
        name: String,
    },
    DeleteSavedView,
    LoadSample {
        count: u32,
    },
    /// An import: how many releases it brought (created or updated), from where.
    Import {
        source: crate::domain::import::ImportSource,
        count: u32,
    },
    AddNote {
        release: ReleaseId,
    },
    EditNote,
    DeleteNote,
    AddTask {
        release: ReleaseId,
        title: String,
    },
    EditTask {
        title: String,
    },
    DeleteTask,
    AddTime {
        release: ReleaseId,
    },
    StartTimer {
        release: ReleaseId,
    },
    StopTimer,
    EditTimeEntry,
    DeleteTimeEntry,
    CreateChange {
        subject: String,
    },
    UpdateChange {
        change: ChangeId,
    },
    CreateConfigItem {
        name: String,
    },
    LinkChange {
        release: ReleaseId,
        change: ChangeId,
        linked: bool,
    },
    LinkConfigItem {
        release: ReleaseId,
        item: ConfigItemId,
        linked: bool,
    },
    UpdateConfigItem {
        item: ConfigItemId,
    },
    MoveStage {
        release: ReleaseId,
        to: Stage,
    },
    EditReadiness {
        release: ReleaseId,
    },
    EditBackout {
        release: ReleaseId,
    },
    RemoveBackout {
        release: ReleaseId,
    },
    SetImpact {
        release: ReleaseId,
    },
    /// A review saved with `follow_ups` new follow-up tasks.
    SaveReview {
        release: ReleaseId,
        follow_ups: u32,
    },
    SaveTemplate {
        name: String,
    },
    DeleteTemplate {
        key: String,
    },
    CreateFromTemplate {
        subject: String,
    },
    CloneRelease {
        release: ReleaseId,
    },
    /// One action on `count` releases.
    Bulk {
        count: u32,
        action: BulkSummary,
    },
    AddWindow {
        name: String,
    },
    EditWindow {
        name: String,
    },
    DeleteWindow,
    AddFreeze {
        name: String,
    },
    EditFreeze {
        name: String,
    },
    DeleteFreeze,
    /// Windows and freezes imported from a calendar file.
    ImportSchedule {
        windows: u32,
        freezes: u32,
    },
    /// A release's planned window moved or resized on the calendar.
    Reschedule {
        release: ReleaseId,
    },
    SaveCab {
        name: String,
    },
    DeleteCab {
        cab: CabId,
    },
    /// A Change sent to a CAB (`cab`), or back to its hand-recorded approval.
    AssignCab {
        change: ChangeId,
        cab: bool,
    },
    Vote {
        subject: VoteSubject,
        decision: VoteDecision,
    },
    WithdrawVote {
        subject: VoteSubject,
    },
    /// A metric reading added to a release.
    AddReading {
        release: ReleaseId,
        metric: MetricName,
    },
    DeleteReading {
        release: ReleaseId,
    },
    /// The threshold of a release's metric set.
    SetThreshold {
        release: ReleaseId,
        metric: MetricName,
    },
    /// A CAB meeting saved (`new`: added) at `start`.
    SaveMeeting {
        start: Timestamp,
        new: bool,
    },
    DeleteMeeting {
        meeting: CabMeetingId,
    },
    RebuildAgenda {
        meeting: CabMeetingId,
    },
    /// A release put on a meeting's agenda (`add`) or taken off it.
    EditAgenda {
        release: ReleaseId,
        add: bool,
    },
    RecordDecision {
        release: ReleaseId,
        outcome: MeetingOutcome,
    },
    SaveMinutes {
        meeting: CabMeetingId,
    },
    SetActionDone {
        release: ReleaseId,
        done: bool,
    },
    SaveRegulatorStep {
        name: String,
    },
    DeleteRegulatorStep {
        step: RegulatorStepId,
    },
    RecordRegulatorApproval {
        release: ReleaseId,
        reference: String,
    },
    WithdrawRegulatorApproval {
        release: ReleaseId,
        step: RegulatorStepId,
    },
    /// A team conflict on `release` settled, keeping this file's value or the team's.
    /// `release`: `None` for a window's or freeze's conflict.
    ResolveTeamConflict {
        release: Option<ReleaseId>,
        keep_mine: bool,
    },
}

/// What a bulk command did to each release.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum BulkSummary {
    Trash,
    Restore,
    Purge,
    PickUp,
    Assign { agent: Assigned<AgentId>, group: Assigned<GroupId> },
    SetStatus(Status),
    SetPriority(Priority),
}

/// What a bulk assignment did to one field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum Assigned<Id> {
    /// Left as it was.
    Unchanged,
    /// Cleared.
    Nobody,
    To(Named<Id>),
}
