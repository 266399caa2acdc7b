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
    #[error("{path} could not be read: {source}")]
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
    #[error("{path} is open in another Release Desk window{}; close that window, or open the file read-only", pid.map(|p| format!(" (process {p})")).unwrap_or_default())]
    Locked { path: PathBuf, pid: Option<u32> },
    #[error("{path} is open read-only in this window; nothing was changed")]
    ReadOnlySession { path: PathBuf },
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    #[error("stored data is not valid: {0}")]
    BadData(String),
    #[error("the backup stopped before it was finished")]
    BackupStopped,
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
