//! Unit tests of the monitoring rules: each direction and its edge (equal to the limit is no
//! breach), the defaults, validation of values, names and phases, and the stage rule.

use super::*;
use chrono::TimeZone;

fn reading(id: i64, metric: MetricName, value: f64) -> MetricReading {
    MetricReading {
        id: ReadingId(id),
        release: ReleaseId(1),
        metric,
        phase: Some("10 % of users".into()),
        value,
        at: chrono::Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap(),
        recorded_by: None,
    }
}

#[test]
fn at_most_breaches_only_above_the_limit() {
    let t = Threshold { limit: 1.0, direction: Direction::AtMost };
    assert!(!t.is_breached_by(0.5));
    assert!(!t.is_breached_by(1.0), "equal to the limit is not a breach");
    assert!(t.is_breached_by(1.0001));
}

#[test]
fn at_least_breaches_only_below_the_limit() {
    let t = Threshold { limit: 99.5, direction: Direction::AtLeast };
    assert!(!t.is_breached_by(99.9));
    assert!(!t.is_breached_by(99.5), "equal to the limit is not a breach");
    assert!(t.is_breached_by(99.49));
}

#[test]
fn built_in_metrics_have_defaults_and_custom_ones_none() {
    assert_eq!(
        MetricName::ErrorRatePercent.default_threshold(),
        Some(Threshold { limit: 1.0, direction: Direction::AtMost })
    );
    assert_eq!(MetricName::P95LatencyMs.default_direction(), Direction::AtMost);
    assert_eq!(MetricName::CrashFreeUsersPercent.default_direction(), Direction::AtLeast);
    assert_eq!(MetricName::Custom("queue depth".into()).default_threshold(), None);
    assert_eq!(MetricName::Custom("queue depth".into()).default_direction(), Direction::AtMost);
}

#[test]
fn names_parse_to_built_ins_or_custom() {
    assert_eq!(MetricName::parse(" error_rate "), MetricName::ErrorRatePercent);
    assert_eq!(MetricName::parse("p95_latency_ms"), MetricName::P95LatencyMs);
    assert_eq!(MetricName::parse("crash_free_users"), MetricName::CrashFreeUsersPercent);
    assert_eq!(MetricName::parse("결제 실패율"), MetricName::Custom("결제 실패율".into()));
    for m in MetricName::BUILT_IN {
        assert_eq!(MetricName::parse(m.code()), m);
    }
    let json = serde_json::to_string(&MetricName::Custom("결제".into())).unwrap();
    assert_eq!(json, "\"결제\"");
    assert_eq!(serde_json::from_str::<MetricName>("\"error_rate\"").unwrap(), MetricName::ErrorRatePercent);
}

#[test]
fn values_are_finite_percentages_within_range_and_latency_not_negative() {
    let e = MetricName::ErrorRatePercent;
    assert_eq!(e.check_value(f64::NAN), Err(MonitoringInvalid::NotFinite));
    assert_eq!(e.check_value(f64::INFINITY), Err(MonitoringInvalid::NotFinite));
    assert_eq!(e.check_value(120.0), Err(MonitoringInvalid::PercentOutOfRange(120.0)));
    assert_eq!(e.check_value(-0.1), Err(MonitoringInvalid::PercentOutOfRange(-0.1)));
    assert!(e.check_value(0.0).is_ok() && e.check_value(100.0).is_ok());
    assert_eq!(MetricName::P95LatencyMs.check_value(-1.0), Err(MonitoringInvalid::Negative(-1.0)));
    assert!(MetricName::P95LatencyMs.check_value(12_000.0).is_ok());
    assert!(MetricName::Custom("x".into()).check_value(-5.0).is_ok());
}

#[test]
fn custom_names_and_phases_are_checked() {
    assert_eq!(MetricName::Custom("  ".into()).check_name(), Err(MonitoringInvalid::NameEmpty));
    assert_eq!(MetricName::Custom("가".repeat(65)).check_name(), Err(MonitoringInvalid::NameTooLong(65)));
    assert!(MetricName::Custom("가".repeat(64)).check_name().is_ok());
    assert_eq!(normalize_phase(Some("  ")), Ok(None));
    assert_eq!(normalize_phase(None), Ok(None));
    assert_eq!(normalize_phase(Some(" 10 % 사용자 ")), Ok(Some("10 % 사용자".into())));
    assert_eq!(normalize_phase(Some(&"a".repeat(65))), Err(MonitoringInvalid::PhaseTooLong(65)));
}

#[test]
fn readings_change_only_at_verify_and_monitor() {
    assert!(check_stage(Stage::VerifyMonitor).is_ok());
    for stage in Stage::ALL.into_iter().filter(|s| *s != Stage::VerifyMonitor) {
        assert_eq!(check_stage(stage), Err(MonitoringInvalid::NotMonitoring(stage)));
    }
}

#[test]
fn breaches_use_the_stored_threshold_else_the_default() {
    let mut monitoring = Monitoring {
        readings: vec![
            reading(1, MetricName::ErrorRatePercent, 1.0),
            reading(2, MetricName::ErrorRatePercent, 2.5),
            reading(3, MetricName::CrashFreeUsersPercent, 99.1),
            reading(4, MetricName::Custom("queue".into()), 1e9),
            reading(5, MetricName::P95LatencyMs, 480.0),
        ],
        thresholds: Vec::new(),
    };
    let ids = |m: &Monitoring| m.breaches_of(ReleaseId(1)).iter().map(|b| b.reading.0).collect::<Vec<_>>();
    assert_eq!(ids(&monitoring), vec![2, 3], "the custom metric has no limit until one is set");
    monitoring.thresholds.push(MetricThreshold {
        release: ReleaseId(1),
        metric: MetricName::ErrorRatePercent,
        limit: 3.0,
        direction: Direction::AtMost,
    });
    monitoring.thresholds.push(MetricThreshold {
        release: ReleaseId(1),
        metric: MetricName::Custom("queue".into()),
        limit: 100.0,
        direction: Direction::AtMost,
    });
    assert_eq!(ids(&monitoring), vec![3, 4]);
    assert!(monitoring.breaches_of(ReleaseId(2)).is_empty());
    let breach = monitoring.breaches_of(ReleaseId(1))[0];
    assert_eq!(breach.value, 99.1);
    assert_eq!(breach.threshold, Threshold { limit: 99.5, direction: Direction::AtLeast });
    assert_eq!(
        monitoring.metrics_of(ReleaseId(1)),
        vec![
            MetricName::ErrorRatePercent,
            MetricName::P95LatencyMs,
            MetricName::CrashFreeUsersPercent,
            MetricName::Custom("queue".into())
        ]
    );
    assert_eq!(monitoring.next_reading_id(), ReadingId(6));
}

#[test]
fn a_threshold_is_a_valid_value_of_its_metric() {
    let t = |metric, limit| MetricThreshold {
        release: ReleaseId(1),
        metric,
        limit,
        direction: Direction::AtMost,
    };
    assert!(t(MetricName::ErrorRatePercent, 2.0).validate().is_ok());
    assert_eq!(
        t(MetricName::ErrorRatePercent, 101.0).validate(),
        Err(MonitoringInvalid::PercentOutOfRange(101.0))
    );
    assert_eq!(t(MetricName::P95LatencyMs, f64::NAN).validate(), Err(MonitoringInvalid::NotFinite));
    assert_eq!(t(MetricName::Custom(String::new()), 1.0).validate(), Err(MonitoringInvalid::NameEmpty));
}
