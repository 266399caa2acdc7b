//! Shared set-up for the benchmarks: a file of generated releases.

#![allow(clippy::unwrap_used, dead_code)]

use chrono::TimeZone as _;
use release_desk::domain::sample;
use release_desk::store::{Mutation, Store};

/// A temporary database holding `count` generated releases (seed 7, anchored 2026-11-26 12:00 UTC)
/// and their agents, groups and departments.
pub fn database(count: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.sqlite3");
    let now = chrono::Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).single().unwrap();
    let data = sample::generate(count, 7, now);
    let mut store = Store::open(&path).unwrap();
    let mut mutations: Vec<Mutation> = data.directory.agents.into_iter().map(Mutation::PutAgent).collect();
    mutations.extend(data.directory.groups.into_iter().map(Mutation::PutGroup));
    mutations.extend(data.directory.departments.into_iter().map(Mutation::PutDepartment));
    mutations.extend(data.releases.into_iter().map(Mutation::PutRelease));
    store.commit(&mutations, &[]).unwrap();
    (dir, path)
}
