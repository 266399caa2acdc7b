//! Calendar months and month ranges, the buckets every KPI is counted in.

use std::fmt;

use chrono::{Datelike as _, NaiveDate, TimeZone};

use crate::domain::ids::Timestamp;

/// A calendar month, `2026-11`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    /// 1..=12.
    pub month: u32,
}

impl YearMonth {
    /// `None` unless `month` is 1..=12 and the year is 1..=9999.
    pub fn new(year: i32, month: u32) -> Option<Self> {
        ((1..=12).contains(&month) && (1..=9999).contains(&year)).then_some(Self { year, month })
    }

    /// Parses `YYYY-MM`.
    pub fn parse(text: &str) -> Option<Self> {
        let (year, month) = text.trim().split_once('-')?;
        if year.len() != 4 || month.len() != 2 {
            return None;
        }
        Self::new(year.parse().ok()?, month.parse().ok()?)
    }

    /// The month `t` falls in, in time zone `tz`.
    pub fn of<Tz: TimeZone>(t: Timestamp, tz: &Tz) -> Self {
        let local = t.with_timezone(tz);
        Self { year: local.year(), month: local.month() }
    }

    /// Months since year 0, for arithmetic.
    fn index(self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month) - 1
    }

    fn from_index(index: i64) -> Self {
        Self { year: index.div_euclid(12) as i32, month: index.rem_euclid(12) as u32 + 1 }
    }

    /// This month moved by `months` (negative goes back).
    pub fn plus(self, months: i64) -> Self {
        Self::from_index(self.index() + months)
    }

    /// How many months from `self` to `later` (negative when `later` is earlier).
    pub fn months_until(self, later: Self) -> i64 {
        later.index() - self.index()
    }

    /// The first instant of the month in time zone `tz`, in UTC.
    pub fn start_in<Tz: TimeZone>(self, tz: &Tz) -> Timestamp {
        let date = NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or_default();
        let midnight = date.and_time(chrono::NaiveTime::MIN);
        match tz.from_local_datetime(&midnight).earliest() {
            Some(t) => t.to_utc(),
            // Midnight skipped by a clock change: the month starts one hour later.
            None => tz
                .from_local_datetime(&(midnight + chrono::Duration::hours(1)))
                .earliest()
                .map_or_else(|| midnight.and_utc(), |t| t.to_utc()),
        }
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// Consecutive calendar months, `from..=to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MonthRange {
    pub from: YearMonth,
    pub to: YearMonth,
}

/// The longest range the KPIs are computed over (ten years).
pub const MAX_MONTHS: i64 = 120;

/// Why a month range is not acceptable.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RangeInvalid {
    #[error("the first month {from} is after the last month {to}")]
    Reversed { from: YearMonth, to: YearMonth },
    #[error("the period has {0} months; at most 120 are allowed")]
    TooLong(i64),
}

impl MonthRange {
    /// `from..=to`, refusing a reversed or over-long range.
    pub fn new(from: YearMonth, to: YearMonth) -> Result<Self, RangeInvalid> {
        let len = from.months_until(to) + 1;
        if len < 1 {
            Err(RangeInvalid::Reversed { from, to })
        } else if len > MAX_MONTHS {
            Err(RangeInvalid::TooLong(len))
        } else {
            Ok(Self { from, to })
        }
    }

    /// The `count` months ending with `last` (at least one).
    pub fn last(count: u32, last: YearMonth) -> Self {
        let count = i64::from(count.clamp(1, MAX_MONTHS as u32));
        Self { from: last.plus(1 - count), to: last }
    }

    /// How many months.
    pub fn len(&self) -> usize {
        (self.from.months_until(self.to) + 1).max(0) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every month, in order.
    pub fn months(&self) -> impl Iterator<Item = YearMonth> + '_ {
        (0..self.len() as i64).map(|i| self.from.plus(i))
    }

    /// The period of the same length just before this one.
    pub fn previous(&self) -> Self {
        let len = self.len() as i64;
        Self { from: self.from.plus(-len), to: self.from.plus(-1) }
    }

    pub fn contains(&self, month: YearMonth) -> bool {
        self.from <= month && month <= self.to
    }
}
