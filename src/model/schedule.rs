//! The schedule as the window and the CLI read it: the deployment windows and freezes, the
//! conflicts of a range (found once per revision and range, then shared), the conflicts a draft
//! would have, and the hard freezes the Deploy gate checks; and the schedule's commands with their
//! names.

use std::sync::{Arc, Mutex};

use chrono::Duration;

use super::Model;
use crate::domain::activity::CommandSummary;
use crate::domain::schedule::{
    Conflict, Conflicts, Schedule, TimeRange, conflicts::draft_conflicts, find_conflicts,
};
use crate::domain::schedule::{DeploymentWindow, Freeze};
use crate::domain::{FreezeId, PlannedWindow, Release, ReleaseId, WindowId};

/// Commands on deployment windows and change freezes, and the calendar's reschedule.
#[derive(Clone, Debug, PartialEq)]
pub enum ScheduleCommand {
    /// Adds a window (its `id` is ignored: the next free one is given).
    AddWindow(DeploymentWindow),
    /// Replaces the window with the same id.
    EditWindow(DeploymentWindow),
    DeleteWindow(WindowId),
    /// Adds a freeze (its `id` is ignored: the next free one is given).
    AddFreeze(Freeze),
    /// Replaces the freeze with the same id.
    EditFreeze(Freeze),
    DeleteFreeze(FreezeId),
    /// Adds windows and freezes read from a calendar file: all of them or none (ids ignored).
    Import {
        windows: Vec<DeploymentWindow>,
        freezes: Vec<Freeze>,
    },
    /// Moves or resizes a release's planned window (a bar dragged on the calendar). With
    /// `move_phases`, the deployment phases planned inside the old window move by as much.
    Reschedule {
        id: ReleaseId,
        planned: PlannedWindow,
        move_phases: bool,
    },
}

/// Conflicts found for one revision of the model and one range.
type Found = (u64, TimeRange, Arc<Conflicts>);

/// The conflicts last found: the revision and range they are of.
#[derive(Default)]
pub(super) struct ConflictCache(Mutex<Option<Found>>);

impl Model {
    /// Every deployment window and freeze.
    pub fn schedule(&self) -> &Schedule {
        &self.schedule
    }

    /// Every conflict touching `range`, found once for this revision and range (each made as
    /// it is read).
    pub fn conflicts(&self, range: TimeRange) -> Arc<Conflicts> {
        let mut cache = match self.conflicts.0.lock() {
            Ok(cache) => cache,
            // A panic while finding conflicts left no half-written entry worth keeping.
            Err(poisoned) => poisoned.into_inner(),
        };
        if let Some((revision, cached_range, found)) = cache.as_ref()
            && *revision == self.revision
            && *cached_range == range
        {
            return Arc::clone(found);
        }
        let found = Arc::new(find_conflicts(
            &self.releases,
            &self.schedule.windows,
            &self.schedule.freezes,
            &self.stage_history,
            range,
        ));
        *cache = Some((self.revision, range, Arc::clone(&found)));
        found
    }

    /// The conflicts `draft` would have if it were saved as it is (a new release, a planned
    /// window being edited, a bar being dragged): the release with its id is left out.
    pub fn draft_conflicts(&self, draft: &Release) -> Vec<Conflict> {
        draft_conflicts(
            draft,
            &self.releases,
            &self.schedule.windows,
            &self.schedule.freezes,
            &self.stage_history,
        )
    }

    /// The names of the hard freezes that hold `release` from now until its planned end (or now,
    /// once that has passed): the Deploy gate refuses it without a written override.
    pub(super) fn hard_freezes_at_deploy(&self, release: &Release) -> Vec<String> {
        let now = self.now();
        let until = release.planned.end.max(now + Duration::seconds(1));
        self.schedule.hard_freezes_holding(release, now, until).into_iter().map(|f| f.name.clone()).collect()
    }
}

/// The name of a schedule command, as the Edit menu and the log say it.
pub(super) fn summary(command: &ScheduleCommand) -> CommandSummary {
    match command {
        ScheduleCommand::AddWindow(w) => CommandSummary::AddWindow { name: w.name.trim().to_owned() },
        ScheduleCommand::EditWindow(w) => CommandSummary::EditWindow { name: w.name.trim().to_owned() },
        ScheduleCommand::DeleteWindow(_) => CommandSummary::DeleteWindow,
        ScheduleCommand::AddFreeze(f) => CommandSummary::AddFreeze { name: f.name.trim().to_owned() },
        ScheduleCommand::EditFreeze(f) => CommandSummary::EditFreeze { name: f.name.trim().to_owned() },
        ScheduleCommand::DeleteFreeze(_) => CommandSummary::DeleteFreeze,
        ScheduleCommand::Import { windows, freezes } => {
            CommandSummary::ImportSchedule { windows: windows.len() as u32, freezes: freezes.len() as u32 }
        }
        ScheduleCommand::Reschedule { id, .. } => CommandSummary::Reschedule { release: *id },
    }
}
