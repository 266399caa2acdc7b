//! Release templates: the shape of a release a team ships again and again (type, priority, group,
//! deployment strategy with its phases, build, test and back-out plans with their checklists,
//! default tasks due relative to the planned start, risks, and an impact analysis), and the two
//! ways a release is made from another shape: [`instantiate`] a template, or [`clone_release`]
//! (a copy with its dates moved and its work reset).
//!
//! Three templates ship with the app ([`builtin`]: the phased ERP upgrade, the bi-weekly mobile
//! release with its A/B phase, the emergency security patch with its impact analysis and the
//! regulator step); the user's own are stored, created, edited and deleted by commands. A
//! built-in's key starts with `builtin-`, and a user's template never takes such a key.

pub mod builtin;

use chrono::Duration;
use serde::{Deserialize, Serialize};

use super::backout::BackoutPlan;
use super::ids::{GroupId, Timestamp};
use super::impact::ImpactAnalysis;
use super::readiness::{DeploymentPhase, PhaseStatus, Readiness, Risk, Strategy};
use super::release::{Plan, PlannedWindow, Priority, Release, ReleaseType};
use super::work::{Task, TaskFields, TaskStatus};

/// The longest template name or key accepted.
pub const NAME_MAX_CHARS: usize = 200;

/// The prefix of the keys of the templates that ship with the app.
pub const BUILTIN_PREFIX: &str = "builtin-";

/// One phase of a template's strategy, its times relative to the release's planned start.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplatePhase {
    pub name: String,
    /// Minutes from the planned start to the phase's start.
    pub start_offset_minutes: i64,
    pub duration_minutes: i64,
}

/// One default task of a template, due relative to the release's planned start.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateTask {
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Minutes from the planned start to the due time (negative: before it).
    pub due_offset_minutes: i64,
}

/// A release template.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    /// Its stable name in files and on the command line ("builtin-erp-phased", "weekly-web").
    pub key: String,
    /// What the user calls it; a built-in's name is shown from the catalogue by its key.
    pub name: String,
    pub release_type: ReleaseType,
    pub priority: Priority,
    #[serde(default)]
    pub group_id: Option<GroupId>,
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub description: String,
    /// The planned window's length.
    pub duration_minutes: i64,
    pub strategy: Strategy,
    #[serde(default)]
    pub phases: Vec<TemplatePhase>,
    #[serde(default)]
    pub build_plan: Option<Plan>,
    #[serde(default)]
    pub test_plan: Option<Plan>,
    #[serde(default)]
    pub backout: Option<BackoutPlan>,
    #[serde(default)]
    pub impact: Option<ImpactAnalysis>,
    /// The risk register a release starts with (empty: the brief's four at 3 x 3).
    #[serde(default)]
    pub risks: Vec<Risk>,
    #[serde(default)]
    pub tasks: Vec<TemplateTask>,
}

impl Template {
    pub fn is_builtin(&self) -> bool {
        self.key.starts_with(BUILTIN_PREFIX)
    }
}

/// Why a template is not acceptable.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TemplateInvalid {
    #[error("a template needs a name")]
    NameRequired,
    #[error("the template's key must be 1 to {NAME_MAX_CHARS} letters, digits or '-'")]
    BadKey,
    #[error("the keys starting with 'builtin-' are the app's own templates")]
    BuiltinKey,
    #[error("the name or a text is too long")]
    TooLong,
    #[error("the planned window must be 1 minute to 30 days long")]
    BadDuration,
    #[error("no template has the key {0}")]
    NoSuchTemplate(String),
}

/// Checks a user's template (trimmed name; a key of letters, digits and '-', not a built-in's).
pub fn validate(mut template: Template) -> Result<Template, TemplateInvalid> {
    template.name = template.name.trim().to_owned();
    if template.name.is_empty() {
        return Err(TemplateInvalid::NameRequired);
    }
    if template.name.chars().count() > NAME_MAX_CHARS || template.description.chars().count() > 10_000 {
        return Err(TemplateInvalid::TooLong);
    }
    let key_ok = !template.key.is_empty()
        && template.key.chars().count() <= NAME_MAX_CHARS
        && template.key.chars().all(|c| c.is_alphanumeric() || c == '-');
    if !key_ok {
        return Err(TemplateInvalid::BadKey);
    }
    if template.is_builtin() {
        return Err(TemplateInvalid::BuiltinKey);
    }
    if !(1..=30 * 24 * 60).contains(&template.duration_minutes) {
        return Err(TemplateInvalid::BadDuration);
    }
    Ok(template)
}

/// A key for a new template named `name`, unused among `taken`: its letters and digits joined by
/// '-' ("Weekly web" -> "weekly-web"), with "-2", "-3", ... when taken.
pub fn key_for(name: &str, taken: &[&str]) -> String {
    let words: Vec<String> =
        name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    let base = if words.is_empty() { "template".to_owned() } else { words.join("-") };
    let base = if base.starts_with(BUILTIN_PREFIX) { format!("my-{base}") } else { base };
    let base: String = base.chars().take(NAME_MAX_CHARS - 4).collect();
    let mut key = base.clone();
    let mut n = 2;
    while taken.contains(&key.as_str()) {
        key = format!("{base}-{n}");
        n += 1;
    }
    key
}

/// What a release made from a template or a copy starts with, beside the release itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Parts {
    pub readiness: Readiness,
    pub backout: Option<BackoutPlan>,
    pub impact: Option<ImpactAnalysis>,
    /// Ids are filled in by the model.
    pub tasks: Vec<TaskFields>,
}

fn phases_at(phases: &[TemplatePhase], start: Timestamp) -> Vec<DeploymentPhase> {
    phases
        .iter()
        .map(|p| DeploymentPhase {
            name: p.name.clone(),
            planned_start: Some(start + Duration::minutes(p.start_offset_minutes)),
            planned_end: Some(start + Duration::minutes(p.start_offset_minutes + p.duration_minutes)),
            status: PhaseStatus::Pending,
        })
        .collect()
}

/// The parts a release made from `template` starts with: every phase, plan, task, risk, back-out plan and impact analysis of the template, dates
/// made absolute from `planned.start`, nothing done.
pub fn instantiate(template: &Template, planned: PlannedWindow) -> Parts {
    let start = planned.start;
    let readiness = Readiness {
        risks: if template.risks.is_empty() { Readiness::default().risks } else { template.risks.clone() },
        strategy: template.strategy,
        phases: phases_at(&template.phases, start),
        ..Readiness::default()
    };
    let tasks = template
        .tasks
        .iter()
        .map(|t| TaskFields {
            title: t.title.clone(),
            description: t.description.clone(),
            status: TaskStatus::Open,
            due: Some(start + Duration::minutes(t.due_offset_minutes)),
            agent_id: None,
            group_id: template.group_id,
        })
        .collect();
    Parts {
        readiness,
        backout: template.backout.as_ref().map(BackoutPlan::reset),
        impact: template.impact.clone(),
        tasks,
    }
}

/// A release's shape as a template (its tasks due relative to its planned start): what "save as
/// template" and cloning share.
pub fn from_release(
    key: String,
    name: String,
    release: &Release,
    readiness: &Readiness,
    backout: Option<&BackoutPlan>,
    impact: Option<&ImpactAnalysis>,
    tasks: &[&Task],
) -> Template {
    let start = release.planned.start;
    let minutes = |t: Timestamp| (t - start).num_minutes();
    let unticked = |plan: &Option<Plan>| {
        plan.clone().map(|mut p| {
            p.items.iter_mut().for_each(|i| i.done = false);
            p
        })
    };
    Template {
        key,
        name,
        release_type: release.release_type,
        priority: release.priority,
        group_id: release.group_id,
        category: release.category.clone(),
        description: release.description.clone(),
        duration_minutes: (release.planned.end - start).num_minutes().max(1),
        strategy: readiness.strategy,
        phases: readiness
            .phases
            .iter()
            .map(|p| {
                let from = p.planned_start.map_or(0, minutes);
                let to = p.planned_end.map_or(from, minutes);
                TemplatePhase {
                    name: p.name.clone(),
                    start_offset_minutes: from,
                    duration_minutes: to - from,
                }
            })
            .collect(),
        build_plan: unticked(&release.build_plan),
        test_plan: unticked(&release.test_plan),
        backout: backout.map(BackoutPlan::reset),
        impact: impact.cloned(),
        risks: readiness.risks.clone(),
        tasks: tasks
            .iter()
            .map(|t| TemplateTask {
                title: t.fields.title.clone(),
                description: t.fields.description.clone(),
                due_offset_minutes: t.fields.due.map_or(0, minutes),
            })
            .collect(),
    }
}

/// The planned window of a copy of `release` starting at `start`: the same length.
pub fn moved_window(release: &Release, start: Timestamp) -> PlannedWindow {
    PlannedWindow { start, end: start + (release.planned.end - release.planned.start) }
}

/// A copy of `source` as a template and the window it moves to, for [`instantiate`]: the copy gets
/// its plans (unticked), strategy and phases, risks, back-out plan (no rehearsals), impact
/// analysis and tasks (open, dates moved); not its notes, time, stage history, review or links.
pub fn clone_release(
    source: &Release,
    readiness: &Readiness,
    backout: Option<&BackoutPlan>,
    impact: Option<&ImpactAnalysis>,
    tasks: &[&Task],
    start: Timestamp,
) -> (Template, PlannedWindow) {
    let template = from_release(String::new(), String::new(), source, readiness, backout, impact, tasks);
    (template, moved_window(source, start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_made_from_names_and_never_taken() {
        assert_eq!(key_for("Weekly web release", &[]), "weekly-web-release");
        assert_eq!(key_for("Weekly web", &["weekly-web"]), "weekly-web-2");
        assert_eq!(key_for("모바일 정기 배포", &[]), "모바일-정기-배포");
        assert_eq!(key_for("builtin-x", &[]), "my-builtin-x");
        assert_eq!(key_for("!!", &[]), "template");
    }

    #[test]
    fn a_template_is_checked() {
        let mut t = builtin::all().remove(0);
        assert_eq!(validate(t.clone()), Err(TemplateInvalid::BuiltinKey));
        t.key = "my erp".into();
        assert_eq!(validate(t.clone()), Err(TemplateInvalid::BadKey));
        t.key = "my-erp".into();
        t.name = "  ".into();
        assert_eq!(validate(t.clone()), Err(TemplateInvalid::NameRequired));
        t.name = " ERP ".into();
        assert_eq!(validate(t).map(|t| t.name), Ok("ERP".to_owned()));
    }
}
