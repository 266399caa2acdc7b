//! The KPIs, what each should be (the targets, stored as one setting) and DORA's published
//! performance tiers as reference bands.

use serde::{Deserialize, Serialize};

/// The KPIs with targets: the brief's four, then the delivery (DORA) metrics and the hot-fix
/// lead time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kpi {
    SuccessRate,
    RollbackRate,
    DeployTime,
    Downtime,
    /// Entries into Deploy in the month.
    Deployments,
    /// Median hours from creation to the first entry into Deploy.
    LeadTime,
    /// Closed releases rolled back or failed, of those closed.
    ChangeFailureRate,
    /// Median hours from entering Rollback to the next Complete or Deploy.
    RecoveryTime,
    /// Median lead time of the Emergency releases.
    HotfixLeadTime,
}

/// How a KPI's value is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KpiUnit {
    /// A fraction shown as a percentage.
    Percent,
    Hours,
    /// A count (deployments a month).
    Count,
}

impl Kpi {
    /// The brief's four (the summary chart, the first row of cards).
    pub const BRIEF: [Self; 4] = [Self::SuccessRate, Self::RollbackRate, Self::DeployTime, Self::Downtime];
    /// The delivery metrics: DORA's four and the hot-fix lead time.
    pub const DELIVERY: [Self; 5] = [
        Self::Deployments,
        Self::LeadTime,
        Self::ChangeFailureRate,
        Self::RecoveryTime,
        Self::HotfixLeadTime,
    ];
    pub const ALL: [Self; 9] = [
        Self::SuccessRate,
        Self::RollbackRate,
        Self::DeployTime,
        Self::Downtime,
        Self::Deployments,
        Self::LeadTime,
        Self::ChangeFailureRate,
        Self::RecoveryTime,
        Self::HotfixLeadTime,
    ];

    /// The command-line and file name: `success-rate`, `rollback-rate`, `deploy-time`, `downtime`,
    /// `deployments`, `lead-time`, `change-failure-rate`, `recovery-time`, `hotfix-lead-time`.
    pub fn slug(self) -> &'static str {
        match self {
            Self::SuccessRate => "success-rate",
            Self::RollbackRate => "rollback-rate",
            Self::DeployTime => "deploy-time",
            Self::Downtime => "downtime",
            Self::Deployments => "deployments",
            Self::LeadTime => "lead-time",
            Self::ChangeFailureRate => "change-failure-rate",
            Self::RecoveryTime => "recovery-time",
            Self::HotfixLeadTime => "hotfix-lead-time",
        }
    }

    pub fn from_slug(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.slug() == text.trim().to_lowercase())
    }

    /// True when a higher value is better (the success rate and deployments).
    pub fn higher_is_better(self) -> bool {
        matches!(self, Self::SuccessRate | Self::Deployments)
    }

    /// True when the value is a fraction shown as a percentage.
    pub fn is_percentage(self) -> bool {
        self.unit() == KpiUnit::Percent
    }

    pub fn unit(self) -> KpiUnit {
        match self {
            Self::SuccessRate | Self::RollbackRate | Self::DeployTime | Self::ChangeFailureRate => {
                KpiUnit::Percent
            }
            Self::Downtime | Self::LeadTime | Self::RecoveryTime | Self::HotfixLeadTime => KpiUnit::Hours,
            Self::Deployments => KpiUnit::Count,
        }
    }

    /// True for the brief's four, whose target is met only strictly above or below it; the
    /// delivery metrics meet theirs at the target too ("at least 4 deployments", "within 1 h").
    pub fn strict_target(self) -> bool {
        Self::BRIEF.contains(&self)
    }
}

/// What each KPI should be. Rates are fractions (0.95 = 95 %); times are hours.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct KpiTargets {
    /// The success rate should be above this.
    pub success_rate: f64,
    /// The rollback rate should be below this.
    pub rollback_rate: f64,
    /// The mean deployment time overrun should be below this.
    pub deploy_time_overrun: f64,
    /// Downtime should be below this many hours a month.
    pub downtime_hours: f64,
    /// At least this many entries into Deploy a month.
    pub deployments_per_month: f64,
    /// The median lead time should be at most this many hours.
    pub lead_time_hours: f64,
    /// The change failure rate should be at most this.
    pub change_failure_rate: f64,
    /// The median recovery time should be at most this many hours.
    pub recovery_hours: f64,
    /// A hot fix (an Emergency release) should reach Deploy within this many hours of creation.
    pub hotfix_lead_time_hours: f64,
}

impl Default for KpiTargets {
    /// The brief's targets (success > 95 %, rollback < 5 %, overrun < 10 %, downtime < 4 h a
    /// month), DORA's "high" tier (weekly deployments, lead time and recovery within a week and a
    /// day, change failure rate 15 %) and the mobile scenario's hot fix within 1 hour.
    fn default() -> Self {
        Self {
            success_rate: 0.95,
            rollback_rate: 0.05,
            deploy_time_overrun: 0.10,
            downtime_hours: 4.0,
            deployments_per_month: 4.0,
            lead_time_hours: 168.0,
            change_failure_rate: 0.15,
            recovery_hours: 24.0,
            hotfix_lead_time_hours: 1.0,
        }
    }
}

/// Why a target is not acceptable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TargetInvalid {
    #[error("the success rate target must be between 0 % and 100 %")]
    SuccessRateOutOfRange,
    #[error("the rollback rate target must be between 0 % and 100 %")]
    RollbackRateOutOfRange,
    #[error("the deployment time target must be between 0 % and 1000 %")]
    OverrunOutOfRange,
    #[error("the downtime target must be between 0 and 744 hours a month")]
    DowntimeOutOfRange,
    #[error("the deployments target must be between 0 and 10000 a month")]
    DeploymentsOutOfRange,
    #[error("the change failure rate target must be between 0 % and 100 %")]
    ChangeFailureRateOutOfRange,
    /// Lead time, recovery time or hot-fix lead time.
    #[error("the {0:?} target must be between 0 and 8760 hours")]
    HoursOutOfRange(Kpi),
}

/// The longest time target, in hours (a year).
pub const MAX_TARGET_HOURS: f64 = 8760.0;

impl KpiTargets {
    /// Checks every target is a finite value in its range.
    pub fn validate(&self) -> Result<(), TargetInvalid> {
        let within = |v: f64, high: f64| v.is_finite() && (0.0..=high).contains(&v);
        let checks = [
            (self.success_rate, 1.0, TargetInvalid::SuccessRateOutOfRange),
            (self.rollback_rate, 1.0, TargetInvalid::RollbackRateOutOfRange),
            (self.deploy_time_overrun, 10.0, TargetInvalid::OverrunOutOfRange),
            (self.downtime_hours, 744.0, TargetInvalid::DowntimeOutOfRange),
            (self.deployments_per_month, 10_000.0, TargetInvalid::DeploymentsOutOfRange),
            (self.lead_time_hours, MAX_TARGET_HOURS, TargetInvalid::HoursOutOfRange(Kpi::LeadTime)),
            (self.change_failure_rate, 1.0, TargetInvalid::ChangeFailureRateOutOfRange),
            (self.recovery_hours, MAX_TARGET_HOURS, TargetInvalid::HoursOutOfRange(Kpi::RecoveryTime)),
            (
                self.hotfix_lead_time_hours,
                MAX_TARGET_HOURS,
                TargetInvalid::HoursOutOfRange(Kpi::HotfixLeadTime),
            ),
        ];
        match checks.into_iter().find(|(value, high, _)| !within(*value, *high)) {
            Some((_, _, err)) => Err(err),
            None => Ok(()),
        }
    }

    /// The target of `kpi`, in the KPI's unit (fraction, hours, or deployments a month).
    pub fn target(&self, kpi: Kpi) -> f64 {
        match kpi {
            Kpi::SuccessRate => self.success_rate,
            Kpi::RollbackRate => self.rollback_rate,
            Kpi::DeployTime => self.deploy_time_overrun,
            Kpi::Downtime => self.downtime_hours,
            Kpi::Deployments => self.deployments_per_month,
            Kpi::LeadTime => self.lead_time_hours,
            Kpi::ChangeFailureRate => self.change_failure_rate,
            Kpi::RecoveryTime => self.recovery_hours,
            Kpi::HotfixLeadTime => self.hotfix_lead_time_hours,
        }
    }

    pub fn set_target(&mut self, kpi: Kpi, value: f64) {
        match kpi {
            Kpi::SuccessRate => self.success_rate = value,
            Kpi::RollbackRate => self.rollback_rate = value,
            Kpi::DeployTime => self.deploy_time_overrun = value,
            Kpi::Downtime => self.downtime_hours = value,
            Kpi::Deployments => self.deployments_per_month = value,
            Kpi::LeadTime => self.lead_time_hours = value,
            Kpi::ChangeFailureRate => self.change_failure_rate = value,
            Kpi::RecoveryTime => self.recovery_hours = value,
            Kpi::HotfixLeadTime => self.hotfix_lead_time_hours = value,
        }
    }

    /// Whether `value` meets the target. The brief's four compare strictly (above the target
    /// for the success rate, below it for the others); the delivery metrics meet it at the
    /// target too (at least so many deployments, at most so many hours or so much failure).
    pub fn meets(&self, kpi: Kpi, value: f64) -> bool {
        let target = self.target(kpi);
        match (kpi.higher_is_better(), kpi.strict_target()) {
            (true, true) => value > target,
            (true, false) => value >= target,
            (false, true) => value < target,
            (false, false) => value <= target + 1e-9,
        }
    }
}

/// DORA's performance tiers (Accelerate State of DevOps 2023).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DoraTier {
    Elite,
    High,
    Medium,
    Low,
}

impl DoraTier {
    pub const ALL: [Self; 4] = [Self::Elite, Self::High, Self::Medium, Self::Low];

    pub fn code(self) -> &'static str {
        match self {
            Self::Elite => "elite",
            Self::High => "high",
            Self::Medium => "medium",
            Self::Low => "low",
        }
    }
}

/// The tier boundaries of a DORA metric in its unit, best tier first: a value within the
/// first boundary is elite, within the second high, within the third medium, beyond it low.
/// `None` for the KPIs DORA does not publish tiers for.
///
/// Deployments a month: elite on demand (about daily, 30), high weekly to daily (4), medium
/// monthly to weekly (1). Lead time: under a day, a week, a month (24, 168, 720 h). Change
/// failure rate: 5 %, 10 %, 15 %. Recovery: under an hour, a day, a week (1, 24, 168 h).
pub fn dora_bounds(kpi: Kpi) -> Option<[f64; 3]> {
    match kpi {
        Kpi::Deployments => Some([30.0, 4.0, 1.0]),
        Kpi::LeadTime => Some([24.0, 168.0, 720.0]),
        Kpi::ChangeFailureRate => Some([0.05, 0.10, 0.15]),
        Kpi::RecoveryTime => Some([1.0, 24.0, 168.0]),
        Kpi::SuccessRate | Kpi::RollbackRate | Kpi::DeployTime | Kpi::Downtime | Kpi::HotfixLeadTime => None,
    }
}

/// The DORA tier of `value` for `kpi`, `None` where DORA publishes none.
pub fn dora_tier(kpi: Kpi, value: f64) -> Option<DoraTier> {
    let bounds = dora_bounds(kpi)?;
    let within = |bound: f64| if kpi.higher_is_better() { value >= bound } else { value <= bound };
    Some(match bounds.iter().position(|b| within(*b)) {
        Some(0) => DoraTier::Elite,
        Some(1) => DoraTier::High,
        Some(_) => DoraTier::Medium,
        None => DoraTier::Low,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_compare_strictly_for_the_brief_and_inclusively_for_delivery() {
        let t = KpiTargets::default();
        assert!(t.meets(Kpi::SuccessRate, 0.96));
        assert!(!t.meets(Kpi::SuccessRate, 0.95));
        assert!(t.meets(Kpi::RollbackRate, 0.0));
        assert!(!t.meets(Kpi::Downtime, 4.0));
        assert!(t.meets(Kpi::HotfixLeadTime, 1.0));
        assert!(!t.meets(Kpi::HotfixLeadTime, 1.01));
        assert!(t.meets(Kpi::Deployments, 4.0));
        assert!(!t.meets(Kpi::Deployments, 3.0));
        assert!(t.validate().is_ok());
        assert!(KpiTargets { success_rate: 1.5, ..t }.validate().is_err());
        assert!(KpiTargets { downtime_hours: f64::NAN, ..t }.validate().is_err());
        assert_eq!(
            KpiTargets { hotfix_lead_time_hours: -1.0, ..t }.validate(),
            Err(TargetInvalid::HoursOutOfRange(Kpi::HotfixLeadTime))
        );
    }

    #[test]
    fn dora_tiers_follow_the_published_bounds() {
        assert_eq!(dora_tier(Kpi::LeadTime, 2.0), Some(DoraTier::Elite));
        assert_eq!(dora_tier(Kpi::LeadTime, 100.0), Some(DoraTier::High));
        assert_eq!(dora_tier(Kpi::LeadTime, 1000.0), Some(DoraTier::Low));
        assert_eq!(dora_tier(Kpi::Deployments, 40.0), Some(DoraTier::Elite));
        assert_eq!(dora_tier(Kpi::Deployments, 2.0), Some(DoraTier::Medium));
        assert_eq!(dora_tier(Kpi::Deployments, 0.0), Some(DoraTier::Low));
        assert_eq!(dora_tier(Kpi::ChangeFailureRate, 0.12), Some(DoraTier::Medium));
        assert_eq!(dora_tier(Kpi::HotfixLeadTime, 0.5), None);
    }
}
