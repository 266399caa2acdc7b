//! The interval index conflicts are found through: every window and freeze expanded once over a
//! range and grouped by scope (a scope's windows merged into one sorted union), and the releases
//! of the range as spans sorted by start, per CI and per agent. A release is checked against the
//! scopes it belongs to by binary search; overlaps are found by one sweep per CI and agent, so
//! the work grows with the releases and the overlaps found, never with pairs of releases.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::Arc;

use chrono::Duration;

use super::conflicts::{Against, Conflict, ConflictKind, LOOKAHEAD_DAYS, Resolution, Severity, TimeRange};
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
    occurrences: Vec<Occurrence>,
}

/// The windows of one scope, the union of their occurrences (merged where they touch), and
/// every occurrence of them by start with its window (the one named first on a tie), where the
/// next window after a time is one binary search away.
#[derive(Default)]
struct ScopeWindows {
    members: Vec<usize>,
    union: Vec<Occurrence>,
    next: Vec<(Occurrence, usize)>,
}

struct FreezeEntry {
    id: FreezeId,
    name: Arc<str>,
    kind: FreezeKind,
    exempt: BTreeSet<ReleaseType>,
    occurrences: Vec<Occurrence>,
    /// The longest occurrence: how far back a search for overlaps must look.
    longest: Duration,
}

/// Windows, freezes and releases of a range, indexed for conflict queries.
pub struct ScheduleIndex {
    windows: Vec<WindowEntry>,
    windows_by_scope: BTreeMap<Scope, ScopeWindows>,
    freezes: Vec<FreezeEntry>,
    freezes_by_scope: BTreeMap<Scope, Vec<usize>>,
    by_ci: BTreeMap<ConfigItemId, Vec<Span>>,
    by_agent: BTreeMap<AgentId, Vec<Span>>,
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
        let expansion =
            range.widened(Duration::minutes(i64::from(DURATION_MAX_MINUTES)), Duration::days(LOOKAHEAD_DAYS));
        let mut windows_by_scope: BTreeMap<Scope, ScopeWindows> = BTreeMap::new();
        let windows: Vec<WindowEntry> = windows
            .iter()
            .enumerate()
            .map(|(i, w)| {
                windows_by_scope.entry(w.scope).or_default().members.push(i);
                WindowEntry {
                    id: w.id,
                    name: Arc::from(w.name.as_str()),
                    occurrences: occurrences(&w.timing, w.zone, expansion),
                }
            })
            .collect();
        for scope in windows_by_scope.values_mut() {
            scope.union = union(scope.members.iter().flat_map(|&i| windows[i].occurrences.iter().copied()));
            scope.next = scope
                .members
                .iter()
                .flat_map(|&i| windows[i].occurrences.iter().map(move |&o| (o, i)))
                .collect();
            // Stable: on the same start, the window named first stays first.
            scope.next.sort_by_key(|(o, _)| o.start);
        }
        let mut freezes_by_scope: BTreeMap<Scope, Vec<usize>> = BTreeMap::new();
        let freezes: Vec<FreezeEntry> = freezes
            .iter()
            .enumerate()
            .map(|(i, f)| {
                freezes_by_scope.entry(f.scope).or_default().push(i);
                let occurrences = occurrences(&f.timing, f.zone, expansion);
                let longest = occurrences.iter().map(|o| o.end - o.start).max().unwrap_or_default();
                FreezeEntry {
                    id: f.id,
                    name: Arc::from(f.name.as_str()),
                    kind: f.kind,
                    exempt: f.exempt.clone(),
                    occurrences,
                    longest,
                }
            })
            .collect();
        let mut by_ci: BTreeMap<ConfigItemId, Vec<Span>> = BTreeMap::new();
        let mut by_agent: BTreeMap<AgentId, Vec<Span>> = BTreeMap::new();
        for r in releases.iter().filter(|r| !r.is_deleted() && range.touches(r.planned.start, r.planned.end))
        {
            let span = Span { start: r.planned.start, end: r.planned.end, id: r.id };
            // A CI listed twice on one release is one link: never a pair of the release with itself.
            for (k, item) in r.assets.iter().enumerate() {
                if !r.assets[..k].contains(item) {
                    by_ci.entry(*item).or_default().push(span);
                }
            }
            if let Some(agent) = r.agent_id {
                by_agent.entry(agent).or_default().push(span);
            }
        }
        for spans in by_ci.values_mut().chain(by_agent.values_mut()) {
            spans.sort_unstable_by_key(|s| (s.start, s.id));
        }
        Self { windows, windows_by_scope, freezes, freezes_by_scope, by_ci, by_agent }
    }

    /// The freeze and outside-window conflicts of one release, pushed onto `out` (`scopes` is
    /// room to work in, reused from release to release).
    pub(super) fn window_and_freeze_conflicts(
        &self,
        release: &Release,
        scopes: &mut Vec<Scope>,
        out: &mut Vec<Conflict>,
    ) {
        let (start, end) = (release.planned.start, release.planned.end);
        scopes_of(release, scopes);
        let scopes = &scopes[..];
        let mut applies = false;
        let mut inside = false;
        for scope in scopes {
            if let Some(windows) = self.windows_by_scope.get(scope) {
                applies = true;
                if union_contains(&windows.union, start, end) {
                    inside = true;
                    break;
                }
            }
        }
        if applies && !inside {
            out.push(self.outside_window(release, scopes));
        }
        for scope in scopes {
            for &i in self.freezes_by_scope.get(scope).map_or(&[][..], Vec::as_slice) {
                let freeze = &self.freezes[i];
                if freeze.exempt.contains(&release.release_type) {
                    continue;
                }
                for occurrence in overlapping(&freeze.occurrences, freeze.longest, start, end) {
                    out.push(Conflict {
                        kind: ConflictKind::Freeze,
                        release_ids: vec![release.id],
                        against: Some(Against::Freeze {
                            id: freeze.id,
                            name: freeze.name.clone(),
                            kind: freeze.kind,
                        }),
                        from: start.max(occurrence.start),
                        to: end.min(occurrence.end),
                        severity: match freeze.kind {
                            FreezeKind::Hard => Severity::Block,
                            FreezeKind::Soft => Severity::Warn,
                        },
                        resolution: Resolution::AfterFreeze { ends: occurrence.end },
                    });
                }
            }
        }
    }

    /// The conflict of a release outside every window that applies, with the next occurrence of
    /// one: every occurrence of a window lasts as long as the others (its rule's duration, or its
    /// one period), so the next one is the one to suggest whether or not it is long enough.
    fn outside_window(&self, release: &Release, scopes: &[Scope]) -> Conflict {
        let (start, end) = (release.planned.start, release.planned.end);
        let mut best: Option<(Occurrence, usize)> = None;
        for scope in scopes {
            let Some(windows) = self.windows_by_scope.get(scope) else { continue };
            let from = windows.next.partition_point(|(o, _)| o.start < start);
            if let Some(&(o, i)) = windows.next.get(from)
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
            release_ids: vec![release.id],
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
        for (item, spans) in &self.by_ci {
            sweep(spans, |a, b| {
                if seen.insert((a.id.min(b.id), a.id.max(b.id))) {
                    out.push(ci_conflict(a, b, *item));
                }
            });
        }
        for (agent, spans) in &self.by_agent {
            sweep(spans, |a, b| out.push(agent_conflict(a, b, *agent)));
        }
    }
}

/// The scopes a release belongs to, into `scopes`: all, its group, its type, each of its CIs.
fn scopes_of(release: &Release, scopes: &mut Vec<Scope>) {
    scopes.clear();
    scopes.extend([Scope::All, Scope::ReleaseType(release.release_type)]);
    scopes.extend(release.group_id.map(Scope::Group));
    for item in &release.assets {
        let scope = Scope::ConfigItem(*item);
        if !scopes.contains(&scope) {
            scopes.push(scope);
        }
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

/// Whether one period of a merged union holds `start..end`.
fn union_contains(union: &[Occurrence], start: Timestamp, end: Timestamp) -> bool {
    let i = union.partition_point(|o| o.start <= start);
    i > 0 && union[i - 1].contains(start, end)
}

/// The occurrences (sorted by start, none longer than `longest`) that overlap `start..end`.
fn overlapping(
    occurrences: &[Occurrence],
    longest: Duration,
    start: Timestamp,
    end: Timestamp,
) -> impl Iterator<Item = &Occurrence> {
    let from = occurrences.partition_point(|o| o.start < start - longest);
    occurrences[from..].iter().take_while(move |o| o.start < end).filter(move |o| o.overlaps(start, end))
}

/// Calls `pair` for every two spans (sorted by start) that overlap, the earlier first.
fn sweep(spans: &[Span], mut pair: impl FnMut(Span, Span)) {
    let mut active: Vec<Span> = Vec::new();
    for &span in spans {
        active.retain(|a| a.end > span.start);
        for &a in &active {
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

fn pair_ids(a: Span, b: Span) -> Vec<ReleaseId> {
    vec![a.id.min(b.id), a.id.max(b.id)]
}

/// Two overlapping releases on the same CI.
pub(super) fn ci_conflict(a: Span, b: Span, item: ConfigItemId) -> Conflict {
    let (first, later, from, to) = ordered(a, b);
    Conflict {
        kind: ConflictKind::CiOverlap,
        release_ids: pair_ids(a, b),
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
        release_ids: pair_ids(a, b),
        against: None,
        from,
        to,
        severity: Severity::Warn,
        resolution: Resolution::Reassign { agent, ends: first.end },
    }
}
