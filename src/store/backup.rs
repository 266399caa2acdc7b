//! Verified backups in `backups/` beside the database, their rotation (7 daily + 4 weekly, and
//! the 3 newest whatever their age), restoring one, and moving a damaged file aside.
//!
//! A backup is written with `VACUUM INTO` to a temporary name, opened and checked
//! (`integrity_check`, application id), synced, and only then renamed to its final name, so a
//! file in `backups/` is always a complete, checked database.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{Datelike as _, NaiveDateTime, Utc};
use rusqlite::Connection;

use super::connection::{Mode, open_connection};
use super::lock::DbLock;
use super::{StoreError, schema};

/// One backup file.
#[derive(Clone, Debug, PartialEq)]
pub struct BackupInfo {
    pub path: PathBuf,
    /// When it was made (UTC, from its name).
    pub made_at: chrono::DateTime<Utc>,
    /// Why: daily, migration, import, purge, restore, manual.
    pub reason: String,
    pub size: u64,
}

/// The newest backups kept whatever their age.
const KEEP_NEWEST: usize = 3;
const KEEP_DAILY: usize = 7;
const KEEP_WEEKLY: usize = 4;
const STAMP: &str = "%Y%m%d-%H%M%S-%3f";
const STAMP_LEN: usize = 19;

/// `…/desk.sqlite3` -> `…/backups`.
pub fn backups_dir(db: &Path) -> PathBuf {
    db.parent().unwrap_or_else(|| Path::new("")).join("backups")
}

fn stem(db: &Path) -> String {
    db.file_stem().map_or_else(|| "release-desk".into(), |s| s.to_string_lossy().into_owned())
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io { path: path.to_owned(), source }
}

/// The backups of `db`, newest first.
pub fn list_backups(db: &Path) -> Result<Vec<BackupInfo>, StoreError> {
    let dir = backups_dir(db);
    let prefix = format!("{}-", stem(db));
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(StoreError::Io { path: dir, source }),
    };
    let mut list = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(&prefix).and_then(|r| r.strip_suffix(".sqlite3")) else {
            continue;
        };
        let (Some(stamp), Some(reason)) = (rest.get(..STAMP_LEN), rest.get(STAMP_LEN..)) else { continue };
        let Some(reason) = reason.strip_prefix('-') else { continue };
        let Ok(made_at) = NaiveDateTime::parse_from_str(stamp, STAMP) else { continue };
        let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
        list.push(BackupInfo {
            path: entry.path(),
            made_at: made_at.and_utc(),
            reason: reason.to_owned(),
            size,
        });
    }
    list.sort_by(|a, b| b.made_at.cmp(&a.made_at).then_with(|| b.path.cmp(&a.path)));
    Ok(list)
}

/// Checks a database file without writing to it: it must be ours, pass `integrity_check`
/// and be no newer than this build. Returns how many releases it holds.
pub fn verify(path: &Path) -> Result<i64, StoreError> {
    let conn = open_connection(path, Mode::ReadOnly).map_err(|e| match e {
        StoreError::Sqlite(e) => damaged(path, &e.to_string()),
        other => damaged(path, &other.to_string()),
    })?;
    let app_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| damaged(path, &e.to_string()))?;
    if app_id != schema::APPLICATION_ID {
        return Err(StoreError::ForeignDatabase { path: path.to_owned() });
    }
    super::run_check(&conn, path, true)?;
    let version = super::inspect::schema_version(&conn)?;
    if version > schema::latest_version() {
        return Err(StoreError::NewerSchema {
            path: path.to_owned(),
            found: version,
            supported: schema::latest_version(),
        });
    }
    super::tables::releases::count(&conn)
}

fn damaged(path: &Path, details: &str) -> StoreError {
    StoreError::Damaged { path: path.to_owned(), details: details.to_owned() }
}

/// Writes a checked copy of the database `conn` has open to `out` (which must not exist):
/// `VACUUM INTO` a temporary name beside it, clear the copy's open-session marker, check it,
/// sync it, rename it.
pub(super) fn write_verified_copy(conn: &Connection, out: &Path) -> Result<(), StoreError> {
    let dir = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or_else(|| Path::new("."));
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let file_name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let _ = std::fs::remove_file(&temp);
    let result = (|| {
        conn.execute("VACUUM INTO ?1", [temp.to_string_lossy()])?;
        {
            let copy = open_connection(&temp, Mode::ReadWrite)?;
            super::tables::meta::clear_session_marker(&copy)?;
        }
        verify(&temp)?;
        std::fs::File::open(&temp).and_then(|f| f.sync_all()).map_err(io(&temp))?;
        std::fs::rename(&temp, out).map_err(io(out))?;
        sync_dir(dir);
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
        let _ = std::fs::remove_file(temp.with_extension("tmp-journal"));
    }
    result
}

/// Makes the directory entry of a rename durable (Unix; a no-op elsewhere).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Makes a backup of the database `conn` has open into `backups/`, then rotates.
pub(super) fn backup_into_folder(conn: &Connection, db: &Path, reason: &str) -> Result<PathBuf, StoreError> {
    let out = write_into_folder(conn, db, reason)?;
    rotate(db, &out)?;
    Ok(out)
}

/// Writes a verified backup of the database `conn` has open into `backups/` (no rotation).
fn write_into_folder(conn: &Connection, db: &Path, reason: &str) -> Result<PathBuf, StoreError> {
    let dir = backups_dir(db);
    let reason: String = reason.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    let mut now = Utc::now();
    let mut out;
    loop {
        out = dir.join(format!("{}-{}-{reason}.sqlite3", stem(db), now.format(STAMP)));
        if !out.exists() {
            break;
        }
        now += chrono::Duration::milliseconds(1);
    }
    write_verified_copy(conn, &out)?;
    Ok(out)
}

/// A verified backup being made on another thread, from a read-only connection of its own: the
/// copy is of the file as it was when the thread began reading (WAL readers see every commit made
/// before it and block no writer).
///
/// It is made ahead for an action that may not happen (a purge being confirmed), so it is only
/// *claimed* by [`BackupJob::claim`], which then rotates the folder. A job dropped unclaimed is
/// interrupted and joined, and the copy it made is deleted: it was never needed (nothing changed),
/// and it must not push real backups out of rotation. No thread outlives its job, so closing or
/// restoring the database never races a copy still reading it.
pub struct BackupJob {
    db: PathBuf,
    state: JobState,
    interrupt: Option<rusqlite::InterruptHandle>,
}

#[derive(Debug)]
enum JobState {
    Running(std::thread::JoinHandle<Result<PathBuf, StoreError>>),
    Done(Result<PathBuf, Arc<StoreError>>),
    Claimed,
}

impl BackupJob {
    /// Starts a verified copy of `db` into `backups/` on another thread.
    pub fn spawn(db: &Path, reason: &str) -> Result<Self, StoreError> {
        let conn = open_connection(db, Mode::ReadOnly)?;
        let interrupt = conn.get_interrupt_handle();
        let (path, reason) = (db.to_owned(), reason.to_owned());
        let handle = std::thread::Builder::new()
            .name(format!("backup-{reason}"))
            .spawn(move || write_into_folder(&conn, &path, &reason))
            .map_err(|source| StoreError::Io { path: backups_dir(db), source })?;
        Ok(Self { db: db.to_owned(), state: JobState::Running(handle), interrupt: Some(interrupt) })
    }

    /// A job that is already done (nothing to back up, e.g. an in-memory database).
    pub fn done(result: Result<PathBuf, StoreError>) -> Self {
        Self { db: PathBuf::new(), state: JobState::Done(result.map_err(Arc::new)), interrupt: None }
    }

    /// `None` while running; then the backup's path or why it failed.
    pub fn poll(&mut self) -> Option<Result<&Path, Arc<StoreError>>> {
        if let JobState::Running(handle) = &self.state {
            if !handle.is_finished() {
                return None;
            }
            self.finish();
        }
        match &self.state {
            JobState::Done(result) => Some(result.as_ref().map(PathBuf::as_path).map_err(Arc::clone)),
            JobState::Running(_) | JobState::Claimed => None,
        }
    }

    /// Waits for the copy and keeps it: the folder is rotated as after any backup. Returns the
    /// backup's path, or why it failed.
    pub fn claim(mut self) -> Result<PathBuf, Arc<StoreError>> {
        self.finish();
        match std::mem::replace(&mut self.state, JobState::Claimed) {
            JobState::Done(Ok(path)) => {
                if !self.db.as_os_str().is_empty() {
                    rotate(&self.db, &path).map_err(Arc::new)?;
                }
                Ok(path)
            }
            JobState::Done(Err(why)) => Err(why),
            JobState::Running(_) | JobState::Claimed => Err(Arc::new(StoreError::BackupStopped)),
        }
    }

    fn finish(&mut self) {
        let state = std::mem::replace(&mut self.state, JobState::Claimed);
        self.state = match state {
            JobState::Running(handle) => JobState::Done(match handle.join() {
                Ok(result) => result.map_err(Arc::new),
                Err(_) => Err(Arc::new(StoreError::BackupStopped)),
            }),
            other => other,
        };
    }
}

impl Drop for BackupJob {
    fn drop(&mut self) {
        if matches!(self.state, JobState::Running(_))
            && let Some(interrupt) = &self.interrupt
        {
            interrupt.interrupt();
        }
        self.finish();
        if let JobState::Done(Ok(path)) = &self.state
            && !path.as_os_str().is_empty()
        {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Deletes backups beyond 7 daily + 4 weekly (+ the 3 newest), and stale temporary files.
pub fn rotate(db: &Path, just_made: &Path) -> Result<(), StoreError> {
    let list = list_backups(db)?;
    let mut keep: BTreeSet<PathBuf> = list.iter().take(KEEP_NEWEST).map(|b| b.path.clone()).collect();
    keep.insert(just_made.to_owned());
    let mut days = Vec::new();
    let mut weeks = Vec::new();
    for backup in &list {
        let local = backup.made_at.with_timezone(&chrono::Local);
        let day = local.date_naive();
        if days.len() < KEEP_DAILY {
            if !days.contains(&day) {
                days.push(day);
                keep.insert(backup.path.clone());
            }
            continue;
        }
        let week = (local.iso_week().year(), local.iso_week().week());
        // Weeks already covered by a daily backup do not count as weekly ones.
        let covered = days.iter().any(|d| (d.iso_week().year(), d.iso_week().week()) == week);
        if !covered && weeks.len() < KEEP_WEEKLY && !weeks.contains(&week) {
            weeks.push(week);
            keep.insert(backup.path.clone());
        }
    }
    for backup in list.iter().filter(|b| !keep.contains(&b.path)) {
        let _ = std::fs::remove_file(&backup.path);
    }
    // Temporary files left by a backup that was interrupted (a crash) more than an hour ago.
    if let Ok(entries) = std::fs::read_dir(backups_dir(db)) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let stale = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 3600);
            if name.starts_with('.') && name.ends_with(".tmp") && stale {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    Ok(())
}

/// The name a damaged file is moved to: `NAME.damaged-YYYYMMDD-HHMMSS`.
fn damaged_name(db: &Path) -> PathBuf {
    let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(format!(".damaged-{}", chrono::Local::now().format("%Y%m%d-%H%M%S")));
    let mut path = db.with_file_name(&name);
    let mut n = 1;
    while path.exists() {
        n += 1;
        let mut numbered = name.clone();
        numbered.push(format!("-{n}"));
        path = db.with_file_name(numbered);
    }
    path
}

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// Moves a damaged database (and its `-wal`/`-shm`) aside, untouched; returns the new name.
pub fn move_aside_damaged(db: &Path) -> Result<PathBuf, StoreError> {
    let target = damaged_name(db);
    std::fs::rename(db, &target).map_err(io(db))?;
    for suffix in ["-wal", "-shm"] {
        let from = sidecar(db, suffix);
        if from.exists() {
            std::fs::rename(&from, sidecar(&target, suffix)).map_err(io(&from))?;
        }
    }
    if let Some(dir) = db.parent() {
        sync_dir(dir);
    }
    Ok(target)
}

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

/// Replaces the database at `db` with a copy of `backup`. The caller holds `db`'s writer lock
/// and has closed its store. The current file is kept: backed up first when it is good, moved
/// aside when it is damaged.
pub fn restore(db: &Path, backup: &Path, _lock: Option<&DbLock>) -> Result<Replaced, StoreError> {
    verify(backup)?;
    let replaced = if db.exists() {
        let good = verify(db).is_ok();
        if good {
            let conn = open_connection(db, Mode::ReadOnly)?;
            let kept = backup_into_folder(&conn, db, "restore")?;
            drop(conn);
            Replaced::BackedUp(kept)
        } else {
            Replaced::MovedAside(move_aside_damaged(db)?)
        }
    } else {
        Replaced::Nothing
    };
    let dir = db.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or_else(|| Path::new("."));
    let temp = sidecar(db, ".restoring");
    std::fs::copy(backup, &temp).map_err(io(&temp))?;
    std::fs::File::open(&temp).and_then(|f| f.sync_all()).map_err(io(&temp))?;
    // The old file's log belongs to the old file (checkpointed, or moved aside with it). One that
    // cannot be removed (still open elsewhere, on Windows) would be replayed into the restored
    // file: stop before replacing anything.
    for suffix in ["-wal", "-shm"] {
        let log = sidecar(db, suffix);
        match std::fs::remove_file(&log) {
            Ok(()) => {}
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => {
                let _ = std::fs::remove_file(&temp);
                return Err(StoreError::Io { path: log, source });
            }
        }
    }
    std::fs::rename(&temp, db).map_err(io(db))?;
    sync_dir(dir);
    Ok(replaced)
}

/// The newest backup of `db` that passes [`verify`].
pub fn newest_good_backup(db: &Path) -> Option<BackupInfo> {
    list_backups(db).ok()?.into_iter().find(|b| verify(&b.path).is_ok())
}
