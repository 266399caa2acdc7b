//! The names of the domain's coded values (status, priority, type, stage, outcome, views, columns,
//! KPIs, CAB approval, Change risk, CI kind, checklists, risks, strategies, phases) in the current
//! language.

use super::{language, tr, tr_in};
use crate::domain::readiness::RiskLevel;
use crate::domain::{
    CabApproval, ChangeRisk, CiKind, Criticality, Kpi, Language, MitigationItem, MitigationPhase, Outcome,
    PhaseStatus, PlanCheck, PredefinedView, Priority, RehearsalResult, ReleaseType, RiskKind, SortKey, Stage,
    Status, Strategy, TaskStatus, Theme,
};

pub fn status(s: Status) -> String {
    tr(match s {
        Status::Open => "status-open",
        Status::OnHold => "status-on-hold",
        Status::InProgress => "status-in-progress",
        Status::Incomplete => "status-incomplete",
        Status::Completed => "status-completed",
    })
}

pub fn priority(p: Priority) -> String {
    tr(match p {
        Priority::Low => "priority-low",
        Priority::Medium => "priority-medium",
        Priority::High => "priority-high",
        Priority::Urgent => "priority-urgent",
    })
}

pub fn release_type(t: ReleaseType) -> String {
    tr(match t {
        ReleaseType::Minor => "type-minor",
        ReleaseType::Standard => "type-standard",
        ReleaseType::Major => "type-major",
        ReleaseType::Emergency => "type-emergency",
    })
}

pub fn stage(s: Stage) -> String {
    tr(match s {
        Stage::Plan => "stage-plan",
        Stage::BuildTest => "stage-build-test",
        Stage::DeploymentPrep => "stage-deployment-prep",
        Stage::Deploy => "stage-deploy",
        Stage::VerifyMonitor => "stage-verify-monitor",
        Stage::Complete => "stage-complete",
        Stage::Rollback => "stage-rollback",
    })
}

pub fn task_status(s: TaskStatus) -> String {
    tr(match s {
        TaskStatus::Open => "task-status-open",
        TaskStatus::InProgress => "task-status-in-progress",
        TaskStatus::Completed => "task-status-completed",
    })
}

pub fn theme(t: Theme) -> String {
    tr(match t {
        Theme::System => "theme-system",
        Theme::Light => "theme-light",
        Theme::Dark => "theme-dark",
    })
}

pub fn outcome(o: Outcome) -> String {
    tr(match o {
        Outcome::Successful => "outcome-successful",
        Outcome::Failed => "outcome-failed",
    })
}

pub fn view(v: PredefinedView) -> String {
    tr(match v {
        PredefinedView::NewAndMyOpen => "view-new-and-my-open",
        PredefinedView::MyCompleted => "view-my-completed",
        PredefinedView::Mine => "view-mine",
        PredefinedView::Unassigned => "view-unassigned",
        PredefinedView::Completed => "view-completed",
        PredefinedView::Incomplete => "view-incomplete",
        PredefinedView::Emergency => "view-emergency",
        PredefinedView::Trash => "view-trash",
        PredefinedView::All => "view-all",
    })
}

/// The list column header for a sort key.
pub fn column(key: SortKey) -> String {
    tr(match key {
        SortKey::Id => "col-id",
        SortKey::Subject => "col-subject",
        SortKey::Status => "col-status",
        SortKey::Priority => "col-priority",
        SortKey::Type => "col-type",
        SortKey::PlannedStart => "col-planned-start",
        SortKey::PlannedEnd => "col-planned-end",
        SortKey::Agent => "col-agent",
        SortKey::Group => "col-group",
        SortKey::Created => "col-created",
        SortKey::Updated => "col-updated",
        SortKey::Stage => "col-stage",
    })
}

/// The name of a KPI in `language` (the chart exporter runs on its own thread).
pub fn kpi_in(language: Language, kpi: Kpi) -> String {
    tr_in(
        language,
        match kpi {
            Kpi::SuccessRate => "kpi-success-rate",
            Kpi::RollbackRate => "kpi-rollback-rate",
            Kpi::DeployTime => "kpi-deploy-time",
            Kpi::Downtime => "kpi-downtime",
            Kpi::Deployments => "kpi-deployments",
            Kpi::LeadTime => "kpi-lead-time",
            Kpi::ChangeFailureRate => "kpi-change-failure-rate",
            Kpi::RecoveryTime => "kpi-recovery-time",
            Kpi::HotfixLeadTime => "kpi-hotfix-lead-time",
        },
    )
}

/// The name of a KPI in the current language.
pub fn kpi(kpi: Kpi) -> String {
    kpi_in(language(), kpi)
}

/// A DORA performance tier in `language`: `Elite`, `엘리트`.
pub fn dora_tier_in(language: Language, tier: crate::domain::kpi::DoraTier) -> String {
    use crate::domain::kpi::DoraTier;
    tr_in(
        language,
        match tier {
            DoraTier::Elite => "kpi-dora-elite",
            DoraTier::High => "kpi-dora-high",
            DoraTier::Medium => "kpi-dora-medium",
            DoraTier::Low => "kpi-dora-low",
        },
    )
}

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

pub fn criticality(c: Criticality) -> String {
    tr(match c {
        Criticality::Low => "criticality-low",
        Criticality::Medium => "criticality-medium",
        Criticality::High => "criticality-high",
        Criticality::Critical => "criticality-critical",
    })
}

pub fn rehearsal_result(r: RehearsalResult) -> String {
    tr(match r {
        RehearsalResult::Pass => "rehearsal-pass",
        RehearsalResult::Fail => "rehearsal-fail",
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

/// A template's name in the UI language: the built-in ones by their key, the user's as written.
pub fn template_name(t: &crate::domain::Template) -> String {
    use crate::domain::template::builtin;
    match t.key.as_str() {
        builtin::ERP => tr("template-name-erp"),
        builtin::MOBILE => tr("template-name-mobile"),
        builtin::SECURITY => tr("template-name-security"),
        _ => t.name.clone(),
    }
}

/// A DORA performance tier in the current language.
pub fn dora_tier(tier: crate::domain::kpi::DoraTier) -> String {
    dora_tier_in(language(), tier)
}
