//! What the sample's lifecycle records are made of: the registry of Changes (CAB-approved) and
//! CIs the scenarios link to, a plausible stage history for a release, its readiness by the stage
//! it reached, deployment phases and risk ratings. Each scenario's file uses them.

use chrono::Duration;

use crate::domain::{
    AgentId, CabApproval, Change, ChangeId, ChangeRisk, CiKind, ConfigItem, ConfigItemId, DeploymentPhase,
    MitigationItem, MitigationPhase, Outcome, PhaseStatus, PlanCheck, Readiness, Registry, Release,
    ReleaseId, RiskKind, Stage, StageEntry, StageEntryId, Strategy, Timestamp,
};

/// What the lifecycle part of the sample adds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SampleLifecycle {
    /// Ids start at 1; the model shifts them past any id already used.
    pub registry: Registry,
    pub readiness: Vec<(ReleaseId, Readiness)>,
    /// Ids start at 1, in order.
    pub stage_history: Vec<StageEntry>,
    /// The CABs (ids from 1), their votes on the Changes above and the weekly CAB's meetings.
    pub cabs: crate::domain::Cabs,
    /// The app releases' metric readings after deploy (ids from 1; thresholds at their defaults).
    pub monitoring: crate::domain::Monitoring,
    /// The regulator step (id 1) and its approvals of the releases above.
    pub regulators: crate::domain::Regulators,
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
pub(super) fn changes(ids: &[i64]) -> Vec<ChangeId> {
    ids.iter().copied().map(ChangeId).collect()
}

/// Sample CI ids (1 to 10, as in `CONFIG_ITEMS`).
pub(super) fn items(ids: &[i64]) -> Vec<ConfigItemId> {
    ids.iter().copied().map(ConfigItemId).collect()
}

/// One release's stage path with times, before ids are given.
pub(super) struct Step {
    pub(super) stage: Stage,
    pub(super) at: Timestamp,
    pub(super) note: &'static str,
    pub(super) outcome: Option<Outcome>,
    pub(super) downtime: u32,
}

pub(super) fn step(stage: Stage, at: Timestamp) -> Step {
    Step { stage, at, note: "", outcome: None, downtime: 0 }
}

/// A plausible history for a release, ending at its current stage.
pub(super) fn path_of(r: &Release, now: Timestamp) -> Vec<Step> {
    let created = r.created_at;
    let lead = (r.planned.start - created).max(Duration::minutes(10));
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

pub(super) fn readiness_for(r: &Release, strategy: Strategy, phases: Vec<DeploymentPhase>) -> Readiness {
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

pub(super) fn phase(name: &str, start: Timestamp, hours: i64, status: PhaseStatus) -> DeploymentPhase {
    DeploymentPhase {
        name: name.to_owned(),
        planned_start: Some(start),
        planned_end: Some(start + Duration::hours(hours)),
        status,
    }
}

pub(super) fn rate(
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

/// The registry of the scenarios: the Changes and CIs, with ids from 1.
pub(super) fn registry() -> Registry {
    Registry {
        changes: CHANGES
            .iter()
            .enumerate()
            .map(|(i, (subject, approval, risk))| Change {
                id: ChangeId(i as i64 + 1),
                subject: (*subject).to_owned(),
                recorded_approval: *approval,
                risk: *risk,
                cab: None,
            })
            .collect(),
        config_items: CONFIG_ITEMS
            .iter()
            .enumerate()
            .map(|(i, (name, kind))| ConfigItem::new(ConfigItemId(i as i64 + 1), *name, *kind))
            .collect(),
    }
}

/// Every release's stage path as history rows, with ids from 1 in order.
pub(super) fn stage_entries(histories: Vec<(ReleaseId, Option<AgentId>, Vec<Step>)>) -> Vec<StageEntry> {
    let mut entries = Vec::new();
    for (release_id, actor, steps) in histories {
        for s in steps {
            entries.push(StageEntry {
                id: StageEntryId(entries.len() as i64 + 1),
                release_id,
                stage: s.stage,
                entered_at: s.at,
                actor,
                note: s.note.to_owned(),
                override_reason: String::new(),
                outcome: s.outcome,
                downtime_minutes: s.downtime,
                restore_minutes: None,
                restore_target_minutes: None,
            });
        }
    }
    entries
}

/// Plausible stage histories of generated releases (benchmarks and load tests: the KPIs over
/// 100,000 releases), ending at each release's stage, ids from 1.
pub fn histories_of(releases: &[Release], now: Timestamp) -> Vec<StageEntry> {
    stage_entries(releases.iter().map(|r| (r.id, r.agent_id, path_of(r, now))).collect())
}
