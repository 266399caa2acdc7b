//! Provisional numbers (issue 21): in a team's file, a new release, window or freeze is numbered
//! below zero (shown as "new") so it never meets a teammate's record of the same number; its push
//! gives it the team's number, and the file, the undo steps and the window follow in one step.

use crate::domain::team::{OutboxEntry, RecordKey, RecordKind, TeamNumbers};
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

    /// Records of the kinds shared after files joined that this file holds and the team has never
    /// seen, with no command in the outbox that makes them (notes written before notes were
    /// shared): they become new, under provisional numbers, and their creation goes in the
    /// outbox, so the next push shares them. Run before each sync.
    pub(super) fn share_own_records(
        &mut self,
        now: crate::domain::Timestamp,
    ) -> Result<(), super::TeamError> {
        let Some(team) = &self.team else { return Ok(()) };
        if self.store.is_read_only() {
            return Ok(());
        }
        // The kinds a team's file may hold from before the team shared them: windows and freezes
        // (server schema 3), notes (5) and tasks (6). Every release came through the team (`team init`
        // shares them all, `team join` needs a file without any); people keep their numbers.
        // The outbox is read only when one of them was never seen.
        let windows = self.schedule.windows.iter().map(|w| RecordKey::window(w.id));
        let freezes = self.schedule.freezes.iter().map(|f| RecordKey::freeze(f.id));
        let notes = self.notes.iter().map(|n| RecordKey::note(n.id));
        let tasks = self.tasks.iter().map(|t| RecordKey::task(t.id));
        let never_seen: Vec<RecordKey> = windows
            .chain(freezes)
            .chain(notes)
            .chain(tasks)
            .filter(|k| !team.record_seqs.contains_key(k))
            .collect();
        if never_seen.is_empty() {
            return Ok(());
        }
        let pending: std::collections::BTreeSet<_> =
            self.store.team_outbox()?.iter().flat_map(|e| e.changes.iter().map(|c| c.record())).collect();
        let unseen: Vec<RecordKey> = never_seen.into_iter().filter(|k| !pending.contains(k)).collect();
        if unseen.is_empty() {
            return Ok(());
        }
        let mut moves = TeamNumbers::new();
        let mut ids: std::collections::BTreeMap<RecordKind, NewIds> = std::collections::BTreeMap::new();
        let mut changes = Vec::new();
        for key in unseen {
            let Some(mut data) = self.shared_fields(key) else { continue };
            let to = if key.is_provisional() {
                key.id
            } else {
                let id = ids.entry(key.kind).or_insert_with(|| self.new_ids(key.kind, 0)).take();
                moves.insert(key, id);
                id
            };
            data.insert("id".to_owned(), serde_json::Value::from(to));
            changes.push(crate::domain::team::RecordChange::Create {
                record: RecordKey { id: to, ..key },
                data,
            });
        }
        log::info!("sharing {} records of this file the team has never seen", changes.len());
        let entry = OutboxEntry {
            command_id: uuid::Uuid::new_v4(),
            bases: changes.iter().map(|c| (c.record(), 0)).collect(),
            changes,
            created_at: now,
        };
        self.store.team_share_own(&moves, &entry)?;
        self.note_provisional(&entry);
        self.adopt_team_numbers(&moves)?;
        Ok(())
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
            (RecordKind::Task, self.tasks.last().map_or(0, |t| t.id.0).max(0)),
        ]
        .into_iter()
        .collect()
    }

    /// The ids a command gives to new tasks.
    pub(in crate::model) fn new_task_ids(&self) -> NewIds {
        self.new_ids(RecordKind::Task, self.tasks.last().map_or(1, |t| t.id.0 + 1))
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
