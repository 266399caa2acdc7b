//! A recurrence: an RFC 5545 RRULE with its DTSTART as a wall-clock time of a named zone and the
//! EXDATEs it skips, expanded by the `rrule` crate in that zone (so "every Saturday 22:00
//! Europe/Berlin" stays at 22:00 across the clock changes). The rule text is checked part by part
//! first, so what is wrong with it is a typed [`RuleInvalid`] the UI can say in either language.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone as _, Utc};

use super::{TimeRange, Tz};
use crate::domain::ids::Timestamp;

/// At most this many occurrences are expanded for one range: enough for an hourly window over
/// two years, and a bound on a rule that would otherwise fill memory.
pub const MAX_OCCURRENCES: usize = 20_000;

/// A recurrence rule, its first occurrence and the occurrences it skips.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Recurrence {
    /// The RRULE value, normalised: upper case, no `RRULE:` prefix (`FREQ=WEEKLY;BYDAY=SA`).
    pub rule: String,
    /// DTSTART, as the zone's wall clock shows it.
    pub start: NaiveDateTime,
    /// EXDATEs: occurrences (their starts, on the zone's wall clock) that do not happen.
    pub exdates: Vec<NaiveDateTime>,
}

/// One period of a window or freeze.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Occurrence {
    pub start: Timestamp,
    pub end: Timestamp,
}

impl Occurrence {
    /// Whether the two periods share some time (touching ends do not).
    pub fn overlaps(&self, start: Timestamp, end: Timestamp) -> bool {
        self.start < end && start < self.end
    }

    /// Whether `start..end` lies wholly inside this period.
    pub fn contains(&self, start: Timestamp, end: Timestamp) -> bool {
        self.start <= start && end <= self.end
    }
}

/// What is wrong with a recurrence rule.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RuleInvalid {
    #[error("the rule is empty")]
    Empty,
    #[error("the rule has no FREQ")]
    NoFrequency,
    #[error("'{0}' is not a part of a recurrence rule")]
    UnknownPart(String),
    #[error("{part}={value} is not a valid value")]
    BadValue { part: String, value: String },
    #[error("{0} is given twice")]
    Repeated(String),
    #[error("COUNT and UNTIL cannot both be given")]
    CountAndUntil,
    #[error("the rule never happens")]
    NoOccurrence,
    /// The recurrence library refused it (its own words, in English).
    #[error("the rule is refused: {0}")]
    Rejected(String),
}

/// The parts RFC 5545 allows in an RRULE (BYSECOND and the secondly and minutely frequencies are
/// refused: no deployment window repeats every minute).
const PARTS: &[&str] = &[
    "FREQ",
    "INTERVAL",
    "COUNT",
    "UNTIL",
    "BYDAY",
    "BYMONTHDAY",
    "BYMONTH",
    "BYSETPOS",
    "BYHOUR",
    "BYMINUTE",
    "BYWEEKNO",
    "BYYEARDAY",
    "WKST",
];

const WEEKDAYS: &[&str] = &["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// `FREQ=weekly; byday=sa` -> `FREQ=WEEKLY;BYDAY=SA`, without an `RRULE:` prefix.
pub fn normalize(rule: &str) -> String {
    let upper: String = rule.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
    let body = upper.strip_prefix("RRULE:").unwrap_or(&upper);
    body.trim_matches(';').to_owned()
}

fn bad(part: &str, value: &str) -> RuleInvalid {
    RuleInvalid::BadValue { part: part.to_owned(), value: value.to_owned() }
}

/// Each of a comma list parses as an integer within `low..=high`, and is not 0 if `nonzero`.
fn int_list(part: &str, value: &str, low: i64, high: i64, nonzero: bool) -> Result<(), RuleInvalid> {
    for item in value.split(',') {
        let n: i64 = item.parse().map_err(|_| bad(part, value))?;
        if n < low || n > high || (nonzero && n == 0) {
            return Err(bad(part, value));
        }
    }
    Ok(())
}

/// `MO`, `-1FR`, `+2SA`.
fn weekday_item(item: &str) -> bool {
    let split = item.len().saturating_sub(2);
    let (number, day) = item.split_at(split);
    WEEKDAYS.contains(&day)
        && (number.is_empty() || number.parse::<i64>().is_ok_and(|n| n != 0 && (-53..=53).contains(&n)))
}

/// `20261231`, `20261231T235959` or `20261231T235959Z`.
fn parse_until(value: &str) -> Option<(NaiveDateTime, bool)> {
    let (body, utc) = match value.strip_suffix('Z') {
        Some(body) => (body, true),
        None => (value, false),
    };
    let at = if body.len() == 8 {
        NaiveDate::parse_from_str(body, "%Y%m%d").ok()?.and_time(NaiveTime::MIN)
    } else {
        NaiveDateTime::parse_from_str(body, "%Y%m%dT%H%M%S").ok()?
    };
    Some((at, utc))
}

/// The rule's parts, checked one by one, in the order given.
fn parts(rule: &str) -> Result<Vec<(String, String)>, RuleInvalid> {
    if rule.is_empty() {
        return Err(RuleInvalid::Empty);
    }
    let mut seen: Vec<(String, String)> = Vec::new();
    for piece in rule.split(';') {
        let Some((key, value)) = piece.split_once('=') else {
            return Err(RuleInvalid::UnknownPart(piece.to_owned()));
        };
        if !PARTS.contains(&key) {
            return Err(RuleInvalid::UnknownPart(key.to_owned()));
        }
        if seen.iter().any(|(k, _)| k == key) {
            return Err(RuleInvalid::Repeated(key.to_owned()));
        }
        check_part(key, value)?;
        seen.push((key.to_owned(), value.to_owned()));
    }
    if !seen.iter().any(|(k, _)| k == "FREQ") {
        return Err(RuleInvalid::NoFrequency);
    }
    if seen.iter().any(|(k, _)| k == "COUNT") && seen.iter().any(|(k, _)| k == "UNTIL") {
        return Err(RuleInvalid::CountAndUntil);
    }
    Ok(seen)
}

fn check_part(key: &str, value: &str) -> Result<(), RuleInvalid> {
    match key {
        "FREQ" => {
            if ["HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"].contains(&value) {
                Ok(())
            } else {
                Err(bad(key, value))
            }
        }
        "INTERVAL" => int_list(key, value, 1, 1000, true).and_then(|()| single(key, value)),
        "COUNT" => int_list(key, value, 1, 100_000, true).and_then(|()| single(key, value)),
        "UNTIL" => parse_until(value).map(|_| ()).ok_or_else(|| bad(key, value)),
        "BYDAY" => {
            if value.split(',').all(weekday_item) {
                Ok(())
            } else {
                Err(bad(key, value))
            }
        }
        "WKST" => {
            if WEEKDAYS.contains(&value) {
                Ok(())
            } else {
                Err(bad(key, value))
            }
        }
        "BYMONTHDAY" => int_list(key, value, -31, 31, true),
        "BYMONTH" => int_list(key, value, 1, 12, true),
        "BYSETPOS" => int_list(key, value, -366, 366, true),
        "BYHOUR" => int_list(key, value, 0, 23, false),
        "BYMINUTE" => int_list(key, value, 0, 59, false),
        "BYWEEKNO" => int_list(key, value, -53, 53, true),
        "BYYEARDAY" => int_list(key, value, -366, 366, true),
        _ => Err(RuleInvalid::UnknownPart(key.to_owned())),
    }
}

fn single(key: &str, value: &str) -> Result<(), RuleInvalid> {
    if value.contains(',') { Err(bad(key, value)) } else { Ok(()) }
}

/// A wall-clock time of `zone` in the `rrule` crate's zone type (the earlier of two, or the
/// hour after a gap).
fn in_zone(local: NaiveDateTime, zone: Tz) -> chrono::DateTime<rrule::Tz> {
    let utc = super::local_to_utc(local, zone);
    utc.with_timezone(&rrule::Tz::Tz(zone))
}

impl Recurrence {
    /// A recurrence with no skipped occurrences; the rule is normalised.
    pub fn new(rule: &str, start: NaiveDateTime) -> Self {
        Self { rule: normalize(rule), start, exdates: Vec::new() }
    }

    /// The rule as the `rrule` crate is given it: a local UNTIL is moved to UTC (RFC 5545 wants
    /// UTC beside a DTSTART with a zone; calendars write both).
    fn rule_for_library(&self, zone: Tz) -> Result<String, RuleInvalid> {
        let parts = parts(&normalize(&self.rule))?;
        let rebuilt: Vec<String> = parts
            .into_iter()
            .map(|(key, value)| {
                if key == "UNTIL"
                    && let Some((at, false)) = parse_until(&value)
                {
                    let utc = super::local_to_utc(at, zone);
                    return format!("UNTIL={}", utc.format("%Y%m%dT%H%M%SZ"));
                }
                format!("{key}={value}")
            })
            .collect();
        Ok(rebuilt.join(";"))
    }

    /// The `rrule` crate's set for this recurrence in `zone`.
    fn rule_set(&self, zone: Tz) -> Result<rrule::RRuleSet, RuleInvalid> {
        let text = self.rule_for_library(zone)?;
        let rule: rrule::RRule<rrule::Unvalidated> =
            text.parse().map_err(|e: rrule::RRuleError| RuleInvalid::Rejected(e.to_string()))?;
        let set = rule.build(in_zone(self.start, zone)).map_err(|e| RuleInvalid::Rejected(e.to_string()))?;
        let exdates = self.exdates.iter().map(|&ex| in_zone(ex, zone)).collect();
        Ok(set.set_exdates(exdates).limit())
    }

    /// Checks the rule: every part, then the library, then that it happens at least once.
    pub fn check(&self, zone: Tz) -> Result<(), RuleInvalid> {
        let set = self.rule_set(zone)?;
        if (&set).into_iter().next().is_none() {
            return Err(RuleInvalid::NoOccurrence);
        }
        Ok(())
    }

    /// The starts of the occurrences, in order, as UTC (at most [`MAX_OCCURRENCES`], none
    /// starting at or after `until`).
    pub fn starts(&self, zone: Tz, until: Timestamp) -> Vec<Timestamp> {
        let Ok(set) = self.rule_set(zone) else { return Vec::new() };
        (&set)
            .into_iter()
            .map(|t| t.with_timezone(&Utc))
            .take_while(|t| *t < until)
            .take(MAX_OCCURRENCES * 4)
            .collect()
    }

    /// The occurrences (each `minutes` long) that overlap `range`, in start order.
    pub fn expand(&self, zone: Tz, minutes: u32, range: TimeRange) -> Vec<Occurrence> {
        let length = Duration::minutes(i64::from(minutes));
        let Ok(set) = self.rule_set(zone) else { return Vec::new() };
        let mut out = Vec::new();
        for t in &set {
            let start = t.with_timezone(&Utc);
            if start >= range.to || out.len() >= MAX_OCCURRENCES {
                break;
            }
            let end = start + length;
            if end > range.from {
                out.push(Occurrence { start, end });
            }
        }
        out
    }

    /// The first occurrence's start as UTC, if there is one.
    pub fn first_start(&self, zone: Tz) -> Option<Timestamp> {
        let set = self.rule_set(zone).ok()?;
        (&set).into_iter().next().map(|t| t.with_timezone(&Utc))
    }
}

/// `2026-11-28T22:00` on `zone`'s wall clock as a UTC time (tests and the sample).
pub fn wall_clock(zone: Tz, y: i32, m: u32, d: u32, h: u32, min: u32) -> Option<Timestamp> {
    let local = NaiveDate::from_ymd_opt(y, m, d)?.and_hms_opt(h, min, 0)?;
    zone.from_local_datetime(&local).earliest().map(|t| t.to_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).and_then(|d| d.and_hms_opt(h, min, 0)).unwrap()
    }

    #[test]
    fn parts_are_checked_one_by_one() {
        let check = |rule: &str| Recurrence::new(rule, at(2026, 1, 3, 22, 0)).check(Tz::Asia__Seoul);
        assert_eq!(check("FREQ=WEEKLY;BYDAY=SA"), Ok(()));
        assert_eq!(check("rrule: freq=weekly; byday=sa"), Ok(()));
        assert_eq!(check(""), Err(RuleInvalid::Empty));
        assert_eq!(check("BYDAY=SA"), Err(RuleInvalid::NoFrequency));
        assert_eq!(check("FREQ=WEEKLY;BYDAY=XX"), Err(bad("BYDAY", "XX")));
        assert_eq!(check("FREQ=FORTNIGHTLY"), Err(bad("FREQ", "FORTNIGHTLY")));
        assert_eq!(check("FREQ=WEEKLY;COLOR=RED"), Err(RuleInvalid::UnknownPart("COLOR".into())));
        assert_eq!(check("FREQ=WEEKLY;FREQ=DAILY"), Err(RuleInvalid::Repeated("FREQ".into())));
        assert_eq!(check("FREQ=DAILY;COUNT=3;UNTIL=20270101"), Err(RuleInvalid::CountAndUntil));
        assert_eq!(check("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"), Err(RuleInvalid::NoOccurrence));
        assert_eq!(check("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1,-2"), Ok(()));
        // A local UNTIL is taken on the zone's wall clock.
        assert_eq!(check("FREQ=DAILY;UNTIL=20260110T000000"), Ok(()));
    }

    #[test]
    fn exdates_are_skipped() {
        let mut r = Recurrence::new("FREQ=WEEKLY;BYDAY=SA;COUNT=3", at(2026, 1, 3, 22, 0));
        r.exdates.push(at(2026, 1, 10, 22, 0));
        let zone = Tz::Asia__Seoul;
        let all = TimeRange::new(
            wall_clock(zone, 2026, 1, 1, 0, 0).unwrap(),
            wall_clock(zone, 2026, 2, 1, 0, 0).unwrap(),
        );
        let got: Vec<_> = r.expand(zone, 60, all).iter().map(|o| o.start).collect();
        assert_eq!(
            got,
            vec![wall_clock(zone, 2026, 1, 3, 22, 0).unwrap(), wall_clock(zone, 2026, 1, 17, 22, 0).unwrap()]
        );
    }
}
