//! The monthly KPI table as JSON (rates as fractions, `null` without a rate), CSV (English
//! column names, like the release CSV) and aligned text tables in the current language, and the
//! KPI strip other documents show (`strip_cells`).

use serde_json::{Value, json};

use crate::domain::kpi::{KpiCounts, KpiReport, MonthKpi};
use crate::domain::{Kpi, KpiTargets, Language, ReleaseType};
use crate::i18n::{self, tr_in};

/// Rounds away float noise (`0.30000000000000004`) while keeping every meaningful digit.
fn round(value: f64) -> f64 {
    (value * 1e6).round() / 1e6
}

fn fraction(value: Option<f64>) -> Value {
    value.map_or(Value::Null, |v| json!(round(v)))
}

/// The targets as JSON.
pub fn targets_json(targets: &KpiTargets) -> Value {
    json!({
        "success_rate": round(targets.success_rate),
        "rollback_rate": round(targets.rollback_rate),
        "deploy_time_overrun": round(targets.deploy_time_overrun),
        "downtime_hours": round(targets.downtime_hours),
        "deployments_per_month": round(targets.deployments_per_month),
        "lead_time_hours": round(targets.lead_time_hours),
        "change_failure_rate": round(targets.change_failure_rate),
        "recovery_hours": round(targets.recovery_hours),
        "hotfix_lead_time_hours": round(targets.hotfix_lead_time_hours),
    })
}

/// The delivery figures of a month or a period, `null` where there is no data (never 0).
fn delivery_json(counts: &KpiCounts, map: &mut serde_json::Map<String, Value>) {
    let d = &counts.delivery;
    for (key, value) in [
        ("deployments", json!(d.deployments)),
        ("lead_time_hours_median", fraction(d.lead_time_median)),
        ("lead_time_hours_p90", fraction(d.lead_time_p90)),
        ("change_failure_rate", fraction(counts.change_failure_rate())),
        ("recovery_hours_median", fraction(d.recovery_median)),
        ("hotfix_lead_time_hours_median", fraction(d.hotfix_median)),
        ("hotfix_within_target", fraction(d.hotfix_within_share())),
        ("first_deployed", json!(d.first_deployed)),
        ("rollbacks", json!(d.rollbacks)),
        ("recovered", json!(d.recovered)),
        ("hotfixes", json!(d.hotfixes)),
    ] {
        map.insert(key.into(), value);
    }
}

/// The fields of a month or a period; `value_of` is the value each KPI is judged on (`None`:
/// not judged).
fn counts_json(
    counts: &KpiCounts,
    targets: &KpiTargets,
    value_of: &dyn Fn(Kpi) -> Option<f64>,
) -> serde_json::Map<String, Value> {
    let on_target =
        |kpi: Kpi| -> Value { value_of(kpi).map_or(Value::Null, |v| Value::Bool(targets.meets(kpi, v))) };
    let Value::Object(map) = json!({
        "closed": counts.closed,
        "successful": counts.successful,
        "rolled_back": counts.rolled_back,
        "failed": counts.failed,
        "success_rate": fraction(counts.success_rate()),
        "rollback_rate": fraction(counts.rollback_rate()),
        "timed": counts.timed,
        "deploy_time_overrun": fraction(counts.deploy_time_overrun()),
        "within_10pct_share": fraction(counts.within_10pct_share()),
        "downtime_hours": round(counts.downtime_hours()),
        "emergency_share": fraction(counts.emergency_share()),
        "closed_by_type": {
            "minor": counts.closed_of(ReleaseType::Minor),
            "standard": counts.closed_of(ReleaseType::Standard),
            "major": counts.closed_of(ReleaseType::Major),
            "emergency": counts.closed_of(ReleaseType::Emergency),
        },
        "on_target": {
            "success_rate": on_target(Kpi::SuccessRate),
            "rollback_rate": on_target(Kpi::RollbackRate),
            "deploy_time_overrun": on_target(Kpi::DeployTime),
            "downtime_hours": on_target(Kpi::Downtime),
            "deployments": on_target(Kpi::Deployments),
            "lead_time_hours_median": on_target(Kpi::LeadTime),
            "change_failure_rate": on_target(Kpi::ChangeFailureRate),
            "recovery_hours_median": on_target(Kpi::RecoveryTime),
            "hotfix_lead_time_hours_median": on_target(Kpi::HotfixLeadTime),
        },
    }) else {
        return serde_json::Map::new();
    };
    let mut map = map;
    delivery_json(counts, &mut map);
    map
}

fn month_json(report: &KpiReport, month: &MonthKpi) -> Value {
    let mut map = serde_json::Map::new();
    map.insert("month".into(), json!(month.month.to_string()));
    let judged = |kpi: Kpi| if month.finished { month.value(kpi) } else { None };
    map.extend(counts_json(&month.counts, &report.targets, &judged));
    map.insert("open_at_end".into(), json!(month.open_at_end));
    map.insert("finished".into(), json!(month.finished));
    Value::Object(map)
}

/// `{"targets": {...}, "from": "2025-12", "to": "2026-11", "months": [...], "total": {...}}`.
/// The total's downtime target is judged on `downtime_hours_per_month`.
pub fn report_json(report: &KpiReport) -> Value {
    let per_month = report.period_value(Kpi::Downtime).unwrap_or(0.0);
    let mut total = counts_json(&report.total, &report.targets, &|kpi| report.period_value(kpi));
    total.insert("months".into(), json!(report.range.len()));
    total.insert("downtime_hours_per_month".into(), json!(round(per_month)));
    total.insert("deployments_per_month".into(), fraction(report.period_value(Kpi::Deployments)));
    json!({
        "targets": targets_json(&report.targets),
        "from": report.range.from.to_string(),
        "to": report.range.to.to_string(),
        "months": report.months.iter().map(|m| month_json(report, m)).collect::<Vec<_>>(),
        "total": Value::Object(total),
    })
}

/// The CSV columns (English, stable for scripts). Rates are fractions; empty without a rate.
pub const CSV_HEADERS: [&str; 25] = [
    "month",
    "closed",
    "successful",
    "rolled_back",
    "failed",
    "success_rate",
    "rollback_rate",
    "timed",
    "deploy_time_overrun",
    "within_10pct_share",
    "downtime_hours",
    "emergency_share",
    "minor",
    "standard",
    "major",
    "emergency",
    "open_at_end",
    "off_target",
    "deployments",
    "lead_time_hours_median",
    "lead_time_hours_p90",
    "change_failure_rate",
    "recovery_hours_median",
    "hotfix_lead_time_hours_median",
    "hotfix_within_target",
];

fn csv_row(label: String, counts: &KpiCounts, open: Option<u32>, off_target: &[Kpi]) -> Vec<String> {
    let rate = |v: Option<f64>| v.map_or_else(String::new, |v| round(v).to_string());
    vec![
        label,
        counts.closed.to_string(),
        counts.successful.to_string(),
        counts.rolled_back.to_string(),
        counts.failed.to_string(),
        rate(counts.success_rate()),
        rate(counts.rollback_rate()),
        counts.timed.to_string(),
        rate(counts.deploy_time_overrun()),
        rate(counts.within_10pct_share()),
        round(counts.downtime_hours()).to_string(),
        rate(counts.emergency_share()),
        counts.closed_of(ReleaseType::Minor).to_string(),
        counts.closed_of(ReleaseType::Standard).to_string(),
        counts.closed_of(ReleaseType::Major).to_string(),
        counts.closed_of(ReleaseType::Emergency).to_string(),
        open.map_or_else(String::new, |o| o.to_string()),
        off_target.iter().map(|k| k.slug()).collect::<Vec<_>>().join(" "),
        counts.delivery.deployments.to_string(),
        rate(counts.delivery.lead_time_median),
        rate(counts.delivery.lead_time_p90),
        rate(counts.change_failure_rate()),
        rate(counts.delivery.recovery_median),
        rate(counts.delivery.hotfix_median),
        rate(counts.delivery.hotfix_within_share()),
    ]
}

fn off_target_kpis(report: &KpiReport, month: &MonthKpi) -> Vec<Kpi> {
    Kpi::ALL.into_iter().filter(|k| report.month_meets(month, *k) == Some(false)).collect()
}

/// The monthly table as CSV, one row a month and a `total` row.
pub fn report_csv(report: &KpiReport) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(CSV_HEADERS)?;
    for month in &report.months {
        let off = off_target_kpis(report, month);
        let row = csv_row(month.month.to_string(), &month.counts, Some(month.open_at_end), &off);
        writer.write_record(row.iter().map(|c| super::table::csv_cell(c).into_owned()))?;
    }
    let off: Vec<Kpi> = Kpi::ALL.into_iter().filter(|k| report.period_meets(*k) == Some(false)).collect();
    let row = csv_row("total".into(), &report.total, None, &off);
    writer.write_record(row.iter().map(|c| super::table::csv_cell(c).into_owned()))?;
    let bytes = writer.into_inner().map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The monthly table for a terminal in `language`; off-target values carry a `!`.
pub fn report_text(report: &KpiReport, language: Language) -> String {
    let headers: Vec<String> = [
        "kpi-month",
        "kpi-closed",
        "kpi-success-rate",
        "kpi-rollback-rate",
        "kpi-deploy-time",
        "kpi-within",
        "kpi-downtime",
        "kpi-emergency-share",
        "kpi-open",
    ]
    .iter()
    .map(|k| tr_in(language, k))
    .collect();
    let cell = |kpi: Kpi, value: Option<f64>, meets: Option<bool>| {
        let text = i18n::kpi_value_in(language, kpi, value);
        if meets == Some(false) { format!("{text} !") } else { text }
    };
    let percent = |v: Option<f64>| v.map_or_else(|| "–".to_owned(), |v| format!("{:.1}%", v * 100.0));
    let mut rows: Vec<Vec<String>> = report
        .months
        .iter()
        .map(|m| {
            let mut row = vec![m.month.to_string(), m.counts.closed.to_string()];
            for kpi in [Kpi::SuccessRate, Kpi::RollbackRate, Kpi::DeployTime] {
                row.push(cell(kpi, m.value(kpi), report.month_meets(m, kpi)));
            }
            row.push(percent(m.counts.within_10pct_share()));
            row.push(cell(Kpi::Downtime, m.value(Kpi::Downtime), report.month_meets(m, Kpi::Downtime)));
            row.push(percent(m.counts.emergency_share()));
            row.push(m.open_at_end.to_string());
            row
        })
        .collect();
    let mut total = vec![tr_in(language, "kpi-total"), report.total.closed.to_string()];
    for kpi in [Kpi::SuccessRate, Kpi::RollbackRate, Kpi::DeployTime] {
        total.push(cell(kpi, report.period_value(kpi), report.period_meets(kpi)));
    }
    total.push(percent(report.total.within_10pct_share()));
    total.push(format!(
        "{} {}",
        cell(Kpi::Downtime, report.period_value(Kpi::Downtime), report.period_meets(Kpi::Downtime)),
        tr_in(language, "kpi-per-month")
    ));
    total.push(percent(report.total.emergency_share()));
    total.push(String::new());
    rows.push(total);
    let mut text = super::table::to_text_table(&headers, &rows);
    text.push('\n');
    text.push_str(&delivery_text(report, language));
    let targets: Vec<String> = Kpi::ALL
        .iter()
        .map(|k| {
            format!("{} {}", i18n::kpi_in(language, *k), i18n::kpi_target_in(language, &report.targets, *k))
        })
        .collect();
    text.push_str(&format!("{}: {}\n", tr_in(language, "kpi-targets"), targets.join(", ")));
    text.push_str(&tr_in(language, "kpi-off-target-legend"));
    text.push('\n');
    text
}

/// The delivery metrics by month for a terminal: deployments, lead time (median and 90th
/// percentile), change failure rate, recovery time and hot-fix lead time with the share within
/// target; off-target values carry a `!`.
fn delivery_text(report: &KpiReport, language: Language) -> String {
    let headers: Vec<String> = [
        "kpi-month",
        "kpi-deployments",
        "kpi-lead-time",
        "kpi-lead-time-p90",
        "kpi-change-failure-rate",
        "kpi-recovery-time",
        "kpi-hotfix-lead-time",
        "kpi-hotfix-within",
    ]
    .iter()
    .map(|k| tr_in(language, k))
    .collect();
    let cell = |kpi: Kpi, value: Option<f64>, meets: Option<bool>| {
        let text = i18n::kpi_value_in(language, kpi, value);
        if meets == Some(false) { format!("{text} !") } else { text }
    };
    let row = |label: String,
               counts: &KpiCounts,
               value: &dyn Fn(Kpi) -> Option<f64>,
               meets: &dyn Fn(Kpi) -> Option<bool>| {
        let d = &counts.delivery;
        vec![
            label,
            cell(Kpi::Deployments, value(Kpi::Deployments), meets(Kpi::Deployments)),
            cell(Kpi::LeadTime, value(Kpi::LeadTime), meets(Kpi::LeadTime)),
            i18n::kpi_value_in(language, Kpi::LeadTime, d.lead_time_p90),
            cell(Kpi::ChangeFailureRate, value(Kpi::ChangeFailureRate), meets(Kpi::ChangeFailureRate)),
            cell(Kpi::RecoveryTime, value(Kpi::RecoveryTime), meets(Kpi::RecoveryTime)),
            cell(Kpi::HotfixLeadTime, value(Kpi::HotfixLeadTime), meets(Kpi::HotfixLeadTime)),
            i18n::kpi_value_in(language, Kpi::ChangeFailureRate, d.hotfix_within_share()),
        ]
    };
    let mut rows: Vec<Vec<String>> = report
        .months
        .iter()
        .map(|m| row(m.month.to_string(), &m.counts, &|k| m.value(k), &|k| report.month_meets(m, k)))
        .collect();
    rows.push(row(tr_in(language, "kpi-total"), &report.total, &|k| report.period_value(k), &|k| {
        report.period_meets(k)
    }));
    super::table::to_text_table(&headers, &rows)
}

/// One KPI of the strip, as words in a language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StripCell {
    pub kpi: Kpi,
    /// The KPI's name.
    pub label: String,
    /// The period's value (`–` without data; deployments and downtime as a monthly mean).
    pub value: String,
    /// `> 95.0%`, `≤ 1.0 h`.
    pub target: String,
    /// On target, off target or no data.
    pub verdict: String,
    /// `None` without a value.
    pub meets: Option<bool>,
    /// DORA's tier in words, where DORA publishes tiers.
    pub tier: Option<String>,
}

/// The KPI strip of a period for other documents (the CAB pack): every KPI's period value
/// against its target, in `language`. The numbers are [`crate::domain::kpi::strip`]'s.
pub fn strip_cells(report: &KpiReport, language: Language) -> Vec<StripCell> {
    crate::domain::kpi::strip(report)
        .into_iter()
        .map(|entry| StripCell {
            kpi: entry.kpi,
            label: i18n::kpi_in(language, entry.kpi),
            value: i18n::kpi_value_in(language, entry.kpi, entry.value),
            target: i18n::kpi_target_in(language, &report.targets, entry.kpi),
            verdict: tr_in(
                language,
                match entry.meets {
                    Some(true) => "kpi-on-target",
                    Some(false) => "kpi-off-target",
                    None => "kpi-no-data",
                },
            ),
            meets: entry.meets,
            tier: entry.tier.map(|t| i18n::dora_tier_in(language, t)),
        })
        .collect()
}
