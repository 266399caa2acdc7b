//! Team sync in the window (issue 21): the status bar's sync state for a file in a team (and
//! nothing of it without one), a sync that runs off the window's thread while frames go on, and
//! an unreachable server shown as offline with its reason.

use std::time::{Duration, Instant};

use crate::common::{at, people, plain, temp_db};
use crate::harness;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
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
