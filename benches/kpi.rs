//! Benchmarks of the KPI dashboard's work at 100,000 releases: the monthly KPIs of 12 months (and
//! the 12 before, for the change) with and without the stage histories (the delivery metrics
//! read them: deployments, lead time, change failure rate, recovery and hot-fix lead time), and
//! one chart export (one KPI and the four-chart summary, SVG and PNG). Figures go in
//! BENCHMARKS.md.

#![allow(clippy::unwrap_used)]

use std::hint::black_box;

use chrono::TimeZone as _;
use criterion::{Criterion, criterion_group, criterion_main};
use release_desk::domain::kpi::compute;
use release_desk::domain::{Kpi, KpiFilter, KpiTargets, Language, MonthRange, YearMonth, sample};
use release_desk::export::chart::{ChartKind, ChartSpec, render_png, render_svg};

const COUNT: usize = 100_000;

fn benches(c: &mut Criterion) {
    let now = chrono::Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).single().unwrap();
    let releases = sample::generate(COUNT, 7, now).releases;
    let stages = sample::lifecycle::histories_of(&releases, now);
    let range = MonthRange::last(12, YearMonth::of(now, &chrono::Utc));
    let kst = chrono::FixedOffset::east_opt(9 * 3600).unwrap();
    let targets = KpiTargets::default();
    let filter = KpiFilter::default();
    let mut group = c.benchmark_group("KPIs over 100k releases");
    group.sample_size(20);
    // The baseline: the brief's four only (no stage histories read).
    group.bench_function("12 months + previous period (UTC+9), no histories", |b| {
        b.iter(|| black_box(compute(&releases, &[], range, targets, filter, now, &kst)));
    });
    group.bench_function(format!("all metrics, {} stage entries (UTC+9)", stages.len()), |b| {
        b.iter(|| black_box(compute(&releases, &stages, range, targets, filter, now, &kst)));
    });
    group.bench_function("all metrics (chrono::Local)", |b| {
        b.iter(|| black_box(compute(&releases, &stages, range, targets, filter, now, &chrono::Local)));
    });
    group.finish();

    let report = compute(&releases, &stages, range, targets, filter, now, &kst);
    let mut group = c.benchmark_group("chart export (12 months)");
    group.sample_size(10);
    let one = ChartSpec::new(ChartKind::One(Kpi::SuccessRate), Language::Ko);
    let summary = ChartSpec::new(ChartKind::Summary, Language::Ko);
    // Warm up: font registration and parsing.
    render_png(&report, &one).unwrap();
    group.bench_function("one KPI, SVG 1200x700", |b| {
        b.iter(|| black_box(render_svg(&report, &one).unwrap()));
    });
    group.bench_function("one KPI, PNG 1200x700", |b| {
        b.iter(|| black_box(render_png(&report, &one).unwrap()));
    });
    group.bench_function("summary of four, SVG 1600x1100", |b| {
        b.iter(|| black_box(render_svg(&report, &summary).unwrap()));
    });
    group.bench_function("summary of four, PNG 1600x1100", |b| {
        b.iter(|| black_box(render_png(&report, &summary).unwrap()));
    });
    group.finish();
}

criterion_group!(kpi, benches);
criterion_main!(kpi);
