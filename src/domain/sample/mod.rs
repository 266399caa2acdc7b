//! Sample data: the brief's three scenarios (a phased ERP upgrade, `erp.rs`; bi-weekly mobile
//! releases with hot fixes, `mobile.rs`; a bank's emergency security patches, `bank.rs`) plus a
//! year of ordinary history (`history.rs`), their work (`work.rs`) and lifecycle records
//! (`lifecycle.rs`), the deployment windows and freezes with releases that conflict with them
//! (`schedule.rs`), the plans, back-out plans, impact analyses and reviews built from the
//! release templates (`records.rs`), and a bulk generator for benchmarks. Anchored to the day it is loaded;
//! otherwise deterministic.

mod bank;
mod cab;
mod erp;
mod history;
pub mod lifecycle;
mod meetings;
mod mobile;
pub mod records;
mod regulator;
mod schedule;
mod synthetic;
mod work;

pub use synthetic::{Synthetic, activities as synthetic_activities};

use chrono::{Datelike as _, Duration, FixedOffset, NaiveTime, TimeZone as _, Weekday};

use crate::domain::{
    Agent, AgentId, Department, DepartmentId, Directory, Group, GroupId, Note, Outcome, PlannedWindow,
    Priority, Release, ReleaseId, ReleaseType, Stage, Status, Task, TimeEntry, Timestamp,
};

/// What "Load sample data" adds.
#[derive(Clone, Debug, PartialEq)]
pub struct SampleData {
    pub directory: Directory,
    /// Ids start at 1; the model shifts them past any id already used.
    pub releases: Vec<Release>,
    /// The agent to act as, if none is chosen yet.
    pub current_agent: Option<AgentId>,
    /// Notes, tasks and time entries of the sample releases (ids from 1, release and agent ids
    /// as in `releases` and `directory`).
    pub notes: Vec<Note>,
    pub tasks: Vec<Task>,
    pub time_entries: Vec<TimeEntry>,
    /// Changes, CIs, readiness and stage histories of the releases.
    pub lifecycle: lifecycle::SampleLifecycle,
    /// Deployment windows and freezes (group and CI ids as in `directory` and `lifecycle`).
    pub schedule: crate::domain::schedule::Schedule,
    /// Back-out plans, impact analyses and reviews of the releases.
    pub records: records::SampleRecords,
}

/// A small deterministic random source (SplitMix64), so samples and benches repeat exactly.
#[derive(Clone, Debug)]
pub struct SampleRng(u64);

impl SampleRng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    pub fn range(&mut self, low: i64, high: i64) -> i64 {
        low + self.below((high - low + 1).max(1) as u64) as i64
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// The sample's agents: name and email.
pub(super) const AGENTS: &[(&str, &str)] = &[
    ("김민준", "minjun.kim@example.co.kr"),
    ("이서연", "seoyeon.lee@example.co.kr"),
    ("박지훈", "jihoon.park@example.co.kr"),
    ("최수아", "sua.choi@example.co.kr"),
    ("정예준", "yejun.jung@example.co.kr"),
    ("Emily Carter", "emily.carter@example.com"),
    ("David Moreau", "david.moreau@example.com"),
    ("한지민", "jimin.han@example.co.kr"),
];

/// The sample's groups.
const GROUPS: &[&str] =
    &["ERP 운영팀", "Mobile Platform", "정보보호팀", "Infrastructure", "QA & Release", "Core Banking"];

/// The sample's departments.
pub(super) const DEPARTMENTS: &[&str] = &["IT본부", "디지털사업부", "정보보호부", "Finance IT"];

/// Korea Standard Time: the scenarios' windows are Korean weekend nights.
const KST_OFFSET: FixedOffset = match FixedOffset::east_opt(9 * 3600) {
    Some(offset) => offset,
    None => panic!("UTC+9 is a valid offset"),
};

fn kst() -> FixedOffset {
    KST_OFFSET
}

/// Asia/Seoul, the zone of the sample's windows and freezes.
fn kst_zone() -> crate::domain::schedule::Tz {
    crate::domain::schedule::Tz::Asia__Seoul
}

/// Midnight (KST) of `days` days from `now`'s date.
pub(super) fn day(now: Timestamp, days: i64) -> Timestamp {
    let local = now.with_timezone(&kst()).date_naive() + Duration::days(days);
    kst().from_local_datetime(&local.and_time(NaiveTime::MIN)).single().map_or(now, |t| t.to_utc())
}

/// The Saturday on or after `t` (KST), at 22:00.
pub(super) fn saturday_night(t: Timestamp) -> Timestamp {
    let local = t.with_timezone(&kst());
    let ahead = (Weekday::Sat.num_days_from_monday() + 7 - local.weekday().num_days_from_monday()) % 7;
    day(t, i64::from(ahead)) + Duration::hours(22)
}

/// The lifecycle fields of a sample release.
#[derive(Default)]
struct Lifecycle {
    stage: Stage,
    outcome: Option<Outcome>,
    closed_at: Option<Timestamp>,
    rollback_count: u32,
    downtime_minutes: u32,
}

pub(super) struct Builder {
    now: Timestamp,
    releases: Vec<Release>,
}

impl Builder {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn push(
        &mut self,
        subject: &str,
        description: &str,
        release_type: ReleaseType,
        priority: Priority,
        start: Timestamp,
        hours: i64,
        agent: Option<i64>,
        group: Option<i64>,
        department: Option<i64>,
        rng: &mut SampleRng,
    ) -> usize {
        let id = ReleaseId(self.releases.len() as i64 + 1);
        let end = start + Duration::minutes(hours.max(1) * 60);
        let lead_days = match release_type {
            ReleaseType::Emergency => rng.range(0, 1),
            ReleaseType::Major => rng.range(20, 45),
            _ => rng.range(3, 14),
        };
        let planned_at = start - Duration::days(lead_days) - Duration::hours(rng.range(1, 8));
        // Releases planned for the future were filed some days ago, not all "now".
        let created_at = planned_at.min(self.now - Duration::hours(rng.range(2, 24 * 20)));
        // An emergency that has shipped was filed shortly before its fix went out: lead times
        // from 20 minutes to 100 around the 1 h hot-fix target (from the id: no draw, so the
        // rest of the sample stays as it was).
        let created_at = if release_type == ReleaseType::Emergency && start <= self.now {
            start - Duration::minutes(20 + (id.0 * 37) % 80)
        } else {
            created_at
        };
        // Windows that ended in the last week are sometimes still being verified.
        let still_open = end >= self.now - Duration::days(7) && rng.chance(45);
        let (status, work_start, work_end) = if end < self.now - Duration::days(1) && !still_open {
            // Past: mostly completed, with overruns spread around the 10 % target.
            let delay = Duration::minutes(rng.range(0, 20));
            let overrun_pct = if rng.chance(20) { rng.range(11, 60) } else { rng.range(-15, 9) };
            let planned = (end - start).num_minutes();
            let actual = (planned * (100 + overrun_pct) / 100).max(5);
            let ws = start + delay;
            let we = ws + Duration::minutes(actual);
            if rng.chance(8) {
                (Status::Incomplete, Some(ws), None)
            } else {
                (Status::Completed, Some(ws), Some(we.min(self.now)))
            }
        } else if start <= self.now {
            (*rng.pick(&[Status::InProgress, Status::InProgress, Status::OnHold]), Some(start), None)
        } else if rng.chance(15) {
            (Status::OnHold, None, None)
        } else {
            (Status::Open, None, None)
        };
        let mut lifecycle = Lifecycle::default();
        match status {
            Status::Completed => {
                lifecycle.stage = Stage::Complete;
                lifecycle.closed_at = work_end;
                let rolled_back = rng.chance(if release_type == ReleaseType::Major { 12 } else { 4 });
                lifecycle.rollback_count = u32::from(rolled_back);
                lifecycle.outcome = Some(if rng.chance(if rolled_back { 40 } else { 3 }) {
                    Outcome::Failed
                } else {
                    Outcome::Successful
                });
                lifecycle.downtime_minutes = if rolled_back {
                    rng.range(30, 240) as u32
                } else if rng.chance(25) {
                    rng.range(5, 45) as u32
                } else {
                    0
                };
            }
            Status::Incomplete => {
                lifecycle.stage = Stage::Rollback;
                lifecycle.rollback_count = 1;
                lifecycle.downtime_minutes = rng.range(10, 90) as u32;
            }
            Status::InProgress => {
                lifecycle.stage = *rng.pick(&[Stage::Deploy, Stage::VerifyMonitor, Stage::BuildTest]);
            }
            Status::OnHold => lifecycle.stage = Stage::BuildTest,
            Status::Open => {
                lifecycle.stage =
                    *rng.pick(&[Stage::Plan, Stage::Plan, Stage::BuildTest, Stage::DeploymentPrep]);
            }
        }
        let updated_at = match work_end.or(work_start) {
            Some(t) => t.max(created_at).min(self.now),
            None => created_at,
        };
        self.releases.push(Release {
            description: description.to_owned(),
            work_start,
            work_end,
            agent_id: agent.map(AgentId),
            group_id: group.map(GroupId),
            department_id: department.map(DepartmentId),
            category: Some(if group == Some(3) { "Security" } else { "Software" }.to_owned()),
            stage: lifecycle.stage,
            outcome: lifecycle.outcome,
            closed_at: lifecycle.closed_at,
            rollback_count: lifecycle.rollback_count,
            downtime_minutes: lifecycle.downtime_minutes,
            updated_at,
            ..Release::new(
                id,
                subject,
                status,
                priority,
                release_type,
                PlannedWindow { start, end },
                created_at,
            )
        });
        self.releases.len() - 1
    }
}

/// The sample's agents, groups and departments (what [`Synthetic`]'s releases refer to).
pub fn directory() -> Directory {
    Directory {
        agents: AGENTS
            .iter()
            .enumerate()
            .map(|(i, (name, email))| Agent::new(AgentId(i as i64 + 1), *name, *email))
            .collect(),
        groups: GROUPS
            .iter()
            .enumerate()
            .map(|(i, name)| Group { id: GroupId(i as i64 + 1), name: (*name).to_owned() })
            .collect(),
        departments: DEPARTMENTS
            .iter()
            .enumerate()
            .map(|(i, name)| Department { id: DepartmentId(i as i64 + 1), name: (*name).to_owned() })
            .collect(),
    }
}

/// The three scenarios from the brief plus a year of history, anchored at `now`.
pub fn scenarios(now: Timestamp) -> SampleData {
    let mut rng = SampleRng::new(0x5EED_2026);
    let mut b = Builder { now, releases: Vec::new() };

    erp::releases(&mut b, &mut rng, now);
    mobile::releases(&mut b, &mut rng, now);
    bank::releases(&mut b, &mut rng, now);
    history::releases(&mut b, &mut rng, now);

    // Keep ids in created order, as a real tracker would have given them.
    b.releases.sort_by_key(|r| (r.created_at, r.id));
    for (i, r) in b.releases.iter_mut().enumerate() {
        r.id = ReleaseId(i as i64 + 1);
    }
    schedule::releases(&mut b.releases, now);
    let lifecycle = enrich(&mut b.releases, now);
    let mut data = SampleData {
        directory: directory(),
        releases: b.releases,
        current_agent: Some(AgentId(1)),
        notes: Vec::new(),
        tasks: Vec::new(),
        time_entries: Vec::new(),
        lifecycle,
        schedule: schedule::schedule(),
        records: records::SampleRecords::default(),
    };
    add_work(&mut data, now);
    records::add(&mut data, now);
    data
}

/// Adds the lifecycle records to the sample releases (already in their final id order).
fn enrich(releases: &mut [Release], now: Timestamp) -> lifecycle::SampleLifecycle {
    use lifecycle::{SampleLifecycle, Step, path_of, readiness_for};
    let mut out = SampleLifecycle { registry: lifecycle::registry(), ..SampleLifecycle::default() };
    let mut histories: Vec<(ReleaseId, Option<AgentId>, Vec<Step>)> = Vec::new();

    erp::readiness(releases, &mut out.readiness);
    let breach = mobile::breach_release(releases, now);

    for r in releases.iter_mut() {
        let scenario_history = if mobile::is_release(r) {
            mobile::readiness(r, &mut out.readiness);
            (Some(r.id) == breach).then(|| mobile::breach_history(r, now))
        } else if mobile::is_hotfix(r) {
            mobile::hotfix_readiness(r, &mut out.readiness);
            None
        } else if bank::is_release(r) {
            bank::readiness(r, &mut out.readiness)
        } else {
            if r.stage.position() >= 3 && !out.readiness.iter().any(|(id, _)| *id == r.id) {
                // Ordinary history: a release past the Deploy gate had its plan checklist done.
                out.readiness.push((r.id, readiness_for(r, crate::domain::Strategy::BigBang, Vec::new())));
            }
            None
        };
        let steps = scenario_history.unwrap_or_else(|| path_of(r, now));
        histories.push((r.id, r.agent_id, steps));
    }

    out.readiness.sort_by_key(|(id, _)| *id);
    out.stage_history = lifecycle::stage_entries(histories);
    out.cabs = cab::cabs(&mut out.registry, releases, now);
    out.monitoring = mobile::monitoring(releases, &out.stage_history, breach, now);
    out.cabs.meetings = meetings::meetings(&out.cabs, &out.registry, releases, now);
    out.regulators = regulator::regulators(releases, now);
    out
}

/// Adds the work of the next ERP phase, the current mobile sprint and today's emergency bank
/// patch (with a timer running since two hours ago).
fn add_work(data: &mut SampleData, now: Timestamp) {
    let find = |data: &SampleData, pred: &dyn Fn(&Release) -> bool| data.releases.iter().position(pred);
    let erp = find(data, &|r| r.subject.contains("하반기") && r.subject.contains("1단계"));
    let mobile =
        find(data, &|r| r.subject.starts_with("배달의민족") && r.planned.end >= now - Duration::days(1));
    let bank = find(data, &|r| r.subject.contains("모바일 뱅킹 앱 보안 업데이트"));
    let bank_before = find(data, &|r| r.subject.contains("코어뱅킹 보안 패치"));
    let mut work = work::Work { data, now };
    if let Some(i) = erp {
        erp::work(&mut work, i, now);
    }
    if let Some(i) = mobile {
        mobile::work(&mut work, i);
    }
    bank::work(&mut work, bank, bank_before, now);
}

/// `count` generated releases (benchmarks and load tests), deterministic for a seed; the same
/// releases as [`Synthetic`] makes one at a time.
pub fn generate(count: usize, seed: u64, now: Timestamp) -> SampleData {
    SampleData {
        directory: directory(),
        releases: Synthetic::new(seed, now).take(count).collect(),
        current_agent: Some(AgentId(1)),
        notes: Vec::new(),
        tasks: Vec::new(),
        time_entries: Vec::new(),
        lifecycle: Default::default(),
        schedule: Default::default(),
        records: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::release::validate_release;

    #[test]
    fn scenarios_are_valid_and_cover_the_codes() {
        let now = chrono::Utc.with_ymd_and_hms(2026, 11, 26, 3, 0, 0).single().expect("valid date");
        let data = scenarios(now);
        assert!(data.releases.len() >= 150);
        for r in &data.releases {
            validate_release(r).expect("sample release is valid");
            assert!(r.created_at <= now);
        }
        for s in Status::ALL {
            assert!(data.releases.iter().any(|r| r.status == *s), "{s:?} missing");
        }
        for p in Priority::ALL {
            assert!(data.releases.iter().any(|r| r.priority == *p), "{p:?} missing");
        }
        for t in ReleaseType::ALL {
            assert!(data.releases.iter().any(|r| r.release_type == *t), "{t:?} missing");
        }
        assert!(data.releases.iter().any(|r| r.subject.contains("롯데그룹")));
        assert!(data.releases.iter().any(|r| r.subject.contains("배달의민족")));
        assert!(data.releases.iter().any(|r| r.subject.contains("KB국민은행")));
        assert_eq!(data, scenarios(now), "deterministic for the same day");
        assert!(data.tasks.len() >= 8 && data.notes.len() >= 5 && data.time_entries.len() >= 5);
        assert_eq!(data.time_entries.iter().filter(|e| e.is_running()).count(), 1, "one timer runs");
        for release in data.tasks.iter().map(|t| t.release_id).chain(data.notes.iter().map(|n| n.release_id))
        {
            assert!(data.releases.iter().any(|r| r.id == release), "child of a sample release");
        }
    }
}
