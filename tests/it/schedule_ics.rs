//! iCalendar export and import (issue 14): the file this app writes, read back by an independent
//! parser (the `icalendar` crate's), with every event's times and Korean text equal; a corporate
//! calendar with folded lines, TZID, RRULE and EXDATE read into windows and freezes; and the
//! `windows`, `conflicts`, `calendar` and `windows import` commands.

use std::collections::BTreeSet;

use chrono::{Duration, NaiveDate, NaiveDateTime, TimeZone as _, Utc};

use crate::common::{cli, model_with, plain, t0, temp_db};
use release_desk::domain::schedule::{
    DeploymentWindow, Freeze, FreezeKind, Recurrence, Schedule, Scope, TimeRange, Timing, Tz,
};
use release_desk::domain::{AgentId, FreezeId, GroupId, ReleaseId, ReleaseType, WindowId};
use release_desk::export::ics::{self, Calendar, read_calendar};
use release_desk::i18n::set_language;

fn wall(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, 0, 0).unwrap()
}

fn schedule() -> Schedule {
    Schedule {
        windows: vec![DeploymentWindow {
            id: WindowId(1),
            name: "ERP 주말 야간 배포, 토요일; 22시".into(),
            timing: Timing::Recurring {
                recurrence: Recurrence {
                    rule: "FREQ=WEEKLY;BYDAY=SA".into(),
                    start: wall(2026, 1, 3, 22),
                    exdates: vec![wall(2026, 12, 26, 22)],
                },
                minutes: 480,
            },
            zone: Tz::Europe__Berlin,
            scope: Scope::Group(GroupId(1)),
        }],
        freezes: vec![Freeze {
            id: FreezeId(1),
            name: "연말 결산 동결".into(),
            timing: Timing::Once {
                start: Utc.with_ymd_and_hms(2026, 12, 23, 15, 0, 0).unwrap(),
                end: Utc.with_ymd_and_hms(2027, 1, 1, 15, 0, 0).unwrap(),
            },
            zone: Tz::Asia__Seoul,
            kind: FreezeKind::Soft,
            scope: Scope::All,
            exempt: BTreeSet::from([ReleaseType::Emergency]),
            exempt_reason: "긴급".into(),
        }],
    }
}

fn prop<'a>(
    event: &'a icalendar::parser::Component<'a>,
    name: &str,
) -> Option<&'a icalendar::parser::Property<'a>> {
    event.properties.iter().find(|p| p.name.as_str() == name)
}

fn text(event: &icalendar::parser::Component<'_>, name: &str) -> String {
    prop(event, name).map(|p| p.val.clone().unescape_text().as_str().to_owned()).unwrap_or_default()
}

fn utc_value(event: &icalendar::parser::Component<'_>, name: &str) -> chrono::DateTime<Utc> {
    let value = text(event, name);
    let naive = NaiveDateTime::parse_from_str(value.trim_end_matches('Z'), "%Y%m%dT%H%M%S").unwrap();
    assert!(value.ends_with('Z'), "{name} in UTC: {value}");
    Utc.from_utc_datetime(&naive)
}

#[test]
fn the_export_reads_back_through_an_independent_parser_with_times_and_korean_text_equal() {
    set_language(release_desk::domain::Language::Ko);
    let mut releases = vec![
        plain(1, "롯데그룹 ERP 2026 하반기 업그레이드 1단계: 본사 적용, 주말 야간; 6시간"),
        plain(2, "a"),
    ];
    releases[0].agent_id = Some(AgentId(1));
    releases[1].deleted_at = Some(t0());
    let (dir, path) = temp_db();
    let _keep = dir;
    let model = model_with(&path, releases.clone());
    let schedule = schedule();
    let range = TimeRange::new(t0() - Duration::days(30), t0() + Duration::days(60));
    let text_out = ics::to_ics(&Calendar {
        releases: model.releases(),
        schedule: &schedule,
        directory: model.directory(),
        range,
        now: t0(),
    });
    for line in text_out.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    let unfolded = icalendar::parser::unfold(&text_out);
    let calendar = icalendar::parser::read_calendar(&unfolded).unwrap();
    let events: Vec<_> = calendar.components.iter().filter(|c| c.name.as_str() == "VEVENT").collect();
    assert_eq!(events.len(), 3, "one live release, one window, one freeze (the deleted release is left out)");
    let release = events.iter().find(|e| text(e, "UID") == "release-1@release-desk").unwrap();
    assert_eq!(utc_value(release, "DTSTART"), releases[0].planned.start);
    assert_eq!(utc_value(release, "DTEND"), releases[0].planned.end);
    assert_eq!(text(release, "SUMMARY"), format!("#1 {}", releases[0].subject));
    let description = text(release, "DESCRIPTION");
    assert!(
        description.contains("열림") && description.contains("표준") && description.contains("김민준"),
        "{description}"
    );
    assert!(text(release, "CATEGORIES").contains("릴리스"));
    let window = events.iter().find(|e| text(e, "UID") == "window-1@release-desk").unwrap();
    assert_eq!(text(window, "SUMMARY"), schedule.windows[0].name);
    assert_eq!(text(window, "RRULE"), "FREQ=WEEKLY;BYDAY=SA");
    let start = prop(window, "DTSTART").unwrap();
    assert!(
        start
            .params
            .iter()
            .any(|p| p.key.as_str() == "TZID" && p.val.as_ref().unwrap().as_str() == "Europe/Berlin")
    );
    assert_eq!(start.val.as_str(), "20260103T220000");
    assert_eq!(text(window, "DURATION"), "PT8H");
    assert_eq!(text(window, "EXDATE"), "20261226T220000");
    assert!(calendar.components.iter().any(|c| c.name.as_str() == "VTIMEZONE"), "the zone is described");
    let freeze = events.iter().find(|e| text(e, "UID") == "freeze-1@release-desk").unwrap();
    assert_eq!(text(freeze, "SUMMARY"), "연말 결산 동결");
    assert_eq!(utc_value(freeze, "DTSTART"), Utc.with_ymd_and_hms(2026, 12, 23, 15, 0, 0).unwrap());
    assert_eq!(utc_value(freeze, "DTEND"), Utc.with_ymd_and_hms(2027, 1, 1, 15, 0, 0).unwrap());
    // And our own reader takes the windows and freezes back as they were.
    let back = read_calendar(&text_out, Tz::UTC).unwrap();
    assert_eq!(back.skipped, 1, "the release is skipped");
    assert_eq!(back.windows[0].timing, schedule.windows[0].timing);
    assert_eq!(back.windows[0].zone, Tz::Europe__Berlin);
    assert_eq!(back.windows[0].name, schedule.windows[0].name);
    assert_eq!(back.freezes[0].timing, schedule.freezes[0].timing);
    assert_eq!(back.freezes[0].kind, FreezeKind::Soft);
    set_language(release_desk::domain::Language::En);
}

/// A corporate holiday and freeze calendar as other tools write it: LF or CRLF, folded lines
/// (also inside a Korean character's line), TZID, a recurring event with EXDATEs, an all-day date.
const CORPORATE: &str = "BEGIN:VCALENDAR\r\n\
VERSION:2.0\r\n\
PRODID:-//Example Corp//Holidays//KO\r\n\
BEGIN:VTIMEZONE\r\n\
TZID:Asia/Seoul\r\n\
BEGIN:STANDARD\r\n\
DTSTART:19700101T000000\r\n\
TZOFFSETFROM:+0900\r\n\
TZOFFSETTO:+0900\r\n\
END:STANDARD\r\n\
END:VTIMEZONE\r\n\
BEGIN:VEVENT\r\n\
UID:month-end@example.com\r\n\
DTSTART;TZID=Asia/Seoul:20260129T000000\r\n\
DTEND;TZID=Asia/Seoul:20260131T000000\r\n\
RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1,-2\r\n\
EXDATE;TZID=Asia/Seoul:20261230T000000,20261231T000000\r\n\
EXDATE;TZID=Asia/Seoul:20260227T000000\r\n\
SUMMARY:은행 월말 마감 동결 (마지막 영업일 이틀\\, 전 계열사 공\r\n \
통 적용)\r\n\
CATEGORIES:BLACKOUT\r\n\
BEGIN:VALARM\r\n\
TRIGGER:-PT15M\r\n\
SUMMARY:not the event's\r\n\
END:VALARM\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:maint@example.com\r\n\
DTSTART;TZID=America/New_York:20260307T220000\r\n\
DURATION:PT6H\r\n\
RRULE:FREQ=WEEKLY;BYDAY=SA;UNTIL=20261231T235959Z\r\n\
SUMMARY:Weekend maintenance window\r\n\
CATEGORIES:Maintenance,IT\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:chuseok@example.com\r\n\
DTSTART;VALUE=DATE:20260924\r\n\
DTEND;VALUE=DATE:20260927\r\n\
SUMMARY:추석 연휴\r\n\
END:VEVENT\r\n\
END:VCALENDAR\r\n";

#[test]
fn a_corporate_calendar_with_folded_lines_tzid_rrule_and_exdate_is_read() {
    let found = read_calendar(CORPORATE, Tz::Asia__Seoul).unwrap();
    assert_eq!(found.windows.len(), 1);
    assert_eq!(found.freezes.len(), 2);
    let month_end = &found.freezes[0];
    assert_eq!(month_end.name, "은행 월말 마감 동결 (마지막 영업일 이틀, 전 계열사 공통 적용)");
    assert_eq!(month_end.zone, Tz::Asia__Seoul);
    assert_eq!(month_end.kind, FreezeKind::Hard);
    let Timing::Recurring { recurrence, minutes } = &month_end.timing else { panic!("recurring") };
    assert_eq!(*minutes, 2 * 1440);
    assert_eq!(recurrence.rule, "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1,-2");
    assert_eq!(recurrence.start, wall(2026, 1, 29, 0));
    assert_eq!(recurrence.exdates, vec![wall(2026, 12, 30, 0), wall(2026, 12, 31, 0), wall(2026, 2, 27, 0)]);
    // The EXDATEs are skipped when expanded.
    let year = TimeRange::new(
        Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
        Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap(),
    );
    let days = release_desk::domain::schedule::occurrences(&month_end.timing, Tz::Asia__Seoul, year);
    assert_eq!(days.len(), 24 - 3);
    let window = &found.windows[0];
    assert_eq!(window.name, "Weekend maintenance window");
    assert_eq!(window.zone, Tz::America__New_York);
    let saturdays = release_desk::domain::schedule::occurrences(&window.timing, window.zone, year);
    assert_eq!(saturdays[0].start, Utc.with_ymd_and_hms(2026, 3, 8, 3, 0, 0).unwrap(), "22:00 EST");
    assert_eq!(saturdays[1].start, Utc.with_ymd_and_hms(2026, 3, 15, 2, 0, 0).unwrap(), "22:00 EDT");
    let chuseok = &found.freezes[1];
    assert_eq!(chuseok.name, "추석 연휴");
    assert_eq!(
        chuseok.timing,
        Timing::Once {
            start: Utc.with_ymd_and_hms(2026, 9, 23, 15, 0, 0).unwrap(),
            end: Utc.with_ymd_and_hms(2026, 9, 26, 15, 0, 0).unwrap(),
        }
    );
    // LF-only files read the same.
    assert_eq!(read_calendar(&CORPORATE.replace("\r\n", "\n"), Tz::Asia__Seoul).unwrap(), found);
    assert!(read_calendar("hello", Tz::UTC).is_err());
}

#[test]
fn the_schedule_commands_of_the_cli() {
    let (dir, path) = temp_db();
    let db = path.to_str().unwrap();
    assert!(cli(&["--db", db, "demo"]).status.success());
    let out = cli(&["--db", db, "--lang", "en", "windows", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["windows"].as_array().unwrap().len(), 2);
    assert_eq!(json["freezes"][0]["kind"], "hard");
    assert_eq!(json["freezes"][0]["exempt_release_types"][0], 4);
    let out = cli(&["--db", db, "--lang", "ko", "windows"]);
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.contains("ERP 주말 야간") && table.contains("적용 대상"), "{table}");

    let out =
        cli(&["--db", db, "conflicts", "--from", "2020-01-01", "--to", "2030-12-31", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = list.as_array().unwrap();
    for kind in ["freeze", "outside_window", "ci_overlap", "agent_overlap", "deploy_early", "deploy_late"] {
        assert!(list.iter().any(|c| c["kind"] == kind), "no {kind}");
    }
    for c in list {
        for key in ["kind", "release_ids", "window_or_freeze", "from", "to", "severity"] {
            assert!(c.get(key).is_some(), "{key} missing in {c}");
        }
        assert!(c["severity"] == "block" || c["severity"] == "warn");
    }
    let out = cli(&["--db", db, "--lang", "ko", "conflicts", "--from", "2020-01-01", "--to", "2030-12-31"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("해결 방법"));
    let bad = cli(&["--db", db, "conflicts", "--from", "2026-13-01"]);
    assert!(!bad.status.success());
    assert_eq!(String::from_utf8_lossy(&bad.stderr).lines().count(), 1);

    let ics_path = dir.path().join("plan.ics");
    let out = cli(&[
        "--db",
        db,
        "calendar",
        "--from",
        "2020-01-01",
        "--to",
        "2030-12-31",
        "--out",
        ics_path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let written = std::fs::read_to_string(&ics_path).unwrap();
    assert!(written.starts_with("BEGIN:VCALENDAR\r\n") && written.contains("RRULE:FREQ=WEEKLY;BYDAY=SA"));

    let corporate = dir.path().join("corporate.ics");
    std::fs::write(&corporate, CORPORATE).unwrap();
    let out = cli(&["--db", db, "windows", "import", corporate.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let model = release_desk::model::Model::open_read_only(&path).unwrap();
    assert_eq!((model.schedule().windows.len(), model.schedule().freezes.len()), (3, 4));
    let broken = dir.path().join("broken.ics");
    std::fs::write(&broken, "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2026XX\nEND:VEVENT\nEND:VCALENDAR\n")
        .unwrap();
    let out = cli(&["--db", db, "windows", "import", broken.to_str().unwrap()]);
    assert!(!out.status.success());
    let model = release_desk::model::Model::open_read_only(&path).unwrap();
    assert_eq!(model.schedule().freezes.len(), 4, "nothing of a broken file is kept");
    let _ = ReleaseId(0);
}

/// A release made in a team's file and not pushed yet is "new" in the calendar too, as an
/// independent parser reads it (its UID changes once the team numbers it).
#[test]
fn a_release_not_numbered_by_the_team_yet_is_new_in_the_calendar() {
    set_language(release_desk::domain::Language::Ko);
    let (dir, path) = temp_db();
    let _keep = dir;
    let model = model_with(&path, vec![plain(-1, "VPN 방화벽 펌웨어 업데이트")]);
    let range = TimeRange::new(t0() - Duration::days(30), t0() + Duration::days(60));
    let schedule = Schedule::default();
    let out = ics::to_ics(&Calendar {
        releases: model.releases(),
        schedule: &schedule,
        directory: model.directory(),
        range,
        now: t0(),
    });
    set_language(release_desk::domain::Language::En);
    let unfolded = icalendar::parser::unfold(&out);
    let calendar = icalendar::parser::read_calendar(&unfolded).unwrap();
    let event = calendar.components.iter().find(|c| c.name.as_str() == "VEVENT").unwrap();
    assert_eq!(text(event, "SUMMARY"), "#신규-1 VPN 방화벽 펌웨어 업데이트");
}
