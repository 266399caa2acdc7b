//! A release's impact analysis and risk level. The analysis is what the team writes (users or
//! branches affected, expected downtime, a summary) beside what the registry says: the affected
//! services and CIs are the release's linked CIs plus every CI that depends on one of them,
//! directly or through others ([`affected_items`]), each with its criticality.
//!
//! The release's risk level rolls its risk register up into one level: **the level of its
//! highest-scoring risk** (likelihood x impact: Low up to 4, Medium up to 9, High from 10; see
//! [`Risk::level`]), raised to High when a Medium register touches a Critical CI. An empty
//! register is Low.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::ids::ConfigItemId;
use super::readiness::{Readiness, Risk, RiskLevel};
use super::registry::{Criticality, Registry};

/// The longest text of an impact analysis accepted.
pub const TEXT_MAX_CHARS: usize = 10_000;

/// What the team wrote about a release's impact.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImpactAnalysis {
    /// Users, customers or branches affected ("전 영업점 ATM, 모바일 뱅킹 사용자").
    #[serde(default)]
    pub users_affected: String,
    /// How long the service is expected to be down.
    #[serde(default)]
    pub expected_downtime_minutes: u32,
    #[serde(default)]
    pub summary: String,
}

impl ImpactAnalysis {
    /// Nothing written and no downtime expected.
    pub fn is_empty(&self) -> bool {
        self.users_affected.trim().is_empty()
            && self.summary.trim().is_empty()
            && self.expected_downtime_minutes == 0
    }
}

/// Why an impact analysis is not acceptable.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImpactInvalid {
    #[error("the text is longer than {TEXT_MAX_CHARS} characters")]
    TextTooLong,
    #[error("the expected downtime is more than a year")]
    DowntimeTooLong,
}

/// Checks an analysis and trims its texts.
pub fn validate(mut impact: ImpactAnalysis) -> Result<ImpactAnalysis, ImpactInvalid> {
    if impact.users_affected.chars().count() > TEXT_MAX_CHARS
        || impact.summary.chars().count() > TEXT_MAX_CHARS
    {
        return Err(ImpactInvalid::TextTooLong);
    }
    if impact.expected_downtime_minutes > super::lifecycle::DOWNTIME_MAX_MINUTES {
        return Err(ImpactInvalid::DowntimeTooLong);
    }
    impact.users_affected = impact.users_affected.trim().to_owned();
    impact.summary = impact.summary.trim().to_owned();
    Ok(impact)
}

/// One CI a release affects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AffectedItem {
    pub item: ConfigItemId,
    /// `None` when the release links it; otherwise the affected CI it depends on.
    pub via: Option<ConfigItemId>,
    pub criticality: Criticality,
}

/// The CIs a release linked to `linked` affects: those CIs, then every CI that depends on one of
/// them (directly or through others), nearest first, each once. Ids the registry does not know
/// are left out.
pub fn affected_items(registry: &Registry, linked: &[ConfigItemId]) -> Vec<AffectedItem> {
    // Who depends on whom, the other way round.
    let mut dependents: BTreeMap<ConfigItemId, Vec<ConfigItemId>> = BTreeMap::new();
    for ci in &registry.config_items {
        for &needed in &ci.depends_on {
            dependents.entry(needed).or_default().push(ci.id);
        }
    }
    let mut out: Vec<AffectedItem> = Vec::new();
    let mut queue: std::collections::VecDeque<(ConfigItemId, Option<ConfigItemId>)> =
        linked.iter().map(|&id| (id, None)).collect();
    while let Some((id, via)) = queue.pop_front() {
        if out.iter().any(|a| a.item == id) {
            continue;
        }
        let Some(ci) = registry.config_item(id) else { continue };
        out.push(AffectedItem { item: id, via, criticality: ci.criticality });
        for &dependent in dependents.get(&id).map_or(&[][..], Vec::as_slice) {
            queue.push_back((dependent, Some(id)));
        }
    }
    out
}

/// The release's risk level from its register and the criticality of what it affects (the rule
/// is in the module docs).
pub fn risk_level(readiness: &Readiness, affected: &[AffectedItem]) -> RiskLevel {
    let level = readiness.risks.iter().map(Risk::level).max().unwrap_or(RiskLevel::Low);
    let touches_critical = affected.iter().any(|a| a.criticality == Criticality::Critical);
    if level == RiskLevel::Medium && touches_critical { RiskLevel::High } else { level }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::registry::{CiKind, ConfigItem};

    fn registry() -> Registry {
        let ci = |id: i64, criticality, depends_on: &[i64]| ConfigItem {
            criticality,
            depends_on: depends_on.iter().copied().map(ConfigItemId).collect(),
            ..ConfigItem::new(ConfigItemId(id), format!("ci {id}"), CiKind::Service)
        };
        Registry {
            changes: vec![],
            config_items: vec![
                ci(1, Criticality::Critical, &[]),
                ci(2, Criticality::High, &[1]),
                ci(3, Criticality::Medium, &[2]),
                ci(4, Criticality::Low, &[]),
            ],
        }
    }

    #[test]
    fn what_depends_on_a_linked_ci_is_affected_too() {
        let affected = affected_items(&registry(), &[ConfigItemId(1), ConfigItemId(99)]);
        let ids: Vec<_> = affected.iter().map(|a| (a.item.0, a.via.map(|v| v.0))).collect();
        assert_eq!(ids, [(1, None), (2, Some(1)), (3, Some(2))]);
        assert!(affected_items(&registry(), &[ConfigItemId(4)]).iter().all(|a| a.via.is_none()));
    }

    #[test]
    fn the_risk_level_is_the_highest_risk_raised_by_a_critical_ci() {
        let mut readiness = Readiness::default();
        assert_eq!(risk_level(&readiness, &[]), RiskLevel::Medium, "the default register is 3 x 3");
        let critical = affected_items(&registry(), &[ConfigItemId(1)]);
        assert_eq!(risk_level(&readiness, &critical), RiskLevel::High);
        readiness.risks.iter_mut().for_each(|r| r.likelihood = 1);
        assert_eq!(risk_level(&readiness, &critical), RiskLevel::Low, "a Low register stays Low");
        readiness.risks[0].likelihood = 4;
        readiness.risks[0].impact = 5;
        assert_eq!(risk_level(&readiness, &[]), RiskLevel::High);
        readiness.risks.clear();
        assert_eq!(risk_level(&readiness, &[]), RiskLevel::Low);
    }
}
