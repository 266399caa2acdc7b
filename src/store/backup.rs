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
use super::{StoreError, file, inspect, schema, tables};

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

/// `…/desk.sqlite3` -> `…/backups`, beside the real file when `db` is a link (where the store
/// writes them).
pub fn backups_dir(db: &Path) -> PathBuf {
    let db = real(db);
    db.parent().unwrap_or_else(|| Path::new("")).join("backups")
}

/// The real file `db` names (links resolved); `db` itself when it cannot be told (the error shows
/// when the file is opened).
fn real(db: &Path) -> PathBuf {
    file::resolve(db).unwrap_or_else(|err| {
        log::debug!("could not resolve {}: {err}", db.display());
        db.to_owned()
    })
}

fn stem(db: &Path) -> String {
    db.file_stem().map_or_else(|| "release-desk".into(), |s| s.to_string_lossy().into_owned())
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io { path: path.to_owned(), source }
}

/// The backups of `db` (the real file's, when `db` is a link), newest first.
pub fn list_backups(db: &Path) -> Result<Vec<BackupInfo>, StoreError> {
    let db = &real(db);
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

/// Checks a database file without writing to it: it must be a regular file with one name, be
/// ours, have exactly the schema this build makes for its version, pass `integrity_check`, and
/// (at the latest version) everything the model loads must load. Returns how many releases it
/// holds. Works on a read-only folder or medium. Backups, restores and the newest good backup are
/// verified so.
pub fn verify(path: &Path) -> Result<i64, StoreError> {
    verify_with(path, false)
}

/// [`verify`], and every row of the activity log too (which the model reads a release at a time,
/// when it is shown): the command line's `check`.
pub fn verify_all(path: &Path) -> Result<i64, StoreError> {
    verify_with(path, true)
}

fn verify_with(path: &Path, activities: bool) -> Result<i64, StoreError> {
    let path = &file::resolve(path)?;
    if file::check_database_file(path)?.is_none() {
        return Err(StoreError::Io {
            path: path.to_owned(),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        });
    }
    if !inspect::check_header(path)? {
        return Err(StoreError::Empty { path: path.to_owned() });
    }
    let (conn, version) = inspect::open_read_only(path)?;
    inspect::run_check(&conn, path, true)?;
    if version == schema::latest_version() {
        tables::load_snapshot(&conn)?;
        if activities {
            tables::activities::check_all(&conn)?;
        }
    }
    tables::releases::count(&conn)
}

/// About how many bytes a copy of the database `conn` has open takes (its pages in use).
fn copy_size(conn: &Connection) -> u64 {
    // 0 when it cannot be told: the free-space check then passes, and a copy that does not fit
    // fails on its own (and is removed).
    let pragma = |name: &str| {
        conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get::<_, i64>(0)).unwrap_or_else(|err| {
            log::debug!("PRAGMA {name}: {err}");
            0
        })
    };
    let pages = pragma("page_count").saturating_sub(pragma("freelist_count"));
    u64::try_from(pages.saturating_mul(pragma("page_size"))).unwrap_or(0)
}

/// Writes a checked copy of the database `conn` has open to `out` (which must not exist):
/// `VACUUM INTO` a new temporary file beside it (never through a link), clear the copy's
/// open-session marker, check it, give it the permissions of `db` (the database copied), sync
/// it, rename it. Fails early when the folder has no room for it; leaves nothing behind when it
/// fails.
pub(super) fn write_verified_copy(
    conn: &Connection,
    db: Option<&Path>,
    out: &Path,
) -> Result<(), StoreError> {
    let dir = file::folder_of(out);
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    file::ensure_space(dir, copy_size(conn))?;
    let temp = file::temp_name(out);
    let journal = file::sidecar(&temp, "-journal");
    // Ours, from an attempt of this process that could not clean up.
    file::remove_if_present(&temp)?;
    file::remove_if_present(&journal)?;
    let result = (|| {
        drop(file::create_new_side_file(&temp)?);
        conn.execute("VACUUM INTO ?1", [temp.to_string_lossy()])?;
        {
            let copy = open_connection(&temp, Mode::ReadWrite)?;
            tables::meta::clear_session_marker(&copy)?;
        }
        verify(&temp)?;
        if let Some(db) = db {
            match std::fs::metadata(db) {
                Ok(meta) => file::copy_permissions(&meta, &temp)?,
                // The copy keeps the folder's default permissions: logged, not fatal.
                Err(err) => log::warn!("could not read the permissions of {}: {err}", db.display()),
            }
        }
        file::sync_file(&temp)?;
        std::fs::rename(&temp, out).map_err(io(out))?;
        file::sync_dir(dir);
        Ok(())
    })();
    if result.is_err() {
        file::discard(&temp);
        file::discard(&journal);
    }
    result
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
    write_verified_copy(conn, Some(db), &out)?;
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
            file::discard(path);
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
        file::discard(&backup.path);
    }
    // Temporary files of backups whose process was killed.
    file::remove_stale_temps_in(&backups_dir(db));
    Ok(())
}

/// How far ahead of the clock a backup's time may be and still count (clocks of machines that
/// shared the folder differ a little).
const CLOCK_SLACK: chrono::Duration = chrono::Duration::minutes(5);

/// Whether the daily backup of `db` is due: no backup was made in the last day. A backup dated
/// in the future (a clock that was wrong) does not count, or it would stop daily backups until
/// its date.
pub fn daily_backup_due(db: &Path) -> bool {
    let now = Utc::now();
    // Due when the folder cannot be read: the backup itself then says why it cannot be used.
    let newest = listed_or_logged(db).into_iter().map(|b| b.made_at).find(|&t| t <= now + CLOCK_SLACK);
    newest.is_none_or(|t| now - t > chrono::Duration::hours(24))
}

/// The newest backup of `db` that passes [`verify`]; `None` when the folder cannot be read
/// (logged).
pub fn newest_good_backup(db: &Path) -> Option<BackupInfo> {
    listed_or_logged(db).into_iter().find(|b| verify(&b.path).is_ok())
}

/// [`list_backups`], or nothing when the folder cannot be read (logged): for the offers of a
/// backup, which are left out rather than failing what the user asked for.
pub fn listed_or_logged(db: &Path) -> Vec<BackupInfo> {
    list_backups(db).unwrap_or_else(|err| {
        log::warn!("could not list the backups of {}: {err}", db.display());
        Vec::new()
    })
}

/// The identity of the database at `path` (its `database_id`), read without writing; `None` when
/// it has none (older than version 4) or cannot be read.
pub fn identity(path: &Path) -> Option<i64> {
    let read = || -> Result<Option<i64>, StoreError> {
        let path = file::resolve(path)?;
        if file::check_database_file(&path)?.is_none() || !inspect::check_header(&path)? {
            return Ok(None);
        }
        let (conn, _) = inspect::open_read_only(&path)?;
        Ok(tables::meta::database_id(&conn))
    };
    read().unwrap_or_else(|err| {
        // The file's own check (at restore) says what is wrong with it.
        log::debug!("no identity read from {}: {err}", path.display());
        None
    })
}
