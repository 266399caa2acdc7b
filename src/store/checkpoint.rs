//! Checkpoints of the write-ahead log on a thread of their own.
//!
//! A checkpoint copies committed pages from `-wal` back into the database file and syncs it.
//! After a bulk action over 10,000 releases that is thousands of pages, about as long as the
//! action itself; the user should not wait for it. So the writer's connection keeps automatic
//! checkpoints only as a backstop (a log of [`BACKSTOP_PAGES`]), and after every commit nudges
//! this thread, which, once the commits pause, runs a `PASSIVE` checkpoint from a connection of
//! its own. SQLite runs a checkpoint alongside a writer appending to the log
//! (<https://sqlite.org/wal.html#ckpt>); a passive one never waits, it copies what no reader
//! still needs. Once everything is copied, the
//! writer's next commit starts the log over from its beginning (unless a reader, such as a backup
//! being made, still holds an older snapshot) and cuts the file back to [`LOG_SIZE_LIMIT`].

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::StoreError;
use super::connection::{Mode, open_connection};

/// The writer's own automatic checkpoint runs only once the log holds this many pages (80 MiB):
/// when this thread is far behind, or could not start.
pub const BACKSTOP_PAGES: i64 = 20_000;

/// The log file is cut back to this size when the writer starts it over (it may grow past it in
/// between, up to about the backstop).
pub const LOG_SIZE_LIMIT: i64 = 64 * 1024 * 1024;

/// A checkpoint waits until no commit came for this long, so a run of commits (edits made in
/// quick succession, a sync applying pulled changes) shares one checkpoint.
const QUIET: Duration = Duration::from_millis(100);

/// ... but no longer than this after the first commit it covers.
const LATEST: Duration = Duration::from_secs(1);

/// What the writer tells the thread: how many commits so far, and whether a checkpoint is
/// already waiting for them to pause (then a commit only counts, it sends nothing: waking the
/// thread after every commit was a tenth of a single edit's time).
#[derive(Debug, Default)]
struct Commits {
    count: AtomicU64,
    pending: AtomicBool,
}

/// Waits, after a nudge, for the commits to pause (see [`QUIET`], [`LATEST`]); returns at once
/// when the database is being closed. Every commit that came meanwhile is covered by the one
/// checkpoint that follows.
///
/// A checkpoint after every commit made each commit pay for it: the checkpoint syncs the log
/// and the file, and the writer's next commit starts the log over, so back-to-back edits made
/// three syncs each instead of one (at 1M releases a single edit took 2.3x a bare statement).
/// Nothing waits for the delay: a commit is durable in the log when it returns.
fn wait_for_a_pause(nudged: &mpsc::Receiver<()>, commits: &Commits) {
    let deadline = Instant::now() + LATEST;
    let mut seen = commits.count.load(Ordering::SeqCst);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        // Nothing is sent while a checkpoint is pending: this only sleeps, or ends at a close.
        if let Err(mpsc::RecvTimeoutError::Disconnected) = nudged.recv_timeout(left.min(QUIET)) {
            break;
        }
        let now = commits.count.load(Ordering::SeqCst);
        if now == seen {
            break;
        }
        seen = now;
    }
    // A commit from here on nudges again; one that came before is in the log already, so the
    // checkpoint that follows covers it.
    commits.pending.store(false, Ordering::SeqCst);
}

/// The checkpoint thread of one open database.
#[derive(Debug)]
pub struct Checkpointer {
    nudge: Option<mpsc::Sender<()>>,
    commits: Arc<Commits>,
    thread: Option<JoinHandle<()>>,
    /// Complete checkpoints so far (tests).
    complete: Arc<AtomicU64>,
}

impl Checkpointer {
    /// Opens a second connection to `path` and starts the thread.
    pub fn spawn(path: &Path) -> Result<Self, StoreError> {
        // FULL: the checkpoint syncs the log before copying and the file after.
        let conn = open_connection(path, Mode::ReadWrite)?;
        let (nudge, nudged) = mpsc::channel::<()>();
        let complete = Arc::new(AtomicU64::new(0));
        let counter = Arc::clone(&complete);
        let commits = Arc::new(Commits::default());
        let seen = Arc::clone(&commits);
        let thread = std::thread::Builder::new()
            .name("wal-checkpoint".into())
            .spawn(move || {
                while nudged.recv().is_ok() {
                    wait_for_a_pause(&nudged, &seen);
                    let result = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
                        Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?))
                    });
                    // (busy, pages in the log, pages copied): all copied means the next commit
                    // starts the log over. A failed or partial one is retried at the next nudge.
                    match result {
                        Ok((0, log, copied)) if log == copied => {
                            counter.fetch_add(1, Ordering::Relaxed);
                        }
                        Ok(_) => {}
                        Err(err) => {
                            log::warn!("a WAL checkpoint failed (retried after the next commit): {err}");
                        }
                    }
                }
            })
            .map_err(|source| StoreError::Io { path: path.to_owned(), source })?;
        Ok(Self { nudge: Some(nudge), commits, thread: Some(thread), complete })
    }

    /// Asks for a checkpoint soon (after a commit).
    pub fn nudge(&self) {
        self.commits.count.fetch_add(1, Ordering::SeqCst);
        if self.commits.pending.swap(true, Ordering::SeqCst) {
            return;
        }
        if let Some(nudge) = &self.nudge {
            // Fails only once the thread has ended (a panic, which `stop` logs): the writer's
            // automatic checkpoint is the backstop.
            let _ = nudge.send(());
        }
    }

    /// How many checkpoints copied the whole log so far.
    pub fn complete_checkpoints(&self) -> u64 {
        self.complete.load(Ordering::Relaxed)
    }

    /// Stops the thread once the checkpoint it is running (if any) is done.
    pub fn stop(&mut self) {
        self.nudge = None;
        if let Some(thread) = self.thread.take()
            && thread.join().is_err()
        {
            log::error!("the WAL checkpoint thread panicked; the writer's own checkpoints took over");
        }
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        self.stop();
    }
}
