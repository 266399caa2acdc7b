//! Which releases are selected in the list, kept by id so it survives sorting, filtering and
//! switching views: plain click, Ctrl/Cmd-click toggle, Shift-click range, select all.

use std::collections::BTreeSet;

use crate::domain::ReleaseId;

/// The selected releases, the anchor of Shift ranges and the row the keyboard is on.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    ids: BTreeSet<ReleaseId>,
    /// Where a Shift range starts: the last row clicked without Shift.
    anchor: Option<ReleaseId>,
    /// The row Enter opens and the arrow keys move from.
    cursor: Option<ReleaseId>,
    /// Grows with every change, so views can cache what they derive from the selection.
    generation: u64,
}

impl Selection {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn contains(&self, id: ReleaseId) -> bool {
        self.ids.contains(&id)
    }

    /// The selected ids, in id order.
    pub fn ids(&self) -> impl Iterator<Item = ReleaseId> + '_ {
        self.ids.iter().copied()
    }

    pub fn cursor(&self) -> Option<ReleaseId> {
        self.cursor
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    fn changed(&mut self) {
        self.generation += 1;
    }

    /// Release `from` (made here under a provisional number) got the team's number `to`: it
    /// stays selected under it.
    pub fn renumber(&mut self, from: ReleaseId, to: ReleaseId) {
        let swap = |id: &mut Option<ReleaseId>| {
            if *id == Some(from) {
                *id = Some(to);
            }
        };
        swap(&mut self.anchor);
        swap(&mut self.cursor);
        if self.ids.remove(&from) {
            self.ids.insert(to);
        }
        self.changed();
    }

    /// A plain click: only `id` is selected.
    pub fn select_only(&mut self, id: ReleaseId) {
        self.ids.clear();
        self.ids.insert(id);
        self.anchor = Some(id);
        self.cursor = Some(id);
        self.changed();
    }

    /// Ctrl/Cmd-click or the row's checkbox: adds or removes `id`, keeping the rest.
    pub fn toggle(&mut self, id: ReleaseId) {
        if !self.ids.remove(&id) {
            self.ids.insert(id);
        }
        self.anchor = Some(id);
        self.cursor = Some(id);
        self.changed();
    }

    /// Shift-click: selects the rows from the anchor to `id` in the order shown (`rows`).
    /// With `add` (Ctrl+Shift) the range is added to the selection instead of replacing it.
    pub fn extend_to(&mut self, id: ReleaseId, rows: &[ReleaseId], add: bool) {
        let target = rows.iter().position(|&r| r == id);
        let anchor = self.anchor.and_then(|a| rows.iter().position(|&r| r == a));
        let (Some(target), Some(anchor)) = (target, anchor) else {
            // No anchor in this view: a Shift-click starts a new range at the row.
            self.select_only(id);
            return;
        };
        if !add {
            self.ids.clear();
        }
        let (from, to) = if anchor <= target { (anchor, target) } else { (target, anchor) };
        self.ids.extend(rows[from..=to].iter().copied());
        self.cursor = Some(id);
        self.changed();
    }

    /// Ctrl+A: every row of the current view.
    pub fn select_all(&mut self, rows: &[ReleaseId]) {
        self.ids.extend(rows.iter().copied());
        self.changed();
    }

    /// Removes `rows` from the selection (the header checkbox when every row was selected).
    pub fn deselect(&mut self, rows: &[ReleaseId]) {
        for id in rows {
            self.ids.remove(id);
        }
        self.changed();
    }

    /// Esc: nothing selected.
    pub fn clear(&mut self) {
        if !self.ids.is_empty() || self.cursor.is_some() {
            self.ids.clear();
            self.anchor = None;
            self.cursor = None;
            self.changed();
        }
    }

    /// Forgets releases that no longer exist (deleted forever, or an undone create).
    pub fn retain(&mut self, exists: impl Fn(ReleaseId) -> bool) {
        let before = self.ids.len();
        self.ids.retain(|&id| exists(id));
        if self.anchor.is_some_and(|a| !exists(a)) {
            self.anchor = None;
        }
        if self.cursor.is_some_and(|c| !exists(c)) {
            self.cursor = None;
        }
        if self.ids.len() != before {
            self.changed();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &[i64]) -> Vec<ReleaseId> {
        list.iter().copied().map(ReleaseId).collect()
    }

    fn selected(s: &Selection) -> Vec<i64> {
        s.ids().map(|id| id.0).collect()
    }

    #[test]
    fn a_renumbered_release_stays_selected_and_under_the_cursor() {
        let mut s = Selection::default();
        s.select_only(ReleaseId(-1));
        s.toggle(ReleaseId(4));
        s.toggle(ReleaseId(-1));
        s.toggle(ReleaseId(-1));
        let generation = s.generation();
        s.renumber(ReleaseId(-1), ReleaseId(57));
        assert_eq!(selected(&s), [4, 57]);
        assert_eq!(s.cursor(), Some(ReleaseId(57)));
        assert!(s.generation() > generation, "views derived from the selection are redrawn");
        s.extend_to(ReleaseId(4), &ids(&[57, 9, 4]), false);
        assert_eq!(selected(&s), [4, 9, 57], "the Shift anchor moved with it");
    }

    #[test]
    fn click_toggle_range_and_all() {
        let rows = ids(&[5, 3, 9, 1, 7]);
        let mut s = Selection::default();
        s.select_only(ReleaseId(3));
        s.extend_to(ReleaseId(1), &rows, false);
        assert_eq!(selected(&s), [1, 3, 9], "the range in the order shown");
        s.toggle(ReleaseId(9));
        assert_eq!(selected(&s), [1, 3]);
        s.extend_to(ReleaseId(7), &rows, true);
        assert_eq!(selected(&s), [1, 3, 7, 9], "Ctrl+Shift adds the range from the toggled row");
        s.select_all(&rows);
        assert_eq!(s.len(), 5);
        s.retain(|id| id.0 != 5);
        assert_eq!(selected(&s), [1, 3, 7, 9]);
        s.clear();
        assert!(s.is_empty() && s.cursor().is_none());
    }

    #[test]
    fn a_range_survives_resorting_by_id() {
        let mut s = Selection::default();
        s.select_only(ReleaseId(2));
        s.extend_to(ReleaseId(4), &ids(&[1, 2, 3, 4]), false);
        // Sorting again does not touch the selected ids.
        let resorted = ids(&[4, 3, 2, 1]);
        assert!(resorted.iter().all(|&id| s.contains(id) == (2..=4).contains(&id.0)));
    }
}
