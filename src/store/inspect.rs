//! What a file is, read before anything writes to it: its header, application id and schema
//! version, and SQLite's own checks of its pages.

use std::io::Read as _;
use std::path::Path;

use rusqlite::Connection;

use super::{StoreError, schema};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Runs `integrity_check` (`full`) or `quick_check`; anything but "ok" is [`StoreError::Damaged`].
pub fn run_check(conn: &Connection, path: &Path, full: bool) -> Result<(), StoreError> {
    let sql = if full { "PRAGMA integrity_check(20)" } else { "PRAGMA quick_check(20)" };
    let damaged = |details: String| StoreError::Damaged { path: path.to_owned(), details };
    let rows: Vec<String> = (|| {
        let mut stmt = conn.prepare(sql)?;
        stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<Result<Vec<_>, _>>()
    })()
    .map_err(|e| damaged(e.to_string()))?;
    if rows.len() == 1 && rows[0] == "ok" { Ok(()) } else { Err(damaged(rows.join("; "))) }
}

/// `Ok(false)`: an empty file (a new database). Refuses a file that is not SQLite.
pub fn check_header(path: &Path) -> Result<bool, StoreError> {
    let io_err = |source| StoreError::Io { path: path.to_owned(), source };
    let mut file = std::fs::File::open(path).map_err(io_err)?;
    let len = file.metadata().map_err(io_err)?.len();
    if len == 0 {
        return Ok(false);
    }
    let mut header = [0_u8; 16];
    if len < 100 || file.read_exact(&mut header).is_err() || &header != SQLITE_MAGIC {
        return Err(StoreError::NotSqlite { path: path.to_owned() });
    }
    Ok(true)
}

/// Refuses a non-empty SQLite file that is not ours or is newer than this build; returns its
/// schema version.
pub fn check_compatible(conn: &Connection, path: &Path) -> Result<i64, StoreError> {
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
    if app_id != schema::APPLICATION_ID && (app_id != 0 || tables > 0 || version != 0) {
        return Err(StoreError::ForeignDatabase { path: path.to_owned() });
    }
    if version > schema::latest_version() {
        return Err(StoreError::NewerSchema {
            path: path.to_owned(),
            found: version,
            supported: schema::latest_version(),
        });
    }
    Ok(version)
}

/// The schema version of an open file.
pub fn schema_version(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}
