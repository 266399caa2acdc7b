//! The SQLite file: opening (with refusal of foreign or newer files), migrations, loading the whole
//! model, and writing a batch of [`Mutation`]s in one IMMEDIATE transaction.
//!
//! All SQL is parameterised. Nothing above this module runs SQL.
//!
//! Durability: one writer per file ([`lock`]), WAL with `synchronous=FULL`, defensive mode, a
//! check at every open (`integrity_check` after a session that did not close cleanly,
//! `quick_check` otherwise), verified backups ([`backup`], some made ahead on another thread),
//! WAL checkpoints on a thread of their own after each commit (`checkpoint`), and a full
//! checkpoint at close.

pub mod backup;
mod checkpoint;
mod codec;
pub mod lock;
pub mod schema;

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension as _, TransactionBehavior, params};

use crate::domain::{
    Activity, Agent, AgentId, Change, ConfigItem, Department, DepartmentId, Directory, Group, GroupId, Note,
    Readiness, Registry, Release, ReleaseId, ReleasePatch, SavedView, StageEntry, Task, TimeEntry,
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
    /// Change a few fields of a release that exists (bulk actions): one narrow `UPDATE`.
    PatchRelease {
        id: ReleaseId,
        patch: ReleasePatch,
    },
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
    /// Insert or replace a note of a release.
    PutNote(Note),
    RemoveNote(i64),
    /// Insert or replace a task of a release.
    PutTask(Task),
    RemoveTask(i64),
    /// Insert or replace a time entry (a running timer included).
    PutTimeEntry(TimeEntry),
    RemoveTimeEntry(i64),
    /// Insert or replace a Change of the registry.
    PutChange(Change),
    RemoveChange(i64),
    /// Insert or replace a configuration item of the registry.
    PutConfigItem(ConfigItem),
    RemoveConfigItem(i64),
    /// Insert or replace a release's readiness (checklists, risks, strategy).
    PutReadiness {
        release: ReleaseId,
        readiness: Readiness,
    },
    RemoveReadiness(ReleaseId),
    /// Insert or replace one row of a release's stage history.
    PutStageEntry(StageEntry),
    RemoveStageEntry(i64),
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
    /// Notes of every release, in id order.
    pub notes: Vec<Note>,
    /// Tasks of every release, in id order.
    pub tasks: Vec<Task>,
    /// Time entries of every release, in id order.
    pub time_entries: Vec<TimeEntry>,
    /// Changes and configuration items.
    pub registry: Registry,
    /// Readiness of the releases that have one stored (the others have the default).
    pub readiness: BTreeMap<ReleaseId, Readiness>,
    /// Every release's stage history, in id order.
    pub stage_history: Vec<StageEntry>,
}

/// Which check ran when the file was opened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CheckKind {
    /// A new file: nothing to check.
    #[default]
    None,
    /// `PRAGMA quick_check` (the last session closed cleanly).
    Quick,
    /// `PRAGMA integrity_check` (the last session did not close cleanly).
    Full,
}

/// What happened when the file was opened; the window tells the user.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OpenReport {
    /// The last session that wrote the file did not close cleanly (a crash or power loss).
    pub unclean_shutdown: bool,
    /// The check that ran (and passed: a failed check refuses the file).
    pub check: CheckKind,
    /// The backup made while opening (daily, or before a migration).
    pub backup: Option<PathBuf>,
}

/// An open Release Desk database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The writer's lock; `None` for a read-only store (or a folder that cannot be written).
    lock: Option<lock::DbLock>,
    read_only: bool,
    /// The open-session marker is set and must be cleared at close.
    session_open: bool,
    report: OpenReport,
    /// Checkpoints the log on another thread; `None` for a read-only or in-memory store, or
    /// when it could not start (the writer then checkpoints itself, as SQLite does by default).
    checkpointer: Option<checkpoint::Checkpointer>,
}

/// Settings every connection to a user's file gets, whoever sent the file: no trusted schema
/// (triggers and views cannot call functions with side effects), defensive mode (no writable
/// schema, no corrupting pragmas).
pub(crate) fn harden(conn: &Connection) -> Result<(), StoreError> {
    conn.execute_batch("PRAGMA trusted_schema = OFF;")?;
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    Ok(())
}

/// A backup is made at open when the newest one is older than this.
const DAILY_BACKUP_AGE: chrono::Duration = chrono::Duration::hours(24);

/// Runs `integrity_check` (`full`) or `quick_check`; anything but "ok" is [`StoreError::Damaged`].
pub(crate) fn run_check(conn: &Connection, path: &Path, full: bool) -> Result<(), StoreError> {
    let sql = if full { "PRAGMA integrity_check(20)" } else { "PRAGMA quick_check(20)" };
    let damaged = |details: String| StoreError::Damaged { path: path.to_owned(), details };
    let rows: Vec<String> = (|| {
        let mut stmt = conn.prepare(sql)?;
        stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<Result<Vec<_>, _>>()
    })()
    .map_err(|e| damaged(e.to_string()))?;
    if rows.len() == 1 && rows[0] == "ok" { Ok(()) } else { Err(damaged(rows.join("; "))) }
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

impl Store {
    /// Opens (or creates) the database at `path` as its one writer, checks it and migrates it to
    /// the latest schema.
    ///
    /// A file another window holds is refused ([`StoreError::Locked`]). A file that is not SQLite,
    /// belongs to another program, was written by a newer version, or fails its check is refused
    /// and left byte-for-byte untouched.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let lock = lock::DbLock::acquire(path)?;
        Self::open_with_lock(path, lock)
    }

    /// [`Store::open`] with a lock the caller already holds (after a restore).
    pub fn open_with_lock(path: &Path, lock: Option<lock::DbLock>) -> Result<Self, StoreError> {
        let io_err = |source| StoreError::Io { path: path.to_owned(), source };
        let mut report = OpenReport::default();
        let mut existing_version = None;
        if path.exists() {
            if Self::check_header(path)? {
                // Inspect through a read-only connection first, so a refused file is never written.
                let conn = Self::open_read_only_connection(path)?;
                existing_version = Some(Self::check_compatible(&conn, path)?);
                report.unclean_shutdown = Self::marker_set(&conn);
                report.check = if report.unclean_shutdown { CheckKind::Full } else { CheckKind::Quick };
                run_check(&conn, path, report.unclean_shutdown)?;
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
        let mut store = Self {
            conn,
            path: path.to_owned(),
            lock,
            read_only: false,
            session_open: false,
            report,
            checkpointer: None,
        };
        store.configure()?;
        if let Some(version) = existing_version.filter(|&v| v > 0) {
            let reason = if version < schema::latest_version() {
                Some("migration")
            } else {
                let newest = backup::list_backups(path).ok().and_then(|l| l.first().map(|b| b.made_at));
                newest.is_none_or(|t| chrono::Utc::now() - t > DAILY_BACKUP_AGE).then_some("daily")
            };
            if let Some(reason) = reason {
                match store.backup_now(reason) {
                    Ok(made) => store.report.backup = Some(made),
                    // A failed pre-migration backup stops the migration; a failed daily one does
                    // not stop the user from working (a read-only folder, a full disk).
                    Err(err) if reason == "migration" => return Err(err),
                    Err(_) => {}
                }
            }
        }
        store.migrate()?;
        store.mark_session_open();
        store.start_checkpointer();
        Ok(store)
    }

    /// Opens the file for reading only, without the writer's lock (the CLI's read commands, and
    /// a second window on a file another window holds). Every write is refused with
    /// [`StoreError::ReadOnlySession`].
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        if !path.exists() {
            return Err(StoreError::Io {
                path: path.to_owned(),
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            });
        }
        let conn = Self::open_read_only_connection(path)?;
        let mut report = OpenReport::default();
        if Self::check_header(path)? {
            Self::check_compatible(&conn, path)?;
            report.unclean_shutdown = Self::marker_set(&conn);
            run_check(&conn, path, false)?;
            report.check = CheckKind::Quick;
        }
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch("PRAGMA trusted_schema = OFF;")?;
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version < schema::latest_version() {
            return Err(StoreError::BadData(format!(
                "{} has an older schema (version {version}); open it once in the window to upgrade it",
                path.display()
            )));
        }
        Ok(Self {
            conn,
            path: path.to_owned(),
            lock: None,
            read_only: true,
            session_open: false,
            report,
            checkpointer: None,
        })
    }

    fn open_read_only_connection(path: &Path) -> Result<Connection, StoreError> {
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .map_err(StoreError::from)
    }

    /// `Ok(false)`: an empty file (a new database). Refuses a file that is not SQLite.
    fn check_header(path: &Path) -> Result<bool, StoreError> {
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

    /// Whether the last writing session left its open marker set (it did not close cleanly).
    fn marker_set(conn: &Connection) -> bool {
        conn.query_row("SELECT value FROM meta WHERE key = 'session_open'", [], |r| r.get::<_, i64>(0))
            .is_ok_and(|v| v != 0)
    }

    fn mark_session_open(&mut self) {
        // Best effort: a read-only file cannot take the marker, and refuses writes anyway.
        self.session_open = self
            .conn
            .execute(
                "INSERT INTO meta (key, value) VALUES ('session_open', 1)
                 ON CONFLICT(key) DO UPDATE SET value = 1",
                [],
            )
            .is_ok();
    }

    /// What happened when the file was opened.
    pub fn open_report(&self) -> &OpenReport {
        &self.report
    }

    /// Whether this store refuses writes (opened read-only).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Moves checkpoints to their own thread (see [`checkpoint`]); the writer keeps only a
    /// backstop. If the thread cannot start, SQLite's default (checkpoint at 1,000 pages) stays.
    fn start_checkpointer(&mut self) {
        let Ok(checkpointer) = checkpoint::Checkpointer::spawn(&self.path) else { return };
        let backstop = self.conn.execute_batch(&format!(
            "PRAGMA wal_autocheckpoint = {}; PRAGMA journal_size_limit = {};",
            checkpoint::BACKSTOP_PAGES,
            checkpoint::LOG_SIZE_LIMIT
        ));
        if backstop.is_ok() {
            checkpointer.nudge();
            self.checkpointer = Some(checkpointer);
        }
    }

    /// How many background checkpoints copied the whole log so far (tests and diagnostics).
    #[doc(hidden)]
    pub fn background_checkpoints(&self) -> Option<u64> {
        self.checkpointer.as_ref().map(checkpoint::Checkpointer::complete_checkpoints)
    }

    /// Checkpoints the WAL into the file and clears the open-session marker. Idempotent.
    fn shutdown(&mut self) {
        if let Some(mut checkpointer) = self.checkpointer.take() {
            checkpointer.stop();
        }
        if self.session_open {
            let _ = self.conn.execute("UPDATE meta SET value = 0 WHERE key = 'session_open'", []);
            self.session_open = false;
        }
        if !self.read_only {
            let _ = self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        }
    }

    /// Closes the file cleanly (checkpoint, clean-shutdown marker) and hands back the writer's
    /// lock, so the caller can restore a backup before anyone else opens the file.
    pub fn close(mut self) -> Option<lock::DbLock> {
        self.shutdown();
        self.lock.take()
    }

    /// Makes a verified backup in `backups/` beside the file (then rotates); returns its path.
    /// Called at open (daily, before a migration) and by the model before imports and purges.
    pub fn backup_now(&self, reason: &str) -> Result<PathBuf, StoreError> {
        if self.path.as_os_str() == ":memory:" {
            return Ok(PathBuf::new());
        }
        backup::backup_into_folder(&self.conn, &self.path, reason)
    }

    /// Starts a verified backup in `backups/` on another thread (see [`backup::BackupJob`]), so
    /// the user can go on while it is made.
    pub fn spawn_backup(&self, reason: &str) -> Result<backup::BackupJob, StoreError> {
        if self.path.as_os_str() == ":memory:" {
            return Ok(backup::BackupJob::done(Ok(PathBuf::new())));
        }
        backup::BackupJob::spawn(&self.path, reason)
    }

    /// Writes a verified copy of the file to `out` (which must not exist).
    pub fn backup_to(&self, out: &Path) -> Result<(), StoreError> {
        if out.exists() {
            return Err(StoreError::Io {
                path: out.to_owned(),
                source: std::io::Error::from(std::io::ErrorKind::AlreadyExists),
            });
        }
        backup::write_verified_copy(&self.conn, out)
    }

    /// Runs the full `integrity_check` now.
    pub fn integrity_check(&self) -> Result<(), StoreError> {
        run_check(&self.conn, &self.path, true)
    }

    /// Opens an in-memory database (tests and benchmarks).
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let conn = Connection::open_in_memory()?;
        let mut store = Self {
            conn,
            path: PathBuf::from(":memory:"),
            lock: None,
            read_only: false,
            session_open: false,
            report: OpenReport::default(),
            checkpointer: None,
        };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Refuses a non-empty SQLite file that is not ours or is newer than this build; returns its
    /// schema version.
    fn check_compatible(conn: &Connection, path: &Path) -> Result<i64, StoreError> {
        let app_id: i32 =
            conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(
                |e| match StoreError::from(e) {
                    StoreError::Corrupt(_) => StoreError::NotSqlite { path: path.to_owned() },
                    other => other,
                },
            )?;
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

    fn configure(&mut self) -> Result<(), StoreError> {
        self.conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // WAL is not available for in-memory databases; the pragma then reports "memory".
        let _mode: String = self.conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        // A 32 MiB page cache (default 2 MiB): a bulk action over 10,000 releases of 100,000
        // touches most pages of the table, and its undo touches them again.
        self.conn.execute_batch(
            "PRAGMA foreign_keys = ON;
             PRAGMA synchronous = FULL;
             PRAGMA trusted_schema = OFF;
             PRAGMA cache_size = -32768;",
        )?;
        // A file may come from someone else: no writable schema, no corrupting pragmas.
        self.conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
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
        snapshot.registry.changes = self.query_map(
            "SELECT id, subject, approval, risk FROM changes ORDER BY id",
            codec::change_from_row,
        )?;
        snapshot.registry.config_items = self
            .query_map("SELECT id, name, kind FROM config_items ORDER BY id", codec::config_item_from_row)?;
        let readiness = self.query_map("SELECT release_id, readiness FROM release_readiness", |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?;
        for (id, json) in readiness {
            snapshot.readiness.insert(ReleaseId(id), codec::readiness_from_json(id, &json)?);
        }
        snapshot.stage_history = self.query_map(
            &format!("SELECT {} FROM stage_history ORDER BY id", codec::STAGE_ENTRY_COLUMNS),
            codec::stage_entry_from_row,
        )?;
        let high_water: Option<i64> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'release_high_water'", [], |r| r.get(0))
            .optional()?;
        let max_id = snapshot.releases.last().map_or(0, |r| r.id.0);
        snapshot.release_high_water = high_water.unwrap_or(0).max(max_id);
        snapshot.notes = codec::load_notes(&self.conn)?;
        snapshot.tasks = codec::load_tasks(&self.conn)?;
        snapshot.time_entries = codec::load_time_entries(&self.conn)?;
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
        if self.read_only {
            return Err(StoreError::ReadOnlySession { path: self.path.clone() });
        }
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut high_water: Option<i64> = None;
        for mutation in mutations {
            match mutation {
                Mutation::PutRelease(release) => {
                    codec::put_release(&tx, release)?;
                    high_water = Some(high_water.unwrap_or(0).max(release.id.0));
                }
                Mutation::PatchRelease { id, patch } => codec::patch_release(&tx, *id, patch)?,
                Mutation::RemoveRelease(id) => {
                    tx.prepare_cached("DELETE FROM releases WHERE id = ?1")?.execute(params![id.0])?;
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
                Mutation::PutNote(note) => codec::put_note(&tx, note)?,
                Mutation::RemoveNote(id) => {
                    tx.prepare_cached("DELETE FROM release_notes WHERE id = ?1")?.execute(params![id])?;
                }
                Mutation::PutTask(task) => codec::put_task(&tx, task)?,
                Mutation::RemoveTask(id) => {
                    tx.prepare_cached("DELETE FROM release_tasks WHERE id = ?1")?.execute(params![id])?;
                }
                Mutation::PutTimeEntry(entry) => codec::put_time_entry(&tx, entry)?,
                Mutation::RemoveTimeEntry(id) => {
                    tx.prepare_cached("DELETE FROM time_entries WHERE id = ?1")?.execute(params![id])?;
                }
                Mutation::PutChange(c) => {
                    tx.execute(
                        "INSERT OR REPLACE INTO changes (id, subject, approval, risk) VALUES (?1, ?2, ?3, ?4)",
                        params![c.id, c.subject, c.approval.code(), c.risk.code()],
                    )?;
                }
                Mutation::RemoveChange(id) => {
                    tx.execute("DELETE FROM changes WHERE id = ?1", params![id])?;
                }
                Mutation::PutConfigItem(c) => {
                    tx.execute(
                        "INSERT OR REPLACE INTO config_items (id, name, kind) VALUES (?1, ?2, ?3)",
                        params![c.id, c.name, c.kind.code()],
                    )?;
                }
                Mutation::RemoveConfigItem(id) => {
                    tx.execute("DELETE FROM config_items WHERE id = ?1", params![id])?;
                }
                Mutation::PutReadiness { release, readiness } => {
                    tx.execute(
                        "INSERT OR REPLACE INTO release_readiness (release_id, readiness) VALUES (?1, ?2)",
                        params![release.0, codec::readiness_to_json(readiness)?],
                    )?;
                }
                Mutation::RemoveReadiness(release) => {
                    tx.execute("DELETE FROM release_readiness WHERE release_id = ?1", params![release.0])?;
                }
                Mutation::PutStageEntry(entry) => codec::put_stage_entry(&tx, entry)?,
                Mutation::RemoveStageEntry(id) => {
                    tx.execute("DELETE FROM stage_history WHERE id = ?1", params![id])?;
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
        if let Some(checkpointer) = &self.checkpointer {
            checkpointer.nudge();
        }
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

impl Drop for Store {
    fn drop(&mut self) {
        self.shutdown();
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use rusqlite::config::DbConfig;

    #[test]
    fn a_backup_made_ahead_is_kept_only_when_claimed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk.sqlite3");
        let mut store = Store::open(&path).unwrap();
        let settings: Vec<Mutation> = (0..5_000)
            .map(|i| Mutation::PutSetting { key: format!("k{i}"), value: "x".repeat(200) })
            .collect();
        store.commit(&settings, &[]).unwrap();
        let files = || -> Vec<String> {
            std::fs::read_dir(backup::backups_dir(&path))
                .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
                .unwrap_or_default()
        };
        // Dropped at once (interrupted mid-copy, or just finished): nothing is left behind.
        drop(store.spawn_backup("purge").unwrap());
        assert_eq!(files(), Vec::<String>::new());
        // Claimed: kept, checked, and the folder rotated.
        let kept = store.spawn_backup("purge").unwrap().claim().unwrap();
        assert_eq!(files().len(), 1);
        assert_eq!(backup::verify(&kept).unwrap(), 0, "a checked copy (of a file without releases)");
    }

    #[test]
    fn the_log_is_checkpointed_on_another_thread_after_a_commit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk.sqlite3");
        let mut store = Store::open(&path).unwrap();
        let autocheckpoint: i64 =
            store.conn.query_row("PRAGMA wal_autocheckpoint", [], |r| r.get(0)).unwrap();
        assert_eq!(autocheckpoint, checkpoint::BACKSTOP_PAGES, "the writer keeps only a backstop");
        let wait_for = |store: &Store, count: u64| {
            let start = std::time::Instant::now();
            while store.background_checkpoints().unwrap() < count {
                assert!(start.elapsed().as_secs() < 30, "no checkpoint came");
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
        };
        // The one asked for at open.
        wait_for(&store, 1);
        let before = store.background_checkpoints().unwrap();
        let settings: Vec<Mutation> = (0..2_000)
            .map(|i| Mutation::PutSetting { key: format!("k{i}"), value: "x".repeat(500) })
            .collect();
        store.commit(&settings, &[]).unwrap();
        wait_for(&store, before + 1);
        // Everything is in the main file now: a copy of it alone, without the log, holds the rows.
        let copy = dir.path().join("copy.sqlite3");
        std::fs::copy(&path, &copy).unwrap();
        let rows: i64 = Connection::open(&copy)
            .unwrap()
            .query_row("SELECT count(*) FROM settings", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 2_000);
        store.shutdown();
        assert!(store.background_checkpoints().is_none(), "the thread stops at close");
    }

    #[test]
    fn a_writer_runs_wal_full_sync_defensive_and_untrusted_schema() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("desk.sqlite3")).unwrap();
        let pragma = |name: &str| -> String {
            store
                .conn
                .query_row(&format!("PRAGMA {name}"), [], |r| r.get::<_, rusqlite::types::Value>(0))
                .map(|v| format!("{v:?}"))
                .unwrap()
        };
        assert_eq!(pragma("journal_mode"), r#"Text("wal")"#);
        assert_eq!(pragma("synchronous"), "Integer(2)", "FULL");
        assert_eq!(pragma("trusted_schema"), "Integer(0)");
        assert_eq!(pragma("foreign_keys"), "Integer(1)");
        assert!(store.conn.db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE).unwrap());
        // Defensive mode refuses to write the schema table directly.
        store.conn.execute_batch("PRAGMA writable_schema = ON").unwrap();
        assert!(store.conn.execute("DELETE FROM sqlite_schema WHERE name = 'releases'", []).is_err());
    }
}
