//! Planning of the schedule commands: deployment windows and change freezes added, edited,
//! deleted or imported from a calendar file (all or nothing), and a release's planned window
//! moved on the calendar (its phases inside the old window moving with it).

use chrono::Duration;

use super::Effect;
use crate::domain::activity::{ScheduleRef, readiness_changes};
use crate::domain::schedule::{DeploymentWindow, Freeze, Scope};
use crate::domain::{
    ActivityKind, Field, FieldChange, FreezeId, PlannedWindow, ReleaseId, Timestamp, Value, WindowId,
    release::validate_window,
};
use crate::model::{CommandError, Model, ScheduleCommand};
use crate::store::Mutation;
use crate::store::ScheduleMutation;

/// A window as the log and the conflicts dialog show it.
pub(in crate::model) fn window_ref(w: &DeploymentWindow) -> Value {
    Value::Schedule(ScheduleRef::new(&w.name, &w.timing, w.zone, None))
}

/// A freeze as the log and the conflicts dialog show it.
pub(in crate::model) fn freeze_ref(f: &Freeze) -> Value {
    Value::Schedule(ScheduleRef::new(&f.name, &f.timing, f.zone, Some(f.kind)))
}

impl Model {
    /// Validates one of the schedule commands and works out its effect. Changes nothing.
    pub(super) fn plan_schedule(
        &self,
        command: ScheduleCommand,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        match command {
            ScheduleCommand::AddWindow(window) => {
                let window = DeploymentWindow { id: WindowId(self.new_window_ids().take()), ..window };
                self.plan_put_window(window, now, effect)
            }
            ScheduleCommand::EditWindow(window) => {
                self.schedule.window(window.id).ok_or(CommandError::NoSuchWindow(window.id))?;
                self.plan_put_window(window, now, effect)
            }
            ScheduleCommand::DeleteWindow(id) => {
                let old = self.schedule.window(id).ok_or(CommandError::NoSuchWindow(id))?;
                let removed = FieldChange::removed(Field::Window, window_ref(old));
                effect.activities.push(self.activity(None, now, ActivityKind::Window, vec![removed]));
                effect.mutations.push(Mutation::Schedule(ScheduleMutation::RemoveWindow(id)));
                Ok(())
            }
            ScheduleCommand::AddFreeze(freeze) => {
                let freeze = Freeze { id: FreezeId(self.new_freeze_ids().take()), ..freeze };
                self.plan_put_freeze(freeze, now, effect)
            }
            ScheduleCommand::EditFreeze(freeze) => {
                self.schedule.freeze(freeze.id).ok_or(CommandError::NoSuchFreeze(freeze.id))?;
                self.plan_put_freeze(freeze, now, effect)
            }
            ScheduleCommand::DeleteFreeze(id) => {
                let old = self.schedule.freeze(id).ok_or(CommandError::NoSuchFreeze(id))?;
                let removed = FieldChange::removed(Field::Freeze, freeze_ref(old));
                effect.activities.push(self.activity(None, now, ActivityKind::Freeze, vec![removed]));
                effect.mutations.push(Mutation::Schedule(ScheduleMutation::RemoveFreeze(id)));
                Ok(())
            }
            ScheduleCommand::Import { windows, freezes } => {
                self.plan_schedule_import(windows, freezes, now, effect)
            }
            ScheduleCommand::Reschedule { id, planned, move_phases } => {
                self.plan_reschedule(id, planned, move_phases, now, effect)
            }
        }
    }

    /// A window's scope names a group or CI that exists.
    fn check_scope(&self, scope: Scope) -> Result<(), CommandError> {
        match scope {
            Scope::Group(group) => self.check_refs(None, Some(group), None),
            Scope::ConfigItem(item) if self.registry.config_item(item).is_none() => {
                Err(CommandError::NoSuchConfigItem(item))
            }
            Scope::All | Scope::ReleaseType(_) | Scope::ConfigItem(_) => Ok(()),
        }
    }

    pub(in crate::model) fn plan_put_window(
        &self,
        mut window: DeploymentWindow,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        window.name = window.name.trim().to_owned();
        window.validate()?;
        self.check_scope(window.scope)?;
        let old = self.schedule.window(window.id);
        if old == Some(&window) {
            return Ok(());
        }
        let old_value = old.map_or(Value::None, window_ref);
        let change = FieldChange::new(Field::Window, old_value, window_ref(&window));
        effect.activities.push(self.activity(None, now, ActivityKind::Window, vec![change]));
        effect.mutations.push(Mutation::Schedule(ScheduleMutation::PutWindow(window)));
        Ok(())
    }

    pub(in crate::model) fn plan_put_freeze(
        &self,
        mut freeze: Freeze,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        freeze.name = freeze.name.trim().to_owned();
        freeze.exempt_reason = freeze.exempt_reason.trim().to_owned();
        freeze.validate()?;
        self.check_scope(freeze.scope)?;
        let old = self.schedule.freeze(freeze.id);
        if old == Some(&freeze) {
            return Ok(());
        }
        let old_value = old.map_or(Value::None, freeze_ref);
        let change = FieldChange::new(Field::Freeze, old_value, freeze_ref(&freeze));
        effect.activities.push(self.activity(None, now, ActivityKind::Freeze, vec![change]));
        effect.mutations.push(Mutation::Schedule(ScheduleMutation::PutFreeze(freeze)));
        Ok(())
    }

    /// Every window and freeze of a calendar file, with fresh ids; one invalid entry refuses all.
    fn plan_schedule_import(
        &self,
        windows: Vec<DeploymentWindow>,
        freezes: Vec<Freeze>,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        if windows.is_empty() && freezes.is_empty() {
            return Err(CommandError::NothingToImport);
        }
        let mut window_ids = self.new_window_ids();
        for window in windows {
            self.plan_put_window(
                DeploymentWindow { id: WindowId(window_ids.take()), ..window },
                now,
                effect,
            )?;
        }
        let mut freeze_ids = self.new_freeze_ids();
        for freeze in freezes {
            self.plan_put_freeze(Freeze { id: FreezeId(freeze_ids.take()), ..freeze }, now, effect)?;
        }
        Ok(())
    }

    /// Moves release `id` to `planned`; with `move_phases`, its phases planned inside the old
    /// window move by as much as its start did.
    fn plan_reschedule(
        &self,
        id: ReleaseId,
        planned: PlannedWindow,
        move_phases: bool,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        validate_window(&planned)?;
        let old = self.existing_release(id)?;
        if old.is_deleted() {
            return Err(CommandError::InTrash(vec![id]));
        }
        let before = old.planned;
        let mut moved = old.clone();
        moved.planned = planned;
        self.put_release_logged(effect, old, moved, now, ActivityKind::Field);
        let shift: Duration = planned.start - before.start;
        if !move_phases || shift.is_zero() {
            return Ok(());
        }
        let readiness = self.readiness(id);
        let mut shifted = readiness.clone().into_owned();
        for phase in &mut shifted.phases {
            let inside = |t: Option<Timestamp>| t.is_some_and(|t| before.start <= t && t <= before.end);
            if inside(phase.planned_start) && (phase.planned_end.is_none() || inside(phase.planned_end)) {
                phase.planned_start = phase.planned_start.map(|t| t + shift);
                phase.planned_end = phase.planned_end.map(|t| t + shift);
            }
        }
        if shifted == *readiness {
            return Ok(());
        }
        // The phases' times are not in the log's phase values; the planned window's move is.
        for change in readiness_changes(&readiness, &shifted) {
            effect.activities.push(self.activity(Some(id), now, ActivityKind::Readiness, vec![change]));
        }
        effect.mutations.push(Mutation::PutReadiness { release: id, readiness: shifted });
        Ok(())
    }

    /// The sample's windows and freezes, with ids after those in use, groups mapped to this
    /// database's and CI ids moved by `item_offset` (as the sample's CIs are).
    pub(in crate::model) fn plan_sample_schedule(
        &self,
        schedule: &crate::domain::schedule::Schedule,
        groups: &std::collections::HashMap<crate::domain::GroupId, crate::domain::GroupId>,
        item_offset: i64,
        effect: &mut Effect,
    ) {
        let scope = |scope: Scope| match scope {
            Scope::Group(g) => groups.get(&g).map_or(Scope::All, |g| Scope::Group(*g)),
            Scope::ConfigItem(c) => Scope::ConfigItem(c.offset(item_offset)),
            Scope::All | Scope::ReleaseType(_) => scope,
        };
        let mut window_ids = self.new_window_ids();
        for w in &schedule.windows {
            let window =
                DeploymentWindow { id: WindowId(window_ids.take()), scope: scope(w.scope), ..w.clone() };
            effect.mutations.push(Mutation::Schedule(ScheduleMutation::PutWindow(window)));
        }
        let mut freeze_ids = self.new_freeze_ids();
        for f in &schedule.freezes {
            let freeze = Freeze { id: FreezeId(freeze_ids.take()), scope: scope(f.scope), ..f.clone() };
            effect.mutations.push(Mutation::Schedule(ScheduleMutation::PutFreeze(freeze)));
        }
    }
}
