//! File > Release templates…: the built-in templates read only and copied as the user's own, the
//! user's own edited (name, default tasks) and deleted, each a command that one undo takes back.
//! Inside the dialog the buttons are pressed through accesskit: under kittest a pointer click on
//! them does not arrive (in the real window it does); to find out why before this lands.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

use crate::{fixture, harness};

fn own_templates(harness: &egui_kittest::Harness<'_, release_desk::ui::app::ReleaseDeskApp>) -> Vec<String> {
    let model = harness.state().model().unwrap();
    model.templates().into_iter().filter(|t| !t.is_builtin()).map(|t| t.name).collect()
}

#[test]
fn the_template_editor_copies_edits_and_deletes_templates() {
    let (_dir, app) = fixture();
    let mut harness = harness(app);
    harness.run();
    harness.get_by_role_and_label(Role::Button, "File").click();
    harness.run();
    harness.get_by_label("Release templates…").click();
    harness.run();

    // A built-in one: read only, copied as the user's own.
    harness.get_by_label_contains("Phased ERP upgrade").click_accesskit();
    harness.run();
    assert!(harness.query_by_label_contains("cannot be changed").is_some());
    assert!(harness.query_by_role_and_label(Role::Button, "Save").is_none(), "no Save on a built-in one");
    harness.get_by_label("Save a copy as my own").click_accesskit();
    harness.run();
    harness.run();
    let own = own_templates(&harness);
    assert_eq!(own.len(), 1, "{own:?}");
    assert!(own[0].ends_with("(copy)"), "{own:?}");
    let copy = harness.state().model().unwrap().templates().into_iter().find(|t| !t.is_builtin()).unwrap();
    let erp = harness.state().model().unwrap().template("builtin-erp-phased").unwrap();
    assert_eq!(
        (&copy.tasks, &copy.backout, &copy.phases),
        (&erp.tasks, &erp.backout, &erp.phases),
        "every part"
    );
    assert!(copy.backout.is_some());

    // The copy is editable: a new name and one more default task, saved as one command.
    let name = harness.get_by_role_and_label(Role::TextInput, "Name");
    name.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_role_and_label(Role::TextInput, "Name").type_text("Monthly ERP patch");
    harness.run();
    harness.get_by_label("New default task").focus();
    harness.run();
    harness.get_by_label("New default task").type_text("Tell the affiliates");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Add task").click_accesskit();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Save").click_accesskit();
    harness.run();
    harness.run();
    let saved = harness.state().model().unwrap().template(&copy.key).unwrap();
    assert_eq!(saved.name, "Monthly ERP patch");
    assert_eq!(saved.tasks.len(), erp.tasks.len() + 1);
    assert_eq!(saved.tasks.last().unwrap().title, "Tell the affiliates");

    // Deleted, then back with one undo.
    harness.get_by_role_and_label(Role::Button, "Delete").click_accesskit();
    harness.run();
    harness.run();
    assert!(own_templates(&harness).is_empty());
    assert!(harness.query_by_label_contains("Pick a template").is_some(), "the editor empties");
    harness.get_by_role_and_label(Role::Button, "Close").click_accesskit();
    harness.run();
    harness.run();
    harness.state_mut().model_mut().unwrap().undo().unwrap();
    assert_eq!(own_templates(&harness), ["Monthly ERP patch"]);
}

#[test]
fn a_new_template_is_made_from_the_editor() {
    let (_dir, app) = fixture();
    let mut harness = harness(app);
    harness.run();
    harness.get_by_role_and_label(Role::Button, "File").click_accesskit();
    harness.run();
    harness.get_by_label("Release templates…").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "New template").click_accesskit();
    harness.run();
    assert!(harness.query_by_label("Not saved yet.").is_some());
    harness.get_by_role_and_label(Role::Button, "Save").click_accesskit();
    harness.run();
    harness.run();
    assert_eq!(own_templates(&harness), ["New template"]);
    assert!(harness.query_by_label("Not saved yet.").is_none());
}
