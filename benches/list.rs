//! Benchmarks of the foundation at 100,000 releases: open+load, filter+sort of a view with a
//! search term, and one headless frame of the main window. Figures go in BENCHMARKS.md.

#![allow(clippy::unwrap_used)]

mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use release_desk::domain::{PredefinedView, ReleaseFilter, SortKey, SortSpec, view};
use release_desk::model::Model;
use release_desk::ui::{ReleaseDeskApp, fonts};

const COUNT: usize = 100_000;

fn database() -> (tempfile::TempDir, std::path::PathBuf) {
    common::database(COUNT)
}

fn benches(c: &mut Criterion) {
    let (_dir, path) = database();
    let mut group = c.benchmark_group("100k releases");
    group.sample_size(10);
    group.bench_function("open + load", |b| b.iter(|| black_box(Model::open(&path).unwrap())));

    let model = Model::open(&path).unwrap();
    let filter = ReleaseFilter { text: "upgrade".into(), ..Default::default() };
    let sort = SortSpec { key: SortKey::PlannedStart, descending: true };
    group.bench_function("filter + sort (All, search \"upgrade\", planned start desc)", |b| {
        b.iter(|| {
            black_box(view::query(
                model.releases(),
                PredefinedView::All,
                Some(release_desk::domain::AgentId(1)),
                &filter,
                sort,
                model.directory(),
            ))
        });
    });
    group.bench_function("filter + sort (Mine, no search, subject asc)", |b| {
        let sort = SortSpec { key: SortKey::Subject, descending: false };
        b.iter(|| {
            black_box(view::query(
                model.releases(),
                PredefinedView::Mine,
                Some(release_desk::domain::AgentId(1)),
                &ReleaseFilter::default(),
                sort,
                model.directory(),
            ))
        });
    });

    let ctx = egui::Context::default();
    fonts::install(&ctx);
    let mut app = ReleaseDeskApp::from_model(model);
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1360.0, 820.0))),
        ..Default::default()
    };
    // Warm up: font atlas, the first query and layout caches.
    for _ in 0..3 {
        let out = ctx.run_ui(input(), |ui| app.root_ui(ui));
        let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
    }
    group.bench_function("one frame of the main window (run + tessellate)", |b| {
        b.iter(|| {
            let out = ctx.run_ui(input(), |ui| app.root_ui(ui));
            black_box(ctx.tessellate(out.shapes, out.pixels_per_point))
        });
    });
    group.finish();
}

criterion_group!(list, benches);
criterion_main!(list);
