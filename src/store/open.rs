//! Opening a file: as its one writer (after every check has passed through a read-only
//! connection, so a refused file is never written), read-only, or in memory.
//!
//! Before SQLite sees the path it is resolved to the real file (links followed) and refused
//! unless it is a regular file with one name. A writer then takes the lock, and reads the file
//! read-only: header, application id, version, schema objects, SQLite's check, and (at the latest
//! version) every row. Only then is it opened for writing: WAL, the daily or pre-migration
//! backup, migrations, the session marker.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::connection::{Mode, open_connection};
use super::error::Holder;
use super::inspect;
use super::{CheckKind, OpenReport, Snapshot, Store, StoreError, backup, file, lock, schema, tables};

/// Which files an open may make a new database of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Create {
    /// Only a file that is not there (the window's database on first run).
    IfMissing,
    /// Also a file of zero bytes or an SQLite file without tables (`demo`, `init`, the window's
    /// "new database"): nothing else initialises such a file, a common result of a crash.
    AlsoEmpty,
    /// None: the file must be a database already (the command line's writers).
    Never,
}

/// How a writer opens its file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpenMode {
    /// Who takes the writer's lock (named to whoever finds the file in use).
    pub holder: Holder,
    /// How long to wait for the lock when someone else holds it.
    pub wait: Duration,
    pub create: Create,
}

impl OpenMode {
    /// A window: a short wait, a missing file is created.
    pub const WINDOW: Self =
        Self { holder: Holder::Window, wait: lock::WINDOW_WAIT, create: Create::IfMissing };
    /// A command of the command line changing an existing database: waits a few seconds.
    pub const COMMAND: Self =
        Self { holder: Holder::Command, wait: lock::COMMAND_WAIT, create: Create::Never };
}

/// What the read-only inspection of a writer's file found.
struct Inspected {
    /// The schema version of an existing database (`None`: a new one is made).
    version: Option<i64>,
    report: OpenReport,
    preloaded: Option<Snapshot>,
}

impl Store {
    /// Opens (or creates) the database at `path` as its one writer, for a window, checks it and
    /// migrates it to the latest schema.
    ///
    /// A file another window holds is refused ([`StoreError::Locked`]). A file that is not SQLite,
    /// is empty, belongs to another program, was written by a newer version, holds schema objects
    /// this build did not make, fails its check or does not load is refused and left
    /// byte-for-byte untouched.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        Self::open_as(path, OpenMode::WINDOW)
    }

    /// [`Store::open`] for `mode`'s holder, waiting and creating as it says.
    pub fn open_as(path: &Path, mode: OpenMode) -> Result<Self, StoreError> {
        let path = file::resolve(path)?;
        file::check_database_file(&path)?;
        let lock = lock::DbLock::acquire_as(&path, mode.holder, mode.wait)?;
        Self::open_locked(&path, lock, mode.create)
    }

    /// [`Store::open`] with a lock the caller already holds (after a restore).
    pub fn open_with_lock(path: &Path, lock: Option<lock::DbLock>) -> Result<Self, StoreError> {
        let path = file::resolve(path)?;
        Self::open_locked(&path, lock, Create::IfMissing)
    }

    fn open_locked(path: &Path, lock: Option<lock::DbLock>, create: Create) -> Result<Self, StoreError> {
        let mut meta = file::check_database_file(path)?;
        if meta.is_none() && super::restore::finish_interrupted_restore(path)? {
            meta = file::check_database_file(path)?;
        }
        let inspected = match meta {
            Some(_) => Self::inspect_for_writing(path, create)?,
            None if create == Create::Never => {
                return Err(StoreError::Io {
                    path: path.to_owned(),
                    source: std::io::Error::from(std::io::ErrorKind::NotFound),
                });
            }
            None => {
                let parent = file::folder_of(path);
                std::fs::create_dir_all(parent)
                    .map_err(|source| StoreError::Io { path: parent.to_owned(), source })?;
                Inspected { version: None, report: OpenReport::default(), preloaded: None }
            }
        };
        let mut report = inspected.report;
        report.created = inspected.version.is_none();
        if lock.is_some() {
            file::remove_stale_temps(path, &[backup::backups_dir(path), file::folder_of(path).to_owned()]);
        }
        let conn = open_connection(path, Mode::Writer).map_err(|err| writer_error(err, path))?;
        let mut store = Self {
            conn,
            preloaded: std::sync::Mutex::new(inspected.preloaded),
            path: path.to_owned(),
            lock,
            read_only: false,
            session_open: false,
            report,
            checkpointer: None,
        };
        if let Some(version) = inspected.version.filter(|&v| v > 0) {
            store.backup_at_open(version)?;
        }
        store.migrate()?;
        store.mark_session_open();
        store.start_checkpointer();
        Ok(store)
    }

    /// Everything a writer checks before it writes, through a read-only connection.
    fn inspect_for_writing(path: &Path, create: Create) -> Result<Inspected, StoreError> {
        let empty = |report| {
            if create == Create::AlsoEmpty {
                Ok(Inspected { version: None, report, preloaded: None })
            } else {
                Err(StoreError::Empty { path: path.to_owned() })
            }
        };
        if !inspect::check_header(path)? {
            return empty(OpenReport::default());
        }
        let (conn, version) = match inspect::open_read_only(path) {
            Ok(found) => found,
            Err(StoreError::Empty { .. }) => return empty(OpenReport::default()),
            Err(err) => return Err(writer_error(err, path)),
        };
        let unclean_shutdown = tables::meta::session_marker_set(&conn);
        let check = if unclean_shutdown { CheckKind::Full } else { CheckKind::Quick };
        let report = OpenReport { unclean_shutdown, check, ..OpenReport::default() };
        inspect::run_check(&conn, path, report.unclean_shutdown)?;
        // A file at the latest version is loaded now, before anything is written: a row that
        // does not load refuses the file untouched (an older one loads after its migration).
        let preloaded =
            if version == schema::latest_version() { Some(tables::load_snapshot(&conn)?) } else { None };
        Ok(Inspected { version: Some(version), report, preloaded })
    }

    /// The backup made while opening a file at schema `version`: before a migration, or the
    /// daily one when the newest is more than a day old.
    fn backup_at_open(&mut self, version: i64) -> Result<(), StoreError> {
        let reason = if version < schema::latest_version() {
            Some("migration")
        } else {
            backup::daily_backup_due(&self.path).then_some("daily")
        };
        if let Some(reason) = reason {
            match self.backup_now(reason) {
                Ok(made) => self.report.backup = Some(made),
                // A failed pre-migration backup stops the migration; a failed daily one does
                // not stop the user from working (a read-only folder, a full disk).
                Err(err) if reason == "migration" => return Err(err),
                Err(err) => log::warn!("the daily backup of {} failed: {err}", self.path.display()),
            }
        }
        Ok(())
    }

    /// Opens the file for reading only, without the writer's lock (the CLI's read commands, and
    /// a second window on a file another window holds). Every write is refused with
    /// [`StoreError::ReadOnlySession`]. Works on a read-only folder or medium and on a full disk.
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        let path = file::resolve(path)?;
        if file::check_database_file(&path)?.is_none() {
            return Err(StoreError::Io {
                path: path.clone(),
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            });
        }
        if !inspect::check_header(&path)? {
            return Err(StoreError::Empty { path });
        }
        let (conn, version) = inspect::open_read_only(&path)?;
        let report = OpenReport {
            unclean_shutdown: tables::meta::session_marker_set(&conn),
            check: CheckKind::Quick,
            ..OpenReport::default()
        };
        inspect::run_check(&conn, &path, false)?;
        if version < schema::latest_version() {
            return Err(StoreError::OlderSchema { path, found: version });
        }
        Ok(Self {
            conn,
            preloaded: std::sync::Mutex::new(None),
            path,
            lock: None,
            read_only: true,
            session_open: false,
            report,
            checkpointer: None,
        })
    }

    /// Opens an in-memory database (tests and benchmarks).
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let mut store = Self {
            conn: super::connection::open_memory()?,
            preloaded: std::sync::Mutex::new(None),
            path: PathBuf::from(":memory:"),
            lock: None,
            read_only: false,
            session_open: false,
            report: OpenReport::default(),
            checkpointer: None,
        };
        store.migrate()?;
        Ok(store)
    }
}

/// The writer's connection could not be opened: on a folder or medium that cannot be written,
/// that is the cause to name (SQLite says only "unable to open database file").
fn writer_error(err: StoreError, path: &Path) -> StoreError {
    let cannot_open = inspect::cannot_share_memory(&err);
    if cannot_open && !file::folder_writable(file::folder_of(path)) { StoreError::ReadOnly } else { err }
}
