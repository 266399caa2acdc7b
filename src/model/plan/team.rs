//! The plan of a team command: resolving a conflict keeps this file's value as a normal change
//! of that field (logged, undoable, pushed on the next sync) and marks the conflict resolved, or
//! only marks it resolved when the team's value stays.

use super::Effect;
use crate::domain::{ActivityKind, Timestamp};
use crate::model::command::{Keep, TeamCommand};
use crate::model::{CommandError, Model};
use crate::store::Mutation;

impl Model {
    pub(super) fn plan_team(
        &self,
        command: TeamCommand,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        let TeamCommand::Resolve { conflict: id, release, keep } = command;
        let conflict = self
            .team_conflicts
            .iter()
            .find(|c| c.id == id && c.resolved_at.is_none() && c.release_id() == release)
            .ok_or(CommandError::NoSuchConflict(id))?;
        if keep == Keep::Mine {
            if !conflict.can_keep_mine() {
                return Err(CommandError::CannotKeepMine(id));
            }
            let old = self.existing_release(release)?;
            let (mine, _) = self.team_conflict_releases(conflict).ok_or_else(|| {
                CommandError::TeamData(format!("conflict {id}'s value does not read as a release field"))
            })?;
            crate::domain::release::validate_release(&mine)?;
            self.check_refs(mine.agent_id, mine.group_id, mine.department_id)?;
            self.put_release_logged(effect, old, mine, now, ActivityKind::Field);
        }
        effect.mutations.push(Mutation::TeamConflict { id, resolved_at: Some(now) });
        Ok(())
    }
}
