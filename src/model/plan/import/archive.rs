//! An archive put into an empty database: every part of it, ids as they were, in one command.

use crate::domain::import::ImportCounts;
use crate::domain::release::validate_release;
use crate::model::plan::{Effect, check_people};
use crate::model::{ArchiveContents, CommandError, Model};
use crate::store::{
    CabMutation, MonitoringMutation, Mutation, RegulatorMutation, ScheduleMutation, Snapshot,
};

impl Model {
    /// Whether nothing but settings is stored: an archive goes only into such a database.
    fn holds_nothing(&self) -> bool {
        self.releases.is_empty()
            && self.directory.agents.is_empty()
            && self.directory.groups.is_empty()
            && self.directory.departments.is_empty()
            && self.saved_views.is_empty()
            && self.notes.is_empty()
            && self.tasks.is_empty()
            && self.time_entries.is_empty()
            && self.registry.changes.is_empty()
            && self.registry.config_items.is_empty()
            && self.readiness.is_empty()
            && self.stage_history.is_empty()
            && self.templates.is_empty()
            && self.backout.is_empty()
            && self.impact.is_empty()
            && self.reviews.is_empty()
            && self.external_links.is_empty()
            && self.schedule.windows.is_empty()
            && self.schedule.freezes.is_empty()
            && self.cabs.cabs.is_empty()
            && self.cabs.votes.is_empty()
            && self.monitoring.is_empty()
            && self.cabs.meetings.is_empty()
            && self.regulators.steps.is_empty()
            && self.regulators.approvals.is_empty()
    }

    /// Puts a whole archive into this (empty) database, ids as they were.
    pub(super) fn plan_import_archive(
        &self,
        archive: ArchiveContents,
        effect: &mut Effect,
    ) -> Result<ImportCounts, CommandError> {
        if !self.holds_nothing() {
            return Err(CommandError::ArchiveNeedsEmptyDatabase);
        }
        let ArchiveContents { snapshot, activities } = archive;
        // Every part of the snapshot by name: a new one does not compile until it is put here.
        let Snapshot {
            releases,
            directory,
            settings,
            saved_views,
            release_high_water: _,
            notes,
            tasks,
            time_entries,
            registry,
            readiness,
            stage_history,
            backout,
            impact,
            reviews,
            templates,
            external_links,
            schedule,
            cabs,
            monitoring,
            regulators,
        } = snapshot;
        for release in &releases {
            validate_release(release)?;
        }
        // The file's foreign keys would refuse a release naming a person the archive does not
        // hold; checked here, the dry run says so first.
        for r in &releases {
            check_people(&directory, r.agent_id, r.group_id, r.department_id)?;
        }
        for r in &monitoring.readings {
            r.metric.check_name()?;
            r.metric.check_value(r.value)?;
        }
        for t in &monitoring.thresholds {
            t.validate()?;
        }
        let created = releases.len();
        let m = &mut effect.mutations;
        m.extend(directory.agents.into_iter().map(Mutation::PutAgent));
        m.extend(directory.groups.into_iter().map(Mutation::PutGroup));
        m.extend(directory.departments.into_iter().map(Mutation::PutDepartment));
        m.extend(registry.changes.into_iter().map(Mutation::PutChange));
        m.extend(registry.config_items.into_iter().map(Mutation::PutConfigItem));
        m.extend(releases.into_iter().map(Mutation::PutRelease));
        m.extend(notes.into_iter().map(Mutation::PutNote));
        m.extend(tasks.into_iter().map(Mutation::PutTask));
        m.extend(time_entries.into_iter().map(Mutation::PutTimeEntry));
        m.extend(
            readiness.into_iter().map(|(release, readiness)| Mutation::PutReadiness { release, readiness }),
        );
        m.extend(stage_history.into_iter().map(Mutation::PutStageEntry));
        m.extend(templates.into_iter().map(Mutation::PutTemplate));
        m.extend(backout.into_iter().map(|(release, plan)| Mutation::PutBackout { release, plan }));
        m.extend(impact.into_iter().map(|(release, impact)| Mutation::PutImpact { release, impact }));
        m.extend(reviews.into_iter().map(|(release, review)| Mutation::PutReview { release, review }));
        m.extend(saved_views.into_iter().map(Mutation::PutSavedView));
        m.extend(settings.into_iter().map(|(key, value)| Mutation::PutSetting { key, value }));
        m.extend(external_links.iter().map(Mutation::PutExternalLink));
        m.extend(schedule.windows.into_iter().map(|w| Mutation::Schedule(ScheduleMutation::PutWindow(w))));
        m.extend(schedule.freezes.into_iter().map(|f| Mutation::Schedule(ScheduleMutation::PutFreeze(f))));
        m.extend(cabs.cabs.into_iter().map(|c| Mutation::Cab(CabMutation::PutCab(c))));
        m.extend(cabs.votes.into_iter().map(|v| Mutation::Cab(CabMutation::PutVote(v))));
        m.extend(
            monitoring.readings.into_iter().map(|r| Mutation::Monitoring(MonitoringMutation::PutReading(r))),
        );
        m.extend(
            monitoring
                .thresholds
                .into_iter()
                .map(|t| Mutation::Monitoring(MonitoringMutation::PutThreshold(t))),
        );
        m.extend(cabs.meetings.into_iter().map(|x| Mutation::Cab(CabMutation::PutMeeting(x))));
        m.extend(regulators.steps.into_iter().map(|s| Mutation::Regulator(RegulatorMutation::PutStep(s))));
        m.extend(
            regulators.approvals.into_iter().map(|a| Mutation::Regulator(RegulatorMutation::PutApproval(a))),
        );
        effect.activities.extend(activities);
        Ok(ImportCounts { created, updated: 0, unchanged: 0 })
    }
}
