//! Who works in the window: the first-run step on an empty database, and the people dialog's
//! edit and remove (refused, with the count, while a release names the agent).

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use release_desk::domain::AgentId;
use release_desk::ui::ReleaseDeskApp;

use crate::common::temp_db;
use crate::{fixture_with, harness, type_into};

#[test]
fn the_first_run_asks_who_you_are_and_works_as_you() {
    let (_dir, path) = temp_db();
    let model = release_desk::model::Model::open(&path).unwrap();
    let mut harness = harness(ReleaseDeskApp::from_model(model));
    harness.run();
    assert!(harness.query_by_label("Who are you?").is_some(), "an empty database asks");
    assert!(harness.query_all_by_label("Working as").count() >= 1, "the top bar says 'Working as'");
    type_into(&mut harness, Role::TextInput, "Your name", "정예준");
    type_into(&mut harness, Role::TextInput, "Your e-mail (optional)", "yejun@example.com");
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.run();
    let model = harness.state().model().unwrap();
    let me = model.settings().current_agent.expect("working as the new agent");
    let agent = model.directory().agent(me).unwrap();
    assert_eq!((agent.name.as_str(), agent.email.as_str()), ("정예준", "yejun@example.com"));
    assert!(harness.query_by_label("Who are you?").is_none(), "asked once");
    assert!(harness.query_by_label("No releases yet").is_some(), "then create or load the sample");
    // One step to undo, named as a sentence.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(harness.state().model().unwrap().settings().current_agent.is_none());
    assert!(harness.state().model().unwrap().directory().agents.is_empty());
}

#[test]
fn the_people_dialog_edits_and_removes_and_refuses_to_remove_one_in_use() {
    let (_dir, app) = fixture_with(|r| {
        if r.id.0 <= 2 {
            r.agent_id = Some(AgentId(1));
        }
    });
    let mut harness = harness(app);
    harness.run();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Agents and groups…").click();
    harness.run();
    assert!(harness.query_by_label("mj@example.com").is_some(), "agents show their e-mail");

    // 김민준 is the assignee of two releases: refused, with the count.
    harness.get_all_by_role_and_label(Role::Button, "Delete").next().unwrap().click();
    harness.run();
    harness.run();
    assert!(harness.query_all_by_label_contains("named by 2 release(s)").count() >= 1);
    assert_eq!(harness.state().model().unwrap().directory().agents.len(), 3);

    // Emily Carter is used by nothing: removed.
    harness.get_all_by_role_and_label(Role::Button, "Delete").nth(1).unwrap().click();
    harness.run();
    harness.run();
    let names: Vec<String> =
        harness.state().model().unwrap().directory().agents.iter().map(|a| a.name.clone()).collect();
    assert_eq!(names, ["김민준", "박지훈"]);
    assert_eq!(harness.query_all_by_label_contains("named by").count(), 0, "the refusal is gone");

    // Edit 박지훈: rename, Enter saves.
    harness.get_all_by_role_and_label(Role::Button, "Edit").nth(2).unwrap().click();
    harness.run();
    let field = harness.get_by_role_and_label(Role::TextInput, "Name");
    assert_eq!(field.value().as_deref(), Some("박지훈"));
    field.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Name").type_text("박지훈 (DBA)");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.run();
    let model = harness.state().model().unwrap();
    assert_eq!(model.directory().agent(AgentId(3)).unwrap().name, "박지훈 (DBA)");

    // Enter in "New group" adds it.
    type_into(&mut harness, Role::TextInput, "New group", "DBA");
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.run();
    assert!(harness.state().model().unwrap().directory().groups.iter().any(|g| g.name == "DBA"));
}

#[test]
fn a_deactivated_agent_is_not_offered_but_old_releases_keep_them_and_undo_reactivates() {
    let (_dir, app) = fixture_with(|r| {
        if r.id.0 == 1 {
            r.agent_id = Some(AgentId(2));
        }
    });
    let mut harness = harness(app);
    harness.run();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Agents and groups…").click();
    harness.run();
    // Emily Carter, the second agent, leaves the team.
    harness.get_all_by_role_and_label(Role::Button, "Deactivate").nth(1).unwrap().click();
    harness.run();
    harness.run();
    let model = harness.state().model().unwrap();
    assert!(!model.directory().agent(AgentId(2)).unwrap().active);
    assert_eq!(model.reload_snapshot().unwrap(), model.snapshot(), "written to the file");
    assert!(harness.query_by_label("inactive").is_some(), "the dialog says so");
    assert!(harness.query_by_role_and_label(Role::Button, "Reactivate").is_some());
    harness.key_press(egui::Key::Escape);
    harness.run();

    // The list still shows her on #1; the bulk bar's agent menu no longer offers her.
    assert!(harness.query_by_label("Emily Carter").is_some(), "old releases keep her");
    harness.get_by_label("#3").click();
    harness.run();
    harness.get_by_label("Assign to agent").click();
    harness.run();
    assert!(harness.query_by_role_and_label(Role::Button, "김민준").is_some());
    assert!(harness.query_by_role_and_label(Role::Button, "Emily Carter").is_none(), "not offered");
    harness.key_press(egui::Key::Escape);
    harness.run();

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(harness.state().model().unwrap().directory().agent(AgentId(2)).unwrap().active, "undone");
}

#[test]
fn the_agent_worked_as_cannot_be_deactivated_or_deleted_and_e_mail_fields_fit_an_address() {
    use egui_kittest::kittest::NodeT as _;
    use release_desk::model::{Command, SettingsCommand};
    let (_dir, app) = fixture_with(|_| {});
    let mut harness = harness(app);
    let set = Command::Settings(SettingsCommand::SetCurrentAgent(Some(AgentId(1))));
    harness.state_mut().model_mut().unwrap().apply(set).unwrap();
    harness.run();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Agents and groups…").click();
    harness.run();
    // 김민준 (the first agent) is who the window works as: both buttons are greyed.
    let deactivate = harness.get_all_by_role_and_label(Role::Button, "Deactivate").next().unwrap();
    assert!(deactivate.accesskit_node().is_disabled());
    let delete = harness.get_all_by_role_and_label(Role::Button, "Delete").next().unwrap();
    assert!(delete.accesskit_node().is_disabled());
    let others = harness.get_all_by_role_and_label(Role::Button, "Delete").nth(1).unwrap();
    assert!(!others.accesskit_node().is_disabled(), "another agent can go");
    harness.get_all_by_role_and_label(Role::Button, "Delete").next().unwrap().hover();
    harness.run();
    assert!(harness.query_all_by_label_contains("cannot be deleted").count() >= 1, "the hover text says why");
    assert_eq!(harness.state().model().unwrap().directory().agents.len(), 3);

    // The e-mail fields are labelled and wide enough for a real address.
    let email = harness.get_by_role_and_label(Role::TextInput, "E-mail (optional)");
    let width = email.accesskit_node().bounding_box().unwrap().width();
    assert!(width >= 235.0, "the new agent's e-mail field is {width} px wide");
    harness.get_all_by_role_and_label(Role::Button, "Edit").nth(1).unwrap().click();
    harness.run();
    let fields: Vec<f64> = harness
        .get_all_by_role_and_label(Role::TextInput, "E-mail (optional)")
        .map(|f| f.accesskit_node().bounding_box().unwrap().width())
        .collect();
    assert_eq!(fields.len(), 2, "the edited agent's e-mail is labelled too");
    assert!(fields.iter().all(|w| *w >= 235.0), "{fields:?}");
    crate::mask_db_path(&mut harness);
    harness.snapshot("people_dialog_editing");
}
