//! The window, driven headless with egui_kittest (rendered on the CPU through lavapipe).

#![allow(clippy::unwrap_used)]

mod common;

use common::{at, model_with, plain, temp_db};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use release_desk::domain::{Language, Priority, ReleaseId, ReleaseType};
use release_desk::ui::{ReleaseDeskApp, fonts};

fn harness(mut app: ReleaseDeskApp) -> Harness<'static, ReleaseDeskApp> {
    app.set_system_language(Language::En);
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

fn fixture() -> (tempfile::TempDir, ReleaseDeskApp) {
    fixture_with(|_| {})
}

/// The fixture with `edit` applied to each release before it is stored.
fn fixture_with(edit: impl Fn(&mut release_desk::domain::Release)) -> (tempfile::TempDir, ReleaseDeskApp) {
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

fn ids(harness: &Harness<'_, ReleaseDeskApp>) -> Vec<i64> {
    harness.state().visible_release_ids().iter().map(|id| id.0).collect()
}

/// The vertical position of the row label `#id` on screen.
fn row_y(harness: &Harness<'_, ReleaseDeskApp>, id: i64) -> f64 {
    let label = format!("#{id}");
    harness.get_by_label(&label).accesskit_node().bounding_box().unwrap().y0
}

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
    assert_eq!(ids(&harness), [2, 4, 3, 5, 1], "descending, ties keep their order");
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
    {
        let draft = harness.state_mut().new_release_modal_mut().draft.as_mut().unwrap();
        assert_eq!(draft.subject, "ERP 하반기 업그레이드");
        draft.planned_end = draft.planned_start - chrono::Duration::hours(1);
    }
    harness.run();
    assert!(harness.query_by_label_contains("planned end must be after the planned start").is_some());
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
    let data = release_desk::domain::sample::scenarios(common::t0());
    model.apply(release_desk::model::Command::LoadSample { data, force: false }).unwrap();
    model.apply(release_desk::model::Command::SetLanguage(Some(Language::Ko))).unwrap();
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

// ---------------------------------------------------------------- durability

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

/// Focuses the text field `label` and types `text` into it.
fn type_into(harness: &mut Harness<'_, ReleaseDeskApp>, role: Role, label: &str, text: &str) {
    harness.get_by_role_and_label(role, label).focus();
    harness.run();
    harness.get_by_role_and_label(role, label).type_text(text);
    harness.run();
}

/// The fixture with release #3's page open (through the list: select, Enter).
fn page_of_3() -> (tempfile::TempDir, Harness<'static, ReleaseDeskApp>) {
    page_of_3_with(|_| {})
}

/// [`page_of_3`] with `edit` applied to the releases first.
fn page_of_3_with(
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

fn release_3(harness: &Harness<'_, ReleaseDeskApp>) -> release_desk::domain::Release {
    harness.state().model().unwrap().release(ReleaseId(3)).unwrap().clone()
}

#[test]
fn the_build_plan_is_edited_in_its_modal_and_saved_with_ctrl_s() {
    let (_dir, mut harness) = page_of_3();
    assert_eq!(harness.query_all_by_label("Not yet added").count(), 2);
    harness.get_all_by_role_and_label(Role::Button, "Add").next().unwrap().click();
    harness.run();
    assert!(harness.query_by_label_contains("Build plan — #3").is_some(), "the modal is open");
    harness.get_by_role_and_label(Role::Button, "Insert template").click();
    harness.run();
    type_into(&mut harness, Role::MultilineTextInput, "Plan", "빌드 서버: jenkins-01. ");
    harness.run();
    // The modal's first item ("Done"), not a checkbox of the page behind it.
    harness.get_all_by_role_and_label(Role::CheckBox, "Done").next().unwrap().click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();

    let plan = release_3(&harness).build_plan.expect("the build plan was saved");
    let texts: Vec<_> = plan.items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Source build procedure",
            "Dependency management",
            "Per-environment configuration",
            "Packaging scripts"
        ]
    );
    assert!(plan.items[0].done && !plan.items[1].done);
    assert!(plan.body.contains("jenkins-01") && plan.body.contains("## Packaging scripts"), "{}", plan.body);
    assert!(harness.query_by_label_contains("Build plan — #3").is_none(), "saving closed the modal");
    assert!(harness.query_by_label("1/4 done").is_some(), "the page shows the progress");
    let reopened =
        release_desk::model::Model::open_read_only(harness.state().model().unwrap().store().path()).unwrap();
    assert_eq!(reopened.release(ReleaseId(3)).unwrap().build_plan.as_ref(), Some(&plan));
}

#[test]
fn escape_with_unsaved_plan_edits_asks_and_a_failed_save_keeps_them() {
    let (_dir, mut harness) = page_of_3();
    harness.get_all_by_role_and_label(Role::Button, "Add").nth(1).unwrap().click();
    harness.run();
    type_into(&mut harness, Role::MultilineTextInput, "Plan", "UAT: 본사 회계팀");
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Discard your unsaved changes?").is_some());
    harness.get_by_role_and_label(Role::Button, "Keep editing").click();
    harness.run();
    assert!(harness.query_by_label_contains("Test plan — #3").is_some(), "still editing");

    // The disk is "full": saving fails, the modal stays with the edits and says why.
    let path = harness.state().model().unwrap().store().path().to_owned();
    let pages: i64 =
        rusqlite::Connection::open(&path).unwrap().query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
    harness.state().model().unwrap().store().set_max_page_count_for_tests(pages).unwrap();
    {
        let page = harness.state_mut().page_mut(ReleaseId(3)).unwrap();
        let editor = page.sections.plans.editor.as_mut().unwrap();
        editor.draft.body.push_str(&"긴 테스트 계획 ".repeat(3_000));
    }
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    assert_eq!(
        harness.query_all_by_label_contains("full").count(),
        2,
        "the modal and the status bar say why"
    );
    let page = harness.state_mut().page_mut(ReleaseId(3)).unwrap();
    let editor = page.sections.plans.editor.as_ref().expect("the modal is still open");
    assert!(editor.draft.body.starts_with("UAT: 본사 회계팀"), "the edits are kept");
    assert_eq!(release_3(&harness).test_plan, None);

    // Esc, then Discard, closes it without saving.
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Discard").click();
    harness.run();
    assert!(harness.query_by_label_contains("Test plan — #3").is_none());
    assert_eq!(release_3(&harness).test_plan, None);
}

#[test]
fn a_task_is_added_from_the_page() {
    let (_dir, mut harness) = page_of_3();
    assert!(harness.query_by_label("Tasks (0 open of 0)").is_some());
    harness.get_by_role_and_label(Role::Button, "Add task").click();
    harness.run();
    type_into(&mut harness, Role::TextInput, "Title", "운영 DB 백업 리허설");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Save").click();
    harness.run();
    let model = harness.state().model().unwrap();
    let tasks = model.tasks_for(ReleaseId(3));
    assert_eq!(tasks.len(), 1);
    assert_eq!(tasks[0].fields.title, "운영 DB 백업 리허설");
    assert_eq!(tasks[0].fields.due, Some(common::t0() + chrono::Duration::days(1)));
    assert!(harness.query_by_label("Tasks (1 open of 1)").is_some());
    assert!(harness.query_by_label("운영 DB 백업 리허설").is_some(), "the list shows it");
    assert!(harness.query_by_role_and_label(Role::TextInput, "Title").is_none(), "the form closed");
}

#[test]
fn the_timer_starts_runs_and_stops() {
    let (_dir, mut harness) = page_of_3();
    harness.get_by_role_and_label(Role::Button, "Start timer").click();
    harness.run();
    let entry = harness.state().model().unwrap().time_entries_for(ReleaseId(3))[0].clone();
    assert!(entry.is_running());
    assert!(harness.query_by_label("Timer running").is_some());
    assert!(
        harness.get_by_role_and_label(Role::Button, "Start timer").accesskit_node().is_disabled(),
        "one running timer per agent and release"
    );

    // 25 minutes later the live clock shows it; Stop adds the time to the entry.
    harness
        .state_mut()
        .model_mut()
        .unwrap()
        .set_clock(Box::new(|| common::t0() + chrono::Duration::minutes(25)));
    harness.run();
    assert!(harness.query_all_by_label("00:25:00").count() > 0, "the live clock");
    assert!(harness.query_by_label("Time tracking (total 25m)").is_some());
    harness.get_by_role_and_label(Role::Button, "Stop timer").click();
    harness.run();
    let stopped = harness.state().model().unwrap().time_entry(entry.id).unwrap().clone();
    assert!(!stopped.is_running());
    assert_eq!(stopped.minutes, 25);
    assert!(harness.query_by_label("00:25").is_some(), "the list shows hh:mm");
    assert!(harness.query_by_label("Timer running").is_none());
}

#[test]
fn the_next_timers_note_is_kept_when_another_time_command_succeeds() {
    let (_dir, mut harness) = page_of_3();
    // The box is found by its hint while empty (egui names an empty text field by it).
    let hint = "What are you working on?";
    let typed = |h: &Harness<'static, ReleaseDeskApp>| {
        h.query_by(|n| n.role() == Role::TextInput && n.value().as_deref() == Some("배포 검증")).is_some()
    };
    harness.get_by_role_and_label(Role::Button, "Start timer").click();
    harness.run();
    let timer = harness.state().model().unwrap().running_timers().next().unwrap().id;
    harness.get_by(|n| n.role() == Role::TextInput && n.placeholder() == Some(hint)).focus();
    harness.run();
    harness.get_by(|n| n.role() == Role::TextInput && n.placeholder() == Some(hint)).type_text("배포 검증");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Stop timer").click();
    harness.run();
    assert!(!harness.state().model().unwrap().time_entry(timer).unwrap().is_running());
    assert!(typed(&harness), "stopping a timer keeps the note typed for the next one");
    // Starting the next timer uses the note, and only that empties the box.
    harness.get_by_role_and_label(Role::Button, "Start timer").click();
    harness.run();
    let next = harness.state().model().unwrap().running_timers().next().unwrap().clone();
    assert_eq!(next.note, "배포 검증");
    assert!(!typed(&harness));
    assert!(harness.query_by(|n| n.role() == Role::TextInput && n.placeholder() == Some(hint)).is_some());
}

/// Release #3's page with one stopped entry of 01:30 logged on it (before the page is drawn).
fn page_of_3_with_time() -> (tempfile::TempDir, Harness<'static, ReleaseDeskApp>, i64) {
    let (dir, mut harness) = page_of_3();
    let entry = release_desk::model::NewTimeEntry {
        agent_id: None,
        minutes: 90,
        note: "이관 리허설".into(),
        billable: true,
        executed_at: common::at(-2),
    };
    let model = harness.state_mut().model_mut().unwrap();
    model.apply(release_desk::model::Command::AddTime { release: ReleaseId(3), entry }).unwrap();
    let id = model.time_entries_for(ReleaseId(3))[0].id;
    harness.run();
    assert!(harness.query_by_label("Time tracking (total 1h 30m)").is_some());
    (dir, harness, id)
}

/// Opens the entry's edit form and types `spent` over the time spent it is filled in with. The
/// entry's Edit is the last "Edit" (the first is the menu; #3 has no tasks).
fn edit_time_spent(harness: &mut Harness<'_, ReleaseDeskApp>, spent: &str) {
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

#[test]
fn a_time_entry_is_edited_on_the_page_and_ctrl_z_restores_it() {
    let (_dir, mut harness, id) = page_of_3_with_time();
    edit_time_spent(&mut harness, "02:15");
    harness.get_by_role_and_label(Role::Button, "Save").click();
    harness.run();
    let model = harness.state().model().unwrap();
    let entry = model.time_entry(id).unwrap();
    assert_eq!((entry.minutes, entry.note.as_str()), (135, "이관 리허설"), "only the time changed");
    assert_eq!(model.reload_snapshot().unwrap(), model.snapshot(), "written to the file");
    assert!(harness.query_by_label("Time tracking (total 2h 15m)").is_some(), "the total follows");
    assert!(harness.query_by_label("02:15").is_some(), "the list shows the new time");
    assert!(harness.query_by_label("Edit time entry").is_none(), "the form closed");

    harness.get_all_by_label("Edit").next().unwrap().click();
    harness.run();
    assert!(harness.query_by_label_contains("Undo: edit a time entry").is_some());
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().model().unwrap().time_entry(id).unwrap().minutes, 90);
    assert!(harness.query_by_label("Time tracking (total 1h 30m)").is_some());
    assert!(harness.query_by_label("01:30").is_some());
}

#[test]
fn a_failed_time_entry_edit_keeps_the_form_and_says_why() {
    let (dir, mut harness, id) = page_of_3_with_time();
    // The file may grow no more: a note too long for the pages it has left is refused.
    // (An entry that goes while the form is open no longer refuses Save: the form becomes
    // "Add time", see `the_time_entry_form_follows_undo_and_keeps_typing_whose_entry_is_gone`.)
    let path = dir.path().join("desk.sqlite3");
    let pages: i64 = rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    harness.state().model().unwrap().store().set_max_page_count_for_tests(pages).unwrap();
    edit_time_spent(&mut harness, "03:00");
    type_into(&mut harness, Role::TextInput, "Note", &" 변경".repeat(900));
    harness.get_by_role_and_label(Role::Button, "Save").click();
    harness.run();
    harness.run();
    assert!(
        harness.query_all_by_label_contains("full").count() >= 2,
        "the section and the status bar say why"
    );
    let field = harness.get_by_role_and_label(Role::TextInput, "Time spent (hh:mm)");
    assert_eq!(field.value().as_deref(), Some("03:00"), "the edit is kept");
    assert!(harness.query_by_label("Edit time entry").is_some());
    let model = harness.state().model().unwrap();
    assert_eq!(model.time_entry(id).unwrap().minutes, 90, "nothing was written");
    assert_eq!(model.reload_snapshot().unwrap(), model.snapshot(), "memory equals the file");
}

#[test]
fn release_page_snapshot() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![]);
    let data = release_desk::domain::sample::scenarios(common::t0());
    model.apply(release_desk::model::Command::LoadSample { data, force: false }).unwrap();
    let patch = model.running_timers().next().unwrap().release_id;
    let mut app = ReleaseDeskApp::from_model(model);
    app.open_page(patch);
    let mut harness = harness(app);
    harness.set_size(egui::vec2(1280.0, 720.0));
    harness.run();
    assert!(harness.query_by_label("Timer running").is_some());
    assert!(harness.query_by_label("Overdue").is_none(), "nothing overdue on the patch yet");
    let path = harness.get_by_label_contains("desk.sqlite3").accesskit_node().bounding_box().unwrap();
    harness.mask(egui::Rect::from_min_max(
        egui::pos2(path.x0 as f32, path.y0 as f32),
        egui::pos2(1280.0, path.y1 as f32),
    ));
    harness.snapshot("release_page");
}

#[test]
fn the_page_edits_the_subject_in_place_and_moves_to_trash() {
    let (_dir, mut harness) = page_of_3();
    let subject = harness.get_by_role_and_label(Role::TextInput, "Subject");
    subject.focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Subject").type_text(" (재일정)");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(release_3(&harness).subject, "롯데그룹 ERP 업그레이드 1단계 (재일정)");

    // At Plan, completing waits for the lifecycle (Verify & Monitor, then Complete with an outcome).
    let mark = harness.get_by_role_and_label(Role::Button, "Mark completed");
    assert!(mark.accesskit_node().is_disabled());
    mark.click();
    harness.run();
    assert_eq!(release_3(&harness).status, release_desk::domain::Status::Open);

    harness.get_by_role_and_label(Role::Button, "Delete").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Move to Trash").click();
    harness.run();
    assert_eq!(release_3(&harness).deleted_at, Some(common::t0()));
    assert!(harness.query_by_label("In Trash").is_some());
    let log = harness.state().model().unwrap().activities_for(ReleaseId(3)).unwrap();
    assert_eq!(log[0].kind, "trash");
    assert!(harness.query_by_label("Moved to Trash").is_some(), "the activity log on the page shows it");
}

/// The KPI fixture moved into the dashboard's last 12 months (clock at 2026-11-26): September,
/// October (nothing closed) and November, all closed mid-month so any local time zone agrees.
fn dashboard_fixture() -> (tempfile::TempDir, ReleaseDeskApp) {
    let (dir, path) = temp_db();
    let mut releases: Vec<_> =
        common::kpi_fixture().into_iter().filter(|r| ![5, 6, 7].contains(&r.id.0)).collect();
    let mut late = common::closed_release(
        5,
        common::utc(2026, 11, 12, 12, 0),
        release_desk::domain::Outcome::Successful,
        0,
        60,
        Some(60),
        0,
    );
    late.subject = "November ERP patch".into();
    releases.push(late);
    releases[0].subject = "September mobile release".into();
    releases.sort_by_key(|r| r.id);
    let model = model_with(&path, releases);
    (dir, ReleaseDeskApp::from_model(model))
}

#[test]
fn the_dashboard_shows_four_cards_and_a_clicked_month_lists_its_releases() {
    let (_dir, app) = dashboard_fixture();
    let mut harness = harness(app);
    // Tall enough that the monthly table under the charts is on screen without scrolling.
    harness.set_size(egui::vec2(1360.0, 1500.0));
    harness.run();
    harness.get_by_label("Dashboard").click();
    harness.run();
    assert_eq!(harness.state().main_view(), release_desk::ui::app::MainView::Dashboard);
    for name in ["Success rate", "Rollback rate", "Deployment time overrun", "Downtime"] {
        assert!(harness.query_all_by_label(name).count() >= 2, "{name}: a card and a chart");
    }
    // Period values over the last 12 months: 2 of 4 successful, 1 of 4 rolled back.
    assert!(harness.query_all_by_label("50.0%").count() >= 1, "success rate card");
    assert!(harness.query_all_by_label("25.0%").count() >= 1, "rollback rate card");
    assert!(harness.query_all_by_label("Off target").count() >= 2);
    assert!(harness.query_by_label("September mobile release").is_none(), "no month picked yet");

    harness.get_by_label("Sep 2026").click();
    harness.run();
    assert!(harness.query_by_label("September mobile release").is_some(), "the month's releases are listed");
    assert!(harness.query_by_label("KPI fixture release 2").is_some());
    assert!(harness.query_by_label("November ERP patch").is_none(), "only September's");
    assert!(harness.query_by_label("KPI fixture release 4").is_none(), "Trash is left out");

    // Opening one from the list.
    harness.get_by_label("#1").click();
    harness.run();
    assert_eq!(harness.state().active_page(), Some(ReleaseId(1)), "the release opens as a page");
}

#[test]
fn the_dashboard_period_selector_and_custom_months() {
    use release_desk::ui::dashboard::PeriodChoice;
    let (_dir, app) = dashboard_fixture();
    let mut harness = harness(app);
    harness.run();
    harness.get_by_label("Dashboard").click();
    harness.run();
    harness.get_by_label("Last 3 months").click();
    harness.run();
    assert_eq!(harness.state().dashboard().period, PeriodChoice::Last(3));
    assert!(harness.query_by_label_contains("Sep 2026 – Nov 2026").is_some());
    harness.get_by_label("Custom").click();
    harness.run();
    assert_eq!(harness.state().dashboard().period, PeriodChoice::Custom);
    assert_eq!(harness.state().dashboard().custom_from.map(|m| m.to_string()).as_deref(), Some("2026-09"));
    // A reversed range is refused with a message (the dashboard falls back to the last month).
    harness.state_mut().dashboard_mut().custom_from = release_desk::domain::YearMonth::parse("2027-01");
    harness.run();
    assert!(harness.query_by_label_contains("is after the last month").is_some());
}

#[test]
fn kpi_targets_edit_in_the_dashboard_and_exports_run_off_the_ui_thread() {
    let (dir, app) = dashboard_fixture();
    let mut harness = harness(app);
    harness.run();
    harness.get_by_label("Dashboard").click();
    harness.run();
    harness.get_by_label("Targets…").click();
    harness.run();
    assert!(harness.query_by_label("KPI targets").is_some());
    harness.get_by_label("Save targets").click();
    harness.run();
    assert!(harness.query_by_label("KPI targets").is_none(), "saving closes the editor");

    let out = dir.path().join("kpi-2026-11.png");
    harness.state_mut().export_kpi_chart(release_desk::export::chart::ChartKind::Summary, out.clone());
    for _ in 0..600 {
        harness.run();
        if !harness.state().dashboard().exporting() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let (message, failed) = harness.state().dashboard().export_status().cloned().unwrap();
    assert!(!failed, "{message}");
    assert!(message.contains("kpi-2026-11.png"), "{message}");
    assert!(std::fs::read(&out).unwrap().starts_with(b"\x89PNG"));
}

#[test]
fn help_explains_the_kpis_in_korean() {
    let (_dir, app) = fixture();
    let mut harness = harness(app);
    harness.run();
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("한국어").click();
    harness.run();
    harness.get_by_label("도움말").click();
    harness.run();
    harness.get_by_label("KPI 정의").click();
    harness.run();
    assert!(harness.query_by_label_contains("한 번 이상 롤백된 종료 릴리스").is_some());
}

// ---------------------------------------------------------------- selection, bulk bar, Trash, undo

fn sorted(mut list: Vec<i64>) -> Vec<i64> {
    list.sort_unstable();
    list
}

fn selection(harness: &Harness<'_, ReleaseDeskApp>) -> Vec<i64> {
    harness.state().selection().iter().map(|id| id.0).collect()
}

#[test]
fn shift_click_selects_a_range_in_the_order_shown_and_ctrl_click_toggles() {
    let (_dir, app) = fixture();
    let mut harness = harness(app);
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Priority").click();
    harness.run();
    assert_eq!(ids(&harness), [1, 3, 5, 4, 2]);
    harness.get_by_label("#3").click();
    harness.run();
    harness.get_by_label("#4").click_modifiers(egui::Modifiers::SHIFT);
    harness.run();
    assert_eq!(selection(&harness), [3, 4, 5], "#3 to #4 as shown: 3, 5, 4");
    assert!(harness.query_by_label("3 selected").is_some(), "the bulk bar counts them");
    harness.get_by_label("#5").click_modifiers(egui::Modifiers::COMMAND);
    harness.run();
    assert_eq!(selection(&harness), [3, 4]);

    // Kept by id across sorting and views.
    harness.get_by_role_and_label(Role::Button, "ID").click();
    harness.run();
    assert_eq!(selection(&harness), [3, 4]);
    harness.get_by_label("Emergency Releases").click();
    harness.run();
    assert_eq!(selection(&harness), [3, 4]);
    assert!(harness.query_by_label("(1 not in this view)").is_some());

    // Ctrl+A selects every row of the view; Esc clears.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    assert_eq!(selection(&harness), [2, 3, 4]);
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(selection(&harness).is_empty());
    assert!(harness.query_by_label_contains("selected").is_none(), "no count without a selection");
    assert!(harness.query_by_role_and_label(Role::Button, "Delete").is_none(), "no actions either");
}

#[test]
fn the_delete_key_moves_the_selection_to_trash_and_undo_brings_it_back() {
    let (_dir, app) = fixture();
    let mut harness = harness(app);
    harness.run();
    harness.get_by_label("#2").click();
    harness.run();
    harness.get_by_label("#4").click_modifiers(egui::Modifiers::COMMAND);
    harness.run();
    harness.key_press(egui::Key::Delete);
    harness.run();
    let model = harness.state().model().unwrap();
    assert!(model.release(ReleaseId(2)).unwrap().is_deleted());
    assert!(model.release(ReleaseId(4)).unwrap().is_deleted());
    assert_eq!(model.reload_snapshot().unwrap(), model.snapshot(), "written to the file");
    assert_eq!(sorted(ids(&harness)), [1, 3, 5], "gone from All Releases");
    assert!(harness.query_by_label_contains("Done: move 2 releases to Trash").is_some());

    // The Edit menu names what Undo takes back; Ctrl+Z does it.
    harness.get_by_label("Edit").click();
    harness.run();
    assert!(harness.query_by_label_contains("Undo: move 2 releases to Trash").is_some());
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(!harness.state().model().unwrap().release(ReleaseId(2)).unwrap().is_deleted());
    assert_eq!(ids(&harness).len(), 5);
    assert!(harness.query_by_label_contains("Undone: move 2 releases to Trash").is_some());
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::Z);
    harness.run();
    assert!(harness.state().model().unwrap().release(ReleaseId(2)).unwrap().is_deleted());
}

#[test]
fn restore_and_delete_forever_from_trash() {
    let (_dir, app) = fixture();
    let mut harness = harness(app);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Delete").click();
    harness.run();
    assert!(ids(&harness).is_empty());

    harness.get_by_label("Trash").click();
    harness.run();
    assert_eq!(ids(&harness).len(), 5);
    harness.get_by_label("#1").click();
    harness.run();
    harness.get_by_label("#3").click_modifiers(egui::Modifiers::SHIFT);
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Restore").click();
    harness.run();
    assert_eq!(sorted(ids(&harness)), [4, 5], "#1 to #3 left Trash");
    let model = harness.state().model().unwrap();
    assert!(!model.release(ReleaseId(2)).unwrap().is_deleted());
    assert_eq!(model.reload_snapshot().unwrap(), model.snapshot());

    // Delete forever asks first, naming the count; Cancel keeps everything.
    harness.get_by_label("#4").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Delete forever…").click();
    harness.run();
    assert!(harness.state().confirming_purge());
    assert!(harness.query_by_label("Delete 1 release forever?").is_some());
    harness.get_by_role_and_label(Role::Button, "Cancel").click();
    harness.run();
    assert!(!harness.state().confirming_purge());
    assert_eq!(harness.state().model().unwrap().releases().len(), 5);

    // Empty Trash deletes both for good.
    harness.get_by_role_and_label(Role::Button, "Empty Trash…").click();
    harness.run();
    assert!(harness.query_by_label("Delete 2 releases forever?").is_some());
    // The backup a purge makes first is made on another thread while the question is open.
    for _ in 0..1000 {
        if harness.query_by_label("A checked backup of the file is ready.").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.run();
    }
    assert!(harness.query_by_label("A checked backup of the file is ready.").is_some());
    harness.get_by_role_and_label(Role::Button, "Delete 2 forever").click();
    harness.run();
    let model = harness.state().model().unwrap();
    assert_eq!(model.releases().len(), 3);
    assert!(model.release(ReleaseId(4)).is_none());
    assert_eq!(model.reload_snapshot().unwrap(), model.snapshot());
    assert!(ids(&harness).is_empty());
}

#[test]
fn bulk_assign_and_a_refused_pick_up_say_why() {
    let (_dir, app) = fixture();
    let mut harness = harness(app);
    harness.run();
    harness.get_by_label("#1").click();
    harness.run();
    harness.get_by_label("#2").click_modifiers(egui::Modifiers::SHIFT);
    harness.run();
    harness.get_by_label("Assign to agent").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "박지훈").click();
    harness.run();
    let model = harness.state().model().unwrap();
    for id in [1, 2] {
        assert_eq!(model.release(ReleaseId(id)).unwrap().agent_id, Some(release_desk::domain::AgentId(3)));
    }
    assert!(harness.query_by_label_contains("Done: assign 2 releases to 박지훈").is_some());
    // Nobody is signed in: Pick up is disabled and says why.
    assert!(harness.get_by_role_and_label(Role::Button, "Pick up").accesskit_node().is_disabled());
}

/// The text a text field on screen holds.
fn field_text(harness: &Harness<'_, ReleaseDeskApp>, role: Role, label: &str) -> String {
    harness.get_by_role_and_label(role, label).accesskit_node().value().unwrap_or_default()
}

#[test]
fn undo_and_redo_refresh_the_page_buffers_that_hold_no_unsaved_edits() {
    use release_desk::domain::TaskFields;
    use release_desk::model::Command;
    let (_dir, mut harness) = page_of_3();
    {
        // History, newest last: add task, add note, edit task, edit note.
        let model = harness.state_mut().model_mut().unwrap();
        let fields = TaskFields { title: "운영 DB 백업".into(), ..TaskFields::default() };
        model.apply(Command::AddTask { release: ReleaseId(3), fields }).unwrap();
        model.apply(Command::AddNote { release: ReleaseId(3), body: "첫 메모".into() }).unwrap();
        let task = model.tasks_for(ReleaseId(3))[0].clone();
        let fields = TaskFields { title: "운영 DB 백업 리허설".into(), ..task.fields.clone() };
        model.apply(Command::EditTask { id: task.id, fields }).unwrap();
        let note = model.notes_for(ReleaseId(3))[0].id;
        model.apply(Command::EditNote { id: note, body: "고친 메모".into() }).unwrap();
    }
    harness.run();
    // Open the note and the task for editing, unchanged: both show what is stored.
    // The last "Edit" is the note's (below the tasks); once it is open, the task's is the last.
    harness.get_all_by_role_and_label(Role::Button, "Edit").last().unwrap().click();
    harness.run();
    assert_eq!(field_text(&harness, Role::MultilineTextInput, "Note text"), "고친 메모");
    harness.get_all_by_role_and_label(Role::Button, "Edit").last().unwrap().click();
    harness.run();
    assert_eq!(field_text(&harness, Role::TextInput, "Title"), "운영 DB 백업 리허설");

    // Ctrl+Z takes back the note edit: the open note editor follows.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().model().unwrap().notes_for(ReleaseId(3))[0].body, "첫 메모");
    assert_eq!(field_text(&harness, Role::MultilineTextInput, "Note text"), "첫 메모");

    // Undo from the Edit menu takes back the task edit: the open task form follows.
    // (The menu is the first "Edit" on screen: the top bar is drawn before the page.)
    harness.get_all_by_label("Edit").next().unwrap().click();
    harness.run();
    harness.get_by_label_contains("Undo:").click();
    harness.run();
    assert_eq!(harness.state().model().unwrap().tasks_for(ReleaseId(3))[0].fields.title, "운영 DB 백업");
    assert_eq!(field_text(&harness, Role::TextInput, "Title"), "운영 DB 백업");

    // Ctrl+Y and Ctrl+Shift+Z redo them.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    harness.run();
    assert_eq!(field_text(&harness, Role::TextInput, "Title"), "운영 DB 백업 리허설");
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::Z);
    harness.run();
    assert_eq!(field_text(&harness, Role::MultilineTextInput, "Note text"), "고친 메모");
}

#[test]
fn undo_keeps_a_buffer_with_unsaved_edits() {
    let (_dir, mut harness) = page_of_3();
    type_into(&mut harness, Role::MultilineTextInput, "Description", "저장 전 설명");
    // Leave the field, change the priority and take that back: the typing stays, unsaved.
    harness.get_by_label("Properties").click();
    harness.run();
    {
        let model = harness.state_mut().model_mut().unwrap();
        let edits = vec![release_desk::model::ReleaseEdit::Priority(Priority::Urgent)];
        model.apply(release_desk::model::Command::EditRelease { id: ReleaseId(3), edits }).unwrap();
    }
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(release_3(&harness).priority, Priority::Medium, "the undo ran");
    assert_eq!(field_text(&harness, Role::MultilineTextInput, "Description"), "저장 전 설명");
    assert!(harness.query_by_label("Unsaved changes").is_some());

    // A task form with typing whose task an undo takes away becomes a New task form: Save keeps it.
    {
        let model = harness.state_mut().model_mut().unwrap();
        let fields = release_desk::domain::TaskFields { title: "리허설".into(), ..Default::default() };
        model.apply(release_desk::model::Command::AddTask { release: ReleaseId(3), fields }).unwrap();
    }
    harness.run();
    harness.get_all_by_role_and_label(Role::Button, "Edit").last().unwrap().click();
    harness.run();
    type_into(&mut harness, Role::TextInput, "Title", " 2차");
    harness.get_by_label("Properties").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(harness.state().model().unwrap().tasks_for(ReleaseId(3)).is_empty(), "the undo ran");
    assert!(harness.query_by_label("New task").is_some());
    assert_eq!(field_text(&harness, Role::TextInput, "Title"), "리허설 2차");
    harness.get_by_role_and_label(Role::Button, "Save").click();
    harness.run();
    let model = harness.state().model().unwrap();
    assert_eq!(model.tasks_for(ReleaseId(3))[0].fields.title, "리허설 2차");
}

#[test]
fn ctrl_w_does_not_close_the_tab_while_a_dialog_is_open() {
    let (_dir, mut harness) = page_of_3();
    {
        let model = harness.state_mut().model_mut().unwrap();
        let edits = vec![release_desk::model::ReleaseEdit::Priority(Priority::Urgent)];
        model.apply(release_desk::model::Command::EditRelease { id: ReleaseId(3), edits }).unwrap();
    }
    harness.get_by_role_and_label(Role::Button, "Link a Change…").scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Link a Change…").click();
    harness.run();
    assert!(harness.query_by_label_contains("Link a Change to #3").is_some(), "the picker is open");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::W);
    harness.run();
    assert_eq!(harness.state().open_pages(), [ReleaseId(3)], "the tab stays open");
    assert!(harness.query_by_label_contains("Link a Change to #3").is_some(), "and so does the picker");
    // Nor do undo or a new release act behind the dialog.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run();
    assert_eq!(release_3(&harness).priority, Priority::Urgent, "nothing was undone");
    assert!(!harness.state_mut().new_release_modal_mut().is_open());

    // Esc closes the dialog; then Ctrl+W closes the tab.
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.query_by_label_contains("Link a Change to #3").is_none());
    assert_eq!(harness.state().open_pages(), [ReleaseId(3)]);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::W);
    harness.run();
    assert!(harness.state().open_pages().is_empty());
}

#[test]
fn mark_completed_closes_the_lifecycle_with_an_outcome_and_one_undo_takes_it_back() {
    use release_desk::domain::{Outcome, Stage, Status};
    let (_dir, mut harness) = page_of_3_with(|r| {
        r.stage = Stage::VerifyMonitor;
        r.status = Status::InProgress;
        r.work_start = Some(at(-2));
    });
    let before = release_3(&harness);
    // With the Lifecycle section folded away, "Mark completed" unfolds it and opens its Complete
    // dialog (outcome, downtime, note).
    harness.get_by_label("Lifecycle").scroll_to_me();
    harness.run();
    harness.get_by_label("Lifecycle").click();
    harness.run();
    assert!(harness.query_by_label("Move to Complete").is_none(), "the section is folded");
    harness.get_by_role_and_label(Role::Button, "Mark completed").click();
    harness.run();
    assert!(harness.query_by_label("Complete release #3").is_some(), "the Complete dialog is open");
    // Ctrl+W waits while it is open.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::W);
    harness.run();
    assert_eq!(harness.state().open_pages(), [ReleaseId(3)]);
    harness.get_by_label("Successful").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Complete").click();
    harness.run();
    assert!(harness.query_by_label("Complete release #3").is_none(), "the dialog closed");

    let done = release_3(&harness);
    assert_eq!(
        (done.stage, done.status, done.outcome),
        (Stage::Complete, Status::Completed, Some(Outcome::Successful))
    );
    assert_eq!(done.closed_at, Some(common::t0()));
    assert_eq!((done.work_start, done.work_end), (Some(at(-2)), Some(common::t0())));
    let model = harness.state().model().unwrap();
    assert_eq!(model.stage_history(ReleaseId(3)).last().unwrap().outcome, Some(Outcome::Successful));
    assert!(harness.get_by_role_and_label(Role::Button, "Mark completed").accesskit_node().is_disabled());
    assert!(harness.query_by_label_contains("still at").is_none(), "status and stage agree");

    // One undo takes all of it back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(release_3(&harness), before);
    assert!(harness.state().model().unwrap().stage_history(ReleaseId(3)).is_empty());
    assert!(!harness.get_by_role_and_label(Role::Button, "Mark completed").accesskit_node().is_disabled());
}

#[test]
fn ctrl_w_asks_before_closing_a_tab_with_unsaved_edits() {
    let (_dir, mut harness) = page_of_3();
    type_into(&mut harness, Role::MultilineTextInput, "Description", "1단계 범위: 본사 회계");
    assert_eq!(harness.state().unsaved_pages().len(), 1);

    // Ctrl+W asks, naming what would be lost; the tab stays.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::W);
    harness.run();
    assert!(harness.query_by_label("Close #3 with unsaved changes?").is_some(), "the question is asked");
    assert!(harness.query_by_label("• description").is_some(), "it names the description");
    assert_eq!(harness.state().open_pages(), [ReleaseId(3)]);

    // Keep editing keeps the tab and the text.
    harness.get_by_role_and_label(Role::Button, "Keep editing").click();
    harness.run();
    assert!(harness.query_by_label("Close #3 with unsaved changes?").is_none());
    assert_eq!(harness.state().open_pages(), [ReleaseId(3)]);
    assert_eq!(field_text(&harness, Role::MultilineTextInput, "Description"), "1단계 범위: 본사 회계");

    // Esc is Keep editing too.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::W);
    harness.run();
    assert!(harness.query_by_label("Close #3 with unsaved changes?").is_some());
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Close #3 with unsaved changes?").is_none());
    assert_eq!(harness.state().open_pages(), [ReleaseId(3)]);
    assert_eq!(field_text(&harness, Role::MultilineTextInput, "Description"), "1단계 범위: 본사 회계");

    // Ctrl+W, then Discard and close: the tab closes and nothing is saved.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::W);
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Discard and close").click();
    harness.run();
    assert!(harness.state().open_pages().is_empty());
    assert_eq!(harness.state().active_page(), None, "the list is shown");
    assert_eq!(release_3(&harness).description, "");
    assert!(harness.query_by_label("Close #3 with unsaved changes?").is_none());
}

#[test]
fn closing_a_tab_leaves_the_subject_field_which_saves_it_and_an_invalid_one_asks() {
    let (_dir, mut harness) = page_of_3();
    let before = release_3(&harness).subject;
    // A planned window being drafted, then the subject typed: Ctrl+W leaves the subject field,
    // which saves it (as clicking the tab's ✖ does), and asks about the draft, which it keeps.
    // The planned end's hour, typed.
    harness.get_all_by_label("Hour").nth(1).unwrap().focus();
    harness.run();
    harness.get_all_by_label("Hour").nth(1).unwrap().type_text("20");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.query_by_role_and_label(Role::Button, "Save planned window").is_some(), "a draft");
    type_into(&mut harness, Role::TextInput, "Subject", " (재일정)");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::W);
    harness.run();
    assert_eq!(release_3(&harness).subject, format!("{before} (재일정)"), "leaving the field saved it");
    assert!(harness.query_by_label("Close #3 with unsaved changes?").is_some());
    assert!(harness.query_by_label("• planned window").is_some());
    assert!(harness.query_by_label("• subject").is_none(), "the subject is saved");
    harness.get_by_role_and_label(Role::Button, "Keep editing").click();
    harness.run();
    assert_eq!(
        harness.state().unsaved_pages(),
        [(ReleaseId(3), vec![release_desk::ui::release_page::UnsavedPart::PlannedWindow])],
        "the draft is kept"
    );
    harness.get_by_role_and_label(Role::Button, "Revert").click();
    harness.run();

    // A subject emptied cannot be saved: closing asks, and discarding keeps the stored subject.
    harness.get_by_role_and_label(Role::TextInput, "Subject").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::W);
    harness.run();
    assert!(harness.query_by_label("• subject").is_some());
    harness.get_by_role_and_label(Role::Button, "Discard and close").click();
    harness.run();
    assert!(harness.state().open_pages().is_empty());
    assert_eq!(release_3(&harness).subject, format!("{before} (재일정)"));
}

#[test]
fn the_page_close_button_asks_too() {
    let (_dir, mut harness) = page_of_3();
    type_into(&mut harness, Role::MultilineTextInput, "New note", "리허설 결과 공유");
    harness.get_by_role_and_label(Role::Button, "Close").click();
    harness.run();
    assert!(harness.query_by_label("Close #3 with unsaved changes?").is_some());
    assert!(harness.query_by_label("• note draft").is_some());
    harness.get_by_role_and_label(Role::Button, "Discard and close").click();
    harness.run();
    assert!(harness.state().open_pages().is_empty());
    assert!(harness.state().model().unwrap().notes_for(ReleaseId(3)).is_empty());
}

#[test]
fn a_tab_without_edits_closes_at_once() {
    let (_dir, mut harness) = page_of_3();
    // An untouched new-plan editor, an untouched New task form and an empty note box hold nothing.
    harness.get_all_by_role_and_label(Role::Button, "Add").next().unwrap().click();
    harness.run();
    assert!(harness.query_by_label_contains("Build plan — #3").is_some());
    assert!(harness.state().unsaved_pages().is_empty(), "an untouched new plan is not an edit");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.query_by_label_contains("Build plan — #3").is_none(), "Esc closes it without asking");
    harness.get_by_role_and_label(Role::Button, "Add task").click();
    harness.run();
    assert!(harness.query_by_label("New task").is_some());
    assert!(harness.state().unsaved_pages().is_empty(), "an untouched task form is not an edit");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::W);
    harness.run();
    assert!(harness.state().open_pages().is_empty(), "closed at once");
    assert!(harness.query_by_label_contains("with unsaved changes?").is_none());
}

/// Sends the window a close request (its close button) and runs one frame.
fn request_window_close(harness: &mut Harness<'_, ReleaseDeskApp>) {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
}

/// The viewport commands the app gave in the last frame.
fn window_commands(harness: &Harness<'_, ReleaseDeskApp>) -> Vec<egui::ViewportCommand> {
    harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map_or_else(Vec::new, |v| v.commands.clone())
}

#[test]
fn closing_the_window_with_unsaved_edits_is_cancelled_and_asks() {
    let (_dir, mut harness) = page_of_3();
    // Nothing unsaved: the window closes.
    request_window_close(&mut harness);
    assert!(!window_commands(&harness).contains(&egui::ViewportCommand::CancelClose));
    harness.run();

    // A note draft on #3, and #5 open without edits, shown.
    type_into(&mut harness, Role::MultilineTextInput, "New note", "배포 전 회계팀 확인 필요");
    harness.state_mut().open_page(ReleaseId(5));
    harness.run();
    request_window_close(&mut harness);
    assert!(
        window_commands(&harness).contains(&egui::ViewportCommand::CancelClose),
        "the close is cancelled"
    );
    harness.run();
    assert!(harness.query_by_label("Quit with unsaved changes?").is_some());
    assert!(harness.query_by_label_contains("• #3 롯데그룹").is_some(), "it lists #3");
    assert!(harness.query_by_label("note draft").is_some(), "and what #3 would lose");
    assert!(harness.query_by_label_contains("• #5").is_none(), "not #5, which has no edits");
    // Shortcuts wait behind it.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::W);
    harness.run();
    assert_eq!(harness.state().open_pages(), [ReleaseId(3), ReleaseId(5)]);

    // Keep editing: nothing is lost, and the tab with the edits is shown.
    harness.get_by_role_and_label(Role::Button, "Keep editing").click();
    harness.run();
    assert!(harness.query_by_label("Quit with unsaved changes?").is_none());
    assert_eq!(harness.state().active_page(), Some(ReleaseId(3)));
    assert_eq!(field_text(&harness, Role::MultilineTextInput, "New note"), "배포 전 회계팀 확인 필요");

    // Asked again, Discard all and quit closes the window, and that close is not cancelled.
    request_window_close(&mut harness);
    assert!(window_commands(&harness).contains(&egui::ViewportCommand::CancelClose));
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Discard all and quit").click();
    harness.step();
    assert!(window_commands(&harness).contains(&egui::ViewportCommand::Close), "the window is told to close");
    request_window_close(&mut harness);
    assert!(!window_commands(&harness).contains(&egui::ViewportCommand::CancelClose), "without asking again");
    assert!(harness.state().model().unwrap().notes_for(ReleaseId(3)).is_empty(), "nothing was saved");
}

#[test]
fn closing_the_window_saves_a_subject_being_typed_then_closes() {
    let (_dir, mut harness) = page_of_3();
    let before = release_3(&harness).subject;
    // Only a subject being typed: closing the window leaves the field, which saves it, and then
    // closes without asking.
    type_into(&mut harness, Role::TextInput, "Subject", " (재일정)");
    request_window_close(&mut harness);
    let commands = window_commands(&harness);
    assert!(commands.contains(&egui::ViewportCommand::CancelClose), "held until the subject is saved");
    assert!(commands.contains(&egui::ViewportCommand::Close), "then closed");
    assert_eq!(release_3(&harness).subject, format!("{before} (재일정)"));
    assert!(harness.query_by_label("Quit with unsaved changes?").is_none());
    request_window_close(&mut harness);
    assert!(!window_commands(&harness).contains(&egui::ViewportCommand::CancelClose));
}

#[test]
fn closing_the_window_while_a_plan_is_being_edited_asks_above_the_editor() {
    let (_dir, mut harness) = page_of_3();
    harness.get_all_by_role_and_label(Role::Button, "Add").next().unwrap().click();
    harness.run();
    type_into(&mut harness, Role::MultilineTextInput, "Plan", "빌드 서버: jenkins-01");
    request_window_close(&mut harness);
    assert!(window_commands(&harness).contains(&egui::ViewportCommand::CancelClose));
    harness.run();
    assert!(harness.query_by_label("Quit with unsaved changes?").is_some());
    assert!(harness.query_by_label("build plan being edited").is_some());
    // Esc answers the question on top (Keep editing); the plan editor stays, with its text.
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Quit with unsaved changes?").is_none());
    assert!(harness.query_by_label_contains("Build plan — #3").is_some(), "the editor is still open");
    assert!(harness.query_by_label("Discard your unsaved changes?").is_none(), "and did not see the Esc");
    assert_eq!(field_text(&harness, Role::MultilineTextInput, "Plan"), "빌드 서버: jenkins-01");
}

/// Opens File > Backups… and asks to restore the only backup listed, confirming in the dialog.
fn restore_the_backup(harness: &mut Harness<'_, ReleaseDeskApp>) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Backups…").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Restore").click();
    harness.run();
    harness.get_all_by_role_and_label(Role::Button, "Restore").last().unwrap().click();
    harness.run();
}

#[test]
fn restoring_a_backup_over_unsaved_edits_asks_first() {
    let (dir, mut harness) = page_of_3();
    let path = dir.path().join("desk.sqlite3");
    let backups = || release_desk::store::backup::list_backups(&path).unwrap().len();
    {
        // A backup, then a change the restore would take back.
        let model = harness.state_mut().model_mut().unwrap();
        model.backup_now("manual").unwrap();
        let edits = vec![release_desk::model::ReleaseEdit::Priority(Priority::Urgent)];
        model.apply(release_desk::model::Command::EditRelease { id: ReleaseId(3), edits }).unwrap();
    }
    harness.run();
    type_into(&mut harness, Role::MultilineTextInput, "Description", "복원 전에 쓰던 설명");

    // Restore asks, above the Backups dialog, naming the release and what it would lose.
    restore_the_backup(&mut harness);
    assert!(harness.query_by_label("Restore a backup with unsaved changes?").is_some(), "it asks");
    assert!(harness.query_by_label_contains("• #3 롯데그룹").is_some(), "it lists #3");
    assert!(harness.query_by_label("description").is_some(), "and what #3 would lose");
    assert_eq!(release_3(&harness).priority, Priority::Urgent, "nothing is restored yet");

    // Keep editing: the file is not replaced, the Backups dialog closes, the typing is there.
    harness.get_by_role_and_label(Role::Button, "Keep editing").click();
    harness.run();
    assert!(harness.query_by_label("Restore a backup with unsaved changes?").is_none());
    assert!(harness.query_by_label("Backups").is_none(), "the Backups dialog closed");
    assert_eq!(release_3(&harness).priority, Priority::Urgent, "the database is not replaced");
    assert_eq!(backups(), 1, "no restore ran (it would back the current file up first)");
    assert_eq!(harness.state().active_page(), Some(ReleaseId(3)));
    assert_eq!(field_text(&harness, Role::MultilineTextInput, "Description"), "복원 전에 쓰던 설명");

    // Asked again, Discard and continue restores the backup: the pages go with the old state.
    restore_the_backup(&mut harness);
    harness.get_by_role_and_label(Role::Button, "Discard and continue").click();
    harness.run();
    assert!(harness.query_by_label("Restore a backup with unsaved changes?").is_none());
    assert!(harness.state().open_pages().is_empty());
    assert_eq!(release_3(&harness).priority, Priority::Medium, "restored");
    assert_eq!(release_3(&harness).description, "", "the typing was discarded, not saved");
    assert_eq!(backups(), 2, "the file was backed up before the restore");
    assert!(harness.query_by_label_contains("Restored the backup of").is_some());
}

/// File > Open database… feeds the file its dialog picked to `open_database`, which is what this
/// drives (the native file dialog cannot be driven headless).
#[test]
fn opening_another_database_over_unsaved_edits_asks_first() {
    let (_other_dir, other) = temp_db();
    drop(model_with(&other, vec![plain(1, "다른 파일의 릴리스")]).close());
    let (dir, mut harness) = page_of_3();
    let here = dir.path().join("desk.sqlite3");
    let shown =
        |harness: &Harness<'_, ReleaseDeskApp>| harness.state().model().unwrap().store().path().to_owned();
    type_into(&mut harness, Role::MultilineTextInput, "New note", "다른 파일 열기 전 메모");

    harness.state_mut().open_database(other.clone());
    harness.run();
    assert!(harness.query_by_label("Open another database with unsaved changes?").is_some());
    assert!(harness.query_by_label("note draft").is_some());
    // Shortcuts wait behind it.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::W);
    harness.run();
    assert_eq!(harness.state().open_pages(), [ReleaseId(3)]);

    // Esc is Keep editing: the same file, the draft kept.
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Open another database with unsaved changes?").is_none());
    assert_eq!(shown(&harness), here);
    assert_eq!(field_text(&harness, Role::MultilineTextInput, "New note"), "다른 파일 열기 전 메모");

    // Discard and continue opens the other file.
    harness.state_mut().open_database(other.clone());
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Discard and continue").click();
    harness.run();
    assert_eq!(shown(&harness), other);
    assert!(harness.state().open_pages().is_empty());
    assert_eq!(harness.state().model().unwrap().releases().len(), 1);
    assert!(harness.query_by_label_contains("다른 파일의 릴리스").is_some());

    // With no page open there is nothing to lose: it opens at once.
    harness.state_mut().open_database(here.clone());
    assert_eq!(shown(&harness), here);
    harness.run();
    assert!(harness.query_by_label_contains("with unsaved changes?").is_none());
}

#[test]
fn the_time_entry_form_follows_undo_and_keeps_typing_whose_entry_is_gone() {
    let (_dir, mut harness, id) = page_of_3_with_time();
    // The form opened untouched follows the entry as it changes underneath, and as Ctrl+Z takes
    // the change back.
    harness.get_all_by_role_and_label(Role::Button, "Edit").last().unwrap().click();
    harness.run();
    {
        let model = harness.state_mut().model_mut().unwrap();
        let entry = model.time_entry(id).unwrap();
        let entry = release_desk::model::NewTimeEntry {
            agent_id: entry.agent_id,
            minutes: 120,
            note: entry.note.clone(),
            billable: entry.billable,
            executed_at: entry.executed_at,
        };
        model.apply(release_desk::model::Command::EditTimeEntry { id, entry }).unwrap();
    }
    harness.run();
    assert_eq!(field_text(&harness, Role::TextInput, "Time spent (hh:mm)"), "02:00", "refilled");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().model().unwrap().time_entry(id).unwrap().minutes, 90, "the undo ran");
    assert_eq!(field_text(&harness, Role::TextInput, "Time spent (hh:mm)"), "01:30", "refilled again");
    assert!(harness.state().unsaved_pages().is_empty(), "an untouched form holds nothing");

    // Typed into, then Ctrl+Z takes the entry away (its AddTime): the form becomes "Add time",
    // keeping what was typed, and Save adds it.
    edit_time_spent(&mut harness, "03:00");
    harness.get_by_label("Properties").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(harness.state().model().unwrap().time_entries_for(ReleaseId(3)).is_empty(), "the undo ran");
    assert!(harness.query_by_label("Edit time entry").is_none());
    assert!(harness.query_by_label("Add time").is_some(), "an Add time form");
    assert_eq!(field_text(&harness, Role::TextInput, "Time spent (hh:mm)"), "03:00");
    assert_eq!(field_text(&harness, Role::TextInput, "Note"), "이관 리허설");
    assert_eq!(
        harness.state().unsaved_pages(),
        [(ReleaseId(3), vec![release_desk::ui::release_page::UnsavedPart::NewTimeEntry])]
    );
    harness.get_by_role_and_label(Role::Button, "Save").click();
    harness.run();
    let entries = harness.state().model().unwrap().time_entries_for(ReleaseId(3));
    assert_eq!(entries.len(), 1);
    assert_eq!((entries[0].minutes, entries[0].note.as_str()), (180, "이관 리허설"));
    assert!(harness.query_by_label("Add time").is_some(), "the form closed: the button is back");
}
