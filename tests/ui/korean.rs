//! The Korean window shows no English: every text on screen (labels, buttons, values) in the list,
//! each menu, the dashboard, the calendar, the CAB meetings, a release page, and the window's dialogs, with the date picker open.
//! What the user typed (subjects, names, the file's path) and a few names that are the same in
//! both languages (the product, key names, file formats, ids) are left out.

use std::collections::BTreeSet;

use crate::{fixture, harness};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};
use release_desk::domain::{Language, ReleaseId};
use release_desk::ui::ReleaseDeskApp;

/// Words that are the same in a Korean window: the product, keys, formats and id prefixes.
const SAME_IN_KOREAN: &[&str] = &[
    "Release", "Desk", "Ctrl", "Shift", "Esc", "Enter", "Delete", "KPI", "CSV", "SVG", "PNG", "CHG",
    "English", "CAB", "ECAB",
];

/// Names that stay as they are in any language (About names the font's licence).
const PROPER_NAMES: &[&str] = &["SIL Open Font License"];

/// The English words on screen, each with the text it was found in.
fn english_on_screen(harness: &Harness<'_, ReleaseDeskApp>, data: &[String]) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for node in harness.query_all(By::new()) {
        let node = node.accesskit_node();
        for text in [node.label(), node.value()].into_iter().flatten() {
            let mut rest = text.to_string();
            for typed in data {
                rest = rest.replace(typed.as_str(), " ");
            }
            for word in rest.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() >= 3) {
                if !SAME_IN_KOREAN.contains(&word) {
                    found.insert(format!("{word:?} in {text:?}"));
                }
            }
        }
    }
    found
}

/// Edits, a note, a task, time, Trash and back, a stage move: #3's activity log has rows of each.
fn give_3_a_history(harness: &mut Harness<'_, ReleaseDeskApp>) {
    use release_desk::domain::work::task::{TaskFields, TaskStatus};
    use release_desk::domain::{AgentId, Priority, Stage, Status};
    use release_desk::model::{
        BulkAction, Command, LifecycleCommand, NewTimeEntry, ReleaseCommand, ReleaseEdit, WorkCommand,
    };
    let id = ReleaseId(3);
    let edits = vec![
        ReleaseEdit::Status(Status::InProgress),
        ReleaseEdit::Priority(Priority::High),
        ReleaseEdit::Agent(Some(AgentId(1))),
        ReleaseEdit::Category(Some("인프라".into())),
    ];
    let task = TaskFields {
        title: "이관 리허설".into(),
        description: String::new(),
        status: TaskStatus::Open,
        due: None,
        agent_id: None,
        group_id: None,
    };
    let time = NewTimeEntry {
        agent_id: None,
        minutes: 90,
        note: "점검".into(),
        billable: true,
        executed_at: crate::common::at(-2),
    };
    let stage = LifecycleCommand::Move {
        id,
        to: Stage::BuildTest,
        outcome: None,
        downtime_minutes: 0,
        reason: String::new(),
        override_reason: String::new(),
        restore_minutes: None,
    };
    let model = harness.state_mut().model_mut().unwrap();
    for command in [
        Command::Release(ReleaseCommand::Edit { id, edits }),
        Command::Work(WorkCommand::AddNote { release: id, body: "본사 적용 완료".into() }),
        Command::Work(WorkCommand::AddTask { release: id, fields: task }),
        Command::Work(WorkCommand::AddTime { release: id, entry: time }),
        Command::Bulk { ids: vec![id], action: BulkAction::Trash },
        Command::Bulk { ids: vec![id], action: BulkAction::Restore },
        Command::Lifecycle(stage),
    ] {
        model.apply(command).unwrap();
    }
    harness.run();
}

/// Every screen and dialog in Korean, with what each shows checked for English.
#[test]
fn the_korean_window_shows_no_english() {
    let (_dir, app) = fixture();
    let mut harness = harness(app);
    harness.state_mut().set_system_language(Language::Ko);
    harness.run();
    let model = harness.state().model().unwrap();
    let mut data: Vec<String> = model.releases().iter().map(|r| r.subject.clone()).collect();
    let directory = model.directory();
    data.extend(directory.agents.iter().map(|a| a.name.clone()));
    data.extend(directory.agents.iter().map(|a| a.email.clone()));
    data.extend(directory.groups.iter().map(|g| g.name.clone()));
    data.extend(directory.departments.iter().map(|d| d.name.clone()));
    data.extend(PROPER_NAMES.iter().map(|n| (*n).to_owned()));
    let path = release_desk::model::session::path(model);
    data.push(path.display().to_string());
    // The backups folder beside it, which the Backups dialog names.
    data.push(release_desk::model::session::backups_dir(path).display().to_string());
    data.sort_by_key(|d| std::cmp::Reverse(d.len()));
    let mut english = BTreeSet::new();
    let mut look = |harness: &Harness<'_, ReleaseDeskApp>, what: &str| {
        for word in english_on_screen(harness, &data) {
            english.insert(format!("{what}: {word}"));
        }
    };

    look(&harness, "list");
    for menu in ["파일", "편집", "보기", "도움말"] {
        harness.get_by_role_and_label(Role::Button, menu).click();
        harness.run();
        look(&harness, menu);
        harness.key_press(egui::Key::Escape);
        harness.run();
    }
    for (item, what) in
        [("키보드 단축키", "keyboard shortcuts"), ("KPI 정의", "KPI help"), ("Release Desk 정보", "about")]
    {
        harness.get_by_role_and_label(Role::Button, "도움말").click();
        harness.run();
        harness.get_by_label_contains(item).click();
        harness.run();
        look(&harness, what);
        harness.key_press(egui::Key::Escape);
        harness.run();
    }
    for (item, what) in [("담당자와 그룹…", "people"), ("릴리스 템플릿…", "templates"), ("백업…", "backups")]
    {
        harness.get_by_role_and_label(Role::Button, "파일").click();
        harness.run();
        harness.get_by_label_contains(item).click();
        harness.run();
        look(&harness, what);
        harness.key_press(egui::Key::Escape);
        harness.run();
    }

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run();
    look(&harness, "new release");
    harness
        .get_all_by_role(Role::Button)
        .find(|b| b.accesskit_node().label().is_some_and(|l| l.starts_with("20")))
        .unwrap()
        .click();
    harness.run();
    look(&harness, "date picker");
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();

    harness.get_by_label("대시보드").click();
    harness.run();
    look(&harness, "dashboard");

    harness.get_by_label("일정").click();
    harness.run();
    look(&harness, "calendar month");
    for (mode, what) in [("주", "calendar week"), ("타임라인", "calendar timeline")] {
        harness.get_by_label(mode).click();
        harness.run();
        look(&harness, what);
    }
    harness.get_by_label("배포 윈도우와 동결 기간…").click();
    harness.run();
    look(&harness, "windows and freezes");
    harness.key_press(egui::Key::Escape);
    harness.run();

    harness.get_by_label("CAB 회의").click();
    harness.run();
    look(&harness, "CAB meetings");

    give_3_a_history(&mut harness);
    harness.state_mut().open_page(ReleaseId(3));
    // Tall enough that the whole page, its activity log included, is on screen.
    harness.set_size(egui::vec2(1360.0, 4000.0));
    harness.run();
    look(&harness, "release page");

    assert!(
        english.is_empty(),
        "English in the Korean window:\n{}",
        english.into_iter().collect::<Vec<_>>().join("\n")
    );
}
