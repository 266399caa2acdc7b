//! Planning of a release's post-implementation review: its texts, and its follow-up actions made
//! tasks of the release in the same command. Saving a review also ticks the "post-implementation
//! review" mitigation item (and "lessons learned" once lessons are written).

use super::Effect;
use crate::domain::activity::{TaskRef, review_changes};
use crate::domain::review::{ReviewRefused, can_review, validate};
use crate::domain::{
    ActivityKind, Field, FieldChange, MitigationItem, ReleaseId, Review, Task, TaskFields, TaskId, Timestamp,
    Value,
};
use crate::model::{CommandError, ItemRefused, Model, ReviewCommand};
use crate::store::Mutation;

impl Model {
    /// Validates one of the review commands and works out its effect. Changes nothing.
    pub(super) fn plan_review(
        &self,
        command: ReviewCommand,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        let ReviewCommand::Save { release: id, went_well, went_wrong, lessons, follow_ups } = command;
        let release = self.existing_release(id)?;
        if release.is_deleted() {
            return Err(ItemRefused::InTrash(id).into());
        }
        if !can_review(release) {
            return Err(ReviewRefused::NotYet.into());
        }
        let old = self.review(id);
        let known = old.map_or(0, |r| r.follow_ups.len());
        let (went_well, went_wrong, lessons) =
            validate(&went_well, &went_wrong, &lessons, known + follow_ups.len())?;
        let mut new = Review {
            went_well,
            went_wrong,
            lessons,
            follow_ups: old.map(|r| r.follow_ups.clone()).unwrap_or_default(),
            reviewer: self.me(),
            reviewed_at: Some(now),
        };
        let mut changes = review_changes(old, &new);
        let mut next = self.new_task_ids();
        for fields in &follow_ups {
            let fields = self.follow_up_fields(fields)?;
            let task = TaskId(next.take());
            changes.push(FieldChange::added(
                Field::FollowUp,
                Value::Task(TaskRef { title: fields.title.clone(), status: fields.status }),
            ));
            effect.mutations.push(Mutation::PutTask(Task {
                id: task,
                release_id: id,
                fields,
                created_at: now,
                updated_at: now,
            }));
            new.follow_ups.push(task);
        }
        if changes.is_empty() {
            return Ok(());
        }
        effect.activities.push(self.activity(Some(id), now, ActivityKind::Review, changes));
        self.tick_review_mitigations(id, !new.lessons.is_empty(), now, effect);
        effect.mutations.push(Mutation::PutReview { release: id, review: new });
        Ok(())
    }

    /// A follow-up action as a task: titled, checked as a task is.
    fn follow_up_fields(&self, fields: &TaskFields) -> Result<TaskFields, CommandError> {
        let title = fields.title.trim().to_owned();
        if title.is_empty() {
            return Err(ItemRefused::TaskTitleRequired.into());
        }
        if title.chars().count() > crate::domain::release::SUBJECT_MAX_CHARS {
            return Err(ItemRefused::TaskTitleTooLong.into());
        }
        self.check_refs(fields.agent_id, fields.group_id, None)?;
        Ok(TaskFields { title, ..fields.clone() })
    }

    /// Ticks "post-implementation review" (and "lessons learned" when `lessons`) in the release's
    /// after-deployment mitigation checklist, if not ticked yet.
    fn tick_review_mitigations(&self, id: ReleaseId, lessons: bool, now: Timestamp, effect: &mut Effect) {
        let old = self.readiness(id);
        let mut new = old.clone().into_owned();
        new.mitigation_done.insert(MitigationItem::PostReview);
        if lessons {
            new.mitigation_done.insert(MitigationItem::LessonsLearned);
        }
        if new == *old {
            return;
        }
        for change in crate::domain::activity::readiness_changes(&old, &new) {
            effect.activities.push(self.activity(Some(id), now, ActivityKind::Readiness, vec![change]));
        }
        effect.mutations.push(Mutation::PutReadiness { release: id, readiness: new });
    }
}
