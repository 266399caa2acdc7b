//! The release list's columns and its remembered state: the column chooser (hide, show, reset),
//! compact 24-hour dates, and each database keeping its own search.

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
