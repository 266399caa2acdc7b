//! Unsaved edits are never dropped in silence: Ctrl+W, a tab's close, the window's close, restoring a
//! backup and opening another file ask first; a dialog blocks the window's shortcuts.

use crate::common::{model_with, plain, temp_db};
use crate::{field_text, page_of_3, release_3, type_into};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use release_desk::domain::{Priority, ReleaseId};
use release_desk::ui::ReleaseDeskApp;

#[test]
fn ctrl_w_does_not_close_the_tab_while_a_dialog_is_open() {
    let (_dir, mut harness) = page_of_3();
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
    crate::show_tab(&mut harness, "Work");
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
    crate::show_tab(&mut harness, "Plans");
    harness.get_all_by_role_and_label(Role::Button, "Add").next().unwrap().click();
    harness.run();
    assert!(harness.query_by_label_contains("Build plan — #3").is_some());
    assert!(harness.state().unsaved_pages().is_empty(), "an untouched new plan is not an edit");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.query_by_label_contains("Build plan — #3").is_none(), "Esc closes it without asking");
    crate::show_tab(&mut harness, "Work");
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
    crate::show_tab(&mut harness, "Work");
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
    crate::show_tab(&mut harness, "Plans");
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
        model
            .apply(release_desk::model::Command::Release(release_desk::model::ReleaseCommand::Edit {
                id: ReleaseId(3),
                edits,
            }))
            .unwrap();
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
    crate::show_tab(&mut harness, "Work");
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

/// A termination signal (logout, shutdown) closes without asking: the New release draft and the
/// open plan editor's draft are stashed beside the UI state, and the next start offers them back.
#[test]
fn a_termination_signal_stashes_the_drafts_and_the_next_start_offers_them_back() {
    use release_desk::domain::Language;
    let (dir, mut harness) = page_of_3();
    let state = dir.path().join("state");
    harness.state_mut().use_recovery_dir(Some(state.clone()));
    crate::show_tab(&mut harness, "Plans");
    harness.get_all_by_role_and_label(Role::Button, "Add").next().unwrap().click();
    harness.run();
    type_into(&mut harness, Role::MultilineTextInput, "Plan", "## 롤백 리허설\n- DB 스냅샷");
    {
        let page = harness.state_mut().page_mut(ReleaseId(3)).unwrap();
        page.sections.notes.new_body = "본사 적용 전 확인".into();
        let modal = harness.state_mut().new_release_modal_mut();
        modal.open(None);
        modal.draft.as_mut().unwrap().subject = "야간 배포 리허설".into();
    }
    harness.run();
    let db = harness.state().model().unwrap().store().path().to_owned();

    harness.state().termination_flag().store(true, std::sync::atomic::Ordering::SeqCst);
    harness.run();
    assert!(harness.query_by_label("Quit with unsaved changes?").is_none(), "nobody is asked");
    assert!(!harness.state().must_ask_before_quitting(), "the close goes through");
    let stashed = std::fs::read_to_string(state.join("recovery.json")).expect("the drafts were stashed");
    for typed in ["야간 배포 리허설", "## 롤백 리허설", "본사 적용 전 확인"] {
        assert!(stashed.contains(typed), "{typed} in {stashed}");
    }
    assert_eq!(std::fs::read_dir(&state).unwrap().count(), 1, "written whole: no partial file is left");
    drop(harness);

    // The next start on the same file offers them back, in Korean.
    let mut app = ReleaseDeskApp::open(db.clone());
    app.use_recovery_dir(Some(state.clone()));
    let mut harness = crate::harness(app);
    harness.state_mut().set_system_language(Language::Ko);
    harness.run();
    assert!(harness.state().offering_recovery());
    assert!(harness.query_by_label("복구할 수 있는 편집 내용이 있습니다").is_some());
    assert!(harness.query_by_label_contains("야간 배포 리허설").is_some(), "it says what it would restore");
    assert!(
        harness.query_by_label_contains("#3: 편집 중인 빌드 계획, 작성 중인 메모").is_some(),
        "per page, by part"
    );
    harness.get_by_role_and_label(Role::Button, "복구").click();
    harness.run();
    assert!(!harness.state().offering_recovery());
    assert!(!state.join("recovery.json").exists(), "answered once");
    let modal = harness.state_mut().new_release_modal_mut();
    assert_eq!(modal.draft.as_ref().unwrap().subject, "야간 배포 리허설", "the New release draft is back");
    assert!(modal.has_edits(), "and counts as unsaved");
    modal.draft = None;
    harness.run();
    let page = harness.state_mut().page_mut(ReleaseId(3)).expect("#3's page is open again");
    let editor = page.sections.plans.editor.as_ref().expect("with its plan editor");
    assert!(editor.draft.body.contains("## 롤백 리허설\n- DB 스냅샷"), "{}", editor.draft.body);
    assert_eq!(page.sections.notes.new_body, "본사 적용 전 확인", "and the note being written");
    assert!(harness.state().must_ask_before_quitting(), "the restored plan is an unsaved edit again");
    drop(harness);

    // Nothing is offered once answered.
    let mut app = ReleaseDeskApp::open(db);
    app.use_recovery_dir(Some(state));
    assert!(!app.offering_recovery());
}
