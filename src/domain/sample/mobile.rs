//! Scenario 2, 배달의민족 개발팀: an app release every two weeks with A/B tests, rolled out to 1 %,
//! 10 % and then every user, and hot fixes shipped within an hour of an alert: their releases,
//! the current sprint's work, the rolling deployment plan, Changes, CIs and risks, and the
//! readings watched at Verify & Monitor (error rate, p95 latency, crash-free users in the
//! "10 % 사용자" phase, then "전체 사용자"). One release breached the error-rate threshold in its
//! 10 % phase and was rolled back from Verify & Monitor, then redeployed.

use chrono::Duration;

use super::lifecycle::{Step, changes, items, path_of, phase, rate, readiness_for, step};
use super::work::{Work, checklist};
use super::{Builder, SampleRng, day};
use crate::domain::{
    MetricName, MetricReading, Monitoring, PhaseStatus, Plan, Priority, Readiness, ReadingId, Release,
    ReleaseId, ReleaseType, RiskKind, Stage, StageEntry, Strategy, TaskStatus, Timestamp,
};

/// The A/B phase watched first, and the whole roll-out after it.
pub const PHASE_TEN_PERCENT: &str = "10 % 사용자";
pub const PHASE_ALL_USERS: &str = "전체 사용자";

/// The error rate (%) the breach release showed in its 10 % phase (the default limit is 1 %).
pub const BREACH_ERROR_RATE: f64 = 3.8;

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

/// The app release whose 10 % phase breached: the last one completed more than two weeks ago.
pub(super) fn breach_release(releases: &[Release], now: Timestamp) -> Option<ReleaseId> {
    releases
        .iter()
        .filter(|r| is_release(r) && r.stage == Stage::Complete)
        .filter(|r| r.closed_at.is_some_and(|t| t < now - Duration::days(14)))
        .max_by_key(|r| r.planned.start)
        .map(|r| r.id)
}

/// The breach release's history: deployed, watched at Verify & Monitor, rolled back when the
/// 10 % phase breached, rebuilt, redeployed and completed. Marks it rolled back once.
pub(super) fn breach_history(r: &mut Release, now: Timestamp) -> Vec<Step> {
    r.rollback_count = 1;
    let mut steps = path_of(r, now);
    if let Some(i) = steps.iter().position(|s| s.stage == Stage::Rollback) {
        let deployed = steps[i - 1].at;
        let rolled_back = steps[i].at;
        steps[i].note = "10 % 사용자 단계에서 오류율 3.8 % (임계값 1 % 이하) 초과; 이전 버전으로 원복";
        steps.insert(i, step(Stage::VerifyMonitor, deployed + (rolled_back - deployed) / 3));
    }
    steps
}

/// The readings of every app release at each of its Verify & Monitor stays: the 10 % phase, then
/// (once it moved on) all users; the breach release's first stay breached the error rate.
pub(super) fn monitoring(
    releases: &[Release],
    history: &[StageEntry],
    breach: Option<ReleaseId>,
    now: Timestamp,
) -> Monitoring {
    let mut readings = Vec::new();
    for r in releases.iter().filter(|r| is_release(r)) {
        let entries: Vec<&StageEntry> = history.iter().filter(|e| e.release_id == r.id).collect();
        let mut first_stay = true;
        for (i, entry) in entries.iter().enumerate().filter(|(_, e)| e.stage == Stage::VerifyMonitor) {
            let until = entries.get(i + 1).map_or(now, |next| next.entered_at);
            let gap = until - entry.entered_at;
            let breached = first_stay && Some(r.id) == breach;
            first_stay = false;
            let mut watch = |phase: &str, at: Timestamp, values: [f64; 3]| {
                for (metric, value) in MetricName::BUILT_IN.into_iter().zip(values) {
                    readings.push(MetricReading {
                        id: ReadingId(readings.len() as i64 + 1),
                        release: r.id,
                        metric,
                        phase: Some(phase.to_owned()),
                        value,
                        at,
                        recorded_by: r.agent_id,
                    });
                }
            };
            let n = r.id.0 as f64;
            let normal = [0.2 + (n % 5.0) / 10.0, 380.0 + (n % 7.0) * 15.0, 99.6 + (n % 3.0) / 10.0];
            if breached {
                watch(PHASE_TEN_PERCENT, entry.entered_at + gap / 2, [BREACH_ERROR_RATE, 455.0, 99.62]);
                continue;
            }
            watch(PHASE_TEN_PERCENT, entry.entered_at + gap / 4, normal);
            if entries.get(i + 1).is_some() {
                let settled = [normal[0] - 0.05, normal[1] + 10.0, normal[2] + 0.05];
                watch(PHASE_ALL_USERS, entry.entered_at + gap * 3 / 4, settled);
            }
        }
    }
    Monitoring { readings, thresholds: Vec::new() }
}
