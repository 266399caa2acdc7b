//! Release KPIs by calendar month, against targets (definitions in `docs/kpi.md`).
//!
//! A release is *closed in month M* when it is not deleted and its `closed_at` falls in M, in the
//! given time zone. Rates of a month with no closed releases are `None`: no data, neither 0 % nor
//! 100 %. Everything here is pure: releases, a month range, targets, filters and a time zone in;
//! a [`KpiReport`] out.

use std::fmt;

use chrono::{Datelike as _, NaiveDate, TimeZone};
use serde::{Deserialize, Serialize};

use super::ids::{GroupId, Timestamp};
use super::release::{Release, ReleaseType};

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

/// The four KPIs with targets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kpi {
    SuccessRate,
    RollbackRate,
    DeployTime,
    Downtime,
}

impl Kpi {
    pub const ALL: [Self; 4] = [Self::SuccessRate, Self::RollbackRate, Self::DeployTime, Self::Downtime];

    /// The command-line and file name: `success-rate`, `rollback-rate`, `deploy-time`, `downtime`.
    pub fn slug(self) -> &'static str {
        match self {
            Self::SuccessRate => "success-rate",
            Self::RollbackRate => "rollback-rate",
            Self::DeployTime => "deploy-time",
            Self::Downtime => "downtime",
        }
    }

    pub fn from_slug(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.slug() == text.trim().to_lowercase())
    }

    /// True when a higher value is better (only the success rate).
    pub fn higher_is_better(self) -> bool {
        self == Self::SuccessRate
    }

    /// True when the value is a fraction shown as a percentage (all but downtime, in hours).
    pub fn is_percentage(self) -> bool {
        self != Self::Downtime
    }
}

/// What each KPI should be. Rates are fractions (0.95 = 95 %); downtime is hours a month.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct KpiTargets {
    /// The success rate should be above this.
    pub success_rate: f64,
    /// The rollback rate should be below this.
    pub rollback_rate: f64,
    /// The mean deployment time overrun should be below this.
    pub deploy_time_overrun: f64,
    /// Downtime should be below this many hours a month.
    pub downtime_hours: f64,
}

impl Default for KpiTargets {
    /// The brief's targets: success > 95 %, rollback < 5 %, overrun < 10 %, downtime < 4 h a month.
    fn default() -> Self {
        Self { success_rate: 0.95, rollback_rate: 0.05, deploy_time_overrun: 0.10, downtime_hours: 4.0 }
    }
}

/// Why a target is not acceptable.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TargetInvalid {
    #[error("the success rate target must be between 0 % and 100 %")]
    SuccessRateOutOfRange,
    #[error("the rollback rate target must be between 0 % and 100 %")]
    RollbackRateOutOfRange,
    #[error("the deployment time target must be between 0 % and 1000 %")]
    OverrunOutOfRange,
    #[error("the downtime target must be between 0 and 744 hours a month")]
    DowntimeOutOfRange,
}

impl KpiTargets {
    /// Checks every target is a finite value in its range.
    pub fn validate(&self) -> Result<(), TargetInvalid> {
        let fraction = |v: f64| v.is_finite() && (0.0..=1.0).contains(&v);
        if !fraction(self.success_rate) {
            return Err(TargetInvalid::SuccessRateOutOfRange);
        }
        if !fraction(self.rollback_rate) {
            return Err(TargetInvalid::RollbackRateOutOfRange);
        }
        if !(self.deploy_time_overrun.is_finite() && (0.0..=10.0).contains(&self.deploy_time_overrun)) {
            return Err(TargetInvalid::OverrunOutOfRange);
        }
        if !(self.downtime_hours.is_finite() && (0.0..=744.0).contains(&self.downtime_hours)) {
            return Err(TargetInvalid::DowntimeOutOfRange);
        }
        Ok(())
    }

    /// The target of `kpi`, in the KPI's unit (fraction or hours a month).
    pub fn target(&self, kpi: Kpi) -> f64 {
        match kpi {
            Kpi::SuccessRate => self.success_rate,
            Kpi::RollbackRate => self.rollback_rate,
            Kpi::DeployTime => self.deploy_time_overrun,
            Kpi::Downtime => self.downtime_hours,
        }
    }

    pub fn set_target(&mut self, kpi: Kpi, value: f64) {
        match kpi {
            Kpi::SuccessRate => self.success_rate = value,
            Kpi::RollbackRate => self.rollback_rate = value,
            Kpi::DeployTime => self.deploy_time_overrun = value,
            Kpi::Downtime => self.downtime_hours = value,
        }
    }

    /// Whether `value` meets the target: strictly above it for the success rate, strictly
    /// below it for the others.
    pub fn meets(&self, kpi: Kpi, value: f64) -> bool {
        if kpi.higher_is_better() { value > self.target(kpi) } else { value < self.target(kpi) }
    }
}

/// Which releases count: all, or one group's, or one type's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct KpiFilter {
    pub group: Option<GroupId>,
    pub release_type: Option<ReleaseType>,
}

impl KpiFilter {
    pub fn matches(&self, release: &Release) -> bool {
        self.group.is_none_or(|g| release.group_id == Some(g))
            && self.release_type.is_none_or(|t| release.release_type == t)
    }
}

/// The share of a release's planned duration its work overran: `actual / planned - 1`
/// (`-0.2` = finished in 80 % of the planned time). `None` without both work dates.
pub fn overrun(release: &Release) -> Option<f64> {
    let (start, end) = (release.work_start?, release.work_end?);
    let planned = release.planned.duration().num_milliseconds();
    if planned <= 0 {
        return None;
    }
    Some((end - start).num_milliseconds() as f64 / planned as f64 - 1.0)
}

/// Overruns up to this share count as "within 10 %".
pub const WITHIN_SHARE: f64 = 0.10;

/// Counts over the releases closed in a month (or a whole period).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct KpiCounts {
    /// Releases closed.
    pub closed: u32,
    /// Closed with outcome successful and never rolled back.
    pub successful: u32,
    /// Closed with a rollback count of 1 or more.
    pub rolled_back: u32,
    /// Closed with outcome failed.
    pub failed: u32,
    /// Closed with both work dates (all four dates known).
    pub timed: u32,
    /// Of those, how many overran by at most 10 %.
    pub within_10pct: u32,
    /// Sum of the timed releases' overruns.
    pub overrun_sum: f64,
    pub downtime_minutes: u64,
    /// Closed, by release type (Minor, Standard, Major, Emergency).
    pub by_type: [u32; 4],
}

fn share(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) / f64::from(whole))
}

impl KpiCounts {
    fn add(&mut self, release: &Release) {
        self.closed += 1;
        if release.outcome == Some(super::Outcome::Successful) && release.rollback_count == 0 {
            self.successful += 1;
        }
        if release.rollback_count >= 1 {
            self.rolled_back += 1;
        }
        if release.outcome == Some(super::Outcome::Failed) {
            self.failed += 1;
        }
        if let Some(overrun) = overrun(release) {
            self.timed += 1;
            self.overrun_sum += overrun;
            if overrun <= WITHIN_SHARE + 1e-12 {
                self.within_10pct += 1;
            }
        }
        self.downtime_minutes += u64::from(release.downtime_minutes);
        self.by_type[usize::from(release.release_type.code().saturating_sub(1)).min(3)] += 1;
    }

    fn merge(&mut self, other: &Self) {
        self.closed += other.closed;
        self.successful += other.successful;
        self.rolled_back += other.rolled_back;
        self.failed += other.failed;
        self.timed += other.timed;
        self.within_10pct += other.within_10pct;
        self.overrun_sum += other.overrun_sum;
        self.downtime_minutes += other.downtime_minutes;
        for (a, b) in self.by_type.iter_mut().zip(other.by_type) {
            *a += b;
        }
    }

    /// `successful / closed`.
    pub fn success_rate(&self) -> Option<f64> {
        share(self.successful, self.closed)
    }

    /// `rolled_back / closed`.
    pub fn rollback_rate(&self) -> Option<f64> {
        share(self.rolled_back, self.closed)
    }

    /// The mean overrun of the timed releases.
    pub fn deploy_time_overrun(&self) -> Option<f64> {
        (self.timed > 0).then(|| self.overrun_sum / f64::from(self.timed))
    }

    /// The share of timed releases that overran by at most 10 %.
    pub fn within_10pct_share(&self) -> Option<f64> {
        share(self.within_10pct, self.timed)
    }

    pub fn downtime_hours(&self) -> f64 {
        self.downtime_minutes as f64 / 60.0
    }

    /// The share of closed releases that were emergency releases.
    pub fn emergency_share(&self) -> Option<f64> {
        share(self.by_type[3], self.closed)
    }

    /// Closed releases of one type.
    pub fn closed_of(&self, release_type: ReleaseType) -> u32 {
        self.by_type[usize::from(release_type.code().saturating_sub(1)).min(3)]
    }

    /// The value of `kpi` for these counts. Downtime is always known (0 h without releases).
    pub fn value(&self, kpi: Kpi) -> Option<f64> {
        match kpi {
            Kpi::SuccessRate => self.success_rate(),
            Kpi::RollbackRate => self.rollback_rate(),
            Kpi::DeployTime => self.deploy_time_overrun(),
            Kpi::Downtime => Some(self.downtime_hours()),
        }
    }

    /// `(numerator, denominator)` behind `kpi`'s value, for hover texts.
    pub fn fraction(&self, kpi: Kpi) -> (u32, u32) {
        match kpi {
            Kpi::SuccessRate => (self.successful, self.closed),
            Kpi::RollbackRate => (self.rolled_back, self.closed),
            Kpi::DeployTime => (self.within_10pct, self.timed),
            Kpi::Downtime => (self.closed, self.closed),
        }
    }
}

/// One month of the series.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MonthKpi {
    pub month: YearMonth,
    pub counts: KpiCounts,
    /// Releases created by the end of the month and not closed by then (deleted ones left out).
    pub open_at_end: u32,
}

/// The KPIs of a period: the monthly series, the period's totals, and the period before.
#[derive(Clone, Debug, PartialEq)]
pub struct KpiReport {
    pub range: MonthRange,
    pub targets: KpiTargets,
    pub filter: KpiFilter,
    pub months: Vec<MonthKpi>,
    /// All releases closed in the period.
    pub total: KpiCounts,
    /// All releases closed in the period of the same length just before.
    pub previous: KpiCounts,
}

impl KpiReport {
    /// The period's value of `kpi`: the pooled rate over every release closed in the period, and
    /// for downtime the mean hours a month (the target is a monthly one).
    pub fn period_value(&self, kpi: Kpi) -> Option<f64> {
        period_value(&self.total, kpi, self.range.len())
    }

    /// The same for the period before.
    pub fn previous_value(&self, kpi: Kpi) -> Option<f64> {
        period_value(&self.previous, kpi, self.range.len())
    }

    /// Change against the period before, in the KPI's unit; `None` when either has no value.
    pub fn change(&self, kpi: Kpi) -> Option<f64> {
        Some(self.period_value(kpi)? - self.previous_value(kpi)?)
    }

    /// Whether the period meets the target; `None` without a value.
    pub fn period_meets(&self, kpi: Kpi) -> Option<bool> {
        self.period_value(kpi).map(|v| self.targets.meets(kpi, v))
    }

    /// Whether a month meets the target; `None` for a month with no value.
    pub fn month_meets(&self, month: &MonthKpi, kpi: Kpi) -> Option<bool> {
        month.counts.value(kpi).map(|v| self.targets.meets(kpi, v))
    }

    /// The months that miss the target of `kpi`.
    pub fn months_off_target(&self, kpi: Kpi) -> usize {
        self.months.iter().filter(|m| self.month_meets(m, kpi) == Some(false)).count()
    }

    pub fn month(&self, month: YearMonth) -> Option<&MonthKpi> {
        self.months.iter().find(|m| m.month == month)
    }
}

fn period_value(counts: &KpiCounts, kpi: Kpi, months: usize) -> Option<f64> {
    match kpi {
        Kpi::Downtime => Some(counts.downtime_hours() / months.max(1) as f64),
        _ => counts.value(kpi),
    }
}

/// Computes the monthly series and totals of `range` (and of the period before it) over the
/// releases that match `filter`, with months taken in time zone `tz`.
pub fn compute<Tz: TimeZone>(
    releases: &[Release],
    range: MonthRange,
    targets: KpiTargets,
    filter: KpiFilter,
    tz: &Tz,
) -> KpiReport {
    let previous = range.previous();
    let len = range.len();
    // Month starts from the previous period's first month to just after the range: 2 * len + 1.
    let bounds: Vec<Timestamp> = (0..=2 * len as i64).map(|i| previous.from.plus(i).start_in(tz)).collect();
    let slot = |t: Timestamp| -> Option<usize> {
        let after = bounds.partition_point(|b| *b <= t);
        (after >= 1 && after < bounds.len()).then(|| after - 1)
    };
    let mut counts = vec![KpiCounts::default(); 2 * len];
    // open[k] - open[k-1] changes, over the range's months only.
    let mut open_delta = vec![0_i64; len + 1];
    for release in releases {
        if release.is_deleted() || !filter.matches(release) {
            continue;
        }
        if let Some(i) = release.closed_at.and_then(slot) {
            counts[i].add(release);
        }
        // Month k of the range (bounds index len + k) ends at bounds[len + k + 1].
        let ends = &bounds[len + 1..];
        let first = ends.partition_point(|end| *end <= release.created_at);
        let until = release.closed_at.map_or(len, |closed| ends.partition_point(|end| *end <= closed));
        if first < until {
            open_delta[first] += 1;
            open_delta[until] -= 1;
        }
    }
    let mut open = 0_i64;
    let months: Vec<MonthKpi> = range
        .months()
        .enumerate()
        .map(|(k, month)| {
            open += open_delta[k];
            MonthKpi { month, counts: counts[len + k], open_at_end: open.max(0) as u32 }
        })
        .collect();
    let mut total = KpiCounts::default();
    for m in &months {
        total.merge(&m.counts);
    }
    let mut before = KpiCounts::default();
    for c in &counts[..len] {
        before.merge(c);
    }
    KpiReport { range, targets, filter, months, total, previous: before }
}

/// The indices into `releases` behind a month's number for `kpi`: the releases closed in
/// `month` that match `filter` (for deployment time, only those with both work dates),
/// oldest close first.
pub fn releases_behind<Tz: TimeZone>(
    releases: &[Release],
    month: YearMonth,
    kpi: Kpi,
    filter: KpiFilter,
    tz: &Tz,
) -> Vec<usize> {
    let (start, end) = (month.start_in(tz), month.plus(1).start_in(tz));
    let mut rows: Vec<usize> = releases
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            !r.is_deleted()
                && filter.matches(r)
                && r.closed_at.is_some_and(|t| start <= t && t < end)
                && (kpi != Kpi::DeployTime || overrun(r).is_some())
        })
        .map(|(i, _)| i)
        .collect();
    rows.sort_by_key(|&i| (releases[i].closed_at, releases[i].id));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_parse_and_move() {
        let m = YearMonth::parse("2026-11").expect("month");
        assert_eq!(m.to_string(), "2026-11");
        assert_eq!(m.plus(2).to_string(), "2027-01");
        assert_eq!(m.plus(-11).to_string(), "2025-12");
        assert_eq!(YearMonth::parse("2026-13"), None);
        assert_eq!(YearMonth::parse("2026-1"), None);
        assert_eq!(YearMonth::parse("26-11"), None);
        let range = MonthRange::last(12, m);
        assert_eq!(range.from.to_string(), "2025-12");
        assert_eq!(range.len(), 12);
        assert_eq!(range.previous().to.to_string(), "2025-11");
        assert_eq!(range.previous().len(), 12);
        assert!(MonthRange::new(m, m.plus(-1)).is_err());
    }

    #[test]
    fn targets_compare_strictly() {
        let t = KpiTargets::default();
        assert!(t.meets(Kpi::SuccessRate, 0.96));
        assert!(!t.meets(Kpi::SuccessRate, 0.95));
        assert!(t.meets(Kpi::RollbackRate, 0.0));
        assert!(!t.meets(Kpi::Downtime, 4.0));
        assert!(t.validate().is_ok());
        assert!(KpiTargets { success_rate: 1.5, ..t }.validate().is_err());
        assert!(KpiTargets { downtime_hours: f64::NAN, ..t }.validate().is_err());
    }
}
