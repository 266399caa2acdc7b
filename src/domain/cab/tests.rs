//! The vote rules: any / all / majority, the chair's final word, a member voting twice, a
//! non-member refused, the states of Changes with and without a CAB, and the ECAB's flag.

use chrono::{TimeZone as _, Utc};

use super::*;
use crate::domain::registry::ChangeRisk;
use crate::domain::release::{PlannedWindow, Priority, Status};

fn at(minute: u32) -> Timestamp {
    Utc.with_ymd_and_hms(2026, 12, 1, 10, minute, 0).single().unwrap_or_default()
}

fn cab(rule: ApprovalRule, members: &[i64], chair: Option<i64>) -> Cab {
    Cab {
        id: CabId(1),
        name: "Weekly CAB".into(),
        members: members.iter().copied().map(AgentId).collect(),
        chair: chair.map(AgentId),
        rule,
        emergency: false,
    }
}

fn vote(agent: i64, decision: VoteDecision, minute: u32) -> Vote {
    Vote {
        subject: VoteSubject::Change(ChangeId(7)),
        agent: AgentId(agent),
        decision,
        at: at(minute),
        comment: String::new(),
        after_the_fact: false,
    }
}

use VoteDecision::{Approve, Reject};

fn state(cab: &Cab, votes: &[Vote]) -> CabApproval {
    derive_state(cab, votes)
}

#[test]
fn nothing_voted_is_pending_under_every_rule() {
    for rule in ApprovalRule::ALL {
        assert_eq!(state(&cab(*rule, &[1, 2, 3], None), &[]), CabApproval::Pending);
    }
}

#[test]
fn any_approves_on_the_first_approval_and_rejects_only_when_everyone_rejected() {
    let board = cab(ApprovalRule::Any, &[1, 2, 3], None);
    assert_eq!(state(&board, &[vote(2, Approve, 1)]), CabApproval::Approved);
    assert_eq!(state(&board, &[vote(1, Reject, 1), vote(2, Approve, 2)]), CabApproval::Approved);
    // One rejection leaves the others free to approve.
    assert_eq!(state(&board, &[vote(1, Reject, 1)]), CabApproval::Pending);
    assert_eq!(state(&board, &[vote(1, Reject, 1), vote(2, Reject, 2)]), CabApproval::Pending);
    let all_reject = [vote(1, Reject, 1), vote(2, Reject, 2), vote(3, Reject, 3)];
    assert_eq!(state(&board, &all_reject), CabApproval::Rejected);
}

#[test]
fn all_needs_every_member_and_one_rejection_rejects() {
    let board = cab(ApprovalRule::All, &[1, 2, 3], None);
    assert_eq!(state(&board, &[vote(1, Approve, 1), vote(2, Approve, 2)]), CabApproval::Pending);
    let everyone = [vote(1, Approve, 1), vote(2, Approve, 2), vote(3, Approve, 3)];
    assert_eq!(state(&board, &everyone), CabApproval::Approved);
    assert_eq!(state(&board, &[vote(1, Approve, 1), vote(3, Reject, 2)]), CabApproval::Rejected);
}

#[test]
fn majority_is_more_than_half_of_the_members() {
    let five = cab(ApprovalRule::Majority, &[1, 2, 3, 4, 5], None);
    let two = [vote(1, Approve, 1), vote(2, Approve, 2)];
    assert_eq!(state(&five, &two), CabApproval::Pending);
    let three = [vote(1, Approve, 1), vote(2, Approve, 2), vote(3, Approve, 3)];
    assert_eq!(state(&five, &three), CabApproval::Approved);
    // Two rejections of five: three may still approve.
    assert_eq!(state(&five, &[vote(1, Reject, 1), vote(2, Reject, 2)]), CabApproval::Pending);
    let three_reject = [vote(1, Reject, 1), vote(2, Reject, 2), vote(3, Reject, 3)];
    assert_eq!(state(&five, &three_reject), CabApproval::Rejected);
    // An even CAB: two of four is not more than half, and two rejections make it impossible.
    let four = cab(ApprovalRule::Majority, &[1, 2, 3, 4], None);
    assert_eq!(state(&four, &[vote(1, Approve, 1), vote(2, Approve, 2)]), CabApproval::Pending);
    assert_eq!(
        state(&four, &[vote(1, Approve, 1), vote(2, Approve, 2), vote(3, Reject, 3), vote(4, Reject, 4)]),
        CabApproval::Rejected
    );
    let three_of_four = [vote(1, Approve, 1), vote(2, Approve, 2), vote(3, Approve, 3)];
    assert_eq!(state(&four, &three_of_four), CabApproval::Approved);
}

#[test]
fn the_chairs_vote_is_final() {
    let board = cab(ApprovalRule::Majority, &[1, 2, 3, 4, 5], Some(5));
    let majority = [vote(1, Approve, 1), vote(2, Approve, 2), vote(3, Approve, 3)];
    assert_eq!(state(&board, &majority), CabApproval::Approved);
    let overruled = [vote(1, Approve, 1), vote(2, Approve, 2), vote(3, Approve, 3), vote(5, Reject, 4)];
    assert_eq!(state(&board, &overruled), CabApproval::Rejected);
    assert_eq!(state(&board, &[vote(1, Reject, 1), vote(5, Approve, 2)]), CabApproval::Approved);
    // The chair's word beats All's rejection too.
    let all = cab(ApprovalRule::All, &[1, 2], Some(1));
    assert_eq!(state(&all, &[vote(2, Reject, 1), vote(1, Approve, 2)]), CabApproval::Approved);
}

#[test]
fn a_members_second_vote_replaces_the_first() {
    let board = cab(ApprovalRule::All, &[1, 2], None);
    let changed_mind = [vote(1, Reject, 1), vote(2, Approve, 2), vote(1, Approve, 3)];
    assert_eq!(state(&board, &changed_mind), CabApproval::Approved);
    // Later by time wins, whatever the order they come in.
    let out_of_order = [vote(1, Approve, 3), vote(2, Approve, 2), vote(1, Reject, 1)];
    assert_eq!(state(&board, &out_of_order), CabApproval::Approved);
    assert_eq!(tally(&board, &changed_mind), Tally { approve: 2, reject: 0, not_voted: 0 });
}

#[test]
fn a_non_members_vote_is_refused_and_does_not_count() {
    let board = cab(ApprovalRule::Any, &[1, 2], None);
    assert_eq!(check_voter(&board, AgentId(9)), Err(CabInvalid::NotAMember(AgentId(9))));
    assert_eq!(check_voter(&board, AgentId(2)), Ok(()));
    assert_eq!(state(&board, &[vote(9, Approve, 1)]), CabApproval::Pending);
    assert_eq!(tally(&board, &[vote(9, Approve, 1)]), Tally { approve: 0, reject: 0, not_voted: 2 });
}

#[test]
fn a_cab_needs_a_name_members_and_a_chair_among_them() {
    let mut board = cab(ApprovalRule::Any, &[1, 2, 1], Some(2)).normalized();
    assert_eq!(board.members, vec![AgentId(1), AgentId(2)]);
    assert_eq!(board.validate(), Ok(()));
    board.chair = Some(AgentId(3));
    assert_eq!(board.validate(), Err(CabInvalid::ChairNotMember));
    assert_eq!(cab(ApprovalRule::Any, &[], None).validate(), Err(CabInvalid::NoMembers));
    let unnamed = Cab { name: "  ".into(), ..cab(ApprovalRule::Any, &[1], None) };
    assert_eq!(unnamed.validate(), Err(CabInvalid::NameEmpty));
    for rule in ApprovalRule::ALL {
        assert_eq!(ApprovalRule::from_code(rule.code()), Some(*rule));
    }
    for d in VoteDecision::ALL {
        assert_eq!(VoteDecision::from_code(d.code()), Some(*d));
    }
}

fn change(id: i64, cab: Option<i64>, recorded: CabApproval) -> Change {
    Change {
        id: ChangeId(id),
        subject: format!("change {id}"),
        recorded_approval: recorded,
        risk: ChangeRisk::Low,
        cab: cab.map(CabId),
    }
}

#[test]
fn a_change_with_a_cab_is_derived_and_one_without_keeps_what_was_recorded() {
    let cabs = Cabs {
        cabs: vec![cab(ApprovalRule::Any, &[1, 2], None)],
        votes: vec![vote(1, Approve, 1)],
        meetings: vec![],
    };
    let registry = Registry {
        changes: vec![
            change(3, None, CabApproval::Approved),
            // Recorded as approved, but its CAB has not voted: the votes decide.
            change(5, Some(1), CabApproval::Approved),
            change(7, Some(1), CabApproval::Pending),
        ],
        config_items: vec![],
    };
    let states: Vec<_> = registry.changes.iter().map(|c| cabs.change_state(c)).collect();
    assert_eq!(
        states,
        vec![
            (CabApproval::Approved, ApprovalSource::Recorded),
            (CabApproval::Pending, ApprovalSource::Votes(CabId(1))),
            (CabApproval::Approved, ApprovalSource::Votes(CabId(1))),
        ]
    );
    assert_eq!(
        cabs.unapproved(&registry, &[ChangeId(3), ChangeId(5), ChangeId(7), ChangeId(9)]),
        vec![ChangeId(5), ChangeId(9)]
    );
    assert_eq!(cabs.changes_using(&registry, CabId(1)), 2);
    assert_eq!(cabs.votes_on(VoteSubject::Change(ChangeId(7))).len(), 1);
    assert!(cabs.votes_on(VoteSubject::Change(ChangeId(5))).is_empty());
    assert_eq!(cabs.next_cab_id(), CabId(2));
}

#[test]
fn a_go_no_go_goes_to_the_cab_of_the_first_linked_change_with_one() {
    let cabs = Cabs {
        cabs: vec![cab(ApprovalRule::Any, &[1, 2], None)],
        votes: vec![Vote { subject: VoteSubject::GoNoGo(ReleaseId(4)), ..vote(2, Reject, 1) }],
        meetings: vec![],
    };
    let registry = Registry {
        changes: vec![change(3, None, CabApproval::Approved), change(7, Some(1), CabApproval::Pending)],
        config_items: vec![],
    };
    let mut release = emergency_release(None);
    assert_eq!(cabs.go_no_go(&release, &registry), None);
    release.associated_change_ids = vec![ChangeId(3), ChangeId(7)];
    assert_eq!(cabs.release_cab(&release, &registry).map(|c| c.id), Some(CabId(1)));
    assert_eq!(cabs.go_no_go(&release, &registry), Some(CabApproval::Pending));
}

fn emergency_release(work_start: Option<Timestamp>) -> Release {
    let planned = PlannedWindow { start: at(0), end: at(50) };
    let mut release = Release::new(
        ReleaseId(4),
        "patch",
        Status::Open,
        Priority::Urgent,
        ReleaseType::Emergency,
        planned,
        at(0),
    );
    release.work_start = work_start;
    release
}

#[test]
fn an_ecab_vote_after_the_work_started_is_after_the_fact() {
    let mut ecab = cab(ApprovalRule::Any, &[1], None);
    ecab.emergency = true;
    let started = emergency_release(Some(at(10)));
    assert!(is_after_the_fact(&ecab, [&started], at(20)));
    assert!(!is_after_the_fact(&ecab, [&started], at(5)), "voted before the work started");
    assert!(!is_after_the_fact(&ecab, [&emergency_release(None)], at(20)), "work not started");
    let normal = Release { release_type: ReleaseType::Standard, ..started.clone() };
    assert!(!is_after_the_fact(&ecab, [&normal], at(20)), "not an Emergency release");
    let weekly = cab(ApprovalRule::Any, &[1], None);
    assert!(!is_after_the_fact(&weekly, [&started], at(20)), "not an emergency CAB");
}
