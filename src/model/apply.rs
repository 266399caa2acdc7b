//! The one path by which anything changes ([`Model::apply`]), undo and redo through it, and the
//! verified backup that "Delete forever" makes first (prepared on another thread while its
//! confirmation is open).

use super::command::BulkAction;
use super::{Command, CommandError, History, HistoryEntry, Model};
use crate::domain::ReleaseId;
use crate::store::Mutation;
use crate::store::backup::BackupJob;

/// What a successful command did.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    /// What was done, for the undo menu ("create release …").
    pub label: String,
    /// The mutations that put stored state back as it was before the command.
    pub inverse: Vec<Mutation>,
    /// The release the command created, if any.
    pub created: Option<ReleaseId>,
}

/// A backup made on another thread of the file as it was at `revision`.
pub(super) struct PreparedBackup {
    revision: u64,
    job: BackupJob,
}

/// Where the backup that "Delete forever" makes first stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PurgeBackup {
    /// Being made on another thread.
    Running,
    /// Made and checked (or not needed: an empty or read-only file); a purge now need not wait.
    Ready,
    /// It failed; a purge will try again, and say why if it fails again.
    Failed(String),
}

impl Model {
    /// Starts (once per state of the file) the verified backup that deleting forever makes first,
    /// on another thread, and tells where it stands. The purge confirmation calls it every frame,
    /// so by the time the user confirms, the purge itself does not wait for a copy of the file.
    pub fn prepare_purge_backup(&mut self) -> PurgeBackup {
        if self.releases.is_empty() || self.store.is_read_only() {
            return PurgeBackup::Ready;
        }
        if self.prepared_backup.as_ref().is_none_or(|p| p.revision != self.revision) {
            match self.store.spawn_backup("purge") {
                Ok(job) => self.prepared_backup = Some(PreparedBackup { revision: self.revision, job }),
                Err(err) => return PurgeBackup::Failed(err.to_string()),
            }
        }
        match self.prepared_backup.as_mut().and_then(|p| p.job.poll()) {
            None => PurgeBackup::Running,
            Some(Ok(_)) => PurgeBackup::Ready,
            Some(Err(why)) => PurgeBackup::Failed(why.to_owned()),
        }
    }

    /// Whether a backup of the file exactly as it is now was prepared (waiting for it if it is
    /// still being made). It is used once.
    fn take_prepared_backup(&mut self) -> bool {
        match self.prepared_backup.take() {
            Some(prepared) if prepared.revision == self.revision => prepared.job.claim().is_ok(),
            _ => false,
        }
    }

    /// The one path by which anything changes: validate, write in one transaction, update memory.
    /// A command that changed something goes on the undo stack (and empties the redo stack).
    pub fn apply(&mut self, command: Command) -> Result<Applied, CommandError> {
        let record = command.clone();
        let applied = self.apply_unrecorded(command)?;
        if !applied.inverse.is_empty() {
            self.history.record(record, applied.inverse.clone());
        }
        Ok(applied)
    }

    fn apply_unrecorded(&mut self, command: Command) -> Result<Applied, CommandError> {
        let label = command.label();
        let now = self.now();
        // An import adds many rows at once, a purge removes them for good: keep the file as it
        // was before either.
        let backup = match &command {
            Command::LoadSample { .. } => Some("import"),
            Command::Bulk { action: BulkAction::Purge, .. } => Some("purge"),
            _ => None,
        };
        let effect = self.plan(command, now)?;
        if let Some(reason) = backup
            && !self.releases.is_empty()
            && !self.store.is_read_only()
        {
            // A backup prepared while the purge was being confirmed is of exactly this state of
            // the file (no command came between); otherwise back up now.
            let prepared = reason == "purge" && self.take_prepared_backup();
            if !prepared {
                self.store.backup_now(reason)?;
            }
        }
        let inverse = self.inverse_of(&effect.mutations);
        self.store.commit(&effect.mutations, &effect.activities)?;
        self.absorb(effect.mutations);
        self.revision += 1;
        Ok(Applied { label, inverse, created: effect.created })
    }

    /// The session's undo and redo stacks.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Undoes the last command by applying its inverse as a [`Command::Revert`] (written and
    /// logged like any command). Returns the command that was undone, `None` when there is none.
    /// If the revert fails, nothing changes and the command stays undoable.
    pub fn undo(&mut self) -> Result<Option<Command>, CommandError> {
        let Some(entry) = self.history.pop_undo() else { return Ok(None) };
        match self.revert_to(&entry, "undo") {
            Ok(inverse) => {
                self.history.push_redo(HistoryEntry { command: entry.command.clone(), inverse });
                Ok(Some(entry.command))
            }
            Err(err) => {
                self.history.push_undo(entry);
                Err(err)
            }
        }
    }

    /// Redoes the last undone command: the revert of the undo's own inverse. Returns the command
    /// that was redone, `None` when there is none.
    pub fn redo(&mut self) -> Result<Option<Command>, CommandError> {
        let Some(entry) = self.history.pop_redo() else { return Ok(None) };
        match self.revert_to(&entry, "redo") {
            Ok(inverse) => {
                self.history.push_undo(HistoryEntry { command: entry.command.clone(), inverse });
                Ok(Some(entry.command))
            }
            Err(err) => {
                self.history.push_redo(entry);
                Err(err)
            }
        }
    }

    /// Applies `entry`'s inverse; returns the inverse of that.
    fn revert_to(&mut self, entry: &HistoryEntry, verb: &str) -> Result<Vec<Mutation>, CommandError> {
        let label = format!("{verb} {}", entry.command.label());
        if verb == "redo"
            && matches!(entry.command, Command::Bulk { action: BulkAction::Purge, .. })
            && !self.store.is_read_only()
        {
            // Redoing "delete forever" deletes for good again: back up first, as the first time.
            self.store.backup_now("purge")?;
        }
        let applied = self.apply_unrecorded(Command::Revert { label, mutations: entry.inverse.clone() })?;
        Ok(applied.inverse)
    }
}
