//! Monitoring after deploy: the metric readings a release records while it is at Verify & Monitor
//! (error rate %, p95 latency ms, crash-free users %, or a named custom metric), each in a phase of
//! the roll-out (the A/B group "10 % of users" before "all users"), and the threshold each metric
//! of a release is held to. A reading beyond its threshold is a breach ([`breaches`]); the page
//! shows it in red and offers the Rollback move.
//!
//! The rules:
//! - readings are added and deleted only while the release is at Verify & Monitor (the stage that
//!   watches the release after Deploy; a reading taken during Deploy is entered once it moves on),
//!   thresholds may be set at any stage (the record of what a later reading is held to);
//! - every number is finite; a percent is within 0..=100; a latency is not negative;
//! - a custom metric has a name of 1..=64 characters (a built-in name stays the built-in), a phase
//!   at most 64 characters (blank is no phase);
//! - a built-in metric without a stored threshold is held to its default (error rate at most 1 %,
//!   p95 latency at most 500 ms, crash-free users at least 99.5 %); a custom metric has none until
//!   one is set;
//! - a value equal to the limit is not a breach: "at most 1 %" allows 1 %.

use serde::{Deserialize, Serialize};

use super::ids::{AgentId, ReadingId, ReleaseId, Timestamp};
use super::registry::string_coded;
use super::stage::Stage;

/// The longest custom metric name and phase, in characters.
pub const LABEL_MAX_CHARS: usize = 64;

/// What a reading measures.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MetricName {
    /// Share of requests that failed, in percent.
    ErrorRatePercent,
    /// The 95th percentile of response time, in milliseconds.
    P95LatencyMs,
    /// Share of users without a crash, in percent.
    CrashFreeUsersPercent,
    /// A metric the team names itself.
    Custom(String),
}

impl MetricName {
    /// The built-in metrics, in display order.
    pub const BUILT_IN: [Self; 3] = [Self::ErrorRatePercent, Self::P95LatencyMs, Self::CrashFreeUsersPercent];

    /// The stored, JSON and command-line name: `error_rate`, `p95_latency_ms`, `crash_free_users`,
    /// or the custom metric's own name.
    pub fn code(&self) -> &str {
        match self {
            Self::ErrorRatePercent => "error_rate",
            Self::P95LatencyMs => "p95_latency_ms",
            Self::CrashFreeUsersPercent => "crash_free_users",
            Self::Custom(name) => name,
        }
    }

    /// A built-in metric by its code, anything else a custom metric (trimmed; not validated).
    pub fn parse(name: &str) -> Self {
        let name = name.trim();
        Self::BUILT_IN.into_iter().find(|m| m.code() == name).unwrap_or_else(|| Self::Custom(name.to_owned()))
    }

    /// Whether its values are percentages (0..=100).
    pub fn is_percent(&self) -> bool {
        matches!(self, Self::ErrorRatePercent | Self::CrashFreeUsersPercent)
    }

    /// The threshold a release's metric is held to until one is set (none for a custom metric).
    pub fn default_threshold(&self) -> Option<Threshold> {
        match self {
            Self::ErrorRatePercent => Some(Threshold { limit: 1.0, direction: Direction::AtMost }),
            Self::P95LatencyMs => Some(Threshold { limit: 500.0, direction: Direction::AtMost }),
            Self::CrashFreeUsersPercent => Some(Threshold { limit: 99.5, direction: Direction::AtLeast }),
            Self::Custom(_) => None,
        }
    }

    /// The direction a threshold of this metric takes by default (a custom one: at most).
    pub fn default_direction(&self) -> Direction {
        self.default_threshold().map_or(Direction::AtMost, |t| t.direction)
    }

    /// That a value of this metric is acceptable: finite, a percent in 0..=100, a latency >= 0.
    pub fn check_value(&self, value: f64) -> Result<(), MonitoringInvalid> {
        if !value.is_finite() {
            return Err(MonitoringInvalid::NotFinite);
        }
        if self.is_percent() && !(0.0..=100.0).contains(&value) {
            return Err(MonitoringInvalid::PercentOutOfRange(value));
        }
        if *self == Self::P95LatencyMs && value < 0.0 {
            return Err(MonitoringInvalid::Negative(value));
        }
        Ok(())
    }

    /// That a custom metric has a name of 1..=64 characters.
    pub fn check_name(&self) -> Result<(), MonitoringInvalid> {
        if let Self::Custom(name) = self {
            let chars = name.trim().chars().count();
            if chars == 0 {
                return Err(MonitoringInvalid::NameEmpty);
            }
            if chars > LABEL_MAX_CHARS {
                return Err(MonitoringInvalid::NameTooLong(chars));
            }
        }
        Ok(())
    }
}

impl Serialize for MetricName {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for MetricName {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        Ok(Self::parse(&name))
    }
}

string_coded!(
    /// Which side of its limit a metric must stay.
    Direction {
        /// The value may not exceed the limit (error rate, latency).
        AtMost = "at_most",
        /// The value may not fall below the limit (crash-free users).
        AtLeast = "at_least",
    }
);

/// A limit and the side of it a metric must stay.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Threshold {
    pub limit: f64,
    pub direction: Direction,
}

impl Threshold {
    /// Whether `value` is beyond the limit (equal to it is not).
    pub fn is_breached_by(&self, value: f64) -> bool {
        match self.direction {
            Direction::AtMost => value > self.limit,
            Direction::AtLeast => value < self.limit,
        }
    }
}

/// One measurement of a metric of a release, in a phase of its roll-out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetricReading {
    pub id: ReadingId,
    pub release: ReleaseId,
    pub metric: MetricName,
    /// The roll-out phase ("10 % of users", "all users"); `None` for the release as a whole.
    #[serde(default)]
    pub phase: Option<String>,
    pub value: f64,
    pub at: Timestamp,
    pub recorded_by: Option<AgentId>,
}

/// The threshold one metric of one release is held to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetricThreshold {
    pub release: ReleaseId,
    pub metric: MetricName,
    pub limit: f64,
    pub direction: Direction,
}

impl MetricThreshold {
    pub fn threshold(&self) -> Threshold {
        Threshold { limit: self.limit, direction: self.direction }
    }

    /// A finite limit that is a valid value of its metric, and a named custom metric.
    pub fn validate(&self) -> Result<(), MonitoringInvalid> {
        self.metric.check_name()?;
        self.metric.check_value(self.limit)
    }
}

/// A reading beyond its threshold.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Breach {
    pub reading: ReadingId,
    pub value: f64,
    pub threshold: Threshold,
}

/// Why a reading or a threshold is not acceptable.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum MonitoringInvalid {
    #[error("the value is not a finite number")]
    NotFinite,
    #[error("{0} is not a percentage between 0 and 100")]
    PercentOutOfRange(f64),
    #[error("{0} is negative; a latency is not")]
    Negative(f64),
    #[error("a custom metric needs a name")]
    NameEmpty,
    #[error("the metric name has {0} characters; at most 64 are allowed")]
    NameTooLong(usize),
    #[error("the phase has {0} characters; at most 64 are allowed")]
    PhaseTooLong(usize),
    #[error("readings are recorded at Verify & Monitor; the release is at {}", .0.label())]
    NotMonitoring(Stage),
    #[error("reading {0} does not exist")]
    NoSuchReading(ReadingId),
}

/// A phase as stored: trimmed, blank as none, at most 64 characters.
pub fn normalize_phase(phase: Option<&str>) -> Result<Option<String>, MonitoringInvalid> {
    let Some(phase) = phase.map(str::trim).filter(|p| !p.is_empty()) else {
        return Ok(None);
    };
    let chars = phase.chars().count();
    if chars > LABEL_MAX_CHARS {
        return Err(MonitoringInvalid::PhaseTooLong(chars));
    }
    Ok(Some(phase.to_owned()))
}

/// That a release at `stage` may have readings added or deleted: only at Verify & Monitor.
pub fn check_stage(stage: Stage) -> Result<(), MonitoringInvalid> {
    if stage == Stage::VerifyMonitor { Ok(()) } else { Err(MonitoringInvalid::NotMonitoring(stage)) }
}

/// Every release's readings and the thresholds set on them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Monitoring {
    /// In id order.
    pub readings: Vec<MetricReading>,
    /// In (release, metric) order (`MetricName`'s order: the built-in ones, then custom by name);
    /// one per release and metric.
    pub thresholds: Vec<MetricThreshold>,
}

impl Monitoring {
    pub fn is_empty(&self) -> bool {
        self.readings.is_empty() && self.thresholds.is_empty()
    }

    pub fn reading(&self, id: ReadingId) -> Option<&MetricReading> {
        self.readings.binary_search_by_key(&id, |r| r.id).ok().map(|i| &self.readings[i])
    }

    /// The id the next new reading gets.
    pub fn next_reading_id(&self) -> ReadingId {
        ReadingId(self.readings.last().map_or(1, |r| r.id.0 + 1))
    }

    /// A release's readings, in id order.
    pub fn readings_of(&self, release: ReleaseId) -> impl Iterator<Item = &MetricReading> {
        self.readings.iter().filter(move |r| r.release == release)
    }

    /// The threshold stored for a release's metric, if one was set.
    pub fn stored_threshold(&self, release: ReleaseId, metric: &MetricName) -> Option<&MetricThreshold> {
        self.thresholds.iter().find(|t| t.release == release && t.metric == *metric)
    }

    /// The threshold a release's metric is held to: the one set, else the metric's default.
    pub fn threshold(&self, release: ReleaseId, metric: &MetricName) -> Option<Threshold> {
        self.stored_threshold(release, metric)
            .map(MetricThreshold::threshold)
            .or_else(|| metric.default_threshold())
    }

    /// A release's metrics that have readings or a threshold: the built-in ones first, then the
    /// custom ones by name.
    pub fn metrics_of(&self, release: ReleaseId) -> Vec<MetricName> {
        let mut metrics: Vec<MetricName> = self
            .readings_of(release)
            .map(|r| r.metric.clone())
            .chain(self.thresholds.iter().filter(|t| t.release == release).map(|t| t.metric.clone()))
            .collect();
        metrics.sort();
        metrics.dedup();
        metrics
    }

    /// The breaches among a release's readings, in reading order.
    pub fn breaches_of(&self, release: ReleaseId) -> Vec<Breach> {
        breaches(self.readings_of(release), |m| self.threshold(release, m))
    }
}

/// The readings beyond their threshold (`threshold_of` gives a metric's; `None`: no limit).
pub fn breaches<'a>(
    readings: impl IntoIterator<Item = &'a MetricReading>,
    threshold_of: impl Fn(&MetricName) -> Option<Threshold>,
) -> Vec<Breach> {
    readings
        .into_iter()
        .filter_map(|r| {
            let threshold = threshold_of(&r.metric)?;
            threshold.is_breached_by(r.value).then_some(Breach { reading: r.id, value: r.value, threshold })
        })
        .collect()
}

#[cfg(test)]
mod tests;
