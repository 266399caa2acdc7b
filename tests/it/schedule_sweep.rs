//! The conflicts found through the interval index and its sweeps (`find_conflicts`) pinned to the
//! plain check on random plans: every pair of releases compared for a shared CI and a shared agent,
//! every release against every occurrence of every freeze that holds it, and every release against
//! the windows of each of its scopes (and the next occurrence of any of them suggested). The two must agree conflict for conflict, whatever the plan:
//! overlapping and touching bars, a CI listed twice on one release, releases in the Trash,
//! releases that reach past the range, exempt types, recurring and one-off windows and freezes.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Duration, NaiveDate, TimeZone as _, Utc};
use proptest::prelude::*;

use crate::common::plain;
use release_desk::domain::schedule::conflicts::{
    Against, Conflict, ConflictKind, ReleaseIds, Resolution, Severity,
};
use release_desk::domain::schedule::{
    DeploymentWindow, Freeze, FreezeKind, Occurrence, Recurrence, Scope, TimeRange, Timing, Tz,
    find_conflicts, occurrences,
};
use release_desk::domain::{
    AgentId, ConfigItemId, FreezeId, GroupId, PlannedWindow, Release, ReleaseType, Timestamp, WindowId,
};

/// The start of the month the random plans are laid in.
fn origin() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap()
}

/// `quarters` quarter hours after the origin.
fn q(quarters: i64) -> Timestamp {
    origin() + Duration::minutes(15 * quarters)
}

/// One random release: start and length in quarter hours, CIs (maybe one twice), agent, group,
/// whether it is an emergency, whether it is in the Trash.
type ReleaseSpec = (i64, i64, Vec<i64>, Option<i64>, Option<i64>, bool, bool);

fn release_spec() -> impl Strategy<Value = ReleaseSpec> {
    (
        0_i64..(31 * 96),
        1_i64..(3 * 96),
        proptest::collection::vec(1_i64..5, 0..3),
        proptest::option::of(1_i64..4),
        proptest::option::of(1_i64..3),
        proptest::bool::weighted(0.15),
        proptest::bool::weighted(0.05),
    )
}

fn releases_of(specs: &[ReleaseSpec]) -> Vec<Release> {
    specs
        .iter()
        .enumerate()
        .map(|(i, (start, length, cis, agent, group, emergency, deleted))| {
            let mut r = plain(i as i64 + 1, "random");
            r.planned = PlannedWindow { start: q(*start), end: q(start + length) };
            r.assets = cis.iter().map(|&c| ConfigItemId(c)).collect();
            r.agent_id = agent.map(AgentId);
            r.group_id = group.map(GroupId);
            if *emergency {
                r.release_type = ReleaseType::Emergency;
            }
            if *deleted {
                r.deleted_at = Some(q(0));
            }
            r
        })
        .collect()
}

/// A scope: 0 all, 1..=2 a group, 3 emergencies, 4..=5 a CI.
fn scope_of(code: u8) -> Scope {
    match code {
        0 => Scope::All,
        1 | 2 => Scope::Group(GroupId(i64::from(code))),
        3 => Scope::ReleaseType(ReleaseType::Emergency),
        c => Scope::ConfigItem(ConfigItemId(i64::from(c) - 3)),
    }
}

/// A timing: one-off (start, length in quarter hours) or a daily / weekly rule at an hour.
fn timing_of(recurring: u8, start: i64, length: i64) -> Timing {
    let hour = (start / 4 % 24) as u32;
    let local = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap().and_hms_opt(hour, 0, 0).unwrap();
    let minutes = (length * 15) as u32;
    match recurring {
        0 => Timing::Once { start: q(start), end: q(start + length) },
        1 => Timing::Recurring { recurrence: Recurrence::new("FREQ=DAILY", local), minutes },
        _ => Timing::Recurring { recurrence: Recurrence::new("FREQ=WEEKLY;BYDAY=SA,SU", local), minutes },
    }
}

/// (recurring, start, length, scope).
type ShadeSpec = (u8, i64, i64, u8);

fn shade_spec() -> impl Strategy<Value = ShadeSpec> {
    (0_u8..3, 0_i64..(31 * 96), 4_i64..(2 * 96), 0_u8..6)
}

fn windows_of(specs: &[ShadeSpec]) -> Vec<DeploymentWindow> {
    specs
        .iter()
        .enumerate()
        .map(|(i, &(recurring, start, length, scope))| DeploymentWindow {
            id: WindowId(i as i64 + 1),
            name: format!("window {}", i + 1),
            timing: timing_of(recurring, start, length),
            zone: Tz::Asia__Seoul,
            scope: scope_of(scope),
        })
        .collect()
}

fn freezes_of(specs: &[(ShadeSpec, bool, bool)]) -> Vec<Freeze> {
    specs
        .iter()
        .enumerate()
        .map(|(i, &((recurring, start, length, scope), soft, exempt))| Freeze {
            id: FreezeId(i as i64 + 1),
            name: format!("동결 {}", i + 1),
            timing: timing_of(recurring, start, length),
            zone: Tz::Asia__Seoul,
            kind: if soft { FreezeKind::Soft } else { FreezeKind::Hard },
            scope: scope_of(scope),
            exempt: if exempt { BTreeSet::from([ReleaseType::Emergency]) } else { BTreeSet::new() },
            exempt_reason: if exempt { "긴급".into() } else { String::new() },
        })
        .collect()
}

/// Every occurrence of `timing` anywhere near the plans (far wider than any range asked).
fn all_occurrences(timing: &Timing) -> Vec<Occurrence> {
    let wide = TimeRange::new(origin() - Duration::days(60), origin() + Duration::days(160));
    occurrences(timing, Tz::Asia__Seoul, wide)
}

/// The earlier-starting of two releases first (the lower id on a tie).
fn first_of<'a>(a: &'a Release, b: &'a Release) -> (&'a Release, &'a Release) {
    if (a.planned.start, a.id) <= (b.planned.start, b.id) { (a, b) } else { (b, a) }
}

/// Every pair of releases compared: overlapping on a CI (the lowest they share) or an agent.
fn pair_conflicts(live: &[&Release], out: &mut Vec<Conflict>) {
    for (i, a) in live.iter().enumerate() {
        for b in &live[i + 1..] {
            let (pa, pb) = (a.planned, b.planned);
            if !(pa.start < pb.end && pb.start < pa.end) {
                continue;
            }
            let (first, later) = first_of(a, b);
            let (from, to) = (pa.start.max(pb.start), pa.end.min(pb.end));
            let release_ids = ReleaseIds::pair(a.id, b.id);
            let shared = a.assets.iter().filter(|c| b.assets.contains(c)).min();
            if let Some(&item) = shared {
                out.push(Conflict {
                    kind: ConflictKind::CiOverlap,
                    release_ids,
                    against: None,
                    from,
                    to,
                    severity: Severity::Warn,
                    resolution: Resolution::Sequence {
                        first: first.id,
                        later: later.id,
                        ends: first.planned.end,
                        item,
                    },
                });
            }
            if let Some(agent) = a.agent_id.filter(|&x| b.agent_id == Some(x)) {
                out.push(Conflict {
                    kind: ConflictKind::AgentOverlap,
                    release_ids,
                    against: None,
                    from,
                    to,
                    severity: Severity::Warn,
                    resolution: Resolution::Reassign { agent, ends: first.planned.end },
                });
            }
        }
    }
}

/// Every release against every occurrence of every freeze that holds it.
fn freeze_conflicts(live: &[&Release], freezes: &[Freeze], out: &mut Vec<Conflict>) {
    for r in live {
        for f in freezes.iter().filter(|f| f.applies_to(r)) {
            for o in all_occurrences(&f.timing).iter().filter(|o| o.overlaps(r.planned.start, r.planned.end))
            {
                out.push(Conflict {
                    kind: ConflictKind::Freeze,
                    release_ids: ReleaseIds::one(r.id),
                    against: Some(Against::Freeze { id: f.id, name: f.name.as_str().into(), kind: f.kind }),
                    from: r.planned.start.max(o.start),
                    to: r.planned.end.min(o.end),
                    severity: if f.kind == FreezeKind::Hard { Severity::Block } else { Severity::Warn },
                    resolution: Resolution::AfterFreeze { ends: o.end },
                });
            }
        }
    }
}

/// Whether `occurrences` (any order) cover `start..end` without a gap.
fn covered(mut occurrences: Vec<Occurrence>, start: Timestamp, end: Timestamp) -> bool {
    occurrences.sort_by_key(|o| o.start);
    let mut reached = start;
    for o in occurrences {
        if o.start > reached {
            break;
        }
        reached = reached.max(o.end);
        if reached >= end {
            return true;
        }
    }
    false
}

/// The releases planned outside every window that applies to them (some window applies, and the
/// windows of no one scope cover the release's time), each with the next occurrence of a window
/// that applies, starting at or after the release.
fn outside_window(live: &[&Release], windows: &[DeploymentWindow]) -> BTreeMap<i64, Option<Occurrence>> {
    let mut outside = BTreeMap::new();
    for r in live {
        let mut by_scope: BTreeMap<Scope, Vec<Occurrence>> = BTreeMap::new();
        for w in windows.iter().filter(|w| w.scope.applies_to(r)) {
            by_scope.entry(w.scope).or_default().extend(all_occurrences(&w.timing));
        }
        let (start, end) = (r.planned.start, r.planned.end);
        let next = by_scope.values().flatten().filter(|o| o.start >= start).min_by_key(|o| o.start).copied();
        if !by_scope.is_empty() && !by_scope.into_values().any(|o| covered(o, start, end)) {
            outside.insert(r.id.0, next);
        }
    }
    outside
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_indexed_conflicts_are_the_plain_pairwise_ones(
        specs in proptest::collection::vec(release_spec(), 0..50),
        window_specs in proptest::collection::vec(shade_spec(), 0..3),
        freeze_specs in proptest::collection::vec((shade_spec(), any::<bool>(), any::<bool>()), 0..3),
        range_start in 0_i64..(20 * 96),
        range_days in 1_i64..20,
    ) {
        let releases = releases_of(&specs);
        let windows = windows_of(&window_specs);
        let freezes = freezes_of(&freeze_specs);
        let range = TimeRange::new(q(range_start), q(range_start) + Duration::days(range_days));
        let found = find_conflicts(&releases, &windows, &freezes, &[], range).to_vec();

        let live: Vec<&Release> = releases
            .iter()
            .filter(|r| !r.is_deleted() && range.touches(r.planned.start, r.planned.end))
            .collect();
        let mut plain_found = Vec::new();
        pair_conflicts(&live, &mut plain_found);
        freeze_conflicts(&live, &freezes, &mut plain_found);
        plain_found.retain(|c| range.touches(c.from, c.to));
        let key = |c: &Conflict| (c.from, c.kind, c.release_ids, format!("{:?}", c));
        plain_found.sort_by_key(key);
        let mut indexed: Vec<Conflict> = found
            .iter()
            .filter(|c| c.kind != ConflictKind::OutsideWindow)
            .cloned()
            .collect();
        indexed.sort_by_key(key);
        prop_assert_eq!(&indexed, &plain_found);

        let outside: BTreeMap<i64, Option<Occurrence>> = found
            .iter()
            .filter(|c| c.kind == ConflictKind::OutsideWindow)
            .map(|c| {
                let next = match c.resolution {
                    Resolution::IntoWindow { start, end, .. } => Some(Occurrence { start, end }),
                    _ => None,
                };
                (c.release_ids[0].0, next)
            })
            .collect();
        prop_assert_eq!(outside, outside_window(&live, &windows));
        let sorted = found.windows(2).all(|w| {
            (w[0].from, w[0].kind, &w[0].release_ids) <= (w[1].from, w[1].kind, &w[1].release_ids)
        });
        prop_assert!(sorted, "sorted by start, kind and releases");
    }

    /// The compact list reads the same whichever way it is read: in order, from the back, one
    /// by one, and its kinds and severities without making the conflicts.
    #[test]
    fn the_compact_list_reads_the_same_every_way(
        specs in proptest::collection::vec(release_spec(), 0..40),
        window_specs in proptest::collection::vec(shade_spec(), 0..3),
        freeze_specs in proptest::collection::vec((shade_spec(), any::<bool>(), any::<bool>()), 0..3),
        range_start in 0_i64..(20 * 96),
        range_days in 1_i64..20,
    ) {
        let releases = releases_of(&specs);
        let windows = windows_of(&window_specs);
        let freezes = freezes_of(&freeze_specs);
        let range = TimeRange::new(q(range_start), q(range_start) + Duration::days(range_days));
        let found = find_conflicts(&releases, &windows, &freezes, &[], range);
        let all = found.to_vec();
        prop_assert_eq!(all.len(), found.len());
        prop_assert_eq!(found.is_empty(), all.is_empty());
        let mut backwards: Vec<Conflict> = found.iter().rev().collect();
        backwards.reverse();
        prop_assert_eq!(&backwards, &all);
        for (i, c) in all.iter().enumerate() {
            prop_assert_eq!(found.get(i), Some(c.clone()));
            prop_assert_eq!(found.kind(i), Some(c.kind));
            prop_assert_eq!(found.severity(i), Some(c.severity));
        }
        prop_assert_eq!(found.get(all.len()), None);
        prop_assert_eq!(format!("{found:?}"), format!("{all:?}"));
    }
}
