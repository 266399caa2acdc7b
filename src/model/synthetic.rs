//! `demo --releases N`: a synthetic data set of any size written into a new database in one
//! transaction, batch by batch, so a million releases and their activity logs never sit in
//! memory at once. It is not a command: nothing is there to undo (the file was new), and the
//! model that wrote it is used up, so its memory never disagrees with the file.

use super::plan::KEY_CURRENT_AGENT;
use super::{CommandError, Model};
use crate::domain::sample::{self, Synthetic};
use crate::domain::{Activity, AgentId, Release};
use crate::store::Mutation;

/// The seed of every synthetic data set (the benchmarks' seed): the same N gives the same file.
pub const SYNTHETIC_SEED: u64 = 7;

/// Releases written per batch of the one transaction.
const BATCH: usize = 10_000;

/// What `demo --releases` asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyntheticSpec {
    pub releases: usize,
    /// Rows of each release's activity log ("created" first); 0 for none.
    pub activities_per_release: usize,
}

/// What was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntheticReport {
    pub releases: usize,
    pub activities: usize,
    /// The agent the data set signs in as.
    pub agent: String,
}

impl Model {
    /// Writes the synthetic data set of `spec` (releases of the sample's people, anchored now)
    /// into this database, which must be new: no release was ever made in it and it has no
    /// people. All or nothing.
    pub fn write_synthetic(mut self, spec: SyntheticSpec) -> Result<SyntheticReport, CommandError> {
        let directory = &self.directory;
        let used = self.release_high_water > 0
            || !self.releases.is_empty()
            || !directory.agents.is_empty()
            || !directory.groups.is_empty()
            || !directory.departments.is_empty();
        if used {
            return Err(CommandError::SyntheticNeedsNewDatabase);
        }
        let people = sample::directory();
        let agent = people.agent_name(Some(AgentId(1))).to_owned();
        let mut head: Vec<Mutation> = Vec::new();
        head.extend(people.agents.into_iter().map(Mutation::PutAgent));
        head.extend(people.groups.into_iter().map(Mutation::PutGroup));
        head.extend(people.departments.into_iter().map(Mutation::PutDepartment));
        head.push(Mutation::PutSetting { key: KEY_CURRENT_AGENT.into(), value: "1".into() });
        let mut releases = Synthetic::new(SYNTHETIC_SEED, self.now());
        let per_release = spec.activities_per_release;
        let batches = (0..spec.releases).step_by(BATCH).map(move |start| {
            let batch: Vec<Release> = releases.by_ref().take(BATCH.min(spec.releases - start)).collect();
            let log: Vec<Activity> =
                batch.iter().flat_map(|r| sample::synthetic_activities(r, per_release)).collect();
            (batch.into_iter().map(Mutation::PutRelease).collect::<Vec<_>>(), log)
        });
        self.store.commit_batches(std::iter::once((head, Vec::new())).chain(batches))?;
        Ok(SyntheticReport { releases: spec.releases, activities: spec.releases * per_release, agent })
    }
}
