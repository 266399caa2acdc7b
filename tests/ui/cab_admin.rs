//! CABs and meetings made in the window from an empty database (issue 17): after the first-run
//! "Who are you?", the meeting screen's "CABs…" dialog creates a CAB (name, members, rule,
//! chair), "Schedule meeting…" adds the first meeting of its weekly series, a release made with
//! New release gets a new Change linked and sent to the CAB on its page, the meeting's agenda
//! shows the release once rebuilt, and a decision is recorded on it. Deleting the CAB while it
//! has a meeting is refused in the dialog, in the user's language; the dialog in Korean is a
//! snapshot.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use crate::common::temp_db;
use crate::{harness, type_into};
use release_desk::domain::{ApprovalRule, CabId, Language, MeetingOutcome};
use release_desk::ui::ReleaseDeskApp;
use release_desk::ui::screens::meetings;

/// An empty database after the first run (정예준 working), on the meeting screen, in `language`.
fn empty_on_meetings(language: Language) -> (tempfile::TempDir, Harness<'static, ReleaseDeskApp>) {
    let (dir, path) = temp_db();
    let model = release_desk::model::Model::open(&path).unwrap();
    let mut harness = harness(ReleaseDeskApp::from_model(model));
    harness.state_mut().set_system_language(language);
    harness.run();
    let (name, switch) = match language {
        Language::En => ("Your name", "CAB meetings"),
        Language::Ko => ("이름", "CAB 회의"),
    };
    type_into(&mut harness, Role::TextInput, name, "정예준");
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.run();
    assert!(harness.state().model().unwrap().me().is_some(), "working as 정예준");
    harness.get_by_label(switch).click();
    harness.run();
    assert_eq!(harness.state().shown_screen(), meetings::ID);
    (dir, harness)
}

/// Opens the CABs dialog and fills in a new CAB: `name`, 정예준 the only member and its chair.
fn new_cab(harness: &mut Harness<'_, ReleaseDeskApp>, labels: [&str; 5], name: &str) {
    let [open, new, field, chair, none] = labels;
    harness.get_by_role_and_label(Role::Button, open).click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, new).click();
    harness.run();
    type_into(harness, Role::TextInput, field, name);
    harness.get_by_role_and_label(Role::CheckBox, "정예준").click();
    harness.run();
    let combo = harness.get_by_role_and_label(Role::ComboBox, chair);
    assert_eq!(combo.accesskit_node().value().as_deref(), Some(none));
    combo.click();
    harness.run();
    harness.get_all_by_label("정예준").last().unwrap().click();
    harness.run();
}

#[test]
fn a_cab_and_its_weekly_meeting_are_made_in_the_window_and_decide_a_release() {
    let (_dir, mut harness) = empty_on_meetings(Language::En);
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Schedule meeting…")
            .unwrap()
            .accesskit_node()
            .is_disabled()
    );
    new_cab(&mut harness, ["CABs…", "New CAB", "Name", "Chair", "No chair"], "주간 변경자문위원회");
    harness.get_by_label("All members").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Save CAB").click();
    harness.run();
    harness.run();
    let model = harness.state().model().unwrap();
    let me = model.me().unwrap();
    let cab = model.cabs().cab(CabId(1)).expect("saved").clone();
    assert_eq!(cab.name, "주간 변경자문위원회");
    assert_eq!(
        (cab.members.clone(), cab.chair, cab.rule, cab.emergency),
        (vec![me], Some(me), ApprovalRule::All, false)
    );
    assert!(harness.query_by_label("주간 변경자문위원회 · All members · 1 member(s)").is_some(), "listed");
    harness.get_by_role_and_label(Role::Button, "Close").click();
    harness.run();

    // Its weekly meeting, tomorrow at 10:00, with its members attending.
    harness.get_by_role_and_label(Role::Button, "Schedule meeting…").click();
    harness.run();
    assert!(harness.query_by_label("Schedule a CAB meeting").is_some());
    harness.get_by_role_and_label(Role::Button, "Schedule").click();
    harness.run();
    harness.run();
    let model = harness.state().model().unwrap();
    let meeting = model.meetings()[0].clone();
    assert_eq!((meeting.cab, meeting.attendees.clone()), (CabId(1), vec![me]));
    let series = meeting.recurrence.clone().expect("the first of a weekly series");
    assert!(series.recurrence.rule.starts_with("FREQ=WEEKLY;BYDAY="), "{}", series.recurrence.rule);
    assert!(meeting.start > model.now());
    assert!(harness.query_by_label("Attending: 정예준").is_some(), "the new meeting is shown");
    // The series' next one is offered on it.
    assert!(harness.query_by_label_contains("Schedule the next one").is_some());

    // The CAB has a meeting: deleting it is refused in the dialog.
    harness.get_by_role_and_label(Role::Button, "CABs…").click();
    harness.run();
    harness.get_by_label("주간 변경자문위원회 · All members · 1 member(s)").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Delete CAB").click();
    harness.run();
    harness.run();
    assert!(harness.query_all_by_label("The CAB has 1 meeting(s); delete them first.").next().is_some());
    assert_eq!(harness.state().model().unwrap().cabs().cabs.len(), 1);
    harness.get_by_role_and_label(Role::Button, "Close").click();
    harness.run();

    // A release planned before the meeting, with a new Change sent to the CAB on its page.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run();
    type_into(&mut harness, Role::TextInput, "Subject *", "ERP 결산 모듈 패치");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Enter);
    harness.run();
    harness.run();
    let release = harness.state().model().unwrap().releases()[0].clone();
    assert!(release.planned.start < meeting.start + chrono::Duration::days(14), "within the agenda's reach");
    harness.state_mut().open_page(release.id);
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Link a Change…").click();
    harness.run();
    type_into(&mut harness, Role::TextInput, "Change subject", "SAP 패치 스택");
    harness.get_by_label("Create and link").click();
    harness.run();
    harness.run();
    // The picker's Close (drawn over the page, whose header has its own).
    harness.get_all_by_role_and_label(Role::Button, "Close").last().unwrap().click();
    harness.run();
    harness
        .get_all_by_role(Role::ComboBox)
        .find(|n| n.accesskit_node().value().as_deref() == Some("No CAB"))
        .expect("the Change's CAB, none yet")
        .click();
    harness.run();
    harness.get_all_by_label("주간 변경자문위원회").last().unwrap().click();
    harness.run();
    let model = harness.state().model().unwrap();
    let id = model.release(release.id).unwrap().associated_change_ids[0];
    let change = model.registry().change(id).unwrap();
    assert_eq!(change.cab, Some(CabId(1)), "sent to the CAB");

    // The meeting's agenda, rebuilt, has the release for decision; the decision is recorded.
    harness.state_mut().show_list();
    harness.run();
    harness.get_by_label("CAB meetings").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Rebuild agenda").click();
    harness.run();
    let title = format!("#{} ERP 결산 모듈 패치", release.id);
    assert!(
        harness.state().model().unwrap().meetings()[0].on_agenda(release.id),
        "the release is on the agenda"
    );
    // Its item's title (and the page's tab, still open).
    assert_eq!(harness.query_all_by_label(&title).count(), 2);
    assert!(harness.query_by_label("For decision · by the agenda rules").is_some());
    harness.get_by_label("Deferred").click();
    harness.run();
    harness.get_by_label("Record decision").click();
    harness.run();
    let model = harness.state().model().unwrap();
    let decision = model.meetings()[0].decision(release.id).expect("recorded").clone();
    assert_eq!(decision.outcome, MeetingOutcome::Deferred);
}

#[test]
fn the_cabs_dialog_in_korean_snapshot() {
    let (_dir, mut harness) = empty_on_meetings(Language::Ko);
    new_cab(&mut harness, ["CAB 관리…", "새 CAB", "이름", "위원장", "위원장 없음"], "긴급 변경자문위원회");
    harness.get_by_role_and_label(Role::CheckBox, "긴급 CAB (ECAB)").click();
    harness.run();
    harness.set_size(egui::vec2(1280.0, 720.0));
    // The pointer off the dialog: no hover fading in the picture.
    harness.event(egui::Event::PointerMoved(egui::pos2(1200.0, 600.0)));
    harness.run();
    let path = harness.get_by_label_contains("desk.sqlite3").accesskit_node().bounding_box().unwrap();
    // The status bar's (temporary, randomly named) path, to the window's bottom edge.
    harness.mask(egui::Rect::from_min_max(
        egui::pos2(path.x0 as f32, path.y0 as f32 - 6.0),
        egui::pos2(1280.0, 720.0),
    ));
    harness.snapshot("cabs_dialog_ko");
    harness.get_by_role_and_label(Role::Button, "CAB 저장").click();
    harness.run();
    harness.run();
    let model = harness.state().model().unwrap();
    assert!(model.cabs().cabs[0].emergency);
    assert!(
        harness.query_by_label("긴급 변경자문위원회 · 과반수 · 위원 1명 · 긴급 CAB").is_some(),
        "majority by default"
    );
}
