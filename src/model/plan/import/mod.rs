//! Planning of the imports: a batch of releases from Freshservice JSON or CSV matched against the
//! database by external id (new ones added, the others given only what changed, so the same file
//! twice changes nothing), the people it names mapped onto this database's, and a whole archive
//! put into an empty database. One command each: one transaction, one undo.

mod archive;
mod people;
mod work;

use std::collections::{HashMap, HashSet};

use super::Effect;
use crate::domain::activity::release_changes;
use crate::domain::import::{FieldSet, ImportBatch, ImportCounts, ImportField};
use crate::domain::release::validate_release;
use crate::domain::{
    ActivityKind, AgentId, DepartmentId, Field, FieldChange, GroupId, Release, ReleaseId, Timestamp, Value,
};
use crate::model::{CommandError, ImportCommand, Model};
use crate::store::Mutation;
use people::People;
use work::WorkIds;

/// What an imported release is once its people are mapped.
struct Refs {
    agent: Option<AgentId>,
    group: Option<GroupId>,
    department: Option<DepartmentId>,
}

impl Model {
    /// Validates an import and works out its effect. Changes nothing.
    pub(super) fn plan_import(
        &self,
        command: ImportCommand,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        let counts = match command {
            ImportCommand::Releases(batch) => self.plan_import_batch(batch, now, effect)?,
            ImportCommand::Archive(archive) => self.plan_import_archive(*archive, effect)?,
        };
        effect.import = Some(counts);
        Ok(())
    }

    fn plan_import_batch(
        &self,
        batch: ImportBatch,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<ImportCounts, CommandError> {
        let ImportBatch { source: _, releases, people: brought } = batch;
        let mut people = People::new(self);
        for p in &brought.agents {
            people.agents.bring(p, &mut effect.mutations);
        }
        for p in &brought.groups {
            people.groups.bring(p, &mut effect.mutations);
        }
        for p in &brought.departments {
            people.departments.bring(p, &mut effect.mutations);
        }
        let by_external: HashMap<i64, usize> =
            self.releases.iter().enumerate().filter_map(|(i, r)| r.external_id.map(|e| (e, i))).collect();
        let work = self.work_by_release(&releases, &by_external);
        let mut ids = WorkIds {
            note: self.notes.last().map_or(0, |n| n.id.0),
            task: self.tasks.last().map_or(0, |t| t.id.0),
            time: self.time_entries.last().map_or(0, |e| e.id.0),
        };
        let mut seen: HashSet<i64> = HashSet::new();
        let mut new_ids = self.new_release_ids();
        let mut counts = ImportCounts::default();
        for imported in releases {
            if let Some(external) = imported.release.external_id
                && !seen.insert(external)
            {
                return Err(CommandError::DuplicateExternalId(external));
            }
            let refs = Refs {
                agent: people.agents.resolve(imported.agent.as_ref(), &mut effect.mutations).map(AgentId),
                group: people.groups.resolve(imported.group.as_ref(), &mut effect.mutations).map(GroupId),
                department: people
                    .departments
                    .resolve(imported.department.as_ref(), &mut effect.mutations)
                    .map(DepartmentId),
            };
            let existing =
                imported.release.external_id.and_then(|e| by_external.get(&e)).map(|&i| &self.releases[i]);
            match existing {
                Some(old) => {
                    let mut new = merged(old, &imported.release, imported.fields, &refs);
                    let work_changed =
                        self.plan_imported_work(old.id, &imported, &work, &mut people, &mut ids, now, effect);
                    if new != *old {
                        if !imported.fields.contains(ImportField::UpdatedAt) {
                            new.updated_at = now;
                        }
                        validate_release(&new)?;
                        for change in release_changes(old, &new, &self.directory) {
                            effect.activities.push(self.activity(
                                Some(old.id),
                                now,
                                ActivityKind::Imported,
                                vec![change],
                            ));
                        }
                        effect.mutations.push(Mutation::PutRelease(new));
                        counts.updated += 1;
                    } else if work_changed {
                        counts.updated += 1;
                    } else {
                        counts.unchanged += 1;
                    }
                }
                None => {
                    let id = ReleaseId(new_ids.take());
                    let mut release = Release { id, ..imported.release.clone() };
                    release.agent_id = refs.agent;
                    release.group_id = refs.group;
                    release.department_id = refs.department;
                    if !imported.fields.contains(ImportField::CreatedAt) {
                        release.created_at = now;
                    }
                    if !imported.fields.contains(ImportField::UpdatedAt) {
                        release.updated_at = release.created_at.max(now);
                    }
                    validate_release(&release)?;
                    let subject = FieldChange::added(Field::Subject, Value::text(release.subject.clone()));
                    effect.activities.push(self.activity(
                        Some(id),
                        now,
                        ActivityKind::Imported,
                        vec![subject],
                    ));
                    effect.mutations.push(Mutation::PutRelease(release));
                    self.plan_imported_work(id, &imported, &work, &mut people, &mut ids, now, effect);
                    counts.created += 1;
                }
            }
        }
        Ok(counts)
    }
}

/// `old` with the fields the import gives taken from `new`, and its people as mapped.
fn merged(old: &Release, new: &Release, fields: FieldSet, refs: &Refs) -> Release {
    use ImportField as F;
    let mut out = old.clone();
    let has = |f| fields.contains(f);
    macro_rules! take {
        ($($field:ident => $name:ident),+ $(,)?) => {$(
            if has(F::$field) {
                out.$name = new.$name.clone();
            }
        )+};
    }
    take!(
        Subject => subject,
        Description => description,
        Status => status,
        Priority => priority,
        ReleaseType => release_type,
        WorkStart => work_start,
        WorkEnd => work_end,
        Category => category,
        SubCategory => sub_category,
        ItemCategory => item_category,
        Assets => assets,
        AssociatedChanges => associated_change_ids,
        BuildPlan => build_plan,
        TestPlan => test_plan,
        CustomFields => custom_fields,
        Stage => stage,
        Outcome => outcome,
        ClosedAt => closed_at,
        RollbackCount => rollback_count,
        DowntimeMinutes => downtime_minutes,
        DeletedAt => deleted_at,
        CreatedAt => created_at,
        UpdatedAt => updated_at,
    );
    if has(F::PlannedStart) {
        out.planned.start = new.planned.start;
    }
    if has(F::PlannedEnd) {
        out.planned.end = new.planned.end;
    }
    if has(F::Agent) {
        out.agent_id = refs.agent;
    }
    if has(F::Group) {
        out.group_id = refs.group;
    }
    if has(F::Department) {
        out.department_id = refs.department;
    }
    out
}
