//! The window's commands (`ui::command::AppCommand`): every shortcut fires its command, and Help >
//! Keyboard shortcuts lists them all, in English and in Korean.

use crate::{fixture, harness};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use release_desk::domain::{Language, ReleaseId};
use release_desk::model::{BulkAction, Command};
use release_desk::ui::ReleaseDeskApp;
use release_desk::ui::command::AppCommand;

fn trashed(harness: &Harness<'_, ReleaseDeskApp>, id: i64) -> bool {
    harness.state().model().unwrap().release(ReleaseId(id)).unwrap().is_deleted()
}

fn trash_2(harness: &mut Harness<'_, ReleaseDeskApp>) {
    let model = harness.state_mut().model_mut().unwrap();
    model.apply(Command::Bulk { ids: vec![ReleaseId(2)], action: BulkAction::Trash }).unwrap();
    harness.run();
}

/// Puts the window where `command`'s shortcut acts and it would show an effect.
fn set_up(harness: &mut Harness<'_, ReleaseDeskApp>, command: AppCommand) {
    match command {
        AppCommand::CloseTab => {
            harness.state_mut().open_page(ReleaseId(1));
            harness.run();
        }
        AppCommand::Undo => trash_2(harness),
        AppCommand::Redo => {
            trash_2(harness);
            harness.state_mut().model_mut().unwrap().undo().unwrap();
            harness.run();
            assert!(!trashed(harness, 2));
        }
        AppCommand::ClearSelection | AppCommand::MoveToTrash => {
            harness.get_by_label("#2").click();
            harness.run();
            assert_eq!(harness.state().selection(), [ReleaseId(2)]);
        }
        _ => {}
    }
}

/// Whether `command` did what it says.
fn took_effect(harness: &mut Harness<'_, ReleaseDeskApp>, command: AppCommand) -> bool {
    match command {
        AppCommand::NewRelease => harness.state_mut().new_release_modal_mut().is_open(),
        AppCommand::CloseTab => harness.state().open_pages().is_empty(),
        AppCommand::Undo => !trashed(harness, 2),
        AppCommand::Redo | AppCommand::MoveToTrash => trashed(harness, 2),
        AppCommand::SelectAll => harness.state().selection().len() == 5,
        AppCommand::ClearSelection => harness.state().selection().is_empty(),
        AppCommand::Find => harness.ctx.egui_wants_keyboard_input(),
        AppCommand::KeyboardShortcuts => harness.query_by_label("In lists and dialogs").is_some(),
        // The fixture is in no team: Sync now says so (a team file syncs in tests/ui/team.rs).
        AppCommand::SyncNow => {
            harness.state().status_text().is_some_and(|t| t.contains("This file is not in a team"))
        }
        other => panic!("{other:?} has a shortcut but no check here: add one"),
    }
}

#[test]
fn every_window_command_with_a_shortcut_fires_from_each_of_its_shortcuts() {
    let mut checked = 0;
    for command in AppCommand::ALL {
        for shortcut in command.shortcuts() {
            let (_dir, app) = fixture();
            let mut harness = harness(app);
            harness.run();
            set_up(&mut harness, command);
            assert!(!took_effect(&mut harness, command), "{command:?} before {shortcut:?}");
            harness.key_press_modifiers(shortcut.modifiers, shortcut.logical_key);
            harness.run();
            assert!(took_effect(&mut harness, command), "{command:?} from {shortcut:?}");
            checked += 1;
        }
    }
    assert_eq!(
        checked, 11,
        "Ctrl+N, Ctrl+W, Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y, Ctrl+A, Esc, Delete, Ctrl+F, F1, F5"
    );
}

#[test]
fn no_window_shortcut_acts_while_the_keyboard_shortcuts_window_is_open() {
    let (_dir, app) = fixture();
    let mut harness = harness(app);
    harness.run();
    harness.key_press(egui::Key::F1);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run();
    assert!(harness.state().selection().is_empty());
    assert!(!harness.state_mut().new_release_modal_mut().is_open());
}

/// Opens Help > Keyboard shortcuts from the menu and checks every line is there.
fn shortcuts_window_lists(
    language: Language,
    help: &str,
    item: &str,
    commands: &[(&str, &str)],
    other: &[(&str, &str)],
) {
    let (_dir, app) = fixture();
    let mut harness = harness(app);
    harness.state_mut().set_system_language(language);
    harness.run();
    harness.get_by_label(help).click();
    harness.run();
    harness.get_by_label_contains(item).click(); // The menu item: its label and its shortcut.
    harness.run();
    for (keys, label) in commands.iter().chain(other) {
        // "Esc", "Delete" and the window's own name appear twice: as a command and a key or heading.
        assert!(harness.query_all_by_label(keys).next().is_some(), "{language:?}: keys {keys}");
        assert!(harness.query_all_by_label(label).next().is_some(), "{language:?}: {label}");
    }
    let with_shortcuts = AppCommand::ALL.iter().filter(|c| !c.shortcuts().is_empty()).count();
    assert_eq!(commands.len(), with_shortcuts, "every command with a shortcut is listed");
}

#[test]
fn help_keyboard_shortcuts_lists_every_shortcut_in_english_and_korean() {
    shortcuts_window_lists(
        Language::En,
        "Help",
        "Keyboard shortcuts",
        &[
            ("Ctrl+N", "New release…"),
            ("Ctrl+W", "Close tab"),
            ("Ctrl+Z", "Undo"),
            ("Ctrl+Shift+Z / Ctrl+Y", "Redo"),
            ("Ctrl+A", "Select all in view"),
            ("Esc", "Clear selection"),
            ("Delete", "Move selection to Trash"),
            ("Ctrl+F", "Find"),
            ("F1", "Keyboard shortcuts"),
            ("F5", "Sync now"),
        ],
        &[
            (
                "Ctrl+Enter",
                "Create or confirm: New release, Complete, Rollback, the gate override, a file path",
            ),
            ("Ctrl+S", "Save the plan or phase being edited"),
            ("↑ / ↓", "Move the selection in the list"),
            ("Shift+↑ / Shift+↓", "Extend the selection"),
            ("Enter", "Open the selected release as a page"),
            ("click / Ctrl+click / Shift+click", "Select a release / add or remove one / select a range"),
        ],
    );
    shortcuts_window_lists(
        Language::Ko,
        "도움말",
        "키보드 단축키",
        &[
            ("Ctrl+N", "새 릴리스…"),
            ("Ctrl+W", "탭 닫기"),
            ("Ctrl+Z", "실행 취소"),
            ("Ctrl+Shift+Z / Ctrl+Y", "다시 실행"),
            ("Ctrl+A", "보기의 모든 릴리스 선택"),
            ("Esc", "선택 해제"),
            ("Delete", "선택 항목을 휴지통으로 이동"),
            ("Ctrl+F", "찾기"),
            ("F1", "키보드 단축키"),
            ("F5", "지금 동기화"),
        ],
        &[
            ("Ctrl+Enter", "만들기 또는 확인: 새 릴리스, 완료, 롤백, 게이트 무시, 파일 경로"),
            ("Ctrl+S", "편집 중인 계획이나 단계 저장"),
            ("↑ / ↓", "목록에서 선택 이동"),
            ("Shift+↑ / Shift+↓", "선택 범위 넓히기"),
            ("Enter", "선택한 릴리스를 페이지로 열기"),
            ("클릭 / Ctrl+클릭 / Shift+클릭", "릴리스 선택 / 하나씩 추가·제거 / 범위 선택"),
            ("Delete", "휴지통에서: 확인 후 선택한 릴리스를 영구 삭제"),
        ],
    );
}
