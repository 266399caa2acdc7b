//! What the store writes and reads: a [`Mutation`] is one change to stored state (a command
//! turns into a list of them, written in one transaction); a [`Snapshot`] is everything the
//! in-memory model holds, as read from the file.

use std::collections::BTreeMap;

use crate::domain::schedule::{DeploymentWindow, Freeze, Schedule};
use crate::domain::{
    Agent, AgentId, BackoutPlan, Cab, CabId, CabMeeting, CabMeetingId, Cabs, Change, ChangeId, ConfigItem,
    ConfigItemId, Department, DepartmentId, Directory, ExternalKind, ExternalLink, ExternalLinks, Group,
    GroupId, ImpactAnalysis, Note, NoteId, Readiness, Registry, RegulatorApproval, RegulatorStep,
    RegulatorStepId, Regulators, Release, ReleaseId, ReleasePatch, Review, SavedView, SavedViewId,
    StageEntry, StageEntryId, Task, TaskId, Template, TimeEntry, TimeEntryId, Vote, VoteSubject,
};
use crate::domain::{FreezeId, MetricName, MetricReading, MetricThreshold, Monitoring, ReadingId, WindowId};

/// One change to stored state. A command turns into a list of these, written together.
#[derive(Clone, Debug, PartialEq)]
pub enum Mutation {
    /// Insert or replace a release (all its fields).
    PutRelease(Release),
    /// Change a few fields of a release that exists (bulk actions): one narrow `UPDATE`.
    PatchRelease {
        id: ReleaseId,
        patch: ReleasePatch,
    },
    /// Remove a release from the file for good.
    RemoveRelease(ReleaseId),
    PutAgent(Agent),
    RemoveAgent(AgentId),
    PutGroup(Group),
    RemoveGroup(GroupId),
    PutDepartment(Department),
    RemoveDepartment(DepartmentId),
    /// Insert or replace a setting; the value is JSON text.
    PutSetting {
        key: String,
        value: String,
    },
    RemoveSetting(String),
    PutSavedView(SavedView),
    RemoveSavedView(SavedViewId),
    /// Insert or replace a note of a release.
    PutNote(Note),
    RemoveNote(NoteId),
    /// Insert or replace a task of a release.
    PutTask(Task),
    RemoveTask(TaskId),
    /// Insert or replace a time entry (a running timer included).
    PutTimeEntry(TimeEntry),
    RemoveTimeEntry(TimeEntryId),
    /// Insert or replace a Change of the registry.
    PutChange(Change),
    RemoveChange(ChangeId),
    /// Insert or replace a configuration item of the registry.
    PutConfigItem(ConfigItem),
    RemoveConfigItem(ConfigItemId),
    /// Insert or replace a release's readiness (checklists, risks, strategy).
    PutReadiness {
        release: ReleaseId,
        readiness: Readiness,
    },
    RemoveReadiness(ReleaseId),
    /// Insert or replace one row of a release's stage history.
    PutStageEntry(StageEntry),
    RemoveStageEntry(StageEntryId),
    /// Insert or replace a release's back-out plan.
    PutBackout {
        release: ReleaseId,
        plan: BackoutPlan,
    },
    RemoveBackout(ReleaseId),
    /// Insert or replace one of the user's release templates (by its key).
    PutTemplate(Template),
    RemoveTemplate(String),
    /// Insert or replace a release's impact analysis.
    PutImpact {
        release: ReleaseId,
        impact: ImpactAnalysis,
    },
    RemoveImpact(ReleaseId),
    /// Insert or replace a release's post-implementation review.
    PutReview {
        release: ReleaseId,
        review: Review,
    },
    RemoveReview(ReleaseId),
    /// Insert or replace the link of an imported record to its id in the system it came from.
    PutExternalLink(ExternalLink),
    RemoveExternalLink {
        kind: ExternalKind,
        external: i64,
    },
    /// A deployment window or change freeze put or removed.
    Schedule(ScheduleMutation),
    /// A CAB or a vote put or removed.
    Cab(CabMutation),
    /// A metric reading or threshold put or removed.
    Monitoring(MonitoringMutation),
    /// A regulator step or a regulator's approval put or removed.
    Regulator(RegulatorMutation),
    /// A team conflict marked resolved at a time (`None`: open again, an undo).
    TeamConflict {
        id: i64,
        resolved_at: Option<crate::domain::Timestamp>,
    },
}

impl Mutation {
    /// The mutation with a record made under a provisional number renumbered to the team's
    /// number `to` (the record itself, or what names it): undo and redo steps still apply once a
    /// push gave the record its number.
    pub fn renumber(&mut self, key: crate::domain::team::RecordKey, to: i64) {
        use crate::domain::team::RecordKind;
        let from = key.id;
        match key.kind {
            RecordKind::Release => self.renumber_release(ReleaseId(from), ReleaseId(to)),
            RecordKind::Window => match self {
                Self::Schedule(ScheduleMutation::PutWindow(w)) if w.id.0 == from => w.id = WindowId(to),
                Self::Schedule(ScheduleMutation::RemoveWindow(id)) if id.0 == from => *id = WindowId(to),
                _ => {}
            },
            RecordKind::Freeze => match self {
                Self::Schedule(ScheduleMutation::PutFreeze(f)) if f.id.0 == from => f.id = FreezeId(to),
                Self::Schedule(ScheduleMutation::RemoveFreeze(id)) if id.0 == from => *id = FreezeId(to),
                _ => {}
            },
            RecordKind::Note => match self {
                Self::PutNote(n) if n.id.0 == from => n.id = NoteId(to),
                Self::RemoveNote(id) if id.0 == from => *id = NoteId(to),
                _ => {}
            },
            RecordKind::Task => match self {
                Self::PutTask(t) if t.id.0 == from => t.id = TaskId(to),
                Self::RemoveTask(id) if id.0 == from => *id = TaskId(to),
                // A review's follow-up tasks.
                Self::PutReview { review, .. } => {
                    review.follow_ups.iter_mut().filter(|t| t.0 == from).for_each(|t| *t = TaskId(to));
                }
                _ => {}
            },
            RecordKind::Agent | RecordKind::Group | RecordKind::Department => {}
        }
    }

    fn renumber_release(&mut self, from: ReleaseId, to: ReleaseId) {
        let swap = |id: &mut ReleaseId| {
            if *id == from {
                *id = to;
            }
        };
        match self {
            Self::PutRelease(r) => swap(&mut r.id),
            Self::PatchRelease { id, .. }
            | Self::RemoveRelease(id)
            | Self::PutReadiness { release: id, .. }
            | Self::RemoveReadiness(id)
            | Self::PutBackout { release: id, .. }
            | Self::RemoveBackout(id)
            | Self::PutImpact { release: id, .. }
            | Self::RemoveImpact(id)
            | Self::PutReview { release: id, .. }
            | Self::RemoveReview(id) => swap(id),
            Self::PutNote(n) => swap(&mut n.release_id),
            Self::PutTask(t) => swap(&mut t.release_id),
            Self::PutTimeEntry(t) => swap(&mut t.release_id),
            Self::PutStageEntry(e) => swap(&mut e.release_id),
            Self::Monitoring(m) => match m {
                MonitoringMutation::PutReading(r) => swap(&mut r.release),
                MonitoringMutation::PutThreshold(t) => swap(&mut t.release),
                MonitoringMutation::RemoveThreshold { release, .. } => swap(release),
                MonitoringMutation::RemoveReading(_) => {}
            },
            Self::Regulator(r) => match r {
                RegulatorMutation::PutApproval(a) => swap(&mut a.release),
                RegulatorMutation::RemoveApproval { release, .. } => swap(release),
                RegulatorMutation::PutStep(_) | RegulatorMutation::RemoveStep(_) => {}
            },
            Self::Cab(c) => match c {
                CabMutation::PutVote(Vote { subject: VoteSubject::GoNoGo(id), .. })
                | CabMutation::RemoveVote { subject: VoteSubject::GoNoGo(id), .. } => swap(id),
                CabMutation::PutMeeting(m) => {
                    m.agenda.iter_mut().for_each(|a| swap(&mut a.release));
                    m.decisions.iter_mut().for_each(|d| swap(&mut d.release));
                }
                CabMutation::PutVote(_)
                | CabMutation::RemoveVote { .. }
                | CabMutation::PutCab(_)
                | CabMutation::RemoveCab(_)
                | CabMutation::RemoveMeeting(_) => {}
            },
            Self::PutAgent(_)
            | Self::RemoveAgent(_)
            | Self::PutGroup(_)
            | Self::RemoveGroup(_)
            | Self::PutDepartment(_)
            | Self::RemoveDepartment(_)
            | Self::PutSetting { .. }
            | Self::RemoveSetting(_)
            | Self::PutSavedView(_)
            | Self::RemoveSavedView(_)
            | Self::RemoveNote(_)
            | Self::RemoveTask(_)
            | Self::RemoveTimeEntry(_)
            | Self::PutChange(_)
            | Self::RemoveChange(_)
            | Self::PutConfigItem(_)
            | Self::RemoveConfigItem(_)
            | Self::RemoveStageEntry(_)
            | Self::PutTemplate(_)
            | Self::RemoveTemplate(_)
            | Self::PutExternalLink(_)
            | Self::RemoveExternalLink { .. }
            | Self::Schedule(_)
            | Self::TeamConflict { .. } => {}
        }
    }
}

/// One change to the metric readings and thresholds.
#[derive(Clone, Debug, PartialEq)]
pub enum MonitoringMutation {
    /// Insert or replace a reading.
    PutReading(MetricReading),
    RemoveReading(ReadingId),
    /// Insert or replace the threshold of a release's metric.
    PutThreshold(MetricThreshold),
    RemoveThreshold {
        release: ReleaseId,
        metric: MetricName,
    },
}

/// One change to the regulator steps and their approvals.
#[derive(Clone, Debug, PartialEq)]
pub enum RegulatorMutation {
    /// Insert or replace a step with its release types and groups.
    PutStep(RegulatorStep),
    RemoveStep(RegulatorStepId),
    /// Insert or replace the approval of a release for a step.
    PutApproval(RegulatorApproval),
    RemoveApproval {
        step: RegulatorStepId,
        release: ReleaseId,
    },
}

/// One change to the CABs and their votes.
#[derive(Clone, Debug, PartialEq)]
pub enum CabMutation {
    /// Insert or replace a CAB with its members.
    PutCab(Cab),
    RemoveCab(CabId),
    /// Insert or replace a member's vote on a subject.
    PutVote(Vote),
    RemoveVote {
        subject: VoteSubject,
        agent: AgentId,
    },
    /// Insert or replace a meeting with its attendees, agenda, decisions and minutes.
    PutMeeting(CabMeeting),
    RemoveMeeting(CabMeetingId),
}

/// One change to the deployment windows and change freezes.
#[derive(Clone, Debug, PartialEq)]
pub enum ScheduleMutation {
    /// Insert or replace a deployment window.
    PutWindow(DeploymentWindow),
    RemoveWindow(WindowId),
    /// Insert or replace a change freeze.
    PutFreeze(Freeze),
    RemoveFreeze(FreezeId),
}

/// Everything the in-memory model holds, as read from the file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    /// In id order.
    pub releases: Vec<Release>,
    pub directory: Directory,
    /// Setting key -> JSON text.
    pub settings: BTreeMap<String, String>,
    pub saved_views: Vec<SavedView>,
    /// The highest release id ever stored, so a purged id is never given out again.
    pub release_high_water: i64,
    /// Notes of every release, in id order.
    pub notes: Vec<Note>,
    /// Tasks of every release, in id order.
    pub tasks: Vec<Task>,
    /// Time entries of every release, in id order.
    pub time_entries: Vec<TimeEntry>,
    /// Changes and configuration items.
    pub registry: Registry,
    /// Readiness of the releases that have one stored (the others have the default).
    pub readiness: BTreeMap<ReleaseId, Readiness>,
    /// Every release's stage history, in id order.
    pub stage_history: Vec<StageEntry>,
    /// Back-out plans, impact analyses and reviews of the releases that have one.
    pub backout: BTreeMap<ReleaseId, BackoutPlan>,
    pub impact: BTreeMap<ReleaseId, ImpactAnalysis>,
    pub reviews: BTreeMap<ReleaseId, Review>,
    /// The user's own release templates, in key order.
    pub templates: Vec<Template>,
    /// Imported people and work, by their ids in the system they came from.
    pub external_links: ExternalLinks,
    /// Deployment windows and change freezes.
    pub schedule: Schedule,
    /// The CABs and their votes.
    pub cabs: Cabs,
    /// The metric readings and thresholds of monitoring after deploy.
    pub monitoring: Monitoring,
    /// The regulator steps and their approvals.
    pub regulators: Regulators,
}
