//! Labels of the rollout enums (CAB approval, risk, CI type, checklists, strategy, phases) and
//! lifecycle refusals, in the current language.

use super::{tr, tr_args};
use crate::domain::readiness::RiskLevel;
use crate::domain::{
    CabApproval, ChangeRisk, CiKind, MitigationItem, MitigationPhase, MoveRefused, PhaseStatus, PlanCheck,
    ReadinessInvalid, RegistryInvalid, RiskKind, Strategy,
};

pub fn cab_approval(a: CabApproval) -> String {
    tr(match a {
        CabApproval::Pending => "approval-pending",
        CabApproval::Approved => "approval-approved",
        CabApproval::Rejected => "approval-rejected",
    })
}

pub fn change_risk(r: ChangeRisk) -> String {
    tr(match r {
        ChangeRisk::Low => "change-risk-low",
        ChangeRisk::Medium => "change-risk-medium",
        ChangeRisk::High => "change-risk-high",
    })
}

pub fn ci_kind(k: CiKind) -> String {
    tr(match k {
        CiKind::Server => "ci-kind-server",
        CiKind::Application => "ci-kind-application",
        CiKind::Database => "ci-kind-database",
        CiKind::Service => "ci-kind-service",
        CiKind::Network => "ci-kind-network",
        CiKind::Other => "ci-kind-other",
    })
}

pub fn plan_check(c: PlanCheck) -> String {
    tr(match c {
        PlanCheck::GoalsScope => "plan-goals-scope",
        PlanCheck::ScheduleMilestones => "plan-schedule-milestones",
        PlanCheck::Resources => "plan-resources",
        PlanCheck::TestScenarios => "plan-test-scenarios",
        PlanCheck::CommunicationPlan => "plan-communication",
        PlanCheck::RiskAnalysis => "plan-risk-analysis",
    })
}

pub fn mitigation_phase(p: MitigationPhase) -> String {
    tr(match p {
        MitigationPhase::Before => "mitigation-before",
        MitigationPhase::During => "mitigation-during",
        MitigationPhase::After => "mitigation-after",
    })
}

pub fn mitigation_item(i: MitigationItem) -> String {
    tr(match i {
        MitigationItem::TestEnvironment => "mitigation-test-environment",
        MitigationItem::RollbackPlan => "mitigation-rollback-plan",
        MitigationItem::MonitoringSetup => "mitigation-monitoring-setup",
        MitigationItem::ClearRoles => "mitigation-clear-roles",
        MitigationItem::LiveMonitoring => "mitigation-live-monitoring",
        MitigationItem::StepVerification => "mitigation-step-verification",
        MitigationItem::ResponseTeam => "mitigation-response-team",
        MitigationItem::ContinuousCommunication => "mitigation-communication",
        MitigationItem::TrackPerformance => "mitigation-track-performance",
        MitigationItem::UserFeedback => "mitigation-user-feedback",
        MitigationItem::PostReview => "mitigation-post-review",
        MitigationItem::LessonsLearned => "mitigation-lessons-learned",
    })
}

pub fn risk_kind(k: RiskKind) -> String {
    tr(match k {
        RiskKind::ServiceOutage => "risk-service-outage",
        RiskKind::DataIntegrity => "risk-data-integrity",
        RiskKind::Performance => "risk-performance",
        RiskKind::Compatibility => "risk-compatibility",
        RiskKind::Other => "risk-other",
    })
}

pub fn risk_level(l: RiskLevel) -> String {
    tr(match l {
        RiskLevel::Low => "risk-level-low",
        RiskLevel::Medium => "risk-level-medium",
        RiskLevel::High => "risk-level-high",
    })
}

pub fn strategy(s: Strategy) -> String {
    tr(match s {
        Strategy::BigBang => "strategy-big-bang",
        Strategy::Phased => "strategy-phased",
        Strategy::Rolling => "strategy-rolling",
    })
}

/// The brief's description of a strategy: what it is, where it fits, pros and cons.
pub fn strategy_description(s: Strategy) -> String {
    tr(match s {
        Strategy::BigBang => "strategy-big-bang-about",
        Strategy::Phased => "strategy-phased-about",
        Strategy::Rolling => "strategy-rolling-about",
    })
}

pub fn phase_status(s: PhaseStatus) -> String {
    tr(match s {
        PhaseStatus::Pending => "phase-status-pending",
        PhaseStatus::InProgress => "phase-status-in-progress",
        PhaseStatus::Done => "phase-status-done",
    })
}

/// Why a lifecycle move is refused, as a sentence.
pub fn move_refused(err: &MoveRefused) -> String {
    match err {
        MoveRefused::NotAllowed { from, to } => tr_args(
            "move-refused-not-allowed",
            &[("from", super::stage(*from).into()), ("to", super::stage(*to).into())],
        ),
        MoveRefused::InTrash => tr("move-refused-in-trash"),
        MoveRefused::OutcomeRequired => tr("move-refused-outcome"),
        MoveRefused::ReasonRequired => tr("move-refused-reason"),
        MoveRefused::DowntimeTooLong(_) => tr("move-refused-downtime"),
        MoveRefused::GateClosed { .. } => tr("move-refused-gate"),
    }
}

/// Why a readiness edit is refused, as a sentence.
pub fn readiness_invalid(err: &ReadinessInvalid) -> String {
    tr(match err {
        ReadinessInvalid::RatingOutOfRange => "readiness-invalid-rating",
        ReadinessInvalid::RiskTitleEmpty => "readiness-invalid-risk-title",
        ReadinessInvalid::NoSuchRisk(_) => "readiness-invalid-no-risk",
        ReadinessInvalid::PhaseNameEmpty => "readiness-invalid-phase-name",
        ReadinessInvalid::PhaseEndNotAfterStart => "readiness-invalid-phase-window",
        ReadinessInvalid::NoSuchPhase(_) => "readiness-invalid-no-phase",
    })
}

/// Why a Change subject or CI name is refused, as a sentence.
pub fn registry_invalid(err: &RegistryInvalid) -> String {
    match err {
        RegistryInvalid::NameEmpty => tr("registry-invalid-name-empty"),
        RegistryInvalid::NameTooLong(count) => {
            tr_args("registry-invalid-name-too-long", &[("count", (*count).into())])
        }
    }
}
