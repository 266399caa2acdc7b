//! Monitoring after deploy through the model (issue 18, item 2): readings recorded only at Verify &
//! Monitor with finite, in-range values, breaches against the stored threshold or the default,
//! the log in Korean, refusals that change nothing, undo and redo of every command, a purge taking
//! the readings with the release, the archive carrying them, and a schema-11 file migrated.

use crate::common::{at, model_with, plain, temp_db};
use release_desk::domain::monitoring::Direction;
use release_desk::domain::{
    ActivityKind, Field, Language, MetricName, MonitoringInvalid, ReadingId, ReleaseId, Stage, Value,
};
use release_desk::model::{BulkAction, Command, CommandError, Model, MonitoringCommand};

const R: ReleaseId = ReleaseId(1);

/// #1 at Verify & Monitor, #2 still at Plan.
fn desk(path: &std::path::Path) -> Model {
    let mut watched = plain(1, "배달의민족 앱 v8.12");
    watched.stage = Stage::VerifyMonitor;
    model_with(path, vec![watched, plain(2, "계획 중")])
}

fn add(metric: MetricName, phase: &str, value: f64) -> Command {
    Command::Monitoring(MonitoringCommand::AddReading {
        release: R,
        metric,
        phase: Some(phase.into()),
        value,
        at: Some(at(1)),
    })
}

#[test]
fn readings_are_stored_and_a_breach_is_flagged_against_the_default_then_the_set_threshold() {
    let (_dir, path) = temp_db();
    let mut model = desk(&path);
    model.apply(add(MetricName::ErrorRatePercent, " 10 % 사용자 ", 0.4)).unwrap();
    model.apply(add(MetricName::ErrorRatePercent, "10 % 사용자", 1.0)).unwrap();
    model.apply(add(MetricName::ErrorRatePercent, "전체 사용자", 2.5)).unwrap();
    model.apply(add(MetricName::CrashFreeUsersPercent, "전체 사용자", 99.2)).unwrap();
    let readings = model.readings_of(R);
    assert_eq!(readings.len(), 4);
    assert_eq!(readings[0].phase.as_deref(), Some("10 % 사용자"), "trimmed");
    assert_eq!(readings[0].at, at(1));
    let breached: Vec<i64> = model.breaches_of(R).iter().map(|b| b.reading.0).collect();
    assert_eq!(breached, vec![3, 4], "1 % is the limit itself, not a breach");
    model
        .apply(Command::Monitoring(MonitoringCommand::SetThreshold {
            release: R,
            metric: MetricName::ErrorRatePercent,
            limit: 3.0,
            direction: Direction::AtMost,
        }))
        .unwrap();
    let breached: Vec<i64> = model.breaches_of(R).iter().map(|b| b.reading.0).collect();
    assert_eq!(breached, vec![4]);
    assert_eq!(model.reload_snapshot().unwrap(), model.snapshot(), "memory equals the file");
    drop(model);
    let model = Model::open(&path).unwrap();
    assert_eq!(model.readings_of(R).len(), 4);
    assert_eq!(
        model.metric_threshold(R, &MetricName::ErrorRatePercent).map(|t| t.limit),
        Some(3.0),
        "the threshold is kept in the file"
    );
}

#[test]
fn a_reading_that_breaches_is_logged_as_such_in_korean() {
    let (_dir, path) = temp_db();
    let mut model = desk(&path);
    model.apply(add(MetricName::ErrorRatePercent, "10 % 사용자", 4.2)).unwrap();
    let log = model.activities_for(R).unwrap();
    let row = log.iter().find(|a| a.kind == ActivityKind::Monitoring).unwrap();
    assert!(matches!(&row.change(&Field::Reading).unwrap().new, Value::Reading(r) if r.breach));
    release_desk::i18n::set_language(Language::Ko);
    let (what, change) = release_desk::i18n::activity_cells(row);
    let label = release_desk::i18n::command_label(&add(MetricName::P95LatencyMs, "", 1.0), model.directory());
    release_desk::i18n::set_language(Language::En);
    assert_eq!(what, "지표 측정값");
    assert!(change.contains("오류율 (10 % 사용자): 4.2 % — 임계값 초과"), "{change}");
    assert_eq!(label, "#1에 p95 지연 시간 측정값을 기록했습니다");
}

#[test]
fn bad_readings_are_refused_and_nothing_changes() {
    let (_dir, path) = temp_db();
    let mut model = desk(&path);
    let before = model.snapshot();
    let refused = [
        (add(MetricName::ErrorRatePercent, "", f64::NAN), "NotFinite"),
        (add(MetricName::CrashFreeUsersPercent, "", 120.0), "PercentOutOfRange"),
        (add(MetricName::P95LatencyMs, "", -3.0), "Negative"),
        (add(MetricName::Custom("  ".into()), "", 1.0), "NameEmpty"),
        (add(MetricName::Custom("x".repeat(65)), "", 1.0), "NameTooLong"),
        (add(MetricName::ErrorRatePercent, &"p".repeat(65), 1.0), "PhaseTooLong"),
    ];
    for (command, kind) in refused {
        let err = model.apply(command).unwrap_err();
        assert!(format!("{err:?}").contains(kind), "{err:?} is not {kind}");
    }
    let at_plan = Command::Monitoring(MonitoringCommand::AddReading {
        release: ReleaseId(2),
        metric: MetricName::ErrorRatePercent,
        phase: None,
        value: 0.1,
        at: None,
    });
    let err = model.apply(at_plan).unwrap_err();
    assert!(
        matches!(err, CommandError::Monitoring(MonitoringInvalid::NotMonitoring(Stage::Plan))),
        "{err:?}"
    );
    let unknown = Command::Monitoring(MonitoringCommand::AddReading {
        release: ReleaseId(77),
        metric: MetricName::ErrorRatePercent,
        phase: None,
        value: 0.1,
        at: None,
    });
    assert!(matches!(model.apply(unknown).unwrap_err(), CommandError::NoSuchRelease(ReleaseId(77))));
    let gone = Command::Monitoring(MonitoringCommand::DeleteReading { release: R, id: ReadingId(5) });
    assert!(matches!(
        model.apply(gone).unwrap_err(),
        CommandError::Monitoring(MonitoringInvalid::NoSuchReading(ReadingId(5)))
    ));
    let threshold = Command::Monitoring(MonitoringCommand::SetThreshold {
        release: R,
        metric: MetricName::ErrorRatePercent,
        limit: 101.0,
        direction: Direction::AtMost,
    });
    assert!(model.apply(threshold).is_err());
    assert_eq!(model.snapshot(), before);
    assert_eq!(model.reload_snapshot().unwrap(), before);
    assert_eq!(model.history().undo_len(), 0);
}

#[test]
fn every_monitoring_command_is_undone_and_redone_exactly() {
    let (_dir, path) = temp_db();
    let mut model = desk(&path);
    let start = model.snapshot();
    let commands = [
        add(MetricName::ErrorRatePercent, "10 % 사용자", 0.4),
        add(MetricName::Custom("결제 실패율".into()), "10 % 사용자", 7.0),
        Command::Monitoring(MonitoringCommand::SetThreshold {
            release: R,
            metric: MetricName::Custom("결제 실패율".into()),
            limit: 5.0,
            direction: Direction::AtMost,
        }),
        Command::Monitoring(MonitoringCommand::SetThreshold {
            release: R,
            metric: MetricName::Custom("결제 실패율".into()),
            limit: 8.0,
            direction: Direction::AtLeast,
        }),
        Command::Monitoring(MonitoringCommand::DeleteReading { release: R, id: ReadingId(1) }),
    ];
    let mut states = vec![start];
    for command in commands {
        model.apply(command).unwrap();
        states.push(model.snapshot());
    }
    for expected in states.iter().rev().skip(1) {
        model.undo().unwrap().unwrap();
        assert_eq!(&model.snapshot(), expected);
        assert_eq!(&model.reload_snapshot().unwrap(), expected);
    }
    for expected in states.iter().skip(1) {
        model.redo().unwrap().unwrap();
        assert_eq!(&model.snapshot(), expected);
    }
    let undo_rows = model.activities_for(R).unwrap().iter().filter(|a| a.kind == ActivityKind::Undo).count();
    assert_eq!(undo_rows, 5, "each undo is logged on the release");
}

#[test]
fn a_purge_takes_the_readings_and_thresholds_with_the_release() {
    let (_dir, path) = temp_db();
    let mut model = desk(&path);
    model.apply(add(MetricName::ErrorRatePercent, "10 % 사용자", 0.4)).unwrap();
    model
        .apply(Command::Monitoring(MonitoringCommand::SetThreshold {
            release: R,
            metric: MetricName::P95LatencyMs,
            limit: 800.0,
            direction: Direction::AtMost,
        }))
        .unwrap();
    model.apply(Command::Bulk { ids: vec![R], action: BulkAction::Trash }).unwrap();
    model.apply(Command::Bulk { ids: vec![R], action: BulkAction::Purge }).unwrap();
    assert!(model.monitoring().is_empty());
    assert!(model.reload_snapshot().unwrap().monitoring.is_empty());
    model.undo().unwrap().unwrap();
    assert_eq!(model.readings_of(R).len(), 1, "the undo brings them back");
}

#[test]
fn the_archive_carries_readings_and_thresholds() {
    let (_dir, path) = temp_db();
    let mut model = desk(&path);
    model.apply(add(MetricName::CrashFreeUsersPercent, "전체 사용자", 99.91)).unwrap();
    model.apply(add(MetricName::Custom("결제 실패율".into()), "10 % 사용자", 0.25)).unwrap();
    model
        .apply(Command::Monitoring(MonitoringCommand::SetThreshold {
            release: R,
            metric: MetricName::Custom("결제 실패율".into()),
            limit: 0.5,
            direction: Direction::AtMost,
        }))
        .unwrap();
    let json = release_desk::export::archive::to_json(&model, at(2)).unwrap();
    let archive = release_desk::export::archive::read_bytes("desk.json", json.as_bytes()).unwrap();
    assert_eq!(archive.snapshot.monitoring, *model.monitoring());
    let (_dir2, path2) = temp_db();
    let mut target = Model::open(&path2).unwrap();
    target.apply(Command::Import(release_desk::model::ImportCommand::Archive(Box::new(archive)))).unwrap();
    assert_eq!(target.monitoring(), model.monitoring());
    assert_eq!(target.reload_snapshot().unwrap().monitoring, *model.monitoring());
}

#[test]
fn a_schema_11_file_migrates_and_takes_readings() {
    let (_dir, path) = temp_db();
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        release_desk::store::schema::create_at_version(&mut conn, 11).unwrap();
        assert!(release_desk::store::schema::unexpected_objects(&conn, 11).unwrap().is_empty());
        conn.execute(
            "INSERT INTO releases (id, subject, status, priority, release_type, planned_start, planned_end, \
             created_at, updated_at, stage) VALUES (1, '앱 배포', 1, 2, 3, 1796000000, 1796021600, 1795000000, \
             1795000000, 'verify_monitor')",
            [],
        )
        .unwrap();
    }
    let mut model = Model::open(&path).unwrap();
    assert_eq!(model.releases()[0].stage, Stage::VerifyMonitor);
    assert!(model.monitoring().is_empty());
    model.apply(add(MetricName::P95LatencyMs, "10 % 사용자", 640.0)).unwrap();
    drop(model);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, release_desk::store::schema::latest_version());
    drop(conn);
    let model = Model::open(&path).unwrap();
    assert_eq!(model.breaches_of(R).len(), 1, "640 ms is over the default 500 ms");
}

#[test]
fn an_agent_who_recorded_a_reading_is_not_removed() {
    use release_desk::domain::AgentId;
    use release_desk::model::{NamedThing, PeopleCommand, SettingsCommand};
    let (_dir, path) = temp_db();
    let mut model = desk(&path);
    model.apply(Command::Settings(SettingsCommand::SetCurrentAgent(Some(AgentId(3))))).unwrap();
    model.apply(add(MetricName::ErrorRatePercent, "10 % 사용자", 0.4)).unwrap();
    assert_eq!(model.readings_of(R)[0].recorded_by, Some(AgentId(3)));
    let err = model.apply(Command::People(PeopleCommand::RemoveAgent(AgentId(3)))).unwrap_err();
    assert!(matches!(err, CommandError::InUse { thing: NamedThing::Agent, releases: 1 }), "{err:?}");
}
