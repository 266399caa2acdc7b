//! The release list: sorting, views, the New release dialog, opening releases as tabs, the empty
//! database, Korean names and the main window snapshot, people from the File menu.

use crate::common::{model_with, temp_db};
use crate::{fixture, harness, ids, row_y};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use release_desk::domain::{Language, ReleaseId, ReleaseType};
use release_desk::ui::ReleaseDeskApp;

#[test]
fn clicking_priority_sorts_and_a_second_click_reverses() {
    let (_dir, app) = fixture();
    let mut harness = harness(app);
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Priority").click();
    harness.run();
    assert_eq!(ids(&harness), [1, 3, 5, 4, 2], "ascending priority, ties by created");
    assert!(row_y(&harness, 1) < row_y(&harness, 3));
    assert!(row_y(&harness, 4) < row_y(&harness, 2));

    harness.get_by_role_and_label(Role::Button, "Priority").click();
    harness.run();
    // Issue 13: ties break by id in the sort's direction (they kept their ascending order before).
    assert_eq!(ids(&harness), [2, 4, 5, 3, 1], "descending, ties by id descending");
    assert!(row_y(&harness, 2) < row_y(&harness, 4));
    assert!(row_y(&harness, 5) < row_y(&harness, 1));
}

#[test]
fn clicking_emergency_releases_shows_only_emergency_releases() {
    let (_dir, app) = fixture();
    let mut harness = harness(app);
    harness.run();
    harness.get_by_label("Emergency Releases").click();
    harness.run();
    let shown = ids(&harness);
    assert_eq!(shown.len(), 2);
    let model = harness.state().model().unwrap();
    for id in shown {
        assert_eq!(model.release(ReleaseId(id)).unwrap().release_type, ReleaseType::Emergency);
    }
    assert!(harness.query_by_label("#1").is_none(), "a standard release is not shown");
    assert!(harness.query_by_label("#2").is_some());
}

#[test]
fn the_new_release_modal_refuses_an_end_before_the_start() {
    let (_dir, app) = fixture();
    let mut harness = harness(app);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run();
    harness.get_by_label("Subject *").type_text("ERP 하반기 업그레이드");
    harness.run();
    let top = harness.get_by_label("Subject *").rect().min.y;
    {
        let draft = harness.state_mut().new_release_modal_mut().draft.as_mut().unwrap();
        assert_eq!(draft.subject, "ERP 하반기 업그레이드");
        draft.planned_end = draft.planned_start - chrono::Duration::hours(1);
    }
    harness.run();
    assert!(harness.query_by_label_contains("planned end must be after the planned start").is_some());
    // The error made the dialog taller; it grew downwards instead of re-centring under the pointer.
    assert_eq!(harness.get_by_label("Subject *").rect().min.y, top, "the dialog kept its place");
    let create = harness.get_by_role_and_label(Role::Button, "Create");
    assert!(create.accesskit_node().is_disabled());
    create.click();
    harness.run();
    assert_eq!(harness.state().model().unwrap().releases().len(), 5, "nothing was created");
    assert!(harness.state_mut().new_release_modal_mut().is_open());

    // Fixing the end lets it through.
    {
        let draft = harness.state_mut().new_release_modal_mut().draft.as_mut().unwrap();
        draft.planned_end = draft.planned_start + chrono::Duration::hours(2);
    }
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Create").click();
    harness.run();
    let model = harness.state().model().unwrap();
    assert_eq!(model.releases().len(), 6);
    assert_eq!(model.release(ReleaseId(6)).unwrap().subject, "ERP 하반기 업그레이드");
    assert!(!harness.state_mut().new_release_modal_mut().is_open());
}

/// Two real pointer clicks on the widget labelled `label`, all in one frame (the harness would
/// otherwise put a quarter second between events, too slow for a double click).
fn double_click(harness: &mut Harness<'_, ReleaseDeskApp>, label: &str) {
    let b = harness.get_by_label(label).accesskit_node().bounding_box().unwrap();
    let pos = egui::pos2(((b.x0 + b.x1) / 2.0) as f32, ((b.y0 + b.y1) / 2.0) as f32);
    let events = &mut harness.input_mut().events;
    events.push(egui::Event::PointerMoved(pos));
    for pressed in [true, false, true, false] {
        events.push(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.step();
}

#[test]
fn enter_and_double_click_open_releases_as_tabs_and_ctrl_w_closes_them() {
    let (_dir, app) = fixture();
    let mut harness = harness(app);
    harness.run();
    harness.get_by_label("#3").click();
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(harness.state().active_page(), Some(ReleaseId(3)));
    assert!(harness.query_by_label_contains("롯데그룹 ERP").is_some());
    assert!(harness.query_by_label("Properties").is_some(), "the page shows its properties panel");

    // Back to the list, open another one by double-click: two tabs.
    harness.get_by_label("Releases").click();
    harness.run();
    assert_eq!(harness.state().active_page(), None);
    double_click(&mut harness, "#5");
    harness.run();
    assert_eq!(harness.state().open_pages(), [ReleaseId(3), ReleaseId(5)]);
    assert_eq!(harness.state().active_page(), Some(ReleaseId(5)));

    // Ctrl+W closes the active tab and shows the one before it.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::W);
    harness.run();
    assert_eq!(harness.state().open_pages(), [ReleaseId(3)]);
    assert_eq!(harness.state().active_page(), Some(ReleaseId(3)));
}

#[test]
fn an_empty_database_offers_sample_data() {
    let (_dir, path) = temp_db();
    let model = model_with(&path, vec![]);
    let mut harness = harness(ReleaseDeskApp::from_model(model));
    harness.run();
    assert!(harness.query_by_label("No releases yet").is_some());
    harness.get_all_by_label("Load sample data").last().unwrap().click();
    harness.run();
    assert!(harness.state().model().unwrap().releases().len() >= 150);
    assert!(ids(&harness).len() >= 150, "the table lists the sample");
    assert!(harness.query_all_by_label_contains("[긴급]").count() > 0, "Korean subjects are on screen");
}

#[test]
fn switching_to_korean_shows_korean_view_names() {
    let (_dir, app) = fixture();
    let mut harness = harness(app);
    harness.run();
    assert!(harness.query_by_label("Emergency Releases").is_some());
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("한국어").click();
    harness.run();
    assert_eq!(harness.state().language(), Language::Ko);
    for name in ["긴급 릴리스", "휴지통", "전체 릴리스", "미할당 릴리스"] {
        assert!(harness.query_by_label(name).is_some(), "{name} not shown");
    }
    assert!(harness.query_by_label("Emergency Releases").is_none());
    assert_eq!(
        harness.state().model().unwrap().settings().language,
        Some(Language::Ko),
        "the choice persists"
    );
}

#[test]
fn main_window_in_korean_snapshot() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![]);
    let data = release_desk::domain::sample::scenarios(crate::common::t0());
    model
        .apply(release_desk::model::Command::Sample(release_desk::model::SampleCommand::Load {
            data,
            force: false,
        }))
        .unwrap();
    model
        .apply(release_desk::model::Command::Settings(release_desk::model::SettingsCommand::SetLanguage(
            Some(Language::Ko),
        )))
        .unwrap();
    let mut app = ReleaseDeskApp::from_model(model);
    app.list_state_mut().sort =
        release_desk::domain::SortSpec { key: release_desk::domain::SortKey::Id, descending: false };
    let mut harness = harness(app);
    harness.set_size(egui::vec2(1280.0, 720.0));
    harness.run();
    assert!(harness.query_by_label("긴급 릴리스").is_some());
    // The status bar names the (temporary, randomly named) database path; keep it out of the picture.
    let path = harness.get_by_label_contains("desk.sqlite3").accesskit_node().bounding_box().unwrap();
    harness.mask(egui::Rect::from_min_max(
        egui::pos2(path.x0 as f32, path.y0 as f32),
        egui::pos2(1280.0, path.y1 as f32),
    ));
    harness.snapshot("main_window_ko");
}

#[test]
fn agents_and_groups_can_be_added_from_the_file_menu() {
    let (_dir, path) = temp_db();
    let model = release_desk::model::Model::open(&path).unwrap();
    let mut harness = harness(ReleaseDeskApp::from_model(model));
    harness.run();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Agents and groups…").click();
    harness.run();
    harness.get_by_label("New agent").click();
    harness.run();
    harness.get_by_label("New agent").type_text("정예준");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Add agent").click();
    harness.run();
    harness.get_by_label("New group").click();
    harness.run();
    harness.get_by_label("New group").type_text("Core Banking");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Add group").click();
    harness.run();
    let directory = harness.state().model().unwrap().directory().clone();
    assert_eq!(directory.agents.len(), 1);
    assert_eq!(directory.agents[0].name, "정예준");
    assert_eq!(directory.groups[0].name, "Core Banking");
}
