//! Why the file could not be opened or written: [`StoreError`], and how SQLite's error codes map
//! onto it.

use std::path::PathBuf;

/// Why the file could not be opened or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path} is not a Release Desk database (it is not an SQLite file); it was left untouched")]
    NotSqlite { path: PathBuf },
    #[error("{path} is an SQLite database of another program; it was left untouched")]
    ForeignDatabase { path: PathBuf },
    #[error(
        "{path} was written by a newer Release Desk (schema version {found}; this version knows up to {supported}); it was left untouched. Update Release Desk to open it"
    )]
    NewerSchema { path: PathBuf, found: i64, supported: i64 },
    #[error("could not use {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("the database file is full (disk full or size limit reached); nothing was changed")]
    Full,
    #[error("the database file is read-only; nothing was changed")]
    ReadOnly,
    #[error("the database is in use by another Release Desk window or program; try again")]
    Busy,
    #[error("the database file is damaged: {0}")]
    Corrupt(String),
    #[error("{path} is damaged ({details}); it was left untouched")]
    Damaged { path: PathBuf, details: String },
    #[error("{path} is in use by {}{}; close it, or open the file read-only", holder.map_or("another Release Desk window or command", Holder::describe), pid.map(|p| format!(" (process {p})")).unwrap_or_default())]
    Locked { path: PathBuf, pid: Option<u32>, holder: Option<Holder> },
    #[error("{path} is open read-only in this window; nothing was changed")]
    ReadOnlySession { path: PathBuf },
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    #[error("stored data is not valid: {0}")]
    BadData(String),
    #[error("the backup stopped before it was finished")]
    BackupStopped,
    #[error("{path} is read-only (its permissions forbid writing to it); nothing was changed")]
    WriteProtected { path: PathBuf },
    #[error("{path} has an older schema (version {found}); open it once in the window to upgrade it")]
    OlderSchema { path: PathBuf, found: i64 },
    #[error("{path} is not a regular file (a folder, a device or a pipe); it was left untouched")]
    NotAFile { path: PathBuf },
    #[error(
        "{path} has {links} hard links; a database is opened only through its one name (copy it instead of linking); it was left untouched"
    )]
    HardLinked { path: PathBuf, links: u64 },
    #[error("{path} is a symbolic link; Release Desk does not follow links for its side files. Remove it")]
    LinkedSideFile { path: PathBuf },
    #[error(
        "not enough free space in {path} ({available} bytes free, about {needed} needed); nothing was changed"
    )]
    NoSpace { path: PathBuf, needed: u64, available: u64 },
    #[error(
        "{path} holds schema objects this version of Release Desk did not make ({}{}); it was left untouched",
        found.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
        if *more > 0 { format!(" and {more} more") } else { String::new() }
    )]
    UnexpectedSchema { path: PathBuf, found: Vec<SchemaDifference>, more: usize },
    #[error(
        "{path} is empty (no data at all, as a crash can leave a file); it was left untouched. Restore a backup, or make it a new database with `init`"
    )]
    Empty { path: PathBuf },
    #[error("stored data is not valid: table {table}, row {row}, column {column}: {detail}")]
    BadRow { table: &'static str, row: String, column: String, detail: String },
}

/// How a schema object differs from what this build makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SchemaChange {
    /// This build makes no such object (a trigger, a view, a table or an index of someone else).
    Unknown,
    /// This build makes an object of that kind and name, defined otherwise.
    Changed,
    /// This build makes it, and the file lacks it.
    Missing,
}

/// One schema object that is not as this build makes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemaDifference {
    /// `table`, `index`, `view` or `trigger`.
    pub kind: String,
    pub name: String,
    pub change: SchemaChange,
}

impl std::fmt::Display for SchemaDifference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let note = match self.change {
            SchemaChange::Unknown => "",
            SchemaChange::Changed => " (changed)",
            SchemaChange::Missing => " (missing)",
        };
        write!(f, "{} {}{note}", self.kind, self.name)
    }
}

/// Who holds a database's writer's lock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holder {
    /// A Release Desk window.
    Window,
    /// A command of the command line (`demo`, `bulk`, `restore`...).
    Command,
}

impl Holder {
    /// The word written into the lock file.
    pub fn code(self) -> &'static str {
        match self {
            Self::Window => "window",
            Self::Command => "command",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "window" => Some(Self::Window),
            "command" => Some(Self::Command),
            _ => None,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Self::Window => "another Release Desk window",
            Self::Command => "a Release Desk command",
        }
    }
}

impl StoreError {
    /// Whether the error means the file's contents are damaged (SQLite found it corrupt, it is
    /// not a database, it is empty, its schema or a row is not what this build writes): only
    /// then may a restore move it aside. A full disk, a read-only medium or an I/O error say
    /// nothing about the file, and another program's or a newer version's file is not ours to move.
    pub fn is_damage(&self) -> bool {
        matches!(
            self,
            Self::Damaged { .. }
                | Self::Corrupt(_)
                | Self::NotSqlite { .. }
                | Self::Empty { .. }
                | Self::UnexpectedSchema { .. }
                | Self::BadRow { .. }
                | Self::BadData(_)
        )
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(err: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match err.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => Self::Full,
            Some(ErrorCode::ReadOnly) => Self::ReadOnly,
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Self::Busy,
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => Self::Corrupt(err.to_string()),
            _ => Self::Sqlite(err),
        }
    }
}
