//! Planning of the monitoring commands: a reading added or deleted (its release at Verify &
//! Monitor and not in Trash, the metric named, the value finite and in range, the phase short),
//! and a metric's threshold set (at any stage: the record of what a reading is held to).

use super::Effect;
use crate::domain::activity::{ReadingRef, ThresholdRef};
use crate::domain::monitoring::{Direction, check_stage, normalize_phase};
use crate::domain::{
    ActivityKind, Field, FieldChange, MetricName, MetricReading, MetricThreshold, MonitoringInvalid, Release,
    ReleaseId, Timestamp, Value,
};
use crate::model::{CommandError, ItemRefused, Model, MonitoringCommand};
use crate::store::{MonitoringMutation, Mutation};

impl Model {
    /// Validates one of the monitoring commands and works out its effect. Changes nothing.
    pub(super) fn plan_monitoring(
        &self,
        command: MonitoringCommand,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        match command {
            MonitoringCommand::AddReading { release, metric, phase, value, at } => {
                let target = self.release_to_monitor(release)?;
                check_stage(target.stage)?;
                let metric = MetricName::parse(metric.code());
                metric.check_name()?;
                metric.check_value(value)?;
                let reading = MetricReading {
                    id: self.monitoring.next_reading_id(),
                    release,
                    metric,
                    phase: normalize_phase(phase.as_deref())?,
                    value,
                    at: at.unwrap_or(now),
                    recorded_by: self.me(),
                };
                let added = FieldChange::added(Field::Reading, self.reading_value(&reading));
                effect.activities.push(self.activity(
                    Some(release),
                    now,
                    ActivityKind::Monitoring,
                    vec![added],
                ));
                effect.mutations.push(Mutation::Monitoring(MonitoringMutation::PutReading(reading)));
                Ok(())
            }
            MonitoringCommand::DeleteReading { release, id } => {
                let reading = self
                    .monitoring
                    .reading(id)
                    .filter(|r| r.release == release)
                    .ok_or(MonitoringInvalid::NoSuchReading(id))?;
                check_stage(self.release_to_monitor(release)?.stage)?;
                let removed = FieldChange::removed(Field::Reading, self.reading_value(reading));
                effect.activities.push(self.activity(
                    Some(release),
                    now,
                    ActivityKind::Monitoring,
                    vec![removed],
                ));
                effect.mutations.push(Mutation::Monitoring(MonitoringMutation::RemoveReading(id)));
                Ok(())
            }
            MonitoringCommand::SetThreshold { release, metric, limit, direction } => {
                self.plan_set_threshold(release, &metric, limit, direction, now, effect)
            }
        }
    }

    fn plan_set_threshold(
        &self,
        release: ReleaseId,
        metric: &MetricName,
        limit: f64,
        direction: Direction,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        self.release_to_monitor(release)?;
        let threshold =
            MetricThreshold { release, metric: MetricName::parse(metric.code()), limit, direction };
        threshold.validate()?;
        let old = self.monitoring.stored_threshold(release, &threshold.metric);
        if old == Some(&threshold) {
            return Ok(());
        }
        let change = FieldChange::new(
            Field::Threshold,
            old.map_or(Value::None, threshold_value),
            threshold_value(&threshold),
        );
        effect.activities.push(self.activity(Some(release), now, ActivityKind::Monitoring, vec![change]));
        effect.mutations.push(Mutation::Monitoring(MonitoringMutation::PutThreshold(threshold)));
        Ok(())
    }

    /// A release that exists and is not in Trash.
    fn release_to_monitor(&self, id: ReleaseId) -> Result<&Release, CommandError> {
        let release = self.existing_release(id)?;
        if release.is_deleted() {
            return Err(ItemRefused::InTrash(id).into());
        }
        Ok(release)
    }

    /// A reading as the log keeps it, with whether it breaches its threshold now.
    fn reading_value(&self, reading: &MetricReading) -> Value {
        let breach = self
            .monitoring
            .threshold(reading.release, &reading.metric)
            .is_some_and(|t| t.is_breached_by(reading.value));
        Value::Reading(ReadingRef {
            metric: reading.metric.clone(),
            phase: reading.phase.clone(),
            value: reading.value,
            at: reading.at,
            breach,
        })
    }

    /// The release a monitoring mutation is about (for the undo and redo rows).
    pub(super) fn monitoring_release(&self, m: &MonitoringMutation) -> Option<ReleaseId> {
        match m {
            MonitoringMutation::PutReading(r) => Some(r.release),
            MonitoringMutation::RemoveReading(id) => self.monitoring.reading(*id).map(|r| r.release),
            MonitoringMutation::PutThreshold(t) => Some(t.release),
            MonitoringMutation::RemoveThreshold { release, .. } => Some(*release),
        }
    }
}

/// A threshold as the log keeps it.
fn threshold_value(threshold: &MetricThreshold) -> Value {
    Value::Threshold(ThresholdRef {
        metric: threshold.metric.clone(),
        limit: threshold.limit,
        direction: threshold.direction,
    })
}
