//! A release's readiness: the release plan checklist from the brief, its risk register (prefilled
//! with the brief's four risks), the before / during / after mitigation checklists, and the
//! deployment strategy (Big Bang, Phased, Rolling) with its ordered phases.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::ids::{AgentId, Timestamp};
use super::registry::string_coded;

string_coded!(
    /// The six things a release plan must cover (the brief's "릴리스 계획 필수 요소").
    PlanCheck {
        GoalsScope = "goals_scope",
        ScheduleMilestones = "schedule_milestones",
        Resources = "resources",
        TestScenarios = "test_scenarios",
        CommunicationPlan = "communication_plan",
        RiskAnalysis = "risk_analysis",
    }
);

string_coded!(
    /// When a mitigation step applies.
    MitigationPhase {
        Before = "before",
        During = "during",
        After = "after",
    }
);

string_coded!(
    /// The brief's mitigation checklist items ("리스크 완화 전략").
    MitigationItem {
        TestEnvironment = "test_environment",
        RollbackPlan = "rollback_plan",
        MonitoringSetup = "monitoring_setup",
        ClearRoles = "clear_roles",
        LiveMonitoring = "live_monitoring",
        StepVerification = "step_verification",
        ResponseTeam = "response_team",
        ContinuousCommunication = "continuous_communication",
        TrackPerformance = "track_performance",
        UserFeedback = "user_feedback",
        PostReview = "post_review",
        LessonsLearned = "lessons_learned",
    }
);

impl MitigationItem {
    pub fn phase(self) -> MitigationPhase {
        match self {
            Self::TestEnvironment | Self::RollbackPlan | Self::MonitoringSetup | Self::ClearRoles => {
                MitigationPhase::Before
            }
            Self::LiveMonitoring
            | Self::StepVerification
            | Self::ResponseTeam
            | Self::ContinuousCommunication => MitigationPhase::During,
            Self::TrackPerformance | Self::UserFeedback | Self::PostReview | Self::LessonsLearned => {
                MitigationPhase::After
            }
        }
    }

    /// The items of one phase, in the brief's order.
    pub fn of_phase(phase: MitigationPhase) -> impl Iterator<Item = Self> {
        Self::ALL.iter().copied().filter(move |i| i.phase() == phase)
    }
}

string_coded!(
    /// The brief's four main risks ("주요 위험 요소"), and any other the user adds.
    RiskKind {
        ServiceOutage = "service_outage",
        DataIntegrity = "data_integrity",
        Performance = "performance",
        Compatibility = "compatibility",
        Other = "other",
    }
);

string_coded!(
    /// How a release is rolled out (the brief's "배포 유형별 전략").
    Strategy {
        BigBang = "big_bang",
        Phased = "phased",
        Rolling = "rolling",
    }
);

impl Strategy {
    /// Phased and Rolling deployments go out in ordered phases.
    pub fn has_phases(self) -> bool {
        !matches!(self, Self::BigBang)
    }
}

string_coded!(
    /// Where one phase of a phased or rolling deployment stands.
    PhaseStatus {
        Pending = "pending",
        InProgress = "in_progress",
        Done = "done",
    }
);

/// Likelihood and impact are rated 1..=5.
pub const RATING_MAX: u8 = 5;

/// One entry of the risk register.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Risk {
    /// Unique within the release.
    pub id: u32,
    pub kind: RiskKind,
    /// The user's own title; for the four standard kinds it may stay empty (the kind's name is shown).
    #[serde(default)]
    pub title: String,
    pub likelihood: u8,
    pub impact: u8,
    #[serde(default)]
    pub mitigation: String,
    #[serde(default)]
    pub owner: Option<AgentId>,
}

/// How serious a risk is, from its likelihood x impact score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum RiskLevel {
    Low,
    Medium,
    High,
}

impl RiskLevel {
    /// The JSON name.
    pub fn code(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
        }
    }
}

impl Risk {
    /// Likelihood x impact, 1..=25.
    pub fn score(&self) -> u8 {
        self.likelihood.saturating_mul(self.impact)
    }

    /// Low up to 4, Medium up to 9, High from 10.
    pub fn level(&self) -> RiskLevel {
        match self.score() {
            0..=4 => RiskLevel::Low,
            5..=9 => RiskLevel::Medium,
            _ => RiskLevel::High,
        }
    }
}

/// One ordered phase of a phased or rolling deployment (e.g. 본사 -> 주요 계열사 -> 전체).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeploymentPhase {
    pub name: String,
    #[serde(default)]
    pub planned_start: Option<Timestamp>,
    #[serde(default)]
    pub planned_end: Option<Timestamp>,
    pub status: PhaseStatus,
}

/// Everything about a release's readiness, kept together per release.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Readiness {
    /// The release plan checklist items that are done.
    #[serde(default)]
    pub plan_done: BTreeSet<PlanCheck>,
    /// The mitigation checklist items that are done.
    #[serde(default)]
    pub mitigation_done: BTreeSet<MitigationItem>,
    #[serde(default)]
    pub risks: Vec<Risk>,
    pub strategy: Strategy,
    /// In rollout order; used when the strategy has phases.
    #[serde(default)]
    pub phases: Vec<DeploymentPhase>,
}

impl Default for Readiness {
    /// A new release's readiness: nothing ticked, the brief's four risks at a middling 3 x 3,
    /// a Big Bang deployment.
    fn default() -> Self {
        let risks = [
            RiskKind::ServiceOutage,
            RiskKind::DataIntegrity,
            RiskKind::Performance,
            RiskKind::Compatibility,
        ]
        .into_iter()
        .enumerate()
        .map(|(i, kind)| Risk {
            id: i as u32 + 1,
            kind,
            title: String::new(),
            likelihood: 3,
            impact: 3,
            mitigation: String::new(),
            owner: None,
        })
        .collect();
        Self {
            plan_done: BTreeSet::new(),
            mitigation_done: BTreeSet::new(),
            risks,
            strategy: Strategy::BigBang,
            phases: Vec::new(),
        }
    }
}

impl Readiness {
    /// `(done, total)` of the release plan checklist.
    pub fn plan_progress(&self) -> (usize, usize) {
        (self.plan_done.len(), PlanCheck::ALL.len())
    }

    /// Whether every release plan checklist item is done (one half of the Deploy gate).
    pub fn plan_complete(&self) -> bool {
        PlanCheck::ALL.iter().all(|c| self.plan_done.contains(c))
    }

    /// `(done, total)` of one mitigation phase's checklist.
    pub fn mitigation_progress(&self, phase: MitigationPhase) -> (usize, usize) {
        let items: Vec<_> = MitigationItem::of_phase(phase).collect();
        (items.iter().filter(|i| self.mitigation_done.contains(i)).count(), items.len())
    }

    /// `(done, total)` deployment phases.
    pub fn phase_progress(&self) -> (usize, usize) {
        (self.phases.iter().filter(|p| p.status == PhaseStatus::Done).count(), self.phases.len())
    }

    pub fn risk(&self, id: u32) -> Option<&Risk> {
        self.risks.iter().find(|r| r.id == id)
    }
}

/// One edit to a release's readiness.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadinessEdit {
    PlanCheck {
        check: PlanCheck,
        done: bool,
    },
    Mitigation {
        item: MitigationItem,
        done: bool,
    },
    /// Adds a risk (`id` 0 gets the next free id) or replaces the one with the same id.
    PutRisk(Risk),
    RemoveRisk(u32),
    Strategy(Strategy),
    /// Adds a phase at the end (`index` None) or replaces the one at `index`.
    PutPhase {
        index: Option<usize>,
        phase: DeploymentPhase,
    },
    RemovePhase(usize),
    /// Moves the phase at `index` one place earlier (`earlier`) or later.
    MovePhase {
        index: usize,
        earlier: bool,
    },
}

/// Why a readiness edit is not acceptable.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReadinessInvalid {
    #[error("likelihood and impact must be between 1 and 5")]
    RatingOutOfRange,
    #[error("a risk of kind 'other' needs a title")]
    RiskTitleEmpty,
    #[error("risk {0} does not exist")]
    NoSuchRisk(u32),
    #[error("a deployment phase needs a name")]
    PhaseNameEmpty,
    #[error("a deployment phase must end after it starts")]
    PhaseEndNotAfterStart,
    #[error("deployment phase {0} does not exist")]
    NoSuchPhase(usize),
}

/// Applies `edit` to `readiness`, or says why it cannot be applied (then nothing changed).
pub fn apply_edit(readiness: &mut Readiness, edit: ReadinessEdit) -> Result<(), ReadinessInvalid> {
    match edit {
        ReadinessEdit::PlanCheck { check, done } => {
            if done {
                readiness.plan_done.insert(check);
            } else {
                readiness.plan_done.remove(&check);
            }
        }
        ReadinessEdit::Mitigation { item, done } => {
            if done {
                readiness.mitigation_done.insert(item);
            } else {
                readiness.mitigation_done.remove(&item);
            }
        }
        ReadinessEdit::PutRisk(mut risk) => {
            if !(1..=RATING_MAX).contains(&risk.likelihood) || !(1..=RATING_MAX).contains(&risk.impact) {
                return Err(ReadinessInvalid::RatingOutOfRange);
            }
            risk.title = risk.title.trim().to_owned();
            if risk.kind == RiskKind::Other && risk.title.is_empty() {
                return Err(ReadinessInvalid::RiskTitleEmpty);
            }
            if risk.id == 0 {
                risk.id = readiness.risks.iter().map(|r| r.id).max().unwrap_or(0) + 1;
                readiness.risks.push(risk);
            } else {
                let slot = readiness
                    .risks
                    .iter_mut()
                    .find(|r| r.id == risk.id)
                    .ok_or(ReadinessInvalid::NoSuchRisk(risk.id))?;
                *slot = risk;
            }
        }
        ReadinessEdit::RemoveRisk(id) => {
            let before = readiness.risks.len();
            readiness.risks.retain(|r| r.id != id);
            if readiness.risks.len() == before {
                return Err(ReadinessInvalid::NoSuchRisk(id));
            }
        }
        ReadinessEdit::Strategy(strategy) => readiness.strategy = strategy,
        ReadinessEdit::PutPhase { index, mut phase } => {
            phase.name = phase.name.trim().to_owned();
            if phase.name.is_empty() {
                return Err(ReadinessInvalid::PhaseNameEmpty);
            }
            if let (Some(start), Some(end)) = (phase.planned_start, phase.planned_end)
                && end <= start
            {
                return Err(ReadinessInvalid::PhaseEndNotAfterStart);
            }
            match index {
                None => readiness.phases.push(phase),
                Some(i) => {
                    *readiness.phases.get_mut(i).ok_or(ReadinessInvalid::NoSuchPhase(i))? = phase;
                }
            }
        }
        ReadinessEdit::RemovePhase(i) => {
            if i >= readiness.phases.len() {
                return Err(ReadinessInvalid::NoSuchPhase(i));
            }
            readiness.phases.remove(i);
        }
        ReadinessEdit::MovePhase { index, earlier } => {
            if index >= readiness.phases.len() {
                return Err(ReadinessInvalid::NoSuchPhase(index));
            }
            let other = if earlier { index.checked_sub(1) } else { Some(index + 1) };
            if let Some(other) = other.filter(|o| *o < readiness.phases.len()) {
                readiness.phases.swap(index, other);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_hold_the_four_risks_of_the_brief() {
        let r = Readiness::default();
        let kinds: Vec<_> = r.risks.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            [
                RiskKind::ServiceOutage,
                RiskKind::DataIntegrity,
                RiskKind::Performance,
                RiskKind::Compatibility
            ]
        );
        assert_eq!(r.plan_progress(), (0, 6));
        assert!(!r.plan_complete());
        assert_eq!(r.mitigation_progress(MitigationPhase::During), (0, 4));
    }

    #[test]
    fn edits_apply_or_refuse() {
        let mut r = Readiness::default();
        for check in PlanCheck::ALL {
            apply_edit(&mut r, ReadinessEdit::PlanCheck { check: *check, done: true }).expect("edit applies");
        }
        assert!(r.plan_complete());
        let mut risk = r.risks[0].clone();
        risk.likelihood = 6;
        assert_eq!(apply_edit(&mut r, ReadinessEdit::PutRisk(risk)), Err(ReadinessInvalid::RatingOutOfRange));
        let other = Risk {
            id: 0,
            kind: RiskKind::Other,
            title: " 금감원 승인 지연 ".into(),
            likelihood: 2,
            impact: 5,
            mitigation: String::new(),
            owner: None,
        };
        apply_edit(&mut r, ReadinessEdit::PutRisk(other)).expect("edit applies");
        assert_eq!(r.risks[4].id, 5);
        assert_eq!(r.risks[4].title, "금감원 승인 지연");
        assert_eq!(r.risks[4].level(), RiskLevel::High);
        let phase = |name: &str| DeploymentPhase {
            name: name.into(),
            planned_start: None,
            planned_end: None,
            status: PhaseStatus::Pending,
        };
        apply_edit(&mut r, ReadinessEdit::PutPhase { index: None, phase: phase("본사") })
            .expect("edit applies");
        apply_edit(&mut r, ReadinessEdit::PutPhase { index: None, phase: phase("전체") })
            .expect("edit applies");
        apply_edit(&mut r, ReadinessEdit::MovePhase { index: 1, earlier: true }).expect("edit applies");
        assert_eq!(r.phases[0].name, "전체");
        assert_eq!(
            apply_edit(&mut r, ReadinessEdit::PutPhase { index: None, phase: phase(" ") }),
            Err(ReadinessInvalid::PhaseNameEmpty)
        );
        assert_eq!(apply_edit(&mut r, ReadinessEdit::RemovePhase(7)), Err(ReadinessInvalid::NoSuchPhase(7)));
    }
}
