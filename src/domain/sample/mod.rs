//! Sample data: the brief's three scenarios (a phased ERP upgrade, bi-weekly mobile releases with a
//! hot fix, a bank's emergency security patch) plus a year of history, and a bulk generator for
//! benchmarks. Anchored to the day it is loaded; otherwise deterministic.

pub mod lifecycle;

use chrono::{Datelike as _, Duration, FixedOffset, NaiveTime, TimeZone as _, Weekday};

use crate::domain::{
    Agent, AgentId, ChecklistItem, Department, DepartmentId, Directory, Group, GroupId, Note, NoteId,
    Outcome, Plan, PlannedWindow, Priority, Release, ReleaseId, ReleaseType, Stage, Status, Task, TaskFields,
    TaskId, TaskStatus, TimeEntry, TimeEntryId, Timestamp,
};

/// What "Load sample data" adds.
#[derive(Clone, Debug, PartialEq)]
pub struct SampleData {
    pub directory: Directory,
    /// Ids start at 1; the model shifts them past any id already used.
    pub releases: Vec<Release>,
    /// The agent to act as, if none is chosen yet.
    pub current_agent: Option<AgentId>,
    /// Notes, tasks and time entries of the sample releases (ids from 1, release and agent ids
    /// as in `releases` and `directory`).
    pub notes: Vec<Note>,
    pub tasks: Vec<Task>,
    pub time_entries: Vec<TimeEntry>,
    /// Changes, CIs, readiness and stage histories of the releases.
    pub lifecycle: lifecycle::SampleLifecycle,
}

/// A small deterministic random source (SplitMix64), so samples and benches repeat exactly.
#[derive(Clone, Debug)]
pub struct SampleRng(u64);

impl SampleRng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    pub fn range(&mut self, low: i64, high: i64) -> i64 {
        low + self.below((high - low + 1).max(1) as u64) as i64
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const AGENTS: &[(&str, &str)] = &[
    ("김민준", "minjun.kim@example.co.kr"),
    ("이서연", "seoyeon.lee@example.co.kr"),
    ("박지훈", "jihoon.park@example.co.kr"),
    ("최수아", "sua.choi@example.co.kr"),
    ("정예준", "yejun.jung@example.co.kr"),
    ("Emily Carter", "emily.carter@example.com"),
    ("David Moreau", "david.moreau@example.com"),
    ("한지민", "jimin.han@example.co.kr"),
];

const GROUPS: &[&str] =
    &["ERP 운영팀", "Mobile Platform", "정보보호팀", "Infrastructure", "QA & Release", "Core Banking"];

const DEPARTMENTS: &[&str] = &["IT본부", "디지털사업부", "정보보호부", "Finance IT"];

/// Subjects of the year's ordinary releases, with their usual type and group index.
const HISTORY: &[(&str, ReleaseType, usize)] = &[
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

const DESCRIPTIONS: &[&str] = &[
    "CAB 승인 완료. 배포 후 30분간 모니터링.",
    "Approved by CAB. Rollback plan: restore previous package from the artifact store.",
    "영향도 분석 완료, 업무 시간 외 배포.",
    "Deploy outside business hours; notify service desk before start.",
];

/// Korea Standard Time: the scenarios' windows are Korean weekend nights.
const KST_OFFSET: FixedOffset = match FixedOffset::east_opt(9 * 3600) {
    Some(offset) => offset,
    None => panic!("UTC+9 is a valid offset"),
};

fn kst() -> FixedOffset {
    KST_OFFSET
}

/// Midnight (KST) of `days` days from `now`'s date.
fn day(now: Timestamp, days: i64) -> Timestamp {
    let local = now.with_timezone(&kst()).date_naive() + Duration::days(days);
    kst().from_local_datetime(&local.and_time(NaiveTime::MIN)).single().map_or(now, |t| t.to_utc())
}

/// The Saturday on or after `t` (KST), at 22:00.
fn saturday_night(t: Timestamp) -> Timestamp {
    let local = t.with_timezone(&kst());
    let ahead = (Weekday::Sat.num_days_from_monday() + 7 - local.weekday().num_days_from_monday()) % 7;
    day(t, i64::from(ahead)) + Duration::hours(22)
}

/// The lifecycle fields of a sample release.
#[derive(Default)]
struct Lifecycle {
    stage: Stage,
    outcome: Option<Outcome>,
    closed_at: Option<Timestamp>,
    rollback_count: u32,
    downtime_minutes: u32,
}

struct Builder {
    now: Timestamp,
    releases: Vec<Release>,
}

impl Builder {
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        subject: &str,
        description: &str,
        release_type: ReleaseType,
        priority: Priority,
        start: Timestamp,
        hours: i64,
        agent: Option<i64>,
        group: Option<i64>,
        department: Option<i64>,
        rng: &mut SampleRng,
    ) -> usize {
        let id = ReleaseId(self.releases.len() as i64 + 1);
        let end = start + Duration::minutes(hours.max(1) * 60);
        let lead_days = match release_type {
            ReleaseType::Emergency => rng.range(0, 1),
            ReleaseType::Major => rng.range(20, 45),
            _ => rng.range(3, 14),
        };
        let planned_at = start - Duration::days(lead_days) - Duration::hours(rng.range(1, 8));
        // Releases planned for the future were filed some days ago, not all "now".
        let created_at = planned_at.min(self.now - Duration::hours(rng.range(2, 24 * 20)));
        // Windows that ended in the last week are sometimes still being verified.
        let still_open = end >= self.now - Duration::days(7) && rng.chance(45);
        let (status, work_start, work_end) = if end < self.now - Duration::days(1) && !still_open {
            // Past: mostly completed, with overruns spread around the 10 % target.
            let delay = Duration::minutes(rng.range(0, 20));
            let overrun_pct = if rng.chance(20) { rng.range(11, 60) } else { rng.range(-15, 9) };
            let planned = (end - start).num_minutes();
            let actual = (planned * (100 + overrun_pct) / 100).max(5);
            let ws = start + delay;
            let we = ws + Duration::minutes(actual);
            if rng.chance(8) {
                (Status::Incomplete, Some(ws), None)
            } else {
                (Status::Completed, Some(ws), Some(we.min(self.now)))
            }
        } else if start <= self.now {
            (*rng.pick(&[Status::InProgress, Status::InProgress, Status::OnHold]), Some(start), None)
        } else if rng.chance(15) {
            (Status::OnHold, None, None)
        } else {
            (Status::Open, None, None)
        };
        let mut lifecycle = Lifecycle::default();
        match status {
            Status::Completed => {
                lifecycle.stage = Stage::Complete;
                lifecycle.closed_at = work_end;
                let rolled_back = rng.chance(if release_type == ReleaseType::Major { 12 } else { 4 });
                lifecycle.rollback_count = u32::from(rolled_back);
                lifecycle.outcome = Some(if rng.chance(if rolled_back { 40 } else { 3 }) {
                    Outcome::Failed
                } else {
                    Outcome::Successful
                });
                lifecycle.downtime_minutes = if rolled_back {
                    rng.range(30, 240) as u32
                } else if rng.chance(25) {
                    rng.range(5, 45) as u32
                } else {
                    0
                };
            }
            Status::Incomplete => {
                lifecycle.stage = Stage::Rollback;
                lifecycle.rollback_count = 1;
                lifecycle.downtime_minutes = rng.range(10, 90) as u32;
            }
            Status::InProgress => {
                lifecycle.stage = *rng.pick(&[Stage::Deploy, Stage::VerifyMonitor, Stage::BuildTest]);
            }
            Status::OnHold => lifecycle.stage = Stage::BuildTest,
            Status::Open => {
                lifecycle.stage =
                    *rng.pick(&[Stage::Plan, Stage::Plan, Stage::BuildTest, Stage::DeploymentPrep]);
            }
        }
        let updated_at = match work_end.or(work_start) {
            Some(t) => t.max(created_at).min(self.now),
            None => created_at,
        };
        self.releases.push(Release {
            description: description.to_owned(),
            work_start,
            work_end,
            agent_id: agent.map(AgentId),
            group_id: group.map(GroupId),
            department_id: department.map(DepartmentId),
            category: Some(if group == Some(3) { "Security" } else { "Software" }.to_owned()),
            stage: lifecycle.stage,
            outcome: lifecycle.outcome,
            closed_at: lifecycle.closed_at,
            rollback_count: lifecycle.rollback_count,
            downtime_minutes: lifecycle.downtime_minutes,
            updated_at,
            ..Release::new(
                id,
                subject,
                status,
                priority,
                release_type,
                PlannedWindow { start, end },
                created_at,
            )
        });
        self.releases.len() - 1
    }
}

fn directory() -> Directory {
    Directory {
        agents: AGENTS
            .iter()
            .enumerate()
            .map(|(i, (name, email))| Agent {
                id: AgentId(i as i64 + 1),
                name: (*name).to_owned(),
                email: (*email).to_owned(),
            })
            .collect(),
        groups: GROUPS
            .iter()
            .enumerate()
            .map(|(i, name)| Group { id: GroupId(i as i64 + 1), name: (*name).to_owned() })
            .collect(),
        departments: DEPARTMENTS
            .iter()
            .enumerate()
            .map(|(i, name)| Department { id: DepartmentId(i as i64 + 1), name: (*name).to_owned() })
            .collect(),
    }
}

/// The three scenarios from the brief plus a year of history, anchored at `now`.
pub fn scenarios(now: Timestamp) -> SampleData {
    let mut rng = SampleRng::new(0x5EED_2026);
    let mut b = Builder { now, releases: Vec::new() };
    let agents = AGENTS.len() as i64;

    // 1. 롯데그룹 IT본부: twice-yearly major ERP upgrade, phased HQ -> affiliates -> all,
    //    weekend-night windows, rollback within 4 hours.
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
                &mut rng,
            );
        }
    }

    // 2. 배달의민족 개발팀: an app release every two weeks, A/B tests, hot fixes within an hour.
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
            &mut rng,
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
                &mut rng,
            );
        }
        sprint += 14;
    }

    // 3. KB국민은행 정보보호팀: emergency security patch with impact analysis, regulator reporting.
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
            &mut rng,
        );
    }

    // A year of ordinary history, and a few months ahead.
    let mut n = 0;
    while b.releases.len() < 170 {
        let (subject, release_type, group) = HISTORY[n % HISTORY.len()];
        let round = n / HISTORY.len();
        let days = rng.range(-360, 100);
        let start = day(now, days) + Duration::hours(rng.range(8, 22));
        let release_type = if rng.chance(6) { ReleaseType::Emergency } else { release_type };
        let priority = *rng.pick(Priority::ALL);
        let agent = if rng.chance(12) { None } else { Some(rng.range(1, agents)) };
        let subject = if round == 0 { subject.to_owned() } else { format!("{subject} ({})", round + 1) };
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
            &mut rng,
        );
        n += 1;
    }

    // Keep ids in created order, as a real tracker would have given them.
    b.releases.sort_by_key(|r| (r.created_at, r.id));
    for (i, r) in b.releases.iter_mut().enumerate() {
        r.id = ReleaseId(i as i64 + 1);
    }
    let lifecycle = lifecycle::enrich(&mut b.releases, now);
    let mut data = SampleData {
        directory: directory(),
        releases: b.releases,
        current_agent: Some(AgentId(1)),
        notes: Vec::new(),
        tasks: Vec::new(),
        time_entries: Vec::new(),
        lifecycle,
    };
    scenario_work(&mut data, now);
    data
}

fn checklist(items: &[(&str, bool)]) -> Vec<ChecklistItem> {
    items.iter().map(|(text, done)| ChecklistItem { text: (*text).to_owned(), done: *done }).collect()
}

/// Adds plans, tasks, notes and time (Korean, as the teams write them) to the scenarios' current
/// releases: the next ERP phase, the current mobile sprint and today's emergency bank patch
/// (with a timer running since two hours ago).
#[expect(clippy::too_many_lines, reason = "being split into one file per scenario")]
fn scenario_work(data: &mut SampleData, now: Timestamp) {
    let find = |data: &SampleData, pred: &dyn Fn(&Release) -> bool| data.releases.iter().position(pred);
    let erp = find(data, &|r| r.subject.contains("하반기") && r.subject.contains("1단계"));
    let mobile =
        find(data, &|r| r.subject.starts_with("배달의민족") && r.planned.end >= now - Duration::days(1));
    let bank = find(data, &|r| r.subject.contains("모바일 뱅킹 앱 보안 업데이트"));
    let bank_before = find(data, &|r| r.subject.contains("코어뱅킹 보안 패치"));
    let hour = Duration::hours(1);

    let mut work = Work { data, now };
    if let Some(i) = erp {
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
        work.task(
            id,
            "계열사 IT 담당자 배포 공지 발송",
            TaskStatus::Open,
            Some(now - Duration::days(1)),
            1,
            1,
        );
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
    if let Some(i) = mobile {
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
    if let Some(i) = bank {
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
    if let Some(i) = bank_before {
        let release = &work.data.releases[i];
        let (id, start) = (release.id, release.work_start.unwrap_or(release.planned.start));
        work.task(id, "금감원 보고 및 승인", TaskStatus::Completed, Some(start - hour), 4, 3);
        work.time(id, 4, start, 180, "보안 패치 적용 및 거래 검증", true);
        work.note(id, 4, start + Duration::hours(4), "전 거래 기능 검증 완료. 이상 없음.");
    }
}

/// Appends child records with sequential ids.
struct Work<'a> {
    data: &'a mut SampleData,
    now: Timestamp,
}

impl Work<'_> {
    fn task(
        &mut self,
        release: ReleaseId,
        title: &str,
        status: TaskStatus,
        due: Option<Timestamp>,
        agent: i64,
        group: i64,
    ) {
        let created = self.now - Duration::days(3);
        self.data.tasks.push(Task {
            id: TaskId(self.data.tasks.len() as i64 + 1),
            release_id: release,
            fields: TaskFields {
                title: title.to_owned(),
                description: String::new(),
                status,
                due,
                agent_id: Some(AgentId(agent)),
                group_id: Some(GroupId(group)),
            },
            created_at: created,
            updated_at: created,
        });
    }

    fn note(&mut self, release: ReleaseId, author: i64, at: Timestamp, body: &str) {
        let at = at.min(self.now);
        self.data.notes.push(Note {
            id: NoteId(self.data.notes.len() as i64 + 1),
            release_id: release,
            body: body.to_owned(),
            author: Some(AgentId(author)),
            created_at: at,
            updated_at: at,
        });
    }

    fn time(
        &mut self,
        release: ReleaseId,
        agent: i64,
        at: Timestamp,
        minutes: u32,
        note: &str,
        billable: bool,
    ) {
        let at = at.min(self.now);
        self.data.time_entries.push(TimeEntry {
            id: TimeEntryId(self.data.time_entries.len() as i64 + 1),
            release_id: release,
            agent_id: Some(AgentId(agent)),
            note: note.to_owned(),
            minutes,
            executed_at: at,
            billable,
            timer_start: None,
            created_at: at,
        });
    }

    fn timer(&mut self, release: ReleaseId, agent: i64, start: Timestamp, note: &str) {
        self.data.time_entries.push(TimeEntry {
            id: TimeEntryId(self.data.time_entries.len() as i64 + 1),
            release_id: release,
            agent_id: Some(AgentId(agent)),
            note: note.to_owned(),
            minutes: 0,
            executed_at: start,
            billable: true,
            timer_start: Some(start),
            created_at: start,
        });
    }
}

/// `count` generated releases (benchmarks and load tests), deterministic for a seed.
pub fn generate(count: usize, seed: u64, now: Timestamp) -> SampleData {
    let mut rng = SampleRng::new(seed);
    let directory = directory();
    let mut releases = Vec::with_capacity(count);
    for i in 0..count {
        let (subject, release_type, group) = HISTORY[i % HISTORY.len()];
        let start = now + Duration::minutes(rng.range(-525_600, 172_800));
        let end = start + Duration::minutes(rng.range(30, 600));
        let created_at = start - Duration::days(rng.range(1, 30));
        let status = *rng.pick(Status::ALL);
        // Drawn in this order so a seed gives the same releases as it always did.
        let description = *rng.pick(DESCRIPTIONS);
        let priority = *rng.pick(Priority::ALL);
        let release_type = if rng.chance(7) { ReleaseType::Emergency } else { release_type };
        let planned = PlannedWindow { start, end };
        let completed = status == Status::Completed;
        releases.push(Release {
            description: description.to_owned(),
            work_start: (status != Status::Open).then_some(start),
            work_end: completed.then_some(end),
            agent_id: (!rng.chance(10)).then(|| AgentId(rng.range(1, AGENTS.len() as i64))),
            group_id: Some(GroupId(group as i64 + 1)),
            department_id: Some(DepartmentId(rng.range(1, DEPARTMENTS.len() as i64))),
            stage: if completed { Stage::Complete } else { Stage::Plan },
            outcome: completed.then(|| if rng.chance(4) { Outcome::Failed } else { Outcome::Successful }),
            closed_at: completed.then_some(end),
            rollback_count: u32::from(completed && rng.chance(4)),
            downtime_minutes: if completed { rng.range(0, 30) as u32 } else { 0 },
            deleted_at: rng.chance(2).then_some(created_at),
            ..Release::new(
                ReleaseId(i as i64 + 1),
                format!("{subject} #{i}"),
                status,
                priority,
                release_type,
                planned,
                created_at,
            )
        });
    }
    SampleData {
        directory,
        releases,
        current_agent: Some(AgentId(1)),
        notes: Vec::new(),
        tasks: Vec::new(),
        time_entries: Vec::new(),
        lifecycle: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::release::validate_release;

    #[test]
    fn scenarios_are_valid_and_cover_the_codes() {
        let now = chrono::Utc.with_ymd_and_hms(2026, 11, 26, 3, 0, 0).single().expect("valid date");
        let data = scenarios(now);
        assert!(data.releases.len() >= 150);
        for r in &data.releases {
            validate_release(r).expect("sample release is valid");
            assert!(r.created_at <= now);
        }
        for s in Status::ALL {
            assert!(data.releases.iter().any(|r| r.status == *s), "{s:?} missing");
        }
        for p in Priority::ALL {
            assert!(data.releases.iter().any(|r| r.priority == *p), "{p:?} missing");
        }
        for t in ReleaseType::ALL {
            assert!(data.releases.iter().any(|r| r.release_type == *t), "{t:?} missing");
        }
        assert!(data.releases.iter().any(|r| r.subject.contains("롯데그룹")));
        assert!(data.releases.iter().any(|r| r.subject.contains("배달의민족")));
        assert!(data.releases.iter().any(|r| r.subject.contains("KB국민은행")));
        assert_eq!(data, scenarios(now), "deterministic for the same day");
        assert!(data.tasks.len() >= 8 && data.notes.len() >= 5 && data.time_entries.len() >= 5);
        assert_eq!(data.time_entries.iter().filter(|e| e.is_running()).count(), 1, "one timer runs");
        for release in data.tasks.iter().map(|t| t.release_id).chain(data.notes.iter().map(|n| n.release_id))
        {
            assert!(data.releases.iter().any(|r| r.id == release), "child of a sample release");
        }
    }
}
