//! Tests of what only a large plan takes: finding conflicts on two cores (from
//! `TWO_CORES_FROM` releases) finds exactly what one core finds, in the same order; and the
//! bookings' start order (counted into place for whole-second starts, sorted otherwise) is a
//! stable sort by start.

use std::collections::BTreeSet;

use chrono::{Duration, NaiveDate, TimeZone as _, Utc};

use super::conflicts::find_on;
use super::index::{ScheduleIndex, TWO_CORES_FROM, start_order};
use super::{DeploymentWindow, Freeze, FreezeKind, Recurrence, Scope, TimeRange, Timing, Tz};
use crate::domain::ids::{AgentId, ConfigItemId, FreezeId, GroupId, ReleaseId, Timestamp, WindowId};
use crate::domain::release::{PlannedWindow, Priority, Release, ReleaseType, Status};

/// The same numbers for a seed, every run.
struct Numbers(u64);

impl Numbers {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

fn origin() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()
}

/// `count` releases over a year: some in the Trash, a few emergencies, one or two CIs of 300,
/// an agent of 60 or none, a group of four or none; `nanos` gives some starts a part of a second.
fn releases(count: usize, nanos: bool) -> Vec<Release> {
    let mut n = Numbers(7);
    (0..count)
        .map(|i| {
            let mut start = origin() + Duration::minutes(n.below(365 * 24 * 60) as i64);
            if nanos && n.below(3) == 0 {
                start += Duration::nanoseconds(n.below(1_000_000_000) as i64);
            }
            let end = start + Duration::minutes(15 + n.below(600) as i64);
            let kind = if n.below(10) == 0 { ReleaseType::Emergency } else { ReleaseType::Standard };
            let planned = PlannedWindow { start, end };
            let mut r =
                Release::new(ReleaseId(i as i64 + 1), "r", Status::Open, Priority::Low, kind, planned, start);
            r.assets = (0..1 + n.below(2)).map(|_| ConfigItemId(n.below(300) as i64 + 1)).collect();
            r.agent_id = (n.below(8) != 0).then(|| AgentId(n.below(60) as i64 + 1));
            r.group_id = (n.below(5) != 0).then(|| GroupId(n.below(4) as i64 + 1));
            if n.below(50) == 0 {
                r.deleted_at = Some(start);
            }
            r
        })
        .collect()
}

fn rule(rule: &str, day: u32, hour: u32, minutes: u32) -> Timing {
    let local = NaiveDate::from_ymd_opt(2026, 1, day).unwrap().and_hms_opt(hour, 0, 0).unwrap();
    Timing::Recurring { recurrence: Recurrence::new(rule, local), minutes }
}

fn schedule() -> (Vec<DeploymentWindow>, Vec<Freeze>) {
    let window = |id, scope, timing| DeploymentWindow {
        id: WindowId(id),
        name: format!("window {id}"),
        timing,
        zone: Tz::Asia__Seoul,
        scope,
    };
    let windows = vec![
        window(1, Scope::Group(GroupId(1)), rule("FREQ=WEEKLY;BYDAY=SA", 3, 22, 480)),
        window(2, Scope::All, rule("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", 5, 2, 180)),
        window(3, Scope::ReleaseType(ReleaseType::Emergency), rule("FREQ=DAILY", 1, 0, 1440)),
        window(4, Scope::ConfigItem(ConfigItemId(7)), rule("FREQ=WEEKLY;BYDAY=SU", 4, 1, 300)),
    ];
    let freeze = |id, scope, kind, timing, exempt: bool| Freeze {
        id: FreezeId(id),
        name: format!("동결 {id}"),
        timing,
        zone: Tz::Asia__Seoul,
        kind,
        scope,
        exempt: if exempt { BTreeSet::from([ReleaseType::Emergency]) } else { BTreeSet::new() },
        exempt_reason: if exempt { "긴급".into() } else { String::new() },
    };
    let month_end = "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1,-2";
    let freezes = vec![
        freeze(1, Scope::All, FreezeKind::Hard, rule(month_end, 29, 0, 1440), true),
        freeze(
            2,
            Scope::Group(GroupId(2)),
            FreezeKind::Soft,
            rule("FREQ=WEEKLY;BYDAY=FR", 2, 18, 120),
            false,
        ),
        freeze(3, Scope::ConfigItem(ConfigItemId(9)), FreezeKind::Hard, rule("FREQ=DAILY", 1, 12, 60), false),
    ];
    (windows, freezes)
}

#[test]
fn two_cores_find_what_one_core_finds_in_the_same_order() {
    let releases = releases(TWO_CORES_FROM + 5_000, false);
    let (windows, freezes) = schedule();
    for range in [
        TimeRange::new(origin(), origin() + Duration::days(400)),
        TimeRange::new(origin() + Duration::days(100), origin() + Duration::days(130)),
    ] {
        let one = find_on(&releases, &windows, &freezes, &[], range, false).to_vec();
        let two = find_on(&releases, &windows, &freezes, &[], range, true).to_vec();
        assert!(one.len() > 1_000, "a busy plan: {}", one.len());
        assert_eq!(one, two);
    }
}

#[test]
fn the_start_order_is_a_stable_sort_by_start_with_or_without_parts_of_seconds() {
    let (windows, freezes) = schedule();
    let range = TimeRange::new(origin(), origin() + Duration::days(400));
    for nanos in [false, true] {
        let releases = releases(3_000, nanos);
        let index = ScheduleIndex::build(&releases, &windows, &freezes, range);
        // The bookings come out by start, then id.
        let spans: Vec<_> = index.bookings.iter().map(|b| (b.span.start, b.span.id)).collect();
        assert!(spans.is_sorted(), "nanos: {nanos}");
        // Shuffled, each twice (ties): put back by start, ties in the order given.
        let mut n = Numbers(11);
        let mut shuffled = index.bookings.clone();
        shuffled.extend(index.bookings.iter().copied());
        for i in (1..shuffled.len()).rev() {
            shuffled.swap(i, n.below(i as u64 + 1) as usize);
        }
        let mut expected: Vec<u32> = (0..shuffled.len() as u32).collect();
        expected.sort_by_key(|&k| shuffled[k as usize].span.start);
        assert_eq!(start_order(&shuffled), expected, "nanos: {nanos}");
    }
}
