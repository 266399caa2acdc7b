//! Selection, the bulk bar and Trash: ranges and toggles, the Delete key and undo, restore and
//! delete forever, bulk assign.

use crate::{fixture, harness, ids};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use release_desk::domain::ReleaseId;
use release_desk::ui::ReleaseDeskApp;

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

/// The button `item` of the open row menu: the lowest of its name (the bulk bar above the table
/// has a "Set status" too; the menu opens at the row).
fn menu_item<'h>(harness: &'h Harness<'_, ReleaseDeskApp>, item: &'h str) -> Option<egui_kittest::Node<'h>> {
    harness
        .query_all_by_role_and_label(Role::Button, item)
        .max_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
}

/// Right-clicks the row showing `label` and clicks `item` in its menu.
fn row_menu(harness: &mut Harness<'_, ReleaseDeskApp>, label: &str, item: &str) {
    harness.get_by_label(label).click_secondary();
    harness.run();
    menu_item(harness, item).unwrap().click();
    harness.run();
}

#[test]
fn the_row_menu_assigns_sets_status_trashes_and_copies_through_undoable_commands() {
    use release_desk::domain::{AgentId, Status};
    use release_desk::model::{Command, SettingsCommand};
    let (_dir, mut app) = fixture();
    app.model_mut()
        .unwrap()
        .apply(Command::Settings(SettingsCommand::SetCurrentAgent(Some(AgentId(2)))))
        .unwrap();
    let mut harness = harness(app);
    harness.run();

    // A right click on a row outside the selection selects it, and the menu acts on it.
    harness.get_by_label("#1").click();
    harness.run();
    harness.get_by_label("#3").click_secondary();
    harness.run();
    assert_eq!(selection(&harness), [3]);
    for item in ["Open", "Assign to me", "Set status", "Move to Trash", "Copy ID", "Copy subject"] {
        assert!(menu_item(&harness, item).is_some(), "the menu offers {item}");
    }
    harness.key_press(egui::Key::Escape);
    harness.run();

    row_menu(&mut harness, "#3", "Assign to me");
    assert_eq!(harness.state().model().unwrap().release(ReleaseId(3)).unwrap().agent_id, Some(AgentId(2)));
    harness.get_by_label("#3").click_secondary();
    harness.run();
    menu_item(&harness, "Set status").unwrap().click();
    harness.run();
    menu_item(&harness, "On hold").unwrap().click();
    harness.run();
    assert_eq!(harness.state().model().unwrap().release(ReleaseId(3)).unwrap().status, Status::OnHold);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(
        harness.state().model().unwrap().release(ReleaseId(3)).unwrap().status,
        Status::Open,
        "undoable"
    );

    // The copy is in the output of the frame that handled the click.
    let copy = |harness: &mut Harness<'_, ReleaseDeskApp>, item: &str| {
        harness.get_by_label("#3").click_secondary();
        harness.run();
        menu_item(harness, item).unwrap().click();
        harness.step();
        let copied = harness.output().platform_output.commands.iter().find_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        });
        harness.run();
        copied
    };
    assert_eq!(copy(&mut harness, "Copy ID").as_deref(), Some("#3"));
    assert_eq!(copy(&mut harness, "Copy subject").as_deref(), Some("롯데그룹 ERP 업그레이드 1단계"));

    row_menu(&mut harness, "#3", "Move to Trash");
    let model = harness.state().model().unwrap();
    assert!(model.release(ReleaseId(3)).unwrap().is_deleted());
    assert_eq!(model.reload_snapshot().unwrap(), model.snapshot(), "written to the file");

    // Trash says when and by whom; its menu restores.
    harness.get_by_label("Trash").click();
    harness.run();
    assert!(harness.query_by_role_and_label(Role::Label, "Deleted on").is_some());
    assert!(harness.query_by_role_and_label(Role::Label, "Deleted by").is_some());
    // Emily Carter is #3's agent (Assign to me) and who moved it to Trash.
    assert_eq!(harness.query_all_by_label("Emily Carter").count(), 2, "who moved it to Trash");
    harness.get_by_label("#3").click_secondary();
    harness.run();
    assert!(menu_item(&harness, "Move to Trash").is_none());
    menu_item(&harness, "Restore").unwrap().click();
    harness.run();
    assert!(!harness.state().model().unwrap().release(ReleaseId(3)).unwrap().is_deleted());
}

/// In a window as narrow as a small laptop's, picking the first row must not move the rows: the
/// bulk bar's buttons stay on one line (scrolling sideways) instead of wrapping to a second one,
/// which pushed the table down under the pointer so a double-click opened another release.
#[test]
fn picking_a_row_in_a_narrow_window_does_not_move_the_rows() {
    let (_dir, mut app) = fixture();
    app.set_system_language(release_desk::domain::Language::En);
    release_desk::ui::widgets::file_dialog::use_system_dialog(false);
    let mut harness = Harness::builder()
        .with_size([1024.0, 700.0])
        .with_max_steps(24)
        .with_context_setup(release_desk::ui::fonts::install)
        .build_ui_state(
            |ui, app: &mut ReleaseDeskApp| {
                app.on_close_request(ui.ctx());
                app.root_ui(ui);
            },
            app,
        );
    harness.run();
    let before = harness.get_by_label("#5").rect();
    harness.get_by_label("#3").click();
    harness.run();
    assert_eq!(selection(&harness), [3]);
    assert!(harness.query_by_role_and_label(Role::Button, "Delete").is_some(), "the actions are shown");
    let after = harness.get_by_label("#5").rect();
    assert_eq!(before.top(), after.top(), "the rows stay where they were");
}
