//! Team sync in the window (issue 21): the status bar's sync state for a file in a team (and
//! nothing of it without one), a sync that runs off the window's thread while frames go on (a
//! server refusing, one never answering), an unreachable server shown as offline with its
//! reason, the conflicts dialog, and two windows on one real PostgreSQL sharing a change.

use std::time::{Duration, Instant};

use crate::common::{at, people, plain, temp_db};
use crate::harness;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use release_desk::model::Model;
use release_desk::model::team::TeamState;
use release_desk::store::{Mutation, Store};
use release_desk::ui::ReleaseDeskApp;

/// A loopback URL nothing listens on: a connection is refused at once.
pub(crate) fn closed_url() -> String {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    format!("postgresql://desk@127.0.0.1:{port}/desk")
}

/// A file in a team at `url` holding releases #1 and #2; `store` is given the file before the
/// model loads it (to add conflicts).
pub(crate) fn team_app(
    url: &str,
    store_edit: impl FnOnce(&mut Store),
) -> (tempfile::TempDir, ReleaseDeskApp) {
    let (dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let mut mutations = people();
    for (id, subject) in [(1, "ERP upgrade"), (2, "인터넷뱅킹 보안 패치")] {
        let mut release = plain(id, subject);
        release.planned.start = at(id);
        release.planned.end = at(id + 3);
        mutations.push(Mutation::PutRelease(release));
    }
    store.commit(&mutations, &[]).unwrap();
    let state =
        TeamState { url: url.to_owned(), author: "Kim".into(), client_id: uuid::Uuid::new_v4(), last_seq: 0 };
    store.set_team_state(&state).unwrap();
    store_edit(&mut store);
    let mut model = Model::from_store(store).unwrap();
    model.set_clock(Box::new(crate::common::t0));
    (dir, ReleaseDeskApp::from_model(model))
}

/// Runs frames until no sync is running (at most 15 s).
pub(crate) fn until_synced(harness: &mut Harness<'_, ReleaseDeskApp>) {
    let start = Instant::now();
    while harness.state().team_syncing() {
        assert!(start.elapsed() < Duration::from_secs(15), "the sync did not end");
        std::thread::sleep(Duration::from_millis(20));
        harness.run();
    }
    harness.run();
}

#[test]
fn a_file_in_no_team_shows_nothing_of_team_sync() {
    let (_dir, app) = crate::fixture();
    let mut harness = harness(app);
    harness.run();
    assert!(!harness.state().team_syncing());
    for label in ["Connected", "Offline", "Syncing…", "Team: not synced yet"] {
        assert!(harness.query_by_label(label).is_none(), "{label}");
    }
}

#[test]
fn an_unreachable_server_is_shown_offline_with_the_reason_and_frames_go_on_meanwhile() {
    let (_dir, app) = team_app(&closed_url(), |_| {});
    let mut harness = harness(app);
    // The first frame starts the sync on the worker thread and returns at once.
    let started = Instant::now();
    harness.run();
    assert!(started.elapsed() < Duration::from_secs(3), "the frame waited for the network");
    until_synced(&mut harness);
    harness.get_by_label("Offline").hover();
    harness.run();
    assert!(harness.query_by_label_contains("could not be reached").is_some(), "the reason is on the hover");
    // An automatic sync that finds the server down does not fill the status line...
    assert_eq!(harness.state().status_text(), None);
    // ...Sync now (F5) does, and says why.
    harness.key_press(egui::Key::F5);
    harness.run();
    until_synced(&mut harness);
    let status = harness.state().status_text().unwrap();
    assert!(status.contains("could not be reached"), "{status}");
}

#[test]
fn a_team_file_shows_its_state_and_pending_pushes_in_korean() {
    let (_dir, mut app) = team_app(&closed_url(), |_| {});
    app.set_team_auto_sync(false);
    let mut harness = harness(app);
    harness.state_mut().set_system_language(release_desk::domain::Language::Ko);
    harness.run();
    assert!(harness.query_by_label("팀: 아직 동기화하지 않음").is_some());
    let model = harness.state_mut().model_mut().unwrap();
    let edit = release_desk::model::ReleaseEdit::Subject("ERP 업그레이드 2단계".into());
    model
        .apply(release_desk::model::Command::Release(release_desk::model::ReleaseCommand::Edit {
            id: release_desk::domain::ReleaseId(1),
            edits: vec![edit],
        }))
        .unwrap();
    harness.run();
    assert!(harness.query_by_label("푸시 대기 1건").is_some());
}

/// A team file keeping two conflicts: #1's status (mine Completed, the team's On hold, by Kim)
/// and #2 removed on the server while changed here.
fn conflicted_app() -> (tempfile::TempDir, ReleaseDeskApp) {
    use release_desk::domain::ReleaseId;
    use release_desk::domain::team::{Conflict, ConflictKind, RecordKey};
    let (dir, mut app) = team_app(&closed_url(), |store| {
        let field = Conflict {
            record: RecordKey::release(ReleaseId(1)),
            kind: ConflictKind::Field,
            field: Some("status".into()),
            ours: serde_json::json!(5),
            theirs: serde_json::json!(2),
            by: Some("Kim".into()),
            by_at: Some(at(-2)),
        };
        let removed = Conflict {
            record: RecordKey::release(ReleaseId(2)),
            kind: ConflictKind::Removed,
            field: None,
            ours: serde_json::json!({ "description": "mine" }),
            theirs: serde_json::Value::Null,
            by: None,
            by_at: None,
        };
        store.team_pushed(uuid::Uuid::new_v4(), &[field, removed], &Default::default(), at(-1)).unwrap();
    });
    app.set_team_auto_sync(false);
    (dir, app)
}

#[test]
fn the_conflicts_dialog_in_korean_keeps_mine_or_theirs_for_each_conflict() {
    use release_desk::domain::{ReleaseId, Status};
    let (_dir, app) = conflicted_app();
    let mut harness = harness(app);
    harness.state_mut().set_system_language(release_desk::domain::Language::Ko);
    harness.run();
    let count =
        |harness: &Harness<'_, ReleaseDeskApp>, label: &str| harness.query_all_by_label(label).count();
    let (completed, on_hold) = (count(&harness, "완료"), count(&harness, "보류"));
    harness.get_by_label("충돌 2건 대기 중").click();
    harness.run();
    assert!(harness.state().conflicts_dialog_open());
    assert!(harness.query_by_label("팀과의 충돌").is_some());
    // The values in words, the way the release page says them; who wrote the team's.
    assert_eq!(count(&harness, "완료"), completed + 1, "my value, Completed");
    assert_eq!(count(&harness, "보류"), on_hold + 1, "the team's value, On hold");
    assert!(harness.query_by_label_contains("Kim").is_some());
    // The pointer off the status bar's link (whose place moves with the path's length).
    harness.get_by_label("팀과의 충돌").hover();
    harness.run();
    let path = harness.get_by_label_contains("desk.sqlite3").accesskit_node().bounding_box().unwrap();
    // The status bar's (temporary, randomly named) path and what follows it, to the bottom edge.
    harness.mask(egui::Rect::from_min_max(
        egui::pos2(path.x0 as f32, path.y0 as f32 - 6.0),
        egui::pos2(1360.0, 820.0),
    ));
    harness.snapshot("team_conflicts_ko");
    // #2's conflict is about the whole release: only the team's version can be kept.
    let keep_mine: Vec<_> = harness.get_all_by_label("내 값 유지").collect();
    assert_eq!(keep_mine.len(), 2);
    keep_mine[0].click();
    harness.run();
    let model = harness.state().model().unwrap();
    assert_eq!(model.release(ReleaseId(1)).unwrap().status, Status::Completed);
    assert_eq!(model.open_team_conflicts().len(), 1);
    assert_eq!(model.team_status().unwrap().unwrap().pending, 1, "my value waits to be pushed");
    harness.get_by_label("팀의 값 유지").click();
    harness.run();
    assert!(harness.state().model().unwrap().open_team_conflicts().is_empty());
    assert!(harness.query_by_label("기다리는 충돌이 없습니다.").is_some());
    // Ctrl+Z does nothing while the dialog is open; closed, it takes the last choice back.
    harness.get_by_label("닫기").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().model().unwrap().open_team_conflicts().len(), 1);
    assert!(harness.query_by_label("충돌 1건 대기 중").is_some());
}

#[test]
fn a_windows_conflict_reads_as_the_window_by_name_and_keep_mine_renames_it() {
    use release_desk::domain::WindowId;
    use release_desk::domain::schedule::{DeploymentWindow, Scope, Timing, Tz};
    use release_desk::domain::team::{Conflict, ConflictKind, RecordKey};
    use release_desk::store::ScheduleMutation;
    let window = DeploymentWindow {
        id: WindowId(1),
        name: "Weekend night".into(),
        timing: Timing::Once { start: at(5), end: at(6) },
        zone: Tz::Asia__Seoul,
        scope: Scope::All,
    };
    let (_dir, mut app) = team_app(&closed_url(), |store| {
        store.commit(&[Mutation::Schedule(ScheduleMutation::PutWindow(window))], &[]).unwrap();
        let name = Conflict {
            record: RecordKey::window(WindowId(1)),
            kind: ConflictKind::Field,
            field: Some("name".into()),
            ours: serde_json::json!("Weekend night (HQ)"),
            theirs: serde_json::json!("Weekend night"),
            by: Some("Kim".into()),
            by_at: Some(at(-2)),
        };
        store.team_pushed(uuid::Uuid::new_v4(), &[name], &Default::default(), at(-1)).unwrap();
    });
    app.set_team_auto_sync(false);
    let mut harness = harness(app);
    harness.state_mut().set_system_language(release_desk::domain::Language::En);
    harness.run();
    harness.get_by_label("1 conflict waiting").click();
    harness.run();
    assert!(harness.state().conflicts_dialog_open());
    assert!(harness.query_by_label("Window “Weekend night”").is_some());
    assert!(harness.query_by_label("Name").is_some(), "the field in words");
    assert!(harness.query_by_label_contains("Weekend night (HQ)").is_some(), "my window, by name");
    harness.get_by_label("Keep mine").click();
    harness.run();
    let model = harness.state().model().unwrap();
    assert_eq!(model.schedule().window(WindowId(1)).unwrap().name, "Weekend night (HQ)");
    assert!(model.open_team_conflicts().is_empty());
    assert_eq!(model.team_status().unwrap().unwrap().pending, 1, "my name waits to be pushed");
}

#[test]
fn a_server_that_never_answers_leaves_the_window_drawing_with_the_sync_shown_running() {
    // A listener that takes the connection and never says a word.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("postgresql://desk@{}/desk", silent.local_addr().unwrap());
    let (_dir, app) = team_app(&url, |_| {});
    let mut harness = harness(app);
    for _ in 0..5 {
        let frame = Instant::now();
        harness.run();
        assert!(frame.elapsed() < Duration::from_secs(2), "a frame waited for the network");
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(harness.state().team_syncing());
    assert!(harness.query_by_label("Syncing…").is_some());
    harness.key_press(egui::Key::F5);
    harness.run();
    assert_eq!(harness.state().status_text().as_deref(), Some("A sync is already running."));
    // The window can still be worked in meanwhile.
    harness.get_by_label("#2").click();
    harness.run();
    assert_eq!(harness.state().selection(), [release_desk::domain::ReleaseId(2)]);
}

#[test]
fn a_team_file_open_read_only_does_not_sync_and_sync_now_says_why() {
    let (dir, app) = team_app(&closed_url(), |_| {});
    let path = release_desk::model::session::path(app.model().unwrap()).to_owned();
    drop(app);
    let model = Model::open_read_only(&path).unwrap();
    let mut harness = harness(ReleaseDeskApp::from_model(model));
    harness.run();
    assert!(!harness.state().team_syncing(), "no automatic sync of a read-only file");
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(!harness.state().team_syncing());
    let status = harness.state().status_text().unwrap();
    assert!(status.contains("read-only"), "{status}");
    drop(dir);
}

/// Two windows on two files of one team on a real PostgreSQL (started for this run, as the team
/// tests do): a change made in one window is in the other after both sync with Sync now.
#[test]
fn a_change_made_in_one_window_appears_in_the_other_after_sync() {
    use release_desk::domain::{ReleaseId, Status};
    use release_desk::model::{Command, ReleaseCommand, ReleaseEdit};
    let url = crate::cluster::database();
    let dir = tempfile::tempdir().unwrap();
    let mut a = Model::open(&dir.path().join("a.sqlite3")).unwrap();
    let create = release_desk::model::NewRelease {
        subject: "ERP upgrade".into(),
        description: String::new(),
        status: Status::Open,
        priority: release_desk::domain::Priority::Medium,
        release_type: release_desk::domain::ReleaseType::Standard,
        planned: release_desk::domain::PlannedWindow { start: at(1), end: at(4) },
        agent_id: None,
        group_id: None,
        department_id: None,
        category: None,
    };
    let id = a.apply(Command::Release(ReleaseCommand::Create(create))).unwrap().created().unwrap();
    a.team_init(&url, None, "Kim").unwrap();
    let mut b = Model::open(&dir.path().join("b.sqlite3")).unwrap();
    b.team_join(&url, None, "Lee").unwrap();
    let (mut a, mut b) = (harness(ReleaseDeskApp::from_model(a)), harness(ReleaseDeskApp::from_model(b)));
    // The password is in neither file: each model was given it with the URL when it joined.
    until_synced(&mut a);
    until_synced(&mut b);
    assert!(a.query_by_label("Connected").is_some() && b.query_by_label("Connected").is_some());
    let edit = ReleaseEdit::Status(Status::OnHold);
    a.state_mut()
        .model_mut()
        .unwrap()
        .apply(Command::Release(ReleaseCommand::Edit { id, edits: vec![edit] }))
        .unwrap();
    a.run();
    assert!(a.query_by_label("1 change to push").is_some());
    a.key_press(egui::Key::F5);
    a.run();
    until_synced(&mut a);
    assert_eq!(a.state().status_text().as_deref(), Some("Synced with the team: pushed 1, pulled 1."));
    b.key_press(egui::Key::F5);
    b.run();
    until_synced(&mut b);
    assert_eq!(b.state().model().unwrap().release(ReleaseId(id.0)).unwrap().status, Status::OnHold);
    assert!(b.query_all_by_label("On hold").count() >= 2, "the list shows it (and the filter)");
}

/// File > Team… joins a new, empty file to a team on a real PostgreSQL: a wrong server is said
/// in words and changes nothing; the right one is joined off the window's thread, the first sync
/// brings the team's release in, and the dialog then shows where the file is. The file keeps no
/// password.
#[test]
fn file_team_joins_a_new_file_to_a_team_from_the_window() {
    use egui::accesskit::Role;
    let url = crate::cluster::database();
    let dir = tempfile::tempdir().unwrap();
    let mut a = Model::open(&dir.path().join("a.sqlite3")).unwrap();
    let id = a.apply(new_release("ERP upgrade HQ")).unwrap().created().unwrap();
    a.team_init(&url, None, "Kim").unwrap();
    let b_path = dir.path().join("b.sqlite3");
    let mut b = harness(ReleaseDeskApp::from_model(Model::open(&b_path).unwrap()));
    b.run();
    b.get_by_label("File").click();
    b.run();
    b.get_by_label("Team…").click();
    b.run();
    assert!(b.state().team_dialog_open());

    // Nothing listens there: the dialog says so and stays open.
    type_into(&mut b, "Server", &closed_url());
    type_into(&mut b, "Name on your changes", "Lee");
    b.get_by_label("Join the team").click();
    until_connected(&mut b);
    assert!(b.query_by_label_contains("could not be reached").is_some());
    assert!(b.state().model().unwrap().team().is_none());

    let (without_password, password) = url
        .split_once(&format!(":{}@", crate::cluster::PASSWORD))
        .map_or((url.clone(), String::new()), |(head, tail)| {
            (format!("{head}@{tail}"), crate::cluster::PASSWORD.to_owned())
        });
    b.get_by_role_and_label(Role::TextInput, "Server").focus();
    b.run();
    b.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    b.run();
    type_into(&mut b, "Server", &without_password);
    type_into(&mut b, "Password", &password);
    b.get_by_label("Join the team").click();
    until_connected(&mut b);
    assert!(!b.state().team_dialog_open(), "closed once joined");
    until_synced(&mut b);
    let model = b.state().model().unwrap();
    assert_eq!(model.team().map(|t| t.author.as_str()), Some("Lee"));
    assert_eq!(model.release(id).map(|r| r.subject.as_str()), Some("ERP upgrade HQ"));
    assert!(b.query_by_label("Connected").is_some());
    b.get_by_label("Connected").hover();
    b.run();
    assert!(b.query_by_label_contains("The connection is not encrypted").is_some(), "said on hover");
    let file = std::fs::read(&b_path).unwrap();
    assert!(!file.windows(password.len()).any(|w| w == password.as_bytes()), "no password in the file");

    b.get_by_label("File").click();
    b.run();
    b.get_by_label("Team…").click();
    b.run();
    assert!(b.state().team_dialog_open());
    assert!(b.query_by_label("Use and sync").is_some(), "the member's view: a password for this session");
    assert!(b.query_by_label("Join the team").is_none());
}

fn new_release(subject: &str) -> release_desk::model::Command {
    use release_desk::domain::{PlannedWindow, Priority, ReleaseType, Status};
    release_desk::model::Command::Release(release_desk::model::ReleaseCommand::Create(
        release_desk::model::NewRelease {
            subject: subject.into(),
            description: String::new(),
            status: Status::Open,
            priority: Priority::Medium,
            release_type: ReleaseType::Standard,
            planned: PlannedWindow { start: at(1), end: at(4) },
            agent_id: None,
            group_id: None,
            department_id: None,
            category: None,
        },
    ))
}

/// Types `text` into the Team dialog's field named `label`.
fn type_into(harness: &mut Harness<'_, ReleaseDeskApp>, label: &str, text: &str) {
    use egui::accesskit::Role;
    let role = if label == "Password" { Role::PasswordInput } else { Role::TextInput };
    harness.get_by_role_and_label(role, label).focus();
    harness.run();
    harness.get_by_role_and_label(role, label).type_text(text);
    harness.run();
}

/// Runs frames until the Team dialog's connection has ended (at most 15 s).
fn until_connected(harness: &mut Harness<'_, ReleaseDeskApp>) {
    let start = Instant::now();
    // Steps, not runs: the spinner repaints for as long as the connection takes.
    harness.step();
    while harness.state().team_dialog_connecting() {
        assert!(start.elapsed() < Duration::from_secs(15), "the connection did not end");
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.run();
}
