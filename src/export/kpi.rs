//! The monthly KPI table as JSON (rates as fractions, `null` without a rate), CSV (English
//! column names, like the release CSV) and an aligned text table in the current language.

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
    })
}

fn counts_json(
    counts: &KpiCounts,
    targets: &KpiTargets,
    downtime_value: f64,
) -> serde_json::Map<String, Value> {
    let on_target = |kpi: Kpi| -> Value {
        let value = if kpi == Kpi::Downtime { Some(downtime_value) } else { counts.value(kpi) };
        value.map_or(Value::Null, |v| Value::Bool(targets.meets(kpi, v)))
    };
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
        },
    }) else {
        return serde_json::Map::new();
    };
    map
}

fn month_json(month: &MonthKpi, targets: &KpiTargets) -> Value {
    let mut map = serde_json::Map::new();
    map.insert("month".into(), json!(month.month.to_string()));
    map.extend(counts_json(&month.counts, targets, month.counts.downtime_hours()));
    map.insert("open_at_end".into(), json!(month.open_at_end));
    Value::Object(map)
}

/// `{"targets": {...}, "from": "2025-12", "to": "2026-11", "months": [...], "total": {...}}`.
/// The total's downtime target is judged on `downtime_hours_per_month`.
pub fn report_json(report: &KpiReport) -> Value {
    let per_month = report.period_value(Kpi::Downtime).unwrap_or(0.0);
    let mut total = counts_json(&report.total, &report.targets, per_month);
    total.insert("months".into(), json!(report.range.len()));
    total.insert("downtime_hours_per_month".into(), json!(round(per_month)));
    json!({
        "targets": targets_json(&report.targets),
        "from": report.range.from.to_string(),
        "to": report.range.to.to_string(),
        "months": report.months.iter().map(|m| month_json(m, &report.targets)).collect::<Vec<_>>(),
        "total": Value::Object(total),
    })
}

/// The CSV columns (English, stable for scripts). Rates are fractions; empty without a rate.
pub const CSV_HEADERS: [&str; 18] = [
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
                row.push(cell(kpi, m.counts.value(kpi), report.month_meets(m, kpi)));
            }
            row.push(percent(m.counts.within_10pct_share()));
            row.push(cell(
                Kpi::Downtime,
                m.counts.value(Kpi::Downtime),
                report.month_meets(m, Kpi::Downtime),
            ));
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
