//! What a file is, read before anything writes to it: its header, application id and schema
//! version, whether its schema is exactly what this build makes, SQLite's own checks of its
//! pages, and whether every row loads.

use std::io::Read as _;
use std::path::Path;

use rusqlite::Connection;

use super::connection::{Mode, open_connection};
use super::{StoreError, file, schema};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// How many unexpected schema objects an error names.
const OBJECTS_NAMED: usize = 8;

/// Runs `integrity_check` (`full`) or `quick_check`. Anything but "ok" is
/// [`StoreError::Damaged`], and so is SQLite finding the file corrupt while checking; a check
/// that could not run (a full disk, an I/O error) says so instead.
pub fn run_check(conn: &Connection, path: &Path, full: bool) -> Result<(), StoreError> {
    let sql = if full { "PRAGMA integrity_check(20)" } else { "PRAGMA quick_check(20)" };
    let damaged = |details: String| StoreError::Damaged { path: path.to_owned(), details };
    let rows: Vec<String> = (|| {
        let mut stmt = conn.prepare(sql)?;
        stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<Result<Vec<_>, _>>()
    })()
    .map_err(|e| match StoreError::from(e) {
        StoreError::Corrupt(details) => damaged(details),
        other => other,
    })?;
    if rows.len() == 1 && rows[0] == "ok" { Ok(()) } else { Err(damaged(rows.join("; "))) }
}

/// `Ok(false)`: a file of zero bytes. Refuses a file that is not SQLite.
pub fn check_header(path: &Path) -> Result<bool, StoreError> {
    let io_err = |source| StoreError::Io { path: path.to_owned(), source };
    let mut file = std::fs::File::open(path).map_err(io_err)?;
    let len = file.metadata().map_err(io_err)?.len();
    if len == 0 {
        return Ok(false);
    }
    let mut header = [0_u8; 16];
    if len >= 100 {
        // A read that fails is an I/O error, not a file that is not SQLite (which a restore
        // would move aside as damaged).
        file.read_exact(&mut header).map_err(io_err)?;
    }
    if len < 100 || &header != SQLITE_MAGIC {
        return Err(StoreError::NotSqlite { path: path.to_owned() });
    }
    Ok(true)
}

/// What an SQLite file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Contents {
    /// No tables at all: never initialised (or emptied).
    Nothing,
    /// A Release Desk database at this schema version, its schema as this build expects.
    Version(i64),
}

/// Refuses an SQLite file that is not ours, is newer than this build, has a schema version
/// below zero, or holds schema objects this build did not make; says what it holds otherwise.
pub fn contents(conn: &Connection, path: &Path) -> Result<Contents, StoreError> {
    let app_id: i32 =
        conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(|e| match StoreError::from(e) {
            StoreError::Corrupt(_) => StoreError::NotSqlite { path: path.to_owned() },
            other => other,
        })?;
    let damaged = |e: rusqlite::Error| match StoreError::from(e) {
        StoreError::Corrupt(details) => StoreError::Damaged { path: path.to_owned(), details },
        other => other,
    };
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(damaged)?;
    let tables: i64 =
        conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0)).map_err(damaged)?;
    if tables == 0 && version == 0 && (app_id == 0 || app_id == schema::APPLICATION_ID) {
        return Ok(Contents::Nothing);
    }
    if app_id != schema::APPLICATION_ID && (app_id != 0 || tables > 0 || version != 0) {
        return Err(StoreError::ForeignDatabase { path: path.to_owned() });
    }
    if version < 0 {
        return Err(StoreError::Damaged {
            path: path.to_owned(),
            details: format!("schema version {version} is not valid"),
        });
    }
    if version > schema::latest_version() {
        return Err(StoreError::NewerSchema {
            path: path.to_owned(),
            found: version,
            supported: schema::latest_version(),
        });
    }
    let mut found = schema::unexpected_objects(conn, version).map_err(|e| match e {
        StoreError::Corrupt(details) => StoreError::Damaged { path: path.to_owned(), details },
        other => other,
    })?;
    if !found.is_empty() {
        let more = found.len().saturating_sub(OBJECTS_NAMED);
        found.truncate(OBJECTS_NAMED);
        for object in &mut found {
            if object.name.chars().count() > 60 {
                object.name = object.name.chars().take(60).collect::<String>() + "…";
            }
        }
        return Err(StoreError::UnexpectedSchema { path: path.to_owned(), found, more });
    }
    Ok(Contents::Version(version))
}

/// A read-only connection to `path` and the file's schema version. Where the folder cannot
/// take SQLite's shared-memory file (a read-only folder or medium), a file whose log is empty
/// is opened as immutable instead.
pub fn open_read_only(path: &Path) -> Result<(rusqlite::Connection, i64), StoreError> {
    let conn = open_connection(path, Mode::ReadOnly)?;
    let err = match contents(&conn, path) {
        Ok(Contents::Version(version)) => return Ok((conn, version)),
        Ok(Contents::Nothing) => return Err(StoreError::Empty { path: path.to_owned() }),
        Err(err) => err,
    };
    let log_empty = std::fs::metadata(file::sidecar(path, "-wal")).map_or(true, |m| m.len() == 0);
    if !(cannot_share_memory(&err) && log_empty) {
        return Err(err);
    }
    drop(conn);
    let conn = open_connection(path, Mode::Immutable)?;
    match contents(&conn, path)? {
        Contents::Version(version) => Ok((conn, version)),
        Contents::Nothing => Err(StoreError::Empty { path: path.to_owned() }),
    }
}

/// Whether a read-only connection failed because SQLite could not open or create the `-shm`
/// file beside the database: a read-only folder or medium, or a full disk.
pub fn cannot_share_memory(err: &StoreError) -> bool {
    use rusqlite::ErrorCode as C;
    match err {
        StoreError::ReadOnly | StoreError::Full => true,
        StoreError::Sqlite(e) => {
            matches!(e.sqlite_error_code(), Some(C::CannotOpen | C::ReadOnly | C::SystemIoFailure))
        }
        _ => false,
    }
}

/// The schema version of an open file.
pub fn schema_version(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}
