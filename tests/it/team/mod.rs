//! Team sync against a real PostgreSQL (issue 21), started by the tests (see [`cluster`]): two,
//! three and five clients over one server, the CLI, conflicts resolved, a server restarted
//! mid-sync, the migration of a file of main's schema.

mod cli;
mod cluster;
mod five;
mod listen;
mod merge;
mod migration;
mod notes;
mod numbers;
mod people;
mod property;
mod resolve;
mod restart;
mod rights;
mod schedule;
mod tasks;
mod tls;
mod undo;
mod vault;

use std::path::Path;

pub use cluster::{PASSWORD, database};
use release_desk::model::Model;

/// A client: a new file in `dir` named `name`.
pub fn client(dir: &Path, name: &str) -> Model {
    let mut model = Model::open(&dir.join(format!("{name}.sqlite3"))).unwrap();
    model.set_clock(Box::new(common_clock));
    model
}

fn common_clock() -> release_desk::domain::Timestamp {
    release_desk::model::system_now()
}

/// The shared releases as the server holds them, in id order.
pub fn server_releases(url: &str) -> Vec<release_desk::domain::Release> {
    use release_desk::store::team::change::{RecordKind, release_from_fields};
    let mut server = release_desk::store::team::server::Server::connect(url, None).unwrap();
    server
        .records(RecordKind::Release)
        .unwrap()
        .into_iter()
        .map(|(_, data)| release_from_fields(data).unwrap())
        .collect()
}

/// The server's records of `kind`, in id order, as JSON objects.
pub fn server_records(
    url: &str,
    kind: release_desk::model::team::RecordKind,
) -> Vec<serde_json::Map<String, serde_json::Value>> {
    let mut server = release_desk::store::team::server::Server::connect(url, None).unwrap();
    server.records(kind).unwrap().into_iter().map(|(_, data)| data).collect()
}

/// How many changes the server's log holds (seqs may skip: a retried push or a restart uses some).
pub fn server_changes(url: &str) -> i64 {
    let mut client = postgres::Client::connect(url, postgres::NoTls).unwrap();
    client.query_one("SELECT count(*) FROM release_desk.changes", &[]).unwrap().get(0)
}
