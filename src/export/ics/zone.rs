//! VTIMEZONE components: a zone's UTC offsets as RFC 5545 wants them beside a `DTSTART;TZID=`,
//! written as the zone's actual transitions (found from the time zone database) over the years a
//! calendar covers, so a reader needs no time zone database of its own.

use chrono::{Datelike as _, Duration, NaiveDate, Offset as _, TimeZone as _};
use chrono_tz::OffsetComponents as _;

use super::fold;
use crate::domain::Timestamp;
use crate::domain::schedule::{TimeRange, Tz};

/// A UTC offset in seconds east of UTC, and whether it is daylight time.
type Offset = (i32, bool);

/// The offset and whether it is daylight time, at `t`.
fn offset_at(zone: Tz, t: Timestamp) -> Offset {
    let offset = zone.offset_from_utc_datetime(&t.naive_utc());
    (offset.fix().local_minus_utc(), !offset.dst_offset().is_zero())
}

/// `+0900`, `-0430`.
fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("{sign}{:02}{:02}", minutes / 60, minutes % 60)
}

/// The instants the offset changes in `from..to` (to the minute), with the offsets either side.
fn transitions(zone: Tz, from: Timestamp, to: Timestamp) -> Vec<(Timestamp, Offset, Offset)> {
    let mut out = Vec::new();
    let mut t = from;
    let mut before = offset_at(zone, t);
    while t < to {
        let next = t + Duration::hours(6);
        let after = offset_at(zone, next);
        if after != before {
            // The change is in (t, next]: narrow it down to the minute.
            let (mut low, mut high) = (t, next);
            while high - low > Duration::minutes(1) {
                let mid = low + (high - low) / 2;
                if offset_at(zone, mid) == before { low = mid } else { high = mid }
            }
            out.push((high, before, after));
            before = after;
        }
        t = next;
    }
    out
}

/// A VTIMEZONE for `zone`, with its transitions from three years before `range` to two after.
pub(super) fn vtimezone(zone: Tz, range: TimeRange) -> String {
    let year = |t: Timestamp, by: i32| {
        NaiveDate::from_ymd_opt(t.year() + by, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map_or(t, |d| chrono::Utc.from_utc_datetime(&d))
    };
    let (from, to) = (year(range.from, -3), year(range.to, 2));
    let first = offset_at(zone, from);
    let mut lines =
        vec!["BEGIN:VTIMEZONE".to_owned(), format!("TZID:{}", zone.name()), component(first, first, from)];
    lines.extend(
        transitions(zone, from, to).into_iter().map(|(at, before, after)| component(before, after, at)),
    );
    lines.push("END:VTIMEZONE".to_owned());
    lines.iter().map(|l| if l.contains("\r\n") { l.clone() } else { fold(l) }).collect()
}

/// One STANDARD or DAYLIGHT part: from `at` (written on the wall clock before it), `after` holds.
fn component(before: Offset, after: Offset, at: Timestamp) -> String {
    let kind = if after.1 { "DAYLIGHT" } else { "STANDARD" };
    let local = at.naive_utc() + Duration::seconds(i64::from(before.0));
    [
        format!("BEGIN:{kind}"),
        format!("DTSTART:{}", local.format("%Y%m%dT%H%M%S")),
        format!("TZOFFSETFROM:{}", offset_text(before.0)),
        format!("TZOFFSETTO:{}", offset_text(after.0)),
        format!("END:{kind}"),
    ]
    .iter()
    .map(|l| fold(l))
    .collect()
}
