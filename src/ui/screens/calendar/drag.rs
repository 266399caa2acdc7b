//! A bar being dragged: the release, which part (the body moves it, an edge moves one end), its
//! planned window as it was and as it is now, snapped to 15 minutes, and the conflicts that new
//! window would have (found once per snapped step, so a drag costs one pass over the releases
//! per step, not per frame).

use chrono::Duration;

use crate::domain::schedule::Conflict;
use crate::domain::{PlannedWindow, ReleaseId};
use crate::model::Model;

/// The snap of a drag.
pub const SNAP_MINUTES: i64 = 15;

/// Which part of a bar is held.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DragEdge {
    Body,
    Start,
    End,
}

/// A bar being dragged.
#[derive(Clone, Debug, PartialEq)]
pub struct Drag {
    pub id: ReleaseId,
    pub edge: DragEdge,
    pub original: PlannedWindow,
    pub current: PlannedWindow,
    /// The conflicts `current` would have.
    pub conflicts: Vec<Conflict>,
}

impl Drag {
    /// A drag of release `id` from `original`, with the conflicts it has there.
    pub fn new(id: ReleaseId, edge: DragEdge, original: PlannedWindow, model: &Model) -> Self {
        let mut drag = Self { id, edge, original, current: original, conflicts: Vec::new() };
        drag.refresh(model);
        drag
    }

    /// Follows the pointer `minutes` (any number) from where the drag began, snapped to 15
    /// minutes; an end never passes the other. Finds the conflicts again when the window moved.
    pub fn follow(&mut self, minutes: f64, model: &Model) {
        let snapped = ((minutes / SNAP_MINUTES as f64).round() as i64) * SNAP_MINUTES;
        let shift = Duration::minutes(snapped);
        let snap = Duration::minutes(SNAP_MINUTES);
        let o = self.original;
        let next = match self.edge {
            DragEdge::Body => PlannedWindow { start: o.start + shift, end: o.end + shift },
            DragEdge::Start => PlannedWindow { start: (o.start + shift).min(o.end - snap), end: o.end },
            DragEdge::End => PlannedWindow { start: o.start, end: (o.end + shift).max(o.start + snap) },
        };
        if next != self.current {
            self.current = next;
            self.refresh(model);
        }
    }

    /// The conflicts of the release at `current`.
    pub fn refresh(&mut self, model: &Model) {
        let Some(release) = model.release(self.id) else { return };
        let mut draft = release.clone();
        draft.planned = self.current;
        self.conflicts = model.draft_conflicts(&draft);
    }
}
