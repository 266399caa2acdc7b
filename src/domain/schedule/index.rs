//! The interval index conflicts are found through: every window and freeze expanded once over a
//! range and grouped by scope (a scope's windows merged into one sorted union), and the releases
//! of the range by start, with their links to CIs and agents. The releases are checked in start
//! order, so each scope's windows and each freeze is read through a cursor that only moves on
//! (no binary search per release, no time arithmetic); overlaps are found by one sweep per CI and
//! agent, so the work grows with the releases and the overlaps found, never with pairs of
//! releases. Scopes are looked up in small tables (a slot for all, one per release type, groups
//! and CIs by binary search over the few that have a window or freeze), not in a map per release.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::Duration;

use super::conflicts::{
    Against, Conflict, ConflictKind, LOOKAHEAD_DAYS, ReleaseIds, Resolution, Severity, TimeRange,
};
use super::recurrence::Occurrence;
use super::{DURATION_MAX_MINUTES, DeploymentWindow, Freeze, FreezeKind, Scope, occurrences};
use crate::domain::ids::{AgentId, ConfigItemId, FreezeId, ReleaseId, Timestamp, WindowId};
use crate::domain::release::{Release, ReleaseType};

/// A release's planned window, by id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Span {
    pub(super) start: Timestamp,
    pub(super) end: Timestamp,
    pub(super) id: ReleaseId,
}

struct WindowEntry {
    id: WindowId,
    name: Arc<str>,
}

/// The windows of one scope: the union of their occurrences (merged where they touch), and
/// every occurrence of them by start with its window (the one named first on a tie), where the
/// next window after a time is found.
struct ScopeWindows {
    union: Vec<Occurrence>,
    next: Vec<(Occurrence, usize)>,
}

struct FreezeEntry {
    id: FreezeId,
    name: Arc<str>,
    kind: FreezeKind,
    /// The release types exempt, one bit per type code.
    exempt: u32,
    occurrences: Vec<Occurrence>,
    /// The latest end among the occurrences up to each one: the first that can overlap a time
    /// is the first whose reach is past it.
    reach: Vec<Timestamp>,
}

/// What one scope has: the index of its windows in `ScheduleIndex::window_scopes` and the
/// freezes (indexes into `ScheduleIndex::freezes`, in their order) that take it in.
#[derive(Clone, Debug, Default)]
struct ScopeEntry {
    windows: Option<usize>,
    freezes: Vec<usize>,
}

/// Every scope that has a window or a freeze, by kind.
#[derive(Default)]
struct ScopeTable {
    all: Option<usize>,
    by_type: [Option<usize>; 8],
    by_group: Vec<(i64, usize)>,
    by_ci: Vec<(i64, usize)>,
    entries: Vec<ScopeEntry>,
}

impl ScopeTable {
    fn slot(&mut self, scope: Scope) -> &mut ScopeEntry {
        let next = self.entries.len();
        let found = match scope {
            Scope::All => *self.all.get_or_insert(next),
            Scope::ReleaseType(t) => *self.by_type[usize::from(t.code()) % 8].get_or_insert(next),
            Scope::Group(g) => keyed(&mut self.by_group, g.0, next),
            Scope::ConfigItem(c) => keyed(&mut self.by_ci, c.0, next),
        };
        if found == next {
            self.entries.push(ScopeEntry::default());
        }
        &mut self.entries[found]
    }

    fn find(list: &[(i64, usize)], key: i64) -> Option<usize> {
        list.binary_search_by_key(&key, |&(k, _)| k).ok().map(|i| list[i].1)
    }

    /// The entries of the scopes `release` belongs to, in the order all, its type, its group,
    /// each of its CIs (a CI listed twice once), into `out`.
    fn of(&self, release: &Release, out: &mut Vec<usize>) {
        out.clear();
        out.extend(self.all);
        out.extend(self.by_type[usize::from(release.release_type.code()) % 8]);
        if let Some(g) = release.group_id {
            out.extend(Self::find(&self.by_group, g.0));
        }
        if !self.by_ci.is_empty() {
            for item in &release.assets {
                if let Some(e) = Self::find(&self.by_ci, item.0)
                    && !out.contains(&e)
                {
                    out.push(e);
                }
            }
        }
    }
}

/// The slot of `key` in a sorted list, added as `next` if it is not there.
fn keyed(list: &mut Vec<(i64, usize)>, key: i64, next: usize) -> usize {
    match list.binary_search_by_key(&key, |&(k, _)| k) {
        Ok(i) => list[i].1,
        Err(i) => {
            list.insert(i, (key, next));
            next
        }
    }
}

/// Where the checks of the last release stopped in each scope's windows and each freeze; the
/// next release, starting no earlier, goes on from there.
pub(super) struct Cursors {
    union: Vec<usize>,
    next: Vec<usize>,
    freezes: Vec<usize>,
    scopes: Vec<usize>,
}

/// Moves `at` on past every item of `items` that `past` holds for (they are sorted so that
/// those come first).
fn advance<T>(at: &mut usize, items: &[T], past: impl Fn(&T) -> bool) {
    while *at < items.len() && past(&items[*at]) {
        *at += 1;
    }
}

/// Windows, freezes and releases of a range, indexed for conflict queries.
pub struct ScheduleIndex {
    windows: Vec<WindowEntry>,
    window_scopes: Vec<ScopeWindows>,
    freezes: Vec<FreezeEntry>,
    scopes: ScopeTable,
    /// The releases of the range by start (then id).
    spans: Vec<Span>,
    /// The index in the releases given of each of `spans`.
    places: Vec<u32>,
    /// (CI, place in `spans`), by CI then place: each CI's releases by start.
    by_ci: Vec<(ConfigItemId, u32)>,
    /// Whether the release at that place in `spans` has more than one CI (only such a pair can
    /// meet on two CIs).
    many_cis: Vec<bool>,
    /// (agent, place in `spans`), by agent then place.
    by_agent: Vec<(AgentId, u32)>,
}

impl ScheduleIndex {
    /// Expands `windows` and `freezes` over `range` (and the weeks after it, for the next window
    /// to suggest) and indexes the releases whose planned windows touch it.
    pub fn build(
        releases: &[Release],
        windows: &[DeploymentWindow],
        freezes: &[Freeze],
        range: TimeRange,
    ) -> Self {
        let mut index = Self::shades(windows, freezes, range);
        index.index_releases(releases, range);
        index
    }

    /// The windows and freezes alone, expanded and grouped by scope.
    fn shades(windows: &[DeploymentWindow], freezes: &[Freeze], range: TimeRange) -> Self {
        let expansion =
            range.widened(Duration::minutes(i64::from(DURATION_MAX_MINUTES)), Duration::days(LOOKAHEAD_DAYS));
        let mut scopes = ScopeTable::default();
        let expanded: Vec<Vec<Occurrence>> =
            windows.iter().map(|w| occurrences(&w.timing, w.zone, expansion)).collect();
        let mut window_scopes: Vec<Vec<usize>> = Vec::new();
        for (i, w) in windows.iter().enumerate() {
            let entry = scopes.slot(w.scope);
            let at = *entry.windows.get_or_insert_with(|| {
                window_scopes.push(Vec::new());
                window_scopes.len() - 1
            });
            window_scopes[at].push(i);
        }
        let window_scopes = window_scopes
            .into_iter()
            .map(|members| {
                let mut next: Vec<(Occurrence, usize)> =
                    members.iter().flat_map(|&i| expanded[i].iter().map(move |&o| (o, i))).collect();
                // Stable: on the same start, the window named first stays first.
                next.sort_by_key(|(o, _)| o.start);
                ScopeWindows { union: union(next.iter().map(|(o, _)| *o)), next }
            })
            .collect();
        let windows =
            windows.iter().map(|w| WindowEntry { id: w.id, name: Arc::from(w.name.as_str()) }).collect();
        let freezes = freezes
            .iter()
            .enumerate()
            .map(|(i, f)| {
                scopes.slot(f.scope).freezes.push(i);
                let occurrences = occurrences(&f.timing, f.zone, expansion);
                let mut reach = Vec::with_capacity(occurrences.len());
                for o in &occurrences {
                    let last = reach.last().copied().unwrap_or(o.end);
                    reach.push(last.max(o.end));
                }
                FreezeEntry {
                    id: f.id,
                    name: Arc::from(f.name.as_str()),
                    kind: f.kind,
                    exempt: f.exempt.iter().fold(0, |mask, t| mask | type_bit(*t)),
                    occurrences,
                    reach,
                }
            })
            .collect();
        Self {
            windows,
            window_scopes,
            freezes,
            scopes,
            spans: Vec::new(),
            places: Vec::new(),
            by_ci: Vec::new(),
            many_cis: Vec::new(),
            by_agent: Vec::new(),
        }
    }

    /// The live releases that touch `range`, by start, and their CIs and agents.
    fn index_releases(&mut self, releases: &[Release], range: TimeRange) {
        let mut order: Vec<(Timestamp, ReleaseId, u32)> = releases
            .iter()
            .enumerate()
            .filter(|(_, r)| !r.is_deleted() && range.touches(r.planned.start, r.planned.end))
            .map(|(i, r)| (r.planned.start, r.id, i as u32))
            .collect();
        order.sort_unstable();
        self.spans.reserve(order.len());
        self.many_cis.reserve(order.len());
        for (place, &(_, _, i)) in order.iter().enumerate() {
            let r = &releases[i as usize];
            let place = place as u32;
            self.spans.push(Span { start: r.planned.start, end: r.planned.end, id: r.id });
            self.places.push(i);
            // A CI listed twice on one release is one link: never a pair of the release with itself.
            let mut distinct = 0;
            for (k, item) in r.assets.iter().enumerate() {
                if !r.assets[..k].contains(item) {
                    self.by_ci.push((*item, place));
                    distinct += 1;
                }
            }
            self.many_cis.push(distinct > 1);
            if let Some(agent) = r.agent_id {
                self.by_agent.push((agent, place));
            }
        }
        self.by_ci.sort_unstable();
        self.by_agent.sort_unstable();
    }

    /// Room to work in for checking releases one after another in start order.
    pub(super) fn cursors(&self) -> Cursors {
        Cursors {
            union: vec![0; self.window_scopes.len()],
            next: vec![0; self.window_scopes.len()],
            freezes: vec![0; self.freezes.len()],
            scopes: Vec::new(),
        }
    }

    /// The freeze and outside-window conflicts of every indexed release (`releases` are those
    /// the index was built from), pushed onto `out`.
    pub(super) fn release_conflicts(&self, releases: &[Release], out: &mut Vec<Conflict>) {
        let mut cursors = self.cursors();
        for &i in &self.places {
            self.window_and_freeze_conflicts(&releases[i as usize], &mut cursors, out);
        }
    }

    /// The freeze and outside-window conflicts of one release, pushed onto `out`. Releases are
    /// given in start order; `cursors` keeps where the last one's search stopped.
    pub(super) fn window_and_freeze_conflicts(
        &self,
        release: &Release,
        cursors: &mut Cursors,
        out: &mut Vec<Conflict>,
    ) {
        let (start, end) = (release.planned.start, release.planned.end);
        let mut scopes = std::mem::take(&mut cursors.scopes);
        self.scopes.of(release, &mut scopes);
        let mut applies = false;
        let mut inside = false;
        for entry in scopes.iter().map(|&e| &self.scopes.entries[e]) {
            let Some(w) = entry.windows else { continue };
            applies = true;
            let union = &self.window_scopes[w].union;
            let at = &mut cursors.union[w];
            advance(at, union, |o| o.start <= start);
            if *at > 0 && union[*at - 1].contains(start, end) {
                inside = true;
                break;
            }
        }
        if applies && !inside {
            out.push(self.outside_window(release, &scopes, cursors));
        }
        let bit = type_bit(release.release_type);
        for entry in scopes.iter().map(|&e| &self.scopes.entries[e]) {
            for &i in &entry.freezes {
                let freeze = &self.freezes[i];
                if freeze.exempt & bit != 0 {
                    continue;
                }
                let at = &mut cursors.freezes[i];
                advance(at, &freeze.reach, |reach| *reach <= start);
                for occurrence in freeze.occurrences[*at..]
                    .iter()
                    .take_while(|o| o.start < end)
                    .filter(|o| o.overlaps(start, end))
                {
                    out.push(freeze_conflict(release.id, freeze, *occurrence, start, end));
                }
            }
        }
        cursors.scopes = scopes;
    }

    /// The conflict of a release outside every window that applies, with the next occurrence of
    /// one: every occurrence of a window lasts as long as the others (its rule's duration, or its
    /// one period), so the next one is the one to suggest whether or not it is long enough.
    fn outside_window(&self, release: &Release, scopes: &[usize], cursors: &mut Cursors) -> Conflict {
        let (start, end) = (release.planned.start, release.planned.end);
        let mut best: Option<(Occurrence, usize)> = None;
        for entry in scopes.iter().map(|&e| &self.scopes.entries[e]) {
            let Some(w) = entry.windows else { continue };
            let next = &self.window_scopes[w].next;
            let at = &mut cursors.next[w];
            advance(at, next, |(o, _)| o.start < start);
            if let Some(&(o, i)) = next.get(*at)
                && best.is_none_or(|(b, _)| o.start < b.start)
            {
                best = Some((o, i));
            }
        }
        let (against, resolution) = match best {
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
            release_ids: ReleaseIds::one(release.id),
            against,
            from: start,
            to: end,
            severity: Severity::Warn,
            resolution,
        }
    }

    /// Every pair of indexed releases that overlap on a CI (once per pair, on the lowest CI they
    /// share) or with an agent, by one sweep per CI and agent.
    pub(super) fn overlap_conflicts(&self, out: &mut Vec<Conflict>) {
        let mut seen: HashSet<(ReleaseId, ReleaseId)> = HashSet::new();
        let mut active = Vec::new();
        for run in self.by_ci.chunk_by(|a, b| a.0 == b.0) {
            let item = run[0].0;
            sweep(&self.spans, run.iter().map(|&(_, p)| p), &mut active, |a, b| {
                let (x, y) = (&self.spans[a as usize], &self.spans[b as usize]);
                let twice = self.many_cis[a as usize] && self.many_cis[b as usize];
                if !twice || seen.insert((x.id.min(y.id), x.id.max(y.id))) {
                    out.push(ci_conflict(*x, *y, item));
                }
            });
        }
        for run in self.by_agent.chunk_by(|a, b| a.0 == b.0) {
            let agent = run[0].0;
            sweep(&self.spans, run.iter().map(|&(_, p)| p), &mut active, |a, b| {
                out.push(agent_conflict(self.spans[a as usize], self.spans[b as usize], agent));
            });
        }
    }
}

/// The bit of a release type in a freeze's exempt mask.
fn type_bit(t: ReleaseType) -> u32 {
    1 << (u32::from(t.code()) % 32)
}

/// A release inside one occurrence of a freeze that holds it.
fn freeze_conflict(
    id: ReleaseId,
    freeze: &FreezeEntry,
    occurrence: Occurrence,
    start: Timestamp,
    end: Timestamp,
) -> Conflict {
    Conflict {
        kind: ConflictKind::Freeze,
        release_ids: ReleaseIds::one(id),
        against: Some(Against::Freeze { id: freeze.id, name: freeze.name.clone(), kind: freeze.kind }),
        from: start.max(occurrence.start),
        to: end.min(occurrence.end),
        severity: match freeze.kind {
            FreezeKind::Hard => Severity::Block,
            FreezeKind::Soft => Severity::Warn,
        },
        resolution: Resolution::AfterFreeze { ends: occurrence.end },
    }
}

/// The occurrences sorted by start, merged where they overlap or touch.
fn union(occurrences: impl Iterator<Item = Occurrence>) -> Vec<Occurrence> {
    let mut all: Vec<Occurrence> = occurrences.collect();
    all.sort_unstable();
    let mut merged: Vec<Occurrence> = Vec::with_capacity(all.len());
    for o in all {
        match merged.last_mut() {
            Some(last) if o.start <= last.end => last.end = last.end.max(o.end),
            _ => merged.push(o),
        }
    }
    merged
}

/// Calls `pair` for every two of `places` (places in `spans`, which is by start) whose spans
/// overlap, the earlier first; `active` is room to work in.
fn sweep(
    spans: &[Span],
    places: impl Iterator<Item = u32>,
    active: &mut Vec<u32>,
    mut pair: impl FnMut(u32, u32),
) {
    active.clear();
    for place in places {
        let start = spans[place as usize].start;
        active.retain(|&a| spans[a as usize].end > start);
        for &a in active.iter() {
            pair(a, place);
        }
        active.push(place);
    }
}

/// The earlier-starting of two overlapping spans first (the lower id on a tie), and their overlap.
fn ordered(a: Span, b: Span) -> (Span, Span, Timestamp, Timestamp) {
    let (first, later) = if (a.start, a.id) <= (b.start, b.id) { (a, b) } else { (b, a) };
    (first, later, a.start.max(b.start), a.end.min(b.end))
}

/// Two overlapping releases on the same CI.
pub(super) fn ci_conflict(a: Span, b: Span, item: ConfigItemId) -> Conflict {
    let (first, later, from, to) = ordered(a, b);
    Conflict {
        kind: ConflictKind::CiOverlap,
        release_ids: ReleaseIds::pair(a.id, b.id),
        against: None,
        from,
        to,
        severity: Severity::Warn,
        resolution: Resolution::Sequence { first: first.id, later: later.id, ends: first.end, item },
    }
}

/// Two overlapping releases of the same agent.
pub(super) fn agent_conflict(a: Span, b: Span, agent: AgentId) -> Conflict {
    let (first, _, from, to) = ordered(a, b);
    Conflict {
        kind: ConflictKind::AgentOverlap,
        release_ids: ReleaseIds::pair(a.id, b.id),
        against: None,
        from,
        to,
        severity: Severity::Warn,
        resolution: Resolution::Reassign { agent, ends: first.end },
    }
}
