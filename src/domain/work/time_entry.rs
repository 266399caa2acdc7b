//! Time tracking on a release: entries of time spent ("hh:mm", Freshservice's `time_spent`), and
//! timers whose start is stored, so a running timer keeps running across restarts.
//! Pure arithmetic: parsing and formatting hh:mm, elapsed time, totals.

use serde::{Deserialize, Serialize};

use crate::domain::ids::{AgentId, ReleaseId, TimeEntryId, Timestamp};

/// One time entry. While `timer_start` is set the timer runs, and the time spent is `minutes`
/// plus the time since `timer_start`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeEntry {
    pub id: TimeEntryId,
    pub release_id: ReleaseId,
    pub agent_id: Option<AgentId>,
    pub note: String,
    /// Time logged so far, not counting a running timer.
    pub minutes: u32,
    pub executed_at: Timestamp,
    pub billable: bool,
    /// When the running timer started; `None` when stopped.
    pub timer_start: Option<Timestamp>,
    pub created_at: Timestamp,
}

/// The most time one entry may hold: 9999 hours.
pub const MAX_MINUTES: u32 = 9_999 * 60 + 59;

impl TimeEntry {
    pub fn is_running(&self) -> bool {
        self.timer_start.is_some()
    }

    /// Seconds spent at `now`, a running timer included.
    pub fn spent_seconds(&self, now: Timestamp) -> i64 {
        i64::from(self.minutes) * 60 + self.timer_start.map_or(0, |start| elapsed_seconds(start, now))
    }

    /// Whole minutes spent at `now`, a running timer included.
    pub fn spent_minutes(&self, now: Timestamp) -> u32 {
        minutes_capped(self.spent_seconds(now) / 60)
    }

    /// The entry as it is once its timer is stopped at `now`: the elapsed time is added.
    pub fn stopped(&self, now: Timestamp) -> Self {
        Self { minutes: self.spent_minutes(now), timer_start: None, ..self.clone() }
    }
}

fn minutes_capped(minutes: i64) -> u32 {
    u32::try_from(minutes.clamp(0, i64::from(MAX_MINUTES))).unwrap_or(MAX_MINUTES)
}

/// Seconds from `start` to `now`; never negative (a clock set back counts as no time).
pub fn elapsed_seconds(start: Timestamp, now: Timestamp) -> i64 {
    (now - start).num_seconds().max(0)
}

/// Total minutes of `entries` at `now`, running timers included.
pub fn total_minutes<'a>(entries: impl IntoIterator<Item = &'a TimeEntry>, now: Timestamp) -> i64 {
    entries.into_iter().map(|e| e.spent_seconds(now)).sum::<i64>() / 60
}

/// Why a time spent text is not acceptable.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TimeSpentInvalid {
    #[error("enter the time spent as hh:mm")]
    Empty,
    #[error("\"{0}\" is not hh:mm (for example 01:30)")]
    NotHhMm(String),
    #[error("minutes must be 00 to 59")]
    MinutesOver59,
    #[error("at most 9999:59 can be logged at once")]
    TooLong,
    #[error("the time spent must be more than 00:00")]
    Zero,
}

/// Parses `hh:mm` (`1:30`, `01:30`, `120:05`) into minutes. A bare number is hours (`2` = 02:00).
pub fn parse_hhmm(text: &str) -> Result<u32, TimeSpentInvalid> {
    let text = text.trim();
    if text.is_empty() {
        return Err(TimeSpentInvalid::Empty);
    }
    let bad = || TimeSpentInvalid::NotHhMm(text.to_owned());
    let (hours, minutes) = match text.split_once(':') {
        Some((h, m)) => (h, m),
        None => (text, "0"),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 6 && s.chars().all(|c| c.is_ascii_digit());
    if !digits(hours) || !digits(minutes) || minutes.len() > 2 {
        return Err(bad());
    }
    let hours: u32 = hours.parse().map_err(|_| bad())?;
    let minutes: u32 = minutes.parse().map_err(|_| bad())?;
    if minutes > 59 {
        return Err(TimeSpentInvalid::MinutesOver59);
    }
    if hours > 9_999 {
        return Err(TimeSpentInvalid::TooLong);
    }
    let total = hours * 60 + minutes;
    if total == 0 {
        return Err(TimeSpentInvalid::Zero);
    }
    Ok(total)
}

/// Minutes as Freshservice's `time_spent`: `01:30`, `120:05`.
pub fn format_hhmm(minutes: i64) -> String {
    let m = minutes.max(0);
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// Seconds as a running clock: `01:02:03`.
pub fn format_clock(seconds: i64) -> String {
    let s = seconds.max(0);
    format!("{:02}:{:02}:{:02}", s / 3600, (s % 3600) / 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone as _};

    #[test]
    fn hhmm_parses_and_formats() {
        assert_eq!(parse_hhmm("1:30"), Ok(90));
        assert_eq!(parse_hhmm(" 01:05 "), Ok(65));
        assert_eq!(parse_hhmm("120:00"), Ok(7200));
        assert_eq!(parse_hhmm("2"), Ok(120));
        assert_eq!(parse_hhmm("0:01"), Ok(1));
        assert_eq!(parse_hhmm(""), Err(TimeSpentInvalid::Empty));
        assert_eq!(parse_hhmm("1:60"), Err(TimeSpentInvalid::MinutesOver59));
        assert_eq!(parse_hhmm("0:00"), Err(TimeSpentInvalid::Zero));
        assert_eq!(parse_hhmm("10000:00"), Err(TimeSpentInvalid::TooLong));
        for bad in ["1:3:0", "abc", "-1:00", "1:", ":30", "1.5", "1:234", "１:30", "1 :30"] {
            assert!(matches!(parse_hhmm(bad), Err(TimeSpentInvalid::NotHhMm(_))), "{bad}");
        }
        assert_eq!(format_hhmm(90), "01:30");
        assert_eq!(format_hhmm(7205), "120:05");
        assert_eq!(format_hhmm(-5), "00:00");
        assert_eq!(format_clock(3723), "01:02:03");
        for m in [1, 59, 60, 61, 599_999] {
            assert_eq!(parse_hhmm(&format_hhmm(m)), Ok(m as u32));
        }
    }

    #[test]
    fn a_running_timer_counts_from_its_start() {
        let t0 = chrono::Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).single().expect("date");
        let entry = TimeEntry {
            id: TimeEntryId(1),
            release_id: ReleaseId(1),
            agent_id: None,
            note: String::new(),
            minutes: 30,
            executed_at: t0,
            billable: true,
            timer_start: Some(t0),
            created_at: t0,
        };
        let later = t0 + Duration::minutes(95) + Duration::seconds(40);
        assert_eq!(entry.spent_minutes(later), 125);
        assert_eq!(entry.spent_seconds(later), 30 * 60 + 95 * 60 + 40);
        assert_eq!(entry.spent_minutes(t0 - Duration::hours(1)), 30, "a clock set back adds nothing");
        let stopped = entry.stopped(later);
        assert!(!stopped.is_running());
        assert_eq!(stopped.minutes, 125);
        assert_eq!(stopped.spent_minutes(later + Duration::hours(5)), 125, "a stopped timer stays");
        assert_eq!(total_minutes([&entry, &stopped], later), 250);
    }
}
