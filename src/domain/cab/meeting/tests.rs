//! The agenda rules on a hand-built calendar: the CAB met on Tuesday 24 November, meets on
//! 1 December and again on 8 December 2026, each at 10:00 in Seoul. Each rule's edges, a
//! meeting without neighbours (its series, or a week), and edits surviving a re-run of the rules.

use chrono::NaiveDate;

use super::*;
use crate::domain::cab::{ApprovalRule, Cab, Vote, VoteDecision};
use crate::domain::registry::{Change, ChangeRisk};
use crate::domain::release::{PlannedWindow, Priority, Status};
use crate::domain::schedule::recurrence::wall_clock;
use crate::domain::{ChangeId, Registry};

const SEOUL: Tz = Tz::Asia__Seoul;

fn day(d: u32, h: u32) -> Timestamp {
    let (m, d) = if d > 30 { (12, d - 30) } else { (11, d) };
    wall_clock(SEOUL, 2026, m, d, h, 0).unwrap()
}

/// Day 31 is 1 December, 38 is 8 December: one count of days across the month's end.
const PREV: u32 = 24;
const THIS: u32 = 31;
const NEXT: u32 = 38;

fn meeting(id: i64, d: u32) -> CabMeeting {
    CabMeeting::ad_hoc(CabMeetingId(id), CabId(1), day(d, 10))
}

fn release(id: i64, planned_day: u32, kind: ReleaseType) -> Release {
    let start = day(planned_day, 9);
    let planned = PlannedWindow { start, end: start + Duration::hours(2) };
    let mut r = Release::new(ReleaseId(id), "r", Status::Open, Priority::Medium, kind, planned, day(1, 0));
    r.associated_change_ids = vec![ChangeId(id)];
    r
}

fn change(id: i64, cab: i64) -> Change {
    Change {
        id: ChangeId(id),
        subject: format!("change {id}"),
        recorded_approval: CabApproval::Pending,
        risk: ChangeRisk::Low,
        cab: Some(CabId(cab)),
    }
}

fn approve(subject: VoteSubject) -> Vote {
    Vote {
        subject,
        agent: AgentId(1),
        decision: VoteDecision::Approve,
        at: day(20, 9),
        comment: String::new(),
        after_the_fact: false,
    }
}

struct Calendar {
    cabs: Cabs,
    registry: Registry,
    releases: Vec<Release>,
}

fn calendar() -> Calendar {
    let board = |id: i64| Cab {
        id: CabId(id),
        name: format!("CAB {id}"),
        members: vec![AgentId(1)],
        chair: Some(AgentId(1)),
        rule: ApprovalRule::Any,
        emergency: false,
    };
    let std = ReleaseType::Standard;
    let mut releases = vec![
        release(1, NEXT + 6, std),                    // before next + 7 days: for decision
        release(2, NEXT + 7, std), // at next + 7 days (09:00 > 10:00 - 1h? no: later day): not
        release(3, NEXT, std),     // its Change and go/no-go approved: decided already
        release(4, THIS, std),     // pending with another CAB
        release(5, THIS + 1, std), // pending, but in Trash
        release(6, PREV, std),     // closed at the previous meeting's start: closed since
        release(7, PREV, std),     // closed at this meeting's start: not since
        release(8, PREV + 2, ReleaseType::Emergency), // emergency since the previous meeting
        release(9, PREV - 1, ReleaseType::Emergency), // emergency before it
        release(10, THIS - 2, std), // only its go/no-go pending: for decision
    ];
    releases[1].planned.start = day(NEXT + 7, 10);
    releases[4].deleted_at = Some(day(PREV, 0));
    releases[5].closed_at = Some(day(PREV, 10));
    releases[6].closed_at = Some(day(THIS, 10));
    let mut changes: Vec<Change> = (1..=10).map(|id| change(id, if id == 4 { 2 } else { 1 })).collect();
    for id in [6, 7, 8, 9] {
        changes[id - 1].cab = None;
        changes[id - 1].recorded_approval = CabApproval::Approved;
    }
    let votes = vec![
        approve(VoteSubject::Change(ChangeId(3))),
        approve(VoteSubject::Change(ChangeId(10))),
        approve(VoteSubject::GoNoGo(ReleaseId(3))),
    ];
    let cabs = Cabs {
        cabs: vec![board(1), board(2)],
        votes,
        meetings: vec![meeting(1, PREV), meeting(2, THIS), meeting(3, NEXT)],
    };
    Calendar { cabs, registry: Registry { changes, config_items: vec![] }, releases }
}

fn agenda_of(c: &Calendar, m: &CabMeeting) -> Vec<(i64, AgendaReason)> {
    rule_agenda(m, &c.cabs, &c.registry, &c.releases).iter().map(|i| (i.release.0, i.reason)).collect()
}

#[test]
fn each_rule_takes_its_releases_and_stops_at_its_edges() {
    let c = calendar();
    let this = c.cabs.meeting(CabMeetingId(2)).unwrap().clone();
    assert_eq!(previous_start(&this, &c.cabs.meetings), day(PREV, 10));
    assert_eq!(next_start(&this, &c.cabs.meetings), day(NEXT, 10));
    use AgendaReason::{Closed, Emergency, ForDecision};
    assert_eq!(agenda_of(&c, &this), vec![(10, ForDecision), (1, ForDecision), (8, Emergency), (6, Closed)]);
}

#[test]
fn a_release_is_listed_once_under_its_first_rule() {
    let mut c = calendar();
    // The emergency release also waits for this CAB: it is for decision, not listed twice.
    c.registry.changes[7].cab = Some(CabId(1));
    let this = meeting(2, THIS);
    let agenda = agenda_of(&c, &this);
    assert_eq!(agenda.iter().filter(|(id, _)| *id == 8).count(), 1);
    assert!(agenda.contains(&(8, AgendaReason::ForDecision)));
}

#[test]
fn without_neighbours_a_meeting_looks_a_week_or_its_series_ahead_and_back() {
    let mut alone = meeting(9, THIS);
    alone.cab = CabId(7);
    assert_eq!(previous_start(&alone, &[]), day(PREV, 10));
    assert_eq!(next_start(&alone, &[]), day(NEXT, 10));
    // A fortnightly series: its occurrences, not a week.
    let start = NaiveDate::from_ymd_opt(2026, 11, 3).unwrap().and_hms_opt(10, 0, 0).unwrap();
    alone.recurrence = Some(MeetingRecurrence {
        zone: SEOUL,
        recurrence: Recurrence::new("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", start),
    });
    assert_eq!(previous_start(&alone, &[]), day(17, 10));
    assert_eq!(next_start(&alone, &[]), day(THIS + 14, 10));
    let starts = series_starts(alone.recurrence.as_ref().unwrap(), day(1, 0), day(THIS + 1, 0));
    assert_eq!(starts, vec![day(3, 10), day(17, 10), day(THIS, 10)]);
}

#[test]
fn edits_survive_the_rules_run_again() {
    let mut c = calendar();
    let mut this = meeting(2, THIS);
    this.agenda = rule_agenda(&this, &c.cabs, &c.registry, &c.releases);
    // Take #1 off, add #4 (another CAB's) and #9 by hand, then take #9 off again.
    assert!(edit_agenda(&mut this.agenda, ReleaseId(1), false));
    assert!(!edit_agenda(&mut this.agenda, ReleaseId(1), false), "already off");
    assert!(edit_agenda(&mut this.agenda, ReleaseId(4), true));
    assert!(edit_agenda(&mut this.agenda, ReleaseId(9), true));
    assert!(edit_agenda(&mut this.agenda, ReleaseId(9), false));
    assert!(!this.on_agenda(ReleaseId(1)));
    assert!(this.on_agenda(ReleaseId(4)));
    assert!(!this.agenda.iter().any(|i| i.release == ReleaseId(9)), "a hand-added item taken off goes");
    // #10 gets decided, #2 moves into the look-ahead: the rules change, the edits stay.
    c.cabs.votes.push(approve(VoteSubject::GoNoGo(ReleaseId(10))));
    c.releases[1].planned.start = day(NEXT + 1, 9);
    let rules = rule_agenda(&this, &c.cabs, &c.registry, &c.releases);
    let rebuilt = rebuild_agenda(&this.agenda, rules);
    let ids: Vec<(i64, bool, bool)> =
        rebuilt.iter().map(|i| (i.release.0, i.added_by_hand, i.removed)).collect();
    assert_eq!(
        ids,
        vec![(2, false, false), (1, false, true), (8, false, false), (6, false, false), (4, true, false)]
    );
    // Put back, #1 is on the agenda again and stays on it.
    let mut agenda = rebuilt;
    assert!(edit_agenda(&mut agenda, ReleaseId(1), true));
    assert!(!edit_agenda(&mut agenda, ReleaseId(1), true));
    let again = rebuild_agenda(&agenda, rule_agenda(&this, &c.cabs, &c.registry, &c.releases));
    assert_eq!(again, agenda);
}

#[test]
fn a_meeting_lasts_a_minute_to_a_day_and_lists_an_attendee_once() {
    let mut m = meeting(1, THIS);
    m.attendees = vec![AgentId(2), AgentId(1), AgentId(2)];
    let m = m.normalized();
    assert_eq!(m.attendees, vec![AgentId(2), AgentId(1)]);
    assert_eq!(m.validate(), Ok(()));
    for bad in [0, MAX_DURATION_MINUTES + 1] {
        let long = CabMeeting { duration_minutes: bad, ..m.clone() };
        assert_eq!(long.validate(), Err(MeetingInvalid::Duration(bad)));
    }
    assert!(m.is_past(day(THIS, 11)));
    assert!(!m.is_past(day(THIS, 10)));
}

#[test]
fn a_series_goes_to_json_and_back() {
    let start = NaiveDate::from_ymd_opt(2026, 1, 6).unwrap().and_hms_opt(10, 0, 0).unwrap();
    let series =
        MeetingRecurrence { zone: SEOUL, recurrence: Recurrence::new("FREQ=WEEKLY;BYDAY=TU", start) };
    let json = serde_json::to_string(&series).unwrap();
    assert!(json.contains("Asia/Seoul"), "{json}");
    assert_eq!(serde_json::from_str::<MeetingRecurrence>(&json).unwrap(), series);
    assert!(serde_json::from_str::<MeetingRecurrence>(&json.replace("Asia/Seoul", "Mars/Base")).is_err());
}
