//! The synthetic data set of `demo --releases N` and the benchmarks: releases made one at a time
//! from a seed (so a million of them never sit in memory twice), each with an activity log of a
//! chosen length. Deterministic for a seed and an anchor time.

use chrono::Duration;

use super::history::{DESCRIPTIONS, HISTORY};
use super::{AGENTS, DEPARTMENTS, SampleRng};
use crate::domain::{
    Activity, ActivityId, ActivityKind, AgentId, DepartmentId, Field, FieldChange, GroupId, Outcome,
    PlannedWindow, Priority, Release, ReleaseId, ReleaseType, Stage, Status, Timestamp, Value,
};

/// Generated releases, ids from 1, in id order (an endless iterator: `take` what you need).
#[derive(Clone, Debug)]
pub struct Synthetic {
    rng: SampleRng,
    now: Timestamp,
    index: usize,
}

impl Synthetic {
    pub fn new(seed: u64, now: Timestamp) -> Self {
        Self { rng: SampleRng::new(seed), now, index: 0 }
    }
}

impl Iterator for Synthetic {
    type Item = Release;

    fn next(&mut self) -> Option<Release> {
        let (i, now, rng) = (self.index, self.now, &mut self.rng);
        self.index += 1;
        let (subject, release_type, group) = HISTORY[i % HISTORY.len()];
        let start = now + Duration::minutes(rng.range(-525_600, 172_800));
        let end = start + Duration::minutes(rng.range(30, 600));
        let created_at = start - Duration::days(rng.range(1, 30));
        let status = *rng.pick(Status::ALL);
        // Drawn in this order so a seed gives the same releases as it always did.
        let description = *rng.pick(DESCRIPTIONS);
        let priority = *rng.pick(Priority::ALL);
        let release_type = if rng.chance(7) { ReleaseType::Emergency } else { release_type };
        let planned = PlannedWindow { start, end };
        let completed = status == Status::Completed;
        Some(Release {
            description: description.to_owned(),
            work_start: (status != Status::Open).then_some(start),
            work_end: completed.then_some(end),
            agent_id: (!rng.chance(10)).then(|| AgentId(rng.range(1, AGENTS.len() as i64))),
            group_id: Some(GroupId(group as i64 + 1)),
            department_id: Some(DepartmentId(rng.range(1, DEPARTMENTS.len() as i64))),
            stage: if completed { Stage::Complete } else { Stage::Plan },
            outcome: completed.then(|| if rng.chance(4) { Outcome::Failed } else { Outcome::Successful }),
            closed_at: completed.then_some(end),
            rollback_count: u32::from(completed && rng.chance(4)),
            downtime_minutes: if completed { rng.range(0, 30) as u32 } else { 0 },
            deleted_at: rng.chance(2).then_some(created_at),
            ..Release::new(
                ReleaseId(i as i64 + 1),
                format!("{subject} #{i}"),
                status,
                priority,
                release_type,
                planned,
                created_at,
            )
        })
    }
}

/// `count` activity rows of `release`: "created" (with the subject) first, then field changes
/// (status, priority, planned end, description) an hour apart, as the release page shows them.
/// Ids are given by the file.
pub fn activities(release: &Release, count: usize) -> Vec<Activity> {
    (0..count)
        .map(|n| {
            let (kind, change) = if n == 0 {
                (
                    ActivityKind::Created,
                    FieldChange::added(Field::Subject, Value::text(release.subject.clone())),
                )
            } else {
                (ActivityKind::Field, change(release, n))
            };
            Activity {
                id: ActivityId(0),
                release_id: Some(release.id),
                actor: release.agent_id,
                at: release.created_at + Duration::hours(n as i64),
                kind,
                changes: vec![change],
            }
        })
        .collect()
}

/// The `n`th change of a release's log (`n >= 1`).
fn change(release: &Release, n: usize) -> FieldChange {
    match n % 4 {
        1 => FieldChange::new(Field::Status, Value::Status(Status::Open), Value::Status(Status::InProgress)),
        2 => FieldChange::new(
            Field::Priority,
            Value::Priority(Priority::Low),
            Value::Priority(release.priority),
        ),
        3 => FieldChange::new(
            Field::PlannedEnd,
            Value::Time(release.planned.end - Duration::hours(1)),
            Value::Time(release.planned.end),
        ),
        _ => FieldChange::new(
            Field::Description,
            Value::Chars(0),
            Value::Chars(release.description.chars().count() as u64),
        ),
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone as _;

    use super::*;
    use crate::domain::release::validate_release;

    #[test]
    fn synthetic_releases_are_valid_numbered_and_repeat_for_a_seed() {
        let now = chrono::Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).single().expect("valid date");
        let releases: Vec<Release> = Synthetic::new(7, now).take(500).collect();
        for (i, r) in releases.iter().enumerate() {
            validate_release(r).expect("a valid release");
            assert_eq!(r.id, ReleaseId(i as i64 + 1));
        }
        assert_eq!(releases, Synthetic::new(7, now).take(500).collect::<Vec<_>>());
        assert_ne!(releases, Synthetic::new(8, now).take(500).collect::<Vec<_>>());
        let log = activities(&releases[0], 10);
        assert_eq!(log.len(), 10);
        assert_eq!(log[0].kind, ActivityKind::Created);
        assert!(log.windows(2).all(|w| w[0].at < w[1].at), "in time order");
    }
}
