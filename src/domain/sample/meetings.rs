//! The sample's CAB meetings: the weekly CAB has met every Tuesday at 10:00 in Seoul for the past
//! year (one meeting per occurrence of its series), and meets next Tuesday. A past meeting's
//! agenda is what the rules gave it then: the emergency releases and releases closed since the
//! previous meeting (the rules, run now, give the same), and for decision the releases planned
//! in the week after the next meeting (decided back then; their Changes have been approved since),
//! with those still awaiting the CAB. Every release for decision was decided, approved unless it
//! still awaits the CAB (then deferred, with an action item); every fifth approval carries an action item,
//! done. Each past meeting has its minutes. The next meeting has its agenda from the rules, ready
//! to pack.

use chrono::{Datelike as _, Duration, NaiveDate, Weekday};

use crate::domain::cab::meeting::{awaits_decision, rule_agenda, series_starts};
use crate::domain::schedule::{Recurrence, Tz};
use crate::domain::{
    ActionItem, AgendaItem, AgendaReason, AgentId, CabApproval, CabId, CabMeeting, CabMeetingId, Cabs,
    Decision, MeetingOutcome, MeetingRecurrence, Registry, Release, ReleaseType, Timestamp,
};

const WEEKLY: CabId = CabId(1);
const MINUTES: u32 = 60;

/// Comments of approvals, in turn.
const APPROVALS: &[&str] = &[
    "롤백 계획과 배포 창 확인, 승인",
    "테스트 결과 확인, 승인",
    "영향 범위 검토 완료, 승인",
    "",
    "결산 일정과 겹치지 않음을 확인, 승인",
];

/// The weekly series: every Tuesday 10:00 in Seoul, from the first Tuesday of the past year.
fn series(now: Timestamp) -> MeetingRecurrence {
    let zone = Tz::Asia__Seoul;
    let year_ago = (now - Duration::days(364)).with_timezone(&zone).date_naive();
    let ahead = (7 + Weekday::Tue.num_days_from_monday() - year_ago.weekday().num_days_from_monday()) % 7;
    let first: NaiveDate = year_ago + Duration::days(i64::from(ahead));
    let start = first.and_hms_opt(10, 0, 0).unwrap_or_default();
    MeetingRecurrence { zone, recurrence: Recurrence::new("FREQ=WEEKLY;BYDAY=TU", start) }
}

/// The meeting at `start` with the CAB's members attending (one of them away, in turn).
fn meeting(id: i64, start: Timestamp, series: &MeetingRecurrence, members: &[AgentId]) -> CabMeeting {
    let mut m = CabMeeting::ad_hoc(CabMeetingId(id), WEEKLY, start);
    m.duration_minutes = MINUTES;
    m.recurrence = Some(series.clone());
    let away = usize::try_from(id).unwrap_or(0) % (members.len() + 2);
    m.attendees = members.iter().enumerate().filter(|(i, _)| *i != away).map(|(_, a)| *a).collect();
    m
}

/// The weekly CAB's meetings of the past year and its next one (ids in start order from 1).
pub(super) fn meetings(
    cabs: &Cabs,
    registry: &Registry,
    releases: &[Release],
    now: Timestamp,
) -> Vec<CabMeeting> {
    let Some(weekly) = cabs.cab(WEEKLY) else { return Vec::new() };
    let series = series(now);
    let starts = series_starts(&series, now - Duration::days(365), now + Duration::days(8));
    let past = starts.iter().filter(|t| **t < now).count();
    let starts = &starts[..(past + 1).min(starts.len())];
    let mut all: Vec<CabMeeting> =
        starts.iter().zip(1..).map(|(t, id)| meeting(id, *t, &series, &weekly.members)).collect();
    let view = Cabs { meetings: all.clone(), ..cabs.clone() };
    let mut approvals = 0_usize;
    for i in 0..all.len() {
        let rules = rule_agenda(&all[i], &view, registry, releases);
        if all[i].start >= now {
            all[i].agenda = rules;
            continue;
        }
        let next = all.get(i + 1).map_or(all[i].start + Duration::days(7), |m| m.start);
        let mut planned: Vec<&Release> = releases
            .iter()
            .filter(|r| {
                r.release_type != ReleaseType::Emergency
                    && !r.is_deleted()
                    && next <= r.planned.start
                    && r.planned.start < next + Duration::days(7)
            })
            .collect();
        planned.sort_by_key(|r| (r.planned.start, r.id));
        let mut agenda: Vec<AgendaItem> =
            planned.iter().map(|r| AgendaItem::by_rule(r.id, AgendaReason::ForDecision)).collect();
        for item in rules {
            if !agenda.iter().any(|a| a.release == item.release) {
                agenda.push(item);
            }
        }
        agenda.sort_by_key(|a| match a.reason {
            AgendaReason::ForDecision => 0,
            AgendaReason::Emergency => 1,
            AgendaReason::Closed => 2,
        });
        let m = &mut all[i];
        m.agenda = agenda;
        decide(m, &view, registry, releases, &mut approvals);
        m.minutes = minutes(m);
    }
    all
}

/// The decisions of a past meeting on each release for decision.
fn decide(m: &mut CabMeeting, cabs: &Cabs, registry: &Registry, releases: &[Release], approvals: &mut usize) {
    let day = m.start.with_timezone(&Tz::Asia__Seoul).date_naive();
    for id in m.agenda_for(AgendaReason::ForDecision) {
        let Some(release) = releases.iter().find(|r| r.id == id) else { continue };
        let owner = release.agent_id.or_else(|| m.attendees.first().copied());
        let decision = if awaits_decision(release, WEEKLY, cabs, registry) {
            let change_pending = release
                .associated_change_ids
                .iter()
                .filter_map(|c| registry.change(*c))
                .any(|c| c.cab == Some(WEEKLY) && cabs.change_state(c).0 == CabApproval::Pending);
            let (comment, action) = if change_pending {
                ("변경 승인 투표가 끝나지 않아 다음 회의에서 다시 결정", "남은 위원 투표와 리허설 결과 공유")
            } else {
                ("배포 준비 상태를 확인한 뒤 go/no-go 결정", "배포 준비 점검표와 롤백 계획 최신화")
            };
            Decision {
                release: id,
                outcome: MeetingOutcome::Deferred,
                comment: comment.into(),
                actions: vec![ActionItem {
                    text: action.into(),
                    owner,
                    due: Some(day + Duration::days(5)),
                    done: false,
                }],
            }
        } else {
            let comment = APPROVALS[*approvals % APPROVALS.len()];
            let actions = if (*approvals).is_multiple_of(5) {
                vec![ActionItem {
                    text: "배포 후 모니터링 결과를 다음 CAB에 보고".into(),
                    owner,
                    due: Some(day + Duration::days(7)),
                    done: true,
                }]
            } else {
                Vec::new()
            };
            *approvals += 1;
            Decision { release: id, outcome: MeetingOutcome::Approved, comment: comment.into(), actions }
        };
        m.decisions.push(decision);
    }
}

/// The minutes: who came, what was decided, what was reviewed.
fn minutes(m: &CabMeeting) -> String {
    let approved = m.decisions.iter().filter(|d| d.outcome == MeetingOutcome::Approved).count();
    let deferred = m.decisions.iter().filter(|d| d.outcome == MeetingOutcome::Deferred).count();
    let mut text = format!(
        "참석 {}명. 결정 대상 {}건 중 승인 {approved}건, 보류 {deferred}건.\n지난 회의 이후 긴급 릴리스 {}건, 종료 릴리스 {}건 검토.",
        m.attendees.len(),
        m.decisions.len(),
        m.agenda_for(AgendaReason::Emergency).len(),
        m.agenda_for(AgendaReason::Closed).len(),
    );
    if deferred > 0 {
        text.push_str("\n보류 건은 조치 항목을 마친 뒤 다음 회의에서 다시 다룬다.");
    }
    text
}
