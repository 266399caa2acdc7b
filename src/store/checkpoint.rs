//! Checkpoints of the write-ahead log on a thread of their own.
//!
//! A checkpoint copies committed pages from `-wal` back into the database file and syncs it.
//! After a bulk action over 10,000 releases that is thousands of pages, about as long as the
//! action itself; the user should not wait for it. So the writer's connection keeps automatic
//! checkpoints only as a backstop (a log of [`BACKSTOP_PAGES`]), and after every commit nudges
//! this thread, which runs a `PASSIVE` checkpoint from a connection of its own. SQLite runs a
//! checkpoint alongside a writer appending to the log (<https://sqlite.org/wal.html#ckpt>); a
//! passive one never waits, it copies what no reader still needs. Once everything is copied, the
//! writer's next commit starts the log over from its beginning (unless a reader, such as a backup
//! being made, still holds an older snapshot) and cuts the file back to [`LOG_SIZE_LIMIT`].

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::thread::JoinHandle;

use super::StoreError;
use super::connection::{Mode, open_connection};

/// The writer's own automatic checkpoint runs only once the log holds this many pages (80 MiB):
/// when this thread is far behind, or could not start.
pub const BACKSTOP_PAGES: i64 = 20_000;

/// The log file is cut back to this size when the writer starts it over (it may grow past it in
/// between, up to about the backstop).
pub const LOG_SIZE_LIMIT: i64 = 64 * 1024 * 1024;

/// The checkpoint thread of one open database.
#[derive(Debug)]
pub struct Checkpointer {
    nudge: Option<mpsc::Sender<()>>,
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
        let thread = std::thread::Builder::new()
            .name("wal-checkpoint".into())
            .spawn(move || {
                while nudged.recv().is_ok() {
                    // Commits that came meanwhile are covered by this one checkpoint.
                    while nudged.try_recv().is_ok() {}
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
        Ok(Self { nudge: Some(nudge), thread: Some(thread), complete })
    }

    /// Asks for a checkpoint soon (after a commit).
    pub fn nudge(&self) {
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
