//! The release list's columns and its remembered state: the column chooser (hide, show, reset),
//! compact 24-hour dates, and each database keeping its own search and dashboard period, written
//! as they change (not only on Quit) for the last 20 files.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

use crate::common::{model_with, plain};
use crate::{fixture, harness};

#[test]
fn the_column_chooser_hides_shows_and_resets_columns() {
    let (_dir, app) = fixture();
    let mut harness = harness(app);
    harness.run();
    assert!(harness.query_by_role_and_label(Role::Button, "Type").is_some(), "Type is shown at first");
    assert!(harness.query_by_label("Readiness").is_none(), "Readiness is not");
    assert!(harness.query_by_role_and_label(Role::Button, "Stage").is_some(), "Stage is");
    harness.get_by_label("Columns…").click();
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, "Type").click();
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, "Readiness").click();
    harness.run();
    assert!(harness.query_by_role_and_label(Role::Button, "Type").is_none(), "Type is hidden");
    let shown = harness.state().list_state().columns.shown.clone();
    assert_eq!(shown.last(), Some(&release_desk::ui::list_columns::ListColumn::Readiness));
    harness.get_by_label("Reset columns").click();
    harness.run();
    assert_eq!(harness.state().list_state().columns, Default::default());
}

#[test]
fn list_dates_are_compact_and_24_hour() {
    let (_dir, app) = fixture();
    let mut harness = harness(app);
    harness.run();
    // The fixture's #1 starts at t0 + 1 h; the list shows it without the year (the clock's).
    let start = release_desk::i18n::datetime_compact(crate::common::at(1), crate::common::t0());
    assert!(!start.contains("AM") && !start.contains("PM") && !start.contains("2026"), "{start}");
    assert!(harness.query_all_by_label(&start).count() >= 1, "{start} is on screen");
}

#[test]
fn each_database_keeps_its_own_search() {
    let (dir, app) = fixture();
    let other = dir.path().join("other.sqlite3");
    drop(model_with(&other, vec![plain(1, "other file's release")]));
    let first = release_desk::model::session::path(app.model().unwrap()).to_owned();
    let mut harness = harness(app);
    harness.run();
    harness.state_mut().list_state_mut().filter.text = "ERP".into();
    harness.run();
    harness.state_mut().open_database(other.clone());
    harness.run();
    harness.run();
    assert_eq!(release_desk::model::session::path(harness.state().model().unwrap()), other.as_path());
    assert_eq!(harness.state().list_state().filter.text, "", "the other file does not inherit the search");
    harness.state_mut().open_database(first);
    harness.run();
    harness.run();
    assert_eq!(harness.state().list_state().filter.text, "ERP", "the first file's search comes back");
}

/// eframe's storage in memory: what the window wrote, and how often it flushed.
#[derive(Default)]
struct MemoryStorage {
    values: std::collections::HashMap<String, String>,
    flushes: usize,
}

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.values.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.values.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.values.remove(key);
    }
    fn flush(&mut self) {
        self.flushes += 1;
    }
}

#[test]
fn a_typed_search_is_written_as_it_changes_and_comes_back_only_to_its_own_file() {
    use egui::{Event, Key, Modifiers};
    use release_desk::ui::ReleaseDeskApp;
    use release_desk::ui::screens::dashboard::PeriodChoice;
    use std::time::{Duration, Instant};

    let (dir, app) = fixture();
    let other = dir.path().join("other.sqlite3");
    drop(model_with(&other, vec![plain(1, "other file's release")]).close());
    let first = release_desk::model::session::path(app.model().unwrap()).to_owned();
    let mut storage = MemoryStorage::default();
    let mut harness = harness(app);
    harness.run();
    let start = Instant::now();
    let ctx = harness.ctx.clone();
    harness.state_mut().persist_ui_state(&ctx, &mut storage, start);
    let flushes = storage.flushes;

    // Typed into the search box, as a user does; the dashboard's period changed too.
    for pressed in [true, false] {
        harness.event(Event::Key {
            key: Key::F,
            pressed,
            modifiers: Modifiers::COMMAND,
            repeat: false,
            physical_key: None,
        });
    }
    harness.run();
    harness.event(Event::Text("ERP".into()));
    harness.run();
    assert_eq!(harness.state().list_state().filter.text, "ERP");
    harness.state_mut().dashboard_mut().unwrap().period = PeriodChoice::Last(3);
    // Within a second of the last write it waits; then it writes, with no Quit.
    harness.state_mut().persist_ui_state(&ctx, &mut storage, start + Duration::from_millis(200));
    assert_eq!(storage.flushes, flushes, "at most one write a second while it changes");
    harness.state_mut().persist_ui_state(&ctx, &mut storage, start + Duration::from_secs(2));
    assert_eq!(storage.flushes, flushes + 1, "the change is written without waiting for Quit");
    assert!(storage.values["ui_states"].contains("ERP"), "{:?}", storage.values);
    harness.state_mut().persist_ui_state(&ctx, &mut storage, start + Duration::from_secs(4));
    assert_eq!(storage.flushes, flushes + 1, "nothing changed, nothing written");

    // The next start on the other file: a clean list and the default period.
    let mut on_other = ReleaseDeskApp::open(other.clone());
    on_other.restore(Some(&storage));
    assert_eq!(on_other.list_state().filter.text, "", "the other file does not inherit the search");
    assert_eq!(on_other.dashboard().unwrap().period, PeriodChoice::Last(12));
    drop(on_other);
    // And on the first file: its search and period come back.
    drop(harness);
    let mut on_first = ReleaseDeskApp::open(first);
    on_first.restore(Some(&storage));
    assert_eq!(on_first.list_state().filter.text, "ERP", "the first file's search comes back");
    assert_eq!(on_first.dashboard().unwrap().period, PeriodChoice::Last(3));
}

#[test]
fn only_the_last_twenty_files_are_remembered() {
    let (dir, app) = fixture();
    let mut harness = harness(app);
    harness.run();
    let files: Vec<_> = (0..22).map(|n| dir.path().join(format!("desk-{n}.sqlite3"))).collect();
    for file in &files {
        drop(model_with(file, vec![plain(1, "release")]).close());
        harness.state_mut().open_database(file.clone());
        harness.run();
    }
    let remembered = harness.state().remembered_ui();
    assert_eq!(remembered.len(), release_desk::ui::app::MAX_FILES);
    let canonical = |p: &std::path::Path| std::fs::canonicalize(p).unwrap().display().to_string();
    assert!(remembered.contains_key(&canonical(&files[21])), "the file open now is kept");
    assert!(!remembered.contains_key(&canonical(&files[0])), "the file used longest ago is forgotten");
}

#[test]
fn the_risk_column_shows_each_releases_risk_level() {
    let (_dir, app) = fixture();
    let mut harness = harness(app);
    harness.run();
    assert!(harness.query_by_label("Risk").is_none(), "the Risk column is not shown at first");
    let medium_before = harness.query_all_by_label("Medium").count();
    harness.get_by_label("Columns…").click();
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, "Risk").click();
    harness.run();
    let shown = harness.state().list_state().columns.shown.clone();
    assert_eq!(shown.last(), Some(&release_desk::ui::list_columns::ListColumn::Risk));
    // The fixture's five releases keep the brief's four risks at 3 x 3 (score 9): Medium each.
    assert_eq!(harness.query_all_by_label("Medium").count() - medium_before, 5, "one chip a row");
}
