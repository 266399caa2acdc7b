//! One writer per database: an advisory OS lock on `NAME.lock` beside the file, holding the
//! writer's process id.
//!
//! A lock file (rather than SQLite's `locking_mode=EXCLUSIVE`) keeps WAL readers working: the CLI
//! and a read-only second window can still read while a window writes. The OS drops the lock
//! when the process ends, even when it is killed, so a crash never leaves the file locked.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read as _, Seek as _, SeekFrom, Write as _};
use std::path::{Path, PathBuf};

use super::StoreError;

/// How often, and how long apart, a held lock is tried again before giving up.
const RETRIES: u32 = 10;
const RETRY_PAUSE: std::time::Duration = std::time::Duration::from_millis(25);

/// The held lock of one database; released when dropped.
#[derive(Debug)]
pub struct DbLock {
    _file: File,
    path: PathBuf,
}

/// `desk.sqlite3` -> `desk.sqlite3.lock`.
pub fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".lock");
    db.with_file_name(name)
}

impl DbLock {
    /// Takes the writer's lock of `db`, or says who holds it.
    ///
    /// `Ok(None)`: the folder cannot be written (a read-only disk), so there is nothing to
    /// protect; writes will fail on their own with a clear error.
    pub fn acquire(db: &Path) -> Result<Option<Self>, StoreError> {
        let path = lock_path(db);
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            let _ = std::fs::create_dir_all(parent);
        }
        let mut file =
            match OpenOptions::new().read(true).write(true).create(true).truncate(false).open(&path) {
                Ok(file) => file,
                Err(err)
                    if matches!(
                        err.kind(),
                        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
                    ) =>
                {
                    return Ok(None);
                }
                Err(source) => return Err(StoreError::Io { path, source }),
            };
        // A holder that is just closing (or a process forked by another thread of ours that has
        // not yet exec'd, which briefly shares the lock) lets go within moments: wait a little.
        let mut attempts = 0;
        let locked = loop {
            match file.try_lock() {
                Err(TryLockError::WouldBlock) if attempts < RETRIES => {
                    attempts += 1;
                    std::thread::sleep(RETRY_PAUSE);
                }
                other => break other,
            }
        };
        match locked {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut text = String::new();
                let _ = file.read_to_string(&mut text);
                return Err(StoreError::Locked { path: db.to_owned(), pid: text.trim().parse().ok() });
            }
            Err(TryLockError::Error(source)) => return Err(StoreError::Io { path, source }),
        }
        // Best effort: the pid only makes the "in use" message more helpful.
        let _ = file.set_len(0).and_then(|()| file.seek(SeekFrom::Start(0)));
        let _ = write!(file, "{}", std::process::id());
        Ok(Some(Self { _file: file, path }))
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}
