//! The typed values of the activity log: codes, ids with the name as it was, times, durations,
//! counts and small summaries, stored as JSON and put into words only when shown.

use serde::{Deserialize, Serialize};

use super::command::CommandSummary;
use super::named::Named;
use crate::domain::backout::RehearsalResult;
use crate::domain::cab::meeting::MeetingOutcome;
use crate::domain::cab::{VoteDecision, VoteSubject};
use crate::domain::ids::{
    AgentId, CabId, ChangeId, ConfigItemId, DepartmentId, GroupId, RegulatorStepId, Timestamp,
};
use crate::domain::kpi::KpiTargets;
use crate::domain::monitoring::{Direction, MetricName};
use crate::domain::readiness::{MitigationItem, PhaseStatus, PlanCheck, RiskKind, Strategy};
use crate::domain::registry::{CabApproval, ChangeRisk, CiKind, Criticality};
use crate::domain::release::{Priority, ReleaseType, Status};
use crate::domain::schedule::{FreezeKind, Timing};
use crate::domain::settings::{Language, Theme};
use crate::domain::stage::{Outcome, Stage};
use crate::domain::work::TaskStatus;

/// An old or new value of a logged field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum Value {
    /// Nothing: the field was empty, or the thing did not exist yet (or any more).
    None,
    /// Text as the user typed it (a subject, a note, a reason), or an older log's value this build
    /// could not read otherwise.
    Text(String),
    Status(Status),
    Priority(Priority),
    ReleaseType(ReleaseType),
    Stage(Stage),
    Outcome(Outcome),
    Strategy(Strategy),
    Agent(Named<AgentId>),
    Group(Named<GroupId>),
    Department(Named<DepartmentId>),
    Time(Timestamp),
    /// A duration (time spent, downtime).
    Minutes(u32),
    /// How many times (rollbacks).
    Count(u32),
    /// The length of a text that is not logged itself (a description).
    Chars(u64),
    /// A Build or Test plan.
    Plan(PlanProgress),
    Bool(bool),
    /// The linked Changes of a release.
    Changes(Vec<ChangeId>),
    /// The linked configuration items of a release.
    ConfigItems(Vec<ConfigItemId>),
    Change(ChangeRef),
    ConfigItem(ConfigItemRef),
    Task(TaskRef),
    /// A timer started at this time.
    TimerStarted(Timestamp),
    /// A timer stopped with this much time spent.
    TimerStopped(u32),
    /// Why the Deploy gate was closed.
    Gate(GateReasons),
    PlanChecks(Vec<PlanCheck>),
    Mitigations(Vec<MitigationItem>),
    Risk(RiskRef),
    Phases(Vec<PhaseRef>),
    Language(Language),
    Theme(Theme),
    KpiTargets(KpiTargets),
    /// The command an undo took back or a redo applied again.
    Command(CommandSummary),
    Criticality(Criticality),
    /// A rehearsal of the back-out plan.
    Rehearsal(RehearsalRef),
    /// A deployment window or change freeze as it was.
    Schedule(ScheduleRef),
    /// A CAB, named as it was.
    Cab(Named<CabId>),
    /// A CAB member's vote as it was.
    Vote(VoteRef),
    /// A metric reading after deploy as it was.
    Reading(ReadingRef),
    /// A metric's threshold as it was.
    Threshold(ThresholdRef),
    /// What a CAB meeting decided on a release.
    MeetingOutcome(MeetingOutcome),
    /// A regulator step, named as it was.
    RegulatorStep(Named<RegulatorStepId>),
    /// A regulator's approval as it was recorded.
    RegulatorApproval(RegulatorApprovalRef),
}

/// A metric reading as it was: the metric, the phase, the value, when it was taken, and whether
/// it breached its threshold then.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReadingRef {
    pub metric: MetricName,
    #[serde(default)]
    pub phase: Option<String>,
    pub value: f64,
    pub at: Timestamp,
    #[serde(default)]
    pub breach: bool,
}

/// A threshold as it was: the metric, its limit and direction.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThresholdRef {
    pub metric: MetricName,
    pub limit: f64,
    pub direction: Direction,
}

/// A regulator's approval as it was: the step, the regulator's reference, the day it approved
/// and the note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegulatorApprovalRef {
    pub step: Named<RegulatorStepId>,
    pub reference: String,
    pub approved_on: chrono::NaiveDate,
    #[serde(default)]
    pub note: String,
}

/// A vote as it was: on what, by whom, the decision and comment, and whether an emergency CAB cast
/// it after the work had started.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteRef {
    pub subject: VoteSubject,
    pub agent: Named<AgentId>,
    pub decision: VoteDecision,
    #[serde(default)]
    pub comment: String,
    #[serde(default)]
    pub after_the_fact: bool,
}

/// How far a Build or Test plan is: its text's length and its checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanProgress {
    pub chars: u64,
    pub done: u32,
    pub total: u32,
}

/// A Change as it was: subject, CAB approval and risk (the latter two unknown in rows migrated
/// from the log of a new Change, which kept only its subject).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeRef {
    pub id: ChangeId,
    pub subject: String,
    pub approval: Option<CabApproval>,
    pub risk: Option<ChangeRisk>,
}

/// A configuration item as it was.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfigItemRef {
    pub id: ConfigItemId,
    pub name: String,
    pub kind: Option<CiKind>,
}

/// A task as it was: title and status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskRef {
    pub title: String,
    pub status: TaskStatus,
}

/// Why the Deploy gate was closed when it was overridden.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GateReasons {
    pub unapproved_changes: u32,
    pub plan_items_missing: u32,
    /// Hard freezes that held the release (their names are logged beside, as `Field::Freeze`).
    #[serde(default)]
    pub hard_freezes: u32,
}

/// One entry of the risk register as it was: its kind (for the four standard risks) or the
/// user's title, and likelihood x impact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskRef {
    pub kind: Option<RiskKind>,
    pub title: String,
    pub likelihood: u8,
    pub impact: u8,
}

/// A rehearsal of the back-out plan as it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RehearsalRef {
    pub date: Timestamp,
    pub restore_minutes: u32,
    pub result: RehearsalResult,
}

/// One deployment phase as it was.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseRef {
    pub name: String,
    pub status: PhaseStatus,
}

/// A deployment window or change freeze as it was: its name and when it happens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleRef {
    pub name: String,
    /// The RRULE of a recurring one.
    #[serde(default)]
    pub rule: Option<String>,
    /// How long each occurrence of a recurring one lasts.
    #[serde(default)]
    pub minutes: Option<u32>,
    /// The period of a one-off.
    #[serde(default)]
    pub start: Option<Timestamp>,
    #[serde(default)]
    pub end: Option<Timestamp>,
    /// The IANA time zone.
    pub zone: String,
    /// Hard or soft, for a freeze.
    #[serde(default)]
    pub freeze: Option<FreezeKind>,
}

impl ScheduleRef {
    /// A window's or freeze's name and timing as the log keeps them.
    pub fn new(name: &str, timing: &Timing, zone: chrono_tz::Tz, freeze: Option<FreezeKind>) -> Self {
        let (rule, minutes, start, end) = match timing {
            Timing::Once { start, end } => (None, None, Some(*start), Some(*end)),
            Timing::Recurring { recurrence, minutes } => {
                (Some(recurrence.rule.clone()), Some(*minutes), None, None)
            }
        };
        Self { name: name.to_owned(), rule, minutes, start, end, zone: zone.name().to_owned(), freeze }
    }
}

/// The first line of a text, at most 80 characters (with `…` when more was cut), as the log
/// shows a note or a description.
pub fn gist(text: &str) -> String {
    let line = text.trim().lines().next().unwrap_or_default();
    let mut out: String = line.chars().take(80).collect();
    if line.chars().count() > 80 || text.trim().lines().nth(1).is_some() {
        out.push('…');
    }
    out
}

impl Value {
    /// Text, or [`Value::None`] when it is empty.
    pub fn text(text: impl Into<String>) -> Self {
        let text = text.into();
        if text.is_empty() { Self::None } else { Self::Text(text) }
    }

    /// A time, or [`Value::None`].
    pub fn time(t: Option<Timestamp>) -> Self {
        t.map_or(Self::None, Self::Time)
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Self::None)
    }
}
