//! Benchmarks of the KPI dashboard's work at 100,000 releases: the monthly KPIs of 12 months (and
//! the 12 before, for the change), and one chart export (one KPI and the four-chart summary, SVG
//! and PNG). Figures go in BENCHMARKS.md.

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
    let range = MonthRange::last(12, YearMonth::of(now, &chrono::Utc));
    let kst = chrono::FixedOffset::east_opt(9 * 3600).unwrap();
    let mut group = c.benchmark_group("KPIs over 100k releases");
    group.sample_size(20);
    group.bench_function("12 months + previous period (UTC+9)", |b| {
        b.iter(|| black_box(compute(&releases, range, KpiTargets::default(), KpiFilter::default(), &kst)));
    });
    group.bench_function("12 months + previous period (chrono::Local)", |b| {
        b.iter(|| {
            black_box(compute(&releases, range, KpiTargets::default(), KpiFilter::default(), &chrono::Local))
        });
    });
    group.finish();

    let report = compute(&releases, range, KpiTargets::default(), KpiFilter::default(), &kst);
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
