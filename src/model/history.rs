//! The session's undo and redo stacks.
//!
//! Each entry keeps the command that was applied (so the menu can name it in the UI's language)
//! and the mutations that put stored state back as it was. Undo applies those mutations as a
//! [`Command::Revert`](super::Command::Revert) and keeps the revert's own inverse for redo.

use super::Command;
use crate::store::Mutation;

/// How many commands can be undone; older ones are forgotten.
pub const HISTORY_DEPTH: usize = 100;

/// One undoable (or redoable) step.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryEntry {
    /// The command the user gave.
    pub command: Command,
    /// The mutations that take stored state back across this step.
    pub inverse: Vec<Mutation>,
}

/// Undo and redo stacks; they live as long as the model (one session).
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<HistoryEntry>,
    redo: Vec<HistoryEntry>,
}

impl History {
    /// A new command was applied: it becomes undoable and the redo stack is forgotten.
    pub(super) fn record(&mut self, command: Command, inverse: Vec<Mutation>) {
        self.redo.clear();
        self.push_undo(HistoryEntry { command, inverse });
    }

    pub(super) fn push_undo(&mut self, entry: HistoryEntry) {
        if self.undo.len() >= HISTORY_DEPTH {
            self.undo.remove(0);
        }
        self.undo.push(entry);
    }

    pub(super) fn push_redo(&mut self, entry: HistoryEntry) {
        self.redo.push(entry);
    }

    pub(super) fn pop_undo(&mut self) -> Option<HistoryEntry> {
        self.undo.pop()
    }

    pub(super) fn pop_redo(&mut self) -> Option<HistoryEntry> {
        self.redo.pop()
    }

    /// The command the next undo takes back.
    pub fn next_undo(&self) -> Option<&Command> {
        self.undo.last().map(|e| &e.command)
    }

    /// The command the next redo applies again.
    pub fn next_redo(&self) -> Option<&Command> {
        self.redo.last().map(|e| &e.command)
    }

    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }
}
