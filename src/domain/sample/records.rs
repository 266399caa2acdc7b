//! The sample's back-out plans, impact analyses, reviews and the rest of its work, built from the
//! release templates: every release past Plan gets build, test and back-out plans (the ERP,
//! mobile and bank scenarios from their templates, the year's ordinary releases from a general
//! shape) whose checklists are ticked as far as its stage has come; Major and Emergency releases
//! about to deploy have a rehearsal; rollbacks record their restore time against the target;
//! completed releases (all but one in five) and rolled-back ones have a review; the bank's
//! patches and the ERP phases have impact analyses; and most releases past Plan have tasks,
//! a note and time entries.

use chrono::Duration;

use super::SampleData;
use super::work::Work;
use crate::domain::review::can_review;
use crate::domain::template::{Template, builtin};
use crate::domain::{
    BackoutPlan, ImpactAnalysis, Plan, Rehearsal, RehearsalResult, Release, ReleaseId, ReleaseType, Review,
    Stage, TaskStatus, Timestamp,
};

/// The sample's back-out plans, impact analyses and reviews, by release.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SampleRecords {
    pub backout: Vec<(ReleaseId, BackoutPlan)>,
    pub impact: Vec<(ReleaseId, ImpactAnalysis)>,
    pub reviews: Vec<(ReleaseId, Review)>,
}

/// The template a sample release is shaped after (`None`: the general shape).
fn template_for(r: &Release) -> Option<Template> {
    let key = if r.subject.contains("ERP") {
        builtin::ERP
    } else if r.subject.contains("배달의민족") {
        builtin::MOBILE
    } else if r.subject.contains("KB국민은행") || r.subject.contains("모바일 뱅킹 앱 보안") {
        builtin::SECURITY
    } else {
        return None;
    };
    builtin::get(key)
}

fn plan(body: &str, items: &[&str]) -> Plan {
    Plan {
        body: body.to_owned(),
        items: items
            .iter()
            .map(|t| crate::domain::ChecklistItem { text: (*t).to_owned(), done: false })
            .collect(),
    }
}

/// The general shape of the year's ordinary releases.
fn general(release_type: ReleaseType) -> (Plan, Plan, BackoutPlan) {
    let build = plan(
        "## 빌드\n배포 패키지를 아티팩트 저장소에 올리고 환경별 설정을 확인합니다.",
        &["소스 빌드 및 버전 태그", "의존성 점검", "환경별 설정 확인", "배포 패키지 등록"],
    );
    let test = plan(
        "## 테스트\n스테이징에서 회귀 테스트 후 담당 부서 확인.",
        &["단위 테스트", "스테이징 회귀 테스트", "담당 부서 확인"],
    );
    let backout = BackoutPlan {
        steps: plan(
            "## 원복\n아티팩트 저장소의 이전 패키지로 되돌립니다.",
            &["진행/중단 결정", "이전 패키지 재배포", "서비스 정상화 확인", "서비스 데스크 공지"],
        ),
        go_no_go: "배포 후 30분 안에 오류가 해결되지 않으면 원복".to_owned(),
        decision_point_minutes: Some(30),
        ..BackoutPlan::new(release_type)
    };
    (build, test, backout)
}

/// Ticks the first `share` (0..=1) of a plan's checklist.
fn ticked(mut plan: Plan, share: f32) -> Plan {
    let done = (plan.items.len() as f32 * share).round() as usize;
    for (i, item) in plan.items.iter_mut().enumerate() {
        item.done = i < done;
    }
    plan
}

/// How far each plan is ticked at a stage: (build, test, back-out steps).
fn progress(stage: Stage) -> (f32, f32, f32) {
    match stage.position() {
        0 => (0.0, 0.0, 0.0),
        1 => (0.5, 0.0, 0.5),
        2 => (1.0, 0.67, 1.0),
        _ => (1.0, 1.0, 1.0),
    }
}

const WENT_WELL: &[&str] = &[
    "사전 리허설 덕분에 배포가 계획한 시간 안에 끝났습니다.",
    "체크리스트대로 진행해 누락 없이 배포했습니다.",
    "모니터링 대시보드로 이상 징후를 바로 확인할 수 있었습니다.",
];
const WENT_WRONG: &[&str] = &[
    "배포 공지가 늦어 서비스 데스크 문의가 몰렸습니다.",
    "스테이징과 운영의 설정 차이를 늦게 발견했습니다.",
    "",
];
const LESSONS: &[&str] = &[
    "환경별 설정 비교를 빌드 계획의 필수 항목으로 둡니다.",
    "공지는 배포 3일 전에 발송합니다.",
    "원복 리허설 결과를 CAB 자료에 첨부합니다.",
];

/// A review of `r`, written two days after it closed or rolled back.
fn review(r: &Release, n: usize, now: Timestamp) -> Review {
    let rolled_back = r.rollback_count > 0 || r.stage == Stage::Rollback;
    let went_wrong = if rolled_back {
        "배포 후 오류율이 올라 백아웃했습니다. 원인 분석 후 재배포했습니다."
    } else {
        WENT_WRONG[n % WENT_WRONG.len()]
    };
    let at = r.closed_at.unwrap_or(r.planned.end) + Duration::days(2);
    Review {
        went_well: WENT_WELL[n % WENT_WELL.len()].to_owned(),
        went_wrong: went_wrong.to_owned(),
        lessons: LESSONS[n % LESSONS.len()].to_owned(),
        follow_ups: Vec::new(),
        reviewer: r.agent_id,
        reviewed_at: Some(at.min(now)),
    }
}

/// Adds the plans, records and work described in the module docs.
pub(super) fn add(data: &mut SampleData, now: Timestamp) {
    let mut records = SampleRecords::default();
    for (n, r) in data.releases.iter_mut().enumerate() {
        if r.stage == Stage::Plan || r.is_deleted() {
            continue;
        }
        let template = template_for(r);
        let (build, test, backout) = match &template {
            Some(t) => (
                t.build_plan.clone().unwrap_or_default(),
                t.test_plan.clone().unwrap_or_default(),
                t.backout.clone().unwrap_or_else(|| BackoutPlan::new(r.release_type)),
            ),
            None => general(r.release_type),
        };
        let (build_share, test_share, backout_share) = progress(r.stage);
        if r.build_plan.is_none() {
            r.build_plan = Some(ticked(build, build_share));
        }
        if r.test_plan.is_none() {
            r.test_plan = Some(ticked(test, test_share));
        }
        let mut backout = backout.reset();
        backout.steps = ticked(backout.steps, backout_share);
        backout.restore_target_minutes = crate::domain::backout::default_restore_target(r.release_type);
        if r.stage.position() >= 2 && matches!(r.release_type, ReleaseType::Major | ReleaseType::Emergency) {
            // The second ERP phase's rehearsal ran over the 4 hours: its Deploy gate warns.
            let over = r.subject.contains("하반기") && r.subject.contains("2단계");
            let target = backout.restore_target_minutes;
            backout.rehearsals.push(Rehearsal {
                id: 1,
                date: (r.planned.start - Duration::days(5)).min(now),
                restore_minutes: if over { target + 30 } else { target * 3 / 4 },
                result: RehearsalResult::Pass,
                note: if over { "DB 복원이 예상보다 길었음" } else { "주말 야간 리허설" }.to_owned(),
            });
        }
        records.backout.push((r.id, backout));
        if let Some(impact) = template.as_ref().and_then(|t| t.impact.clone()) {
            records.impact.push((r.id, impact));
        }
        if can_review(r) && r.stage != Stage::Plan && (r.rollback_count > 0 || n % 5 != 0) {
            records.reviews.push((r.id, review(r, n, now)));
        }
    }
    rollback_restore_times(data, &records);
    add_work(data, now);
    data.records = records;
}

/// Every Rollback in the stage histories records its restore time against the back-out plan's
/// target: most within it, one in three over.
fn rollback_restore_times(data: &mut SampleData, records: &SampleRecords) {
    for (n, entry) in
        data.lifecycle.stage_history.iter_mut().filter(|e| e.stage == Stage::Rollback).enumerate()
    {
        let target = records
            .backout
            .iter()
            .find(|(id, _)| *id == entry.release_id)
            .map(|(_, p)| p.restore_target_minutes);
        let target = target.unwrap_or(120);
        entry.restore_target_minutes = Some(target);
        entry.restore_minutes = Some(if n % 3 == 2 { target + 45 } else { target * 2 / 3 });
    }
}

/// Tasks, a note and time for the releases past Plan that have no work yet (the scenarios' current
/// releases have theirs already): two in three of them.
fn add_work(data: &mut SampleData, now: Timestamp) {
    let releases: Vec<Release> = data.releases.clone();
    let mut work = Work { data, now };
    for (n, r) in releases.iter().enumerate() {
        if r.stage == Stage::Plan || r.is_deleted() || n % 3 == 0 {
            continue;
        }
        if work.data.tasks.iter().any(|t| t.release_id == r.id) {
            continue;
        }
        let agent = r.agent_id.map_or(1, |a| a.0);
        let group = r.group_id.map_or(1, |g| g.0);
        let done = r.stage.position() >= 3;
        let status = |first: bool| match (done, first) {
            (true, _) => TaskStatus::Completed,
            (false, true) => TaskStatus::InProgress,
            (false, false) => TaskStatus::Open,
        };
        let tasks: Vec<(String, i64)> = match template_for(r) {
            Some(t) => t.tasks.iter().take(3).map(|t| (t.title.clone(), t.due_offset_minutes)).collect(),
            None => vec![
                ("배포 공지 발송".to_owned(), -3 * 24 * 60),
                ("스테이징 검증 결과 공유".to_owned(), -24 * 60),
                ("배포 후 모니터링".to_owned(), 60),
            ],
        };
        for (i, (title, offset)) in tasks.iter().enumerate() {
            let due = r.planned.start + Duration::minutes(*offset);
            work.task(r.id, title, status(i == 0), Some(due), agent, group);
        }
        let at = (r.planned.start - Duration::days(2)).max(r.created_at);
        work.note(r.id, agent, at, "CAB 검토 완료. 배포 일정과 원복 절차를 팀에 공유했습니다.");
        work.time(r.id, agent, at, 90, "배포 준비 및 점검", true);
        if done {
            work.time(r.id, agent, r.planned.start, 120 + (n as u32 % 4) * 30, "배포 작업", true);
        }
    }
}
