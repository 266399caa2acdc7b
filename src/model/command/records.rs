//! The commands on the records of issue 15 a release carries beside its own fields (its back-out
//! plan, impact analysis and review) and on release templates, with their summaries.

use super::{Command, NewRelease};
use crate::domain::activity::CommandSummary;
use crate::domain::{BackoutEdit, ImpactAnalysis, ReleaseId, TaskFields, Template, Timestamp};

/// Commands on a release's back-out plan.
#[derive(Clone, Debug, PartialEq)]
pub enum BackoutCommand {
    /// Edits the plan; a release without one gets one first (with its type's restore target).
    Edit { release: ReleaseId, edits: Vec<BackoutEdit> },
    /// Removes the plan and its rehearsals.
    Remove(ReleaseId),
}

/// Commands on a release's impact analysis.
#[derive(Clone, Debug, PartialEq)]
pub enum ImpactCommand {
    /// Replaces the analysis (`None`, or one with nothing in it, removes it).
    Set { release: ReleaseId, impact: Option<ImpactAnalysis> },
}

/// Commands on release templates, and the releases made from a template or another release.
#[derive(Clone, Debug, PartialEq)]
pub enum TemplateCommand {
    /// Saves one of the user's templates (new, or replacing the one with its key).
    Save(Template),
    /// Deletes one of the user's templates (the built-in ones stay).
    Delete(String),
    /// Creates `release` with every part of the template `template` (a key): plans, strategy and
    /// phases, risks, back-out plan, impact analysis, tasks due relative to its planned start.
    Instantiate { template: String, release: NewRelease },
    /// Copies a release to start at `planned_start`: its shape (plans unticked, strategy,
    /// phases, risks, back-out plan, impact analysis, tasks reopened) with its dates moved; not
    /// its notes, time, stage, review or links.
    Clone { source: ReleaseId, planned_start: Timestamp },
}

/// Commands on a release's post-implementation review.
#[derive(Clone, Debug, PartialEq)]
pub enum ReviewCommand {
    /// Saves the review's texts and adds each follow-up action as a task of the release, in one
    /// command (one undo takes the review and its new tasks back).
    Save {
        release: ReleaseId,
        went_well: String,
        went_wrong: String,
        lessons: String,
        follow_ups: Vec<TaskFields>,
    },
}

impl From<BackoutCommand> for Command {
    fn from(command: BackoutCommand) -> Self {
        Self::Backout(command)
    }
}

impl From<ImpactCommand> for Command {
    fn from(command: ImpactCommand) -> Self {
        Self::Impact(command)
    }
}

impl From<TemplateCommand> for Command {
    fn from(command: TemplateCommand) -> Self {
        Self::Template(command)
    }
}

impl From<ReviewCommand> for Command {
    fn from(command: ReviewCommand) -> Self {
        Self::Review(command)
    }
}

pub(super) fn template_summary(command: &TemplateCommand) -> CommandSummary {
    match command {
        TemplateCommand::Save(template) => {
            CommandSummary::SaveTemplate { name: template.name.trim().to_owned() }
        }
        TemplateCommand::Delete(key) => CommandSummary::DeleteTemplate { key: key.clone() },
        TemplateCommand::Instantiate { release, .. } => {
            CommandSummary::CreateFromTemplate { subject: release.subject.trim().to_owned() }
        }
        TemplateCommand::Clone { source, .. } => CommandSummary::CloneRelease { release: *source },
    }
}
