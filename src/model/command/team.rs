//! The team commands (issue 21): settling a conflict a sync met, keeping this file's value or
//! the team's, with their names.

use crate::domain::activity::CommandSummary;
use crate::domain::team::RecordKey;

/// Which value of a conflict stays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Keep {
    /// This file's value: written here as a normal change and pushed on the next sync.
    Mine,
    /// The team's value, which the server (and so this file) already holds.
    Theirs,
}

/// Commands on the file's team.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TeamCommand {
    /// Settles the open conflict `conflict` (its id in the file) about `record` (a release, a
    /// window or a freeze).
    Resolve { conflict: i64, record: RecordKey, keep: Keep },
}

/// The name of a team command, as the Edit menu and the log say it.
pub(in crate::model) fn summary(command: &TeamCommand) -> CommandSummary {
    match command {
        TeamCommand::Resolve { record, keep, .. } => CommandSummary::ResolveTeamConflict {
            release: record.release_id(),
            keep_mine: *keep == Keep::Mine,
        },
    }
}
