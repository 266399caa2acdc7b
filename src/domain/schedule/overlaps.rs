//! Releases that overlap on a CI or with an agent, found by one sweep per CI and agent over
//! the index's bookings (in start order): the work grows with the releases and the overlaps
//! found, never with pairs of releases.

use std::collections::HashSet;

use super::conflicts::{Conflict, ConflictKind, ReleaseIds, Resolution, Severity};
use super::index::{Links, ScheduleIndex, Span};
use crate::domain::ids::{AgentId, ConfigItemId, ReleaseId, Timestamp};

/// Each CI's bookings (their places) by start, CI by CI, each with whether it has several CIs.
type CiLinks = Vec<(ConfigItemId, u32, bool)>;
/// Each agent's bookings (their places) by start, agent by agent.
type AgentLinks = Vec<(AgentId, u32)>;

impl ScheduleIndex {
    /// Each CI's and agent's bookings by start, CI by CI and agent by agent: the links made in
    /// start order, then grouped keeping that order. A link holds the booking's place (16 bytes,
    /// not the 48 of its span), and whether the booking has more than one CI (only such a pair
    /// can meet on two CIs).
    fn links(&self) -> (CiLinks, AgentLinks) {
        let mut by_ci: CiLinks = Vec::with_capacity(self.bookings.len() + self.more_cis.len());
        let mut by_agent: AgentLinks = Vec::with_capacity(self.bookings.len());
        for (b, booking) in self.bookings.iter().enumerate() {
            let Links { agent, first_ci, more_cis: (from, to) } = booking.links;
            let more = &self.more_cis[from as usize..to as usize];
            let many = !more.is_empty();
            let b = b as u32;
            by_ci.extend(first_ci.into_iter().chain(more.iter().copied()).map(|item| (item, b, many)));
            by_agent.extend(agent.map(|agent| (agent, b)));
        }
        (grouped(by_ci, |link| link.0.0), grouped(by_agent, |link| link.0.0))
    }

    /// Every pair of indexed releases that overlap on a CI (once per pair, on the lowest CI they
    /// share) or with an agent, by one sweep per CI and agent.
    pub(super) fn overlap_conflicts(&self) -> Vec<Conflict> {
        let (by_ci, by_agent) = self.links();
        let mut out = Vec::new();
        let mut seen: HashSet<(ReleaseId, ReleaseId)> = HashSet::new();
        let mut active = Vec::new();
        for run in by_ci.chunk_by(|a, b| a.0 == b.0) {
            let item = run[0].0;
            sweep(
                run.iter().map(|&(_, b, many)| (self.bookings[b as usize].span, many)),
                &mut active,
                |(a, a_many), (b, b_many)| {
                    if !(a_many && b_many) || seen.insert((a.id.min(b.id), a.id.max(b.id))) {
                        out.push(ci_conflict(a, b, item));
                    }
                },
            );
        }
        let mut active = Vec::new();
        for run in by_agent.chunk_by(|a, b| a.0 == b.0) {
            let agent = run[0].0;
            sweep(
                run.iter().map(|&(_, b)| (self.bookings[b as usize].span, ())),
                &mut active,
                |(a, ()), (b, ())| {
                    out.push(agent_conflict(a, b, agent));
                },
            );
        }
        out
    }
}

/// `items` grouped by `key` in key order, keeping their order within a key: counted into
/// place when the keys are dense (ids given out one after another), sorted otherwise.
fn grouped<T: Copy>(mut items: Vec<T>, key: impl Fn(&T) -> i64) -> Vec<T> {
    let (Some(low), Some(high)) = (items.iter().map(&key).min(), items.iter().map(&key).max()) else {
        return items;
    };
    let width = high.abs_diff(low);
    if width > items.len() as u64 * 4 + 1024 {
        // Stable: the order within a key stays.
        items.sort_by_key(key);
        return items;
    }
    let slot = |item: &T| key(item).abs_diff(low) as usize;
    let mut starts = vec![0_usize; width as usize + 2];
    for item in &items {
        starts[slot(item) + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut out = items.clone();
    for item in &items {
        let at = &mut starts[slot(item)];
        out[*at] = *item;
        *at += 1;
    }
    out
}

/// Calls `pair` for every two of `spans` (by start, each with what the caller keeps beside it)
/// that overlap, the earlier first; `active` is room to work in.
fn sweep<T: Copy>(
    spans: impl Iterator<Item = (Span, T)>,
    active: &mut Vec<(Span, T)>,
    mut pair: impl FnMut((Span, T), (Span, T)),
) {
    active.clear();
    for span in spans {
        active.retain(|(a, _)| a.end > span.0.start);
        for &a in active.iter() {
            pair(a, span);
        }
        active.push(span);
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
