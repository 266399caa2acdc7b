//! The one path by which anything changes ([`Model::apply`]), undo and redo through it, and the
//! verified backup that "Delete forever" makes first (prepared on another thread while its
//! confirmation is open).

use std::sync::Arc;

use super::command::BulkAction;
use super::schedule::ScheduleCommand;
use super::{Command, CommandError, History, HistoryEntry, Model};
use crate::domain::ReleaseId;
use crate::domain::import::ImportCounts;
use crate::store::backup::BackupJob;
use crate::store::{Mutation, StoreError};

/// What a successful command did. Only the model makes one; [`Model::revert`] takes it back.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    /// The command that was applied.
    command: Command,
    /// The mutations that put stored state back as it was before the command.
    inverse: Vec<Mutation>,
    /// The release the command created, if any.
    created: Option<ReleaseId>,
    /// What an import did to the releases.
    imported: Option<ImportCounts>,
}

impl Applied {
    /// What an import did to the releases (created, updated, unchanged); `None` for other commands.
    pub fn imported(&self) -> Option<ImportCounts> {
        self.imported
    }

    /// The release the command created, if any.
    pub fn created(&self) -> Option<ReleaseId> {
        self.created
    }

    /// Whether the command changed anything (a command that changes nothing is not undoable).
    pub fn changed(&self) -> bool {
        !self.inverse.is_empty()
    }

    /// The command that was applied.
    pub fn command(&self) -> &Command {
        &self.command
    }
}

/// What [`Model::apply_unrecorded`] wrote.
pub(super) struct Written {
    inverse: Vec<Mutation>,
    created: Option<ReleaseId>,
    imported: Option<ImportCounts>,
    /// Records a pull named that the file does not have.
    pub(super) missing: Vec<crate::store::team::change::RecordKey>,
}

/// What [`Model::apply_unrecorded`] writes: a command, or stored state put back by undo or redo.
pub(super) enum Write {
    Command(Command),
    Revert(Revert),
    /// The team's changes from the server, in seq order (not undoable here).
    Pull(Vec<crate::store::team::server::PulledChange>),
}

/// Stored state written back to an earlier version: the inverse of `of`, kept by undo or redo.
pub(super) struct Revert {
    pub(super) direction: Direction,
    /// The command taken back (undo) or applied again (redo).
    pub(super) of: Command,
    pub(super) mutations: Vec<Mutation>,
}

/// Which way a revert goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Direction {
    Undo,
    Redo,
}

/// A backup made on another thread of the file as it was at `revision`.
pub(super) struct PreparedBackup {
    revision: u64,
    job: BackupJob,
}

/// Where the backup that "Delete forever" makes first stands.
#[derive(Clone, Debug)]
pub enum PurgeBackup {
    /// Being made on another thread.
    Running,
    /// Made and checked (or not needed: an empty or read-only file); a purge now need not wait.
    Ready,
    /// It failed; a purge will try again, and say why if it fails again.
    Failed(Arc<StoreError>),
}

impl PartialEq for PurgeBackup {
    /// Two failures are equal when they are the same failure.
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Running, Self::Running) | (Self::Ready, Self::Ready) => true,
            (Self::Failed(a), Self::Failed(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Eq for PurgeBackup {}

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
                Err(err) => return PurgeBackup::Failed(Arc::new(err)),
            }
        }
        match self.prepared_backup.as_mut().and_then(|p| p.job.poll()) {
            None => PurgeBackup::Running,
            Some(Ok(_)) => PurgeBackup::Ready,
            Some(Err(why)) => PurgeBackup::Failed(why),
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
        let written = self.apply_unrecorded(Write::Command(command))?;
        let applied = Applied {
            command: record,
            inverse: written.inverse,
            created: written.created,
            imported: written.imported,
        };
        if applied.changed() {
            self.history.record(applied.command.clone(), applied.inverse.clone());
        }
        Ok(applied)
    }

    /// Takes back a command applied earlier, from what [`Model::apply`] returned: its exact
    /// inverse, written and logged like an undo, also after the file was closed and opened again.
    /// Returns what takes the revert back in turn. For callers that keep what they applied (tests
    /// of undo across a reopen); the undo and redo stacks are left as they are.
    pub fn revert(&mut self, applied: Applied) -> Result<Applied, CommandError> {
        let Applied { command, inverse, .. } = applied;
        let revert = Revert { direction: Direction::Undo, of: command.clone(), mutations: inverse };
        let inverse = self.apply_unrecorded(Write::Revert(revert))?.inverse;
        Ok(Applied { command, inverse, created: None, imported: None })
    }

    /// What an import would do, without writing anything (`--dry-run`, the import preview):
    /// the command is validated and planned exactly as [`Model::apply`] would. `None` for a
    /// command that is not an import.
    pub fn dry_run(&self, command: Command) -> Result<Option<ImportCounts>, CommandError> {
        Ok(self.plan(Write::Command(command), self.now())?.import)
    }

    /// Validates, backs up when the write adds or removes much, writes and absorbs; returns the
    /// inverse of what was written, the release created and what an import did.
    pub(super) fn apply_unrecorded(&mut self, write: Write) -> Result<Written, CommandError> {
        let now = self.now();
        // An import adds many rows at once, a purge removes them for good: keep the file as it
        // was before either.
        let backup = match &write {
            Write::Command(
                Command::Sample(_) | Command::Import(_) | Command::Schedule(ScheduleCommand::Import { .. }),
            ) => Some("import"),
            Write::Command(Command::Bulk { action: BulkAction::Purge, .. }) => Some("purge"),
            Write::Command(_) | Write::Revert(_) | Write::Pull(_) => None,
        };
        let effect = self.plan(write, now)?;
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
        // With a team, the command's shared changes wait in the outbox, written in the same
        // transaction; a pull writes the seqs it moved on instead.
        let team = match &effect.pull {
            Some(pull) => Some(pull.write.clone()),
            None => self.outbox_entry(&effect.mutations, now).map(crate::store::team::TeamWrite::Outbox),
        };
        self.store.commit_with_team(&effect.mutations, &effect.activities, team.as_ref())?;
        if let Some(crate::store::team::TeamWrite::Outbox(entry)) = &team {
            self.note_provisional(entry);
        }
        let missing = match effect.pull {
            Some(pull) => {
                self.absorb_pull(&pull);
                pull.missing
            }
            None => Vec::new(),
        };
        self.absorb(effect.mutations);
        self.revision += 1;
        Ok(Written { inverse, created: effect.created, imported: effect.import, missing })
    }

    /// The session's undo and redo stacks.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Undoes the last command by writing its inverse (through the same path, and logged like any
    /// command). Returns the command that was undone, `None` when there is none. If the write
    /// fails, nothing changes and the command stays undoable.
    pub fn undo(&mut self) -> Result<Option<Command>, CommandError> {
        let Some(entry) = self.history.pop_undo() else { return Ok(None) };
        if let Some(records) = entry.overtaken() {
            // A teammate changed these records since (a pull): writing the old values back would
            // overwrite their edit. The step is dropped, so the next undo goes on below it.
            return Err(CommandError::overtaken(&records));
        }
        match self.revert_to(&entry, Direction::Undo) {
            Ok(inverse) => {
                self.history.push_redo(HistoryEntry::new(entry.command.clone(), inverse));
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
        if let Some(records) = entry.overtaken() {
            return Err(CommandError::overtaken(&records));
        }
        match self.revert_to(&entry, Direction::Redo) {
            Ok(inverse) => {
                self.history.push_undo(HistoryEntry::new(entry.command.clone(), inverse));
                Ok(Some(entry.command))
            }
            Err(err) => {
                self.history.push_redo(entry);
                Err(err)
            }
        }
    }

    /// Writes `entry`'s inverse; returns the inverse of that.
    fn revert_to(
        &mut self,
        entry: &HistoryEntry,
        direction: Direction,
    ) -> Result<Vec<Mutation>, CommandError> {
        if direction == Direction::Redo
            && matches!(entry.command, Command::Bulk { action: BulkAction::Purge, .. })
            && !self.store.is_read_only()
        {
            // Redoing "delete forever" deletes for good again: back up first, as the first time.
            self.store.backup_now("purge")?;
        }
        let revert = Revert { direction, of: entry.command.clone(), mutations: entry.inverse.clone() };
        Ok(self.apply_unrecorded(Write::Revert(revert))?.inverse)
    }
}
