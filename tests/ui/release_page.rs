//! The release page: plans, tasks, the timer and time entries, the subject in place, Trash, Mark
//! completed and the page snapshot.

use crate::common::{at, model_with, temp_db};
use crate::{edit_time_spent, harness, page_of_3, page_of_3_with, page_of_3_with_time, release_3, type_into};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use release_desk::domain::ReleaseId;
use release_desk::ui::ReleaseDeskApp;

#[test]
fn the_build_plan_is_edited_in_its_modal_and_saved_with_ctrl_s() {
    let (_dir, mut harness) = page_of_3();
    crate::show_tab(&mut harness, "Plans");
    assert_eq!(harness.query_all_by_label("Not yet added").count(), 3, "build, test and back-out");
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
    let text = harness.query_all_by_label_contains("빌드 서버: jenkins-01.").count();
    assert_eq!(text, 1, "and the plan's text, without opening the editor");
    let reopened =
        release_desk::model::Model::open_read_only(harness.state().model().unwrap().store().path()).unwrap();
    assert_eq!(reopened.release(ReleaseId(3)).unwrap().build_plan.as_ref(), Some(&plan));
}

#[test]
fn escape_with_unsaved_plan_edits_asks_and_a_failed_save_keeps_them() {
    let (_dir, mut harness) = page_of_3();
    crate::show_tab(&mut harness, "Plans");
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
    crate::show_tab(&mut harness, "Work");
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
    assert_eq!(tasks[0].fields.due, Some(crate::common::t0() + chrono::Duration::days(1)));
    assert!(harness.query_by_label("Tasks (1 open of 1)").is_some());
    assert!(harness.query_by_label("운영 DB 백업 리허설").is_some(), "the list shows it");
    assert!(harness.query_by_role_and_label(Role::TextInput, "Title").is_none(), "the form closed");
}

#[test]
fn the_timer_starts_runs_and_stops() {
    let (_dir, mut harness) = page_of_3();
    crate::show_tab(&mut harness, "Work");
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
        .set_clock(Box::new(|| crate::common::t0() + chrono::Duration::minutes(25)));
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
    crate::show_tab(&mut harness, "Work");
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
    let data = release_desk::domain::sample::scenarios(crate::common::t0());
    model
        .apply(release_desk::model::Command::Sample(release_desk::model::SampleCommand::Load {
            data,
            force: false,
        }))
        .unwrap();
    let patch = model.running_timers().next().unwrap().release_id;
    let mut app = ReleaseDeskApp::from_model(model);
    app.open_page(patch);
    let mut harness = harness(app);
    harness.set_size(egui::vec2(1280.0, 720.0));
    harness.run();
    crate::show_tab(&mut harness, "Work");
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
    assert_eq!(release_3(&harness).deleted_at, Some(crate::common::t0()));
    assert!(harness.query_by_label("In Trash").is_some());
    let log = harness.state().model().unwrap().activities_for(ReleaseId(3)).unwrap();
    assert_eq!(log[0].kind, release_desk::domain::ActivityKind::Trash);
    crate::show_tab(&mut harness, "Activity");
    assert!(harness.query_by_label("Moved to Trash").is_some(), "the activity log on the page shows it");
}

/// The KPI fixture moved into the dashboard's last 12 months (clock at 2026-11-26): September,
/// October (nothing closed) and November, all closed mid-month so any local time zone agrees.

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
    crate::show_tab(&mut harness, "Lifecycle");
    // The tab comes first, the section's header second.
    harness.get_all_by_label("Lifecycle").nth(1).unwrap().click();
    harness.run();
    crate::show_tab(&mut harness, "Overview");
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
    assert_eq!(done.closed_at, Some(crate::common::t0()));
    assert_eq!((done.work_start, done.work_end), (Some(at(-2)), Some(crate::common::t0())));
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
fn a_plans_text_shows_as_markdown_in_both_languages() {
    use release_desk::domain::{ChecklistItem, Language, Plan};
    let body = "## 빌드 절차\n\n소스를 **태그**에서 받습니다.\n\n- `cargo build --release`\n- 패키지 서명\n\n1. 첫째\n2. 둘째\n\n- [ ] 리허설\n- [x] 승인\n";
    let (_dir, mut harness) = page_of_3_with(|r| {
        if r.id == ReleaseId(3) {
            let items = vec![ChecklistItem { text: "서명".into(), done: true }];
            r.build_plan = Some(Plan { body: body.into(), items });
        }
    });
    crate::show_tab(&mut harness, "Plans");
    assert!(harness.query_by_label("빌드 절차").is_some(), "the heading shows as its words");
    assert_eq!(harness.query_all_by_label_contains("##").count(), 0, "no Markdown marks on screen");
    assert!(harness.query_by_label("소스를 태그에서 받습니다.").is_some(), "bold is drawn, not starred");
    assert!(harness.query_by_label("cargo build --release").is_some());
    for marker in ["•", "1.", "2.", "To do", "Done"] {
        assert!(harness.query_all_by_label(marker).count() > 0, "the marker {marker}");
    }
    crate::mask_db_path(&mut harness);
    harness.snapshot("plan_markdown_en");
    harness.state_mut().set_system_language(Language::Ko);
    harness.run();
    crate::show_tab(&mut harness, "계획");
    assert!(harness.query_by_label("빌드 절차").is_some());
    assert!(harness.query_all_by_label("완료됨").count() > 0, "the ticked box is named in Korean");
    crate::mask_db_path(&mut harness);
    harness.snapshot("plan_markdown_ko");
}
