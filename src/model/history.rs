//! The session's undo and redo stacks.
//!
//! Each entry keeps the command that was applied (so the menu can name it in the UI's language)
//! and the mutations that put stored state back as it was. Undo writes those mutations through
//! `Model::apply`'s path (as the model's internal revert) and keeps the revert's own inverse for redo.

use std::collections::{BTreeSet, VecDeque};

use super::Command;
use crate::store::Mutation;
use crate::store::team::change::{RecordKey, written_record};

/// How many commands can be undone at most; older ones are forgotten.
pub const HISTORY_DEPTH: usize = 100;

/// How many mutations (mostly whole releases) both stacks keep at most, so a session of large
/// bulk actions does not hold every old version of 100,000 releases. The newest step is always kept.
pub const HISTORY_MUTATIONS: usize = 100_000;

/// One undoable (or redoable) step.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryEntry {
    /// The command the user gave.
    pub command: Command,
    /// The mutations that take stored state back across this step.
    pub inverse: Vec<Mutation>,
    /// Shared records of this step a teammate changed since (a pull): the step can no longer be
    /// taken back without overwriting their edit.
    pub overtaken: BTreeSet<RecordKey>,
}

impl HistoryEntry {
    pub(super) fn new(command: Command, inverse: Vec<Mutation>) -> Self {
        Self { command, inverse, overtaken: BTreeSet::new() }
    }

    /// The shared records a pull changed since this step, if any did.
    pub(super) fn overtaken(&self) -> Option<Vec<RecordKey>> {
        (!self.overtaken.is_empty()).then(|| self.overtaken.iter().copied().collect())
    }

    /// The shared records the step's inverse writes.
    fn records(&self) -> impl Iterator<Item = RecordKey> + '_ {
        self.inverse.iter().filter_map(|m| match m {
            Mutation::PutRelease(r) => Some(RecordKey::release(r.id)),
            Mutation::PatchRelease { id, .. } | Mutation::RemoveRelease(id) => Some(RecordKey::release(*id)),
            other => written_record(other).map(|(key, _)| key),
        })
    }
}

/// Undo and redo stacks; they live as long as the model (one session).
#[derive(Debug, Default)]
pub struct History {
    /// Oldest first.
    undo: VecDeque<HistoryEntry>,
    redo: Vec<HistoryEntry>,
    /// Mutations held by both stacks.
    stored: usize,
}

impl History {
    /// A new command was applied: it becomes undoable and the redo stack is forgotten.
    pub(super) fn record(&mut self, command: Command, inverse: Vec<Mutation>) {
        self.stored -= self.redo.iter().map(|e| e.inverse.len()).sum::<usize>();
        self.redo.clear();
        self.push_undo(HistoryEntry::new(command, inverse));
    }

    pub(super) fn push_undo(&mut self, entry: HistoryEntry) {
        self.stored += entry.inverse.len();
        self.undo.push_back(entry);
        while self.undo.len() > 1 && (self.undo.len() > HISTORY_DEPTH || self.stored > HISTORY_MUTATIONS) {
            if let Some(oldest) = self.undo.pop_front() {
                self.stored -= oldest.inverse.len();
            }
        }
    }

    pub(super) fn push_redo(&mut self, entry: HistoryEntry) {
        self.stored += entry.inverse.len();
        self.redo.push(entry);
    }

    pub(super) fn pop_undo(&mut self) -> Option<HistoryEntry> {
        let entry = self.undo.pop_back()?;
        self.stored -= entry.inverse.len();
        Some(entry)
    }

    pub(super) fn pop_redo(&mut self) -> Option<HistoryEntry> {
        let entry = self.redo.pop()?;
        self.stored -= entry.inverse.len();
        Some(entry)
    }

    /// A pull changed `records`: every step that writes one of them is overtaken.
    pub(super) fn mark_overtaken(&mut self, records: &BTreeSet<RecordKey>) {
        for entry in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            let hit: Vec<RecordKey> = entry.records().filter(|key| records.contains(key)).collect();
            entry.overtaken.extend(hit);
        }
    }

    /// The command the next undo takes back.
    pub fn next_undo(&self) -> Option<&Command> {
        self.undo.back().map(|e| &e.command)
    }

    /// The command the next redo applies again.
    pub fn next_redo(&self) -> Option<&Command> {
        self.redo.last().map(|e| &e.command)
    }

    /// A record made under a provisional number got the team's number `to`: the steps that
    /// write it write it under its new number.
    pub(super) fn renumber(&mut self, key: RecordKey, to: i64) {
        for entry in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            entry.inverse.iter_mut().for_each(|m| m.renumber(key, to));
            if entry.overtaken.remove(&key) {
                entry.overtaken.insert(RecordKey { id: to, ..key });
            }
        }
    }

    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ReleaseId;

    fn step(n: usize) -> (Command, Vec<Mutation>) {
        let ids = (0..n as i64).map(ReleaseId).collect::<Vec<_>>();
        let inverse = ids.iter().map(|&id| Mutation::RemoveRelease(id)).collect();
        (Command::Bulk { ids, action: crate::model::BulkAction::Trash }, inverse)
    }

    #[test]
    fn old_steps_are_forgotten_by_count_and_by_size() {
        let mut history = History::default();
        for _ in 0..HISTORY_DEPTH + 5 {
            let (command, inverse) = step(1);
            history.record(command, inverse);
        }
        assert_eq!(history.undo_len(), HISTORY_DEPTH);
        for _ in 0..3 {
            let (command, inverse) = step(HISTORY_MUTATIONS / 2);
            history.record(command, inverse);
        }
        assert!(history.stored <= HISTORY_MUTATIONS);
        assert_eq!(history.undo_len(), 2);
        let (command, inverse) = step(HISTORY_MUTATIONS * 2);
        history.record(command, inverse);
        assert_eq!(history.undo_len(), 1, "the newest step is kept even when it is larger");
        let entry = history.pop_undo().unwrap_or_else(|| unreachable!());
        history.push_redo(entry);
        assert_eq!(history.redo_len(), 1);
        let (command, inverse) = step(1);
        history.record(command, inverse);
        assert_eq!((history.undo_len(), history.redo_len(), history.stored), (1, 0, 1));
    }
}
