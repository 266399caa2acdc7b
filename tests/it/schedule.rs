//! The schedule (issue 14): recurrences expanded across DST and in Asia/Seoul, each kind of
//! conflict on a hand-built plan and none on a clean one, the hard-freeze Deploy gate refused and
//! overridden (logged), windows and freezes as undoable commands in the file, a reschedule with
//! its phases, and the sample's conflicts of every kind.

use std::collections::BTreeSet;

use chrono::{Duration, NaiveDate, TimeZone as _, Utc};

use crate::common::{model_with, plain, t0, temp_db};
use release_desk::domain::schedule::recurrence::wall_clock;
use release_desk::domain::schedule::{
    ConflictKind, DeploymentWindow, Freeze, FreezeKind, Recurrence, Scope, Severity, TimeRange, Timing, Tz,
    find_conflicts,
};
use release_desk::domain::{
    ActivityKind, AgentId, ConfigItemId, Field, FreezeId, GroupId, MoveRefused, PlannedWindow, Release,
    ReleaseId, ReleaseType, Stage, StageEntry, StageEntryId, WindowId,
};
use release_desk::model::{Command, CommandError, LifecycleCommand, Model, ScheduleCommand};

fn wall(y: i32, m: u32, d: u32, h: u32) -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, 0, 0).unwrap()
}

fn weekly(rule: &str, start: chrono::NaiveDateTime, minutes: u32) -> Timing {
    Timing::Recurring { recurrence: Recurrence::new(rule, start), minutes }
}

fn range(from: (i32, u32, u32), to: (i32, u32, u32)) -> TimeRange {
    TimeRange::new(
        Utc.with_ymd_and_hms(from.0, from.1, from.2, 0, 0, 0).unwrap(),
        Utc.with_ymd_and_hms(to.0, to.1, to.2, 0, 0, 0).unwrap(),
    )
}

fn window(id: i64, scope: Scope, timing: Timing, zone: Tz) -> DeploymentWindow {
    DeploymentWindow { id: WindowId(id), name: format!("window {id}"), timing, zone, scope }
}

fn freeze(id: i64, kind: FreezeKind, timing: Timing) -> Freeze {
    Freeze {
        id: FreezeId(id),
        name: format!("연말 동결 {id}"),
        timing,
        zone: Tz::Asia__Seoul,
        kind,
        scope: Scope::All,
        exempt: BTreeSet::from([ReleaseType::Emergency]),
        exempt_reason: "긴급 조치".into(),
    }
}

// ---------------------------------------------------------------- recurrence

#[test]
fn a_weekly_window_keeps_its_wall_clock_time_across_dst_in_berlin() {
    let zone = Tz::Europe__Berlin;
    // Every Saturday 22:00 for 8 hours, from March into April 2026 (DST starts 29 March).
    let timing = weekly("FREQ=WEEKLY;BYDAY=SA", wall(2026, 3, 7, 22), 480);
    let found =
        release_desk::domain::schedule::occurrences(&timing, zone, range((2026, 3, 1), (2026, 4, 12)));
    let hours: Vec<u32> = found.iter().map(|o| chrono::Timelike::hour(&o.start)).collect();
    // 22:00 CET is 21:00 UTC; 22:00 CEST is 20:00 UTC. The clocks go forward in the night of
    // Saturday 28 to Sunday 29 March, after that Saturday's 22:00.
    assert_eq!(hours, vec![21, 21, 21, 21, 20, 20], "{found:?}");
    for o in &found {
        assert_eq!(o.start.with_timezone(&zone).format("%a %H:%M").to_string(), "Sat 22:00");
        assert_eq!(o.end - o.start, Duration::hours(8));
    }
    // A daily 02:30 in the night the clocks skip it: that night's occurrence moves an hour on.
    let daily = weekly("FREQ=DAILY", wall(2026, 3, 27, 2) + Duration::minutes(30), 60);
    let nights =
        release_desk::domain::schedule::occurrences(&daily, zone, range((2026, 3, 27), (2026, 3, 31)));
    let local: Vec<String> =
        nights.iter().map(|o| o.start.with_timezone(&zone).format("%d %H:%M").to_string()).collect();
    assert!(local.contains(&"27 02:30".to_owned()) && local.contains(&"30 02:30".to_owned()), "{local:?}");
    assert!(!local.iter().any(|l| l.starts_with("29 02")), "02:30 does not exist on the 29th: {local:?}");
}

#[test]
fn asia_seoul_has_no_dst_and_the_last_two_business_days_are_expressible() {
    let zone = Tz::Asia__Seoul;
    let timing = weekly("FREQ=WEEKLY;BYDAY=SA", wall(2026, 3, 7, 22), 480);
    let found =
        release_desk::domain::schedule::occurrences(&timing, zone, range((2026, 3, 1), (2026, 4, 12)));
    assert_eq!(found.len(), 6);
    assert!(found.iter().all(|o| chrono::Timelike::hour(&o.start) == 13), "22:00 KST is 13:00 UTC");
    let month_end = weekly("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1,-2", wall(2026, 1, 1, 0), 1440);
    let days: Vec<String> =
        release_desk::domain::schedule::occurrences(&month_end, zone, range((2026, 10, 1), (2027, 1, 1)))
            .iter()
            .map(|o| o.start.with_timezone(&zone).format("%m-%d %a").to_string())
            .collect();
    // October 2026 ends on a Saturday, November on a Monday, December on a Thursday.
    assert_eq!(days, vec!["10-29 Thu", "10-30 Fri", "11-27 Fri", "11-30 Mon", "12-30 Wed", "12-31 Thu"]);
}

// ---------------------------------------------------------------- conflicts

const ERP: GroupId = GroupId(1);

/// Two ERP releases and one other on the same CI and agent; a weekend window for ERP; a hard
/// year-end freeze; Deploy entered early and late.
fn conflicted() -> (Vec<Release>, Vec<DeploymentWindow>, Vec<Freeze>, Vec<StageEntry>) {
    let zone = Tz::Asia__Seoul;
    let kst = |d, h| wall_clock(zone, 2026, 12, d, h, 0).unwrap();
    let planned = |start, hours| PlannedWindow { start, end: start + Duration::hours(hours) };
    let mut inside = plain(1, "ERP in the window");
    inside.group_id = Some(ERP);
    inside.planned = planned(kst(5, 22), 6); // Saturday 22:00
    inside.assets = vec![ConfigItemId(3)];
    inside.agent_id = Some(AgentId(1));
    let mut overlapping = plain(2, "DB patch on the same CI");
    overlapping.planned = planned(kst(6, 1), 3);
    overlapping.assets = vec![ConfigItemId(3)];
    overlapping.agent_id = Some(AgentId(1));
    let mut outside = plain(3, "ERP on a Wednesday");
    outside.group_id = Some(ERP);
    outside.planned = planned(kst(9, 14), 2);
    let mut frozen = plain(4, "in the year-end freeze");
    frozen.planned = planned(kst(28, 10), 2);
    let mut exempt = plain(5, "emergency in the freeze");
    exempt.release_type = ReleaseType::Emergency;
    exempt.planned = planned(kst(29, 10), 1);
    let mut early = plain(6, "deployed early");
    early.planned = planned(kst(2, 22), 1);
    let mut late = plain(7, "deployed late");
    late.planned = planned(kst(3, 1), 1);
    let windows =
        vec![window(1, Scope::Group(ERP), weekly("FREQ=WEEKLY;BYDAY=SA", wall(2026, 1, 3, 22), 480), zone)];
    let freezes = vec![freeze(
        1,
        FreezeKind::Hard,
        Timing::Once { start: kst(24, 0), end: kst(31, 0) + Duration::days(2) },
    )];
    let entry = |id: i64, release: i64, at| StageEntry {
        id: StageEntryId(id),
        release_id: ReleaseId(release),
        stage: Stage::Deploy,
        entered_at: at,
        actor: None,
        note: String::new(),
        override_reason: String::new(),
        outcome: None,
        downtime_minutes: 0,
        restore_minutes: None,
        restore_target_minutes: None,
    };
    let history = vec![entry(1, 6, kst(2, 21)), entry(2, 7, kst(3, 4)), entry(3, 1, kst(5, 22))];
    (vec![inside, overlapping, outside, frozen, exempt, early, late], windows, freezes, history)
}

#[test]
fn each_kind_of_conflict_is_found_on_a_hand_built_plan() {
    let (releases, windows, freezes, history) = conflicted();
    let found = find_conflicts(&releases, &windows, &freezes, &history, range((2026, 11, 1), (2027, 2, 1)));
    let kinds: Vec<(ConflictKind, Vec<i64>)> =
        found.iter().map(|c| (c.kind, c.release_ids.iter().map(|id| id.0).collect())).collect();
    let expect = [
        (ConflictKind::DeployEarly, vec![6]),
        (ConflictKind::DeployLate, vec![7]),
        (ConflictKind::CiOverlap, vec![1, 2]),
        (ConflictKind::AgentOverlap, vec![1, 2]),
        (ConflictKind::OutsideWindow, vec![3]),
        (ConflictKind::Freeze, vec![4]),
    ];
    for e in &expect {
        assert!(kinds.contains(e), "{e:?} missing from {kinds:?}");
    }
    assert_eq!(found.len(), expect.len(), "no other conflict (the emergency is exempt): {kinds:?}");
    let freeze = found.iter().find(|c| c.kind == ConflictKind::Freeze).unwrap();
    assert_eq!(freeze.severity, Severity::Block);
    assert_eq!(freeze.against.as_ref().map(|a| a.name()), Some("연말 동결 1"));
    let outside = found.iter().find(|c| c.kind == ConflictKind::OutsideWindow).unwrap();
    assert_eq!(outside.against.as_ref().map(|a| a.name()), Some("window 1"), "the next window is named");
    assert!(found.iter().filter(|c| c.kind != ConflictKind::Freeze).all(|c| c.severity == Severity::Warn));
    // A soft freeze warns.
    let soft = vec![Freeze { kind: FreezeKind::Soft, ..freezes[0].clone() }];
    let found = find_conflicts(&releases, &windows, &soft, &history, range((2026, 11, 1), (2027, 2, 1)));
    assert!(found.iter().any(|c| c.kind == ConflictKind::Freeze && c.severity == Severity::Warn));
    // A range that holds none of them finds none.
    let found = find_conflicts(&releases, &windows, &freezes, &history, range((2027, 3, 1), (2027, 4, 1)));
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_clean_plan_has_no_conflicts() {
    let (mut releases, windows, freezes, _) = conflicted();
    releases.retain(|r| r.id == ReleaseId(1));
    let found = find_conflicts(&releases, &windows, &freezes, &[], range((2026, 11, 1), (2027, 2, 1)));
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_draft_shows_the_conflicts_it_would_have() {
    let (dir, path) = temp_db();
    let _keep = dir;
    let (releases, windows, freezes, _) = conflicted();
    let mut model = model_with(&path, releases);
    for w in windows {
        model.apply(Command::Schedule(ScheduleCommand::AddWindow(w))).unwrap();
    }
    for f in freezes {
        model.apply(Command::Schedule(ScheduleCommand::AddFreeze(f))).unwrap();
    }
    // Release 3 moved into the Saturday window: no conflict left; into the freeze: blocked.
    let mut draft = model.release(ReleaseId(3)).unwrap().clone();
    assert!(model.draft_conflicts(&draft).iter().any(|c| c.kind == ConflictKind::OutsideWindow));
    let saturday = wall_clock(Tz::Asia__Seoul, 2026, 12, 12, 23, 0).unwrap();
    draft.planned = PlannedWindow { start: saturday, end: saturday + Duration::hours(2) };
    assert!(model.draft_conflicts(&draft).is_empty());
    let frozen = wall_clock(Tz::Asia__Seoul, 2026, 12, 26, 23, 0).unwrap();
    draft.planned = PlannedWindow { start: frozen, end: frozen + Duration::hours(2) };
    let kinds: Vec<_> = model.draft_conflicts(&draft).iter().map(|c| (c.kind, c.severity)).collect();
    assert_eq!(kinds, vec![(ConflictKind::Freeze, Severity::Block)]);
}

// ---------------------------------------------------------------- the Deploy gate

fn deploy(override_reason: &str) -> Command {
    Command::Lifecycle(LifecycleCommand::Move {
        id: ReleaseId(1),
        to: Stage::Deploy,
        outcome: None,
        downtime_minutes: 0,
        restore_minutes: None,
        reason: String::new(),
        override_reason: override_reason.into(),
    })
}

#[test]
fn a_hard_freeze_refuses_deploy_until_overridden_with_a_logged_reason() {
    let (dir, path) = temp_db();
    let _keep = dir;
    let mut release = plain(1, "in the freeze");
    release.stage = Stage::DeploymentPrep;
    release.planned = PlannedWindow { start: t0(), end: t0() + Duration::hours(4) };
    let mut model = model_with(&path, vec![release]);
    // Every other part of the gate is open: the plan checklist done.
    let edits = release_desk::domain::PlanCheck::ALL
        .iter()
        .map(|c| release_desk::domain::ReadinessEdit::PlanCheck { check: *c, done: true })
        .collect();
    model
        .apply(Command::Readiness(release_desk::model::ReadinessCommand::Edit { id: ReleaseId(1), edits }))
        .unwrap();
    let around_now = Timing::Once { start: t0() - Duration::hours(1), end: t0() + Duration::days(3) };
    let soft =
        Freeze { name: "월말 결산 (soft)".into(), ..freeze(0, FreezeKind::Soft, around_now.clone()) };
    model.apply(Command::Schedule(ScheduleCommand::AddFreeze(soft))).unwrap();
    assert!(model.deploy_gate(model.release(ReleaseId(1)).unwrap()).is_open(), "a soft freeze only warns");
    let hard = Freeze { name: "연말 동결 2".into(), ..freeze(0, FreezeKind::Hard, around_now) };
    model.apply(Command::Schedule(ScheduleCommand::AddFreeze(hard))).unwrap();
    let err = model.apply(deploy("")).unwrap_err();
    match &err {
        CommandError::Move(MoveRefused::HardFreeze { freezes, .. }) => {
            assert_eq!(freezes, &["연말 동결 2".to_owned()]);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(model.release(ReleaseId(1)).unwrap().stage, Stage::DeploymentPrep);
    model.apply(deploy("장애 복구 긴급 배포, CIO 승인")).unwrap();
    assert_eq!(model.release(ReleaseId(1)).unwrap().stage, Stage::Deploy);
    let log = model.activities_for(ReleaseId(1)).unwrap();
    let row = log.iter().find(|a| a.kind == ActivityKind::Override).expect("the override is logged");
    assert!(row.changes.iter().any(
        |c| c.field == Field::Freeze && c.new == release_desk::domain::Value::Text("연말 동결 2".into())
    ));
    // An emergency release is exempt.
    model.undo().unwrap();
    model
        .apply(Command::Release(release_desk::model::ReleaseCommand::Edit {
            id: ReleaseId(1),
            edits: vec![release_desk::model::ReleaseEdit::ReleaseType(ReleaseType::Emergency)],
        }))
        .unwrap();
    model.apply(deploy("")).unwrap();
}

// ---------------------------------------------------------------- commands

#[test]
fn windows_and_freezes_are_undoable_commands_kept_in_the_file() {
    let (dir, path) = temp_db();
    let _keep = dir;
    let mut model = model_with(&path, vec![plain(1, "r")]);
    let zone = Tz::Asia__Seoul;
    let w = window(0, Scope::All, weekly("FREQ=WEEKLY;BYDAY=SA", wall(2026, 1, 3, 22), 480), zone);
    model.apply(Command::Schedule(ScheduleCommand::AddWindow(w.clone()))).unwrap();
    assert_eq!(model.schedule().windows.len(), 1);
    assert_eq!(model.schedule().windows[0].id, WindowId(1));
    let mut edited = model.schedule().windows[0].clone();
    edited.name = "주말 야간".into();
    model.apply(Command::Schedule(ScheduleCommand::EditWindow(edited))).unwrap();
    let bad = DeploymentWindow {
        timing: weekly("FREQ=WEEKLY;BYDAY=XX", wall(2026, 1, 3, 22), 480),
        ..model.schedule().windows[0].clone()
    };
    assert!(matches!(
        model.apply(Command::Schedule(ScheduleCommand::EditWindow(bad))),
        Err(CommandError::Schedule(_))
    ));
    model
        .apply(Command::Schedule(ScheduleCommand::AddFreeze(freeze(
            0,
            FreezeKind::Hard,
            weekly("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24", wall(2024, 12, 24, 0), 9 * 1440),
        ))))
        .unwrap();
    let reopened = Model::open_read_only(&path).unwrap();
    assert_eq!(reopened.schedule(), model.schedule(), "the file holds what memory does");
    assert_eq!(model.schedule().windows[0].name, "주말 야간");
    model.apply(Command::Schedule(ScheduleCommand::DeleteWindow(WindowId(1)))).unwrap();
    assert!(model.schedule().windows.is_empty());
    for _ in 0..3 {
        model.undo().unwrap();
    }
    assert_eq!(model.schedule().windows.len(), 1);
    assert!(model.schedule().freezes.is_empty());
    assert_eq!(model.schedule().windows[0].name, "window 0");
    model.undo().unwrap();
    assert_eq!(Model::open_read_only(&path).unwrap().schedule(), model.schedule());
    assert!(model.schedule().windows.is_empty());
}

#[test]
fn a_reschedule_moves_the_window_and_its_phases_in_one_undo() {
    let (dir, path) = temp_db();
    let _keep = dir;
    let mut model = model_with(&path, vec![plain(1, "phased")]);
    let start = model.release(ReleaseId(1)).unwrap().planned.start;
    let phase = |name: &str, h| release_desk::domain::DeploymentPhase {
        name: name.into(),
        planned_start: Some(start + Duration::hours(h)),
        planned_end: Some(start + Duration::hours(h + 1)),
        status: release_desk::domain::PhaseStatus::Pending,
    };
    use release_desk::domain::ReadinessEdit;
    let edits = vec![
        ReadinessEdit::Strategy(release_desk::domain::Strategy::Phased),
        ReadinessEdit::PutPhase { index: None, phase: phase("본사", 0) },
        ReadinessEdit::PutPhase { index: None, phase: phase("계열사", 2) },
    ];
    model
        .apply(Command::Readiness(release_desk::model::ReadinessCommand::Edit { id: ReleaseId(1), edits }))
        .unwrap();
    let before = model.snapshot();
    let moved = PlannedWindow { start: start + Duration::minutes(90), end: start + Duration::minutes(330) };
    model
        .apply(Command::Schedule(ScheduleCommand::Reschedule {
            id: ReleaseId(1),
            planned: moved,
            move_phases: true,
        }))
        .unwrap();
    assert_eq!(model.release(ReleaseId(1)).unwrap().planned, moved);
    let phases = model.readiness(ReleaseId(1)).phases.clone();
    assert_eq!(phases[1].planned_start, Some(start + Duration::minutes(210)));
    model.undo().unwrap();
    assert_eq!(model.snapshot(), before, "one undo takes both back");
}

#[test]
fn an_import_is_all_or_nothing_and_one_undo() {
    let (dir, path) = temp_db();
    let _keep = dir;
    let mut model = model_with(&path, vec![plain(1, "r")]);
    let zone = Tz::Asia__Seoul;
    let good = window(0, Scope::All, weekly("FREQ=DAILY", wall(2026, 1, 3, 2), 60), zone);
    let bad = Freeze {
        name: " ".into(),
        ..freeze(0, FreezeKind::Hard, weekly("FREQ=DAILY", wall(2026, 1, 3, 2), 60))
    };
    let import = |windows, freezes| Command::Schedule(ScheduleCommand::Import { windows, freezes });
    assert!(model.apply(import(vec![good.clone()], vec![bad])).is_err());
    assert!(model.schedule().windows.is_empty(), "nothing of a refused import is kept");
    let ok = freeze(0, FreezeKind::Soft, weekly("FREQ=DAILY", wall(2026, 1, 3, 2), 60));
    model.apply(import(vec![good.clone(), good], vec![ok])).unwrap();
    assert_eq!((model.schedule().windows.len(), model.schedule().freezes.len()), (2, 1));
    model.undo().unwrap();
    assert!(model.schedule().windows.is_empty() && model.schedule().freezes.is_empty());
}

// ---------------------------------------------------------------- the sample

#[test]
fn the_sample_has_its_windows_freezes_and_a_conflict_of_each_kind() {
    let (dir, path) = temp_db();
    let _keep = dir;
    let mut model = model_with(&path, Vec::new());
    model.set_clock(Box::new(t0));
    let data = release_desk::domain::sample::scenarios(t0());
    assert_eq!(data, release_desk::domain::sample::scenarios(t0()), "deterministic");
    model.apply(Command::Sample(release_desk::model::SampleCommand::Load { data, force: false })).unwrap();
    assert_eq!(model.schedule().windows.len(), 2);
    assert_eq!(model.schedule().freezes.len(), 2);
    let all = TimeRange::new(t0() - Duration::days(400), t0() + Duration::days(120));
    let found = model.conflicts(all);
    for kind in ConflictKind::ALL {
        assert!(found.iter().any(|c| c.kind == kind), "no {kind:?} in the sample");
    }
    let year_end = &model.schedule().freezes[0];
    assert_eq!(year_end.kind, FreezeKind::Hard);
    assert!(year_end.exempt.contains(&ReleaseType::Emergency));
}
