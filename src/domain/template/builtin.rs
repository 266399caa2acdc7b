//! The three templates that ship with the app, from the brief's scenarios: the phased ERP upgrade
//! (head office, main affiliates, everyone; restorable within 4 hours), the bi-weekly mobile
//! release with its A/B phase, and the emergency security patch with its impact analysis on the
//! core banking services and the regulator (금융감독원) step. Their texts are the teams' own
//! working language, Korean, as the sample data is; their names are shown from the catalogue.

use super::{BUILTIN_PREFIX, Template, TemplatePhase, TemplateTask};
use crate::domain::backout::BackoutPlan;
use crate::domain::impact::ImpactAnalysis;
use crate::domain::readiness::{Risk, RiskKind, Strategy};
use crate::domain::release::{ChecklistItem, Plan, Priority, ReleaseType};

pub const ERP: &str = "builtin-erp-phased";
pub const MOBILE: &str = "builtin-mobile-biweekly";
pub const SECURITY: &str = "builtin-security-patch";

const HOUR: i64 = 60;
const DAY: i64 = 24 * HOUR;

fn plan(body: &str, items: &[&str]) -> Plan {
    Plan {
        body: body.to_owned(),
        items: items.iter().map(|t| ChecklistItem { text: (*t).to_owned(), done: false }).collect(),
    }
}

fn task(title: &str, due_offset_minutes: i64) -> TemplateTask {
    TemplateTask { title: title.to_owned(), description: String::new(), due_offset_minutes }
}

fn risk(id: u32, kind: RiskKind, title: &str, likelihood: u8, impact: u8, mitigation: &str) -> Risk {
    Risk {
        id,
        kind,
        title: title.to_owned(),
        likelihood,
        impact,
        mitigation: mitigation.to_owned(),
        owner: None,
    }
}

fn phase(name: &str, start_offset_minutes: i64, duration_minutes: i64) -> TemplatePhase {
    TemplatePhase { name: name.to_owned(), start_offset_minutes, duration_minutes }
}

fn backout(release_type: ReleaseType, go_no_go: &str, decision_point: u32, steps: Plan) -> BackoutPlan {
    BackoutPlan {
        steps,
        go_no_go: go_no_go.to_owned(),
        decision_point_minutes: Some(decision_point),
        ..BackoutPlan::new(release_type)
    }
}

/// The phased ERP upgrade: a Major release over three weekends, 4 hours to restore.
fn erp() -> Template {
    Template {
        key: ERP.to_owned(),
        name: "ERP 단계적 업그레이드".to_owned(),
        release_type: ReleaseType::Major,
        priority: Priority::High,
        group_id: None,
        category: Some("Software".to_owned()),
        description:
            "단계적 배포: 본사 → 주요 계열사 → 전체. 주말 야간 배포 윈도우, 문제 발생 시 4시간 내 원복."
                .to_owned(),
        duration_minutes: 6 * HOUR,
        strategy: Strategy::Phased,
        phases: vec![
            phase("본사", 0, 6 * HOUR),
            phase("주요 계열사", 7 * DAY, 6 * HOUR),
            phase("전체 계열사", 14 * DAY, 6 * HOUR),
        ],
        build_plan: Some(plan(
            "## 소스 빌드\nSAP 전송 요청(TR) 묶음 확정, 운영 반영 순서 정리.\n\n## 환경별 설정\nQA·운영 RFC 목적지와 배치 잡 변형 확인.",
            &[
                "전송 요청(TR) 목록 확정",
                "의존 애드온 버전 확인",
                "QA·운영 환경 설정 비교",
                "운영 반영 스크립트 준비",
            ],
        )),
        test_plan: Some(plan(
            "## 통합 테스트\n회계·구매·인사 주요 시나리오를 QA에서 수행.\n\n## 사용자 인수 테스트\n본사 현업 담당자 서명.",
            &["단위 테스트", "회계·구매 통합 테스트", "마감 배치 성능 테스트", "본사 현업 인수 테스트"],
        )),
        backout: Some(backout(
            ReleaseType::Major,
            "배포 후 2시간 안에 전표 입력 또는 마감 배치 오류가 해결되지 않으면 원복",
            2 * 60,
            plan(
                "## 원복 절차\n운영 DB 전체 백업(배포 직전)에서 복원하고 이전 TR 묶음으로 되돌립니다.",
                &[
                    "진행/중단 결정: ERP 운영팀장",
                    "사용자 접속 차단 및 배치 중지",
                    "배포 직전 DB 백업에서 복원",
                    "이전 전송 요청(TR) 묶음 재반영",
                    "전표 입력·마감 배치 정상화 확인",
                    "계열사 IT 담당자 공지",
                ],
            ),
        )),
        impact: Some(ImpactAnalysis {
            users_affected: "본사 및 해당 단계 계열사 ERP 사용자".to_owned(),
            expected_downtime_minutes: 4 * 60,
            summary: "주말 야간 배포 윈도우 동안 ERP 접속 중단. 월말 마감 주간은 피합니다.".to_owned(),
        }),
        risks: vec![
            risk(1, RiskKind::ServiceOutage, "", 3, 5, "주말 야간 배포 윈도우, 4시간 내 원복 절차"),
            risk(2, RiskKind::DataIntegrity, "", 3, 5, "이관 전후 건수·금액 대사, 백업 후 진행"),
            risk(3, RiskKind::Performance, "", 2, 4, "적용 후 1주간 응답시간 모니터링"),
            risk(4, RiskKind::Compatibility, "", 3, 3, "계열사 EDI 인터페이스 회귀 테스트"),
        ],
        tasks: vec![
            task("운영 DB 전체 백업 및 복구 리허설", -2 * DAY),
            task("롤백 스크립트 검증 (4시간 이내 원복)", -4 * DAY),
            task("계열사 IT 담당자 배포 공지 발송", -3 * DAY),
            task("주말 야간 작업자 배정 확정", -DAY),
            task("적용 후 1주 모니터링 결과 정리", 7 * DAY),
        ],
    }
}

/// The bi-weekly mobile release: a Standard release with an A/B phase before everyone.
fn mobile() -> Template {
    Template {
        key: MOBILE.to_owned(),
        name: "모바일 앱 격주 정기 배포".to_owned(),
        release_type: ReleaseType::Standard,
        priority: Priority::Medium,
        group_id: None,
        category: Some("Software".to_owned()),
        description: "2주 간격 정기 배포. A/B 테스트로 일부 사용자에게 먼저 배포한 뒤 전체 사용자에게 확대."
            .to_owned(),
        duration_minutes: 3 * HOUR,
        strategy: Strategy::Phased,
        phases: vec![phase("A/B 테스트 (사용자 10%)", 0, 2 * DAY), phase("전체 사용자", 2 * DAY, 3 * HOUR)],
        build_plan: Some(plan(
            "## 패키지 생성\niOS·Android 릴리스 빌드와 서명, 스토어 메타데이터 확정.",
            &["릴리스 브랜치 생성", "iOS·Android 빌드 및 서명", "스토어 메타데이터·스크린샷 갱신"],
        )),
        test_plan: Some(plan(
            "## 회귀 테스트\n주요 결제·로그인 흐름을 실기기에서 확인.",
            &["자동화 회귀 테스트", "실기기 결제·로그인 테스트", "A/B 실험 지표 설정 확인"],
        )),
        backout: Some(backout(
            ReleaseType::Standard,
            "A/B 단계에서 비정상 종료율 0.5% 초과 또는 결제 실패율 상승 시 중단",
            24 * 60,
            plan(
                "## 원복 절차\n단계적 출시를 중지하고 원격 설정으로 새 기능을 끕니다.",
                &[
                    "스토어 단계적 출시 중지",
                    "원격 설정으로 신규 기능 비활성화",
                    "이전 버전 서버 API 호환 확인",
                    "사용자 공지",
                ],
            ),
        )),
        impact: None,
        risks: vec![
            risk(1, RiskKind::ServiceOutage, "", 2, 4, "A/B 단계에서 비정상 종료율 모니터링"),
            risk(2, RiskKind::DataIntegrity, "", 1, 4, "로컬 DB 마이그레이션 테스트"),
            risk(3, RiskKind::Performance, "", 2, 3, "앱 시작 시간 측정"),
            risk(4, RiskKind::Compatibility, "", 3, 3, "구버전 OS 실기기 테스트"),
        ],
        tasks: vec![
            task("릴리스 노트 작성", -2 * DAY),
            task("스토어 심사 제출", -3 * DAY),
            task("A/B 실험 결과 확인", 2 * DAY),
        ],
    }
}

/// The emergency security patch: an Emergency release with its impact analysis on the core
/// banking services and the report to the regulator before it deploys.
fn security() -> Template {
    Template {
        key: SECURITY.to_owned(),
        name: "긴급 보안 패치".to_owned(),
        release_type: ReleaseType::Emergency,
        priority: Priority::Urgent,
        group_id: None,
        category: Some("Security".to_owned()),
        description:
            "보안 취약점 긴급 패치. 핵심 뱅킹 서비스 영향도 분석 후 금융감독원 보고, 승인 즉시 배포."
                .to_owned(),
        duration_minutes: 3 * HOUR,
        strategy: Strategy::BigBang,
        phases: Vec::new(),
        build_plan: Some(plan(
            "## 패치 적용\n공급사 패치 검증본 확보, 해시 확인.",
            &["패치 파일 확보 및 해시 검증", "적용 스크립트 준비"],
        )),
        test_plan: Some(plan(
            "## 검증\n스테이징에서 인증·이체 핵심 거래 확인.",
            &["스테이징 적용 테스트", "인증·이체 핵심 거래 확인", "취약점 재점검"],
        )),
        backout: Some(backout(
            ReleaseType::Emergency,
            "적용 후 30분 안에 인증 또는 이체 거래 오류가 나면 즉시 원복",
            30,
            plan(
                "## 원복 절차\n패치 전 스냅샷으로 되돌리고 거래를 재개합니다.",
                &[
                    "진행/중단 결정: 정보보호팀장",
                    "거래 일시 중지",
                    "패치 전 스냅샷으로 복원",
                    "인증·이체 거래 정상화 확인",
                    "금융감독원 추가 보고",
                ],
            ),
        )),
        impact: Some(ImpactAnalysis {
            users_affected: "인터넷·모바일 뱅킹 사용자, 전 영업점 창구와 ATM".to_owned(),
            expected_downtime_minutes: 30,
            summary: "코어뱅킹 인증 모듈 재시작 동안 인증·이체 거래 중단. 야간 거래가 적은 시간에 적용."
                .to_owned(),
        }),
        risks: vec![
            risk(1, RiskKind::ServiceOutage, "", 3, 5, "야간 적용, 30분 내 원복"),
            risk(2, RiskKind::DataIntegrity, "", 2, 5, "적용 전후 거래 건수 대사"),
            risk(3, RiskKind::Performance, "", 2, 3, "인증 응답시간 모니터링"),
            risk(4, RiskKind::Compatibility, "", 2, 4, "대외계 인터페이스 확인"),
            risk(5, RiskKind::Other, "금융감독원 보고·승인 지연", 3, 4, "영향도 분석 즉시 보고서 초안 작성"),
        ],
        tasks: vec![
            task("핵심 뱅킹 서비스 영향도 분석", -7 * HOUR),
            task("금융감독원 보고 및 승인", -2 * HOUR),
            task("전체 거래 기능 정상 작동 확인", 3 * HOUR),
        ],
    }
}

/// The three built-in templates, in the order the app lists them.
pub fn all() -> Vec<Template> {
    let all = vec![erp(), mobile(), security()];
    debug_assert!(all.iter().all(|t| t.key.starts_with(BUILTIN_PREFIX)));
    all
}

/// The built-in template with `key`.
pub fn get(key: &str) -> Option<Template> {
    all().into_iter().find(|t| t.key == key)
}
