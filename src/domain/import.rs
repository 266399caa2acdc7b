//! What an import brings in, once read from its files (Freshservice JSON, CSV) and checked: the
//! releases with their notes, tasks and time entries, and the people they name, each still keyed
//! by its id in the system it came from. `model` matches them against the database (by external
//! id) and writes them in one command; nothing here knows about files or the database.

use super::ids::Timestamp;
use super::release::Release;
use super::work::{TaskFields, TaskStatus};

/// Where an import comes from (its name in the log and the Edit menu).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportSource {
    Freshservice,
    Csv,
    /// A whole-database archive of this app.
    Archive,
}

/// Who a field names: an id in the system the file came from, or (in a CSV of this app) a name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PersonRef {
    External(i64),
    Named(String),
}

/// How sure the file is of a person's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum NameSource {
    /// No name known: the person is a placeholder named by id.
    Placeholder,
    /// The name a release carried beside the id (`agent_name` in this app's JSON).
    Hint,
    /// An agents, groups or departments file.
    Supplied,
}

/// An agent, group or department the import names, by its id over there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExternalPerson {
    pub external: i64,
    pub name: String,
    /// Agents only; empty when unknown.
    pub email: String,
    pub source: NameSource,
}

/// The people an import names (only those with an external id; named ones are found by name).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportedPeople {
    pub agents: Vec<ExternalPerson>,
    pub groups: Vec<ExternalPerson>,
    pub departments: Vec<ExternalPerson>,
}

/// The fields of a release an import gives: only these are set on a release it updates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ImportField {
    Subject,
    Description,
    Status,
    Priority,
    ReleaseType,
    PlannedStart,
    PlannedEnd,
    WorkStart,
    WorkEnd,
    Agent,
    Group,
    Department,
    Category,
    SubCategory,
    ItemCategory,
    Assets,
    AssociatedChanges,
    BuildPlan,
    TestPlan,
    CustomFields,
    Stage,
    Outcome,
    ClosedAt,
    RollbackCount,
    DowntimeMinutes,
    DeletedAt,
    CreatedAt,
    UpdatedAt,
}

impl ImportField {
    /// The fields every Freshservice release carries.
    pub const FRESHSERVICE: &'static [Self] = &[
        Self::Subject,
        Self::Description,
        Self::Status,
        Self::Priority,
        Self::ReleaseType,
        Self::PlannedStart,
        Self::PlannedEnd,
        Self::WorkStart,
        Self::WorkEnd,
        Self::Agent,
        Self::Group,
        Self::Department,
        Self::Category,
        Self::SubCategory,
        Self::ItemCategory,
        Self::Assets,
        Self::AssociatedChanges,
        Self::BuildPlan,
        Self::TestPlan,
        Self::CustomFields,
        Self::CreatedAt,
        Self::UpdatedAt,
    ];

    fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

/// A set of [`ImportField`]s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct FieldSet(u32);

impl FieldSet {
    pub fn of(fields: &[ImportField]) -> Self {
        let mut set = Self::default();
        for f in fields {
            set.insert(*f);
        }
        set
    }

    pub fn insert(&mut self, field: ImportField) {
        self.0 |= field.bit();
    }

    pub fn contains(self, field: ImportField) -> bool {
        self.0 & field.bit() != 0
    }
}

/// A note as an import brings it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedNote {
    pub external: Option<i64>,
    pub body: String,
    pub author: Option<PersonRef>,
    pub created_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
}

/// A task as an import brings it (`fields.agent_id` and `group_id` are set from the refs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedTask {
    pub external: Option<i64>,
    pub title: String,
    pub description: String,
    pub status: TaskStatus,
    pub due: Option<Timestamp>,
    pub agent: Option<PersonRef>,
    pub group: Option<PersonRef>,
    pub created_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
}

impl ImportedTask {
    /// The task's fields with the agent and group this database knows them by.
    pub fn fields(&self, agent: Option<super::AgentId>, group: Option<super::GroupId>) -> TaskFields {
        TaskFields {
            title: self.title.clone(),
            description: self.description.clone(),
            status: self.status,
            due: self.due,
            agent_id: agent,
            group_id: group,
        }
    }
}

/// A time entry as an import brings it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedTime {
    pub external: Option<i64>,
    pub agent: Option<PersonRef>,
    pub note: String,
    pub minutes: u32,
    pub executed_at: Timestamp,
    pub billable: bool,
    /// Set when the timer was running when the file was written.
    pub timer_start: Option<Timestamp>,
    pub created_at: Option<Timestamp>,
}

/// One release as an import brings it. `release.id` is not used (the database gives the id);
/// `release.external_id` finds it again on the next import; its agent, group and department are
/// set from the refs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedRelease {
    pub release: Release,
    pub fields: FieldSet,
    pub agent: Option<PersonRef>,
    pub group: Option<PersonRef>,
    pub department: Option<PersonRef>,
    pub notes: Vec<ImportedNote>,
    pub tasks: Vec<ImportedTask>,
    pub time_entries: Vec<ImportedTime>,
}

/// Everything one import brings, checked: written by one command, all or nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportBatch {
    pub source: ImportSource,
    pub releases: Vec<ImportedRelease>,
    pub people: ImportedPeople,
}

/// What an import did (or, dry, would do) to the releases of the database.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportCounts {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// One thing wrong with an import's input, named by where it is: the file, the release (its
/// Freshservice id) or the CSV row, and the field. An import with any problem writes nothing; its
/// report lists every one.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ImportProblem {
    /// The file as the user named it.
    pub file: String,
    /// The release's id in the file (Freshservice's `id`, a CSV's ID column), when known.
    pub release_id: Option<i64>,
    /// The CSV line (the header is line 1), for a CSV file.
    pub row: Option<usize>,
    /// The field, as the file names it (`planned_end_date`, `tasks[2].status`, a CSV header).
    pub field: Option<String>,
    #[serde(skip)]
    pub kind: ProblemKind,
}

impl ImportProblem {
    /// A problem with the file as a whole.
    pub fn file(file: &str, kind: ProblemKind) -> Self {
        Self { file: file.to_owned(), release_id: None, row: None, field: None, kind }
    }
}

/// What is wrong (shown in the user's language by `i18n::import_problem`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// The file could not be read (the system's reason).
    Unreadable(String),
    /// Not JSON (the parser's reason, with line and column).
    NotJson(String),
    /// JSON, but none of the shapes an import reads (`releases`, `release`, `agents`, ...).
    NoReleases,
    /// A field every release needs is not there.
    Missing,
    /// The field holds another kind of value.
    WrongType(Expected),
    /// A status, priority, type or other code this app does not know (the value as given).
    UnknownCode(String),
    /// Not a date and time (ISO 8601, `2026-11-03T09:00:00Z`).
    BadDate(String),
    /// An end before (or at) its start.
    EndBeforeStart,
    SubjectEmpty,
    SubjectTooLong(usize),
    /// Not hh:mm.
    BadTimeSpent(String),
    /// The same release (id) comes twice in one import.
    DuplicateRelease,
    /// Not CSV (the reader's reason).
    NotCsv(String),
    /// Not UTF-8 text (a CSV saved by a spreadsheet in the system's code page, or as UTF-16); the
    /// problem's row is the first line that is not.
    NotUtf8,
    /// A CSV without the columns every release needs (the missing column).
    MissingColumn(String),
    /// A header this import does not know.
    UnknownColumn(String),
    /// A text longer than the app keeps (characters found, most allowed).
    TooLong {
        found: usize,
        max: usize,
    },
    /// An archive of a newer Release Desk.
    NewerArchive {
        found: u32,
        supported: u32,
    },
    /// JSON, but not an archive of this app.
    NotAnArchive,
}

/// The kind of value a field should hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Text,
    Number,
    WholeNumber,
    Boolean,
    List,
    Object,
}
