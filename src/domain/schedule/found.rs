//! The conflicts found in a range, kept compact: a busy plan has a hundred thousand, most of them
//! a release outside its windows or inside a freeze. Those are kept as rows of a few bytes that
//! point into the interval index they were found through (the release's planned window, the
//! freeze's or window's occurrence), and made into a full [`Conflict`] only when one is read: the
//! calendar shows a few dozen at a time, and making a hundred thousand 128-byte conflicts (and
//! the page faults of their 17 MB) was most of the time of finding them. The overlaps on a CI or
//! an agent and the Deploy kinds, far fewer, are kept whole. Read in order, every conflict is the
//! same as it was when they were all made up front.

use super::conflicts::{Against, Conflict, ConflictKind, ReleaseIds, Resolution, Severity, TimeRange};
use super::index::ScheduleIndex;
use super::{FreezeKind, Occurrence};
use crate::domain::ids::Timestamp;

/// One conflict as found: what it is made of is read from the index when it is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Row {
    /// Booking `booking` inside occurrence `at` of freeze `freeze`.
    Freeze { booking: u32, freeze: u32, at: u32 },
    /// Booking `booking` outside every window that applies to it; the next occurrence of one is
    /// entry `at` of the `next` list of scope windows `scope` (`u32::MAX`: none ahead).
    Outside { booking: u32, scope: u32, at: u32 },
    /// Conflict `0` of the ones kept whole.
    Whole(u32),
}

/// What a conflict is sorted by, and whether it touches a range: its period, kind and releases.
#[derive(Clone, Copy)]
struct Head {
    from: Timestamp,
    to: Timestamp,
    kind: ConflictKind,
    release_ids: ReleaseIds,
}

impl ScheduleIndex {
    /// The full conflict of `row` (`whole`: the conflicts kept whole it may point into).
    pub(super) fn expand(&self, row: Row, whole: &[Conflict]) -> Conflict {
        match row {
            Row::Freeze { booking, freeze, at } => {
                let span = self.bookings[booking as usize].span;
                let f = &self.freezes[freeze as usize];
                let occurrence = f.occurrences[at as usize];
                Conflict {
                    kind: ConflictKind::Freeze,
                    release_ids: ReleaseIds::one(span.id),
                    against: Some(Against::Freeze { id: f.id, name: f.name.clone(), kind: f.kind }),
                    from: span.start.max(occurrence.start),
                    to: span.end.min(occurrence.end),
                    severity: freeze_severity(f.kind),
                    resolution: Resolution::AfterFreeze { ends: occurrence.end },
                }
            }
            Row::Outside { booking, scope, at } => {
                let span = self.bookings[booking as usize].span;
                let (against, resolution) = match self.next_window(scope, at) {
                    Some((o, i)) => {
                        let w = &self.windows[i];
                        (
                            Some(Against::Window { id: w.id, name: w.name.clone() }),
                            Resolution::IntoWindow { window: w.name.clone(), start: o.start, end: o.end },
                        )
                    }
                    None => (None, Resolution::NoWindowAhead),
                };
                Conflict {
                    kind: ConflictKind::OutsideWindow,
                    release_ids: ReleaseIds::one(span.id),
                    against,
                    from: span.start,
                    to: span.end,
                    severity: Severity::Warn,
                    resolution,
                }
            }
            Row::Whole(i) => whole[i as usize].clone(),
        }
    }

    /// The next window's occurrence an outside row points to, and the window's index.
    fn next_window(&self, scope: u32, at: u32) -> Option<(Occurrence, usize)> {
        let scope = self.window_scopes.get(scope as usize)?;
        scope.next.get(at as usize).copied()
    }

    /// The period, kind and releases of `row`, without making the conflict.
    fn head(&self, row: Row, whole: &[Conflict]) -> Head {
        match row {
            Row::Freeze { booking, freeze, at } => {
                let span = self.bookings[booking as usize].span;
                let occurrence = self.freezes[freeze as usize].occurrences[at as usize];
                Head {
                    from: span.start.max(occurrence.start),
                    to: span.end.min(occurrence.end),
                    kind: ConflictKind::Freeze,
                    release_ids: ReleaseIds::one(span.id),
                }
            }
            Row::Outside { booking, .. } => {
                let span = self.bookings[booking as usize].span;
                Head {
                    from: span.start,
                    to: span.end,
                    kind: ConflictKind::OutsideWindow,
                    release_ids: ReleaseIds::one(span.id),
                }
            }
            Row::Whole(i) => {
                let c = &whole[i as usize];
                Head { from: c.from, to: c.to, kind: c.kind, release_ids: c.release_ids }
            }
        }
    }

    /// The severity of `row`, without making the conflict.
    fn severity(&self, row: Row, whole: &[Conflict]) -> Severity {
        match row {
            Row::Freeze { freeze, .. } => freeze_severity(self.freezes[freeze as usize].kind),
            Row::Outside { .. } => Severity::Warn,
            Row::Whole(i) => whole[i as usize].severity,
        }
    }
}

/// How a freeze of `kind` holds a release back.
fn freeze_severity(kind: FreezeKind) -> Severity {
    match kind {
        FreezeKind::Hard => Severity::Block,
        FreezeKind::Soft => Severity::Warn,
    }
}

/// Every conflict of a range, sorted by start, kind and releases (ties in the order found), each
/// made when it is read. Shared by the screens that show them (`Model::conflicts`).
#[derive(Default)]
pub struct Conflicts {
    index: ScheduleIndex,
    rows: Vec<Row>,
    whole: Vec<Conflict>,
}

impl Conflicts {
    /// The conflicts of `outside` (rows already in sorted order), `rest` (rows in the order
    /// found, those that do not touch `range` left out) and `whole` (what `rest`'s `Whole` rows
    /// point to), all through `index`, as one sorted list: the order is worked out on the rows'
    /// keys, the conflicts themselves are not made.
    pub(super) fn sorted(
        index: ScheduleIndex,
        outside: Vec<Row>,
        rest: &[Row],
        whole: Vec<Conflict>,
        range: TimeRange,
    ) -> Self {
        // One release sorts before two that start with it, as the slices do.
        let id = |h: &Head, i: usize| h.release_ids.get(i).map_or(i64::MIN, |r| r.0);
        let key = |h: &Head| (h.from, h.kind, id(h, 0), id(h, 1));
        let mut keys: Vec<((Timestamp, ConflictKind, i64, i64), u32)> = rest
            .iter()
            .enumerate()
            .map(|(i, &row)| (i, index.head(row, &whole)))
            .filter(|(_, h)| range.touches(h.from, h.to))
            .map(|(i, h)| (key(&h), i as u32))
            .collect();
        keys.sort_unstable();
        debug_assert!(outside.is_sorted_by_key(|&row| key(&index.head(row, &whole))));
        // Merged on the keys: no two are equal (an outside row and another differ in kind).
        let mut rows = Vec::with_capacity(outside.len() + keys.len());
        let mut sorted = keys.iter().peekable();
        for a in outside {
            let head = key(&index.head(a, &whole));
            while let Some(&&(b, i)) = sorted.peek()
                && b < head
            {
                rows.push(rest[i as usize]);
                sorted.next();
            }
            rows.push(a);
        }
        rows.extend(sorted.map(|&(_, i)| rest[i as usize]));
        let mut index = index;
        index.shed();
        Self { index, rows, whole }
    }

    /// How many conflicts there are.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The `i`th conflict, made.
    pub fn get(&self, i: usize) -> Option<Conflict> {
        self.rows.get(i).map(|&row| self.index.expand(row, &self.whole))
    }

    /// The severity of the `i`th conflict, without making it.
    pub fn severity(&self, i: usize) -> Option<Severity> {
        self.rows.get(i).map(|&row| self.index.severity(row, &self.whole))
    }

    /// The kind of the `i`th conflict, without making it.
    pub fn kind(&self, i: usize) -> Option<ConflictKind> {
        self.rows.get(i).map(|&row| self.index.head(row, &self.whole).kind)
    }

    /// Every conflict in order, each made as it is read.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Conflict> + DoubleEndedIterator + '_ {
        self.rows.iter().map(|&row| self.index.expand(row, &self.whole))
    }

    /// Every conflict, made.
    pub fn to_vec(&self) -> Vec<Conflict> {
        self.iter().collect()
    }
}

impl std::fmt::Debug for Conflicts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}
