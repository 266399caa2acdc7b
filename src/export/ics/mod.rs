//! iCalendar (RFC 5545) export of the schedule: one VEVENT per release planned in a range (a stable
//! UID, DTSTART/DTEND in UTC, SUMMARY with id and subject, DESCRIPTION with status, type and agent,
//! CATEGORIES), and the windows and freezes as events too (a recurring one with its zone's
//! DTSTART, DURATION, RRULE and EXDATEs, and a VTIMEZONE for the zone). Text is escaped and lines
//! are folded at 75 octets without splitting a character, so Korean stays intact. Reading a
//! calendar file back into windows and freezes is in `read.rs`.

mod read;
mod zone;

pub use read::{
    EVENTS_MAX, FILE_MAX_BYTES, IcsError, IcsFileError, IcsImport, error_text, file_error_text,
    read_calendar, read_calendar_file,
};

use std::collections::BTreeSet;

use crate::domain::schedule::{FreezeKind, Schedule, TimeRange, Timing, Tz};
use crate::domain::{Directory, Release, SortKey, Timestamp};
use crate::i18n;

/// The PRODID this app writes.
pub const PRODID: &str = "-//Release Desk//Release Desk//EN";

/// Escapes TEXT: backslash, semicolon, comma and newline (RFC 5545 3.3.11).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded at 75 octets (continuations start with a space), ending in CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let size = c.len_utf8();
        if used + size > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += size;
    }
    out.push_str("\r\n");
    out
}

/// `20261128T130000Z`.
pub fn utc_stamp(t: Timestamp) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

fn local_stamp(t: chrono::NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

/// `PT8H`, `P9D`, `PT1H30M`.
fn duration_value(minutes: u32) -> String {
    let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    let mut out = String::from("P");
    if days > 0 {
        out.push_str(&format!("{days}D"));
    }
    if hours > 0 || mins > 0 {
        out.push('T');
        if hours > 0 {
            out.push_str(&format!("{hours}H"));
        }
        if mins > 0 {
            out.push_str(&format!("{mins}M"));
        }
    }
    if out == "P" { "PT0M".to_owned() } else { out }
}

/// What goes into a calendar file.
pub struct Calendar<'a> {
    pub releases: &'a [Release],
    pub schedule: &'a Schedule,
    pub directory: &'a Directory,
    /// Releases planned in this range are written; windows and freezes that happen in it.
    pub range: TimeRange,
    /// DTSTAMP of the windows and freezes (a release's is its last update).
    pub now: Timestamp,
}

/// The calendar as an iCalendar file, in the current language (DESCRIPTION and CATEGORIES).
pub fn to_ics(calendar: &Calendar<'_>) -> String {
    let mut out = String::new();
    for line in ["BEGIN:VCALENDAR", "VERSION:2.0", &format!("PRODID:{PRODID}"), "CALSCALE:GREGORIAN"] {
        out.push_str(&fold(line));
    }
    let zones = recurring_zones(calendar);
    for zone in &zones {
        out.push_str(&zone::vtimezone(*zone, calendar.range));
    }
    for release in calendar.releases {
        if !release.is_deleted() && calendar.range.touches(release.planned.start, release.planned.end) {
            release_event(&mut out, release, calendar.directory);
        }
    }
    for w in &calendar.schedule.windows {
        if happens(&w.timing, w.zone, calendar.range) {
            let categories = [i18n::tr("ics-category-window")];
            let fields = ScheduleEvent { uid: format!("window-{}", w.id), name: &w.name, kind: "window" };
            schedule_event(&mut out, &fields, &w.timing, w.zone, &categories, calendar.now, None);
        }
    }
    for f in &calendar.schedule.freezes {
        if happens(&f.timing, f.zone, calendar.range) {
            let categories = [i18n::tr("ics-category-freeze"), i18n::freeze_kind(f.kind)];
            let fields = ScheduleEvent { uid: format!("freeze-{}", f.id), name: &f.name, kind: "freeze" };
            schedule_event(&mut out, &fields, &f.timing, f.zone, &categories, calendar.now, Some(f.kind));
        }
    }
    out.push_str(&fold("END:VCALENDAR"));
    out
}

/// The zones of the recurring windows and freezes that are written, each once.
fn recurring_zones(calendar: &Calendar<'_>) -> Vec<Tz> {
    let mut names = BTreeSet::new();
    let windows = calendar.schedule.windows.iter().map(|w| (&w.timing, w.zone));
    let freezes = calendar.schedule.freezes.iter().map(|f| (&f.timing, f.zone));
    let mut zones = Vec::new();
    for (timing, zone) in windows.chain(freezes) {
        if matches!(timing, Timing::Recurring { .. })
            && happens(timing, zone, calendar.range)
            && names.insert(zone.name())
        {
            zones.push(zone);
        }
    }
    zones
}

fn happens(timing: &Timing, zone: Tz, range: TimeRange) -> bool {
    !crate::domain::schedule::occurrences(timing, zone, range).is_empty()
}

fn release_event(out: &mut String, r: &Release, directory: &Directory) {
    let agent = directory.agent_name(r.agent_id);
    let description = [
        format!("{}: {}", i18n::column(SortKey::Status), i18n::status(r.status)),
        format!("{}: {}", i18n::column(SortKey::Type), i18n::release_type(r.release_type)),
        format!("{}: {}", i18n::column(SortKey::Agent), if agent.is_empty() { "-" } else { agent }),
    ]
    .join("\n");
    let mut categories = vec![i18n::tr("ics-category-release"), i18n::release_type(r.release_type)];
    let group = directory.group_name(r.group_id);
    if !group.is_empty() {
        categories.push(group.to_owned());
    }
    let lines = [
        "BEGIN:VEVENT".to_owned(),
        format!("UID:release-{}@release-desk", r.id),
        format!("DTSTAMP:{}", utc_stamp(r.updated_at)),
        format!("DTSTART:{}", utc_stamp(r.planned.start)),
        format!("DTEND:{}", utc_stamp(r.planned.end)),
        format!("SUMMARY:{}", escape(&format!("{} {}", crate::i18n::release_number(r.id), r.subject))),
        format!("DESCRIPTION:{}", escape(&description)),
        format!("CATEGORIES:{}", categories.iter().map(|c| escape(c)).collect::<Vec<_>>().join(",")),
        "X-RELEASE-DESK-KIND:release".to_owned(),
        "END:VEVENT".to_owned(),
    ];
    for line in lines {
        out.push_str(&fold(&line));
    }
}

struct ScheduleEvent<'a> {
    uid: String,
    name: &'a str,
    kind: &'static str,
}

fn schedule_event(
    out: &mut String,
    event: &ScheduleEvent<'_>,
    timing: &Timing,
    zone: Tz,
    categories: &[String],
    now: Timestamp,
    freeze: Option<FreezeKind>,
) {
    let mut lines = vec![
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}@release-desk", event.uid),
        format!("DTSTAMP:{}", utc_stamp(now)),
    ];
    match timing {
        Timing::Once { start, end } => {
            lines.push(format!("DTSTART:{}", utc_stamp(*start)));
            lines.push(format!("DTEND:{}", utc_stamp(*end)));
        }
        Timing::Recurring { recurrence, minutes } => {
            lines.push(format!("DTSTART;TZID={}:{}", zone.name(), local_stamp(recurrence.start)));
            lines.push(format!("DURATION:{}", duration_value(*minutes)));
            lines.push(format!("RRULE:{}", recurrence.rule));
            if !recurrence.exdates.is_empty() {
                let dates: Vec<String> = recurrence.exdates.iter().map(|t| local_stamp(*t)).collect();
                lines.push(format!("EXDATE;TZID={}:{}", zone.name(), dates.join(",")));
            }
        }
    }
    lines.push(format!("SUMMARY:{}", escape(event.name)));
    lines.push(format!("CATEGORIES:{}", categories.iter().map(|c| escape(c)).collect::<Vec<_>>().join(",")));
    lines.push("TRANSP:TRANSPARENT".to_owned());
    lines.push(format!("X-RELEASE-DESK-KIND:{}", event.kind));
    if let Some(kind) = freeze {
        lines.push(format!("X-RELEASE-DESK-FREEZE:{}", kind.code()));
    }
    lines.push("END:VEVENT".to_owned());
    for line in lines {
        out.push_str(&fold(&line));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fold_at_75_octets_without_splitting_hangul() {
        let line = format!("SUMMARY:{}", "가".repeat(40));
        let folded = fold(&line);
        for part in folded.split("\r\n").filter(|p| !p.is_empty()) {
            assert!(part.len() <= 75, "{} octets: {part}", part.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end(), line);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn durations() {
        assert_eq!(duration_value(480), "PT8H");
        assert_eq!(duration_value(9 * 1440), "P9D");
        assert_eq!(duration_value(90), "PT1H30M");
    }
}
