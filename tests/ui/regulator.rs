//! The regulator approvals on the release page (issue 17): the sample's bank patch waits for
//! 금감원 보고 및 승인; "Record approval…" on the gate line opens a dialog (reference, approval date,
//! note) that records through the model, a refusal stays in the dialog with what was typed, the
//! gate no longer names the step, Edit > Undo takes it back, and a recorded approval is listed
//! with who recorded it and can be withdrawn. In English and Korean, and a Korean snapshot.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use crate::common::{model_with, t0, temp_db};
use crate::{harness, show_tab, type_into};
use release_desk::domain::{Language, ReleaseId};
use release_desk::model::{Command, SampleCommand, SettingsCommand};
use release_desk::ui::ReleaseDeskApp;

const STEP: &str = "금감원 보고 및 승인";

/// The sample loaded, the first agent working, the bank's patch that waits for the regulator open
/// on its Lifecycle tab, in `language`.
fn on_the_patch(language: Language) -> (tempfile::TempDir, Harness<'static, ReleaseDeskApp>, ReleaseId) {
    let (dir, path) = temp_db();
    let mut model = model_with(&path, vec![]);
    let data = release_desk::domain::sample::scenarios(t0());
    model.apply(Command::Sample(SampleCommand::Load { data, force: false })).unwrap();
    let patch =
        model.releases().iter().find(|r| r.subject.contains("모바일 뱅킹 앱 보안 업데이트")).unwrap().id;
    let me = model.directory().agents[0].id;
    model.apply(Command::Settings(SettingsCommand::SetCurrentAgent(Some(me)))).unwrap();
    let mut app = ReleaseDeskApp::from_model(model);
    app.open_page(patch);
    let mut harness = harness(app);
    harness.state_mut().set_system_language(language);
    harness.set_size(egui::vec2(1360.0, 1200.0));
    harness.run();
    let tab = if language == Language::Ko { "생명주기" } else { "Lifecycle" };
    show_tab(&mut harness, tab);
    (dir, harness, patch)
}

fn missing(harness: &Harness<'_, ReleaseDeskApp>, patch: ReleaseId) -> Vec<String> {
    let model = harness.state().model().unwrap();
    model.deploy_gate(model.release(patch).unwrap()).regulator_missing.into_iter().map(|(_, n)| n).collect()
}

#[test]
fn an_approval_recorded_from_the_gate_line_opens_the_gate_and_undo_closes_it() {
    let (_dir, mut harness, patch) = on_the_patch(Language::En);
    assert_eq!(missing(&harness, patch), [STEP]);
    let gate_line = format!("  • Regulator step “{STEP}” not approved yet");
    assert!(harness.query_by_label(&gate_line).is_some(), "the gate names the step");
    assert!(harness.query_by_label("waiting for the regulator").is_some(), "and so does the section");
    // The gate line's button (the first one; the section has its own).
    harness.get_all_by_role_and_label(Role::Button, "Record approval…").next().unwrap().click();
    harness.run();
    assert!(harness.query_by_label_contains("Record the regulator's approval — #").is_some());
    assert!(harness.query_by_label_contains("Recorded by ").is_some(), "who records it is said");
    // No reference: the model refuses, the dialog stays with the note typed.
    type_into(&mut harness, Role::MultilineTextInput, "Note", "유선 보고 후 공문 접수");
    harness.get_by_role_and_label(Role::Button, "Record approval").click();
    harness.run();
    harness.run();
    // In the dialog (and the status bar).
    assert!(harness.query_all_by_label("The regulator's reference number is required.").next().is_some());
    assert_eq!(crate::field_text(&harness, Role::MultilineTextInput, "Note"), "유선 보고 후 공문 접수");
    assert_eq!(missing(&harness, patch), [STEP], "nothing recorded");
    type_into(&mut harness, Role::TextInput, "Reference number", "FSS-2026-1202");
    harness.get_by_role_and_label(Role::Button, "Record approval").click();
    harness.run();
    harness.run();
    assert!(harness.query_by_label_contains("Record the regulator's approval — #").is_none(), "closed");
    assert!(missing(&harness, patch).is_empty(), "the gate no longer waits for the regulator");
    assert!(harness.query_by_label(&gate_line).is_none());
    let model = harness.state().model().unwrap();
    let approval = model.regulators().approvals_of(patch)[0].clone();
    assert_eq!(approval.reference, "FSS-2026-1202");
    assert_eq!(approval.note, "유선 보고 후 공문 접수");
    assert_eq!(approval.recorded_by, model.me().unwrap());
    assert_eq!(approval.approved_on, model.now().with_timezone(&chrono::Local).date_naive());
    let who = model.directory().agent_name(model.me()).to_owned();
    let date = approval.approved_on.format("%Y-%m-%d");
    let listed = format!("FSS-2026-1202, approved {date}, recorded by {who}");
    assert!(harness.query_by_label(&listed).is_some(), "the approval is listed");
    // Edit > Undo names it and takes it back.
    harness.get_all_by_label("Edit").next().unwrap().click();
    harness.run();
    let undo = format!("Undo: record the regulator's approval FSS-2026-1202 of #{patch}");
    let item = harness.get_by_label_contains("Undo:");
    let label = item.accesskit_node().label().unwrap_or_default();
    assert!(label.starts_with(&undo), "the Edit menu names it: {label}");
    item.click();
    harness.run();
    assert_eq!(missing(&harness, patch), [STEP], "the gate waits again");
    assert!(harness.query_by_label(&gate_line).is_some());
}

#[test]
fn a_recorded_approval_is_withdrawn_from_the_section() {
    let (_dir, mut harness, patch) = on_the_patch(Language::En);
    harness.get_all_by_role_and_label(Role::Button, "Record approval…").last().unwrap().click();
    harness.run();
    type_into(&mut harness, Role::TextInput, "Reference number", "FSS-1");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Enter);
    harness.run();
    harness.run();
    assert!(missing(&harness, patch).is_empty(), "Ctrl+Enter recorded it");
    harness.get_by_role_and_label(Role::Button, "Withdraw").click();
    harness.run();
    assert_eq!(missing(&harness, patch), [STEP]);
    assert!(harness.state().model().unwrap().regulators().approvals_of(patch).is_empty());
}

#[test]
fn the_regulator_dialog_in_korean_snapshot() {
    let (_dir, mut harness, patch) = on_the_patch(Language::Ko);
    assert!(harness.query_by_label(&format!("  • 감독기관 승인 단계 “{STEP}” 승인 대기")).is_some());
    harness.get_all_by_role_and_label(Role::Button, "승인 기록…").next().unwrap().click();
    harness.run();
    assert!(harness.query_by_label(&format!("감독기관 승인 기록 — #{patch}")).is_some());
    type_into(&mut harness, Role::TextInput, "접수(승인) 번호", "FSS-2026-1202");
    type_into(&mut harness, Role::MultilineTextInput, "메모", "유선 보고 완료");
    harness.set_size(egui::vec2(1280.0, 720.0));
    harness.run();
    let path = harness.get_by_label_contains("desk.sqlite3").accesskit_node().bounding_box().unwrap();
    // The status bar's (temporary, randomly named) path, to the window's bottom edge.
    harness.mask(egui::Rect::from_min_max(
        egui::pos2(path.x0 as f32, path.y0 as f32 - 6.0),
        egui::pos2(1280.0, 720.0),
    ));
    harness.snapshot("regulator_dialog_ko");
    harness.get_by_role_and_label(Role::Button, "승인 기록").click();
    harness.run();
    harness.run();
    assert!(missing(&harness, patch).is_empty());
    assert!(harness.query_by_label("승인됨").is_some());
}
