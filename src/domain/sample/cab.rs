//! The sample's Change Advisory Boards: the weekly CAB ("주간 변경자문위원회", five members,
//! majority, 이서연 chairing) that decides the ERP and mobile Changes, and the emergency CAB
//! (ECAB) of the bank's security patches (any member, 정예준 chairing). Their votes give each
//! Change the approval its releases' stages need: the Changes of releases past the Deploy gate
//! are approved, the ERP master-data migration is still pending (one approval, one rejection),
//! and the core-banking patch was approved by the ECAB after the fact, by phone.

use chrono::Duration;

use crate::domain::cab::is_after_the_fact;
use crate::domain::{
    AgentId, ApprovalRule, Cab, CabId, Cabs, ChangeId, Registry, Release, Timestamp, Vote, VoteDecision,
    VoteSubject,
};

const WEEKLY: CabId = CabId(1);
const ECAB: CabId = CabId(2);

/// One vote: agent (as in the sample's `AGENTS`), decision, comment.
type Cast = (i64, VoteDecision, &'static str);

/// (Change, CAB, votes). Change ids as in `lifecycle::CHANGES`.
const DECISIONS: &[(i64, CabId, &[Cast])] = &[
    (
        1,
        WEEKLY,
        &[
            (1, VoteDecision::Approve, "단계별 롤백 계획 확인"),
            (3, VoteDecision::Approve, ""),
            (4, VoteDecision::Approve, "결산 기간을 피한 일정 확인"),
            (2, VoteDecision::Approve, "승인합니다"),
        ],
    ),
    (
        2,
        WEEKLY,
        &[
            (1, VoteDecision::Approve, ""),
            (4, VoteDecision::Approve, "계열사 EDI 테스트 완료"),
            (6, VoteDecision::Approve, ""),
        ],
    ),
    (
        3,
        WEEKLY,
        &[
            (6, VoteDecision::Approve, "표준 변경, 단계적 배포 확인"),
            (3, VoteDecision::Approve, ""),
            (1, VoteDecision::Approve, ""),
        ],
    ),
    (
        8,
        WEEKLY,
        &[
            (1, VoteDecision::Approve, "데이터 검증 계획 확인"),
            (6, VoteDecision::Reject, "이관 리허설 결과를 보고 다시 결정"),
        ],
    ),
    (4, ECAB, &[(3, VoteDecision::Approve, "결제 오류 긴급 수정")]),
    (5, ECAB, &[(5, VoteDecision::Approve, "영향도 검토 완료")]),
    (6, ECAB, &[(5, VoteDecision::Approve, "전화로 구두 승인, 사후 기록")]),
    (7, ECAB, &[(8, VoteDecision::Approve, "금감원 보고 후 승인")]),
];

/// The two CABs.
fn boards() -> Vec<Cab> {
    let agents = |ids: &[i64]| ids.iter().copied().map(AgentId).collect();
    vec![
        Cab {
            id: WEEKLY,
            name: "주간 변경자문위원회".into(),
            members: agents(&[1, 2, 3, 4, 6]),
            chair: Some(AgentId(2)),
            rule: ApprovalRule::Majority,
            emergency: false,
        },
        Cab {
            id: ECAB,
            name: "긴급 변경자문위원회 (ECAB)".into(),
            members: agents(&[3, 5, 8]),
            chair: Some(AgentId(5)),
            rule: ApprovalRule::Any,
            emergency: true,
        },
    ]
}

/// When a Change was voted on: the weekly CAB three days before its first release's planned
/// start, the ECAB an hour before the work; the core-banking patch (6) twenty minutes after its
/// work started. Never after `now`.
fn voted_at(change: i64, cab: CabId, linked: &[&Release], now: Timestamp) -> Timestamp {
    let first = |f: fn(&Release) -> Timestamp| linked.iter().map(|r| f(r)).min().unwrap_or(now);
    let at = if cab == WEEKLY {
        first(|r| r.planned.start) - Duration::days(3)
    } else if change == 6 {
        first(|r| r.work_start.unwrap_or(r.planned.start)) + Duration::minutes(20)
    } else {
        first(|r| r.work_start.unwrap_or(r.planned.start)) - Duration::hours(1)
    };
    at.min(now - Duration::minutes(5))
}

/// The CABs and their votes, and each Change sent to its CAB.
pub(super) fn cabs(registry: &mut Registry, releases: &[Release], now: Timestamp) -> Cabs {
    let boards = boards();
    let mut votes = Vec::new();
    for (change, cab, cast) in DECISIONS {
        let id = ChangeId(*change);
        if let Some(c) = registry.changes.iter_mut().find(|c| c.id == id) {
            c.cab = Some(*cab);
        }
        let linked: Vec<&Release> =
            releases.iter().filter(|r| r.associated_change_ids.contains(&id)).collect();
        let Some(board) = boards.iter().find(|b| b.id == *cab) else { continue };
        let base = voted_at(*change, *cab, &linked, now);
        for (i, (agent, decision, comment)) in cast.iter().enumerate() {
            let at = base + Duration::minutes(7 * i as i64);
            votes.push(Vote {
                subject: VoteSubject::Change(id),
                agent: AgentId(*agent),
                decision: *decision,
                at,
                comment: (*comment).to_owned(),
                after_the_fact: is_after_the_fact(board, linked.iter().copied(), at),
            });
        }
    }
    votes.sort_by_key(|v| (v.subject, v.agent));
    Cabs { cabs: boards, votes, meetings: Vec::new() }
}
