//! The release KPIs: by month against the hand-computed fixture, time zones and filters, stored
//! targets, and the `kpi` and `chart` commands.

use crate::common::{model_with, temp_db};
use release_desk::model::{Command, Model, SettingsCommand};

fn kst() -> chrono::FixedOffset {
    chrono::FixedOffset::east_opt(9 * 3600).unwrap()
}

fn kpi_range() -> release_desk::domain::MonthRange {
    use release_desk::domain::{MonthRange, YearMonth};
    MonthRange::new(YearMonth::parse("2026-09").unwrap(), YearMonth::parse("2026-11").unwrap()).unwrap()
}

/// "Now" for the fixture's reports: after its last month, so every month is over.
fn after() -> release_desk::domain::Timestamp {
    use chrono::TimeZone as _;
    chrono::Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).single().unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn kpis_by_month_match_the_hand_computed_fixture() {
    use release_desk::domain::kpi::compute;
    use release_desk::domain::{Kpi, KpiFilter, KpiTargets};
    let releases = crate::common::kpi_fixture();
    let report =
        compute(&releases, &[], kpi_range(), KpiTargets::default(), KpiFilter::default(), after(), &kst());
    let [sep, oct, nov] = report.months.as_slice() else { panic!("three months") };

    // September: #1 success, #2 rolled back then completed, #3 failed; #4 is in Trash.
    assert_eq!(
        (sep.counts.closed, sep.counts.successful, sep.counts.rolled_back, sep.counts.failed),
        (3, 1, 1, 1)
    );
    assert!(close(sep.counts.success_rate().unwrap(), 1.0 / 3.0));
    assert!(close(sep.counts.rollback_rate().unwrap(), 1.0 / 3.0));
    // Overruns: 252/240 - 1 = 0.05 and 180/120 - 1 = 0.5; #3 has no work end.
    assert_eq!(sep.counts.timed, 2);
    assert!(close(sep.counts.deploy_time_overrun().unwrap(), 0.275));
    assert!(close(sep.counts.within_10pct_share().unwrap(), 0.5));
    assert!(close(sep.counts.downtime_hours(), 2.0));
    assert!(close(sep.counts.emergency_share().unwrap(), 1.0 / 3.0));
    assert_eq!(report.month_meets(sep, Kpi::SuccessRate), Some(false));
    assert_eq!(report.month_meets(sep, Kpi::DeployTime), Some(false));
    assert_eq!(report.month_meets(sep, Kpi::Downtime), Some(true));

    // October: nothing closed (in KST), so no rate at all; downtime is 0 h.
    assert_eq!(oct.counts.closed, 0);
    for kpi in [Kpi::SuccessRate, Kpi::RollbackRate, Kpi::DeployTime] {
        assert_eq!(oct.counts.value(kpi), None, "{kpi:?}");
        assert_eq!(report.month_meets(oct, kpi), None);
    }
    assert_eq!(oct.counts.within_10pct_share(), None);
    assert_eq!(oct.counts.value(Kpi::Downtime), Some(0.0));

    // November: #5 (00:30 on the 1st, KST) and #6 (23:59 on the 30th); #7 falls in December.
    assert_eq!((nov.counts.closed, nov.counts.successful), (2, 2));
    assert_eq!(nov.counts.success_rate(), Some(1.0));
    assert_eq!(nov.counts.rollback_rate(), Some(0.0));
    assert_eq!((nov.counts.timed, nov.counts.within_10pct), (1, 1));
    assert!(close(nov.counts.deploy_time_overrun().unwrap(), 0.0));

    // Open at month end: #8 always; #5, #6, #7 until they close.
    assert_eq!([sep.open_at_end, oct.open_at_end, nov.open_at_end], [4, 4, 2]);

    // The period pools all five closed releases; downtime is judged as hours a month.
    assert_eq!(report.total.closed, 5);
    assert!(close(report.period_value(Kpi::SuccessRate).unwrap(), 0.6));
    assert!(close(report.period_value(Kpi::RollbackRate).unwrap(), 0.2));
    assert!(close(report.period_value(Kpi::DeployTime).unwrap(), 0.55 / 3.0));
    assert!(close(report.period_value(Kpi::Downtime).unwrap(), 2.0 / 3.0));
    assert_eq!(report.months_off_target(Kpi::SuccessRate), 1, "September only; October has no rate");
    // Nothing closed in the three months before.
    assert_eq!(report.previous.closed, 0);
    assert_eq!(report.change(Kpi::SuccessRate), None);
}

#[test]
fn kpi_months_follow_the_time_zone_and_filters() {
    use release_desk::domain::kpi::{compute, releases_behind};
    use release_desk::domain::{GroupId, Kpi, KpiFilter, KpiTargets, ReleaseType, YearMonth};
    let releases = crate::common::kpi_fixture();
    // In UTC, #5 closed on 31 October and #7 on 30 November.
    let utc = compute(
        &releases,
        &[],
        kpi_range(),
        KpiTargets::default(),
        KpiFilter::default(),
        after(),
        &chrono::Utc,
    );
    let closed: Vec<u32> = utc.months.iter().map(|m| m.counts.closed).collect();
    assert_eq!(closed, [3, 1, 2]);

    let emergency = KpiFilter { release_type: Some(ReleaseType::Emergency), ..KpiFilter::default() };
    let report = compute(&releases, &[], kpi_range(), KpiTargets::default(), emergency, after(), &kst());
    assert_eq!(report.months[0].counts.closed, 1);
    assert_eq!(report.months[0].counts.success_rate(), Some(0.0));
    assert_eq!(report.total.closed, 1);
    let group = KpiFilter { group: Some(GroupId(2)), ..KpiFilter::default() };
    assert_eq!(
        compute(&releases, &[], kpi_range(), KpiTargets::default(), group, after(), &kst()).total.closed,
        1
    );

    // The releases behind a month's number.
    let sep = YearMonth::parse("2026-09").unwrap();
    let ids = |rows: Vec<usize>| rows.into_iter().map(|i| releases[i].id.0).collect::<Vec<_>>();
    assert_eq!(
        ids(releases_behind(&releases, &[], sep, Kpi::SuccessRate, KpiFilter::default(), &kst())),
        [1, 2, 3]
    );
    assert_eq!(
        ids(releases_behind(&releases, &[], sep, Kpi::DeployTime, KpiFilter::default(), &kst())),
        [1, 2]
    );
    let nov = YearMonth::parse("2026-11").unwrap();
    assert_eq!(
        ids(releases_behind(&releases, &[], nov, Kpi::SuccessRate, KpiFilter::default(), &kst())),
        [5, 6]
    );
}

#[test]
fn kpi_targets_persist_validate_and_undo() {
    use release_desk::domain::KpiTargets;
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![]);
    assert_eq!(model.settings().kpi_targets, KpiTargets::default());
    let strict = KpiTargets {
        success_rate: 0.99,
        rollback_rate: 0.02,
        deploy_time_overrun: 0.05,
        downtime_hours: 2.5,
        hotfix_lead_time_hours: 0.5,
        ..KpiTargets::default()
    };
    let applied = model.apply(Command::Settings(SettingsCommand::SetKpiTargets(strict))).unwrap();
    assert_eq!(model.settings().kpi_targets, strict);
    drop(model);
    let mut model = Model::open(&path).unwrap();
    assert_eq!(model.settings().kpi_targets, strict, "targets survive a reopen");

    let bad = KpiTargets { success_rate: 1.5, ..strict };
    let err = model.apply(Command::Settings(SettingsCommand::SetKpiTargets(bad))).unwrap_err();
    assert!(err.to_string().contains("between 0 % and 100 %"), "{err}");
    assert_eq!(model.settings().kpi_targets, strict, "memory unchanged after a refusal");

    model.revert(applied).unwrap();
    assert_eq!(model.settings().kpi_targets, KpiTargets::default(), "undo restores the defaults");
    assert_eq!(model.snapshot(), model.reload_snapshot().unwrap());
}

fn kpi_cli(db: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_release-desk"))
        .env("TZ", "Asia/Seoul")
        .args(["--db", db])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn cli_kpi_json_has_nulls_for_months_without_rates() {
    let (_dir, path) = temp_db();
    drop(model_with(&path, crate::common::kpi_fixture()));
    let db = path.to_str().unwrap();
    let out = kpi_cli(db, &["kpi", "--from", "2026-09", "--to", "2026-11", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["targets"]["success_rate"], 0.95);
    assert_eq!(json["targets"]["downtime_hours"], 4.0);
    let months = json["months"].as_array().unwrap();
    assert_eq!(months.len(), 3);
    assert_eq!(months[0]["month"], "2026-09");
    assert_eq!(months[0]["closed"], 3);
    assert_eq!(months[0]["successful"], 1);
    assert_eq!(months[0]["rolled_back"], 1);
    assert_eq!(months[0]["failed"], 1);
    assert_eq!(months[0]["success_rate"], 0.333333);
    assert_eq!(months[0]["deploy_time_overrun"], 0.275);
    assert_eq!(months[0]["within_10pct_share"], 0.5);
    assert_eq!(months[0]["downtime_hours"], 2.0);
    assert_eq!(months[1]["month"], "2026-10");
    for key in ["success_rate", "rollback_rate", "deploy_time_overrun", "within_10pct_share"] {
        assert!(months[1][key].is_null(), "{key}: {}", months[1][key]);
    }
    assert_eq!(months[1]["downtime_hours"], 0.0);
    assert_eq!(months[2]["closed"], 2, "the release closed at 00:30 on 1 November (KST) counts in November");
    assert_eq!(json["total"]["closed"], 5);
    assert_eq!(json["total"]["success_rate"], 0.6);

    let out = kpi_cli(db, &["kpi", "--from", "2026-09", "--to", "2026-11", "--format", "csv"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("month,closed,successful,rolled_back,failed,success_rate"));
    assert!(lines[2].starts_with("2026-10,0,0,0,0,,,0,,,0,"), "{}", lines[2]);
    assert!(lines[4].starts_with("total,5,3,1,"), "{}", lines[4]);

    let out = kpi_cli(db, &["--lang", "ko", "kpi", "--from", "2026-09", "--to", "2026-11"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("릴리스 성공률") && text.contains("33.3% !"), "{text}");
}

fn svg_polylines_by_stroke(svg: &str) -> std::collections::BTreeMap<String, usize> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let mut strokes = std::collections::BTreeMap::new();
    for node in doc.descendants().filter(|n| n.has_tag_name("polyline")) {
        *strokes.entry(node.attribute("stroke").unwrap_or("").to_uppercase()).or_insert(0) += 1;
    }
    strokes
}

fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02X}{g:02X}{b:02X}")
}

#[test]
fn cli_chart_svg_holds_each_series_and_target_and_korean_labels() {
    use release_desk::domain::Kpi;
    use release_desk::export::chart::{TARGET_RGB, kpi_rgb};
    let (dir, path) = temp_db();
    drop(model_with(&path, crate::common::kpi_fixture()));
    let db = path.to_str().unwrap();
    let out_path = dir.path().join("kpi-2026-11.svg");
    let out = kpi_cli(
        db,
        &[
            "--lang",
            "ko",
            "chart",
            "--out",
            out_path.to_str().unwrap(),
            "--kpi",
            "all",
            "--from",
            "2026-09",
            "--to",
            "2026-11",
        ],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let svg = std::fs::read_to_string(&out_path).unwrap();
    let strokes = svg_polylines_by_stroke(&svg);
    // The summary page holds the brief's four.
    for kpi in Kpi::BRIEF {
        assert!(
            strokes.get(&hex(kpi_rgb(kpi))).copied().unwrap_or(0) >= 1,
            "{kpi:?} series missing: {strokes:?}"
        );
    }
    assert_eq!(strokes.get(&hex(TARGET_RGB)), Some(&4), "one target line per chart: {strokes:?}");
    let doc = roxmltree::Document::parse(&svg).unwrap();
    // Text is drawn as glyph outlines of the bundled font (renders without Korean fonts
    // installed), each path naming its text for search and screen readers.
    assert!(!doc.descendants().any(|n| n.has_tag_name("text")), "no <text> that needs a font");
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("path"))
        .filter_map(|n| {
            assert!(n.attribute("d").is_some_and(|d| d.starts_with('M') || d.is_empty()));
            n.attribute("aria-label")
        })
        .collect();
    for label in ["릴리스 성공률", "롤백률", "배포 시간 초과율", "다운타임", "릴리스 KPI"]
    {
        assert!(texts.iter().any(|t| t.contains(label)), "{label} not in {texts:?}");
    }
    assert!(texts.iter().any(|t| t.contains("목표")), "Korean target label");
    let hangul = doc.descendants().find(|n| n.attribute("aria-label") == Some("롤백률")).unwrap();
    assert!(hangul.attribute("d").unwrap().matches('M').count() >= 3, "롤백률 has its glyphs' contours");

    // One KPI: its series and one target line, English labels.
    let one = dir.path().join("rollback.svg");
    let out = kpi_cli(
        db,
        &[
            "--lang",
            "en",
            "chart",
            "--out",
            one.to_str().unwrap(),
            "--kpi",
            "rollback-rate",
            "--from",
            "2026-09",
            "--to",
            "2026-11",
        ],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let svg = std::fs::read_to_string(&one).unwrap();
    let strokes = svg_polylines_by_stroke(&svg);
    assert!(strokes.contains_key(&hex(kpi_rgb(Kpi::RollbackRate))));
    assert!(!strokes.contains_key(&hex(kpi_rgb(Kpi::SuccessRate))));
    assert_eq!(strokes.get(&hex(TARGET_RGB)), Some(&1));
    assert!(svg.contains("Rollback rate"));
}

#[test]
fn cli_chart_png_decodes_at_the_asked_size() {
    let (dir, path) = temp_db();
    drop(model_with(&path, crate::common::kpi_fixture()));
    let db = path.to_str().unwrap();
    for (kpi, w, h) in [("all", 900_u32, 640_u32), ("downtime", 640, 360)] {
        let out_path = dir.path().join(format!("{kpi}.png"));
        let (ws, hs) = (w.to_string(), h.to_string());
        let out = kpi_cli(
            db,
            &[
                "--lang",
                "ko",
                "chart",
                "--out",
                out_path.to_str().unwrap(),
                "--kpi",
                kpi,
                "--width",
                &ws,
                "--height",
                &hs,
            ],
        );
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&out_path).unwrap()));
        let mut reader = decoder.read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut pixels).unwrap();
        assert_eq!((info.width, info.height), (w, h));
        assert!(pixels.iter().any(|&p| p < 128), "something is drawn");
    }
}

#[test]
fn cli_kpi_and_chart_refuse_bad_arguments_in_one_line() {
    let (dir, path) = temp_db();
    drop(model_with(&path, crate::common::kpi_fixture()));
    let db = path.to_str().unwrap();
    let jpg = dir.path().join("chart.jpg");
    let svg = dir.path().join("chart.svg");
    for args in [
        vec!["kpi", "--from", "2026-13"],
        vec!["kpi", "--from", "2026-11", "--to", "2026-01"],
        vec!["kpi", "--format", "xml"],
        vec!["chart", "--out", jpg.to_str().unwrap()],
        vec!["chart", "--out", svg.to_str().unwrap(), "--kpi", "happiness"],
        vec!["chart", "--out", svg.to_str().unwrap(), "--width", "10"],
        vec!["chart", "--out", svg.to_str().unwrap(), "--height", "-5"],
        vec!["chart"],
    ] {
        let out = kpi_cli(db, &args);
        assert!(!out.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.trim_end().lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.starts_with("release-desk: "), "{stderr}");
    }
    assert!(!jpg.exists() && !svg.exists(), "nothing written on a refusal");
}
