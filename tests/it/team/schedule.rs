//! The schedule shared through the team (issue 21): deployment windows and change freezes made
//! in one file reach the others; edits of different fields of one window merge, of the same
//! field conflict with both values kept (and "keep mine" lands mine everywhere); two windows made
//! offline under one number both survive; a removal reaches everyone; a step a teammate's change
//! overtook is no longer undone; and a file with a schedule of its own cannot join.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use release_desk::domain::schedule::{DeploymentWindow, Freeze, FreezeKind, Recurrence, Scope, Timing, Tz};
use release_desk::domain::{FreezeId, ReleaseType, Value, WindowId};
use release_desk::model::team::{ConflictKind, Keep, RecordKind, TeamCommand, TeamError};
use release_desk::model::{Command, CommandError, Model, ScheduleCommand};
use release_desk::store::team::server::Server;

use super::merge::{assert_converged, create, sync};
use super::{client, database};

pub fn weekend_night(name: &str) -> DeploymentWindow {
    let start = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap().and_hms_opt(22, 0, 0).unwrap();
    DeploymentWindow {
        id: WindowId(0),
        name: name.into(),
        timing: Timing::Recurring {
            recurrence: Recurrence::new("FREQ=WEEKLY;BYDAY=SA", start),
            minutes: 360,
        },
        zone: Tz::Asia__Seoul,
        scope: Scope::All,
    }
}

fn year_end() -> Freeze {
    let at = |d| chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 12, d, 0, 0, 0).unwrap();
    Freeze {
        id: FreezeId(0),
        name: "연말 동결".into(),
        timing: Timing::Once { start: at(20), end: at(31) },
        zone: Tz::Asia__Seoul,
        kind: FreezeKind::Hard,
        scope: Scope::All,
        exempt: BTreeSet::from([ReleaseType::Emergency]),
        exempt_reason: "긴급 보안 패치".into(),
    }
}

pub fn add_window(model: &mut Model, window: DeploymentWindow) -> WindowId {
    let before: BTreeSet<WindowId> = model.schedule().windows.iter().map(|w| w.id).collect();
    model.apply(Command::Schedule(ScheduleCommand::AddWindow(window))).unwrap();
    model.schedule().windows.iter().map(|w| w.id).find(|id| !before.contains(id)).unwrap()
}

pub fn edit_window(model: &mut Model, id: WindowId, change: impl FnOnce(&mut DeploymentWindow)) {
    let mut window = model.schedule().window(id).unwrap().clone();
    change(&mut window);
    model.apply(Command::Schedule(ScheduleCommand::EditWindow(window))).unwrap();
}

/// Every file and the server hold the same windows and freezes (and releases).
pub fn assert_schedule_converged(url: &str, clients: &[&Model]) {
    assert_converged(url, clients);
    let mut server = Server::connect(url, None).unwrap();
    let mut read = |kind| -> Vec<serde_json::Value> {
        server.records(kind).unwrap().into_iter().map(|(_, d)| serde_json::Value::Object(d)).collect()
    };
    let (windows, freezes) = (read(RecordKind::Window), read(RecordKind::Freeze));
    for (i, model) in clients.iter().enumerate() {
        for (schedule, what) in
            [(model.schedule().clone(), "memory"), (model.reload_snapshot().unwrap().schedule, "file")]
        {
            let mine_w: Vec<_> = schedule.windows.iter().map(|w| serde_json::to_value(w).unwrap()).collect();
            let mine_f: Vec<_> = schedule.freezes.iter().map(|f| serde_json::to_value(f).unwrap()).collect();
            assert_eq!(mine_w, windows, "client {i}'s windows ({what}) differ from the server's");
            assert_eq!(mine_f, freezes, "client {i}'s freezes ({what}) differ from the server's");
        }
    }
}

/// A made the team from a file with a release, a window and a freeze; B joined.
fn team_with_schedule(dir: &std::path::Path, url: &str) -> (Model, Model, WindowId) {
    let mut a = client(dir, "a");
    create(&mut a, "ERP upgrade");
    let window = add_window(&mut a, weekend_night("주말 야간"));
    a.apply(Command::Schedule(ScheduleCommand::AddFreeze(year_end()))).unwrap();
    a.team_init(url, None, "Kim").unwrap();
    let mut b = client(dir, "b");
    b.team_join(url, None, "Lee").unwrap();
    assert_eq!(b.schedule().window(window).map(|w| w.name.as_str()), Some("주말 야간"));
    assert_eq!(b.schedule().freezes.len(), 1);
    assert_schedule_converged(url, &[&a, &b]);
    (a, b, window)
}

#[test]
fn windows_and_freezes_reach_every_file_and_different_fields_merge() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, window) = team_with_schedule(dir.path(), &url);
    // A renames the window, B makes it longer: both stand.
    edit_window(&mut a, window, |w| w.name = "주말 야간 (본사)".into());
    edit_window(&mut b, window, |w| {
        if let Timing::Recurring { minutes, .. } = &mut w.timing {
            *minutes = 480;
        }
    });
    // And a freeze made by B after joining reaches A.
    b.apply(Command::Schedule(ScheduleCommand::AddFreeze(Freeze {
        name: "설 연휴".into(), ..year_end()
    })))
    .unwrap();
    assert_eq!(sync(&mut a).conflicts.len(), 0);
    assert_eq!(sync(&mut b).conflicts.len(), 0);
    sync(&mut a);
    assert_schedule_converged(&url, &[&a, &b]);
    let merged = a.schedule().window(window).unwrap();
    assert_eq!(merged.name, "주말 야간 (본사)");
    assert!(matches!(merged.timing, Timing::Recurring { minutes: 480, .. }));
    assert_eq!(a.schedule().freezes.len(), 2);
    // The teammate's change is in A's log, as a team row without an actor.
    let log = a.store().all_activities().unwrap();
    assert!(log.iter().any(|r| r.kind == release_desk::domain::ActivityKind::Team && r.release_id.is_none()));
}

#[test]
fn the_same_field_of_a_window_conflicts_and_keep_mine_lands_it_everywhere() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, window) = team_with_schedule(dir.path(), &url);
    edit_window(&mut a, window, |w| w.name = "A의 이름".into());
    edit_window(&mut b, window, |w| w.name = "B의 이름".into());
    sync(&mut a);
    let report = sync(&mut b);
    assert_eq!(report.conflicts.len(), 1);
    assert_eq!(report.conflicts[0].kind, ConflictKind::Field);
    assert_eq!(report.conflicts[0].field.as_deref(), Some("name"));
    assert_eq!(b.schedule().window(window).unwrap().name, "A의 이름", "the team's value stands");
    let conflict = b.open_team_conflicts()[0].clone();
    assert_eq!(conflict.release_id(), None);
    assert!(conflict.can_keep_mine());
    // Both sides read as the whole window, by name.
    let (mine, theirs) = b.team_conflict_sides(&conflict).unwrap();
    assert!(matches!(&mine, Value::Schedule(r) if r.name == "B의 이름"), "{mine:?}");
    assert!(matches!(&theirs, Value::Schedule(r) if r.name == "A의 이름"), "{theirs:?}");
    b.apply(Command::Team(TeamCommand::resolve(&conflict, Keep::Mine))).unwrap();
    assert_eq!(b.schedule().window(window).unwrap().name, "B의 이름");
    assert!(b.open_team_conflicts().is_empty());
    assert_eq!(sync(&mut b).conflicts.len(), 0);
    sync(&mut a);
    assert_schedule_converged(&url, &[&a, &b]);
    assert_eq!(a.schedule().window(window).unwrap().name, "B의 이름");
}

#[test]
fn two_windows_made_offline_both_get_the_teams_numbers() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, _) = team_with_schedule(dir.path(), &url);
    let by_a = add_window(&mut a, weekend_night("계열사 1차"));
    let by_b = add_window(&mut b, weekend_night("전사 배포"));
    assert!(by_a.0 < 0 && by_b.0 < 0, "made in a team's file, both are new until pushed");
    let on_a = sync(&mut a);
    let report = sync(&mut b);
    assert!(report.conflicts.is_empty(), "{report:?}");
    let numbered = |report: &release_desk::model::team::SyncReport, id: WindowId| {
        WindowId(report.numbers[&release_desk::model::team::RecordKey::window(id)])
    };
    let (by_a, by_b) = (numbered(&on_a, by_a), numbered(&report, by_b));
    assert!(by_a.0 > 0 && by_b.0 > by_a.0, "{by_a:?} {by_b:?}");
    assert_eq!(b.schedule().window(by_b).unwrap().name, "전사 배포");
    sync(&mut a);
    assert_schedule_converged(&url, &[&a, &b]);
    let names: Vec<&str> = a.schedule().windows.iter().map(|w| w.name.as_str()).collect();
    assert_eq!(names, ["주말 야간", "계열사 1차", "전사 배포"]);
}

#[test]
fn a_removed_window_goes_from_every_file_and_an_overtaken_step_is_not_undone() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, window) = team_with_schedule(dir.path(), &url);
    // B renames the window and syncs; A then changes its zone and syncs: B's rename step is
    // overtaken, and undoing it would put A's zone back.
    edit_window(&mut b, window, |w| w.name = "B가 바꿈".into());
    sync(&mut b);
    sync(&mut a);
    edit_window(&mut a, window, |w| w.zone = Tz::Europe__Berlin);
    sync(&mut a);
    sync(&mut b);
    assert_eq!(b.schedule().window(window).unwrap().zone, Tz::Europe__Berlin);
    let undo = b.undo().unwrap_err();
    assert!(matches!(undo, CommandError::ScheduleOvertakenByTeam), "{undo:?}");
    assert_eq!(b.schedule().window(window).unwrap().zone, Tz::Europe__Berlin);
    // A deletes it: gone from B too.
    a.apply(Command::Schedule(ScheduleCommand::DeleteWindow(window))).unwrap();
    sync(&mut a);
    sync(&mut b);
    assert!(b.schedule().window(window).is_none());
    assert_schedule_converged(&url, &[&a, &b]);
}

#[test]
fn a_file_with_a_schedule_of_its_own_cannot_join() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (_a, _b, _) = team_with_schedule(dir.path(), &url);
    let mut c = client(dir.path(), "c");
    add_window(&mut c, weekend_night("내 창"));
    let err = c.team_join(&url, None, "Park").unwrap_err();
    assert!(matches!(err, TeamError::JoinNeedsEmptyFile), "{err:?}");
    assert!(c.team().is_none());
}
