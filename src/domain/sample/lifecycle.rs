//! Sample lifecycle records for the brief's three scenarios: Changes (CAB-approved) and CIs linked to
//! the releases, readiness ticks, risk registers, deployment strategies with phases
//! (ERP: 본사 -> 주요 계열사 -> 전체 계열사), stage histories for every release, and the bank's
//! core-banking patch that was rolled back and redeployed the next night.

use chrono::Duration;

use crate::domain::{
    AgentId, CabApproval, Change, ChangeId, ChangeRisk, CiKind, ConfigItem, ConfigItemId, DeploymentPhase,
    MitigationItem, MitigationPhase, Outcome, PhaseStatus, PlanCheck, Readiness, Registry, Release,
    ReleaseId, RiskKind, Stage, StageEntry, StageEntryId, Status, Strategy, Timestamp,
};

/// What the lifecycle part of the sample adds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SampleLifecycle {
    /// Ids start at 1; the model shifts them past any id already used.
    pub registry: Registry,
    pub readiness: Vec<(ReleaseId, Readiness)>,
    /// Ids start at 1, in order.
    pub stage_history: Vec<StageEntry>,
}

const CHANGES: &[(&str, CabApproval, ChangeRisk)] = &[
    ("ERP 2026 업그레이드: SAP S/4HANA 패치 스택 적용", CabApproval::Approved, ChangeRisk::High),
    ("ERP 계열사 인터페이스(EDI) 변경", CabApproval::Approved, ChangeRisk::Medium),
    ("배달의민족 앱 정기 배포 (표준 변경)", CabApproval::Approved, ChangeRisk::Low),
    ("결제 화면 핫픽스 (긴급 변경)", CabApproval::Approved, ChangeRisk::Medium),
    ("인터넷뱅킹 웹서버 OpenSSL 패치", CabApproval::Approved, ChangeRisk::High),
    ("코어뱅킹 인증 모듈 보안 패치", CabApproval::Approved, ChangeRisk::High),
    ("모바일 뱅킹 앱 보안 업데이트", CabApproval::Approved, ChangeRisk::High),
    ("ERP 전체 계열사 마스터 데이터 이관", CabApproval::Pending, ChangeRisk::High),
];

const CONFIG_ITEMS: &[(&str, CiKind)] = &[
    ("ERP-AP-01 SAP 애플리케이션 서버", CiKind::Server),
    ("ERP-AP-02 SAP 애플리케이션 서버", CiKind::Server),
    ("ERP-DB-01 SAP HANA", CiKind::Database),
    ("배달의민족 iOS 앱", CiKind::Application),
    ("배달의민족 Android 앱", CiKind::Application),
    ("주문/결제 API", CiKind::Service),
    ("인터넷뱅킹 웹서버 (WEB-01..04)", CiKind::Server),
    ("코어뱅킹 DB (Oracle RAC)", CiKind::Database),
    ("KB스타뱅킹 모바일 앱", CiKind::Application),
    ("인증 게이트웨이", CiKind::Service),
];

/// Sample Change ids (1 to 8, as in `CHANGES`).
fn changes(ids: &[i64]) -> Vec<ChangeId> {
    ids.iter().copied().map(ChangeId).collect()
}

/// Sample CI ids (1 to 10, as in `CONFIG_ITEMS`).
fn items(ids: &[i64]) -> Vec<ConfigItemId> {
    ids.iter().copied().map(ConfigItemId).collect()
}

/// One release's stage path with times, before ids are given.
struct Step {
    stage: Stage,
    at: Timestamp,
    note: &'static str,
    outcome: Option<Outcome>,
    downtime: u32,
}

fn step(stage: Stage, at: Timestamp) -> Step {
    Step { stage, at, note: "", outcome: None, downtime: 0 }
}

/// A plausible history for a release, ending at its current stage.
fn path_of(r: &Release, now: Timestamp) -> Vec<Step> {
    let created = r.created_at;
    let lead = (r.planned.start - created).max(Duration::hours(2));
    let build_at = (created + lead / 10).min(now);
    let prep_at = (created + lead * 7 / 10).min(now);
    let mut steps = vec![step(Stage::Plan, created)];
    let push_main = |steps: &mut Vec<Step>, upto: Stage| {
        if upto.position() >= 1 {
            steps.push(step(Stage::BuildTest, build_at));
        }
        if upto.position() >= 2 {
            steps.push(step(Stage::DeploymentPrep, prep_at));
        }
    };
    let start = r.work_start.unwrap_or(r.planned.start).min(now);
    match r.stage {
        Stage::Plan => {}
        Stage::BuildTest | Stage::DeploymentPrep => push_main(&mut steps, r.stage),
        Stage::Deploy | Stage::VerifyMonitor => {
            push_main(&mut steps, Stage::DeploymentPrep);
            steps.push(step(Stage::Deploy, start));
            if r.stage == Stage::VerifyMonitor {
                steps.push(step(Stage::VerifyMonitor, (start + Duration::minutes(40)).min(now)));
            }
        }
        Stage::Rollback => {
            push_main(&mut steps, Stage::DeploymentPrep);
            steps.push(step(Stage::Deploy, start));
            steps.push(Step {
                note: "배포 후 오류율 급증 (Error rate spiked after deploy); 이전 버전으로 원복",
                downtime: r.downtime_minutes,
                ..step(Stage::Rollback, (start + Duration::minutes(30)).min(now))
            });
        }
        Stage::Complete => {
            push_main(&mut steps, Stage::DeploymentPrep);
            let end = r.work_end.unwrap_or(start).max(start);
            let span = end - start;
            steps.push(step(Stage::Deploy, start));
            let mut downtime = r.downtime_minutes;
            if r.rollback_count > 0 {
                let rollback_downtime = downtime * 2 / 3;
                downtime -= rollback_downtime;
                steps.push(Step {
                    note: "검증 단계에서 성능 저하 발견 (Performance degraded in verification); 롤백 후 재배포",
                    downtime: rollback_downtime,
                    ..step(Stage::Rollback, start + span / 5)
                });
                steps.push(step(Stage::BuildTest, start + span * 3 / 10));
                steps.push(step(Stage::DeploymentPrep, start + span * 4 / 10));
                steps.push(step(Stage::Deploy, start + span / 2));
            }
            steps.push(step(Stage::VerifyMonitor, start + span * 7 / 10));
            steps.push(Step {
                outcome: r.outcome,
                downtime,
                ..step(Stage::Complete, r.closed_at.unwrap_or(end))
            });
        }
    }
    steps
}

fn readiness_for(r: &Release, strategy: Strategy, phases: Vec<DeploymentPhase>) -> Readiness {
    let mut readiness = Readiness { strategy, phases, ..Readiness::default() };
    let reached = r.stage.position();
    let plan_items = match reached {
        0 => 2,
        1 => 4,
        _ => PlanCheck::ALL.len(),
    };
    readiness.plan_done = PlanCheck::ALL.iter().copied().take(plan_items).collect();
    let mut mitigation: Vec<MitigationItem> = Vec::new();
    if reached >= 2 {
        mitigation.extend(MitigationItem::of_phase(MitigationPhase::Before));
    }
    if reached >= 4 || r.stage == Stage::Rollback {
        mitigation.extend(MitigationItem::of_phase(MitigationPhase::During));
    }
    if r.stage == Stage::Complete {
        mitigation.extend(MitigationItem::of_phase(MitigationPhase::After).take(3));
    }
    readiness.mitigation_done = mitigation.into_iter().collect();
    readiness
}

fn phase(name: &str, start: Timestamp, hours: i64, status: PhaseStatus) -> DeploymentPhase {
    DeploymentPhase {
        name: name.to_owned(),
        planned_start: Some(start),
        planned_end: Some(start + Duration::hours(hours)),
        status,
    }
}

fn rate(
    readiness: &mut Readiness,
    kind: RiskKind,
    likelihood: u8,
    impact: u8,
    mitigation: &str,
    owner: Option<AgentId>,
) {
    if let Some(risk) = readiness.risks.iter_mut().find(|r| r.kind == kind) {
        risk.likelihood = likelihood;
        risk.impact = impact;
        risk.mitigation = mitigation.to_owned();
        risk.owner = owner;
    }
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
    vec![
        step(Stage::Plan, r.created_at),
        step(Stage::BuildTest, r.created_at + Duration::minutes(20)),
        step(Stage::DeploymentPrep, start - Duration::hours(3)),
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

/// Adds the lifecycle records to the sample releases (already in their final id order).
#[expect(clippy::too_many_lines, reason = "being split into one file per scenario")]
pub fn enrich(releases: &mut [Release], now: Timestamp) -> SampleLifecycle {
    let registry = Registry {
        changes: CHANGES
            .iter()
            .enumerate()
            .map(|(i, (subject, approval, risk))| Change {
                id: ChangeId(i as i64 + 1),
                subject: (*subject).to_owned(),
                approval: *approval,
                risk: *risk,
            })
            .collect(),
        config_items: CONFIG_ITEMS
            .iter()
            .enumerate()
            .map(|(i, (name, kind))| ConfigItem {
                id: ConfigItemId(i as i64 + 1),
                name: (*name).to_owned(),
                kind: *kind,
            })
            .collect(),
    };
    let mut out = SampleLifecycle { registry, ..SampleLifecycle::default() };
    let mut histories: Vec<(ReleaseId, Option<AgentId>, Vec<Step>)> = Vec::new();

    // The ERP upgrade: each half year's three releases share one phased plan.
    let erp: Vec<usize> = releases
        .iter()
        .enumerate()
        .filter(|(_, r)| r.subject.contains("롯데그룹 ERP"))
        .map(|(i, _)| i)
        .collect();
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
            out.readiness.push((r.id, readiness));
        }
    }

    for r in releases.iter_mut() {
        let is_mobile = r.subject.contains("배달의민족 앱");
        let is_hotfix = r.subject.starts_with("Hotfix v8.");
        let is_bank = r.subject.contains("[긴급]");
        if is_mobile {
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
            out.readiness.push((r.id, readiness));
        } else if is_hotfix {
            r.associated_change_ids = changes(&[4]);
            r.assets = items(&[4, 5, 6]);
            out.readiness.push((r.id, readiness_for(r, Strategy::BigBang, Vec::new())));
        } else if is_bank {
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
            out.readiness.push((r.id, readiness));
        } else if r.stage.position() >= 3 && !out.readiness.iter().any(|(id, _)| *id == r.id) {
            // Ordinary history: a release past the Deploy gate had its plan checklist done.
            out.readiness.push((r.id, readiness_for(r, Strategy::BigBang, Vec::new())));
        }
        let steps = if is_bank && r.subject.contains("코어뱅킹") {
            bank_patch_history(r)
        } else {
            path_of(r, now)
        };
        histories.push((r.id, r.agent_id, steps));
    }

    out.readiness.sort_by_key(|(id, _)| *id);
    for (release_id, actor, steps) in histories {
        for s in steps {
            out.stage_history.push(StageEntry {
                id: StageEntryId(out.stage_history.len() as i64 + 1),
                release_id,
                stage: s.stage,
                entered_at: s.at,
                actor,
                note: s.note.to_owned(),
                override_reason: String::new(),
                outcome: s.outcome,
                downtime_minutes: s.downtime,
            });
        }
    }
    out
}
