//! Planning of the commands on one release as a whole: create it, edit its fields, move it to
//! Trash.

use super::Effect;
use crate::domain::activity::release_changes;
use crate::domain::release::{validate_release, validate_subject};
use crate::domain::{ActivityKind, Field, FieldChange, Release, ReleaseId, ReleasePatch, Timestamp, Value};
use crate::model::{CommandError, Model, ReleaseCommand, ReleaseEdit};
use crate::store::Mutation;

impl Model {
    /// Validates one of the release commands and works out its effect. Changes nothing.
    pub(super) fn plan_release(
        &self,
        command: ReleaseCommand,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        match command {
            ReleaseCommand::Create(new) => {
                validate_subject(&new.subject)?;
                self.check_refs(new.agent_id, new.group_id, new.department_id)?;
                let id = ReleaseId(self.new_release_ids().take());
                let release = Release {
                    description: new.description,
                    agent_id: new.agent_id,
                    group_id: new.group_id,
                    department_id: new.department_id,
                    category: new.category.filter(|c| !c.trim().is_empty()),
                    ..Release::new(
                        id,
                        new.subject.trim(),
                        new.status,
                        new.priority,
                        new.release_type,
                        new.planned,
                        now,
                    )
                };
                validate_release(&release)?;
                let subject = FieldChange::added(Field::Subject, Value::text(release.subject.clone()));
                effect.activities.push(self.activity(Some(id), now, ActivityKind::Created, vec![subject]));
                effect.mutations.push(Mutation::PutRelease(release));
                effect.created = Some(id);
            }
            ReleaseCommand::Edit { id, edits } => {
                let old = self.release(id).ok_or(CommandError::NoSuchRelease(id))?;
                let mut new = old.clone();
                for edit in edits {
                    apply_edit(&mut new, edit);
                }
                self.check_refs(new.agent_id, new.group_id, new.department_id)?;
                validate_release(&new)?;
                let changes = release_changes(old, &new, &self.directory);
                if changes.is_empty() {
                    return Ok(());
                }
                new.updated_at = now;
                for change in changes {
                    effect.activities.push(self.activity(Some(id), now, ActivityKind::Field, vec![change]));
                }
                // The usual edit (status, priority, agent, group) writes only its columns.
                effect.mutations.push(match ReleasePatch::between(old, &new) {
                    Some(patch) => Mutation::PatchRelease { id, patch },
                    None => Mutation::PutRelease(new),
                });
            }
            ReleaseCommand::Trash(id) => {
                let release = self.release(id).ok_or(CommandError::NoSuchRelease(id))?;
                if release.is_deleted() {
                    return Ok(());
                }
                let patch = ReleasePatch { deleted_at: Some(Some(now)), ..ReleasePatch::touching(now) };
                let deleted = FieldChange::added(Field::DeletedAt, Value::Time(now));
                effect.activities.push(self.activity(Some(id), now, ActivityKind::Trash, vec![deleted]));
                effect.mutations.push(Mutation::PatchRelease { id, patch });
            }
        }
        Ok(())
    }

    /// Puts `new` in place of the release it replaces, logging each changed field as `kind`.
    pub(super) fn put_release_logged(
        &self,
        effect: &mut Effect,
        old: &Release,
        mut new: Release,
        now: Timestamp,
        kind: ActivityKind,
    ) {
        let changes = release_changes(old, &new, &self.directory);
        if changes.is_empty() {
            return;
        }
        new.updated_at = now;
        for change in changes {
            effect.activities.push(self.activity(Some(old.id), now, kind, vec![change]));
        }
        effect.mutations.push(Mutation::PutRelease(new));
    }
}

fn apply_edit(release: &mut Release, edit: ReleaseEdit) {
    match edit {
        ReleaseEdit::Subject(s) => release.subject = s.trim().to_owned(),
        ReleaseEdit::Description(d) => release.description = d,
        ReleaseEdit::Status(s) => release.status = s,
        ReleaseEdit::Priority(p) => release.priority = p,
        ReleaseEdit::ReleaseType(t) => release.release_type = t,
        ReleaseEdit::Planned(w) => release.planned = w,
        ReleaseEdit::WorkWindow { start, end } => {
            release.work_start = start;
            release.work_end = end;
        }
        ReleaseEdit::Agent(a) => release.agent_id = a,
        ReleaseEdit::Group(g) => release.group_id = g,
        ReleaseEdit::Department(d) => release.department_id = d,
        ReleaseEdit::Category(c) => release.category = c.filter(|c| !c.trim().is_empty()),
        ReleaseEdit::SubCategory(c) => release.sub_category = c.filter(|c| !c.trim().is_empty()),
        ReleaseEdit::ItemCategory(c) => release.item_category = c.filter(|c| !c.trim().is_empty()),
        ReleaseEdit::BuildPlan(p) => release.build_plan = p,
        ReleaseEdit::TestPlan(p) => release.test_plan = p,
        ReleaseEdit::Assets(a) => release.assets = a,
        ReleaseEdit::AssociatedChanges(c) => release.associated_change_ids = c,
    }
}
