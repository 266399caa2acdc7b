//! The release page's back-out, impact analysis and review sections (issue 15), each drawn on its
//! own with egui_kittest and driven as a user would, in English and in Korean; and the back-out
//! plan's steps in the plans editor of the real window.

use crate::common::{model_with, plain, t0, temp_db};
use crate::{harness as window_harness, show_tab, type_into};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use release_desk::domain::{AgentId, CiKind, Criticality, Language, ReleaseId, ReleaseType, Stage, Status};
use release_desk::i18n;
use release_desk::model::{Command, Model, RegistryCommand, SettingsCommand};
use release_desk::ui::release_page::SectionUi;
use release_desk::ui::release_page::backout::backout_ui;
use release_desk::ui::release_page::impact::impact_ui;
use release_desk::ui::release_page::review::review_ui;
use release_desk::ui::{ReleaseDeskApp, fonts};

const R: ReleaseId = ReleaseId(1);

/// One section of release #1, with its commands applied each frame.
struct Section {
    model: Model,
    draw: SectionUi,
    language: Language,
    errors: Vec<String>,
}

fn section_ui(ui: &mut egui::Ui, s: &mut Section) {
    i18n::set_language(s.language);
    let Some(release) = s.model.release(R).cloned() else { return };
    let mut commands = Vec::new();
    (s.draw)(ui, &release, &s.model, &mut commands);
    for command in commands {
        if let Err(err) = s.model.apply(command) {
            s.errors.push(i18n::command_error(&err));
        }
    }
}

fn harness(model: Model, draw: SectionUi, language: Language) -> Harness<'static, Section> {
    Harness::builder()
        .with_size([1100.0, 900.0])
        .with_context_setup(fonts::install)
        .build_ui_state(section_ui, Section { model, draw, language, errors: Vec::new() })
}

fn release(stage: Stage, release_type: ReleaseType) -> (tempfile::TempDir, Model) {
    let (dir, path) = temp_db();
    let mut r = plain(1, "롯데그룹 ERP 본사 적용");
    r.stage = stage;
    r.release_type = release_type;
    r.status = if stage == Stage::Complete { Status::Completed } else { Status::InProgress };
    r.work_start = Some(t0());
    let mut model = model_with(&path, vec![r]);
    model.apply(Command::Settings(SettingsCommand::SetCurrentAgent(Some(AgentId(1))))).unwrap();
    (dir, model)
}

/// Types `text` into the field named `label` and leaves it (Tab), which commits it.
fn type_and_leave<S>(harness: &mut Harness<'_, S>, role: Role, label: &str, text: &str) {
    harness.get_by_role_and_label(role, label).focus();
    harness.run();
    harness.get_by_role_and_label(role, label).type_text(text);
    harness.run();
    harness.key_press(egui::Key::Tab);
    harness.run();
    harness.run();
}

#[test]
fn the_back_out_section_adds_a_plan_records_rehearsals_and_warns() {
    let (_dir, model) = release(Stage::DeploymentPrep, ReleaseType::Major);
    let mut harness = harness(model, backout_ui, Language::En);
    harness.run();
    assert!(harness.query_by_label_contains("No back-out plan:").is_some(), "a Major release warns");
    assert_eq!(
        harness.query_all_by_label_contains("back-out plan").count(),
        2,
        "the warning once, beside Add back-out plan (it said 'No back-out plan' twice)"
    );
    assert!(harness.query_by_label_contains("No back-out plan yet").is_none());
    harness.get_by_role_and_label(Role::Button, "Add back-out plan").click();
    harness.run();
    harness.run();
    let plan = harness.state().model.backout(R).cloned().expect("the plan was added");
    assert_eq!(plan.restore_target_minutes, 240, "a Major release's target: 4 hours");
    assert!(harness.query_by_label_contains("No back-out plan:").is_none());

    type_and_leave(&mut harness, Role::TextInput, "Go/no-go criterion", "오류율 1% 초과 10분 지속");
    assert_eq!(harness.state().model.backout(R).unwrap().go_no_go, "오류율 1% 초과 10분 지속");

    // A rehearsal over the target: recorded, shown as missed, and the gate warns.
    harness.get_by_label("Measured restore time (minutes)").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Measured restore time (minutes)").type_text("300");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Record").click();
    harness.run();
    harness.run();
    let state = harness.state();
    assert!(state.errors.is_empty(), "{:?}", state.errors);
    let rehearsals = &state.model.backout(R).unwrap().rehearsals;
    assert_eq!(rehearsals.iter().map(|r| r.restore_minutes).collect::<Vec<_>>(), [300]);
    assert!(harness.query_by_label_contains("missed target").is_some());
    assert!(harness.query_by_label_contains("The last back-out rehearsal missed the target").is_some());

    harness.get_by_role_and_label(Role::Button, "✖").click();
    harness.run();
    harness.run();
    assert!(harness.state().model.backout(R).unwrap().rehearsals.is_empty());
}

#[test]
fn the_back_out_section_speaks_korean() {
    let (_dir, model) = release(Stage::DeploymentPrep, ReleaseType::Emergency);
    let mut harness = harness(model, backout_ui, Language::Ko);
    harness.run();
    assert!(harness.query_by_label_contains("주요·긴급 릴리스는 배포 전에").is_some());
    harness.get_by_role_and_label(Role::Button, "백아웃 계획 추가").click();
    harness.run();
    harness.run();
    for text in ["진행/중단 기준", "원복 목표 시간", "리허설", "아직 리허설하지 않았습니다.", "기록"]
    {
        assert!(harness.query_all_by_label(text).next().is_some(), "{text} not shown");
    }
    assert!(
        harness.query_all_by_label_contains("1시간").next().is_some(),
        "an Emergency release's target: 1 hour"
    );
    assert!(harness.query_by_label("Rehearsals").is_none());
}

/// Release #1 linked to the core banking DB (Critical), which internet banking (High) depends on.
fn linked_to_core_banking(model: &mut Model) {
    for (name, link_to) in [("코어뱅킹 DB", Some(R)), ("인터넷뱅킹", None)] {
        let kind = CiKind::Service;
        model
            .apply(Command::Registry(RegistryCommand::CreateConfigItem { name: name.into(), kind, link_to }))
            .unwrap();
    }
    let mut core = model.registry().config_items[0].clone();
    core.criticality = Criticality::Critical;
    model.apply(Command::Registry(RegistryCommand::UpdateConfigItem(core.clone()))).unwrap();
    let mut web = model.registry().config_items[1].clone();
    web.criticality = Criticality::High;
    web.depends_on = vec![core.id];
    model.apply(Command::Registry(RegistryCommand::UpdateConfigItem(web))).unwrap();
}

#[test]
fn the_impact_section_shows_affected_cis_and_saves_the_analysis() {
    let (_dir, mut model) = release(Stage::Plan, ReleaseType::Emergency);
    linked_to_core_banking(&mut model);
    let mut harness = harness(model, impact_ui, Language::En);
    harness.run();
    assert!(harness.query_by_label("CI-1 코어뱅킹 DB").is_some());
    assert!(harness.query_by_label("CI-2 인터넷뱅킹").is_some(), "a dependent CI is affected too");
    assert!(harness.query_by_label("depends on 코어뱅킹 DB").is_some());
    // The brief's four risks (Medium) touch a Critical CI: the release is High.
    let level = harness.state().model.risk_level(harness.state().model.release(R).unwrap());
    assert_eq!(level, release_desk::domain::readiness::RiskLevel::High);
    assert!(harness.query_by_label("High").is_some(), "the level's chip");
    assert!(
        harness.query_by_label("Criticality of 인터넷뱅킹").is_some(),
        "each CI's criticality is a combo"
    );

    type_and_leave(&mut harness, Role::TextInput, "Users or branches affected", "전 영업점 ATM");
    type_and_leave(&mut harness, Role::TextInput, "Summary", "야간 30분 ATM 중단");
    let state = harness.state();
    assert!(state.errors.is_empty(), "{:?}", state.errors);
    let impact = state.model.impact(R).expect("the analysis was saved");
    assert_eq!(
        (impact.users_affected.as_str(), impact.summary.as_str()),
        ("전 영업점 ATM", "야간 30분 ATM 중단")
    );
}

#[test]
fn the_impact_section_speaks_korean() {
    let (_dir, mut model) = release(Stage::Plan, ReleaseType::Emergency);
    linked_to_core_banking(&mut model);
    let mut harness = harness(model, impact_ui, Language::Ko);
    harness.run();
    for text in
        ["릴리스 위험 수준", "영향을 받는 서비스와 CI", "이 릴리스에 연결됨", "코어뱅킹 DB에 의존", "요약"]
    {
        assert!(harness.query_all_by_label(text).next().is_some(), "{text} not shown");
    }
    assert!(harness.query_by_label("Summary").is_none());
}

#[test]
fn the_review_section_saves_texts_and_follow_ups_become_tasks() {
    let (_dir, model) = release(Stage::Plan, ReleaseType::Standard);
    let mut harness = harness(model, review_ui, Language::En);
    harness.run();
    assert!(harness.query_by_label_contains("reviewed once it is complete").is_some());
    harness.state_mut().model = {
        let (dir, model) = release(Stage::Complete, ReleaseType::Standard);
        std::mem::forget(dir);
        model
    };
    harness.run();
    assert!(harness.query_by_label("Completed without a review yet.").is_some());
    type_and_leave(&mut harness, Role::MultilineTextInput, "What went well", "리허설 덕분에 30분 만에 전환");
    harness.get_by_role_and_label(Role::TextInput, "Add follow-up").focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Add follow-up")
        .type_text("모니터링 대시보드 임계치 조정");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Add follow-up").click();
    harness.run();
    harness.run();
    let state = harness.state();
    assert!(state.errors.is_empty(), "{:?}", state.errors);
    let review = state.model.review(R).expect("the review was saved");
    assert_eq!(review.went_well, "리허설 덕분에 30분 만에 전환");
    assert_eq!(review.follow_ups.len(), 1);
    let task = state.model.task(review.follow_ups[0]).unwrap();
    assert_eq!((task.release_id, task.fields.title.as_str()), (R, "모니터링 대시보드 임계치 조정"));
    assert!(harness.query_by_label("모니터링 대시보드 임계치 조정").is_some(), "the follow-up is listed");
    assert!(harness.query_by_label_contains("Reviewed by").is_some());
}

#[test]
fn the_review_section_speaks_korean() {
    let (_dir, model) = release(Stage::Complete, ReleaseType::Standard);
    let mut harness = harness(model, review_ui, Language::Ko);
    harness.run();
    for text in [
        "완료되었지만 아직 검토하지 않았습니다.",
        "잘된 점",
        "잘못된 점",
        "교훈",
        "후속 조치",
        "후속 조치 추가",
    ] {
        assert!(harness.query_all_by_label(text).next().is_some(), "{text} not shown");
    }
    assert!(harness.query_by_label("Lessons learned").is_none());
}

#[test]
fn the_back_out_steps_are_edited_in_the_plans_editor_of_the_window() {
    let (_dir, path) = temp_db();
    let mut r = plain(1, "롯데그룹 ERP 본사 적용");
    r.release_type = ReleaseType::Major;
    let model = model_with(&path, vec![r]);
    let mut harness = window_harness(ReleaseDeskApp::from_model(model));
    harness.run();
    harness.get_by_label("#1").click();
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    show_tab(&mut harness, "Plans");
    assert_eq!(harness.query_all_by_label("Not yet added").count(), 3, "build, test and back-out");
    harness.get_all_by_role_and_label(Role::Button, "Add").nth(2).unwrap().click();
    harness.run();
    assert!(harness.query_by_label_contains("Back-out plan — #1").is_some(), "the modal is open");
    harness.get_by_role_and_label(Role::Button, "Insert template").click();
    harness.run();
    type_into(&mut harness, Role::MultilineTextInput, "Plan", "DB 스냅샷에서 복원. ");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    harness.run();
    let model = harness.state().model().unwrap();
    let plan = model.backout(R).expect("saving the steps made the plan");
    assert_eq!(plan.steps.items.len(), 6, "the back-out template's six steps");
    assert_eq!(plan.restore_target_minutes, 240);
    assert!(plan.steps.body.contains("DB 스냅샷에서 복원"), "{}", plan.steps.body);
    assert!(harness.query_by_label_contains("Back-out plan — #1").is_none(), "saving closed the modal");
    assert!(harness.query_by_label("0 of 6 steps ready (edit them under Plans)").is_some());
}

#[test]
fn the_reuse_section_clones_saves_and_deletes_templates() {
    let (_dir, model) = release(Stage::DeploymentPrep, ReleaseType::Major);
    let mut harness = harness(model, release_desk::ui::release_page::reuse::reuse_ui, Language::En);
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Clone").click();
    harness.run();
    harness.run();
    let state = harness.state();
    assert!(state.errors.is_empty(), "{:?}", state.errors);
    let copy = state.model.releases().iter().find(|r| r.id != R).expect("the clone was made");
    let source = state.model.release(R).unwrap();
    assert_eq!(
        copy.planned.start - source.planned.start,
        chrono::Duration::days(14),
        "two weeks later by default"
    );
    assert_eq!(copy.stage, Stage::Plan);

    harness.get_by_label("Template name").focus();
    harness.run();
    harness.get_by_label("Template name").type_text("ERP 월간 패치");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Save template").click();
    harness.run();
    harness.run();
    assert_eq!(harness.state().model.templates().len(), 4, "three built-in and the new one");
    assert!(harness.query_by_label("ERP 월간 패치").is_some(), "listed under Your templates");
    harness.get_by_role_and_label(Role::Button, "Delete template").click();
    harness.run();
    harness.run();
    assert_eq!(harness.state().model.templates().len(), 3);
}

#[test]
fn the_reuse_section_speaks_korean() {
    let (_dir, model) = release(Stage::DeploymentPrep, ReleaseType::Major);
    let mut harness = harness(model, release_desk::ui::release_page::reuse::reuse_ui, Language::Ko);
    harness.run();
    for text in ["이 릴리스 복제", "복제", "템플릿으로 저장", "템플릿 저장"] {
        assert!(harness.query_all_by_label(text).next().is_some(), "{text} not shown");
    }
    assert!(harness.query_by_label("Clone").is_none());
}

#[test]
fn new_from_template_makes_a_release_with_every_part() {
    let (_dir, path) = temp_db();
    let model = model_with(&path, vec![plain(1, "기존 릴리스")]);
    let mut harness = window_harness(ReleaseDeskApp::from_model(model));
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run();
    harness.get_by_label("Template").click();
    harness.run();
    harness.get_by_label("Emergency security patch with impact analysis and regulator step").click();
    harness.run();
    harness.get_by_label("Subject *").focus();
    harness.run();
    harness.get_by_label("Subject *").type_text("KB 인증 모듈 긴급 패치");
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Enter);
    harness.run();
    harness.run();
    let model = harness.state().model().unwrap();
    let r = model.releases().iter().find(|r| r.subject == "KB 인증 모듈 긴급 패치").expect("created");
    assert_eq!(r.release_type, ReleaseType::Emergency, "the template's type");
    assert_eq!(r.planned.end - r.planned.start, chrono::Duration::hours(3), "the template's window");
    assert_eq!(model.backout(r.id).map(|b| b.restore_target_minutes), Some(60));
    assert!(model.impact(r.id).is_some());
    assert_eq!(model.tasks_for(r.id).len(), 3);
}
