//! Monitoring after deploy as the window and the CLI read it (a release's readings, thresholds and
//! breaches), and the monitoring commands with their names.

use super::Model;
use crate::domain::activity::CommandSummary;
use crate::domain::monitoring::Direction;
use crate::domain::{Breach, MetricName, MetricReading, ReadingId, ReleaseId, Threshold, Timestamp};

/// Commands on the metric readings of a release and the thresholds they are held to.
#[derive(Clone, Debug, PartialEq)]
pub enum MonitoringCommand {
    /// Records a reading of a release at Verify & Monitor; `at: None` is now. A built-in
    /// metric without a threshold is held to its default.
    AddReading {
        release: ReleaseId,
        metric: MetricName,
        phase: Option<String>,
        value: f64,
        at: Option<Timestamp>,
    },
    /// Deletes a reading of `release` entered by mistake (at Verify & Monitor).
    DeleteReading { release: ReleaseId, id: ReadingId },
    /// Sets the threshold a release's metric is held to.
    SetThreshold { release: ReleaseId, metric: MetricName, limit: f64, direction: Direction },
}

impl Model {
    /// A release's readings, in id order.
    pub fn readings_of(&self, release: ReleaseId) -> Vec<&MetricReading> {
        self.monitoring.readings_of(release).collect()
    }

    /// The threshold a release's metric is held to: the one set, else the metric's default.
    pub fn metric_threshold(&self, release: ReleaseId, metric: &MetricName) -> Option<Threshold> {
        self.monitoring.threshold(release, metric)
    }

    /// The breaches among a release's readings, in reading order.
    pub fn breaches_of(&self, release: ReleaseId) -> Vec<Breach> {
        self.monitoring.breaches_of(release)
    }
}

/// The name of a monitoring command, as the Edit menu and the log say it.
pub(super) fn summary(command: &MonitoringCommand) -> CommandSummary {
    match command {
        MonitoringCommand::AddReading { release, metric, .. } => {
            CommandSummary::AddReading { release: *release, metric: MetricName::parse(metric.code()) }
        }
        MonitoringCommand::DeleteReading { release, .. } => {
            CommandSummary::DeleteReading { release: *release }
        }
        MonitoringCommand::SetThreshold { release, metric, .. } => {
            CommandSummary::SetThreshold { release: *release, metric: MetricName::parse(metric.code()) }
        }
    }
}
