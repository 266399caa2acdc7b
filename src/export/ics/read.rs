//! Reading windows and freezes from an iCalendar file (a corporate holiday or freeze calendar, or
//! one this app wrote): lines unfolded, text unescaped, DTSTART/DTEND/DURATION in UTC, with a
//! TZID, floating or as dates, RRULE and EXDATE. An event is a window when this app wrote it as
//! one or its CATEGORIES say window or maintenance; otherwise a freeze (hard unless this app wrote
//! it soft). Releases this app wrote are skipped. Every window and freeze read is checked as the
//! model will check it, so a bad one is refused with its line and property named. A file is read
//! only when it is a regular file of at most [`FILE_MAX_BYTES`] that is UTF-8 text. Nothing is
//! changed here: the caller applies the result as one command.

use std::collections::BTreeSet;
use std::io::Read as _;
use std::path::Path;

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use crate::domain::schedule::{
    DeploymentWindow, Freeze, FreezeKind, Recurrence, ScheduleInvalid, Scope, Timing, Tz, local_to_utc,
    recurrence::normalize,
};
use crate::domain::{FreezeId, Timestamp, WindowId};

/// What a calendar file holds for the schedule.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IcsImport {
    pub windows: Vec<DeploymentWindow>,
    pub freezes: Vec<Freeze>,
    /// Events left out: releases, and events without a start.
    pub skipped: usize,
}

/// Why a calendar file cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IcsError {
    #[error("the file is not an iCalendar file (no BEGIN:VCALENDAR)")]
    NotCalendar,
    #[error("line {line}: '{value}' is not a date or time")]
    BadTime { line: usize, value: String },
    #[error("line {line}: '{value}' is not a duration")]
    BadDuration { line: usize, value: String },
    #[error("line {line}: the event '{name}' ends before it starts")]
    EndBeforeStart { line: usize, name: String },
    #[error("line {line} ({field}): the event '{name}': {reason}")]
    Invalid { line: usize, field: &'static str, name: String, reason: ScheduleInvalid },
    #[error("the file holds {0} windows and freezes; at most {EVENTS_MAX} are imported at once")]
    TooManyEvents(usize),
}

/// The largest calendar file read, 16 MiB (a corporate calendar of years is a few hundred KiB).
pub const FILE_MAX_BYTES: u64 = 16 << 20;

/// The most windows and freezes one file may add.
pub const EVENTS_MAX: usize = 2_000;

/// Why a calendar file on disk cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum IcsFileError {
    #[error("could not read the file: {0}")]
    Read(#[from] std::io::Error),
    #[error("not a regular file")]
    NotAFile,
    #[error("the file has {0} bytes; at most {FILE_MAX_BYTES} are read")]
    TooLarge(u64),
    #[error("the file is not UTF-8 text")]
    NotText,
    #[error(transparent)]
    Calendar(#[from] IcsError),
}

/// Reads the windows and freezes of the calendar file at `path` (see [`read_calendar`]): a
/// regular file (a pipe or a device is refused before it is opened), at most
/// [`FILE_MAX_BYTES`], UTF-8.
pub fn read_calendar_file(path: &Path, default: Tz) -> Result<IcsImport, IcsFileError> {
    if !std::fs::metadata(path)?.is_file() {
        return Err(IcsFileError::NotAFile);
    }
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    if size > FILE_MAX_BYTES {
        return Err(IcsFileError::TooLarge(size));
    }
    let mut bytes = Vec::new();
    // One byte more than allowed tells a file that grew since it was measured.
    file.take(FILE_MAX_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > FILE_MAX_BYTES {
        return Err(IcsFileError::TooLarge(bytes.len() as u64));
    }
    let text = String::from_utf8(bytes).map_err(|_| IcsFileError::NotText)?;
    Ok(read_calendar(&text, default)?)
}

/// Why the calendar file at `path` cannot be read, in the current language.
pub fn file_error_text(path: &Path, err: &IcsFileError) -> String {
    use crate::i18n::{io_reason, tr_args};
    let path = path.display().to_string();
    match err {
        IcsFileError::Read(io) => {
            tr_args("schedule-cli-read-failed", &[("path", path.into()), ("detail", io_reason(io).into())])
        }
        IcsFileError::NotAFile => tr_args("ics-error-not-a-file", &[("path", path.into())]),
        IcsFileError::TooLarge(size) => tr_args(
            "ics-error-too-large",
            &[("size", ((size >> 20) as usize).into()), ("max", ((FILE_MAX_BYTES >> 20) as usize).into())],
        ),
        IcsFileError::NotText => tr_args("ics-error-not-text", &[("path", path.into())]),
        IcsFileError::Calendar(calendar) => error_text(calendar),
    }
}

/// Why a calendar file cannot be read, in the current language.
pub fn error_text(err: &IcsError) -> String {
    use crate::i18n::{tr, tr_args};
    match err {
        IcsError::NotCalendar => tr("ics-error-not-calendar"),
        IcsError::BadTime { line, value } => {
            tr_args("ics-error-bad-time", &[("line", (*line).into()), ("value", value.as_str().into())])
        }
        IcsError::BadDuration { line, value } => {
            tr_args("ics-error-bad-duration", &[("line", (*line).into()), ("value", value.as_str().into())])
        }
        IcsError::EndBeforeStart { line, name } => {
            tr_args("ics-error-end-before-start", &[("line", (*line).into()), ("name", name.as_str().into())])
        }
        IcsError::Invalid { line, field, name, reason } => tr_args(
            "ics-error-invalid",
            &[
                ("line", (*line).into()),
                ("field", (*field).into()),
                ("name", name.as_str().into()),
                ("reason", crate::i18n::schedule_invalid(reason).into()),
            ],
        ),
        IcsError::TooManyEvents(count) => {
            tr_args("ics-error-too-many", &[("count", (*count).into()), ("max", EVENTS_MAX.into())])
        }
    }
}

/// One content line: name, parameters, value, and the line it started on.
struct Property {
    name: String,
    params: Vec<(String, String)>,
    value: String,
    line: usize,
}

impl Property {
    fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// Lines joined where a line starting with a space or tab continues the one before.
fn unfold(text: &str) -> Vec<(usize, String)> {
    let mut lines: Vec<(usize, String)> = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if let Some(rest) = raw.strip_prefix([' ', '\t'])
            && let Some(last) = lines.last_mut()
        {
            last.1.push_str(rest);
        } else if !raw.is_empty() {
            lines.push((i + 1, raw.to_owned()));
        }
    }
    lines
}

/// `NAME;P=V;Q="a:b":value`.
fn property(line: usize, text: &str) -> Option<Property> {
    let mut in_quotes = false;
    let colon = text.char_indices().find(|&(_, c)| {
        if c == '"' {
            in_quotes = !in_quotes;
        }
        c == ':' && !in_quotes
    })?;
    let (head, value) = (&text[..colon.0], &text[colon.0 + 1..]);
    let mut parts = head.split(';');
    let name = parts.next()?.to_ascii_uppercase();
    let params = parts
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.to_ascii_uppercase(), v.trim_matches('"').to_owned()))
        .collect();
    Some(Property { name, params, value: value.to_owned(), line })
}

/// TEXT with its escapes taken out.
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A time as UTC, and the wall-clock time and zone it was given in (`None`: UTC).
struct When {
    utc: Timestamp,
    local: NaiveDateTime,
    zone: Option<Tz>,
}

fn parse_local(value: &str) -> Option<NaiveDateTime> {
    if value.len() == 8 {
        NaiveDate::parse_from_str(value, "%Y%m%d").ok().map(|d| d.and_time(NaiveTime::MIN))
    } else {
        NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S").ok()
    }
}

/// One DATE or DATE-TIME value: `...Z` is UTC, a TZID names the zone, else `default` holds.
fn when(value: &str, tzid: Option<&str>, default: Tz, line: usize) -> Result<When, IcsError> {
    let bad = || IcsError::BadTime { line, value: value.to_owned() };
    if let Some(utc) = value.strip_suffix('Z') {
        let local = parse_local(utc).ok_or_else(bad)?;
        return Ok(When {
            utc: chrono::TimeZone::from_utc_datetime(&chrono::Utc, &local),
            local,
            zone: None,
        });
    }
    let local = parse_local(value).ok_or_else(bad)?;
    let zone = tzid.and_then(|name| name.trim_start_matches('/').parse::<Tz>().ok()).unwrap_or(default);
    Ok(When { utc: local_to_utc(local, zone), local, zone: Some(zone) })
}

/// `PT8H`, `P1D`, `P1W`, `-PT15M` (as minutes; a negative one is refused by the caller).
fn duration(value: &str, line: usize) -> Result<i64, IcsError> {
    let bad = || IcsError::BadDuration { line, value: value.to_owned() };
    let (sign, body) = match value.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, value.strip_prefix('+').unwrap_or(value)),
    };
    let body = body.strip_prefix('P').ok_or_else(bad)?;
    let (mut minutes, mut number, mut in_time) = (0_i64, String::new(), false);
    for c in body.chars() {
        match c {
            '0'..='9' => number.push(c),
            'T' => in_time = true,
            unit => {
                let n: i64 = number.parse().map_err(|_| bad())?;
                number.clear();
                minutes += match (unit, in_time) {
                    ('W', false) => n * 7 * 1440,
                    ('D', false) => n * 1440,
                    ('H', true) => n * 60,
                    ('M', true) => n,
                    ('S', true) => n / 60,
                    _ => return Err(bad()),
                };
            }
        }
    }
    Ok(sign * minutes)
}

/// The properties of one VEVENT, as read, and the line of its BEGIN.
struct Event {
    properties: Vec<Property>,
    line: usize,
}

impl Event {
    fn new(line: usize) -> Self {
        Self { properties: Vec::new(), line }
    }

    /// The line of property `name`, or of the event's BEGIN when it has none.
    fn line_of(&self, name: &str) -> usize {
        self.get(name).map_or(self.line, |p| p.line)
    }

    fn get(&self, name: &str) -> Option<&Property> {
        self.properties.iter().find(|p| p.name == name)
    }

    fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Property> {
        self.properties.iter().filter(move |p| p.name == name)
    }
}

/// Reads the windows and freezes of an iCalendar file; times without a zone are in `default`.
pub fn read_calendar(text: &str, default: Tz) -> Result<IcsImport, IcsError> {
    let lines = unfold(text.strip_prefix('\u{feff}').unwrap_or(text));
    if !lines.iter().any(|(_, l)| l.eq_ignore_ascii_case("BEGIN:VCALENDAR")) {
        return Err(IcsError::NotCalendar);
    }
    let default = lines
        .iter()
        .filter_map(|(n, l)| property(*n, l))
        .find(|p| p.name == "X-WR-TIMEZONE")
        .and_then(|p| p.value.parse::<Tz>().ok())
        .unwrap_or(default);
    let mut out = IcsImport::default();
    let mut event: Option<Event> = None;
    // Inside a VTIMEZONE or VALARM, properties are not the event's.
    let mut nested = 0_usize;
    for (n, line) in &lines {
        let Some(p) = property(*n, line) else { continue };
        let value = p.value.to_ascii_uppercase();
        match (p.name.as_str(), value.as_str()) {
            ("BEGIN", "VEVENT") => event = Some(Event::new(*n)),
            ("END", "VEVENT") => {
                if let Some(done) = event.take() {
                    add_event(&done, default, &mut out)?;
                    let count = out.windows.len() + out.freezes.len();
                    if count > EVENTS_MAX {
                        return Err(IcsError::TooManyEvents(count));
                    }
                }
            }
            ("BEGIN", _) if event.is_some() => nested += 1,
            ("END", _) if event.is_some() => nested = nested.saturating_sub(1),
            _ => {
                if let Some(e) = event.as_mut().filter(|_| nested == 0) {
                    e.properties.push(p);
                }
            }
        }
    }
    Ok(out)
}

fn add_event(event: &Event, default: Tz, out: &mut IcsImport) -> Result<(), IcsError> {
    let kind = event.get("X-RELEASE-DESK-KIND").map(|p| p.value.to_ascii_lowercase());
    let categories: String = event.all("CATEGORIES").map(|p| unescape(&p.value).to_lowercase()).collect();
    if kind.as_deref() == Some("release") {
        out.skipped += 1;
        return Ok(());
    }
    let Some(start) = event.get("DTSTART") else {
        out.skipped += 1;
        return Ok(());
    };
    let is_date =
        start.param("VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE")) || start.value.len() == 8;
    let begin = when(&start.value, start.param("TZID"), default, start.line)?;
    let minutes = match (event.get("DTEND"), event.get("DURATION")) {
        (Some(end), _) => {
            let end = when(&end.value, end.param("TZID"), begin.zone.unwrap_or(default), end.line)?;
            (end.utc - begin.utc).num_minutes()
        }
        (None, Some(d)) => duration(&d.value, d.line)?,
        // RFC 5545: a date alone lasts the day, a date-time alone is an instant (a minute here).
        (None, None) => {
            if is_date {
                1440
            } else {
                1
            }
        }
    };
    let name = event.get("SUMMARY").map(|p| unescape(&p.value)).unwrap_or_default();
    if minutes <= 0 {
        return Err(IcsError::EndBeforeStart { line: start.line, name });
    }
    let zone = begin.zone.unwrap_or(Tz::UTC);
    let timing = match event.get("RRULE") {
        Some(rule) => {
            let exdates = exdates(event, zone)?;
            Timing::Recurring {
                recurrence: Recurrence { rule: normalize(&rule.value), start: begin.local, exdates },
                minutes: u32::try_from(minutes).unwrap_or(u32::MAX),
            }
        }
        None => Timing::Once { start: begin.utc, end: begin.utc + Duration::minutes(minutes) },
    };
    let window = kind.as_deref() == Some("window")
        || (kind.is_none() && (categories.contains("window") || categories.contains("maintenance")));
    if window {
        let window = DeploymentWindow { id: WindowId(0), name, timing, zone, scope: Scope::All };
        window.validate().map_err(|reason| invalid(event, &window.name, reason))?;
        out.windows.push(window);
    } else {
        let soft = event.get("X-RELEASE-DESK-FREEZE").is_some_and(|p| p.value.eq_ignore_ascii_case("soft"));
        let freeze = Freeze {
            id: FreezeId(0),
            name,
            timing,
            zone,
            kind: if soft { FreezeKind::Soft } else { FreezeKind::Hard },
            scope: Scope::All,
            exempt: BTreeSet::new(),
            exempt_reason: String::new(),
        };
        freeze.validate().map_err(|reason| invalid(event, &freeze.name, reason))?;
        out.freezes.push(freeze);
    }
    Ok(())
}

/// A window or freeze the model would refuse, with the line and property to look at.
fn invalid(event: &Event, name: &str, reason: ScheduleInvalid) -> IcsError {
    let field = match reason {
        ScheduleInvalid::NameEmpty | ScheduleInvalid::NameTooLong(_) => "SUMMARY",
        ScheduleInvalid::Rule(_) => "RRULE",
        ScheduleInvalid::EndNotAfterStart
        | ScheduleInvalid::DurationZero
        | ScheduleInvalid::DurationTooLong(_)
        | ScheduleInvalid::ExemptReasonRequired => {
            if event.get("DTEND").is_some() {
                "DTEND"
            } else if event.get("DURATION").is_some() {
                "DURATION"
            } else {
                "DTSTART"
            }
        }
    };
    IcsError::Invalid { line: event.line_of(field), field, name: name.to_owned(), reason }
}

/// Every EXDATE of the event (comma lists, several lines), as wall-clock times of `zone`.
fn exdates(event: &Event, zone: Tz) -> Result<Vec<NaiveDateTime>, IcsError> {
    let mut out = Vec::new();
    for p in event.all("EXDATE") {
        for value in p.value.split(',').map(str::trim).filter(|v| !v.is_empty()) {
            let at = when(value, p.param("TZID"), zone, p.line)?;
            out.push(at.utc.with_timezone(&zone).naive_local());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse() {
        assert_eq!(duration("PT8H", 1), Ok(480));
        assert_eq!(duration("P1DT2H30M", 1), Ok(1590));
        assert_eq!(duration("P2W", 1), Ok(20160));
        assert!(duration("8H", 1).is_err());
    }

    #[test]
    fn text_unescapes() {
        assert_eq!(unescape("a\\,b\\;c\\\\d\\ne"), "a,b;c\\d\ne");
    }
}
