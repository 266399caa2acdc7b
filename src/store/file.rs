//! The database as a file, before SQLite sees it: which real file a path names (links
//! resolved), whether it is one (a regular file with one name, no planted links beside it),
//! side files created without following links, permissions carried over to copies, free space,
//! and the temporary files a killed backup or restore left behind.

use std::fs::{File, Metadata, OpenOptions};
use std::path::{Path, PathBuf};

use super::StoreError;

fn io(path: &Path) -> impl Fn(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io { path: path.to_owned(), source }
}

/// `desk.sqlite3` + `-wal` -> `desk.sqlite3-wal`.
pub fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// The real file `path` names: symbolic links resolved, so every name of one file (a link, the
/// file itself) takes the same lock, and a restore replaces the file rather than the link. A
/// path that does not exist yet resolves its folder.
pub fn resolve(path: &Path) -> Result<PathBuf, StoreError> {
    match std::fs::canonicalize(path) {
        Ok(real) => Ok(real),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            // A dangling link is not a new database: creating its target would write elsewhere.
            if std::fs::symlink_metadata(path).is_ok() {
                return Err(StoreError::Io { path: path.to_owned(), source: err });
            }
            let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
            let (Some(parent), Some(name)) = (parent, path.file_name()) else { return Ok(path.to_owned()) };
            match std::fs::canonicalize(parent) {
                Ok(real) => Ok(real.join(name)),
                // The folder does not exist yet either: it is created as given.
                Err(_) => Ok(path.to_owned()),
            }
        }
        Err(source) => Err(StoreError::Io { path: path.to_owned(), source }),
    }
}

/// The metadata of the database file at (resolved) `path`, `None` when there is none. Refuses
/// anything that is not a regular file (a folder, a pipe, a device), a file with more than one
/// hard link (SQLite would keep a log per name and corrupt it), and a `-wal`, `-shm` or
/// `-journal` beside it that is a symbolic link.
pub fn check_database_file(path: &Path) -> Result<Option<Metadata>, StoreError> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(StoreError::Io { path: path.to_owned(), source }),
    };
    if !meta.is_file() {
        return Err(StoreError::NotAFile { path: path.to_owned() });
    }
    let links = link_count(&meta);
    if links > 1 {
        return Err(StoreError::HardLinked { path: path.to_owned(), links });
    }
    for suffix in ["-wal", "-shm", "-journal"] {
        let side = sidecar(path, suffix);
        if std::fs::symlink_metadata(&side).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(StoreError::LinkedSideFile { path: side });
        }
    }
    Ok(Some(meta))
}

#[cfg(unix)]
fn link_count(meta: &Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn link_count(_meta: &Metadata) -> u64 {
    1
}

/// Opens (creating it when missing) a side file for reading and writing, never through a
/// symbolic link: a link planted at `path` is refused, its target left alone.
pub fn open_side_file(path: &Path) -> Result<File, StoreError> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    no_follow(&mut options);
    options.open(path).map_err(|err| side_file_error(path, err))
}

/// Creates a new, empty side file (a temporary copy); fails if anything, a link included, is
/// already at `path`.
pub fn create_new_side_file(path: &Path) -> Result<File, StoreError> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    no_follow(&mut options);
    options.open(path).map_err(|err| side_file_error(path, err))
}

fn side_file_error(path: &Path, err: std::io::Error) -> StoreError {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        StoreError::LinkedSideFile { path: path.to_owned() }
    } else {
        StoreError::Io { path: path.to_owned(), source: err }
    }
}

#[cfg(unix)]
fn no_follow(options: &mut OpenOptions) {
    use std::os::unix::fs::OpenOptionsExt as _;
    options.custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
}

#[cfg(not(unix))]
fn no_follow(_options: &mut OpenOptions) {}

/// Removes a file if it is there (a link is removed, not its target).
pub fn remove_if_present(path: &Path) -> Result<(), StoreError> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(StoreError::Io { path: path.to_owned(), source }),
    }
}

/// Removes a temporary file after a failure; a file that cannot be removed is logged (it is
/// removed at the next open).
pub fn discard(path: &Path) {
    if let Err(err) = remove_if_present(path) {
        log::warn!("could not remove the temporary file {}: {err}", path.display());
    }
}

/// Gives `copy` the permissions of `source` (a backup or a restored file keeps the database's).
pub fn copy_permissions(source: &Metadata, copy: &Path) -> Result<(), StoreError> {
    std::fs::set_permissions(copy, source.permissions()).map_err(io(copy))
}

/// Whether the permissions of a file forbid writing to it (`0444`).
pub fn write_protected(meta: &Metadata) -> bool {
    meta.permissions().readonly()
}

/// Flushes a file's contents to the disk.
pub fn sync_file(path: &Path) -> Result<(), StoreError> {
    File::open(path).and_then(|f| f.sync_all()).map_err(io(path))
}

/// Makes the directory entry of a rename durable (Unix; a no-op elsewhere).
pub fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Err(err) = File::open(dir).and_then(|d| d.sync_all()) {
        log::warn!("could not sync the folder {}: {err}", dir.display());
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// The folder a file is in (`.` for a bare name).
pub fn folder_of(path: &Path) -> &Path {
    path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or_else(|| Path::new("."))
}

/// Whether a new file can be made in `dir` (it is not on a read-only medium, and its permissions
/// allow it): tried with a temporary file, removed at once.
pub fn folder_writable(dir: &Path) -> bool {
    let probe = dir.join(format!(".write-probe.{}.tmp", std::process::id()));
    match create_new_side_file(&probe) {
        Ok(file) => {
            drop(file);
            discard(&probe);
            true
        }
        Err(_) => false,
    }
}

/// Bytes free for this user in the folder `dir`; `None` where it cannot be told.
pub fn free_space(dir: &Path) -> Option<u64> {
    #[cfg(unix)]
    {
        let stat = rustix::fs::statvfs(dir).ok()?;
        Some(stat.f_bavail.saturating_mul(stat.f_frsize))
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        None
    }
}

/// Refuses to start writing `needed` bytes into `dir` when fewer are free (with a margin for
/// SQLite's own journal and the folder's entries).
pub fn ensure_space(dir: &Path, needed: u64) -> Result<(), StoreError> {
    let needed = needed.saturating_add(needed / 8).saturating_add(64 * 1024);
    match free_space(dir) {
        Some(available) if available < needed => {
            Err(StoreError::NoSpace { path: dir.to_owned(), needed, available })
        }
        _ => Ok(()),
    }
}

/// The name of the temporary file a copy to `out` is written to first: `.NAME.PID.tmp` beside it.
pub fn temp_name(out: &Path) -> PathBuf {
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    folder_of(out).join(format!(".{name}.{}.tmp", std::process::id()))
}

/// Whether the temporary file named `name` (see [`temp_name`]; `-journal` and `.tmp-journal`
/// included) belongs to a process that is gone, so nothing will finish or remove it.
fn stale_temp(name: &str, age: Option<std::time::Duration>) -> bool {
    let Some(rest) = name.strip_prefix('.') else { return false };
    let Some(rest) = rest.strip_suffix(".tmp").or_else(|| rest.strip_suffix(".tmp-journal")) else {
        return false;
    };
    let Some(pid) = rest.rsplit('.').next().and_then(|p| p.parse::<u32>().ok()) else { return false };
    if pid == std::process::id() {
        return false;
    }
    !process_alive(pid) || age.is_some_and(|age| age.as_secs() > 24 * 3600)
}

#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid).ok().and_then(rustix::process::Pid::from_raw) else { return false };
    match rustix::process::test_kill_process(pid) {
        Ok(()) => true,
        // It exists but belongs to someone else.
        Err(err) => err == rustix::io::Errno::PERM,
    }
}

#[cfg(not(unix))]
fn process_alive(_pid: u32) -> bool {
    // Unknown here: such a file is removed once it is a day old.
    true
}

/// Removes the temporary files killed backups and restores left beside the database and in
/// `dirs` (their process is gone), and `NAME.restoring` (a restore runs only under the writer's
/// lock, which the caller holds).
pub fn remove_stale_temps(db: &Path, dirs: &[PathBuf]) {
    discard(&sidecar(db, ".restoring"));
    discard(&sidecar(db, ".restoring-journal"));
    for dir in dirs {
        remove_stale_temps_in(dir);
    }
}

/// Removes the temporary files in `dir` whose process is gone.
pub fn remove_stale_temps_in(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let age = entry.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
        if stale_temp(&name, age) {
            discard(&entry.path());
        }
    }
}
#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn temps_of_live_processes_are_kept() {
        let mine = format!(".desk.sqlite3.{}.tmp", std::process::id());
        assert!(!stale_temp(&mine, None));
        assert!(stale_temp(".desk.sqlite3.4000000.tmp", None), "no such process");
        assert!(stale_temp(".desk.sqlite3.4000000.tmp-journal", None));
        assert!(!stale_temp("desk-20250101-000000-000-daily.sqlite3", None));
        assert!(!stale_temp(".hidden", None));
    }

    #[test]
    fn a_missing_file_resolves_its_folder() {
        let dir = tempfile::tempdir().unwrap();
        let real = std::fs::canonicalize(dir.path()).unwrap();
        assert_eq!(resolve(&dir.path().join("new.sqlite3")).unwrap(), real.join("new.sqlite3"));
    }
}
