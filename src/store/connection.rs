//! Every connection to a user's file is opened here, and hardened whoever sent the file: no
//! trusted schema (triggers and views cannot call functions with side effects), defensive mode
//! (no writable schema, no corrupting pragmas), and a busy timeout.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::StoreError;

/// How long a statement waits for a lock another connection holds before it fails as busy.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// What a connection is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The one writer: read-write, the file created when missing, WAL with `synchronous=FULL`,
    /// foreign keys on, a 32 MiB page cache.
    Writer,
    /// Reading only: inspecting a file before it is written, read-only sessions, backups being
    /// made, verifying a copy.
    ReadOnly,
    /// Read-write on a file that exists, its journal mode left as it is, `synchronous=FULL`:
    /// the checkpoint thread, and a fresh backup copy being finished.
    ReadWrite,
    /// Reading a file nothing can change (SQLite's `immutable`: no locks, no shared memory): a
    /// file on a read-only folder or medium, whose log is empty.
    Immutable,
}

/// Opens `path` for `mode`, hardened.
pub fn open_connection(path: &Path, mode: Mode) -> Result<Connection, StoreError> {
    let base = OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = match mode {
        Mode::Writer => Connection::open_with_flags(
            path,
            base | OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        )?,
        Mode::ReadOnly => Connection::open_with_flags(path, base | OpenFlags::SQLITE_OPEN_READ_ONLY)?,
        Mode::ReadWrite => Connection::open_with_flags(path, base | OpenFlags::SQLITE_OPEN_READ_WRITE)?,
        Mode::Immutable => Connection::open_with_flags(
            immutable_uri(path),
            base | OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
        )?,
    };
    harden(&conn)?;
    match mode {
        Mode::Writer => configure_writer(&conn)?,
        Mode::ReadWrite => conn.execute_batch("PRAGMA synchronous = FULL;")?,
        // Sorting for a check or a query never needs a temporary file: reading works on a full
        // disk too.
        Mode::ReadOnly | Mode::Immutable => conn.execute_batch("PRAGMA temp_store = MEMORY;")?,
    }
    Ok(conn)
}

/// `file:/a%20b/desk.sqlite3?immutable=1`: the path percent-encoded for SQLite's URI names.
fn immutable_uri(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut uri = String::from("file:");
    if !text.starts_with('/') {
        uri.push('/');
    }
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~:".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// An in-memory database (tests and benchmarks), configured as a writer.
pub fn open_memory() -> Result<Connection, StoreError> {
    let conn = Connection::open_in_memory()?;
    harden(&conn)?;
    configure_writer(&conn)?;
    Ok(conn)
}

/// What every connection gets; none of it reads the file.
fn harden(conn: &Connection) -> Result<(), StoreError> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.execute_batch("PRAGMA trusted_schema = OFF;")?;
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    Ok(())
}

fn configure_writer(conn: &Connection) -> Result<(), StoreError> {
    // WAL is not available for in-memory databases; the pragma then reports "memory".
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    // A 32 MiB page cache (default 2 MiB): a bulk action over 10,000 releases of 100,000
    // touches most pages of the table, and its undo touches them again.
    conn.execute_batch(
        "PRAGMA foreign_keys = ON;
         PRAGMA synchronous = FULL;
         PRAGMA cache_size = -32768;",
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use rusqlite::config::DbConfig;

    #[test]
    fn every_mode_is_hardened() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk.sqlite3");
        drop(open_connection(&path, Mode::Writer).unwrap());
        for mode in [Mode::Writer, Mode::ReadOnly, Mode::ReadWrite] {
            let conn = open_connection(&path, mode).unwrap();
            let trusted: i64 = conn.query_row("PRAGMA trusted_schema", [], |r| r.get(0)).unwrap();
            assert_eq!(trusted, 0, "{mode:?}");
            assert!(conn.db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE).unwrap(), "{mode:?}");
            let timeout: i64 = conn.query_row("PRAGMA busy_timeout", [], |r| r.get(0)).unwrap();
            assert_eq!(timeout, BUSY_TIMEOUT.as_millis() as i64, "{mode:?}");
        }
        let memory = open_memory().unwrap();
        assert!(memory.db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE).unwrap());
    }
}
