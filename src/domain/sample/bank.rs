//! Scenario 3, KB국민은행 정보보호팀: emergency security patches with an impact analysis, a
//! regulator's report and approval, and every transaction verified: their releases, today's patch
//! work (with a timer running), and the core-banking patch that was rolled back and redeployed
//! the next night.

use chrono::Duration;

use super::lifecycle::{Step, changes, items, rate, readiness_for, step};
use super::work::{Work, checklist};
use super::{Builder, SampleRng, day};
use crate::domain::{
    Outcome, Plan, Priority, Readiness, Release, ReleaseId, ReleaseType, RiskKind, Stage, Status, Strategy,
    TaskStatus, Timestamp,
};

/// Whether `release` is one of the bank's emergency patches.
pub(super) fn is_release(release: &Release) -> bool {
    release.subject.contains("[긴급]")
}

/// The three emergency patches of the year.
pub(super) fn releases(b: &mut Builder, rng: &mut SampleRng, now: Timestamp) {
    for (days, subject) in [
        (-150_i64, "[긴급] 인터넷뱅킹 웹서버 보안 취약점 패치 (OpenSSL)"),
        (-40, "[긴급] KB국민은행 코어뱅킹 보안 패치: 인증 모듈 취약점"),
        (0, "[긴급] 모바일 뱅킹 앱 보안 업데이트 (금감원 보고 포함)"),
    ] {
        let start = day(now, days) + Duration::hours(23);
        b.push(
            subject,
            "KB국민은행 정보보호팀 긴급 릴리스. 핵심 뱅킹 서비스 영향도 사전 검토, 금감원 보고 및 승인 절차, \
             모든 거래 기능 정상 작동 확인.",
            ReleaseType::Emergency,
            Priority::Urgent,
            start,
            3,
            Some(4),
            Some(3),
            Some(3),
            rng,
        );
    }
}

/// Today's mobile banking patch (`today`): its build plan, tasks, notes, time and a timer running
/// since two hours ago; and the core-banking patch before it (`before`).
pub(super) fn work(work: &mut Work<'_>, today: Option<usize>, before: Option<usize>, now: Timestamp) {
    let hour = Duration::hours(1);
    if let Some(i) = today {
        let release = &mut work.data.releases[i];
        release.build_plan = Some(Plan {
            body: "인증 모듈 패치 빌드, 서명 후 배포 저장소 등록.".into(),
            items: checklist(&[("소스 코드 빌드 절차", true), ("패키지 생성 스크립트", true)]),
        });
        let id = release.id;
        work.task(
            id,
            "핵심 뱅킹 서비스 영향도 분석",
            TaskStatus::Completed,
            Some(now - Duration::hours(5)),
            4,
            3,
        );
        work.task(id, "금감원 보고 및 승인", TaskStatus::InProgress, Some(now + Duration::hours(3)), 4, 3);
        work.task(
            id,
            "전체 거래 기능 정상 작동 확인",
            TaskStatus::Open,
            Some(now + Duration::hours(8)),
            8,
            3,
        );
        work.note(
            id,
            4,
            now - Duration::hours(6),
            "취약점 영향 범위: 인증 모듈(로그인, 간편인증). 이체 모듈은 영향 없음.",
        );
        work.note(id, 4, now - Duration::hours(3), "금감원 보고 완료, 승인 대기 중. 승인 즉시 23:00 배포.");
        work.time(id, 4, now - Duration::hours(6), 105, "영향도 분석", true);
        // The patch is being worked on right now: a timer has been running for two hours.
        work.timer(id, 4, now - Duration::hours(2), "패치 적용 준비");
    }
    if let Some(i) = before {
        let release = &work.data.releases[i];
        let (id, start) = (release.id, release.work_start.unwrap_or(release.planned.start));
        work.task(id, "금감원 보고 및 승인", TaskStatus::Completed, Some(start - hour), 4, 3);
        work.time(id, 4, start, 180, "보안 패치 적용 및 거래 검증", true);
        work.note(id, 4, start + Duration::hours(4), "전 거래 기능 검증 완료. 이상 없음.");
    }
}

/// A patch's Big Bang plan, Changes, CIs and risks. The core-banking patch is first made the one
/// that was rolled back and redeployed; its stage history (returned) says so.
pub(super) fn readiness(r: &mut Release, out: &mut Vec<(ReleaseId, Readiness)>) -> Option<Vec<Step>> {
    let (change, assets) = if r.subject.contains("인터넷뱅킹") {
        (5, vec![7])
    } else if r.subject.contains("코어뱅킹") {
        roll_back_and_redeploy(r);
        (6, vec![8, 10])
    } else {
        (7, vec![9, 10])
    };
    r.associated_change_ids = changes(&[change]);
    r.assets = items(&assets);
    let mut readiness = readiness_for(r, Strategy::BigBang, Vec::new());
    rate(
        &mut readiness,
        RiskKind::ServiceOutage,
        2,
        5,
        "영향도 분석 후 심야 배포, 4시간 내 원복",
        r.agent_id,
    );
    rate(
        &mut readiness,
        RiskKind::DataIntegrity,
        2,
        5,
        "전 거래 기능 검증 테스트 (이체, 조회, ATM)",
        r.agent_id,
    );
    rate(&mut readiness, RiskKind::Compatibility, 3, 4, "인증 게이트웨이 연동 회귀 테스트", None);
    out.push((r.id, readiness));
    r.subject.contains("코어뱅킹").then(|| bank_patch_history(r))
}

/// Forces the bank's core-banking patch into a rolled-back-and-redeployed release.
fn roll_back_and_redeploy(r: &mut Release) {
    let start = r.planned.start + Duration::minutes(5);
    r.status = Status::Completed;
    r.stage = Stage::Complete;
    r.work_start = Some(start);
    r.work_end = Some(start + Duration::hours(27));
    r.closed_at = r.work_end;
    r.outcome = Some(Outcome::Successful);
    r.rollback_count = 1;
    r.downtime_minutes = 35;
    r.updated_at = r.updated_at.max(start + Duration::hours(27));
}

fn bank_patch_history(r: &Release) -> Vec<Step> {
    let start = r.work_start.unwrap_or(r.planned.start);
    // An emergency is filed shortly before it ships: prepared three hours ahead when there was
    // time, else just after its build and test began.
    let prep = (start - Duration::hours(3))
        .max(r.created_at + Duration::minutes(25))
        .min(start - Duration::minutes(1));
    vec![
        step(Stage::Plan, r.created_at),
        step(Stage::BuildTest, r.created_at + Duration::minutes(20)),
        step(Stage::DeploymentPrep, prep),
        step(Stage::Deploy, start),
        step(Stage::VerifyMonitor, start + Duration::minutes(50)),
        Step {
            note: "패치 후 일부 ATM 거래에서 인증 실패 발생; 4시간 내 원복 절차에 따라 롤백 \
                   (ATM authentication failures after the patch; rolled back per the 4-hour procedure)",
            downtime: 35,
            ..step(Stage::Rollback, start + Duration::minutes(75))
        },
        step(Stage::BuildTest, start + Duration::hours(3)),
        step(Stage::DeploymentPrep, start + Duration::hours(20)),
        step(Stage::Deploy, start + Duration::hours(24)),
        step(Stage::VerifyMonitor, start + Duration::hours(25)),
        Step {
            note: "전 거래 기능 정상 확인, 금감원 보고 완료",
            outcome: Some(Outcome::Successful),
            ..step(Stage::Complete, start + Duration::hours(27))
        },
    ]
}
