//! The interval index conflicts are found through: every window and freeze expanded once over a
//! range and grouped by scope (a scope's windows merged into one sorted union), and the releases
//! of the range by start, with their links to CIs and agents. The releases are checked in start
//! order, so each scope's windows and each freeze is read through a cursor that only moves on
//! (no binary search per release, no time arithmetic); overlaps are found by one sweep per CI and
//! agent, so the work grows with the releases and the overlaps found, never with pairs of
//! releases. Scopes are looked up in small tables (a slot for all, one per release type, groups
//! and CIs by binary search over the few that have a window or freeze), not in a map per release.

use std::sync::Arc;

use chrono::Duration;

use super::conflicts::{Conflict, LOOKAHEAD_DAYS, TimeRange};
use super::found::Row;
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

/// A release of the range as the checks read it, copied out of the release in one pass in id
/// order (reading the releases themselves in start order would miss the cache on each).
#[derive(Clone, Copy, Debug)]
pub(super) struct Booking {
    pub(super) span: Span,
    /// The release's type, as a bit of a freeze's exempt mask.
    type_bit: u32,
    scopes: Scopes,
    pub(super) links: Links,
}

/// A booking's agent and distinct CIs (a CI listed twice on one release is one link: never a
/// pair of the release with itself): the first CI inline, the others (a release on several) as
/// a run of the CIs put aside while indexing. Kept in the booking so that putting the bookings
/// in start order brings them along (looking them up by the release's place in id order, once
/// per booking in start order, missed the cache twice per booking).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Links {
    pub(super) agent: Option<AgentId>,
    pub(super) first_ci: Option<ConfigItemId>,
    pub(super) more_cis: (u32, u32),
}

/// The entries of a booking's scopes: up to four inline (all, its type, its group and a CI),
/// more (a release on several CIs that have windows or freezes) as a run of
/// `ScheduleIndex::scope_lists`.
#[derive(Clone, Copy, Debug)]
enum Scopes {
    Inline([u32; 4], u8),
    Listed(u32, u32),
}

pub(super) struct WindowEntry {
    pub(super) id: WindowId,
    pub(super) name: Arc<str>,
}

/// The windows of one scope: the union of their occurrences (merged where they touch), and
/// every occurrence of them by start with its window (the one named first on a tie), where the
/// next window after a time is found.
pub(super) struct ScopeWindows {
    union: Vec<Occurrence>,
    pub(super) next: Vec<(Occurrence, usize)>,
}

pub(super) struct FreezeEntry {
    pub(super) id: FreezeId,
    pub(super) name: Arc<str>,
    pub(super) kind: FreezeKind,
    /// The release types exempt, one bit per type code.
    exempt: u32,
    pub(super) occurrences: Vec<Occurrence>,
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
    /// each of its CIs (a CI listed twice once), pushed onto `out`.
    fn of(&self, release: &Release, out: &mut Vec<u32>) {
        let from = out.len();
        let mut push = |e: usize| out.push(e as u32);
        self.all.into_iter().for_each(&mut push);
        self.by_type[usize::from(release.release_type.code()) % 8].into_iter().for_each(&mut push);
        if let Some(g) = release.group_id {
            Self::find(&self.by_group, g.0).into_iter().for_each(&mut push);
        }
        if !self.by_ci.is_empty() {
            for item in &release.assets {
                if let Some(e) = Self::find(&self.by_ci, item.0)
                    && !out[from..].contains(&(e as u32))
                {
                    out.push(e as u32);
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

/// From how many releases finding conflicts works on two cores: below, one core takes a few
/// milliseconds, and on a loaded machine waiting for the second thread to be run cost more than
/// it saved (20,000 releases: a median of 15 ms on two against 6 on one).
pub(super) const TWO_CORES_FROM: usize = 50_000;

/// `a` and `b`, `a` on a thread of its own when `split` says so, `b` on this one; one after the
/// other when not (or when no thread can be had). A panic in `a` goes on in the caller.
pub(super) fn on_two_cores<A: Send, B>(
    split: bool,
    a: impl Fn() -> A + Sync,
    b: impl FnOnce() -> B,
) -> (A, B) {
    if !split {
        return (a(), b());
    }
    std::thread::scope(|scope| match std::thread::Builder::new().spawn_scoped(scope, &a) {
        Ok(thread) => {
            let b = b();
            (thread.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), b)
        }
        Err(err) => {
            log::warn!("no thread for finding conflicts ({err}): on one core");
            (a(), b())
        }
    })
}

/// Where the checks of the last release stopped in each scope's windows and each freeze; the
/// next release, starting no earlier, goes on from there.
pub(super) struct Cursors {
    union: Vec<usize>,
    next: Vec<usize>,
    freezes: Vec<usize>,
}

/// Moves `at` on past every item of `items` that `past` holds for (they are sorted so that
/// those come first).
fn advance<T>(at: &mut usize, items: &[T], past: impl Fn(&T) -> bool) {
    while *at < items.len() && past(&items[*at]) {
        *at += 1;
    }
}

/// Windows, freezes and releases of a range, indexed for conflict queries.
#[derive(Default)]
pub struct ScheduleIndex {
    pub(super) windows: Vec<WindowEntry>,
    pub(super) window_scopes: Vec<ScopeWindows>,
    pub(super) freezes: Vec<FreezeEntry>,
    scopes: ScopeTable,
    /// The releases of the range by start (then id).
    pub(super) bookings: Vec<Booking>,
    /// The scopes' entries of the bookings with more than fit inline, each booking's together.
    scope_lists: Vec<u32>,
    /// The CIs after the first of each booking on several (`Links::more_cis` are runs of it).
    pub(super) more_cis: Vec<ConfigItemId>,
}

impl ScheduleIndex {
    /// Expands `windows` and `freezes` over `range` (and the weeks after it, for the next window
    /// to suggest) and indexes the releases whose planned windows touch it: on two cores when
    /// there are many releases (the expansion on one, the releases on the other).
    pub fn build(
        releases: &[Release],
        windows: &[DeploymentWindow],
        freezes: &[Freeze],
        range: TimeRange,
    ) -> Self {
        Self::build_on(releases, windows, freezes, range, releases.len() >= TWO_CORES_FROM)
    }

    /// As [`Self::build`], on two cores when `split` says so.
    pub(super) fn build_on(
        releases: &[Release],
        windows: &[DeploymentWindow],
        freezes: &[Freeze],
        range: TimeRange,
        split: bool,
    ) -> Self {
        let expansion =
            range.widened(Duration::minutes(i64::from(DURATION_MAX_MINUTES)), Duration::days(LOOKAHEAD_DAYS));
        let (mut index, members) = Self::table(windows, freezes);
        let expand = || {
            let of = |timing, zone| occurrences(timing, zone, expansion);
            let windows: Vec<Vec<Occurrence>> = windows.iter().map(|w| of(&w.timing, w.zone)).collect();
            (windows, freezes.iter().map(|f| of(&f.timing, f.zone)).collect::<Vec<_>>())
        };
        let ((windows, freezes), ()) = on_two_cores(split, expand, || index.index_releases(releases, range));
        index.shade(&members, &windows, freezes);
        index
    }

    /// The windows and freezes grouped by scope, not yet expanded, and the windows of each
    /// scope (indexes into `windows`).
    fn table(windows: &[DeploymentWindow], freezes: &[Freeze]) -> (Self, Vec<Vec<usize>>) {
        let mut scopes = ScopeTable::default();
        let mut members: Vec<Vec<usize>> = Vec::new();
        for (i, w) in windows.iter().enumerate() {
            let entry = scopes.slot(w.scope);
            let at = *entry.windows.get_or_insert_with(|| {
                members.push(Vec::new());
                members.len() - 1
            });
            members[at].push(i);
        }
        let freezes = freezes
            .iter()
            .enumerate()
            .map(|(i, f)| {
                scopes.slot(f.scope).freezes.push(i);
                FreezeEntry {
                    id: f.id,
                    name: Arc::from(f.name.as_str()),
                    kind: f.kind,
                    exempt: f.exempt.iter().fold(0, |mask, t| mask | type_bit(*t)),
                    occurrences: Vec::new(),
                    reach: Vec::new(),
                }
            })
            .collect();
        let windows =
            windows.iter().map(|w| WindowEntry { id: w.id, name: Arc::from(w.name.as_str()) }).collect();
        let index = Self { windows, freezes, scopes, ..Self::default() };
        (index, members)
    }

    /// The windows' and freezes' occurrences (each one's, in their order) put in place: each
    /// scope's windows merged, each freeze's reach.
    fn shade(&mut self, members: &[Vec<usize>], windows: &[Vec<Occurrence>], freezes: Vec<Vec<Occurrence>>) {
        self.window_scopes = members
            .iter()
            .map(|members| {
                let mut next: Vec<(Occurrence, usize)> =
                    members.iter().flat_map(|&i| windows[i].iter().map(move |&o| (o, i))).collect();
                // Stable: on the same start, the window named first stays first.
                next.sort_by_key(|(o, _)| o.start);
                ScopeWindows { union: union(next.iter().map(|(o, _)| *o)), next }
            })
            .collect();
        for (entry, occurrences) in self.freezes.iter_mut().zip(freezes) {
            let mut reach = Vec::with_capacity(occurrences.len());
            for o in &occurrences {
                let last = reach.last().copied().unwrap_or(o.end);
                reach.push(last.max(o.end));
            }
            entry.occurrences = occurrences;
            entry.reach = reach;
        }
    }

    /// The live releases that touch `range`, by start, and their CIs and agents: read once in
    /// id order, then put in start order.
    fn index_releases(&mut self, releases: &[Release], range: TimeRange) {
        let mut bookings: Vec<Booking> = Vec::with_capacity(releases.len());
        // The CIs after the first of each release on several.
        let mut more_cis: Vec<ConfigItemId> = Vec::new();
        for r in releases.iter().filter(|r| !r.is_deleted() && range.touches(r.planned.start, r.planned.end))
        {
            let mut booking = self.booking(r);
            let from = more_cis.len();
            for (k, item) in r.assets.iter().enumerate() {
                if r.assets[..k].contains(item) {
                    continue;
                }
                match booking.links.first_ci {
                    None => booking.links.first_ci = Some(*item),
                    Some(_) => more_cis.push(*item),
                }
            }
            booking.links.more_cis = (from as u32, more_cis.len() as u32);
            booking.links.agent = r.agent_id;
            bookings.push(booking);
        }
        self.bookings = start_order(&bookings).into_iter().map(|k| bookings[k as usize]).collect();
        self.more_cis = more_cis;
    }

    /// Lets go of what only finding the conflicts needed (the CIs, the scopes' entries): what
    /// is kept is what the conflicts found are made from.
    pub(super) fn shed(&mut self) {
        self.scope_lists = Vec::new();
        self.more_cis = Vec::new();
    }

    /// What the checks read of `release` (scopes beyond four go onto `scope_lists`).
    fn booking(&mut self, release: &Release) -> Booking {
        let from = self.scope_lists.len();
        self.scopes.of(release, &mut self.scope_lists);
        let found = &self.scope_lists[from..];
        let scopes = if found.len() <= 4 {
            let mut inline = [0; 4];
            for (slot, e) in inline.iter_mut().zip(found) {
                *slot = *e;
            }
            let n = found.len() as u8;
            self.scope_lists.truncate(from);
            Scopes::Inline(inline, n)
        } else {
            Scopes::Listed(from as u32, self.scope_lists.len() as u32)
        };
        Booking {
            span: Span { start: release.planned.start, end: release.planned.end, id: release.id },
            type_bit: type_bit(release.release_type),
            scopes,
            links: Links::default(),
        }
    }

    /// The entries of a booking's scopes.
    fn scopes_of<'a>(&'a self, booking: &'a Booking) -> &'a [u32] {
        match &booking.scopes {
            Scopes::Inline(inline, n) => &inline[..usize::from(*n)],
            Scopes::Listed(from, to) => &self.scope_lists[*from as usize..*to as usize],
        }
    }

    /// Room to work in for checking releases one after another in start order.
    pub(super) fn cursors(&self) -> Cursors {
        Cursors {
            union: vec![0; self.window_scopes.len()],
            next: vec![0; self.window_scopes.len()],
            freezes: vec![0; self.freezes.len()],
        }
    }

    /// The freeze and outside-window conflicts of every indexed release, as rows: the
    /// outside-window ones onto `outside` (one per release at most, so in the order of the
    /// releases' starts and ids, which is their sorted order), the freeze ones onto `rest`.
    pub(super) fn release_conflicts(&self, outside: &mut Vec<Row>, rest: &mut Vec<Row>) {
        let mut cursors = self.cursors();
        for b in 0..self.bookings.len() {
            self.window_and_freeze_conflicts(b as u32, &mut cursors, outside, rest);
        }
    }

    /// The freeze and outside-window conflicts of one release that is not indexed (a draft):
    /// it is indexed alone, after the others.
    pub(super) fn conflicts_of(&mut self, release: &Release) -> Vec<Conflict> {
        let booking = self.booking(release);
        self.bookings.push(booking);
        let (mut outside, mut rows) = (Vec::new(), Vec::new());
        let b = (self.bookings.len() - 1) as u32;
        self.window_and_freeze_conflicts(b, &mut self.cursors(), &mut outside, &mut rows);
        rows.append(&mut outside);
        rows.into_iter().map(|row| self.expand(row, &[])).collect()
    }

    /// The outside-window conflict of booking `b`, pushed onto `outside`, and its freeze
    /// conflicts, onto `rest`. Bookings are given in start order; `cursors` keeps where the
    /// last one's search stopped.
    fn window_and_freeze_conflicts(
        &self,
        b: u32,
        cursors: &mut Cursors,
        outside: &mut Vec<Row>,
        rest: &mut Vec<Row>,
    ) {
        let booking = &self.bookings[b as usize];
        let Span { start, end, .. } = booking.span;
        let scopes = self.scopes_of(booking);
        let mut applies = false;
        let mut inside = false;
        for entry in scopes.iter().map(|&e| &self.scopes.entries[e as usize]) {
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
            outside.push(self.outside_window(b, scopes, cursors));
        }
        for entry in scopes.iter().map(|&e| &self.scopes.entries[e as usize]) {
            for &i in &entry.freezes {
                let freeze = &self.freezes[i];
                if freeze.exempt & booking.type_bit != 0 {
                    continue;
                }
                let at = &mut cursors.freezes[i];
                advance(at, &freeze.reach, |reach| *reach <= start);
                let from = *at;
                for (k, _) in freeze.occurrences[from..]
                    .iter()
                    .enumerate()
                    .take_while(|(_, o)| o.start < end)
                    .filter(|(_, o)| o.overlaps(start, end))
                {
                    rest.push(Row::Freeze { booking: b, freeze: i as u32, at: (from + k) as u32 });
                }
            }
        }
    }

    /// The row of a release outside every window that applies, with the next occurrence of one:
    /// every occurrence of a window lasts as long as the others (its rule's duration, or its one
    /// period), so the next one is the one to suggest whether or not it is long enough.
    fn outside_window(&self, b: u32, scopes: &[u32], cursors: &mut Cursors) -> Row {
        let start = self.bookings[b as usize].span.start;
        let mut best: Option<(Timestamp, usize, usize)> = None;
        for entry in scopes.iter().map(|&e| &self.scopes.entries[e as usize]) {
            let Some(w) = entry.windows else { continue };
            let next = &self.window_scopes[w].next;
            let at = &mut cursors.next[w];
            advance(at, next, |(o, _)| o.start < start);
            if let Some(&(o, _)) = next.get(*at)
                && best.is_none_or(|(b, _, _)| o.start < b)
            {
                best = Some((o.start, w, *at));
            }
        }
        match best {
            Some((_, scope, at)) => Row::Outside { booking: b, scope: scope as u32, at: at as u32 },
            None => Row::Outside { booking: b, scope: u32::MAX, at: 0 },
        }
    }
}

/// The places of `bookings` (in id order) by start, then id. Starts in whole seconds within 136
/// years of each other (a plan made in the app) are counted into place 11 bits of the start at a
/// time, the place riding along below; other starts are sorted as one 128-bit integer each.
pub(super) fn start_order(bookings: &[Booking]) -> Vec<u32> {
    let seconds = |b: &Booking| b.span.start.timestamp();
    let low = bookings.iter().map(seconds).min().unwrap_or(0);
    let width = bookings.iter().map(seconds).max().unwrap_or(0).abs_diff(low);
    let whole = bookings.iter().all(|b| b.span.start.timestamp_subsec_nanos() == 0);
    if !whole || width > u64::from(u32::MAX) {
        let mut keys: Vec<u128> =
            bookings.iter().enumerate().map(|(k, b)| time_key(b.span.start) << 32 | k as u128).collect();
        keys.sort_unstable();
        return keys.into_iter().map(|key| (key & u128::from(u32::MAX)) as u32).collect();
    }
    const DIGIT: u32 = 11;
    let mut keys: Vec<u64> =
        bookings.iter().enumerate().map(|(k, b)| seconds(b).abs_diff(low) << 32 | k as u64).collect();
    let mut spare = vec![0_u64; keys.len()];
    let mut shift = 32;
    // Each pass keeps the order of the one before (the ids, then the lower digits).
    while shift < 64 && width >> (shift - 32) > 0 {
        let digit = |key: u64| ((key >> shift) & ((1 << DIGIT) - 1)) as usize;
        let mut at = [0_usize; (1 << DIGIT) + 1];
        for &key in &keys {
            at[digit(key) + 1] += 1;
        }
        for d in 1..at.len() {
            at[d] += at[d - 1];
        }
        for &key in &keys {
            let slot = &mut at[digit(key)];
            spare[*slot] = key;
            *slot += 1;
        }
        std::mem::swap(&mut keys, &mut spare);
        shift += DIGIT;
    }
    keys.into_iter().map(|key| key as u32).collect()
}

/// A time as one integer that sorts as the times do (seconds from a point before any time
/// chrono can hold, then nanoseconds, a leap second's included), with 32 bits free below.
fn time_key(t: Timestamp) -> u128 {
    let seconds = (i128::from(t.timestamp()) + (1 << 43)) as u128;
    seconds << 31 | u128::from(t.timestamp_subsec_nanos())
}

/// The bit of a release type in a freeze's exempt mask.
fn type_bit(t: ReleaseType) -> u32 {
    1 << (u32::from(t.code()) % 32)
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
