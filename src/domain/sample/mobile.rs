//! Scenario 2, 배달의민족 개발팀: an app release every two weeks with A/B tests, rolled out to 1 %,
//! 10 % and then every user, and hot fixes shipped within an hour of an alert: their releases,
//! the current sprint's work, the rolling deployment plan, Changes, CIs and risks.

use chrono::Duration;

use super::lifecycle::{changes, items, phase, rate, readiness_for};
use super::work::{Work, checklist};
use super::{Builder, SampleRng, day};
use crate::domain::{
    PhaseStatus, Plan, Priority, Readiness, Release, ReleaseId, ReleaseType, RiskKind, Stage, Strategy,
    TaskStatus, Timestamp,
};

/// Whether `release` is one of the two-weekly app releases.
pub(super) fn is_release(release: &Release) -> bool {
    release.subject.contains("배달의민족 앱")
}

/// Whether `release` is one of the hot fixes.
pub(super) fn is_hotfix(release: &Release) -> bool {
    release.subject.starts_with("Hotfix v8.")
}

/// A release every two weeks for a year and two months ahead, and a hot fix after every fifth.
pub(super) fn releases(b: &mut Builder, rng: &mut SampleRng, now: Timestamp) {
    let mut version = 0;
    let mut sprint = -364_i64;
    while sprint < 60 {
        version += 1;
        let start = day(now, sprint) + Duration::hours(14);
        b.push(
            &format!("배달의민족 앱 v8.{version} 정기 업데이트 (A/B 테스트 포함)"),
            "2주 주기 Agile 릴리스. 신기능은 일부 사용자에게 먼저 적용(A/B 테스트). 배포 후 실시간 오류율 모니터링.",
            ReleaseType::Standard,
            Priority::Medium,
            start,
            2,
            Some(2 + (version % 2)),
            Some(2),
            Some(2),
            rng,
        );
        if version % 5 == 3 {
            let start = day(now, sprint + 3) + Duration::hours(11);
            b.push(
                &format!("Hotfix v8.{version}.1: 결제 화면 오류 긴급 수정"),
                "Hot fix shipped within 1 hour of the crash-rate alert.",
                ReleaseType::Emergency,
                Priority::Urgent,
                start,
                1,
                Some(3),
                Some(2),
                Some(2),
                rng,
            );
        }
        sprint += 14;
    }
}

/// The current sprint's test plan, tasks, note and time (`i`).
pub(super) fn work(work: &mut Work<'_>, i: usize) {
    let hour = Duration::hours(1);
    let release = &mut work.data.releases[i];
    release.test_plan = Some(Plan {
        body: "신규 주문 화면 A/B 테스트: 사용자 10%에 먼저 적용, 크래시율 0.1% 넘으면 즉시 중단.".into(),
        items: checklist(&[
            ("단위 테스트 시나리오", true),
            ("통합 테스트 케이스", true),
            ("사용자 수락 테스트", true),
        ]),
    });
    let (id, start) = (release.id, release.planned.start);
    work.task(id, "A/B 테스트 대상 10% 설정", TaskStatus::Completed, Some(start - hour), 2, 2);
    work.task(
        id,
        "배포 후 1시간 크래시율 모니터링",
        TaskStatus::Open,
        Some(start + Duration::hours(3)),
        3,
        2,
    );
    work.note(
        id,
        2,
        start - Duration::days(1),
        "B안 주문 전환율 +3.2%. 이번 배포에서 B안 비율을 30%로 확대.",
    );
    work.time(id, 2, start - Duration::days(1), 75, "릴리스 노트 작성", false);
}

/// An app release's rolling plan (1 %, 10 %, everyone), Changes, CIs and risks.
pub(super) fn readiness(r: &mut Release, out: &mut Vec<(ReleaseId, Readiness)>) {
    r.associated_change_ids = changes(&[3]);
    r.assets = items(&[4, 5, 6]);
    let start = r.planned.start;
    let status = |n: i64| match r.stage {
        Stage::Complete => PhaseStatus::Done,
        Stage::Deploy | Stage::VerifyMonitor if n == 0 => PhaseStatus::Done,
        Stage::Deploy | Stage::VerifyMonitor if n == 1 => PhaseStatus::InProgress,
        _ => PhaseStatus::Pending,
    };
    let phases = vec![
        phase("사용자 1% (카나리)", start, 2, status(0)),
        phase("사용자 10% (A/B 테스트)", start + Duration::hours(24), 24, status(1)),
        phase("전체 사용자", start + Duration::hours(72), 24, status(2)),
    ];
    let mut readiness = readiness_for(r, Strategy::Rolling, phases);
    rate(
        &mut readiness,
        RiskKind::Performance,
        3,
        3,
        "배포 후 실시간 오류율/지연시간 대시보드 감시",
        r.agent_id,
    );
    rate(&mut readiness, RiskKind::Compatibility, 2, 3, "구버전 앱 API 호환성 테스트", None);
    out.push((r.id, readiness));
}

/// A hot fix: a Big Bang of the payment fix, with its Change and CIs.
pub(super) fn hotfix_readiness(r: &mut Release, out: &mut Vec<(ReleaseId, Readiness)>) {
    r.associated_change_ids = changes(&[4]);
    r.assets = items(&[4, 5, 6]);
    out.push((r.id, readiness_for(r, Strategy::BigBang, Vec::new())));
}
