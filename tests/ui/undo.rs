//! Undo and redo refresh the page's buffers that hold no unsaved edits and keep those that do.

use crate::{edit_time_spent, field_text, page_of_3, page_of_3_with_time, release_3, type_into};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use release_desk::domain::{Priority, ReleaseId};

#[test]
fn undo_and_redo_refresh_the_page_buffers_that_hold_no_unsaved_edits() {
    use release_desk::domain::TaskFields;
    use release_desk::model::{Command, WorkCommand};
    let (_dir, mut harness) = page_of_3();
    {
        // History, newest last: add task, add note, edit task, edit note.
        let model = harness.state_mut().model_mut().unwrap();
        let fields = TaskFields { title: "운영 DB 백업".into(), ..TaskFields::default() };
        model.apply(Command::Work(WorkCommand::AddTask { release: ReleaseId(3), fields })).unwrap();
        model
            .apply(Command::Work(WorkCommand::AddNote { release: ReleaseId(3), body: "첫 메모".into() }))
            .unwrap();
        let task = model.tasks_for(ReleaseId(3))[0].clone();
        let fields = TaskFields { title: "운영 DB 백업 리허설".into(), ..task.fields.clone() };
        model.apply(Command::Work(WorkCommand::EditTask { id: task.id, fields })).unwrap();
        let note = model.notes_for(ReleaseId(3))[0].id;
        model.apply(Command::Work(WorkCommand::EditNote { id: note, body: "고친 메모".into() })).unwrap();
    }
    harness.run();
    crate::show_tab(&mut harness, "Work");
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
        model
            .apply(release_desk::model::Command::Release(release_desk::model::ReleaseCommand::Edit {
                id: ReleaseId(3),
                edits,
            }))
            .unwrap();
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
        model
            .apply(release_desk::model::Command::Work(release_desk::model::WorkCommand::AddTask {
                release: ReleaseId(3),
                fields,
            }))
            .unwrap();
    }
    harness.run();
    crate::show_tab(&mut harness, "Work");
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
        model
            .apply(release_desk::model::Command::Work(release_desk::model::WorkCommand::EditTimeEntry {
                id,
                entry,
            }))
            .unwrap();
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
