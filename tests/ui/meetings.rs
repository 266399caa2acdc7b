//! The CAB meetings screen (issue 17): the meetings listed, the selected one's agenda with its
//! Changes' votes, a decision recorded on an agenda item in one screen (outcome, comment, an
//! action item) as one command, the minutes saved, the meeting on the calendar (month and week), and the screen in
//! Korean as a snapshot.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use crate::common::{at, model_with, plain, temp_db};
use crate::harness;
use release_desk::domain::{
    AgentId, ApprovalRule, Cab, CabApproval, CabId, CabMeeting, CabMeetingId, ChangeId, ChangeRisk, Language,
    MeetingOutcome, ReleaseId,
};
use release_desk::model::{CabCommand, Command, MeetingCommand, RegistryCommand, SettingsCommand};
use release_desk::ui::ReleaseDeskApp;
use release_desk::ui::screens::meetings;

const M: CabMeetingId = CabMeetingId(1);

/// #1 with CHG-1 pending with the weekly CAB (agents 1..3, majority, 3 chairs), #2 awaiting
/// nobody, the CAB's meeting two hours after `t0` with the rules' agenda, agent 1 working.
fn meeting_fixture() -> (tempfile::TempDir, ReleaseDeskApp) {
    let (dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "ERP 결산 모듈 패치"), plain(2, "모바일 앱 배포")]);
    let create = RegistryCommand::CreateChange {
        subject: "SAP 패치 스택".into(),
        approval: CabApproval::Pending,
        risk: ChangeRisk::High,
        link_to: Some(ReleaseId(1)),
    };
    model.apply(Command::Registry(create)).unwrap();
    let cab = Cab {
        id: CabId(0),
        name: "주간 변경자문위원회".into(),
        members: vec![AgentId(1), AgentId(2), AgentId(3)],
        chair: Some(AgentId(3)),
        rule: ApprovalRule::Majority,
        emergency: false,
    };
    model.apply(Command::Cab(CabCommand::SaveCab(cab))).unwrap();
    model.apply(Command::Cab(CabCommand::AssignCab { change: ChangeId(1), cab: Some(CabId(1)) })).unwrap();
    let mut meeting = CabMeeting::ad_hoc(CabMeetingId(0), CabId(1), at(2));
    meeting.attendees = vec![AgentId(1), AgentId(2), AgentId(3)];
    model.apply(Command::Meeting(MeetingCommand::SaveMeeting(meeting))).unwrap();
    model.apply(Command::Meeting(MeetingCommand::RebuildAgenda(M))).unwrap();
    model.apply(Command::Settings(SettingsCommand::SetCurrentAgent(Some(AgentId(1))))).unwrap();
    (dir, ReleaseDeskApp::from_model(model))
}

/// The window on the meeting screen, in `language`.
fn on_meetings(language: Language, switch: &str) -> (tempfile::TempDir, Harness<'static, ReleaseDeskApp>) {
    let (dir, app) = meeting_fixture();
    let mut harness = harness(app);
    harness.state_mut().set_system_language(language);
    harness.run();
    harness.get_by_label(switch).click();
    harness.run();
    assert_eq!(harness.state().shown_screen(), meetings::ID);
    (dir, harness)
}

fn type_into(harness: &mut Harness<'_, ReleaseDeskApp>, label: &str, text: &str) {
    type_in(harness, Role::TextInput, label, text);
}

fn type_in(harness: &mut Harness<'_, ReleaseDeskApp>, role: Role, label: &str, text: &str) {
    harness.get_by_role_and_label(role, label).focus();
    harness.run();
    harness.get_by_role_and_label(role, label).type_text(text);
    harness.run();
}

#[test]
fn a_decision_with_an_action_item_is_recorded_from_the_agenda_in_one_screen() {
    let (_dir, mut harness) = on_meetings(Language::En, "CAB meetings");
    assert!(harness.query_by_label_contains("#1 ERP 결산 모듈 패치").is_some(), "#1 awaits the CAB");
    assert!(harness.query_by_label_contains("#2 ").is_none(), "#2 awaits nobody");
    // The votes of #1's Change, with the buttons of the member working now.
    assert!(harness.query_by_label("CHG-1").is_some());
    assert!(harness.query_by_role_and_label(Role::Button, "Approve").is_some());
    harness.get_by_label("Rejected").click();
    harness.run();
    type_into(&mut harness, "Comment on the decision", "리허설 후 다시");
    harness.get_by_label("Add action item").click();
    harness.run();
    type_into(&mut harness, "Action item", "Share the rehearsal log");
    let undo_before = harness.state().model().unwrap().history().undo_len();
    harness.get_by_label("Record decision").click();
    harness.run();
    let model = harness.state().model().unwrap();
    let decision = model.meeting(M).unwrap().decision(ReleaseId(1)).unwrap().clone();
    assert_eq!(decision.outcome, MeetingOutcome::Rejected);
    assert_eq!(decision.comment, "리허설 후 다시");
    assert_eq!(decision.actions.len(), 1);
    assert_eq!(decision.actions[0].text, "Share the rehearsal log");
    assert_eq!(model.history().undo_len(), undo_before + 1, "one command");
    assert!(harness.query_by_label_contains("recorded: Rejected").is_some());
    // The action item done: its own command.
    harness.get_by_label("Done").click();
    harness.run();
    let model = harness.state().model().unwrap();
    assert!(model.meeting(M).unwrap().decision(ReleaseId(1)).unwrap().actions[0].done);
    // The minutes, under the agenda (a taller window shows them).
    harness.set_size(egui::vec2(1360.0, 1400.0));
    harness.run();
    type_in(&mut harness, Role::MultilineTextInput, "What was said and decided", "Three attended.");
    harness.get_by_label("Save minutes").click();
    harness.run();
    assert_eq!(harness.state().model().unwrap().meeting(M).unwrap().minutes, "Three attended.");
}

#[test]
fn a_release_taken_off_the_agenda_stays_struck_and_comes_back() {
    let (_dir, mut harness) = on_meetings(Language::En, "CAB meetings");
    harness.get_by_label("Take off the agenda").click();
    harness.run();
    assert!(!harness.state().model().unwrap().meeting(M).unwrap().on_agenda(ReleaseId(1)));
    harness.get_by_label("Put back").click();
    harness.run();
    assert!(harness.state().model().unwrap().meeting(M).unwrap().on_agenda(ReleaseId(1)));
    type_into(&mut harness, "Release #", "2");
    harness.get_by_label("Put on the agenda").click();
    harness.run();
    let model = harness.state().model().unwrap();
    let item = model.meeting(M).unwrap().agenda.iter().find(|i| i.release == ReleaseId(2)).unwrap().clone();
    assert!(item.added_by_hand);
    assert!(harness.query_by_label_contains("added by hand").is_some());
}

#[test]
fn the_meeting_shows_on_the_calendar() {
    let (_dir, mut harness) = on_meetings(Language::En, "CAB meetings");
    harness
        .state_mut()
        .calendar_mut()
        .unwrap()
        .set_today(crate::common::t0().with_timezone(&chrono::Local).date_naive());
    harness.get_by_label("Calendar").click();
    harness.run();
    let time = at(2).with_timezone(&chrono::Local).format("%H:%M").to_string();
    assert!(harness.query_by_label(&format!("CAB {time}")).is_some(), "the meeting is an entry on its day");
    harness.get_by_label("Week").click();
    harness.run();
    assert!(harness.query_by_label(&format!("CAB {time}")).is_some(), "and over its hours in the week");
}

/// The meeting screen in Korean: the list, the agenda item with its Change's votes and the
/// decision being written.
#[test]
fn the_meeting_screen_in_korean_snapshot() {
    let (_dir, mut harness) = on_meetings(Language::Ko, "CAB 회의");
    harness.get_by_label("보류").click();
    harness.run();
    assert!(harness.query_by_label("결정 기록").is_some());
    let path = harness.get_by_label_contains("desk.sqlite3").accesskit_node().bounding_box().unwrap();
    let size = harness.ctx.content_rect().max;
    harness.mask(egui::Rect::from_min_max(egui::pos2(path.x0 as f32, path.y0 as f32), size));
    harness.snapshot("meetings_ko");
}
