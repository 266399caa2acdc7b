//! Failed writes keep what the user typed, a locked file opens read-only, a damaged file offers the
//! newest good backup, and the Backups dialog restores one.

use crate::common::{model_with, plain, temp_db};
use crate::{fixture, harness, type_into};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use release_desk::domain::ReleaseId;
use release_desk::ui::ReleaseDeskApp;

#[test]
fn a_failed_write_keeps_the_new_release_draft_to_retry() {
    let (dir, app) = fixture();
    let path = dir.path().join("desk.sqlite3");
    let pages: i64 = rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    app.model().unwrap().store().set_max_page_count_for_tests(pages).unwrap();
    let mut harness = harness(app);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run();
    harness.get_by_label("Subject *").type_text("디스크가 가득 찬 날의 릴리스");
    harness.run();
    // Too big for the pages the file may still use (it needs overflow pages).
    harness.state_mut().new_release_modal_mut().draft.as_mut().unwrap().description = "긴 설명 ".repeat(600);
    harness.run();
    // Ctrl+Enter creates: the tall description may push the button below the window.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Enter);
    harness.run();
    harness.run();
    let modal = harness.state_mut().new_release_modal_mut();
    assert!(modal.is_open(), "the dialog stays open");
    assert_eq!(modal.draft.as_ref().unwrap().subject, "디스크가 가득 찬 날의 릴리스", "the draft is kept");
    assert!(modal.error.as_deref().unwrap().contains("full"), "{:?}", modal.error);
    let model = harness.state().model().unwrap();
    assert_eq!(model.releases().len(), 5);
    assert_eq!(model.reload_snapshot().unwrap(), model.snapshot(), "memory equals the file");
}

#[test]
fn a_locked_file_says_so_and_opens_read_only() {
    let (_dir, app) = fixture();
    let path = app.model().unwrap().store().path().to_owned();
    let second = ReleaseDeskApp::open(path);
    assert!(second.model().is_none());
    let mut harness = harness(second);
    harness.run();
    assert!(harness.query_by_label("This database is open in another window").is_some());
    assert!(harness.query_by_label_contains("desk.sqlite3 is open in another Release Desk window").is_some());
    harness.get_by_role_and_label(Role::Button, "Open read-only").click();
    harness.run();
    let model = harness.state().model().unwrap();
    assert!(model.is_read_only());
    assert_eq!(model.releases().len(), 5);
    assert!(harness.query_by_label("Read-only").is_some());
    drop(app);
}

#[test]
fn a_damaged_file_offers_the_newest_good_backup() {
    let (dir, path) = temp_db();
    let model = model_with(&path, (1..=40).map(|id| plain(id, &"릴리스 ".repeat(30))).collect());
    model.backup_now("manual").unwrap();
    drop(model);
    let mut bytes = std::fs::read(&path).unwrap();
    for byte in &mut bytes[4096..4096 + 12] {
        *byte ^= 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    let mut harness = harness(ReleaseDeskApp::open(path.clone()));
    harness.run();
    assert!(harness.query_by_label("This database is damaged").is_some());
    harness.get_by_label_contains("Restore the backup of").click();
    harness.run();
    assert_eq!(harness.state().model().unwrap().releases().len(), 40);
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with("desk.sqlite3.damaged-") && !name.ends_with("-wal") && !name.ends_with("-shm")
        })
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(std::fs::read(aside[0].path()).unwrap(), bytes, "the damaged file is kept untouched");
}

#[test]
fn a_failed_write_keeps_the_release_page_edits_to_retry() {
    let (dir, app) = fixture();
    let path = dir.path().join("desk.sqlite3");
    let pages: i64 = rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    let mut harness = harness(app);
    harness.run();
    harness.get_by_label("#3").click();
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.state().model().unwrap().store().set_max_page_count_for_tests(pages).unwrap();
    let long = "변경 ".repeat(900);
    type_into(&mut harness, Role::MultilineTextInput, "Description", &long);
    harness.get_by_role_and_label(Role::Button, "Save description").click();
    harness.run();
    harness.run();
    assert_eq!(harness.state().active_page(), Some(ReleaseId(3)), "the page stays open");
    assert!(harness.query_all_by_label_contains("full").count() >= 1, "the error is shown");
    assert!(harness.query_by_label("Unsaved changes").is_some(), "the edits are kept");
    let model = harness.state().model().unwrap();
    assert_eq!(model.reload_snapshot().unwrap(), model.snapshot(), "memory equals the file");
    assert!(!model.release(ReleaseId(3)).unwrap().description.contains("변경"));
}

#[test]
fn the_backups_dialog_lists_and_restores_a_backup() {
    let (dir, app) = fixture();
    let path = dir.path().join("desk.sqlite3");
    app.model().unwrap().backup_now("manual").unwrap();
    let mut harness = harness(app);
    harness.run();
    // A release made after the backup, which the restore takes away (and keeps in a backup).
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run();
    harness.get_by_label("Subject *").type_text("백업 후에 만든 릴리스");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Create").click();
    harness.run();
    assert_eq!(harness.state().model().unwrap().releases().len(), 6);

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Backups…").click();
    harness.run();
    assert!(harness.query_by_label("by hand").is_some(), "the backup is listed with its reason");
    assert!(harness.query_by_label("5").is_some(), "and its release count");
    harness.get_by_role_and_label(Role::Button, "Restore").click();
    harness.run();
    assert!(harness.query_by_label_contains("The current file is kept as a backup first").is_some());
    harness.get_all_by_role_and_label(Role::Button, "Restore").last().unwrap().click();
    harness.run();
    assert_eq!(harness.state().model().unwrap().releases().len(), 5);
    let list = release_desk::store::backup::list_backups(&path).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].reason, "restore");
    assert_eq!(release_desk::store::backup::verify(&list[0].path).unwrap(), 6);
}

#[test]
fn an_empty_file_offers_the_newest_good_backup_or_a_new_database() {
    let (dir, path) = temp_db();
    let model = model_with(&path, (1..=7).map(|id| plain(id, "릴리스")).collect());
    model.backup_now("manual").unwrap();
    drop(model);
    // What a crash can leave: a file of zero bytes.
    for side in ["desk.sqlite3-wal", "desk.sqlite3-shm"] {
        std::fs::remove_file(dir.path().join(side)).ok();
    }
    std::fs::write(&path, b"").unwrap();
    let mut window = harness(ReleaseDeskApp::open(path.clone()));
    window.run();
    assert!(window.query_by_label("This database file is empty").is_some());
    assert!(window.query_by_label("Make it a new, empty database").is_some());
    assert!(window.query_by_label_contains("desk.sqlite3 was left untouched").is_some());
    assert!(window.query_by_label_contains("\"init\"").is_none(), "no command line advice in the window");
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 0, "not made a database on its own");
    window.get_by_label_contains("Restore the backup of").click();
    window.run();
    assert_eq!(window.state().model().unwrap().releases().len(), 7, "the backup is back");

    // No backup to offer: the user makes it a new, empty database.
    let (_dir, path) = temp_db();
    std::fs::write(&path, b"").unwrap();
    let mut window = harness(ReleaseDeskApp::open(path.clone()));
    window.run();
    assert!(window.query_by_label("There is no good backup of this file in the backups folder.").is_some());
    window.get_by_label("Make it a new, empty database").click();
    window.run();
    let model = window.state().model().unwrap();
    assert!(model.releases().is_empty() && !model.is_read_only());
    assert!(std::fs::metadata(&path).unwrap().len() > 0);
}

#[test]
fn the_backups_dialog_warns_before_restoring_another_databases_backup() {
    let (dir, app) = fixture();
    let (_other_dir, other) = temp_db();
    let foreign = model_with(&other, vec![plain(9, "다른 데이터베이스")]).backup_now("manual").unwrap();
    let folder = dir.path().join("backups");
    std::fs::create_dir_all(&folder).unwrap();
    // Both files are named desk.sqlite3, so the copy is listed as one of this database's.
    std::fs::copy(&foreign, folder.join(foreign.file_name().unwrap())).unwrap();
    let mut harness = harness(app);
    harness.run();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Backups…").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Restore").click();
    harness.run();
    assert!(
        harness.query_by_label_contains("This is a backup of another database than the one open").is_some(),
        "the warning is shown before anything is restored"
    );
    assert_eq!(harness.state().model().unwrap().releases().len(), 5);
    harness.get_all_by_role_and_label(Role::Button, "Restore").last().unwrap().click();
    harness.run();
    assert_eq!(harness.state().model().unwrap().releases()[0].subject, "다른 데이터베이스");
}

#[test]
fn opening_the_open_file_under_another_name_keeps_it_open() {
    let (dir, app) = fixture();
    let path = dir.path().join("desk.sqlite3");
    let link = dir.path().join("alias.sqlite3");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    let mut harness = harness(app);
    harness.run();
    // File > Open database… picks the same file through a link, or spelled otherwise.
    for other_name in [link, dir.path().join(".").join("desk.sqlite3")] {
        harness.state_mut().open_database(other_name);
        harness.run();
        let model = harness.state().model().expect("still open, not 'in use by another window'");
        assert!(!model.is_read_only());
        assert_eq!(model.releases().len(), 5);
    }
    assert!(harness.query_by_label("This database is open in another window").is_none());
}
