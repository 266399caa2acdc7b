//! Monitoring after deploy in the current language: metric names, values with their unit,
//! thresholds ("at most 1 %" / "1 % 이하"), phases, readings and thresholds in the log, the
//! monitoring commands' names and why one is refused. Keys are in
//! `assets/i18n/{en,ko}/monitoring.ftl`.

use super::{tr, tr_args};
use crate::domain::activity::{CommandSummary, ReadingRef, ThresholdRef};
use crate::domain::monitoring::Direction;
use crate::domain::{MetricName, MonitoringInvalid, Threshold};

/// "Error rate" / "오류율", or a custom metric's own name.
pub fn metric_name(metric: &MetricName) -> String {
    match metric {
        MetricName::ErrorRatePercent => tr("monitoring-metric-error-rate"),
        MetricName::P95LatencyMs => tr("monitoring-metric-p95-latency"),
        MetricName::CrashFreeUsersPercent => tr("monitoring-metric-crash-free"),
        MetricName::Custom(name) => name.clone(),
    }
}

/// A number with at most two decimals, trailing zeros dropped: `2.5`, `480`, `99.95`.
pub fn metric_number(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" { "0".to_owned() } else { text.to_owned() }
}

/// A value with its metric's unit: `2.5 %`, `480 ms`, or the bare number of a custom metric.
pub fn metric_value(metric: &MetricName, value: f64) -> String {
    let number = metric_number(value);
    match metric {
        MetricName::ErrorRatePercent | MetricName::CrashFreeUsersPercent => format!("{number} %"),
        MetricName::P95LatencyMs => format!("{number} ms"),
        MetricName::Custom(_) => number,
    }
}

/// "At most" / "At least" (the direction's name, for a picker).
pub fn direction_label(direction: Direction) -> String {
    tr(match direction {
        Direction::AtMost => "monitoring-direction-at-most",
        Direction::AtLeast => "monitoring-direction-at-least",
    })
}

/// A threshold in words: "at most 1 %" / "1 % 이하".
pub fn threshold_text(metric: &MetricName, threshold: Threshold) -> String {
    let limit = metric_value(metric, threshold.limit);
    let key = match threshold.direction {
        Direction::AtMost => "monitoring-at-most",
        Direction::AtLeast => "monitoring-at-least",
    };
    tr_args(key, &[("limit", limit.into())])
}

/// The phase as shown: its own text, or "whole release" / "전체 릴리스" without one.
pub fn phase_label(phase: Option<&str>) -> String {
    phase.map_or_else(|| tr("monitoring-no-phase"), str::to_owned)
}

/// "breach" / "임계값 초과".
pub fn breach_label() -> String {
    tr("monitoring-breach")
}

/// A reading in the log: "Error rate (10 % of users): 2.5 % — breach".
pub fn reading_ref(reading: &ReadingRef) -> String {
    let text = tr_args(
        "monitoring-reading-value",
        &[
            ("metric", metric_name(&reading.metric).into()),
            ("phase", phase_label(reading.phase.as_deref()).into()),
            ("value", metric_value(&reading.metric, reading.value).into()),
        ],
    );
    if reading.breach { format!("{text} — {}", breach_label()) } else { text }
}

/// A threshold in the log: "Error rate: at most 1 %".
pub fn threshold_ref(threshold: &ThresholdRef) -> String {
    let words = threshold_text(
        &threshold.metric,
        Threshold { limit: threshold.limit, direction: threshold.direction },
    );
    format!("{}: {words}", metric_name(&threshold.metric))
}

/// The name of a monitoring command (from its summary), or `None` for the other commands.
pub fn monitoring_summary_label(summary: &CommandSummary) -> Option<String> {
    use CommandSummary as S;
    Some(match summary {
        S::AddReading { release, metric } => tr_args(
            "monitoring-cmd-add-reading",
            &[("id", (*release).into()), ("metric", metric_name(metric).into())],
        ),
        S::DeleteReading { release } => {
            tr_args("monitoring-cmd-delete-reading", &[("id", (*release).into())])
        }
        S::SetThreshold { release, metric } => tr_args(
            "monitoring-cmd-set-threshold",
            &[("id", (*release).into()), ("metric", metric_name(metric).into())],
        ),
        _ => return None,
    })
}

/// Why a reading or threshold is refused, in the current language.
pub fn monitoring_invalid(err: &MonitoringInvalid) -> String {
    use MonitoringInvalid as M;
    match err {
        M::NotFinite => tr("monitoring-invalid-not-finite"),
        M::PercentOutOfRange(v) => {
            tr_args("monitoring-invalid-percent", &[("value", metric_number(*v).into())])
        }
        M::Negative(v) => tr_args("monitoring-invalid-negative", &[("value", metric_number(*v).into())]),
        M::NameEmpty => tr("monitoring-invalid-name-empty"),
        M::NameTooLong(count) => tr_args("monitoring-invalid-name-too-long", &[("count", (*count).into())]),
        M::PhaseTooLong(count) => tr_args("monitoring-invalid-phase-too-long", &[("count", (*count).into())]),
        M::NotMonitoring(stage) => {
            tr_args("monitoring-invalid-not-monitoring", &[("stage", super::stage(*stage).into())])
        }
        M::NoSuchReading(id) => tr_args("monitoring-invalid-no-reading", &[("id", id.0.into())]),
    }
}
