//! Benchmarks of team sync against a PostgreSQL on loopback, started by the bench itself (the
//! team tests' cluster): one command's push round trip beside a bare INSERT round trip (and a new
//! release's, which takes the team's number first), and a new file pulling 10,000 changes (and
//! applying them) beside a bare SELECT of the same rows.
//! Figures go in BENCHMARKS.md.

#![allow(clippy::unwrap_used)]

#[path = "../tests/it/team/cluster.rs"]
mod cluster;
mod common;

use std::hint::black_box;

use common::new_release;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use release_desk::domain::ReleaseId;
use release_desk::model::{Command, Model, ReleaseCommand, ReleaseEdit};
use release_desk::store::team::change::{OutboxEntry, RecordChange, RecordKey};
use release_desk::store::team::server::Server;

const PULLED: i64 = 10_000;
const RELEASES: i64 = 100;

fn push_round_trip(c: &mut Criterion) {
    let url = cluster::database();
    let dir = tempfile::tempdir().unwrap();
    let mut model = Model::open(&dir.path().join("a.sqlite3")).unwrap();
    let id = model.apply(new_release("ERP upgrade")).unwrap().created().unwrap();
    model.team_init(&url, None, "bench").unwrap();
    let team = model.team().unwrap().clone();
    let mut server = Server::connect(&url, None).unwrap();
    let mut raw = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    raw.batch_execute("CREATE TABLE baseline (n bigserial PRIMARY KEY, v jsonb NOT NULL)").unwrap();

    let mut group = c.benchmark_group("team push");
    group.bench_function("baseline: bare INSERT round trip", |b| {
        let v = serde_json::json!({"description": "plan"});
        b.iter(|| black_box(raw.execute("INSERT INTO baseline (v) VALUES ($1)", &[&v]).unwrap()));
    });
    let mut n = 0u64;
    group.bench_function("push of one command (server round trip)", |b| {
        b.iter(|| {
            n += 1;
            let mut fields = serde_json::Map::new();
            fields.insert("description".into(), format!("plan {n}").into());
            let record = RecordKey::release(id);
            let entry = OutboxEntry {
                command_id: uuid::Uuid::new_v4(),
                changes: vec![RecordChange::Fields { record, fields }],
                bases: [(record, 0)].into_iter().collect(),
                created_at: release_desk::model::system_now(),
            };
            black_box(server.push(&entry, &team.author, team.client_id).unwrap())
        });
    });
    group.bench_function("edit + sync (commit, push, pull back)", |b| {
        b.iter(|| {
            n += 1;
            let edit = ReleaseEdit::Description(format!("plan {n}"));
            model.apply(Command::Release(ReleaseCommand::Edit { id, edits: vec![edit] })).unwrap();
            black_box(model.team_sync(None).unwrap())
        });
    });
    // A release made offline: the push first takes the team's number (one more transaction).
    let data = release_desk::store::team::change::release_fields(model.release(id).unwrap());
    let mut provisional = 0;
    group.bench_function("push of a new release (takes the team's number first)", |b| {
        b.iter(|| {
            provisional -= 1;
            let record = RecordKey { id: provisional, ..RecordKey::release(id) };
            let entry = OutboxEntry {
                command_id: uuid::Uuid::new_v4(),
                changes: vec![RecordChange::Create { record, data: data.clone() }],
                bases: [(record, 0)].into_iter().collect(),
                created_at: release_desk::model::system_now(),
            };
            black_box(server.push(&entry, &team.author, team.client_id).unwrap())
        });
    });
    group.finish();
}

/// A server with `RELEASES` releases and `PULLED` changes in all (creates, then field edits),
/// written straight into its tables.
fn server_with_changes() -> String {
    let url = cluster::database();
    let dir = tempfile::tempdir().unwrap();
    let mut model = Model::open(&dir.path().join("seed.sqlite3")).unwrap();
    for i in 0..RELEASES {
        model.apply(new_release(&format!("Release {i}"))).unwrap();
    }
    model.team_init(&url, None, "seed").unwrap();
    let mut raw = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let edits = PULLED - 1;
    raw.execute(
        "INSERT INTO release_desk.changes (command_id, author, client_id, mutations, bases)
         SELECT gen_random_uuid(), 'bench', gen_random_uuid(),
                jsonb_build_array(jsonb_build_object('op', 'fields', 'record', 'release:' || (i % $1::bigint + 1),
                    'fields', jsonb_build_object('description', 'plan ' || i, 'status', i % 5 + 1))),
                '{}'::jsonb
         FROM generate_series(1::bigint, $2::bigint) AS i",
        &[&RELEASES, &edits],
    )
    .unwrap();
    url
}

fn pull(c: &mut Criterion) {
    let url = server_with_changes();
    let mut raw = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let mut group = c.benchmark_group("team pull");
    group.sample_size(10);
    group.bench_function("baseline: bare SELECT of 10,000 changes", |b| {
        b.iter(|| {
            let rows = raw
                .query(
                    "SELECT seq, author, at, mutations FROM release_desk.changes WHERE seq > 0 ORDER BY seq",
                    &[],
                )
                .unwrap();
            assert_eq!(rows.len() as i64, PULLED);
            black_box(rows)
        });
    });
    group.bench_function("a new file joins: pull and apply 10,000 changes", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let model = Model::open(&dir.path().join("b.sqlite3")).unwrap();
                (dir, model)
            },
            |(dir, mut model)| {
                let report = model.team_join(&url, None, "bench").unwrap();
                assert_eq!(report.pulled as i64, PULLED);
                assert_eq!(model.releases().len() as i64, RELEASES);
                assert_eq!(model.release(ReleaseId(1)).map(|r| r.description.is_empty()), Some(false));
                black_box((dir, model))
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, push_round_trip, pull);
criterion_main!(benches);
