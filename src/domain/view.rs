//! The Releases list: the nine predefined views, the custom filter, saved views and sorting.
//!
//! Everything here is a pure function of the releases and the current agent, so the window,
//! the CLI and the benchmarks all see the same list.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::directory::Directory;
use super::ids::{AgentId, GroupId, ReleaseId, SavedViewId, Timestamp};
use super::release::{Priority, Release, ReleaseType, Status};
use super::stage::Stage;

/// The nine predefined views of Freshservice's Releases list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PredefinedView {
    NewAndMyOpen,
    MyCompleted,
    Mine,
    Unassigned,
    Completed,
    Incomplete,
    Emergency,
    Trash,
    All,
}

impl PredefinedView {
    /// In the order Freshservice lists them.
    pub const ALL: [Self; 9] = [
        Self::NewAndMyOpen,
        Self::MyCompleted,
        Self::Mine,
        Self::Unassigned,
        Self::Completed,
        Self::Incomplete,
        Self::Emergency,
        Self::Trash,
        Self::All,
    ];

    /// The name used on the command line (`--view emergency`).
    pub fn slug(self) -> &'static str {
        match self {
            Self::NewAndMyOpen => "new-and-my-open",
            Self::MyCompleted => "my-completed",
            Self::Mine => "mine",
            Self::Unassigned => "unassigned",
            Self::Completed => "completed",
            Self::Incomplete => "incomplete",
            Self::Emergency => "emergency",
            Self::Trash => "trash",
            Self::All => "all",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.slug() == slug)
    }

    /// The English name, as Freshservice shows it.
    pub fn label(self) -> &'static str {
        match self {
            Self::NewAndMyOpen => "New and Your Open Releases",
            Self::MyCompleted => "Your Completed Releases",
            Self::Mine => "Your Releases",
            Self::Unassigned => "Unassigned Releases",
            Self::Completed => "Completed Releases",
            Self::Incomplete => "Incomplete Releases",
            Self::Emergency => "Emergency Releases",
            Self::Trash => "Trash",
            Self::All => "All Releases",
        }
    }

    /// Whether `release` belongs in this view for the agent `me` (`None`: nobody is signed in,
    /// so the "your" views are empty).
    pub fn matches(self, release: &Release, me: Option<AgentId>) -> bool {
        if self == Self::Trash {
            return release.is_deleted();
        }
        if release.is_deleted() {
            return false;
        }
        let mine = me.is_some() && release.agent_id == me;
        let completed = release.status == Status::Completed;
        match self {
            Self::NewAndMyOpen => {
                (mine && !completed) || (release.agent_id.is_none() && release.status == Status::Open)
            }
            Self::MyCompleted => mine && completed,
            Self::Mine => mine,
            Self::Unassigned => release.agent_id.is_none(),
            Self::Completed => completed,
            Self::Incomplete => release.status == Status::Incomplete,
            Self::Emergency => release.release_type == ReleaseType::Emergency,
            Self::All => true,
            Self::Trash => unreachable_trash(),
        }
    }
}

/// Trash is answered before the match; this keeps the match exhaustive without a panic.
fn unreachable_trash() -> bool {
    false
}

/// Who a release is assigned to, for the custom filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgentFilter {
    Unassigned,
    Agent(AgentId),
}

/// A custom filter that narrows any view. Empty sets and `None` mean "any".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReleaseFilter {
    pub statuses: BTreeSet<Status>,
    pub priorities: BTreeSet<Priority>,
    pub types: BTreeSet<ReleaseType>,
    pub stages: BTreeSet<Stage>,
    pub agent: Option<AgentFilter>,
    pub group: Option<GroupId>,
    /// Keep releases whose planned window overlaps `[planned_from, planned_to]`.
    pub planned_from: Option<Timestamp>,
    pub planned_to: Option<Timestamp>,
    /// Free text over id (`12` or `#12`), subject and description, ignoring case.
    pub text: String,
}

impl ReleaseFilter {
    /// True when the filter keeps everything.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    pub fn matches(&self, release: &Release, needle: &Needle) -> bool {
        (self.statuses.is_empty() || self.statuses.contains(&release.status))
            && (self.priorities.is_empty() || self.priorities.contains(&release.priority))
            && (self.types.is_empty() || self.types.contains(&release.release_type))
            && (self.stages.is_empty() || self.stages.contains(&release.stage))
            && match self.agent {
                None => true,
                Some(AgentFilter::Unassigned) => release.agent_id.is_none(),
                Some(AgentFilter::Agent(id)) => release.agent_id == Some(id),
            }
            && self.group.is_none_or(|g| release.group_id == Some(g))
            && self.planned_from.is_none_or(|from| release.planned.end >= from)
            && self.planned_to.is_none_or(|to| release.planned.start <= to)
            && needle.matches(release)
    }
}

/// A prepared free-text search term.
#[derive(Clone, Debug)]
pub struct Needle {
    lowered: String,
    id: Option<ReleaseId>,
}

impl Needle {
    pub fn new(text: &str) -> Self {
        let trimmed = text.trim();
        let id = trimmed.strip_prefix('#').unwrap_or(trimmed).parse::<i64>().ok().map(ReleaseId);
        Self { lowered: trimmed.to_lowercase(), id }
    }

    pub fn is_empty(&self) -> bool {
        self.lowered.is_empty()
    }

    /// The term, trimmed and lower-cased.
    pub fn lowered(&self) -> &str {
        &self.lowered
    }

    /// The release id the term names (`12` or `#12`), if it is one.
    pub fn id(&self) -> Option<ReleaseId> {
        self.id
    }

    pub fn matches(&self, release: &Release) -> bool {
        self.is_empty()
            || self.id == Some(release.id)
            || contains_ignore_case(&release.subject, &self.lowered)
            || contains_ignore_case(&release.description, &self.lowered)
    }
}

/// Case-insensitive substring test; `needle` must already be lower case.
/// ASCII needles are compared without allocating (ASCII bytes never occur inside a UTF-8
/// multi-byte sequence, so a byte-wise match is a character match).
fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    if needle.is_ascii() {
        let (hay, needle) = (haystack.as_bytes(), needle.as_bytes());
        let Some((&first, rest)) = needle.split_first() else { return true };
        if hay.len() < needle.len() {
            return false;
        }
        // Find the first byte in either case with SIMD (memchr), then compare the rest: this runs
        // over 100,000 subjects and descriptions on every keystroke.
        let last_start = hay.len() - needle.len();
        memchr::memchr2_iter(first, first.to_ascii_uppercase(), &hay[..=last_start])
            .any(|i| hay[i + 1..i + needle.len()].eq_ignore_ascii_case(rest))
    } else if haystack.contains(needle) {
        true
    } else {
        haystack.to_lowercase().contains(needle)
    }
}

/// The columns a release list can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SortKey {
    Id,
    Subject,
    Status,
    Priority,
    Type,
    PlannedStart,
    PlannedEnd,
    Agent,
    Group,
    Created,
    Updated,
    Stage,
}

impl SortKey {
    pub const ALL: [Self; 12] = [
        Self::Id,
        Self::Subject,
        Self::Status,
        Self::Priority,
        Self::Type,
        Self::PlannedStart,
        Self::PlannedEnd,
        Self::Agent,
        Self::Group,
        Self::Created,
        Self::Updated,
        Self::Stage,
    ];

    /// The name used on the command line (`--sort planned-start`).
    pub fn slug(self) -> &'static str {
        match self {
            Self::Id => "id",
            Self::Subject => "subject",
            Self::Status => "status",
            Self::Priority => "priority",
            Self::Type => "type",
            Self::PlannedStart => "planned-start",
            Self::PlannedEnd => "planned-end",
            Self::Agent => "agent",
            Self::Group => "group",
            Self::Created => "created",
            Self::Updated => "updated",
            Self::Stage => "stage",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.slug() == slug)
    }
}

/// A sort column and direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SortSpec {
    pub key: SortKey,
    pub descending: bool,
}

impl Default for SortSpec {
    /// Newest first, as Freshservice opens the list.
    fn default() -> Self {
        Self { key: SortKey::Created, descending: true }
    }
}

impl SortSpec {
    /// What a click on `key`'s column header does: the same key flips, another starts ascending.
    pub fn clicked(self, key: SortKey) -> Self {
        if self.key == key {
            Self { key, descending: !self.descending }
        } else {
            Self { key, descending: false }
        }
    }
}

/// Sorts `rows` (indices into `releases`) by `spec`. Releases that compare equal are ordered by
/// id, in the sort's direction, so the order never depends on how the rows came in.
pub fn sort_rows(rows: &mut [usize], releases: &[Release], spec: SortSpec, directory: &Directory) {
    let descending = spec.descending;
    match spec.key {
        // Lower-case each subject once rather than in every comparison.
        SortKey::Subject => sort_by_key(rows, releases, descending, |r| r.subject.to_lowercase()),
        SortKey::Agent => {
            let rank = name_ranks(directory.agents.iter().map(|a| (a.id, a.name.as_str())));
            sort_by_key(rows, releases, descending, |r| {
                r.agent_id.and_then(|id| rank.get(&id).copied()).unwrap_or(usize::MAX)
            });
        }
        SortKey::Group => {
            let rank = name_ranks(directory.groups.iter().map(|g| (g.id, g.name.as_str())));
            sort_by_key(rows, releases, descending, |r| {
                r.group_id.and_then(|id| rank.get(&id).copied()).unwrap_or(usize::MAX)
            });
        }
        SortKey::Id => sort_by_key(rows, releases, descending, |_| ()),
        SortKey::Status => sort_by_key(rows, releases, descending, |r| r.status),
        SortKey::Priority => sort_by_key(rows, releases, descending, |r| r.priority),
        SortKey::Type => sort_by_key(rows, releases, descending, |r| r.release_type),
        SortKey::PlannedStart => sort_by_key(rows, releases, descending, |r| r.planned.start),
        SortKey::PlannedEnd => sort_by_key(rows, releases, descending, |r| r.planned.end),
        SortKey::Created => sort_by_key(rows, releases, descending, |r| r.created_at),
        SortKey::Updated => sort_by_key(rows, releases, descending, |r| r.updated_at),
        SortKey::Stage => sort_by_key(rows, releases, descending, |r| r.stage),
    }
}

/// Sorts `rows` by `key`, then id (both in the direction asked), then where a row came in (so
/// the result is what a stable sort gives). Each key is read once, next to its row, so the sort
/// compares a small array in place rather than reaching into every release on each comparison.
fn sort_by_key<K: Ord>(
    rows: &mut [usize],
    releases: &[Release],
    descending: bool,
    key: impl Fn(&Release) -> K,
) {
    let mut keyed: Vec<(K, ReleaseId, usize)> =
        rows.iter().enumerate().map(|(at, &i)| (key(&releases[i]), releases[i].id, at)).collect();
    keyed.sort_unstable_by(|a, b| {
        let order = a.0.cmp(&b.0).then(a.1.cmp(&b.1));
        if descending { order.reverse() } else { order }.then(a.2.cmp(&b.2))
    });
    let order: Vec<usize> = keyed.iter().map(|k| rows[k.2]).collect();
    rows.copy_from_slice(&order);
}

/// Each id's place when the names are sorted ignoring case (equal names share a place), so a
/// sort compares two numbers instead of two strings. Unassigned sorts after every name.
fn name_ranks<'a, Id: std::hash::Hash + Eq + Copy>(
    names: impl Iterator<Item = (Id, &'a str)>,
) -> HashMap<Id, usize> {
    let mut sorted: Vec<(String, Id)> = names.map(|(id, name)| (name.to_lowercase(), id)).collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut ranks = HashMap::new();
    let mut place = 0;
    for (i, (name, id)) in sorted.iter().enumerate() {
        if i > 0 && sorted[i - 1].0 != *name {
            place = i;
        }
        ranks.insert(*id, place);
    }
    ranks
}

/// Which list the user is looking at: one of the nine, or a saved view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ViewRef {
    Predefined(PredefinedView),
    Saved(SavedViewId),
}

/// A custom view the user saved: a base view, a filter and a sort, under a name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedView {
    pub id: SavedViewId,
    pub name: String,
    pub base: PredefinedView,
    pub filter: ReleaseFilter,
    pub sort: SortSpec,
}

/// The rows of `view` narrowed by `filter` and sorted by `sort`, as indices into `releases`.
pub fn query(
    releases: &[Release],
    view: PredefinedView,
    me: Option<AgentId>,
    filter: &ReleaseFilter,
    sort: SortSpec,
    directory: &Directory,
) -> Vec<usize> {
    let needle = Needle::new(&filter.text);
    let mut rows: Vec<usize> = releases
        .iter()
        .enumerate()
        .filter(|(_, r)| view.matches(r, me) && filter.matches(r, &needle))
        .map(|(i, _)| i)
        .collect();
    sort_rows(&mut rows, releases, sort, directory);
    rows
}

/// How many releases each predefined view holds (before the custom filter), in `PredefinedView::ALL` order.
pub fn view_counts(releases: &[Release], me: Option<AgentId>) -> [usize; 9] {
    let mut counts = [0; 9];
    for release in releases {
        for (count, view) in counts.iter_mut().zip(PredefinedView::ALL) {
            if view.matches(release, me) {
                *count += 1;
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignore_case_search() {
        assert!(contains_ignore_case("ERP Upgrade", "upgr"));
        assert!(contains_ignore_case("ERP 업그레이드 1차", "업그레이드"));
        assert!(!contains_ignore_case("ERP", "erpx"));
        assert!(contains_ignore_case("Ünïcode Straße", "straße"));
        assert!(contains_ignore_case("ÜNÏCODE", "ünï"));
    }

    #[test]
    fn header_click_cycles() {
        let s = SortSpec { key: SortKey::Id, descending: false };
        assert_eq!(s.clicked(SortKey::Id), SortSpec { key: SortKey::Id, descending: true });
        assert_eq!(s.clicked(SortKey::Priority), SortSpec { key: SortKey::Priority, descending: false });
    }

    #[test]
    fn slugs_round_trip() {
        for v in PredefinedView::ALL {
            assert_eq!(PredefinedView::from_slug(v.slug()), Some(v));
        }
        for k in SortKey::ALL {
            assert_eq!(SortKey::from_slug(k.slug()), Some(k));
        }
    }
}
