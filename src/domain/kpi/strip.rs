//! A one-line KPI summary of a period for other documents (the CAB pack's KPI strip): each KPI's
//! period value, its target, whether it meets it and, for DORA's metrics, the tier.

use super::{DoraTier, Kpi, KpiReport, dora_tier};

/// One KPI of the strip.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StripEntry {
    pub kpi: Kpi,
    /// The period's value (`None`: no data).
    pub value: Option<f64>,
    pub target: f64,
    /// `None` without a value.
    pub meets: Option<bool>,
    /// DORA's tier of the value, where DORA publishes tiers.
    pub tier: Option<DoraTier>,
}

/// Every KPI of `report`'s period, in [`Kpi::ALL`]'s order (the brief's four first).
pub fn strip(report: &KpiReport) -> Vec<StripEntry> {
    Kpi::ALL
        .into_iter()
        .map(|kpi| {
            let value = report.period_value(kpi);
            StripEntry {
                kpi,
                value,
                target: report.targets.target(kpi),
                meets: report.period_meets(kpi),
                tier: value.and_then(|v| dora_tier(kpi, v)),
            }
        })
        .collect()
}
