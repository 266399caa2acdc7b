//! The sample's schedule: the ERP group's weekend-night windows, the mobile team's weekday
//! 02:00-05:00 window, a hard year-end freeze (Emergency exempt) and the bank's month-end close
//! (all Asia/Seoul), and five releases that plan against them so each kind of conflict shows: one
//! in the month-end freeze, one outside the ERP windows, one on the ERP database and with the ERP
//! agent during the next ERP phase, and two that entered Deploy early and late. They are appended
//! after the others are numbered, so they take the last ids and change no other.

use std::collections::BTreeSet;

use chrono::{Datelike as _, Duration, NaiveDate, Weekday};

use super::{day, kst_zone, saturday_night};
use crate::domain::schedule::{DeploymentWindow, Freeze, FreezeKind, Recurrence, Schedule, Scope, Timing};
use crate::domain::{
    AgentId, ConfigItemId, DepartmentId, FreezeId, GroupId, Outcome, PlannedWindow, Priority, Release,
    ReleaseId, ReleaseType, Stage, Status, Timestamp, WindowId,
};

/// The subject prefix of the releases that show the conflicts.
pub(super) const PREFIX: &str = "[일정 충돌 예시]";

/// The sample groups the schedule is scoped to (ids as in the sample's directory).
const ERP_GROUP: GroupId = GroupId(1);
const MOBILE_GROUP: GroupId = GroupId(2);
const CORE_BANKING_GROUP: GroupId = GroupId(6);

fn wall(y: i32, m: u32, d: u32, h: u32) -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d).and_then(|d| d.and_hms_opt(h, 0, 0)).unwrap_or_default()
}

fn recurring(rule: &str, start: chrono::NaiveDateTime, minutes: u32) -> Timing {
    Timing::Recurring { recurrence: Recurrence::new(rule, start), minutes }
}

/// The windows and freezes, fixed (they do not move with the day the sample is loaded).
pub(super) fn schedule() -> Schedule {
    let zone = kst_zone();
    let windows = vec![
        DeploymentWindow {
            id: WindowId(1),
            name: "ERP 주말 야간 배포 (토 22:00 ~ 일 06:00)".into(),
            timing: recurring("FREQ=WEEKLY;BYDAY=SA", wall(2025, 1, 4, 22), 8 * 60),
            zone,
            scope: Scope::Group(ERP_GROUP),
        },
        DeploymentWindow {
            id: WindowId(2),
            name: "모바일 평일 새벽 배포 (02:00 ~ 05:00)".into(),
            timing: recurring("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", wall(2025, 1, 6, 2), 3 * 60),
            zone,
            scope: Scope::Group(MOBILE_GROUP),
        },
    ];
    let freezes = vec![
        Freeze {
            id: FreezeId(1),
            name: "연말 결산 동결 (12/24 ~ 1/2)".into(),
            timing: recurring("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24", wall(2024, 12, 24, 0), 9 * 24 * 60),
            zone,
            kind: FreezeKind::Hard,
            scope: Scope::All,
            exempt: BTreeSet::from([ReleaseType::Emergency]),
            exempt_reason: "보안·장애 긴급 조치는 ECAB 승인 후 진행".into(),
        },
        Freeze {
            id: FreezeId(2),
            name: "은행 월말 마감 동결 (마지막 영업일 2일)".into(),
            timing: recurring(
                "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1,-2",
                wall(2025, 1, 1, 0),
                24 * 60,
            ),
            zone,
            kind: FreezeKind::Hard,
            scope: Scope::Group(CORE_BANKING_GROUP),
            exempt: BTreeSet::from([ReleaseType::Emergency]),
            exempt_reason: "금감원 보고 대상 긴급 보안 패치는 예외".into(),
        },
    ];
    Schedule { windows, freezes }
}

/// The last weekday of the month after `now`'s (KST), at midnight KST.
fn last_business_day_of_next_month(now: Timestamp) -> Timestamp {
    let local = now.with_timezone(&super::kst()).date_naive();
    let (y, m) = if local.month() == 12 { (local.year() + 1, 1) } else { (local.year(), local.month() + 1) };
    let first_after =
        if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1) } else { NaiveDate::from_ymd_opt(y, m + 1, 1) };
    let mut last = first_after.and_then(|d| d.pred_opt()).unwrap_or(local);
    while matches!(last.weekday(), Weekday::Sat | Weekday::Sun) {
        last = last.pred_opt().unwrap_or(last);
    }
    day(now, (last - local).num_days())
}

/// The next Wednesday after `now` (KST), at midnight KST.
fn next_wednesday(now: Timestamp) -> Timestamp {
    let local = now.with_timezone(&super::kst());
    let ahead = (Weekday::Wed.num_days_from_monday() + 7 - local.weekday().num_days_from_monday()) % 7;
    day(now, i64::from(if ahead == 0 { 7 } else { ahead }))
}

struct Example {
    subject: &'static str,
    release_type: ReleaseType,
    group: i64,
    agent: i64,
    start: Timestamp,
    minutes: i64,
    assets: &'static [i64],
    /// For a closed release: when it entered Deploy and when it was done.
    worked: Option<(Timestamp, Timestamp)>,
}

/// Appends the five releases that conflict, with ids after `releases`' last.
pub(super) fn releases(releases: &mut Vec<Release>, now: Timestamp) {
    let yesterday = day(now, -1);
    let three_days_ago = day(now, -3);
    let examples = [
        Example {
            subject: "코어뱅킹 월말 정산 배치 개선",
            release_type: ReleaseType::Standard,
            group: CORE_BANKING_GROUP.0,
            agent: 5,
            start: last_business_day_of_next_month(now) + Duration::hours(19),
            minutes: 180,
            assets: &[8],
            worked: None,
        },
        Example {
            subject: "ERP 계열사 인터페이스 설정 변경",
            release_type: ReleaseType::Minor,
            group: ERP_GROUP.0,
            agent: 3,
            start: next_wednesday(now) + Duration::hours(14),
            minutes: 120,
            assets: &[1],
            worked: None,
        },
        Example {
            subject: "SAP HANA DB 보안 패치",
            release_type: ReleaseType::Standard,
            group: 4,
            agent: 1,
            // During the next ERP phase (the second half's first, on the HANA database too).
            start: saturday_night(day(now, 10)) + Duration::hours(1),
            minutes: 180,
            assets: &[3],
            worked: None,
        },
        Example {
            subject: "사내 포털 SSL 인증서 교체",
            release_type: ReleaseType::Minor,
            group: 4,
            agent: 6,
            start: yesterday + Duration::hours(22),
            minutes: 60,
            assets: &[],
            worked: Some((
                yesterday + Duration::minutes(20 * 60 + 30),
                yesterday + Duration::minutes(21 * 60 + 40),
            )),
        },
        Example {
            subject: "그룹웨어 메일 서버 업데이트",
            release_type: ReleaseType::Minor,
            group: 4,
            agent: 7,
            start: three_days_ago + Duration::hours(1),
            minutes: 60,
            assets: &[],
            worked: Some((
                three_days_ago + Duration::minutes(4 * 60 + 15),
                three_days_ago + Duration::hours(5),
            )),
        },
    ];
    for (i, example) in examples.into_iter().enumerate() {
        let id = ReleaseId(releases.last().map_or(1, |r| r.id.0 + 1));
        // Filed two weeks ago: below the scenarios' recent releases in the newest-first list.
        let created_at = now - Duration::days(15) - Duration::minutes(10 - i as i64);
        let planned =
            PlannedWindow { start: example.start, end: example.start + Duration::minutes(example.minutes) };
        let mut release = Release {
            description: "배포 윈도우·동결 기간·다른 릴리스와의 충돌을 보여 주는 예시 릴리스.".into(),
            agent_id: Some(AgentId(example.agent)),
            group_id: Some(GroupId(example.group)),
            department_id: Some(DepartmentId(1)),
            category: Some("Software".into()),
            assets: example.assets.iter().map(|&c| ConfigItemId(c)).collect(),
            ..Release::new(
                id,
                format!("{PREFIX} {}", example.subject),
                Status::Open,
                Priority::Medium,
                example.release_type,
                planned,
                // Planned days ahead, so its history (Plan, Build & Test, Deployment prep) comes
                // before even an early Deploy.
                created_at.min(planned.start - Duration::days(5)),
            )
        };
        if let Some((deployed, done)) = example.worked {
            release.status = Status::Completed;
            release.stage = Stage::Complete;
            release.outcome = Some(Outcome::Successful);
            release.work_start = Some(deployed);
            release.work_end = Some(done);
            release.closed_at = Some(done);
            release.updated_at = done.max(release.created_at);
        } else {
            release.stage = Stage::BuildTest;
        }
        releases.push(release);
    }
}
