//! Release KPIs by calendar month, against targets (definitions in `docs/kpi.md`).
//!
//! A release is *closed in month M* when it is not deleted and its `closed_at` falls in M, in the
//! given time zone. Rates of a month with no closed releases are `None`: no data, neither 0 % nor
//! 100 %. Everything here is pure: releases, a month range, targets, filters and a time zone in;
//! a [`KpiReport`] out.
//!
//! One file per part: `month` (months and ranges), `targets` (the KPIs, their targets and DORA's
//! tiers), `delivery` (the metrics read from the stage histories), `strip` (a one-line summary
//! for other documents).

mod delivery;
mod month;
mod strip;
mod targets;

use chrono::TimeZone;

pub use delivery::{DeliveryStats, median, p90_of_sorted};
pub use month::{MAX_MONTHS, MonthRange, RangeInvalid, YearMonth};
pub use strip::{StripEntry, strip};
pub use targets::{
    DoraTier, Kpi, KpiTargets, KpiUnit, MAX_TARGET_HOURS, TargetInvalid, dora_bounds, dora_tier,
};

use super::ids::{GroupId, Timestamp};
use super::release::{Release, ReleaseType};
use super::stage::StageEntry;

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
    /// Closed and rolled back at least once or with outcome failed (the change failure rate's
    /// numerator).
    pub failed_changes: u32,
    /// What the stage histories say (deployments, lead, recovery and hot-fix times).
    pub delivery: DeliveryStats,
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
        if release.outcome == Some(super::Outcome::Failed) || release.rollback_count >= 1 {
            self.failed_changes += 1;
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

    /// Adds `other`'s counts; the delivery figures are pooled separately (medians do not add).
    fn merge(&mut self, other: &Self) {
        self.closed += other.closed;
        self.failed_changes += other.failed_changes;
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

    /// `failed_changes / closed`.
    pub fn change_failure_rate(&self) -> Option<f64> {
        share(self.failed_changes, self.closed)
    }

    /// The value of `kpi` for these counts. Downtime is always known (0 h without releases);
    /// so are deployments (a count, 0 in a month without any).
    pub fn value(&self, kpi: Kpi) -> Option<f64> {
        match kpi {
            Kpi::SuccessRate => self.success_rate(),
            Kpi::RollbackRate => self.rollback_rate(),
            Kpi::DeployTime => self.deploy_time_overrun(),
            Kpi::Downtime => Some(self.downtime_hours()),
            Kpi::Deployments => Some(f64::from(self.delivery.deployments)),
            Kpi::LeadTime => self.delivery.lead_time_median,
            Kpi::ChangeFailureRate => self.change_failure_rate(),
            Kpi::RecoveryTime => self.delivery.recovery_median,
            Kpi::HotfixLeadTime => self.delivery.hotfix_median,
        }
    }

    /// `(numerator, denominator)` behind `kpi`'s value, for hover texts: for the times, how
    /// many were measured of how many there were.
    pub fn fraction(&self, kpi: Kpi) -> (u32, u32) {
        let d = &self.delivery;
        match kpi {
            Kpi::SuccessRate => (self.successful, self.closed),
            Kpi::RollbackRate => (self.rolled_back, self.closed),
            Kpi::DeployTime => (self.within_10pct, self.timed),
            Kpi::Downtime => (self.closed, self.closed),
            Kpi::Deployments => (d.deployments, d.deployments),
            Kpi::LeadTime => (d.first_deployed, d.first_deployed),
            Kpi::ChangeFailureRate => (self.failed_changes, self.closed),
            Kpi::RecoveryTime => (d.recovered, d.rollbacks),
            Kpi::HotfixLeadTime => (d.hotfix_within, d.hotfixes),
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
    /// The month had ended when the report was made; an unfinished month is never judged.
    pub finished: bool,
}

impl MonthKpi {
    /// The month's value of `kpi`, `None` without data: no rate without closed releases, no
    /// median without events, and no downtime figure in a month where nothing closed (0 h of
    /// downtime is only a result when some release closed). Deployments are a count: 0 is data.
    pub fn value(&self, kpi: Kpi) -> Option<f64> {
        match kpi {
            Kpi::Downtime if self.counts.closed == 0 => None,
            _ => self.counts.value(kpi),
        }
    }
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
    /// The period's value of `kpi`: the pooled rate (or median) over every release closed (or
    /// event) in the period, and for downtime and deployments the mean a month (their targets
    /// are monthly ones).
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

    /// Whether a month meets the target; `None` for a month with no value or not yet over.
    pub fn month_meets(&self, month: &MonthKpi, kpi: Kpi) -> Option<bool> {
        if !month.finished {
            return None;
        }
        month.value(kpi).map(|v| self.targets.meets(kpi, v))
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
        Kpi::Deployments => Some(f64::from(counts.delivery.deployments) / months.max(1) as f64),
        _ => counts.value(kpi),
    }
}

/// Computes the monthly series and totals of `range` (and of the period before it) over the
/// releases that match `filter` and their stage histories (`stages`, any order), with months
/// taken in time zone `tz`. Months not over at `now` are not judged against the targets.
pub fn compute<Tz: TimeZone>(
    releases: &[Release],
    stages: &[StageEntry],
    range: MonthRange,
    targets: KpiTargets,
    filter: KpiFilter,
    now: Timestamp,
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
    let samples = delivery::samples(releases, stages, filter, 2 * len, slot);
    let hotfix_target = targets.hotfix_lead_time_hours;
    for (c, s) in counts.iter_mut().zip(&samples) {
        c.delivery = s.stats(hotfix_target);
    }
    let mut open = 0_i64;
    let months: Vec<MonthKpi> = range
        .months()
        .enumerate()
        .map(|(k, month)| {
            open += open_delta[k];
            let finished = bounds[len + k + 1] <= now;
            MonthKpi { month, counts: counts[len + k], open_at_end: open.max(0) as u32, finished }
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
    let pooled = |slots: &[delivery::Samples]| {
        let mut all = delivery::Samples::default();
        for s in slots {
            all.extend(s);
        }
        all.stats(hotfix_target)
    };
    total.delivery = pooled(&samples[len..]);
    before.delivery = pooled(&samples[..len]);
    KpiReport { range, targets, filter, months, total, previous: before }
}

/// The indices into `releases` behind a month's number for `kpi`: the releases closed in
/// `month` that match `filter` (for deployment time, only those with both work dates),
/// oldest close first; for the delivery metrics, the releases with the event in the month
/// (see `delivery::releases_behind`), oldest event first.
pub fn releases_behind<Tz: TimeZone>(
    releases: &[Release],
    stages: &[StageEntry],
    month: YearMonth,
    kpi: Kpi,
    filter: KpiFilter,
    tz: &Tz,
) -> Vec<usize> {
    let (start, end) = (month.start_in(tz), month.plus(1).start_in(tz));
    if matches!(kpi, Kpi::Deployments | Kpi::LeadTime | Kpi::RecoveryTime | Kpi::HotfixLeadTime) {
        return delivery::releases_behind(releases, stages, filter, kpi, (start, end));
    }
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
}
