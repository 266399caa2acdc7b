//! The delivery metrics (deployments, lead time, change failure rate, recovery time, hot-fix lead
//! time) over a hand-computed fixture with stage histories, in KST: a redeploy after a rollback,
//! a release never deployed, a month with no data, a rollback that crosses a month boundary and
//! a deleted release; the `kpi --format json` keys, checked against an independent computation
//! over `list --format json`.

use chrono::Duration;
use release_desk::domain::kpi::{
    Kpi, KpiFilter, KpiTargets, MonthRange, YearMonth, compute, releases_behind,
};
use release_desk::domain::{
    Outcome, Release, ReleaseId, ReleaseType, Stage, StageEntry, StageEntryId, Status, Timestamp,
};
use release_desk::store::{Mutation, Store};

use crate::common::{people, plain, temp_db, utc};

fn kst() -> chrono::FixedOffset {
    chrono::FixedOffset::east_opt(9 * 3600).unwrap()
}

fn range() -> MonthRange {
    MonthRange::new(YearMonth::parse("2026-09").unwrap(), YearMonth::parse("2026-11").unwrap()).unwrap()
}

fn after() -> Timestamp {
    utc(2027, 1, 1, 0, 0)
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

fn release(id: i64, release_type: ReleaseType, created: Timestamp) -> Release {
    let mut r = plain(id, &format!("Delivery fixture release {id}"));
    r.release_type = release_type;
    r.created_at = created;
    r.updated_at = created;
    r
}

fn closed(mut r: Release, at: Timestamp, outcome: Outcome, rollbacks: u32) -> Release {
    r.status = Status::Completed;
    r.stage = Stage::Complete;
    r.outcome = Some(outcome);
    r.closed_at = Some(at);
    r.rollback_count = rollbacks;
    r
}

/// The fixture (times UTC; months counted in KST, UTC+9):
///
/// | id | type      | history (UTC)                                                          |
/// |----|-----------|------------------------------------------------------------------------|
/// | 1  | Standard  | created 09-01 00:00; Deploy 09-03 00:00 (lead 48 h); Rollback 09-03 02:00; Deploy 09-04 02:00 (recovery 24 h); Complete 09-05, successful |
/// | 2  | Emergency | created 09-10 00:00; Deploy 09-10 00:45 (lead 0.75 h); Complete 09-10 02:00, successful |
/// | 3  | Standard  | created 09-15; Build & Test only: never deployed |
/// | 4  | Emergency | created 11-30 10:00; Deploy 11-30 12:00 (21:00 KST, lead 2 h); Rollback 11-30 14:00 (23:00 KST); Deploy 11-30 16:30 (01:30 KST on 1 December: recovery 2.5 h, counted in November) |
/// | 5  | Minor     | created 11-02 00:00; Deploy 11-05 00:00 (lead 72 h); Complete 11-06, failed |
/// | 6  | Standard  | in Trash: Deploy 09-20 (never counted) |
///
/// October has no event at all.
fn fixture() -> (Vec<Release>, Vec<StageEntry>) {
    let r1 = closed(
        release(1, ReleaseType::Standard, utc(2026, 9, 1, 0, 0)),
        utc(2026, 9, 5, 0, 0),
        Outcome::Successful,
        1,
    );
    let r2 = closed(
        release(2, ReleaseType::Emergency, utc(2026, 9, 10, 0, 0)),
        utc(2026, 9, 10, 2, 0),
        Outcome::Successful,
        0,
    );
    let mut r3 = release(3, ReleaseType::Standard, utc(2026, 9, 15, 0, 0));
    r3.stage = Stage::BuildTest;
    let mut r4 = release(4, ReleaseType::Emergency, utc(2026, 11, 30, 10, 0));
    r4.stage = Stage::Deploy;
    r4.rollback_count = 1;
    let r5 = closed(
        release(5, ReleaseType::Minor, utc(2026, 11, 2, 0, 0)),
        utc(2026, 11, 6, 0, 0),
        Outcome::Failed,
        0,
    );
    let mut r6 = release(6, ReleaseType::Standard, utc(2026, 9, 19, 0, 0));
    r6.stage = Stage::Deploy;
    r6.deleted_at = Some(utc(2026, 9, 21, 0, 0));
    let steps: Vec<(i64, Stage, Timestamp)> = vec![
        (1, Stage::Plan, utc(2026, 9, 1, 0, 0)),
        (1, Stage::BuildTest, utc(2026, 9, 1, 1, 0)),
        (1, Stage::DeploymentPrep, utc(2026, 9, 2, 0, 0)),
        (1, Stage::Deploy, utc(2026, 9, 3, 0, 0)),
        (1, Stage::VerifyMonitor, utc(2026, 9, 3, 1, 0)),
        (1, Stage::Rollback, utc(2026, 9, 3, 2, 0)),
        (1, Stage::BuildTest, utc(2026, 9, 3, 5, 0)),
        (2, Stage::Plan, utc(2026, 9, 10, 0, 0)),
        (2, Stage::BuildTest, utc(2026, 9, 10, 0, 10)),
        (1, Stage::DeploymentPrep, utc(2026, 9, 4, 0, 0)),
        (2, Stage::DeploymentPrep, utc(2026, 9, 10, 0, 30)),
        (2, Stage::Deploy, utc(2026, 9, 10, 0, 45)),
        (1, Stage::Deploy, utc(2026, 9, 4, 2, 0)),
        (2, Stage::VerifyMonitor, utc(2026, 9, 10, 1, 0)),
        (2, Stage::Complete, utc(2026, 9, 10, 2, 0)),
        (1, Stage::VerifyMonitor, utc(2026, 9, 4, 3, 0)),
        (1, Stage::Complete, utc(2026, 9, 5, 0, 0)),
        (3, Stage::Plan, utc(2026, 9, 15, 0, 0)),
        (3, Stage::BuildTest, utc(2026, 9, 16, 0, 0)),
        (6, Stage::Plan, utc(2026, 9, 19, 0, 0)),
        (6, Stage::BuildTest, utc(2026, 9, 19, 1, 0)),
        (6, Stage::DeploymentPrep, utc(2026, 9, 19, 2, 0)),
        (6, Stage::Deploy, utc(2026, 9, 20, 0, 0)),
        (5, Stage::Plan, utc(2026, 11, 2, 0, 0)),
        (5, Stage::BuildTest, utc(2026, 11, 3, 0, 0)),
        (5, Stage::DeploymentPrep, utc(2026, 11, 4, 0, 0)),
        (5, Stage::Deploy, utc(2026, 11, 5, 0, 0)),
        (5, Stage::VerifyMonitor, utc(2026, 11, 5, 1, 0)),
        (5, Stage::Complete, utc(2026, 11, 6, 0, 0)),
        (4, Stage::Plan, utc(2026, 11, 30, 10, 0)),
        (4, Stage::BuildTest, utc(2026, 11, 30, 10, 20)),
        (4, Stage::DeploymentPrep, utc(2026, 11, 30, 11, 0)),
        (4, Stage::Deploy, utc(2026, 11, 30, 12, 0)),
        (4, Stage::Rollback, utc(2026, 11, 30, 14, 0)),
        (4, Stage::BuildTest, utc(2026, 11, 30, 15, 0)),
        (4, Stage::DeploymentPrep, utc(2026, 11, 30, 16, 0)),
        (4, Stage::Deploy, utc(2026, 11, 30, 16, 30)),
    ];
    let entries = steps
        .into_iter()
        .enumerate()
        .map(|(i, (release, stage, at))| StageEntry {
            id: StageEntryId(i as i64 + 1),
            release_id: ReleaseId(release),
            stage,
            entered_at: at,
            actor: None,
            note: String::new(),
            override_reason: String::new(),
            outcome: (stage == Stage::Complete).then_some(if release == 5 {
                Outcome::Failed
            } else {
                Outcome::Successful
            }),
            downtime_minutes: 0,
            restore_minutes: None,
            restore_target_minutes: None,
        })
        .collect();
    (vec![r1, r2, r3, r4, r5, r6], entries)
}

#[test]
fn delivery_metrics_by_month_match_the_hand_computed_fixture() {
    let (releases, stages) = fixture();
    let report =
        compute(&releases, &stages, range(), KpiTargets::default(), KpiFilter::default(), after(), &kst());
    let [sep, oct, nov] = report.months.as_slice() else { panic!("three months") };

    // September: #1 deployed twice (a redeploy after its rollback counts again), #2 once; #6 is
    // in Trash; #3 was never deployed and has no lead time.
    let d = &sep.counts.delivery;
    assert_eq!((d.deployments, d.first_deployed), (3, 2));
    assert!(close(d.lead_time_median, (48.0 + 0.75) / 2.0));
    assert!(close(d.lead_time_p90, 48.0), "nearest rank: ceil(0.9 * 2) = 2nd of [0.75, 48]");
    assert!(close(sep.counts.change_failure_rate(), 0.5), "#1 rolled back, #2 clean");
    assert_eq!((d.rollbacks, d.recovered), (1, 1));
    assert!(close(d.recovery_median, 24.0));
    assert_eq!((d.hotfixes, d.hotfix_within), (1, 1));
    assert!(close(d.hotfix_median, 0.75));
    assert!(close(d.hotfix_within_share(), 1.0));
    assert_eq!(report.month_meets(sep, Kpi::HotfixLeadTime), Some(true));
    assert_eq!(report.month_meets(sep, Kpi::Deployments), Some(false), "3 < 4 a month");

    // October: no data at all. Deployments are a count (0); every median and rate is None.
    let d = &oct.counts.delivery;
    assert_eq!(d.deployments, 0);
    assert_eq!(oct.value(Kpi::Deployments), Some(0.0));
    for kpi in [Kpi::LeadTime, Kpi::ChangeFailureRate, Kpi::RecoveryTime, Kpi::HotfixLeadTime] {
        assert_eq!(oct.value(kpi), None, "{kpi:?}");
        assert_eq!(report.month_meets(oct, kpi), None, "{kpi:?}");
    }
    assert_eq!(d.lead_time_p90, None);
    assert_eq!(d.hotfix_within_share(), None);

    // November (KST): #4's first Deploy at 21:00 on the 30th and #5's; #4's redeploy is at 01:30
    // on 1 December. #4's rollback at 23:00 on the 30th counts here, recovered 2.5 h later.
    let d = &nov.counts.delivery;
    assert_eq!((d.deployments, d.first_deployed), (2, 2));
    assert!(close(d.lead_time_median, 37.0));
    assert!(close(d.lead_time_p90, 72.0));
    assert!(close(nov.counts.change_failure_rate(), 1.0), "#5 failed; #4 is not closed");
    assert!(close(d.recovery_median, 2.5));
    assert_eq!((d.hotfixes, d.hotfix_within), (1, 0));
    assert!(close(d.hotfix_median, 2.0));
    assert!(close(d.hotfix_within_share(), 0.0));
    assert_eq!(report.month_meets(nov, Kpi::HotfixLeadTime), Some(false));

    // The period pools the samples: lead [0.75, 2, 48, 72], recovery [2.5, 24], hot fixes [0.75, 2].
    let t = &report.total.delivery;
    assert_eq!(t.deployments, 5);
    assert!(close(report.period_value(Kpi::Deployments), 5.0 / 3.0), "a monthly mean");
    assert!(close(t.lead_time_median, 25.0));
    assert!(close(t.lead_time_p90, 72.0));
    assert!(close(report.period_value(Kpi::ChangeFailureRate), 2.0 / 3.0));
    assert!(close(t.recovery_median, 13.25));
    assert!(close(t.hotfix_median, 1.375));
    assert!(close(t.hotfix_within_share(), 0.5));

    // An editable hot-fix target: at 2 h, #4 is within it.
    let loose = KpiTargets { hotfix_lead_time_hours: 2.0, ..KpiTargets::default() };
    let report = compute(&releases, &stages, range(), loose, KpiFilter::default(), after(), &kst());
    assert_eq!(report.months[2].counts.delivery.hotfix_within, 1);
    assert_eq!(report.month_meets(&report.months[2], Kpi::HotfixLeadTime), Some(true));

    // The order of the entries does not matter.
    let mut shuffled = stages.clone();
    shuffled.reverse();
    let again = compute(&releases, &shuffled, range(), loose, KpiFilter::default(), after(), &kst());
    assert_eq!(again, report);
}

#[test]
fn delivery_months_follow_the_filter_the_clock_and_drill_down() {
    let (releases, stages) = fixture();
    let emergency = KpiFilter { release_type: Some(ReleaseType::Emergency), ..KpiFilter::default() };
    let report = compute(&releases, &stages, range(), KpiTargets::default(), emergency, after(), &kst());
    assert_eq!(report.total.delivery.deployments, 2);
    assert!(close(report.total.delivery.lead_time_median, 1.375));

    // While November is not over it is never judged, though its figures are shown.
    let mid_november = utc(2026, 11, 15, 0, 0);
    let report = compute(
        &releases,
        &stages,
        range(),
        KpiTargets::default(),
        KpiFilter::default(),
        mid_november,
        &kst(),
    );
    let nov = &report.months[2];
    assert!(!nov.finished && report.months[1].finished);
    assert_eq!(nov.value(Kpi::ChangeFailureRate), Some(1.0));
    for kpi in Kpi::ALL {
        assert_eq!(report.month_meets(nov, kpi), None, "{kpi:?}");
    }

    let ids = |rows: Vec<usize>| rows.into_iter().map(|i| releases[i].id.0).collect::<Vec<_>>();
    let sep = YearMonth::parse("2026-09").unwrap();
    let nov = YearMonth::parse("2026-11").unwrap();
    let all = KpiFilter::default();
    assert_eq!(ids(releases_behind(&releases, &stages, sep, Kpi::Deployments, all, &kst())), [1, 2]);
    assert_eq!(ids(releases_behind(&releases, &stages, sep, Kpi::LeadTime, all, &kst())), [1, 2]);
    assert_eq!(ids(releases_behind(&releases, &stages, sep, Kpi::HotfixLeadTime, all, &kst())), [2]);
    assert_eq!(ids(releases_behind(&releases, &stages, nov, Kpi::RecoveryTime, all, &kst())), [4]);
    assert_eq!(ids(releases_behind(&releases, &stages, nov, Kpi::LeadTime, all, &kst())), [5, 4]);
    assert_eq!(ids(releases_behind(&releases, &stages, nov, Kpi::ChangeFailureRate, all, &kst())), [5]);
}

/// The fixture in a database file, as the CLI sees it.
fn fixture_db() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path) = temp_db();
    let (releases, stages) = fixture();
    let mut store = Store::open(&path).unwrap();
    let mut mutations = people();
    mutations.extend(releases.into_iter().map(Mutation::PutRelease));
    mutations.extend(stages.into_iter().map(Mutation::PutStageEntry));
    store.commit(&mutations, &[]).unwrap();
    (dir, path)
}

fn cli_kst(db: &std::path::Path, args: &[&str]) -> serde_json::Value {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_release-desk"))
        .env("TZ", "Asia/Seoul")
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn at(value: &serde_json::Value) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339(value.as_str().unwrap()).unwrap().to_utc()
}

/// The month of `t` in KST, `2026-11`, computed by hand.
fn kst_month(t: Timestamp) -> String {
    (t + Duration::hours(9)).format("%Y-%m").to_string()
}

fn median(mut v: Vec<f64>) -> Option<f64> {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    (n > 0).then(|| if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 })
}

fn rounded(v: Option<f64>) -> serde_json::Value {
    v.map_or(serde_json::Value::Null, |v| serde_json::json!((v * 1e6).round() / 1e6))
}

#[test]
fn kpi_json_matches_an_independent_computation_over_the_list() {
    let (_dir, path) = fixture_db();
    let kpi = cli_kst(&path, &["kpi", "--from", "2026-09", "--to", "2026-11", "--format", "json"]);
    let list = cli_kst(&path, &["list", "--format", "json"]);
    let releases = list.as_array().unwrap();
    assert_eq!(releases.len(), 5, "the list leaves out the release in Trash");
    for month in kpi["months"].as_array().unwrap() {
        let name = month["month"].as_str().unwrap();
        let (mut deployments, mut lead, mut hotfix, mut recovery) = (0, Vec::new(), Vec::new(), Vec::new());
        let (mut closed, mut failed) = (0, 0);
        for r in releases {
            let created = at(&r["created_at"]);
            let emergency = r["release_type"] == 4;
            let history = r["stage_history"].as_array().unwrap();
            let mut first = true;
            let mut rollback: Option<Timestamp> = None;
            for e in history {
                let when = at(&e["entered_at"]);
                let stage = e["stage"].as_str().unwrap();
                if matches!(stage, "deploy" | "complete")
                    && let Some(back) = rollback.take()
                    && kst_month(back) == name
                {
                    recovery.push((when - back).num_minutes() as f64 / 60.0);
                }
                if stage == "rollback" {
                    rollback = Some(when);
                }
                if stage == "deploy" {
                    if kst_month(when) == name {
                        deployments += 1;
                        if first {
                            let hours = (when - created).num_minutes() as f64 / 60.0;
                            lead.push(hours);
                            if emergency {
                                hotfix.push(hours);
                            }
                        }
                    }
                    first = false;
                }
            }
            if let Some(closed_at) = r["closed_at"].as_str()
                && kst_month(at(&serde_json::json!(closed_at))) == name
            {
                closed += 1;
                if r["rollback_count"].as_u64().unwrap() > 0 || r["outcome"] == "failed" {
                    failed += 1;
                }
            }
        }
        assert_eq!(month["deployments"], deployments, "{name}");
        assert_eq!(month["lead_time_hours_median"], rounded(median(lead.clone())), "{name}");
        let p90 = {
            let mut v = lead.clone();
            v.sort_by(f64::total_cmp);
            (!v.is_empty()).then(|| v[(v.len() * 9).div_ceil(10) - 1])
        };
        assert_eq!(month["lead_time_hours_p90"], rounded(p90), "{name}");
        let cfr = (closed > 0).then(|| f64::from(failed) / f64::from(closed));
        assert_eq!(month["change_failure_rate"], rounded(cfr), "{name}");
        assert_eq!(month["recovery_hours_median"], rounded(median(recovery)), "{name}");
        assert_eq!(month["hotfix_lead_time_hours_median"], rounded(median(hotfix.clone())), "{name}");
        let within = (!hotfix.is_empty())
            .then(|| hotfix.iter().filter(|h| **h <= 1.0).count() as f64 / hotfix.len() as f64);
        assert_eq!(month["hotfix_within_target"], rounded(within), "{name}");
    }
    // October: null where there is no data, never 0 (deployments are a count).
    let oct = &kpi["months"][1];
    assert_eq!(oct["deployments"], 0);
    for key in [
        "lead_time_hours_median",
        "lead_time_hours_p90",
        "change_failure_rate",
        "recovery_hours_median",
        "hotfix_lead_time_hours_median",
        "hotfix_within_target",
    ] {
        assert!(oct[key].is_null(), "{key}: {}", oct[key]);
    }
    assert_eq!(kpi["months"][0]["lead_time_hours_median"], 24.375);
    assert_eq!(kpi["targets"]["hotfix_lead_time_hours"], 1.0);
}

/// A file holds stage entries in the order they happened (interleaved across releases), the
/// sample and an import in release order: the figures and the releases behind them are the same,
/// and entries of releases that do not count may sit anywhere.
#[test]
fn entries_in_any_order_give_the_figures_of_grouped_entries() {
    use chrono::TimeZone as _;
    let now = chrono::Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap();
    let releases = release_desk::domain::sample::generate(600, 3, now).releases;
    let grouped = release_desk::domain::sample::lifecycle::histories_of(&releases, now);
    let mut by_time = grouped.clone();
    by_time.sort_by_key(|e| e.entered_at);
    assert!(by_time != grouped, "the reordering interleaves releases");
    let mut with_strays = grouped.clone();
    let mut stray = grouped[0].clone();
    stray.release_id = ReleaseId(-5);
    with_strays.insert(1, stray.clone());
    with_strays.insert(7, stray);
    let range = MonthRange::last(12, YearMonth::of(now, &chrono::Utc));
    let month = range.months().last().unwrap();
    for filter in
        [KpiFilter::default(), KpiFilter { release_type: Some(ReleaseType::Emergency), group: None }]
    {
        let report = |stages: &[StageEntry]| {
            compute(&releases, stages, range, KpiTargets::default(), filter, now, &kst())
        };
        let expected = report(&grouped);
        assert!(
            expected.total.delivery.deployments > 0 && expected.total.delivery.lead_time_median.is_some()
        );
        assert_eq!(report(&by_time), expected);
        assert_eq!(report(&with_strays), expected);
        for kpi in [Kpi::Deployments, Kpi::RecoveryTime, Kpi::HotfixLeadTime] {
            let behind =
                |stages: &[StageEntry]| releases_behind(&releases, stages, month, kpi, filter, &kst());
            assert_eq!(behind(&by_time), behind(&grouped));
        }
    }
    assert!(report_has_rollbacks(&releases, &grouped, range, now));
}

fn report_has_rollbacks(
    releases: &[Release],
    stages: &[StageEntry],
    range: MonthRange,
    now: Timestamp,
) -> bool {
    let r = compute(releases, stages, range, KpiTargets::default(), KpiFilter::default(), now, &kst());
    r.total.delivery.recovery_median.is_some()
}
