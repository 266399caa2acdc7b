//! Conflicts of a plan: a release planned inside a freeze that holds it, outside every window
//! that applies to it, overlapping another release on the same CI or with the same agent, or that
//! entered Deploy before its planned start or after its planned end. [`find_conflicts`] finds
//! them all in a range through an interval index (never release against release), kept compact
//! (`found.rs`);
//! [`draft_conflicts`] finds those of one release as it would be (a draft, a bar being dragged)
//! in one pass over the others. Words-free: each conflict names its kind, releases, window or
//! freeze, period, severity and a typed [`Resolution`]; `i18n` says them.

use std::sync::Arc;

use chrono::Duration;

use super::found::{Conflicts, Row};
use super::index::{ScheduleIndex, Span, TWO_CORES_FROM, on_two_cores};
use super::{DeploymentWindow, Freeze, FreezeKind};
use crate::domain::ids::{AgentId, ConfigItemId, FreezeId, ReleaseId, Timestamp, WindowId};
use crate::domain::release::Release;
use crate::domain::stage::{Stage, StageEntry};

/// A period of time, `from` inclusive, `to` exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimeRange {
    pub from: Timestamp,
    pub to: Timestamp,
}

impl TimeRange {
    pub fn new(from: Timestamp, to: Timestamp) -> Self {
        Self { from, to }
    }

    /// Whether `start..end` shares time with the range (an instant counts when inside it).
    pub fn touches(&self, start: Timestamp, end: Timestamp) -> bool {
        start < self.to && (end > self.from || (start == end && start >= self.from))
    }

    /// The range widened by `before` and `after`.
    pub fn widened(&self, before: Duration, after: Duration) -> Self {
        Self { from: self.from - before, to: self.to + after }
    }
}

/// What kind of conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ConflictKind {
    /// Planned inside a freeze that holds the release.
    Freeze,
    /// Planned outside every window that applies to the release.
    OutsideWindow,
    /// Two releases whose planned windows overlap share a configuration item.
    CiOverlap,
    /// One agent owns two releases whose planned windows overlap.
    AgentOverlap,
    /// The release entered Deploy before its planned start.
    DeployEarly,
    /// The release entered Deploy after its planned end.
    DeployLate,
}

impl ConflictKind {
    pub const ALL: [Self; 6] = [
        Self::Freeze,
        Self::OutsideWindow,
        Self::CiOverlap,
        Self::AgentOverlap,
        Self::DeployEarly,
        Self::DeployLate,
    ];

    /// The JSON name.
    pub fn code(self) -> &'static str {
        match self {
            Self::Freeze => "freeze",
            Self::OutsideWindow => "outside_window",
            Self::CiOverlap => "ci_overlap",
            Self::AgentOverlap => "agent_overlap",
            Self::DeployEarly => "deploy_early",
            Self::DeployLate => "deploy_late",
        }
    }
}

/// How serious a conflict is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Deploy is refused without a written override (a hard freeze).
    Block,
    /// A warning.
    Warn,
}

impl Severity {
    /// The JSON name.
    pub fn code(self) -> &'static str {
        match self {
            Self::Block => "block",
            Self::Warn => "warn",
        }
    }
}

/// The window or freeze a conflict is about, with its name as it is now (shared: a busy plan
/// has tens of thousands of conflicts naming the same few windows and freezes).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Against {
    Window { id: WindowId, name: Arc<str> },
    Freeze { id: FreezeId, name: Arc<str>, kind: FreezeKind },
}

impl Against {
    pub fn name(&self) -> &str {
        match self {
            Self::Window { name, .. } | Self::Freeze { name, .. } => name,
        }
    }
}

/// How a conflict can be resolved.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Resolution {
    /// Move the release to start after the freeze, which ends at `ends` (or, for a hard freeze,
    /// override at Deploy with a written reason).
    AfterFreeze { ends: Timestamp },
    /// Move the release into the next occurrence of a window that applies to it.
    IntoWindow { window: Arc<str>, start: Timestamp, end: Timestamp },
    /// No window that applies to the release happens in the next weeks: add one or widen its scope.
    NoWindowAhead,
    /// Move `later` to after `first` ends, at `ends` (they share the CI `item`).
    Sequence { first: ReleaseId, later: ReleaseId, ends: Timestamp, item: ConfigItemId },
    /// Give one of the releases to another agent, or move it after `ends`.
    Reassign { agent: AgentId, ends: Timestamp },
    /// Record why in the release, or correct its planned window to when it was deployed.
    Replan { deployed: Timestamp },
}

/// The one or two releases of a conflict, in id order, kept inline (a busy plan has a hundred
/// thousand conflicts: none of them allocates, and each stays within two cache lines). One
/// release is kept as itself twice: the two of a pair are always two different releases.
/// Reads as a slice.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReleaseIds([ReleaseId; 2]);

impl ReleaseIds {
    /// One release.
    pub fn one(id: ReleaseId) -> Self {
        Self([id, id])
    }

    /// Two different releases, put in id order.
    pub fn pair(a: ReleaseId, b: ReleaseId) -> Self {
        debug_assert_ne!(a, b, "a conflict of a release with itself");
        Self([a.min(b), a.max(b)])
    }

    pub fn as_slice(&self) -> &[ReleaseId] {
        if self.0[0] == self.0[1] { &self.0[..1] } else { &self.0 }
    }
}

impl std::ops::Deref for ReleaseIds {
    type Target = [ReleaseId];

    fn deref(&self) -> &[ReleaseId] {
        self.as_slice()
    }
}

impl<'a> IntoIterator for &'a ReleaseIds {
    type Item = &'a ReleaseId;
    type IntoIter = std::slice::Iter<'a, ReleaseId>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl PartialOrd for ReleaseIds {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ReleaseIds {
    /// As the slices compare.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_slice().cmp(other.as_slice())
    }
}

impl std::fmt::Debug for ReleaseIds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

/// One conflict of the plan.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Conflict {
    pub kind: ConflictKind,
    /// The releases involved, in id order.
    pub release_ids: ReleaseIds,
    pub against: Option<Against>,
    /// When the conflict is: the overlap, or the release's window, or between plan and deploy.
    pub from: Timestamp,
    pub to: Timestamp,
    pub severity: Severity,
    pub resolution: Resolution,
}

impl Conflict {
    pub fn involves(&self, id: ReleaseId) -> bool {
        self.release_ids.contains(&id)
    }
}

/// How far past the range windows are expanded to suggest the next one.
pub const LOOKAHEAD_DAYS: i64 = 62;

/// Every conflict that touches `range`, sorted by start, kind and releases (ties in the order
/// found). `releases` must be in id order (as the model keeps them); deleted releases are left
/// out. Windows and freezes are expanded once over the range; the releases, in start order, are
/// checked against the windows and freezes of their scopes through cursors that only move on;
/// overlaps on a CI or an agent are found by one sweep per CI and agent. The conflicts are kept
/// compact and made as they are read ([`Conflicts`]).
pub fn find_conflicts(
    releases: &[Release],
    windows: &[DeploymentWindow],
    freezes: &[Freeze],
    history: &[StageEntry],
    range: TimeRange,
) -> Conflicts {
    find_on(releases, windows, freezes, history, range, releases.len() >= TWO_CORES_FROM)
}

/// As [`find_conflicts`], on two cores when `split` says so: the windows' and freezes' expansion
/// beside the reading of the releases, then the overlaps beside the windows and freezes.
pub(super) fn find_on(
    releases: &[Release],
    windows: &[DeploymentWindow],
    freezes: &[Freeze],
    history: &[StageEntry],
    range: TimeRange,
    split: bool,
) -> Conflicts {
    let index = ScheduleIndex::build_on(releases, windows, freezes, range, split);
    let mut outside = Vec::with_capacity(index.bookings.len());
    let mut rest = Vec::with_capacity(index.bookings.len() / 2);
    let (mut whole, ()) = on_two_cores(
        split,
        || index.overlap_conflicts(),
        || index.release_conflicts(&mut outside, &mut rest),
    );
    deploy_conflicts(releases, history, &mut whole);
    rest.extend((0..whole.len()).map(|i| Row::Whole(i as u32)));
    // Each release outside its windows is in its own range: those are in order already.
    Conflicts::sorted(index, outside, &rest, whole, range)
}

/// The conflicts `draft` would have if it were planned as it is: against the windows and freezes
/// and the other releases (the one with the draft's id is left out: a draft of an existing
/// release replaces it). One pass over `releases`; its stage history gives the Deploy kinds.
pub fn draft_conflicts(
    draft: &Release,
    releases: &[Release],
    windows: &[DeploymentWindow],
    freezes: &[Freeze],
    history: &[StageEntry],
) -> Vec<Conflict> {
    let range = TimeRange::new(draft.planned.start, draft.planned.end);
    let mut index = ScheduleIndex::build(&[], windows, freezes, range);
    let mut out = index.conflicts_of(draft);
    let mine = Span { start: draft.planned.start, end: draft.planned.end, id: draft.id };
    for other in releases.iter().filter(|r| r.id != draft.id && !r.is_deleted()) {
        let theirs = Span { start: other.planned.start, end: other.planned.end, id: other.id };
        if !(theirs.start < mine.end && mine.start < theirs.end) {
            continue;
        }
        // The lowest CI they share, as `find_conflicts` names it.
        if let Some(item) = draft.assets.iter().filter(|c| other.assets.contains(c)).min() {
            out.push(super::overlaps::ci_conflict(mine, theirs, *item));
        }
        if let Some(agent) = draft.agent_id.filter(|a| other.agent_id == Some(*a)) {
            out.push(super::overlaps::agent_conflict(mine, theirs, agent));
        }
    }
    let own: Vec<StageEntry> = history.iter().filter(|e| e.release_id == draft.id).cloned().collect();
    deploy_conflicts(std::slice::from_ref(draft), &own, &mut out);
    // Stable: ties stay in the order found, as `find_conflicts` keeps them.
    out.sort_by_key(|c| (c.from, c.kind, c.release_ids));
    out
}

/// Deploy entered before the planned start or after the planned end.
fn deploy_conflicts(releases: &[Release], history: &[StageEntry], out: &mut Vec<Conflict>) {
    for entry in history.iter().filter(|e| e.stage == Stage::Deploy) {
        let Ok(i) = releases.binary_search_by_key(&entry.release_id, |r| r.id) else { continue };
        let release = &releases[i];
        if release.is_deleted() {
            continue;
        }
        let at = entry.entered_at;
        let (kind, from, to) = if at < release.planned.start {
            (ConflictKind::DeployEarly, at, release.planned.start)
        } else if at > release.planned.end {
            (ConflictKind::DeployLate, release.planned.end, at)
        } else {
            continue;
        };
        out.push(Conflict {
            kind,
            release_ids: ReleaseIds::one(release.id),
            against: None,
            from,
            to,
            severity: Severity::Warn,
            resolution: Resolution::Replan { deployed: at },
        });
    }
}
