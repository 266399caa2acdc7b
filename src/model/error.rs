//! Why a command was not applied: [`CommandError`] and the refusals it wraps. Memory and file are
//! unchanged in every case.

use crate::domain::work::note::NOTE_MAX_CHARS;
use crate::domain::{
    AgentId, ChangeId, ConfigItemId, DepartmentId, GroupId, NoteId, ReleaseId, ReleaseInvalid, SavedViewId,
    TaskId, TimeEntryId,
};
use crate::store::StoreError;

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
    #[error(
        "a teammate changed {} since (team sync): undoing would overwrite their edit, so this step was dropped",
        id_list(.0)
    )]
    OvertakenByTeam(Vec<ReleaseId>),
    #[error(
        "a teammate changed that deployment window, freeze, note or task since (team sync): undoing would overwrite their edit, so this step was dropped"
    )]
    ScheduleOvertakenByTeam,
    #[error("the team server sent a record this build cannot read: {0}")]
    TeamData(String),
    #[error("there is no open team conflict {0}")]
    NoSuchConflict(i64),
    #[error("team conflict {0} is about a whole release: only the team's version can be kept")]
    CannotKeepMine(i64),
    #[error("no releases are selected")]
    NothingSelected,
    #[error("nobody is signed in: choose the current agent first")]
    NoCurrentAgent,
    #[error("agent {0} does not exist")]
    NoSuchAgent(AgentId),
    #[error(
        "you are working as this agent: choose someone else under \"Working as\" before deactivating them"
    )]
    DeactivateCurrentAgent,
    #[error("you are working as this agent: choose someone else under \"Working as\" before deleting them")]
    RemoveCurrentAgent,
    #[error("group {0} does not exist")]
    NoSuchGroup(GroupId),
    #[error("department {0} does not exist")]
    NoSuchDepartment(DepartmentId),
    #[error("saved view {0} does not exist")]
    NoSuchView(SavedViewId),
    #[error("a view named \"{0}\" already exists")]
    DuplicateViewName(String),
    #[error("the {0} needs a name")]
    NameRequired(NamedThing),
    #[error("the {thing} is used by {releases} release(s); nothing was changed")]
    InUse { thing: NamedThing, releases: usize },
    #[error(
        "the database already holds releases; sample data loads only into an empty one (use --force to add it anyway)"
    )]
    SampleNeedsEmptyDatabase,
    #[error("a synthetic data set is written only into a new database (no releases or people yet)")]
    SyntheticNeedsNewDatabase,
    #[error("{0}")]
    Item(#[from] ItemRefused),
    #[error("{0}")]
    KpiTarget(#[from] crate::domain::kpi::TargetInvalid),
    #[error("give an agent or a group to assign")]
    NothingToAssign,
    #[error("{0}")]
    Move(#[from] crate::domain::MoveRefused),
    #[error("{0}")]
    Readiness(#[from] crate::domain::ReadinessInvalid),
    #[error("{0}")]
    Registry(#[from] crate::domain::RegistryInvalid),
    #[error("{0}")]
    Backout(#[from] crate::domain::BackoutInvalid),
    #[error("{0}")]
    Impact(#[from] crate::domain::ImpactInvalid),
    #[error("{0}")]
    Review(#[from] crate::domain::ReviewRefused),
    #[error("{0}")]
    Template(#[from] crate::domain::TemplateInvalid),
    #[error("Change CHG-{0} does not exist")]
    NoSuchChange(ChangeId),
    #[error("configuration item {0} does not exist")]
    NoSuchConfigItem(ConfigItemId),
    #[error("Freshservice release {0} comes twice in the import; nothing was changed")]
    DuplicateExternalId(i64),
    #[error("an archive is imported only into an empty database; nothing was changed")]
    ArchiveNeedsEmptyDatabase,
    #[error("{0}")]
    Schedule(#[from] crate::domain::schedule::ScheduleInvalid),
    #[error("deployment window {0} does not exist")]
    NoSuchWindow(crate::domain::WindowId),
    #[error("freeze {0} does not exist")]
    NoSuchFreeze(crate::domain::FreezeId),
    #[error("the calendar file holds no window or freeze")]
    NothingToImport,
    #[error("{0}")]
    Cab(#[from] crate::domain::CabInvalid),
    #[error("{0}")]
    Monitoring(#[from] crate::domain::MonitoringInvalid),
    #[error("{0}")]
    Meeting(#[from] crate::domain::MeetingInvalid),
    #[error("{0}")]
    Regulator(#[from] crate::domain::RegulatorInvalid),
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

/// Why a note, task or time command was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ItemRefused {
    #[error("release #{0} is in Trash; restore it first")]
    InTrash(ReleaseId),
    #[error("note {0} does not exist")]
    NoSuchNote(NoteId),
    #[error("task {0} does not exist")]
    NoSuchTask(TaskId),
    #[error("time entry {0} does not exist")]
    NoSuchTimeEntry(TimeEntryId),
    #[error("a note cannot be empty")]
    NoteEmpty,
    #[error("a note has at most {NOTE_MAX_CHARS} characters")]
    NoteTooLong,
    #[error("a task needs a title")]
    TaskTitleRequired,
    #[error("a task title has at most 255 characters")]
    TaskTitleTooLong,
    #[error("the time spent must be 00:01 to 9999:59")]
    TimeOutOfRange,
    #[error("a timer is already running on #{0}; stop it first")]
    TimerAlreadyRunning(ReleaseId),
    #[error("this timer is not running")]
    TimerNotRunning,
    #[error("this timer is running; stop it before editing the entry")]
    TimerRunning,
}

impl CommandError {
    /// A step a pull overtook: named by its releases, or as a schedule change when it wrote none.
    pub(super) fn overtaken(records: &[crate::store::team::change::RecordKey]) -> Self {
        let releases: Vec<ReleaseId> = records.iter().filter_map(|k| k.release_id()).collect();
        if releases.is_empty() { Self::ScheduleOvertakenByTeam } else { Self::OvertakenByTeam(releases) }
    }
}
