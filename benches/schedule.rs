//! The schedule at scale (issue 14), each figure beside a baseline measured in the same run:
//! every conflict of 100,000 releases with 50 deployment windows and 20 freezes (through the
//! interval index) against a bare pass over the releases reading their planned dates and against
//! the plain pairwise check over a 10,000-release subset scaled up by the square of the size; and
//! one frame (run + tessellate, 1360 x 820) of the calendar's month and of its timeline against a
//! bare `egui_extras` table of as many rows. Lines `schedule: <what> app=<median> baseline=<median>
//! ratio=<x>` go to stderr. The size comes from the environment: `SCHEDULE_RELEASES` (default
//! 100,000; the CIs each release is linked to are drawn from `SCHEDULE_CIS`, default 2,000, and
//! its agent from `SCHEDULE_AGENTS`, default 400, a large IT department: 0 keeps the synthetic
//! set's nine agents, about 23 overlapping releases each a day, a load no person carries),
//! `SCALE_DIR` (where the file goes; default the system's temporary folder); `SCHEDULE_PARTS=1`
//! also times the parts (the index alone, overlaps only, windows only, freezes only, every
//! conflict found made whole) to see where the time goes. The conflicts are kept compact and
//! made as they are read; "every one made whole" also makes each (what a reader of all pays).
//! Figures go in BENCHMARKS.md.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{Datelike as _, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};

mod common;
use common::{bare_table, env_number, median};
use release_desk::domain::schedule::{
    ConflictKind, DeploymentWindow, Freeze, FreezeKind, Recurrence, ScheduleIndex, Scope, TimeRange, Timing,
    Tz, find_conflicts,
};
use release_desk::domain::{AgentId, ConfigItemId, FreezeId, GroupId, Release, ReleaseType, WindowId};
use release_desk::model::{Command, Model, ScheduleCommand, SyntheticSpec, session};
use release_desk::ui::screens::calendar::{self, Mode, Span};
use release_desk::ui::{ReleaseDeskApp, fonts};

fn report(what: &str, app: Duration, baseline_name: &str, baseline: Duration) {
    eprintln!(
        "schedule: {what} app={:.3}ms baseline={:.3}ms ratio={:.2} (baseline: {baseline_name})",
        app.as_secs_f64() * 1e3,
        baseline.as_secs_f64() * 1e3,
        app.as_secs_f64() / baseline.as_secs_f64(),
    );
}

/// A wall-clock time in Seoul on a day of 2025.
fn seoul(month: u32, day: u32, hour: u32) -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2025, month, day).unwrap().and_hms_opt(hour, 0, 0).unwrap()
}

fn recurring(rule: &str, start: chrono::NaiveDateTime, minutes: u32) -> Timing {
    Timing::Recurring { recurrence: Recurrence::new(rule, start), minutes }
}

/// 50 windows: weekend nights and weekday early mornings per group, per release type and for all,
/// at different hours, and a few one-off change windows.
fn windows(groups: usize) -> Vec<DeploymentWindow> {
    let types = [ReleaseType::Minor, ReleaseType::Major, ReleaseType::Emergency];
    (0..50)
        .map(|i| {
            let scope = match i % 5 {
                0..=2 => Scope::Group(GroupId((i % groups) as i64 + 1)),
                3 => Scope::ReleaseType(types[i % types.len()]),
                _ => Scope::All,
            };
            let hour = (20 + i as u32) % 24;
            let timing = match i % 4 {
                0 => recurring("FREQ=WEEKLY;BYDAY=SA", seoul(1, 4, hour), 480),
                1 => recurring("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", seoul(1, 6, 2), 180),
                2 => recurring("FREQ=WEEKLY;BYDAY=SU", seoul(1, 5, hour), 360),
                _ => {
                    let start = release_desk::domain::schedule::local_to_utc(
                        seoul(1 + (i as u32 % 12), 10, 22),
                        Tz::Asia__Seoul,
                    );
                    Timing::Once { start, end: start + chrono::Duration::hours(30 * 24) }
                }
            };
            DeploymentWindow {
                id: WindowId(0),
                name: format!("배포 윈도우 {i}"),
                timing,
                zone: Tz::Asia__Seoul,
                scope,
            }
        })
        .collect()
}

/// 20 freezes: the bank's month-end close, year-end, quarter closes, holidays, soft weekly ones.
fn freezes(groups: usize) -> Vec<Freeze> {
    (0..20)
        .map(|i| {
            let timing = match i % 4 {
                0 => recurring("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1,-2", seoul(1, 30, 0), 1440),
                1 => recurring("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24", seoul(12, 24, 0), 9 * 1440),
                2 => recurring("FREQ=WEEKLY;BYDAY=FR", seoul(1, 3, 18), 120),
                _ => recurring("FREQ=MONTHLY;BYMONTHDAY=1", seoul(1, 1, 9), 240),
            };
            let scope = if i % 3 == 0 { Scope::All } else { Scope::Group(GroupId((i % groups) as i64 + 1)) };
            let exempt = i % 2 == 0;
            Freeze {
                id: FreezeId(0),
                name: format!("동결 {i}"),
                timing,
                zone: Tz::Asia__Seoul,
                kind: if i % 4 == 2 { FreezeKind::Soft } else { FreezeKind::Hard },
                scope,
                exempt: if exempt { BTreeSet::from([ReleaseType::Emergency]) } else { BTreeSet::new() },
                exempt_reason: if exempt { "긴급 조치".into() } else { String::new() },
            }
        })
        .collect()
}

/// The file: `releases` synthetic releases, as `demo --releases` writes them, and the schedule
/// (50 windows, 20 freezes) imported as one command. Returns the model open on it.
fn database(releases: usize) -> (tempfile::TempDir, Model) {
    let dir = match std::env::var_os("SCALE_DIR") {
        Some(parent) => tempfile::tempdir_in(parent).unwrap(),
        None => tempfile::tempdir().unwrap(),
    };
    let path = dir.path().join("schedule.sqlite3");
    let started = Instant::now();
    let model = session::create(&path, session::Holder::Command).unwrap();
    model.write_synthetic(SyntheticSpec { releases, activities_per_release: 0 }).unwrap();
    let mut model = session::open(&path).unwrap();
    let groups = model.directory().groups.len().max(1);
    let command = ScheduleCommand::Import { windows: windows(groups), freezes: freezes(groups) };
    model.apply(Command::Schedule(command)).unwrap();
    eprintln!(
        "schedule: wrote {releases} releases, {} windows and {} freezes in {:.1} s",
        model.schedule().windows.len(),
        model.schedule().freezes.len(),
        started.elapsed().as_secs_f64()
    );
    (dir, model)
}

/// From the first planned start to the last planned end: every conflict there is.
fn whole_plan(releases: &[Release]) -> TimeRange {
    let from = releases.iter().map(|r| r.planned.start).min().unwrap();
    let to = releases.iter().map(|r| r.planned.end).max().unwrap();
    TimeRange::new(from, to + chrono::Duration::seconds(1))
}

/// The plain check: every pair of live releases compared for an overlap on a CI or an agent.
fn pairwise(releases: &[Release]) -> usize {
    let live: Vec<&Release> = releases.iter().filter(|r| !r.is_deleted()).collect();
    let mut found = 0;
    for (i, a) in live.iter().enumerate() {
        for b in &live[i + 1..] {
            if a.planned.start < b.planned.end && b.planned.start < a.planned.end {
                found += usize::from(a.assets.iter().any(|c| b.assets.contains(c)));
                found += usize::from(a.agent_id.is_some() && a.agent_id == b.agent_id);
            }
        }
    }
    found
}

/// A bare pass: every release's planned dates read and compared with the range.
fn bare_pass(releases: &[Release], range: TimeRange) -> usize {
    releases.iter().filter(|r| !r.is_deleted() && range.touches(r.planned.start, r.planned.end)).count()
}

fn conflicts(c: &mut Criterion, label: &str, model: &Model) {
    let cis = env_number("SCHEDULE_CIS", 2_000).max(1) as i64;
    let agents = env_number("SCHEDULE_AGENTS", 400) as i64;
    // The synthetic releases link no CI: each gets one (a few two), so CI overlaps are found too;
    // the releases of an agent are spread over `agents` (a release without one keeps none).
    let releases: Vec<Release> = model
        .releases()
        .iter()
        .map(|r| {
            let mut r = r.clone();
            let n = r.id.0.wrapping_mul(7_919);
            if agents > 0 {
                r.agent_id = r.agent_id.map(|_| AgentId(r.id.0.wrapping_mul(104_729) % agents + 1));
            }
            r.assets = vec![ConfigItemId(n % cis + 1)];
            if n % 10 == 0 {
                r.assets.push(ConfigItemId((n / 10) % cis + 1));
                r.assets.dedup();
            }
            r
        })
        .collect();
    let schedule = model.schedule();
    let (windows, freezes) = (&schedule.windows, &schedule.freezes);
    let range = whole_plan(&releases);
    let found = find_conflicts(&releases, windows, freezes, &[], range);
    let count = |kind| found.iter().filter(|c| c.kind == kind).count();
    let kinds: Vec<String> =
        ConflictKind::ALL.iter().map(|&k| format!("{} {}", k.code(), count(k))).collect();
    let agent_count = if agents > 0 { agents.to_string() } else { "the synthetic set's".to_owned() };
    eprintln!("schedule: {label}, {agent_count} agents: {} conflicts ({})", found.len(), kinds.join(", "));
    let subset_size = releases.len().min(10_000);
    let subset = &releases[..subset_size];
    let scale = (releases.len() as f64 / subset_size as f64).powi(2);

    let mut group = c.benchmark_group(format!("{label}: every conflict of the plan"));
    group.sample_size(10);
    group.bench_function("find_conflicts (interval index and sweeps)", |b| {
        b.iter(|| black_box(find_conflicts(&releases, windows, freezes, &[], range)));
    });
    group.bench_function("baseline: a bare pass over the releases' dates", |b| {
        b.iter(|| black_box(bare_pass(&releases, range)));
    });
    group.bench_function(format!("baseline: plain pairwise check, {subset_size} releases"), |b| {
        b.iter(|| black_box(pairwise(subset)));
    });
    group.finish();
    let app = median(11, || drop(black_box(find_conflicts(&releases, windows, freezes, &[], range))));
    // The conflicts are kept compact and made as they are read: what a reader of every one pays.
    let made =
        median(11, || drop(black_box(find_conflicts(&releases, windows, freezes, &[], range).to_vec())));
    let bare = median(11, || {
        black_box(bare_pass(&releases, range));
    });
    let plain = median(3, || {
        black_box(pairwise(subset));
    });
    // What of it is the windows' and freezes' expansion over the plan (no release indexed).
    let expansion = median(5, || drop(black_box(ScheduleIndex::build(&[], windows, freezes, range))));
    eprintln!(
        "schedule: {label}: of which expanding the windows and freezes over the plan: {:.3}ms",
        expansion.as_secs_f64() * 1e3
    );
    if std::env::var_os("SCHEDULE_PARTS").is_some() {
        let part = |what: &str, f: &dyn Fn() -> usize| {
            let t = median(5, || {
                black_box(f());
            });
            eprintln!("schedule: part {what}: {:.3}ms", t.as_secs_f64() * 1e3);
        };
        part("index with releases", &|| {
            drop(black_box(ScheduleIndex::build(&releases, windows, freezes, range)));
            0
        });
        part("overlaps only", &|| find_conflicts(&releases, &[], &[], &[], range).len());
        part("windows only", &|| find_conflicts(&releases, windows, &[], &[], range).len());
        part("freezes only", &|| find_conflicts(&releases, &[], freezes, &[], range).len());
        part("every conflict found made whole (to_vec)", &|| found.to_vec().len());
    }
    report("all conflicts", app, "bare pass over the releases' dates", bare);
    report("all conflicts, every one made whole", made, "bare pass over the releases' dates", bare);
    report(
        &format!("all conflicts (pairwise over {subset_size} scaled x{scale:.0})"),
        app,
        "plain pairwise check, scaled",
        plain.mul_f64(scale),
    );
}

fn frames(c: &mut Criterion, label: &str, model: Model) {
    let ctx = egui::Context::default();
    fonts::install(&ctx);
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1360.0, 820.0))),
        ..Default::default()
    };
    let bare_releases = model.releases().to_vec();
    // The anchor the synthetic plan is laid around (its "now"), so the shown month is a busy one.
    let today = model.now().with_timezone(&chrono::Local).date_naive();
    let mut app = ReleaseDeskApp::from_model(model);
    app.show_screen(calendar::ID);
    app.calendar_mut().unwrap().set_today(today);
    // No painter applies the font atlas' updates: cleared, as a debug build insists.
    let frame = |app: &mut ReleaseDeskApp| {
        let mut out = ctx.run_ui(input(), |ui| app.root_ui(ui));
        out.textures_delta.clear();
        black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
    };
    let mut bare_frame = || {
        let mut out = ctx.run_ui(input(), |ui| bare_table(ui, &bare_releases));
        out.textures_delta.clear();
        black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
    };
    for (what, mode) in [("month", Mode::Month), ("timeline (two weeks, rows by group)", Mode::Timeline)] {
        {
            let calendar = app.calendar_mut().unwrap();
            calendar.period.mode = mode;
            calendar.period.span = Span::TwoWeeks;
        }
        // Warm up: the shown period's releases, conflicts and shades are found in the first frame.
        for _ in 0..3 {
            frame(&mut app);
            bare_frame();
        }
        let weekday = today.weekday();
        let mut group = c.benchmark_group(format!(
            "{label}: one frame of the calendar's {what} (run + tessellate, 1360 x 820, {weekday})"
        ));
        group.sample_size(20);
        group.bench_function(format!("the calendar's {what}"), |b| b.iter(|| frame(&mut app)));
        group.bench_function("baseline: a bare egui_extras table, 11 text columns", |b| {
            b.iter(&mut bare_frame);
        });
        group.finish();
        let measured = median(21, || frame(&mut app));
        let baseline = median(21, &mut bare_frame);
        report(&format!("one frame, calendar {what}"), measured, "bare 100k-row table frame", baseline);
    }
}

fn benches(c: &mut Criterion) {
    let releases = env_number("SCHEDULE_RELEASES", 100_000);
    let label = format!("{releases} releases, 50 windows, 20 freezes");
    let (_dir, model) = database(releases);
    conflicts(c, &label, &model);
    frames(c, &label, model);
}

criterion_group!(schedule, benches);
criterion_main!(schedule);
