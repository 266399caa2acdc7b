//! Provisional numbers (issue 21): in a team's file, a new release, window or freeze is numbered
//! below zero (shown as "new") so it never meets a teammate's record of the same number; its push
//! gives it the team's number, and the file, the undo steps and the window follow in one step.

use crate::domain::team::{OutboxEntry, RecordKind, TeamNumbers};
use crate::model::Model;
use crate::store::StoreError;

/// The ids one command gives to new records of one kind, in order.
#[derive(Clone, Copy, Debug)]
pub(in crate::model) struct NewIds {
    next: i64,
    step: i64,
}

impl NewIds {
    /// The next id.
    pub(in crate::model) fn take(&mut self) -> i64 {
        let id = self.next;
        self.next += self.step;
        id
    }
}

impl Model {
    /// The ids new records of `kind` get: from `local_first` up without a team, or for a kind
    /// the team does not number; provisional numbers from below the lowest given so far down
    /// in a team's file.
    pub(in crate::model) fn new_ids(&self, kind: RecordKind, local_first: i64) -> NewIds {
        match &self.team {
            Some(team) if kind.numbered_by_team() => {
                let low = team.lows.get(&kind).copied().unwrap_or(0);
                NewIds { next: low.min(0) - 1, step: -1 }
            }
            _ => NewIds { next: local_first, step: 1 },
        }
    }

    /// The ids a command gives to new releases.
    pub(in crate::model) fn new_release_ids(&self) -> NewIds {
        self.new_ids(RecordKind::Release, self.release_high_water + 1)
    }

    /// The ids a command gives to new deployment windows.
    pub(in crate::model) fn new_window_ids(&self) -> NewIds {
        self.new_ids(RecordKind::Window, self.schedule.next_window_id().0)
    }

    /// The ids a command gives to new change freezes.
    pub(in crate::model) fn new_freeze_ids(&self) -> NewIds {
        self.new_ids(RecordKind::Freeze, self.schedule.next_freeze_id().0)
    }

    /// The ids a command gives to new notes.
    pub(in crate::model) fn new_note_ids(&self) -> NewIds {
        self.new_ids(RecordKind::Note, self.notes.last().map_or(1, |n| n.id.0 + 1))
    }

    /// The highest number of each kind the team numbers that this file holds (its own records from
    /// before they were shared among them): a team number must be above it.
    pub(super) fn number_floors(&self) -> crate::store::team::NumberFloors {
        let highest = |ids: &mut dyn Iterator<Item = i64>| ids.max().unwrap_or(0).max(0);
        [
            (RecordKind::Release, self.release_high_water.max(0)),
            (RecordKind::Window, highest(&mut self.schedule.windows.iter().map(|w| w.id.0))),
            (RecordKind::Freeze, highest(&mut self.schedule.freezes.iter().map(|f| f.id.0))),
            (RecordKind::Note, self.notes.last().map_or(0, |n| n.id.0).max(0)),
        ]
        .into_iter()
        .collect()
    }

    /// A command's outbox entry was written: the provisional numbers it gave are not given again.
    pub(in crate::model) fn note_provisional(&mut self, entry: &OutboxEntry) {
        let Some(team) = &mut self.team else { return };
        for key in entry.provisional() {
            let low = team.lows.entry(key.kind).or_insert(0);
            *low = (*low).min(key.id);
        }
    }

    /// The file gave records their team numbers (`Store::team_pushed`): memory is read again from
    /// it, the undo steps write the records under their new numbers, and the window is told
    /// (`renumbered`) so what it shows follows.
    pub(super) fn adopt_team_numbers(&mut self, numbers: &TeamNumbers) -> Result<(), StoreError> {
        if numbers.is_empty() {
            return Ok(());
        }
        let snapshot = self.store.load()?;
        self.install(snapshot);
        for (&key, &to) in numbers {
            self.history.renumber(key, to);
        }
        if let Some(team) = &mut self.team {
            team.record_seqs = self.store.team_record_seqs()?;
        }
        self.team_conflicts = self.store.team_conflicts()?;
        self.revision += 1;
        Ok(())
    }
}
