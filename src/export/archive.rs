//! The whole database as one versioned JSON file, and back: releases with everything they carry
//! (notes, tasks, time, readiness, stage history, back-out plans, impact, reviews), people,
//! release templates, settings (KPI targets among them), saved views, Changes and CIs, CABs with
//! their votes and meetings, metric readings and thresholds, the links of imported records
//! and the activity log. Deployment windows and freezes are not carried yet: a database that has
//! any is refused by `archive` rather than archived without them. Every part of the model's snapshot is named here by destructuring, so a
//! part a later issue adds does not compile until the archive carries it. An archive of a newer
//! format is refused with its version.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::domain::import::{ImportProblem, ProblemKind};
use crate::domain::schedule::Schedule;
use crate::domain::{
    Activity, ActivityId, ActivityKind, AgentId, BackoutPlan, Cabs, Directory, ExternalLink, Field,
    FieldChange, ImpactAnalysis, Monitoring, Note, Readiness, Registry, Regulators, Release, ReleaseId,
    Review, SavedView, StageEntry, Task, Template, TimeEntry, Timestamp, Value,
};
use crate::model::{ArchiveContents, Model};
use crate::store::{Snapshot, StoreError};

/// What the `format` field of every archive says.
pub const FORMAT: &str = "release-desk-archive";
/// The archive format this build writes and the newest it reads: 2 carries the CAB meetings
/// (in `cabs.meetings`); a version 1 archive has none and reads as such.
pub const VERSION: u32 = 2;

/// One archive file.
#[derive(Serialize, Deserialize)]
struct Archive {
    format: String,
    version: u32,
    /// The app that wrote it (for people reading the file; not checked).
    #[serde(default)]
    written_by: String,
    #[serde(default)]
    written_at: Option<Timestamp>,
    releases: Vec<Release>,
    directory: Directory,
    settings: BTreeMap<String, String>,
    saved_views: Vec<SavedView>,
    /// The highest release id ever given, so ids are not given again after an import.
    release_high_water: i64,
    notes: Vec<Note>,
    tasks: Vec<Task>,
    time_entries: Vec<TimeEntry>,
    registry: Registry,
    readiness: BTreeMap<ReleaseId, Readiness>,
    stage_history: Vec<StageEntry>,
    backout: BTreeMap<ReleaseId, BackoutPlan>,
    impact: BTreeMap<ReleaseId, ImpactAnalysis>,
    reviews: BTreeMap<ReleaseId, Review>,
    external_links: Vec<ExternalLink>,
    /// The user's own release templates (archives written before templates had none).
    #[serde(default)]
    templates: Vec<Template>,
    /// The CABs, their votes and (from version 2) their meetings (archives written before CABs
    /// had none).
    #[serde(default)]
    cabs: Cabs,
    /// Metric readings and thresholds after deploy (archives written before monitoring had none).
    #[serde(default)]
    monitoring: Monitoring,
    /// The regulator steps and their approvals (archives written before them had none).
    #[serde(default)]
    regulators: Regulators,
    /// Oldest first.
    activities: Vec<LoggedChange>,
}

/// One row of the activity log, with its kind and fields as their stored codes.
#[derive(Serialize, Deserialize)]
struct LoggedChange {
    release_id: Option<ReleaseId>,
    actor: Option<AgentId>,
    at: Timestamp,
    kind: String,
    changes: Vec<LoggedField>,
}

#[derive(Serialize, Deserialize)]
struct LoggedField {
    field: String,
    old: Value,
    new: Value,
}

impl LoggedChange {
    fn of(a: &Activity) -> Self {
        Self {
            release_id: a.release_id,
            actor: a.actor,
            at: a.at,
            kind: a.kind.code().to_owned(),
            changes: a
                .changes
                .iter()
                .map(|c| LoggedField {
                    field: c.field.code().to_owned(),
                    old: c.old.clone(),
                    new: c.new.clone(),
                })
                .collect(),
        }
    }

    fn into_activity(self) -> Option<Activity> {
        Some(Activity {
            id: ActivityId(0),
            release_id: self.release_id,
            actor: self.actor,
            at: self.at,
            kind: ActivityKind::from_code(&self.kind)?,
            changes: self
                .changes
                .into_iter()
                .map(|c| FieldChange { field: Field::from_code(&c.field), old: c.old, new: c.new })
                .collect(),
        })
    }
}

/// The whole database of `model` as archive JSON.
pub fn to_json(model: &Model, now: Timestamp) -> Result<String, StoreError> {
    let Snapshot {
        releases,
        directory,
        settings,
        saved_views,
        release_high_water,
        notes,
        tasks,
        time_entries,
        registry,
        readiness,
        stage_history,
        backout,
        impact,
        reviews,
        external_links,
        templates,
        cabs,
        monitoring,
        regulators,
        // Not carried yet (the schedule's types have no JSON form); `archive` refuses a
        // database that has deployment windows or freezes rather than drop them.
        schedule: _,
    } = model.snapshot();
    let mut activities = model.store().all_activities()?;
    activities.sort_by_key(|a| a.id);
    let archive = Archive {
        format: FORMAT.to_owned(),
        version: VERSION,
        written_by: format!("Release Desk {}", env!("CARGO_PKG_VERSION")),
        written_at: Some(now),
        releases,
        directory,
        settings,
        saved_views,
        release_high_water,
        notes,
        tasks,
        time_entries,
        registry,
        readiness,
        stage_history,
        backout,
        impact,
        reviews,
        external_links: external_links.iter().collect(),
        templates,
        cabs,
        monitoring,
        regulators,
        activities: activities.iter().map(LoggedChange::of).collect(),
    };
    serde_json::to_string_pretty(&archive).map_err(|e| StoreError::BadData(e.to_string()))
}

/// Reads an archive file into what [`crate::model::ImportCommand::Archive`] puts into an empty
/// database. `Err` says why not: unreadable, not JSON, not an archive, a newer version.
pub fn read(path: &Path) -> Result<ArchiveContents, ImportProblem> {
    let name = super::import::file_name(path);
    let bytes = std::fs::read(path)
        .map_err(|e| ImportProblem::file(&name, ProblemKind::Unreadable(e.to_string())))?;
    read_bytes(&name, &bytes)
}

/// Reads archive JSON given as bytes (`name` names it in the problem).
pub fn read_bytes(name: &str, bytes: &[u8]) -> Result<ArchiveContents, ImportProblem> {
    let problem = |kind| ImportProblem::file(name, kind);
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| problem(ProblemKind::NotJson(e.to_string())))?;
    if value.get("format").and_then(serde_json::Value::as_str) != Some(FORMAT) {
        return Err(problem(ProblemKind::NotAnArchive));
    }
    let version = value.get("version").and_then(serde_json::Value::as_u64).unwrap_or(0);
    if version > u64::from(VERSION) {
        let found = u32::try_from(version).unwrap_or(u32::MAX);
        return Err(problem(ProblemKind::NewerArchive { found, supported: VERSION }));
    }
    let archive: Archive =
        serde_json::from_value(value).map_err(|e| problem(ProblemKind::NotJson(e.to_string())))?;
    let Archive {
        format: _,
        version: _,
        written_by: _,
        written_at: _,
        releases,
        directory,
        settings,
        saved_views,
        release_high_water,
        notes,
        tasks,
        time_entries,
        registry,
        readiness,
        stage_history,
        backout,
        impact,
        reviews,
        external_links,
        templates,
        cabs,
        monitoring,
        regulators,
        activities,
    } = archive;
    let mut log = Vec::with_capacity(activities.len());
    for (i, row) in activities.into_iter().enumerate() {
        let kind = row.kind.clone();
        match row.into_activity() {
            Some(a) => log.push(a),
            None => {
                return Err(ImportProblem {
                    field: Some(format!("activities[{i}].kind")),
                    ..problem(ProblemKind::UnknownCode(kind))
                });
            }
        }
    }
    let snapshot = Snapshot {
        releases,
        directory,
        settings,
        saved_views,
        release_high_water,
        notes,
        tasks,
        time_entries,
        registry,
        readiness,
        stage_history,
        backout,
        impact,
        reviews,
        external_links: external_links.into_iter().collect(),
        templates,
        schedule: Schedule::default(),
        cabs,
        monitoring,
        regulators,
    };
    Ok(ArchiveContents { snapshot, activities: log })
}
