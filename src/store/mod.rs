//! The SQLite file: opening (with refusal of foreign or newer files), migrations, loading the whole
//! model, and writing a batch of [`Mutation`]s in one IMMEDIATE transaction.
//!
//! All SQL is parameterised. Nothing above this module runs SQL.

mod codec;
pub mod schema;

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension as _, TransactionBehavior, params};

use crate::domain::{
    Activity, Agent, AgentId, Department, DepartmentId, Directory, Group, GroupId, Release, ReleaseId,
    SavedView,
};

pub use codec::{from_millis, to_millis};

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
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    #[error("stored data is not valid: {0}")]
    BadData(String),
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

/// One change to stored state. A command turns into a list of these, written together.
#[derive(Clone, Debug, PartialEq)]
pub enum Mutation {
    /// Insert or replace a release (all its fields).
    PutRelease(Release),
    /// Remove a release from the file for good.
    RemoveRelease(ReleaseId),
    PutAgent(Agent),
    RemoveAgent(AgentId),
    PutGroup(Group),
    RemoveGroup(GroupId),
    PutDepartment(Department),
    RemoveDepartment(DepartmentId),
    /// Insert or replace a setting; the value is JSON text.
    PutSetting {
        key: String,
        value: String,
    },
    RemoveSetting(String),
    PutSavedView(SavedView),
    RemoveSavedView(i64),
}

/// Everything the in-memory model holds, as read from the file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    /// In id order.
    pub releases: Vec<Release>,
    pub directory: Directory,
    /// Setting key -> JSON text.
    pub settings: BTreeMap<String, String>,
    pub saved_views: Vec<SavedView>,
    /// The highest release id ever stored, so a purged id is never given out again.
    pub release_high_water: i64,
}

/// An open Release Desk database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

impl Store {
    /// Opens (or creates) the database at `path` and migrates it to the latest schema.
    ///
    /// A file that is not SQLite, belongs to another program, or was written by a newer
    /// version is refused and left byte-for-byte untouched.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let io_err = |source| StoreError::Io { path: path.to_owned(), source };
        let exists = path.exists();
        if exists {
            let mut header = [0_u8; 16];
            let mut file = std::fs::File::open(path).map_err(io_err)?;
            let len = file.metadata().map_err(io_err)?.len();
            if len > 0 {
                if len < 100 || file.read_exact(&mut header).is_err() || &header != SQLITE_MAGIC {
                    return Err(StoreError::NotSqlite { path: path.to_owned() });
                }
                // Inspect through a read-only connection first, so a refused file is never written.
                Self::check_compatible(path)?;
            }
        } else if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(io_err)?;
        }

        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let mut store = Self { conn, path: path.to_owned() };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    /// Opens an in-memory database (tests and benchmarks).
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let conn = Connection::open_in_memory()?;
        let mut store = Self { conn, path: PathBuf::from(":memory:") };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Refuses a non-empty SQLite file that is not ours or is newer than this build.
    fn check_compatible(path: &Path) -> Result<(), StoreError> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let app_id: i32 =
            conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(
                |e| match StoreError::from(e) {
                    StoreError::Corrupt(_) => StoreError::NotSqlite { path: path.to_owned() },
                    other => other,
                },
            )?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
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
        Ok(())
    }

    fn configure(&mut self) -> Result<(), StoreError> {
        self.conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // WAL is not available for in-memory databases; the pragma then reports "memory".
        let _mode: String = self.conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        self.conn.execute_batch(
            "PRAGMA foreign_keys = ON;
             PRAGMA synchronous = FULL;
             PRAGMA trusted_schema = OFF;",
        )?;
        Ok(())
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let version: i64 = self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version >= schema::latest_version() {
            return Ok(());
        }
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        for (index, sql) in schema::MIGRATIONS.iter().enumerate().skip(version as usize) {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", index as i64 + 1)?;
        }
        tx.pragma_update(None, "application_id", schema::APPLICATION_ID)?;
        tx.commit()?;
        Ok(())
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Reads everything the model holds.
    pub fn load(&self) -> Result<Snapshot, StoreError> {
        let mut snapshot = Snapshot { releases: codec::load_releases(&self.conn)?, ..Snapshot::default() };
        snapshot.directory.agents = self
            .query_map("SELECT id, name, email FROM agents ORDER BY id", |r| {
                Ok(Agent { id: AgentId(r.get(0)?), name: r.get(1)?, email: r.get(2)? })
            })?;
        snapshot.directory.groups = self.query_map("SELECT id, name FROM agent_groups ORDER BY id", |r| {
            Ok(Group { id: GroupId(r.get(0)?), name: r.get(1)? })
        })?;
        snapshot.directory.departments = self
            .query_map("SELECT id, name FROM departments ORDER BY id", |r| {
                Ok(Department { id: DepartmentId(r.get(0)?), name: r.get(1)? })
            })?;
        snapshot.settings = self
            .query_map("SELECT key, value FROM settings ORDER BY key", |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?
            .into_iter()
            .collect();
        let views = self.query_map("SELECT id, name, definition FROM saved_views ORDER BY id", |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
        })?;
        for (id, name, definition) in views {
            snapshot.saved_views.push(codec::saved_view_from_json(id, name, &definition)?);
        }
        let high_water: Option<i64> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'release_high_water'", [], |r| r.get(0))
            .optional()?;
        let max_id = snapshot.releases.last().map_or(0, |r| r.id.0);
        snapshot.release_high_water = high_water.unwrap_or(0).max(max_id);
        Ok(snapshot)
    }

    fn query_map<T>(
        &self,
        sql: &str,
        f: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, StoreError> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map([], f)?.collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// Writes `mutations` and appends `activities` in one IMMEDIATE transaction: all or nothing.
    pub fn commit(&mut self, mutations: &[Mutation], activities: &[Activity]) -> Result<(), StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut high_water: Option<i64> = None;
        for mutation in mutations {
            match mutation {
                Mutation::PutRelease(release) => {
                    codec::put_release(&tx, release)?;
                    high_water = Some(high_water.unwrap_or(0).max(release.id.0));
                }
                Mutation::RemoveRelease(id) => {
                    tx.execute("DELETE FROM releases WHERE id = ?1", params![id.0])?;
                }
                Mutation::PutAgent(a) => {
                    tx.execute(
                        "INSERT OR REPLACE INTO agents (id, name, email) VALUES (?1, ?2, ?3)",
                        params![a.id.0, a.name, a.email],
                    )?;
                }
                Mutation::PutGroup(g) => {
                    tx.execute(
                        "INSERT OR REPLACE INTO agent_groups (id, name) VALUES (?1, ?2)",
                        params![g.id.0, g.name],
                    )?;
                }
                Mutation::PutDepartment(d) => {
                    tx.execute(
                        "INSERT OR REPLACE INTO departments (id, name) VALUES (?1, ?2)",
                        params![d.id.0, d.name],
                    )?;
                }
                Mutation::RemoveAgent(id) => {
                    tx.execute("DELETE FROM agents WHERE id = ?1", params![id.0])?;
                }
                Mutation::RemoveGroup(id) => {
                    tx.execute("DELETE FROM agent_groups WHERE id = ?1", params![id.0])?;
                }
                Mutation::RemoveDepartment(id) => {
                    tx.execute("DELETE FROM departments WHERE id = ?1", params![id.0])?;
                }
                Mutation::PutSetting { key, value } => {
                    tx.execute(
                        "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)",
                        params![key, value],
                    )?;
                }
                Mutation::RemoveSetting(key) => {
                    tx.execute("DELETE FROM settings WHERE key = ?1", params![key])?;
                }
                Mutation::PutSavedView(view) => {
                    tx.execute(
                        "INSERT OR REPLACE INTO saved_views (id, name, definition) VALUES (?1, ?2, ?3)",
                        params![view.id, view.name, codec::saved_view_to_json(view)?],
                    )?;
                }
                Mutation::RemoveSavedView(id) => {
                    tx.execute("DELETE FROM saved_views WHERE id = ?1", params![id])?;
                }
            }
        }
        if let Some(high_water) = high_water {
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('release_high_water', ?1)
                 ON CONFLICT(key) DO UPDATE SET value = max(value, excluded.value)",
                params![high_water],
            )?;
        }
        {
            let mut stmt = tx.prepare_cached(
                "INSERT INTO activities (release_id, actor, at, kind, field, old_value, new_value)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            for a in activities {
                stmt.execute(params![
                    a.release_id.map(|r| r.0),
                    a.actor.map(|r| r.0),
                    to_millis(a.at),
                    a.kind,
                    a.field,
                    a.old_value,
                    a.new_value
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// The activity log of one release, newest first.
    pub fn activities_for(&self, release: ReleaseId) -> Result<Vec<Activity>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, release_id, actor, at, kind, field, old_value, new_value
             FROM activities WHERE release_id = ?1 ORDER BY id DESC",
        )?;
        let rows =
            stmt.query_map(params![release.0], codec::activity_from_row)?.collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// How many activity rows the file holds (tests and diagnostics).
    pub fn activity_count(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row("SELECT count(*) FROM activities", [], |r| r.get(0))?)
    }

    /// Runs a raw pragma (tests use it to simulate a full disk).
    #[doc(hidden)]
    pub fn set_max_page_count_for_tests(&self, pages: i64) -> Result<(), StoreError> {
        let _: i64 = self.conn.query_row(&format!("PRAGMA max_page_count = {pages}"), [], |r| r.get(0))?;
        Ok(())
    }
}
