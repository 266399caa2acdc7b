//! Shared set-up for the benchmarks: a file of generated releases, optionally with an activity
//! log of realistic size, a way to trim that log back between iterations, and the command that
//! creates one plain release (the team benches').

#![allow(clippy::unwrap_used, dead_code)]

use chrono::TimeZone as _;
use release_desk::domain::{Activity, ActivityKind, Field, FieldChange, Status, Value, sample};
use release_desk::store::{Mutation, Store};

/// A temporary database holding `count` generated releases (seed 7, anchored 2026-11-26 12:00 UTC)
/// and their agents, groups and departments.
pub fn database(count: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    database_with_log(count, 0)
}

/// As [`database`], plus `per_release` activity rows for every release (a "created" row and
/// field changes), written in release order like years of use would leave them interleaved.
pub fn database_with_log(count: usize, per_release: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.sqlite3");
    let now = chrono::Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).single().unwrap();
    let data = sample::generate(count, 7, now);
    let mut store = Store::open(&path).unwrap();
    let mut mutations: Vec<Mutation> = data.directory.agents.into_iter().map(Mutation::PutAgent).collect();
    mutations.extend(data.directory.groups.into_iter().map(Mutation::PutGroup));
    mutations.extend(data.directory.departments.into_iter().map(Mutation::PutDepartment));
    // Round-robin over the releases, so each release's rows are spread through the log.
    let activities: Vec<Activity> = (0..per_release)
        .flat_map(|round| {
            data.releases.iter().map(move |r| Activity {
                id: release_desk::domain::ActivityId(0),
                release_id: Some(r.id),
                actor: r.agent_id,
                at: r.created_at,
                kind: if round == 0 { ActivityKind::Created } else { ActivityKind::Field },
                changes: vec![if round == 0 {
                    FieldChange::added(Field::Subject, Value::text(r.subject.clone()))
                } else {
                    FieldChange::new(
                        Field::Status,
                        Value::Status(Status::Open),
                        Value::Status(Status::InProgress),
                    )
                }],
            })
        })
        .collect();
    mutations.extend(data.releases.into_iter().map(Mutation::PutRelease));
    store.commit(&mutations, &activities).unwrap();
    (dir, path)
}

/// The highest activity id in the file.
pub fn last_activity(path: &std::path::Path) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row("SELECT coalesce(max(id), 0) FROM activities", [], |r| r.get(0)).unwrap()
}

/// Deletes the activity rows after `last` (through a second connection, between timed steps),
/// so every iteration of a benchmark meets a log of the same size.
pub fn trim_log(path: &std::path::Path, last: i64) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute("DELETE FROM activities WHERE id > ?1", [last]).unwrap();
}

/// A size or count from the environment (`100_000` or `100000`), or `default`.
pub fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.replace('_', "").parse().ok()).unwrap_or(default)
}

/// Resident memory now and at its peak (since the start or the last reset), in MB (Linux; 0
/// elsewhere).
pub fn rss() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<u64>().ok())
            .map_or(0, |kb| kb >> 10)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// The baseline of the frame benches: a bare `egui_extras` table of every release, 11 text columns
/// made only for the rows on screen.
pub fn bare_table(ui: &mut egui::Ui, releases: &[release_desk::domain::Release]) {
    egui::CentralPanel::default().show(ui, |ui| {
        let mut table = egui_extras::TableBuilder::new(ui).striped(true);
        for _ in 0..11 {
            table = table.column(egui_extras::Column::auto().at_least(60.0));
        }
        table
            .header(20.0, |mut header| {
                for name in release_desk::export::table::HEADERS {
                    header.col(|ui| {
                        ui.strong(name);
                    });
                }
            })
            .body(|body| {
                body.rows(20.0, releases.len(), |mut row| {
                    let r = &releases[row.index()];
                    let cells = [
                        format!("#{}", r.id.0),
                        r.subject.clone(),
                        format!("{:?}", r.status),
                        format!("{:?}", r.priority),
                        format!("{:?}", r.release_type),
                        r.planned.start.format("%Y-%m-%d %H:%M").to_string(),
                        r.planned.end.format("%Y-%m-%d %H:%M").to_string(),
                        format!("{:?}", r.agent_id),
                        format!("{:?}", r.group_id),
                        r.created_at.format("%Y-%m-%d %H:%M").to_string(),
                        r.updated_at.format("%Y-%m-%d %H:%M").to_string(),
                    ];
                    for cell in cells {
                        row.col(|ui| {
                            ui.label(cell);
                        });
                    }
                });
            });
    });
}

/// The median of `runs` timings of `f`.
pub fn median(runs: usize, mut f: impl FnMut()) -> std::time::Duration {
    let mut times: Vec<std::time::Duration> = (0..runs)
        .map(|_| {
            let start = std::time::Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// The command that creates an Open, Low, Standard release `subject`, planned two hours from a
/// day from now.
pub fn new_release(subject: &str) -> release_desk::model::Command {
    use release_desk::domain::{PlannedWindow, Priority, ReleaseType};
    let start = release_desk::model::system_now() + chrono::Duration::days(1);
    release_desk::model::Command::Release(release_desk::model::ReleaseCommand::Create(
        release_desk::model::NewRelease {
            subject: subject.into(),
            description: String::new(),
            status: Status::Open,
            priority: Priority::Low,
            release_type: ReleaseType::Standard,
            planned: PlannedWindow { start, end: start + chrono::Duration::hours(2) },
            agent_id: None,
            group_id: None,
            department_id: None,
            category: None,
        },
    ))
}
