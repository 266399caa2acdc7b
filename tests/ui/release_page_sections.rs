//! The release page's lifecycle sections (lifecycle with its dialogs, Changes and CIs, readiness,
//! risks, strategy), driven headless with egui_kittest by calling the section functions directly.

use crate::common::{model_with, plain, t0, temp_db};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use release_desk::domain::{
    CabApproval, ChangeRisk, ConfigItemId, Language, Outcome, PlanCheck, ReleaseId, Stage, Status,
};
use release_desk::i18n::{self, tr};
use release_desk::model::{
    Command, LifecycleCommand, Model, RegistryCommand, ReleaseCommand, SampleCommand, SettingsCommand,
};
use release_desk::ui::fonts;
use release_desk::ui::release_page::plain_sections;

/// The sections of one release, as the page shows them, with commands applied each frame.
struct Page {
    model: Model,
    id: ReleaseId,
    language: Language,
    errors: Vec<String>,
}

fn page_ui(ui: &mut egui::Ui, page: &mut Page) {
    i18n::set_language(page.language);
    let Some(release) = page.model.release(page.id).cloned() else { return };
    let mut commands = Vec::new();
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.heading(format!("#{} {}", release.id, release.subject));
        for (key, section) in plain_sections() {
            ui.separator();
            ui.label(egui::RichText::new(tr(key)).heading());
            section(ui, &release, &page.model, &mut commands);
        }
    });
    for command in commands {
        if let Err(err) = page.model.apply(command) {
            page.errors.push(err.to_string());
        }
    }
}

fn harness(model: Model, id: i64, language: Language) -> Harness<'static, Page> {
    let page = Page { model, id: ReleaseId(id), language, errors: Vec::new() };
    Harness::builder()
        .with_size([1100.0, 1500.0])
        .with_context_setup(fonts::install)
        .build_ui_state(page_ui, page)
}

fn release_in(stage: Stage) -> (tempfile::TempDir, Model) {
    let (dir, path) = temp_db();
    let mut r = plain(1, "KB 코어뱅킹 보안 패치");
    r.stage = stage;
    r.status = Status::InProgress;
    r.work_start = Some(t0());
    let mut model = model_with(&path, vec![r]);
    model
        .apply(Command::Settings(SettingsCommand::SetCurrentAgent(Some(release_desk::domain::AgentId(1)))))
        .unwrap();
    (dir, model)
}

#[test]
fn ctrl_enter_confirms_the_rollback_dialog_from_its_reason_field() {
    let (_dir, model) = release_in(Stage::VerifyMonitor);
    let mut harness = harness(model, 1, Language::En);
    harness.run();
    harness.get_by_label("Move to Rollback").click();
    harness.run();
    harness.get_by_label("Reason (required)").focus();
    harness.run();
    harness.get_by_label("Reason (required)").type_text("결제 오류 급증");
    harness.run();
    // Ctrl on the Enter key's event only (let go within the frame).
    for pressed in [true, false] {
        harness.event(egui::Event::Key {
            key: egui::Key::Enter,
            pressed,
            modifiers: egui::Modifiers::COMMAND,
            repeat: false,
            physical_key: None,
        });
    }
    harness.run();
    harness.run();
    let page = harness.state();
    assert!(page.errors.is_empty(), "{:?}", page.errors);
    assert_eq!(page.model.release(ReleaseId(1)).unwrap().stage, Stage::Rollback);
    assert_eq!(page.model.stage_history(ReleaseId(1)).last().unwrap().note, "결제 오류 급증", "no new line");
}

#[test]
fn the_rollback_dialog_needs_a_reason_then_rolls_back() {
    let (_dir, model) = release_in(Stage::VerifyMonitor);
    let mut harness = harness(model, 1, Language::En);
    harness.run();
    assert!(harness.query_by_label("Move to Complete").is_some());
    harness.get_by_label("Move to Rollback").click();
    harness.run();
    assert!(harness.query_by_label("Roll back release #1").is_some(), "the dialog opened");

    // No reason: refused in the dialog, nothing changes.
    harness.get_by_role_and_label(Role::Button, "Roll back").click();
    harness.run();
    assert!(harness.query_by_label("Write down why the release is rolled back.").is_some());
    assert_eq!(harness.state().model.release(ReleaseId(1)).unwrap().stage, Stage::VerifyMonitor);

    harness.get_by_label("Reason (required)").focus();
    harness.run();
    harness.get_by_label("Reason (required)").type_text("ATM 인증 실패, 이전 버전으로 원복");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Roll back").click();
    harness.run();
    harness.run();
    let page = harness.state();
    assert!(page.errors.is_empty(), "{:?}", page.errors);
    let r = page.model.release(ReleaseId(1)).unwrap();
    assert_eq!((r.stage, r.rollback_count, r.status), (Stage::Rollback, 1, Status::Incomplete));
    let history = page.model.stage_history(ReleaseId(1));
    assert_eq!(history.last().unwrap().note, "ATM 인증 실패, 이전 버전으로 원복");
    assert!(harness.query_by_label("Roll back release #1").is_none(), "the dialog closed");
    assert!(harness.query_by_label("Rolled back once").is_some());
    assert!(harness.query_by_label("Move to Build & Test").is_some(), "it can go back and redeploy");
    assert!(harness.query_by_label("Move to Deploy").is_none(), "only the allowed moves are offered");
}

#[test]
fn a_closed_gate_asks_for_a_written_override() {
    let (_dir, mut model) = release_in(Stage::DeploymentPrep);
    model
        .apply(Command::Registry(RegistryCommand::CreateChange {
            subject: "인증 모듈 패치".into(),
            approval: CabApproval::Pending,
            risk: ChangeRisk::High,
            link_to: Some(ReleaseId(1)),
        }))
        .unwrap();
    let mut harness = harness(model, 1, Language::En);
    harness.run();
    assert!(harness.query_by_label_contains("linked Change not CAB-approved: CHG-1").is_some());
    harness.get_by_label("Move to Deploy").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Deploy anyway").click();
    harness.run();
    assert!(harness.query_by_label_contains("write a reason to override").is_some());
    assert_eq!(harness.state().model.release(ReleaseId(1)).unwrap().stage, Stage::DeploymentPrep);
    harness.get_by_label("Written reason for the override (logged)").focus();
    harness.run();
    harness.get_by_label("Written reason for the override (logged)").type_text("CAB 의장 전화 승인");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Deploy anyway").click();
    harness.run();
    let model = &harness.state().model;
    assert_eq!(model.release(ReleaseId(1)).unwrap().stage, Stage::Deploy);
    let log = model.activities_for(ReleaseId(1)).unwrap();
    assert!(log.iter().any(|a| {
        a.kind == release_desk::domain::ActivityKind::Override
            && a.change(&release_desk::domain::Field::DeployGate).map(|c| &c.new)
                == Some(&release_desk::domain::Value::text("CAB 의장 전화 승인"))
    }));
}

#[test]
fn the_complete_dialog_records_the_outcome() {
    let (_dir, model) = release_in(Stage::VerifyMonitor);
    let mut harness = harness(model, 1, Language::En);
    harness.run();
    harness.get_by_label("Move to Complete").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Complete").click();
    harness.run();
    assert!(harness.query_by_label("Choose the outcome: successful or failed.").is_some());
    harness.get_by_label("Failed").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Complete").click();
    harness.run();
    let r = harness.state().model.release(ReleaseId(1)).unwrap().clone();
    assert_eq!((r.stage, r.status, r.outcome), (Stage::Complete, Status::Completed, Some(Outcome::Failed)));
    harness.run();
    assert!(harness.query_by_label("This release is closed; its lifecycle is complete.").is_some());
}

#[test]
fn the_link_picker_creates_and_links_a_ci_and_checklists_tick() {
    let (_dir, model) = release_in(Stage::Plan);
    let mut harness = harness(model, 1, Language::En);
    harness.run();
    harness.get_by_label("Link a CI…").click();
    harness.run();
    harness.get_by_label("CI name").focus();
    harness.run();
    harness.get_by_label("CI name").type_text("코어뱅킹 DB (Oracle RAC)");
    harness.run();
    harness.get_by_label("Create and link").click();
    harness.run();
    harness.get_by_label("Close").click();
    harness.run();
    let model = &harness.state().model;
    assert_eq!(model.release(ReleaseId(1)).unwrap().assets, vec![ConfigItemId(1)]);
    assert_eq!(model.registry().config_item(ConfigItemId(1)).unwrap().name, "코어뱅킹 DB (Oracle RAC)");
    assert!(harness.query_by_label("코어뱅킹 DB (Oracle RAC)").is_some());

    harness.get_by_label("Goals and scope defined").click();
    harness.run();
    let readiness = harness.state().model.readiness(ReleaseId(1)).into_owned();
    assert!(readiness.plan_done.contains(&PlanCheck::GoalsScope));
    harness.get_by_label("Phased").click();
    harness.run();
    assert_eq!(
        harness.state().model.readiness(ReleaseId(1)).strategy,
        release_desk::domain::Strategy::Phased
    );
    assert!(harness.query_by_label("No phases yet. Add the first, e.g. HQ.").is_some());
    assert!(harness.query_by_label("Service outage during deployment").is_some(), "the four risks are there");
}

/// Pictures of the sample's rolled-back bank patch, in English and Korean, for a person to look
/// at: `RELEASE_DESK_SHOTS=/tmp/shots cargo test --test ui -- release_page_sections::pictures`.
#[test]
fn pictures_of_a_rolled_back_release() {
    let Some(dir) = std::env::var_os("RELEASE_DESK_SHOTS") else { return };
    for language in [Language::En, Language::Ko] {
        let (_tmp, path) = temp_db();
        let mut model = model_with(&path, vec![]);
        let data = release_desk::domain::sample::scenarios(t0());
        model.apply(Command::Sample(SampleCommand::Load { data, force: false })).unwrap();
        let id = model.releases().iter().find(|r| r.subject.contains("코어뱅킹 보안 패치")).unwrap().id;
        let mut harness = harness(model, id.0, language);
        harness.run();
        let name = format!("rolled_back_{}", language.code());
        let options = egui_kittest::SnapshotOptions::new().output_path(std::path::PathBuf::from(&dir));
        let _ = harness.try_snapshot_options(&name, &options);
        let erp = {
            let model = &harness.state().model;
            model
                .releases()
                .iter()
                .find(|r| r.subject.contains("하반기") && r.subject.contains("3단계"))
                .unwrap()
                .id
        };
        harness.state_mut().id = erp;
        harness.run();
        let _ = harness.try_snapshot_options(format!("erp_phase3_{}", language.code()), &options);
    }
}

#[test]
fn the_sections_speak_korean() {
    let (_dir, mut model) = release_in(Stage::VerifyMonitor);
    model
        .apply(Command::Lifecycle(LifecycleCommand::Move {
            id: ReleaseId(1),
            to: Stage::Rollback,
            outcome: None,
            downtime_minutes: 90,
            reason: "ATM 인증 실패".into(),
            override_reason: String::new(),
            restore_minutes: None,
        }))
        .unwrap();
    let mut harness = harness(model, 1, Language::Ko);
    harness.run();
    for text in
        ["개발 및 테스트 단계로 이동", "롤백 1회", "서비스 중단 시간: 1시간 30분", "단계 이력", "빅뱅 배포"]
    {
        assert!(harness.query_by_label(text).is_some(), "{text} not shown");
    }
    assert!(harness.query_by_label("서비스 중단: 배포 중 예상치 못한 장애").is_some());
    assert!(harness.query_by_label("Move to Build & Test").is_none());
}

#[test]
fn the_release_page_carries_the_lifecycle_sections() {
    let (_dir, model) = release_in(Stage::Plan);
    let mut app = release_desk::ui::ReleaseDeskApp::from_model(model);
    app.set_system_language(Language::En);
    let mut harness = Harness::builder()
        .with_size([1280.0, 2600.0])
        .with_context_setup(fonts::install)
        .build_ui_state(|ui, app: &mut release_desk::ui::ReleaseDeskApp| app.root_ui(ui), app);
    harness.run();
    harness.get_by_label("#1").click();
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    for (tab, title) in [
        ("Overview", "Changes and CIs"),
        ("Plans", "Deployment strategy"),
        ("Risks", "Risk register"),
        ("Lifecycle", "Readiness"),
    ] {
        harness.get_all_by_label(tab).next().unwrap().click();
        harness.run();
        assert!(harness.query_by_label_contains(title).is_some(), "{title} is not on the {tab} tab");
    }
    harness.get_by_label("Move to Build & Test").click();
    harness.run();
    let model = harness.state().model().unwrap();
    assert_eq!(model.release(ReleaseId(1)).unwrap().stage, Stage::BuildTest);
}

#[test]
fn a_status_marked_completed_ahead_of_the_lifecycle_is_pointed_out() {
    let (_dir, mut model) = release_in(Stage::VerifyMonitor);
    model
        .apply(Command::Release(ReleaseCommand::Edit {
            id: ReleaseId(1),
            edits: vec![release_desk::model::ReleaseEdit::Status(Status::Completed)],
        }))
        .unwrap();
    let mut harness = harness(model, 1, Language::En);
    harness.run();
    assert!(harness.query_by_label_contains("still at Verify & Monitor").is_some());
    assert!(harness.query_by_label("Move to Complete").is_some());
}
