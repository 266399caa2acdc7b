//! The `meta` table: integer facts about the file itself (the release id high-water mark, the
//! open-session marker).

use rusqlite::{Connection, OptionalExtension as _, params};

use crate::store::StoreError;

/// The highest release id ever stored (0 when none was).
pub fn release_high_water(conn: &Connection) -> Result<i64, StoreError> {
    let value: Option<i64> = conn
        .query_row("SELECT value FROM meta WHERE key = 'release_high_water'", [], |r| r.get(0))
        .optional()?;
    Ok(value.unwrap_or(0))
}

/// Raises the release id high-water mark to `high_water` (never lowers it).
pub fn raise_release_high_water(conn: &Connection, high_water: i64) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('release_high_water', ?1)
         ON CONFLICT(key) DO UPDATE SET value = max(value, excluded.value)",
        params![high_water],
    )?;
    Ok(())
}

/// The database's identity (see the migration to version 4); `None` in a file older than that,
/// or when it cannot be read (logged: then nobody is warned about another database's backup).
pub fn database_id(conn: &Connection) -> Option<i64> {
    conn.query_row("SELECT value FROM meta WHERE key = 'database_id'", [], |r| r.get(0))
        .optional()
        .unwrap_or_else(|err| {
            log::warn!("could not read the database's identity: {err}");
            None
        })
}

/// Whether the last writing session left its open marker set (it did not close cleanly). A
/// marker that cannot be read counts as set: the whole file is checked.
pub fn session_marker_set(conn: &Connection) -> bool {
    match conn
        .query_row("SELECT value FROM meta WHERE key = 'session_open'", [], |r| r.get::<_, i64>(0))
        .optional()
    {
        Ok(value) => value.is_some_and(|v| v != 0),
        Err(err) => {
            log::warn!("could not read the open-session marker ({err}); the whole file is checked");
            true
        }
    }
}

/// Sets the open-session marker.
pub fn set_session_marker(conn: &Connection) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('session_open', 1)
         ON CONFLICT(key) DO UPDATE SET value = 1",
        [],
    )?;
    Ok(())
}

/// Clears the open-session marker (a clean close, or a backup copy).
pub fn clear_session_marker(conn: &Connection) -> Result<(), StoreError> {
    conn.execute("UPDATE meta SET value = 0 WHERE key = 'session_open'", [])?;
    Ok(())
}
