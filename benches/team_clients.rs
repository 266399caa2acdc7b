//! Twenty clients pushing at once (issue 21): each a file of its own over one PostgreSQL on
//! loopback (the team tests' cluster), each editing shared releases and syncing over its own
//! connection as fast as it can for 60 s (`TEAM_CLIENTS_SECONDS`, `TEAM_CLIENTS` to change).
//! Afterwards every client syncs until nothing is pending, and the run checks that nothing was
//! lost or duplicated: the server's log holds exactly one change per command made, and every
//! file equals the server. The baseline, in the same run: as many connections doing a bare
//! INSERT round trip each for a quarter of the time. Figures go in BENCHMARKS.md.

#![allow(clippy::unwrap_used, clippy::print_stdout)]

#[path = "../tests/it/team/cluster.rs"]
mod cluster;
mod common;

use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use common::new_release;
use release_desk::domain::ReleaseId;
use release_desk::model::{Command, Model, ReleaseCommand, ReleaseEdit};
use release_desk::store::team::change::{RecordKind, release_from_fields};
use release_desk::store::team::server::Server;

const SHARED_RELEASES: i64 = 40;

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// What one client did.
struct ClientRun {
    commands: u64,
    syncs: u64,
    conflicts: usize,
    /// Each edit + sync, in microseconds.
    latencies: Vec<u64>,
    model: Model,
}

fn percentile(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let at = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[at] as f64 / 1000.0
}

fn baseline(url: &str, clients: usize, run_for: Duration) -> f64 {
    let mut admin = postgres::Client::connect(url, postgres::NoTls).unwrap();
    admin.batch_execute("CREATE TABLE baseline (n bigserial PRIMARY KEY, v jsonb NOT NULL)").unwrap();
    let start = Arc::new(Barrier::new(clients));
    let threads: Vec<_> = (0..clients)
        .map(|i| {
            let (url, start) = (url.to_owned(), Arc::clone(&start));
            let thread = std::thread::Builder::new().name(format!("baseline-{i}"));
            thread
                .spawn(move || {
                    let mut raw = postgres::Client::connect(&url, postgres::NoTls).unwrap();
                    let v = serde_json::json!({ "client": i });
                    start.wait();
                    let began = Instant::now();
                    let mut n = 0u64;
                    while began.elapsed() < run_for {
                        raw.execute("INSERT INTO baseline (v) VALUES ($1)", &[&v]).unwrap();
                        n += 1;
                    }
                    n
                })
                .unwrap()
        })
        .collect();
    let total: u64 = threads.into_iter().map(|t| t.join().unwrap()).sum();
    total as f64 / run_for.as_secs_f64()
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let clients = env_number("TEAM_CLIENTS", 20) as usize;
    let run_for = Duration::from_secs(env_number("TEAM_CLIENTS_SECONDS", 60));
    let url = cluster::database();
    let dir = tempfile::tempdir().unwrap();

    let mut maker = Model::open(&dir.path().join("maker.sqlite3")).unwrap();
    for i in 0..SHARED_RELEASES {
        maker.apply(new_release(&format!("Affiliate rollout {i}"))).unwrap();
    }
    maker.team_init(&url, None, "maker").unwrap();

    let start = Arc::new(Barrier::new(clients));
    let threads: Vec<_> = (0..clients)
        .map(|i| {
            let (url, start) = (url.clone(), Arc::clone(&start));
            let path = dir.path().join(format!("client-{i}.sqlite3"));
            let thread = std::thread::Builder::new().name(format!("client-{i}"));
            thread
                .spawn(move || {
                    let mut model = Model::open(&path).unwrap();
                    model.team_join(&url, None, &format!("client {i}")).unwrap();
                    let mut server = Server::connect(&url, None).unwrap();
                    let mut run =
                        ClientRun { commands: 0, syncs: 0, conflicts: 0, latencies: Vec::new(), model };
                    start.wait();
                    let began = Instant::now();
                    let mut n = 0i64;
                    while began.elapsed() < run_for {
                        n += 1;
                        let at = Instant::now();
                        let id = ReleaseId((i as i64 * 7 + n) % SHARED_RELEASES + 1);
                        // Mostly a field of one's own kind (merges), now and then the same one (conflicts).
                        let edit = if n % 5 == 0 {
                            ReleaseEdit::Description(format!("client {i} edit {n}"))
                        } else {
                            ReleaseEdit::Subject(format!("Affiliate rollout {id:?} by {i} #{n}"))
                        };
                        let edits = vec![edit];
                        run.model.apply(Command::Release(ReleaseCommand::Edit { id, edits })).unwrap();
                        run.commands += 1;
                        let report = run.model.team_sync_over(&mut server).unwrap();
                        run.syncs += 1;
                        run.conflicts += report.conflicts.len();
                        run.latencies.push(at.elapsed().as_micros() as u64);
                    }
                    run
                })
                .unwrap()
        })
        .collect();
    let began = Instant::now();
    let mut runs: Vec<ClientRun> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    let elapsed = began.elapsed();

    // Everyone syncs until nothing is pending and nothing new comes in.
    for _ in 0..3 {
        for run in &mut runs {
            run.model.team_sync(None).unwrap();
        }
    }
    let commands: u64 = runs.iter().map(|r| r.commands).sum();
    let conflicts: usize = runs.iter().map(|r| r.conflicts).sum();
    let mut raw = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let (logged, distinct): (i64, i64) = {
        let row = raw
            .query_one("SELECT count(*), count(DISTINCT command_id) FROM release_desk.changes", &[])
            .unwrap();
        (row.get(0), row.get(1))
    };
    // One change for the maker's shared releases, one per command made.
    assert_eq!(logged, distinct, "a command was applied twice");
    assert_eq!(logged as u64, commands + 1, "a command was lost (or one appeared from nowhere)");
    let server: Vec<_> = Server::connect(&url, None)
        .unwrap()
        .records(RecordKind::Release)
        .unwrap()
        .into_iter()
        .map(|(_, data)| release_from_fields(data).unwrap())
        .collect();
    for (i, run) in runs.iter().enumerate() {
        assert_eq!(run.model.team_status().unwrap().unwrap().pending, 0, "client {i} has pushes left");
        assert_eq!(run.model.releases(), server.as_slice(), "client {i} differs from the server");
    }

    let mut latencies: Vec<u64> = runs.iter().flat_map(|r| r.latencies.iter().copied()).collect();
    latencies.sort_unstable();
    let throughput = commands as f64 / elapsed.as_secs_f64();
    let bare = baseline(&url, clients, run_for / 4);
    println!("team clients: {clients} clients for {:.1} s", elapsed.as_secs_f64());
    println!(
        "  commands pushed: {commands} ({throughput:.1}/s), syncs {}, conflicts met {conflicts}",
        runs.iter().map(|r| r.syncs).sum::<u64>()
    );
    println!(
        "  edit + sync latency: median {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.95),
        percentile(&latencies, 1.0)
    );
    println!("  server log: {logged} changes, {distinct} distinct commands: none lost, none twice");
    println!("  all {clients} files equal the server's {} releases", server.len());
    println!("  baseline: {clients} connections, bare INSERT round trips: {bare:.0}/s");
    println!("  ratio (baseline / team pushes): {:.1}x", bare / throughput);
}
