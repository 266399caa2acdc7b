//! One writer per database: an advisory OS lock on `NAME.lock` beside the file, holding the
//! writer's process id and what it is (a window or a command).
//!
//! The lock is keyed on the real file: the path is resolved first (symbolic links followed),
//! so every name of one file takes the same lock, and a file with more than one hard
//! link is refused before it gets here. The lock file itself is opened without following links: a
//! link planted at `NAME.lock` is refused and its target left alone.
//!
//! A lock file (rather than SQLite's `locking_mode=EXCLUSIVE`) keeps WAL readers working: the CLI
//! and a read-only second window can still read while a window writes. The OS drops the lock
//! when the process ends, even when it is killed, so a crash never leaves the file locked.

use std::fs::{File, TryLockError};
use std::io::{Read as _, Seek as _, SeekFrom, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::error::Holder;
use super::{StoreError, file};

/// How long apart a held lock is tried again.
const RETRY_PAUSE: Duration = Duration::from_millis(25);

/// How long a window waits for a holder that is just closing (or a process forked by another
/// thread of ours that has not yet exec'd, which briefly shares the lock).
pub const WINDOW_WAIT: Duration = Duration::from_millis(250);

/// How long a command of the command line waits for the file to be free.
pub const COMMAND_WAIT: Duration = Duration::from_secs(3);

/// The held lock of one database; released when dropped.
#[derive(Debug)]
pub struct DbLock {
    _file: File,
    path: PathBuf,
}

/// `desk.sqlite3` -> `desk.sqlite3.lock`.
pub fn lock_path(db: &Path) -> PathBuf {
    file::sidecar(db, ".lock")
}

impl DbLock {
    /// Takes the writer's lock of `db` for a window, or says who holds it.
    ///
    /// `Ok(None)`: the folder cannot be written (a read-only disk), so there is nothing to
    /// protect; writes will fail on their own with a clear error.
    pub fn acquire(db: &Path) -> Result<Option<Self>, StoreError> {
        Self::acquire_as(db, Holder::Window, WINDOW_WAIT)
    }

    /// Takes the writer's lock of `db` for `holder`, waiting up to `wait` for the one who holds
    /// it to let go.
    pub fn acquire_as(db: &Path, holder: Holder, wait: Duration) -> Result<Option<Self>, StoreError> {
        // Every name of the file takes the lock beside the real file (a restore given a link
        // must wait for the window that opened the file itself).
        let db = &file::resolve(db)?;
        let path = lock_path(db);
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
            && let Err(err) = std::fs::create_dir_all(parent)
        {
            log::debug!("could not create {}: {err}", parent.display());
        }
        let mut file = match file::open_side_file(&path) {
            Ok(file) => file,
            Err(StoreError::Io { source, .. })
                if matches!(
                    source.kind(),
                    std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
                ) =>
            {
                log::info!("no writer's lock for {} ({source}): the folder cannot be written", db.display());
                return Ok(None);
            }
            Err(err) => return Err(err),
        };
        let start = Instant::now();
        let locked = loop {
            match file.try_lock() {
                Err(TryLockError::WouldBlock) if start.elapsed() < wait => std::thread::sleep(RETRY_PAUSE),
                other => break other,
            }
        };
        match locked {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut text = String::new();
                // The holder's note only makes the message more helpful.
                if let Err(err) = file.read_to_string(&mut text) {
                    log::debug!("could not read {}: {err}", path.display());
                }
                let mut words = text.split_whitespace();
                let pid = words.next().and_then(|p| p.parse().ok());
                let holder = words.next().and_then(Holder::from_code);
                return Err(StoreError::Locked { path: db.to_owned(), pid, holder });
            }
            Err(TryLockError::Error(source)) => return Err(StoreError::Io { path, source }),
        }
        // Best effort: the note only makes the "in use" message more helpful.
        let written = file
            .set_len(0)
            .and_then(|()| file.seek(SeekFrom::Start(0)))
            .and_then(|_| write!(file, "{} {}", std::process::id(), holder.code()));
        if let Err(err) = written {
            log::debug!("could not write {}: {err}", path.display());
        }
        Ok(Some(Self { _file: file, path }))
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}
