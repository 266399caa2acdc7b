//! Restoring a backup over the database, so that nothing is lost whatever fails on the way (a
//! full disk, an I/O error, the process killed).
//!
//! 1. The backup is verified (checks, schema, every row), and so is the live file. Only a file
//!    whose contents are damaged may be moved aside; a check that could not run (a full disk, a
//!    read-only medium, an I/O error) stops the restore with that error, the file untouched.
//! 2. Free space is checked for everything written below.
//! 3. The replacement is written beside the live file as `NAME.restoring` (a new file, never
//!    through a link): a consistent copy of the backup made by SQLite (`VACUUM INTO`, so the
//!    backup's own `-wal` is included), verified, given the live file's permissions, synced.
//! 4. A good live file is kept as a verified backup (`…-restore.sqlite3`).
//! 5. Only then does anything move: a damaged live file is renamed aside with its log, the old
//!    log of a good one is removed (its contents are in the backup of step 4), and the
//!    replacement is renamed over the real file (a link at the path is followed, not replaced).
//!
//! A restore killed after step 5 moved a damaged file aside but before the rename leaves no file
//! at the path and a complete `NAME.restoring`: the next open finishes it
//! ([`finish_interrupted_restore`]). Killed anywhere else, the live file is as it was and the
//! next open removes the temporary file.

use std::fs::Metadata;
use std::path::{Path, PathBuf};

use super::backup::{backup_into_folder, verify};
use super::connection::{Mode, open_connection};
use super::lock::DbLock;
use super::{StoreError, file, tables};

/// What a restore did with the file it replaced.
#[derive(Clone, Debug, PartialEq)]
pub enum Replaced {
    /// There was no file.
    Nothing,
    /// The current file was good: it was backed up here first.
    BackedUp(PathBuf),
    /// The current file was damaged: it was moved aside here, untouched.
    MovedAside(PathBuf),
}

/// The live file before a restore.
enum Live {
    Missing,
    Good(Metadata),
    Damaged(Metadata),
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io { path: path.to_owned(), source }
}

/// Bytes of a file and its log (0 for what is not there).
fn size_with_log(path: &Path) -> u64 {
    let len = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    len(path) + len(&file::sidecar(path, "-wal"))
}

/// Replaces the database at `db` with a copy of `backup`. The caller holds `db`'s writer lock
/// and has closed its store. The current file is kept: backed up first when it is good, moved
/// aside when it is damaged. On any error the file at `db` is as it was.
pub fn restore(db: &Path, backup: &Path, _lock: Option<&DbLock>) -> Result<Replaced, StoreError> {
    let db = &file::resolve(db)?;
    let source = &file::resolve(backup)?;
    verify(source)?;
    let live = match file::check_database_file(db)? {
        None => Live::Missing,
        Some(meta) if file::write_protected(&meta) => {
            return Err(StoreError::WriteProtected { path: db.to_owned() });
        }
        Some(meta) => match verify(db) {
            Ok(_) => Live::Good(meta),
            Err(err) if err.is_damage() => Live::Damaged(meta),
            Err(err) => return Err(err),
        },
    };
    let needed = size_with_log(source) + if matches!(live, Live::Good(_)) { size_with_log(db) } else { 0 };
    file::ensure_space(file::folder_of(db), needed)?;

    let temp = file::sidecar(db, ".restoring");
    let permissions = match &live {
        Live::Good(meta) | Live::Damaged(meta) => meta.clone(),
        Live::Missing => std::fs::metadata(source).map_err(io(source))?,
    };
    write_replacement(source, &temp, &permissions)?;
    let result = match live {
        Live::Missing => replace_good(db, &temp).map(|()| Replaced::Nothing),
        Live::Good(_) => {
            keep_good(db).and_then(|kept| replace_good(db, &temp).map(|()| Replaced::BackedUp(kept)))
        }
        Live::Damaged(_) => replace_damaged(db, &temp).map(Replaced::MovedAside),
    };
    if result.is_err() {
        file::discard(&temp);
        file::discard(&file::sidecar(&temp, "-journal"));
    }
    result
}

/// Writes `temp` as a complete, verified, synced copy of the database `source`, with
/// `permissions`. Nothing else is touched; `temp` is removed when it fails.
fn write_replacement(source: &Path, temp: &Path, permissions: &Metadata) -> Result<(), StoreError> {
    let journal = file::sidecar(temp, "-journal");
    // A leftover of a killed restore: restores run only under the writer's lock, which the
    // caller holds, so nobody else is writing it.
    file::remove_if_present(temp)?;
    file::remove_if_present(&journal)?;
    let result = (|| {
        drop(file::create_new_side_file(temp)?);
        {
            let conn = open_connection(source, Mode::ReadOnly)?;
            conn.execute("VACUUM INTO ?1", [temp.to_string_lossy()])?;
        }
        {
            let copy = open_connection(temp, Mode::ReadWrite)?;
            tables::meta::clear_session_marker(&copy)?;
        }
        verify(temp)?;
        file::copy_permissions(permissions, temp)?;
        file::sync_file(temp)
    })();
    if result.is_err() {
        file::discard(temp);
        file::discard(&journal);
    }
    result
}

/// Keeps a good live file as a verified backup (with everything in its log).
fn keep_good(db: &Path) -> Result<PathBuf, StoreError> {
    let conn = open_connection(db, Mode::ReadOnly)?;
    backup_into_folder(&conn, db, "restore")
}

/// Puts `temp` at `db` in one rename, after removing the old file's log (its contents are kept
/// in the backup made first; a log left there would be replayed into the restored file).
fn replace_good(db: &Path, temp: &Path) -> Result<(), StoreError> {
    checkpoint_log(db);
    for suffix in ["-wal", "-shm"] {
        file::remove_if_present(&file::sidecar(db, suffix))?;
    }
    std::fs::rename(temp, db).map_err(io(db))?;
    file::sync_dir(file::folder_of(db));
    Ok(())
}

/// Copies what the log of a good file still holds into the file, so removing the log loses
/// nothing even from the file itself (best effort: the backup already holds it).
fn checkpoint_log(db: &Path) {
    let log = file::sidecar(db, "-wal");
    if std::fs::metadata(&log).map_or(true, |m| m.len() == 0) {
        return;
    }
    let checkpointed = open_connection(db, Mode::ReadWrite)
        .and_then(|conn| Ok(conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?));
    if let Err(err) = checkpointed {
        log::warn!("could not checkpoint {} before the restore: {err}", db.display());
    }
}

/// Moves a damaged `db` (and its log) aside untouched, then puts `temp` in its place. If the
/// log cannot follow it, the file is moved back and nothing is replaced.
fn replace_damaged(db: &Path, temp: &Path) -> Result<PathBuf, StoreError> {
    let aside = damaged_name(db);
    std::fs::rename(db, &aside).map_err(io(db))?;
    for suffix in ["-wal", "-shm"] {
        let from = file::sidecar(db, suffix);
        if !from.exists() {
            continue;
        }
        if let Err(source) = std::fs::rename(&from, file::sidecar(&aside, suffix)) {
            if let Err(err) = std::fs::rename(&aside, db) {
                log::error!("could not move {} back to {}: {err}", aside.display(), db.display());
            }
            return Err(StoreError::Io { path: from, source });
        }
    }
    std::fs::rename(temp, db).map_err(io(db))?;
    file::sync_dir(file::folder_of(db));
    Ok(aside)
}

/// The name a damaged file is moved to: `NAME.damaged-YYYYMMDD-HHMMSS`.
fn damaged_name(db: &Path) -> PathBuf {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let mut path = file::sidecar(db, &format!(".damaged-{stamp}"));
    let mut n = 1;
    while path.exists() {
        n += 1;
        path = file::sidecar(db, &format!(".damaged-{stamp}-{n}"));
    }
    path
}

/// Moves a damaged database (and its `-wal`/`-shm`) aside, untouched; returns the new name.
pub fn move_aside_damaged(db: &Path) -> Result<PathBuf, StoreError> {
    let target = damaged_name(db);
    std::fs::rename(db, &target).map_err(io(db))?;
    for suffix in ["-wal", "-shm"] {
        let from = file::sidecar(db, suffix);
        if from.exists() {
            std::fs::rename(&from, file::sidecar(&target, suffix)).map_err(io(&from))?;
        }
    }
    file::sync_dir(file::folder_of(db));
    Ok(target)
}

/// Finishes a restore that was killed between moving a damaged file aside and renaming its
/// replacement into place: there is no file at `db` and a complete `NAME.restoring` beside it.
/// Returns whether it did. A `NAME.restoring` that does not verify is removed.
pub fn finish_interrupted_restore(db: &Path) -> Result<bool, StoreError> {
    let temp = file::sidecar(db, ".restoring");
    if db.exists() || !temp.is_file() {
        return Ok(false);
    }
    if let Err(err) = verify(&temp) {
        log::warn!("removing the incomplete restore {}: {err}", temp.display());
        file::discard(&temp);
        return Ok(false);
    }
    // The damaged file's log, if it did not follow it aside before the kill.
    let log = file::sidecar(db, "-wal");
    if log.exists() {
        let orphan =
            file::sidecar(db, &format!(".damaged-wal-{}", chrono::Local::now().format("%Y%m%d-%H%M%S")));
        std::fs::rename(&log, &orphan).map_err(io(&log))?;
    }
    file::remove_if_present(&file::sidecar(db, "-shm"))?;
    std::fs::rename(&temp, db).map_err(io(db))?;
    file::sync_dir(file::folder_of(db));
    log::info!("finished the interrupted restore of {}", db.display());
    Ok(true)
}
