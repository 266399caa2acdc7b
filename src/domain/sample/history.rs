//! The year of ordinary releases around the three scenarios (patches, upgrades, migrations of
//! every team), and a few months ahead; also the subjects the benchmarks' generator uses.

use chrono::Duration;

use super::{AGENTS, Builder, DEPARTMENTS, SampleRng, day};
use crate::domain::{Priority, ReleaseType, Timestamp};

/// Subjects of the year's ordinary releases, with their usual type and group index.
pub(super) const HISTORY: &[(&str, ReleaseType, usize)] = &[
    ("Oracle DB 19c 분기 패치 적용", ReleaseType::Standard, 3),
    ("Kubernetes cluster upgrade to 1.31", ReleaseType::Major, 3),
    ("HR portal SSO integration", ReleaseType::Standard, 0),
    ("그룹웨어 메일 서버 교체", ReleaseType::Major, 3),
    ("VPN 게이트웨이 펌웨어 업데이트", ReleaseType::Minor, 2),
    ("Data warehouse nightly ETL refactor", ReleaseType::Standard, 0),
    ("전자결재 양식 개선", ReleaseType::Minor, 0),
    ("Load balancer certificate renewal", ReleaseType::Minor, 2),
    ("모바일 뱅킹 간편이체 기능 추가", ReleaseType::Standard, 5),
    ("Payment gateway TLS 1.3 migration", ReleaseType::Standard, 5),
    ("사내 포털 검색 엔진 교체", ReleaseType::Major, 1),
    ("Backup policy update for file servers", ReleaseType::Minor, 3),
    ("물류 WMS 재고 동기화 개선", ReleaseType::Standard, 0),
    ("Log pipeline upgrade (Fluent Bit 3)", ReleaseType::Minor, 3),
    ("개인정보 마스킹 정책 적용", ReleaseType::Standard, 2),
    ("Customer API rate limiting", ReleaseType::Standard, 1),
    ("보안 관제 SIEM 룰 업데이트", ReleaseType::Minor, 2),
    ("Windows Server 2025 rollout wave", ReleaseType::Major, 3),
    ("급여 시스템 연말정산 반영", ReleaseType::Standard, 0),
    ("Mobile push notification service migration", ReleaseType::Standard, 1),
];

pub(super) const DESCRIPTIONS: &[&str] = &[
    "CAB 승인 완료. 배포 후 30분간 모니터링.",
    "Approved by CAB. Rollback plan: restore previous package from the artifact store.",
    "영향도 분석 완료, 업무 시간 외 배포.",
    "Deploy outside business hours; notify service desk before start.",
];

/// Ordinary releases until the sample holds 170.
pub(super) fn releases(b: &mut Builder, rng: &mut SampleRng, now: Timestamp) {
    let agents = AGENTS.len() as i64;
    let mut n = 0;
    while b.releases.len() < 170 {
        let (subject, release_type, group) = HISTORY[n % HISTORY.len()];
        let round = n / HISTORY.len();
        let days = rng.range(-360, 100);
        let start = day(now, days) + Duration::hours(rng.range(8, 22));
        let release_type = if rng.chance(6) { ReleaseType::Emergency } else { release_type };
        let priority = *rng.pick(Priority::ALL);
        let agent = if rng.chance(12) { None } else { Some(rng.range(1, agents)) };
        // A team names the next round of the same job by its month, not by a counter.
        let subject =
            if round == 0 { subject.to_owned() } else { format!("{subject} ({})", start.format("%Y.%m")) };
        b.push(
            &subject,
            rng.pick::<&str>(DESCRIPTIONS),
            release_type,
            priority,
            start,
            rng.range(1, 8),
            agent,
            Some(group as i64 + 1),
            Some(rng.range(1, DEPARTMENTS.len() as i64)),
            rng,
        );
        n += 1;
    }
}
