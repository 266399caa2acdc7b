//! Benchmarks of bulk actions: 10,000 selected releases of 100,000, written to the file (one
//! IMMEDIATE transaction with synchronous=FULL), and the undo of each. Figures go in BENCHMARKS.md.

#![allow(clippy::unwrap_used)]

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use release_desk::domain::{AgentId, ReleaseId};
use release_desk::model::{BulkAction, Command, Model, PurgeBackup};

const COUNT: usize = 100_000;
const SELECTED: usize = 10_000;
/// Activity rows per release already in the file: a log of 1,000,000 rows, as years of use leave.
const LOG_PER_RELEASE: usize = 10;

fn database() -> (tempfile::TempDir, std::path::PathBuf) {
    common::database_with_log(COUNT, LOG_PER_RELEASE)
}

/// Every tenth release that is not in Trash: 10,000 spread over the whole table.
fn selection(model: &Model) -> Vec<ReleaseId> {
    let ids: Vec<ReleaseId> = model.releases().iter().filter(|r| !r.is_deleted()).map(|r| r.id).collect();
    ids.iter().step_by(ids.len() / SELECTED).take(SELECTED).copied().collect()
}

/// The file, and the last activity row of its log before any benchmark ran.
struct Log<'a> {
    path: &'a std::path::Path,
    last: i64,
}

/// Times `measured` only; `prepare` and `clean_up` run around each iteration, untimed, and then
/// the activity log is trimmed back to its starting size, so every iteration meets the same file.
fn timed(
    model: &mut Model,
    log: &Log<'_>,
    iters: u64,
    prepare: impl Fn(&mut Model),
    measured: impl Fn(&mut Model),
    clean_up: impl Fn(&mut Model),
) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        prepare(model);
        let start = Instant::now();
        measured(model);
        total += start.elapsed();
        clean_up(model);
        common::trim_log(log.path, log.last);
    }
    total
}

fn apply(model: &mut Model, command: &Command) {
    black_box(model.apply(command.clone()).unwrap());
}

fn undo(model: &mut Model) {
    black_box(model.undo().unwrap().unwrap());
}

/// What the purge confirmation does while it is open: make the verified backup on another thread.
fn back_up_ahead(model: &mut Model) {
    while model.prepare_purge_backup() == PurgeBackup::Running {
        std::thread::sleep(Duration::from_millis(2));
    }
    assert_eq!(model.prepare_purge_backup(), PurgeBackup::Ready);
}

fn benches(c: &mut Criterion) {
    let (_dir, path) = database();
    let mut model = Model::open(&path).unwrap();
    let ids = selection(&model);
    assert_eq!(ids.len(), SELECTED);
    let agents: Vec<AgentId> = model.directory().agents.iter().map(|a| a.id).collect();
    let assign = |agent: AgentId| Command::Bulk {
        ids: ids.clone(),
        action: BulkAction::Assign { agent: Some(Some(agent)), group: None },
    };
    let (to_first, to_second) = (assign(agents[0]), assign(agents[1]));
    let trash = Command::Bulk { ids: ids.clone(), action: BulkAction::Trash };
    let purge = Command::Bulk { ids: ids.clone(), action: BulkAction::Purge };
    // Every selected release starts on the first agent, so each assignment below changes all 10,000.
    model.apply(to_first).unwrap();
    let log = Log { path: &path, last: common::last_activity(&path) };
    let m = &mut model;

    let mut group = c.benchmark_group("bulk, 10k of 100k releases, persisted");
    group.sample_size(10);
    group.bench_function("assign to agent", |b| {
        b.iter_custom(|iters| timed(m, &log, iters, |_| {}, |m| apply(m, &to_second), undo));
    });
    group.bench_function("undo of assign to agent", |b| {
        b.iter_custom(|iters| timed(m, &log, iters, |m| apply(m, &to_second), undo, |_| {}));
    });
    group.bench_function("move to Trash", |b| {
        b.iter_custom(|iters| timed(m, &log, iters, |_| {}, |m| apply(m, &trash), undo));
    });
    group.bench_function("undo of move to Trash", |b| {
        b.iter_custom(|iters| timed(m, &log, iters, |m| apply(m, &trash), undo, |_| {}));
    });
    group.bench_function("delete forever (backup made while confirming)", |b| {
        b.iter_custom(|iters| {
            let prepare = |m: &mut Model| {
                apply(m, &trash);
                back_up_ahead(m);
            };
            let clean_up = |m: &mut Model| {
                undo(m);
                undo(m);
            };
            timed(m, &log, iters, prepare, |m| apply(m, &purge), clean_up)
        });
    });
    group.bench_function("undo of delete forever", |b| {
        b.iter_custom(|iters| {
            let prepare = |m: &mut Model| {
                apply(m, &trash);
                back_up_ahead(m);
                apply(m, &purge);
            };
            timed(m, &log, iters, prepare, undo, undo)
        });
    });
    group.finish();

    // The verified backup itself (VACUUM INTO, integrity_check, sync, rename, rotate), which the
    // purge confirmation makes on another thread while the user reads it.
    let mut group = c.benchmark_group("backup of the file, 100k releases, 1M activity rows");
    group.sample_size(10);
    group.bench_function("verified backup", |b| {
        b.iter(|| black_box(m.backup_now("purge").unwrap()));
    });
    group.finish();
}

criterion_group!(bulk, benches);
criterion_main!(bulk);
