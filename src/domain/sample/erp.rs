//! Scenario 1, 롯데그룹 IT본부: a twice-yearly major ERP upgrade, rolled out in phases
//! (본사 -> 주요 계열사 -> 전체 계열사) in weekend-night windows, with a rollback possible within
//! four hours: its releases, the next phase's plans, tasks, notes and time, and its phased
//! deployment plan, Changes, CIs and risks.

use chrono::Duration;

use super::lifecycle::{changes, items, phase, rate, readiness_for};
use super::work::{Work, checklist};
use super::{Builder, SampleRng, day, saturday_night};
use crate::domain::{
    ChangeId, DeploymentPhase, PhaseStatus, Plan, Priority, Readiness, Release, ReleaseId, ReleaseType,
    RiskKind, Stage, Strategy, TaskStatus, Timestamp,
};

/// Whether `release` is one of the ERP upgrade's.
pub(super) fn is_release(release: &Release) -> bool {
    release.subject.contains("롯데그룹 ERP")
}

/// The six releases: two half years of three phases each.
pub(super) fn releases(b: &mut Builder, rng: &mut SampleRng, now: Timestamp) {
    for (half, offset_days) in [("상반기", -200_i64), ("하반기", 10)] {
        for (step, (target, week)) in
            [("본사 적용", 0_i64), ("주요 계열사 적용", 1), ("전체 계열사 적용", 2)].iter().enumerate()
        {
            let start = saturday_night(day(now, offset_days + week * 7));
            b.push(
                &format!("[롯데그룹 ERP 2026 {half} 업그레이드] {}단계: {target}", step + 1),
                "롯데그룹 IT본부 연 2회 ERP 대규모 업그레이드. 단계적 배포: 본사 → 주요 계열사 → 전체. \
                 주말 야간 배포 윈도우, 문제 발생 시 4시간 내 원복.",
                ReleaseType::Major,
                Priority::High,
                start,
                6,
                Some(1),
                Some(1),
                Some(1),
                rng,
            );
        }
    }
}

/// The plans, tasks, notes and time of the next phase (`i`, the second half's first).
pub(super) fn work(work: &mut Work<'_>, i: usize, now: Timestamp) {
    let release = &mut work.data.releases[i];
    release.build_plan = Some(Plan {
        body: concat!(
            "## 소스 코드 빌드 절차\nSAP 전송 요청(TR) 묶음을 QA, 운영 순서로 반영.\n\n",
            "## 의존성 관리 방법\n계열사 인터페이스(EAI) 버전 고정.\n\n",
            "## 환경별 설정 파일\n본사/계열사별 회사 코드 설정 분리.\n\n",
            "## 패키지 생성 스크립트\nTR 목록으로 배포 패키지 생성."
        )
        .into(),
        items: checklist(&[
            ("소스 코드 빌드 절차", true),
            ("의존성 관리 방법", true),
            ("환경별 설정 파일", true),
            ("패키지 생성 스크립트", false),
        ]),
    });
    release.test_plan = Some(Plan {
        body: "본사 회계·구매 모듈 중심 회귀 테스트, 주말 야간 리허설 1회.".into(),
        items: checklist(&[
            ("단위 테스트 시나리오", true),
            ("통합 테스트 케이스", true),
            ("성능 테스트 계획", false),
            ("사용자 수락 테스트", false),
        ]),
    });
    let (id, start, created) = (release.id, release.planned.start, release.created_at);
    work.task(
        id,
        "운영 DB 전체 백업 및 복구 리허설",
        TaskStatus::InProgress,
        Some(start - Duration::days(2)),
        3,
        1,
    );
    work.task(
        id,
        "롤백 스크립트 검증 (4시간 이내 원복)",
        TaskStatus::Completed,
        Some(start - Duration::days(4)),
        1,
        1,
    );
    work.task(id, "계열사 IT 담당자 배포 공지 발송", TaskStatus::Open, Some(now - Duration::days(1)), 1, 1);
    work.task(id, "주말 야간 작업자 배정 확정", TaskStatus::Open, Some(start - Duration::days(1)), 1, 1);
    work.note(
        id,
        1,
        created + Duration::days(1),
        "CAB 승인 완료. 본사 적용은 토요일 22:00 시작, 일요일 04:00 전 종료 목표.",
    );
    work.note(
        id,
        3,
        now - Duration::hours(20),
        "QA 환경 리허설 결과 마감 배치가 18분 늘어남. 인덱스 재구성 후 재측정 예정.",
    );
    work.time(id, 1, now - Duration::days(2), 210, "마이그레이션 리허설", true);
    work.time(id, 3, now - Duration::days(1), 120, "롤백 절차 점검", true);
}

/// Each half year's three releases share one phased plan; their Changes, CIs and risks.
pub(super) fn readiness(releases: &mut [Release], out: &mut Vec<(ReleaseId, Readiness)>) {
    let erp: Vec<usize> =
        releases.iter().enumerate().filter(|(_, r)| is_release(r)).map(|(i, _)| i).collect();
    for half in erp.chunks(3) {
        let phase_status = |i: usize| match releases[i].stage {
            Stage::Complete => PhaseStatus::Done,
            Stage::Deploy | Stage::VerifyMonitor | Stage::Rollback => PhaseStatus::InProgress,
            _ => PhaseStatus::Pending,
        };
        let names = ["본사", "주요 계열사", "전체 계열사"];
        let phases: Vec<DeploymentPhase> = half
            .iter()
            .zip(names)
            .map(|(&i, name)| phase(name, releases[i].planned.start, 6, phase_status(i)))
            .collect();
        for (step_index, &i) in half.iter().enumerate() {
            let r = &mut releases[i];
            r.associated_change_ids = changes(&[1, 2]);
            r.assets = items(&[1, 2, 3]);
            if step_index == 2 && r.stage.position() < 3 {
                r.associated_change_ids.push(ChangeId(8));
            }
            let mut readiness = readiness_for(r, Strategy::Phased, phases.clone());
            rate(
                &mut readiness,
                RiskKind::ServiceOutage,
                3,
                5,
                "주말 야간 배포 윈도우, 4시간 내 원복 절차 리허설",
                r.agent_id,
            );
            rate(
                &mut readiness,
                RiskKind::DataIntegrity,
                3,
                5,
                "이관 전후 건수/금액 대사, 백업 후 진행",
                r.agent_id,
            );
            rate(&mut readiness, RiskKind::Performance, 2, 4, "본사 적용 후 1주간 응답시간 모니터링", None);
            rate(&mut readiness, RiskKind::Compatibility, 3, 3, "계열사 EDI 인터페이스 회귀 테스트", None);
            out.push((r.id, readiness));
        }
    }
}
