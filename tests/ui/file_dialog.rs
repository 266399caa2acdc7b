//! The window's own path dialog, which stands in for the system's file dialog where there is none:
//! a dashboard export written through it (and the status bar saying where), saving over a file
//! that exists asks first, and File > Open database of a missing file says so.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use release_desk::ui::ReleaseDeskApp;

use crate::{fixture, harness};

/// Replaces the text of the field `label` with `text`.
pub(crate) fn retype(harness: &mut Harness<'_, ReleaseDeskApp>, label: &str, text: &str) {
    harness.get_by_role_and_label(Role::TextInput, label).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, label).type_text(text);
    harness.run();
}

fn wait_for_export(harness: &mut Harness<'_, ReleaseDeskApp>) {
    for _ in 0..600 {
        harness.run();
        if !harness.state().dashboard().unwrap().exporting() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    harness.run();
}

#[test]
fn a_csv_export_without_a_system_dialog_goes_through_the_path_dialog_and_says_where() {
    let (dir, app) = fixture();
    let mut harness = harness(app);
    harness.run();
    harness.get_by_label("Dashboard").click();
    harness.run();
    harness.get_by_label("Export CSV…").click();
    harness.run();
    assert!(harness.query_by_label_contains("system file dialog is not available").is_some());
    let name = harness.get_by_role_and_label(Role::TextInput, "File name").value().unwrap_or_default();
    assert!(name.starts_with("kpi-") && name.ends_with(".csv"), "a suggested name: {name}");

    let folder = dir.path().display().to_string();
    retype(&mut harness, "Folder", &folder);
    retype(&mut harness, "File name", "monthly");
    harness.get_by_role_and_label(Role::Button, "Save").click();
    harness.run();
    wait_for_export(&mut harness);
    let written = dir.path().join("monthly.csv");
    assert!(written.is_file(), "the extension is added and the file written");
    let status = harness.state().status_text().unwrap_or_default();
    assert!(status.contains(&written.display().to_string()), "the status bar says where: {status}");

    // The folder is remembered; saving over the file asks first.
    harness.get_by_label("Export CSV…").click();
    harness.run();
    let offered = harness.get_by_role_and_label(Role::TextInput, "Folder").value().unwrap_or_default();
    assert_eq!(offered, folder, "the last folder is offered again");
    retype(&mut harness, "File name", "monthly.csv");
    harness.get_by_role_and_label(Role::Button, "Save").click();
    harness.run();
    assert!(harness.query_by_label_contains("already exists. Replace it?").is_some());
    std::fs::write(&written, "old").unwrap();
    harness.get_by_role_and_label(Role::Button, "Replace").click();
    harness.run();
    wait_for_export(&mut harness);
    assert_ne!(std::fs::read_to_string(&written).unwrap(), "old", "replaced after the question");
}

#[test]
fn opening_a_database_that_is_not_there_says_so_and_cancel_closes_the_dialog() {
    let (dir, app) = fixture();
    let mut harness = harness(app);
    harness.run();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open database…").click();
    harness.run();
    assert!(harness.query_by_label("Open a Release Desk database").is_some());
    retype(&mut harness, "Folder", &dir.path().display().to_string());
    retype(&mut harness, "File name", "missing.sqlite3");
    harness.get_by_role_and_label(Role::Button, "Open").click();
    harness.run();
    assert!(harness.query_by_label_contains("missing.sqlite3 was not found").is_some());
    harness.get_by_role_and_label(Role::Button, "Cancel").click();
    harness.run();
    assert!(harness.query_by_label("Open a Release Desk database").is_none());
}
