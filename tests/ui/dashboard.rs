//! The dashboard: KPI cards, a clicked month's releases, the period selector, targets and exports,
//! and the Korean help.

use crate::common::{model_with, temp_db};
use crate::{fixture, harness};
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use release_desk::domain::ReleaseId;
use release_desk::ui::ReleaseDeskApp;

fn dashboard_fixture() -> (tempfile::TempDir, ReleaseDeskApp) {
    let (dir, path) = temp_db();
    let mut releases: Vec<_> =
        crate::common::kpi_fixture().into_iter().filter(|r| ![5, 6, 7].contains(&r.id.0)).collect();
    let mut late = crate::common::closed_release(
        5,
        crate::common::utc(2026, 11, 12, 12, 0),
        release_desk::domain::Outcome::Successful,
        0,
        60,
        Some(60),
        0,
    );
    late.subject = "November ERP patch".into();
    releases.push(late);
    releases[0].subject = "September mobile release".into();
    releases.sort_by_key(|r| r.id);
    let model = model_with(&path, releases);
    (dir, ReleaseDeskApp::from_model(model))
}

#[test]
fn the_dashboard_shows_four_cards_and_a_clicked_month_lists_its_releases() {
    let (_dir, app) = dashboard_fixture();
    let mut harness = harness(app);
    // Tall enough that the monthly table under the charts is on screen without scrolling.
    harness.set_size(egui::vec2(1360.0, 2900.0));
    harness.run();
    harness.get_by_label("Dashboard").click();
    harness.run();
    assert_eq!(harness.state().shown_screen(), release_desk::ui::screens::dashboard::ID);
    for name in ["Success rate", "Rollback rate", "Deployment time overrun", "Downtime"] {
        assert!(harness.query_all_by_label(name).count() >= 2, "{name}: a card and a chart");
    }
    // Period values over the last 12 months: 2 of 4 successful, 1 of 4 rolled back.
    assert!(harness.query_all_by_label("50.0%").count() >= 1, "success rate card");
    assert!(harness.query_all_by_label("25.0%").count() >= 1, "rollback rate card");
    assert!(harness.query_all_by_label("Off target").count() >= 2);
    assert!(harness.query_by_label("September mobile release").is_none(), "no month picked yet");

    harness.get_by_label("Sep 2026").click();
    harness.run();
    assert!(harness.query_by_label("September mobile release").is_some(), "the month's releases are listed");
    assert!(harness.query_by_label("KPI fixture release 2").is_some());
    assert!(harness.query_by_label("November ERP patch").is_none(), "only September's");
    assert!(harness.query_by_label("KPI fixture release 4").is_none(), "Trash is left out");

    // Opening one from the list.
    harness.get_by_label("#1").click();
    harness.run();
    assert_eq!(harness.state().active_page(), Some(ReleaseId(1)), "the release opens as a page");
}

#[test]
fn the_dashboard_period_selector_and_custom_months() {
    use release_desk::ui::screens::dashboard::PeriodChoice;
    let (_dir, app) = dashboard_fixture();
    let mut harness = harness(app);
    harness.run();
    harness.get_by_label("Dashboard").click();
    harness.run();
    harness.get_by_label("Last 3 months").click();
    harness.run();
    assert_eq!(harness.state().dashboard().unwrap().period, PeriodChoice::Last(3));
    assert!(harness.query_by_label_contains("Sep 2026 – Nov 2026").is_some());
    harness.get_by_label("Custom").click();
    harness.run();
    assert_eq!(harness.state().dashboard().unwrap().period, PeriodChoice::Custom);
    assert_eq!(
        harness.state().dashboard().unwrap().custom_from.map(|m| m.to_string()).as_deref(),
        Some("2026-09")
    );
    // A reversed range is refused with a message (the dashboard falls back to the last month).
    harness.state_mut().dashboard_mut().unwrap().custom_from =
        release_desk::domain::YearMonth::parse("2027-01");
    harness.run();
    assert!(harness.query_by_label_contains("is after the last month").is_some());
}

#[test]
fn kpi_targets_edit_in_the_dashboard_and_exports_run_off_the_ui_thread() {
    let (dir, app) = dashboard_fixture();
    let mut harness = harness(app);
    harness.run();
    harness.get_by_label("Dashboard").click();
    harness.run();
    harness.get_by_label("Targets…").click();
    harness.run();
    assert!(harness.query_by_label("KPI targets").is_some());
    harness.get_by_label("Save targets").click();
    harness.run();
    assert!(harness.query_by_label("KPI targets").is_none(), "saving closes the editor");

    let out = dir.path().join("kpi-2026-11.png");
    harness.state_mut().export_kpi_chart(release_desk::export::chart::ChartKind::Summary, out.clone());
    for _ in 0..600 {
        harness.run();
        if !harness.state().dashboard().unwrap().exporting() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let (message, failed) = harness.state().dashboard().unwrap().export_status().cloned().unwrap();
    assert!(!failed, "{message}");
    assert!(message.contains("kpi-2026-11.png"), "{message}");
    assert!(std::fs::read(&out).unwrap().starts_with(b"\x89PNG"));
}

#[test]
fn help_explains_the_kpis_in_korean() {
    let (_dir, app) = fixture();
    let mut harness = harness(app);
    harness.run();
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("한국어").click();
    harness.run();
    harness.get_by_label("도움말").click();
    harness.run();
    harness.get_by_label("KPI 정의").click();
    harness.run();
    assert!(harness.query_by_label_contains("한 번 이상 롤백된 종료 릴리스").is_some());
}

#[test]
fn the_view_menu_lists_every_screen_and_switches_to_it() {
    let (_dir, app) = dashboard_fixture();
    let mut harness = harness(app);
    harness.run();
    harness.get_by_label("View").click();
    harness.run();
    // The registry's screens, in its order, as radio buttons (the release list is shown).
    let radios: Vec<String> = harness
        .query_all_by_role(egui::accesskit::Role::RadioButton)
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert_eq!(radios[..2], ["Release list".to_owned(), "Dashboard".to_owned()], "{radios:?}");
    harness.get_by_role_and_label(egui::accesskit::Role::RadioButton, "Dashboard").click();
    harness.run();
    assert_eq!(harness.state().shown_screen(), release_desk::ui::screens::dashboard::ID);
    assert!(harness.query_all_by_label("Success rate").count() >= 2, "the dashboard is drawn");
}

#[test]
fn the_dashboard_counts_the_releases_closed_without_a_review() {
    let (_dir, app) = dashboard_fixture();
    let mut harness = harness(app);
    harness.set_size(egui::vec2(1360.0, 2900.0));
    harness.run();
    harness.get_by_label("Dashboard").click();
    harness.run();
    // The fixture's four completed releases have no review: each is named, to open.
    for id in ["#1 ", "#2 ", "#3 ", "#5 November ERP patch"] {
        assert!(harness.query_by_label_contains(id).is_some(), "{id} is named");
    }
    harness.get_by_label("#5 November ERP patch").click();
    harness.run();
    assert_eq!(harness.state().active_page(), Some(ReleaseId(5)));
}

#[test]
fn months_without_closures_and_the_unfinished_month_are_no_data() {
    let (_dir, app) = dashboard_fixture();
    let mut harness = harness(app);
    harness.set_size(egui::vec2(1360.0, 2900.0));
    harness.run();
    harness.get_by_label("Dashboard").click();
    harness.run();
    // "Now" is 26 November 2026: November is not over, so it is marked and never judged.
    assert!(harness.query_by_label("Nov 2026 · in progress").is_some(), "the unfinished month is marked");
    assert!(harness.query_by_label("Oct 2026").is_some());
    // Of the twelve months only September and November closed releases: no other month shows a
    // downtime of 0 h (November's one release had none, which is data).
    let zero_hours = harness.query_all_by_label("0.0 h").count();
    assert!(zero_hours <= 1, "months without closures show –, not 0.0 h ({zero_hours})");
    // The delivery metrics have their cards and charts.
    for name in ["Deployments", "Lead time", "Change failure rate", "Recovery time", "Hot-fix lead time"] {
        assert!(harness.query_all_by_label(name).count() >= 2, "{name}: a card and a chart");
    }
}

/// How many pixels of the bar's fill colour a progress bar at 0 % shows (egui's own bar, or ours).
fn fill_pixels_at_zero(ours: bool) -> usize {
    let mut harness = egui_kittest::Harness::builder().with_size([260.0, 40.0]).build_ui(move |ui| {
        let progress = if ours {
            release_desk::ui::widgets::progress_bar(0.0, "0%".to_owned(), 200.0)
        } else {
            egui::ProgressBar::new(0.0).desired_width(200.0).show_percentage()
        };
        ui.add(progress);
    });
    harness.run();
    let fill = egui::Visuals::dark().selection.bg_fill;
    let image = harness.render().unwrap();
    let near = |a: u8, b: u8| a.abs_diff(b) <= 12;
    image
        .pixels()
        .filter(|p| near(p.0[0], fill.r()) && near(p.0[1], fill.g()) && near(p.0[2], fill.b()))
        .count()
}

#[test]
fn an_export_at_0_percent_draws_no_dot_under_its_figure() {
    assert!(fill_pixels_at_zero(false) > 0, "egui's bar draws a dot of its fill at 0 %");
    assert_eq!(fill_pixels_at_zero(true), 0, "the dashboard's export bar draws only its figure");
}
