//! Planning of the template commands: saving and deleting the user's own templates, making a
//! release from a template (the release and every part of the template in one command, so one
//! undo takes it all back) and cloning a release (its shape copied, dates moved, work reset).

use super::Effect;
use crate::domain::template::{Parts, builtin, clone_release, instantiate, validate};
use crate::domain::{
    ActivityKind, Field, FieldChange, ReleaseId, Status, Task, TaskId, Template, TemplateInvalid, Timestamp,
    Value,
};
use crate::model::{CommandError, ItemRefused, Model, NewRelease, ReleaseCommand, TemplateCommand};
use crate::store::Mutation;

impl Model {
    /// Validates one of the template commands and works out its effect. Changes nothing.
    pub(super) fn plan_template(
        &self,
        command: TemplateCommand,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        match command {
            TemplateCommand::Save(template) => {
                let template = validate(template)?;
                let old = self.templates.get(&template.key);
                if old == Some(&template) {
                    return Ok(());
                }
                let name = Value::text(template.name.clone());
                let change = match old {
                    Some(old) => FieldChange::new(Field::Name, Value::text(old.name.clone()), name),
                    None => FieldChange::added(Field::Name, name),
                };
                effect.activities.push(self.activity(None, now, ActivityKind::Template, vec![change]));
                effect.mutations.push(Mutation::PutTemplate(template));
            }
            TemplateCommand::Delete(key) => {
                let old = self.templates.get(&key).ok_or_else(|| {
                    if builtin::get(&key).is_some() {
                        TemplateInvalid::BuiltinKey
                    } else {
                        TemplateInvalid::NoSuchTemplate(key.clone())
                    }
                })?;
                let change = FieldChange::removed(Field::Name, Value::text(old.name.clone()));
                effect.activities.push(self.activity(None, now, ActivityKind::Template, vec![change]));
                effect.mutations.push(Mutation::RemoveTemplate(key));
            }
            TemplateCommand::Instantiate { template, release } => {
                let template = self.template(&template).ok_or(TemplateInvalid::NoSuchTemplate(template))?;
                let parts = instantiate(&template, release.planned);
                let origin = FieldChange::added(Field::Template, Value::text(template.name.clone()));
                self.plan_from_shape(&template, release, parts, origin, now, effect)?;
            }
            TemplateCommand::Clone { source, planned_start } => {
                let from = self.existing_release(source)?;
                if from.is_deleted() {
                    return Err(ItemRefused::InTrash(source).into());
                }
                let tasks = self.tasks_for(source);
                let readiness = self.readiness(source);
                let (shape, planned) = clone_release(
                    from,
                    &readiness,
                    self.backout(source),
                    self.impact(source),
                    &tasks,
                    planned_start,
                );
                let release = NewRelease {
                    subject: from.subject.clone(),
                    description: from.description.clone(),
                    status: Status::Open,
                    priority: from.priority,
                    release_type: from.release_type,
                    planned,
                    agent_id: from.agent_id,
                    group_id: from.group_id,
                    department_id: from.department_id,
                    category: from.category.clone(),
                };
                let parts = instantiate(&shape, planned);
                let origin = FieldChange::added(Field::ClonedFrom, Value::text(format!("#{}", from.id)));
                self.plan_from_shape(&shape, release, parts, origin, now, effect)?;
            }
        }
        Ok(())
    }

    /// A template by key: a built-in one or one of the user's.
    pub fn template(&self, key: &str) -> Option<Template> {
        builtin::get(key).or_else(|| self.templates.get(key).cloned())
    }

    /// Every template: the built-in ones, then the user's in key order.
    pub fn templates(&self) -> Vec<Template> {
        builtin::all().into_iter().chain(self.templates.values().cloned()).collect()
    }

    /// Creates `release` (as `ReleaseCommand::Create` does) with the plans of `shape` and `parts`.
    fn plan_from_shape(
        &self,
        shape: &Template,
        release: NewRelease,
        parts: Parts,
        origin: FieldChange,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        self.plan_release(ReleaseCommand::Create(release), now, effect)?;
        let id: ReleaseId = effect.created.ok_or(CommandError::NoSuchRelease(ReleaseId(0)))?;
        for mutation in &mut effect.mutations {
            if let Mutation::PutRelease(r) = mutation
                && r.id == id
            {
                r.build_plan.clone_from(&shape.build_plan);
                r.test_plan.clone_from(&shape.test_plan);
                if r.category.is_none() {
                    r.category.clone_from(&shape.category);
                }
            }
        }
        if let Some(created) = effect.activities.iter_mut().find(|a| a.release_id == Some(id)) {
            created.changes.push(origin);
        }
        effect.mutations.push(Mutation::PutReadiness { release: id, readiness: parts.readiness });
        if let Some(plan) = parts.backout {
            effect.mutations.push(Mutation::PutBackout { release: id, plan });
        }
        if let Some(impact) = parts.impact.filter(|i| !i.is_empty()) {
            effect.mutations.push(Mutation::PutImpact { release: id, impact });
        }
        let mut next = self.new_task_ids();
        for fields in parts.tasks {
            effect.mutations.push(Mutation::PutTask(Task {
                id: TaskId(next.take()),
                release_id: id,
                fields,
                created_at: now,
                updated_at: now,
            }));
        }
        Ok(())
    }
}
