//! Benchmarks at scale, each beside its baseline measured in the same run: the list's search
//! keystroke against SQLite's `LIKE` on the same file, open + load against a bare prepared
//! statement reading the same rows, the release page's activity log, a persisted single edit
//! against a bare `UPDATE` + activity `INSERT` + `COMMIT`, one frame of the list against a bare
//! table, and the resident memory. The size comes from the environment:
//! `SCALE_RELEASES` (default 100,000), `SCALE_ACTIVITIES` (log rows per release, default 1),
//! `SCALE_DIR` (where the file goes; default the system's temporary folder).
//! Figures go in BENCHMARKS.md.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};

mod common;
use common::{bare_table, env_number, rss};
use release_desk::domain::{
    AgentId, PredefinedView, Priority, ReleaseFilter, ReleaseId, ReleaseSearch, SortKey, SortSpec, view,
};
use release_desk::model::{Command, Model, ReleaseCommand, ReleaseEdit, SyntheticSpec, session};
use release_desk::ui::{ReleaseDeskApp, fonts};

/// The file: `releases` synthetic releases with `activities` log rows each, as
/// `demo --releases` writes it.
fn database(releases: usize, activities: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = match std::env::var_os("SCALE_DIR") {
        Some(parent) => tempfile::tempdir_in(parent).unwrap(),
        None => tempfile::tempdir().unwrap(),
    };
    let path = dir.path().join("scale.sqlite3");
    let started = Instant::now();
    let model = session::create(&path, session::Holder::Command).unwrap();
    model.write_synthetic(SyntheticSpec { releases, activities_per_release: activities }).unwrap();
    eprintln!(
        "scale: wrote {releases} releases and {} activity rows in {:.1} s ({} MB)",
        releases * activities,
        started.elapsed().as_secs_f64(),
        std::fs::metadata(&path).map_or(0, |m| m.len() >> 20)
    );
    (dir, path)
}

/// The median of `runs` timings; `run` does its set-up, then times what it measures.
fn median(runs: usize, mut run: impl FnMut() -> Duration) -> Duration {
    let mut times: Vec<Duration> = (0..runs).map(|_| run()).collect();
    times.sort();
    times[runs / 2]
}

/// Times `f`.
fn timed(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

fn report(what: &str, measured: Duration, baseline_name: &str, baseline: Duration) {
    eprintln!(
        "scale: {what}: {:.3} ms; {baseline_name}: {:.3} ms; ratio {:.2}x ({:.1}x faster)",
        measured.as_secs_f64() * 1e3,
        baseline.as_secs_f64() * 1e3,
        measured.as_secs_f64() / baseline.as_secs_f64(),
        baseline.as_secs_f64() / measured.as_secs_f64()
    );
}

const TEXT: &str = "upgrade";

fn search(c: &mut Criterion, label: &str, model: &Model, path: &std::path::Path) {
    let releases = model.releases();
    let me = Some(AgentId(1));
    let sort = SortSpec { key: SortKey::PlannedStart, descending: true };
    let filter = |text: &str| ReleaseFilter { text: text.into(), ..ReleaseFilter::default() };
    let query = |search: &mut ReleaseSearch, text: &str| {
        search.query(releases, PredefinedView::All, me, &filter(text), sort, model.directory())
    };
    let mut search = ReleaseSearch::new(releases);
    // The window shows the list without text, sorted, before anyone types.
    query(&mut search, "");
    let rows = query(&mut search, TEXT);
    assert_eq!(rows, view::query(releases, PredefinedView::All, me, &filter(TEXT), sort, model.directory()));

    // The baseline: SQLite over the same file, the same view (not in Trash), the same order.
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let sql = "SELECT id FROM releases WHERE deleted_at IS NULL AND (subject LIKE ?1 OR description LIKE ?1) \
               ORDER BY planned_start DESC, id DESC";
    let like = || -> Vec<i64> {
        let mut stmt = conn.prepare_cached(sql).unwrap();
        stmt.query_map([format!("%{TEXT}%")], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
    };
    let ids: Vec<i64> = rows.iter().map(|&i| releases[i].id.0).collect();
    assert_eq!(like(), ids, "the baseline finds the same rows in the same order");

    let mut group =
        c.benchmark_group(format!("{label}: search keystroke (All, \"{TEXT}\", planned start desc)"));
    group.sample_size(20);
    // A keystroke that cannot narrow the last result (the query before it was another word).
    group.bench_function("search, whole list", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| {
                    query(&mut search, "rollback");
                    let start = Instant::now();
                    black_box(query(&mut search, TEXT));
                    start.elapsed()
                })
                .sum()
        });
    });
    // Typing the last letter: the result of "upgrad" narrowed.
    group.bench_function("search, type-ahead (\"upgrad\" -> \"upgrade\")", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| {
                    query(&mut search, "upgrad");
                    let start = Instant::now();
                    black_box(query(&mut search, TEXT));
                    start.elapsed()
                })
                .sum()
        });
    });
    group.bench_function("first search after a change (the arena built)", |b| {
        b.iter(|| black_box(query(&mut ReleaseSearch::new(releases), TEXT)));
    });
    group.bench_function("plain scan (view::query)", |b| {
        b.iter(|| {
            black_box(view::query(releases, PredefinedView::All, me, &filter(TEXT), sort, model.directory()))
        });
    });
    group.bench_function("baseline: SQLite LIKE, same ORDER BY", |b| b.iter(|| black_box(like())));
    group.finish();

    let whole = median(31, || {
        query(&mut search, "rollback");
        timed(|| drop(black_box(query(&mut search, TEXT))))
    });
    let ahead = median(31, || {
        query(&mut search, "upgrad");
        timed(|| drop(black_box(query(&mut search, TEXT))))
    });
    let baseline = median(11, || timed(|| drop(black_box(like()))));
    report("search, whole list", whole, "SQLite LIKE", baseline);
    report("search, type-ahead", ahead, "SQLite LIKE", baseline);
}

fn open_and_load(c: &mut Criterion, label: &str, path: &std::path::Path) {
    let mut group = c.benchmark_group(format!("{label}: open + load"));
    group.sample_size(10);
    group.bench_function("open + load (session::open)", |b| {
        b.iter(|| black_box(session::open(path).unwrap()));
    });
    // The baseline: every column of every release read by one bare prepared statement.
    let bare = || {
        let conn =
            rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let mut stmt = conn.prepare("SELECT * FROM releases ORDER BY id").unwrap();
        let columns = stmt.column_count();
        let rows: Vec<Vec<rusqlite::types::Value>> = stmt
            .query_map([], |r| (0..columns).map(|i| r.get(i)).collect())
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        rows
    };
    group.bench_function("baseline: bare prepared statement, every release row", |b| {
        b.iter(|| black_box(bare()));
    });
    group.finish();
    let measured = median(5, || timed(|| drop(black_box(session::open(path).unwrap()))));
    let baseline = median(5, || timed(|| drop(black_box(bare()))));
    report("open + load", measured, "bare statement", baseline);
}

fn activity_log(c: &mut Criterion, label: &str, model: &Model) {
    let count = model.releases().len() as i64;
    let mut group = c.benchmark_group(format!("{label}: the release page's activity log"));
    group.sample_size(50);
    let mut n = 0_i64;
    group.bench_function("one release's log (Model::activities_for)", |b| {
        b.iter(|| {
            // A different release each time, spread over the file.
            n = (n + 7_919) % count;
            black_box(model.activities_for(ReleaseId(n + 1)).unwrap())
        });
    });
    group.finish();
}

fn single_edit(c: &mut Criterion, label: &str, path: &std::path::Path) {
    let mut model = session::open(path).unwrap();
    let count = model.releases().len() as i64;
    let mut n = 0_i64;
    let mut edit = move |model: &mut Model| {
        n += 1;
        let id = ReleaseId((n * 7_919) % count + 1);
        let current = model.release(id).unwrap().priority;
        let priority = if current == Priority::High { Priority::Low } else { Priority::High };
        let command = ReleaseCommand::Edit { id, edits: vec![ReleaseEdit::Priority(priority)] };
        model.apply(Command::Release(command)).unwrap();
    };
    let mut group = c.benchmark_group(format!("{label}: a persisted single edit"));
    group.sample_size(30);
    group.bench_function("Model::apply (priority of one release)", |b| b.iter(|| edit(&mut model)));
    let measured = median(31, || timed(|| edit(&mut model)));
    drop(model);
    // The baseline: the same file, WAL and synchronous=FULL, a bare UPDATE + activity INSERT + COMMIT.
    let mut conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;").unwrap();
    let mut m = 0_i64;
    let mut bare = move || {
        m += 1;
        let id = (m * 7_919) % count + 1;
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).unwrap();
        tx.execute(
            "UPDATE releases SET priority = 1 + (priority % 4), updated_at = ?2 WHERE id = ?1",
            (id, m),
        )
        .unwrap();
        tx.execute(
            "INSERT INTO activities (release_id, actor, at, kind, field, old_value, new_value)
             VALUES (?1, 1, ?2, 'field', 'priority', '[{\"priority\":1}]', '[{\"priority\":3}]')",
            (id, m),
        )
        .unwrap();
        tx.commit().unwrap();
    };
    group.bench_function("baseline: bare UPDATE + INSERT + COMMIT", |b| b.iter(&mut bare));
    group.finish();
    let baseline = median(31, || timed(&mut bare));
    report("persisted single edit", measured, "bare UPDATE + INSERT + COMMIT", baseline);
}

fn frame(c: &mut Criterion, label: &str, model: Model) {
    let ctx = egui::Context::default();
    fonts::install(&ctx);
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1360.0, 820.0))),
        ..Default::default()
    };
    let mut app = ReleaseDeskApp::from_model(model);
    for _ in 0..3 {
        // A frame's texture changes are the renderer's to apply; here nothing draws, so they are
        // cleared (epaint's debug build panics on dropped, unapplied ones).
        let mut out = ctx.run_ui(input(), |ui| app.root_ui(ui));
        out.textures_delta.clear();
        drop(ctx.tessellate(out.shapes, out.pixels_per_point));
    }
    // Before the baseline's own copy of the releases; what the earlier stages of this process
    // freed may still count (the real window's figure: `benches/startup.rs`).
    let (now, peak) = rss();
    eprintln!("scale: {label}: RSS with the window's model and its list: {now} MB (peak {peak} MB)");
    // The baseline: a bare table of as many rows (`common::bare_table`).
    let bare_releases = app.model().expect("a file is open").releases().to_vec();
    for _ in 0..3 {
        let mut out = ctx.run_ui(input(), |ui| bare_table(ui, &bare_releases));
        out.textures_delta.clear();
        drop(ctx.tessellate(out.shapes, out.pixels_per_point));
    }
    let mut group =
        c.benchmark_group(format!("{label}: one frame of the list (run + tessellate, 1360 x 820)"));
    group.sample_size(20);
    let mut app_frame = || {
        let mut out = ctx.run_ui(input(), |ui| app.root_ui(ui));
        out.textures_delta.clear();
        black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
    };
    group.bench_function("the main window", |b| b.iter(&mut app_frame));
    let measured = median(21, || timed(&mut app_frame));
    let mut bare_frame = || {
        let mut out = ctx.run_ui(input(), |ui| bare_table(ui, &bare_releases));
        out.textures_delta.clear();
        black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
    };
    group.bench_function("baseline: a bare egui_extras table, 11 text columns", |b| b.iter(&mut bare_frame));
    group.finish();
    let baseline = median(21, || {
        let start = Instant::now();
        bare_frame();
        start.elapsed()
    });
    report("one frame", measured, "bare table", baseline);
}

fn benches(c: &mut Criterion) {
    let releases = env_number("SCALE_RELEASES", 100_000);
    let activities = env_number("SCALE_ACTIVITIES", 1);
    let label = format!("{releases} releases, {} log rows", releases * activities);
    let (_dir, path) = database(releases, activities);
    open_and_load(c, &label, &path);
    let model = session::open(&path).unwrap();
    let (now, peak) = rss();
    eprintln!("scale: {label}: RSS after open + load: {now} MB (peak {peak} MB)");
    search(c, &label, &model, &path);
    activity_log(c, &label, &model);
    drop(model);
    single_edit(c, &label, &path);
    frame(c, &label, session::open(&path).unwrap());
}

criterion_group!(scale, benches);
criterion_main!(scale);
