//! The SQLite file: opening (with refusal of foreign or newer files), migrations, loading the whole
//! model, and writing a batch of [`Mutation`]s in one IMMEDIATE transaction.
//!
//! All SQL is parameterised and lives in this module: each table's in [`tables`], every
//! connection opened (and hardened) by [`connection::open_connection`]. Nothing above it runs SQL.
//!
//! Durability: one writer per file ([`lock`]), WAL with `synchronous=FULL`, defensive mode, a
//! check at every open (`integrity_check` after a session that did not close cleanly,
//! `quick_check` otherwise), verified backups ([`backup`], some made ahead on another thread),
//! WAL checkpoints on a thread of their own once the commits pause (`checkpoint`), and a full
//! checkpoint at close.

pub mod backup;
mod checkpoint;
pub mod connection;
mod error;
mod file;
mod inspect;
pub mod lock;
mod mutation;
mod open;
pub mod restore;
pub mod schema;
mod tables;
pub mod team;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, TransactionBehavior};

use crate::domain::{Activity, ReleaseId};

pub use error::{Holder, SchemaChange, SchemaDifference, StoreError};
pub use file::resolve as real_path;
pub(crate) use inspect::run_check;
pub use mutation::{
    CabMutation, MonitoringMutation, Mutation, RegulatorMutation, ScheduleMutation, Snapshot,
};
pub use open::{Create, OpenMode};
pub use tables::{from_millis, to_millis};

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
    /// The file was made a new database by this open (it was missing, or empty).
    pub created: bool,
}

/// An open Release Desk database.
pub struct Store {
    conn: Connection,
    /// What the checks at open read before anything was written (a file at the latest
    /// version): the first [`Store::load`] hands it out instead of reading everything again.
    preloaded: std::sync::Mutex<Option<Snapshot>>,
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

impl Store {
    fn mark_session_open(&mut self) {
        // Best effort: without the marker a crash of this session is not noticed at the next
        // open (which then runs the quick check rather than the full one); writes still work.
        self.session_open = match tables::meta::set_session_marker(&self.conn) {
            Ok(()) => true,
            Err(err) => {
                log::warn!("could not set the open-session marker of {}: {err}", self.path.display());
                false
            }
        };
    }

    /// What happened when the file was opened.
    pub fn open_report(&self) -> &OpenReport {
        &self.report
    }

    /// Whether this store refuses writes (opened read-only).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub fn path(&self) -> &Path {
        &self.path
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
            // A marker left set only makes the next open check the whole file, as after a crash.
            if let Err(err) = tables::meta::clear_session_marker(&self.conn) {
                log::warn!("could not clear the open-session marker of {}: {err}", self.path.display());
            }
            self.session_open = false;
        }
        if !self.read_only {
            // What stays in the log is read (and checkpointed) by the next open: nothing is lost.
            match self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get::<_, i64>(0)) {
                Ok(0) => {}
                Ok(_) => {
                    log::debug!("the closing checkpoint of {} was blocked by a reader", self.path.display());
                }
                Err(err) => log::warn!("the closing checkpoint of {} failed: {err}", self.path.display()),
            }
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
        backup::write_verified_copy(&self.conn, Some(&self.path), out)
    }

    /// Runs the full `integrity_check` now.
    pub fn integrity_check(&self) -> Result<(), StoreError> {
        run_check(&self.conn, &self.path, true)
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let version = inspect::schema_version(&self.conn)?;
        schema::migrate(&mut self.conn, version)
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        inspect::schema_version(&self.conn)
    }

    /// Reads everything the model holds.
    pub fn load(&self) -> Result<Snapshot, StoreError> {
        let preloaded = self
            .preloaded
            .lock()
            .map(|mut p| p.take())
            .unwrap_or_else(|poisoned| poisoned.into_inner().take());
        match preloaded {
            Some(snapshot) => Ok(snapshot),
            None => tables::load_snapshot(&self.conn),
        }
    }

    /// Writes `mutations` and appends `activities` in one IMMEDIATE transaction: all or nothing.
    pub fn commit(&mut self, mutations: &[Mutation], activities: &[Activity]) -> Result<(), StoreError> {
        self.commit_batches(std::iter::once((mutations, activities)))
    }

    /// Writes batch after batch of mutations and activities, made as they are asked for, in one
    /// IMMEDIATE transaction: all or nothing, without ever holding every batch in memory (the
    /// synthetic data set of `demo --releases`).
    pub fn commit_batches<M, A>(
        &mut self,
        batches: impl IntoIterator<Item = (M, A)>,
    ) -> Result<(), StoreError>
    where
        M: AsRef<[Mutation]>,
        A: AsRef<[Activity]>,
    {
        self.commit_all(batches, None)
    }

    /// [`Store::commit_batches`], with the team's rows of the same change (its outbox entry, or
    /// what a pull moved on) in the same transaction.
    fn commit_all<M, A>(
        &mut self,
        batches: impl IntoIterator<Item = (M, A)>,
        team: Option<&team::TeamWrite>,
    ) -> Result<(), StoreError>
    where
        M: AsRef<[Mutation]>,
        A: AsRef<[Activity]>,
    {
        if self.read_only {
            return Err(StoreError::ReadOnlySession { path: self.path.clone() });
        }
        // What was read at open is not what the file holds after this.
        if let Ok(mut preloaded) = self.preloaded.lock() {
            *preloaded = None;
        }
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut high_water: Option<i64> = None;
        for (mutations, activities) in batches {
            for mutation in mutations.as_ref() {
                if let Mutation::PutRelease(release) = mutation {
                    high_water = Some(high_water.unwrap_or(0).max(release.id.0));
                }
                tables::write(&tx, mutation)?;
            }
            tables::activities::append(&tx, activities.as_ref())?;
        }
        if let Some(high_water) = high_water {
            tables::meta::raise_release_high_water(&tx, high_water)?;
        }
        if let Some(team) = team {
            team::write(&tx, team)?;
        }
        tx.commit()?;
        if let Some(checkpointer) = &self.checkpointer {
            checkpointer.nudge();
        }
        Ok(())
    }

    /// The activity log of one release, newest first.
    pub fn activities_for(&self, release: ReleaseId) -> Result<Vec<Activity>, StoreError> {
        tables::activities::for_release(&self.conn, release)
    }

    /// Who moved each of `releases` to Trash (the actor of its newest trash row).
    pub fn trashed_by(
        &self,
        releases: impl IntoIterator<Item = ReleaseId>,
    ) -> Result<std::collections::HashMap<ReleaseId, crate::domain::AgentId>, StoreError> {
        tables::activities::trashed_by(&self.conn, releases)
    }

    /// The whole activity log, about releases or not, newest first (tests and diagnostics).
    pub fn all_activities(&self) -> Result<Vec<Activity>, StoreError> {
        tables::activities::all(&self.conn)
    }

    /// How many activity rows the file holds (tests and diagnostics).
    pub fn activity_count(&self) -> Result<i64, StoreError> {
        tables::activities::count(&self.conn)
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

    /// Waits (up to 30 s) until the background thread has made `count` complete checkpoints.
    fn wait_for_checkpoints(store: &Store, count: u64) {
        let start = std::time::Instant::now();
        while store.background_checkpoints().unwrap() < count {
            assert!(start.elapsed().as_secs() < 30, "no checkpoint came");
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    #[test]
    fn the_log_is_checkpointed_on_another_thread_after_a_commit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk.sqlite3");
        let mut store = Store::open(&path).unwrap();
        let autocheckpoint: i64 =
            store.conn.query_row("PRAGMA wal_autocheckpoint", [], |r| r.get(0)).unwrap();
        assert_eq!(autocheckpoint, checkpoint::BACKSTOP_PAGES, "the writer keeps only a backstop");
        // The one asked for at open.
        wait_for_checkpoints(&store, 1);
        let before = store.background_checkpoints().unwrap();
        let settings: Vec<Mutation> = (0..2_000)
            .map(|i| Mutation::PutSetting { key: format!("k{i}"), value: "x".repeat(500) })
            .collect();
        store.commit(&settings, &[]).unwrap();
        wait_for_checkpoints(&store, before + 1);
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
    fn a_run_of_commits_shares_its_checkpoints() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk.sqlite3");
        let mut store = Store::open(&path).unwrap();
        wait_for_checkpoints(&store, 1);
        let before = store.background_checkpoints().unwrap();
        for i in 0..200 {
            let setting = Mutation::PutSetting { key: format!("k{i}"), value: "x".to_owned() };
            store.commit(&[setting], &[]).unwrap();
        }
        wait_for_checkpoints(&store, before + 1);
        // One per pause of 100 ms or per second of commits, not one per commit (each would sync
        // the file and make the next commit start the log over).
        let checkpoints = store.background_checkpoints().unwrap() - before;
        assert!(checkpoints < 20, "{checkpoints} checkpoints for 200 commits");
        store.shutdown();
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
