//! Shared fixtures for the integration tests: a fixed clock, hand-built releases, a temp database.

#![allow(dead_code, clippy::unwrap_used)]

use chrono::{Duration, TimeZone as _, Utc};
use release_desk::domain::{
    Agent, AgentId, ChangeId, ChecklistItem, ConfigItemId, Department, DepartmentId, Group, GroupId, Outcome,
    Plan, PlannedWindow, Priority, Release, ReleaseId, ReleaseType, Stage, Status, Timestamp,
};
use release_desk::model::{Model, NewRelease};
use release_desk::store::{Mutation, Store};

/// 2026-11-26 12:00 UTC, the day these tests were written.
pub fn t0() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).single().unwrap()
}

pub fn at(hours: i64) -> Timestamp {
    t0() + Duration::hours(hours)
}

/// A release with every optional field empty.
pub fn plain(id: i64, subject: &str) -> Release {
    Release {
        updated_at: at(-50 + id),
        ..Release::new(
            ReleaseId(id),
            subject,
            Status::Open,
            Priority::Medium,
            ReleaseType::Standard,
            PlannedWindow { start: at(24), end: at(28) },
            at(-100 + id),
        )
    }
}

/// A release with every field set to something other than its default.
pub fn full(id: i64) -> Release {
    Release {
        description: "Phased: HQ → affiliates → all.\n주말 야간.".into(),
        work_start: Some(at(-47)),
        work_end: Some(at(-40)),
        agent_id: Some(AgentId(1)),
        group_id: Some(GroupId(1)),
        department_id: Some(DepartmentId(1)),
        category: Some("Software".into()),
        sub_category: Some("ERP".into()),
        item_category: Some("SAP".into()),
        assets: vec![ConfigItemId(3), ConfigItemId(5)],
        associated_change_ids: vec![ChangeId(101), ChangeId(102)],
        build_plan: Some(Plan {
            body: "소스 빌드 절차".into(),
            items: vec![ChecklistItem { text: "Dependencies".into(), done: true }],
        }),
        test_plan: Some(Plan { body: "UAT".into(), items: vec![] }),
        stage: Stage::Complete,
        outcome: Some(Outcome::Successful),
        closed_at: Some(at(-40)),
        rollback_count: 1,
        downtime_minutes: 95,
        updated_at: at(-40),
        deleted_at: Some(at(-1)),
        ..Release::new(
            ReleaseId(id),
            "롯데그룹 ERP 업그레이드 1단계: 본사 적용",
            Status::Completed,
            Priority::Urgent,
            ReleaseType::Major,
            PlannedWindow { start: at(-48), end: at(-42) },
            at(-200),
        )
    }
}

pub fn people() -> Vec<Mutation> {
    vec![
        Mutation::PutAgent(Agent::new(AgentId(1), "김민준", "mj@example.com")),
        Mutation::PutAgent(Agent::new(AgentId(2), "Emily Carter", "")),
        Mutation::PutAgent(Agent::new(AgentId(3), "박지훈", "")),
        Mutation::PutGroup(Group { id: GroupId(1), name: "ERP 운영팀".into() }),
        Mutation::PutGroup(Group { id: GroupId(2), name: "Mobile Platform".into() }),
        Mutation::PutDepartment(Department { id: DepartmentId(1), name: "IT본부".into() }),
    ]
}

/// A temporary folder and a database path inside it.
pub fn temp_db() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desk.sqlite3");
    (dir, path)
}

/// A model on a fresh file holding `releases` (and the people above), with the clock at `t0`.
pub fn model_with(path: &std::path::Path, releases: Vec<Release>) -> Model {
    let mut store = Store::open(path).unwrap();
    let mut mutations = people();
    mutations.extend(releases.into_iter().map(Mutation::PutRelease));
    store.commit(&mutations, &[]).unwrap();
    let mut model = Model::from_store(store).unwrap();
    model.set_clock(Box::new(t0));
    model
}

/// A UTC instant.
pub fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> Timestamp {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).single().unwrap()
}

/// A closed release for the KPI fixtures: planned `planned_min` minutes, worked `worked_min`
/// minutes (`None`: no work end), closed at `closed`.
pub fn closed_release(
    id: i64,
    closed: Timestamp,
    outcome: Outcome,
    rollbacks: u32,
    planned_min: i64,
    worked_min: Option<i64>,
    downtime_minutes: u32,
) -> Release {
    let mut r = plain(id, &format!("KPI fixture release {id}"));
    r.status = Status::Completed;
    r.stage = Stage::Complete;
    r.planned = PlannedWindow {
        start: closed - Duration::hours(24),
        end: closed - Duration::hours(24) + Duration::minutes(planned_min),
    };
    r.work_start = Some(r.planned.start);
    r.work_end = worked_min.map(|m| r.planned.start + Duration::minutes(m));
    r.outcome = Some(outcome);
    r.closed_at = Some(closed);
    r.rollback_count = rollbacks;
    r.downtime_minutes = downtime_minutes;
    r.created_at = utc(2026, 8, 1, 0, 0);
    r.updated_at = closed;
    r
}

/// The hand-computed KPI fixture (months in KST, UTC+9), for 2026-09..=2026-11:
///
/// | id | closed (KST)        | outcome    | rollbacks | planned / worked | downtime |
/// |----|---------------------|------------|-----------|------------------|----------|
/// | 1  | 09-10 21:00         | successful | 0         | 240 / 252 min    | 30 min   |
/// | 2  | 09-20 21:00         | successful | 1 (rolled back, then completed) | 120 / 180 | 90 |
/// | 3  | 09-25 21:00 (emergency) | failed | 0         | 60 / no work end | 0        |
/// | 4  | 09-12 (in Trash)    | failed     | 1         |                  | 600      |
/// | 5  | 11-01 00:30 (10-31 15:30 UTC: the month boundary) | successful | 0 | 60 / 60 | 0 |
/// | 6  | 11-30 23:59         | successful | 0         | 60 / no work end | 0        |
/// | 7  | 12-01 00:00 (after the range) | failed | 0   | 60 / 60          | 45       |
/// | 8  | never closed, created 09-15 |    |           |                  |          |
///
/// October has no closed release (in KST).
pub fn kpi_fixture() -> Vec<Release> {
    let mut r3 = closed_release(3, utc(2026, 9, 25, 12, 0), Outcome::Failed, 0, 60, None, 0);
    r3.release_type = ReleaseType::Emergency;
    r3.group_id = Some(GroupId(2));
    let mut r4 = closed_release(4, utc(2026, 9, 12, 3, 0), Outcome::Failed, 1, 60, Some(60), 600);
    r4.deleted_at = Some(utc(2026, 9, 13, 0, 0));
    let mut r8 = plain(8, "KPI fixture release 8 (open)");
    r8.created_at = utc(2026, 9, 15, 0, 0);
    r8.updated_at = r8.created_at;
    vec![
        closed_release(1, utc(2026, 9, 10, 12, 0), Outcome::Successful, 0, 240, Some(252), 30),
        closed_release(2, utc(2026, 9, 20, 12, 0), Outcome::Successful, 1, 120, Some(180), 90),
        r3,
        r4,
        closed_release(5, utc(2026, 10, 31, 15, 30), Outcome::Successful, 0, 60, Some(60), 0),
        closed_release(6, utc(2026, 11, 30, 14, 59), Outcome::Successful, 0, 60, None, 0),
        closed_release(7, utc(2026, 11, 30, 15, 0), Outcome::Failed, 0, 60, Some(60), 45),
        r8,
    ]
}

/// Runs the `release-desk` binary with `args`.
pub fn cli(args: &[&str]) -> std::process::Output {
    // No terminal width from the outside: a table is as wide as it needs (`tests/it/cli.rs` sets it).
    std::process::Command::new(env!("CARGO_BIN_EXE_release-desk"))
        .args(args)
        .env_remove("COLUMNS")
        .output()
        .unwrap()
}

/// A valid new release, planned for tomorrow.
pub fn new_release(subject: &str) -> NewRelease {
    NewRelease {
        subject: subject.into(),
        description: String::new(),
        status: Status::Open,
        priority: Priority::High,
        release_type: ReleaseType::Emergency,
        planned: PlannedWindow { start: at(1), end: at(2) },
        agent_id: Some(AgentId(1)),
        group_id: Some(GroupId(1)),
        department_id: None,
        category: None,
    }
}
