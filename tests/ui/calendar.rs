//! The calendar screen: the list's releases by month and on the timeline, a bar dragged on the
//! timeline reschedules its release (snapped to 15 minutes) as one command that one undo takes
//! back, the conflicts of the new time show while dragging, a click opens the release, and the
//! arrows and `T` move between periods.

use chrono::{Datelike as _, Duration, NaiveDate};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use crate::common::{at, model_with, plain, t0, temp_db};
use crate::harness;
use release_desk::domain::schedule::{ConflictKind, Freeze, FreezeKind, Scope, Timing, Tz};
use release_desk::domain::{FreezeId, Language, PlannedWindow, ReleaseId, ReleaseType};
use release_desk::model::{Command, ScheduleCommand};
use release_desk::ui::ReleaseDeskApp;
use release_desk::ui::screens::calendar::{self, Mode};

/// #1 planned tomorrow, #2 the day after; a hard freeze from three to five days on.
fn calendar_fixture() -> (tempfile::TempDir, ReleaseDeskApp) {
    let (dir, path) = temp_db();
    let mut first = plain(1, "ERP 주말 배포");
    first.planned = PlannedWindow { start: at(20), end: at(24) };
    let mut second = plain(2, "모바일 앱 배포");
    second.planned = PlannedWindow { start: at(44), end: at(46) };
    let mut model = model_with(&path, vec![first, second]);
    let freeze = Freeze {
        id: FreezeId(0),
        name: "연말 동결".into(),
        timing: Timing::Once { start: at(72), end: at(120) },
        zone: Tz::Asia__Seoul,
        kind: FreezeKind::Hard,
        scope: Scope::All,
        exempt: Default::default(),
        exempt_reason: String::new(),
    };
    model.apply(Command::Schedule(ScheduleCommand::AddFreeze(freeze))).unwrap();
    (dir, ReleaseDeskApp::from_model(model))
}

fn today() -> NaiveDate {
    t0().with_timezone(&chrono::Local).date_naive()
}

/// The window on the calendar screen, today fixed at the fixture's.
fn on_calendar() -> (tempfile::TempDir, Harness<'static, ReleaseDeskApp>) {
    let (dir, app) = calendar_fixture();
    let mut harness = harness(app);
    harness.run();
    harness.state_mut().calendar_mut().unwrap().set_today(today());
    harness.get_by_label("Calendar").click();
    harness.run();
    assert_eq!(harness.state().shown_screen(), calendar::ID);
    (dir, harness)
}

/// The centre of the bar of release `id`.
fn bar_centre(harness: &Harness<'_, ReleaseDeskApp>, id: i64) -> egui::Pos2 {
    let b = harness.get_by_label_contains(&format!("#{id} ")).accesskit_node().bounding_box().unwrap();
    egui::pos2(((b.x0 + b.x1) / 2.0) as f32, ((b.y0 + b.y1) / 2.0) as f32)
}

fn pointer(harness: &mut Harness<'_, ReleaseDeskApp>, pos: egui::Pos2, pressed: Option<bool>) {
    let events = &mut harness.input_mut().events;
    events.push(egui::Event::PointerMoved(pos));
    if let Some(pressed) = pressed {
        events.push(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.step();
}

#[test]
fn the_month_shows_the_releases_and_a_click_opens_one() {
    let (_dir, mut harness) = on_calendar();
    assert_eq!(harness.state().calendar().unwrap().period.mode, Mode::Month);
    assert!(harness.query_by_label_contains("#1 ERP 주말 배포").is_some());
    assert!(harness.query_by_label_contains("#2 모바일 앱 배포").is_some());
    harness.get_by_label_contains("#2 ").click();
    harness.run();
    assert_eq!(harness.state().active_page(), Some(ReleaseId(2)), "the release opens as a page");
}

#[test]
fn the_arrows_move_between_periods_and_t_goes_back_to_today() {
    let (_dir, mut harness) = on_calendar();
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    let next = harness.state().calendar().unwrap().period.anchor;
    assert_eq!(next, today().checked_add_months(chrono::Months::new(1)).unwrap());
    harness.key_press(egui::Key::ArrowLeft);
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    assert!(harness.state().calendar().unwrap().period.anchor < today());
    harness.key_press(egui::Key::T);
    harness.run();
    assert_eq!(harness.state().calendar().unwrap().period.anchor, today());
}

#[test]
fn dragging_a_bar_on_the_timeline_is_one_command_and_one_undo_with_conflicts_shown_meanwhile() {
    let (_dir, mut harness) = on_calendar();
    harness.get_by_label("Timeline").click();
    harness.run();
    let before = harness.state().model().unwrap().release(ReleaseId(1)).unwrap().planned;
    let undo_before = harness.state().model().unwrap().history().undo_len();
    let from = bar_centre(&harness, 1);
    pointer(&mut harness, from, Some(true));
    // Far enough right to land in the freeze (a day is at least 60 px wide), in small steps.
    for step in 1..=12 {
        pointer(&mut harness, from + egui::vec2(20.0 * step as f32, 0.0), None);
    }
    let drag = harness.state().calendar().unwrap().drag.clone().expect("a drag is under way");
    assert_eq!(drag.id, ReleaseId(1));
    let moved = drag.current.start - before.start;
    assert!(moved > Duration::hours(24), "moved right: {moved}");
    assert_eq!(moved.num_minutes() % 15, 0, "snapped to 15 minutes");
    assert_eq!(drag.current.end - drag.current.start, before.end - before.start, "the body keeps its length");
    assert!(
        drag.conflicts.iter().any(|c| c.kind == ConflictKind::Freeze),
        "the freeze shows while dragging: {:?}",
        drag.conflicts
    );
    assert!(harness.query_by_label_contains("연말 동결").is_some(), "the tooltip names the freeze");
    snapshot(&mut harness, "calendar_drag_conflict");
    assert_eq!(
        harness.state().model().unwrap().release(ReleaseId(1)).unwrap().planned,
        before,
        "nothing is saved while dragging"
    );
    let to = from + egui::vec2(240.0, 0.0);
    pointer(&mut harness, to, Some(false));
    harness.run();
    let model = harness.state().model().unwrap();
    assert_eq!(model.release(ReleaseId(1)).unwrap().planned, drag.current, "saved where it was dropped");
    assert_eq!(model.history().undo_len(), undo_before + 1, "one command");
    assert!(harness.state().calendar().unwrap().drag.is_none());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    let model = harness.state().model().unwrap();
    assert_eq!(model.release(ReleaseId(1)).unwrap().planned, before, "one undo takes it back");
    assert_eq!(model.history().undo_len(), undo_before);
}

#[test]
fn the_conflict_list_follows_the_lists_view_and_filter() {
    let (_dir, mut harness) = on_calendar();
    // #2 moved into the hard freeze: one conflict, of #2.
    let planned = PlannedWindow { start: at(80), end: at(82) };
    let command = ScheduleCommand::Reschedule { id: ReleaseId(2), planned, move_phases: false };
    harness.state_mut().model_mut().unwrap().apply(Command::Schedule(command)).unwrap();
    harness.run();
    let listed =
        |harness: &Harness<'_, ReleaseDeskApp>| harness.state().calendar().unwrap().shown.listed.len();
    assert_eq!(listed(&harness), 1);
    assert!(harness.query_by_label_contains("연말 동결").is_some(), "the freeze conflict is listed");

    // The list's search keeps only #1: #2's conflict leaves the list, and the count says why.
    harness.state_mut().list_state_mut().filter.text = "ERP".into();
    harness.run();
    assert_eq!(listed(&harness), 0);
    assert!(harness.query_by_label_contains("연말 동결").is_none());
    assert!(harness.query_by_label_contains("0 of 1 (the list's view and filter apply)").is_some());

    // A view that leaves #2 out does the same; the view of everything shows it again.
    harness.state_mut().list_state_mut().filter.text.clear();
    harness.state_mut().list_state_mut().filter.types = [ReleaseType::Emergency].into();
    harness.run();
    assert_eq!(listed(&harness), 0);
    harness.state_mut().list_state_mut().filter = Default::default();
    harness.run();
    assert_eq!(listed(&harness), 1);
    assert!(harness.query_by_label_contains("연말 동결").is_some());
}

/// The sample in the Korean window on the calendar, today fixed at the fixture's.
fn korean_sample_calendar() -> (tempfile::TempDir, Harness<'static, ReleaseDeskApp>) {
    let (dir, path) = temp_db();
    let mut model = model_with(&path, vec![]);
    let data = release_desk::domain::sample::scenarios(t0());
    model.apply(Command::Sample(release_desk::model::SampleCommand::Load { data, force: false })).unwrap();
    let mut harness = harness(ReleaseDeskApp::from_model(model));
    harness.state_mut().set_system_language(Language::Ko);
    harness.set_size(egui::vec2(1280.0, 720.0));
    harness.run();
    harness.state_mut().show_screen(calendar::ID);
    harness.state_mut().calendar_mut().unwrap().set_today(today());
    harness.run();
    (dir, harness)
}

/// A snapshot without the status bar's (temporary, randomly named) database path.
fn snapshot(harness: &mut Harness<'_, ReleaseDeskApp>, name: &str) {
    let path = harness.get_by_label_contains("desk.sqlite3").accesskit_node().bounding_box().unwrap();
    let size = harness.ctx.content_rect().max;
    harness.mask(egui::Rect::from_min_max(egui::pos2(path.x0 as f32, path.y0 as f32), size));
    harness.snapshot(name);
}

/// The month (weeks from Sunday), the week (the weekday over the date, apart) and the timeline
/// with the ERP upgrade's phases, in Korean.
#[test]
fn calendar_in_korean_snapshots() {
    let (_dir, mut harness) = korean_sample_calendar();
    let period = &harness.state().calendar().unwrap().period;
    assert_eq!(period.days().0.weekday(), chrono::Weekday::Sun, "a Korean month starts on Sunday");
    snapshot(&mut harness, "calendar_month_ko");
    harness.get_by_label("주").click();
    harness.run();
    let period = &harness.state().calendar().unwrap().period;
    assert_eq!(period.days().0.weekday(), chrono::Weekday::Sun, "a Korean week starts on Sunday");
    snapshot(&mut harness, "calendar_week_ko");
    harness.get_by_label("타임라인").click();
    harness.run();
    harness.get_by_label("2주").click();
    harness.run();
    // The week of the second half's first ERP phase (a Saturday night, ten days or so on).
    let erp = harness
        .state()
        .model()
        .unwrap()
        .releases()
        .iter()
        .find(|r| r.subject.contains("하반기") && r.subject.contains("1단계"));
    let start = erp.unwrap().planned.start.with_timezone(&chrono::Local).date_naive();
    harness.state_mut().calendar_mut().unwrap().period.anchor = start;
    harness.run();
    assert!(
        harness.query_by_label_contains("1단계: 본사 적용").is_some(),
        "the ERP phase is on the timeline"
    );
    snapshot(&mut harness, "calendar_timeline_ko");
}

/// A corporate freeze calendar: a weekly window (folded, with a TZID) and two freezes.
const FREEZE_CALENDAR: &str = "BEGIN:VCALENDAR\r\n\
VERSION:2.0\r\n\
PRODID:-//Corp//Freeze calendar//KO\r\n\
BEGIN:VEVENT\r\n\
UID:w1@corp\r\n\
SUMMARY:본사 주말 야간 작업 윈도\r\n \
우\r\n\
CATEGORIES:MAINTENANCE\r\n\
DTSTART;TZID=Asia/Seoul:20260103T220000\r\n\
DURATION:PT8H\r\n\
RRULE:FREQ=WEEKLY;BYDAY=SA\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:f1@corp\r\n\
SUMMARY:추석 연휴 동결\r\n\
DTSTART;VALUE=DATE:20260924\r\n\
DTEND;VALUE=DATE:20260927\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:f2@corp\r\n\
SUMMARY:월말 결산 동결\r\n\
DTSTART;TZID=Asia/Seoul:20260130T000000\r\n\
DURATION:P2D\r\n\
RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1,-2\r\n\
END:VEVENT\r\n\
END:VCALENDAR\r\n";

/// Picks `name` in `dir` through Import .ics… and the window's own path dialog.
fn import_through_the_dialog(harness: &mut Harness<'_, ReleaseDeskApp>, dir: &std::path::Path, name: &str) {
    harness.get_by_label("Import .ics…").click();
    harness.run();
    assert!(harness.query_by_label("Import windows and freezes from an iCalendar file").is_some());
    crate::file_dialog::retype(harness, "Folder", &dir.display().to_string());
    crate::file_dialog::retype(harness, "File name", name);
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "Open").click();
    harness.run();
}

/// The schedule's windows and freezes by name, and how many commands can be undone.
fn schedule_state(harness: &Harness<'_, ReleaseDeskApp>) -> (Vec<String>, Vec<String>, usize) {
    let model = harness.state().model().unwrap();
    let schedule = model.schedule();
    (
        schedule.windows.iter().map(|w| w.name.clone()).collect(),
        schedule.freezes.iter().map(|f| f.name.clone()).collect(),
        model.history().undo_len(),
    )
}

#[test]
fn a_freeze_calendar_imported_from_the_window_is_one_command_and_one_undo() {
    let (dir, mut harness) = on_calendar();
    std::fs::write(dir.path().join("corporate.ics"), FREEZE_CALENDAR).unwrap();
    let before = schedule_state(&harness);
    import_through_the_dialog(&mut harness, dir.path(), "corporate.ics");
    let (windows, freezes, undo) = schedule_state(&harness);
    assert_eq!(windows, vec!["본사 주말 야간 작업 윈도우".to_owned()], "the folded name is whole");
    assert_eq!(freezes, vec!["연말 동결".to_owned(), "추석 연휴 동결".into(), "월말 결산 동결".into()]);
    assert_eq!(undo, before.2 + 1, "one command");
    let status = harness.state().status_text().unwrap_or_default();
    assert!(
        status.contains("1 window") && status.contains("2 freezes"),
        "the status bar says what: {status}"
    );
    // The new freezes are shaded: the month of the Chuseok freeze names it.
    let chuseok = NaiveDate::from_ymd_opt(2026, 9, 25).unwrap();
    harness.state_mut().calendar_mut().unwrap().period.anchor = chuseok;
    harness.run();
    assert!(shaded(&harness, "추석 연휴 동결"), "the imported freeze is shaded in its month");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(schedule_state(&harness), before, "one undo takes the whole import back");
    harness.run();
    assert!(!shaded(&harness, "추석 연휴 동결"), "and it is no longer shaded");
}

/// Whether the window or freeze `name` is shaded in the shown period.
fn shaded(harness: &Harness<'_, ReleaseDeskApp>, name: &str) -> bool {
    harness.state().calendar().unwrap().shown.shades.iter().any(|s| s.name == name)
}

#[test]
fn a_hostile_calendar_file_says_what_is_wrong_where_and_changes_nothing() {
    let (dir, mut harness) = on_calendar();
    let good_then_bad_rule = FREEZE_CALENDAR.replace("BYSETPOS=-1,-2", "BYSETPOS=-1,-2;BYSOMETHING=1");
    let bad_time = FREEZE_CALENDAR.replace("DTSTART;VALUE=DATE:20260924", "DTSTART;VALUE=DATE:2026-09-24");
    let nameless = FREEZE_CALENDAR.replace("SUMMARY:추석 연휴 동결\r\n", "");
    let endless = FREEZE_CALENDAR.replace("DURATION:P2D", "DURATION:P40D");
    let files: [(&str, Vec<u8>, &[&str]); 6] = [
        ("rule.ics", good_then_bad_rule.into_bytes(), &["Line 24 (RRULE)", "월말 결산 동결", "BYSOMETHING"]),
        ("time.ics", bad_time.into_bytes(), &["Line 16", "2026-09-24"]),
        ("nameless.ics", nameless.into_bytes(), &["Line 13 (SUMMARY)", "name is empty"]),
        ("endless.ics", endless.into_bytes(), &["Line 23 (DURATION)", "at most 31 days"]),
        ("binary.ics", vec![0x00, 0xff, 0xfe, 0x42, 0x80, 0x81], &["not a text file"]),
        ("notes.ics", b"meeting notes, not a calendar\n".to_vec(), &["not an iCalendar file"]),
    ];
    let before = schedule_state(&harness);
    for (name, bytes, expected) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        import_through_the_dialog(&mut harness, dir.path(), name);
        assert_eq!(schedule_state(&harness), before, "{name}: nothing changes");
        for words in expected {
            let said = harness.query_all_by_label_contains(words).count();
            assert!(said >= 1, "{name}: the toolbar says {words:?}");
        }
        let status = harness.state().status_text().unwrap_or_default();
        assert!(status.contains(expected[0]), "{name}: the status bar says it too: {status}");
    }
    // A calendar with nothing to import is refused by the model: said, and nothing changes.
    let empty = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";
    std::fs::write(dir.path().join("empty.ics"), empty).unwrap();
    import_through_the_dialog(&mut harness, dir.path(), "empty.ics");
    assert_eq!(schedule_state(&harness), before);
    assert!(harness.query_all_by_label_contains("holds no window or freeze").count() >= 1);
}
