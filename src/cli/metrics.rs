//! `metrics ID [--format table|json]` and `metrics ID add --name NAME --value V [--phase P]
//! [--at ISO]`: a release's readings after deploy by metric and phase, each metric's threshold
//! and whether a reading breached it; and a reading recorded through the model (built-in names
//! `error_rate`, `p95_latency_ms`, `crash_free_users`; any other name is a custom metric). A bad
//! value, an unknown release or one not at Verify & Monitor is one line on stderr, and nothing is
//! written.

use std::path::Path;

use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;

use super::template::parse_time;
use super::{open_existing, open_for_writing, parse_release_id};
use crate::domain::{MetricName, MetricReading, ReleaseId};
use crate::i18n::{self, tr, tr_args};
use crate::model::{Command, CommandError, Model, MonitoringCommand};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum MetricsFormat {
    Table,
    Json,
}

/// `metrics ID [add ...]`.
#[derive(Args, Debug)]
pub struct MetricsArgs {
    /// The release id (`12` or `#12`).
    #[arg(value_parser = parse_release_id)]
    pub id: ReleaseId,
    #[arg(long, value_enum, default_value = "table")]
    pub format: MetricsFormat,
    #[command(subcommand)]
    pub action: Option<MetricsAction>,
}

#[derive(Subcommand, Debug)]
pub enum MetricsAction {
    /// Record a reading (the release must be at Verify & Monitor).
    Add {
        /// error_rate, p95_latency_ms, crash_free_users, or a custom metric's name.
        #[arg(long)]
        name: String,
        /// The value: percent for error_rate and crash_free_users, milliseconds for latency.
        #[arg(long, allow_hyphen_values = true)]
        value: String,
        /// The roll-out phase, e.g. "10 % of users" or "all users".
        #[arg(long)]
        phase: Option<String>,
        /// When it was measured, ISO 8601 (default: now).
        #[arg(long, value_name = "ISO")]
        at: Option<String>,
    },
}

/// Runs `metrics ...`.
pub(super) fn metrics(db: &Path, args: MetricsArgs) -> Result<String, String> {
    match args.action {
        None => show(db, args.id, args.format),
        Some(MetricsAction::Add { name, value, phase, at }) => {
            let value = parse_value(&value)?;
            let at = at.as_deref().map(parse_time).transpose()?;
            let mut model = open_for_writing(db)?;
            let command = MonitoringCommand::AddReading {
                release: args.id,
                metric: MetricName::parse(&name),
                phase,
                value,
                at,
            };
            model.apply(Command::Monitoring(command)).map_err(|e| i18n::command_error(&e))?;
            let reading = model.readings_of(args.id).last().map(|r| (*r).clone());
            let Some(reading) = reading else { return Ok(String::new()) };
            let mut text = reading_line(&model, &reading);
            text.push('\n');
            if model.breaches_of(args.id).iter().any(|b| b.reading == reading.id) {
                text.push_str(&tr_args("monitoring-cli-breach-hint", &[("id", args.id.into())]));
                text.push('\n');
            }
            Ok(text)
        }
    }
}

/// A number as typed (`2.5`, `-1`, `NaN` stays NaN for the model to refuse with its reason).
fn parse_value(text: &str) -> Result<f64, String> {
    text.trim().parse::<f64>().map_err(|_| tr_args("monitoring-cli-bad-number", &[("value", text.into())]))
}

/// One phase of a metric: its name (or none) and its readings, oldest first.
type PhaseReadings<'a> = (Option<String>, Vec<&'a MetricReading>);

/// A release's readings grouped by metric, then by phase (phases in the order first measured).
fn grouped(model: &Model, id: ReleaseId) -> Vec<(MetricName, Vec<PhaseReadings<'_>>)> {
    model
        .monitoring()
        .metrics_of(id)
        .into_iter()
        .map(|metric| {
            let mut phases: Vec<PhaseReadings<'_>> = Vec::new();
            let mut readings: Vec<&MetricReading> =
                model.readings_of(id).into_iter().filter(|r| r.metric == metric).collect();
            readings.sort_by_key(|r| (r.at, r.id));
            for reading in readings {
                match phases.iter_mut().find(|(p, _)| *p == reading.phase) {
                    Some((_, list)) => list.push(reading),
                    None => phases.push((reading.phase.clone(), vec![reading])),
                }
            }
            (metric, phases)
        })
        .collect()
}

fn show(db: &Path, id: ReleaseId, format: MetricsFormat) -> Result<String, String> {
    let model = open_existing(db)?;
    let release = model.release(id).ok_or_else(|| i18n::command_error(&CommandError::NoSuchRelease(id)))?;
    let breached: Vec<_> = model.breaches_of(id).iter().map(|b| b.reading).collect();
    let groups = grouped(&model, id);
    if format == MetricsFormat::Json {
        let metrics: Vec<serde_json::Value> = groups
            .iter()
            .map(|(metric, phases)| {
                let threshold = model.metric_threshold(id, metric);
                let set = model.monitoring().stored_threshold(id, metric).is_some();
                json!({
                    "metric": metric.code(),
                    "custom": matches!(metric, MetricName::Custom(_)),
                    "threshold": threshold.map(|t| json!({
                        "limit": t.limit,
                        "direction": t.direction.code(),
                        "default": !set,
                    })),
                    "breached": phases.iter().flat_map(|(_, r)| r).any(|r| breached.contains(&r.id)),
                    "phases": phases.iter().map(|(phase, readings)| json!({
                        "phase": phase,
                        "readings": readings.iter().map(|r| json!({
                            "id": r.id,
                            "value": r.value,
                            "at": r.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                            "breach": breached.contains(&r.id),
                            "recorded_by": r.recorded_by,
                        })).collect::<Vec<_>>(),
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        let doc = json!({ "release": id, "stage": release.stage.code(), "metrics": metrics });
        return serde_json::to_string_pretty(&doc).map(|s| s + "\n").map_err(|e| e.to_string());
    }
    let mut text =
        format!("{} {} — {}\n", i18n::release_number(id), release.subject, i18n::stage(release.stage));
    if groups.is_empty() {
        text.push_str(&tr("monitoring-cli-none"));
        text.push('\n');
        return Ok(text);
    }
    for (metric, phases) in &groups {
        let threshold = model
            .metric_threshold(id, metric)
            .map_or_else(|| tr("monitoring-cli-no-threshold"), |t| i18n::threshold_text(metric, t));
        text.push_str(&tr_args(
            "monitoring-cli-metric",
            &[("metric", i18n::metric_name(metric).into()), ("threshold", threshold.into())],
        ));
        text.push('\n');
        for (phase, readings) in phases {
            text.push_str(&format!("  {}\n", i18n::phase_label(phase.as_deref())));
            for r in readings {
                let flag = if breached.contains(&r.id) {
                    format!("\t{}", i18n::breach_label())
                } else {
                    String::new()
                };
                text.push_str(&format!(
                    "    {}\t{}\t{}{flag}\n",
                    r.id,
                    i18n::datetime(r.at),
                    i18n::metric_value(metric, r.value)
                ));
            }
        }
    }
    Ok(text)
}

/// One reading as `add` prints it: `#12 Error rate (10 % of users): 2.5 % — breach`.
fn reading_line(model: &Model, reading: &MetricReading) -> String {
    let breach = model.breaches_of(reading.release).iter().any(|b| b.reading == reading.id);
    let value = i18n::reading_ref(&crate::domain::activity::ReadingRef {
        metric: reading.metric.clone(),
        phase: reading.phase.clone(),
        value: reading.value,
        at: reading.at,
        breach,
    });
    format!("{} {value}", i18n::release_number(reading.release))
}
