//! The whole window, driven headless with egui_kittest (rendered on the CPU through lavapipe), in
//! one binary: the list, selection and bulk actions, the release page and its sections, undo,
//! unsaved edits, durability and the dashboard.

#![allow(clippy::unwrap_used)]

#[path = "../common/mod.rs"]
mod common;

mod backout_sections;
mod cab;
mod cab_admin;
mod calendar;
#[path = "../it/team/cluster.rs"]
mod cluster;
mod columns;
mod dashboard;
mod durability;
mod file_dialog;
mod keys;
mod korean;
mod list;
mod meetings;
mod monitoring;
mod people;
mod regulator;
mod release_page;
mod release_page_sections;
mod selection;
mod shortcuts;
mod team;
mod templates;
mod undo;
mod unsaved_edits;

use common::{at, model_with, plain, temp_db};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use release_desk::domain::{Language, Priority, ReleaseId, ReleaseType, TimeEntryId};
use release_desk::ui::{ReleaseDeskApp, fonts};

pub(crate) fn harness(mut app: ReleaseDeskApp) -> Harness<'static, ReleaseDeskApp> {
    app.set_system_language(Language::En);
    // No system file dialog under test: the window's own path dialog always answers.
    release_desk::ui::widgets::file_dialog::use_system_dialog(false);
    Harness::builder()
        .with_size([1360.0, 820.0])
        .with_max_steps(24)
        .with_context_setup(fonts::install)
        .build_ui_state(
            |ui, app: &mut ReleaseDeskApp| {
                // As eframe does: the app's logic (which answers a close request), then its ui.
                app.on_close_request(ui.ctx());
                app.root_ui(ui);
            },
            app,
        )
}

pub(crate) fn fixture() -> (tempfile::TempDir, ReleaseDeskApp) {
    fixture_with(|_| {})
}

/// The fixture with `edit` applied to each release before it is stored.
pub(crate) fn fixture_with(
    edit: impl Fn(&mut release_desk::domain::Release),
) -> (tempfile::TempDir, ReleaseDeskApp) {
    let (dir, path) = temp_db();
    let mut releases = Vec::new();
    for (id, priority, kind, subject) in [
        (1, Priority::Low, ReleaseType::Standard, "배달의민족 앱 v8.1 정기 업데이트"),
        (2, Priority::Urgent, ReleaseType::Emergency, "[긴급] 인터넷뱅킹 보안 패치"),
        (3, Priority::Medium, ReleaseType::Major, "롯데그룹 ERP 업그레이드 1단계"),
        (4, Priority::High, ReleaseType::Emergency, "Hotfix v8.3.1 payment crash"),
        (5, Priority::Medium, ReleaseType::Minor, "VPN firmware update"),
    ] {
        let mut r = plain(id, subject);
        r.priority = priority;
        r.release_type = kind;
        r.planned.start = at(id);
        r.planned.end = at(id + 3);
        edit(&mut r);
        releases.push(r);
    }
    let model = model_with(&path, releases);
    (dir, ReleaseDeskApp::from_model(model))
}

pub(crate) fn ids(harness: &Harness<'_, ReleaseDeskApp>) -> Vec<i64> {
    harness.state().visible_release_ids().iter().map(|id| id.0).collect()
}

/// The vertical position of the row label `#id` on screen.
pub(crate) fn row_y(harness: &Harness<'_, ReleaseDeskApp>, id: i64) -> f64 {
    let label = format!("#{id}");
    harness.get_by_label(&label).accesskit_node().bounding_box().unwrap().y0
}

/// Shows the release page's in-page tab named `name` (the tab strip is drawn before any section).
pub(crate) fn show_tab(harness: &mut Harness<'_, ReleaseDeskApp>, name: &str) {
    harness.get_all_by_label(name).next().unwrap().click();
    harness.run();
}

/// Focuses the text field `label` and types `text` into it.
pub(crate) fn type_into(harness: &mut Harness<'_, ReleaseDeskApp>, role: Role, label: &str, text: &str) {
    harness.get_by_role_and_label(role, label).focus();
    harness.run();
    harness.get_by_role_and_label(role, label).type_text(text);
    harness.run();
}

/// The fixture with release #3's page open (through the list: select, Enter).
pub(crate) fn page_of_3() -> (tempfile::TempDir, Harness<'static, ReleaseDeskApp>) {
    page_of_3_with(|_| {})
}

/// [`page_of_3`] with `edit` applied to the releases first.
pub(crate) fn page_of_3_with(
    edit: impl Fn(&mut release_desk::domain::Release),
) -> (tempfile::TempDir, Harness<'static, ReleaseDeskApp>) {
    let (dir, app) = fixture_with(edit);
    let mut harness = harness(app);
    harness.run();
    harness.get_by_label("#3").click();
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(harness.state().active_page(), Some(ReleaseId(3)));
    (dir, harness)
}

pub(crate) fn release_3(harness: &Harness<'_, ReleaseDeskApp>) -> release_desk::domain::Release {
    harness.state().model().unwrap().release(ReleaseId(3)).unwrap().clone()
}

/// Release #3's page with one stopped entry of 01:30 logged on it (before the page is drawn).
pub(crate) fn page_of_3_with_time() -> (tempfile::TempDir, Harness<'static, ReleaseDeskApp>, TimeEntryId) {
    let (dir, mut harness) = page_of_3();
    let entry = release_desk::model::NewTimeEntry {
        agent_id: None,
        minutes: 90,
        note: "이관 리허설".into(),
        billable: true,
        executed_at: at(-2),
    };
    let model = harness.state_mut().model_mut().unwrap();
    model
        .apply(release_desk::model::Command::Work(release_desk::model::WorkCommand::AddTime {
            release: ReleaseId(3),
            entry,
        }))
        .unwrap();
    let id = model.time_entries_for(ReleaseId(3))[0].id;
    harness.run();
    crate::show_tab(&mut harness, "Work");
    assert!(harness.query_by_label("Time tracking (total 1h 30m)").is_some());
    (dir, harness, id)
}

/// Opens the entry's edit form and types `spent` over the time spent it is filled in with. The
/// entry's Edit is the last "Edit" (the first is the menu; #3 has no tasks).
pub(crate) fn edit_time_spent(harness: &mut Harness<'_, ReleaseDeskApp>, spent: &str) {
    harness.get_all_by_role_and_label(Role::Button, "Edit").last().unwrap().click();
    harness.run();
    assert!(harness.query_by_label("Edit time entry").is_some(), "the form is titled for editing");
    let field = harness.get_by_role_and_label(Role::TextInput, "Time spent (hh:mm)");
    assert_eq!(field.value().as_deref(), Some("01:30"), "filled in with the entry");
    field.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Time spent (hh:mm)").type_text(spent);
    harness.run();
}

/// The text a text field on screen holds.
pub(crate) fn field_text(harness: &Harness<'_, ReleaseDeskApp>, role: Role, label: &str) -> String {
    harness.get_by_role_and_label(role, label).accesskit_node().value().unwrap_or_default()
}

/// Masks the status bar's database path (a new temporary folder each run) for a snapshot.
pub(crate) fn mask_db_path(harness: &mut Harness<'_, ReleaseDeskApp>) {
    let path = harness.get_by_label_contains("desk.sqlite3").accesskit_node().bounding_box().unwrap();
    let right = harness.ctx.content_rect().right();
    harness.mask(egui::Rect::from_min_max(
        egui::pos2(path.x0 as f32, path.y0 as f32),
        egui::pos2(right, path.y1 as f32),
    ));
}
