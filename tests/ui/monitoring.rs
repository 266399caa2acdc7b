//! The monitoring section of the release page in the window (issue 18, item 2): a reading added
//! from the page that breaches shows in red with "Roll back…", which opens the lifecycle's own
//! Rollback dialog with the breach written in as the reason; and the Korean section as a snapshot.

use crate::{page_of_3_with, show_tab, type_into};
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use release_desk::domain::{Language, MetricName, ReleaseId, Stage};
use release_desk::model::{Command, MonitoringCommand};

const R: ReleaseId = ReleaseId(3);

fn at_verify(r: &mut release_desk::domain::Release) {
    if r.id == R {
        r.stage = Stage::VerifyMonitor;
    }
}

#[test]
fn a_breaching_reading_added_on_the_page_shows_red_and_rolls_back_through_the_lifecycle_dialog() {
    let (_dir, mut harness) = page_of_3_with(at_verify);
    harness.set_size(egui::vec2(1360.0, 1600.0));
    harness.run();
    show_tab(&mut harness, "Lifecycle");
    assert!(harness.query_by_label("Monitoring after deploy").is_some());
    assert!(harness.query_by_label("No readings yet.").is_some());
    type_into(&mut harness, Role::TextInput, "Phase", "10 % of users");
    type_into(&mut harness, Role::TextInput, "Value", "4.2");
    harness.get_by_role_and_label(Role::Button, "Add reading").click();
    harness.run();
    harness.run();
    let model = harness.state().model().unwrap();
    assert_eq!(model.readings_of(R).len(), 1, "recorded through the command");
    assert_eq!(model.readings_of(R)[0].metric, MetricName::ErrorRatePercent);
    assert_eq!(model.breaches_of(R).len(), 1);
    let breach = "Error rate 4.2 % (10 % of users) is beyond its threshold: at most 1 %";
    assert!(harness.query_by_label(breach).is_some(), "the breach is shown");
    assert!(harness.query_by_label("Monitoring after deploy: 1 breach(es)").is_some());
    harness.get_by_role_and_label(Role::Button, "Roll back…").click();
    harness.run();
    harness.run();
    assert!(harness.query_by_label("Roll back release #3").is_some(), "the lifecycle's dialog opened");
    let reason = harness.get_by_label("Reason (required)");
    assert_eq!(reason.accesskit_node().value().as_deref(), Some(breach), "the breach is the reason");
    harness.get_by_role_and_label(Role::Button, "Roll back").click();
    harness.run();
    harness.run();
    let model = harness.state().model().unwrap();
    let release = model.release(R).unwrap();
    assert_eq!((release.stage, release.rollback_count), (Stage::Rollback, 1));
    assert_eq!(model.stage_history(R).last().unwrap().note, breach);
    assert!(harness.query_by_role_and_label(Role::Button, "Add reading").is_none(), "no more readings");
}

#[test]
fn the_korean_monitoring_section_with_a_breach() {
    let (_dir, mut harness) = page_of_3_with(at_verify);
    harness.state_mut().set_system_language(Language::Ko);
    let model = harness.state_mut().model_mut().unwrap();
    model.set_clock(Box::new(|| crate::common::at(2)));
    for (metric, phase, value, hours) in [
        (MetricName::ErrorRatePercent, "10 % 사용자", 0.4, -3),
        (MetricName::ErrorRatePercent, "10 % 사용자", 0.6, -2),
        (MetricName::ErrorRatePercent, "전체 사용자", 2.6, -1),
        (MetricName::P95LatencyMs, "10 % 사용자", 420.0, -3),
        (MetricName::P95LatencyMs, "전체 사용자", 470.0, -1),
    ] {
        let at = Some(crate::common::at(hours));
        let command =
            MonitoringCommand::AddReading { release: R, metric, phase: Some(phase.into()), value, at };
        model.apply(Command::Monitoring(command)).unwrap();
    }
    harness.set_size(egui::vec2(1280.0, 1500.0));
    harness.run();
    show_tab(&mut harness, "생명주기");
    assert!(harness.query_by_label("배포 후 모니터링: 임계값 초과 1건").is_some());
    assert!(harness.query_by_role_and_label(Role::Button, "롤백…").is_some());
    assert!(
        harness.query_by_label_contains("오류율 2.6 % (전체 사용자)이(가) 임계값을 넘었습니다").is_some()
    );
    let path = harness.get_by_label_contains("desk.sqlite3").accesskit_node().bounding_box().unwrap();
    harness.mask(egui::Rect::from_min_max(
        egui::pos2(path.x0 as f32, path.y0 as f32),
        egui::pos2(1280.0, path.y1 as f32),
    ));
    harness.snapshot("monitoring_breach_ko");
}
