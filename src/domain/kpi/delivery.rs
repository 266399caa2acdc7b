//! The delivery metrics from the stage histories: deployments (entries into Deploy), lead time
//! (creation to the first Deploy; median and 90th percentile), failed-deployment recovery time
//! (Rollback to the next Complete or Deploy; median) and the hot-fix lead time (the lead time of
//! Emergency releases; median and the share within target). Each event counts in the local
//! calendar month it happened in: a deployment and a lead time in the month of the Deploy, a
//! recovery in the month of the Rollback (even when the recovery falls in the next month).

use crate::domain::ids::{ReleaseId, Timestamp};
use crate::domain::release::{Release, ReleaseType};
use crate::domain::stage::{Stage, StageEntry};

use super::KpiFilter;

/// The delivery figures of a month, or of a whole period (pooled, not averaged).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DeliveryStats {
    /// Entries into Deploy (a redeploy after a rollback counts again).
    pub deployments: u32,
    /// Releases whose first entry into Deploy fell here.
    pub first_deployed: u32,
    pub lead_time_median: Option<f64>,
    pub lead_time_p90: Option<f64>,
    /// Entries into Rollback.
    pub rollbacks: u32,
    /// Of those, the ones followed by a Complete or a Deploy (so far).
    pub recovered: u32,
    pub recovery_median: Option<f64>,
    /// Emergency releases whose first entry into Deploy fell here.
    pub hotfixes: u32,
    pub hotfix_median: Option<f64>,
    /// Of those, the ones deployed within the hot-fix target.
    pub hotfix_within: u32,
}

impl DeliveryStats {
    /// The share of hot fixes deployed within the target; `None` without hot fixes.
    pub fn hotfix_within_share(&self) -> Option<f64> {
        (self.hotfixes > 0).then(|| f64::from(self.hotfix_within) / f64::from(self.hotfixes))
    }
}

/// The median: the middle value, or the mean of the two middle ones. `values` is sorted here.
pub fn median(values: &mut [f64]) -> Option<f64> {
    values.sort_unstable_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

/// The 90th percentile by nearest rank: the value at rank `ceil(0.9 n)` of the sorted values.
/// `values` must be sorted.
pub fn p90_of_sorted(values: &[f64]) -> Option<f64> {
    let n = values.len();
    (n > 0).then(|| values[(n * 9).div_ceil(10).max(1) - 1])
}

/// Raw samples of a month slot, before they become [`DeliveryStats`].
#[derive(Clone, Debug, Default)]
pub(super) struct Samples {
    deployments: u32,
    rollbacks: u32,
    lead: Vec<f64>,
    recovery: Vec<f64>,
    hotfix: Vec<f64>,
}

impl Samples {
    pub(super) fn extend(&mut self, other: &Self) {
        self.deployments += other.deployments;
        self.rollbacks += other.rollbacks;
        self.lead.extend_from_slice(&other.lead);
        self.recovery.extend_from_slice(&other.recovery);
        self.hotfix.extend_from_slice(&other.hotfix);
    }

    pub(super) fn stats(&self, hotfix_target_hours: f64) -> DeliveryStats {
        let mut lead = self.lead.clone();
        let lead_time_median = median(&mut lead);
        let mut recovery = self.recovery.clone();
        let mut hotfix = self.hotfix.clone();
        DeliveryStats {
            deployments: self.deployments,
            first_deployed: lead.len() as u32,
            lead_time_median,
            lead_time_p90: p90_of_sorted(&lead),
            rollbacks: self.rollbacks,
            recovered: recovery.len() as u32,
            recovery_median: median(&mut recovery),
            hotfixes: hotfix.len() as u32,
            hotfix_within: hotfix.iter().filter(|h| **h <= hotfix_target_hours + 1e-9).count() as u32,
            hotfix_median: median(&mut hotfix),
        }
    }
}

fn hours(from: Timestamp, to: Timestamp) -> f64 {
    ((to - from).num_seconds() as f64 / 3600.0).max(0.0)
}

/// The releases that count (not deleted, matching `filter`), by id for lookups.
fn counted_by_id(releases: &[Release], filter: KpiFilter) -> Vec<(ReleaseId, u32)> {
    let mut by_id: Vec<(ReleaseId, u32)> = releases
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.is_deleted() && filter.matches(r))
        .map(|(i, r)| (r.id, i as u32))
        .collect();
    // Releases are kept in id order, so this is one pass over sorted input.
    by_id.sort_unstable_by_key(|(id, _)| *id);
    by_id
}

/// Each counted release's stage entries, oldest first, kept flat: one run per release over the
/// entries (no list per release). When the entries come grouped by release and in time order
/// within each release (as the sample and an import write them), the runs point straight into
/// `stages`; otherwise one counting sort by release orders their indices.
pub(super) struct Histories<'a> {
    stages: &'a [StageEntry],
    /// `(release index, from, to)`: positions into `order`, or into `stages` when it is empty.
    runs: Vec<(u32, u32, u32)>,
    order: Vec<u32>,
}

/// One release's entries, oldest first.
#[derive(Clone)]
pub(super) enum RunEntries<'a, 'h> {
    Direct(std::slice::Iter<'a, StageEntry>),
    Ordered(&'a [StageEntry], std::slice::Iter<'h, u32>),
}

impl<'a> Iterator for RunEntries<'a, '_> {
    type Item = &'a StageEntry;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Self::Direct(entries) => entries.next(),
            Self::Ordered(stages, order) => order.next().map(|&i| &stages[i as usize]),
        }
    }
}

impl<'a> Histories<'a> {
    /// `(release index, its entries)` for every counted release with entries, by id.
    pub(super) fn iter(&self) -> impl Iterator<Item = (u32, RunEntries<'a, '_>)> + '_ {
        self.runs.iter().map(|&(index, from, to)| {
            let (from, to) = (from as usize, to as usize);
            let entries = if self.order.is_empty() {
                RunEntries::Direct(self.stages[from..to].iter())
            } else {
                RunEntries::Ordered(self.stages, self.order[from..to].iter())
            };
            (index, entries)
        })
    }
}

/// The slot in `by_id` of each entry's release (`u32::MAX`: not counted); entries of one
/// release usually sit together, so the last lookup is kept.
fn slots_of(by_id: &[(ReleaseId, u32)], stages: &[StageEntry]) -> Vec<u32> {
    let mut last: Option<(ReleaseId, u32)> = None;
    stages
        .iter()
        .map(|entry| match last {
            Some((id, slot)) if id == entry.release_id => slot,
            _ => {
                let slot = by_id
                    .binary_search_by_key(&entry.release_id, |(id, _)| *id)
                    .map_or(u32::MAX, |s| s as u32);
                last = Some((entry.release_id, slot));
                slot
            }
        })
        .collect()
}

pub(super) fn histories<'a>(
    releases: &[Release],
    stages: &'a [StageEntry],
    filter: KpiFilter,
) -> Histories<'a> {
    let by_id = counted_by_id(releases, filter);
    let slots = slots_of(&by_id, stages);
    // The fast case: each counted release's entries form one run, runs in id order, each in
    // time order. Uncounted entries may sit anywhere.
    let mut runs: Vec<(u32, u32, u32)> = Vec::new();
    let mut grouped = true;
    let mut last: Option<(u32, usize, Timestamp)> = None;
    for (i, (entry, &slot)) in stages.iter().zip(&slots).enumerate() {
        if slot == u32::MAX {
            continue;
        }
        match (last, runs.last_mut()) {
            (Some((s, j, at)), Some(run)) if s == slot => {
                // The same release: only right after its last entry, and not earlier than it.
                if j + 1 != i || entry.entered_at < at {
                    grouped = false;
                    break;
                }
                run.2 = i as u32 + 1;
            }
            // A release seen before (runs must come in id order, one per release).
            (Some((s, _, _)), _) if s > slot => {
                grouped = false;
                break;
            }
            _ => runs.push((slot, i as u32, i as u32 + 1)),
        }
        last = Some((slot, i, entry.entered_at));
    }
    if grouped {
        for run in &mut runs {
            run.0 = by_id[run.0 as usize].1;
        }
        return Histories { stages, runs, order: Vec::new() };
    }
    // Any order: a counting sort of the entries' indices by slot, then by time within a run.
    let mut starts = vec![0_u32; by_id.len() + 1];
    for &slot in slots.iter().filter(|s| **s != u32::MAX) {
        starts[slot as usize + 1] += 1;
    }
    for k in 1..starts.len() {
        starts[k] += starts[k - 1];
    }
    let mut next = starts.clone();
    let mut order = vec![0_u32; starts[by_id.len()] as usize];
    for (i, &slot) in slots.iter().enumerate().filter(|(_, s)| **s != u32::MAX) {
        order[next[slot as usize] as usize] = i as u32;
        next[slot as usize] += 1;
    }
    let mut runs = Vec::new();
    for (slot, window) in starts.windows(2).enumerate() {
        let (from, to) = (window[0], window[1]);
        if from == to {
            continue;
        }
        let run = &mut order[from as usize..to as usize];
        // Stable: entries at the same instant keep the order they were made in.
        if !run.is_sorted_by_key(|&i| stages[i as usize].entered_at) {
            run.sort_by_key(|&i| stages[i as usize].entered_at);
        }
        runs.push((by_id[slot].1, from, to));
    }
    Histories { stages, runs, order }
}

/// The delivery samples of each month slot (`slot` maps an instant to its slot, or `None`
/// outside the months computed).
pub(super) fn samples(
    releases: &[Release],
    stages: &[StageEntry],
    filter: KpiFilter,
    slots: usize,
    slot: impl Fn(Timestamp) -> Option<usize>,
) -> Vec<Samples> {
    let mut out = vec![Samples::default(); slots];
    let histories = histories(releases, stages, filter);
    for (index, entries) in histories.iter() {
        let release = &releases[index as usize];
        let mut deployed = false;
        let mut rollback: Option<(Timestamp, Option<usize>)> = None;
        for entry in entries {
            match entry.stage {
                Stage::Deploy => {
                    let at = slot(entry.entered_at);
                    if let Some(s) = at {
                        out[s].deployments += 1;
                    }
                    if !deployed {
                        deployed = true;
                        let lead = hours(release.created_at, entry.entered_at);
                        if let Some(s) = at {
                            out[s].lead.push(lead);
                            if release.release_type == ReleaseType::Emergency {
                                out[s].hotfix.push(lead);
                            }
                        }
                    }
                }
                Stage::Rollback => {
                    let at = slot(entry.entered_at);
                    if let Some(s) = at {
                        out[s].rollbacks += 1;
                    }
                    rollback = Some((entry.entered_at, at));
                    continue;
                }
                _ => {}
            }
            if matches!(entry.stage, Stage::Deploy | Stage::Complete)
                && let Some((started, at)) = rollback.take()
                && let Some(s) = at
            {
                out[s].recovery.push(hours(started, entry.entered_at));
            }
        }
    }
    out
}

/// The releases behind a month's delivery number, as indices into `releases`: those with an
/// entry into Deploy in `[start, end)` (deployments), first deployed then (lead time; for the
/// hot-fix lead time only Emergency releases), or rolled back then (recovery time).
pub(super) fn releases_behind(
    releases: &[Release],
    stages: &[StageEntry],
    filter: KpiFilter,
    kpi: super::Kpi,
    (start, end): (Timestamp, Timestamp),
) -> Vec<usize> {
    use super::Kpi;
    let inside = |t: Timestamp| start <= t && t < end;
    let mut rows: Vec<(Timestamp, usize)> = Vec::new();
    let histories = histories(releases, stages, filter);
    for (index, entries) in histories.iter() {
        let release = &releases[index as usize];
        let first_deploy = entries.clone().find(|e| e.stage == Stage::Deploy).map(|e| e.entered_at);
        let when = match kpi {
            Kpi::Deployments => entries.clone().find(|e| e.stage == Stage::Deploy && inside(e.entered_at)),
            Kpi::RecoveryTime => entries.clone().find(|e| e.stage == Stage::Rollback && inside(e.entered_at)),
            Kpi::HotfixLeadTime if release.release_type != ReleaseType::Emergency => None,
            _ => entries.clone().find(|e| Some(e.entered_at) == first_deploy && inside(e.entered_at)),
        };
        if let Some(entry) = when {
            rows.push((entry.entered_at, index as usize));
        }
    }
    rows.sort_by_key(|(at, i)| (*at, releases[*i].id));
    rows.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_percentiles_by_hand() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [3.0]), Some(3.0));
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), Some(2.5));
        let sorted: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(p90_of_sorted(&sorted), Some(9.0));
        assert_eq!(p90_of_sorted(&[1.0, 2.0]), Some(2.0));
        assert_eq!(p90_of_sorted(&[5.0]), Some(5.0));
    }
}
