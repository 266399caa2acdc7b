//! The database *file* as the window and the CLI see it, rather than the data in it: opening it
//! (as its one writer, or read-only), what the open found, backups (make one, list them with
//! their release counts, the newest good one), restoring one (close, restore, reopen: written
//! once, here), checks, and the checks and backups that run off the UI thread.
//!
//! The window and the CLI reach the file only through this module and [`Model`]; nothing above
//! the model imports `crate::store`.

use std::path::{Path, PathBuf};

use super::Model;
use crate::store::lock::{self, DbLock};
use crate::store::{self, Create, OpenMode, Store, backup, restore};

pub use crate::store::backup::BackupInfo;
pub use crate::store::restore::Replaced;
pub use crate::store::{CheckKind, Holder, OpenReport, StoreError};

/// Opens the database at `path` as its one writer (creating it when missing), checks it,
/// migrates it and loads it. A file another window holds is refused with [`StoreError::Locked`].
pub fn open(path: &Path) -> Result<Model, StoreError> {
    Model::open(path)
}

/// Opens an existing database at `path` to change it from the command line: waits a few
/// seconds when a window or another command holds it (then says which), never creates a file.
pub fn open_for_writing(path: &Path) -> Result<Model, StoreError> {
    Model::from_store(Store::open_as(path, OpenMode::COMMAND)?)
}

/// Opens the database at `path`, making a new one of a missing file, a file of zero bytes or an
/// SQLite file without tables: `demo`, `init` and the window's "new database" (`holder`), the
/// only ways such a file is initialised.
pub fn create(path: &Path, holder: Holder) -> Result<Model, StoreError> {
    let wait = match holder {
        Holder::Window => lock::WINDOW_WAIT,
        Holder::Command => lock::COMMAND_WAIT,
    };
    Model::from_store(Store::open_as(path, OpenMode { holder, wait, create: Create::AlsoEmpty })?)
}

/// Opens the database at `path` for reading only, without the writer's lock: every command is
/// refused with a clear error.
pub fn open_read_only(path: &Path) -> Result<Model, StoreError> {
    Model::open_read_only(path)
}

/// Opens an existing file to read it (the CLI's read commands): read-only, so it works while a
/// window holds the file. A file with an older schema is opened as a writer once, to upgrade it.
pub fn open_for_reading(path: &Path) -> Result<Model, StoreError> {
    match Model::open_read_only(path) {
        Err(StoreError::OlderSchema { .. }) => Model::open(path),
        other => other,
    }
}

/// Whether `a` and `b` name the same file (links and `..` resolved): opening one while the
/// other is open in this window opens nothing new (and would find the file held by itself).
pub fn same_file(a: &Path, b: &Path) -> bool {
    a == b || matches!((store::real_path(a), store::real_path(b)), (Ok(a), Ok(b)) if a == b)
}

/// What happened when the model's file was opened (an unclean shutdown, the check that ran, a
/// backup made).
pub fn open_report(model: &Model) -> &OpenReport {
    model.store().open_report()
}

/// The file the model has open.
pub fn path(model: &Model) -> &Path {
    model.store().path()
}

/// Makes a verified backup of the model's file in `backups/` beside it (then rotates).
pub fn back_up_now(model: &Model) -> Result<PathBuf, StoreError> {
    model.backup_now("manual")
}

/// Writes a verified copy of the model's file to `out`, which must not exist.
pub fn back_up_to(model: &Model, out: &Path) -> Result<(), StoreError> {
    model.store().backup_to(out)
}

/// Runs the full integrity check of the model's open file now.
pub fn integrity_check(model: &Model) -> Result<(), StoreError> {
    model.store().integrity_check()
}

/// Checks the file at `path` without writing to it (the CLI's `check`); returns how many
/// releases it holds.
pub fn check_file(path: &Path) -> Result<i64, StoreError> {
    backup::verify_all(path)
}

/// The folder the backups of `db` are kept in.
pub fn backups_dir(db: &Path) -> PathBuf {
    backup::backups_dir(db)
}

/// One backup as the Backups dialog lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct ListedBackup {
    pub info: BackupInfo,
    /// How many releases it holds; `None` when it fails its check.
    pub releases: Option<i64>,
}

/// The backups of `db`, newest first, each checked.
pub fn list_backups(db: &Path) -> Result<Vec<ListedBackup>, StoreError> {
    Ok(backup::list_backups(db)?
        .into_iter()
        .map(|info| {
            // A backup that fails its check is listed without a count and cannot be restored.
            let releases = backup::verify(&info.path).ok();
            ListedBackup { info, releases }
        })
        .collect())
}

/// The backup of `db` at `path`, if it is one of its backups (for its date).
pub fn find_backup(db: &Path, path: &Path) -> Option<BackupInfo> {
    backup::listed_or_logged(db).into_iter().find(|b| b.path == path)
}

/// The newest backup of `db` that passes its check, and how many releases it holds.
pub fn newest_good_backup(db: &Path) -> Option<(BackupInfo, i64)> {
    backup::listed_or_logged(db).into_iter().find_map(|info| match backup::verify(&info.path) {
        Ok(count) => Some((info, count)),
        Err(err) => {
            log::info!("the backup {} is not offered: {err}", info.path.display());
            None
        }
    })
}

/// Whether `backup` is a copy of another database than the one at `db` (each database has an
/// identity, kept by its backups): restoring it would replace one database with another, so the
/// window and the command line ask first. `false` when either has no identity (older files) or
/// there is no database at `db`.
pub fn is_other_database(db: &Path, backup_path: &Path) -> bool {
    match (backup::identity(db), backup::identity(backup_path)) {
        (Some(ours), Some(theirs)) => ours != theirs,
        _ => false,
    }
}

/// What `init` found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Initialised {
    /// A new, empty database was made.
    Created,
    /// The file already was a database (holding this many releases); nothing was changed.
    AlreadyDatabase(usize),
}

/// Makes a new, empty database at `path` (the command line's `init`): a missing file, or an
/// empty one. A file that already is a database is opened and left as it is.
pub fn init(path: &Path) -> Result<Initialised, StoreError> {
    let model = create(path, Holder::Command)?;
    Ok(if open_report(&model).created {
        Initialised::Created
    } else {
        Initialised::AlreadyDatabase(model.releases().len())
    })
}

/// What [`restore`] did.
pub enum Restored {
    /// Nothing was restored: the writer's lock could not be taken (another window holds the
    /// file). The model given is handed back as it was.
    NotStarted { error: StoreError, model: Option<Model> },
    /// The restore ran, and the file was reopened whatever its outcome.
    Done {
        /// What became of the file that was there; `Err`: nothing was restored, the file is as
        /// it was.
        replaced: Result<Replaced, StoreError>,
        /// The model on the file now.
        reopened: Result<Model, StoreError>,
    },
}

/// Replaces the file at `db` with a copy of `backup`: the current model (if any) is closed,
/// keeping the writer's lock so nobody opens the file in between, the backup is restored (the
/// current file is kept: backed up first, or moved aside when damaged) and the file reopened.
///
/// A model without the writer's lock (read-only) takes it first; when it cannot be taken (another
/// window holds the file) nothing is closed or restored and the model is given back.
pub fn restore(db: &Path, backup_path: &Path, current: Option<Model>) -> Restored {
    let lock = match current {
        Some(model) if !model.is_read_only() => match model.close() {
            Some(lock) => Some(lock),
            // A writer without a lock file (its folder could not take one): try once more.
            None => match DbLock::acquire(db) {
                Ok(lock) => lock,
                Err(error) => {
                    // The model was closed: open it again, as it was (its error is the lock's).
                    let model = Model::open(db)
                        .inspect_err(|err| log::warn!("could not reopen {}: {err}", db.display()))
                        .ok();
                    return Restored::NotStarted { error, model };
                }
            },
        },
        current => match DbLock::acquire(db) {
            Ok(lock) => {
                drop(current);
                lock
            }
            Err(error) => return Restored::NotStarted { error, model: current },
        },
    };
    let replaced = restore::restore(db, backup_path, lock.as_ref());
    let reopened = Store::open_with_lock(db, lock).and_then(Model::from_store);
    Restored::Done { replaced, reopened }
}
