//! CAB meetings through the model (issue 17): a weekly meeting saved, its agenda built by the
//! rules and edited, a decision with action items recorded, minutes kept; every command logged,
//! refused where it must be and undone exactly; the file from before meetings (schema 11)
//! migrates; archives carry meetings (version 2) and still read version 1.

use chrono::NaiveDate;

use crate::common::{at, model_with, plain, temp_db};
use release_desk::domain::schedule::{Recurrence, Tz};
use release_desk::domain::{
    ActionItem, ActivityKind, AgentId, ApprovalRule, Cab, CabApproval, CabId, CabInvalid, CabMeeting,
    CabMeetingId, ChangeId, ChangeRisk, Decision, Field, Language, MeetingInvalid, MeetingOutcome,
    MeetingRecurrence, ReleaseId, Value,
};
use release_desk::model::{CabCommand, Command, CommandError, MeetingCommand, Model, RegistryCommand};

const M: CabMeetingId = CabMeetingId(1);

/// Tuesday 1 December 2026, 10:00 in Seoul (01:00 UTC): 109 hours after `t0`.
fn tuesday() -> release_desk::domain::Timestamp {
    at(109)
}

fn weekly_series() -> MeetingRecurrence {
    let start = NaiveDate::from_ymd_opt(2026, 1, 6).unwrap().and_hms_opt(10, 0, 0).unwrap();
    MeetingRecurrence { zone: Tz::Asia__Seoul, recurrence: Recurrence::new("FREQ=WEEKLY;BYDAY=TU", start) }
}

/// Releases #1 (CHG-1 linked, sent to the weekly CAB: awaiting it) and #2, the weekly CAB of
/// agents 1..3, and its meeting on Tuesday with agents 1 and 2.
fn desk(path: &std::path::Path) -> Model {
    let mut model = model_with(path, vec![plain(1, "ERP 패치"), plain(2, "모바일 앱 배포")]);
    model
        .apply(Command::Registry(RegistryCommand::CreateChange {
            subject: "SAP 패치 스택".into(),
            approval: CabApproval::Pending,
            risk: ChangeRisk::High,
            link_to: Some(ReleaseId(1)),
        }))
        .unwrap();
    let cab = Cab {
        id: CabId(0),
        name: "주간 CAB".into(),
        members: vec![AgentId(1), AgentId(2), AgentId(3)],
        chair: Some(AgentId(3)),
        rule: ApprovalRule::Majority,
        emergency: false,
    };
    model.apply(Command::Cab(CabCommand::SaveCab(cab))).unwrap();
    model.apply(Command::Cab(CabCommand::AssignCab { change: ChangeId(1), cab: Some(CabId(1)) })).unwrap();
    model
}

fn meeting() -> CabMeeting {
    let mut m = CabMeeting::ad_hoc(CabMeetingId(0), CabId(1), tuesday());
    m.recurrence = Some(weekly_series());
    m.attendees = vec![AgentId(1), AgentId(2), AgentId(1)];
    m
}

fn decision(outcome: MeetingOutcome) -> Decision {
    Decision {
        release: ReleaseId(1),
        outcome,
        comment: " 롤백 계획 확인 후 승인 ".into(),
        actions: vec![
            ActionItem {
                text: "롤백 리허설 결과 공유".into(),
                owner: Some(AgentId(2)),
                due: NaiveDate::from_ymd_opt(2026, 12, 4),
                done: false,
            },
            ActionItem { text: "   ".into(), owner: None, due: None, done: false },
        ],
    }
}

fn meeting_cmd(command: MeetingCommand) -> Command {
    Command::Meeting(command)
}

#[test]
fn a_meeting_gets_its_agenda_decisions_and_minutes_each_logged_and_undone_exactly() {
    let (_dir, path) = temp_db();
    let mut model = desk(&path);
    let start = model.snapshot();
    model.apply(meeting_cmd(MeetingCommand::SaveMeeting(meeting()))).unwrap();
    let saved = model.meeting(M).unwrap();
    assert_eq!(saved.attendees, vec![AgentId(1), AgentId(2)], "each attendee once");
    assert!(saved.agenda.is_empty());
    model.apply(meeting_cmd(MeetingCommand::RebuildAgenda(M))).unwrap();
    assert!(model.meeting(M).unwrap().on_agenda(ReleaseId(1)), "#1 awaits the CAB");
    assert!(!model.meeting(M).unwrap().on_agenda(ReleaseId(2)), "#2 awaits nobody");
    let add = MeetingCommand::EditAgenda { meeting: M, release: ReleaseId(2), add: true };
    model.apply(meeting_cmd(add)).unwrap();
    // A decision on a release that is not on the agenda is refused.
    let stray = Decision { release: ReleaseId(9), ..decision(MeetingOutcome::Approved) };
    let refused = model.apply(meeting_cmd(MeetingCommand::RecordDecision { meeting: M, decision: stray }));
    assert!(matches!(refused, Err(CommandError::Meeting(MeetingInvalid::NotOnAgenda(ReleaseId(9))))));
    let decide = |outcome| MeetingCommand::RecordDecision { meeting: M, decision: decision(outcome) };
    model.apply(meeting_cmd(decide(MeetingOutcome::Deferred))).unwrap();
    model.apply(meeting_cmd(decide(MeetingOutcome::Approved))).unwrap();
    let taken = model.meeting(M).unwrap().decision(ReleaseId(1)).unwrap().clone();
    assert_eq!(taken.comment, "롤백 계획 확인 후 승인");
    assert_eq!(taken.actions.len(), 1, "the blank action item is dropped");
    assert_eq!(model.meeting(M).unwrap().decisions.len(), 1, "the second decision replaces the first");
    let done = MeetingCommand::SetActionDone { meeting: M, release: ReleaseId(1), action: 0, done: true };
    model.apply(meeting_cmd(done)).unwrap();
    let missing = MeetingCommand::SetActionDone { meeting: M, release: ReleaseId(1), action: 5, done: true };
    assert!(model.apply(meeting_cmd(missing)).is_err());
    let minutes = MeetingCommand::SaveMinutes { meeting: M, minutes: "참석 2명. #1 승인.\n".into() };
    model.apply(meeting_cmd(minutes)).unwrap();
    let remove = MeetingCommand::EditAgenda { meeting: M, release: ReleaseId(2), add: false };
    model.apply(meeting_cmd(remove)).unwrap();
    // The CAB is not deleted while it has meetings.
    let refused = model.apply(Command::Cab(CabCommand::AssignCab { change: ChangeId(1), cab: None }));
    assert!(refused.is_ok());
    let refused = model.apply(Command::Cab(CabCommand::DeleteCab(CabId(1))));
    assert!(matches!(refused, Err(CommandError::Cab(CabInvalid::HasMeetings { meetings: 1 }))));
    let end = model.snapshot();
    assert_eq!(model.reload_snapshot().unwrap(), end, "the file holds what memory holds");
    let m = model.meeting(M).unwrap();
    assert_eq!(m.minutes, "참석 2명. #1 승인.");
    assert!(m.decisions[0].actions[0].done);
    // The decision is in #1's log, with the outcome as a code.
    let log = model.activities_for(ReleaseId(1)).unwrap();
    let row =
        log.iter().find(|a| a.kind == ActivityKind::Meeting && a.change(&Field::Decision).is_some()).unwrap();
    assert_eq!(row.change(&Field::Decision).unwrap().new, Value::MeetingOutcome(MeetingOutcome::Approved));
    assert_eq!(row.change(&Field::Meeting).unwrap().new, Value::Time(tuesday()));
    let applied = 9;
    for _ in 0..applied {
        model.undo().unwrap().unwrap();
        assert_eq!(model.reload_snapshot().unwrap(), model.snapshot());
    }
    assert_eq!(model.snapshot(), start);
    for _ in 0..applied {
        model.redo().unwrap().unwrap();
    }
    assert_eq!(model.snapshot(), end);
    model.apply(meeting_cmd(MeetingCommand::DeleteMeeting(M))).unwrap();
    assert!(model.meetings().is_empty());
    model.undo().unwrap().unwrap();
    assert_eq!(model.snapshot(), end);
}

#[test]
fn an_ad_hoc_meeting_of_the_weekly_cab_takes_its_series_time_and_the_rules_agenda() {
    let (_dir, path) = temp_db();
    let mut model = desk(&path);
    model.apply(meeting_cmd(MeetingCommand::SaveMeeting(meeting()))).unwrap();
    let friday = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let ad_hoc = model.ad_hoc_meeting(friday).unwrap();
    assert_eq!(ad_hoc.id, CabMeetingId(0));
    assert_eq!(ad_hoc.start, at(13), "Friday 10:00 in Seoul");
    assert_eq!(ad_hoc.attendees, vec![AgentId(1), AgentId(2), AgentId(3)], "the CAB's members");
    assert!(ad_hoc.on_agenda(ReleaseId(1)));
    let (prev, next) = model.meeting_neighbours(model.meeting(M).unwrap());
    assert_eq!((prev, next), (tuesday() - chrono::Duration::days(7), tuesday() + chrono::Duration::days(7)));
}

#[test]
fn the_undo_menu_names_meeting_commands_in_both_languages() {
    let (_dir, path) = temp_db();
    let model = desk(&path);
    let command = meeting_cmd(MeetingCommand::RecordDecision {
        meeting: M,
        decision: decision(MeetingOutcome::Rejected),
    });
    let label = |command: &Command| release_desk::i18n::command_label(command, model.directory());
    release_desk::i18n::set_language(Language::Ko);
    assert_eq!(label(&command), "#1에 “반려” 결정을 기록했습니다");
    release_desk::i18n::set_language(Language::En);
    assert_eq!(label(&command), "decide “Rejected” on #1");
}

#[test]
fn a_file_from_before_meetings_migrates_and_keeps_its_cabs() {
    let (_dir, path) = temp_db();
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        release_desk::store::schema::create_at_version(&mut conn, 11).unwrap();
        assert!(release_desk::store::schema::unexpected_objects(&conn, 11).unwrap().is_empty());
        conn.execute_batch(
            "INSERT INTO agents (id, name) VALUES (1, '김민준');
             INSERT INTO cabs (id, name, rule, chair, emergency) VALUES (1, '주간 CAB', 'any', 1, 0);
             INSERT INTO cab_members (cab_id, position, agent_id) VALUES (1, 0, 1);",
        )
        .unwrap();
    }
    let mut model = Model::open(&path).unwrap();
    assert_eq!(model.cabs().cabs.len(), 1);
    assert!(model.meetings().is_empty());
    let mut m = meeting();
    m.attendees = vec![AgentId(1)];
    model.apply(meeting_cmd(MeetingCommand::SaveMeeting(m))).unwrap();
    drop(model);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, release_desk::store::schema::latest_version());
    drop(conn);
    let model = Model::open(&path).unwrap();
    assert_eq!(model.meeting(M).unwrap().recurrence, Some(weekly_series()), "the series comes back");
}

#[test]
fn an_archive_carries_meetings_and_a_version_1_archive_still_reads() {
    let (_dir, path) = temp_db();
    let mut model = desk(&path);
    model.apply(meeting_cmd(MeetingCommand::SaveMeeting(meeting()))).unwrap();
    model.apply(meeting_cmd(MeetingCommand::RebuildAgenda(M))).unwrap();
    let decide = MeetingCommand::RecordDecision { meeting: M, decision: decision(MeetingOutcome::Approved) };
    model.apply(meeting_cmd(decide)).unwrap();
    let json = release_desk::export::archive::to_json(&model, at(0)).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["version"], 2);
    let read = release_desk::export::archive::read_bytes("all.json", json.as_bytes()).unwrap();
    assert_eq!(read.snapshot.cabs.meetings, model.meetings());
    // Into an empty database, the meeting comes along.
    let (_dir2, copy) = temp_db();
    let mut empty = Model::open(&copy).unwrap();
    empty.apply(Command::Import(release_desk::model::ImportCommand::Archive(Box::new(read)))).unwrap();
    assert_eq!(empty.meetings(), model.meetings());
    // Version 1 had no meetings.
    value["version"] = serde_json::json!(1);
    value["cabs"].as_object_mut().unwrap().remove("meetings");
    let old = release_desk::export::archive::read_bytes("old.json", value.to_string().as_bytes()).unwrap();
    assert!(old.snapshot.cabs.meetings.is_empty());
    assert_eq!(old.snapshot.cabs.cabs, model.cabs().cabs);
}
