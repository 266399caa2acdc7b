//! The team commands (issue 21): settling a conflict a sync met, keeping this file's value or
//! the team's, with their names.

use crate::domain::ReleaseId;
use crate::domain::activity::CommandSummary;

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
    /// Settles the open conflict `conflict` (its id in the file) about `release`.
    Resolve { conflict: i64, release: ReleaseId, keep: Keep },
}

/// The name of a team command, as the Edit menu and the log say it.
pub(in crate::model) fn summary(command: &TeamCommand) -> CommandSummary {
    match command {
        TeamCommand::Resolve { release, keep, .. } => {
            CommandSummary::ResolveTeamConflict { release: *release, keep_mine: *keep == Keep::Mine }
        }
    }
}
