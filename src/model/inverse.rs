//! The two halves every [`Mutation`] needs, side by side: [`Model::inverse_of`] (the mutations
//! that take stored state back, worked out before a write) and [`Model::absorb`] (what a written
//! mutation does to memory). They must agree for every variant: undo depends on it.

use std::collections::{BTreeMap, HashSet};

use super::Model;
use super::plan::parse_settings;
use crate::domain::schedule::{DeploymentWindow, Freeze};
use crate::domain::{
    Cab, CabMeeting, Change, ConfigItem, ExternalLink, Note, Release, ReleaseId, StageEntry, Task, Template,
    TimeEntry, Vote,
};
use crate::store::Mutation;
use crate::store::{CabMutation, MonitoringMutation, RegulatorMutation, ScheduleMutation};

impl Model {
    /// The mutations that undo `mutations`, from the current (before) state.
    pub(super) fn inverse_of(&self, mutations: &[Mutation]) -> Vec<Mutation> {
        let mut inverse: Vec<Mutation> = mutations
            .iter()
            .map(|m| match m {
                Mutation::PutRelease(Release { id, .. }) | Mutation::RemoveRelease(id) => {
                    match self.release(*id) {
                        Some(old) => Mutation::PutRelease(old.clone()),
                        None => Mutation::RemoveRelease(*id),
                    }
                }
                // A patch of a release that is not in memory yet (put earlier in the same effect)
                // is undone by the inverse of that put, which removes the release after it.
                Mutation::PatchRelease { id, patch } => Mutation::PatchRelease {
                    id: *id,
                    patch: self.release(*id).map_or(*patch, |old| patch.reverse_for(old)),
                },
                Mutation::RemoveAgent(id) => match self.directory.agent(*id) {
                    Some(old) => Mutation::PutAgent(old.clone()),
                    None => Mutation::RemoveAgent(*id),
                },
                Mutation::RemoveGroup(id) => match self.directory.group(*id) {
                    Some(old) => Mutation::PutGroup(old.clone()),
                    None => Mutation::RemoveGroup(*id),
                },
                Mutation::RemoveDepartment(id) => match self.directory.department(*id) {
                    Some(old) => Mutation::PutDepartment(old.clone()),
                    None => Mutation::RemoveDepartment(*id),
                },
                Mutation::PutAgent(a) => match self.directory.agent(a.id) {
                    Some(old) => Mutation::PutAgent(old.clone()),
                    None => Mutation::RemoveAgent(a.id),
                },
                Mutation::PutGroup(g) => match self.directory.group(g.id) {
                    Some(old) => Mutation::PutGroup(old.clone()),
                    None => Mutation::RemoveGroup(g.id),
                },
                Mutation::PutDepartment(d) => match self.directory.department(d.id) {
                    Some(old) => Mutation::PutDepartment(old.clone()),
                    None => Mutation::RemoveDepartment(d.id),
                },
                Mutation::PutSetting { key, .. } | Mutation::RemoveSetting(key) => {
                    match self.raw_settings.get(key) {
                        Some(value) => Mutation::PutSetting { key: key.clone(), value: value.clone() },
                        None => Mutation::RemoveSetting(key.clone()),
                    }
                }
                Mutation::PutSavedView(v) => match self.saved_view(v.id) {
                    Some(old) => Mutation::PutSavedView(old.clone()),
                    None => Mutation::RemoveSavedView(v.id),
                },
                Mutation::RemoveSavedView(id) => match self.saved_view(*id) {
                    Some(old) => Mutation::PutSavedView(old.clone()),
                    None => Mutation::RemoveSavedView(*id),
                },
                Mutation::PutNote(Note { id, .. }) | Mutation::RemoveNote(id) => match self.note(*id) {
                    Some(old) => Mutation::PutNote(old.clone()),
                    None => Mutation::RemoveNote(*id),
                },
                Mutation::PutTask(Task { id, .. }) | Mutation::RemoveTask(id) => match self.task(*id) {
                    Some(old) => Mutation::PutTask(old.clone()),
                    None => Mutation::RemoveTask(*id),
                },
                Mutation::PutTimeEntry(TimeEntry { id, .. }) | Mutation::RemoveTimeEntry(id) => {
                    match self.time_entry(*id) {
                        Some(old) => Mutation::PutTimeEntry(old.clone()),
                        None => Mutation::RemoveTimeEntry(*id),
                    }
                }
                Mutation::PutChange(Change { id, .. }) | Mutation::RemoveChange(id) => {
                    match self.registry.change(*id) {
                        Some(old) => Mutation::PutChange(old.clone()),
                        None => Mutation::RemoveChange(*id),
                    }
                }
                Mutation::PutConfigItem(ConfigItem { id, .. }) | Mutation::RemoveConfigItem(id) => {
                    match self.registry.config_item(*id) {
                        Some(old) => Mutation::PutConfigItem(old.clone()),
                        None => Mutation::RemoveConfigItem(*id),
                    }
                }
                Mutation::PutReadiness { release, .. } | Mutation::RemoveReadiness(release) => {
                    match self.readiness.get(release) {
                        Some(old) => Mutation::PutReadiness { release: *release, readiness: old.clone() },
                        None => Mutation::RemoveReadiness(*release),
                    }
                }
                Mutation::PutStageEntry(StageEntry { id, .. }) | Mutation::RemoveStageEntry(id) => {
                    match self.stage_history.binary_search_by_key(id, |e| e.id) {
                        Ok(i) => Mutation::PutStageEntry(self.stage_history[i].clone()),
                        Err(_) => Mutation::RemoveStageEntry(*id),
                    }
                }
                m @ (Mutation::PutBackout { .. }
                | Mutation::RemoveBackout(_)
                | Mutation::PutTemplate(_)
                | Mutation::RemoveTemplate(_)
                | Mutation::PutImpact { .. }
                | Mutation::RemoveImpact(_)
                | Mutation::PutReview { .. }
                | Mutation::RemoveReview(_)) => self.inverse_of_record(m),
                Mutation::PutExternalLink(ExternalLink { kind, external, .. })
                | Mutation::RemoveExternalLink { kind, external } => {
                    match self.external_links.get(*kind, *external) {
                        Some(old) => Mutation::PutExternalLink(old),
                        None => Mutation::RemoveExternalLink { kind: *kind, external: *external },
                    }
                }
                Mutation::Schedule(m) => Mutation::Schedule(self.schedule_inverse(m)),
                Mutation::Cab(m) => Mutation::Cab(self.cab_inverse(m)),
                Mutation::Monitoring(m) => Mutation::Monitoring(self.monitoring_inverse(m)),
                Mutation::Regulator(m) => Mutation::Regulator(self.regulator_inverse(m)),
                Mutation::TeamConflict { id, resolved_at } => Mutation::TeamConflict {
                    id: *id,
                    resolved_at: self
                        .team_conflicts
                        .iter()
                        .find(|c| c.id == *id)
                        .map_or(*resolved_at, |c| c.resolved_at),
                },
            })
            .collect();
        inverse.reverse();
        inverse
    }

    /// Applies written mutations to memory.
    /// The change that takes a window's or freeze's change back.
    fn schedule_inverse(&self, m: &ScheduleMutation) -> ScheduleMutation {
        use ScheduleMutation as S;
        match m {
            S::PutWindow(DeploymentWindow { id, .. }) | S::RemoveWindow(id) => {
                match self.schedule.window(*id) {
                    Some(old) => S::PutWindow(old.clone()),
                    None => S::RemoveWindow(*id),
                }
            }
            S::PutFreeze(Freeze { id, .. }) | S::RemoveFreeze(id) => match self.schedule.freeze(*id) {
                Some(old) => S::PutFreeze(old.clone()),
                None => S::RemoveFreeze(*id),
            },
        }
    }

    /// The change that takes a CAB's or a vote's change back.
    fn cab_inverse(&self, m: &CabMutation) -> CabMutation {
        use CabMutation as C;
        match m {
            C::PutCab(Cab { id, .. }) | C::RemoveCab(id) => match self.cabs.cab(*id) {
                Some(old) => C::PutCab(old.clone()),
                None => C::RemoveCab(*id),
            },
            C::PutVote(Vote { subject, agent, .. }) | C::RemoveVote { subject, agent } => {
                match self.cabs.vote(*subject, *agent) {
                    Some(old) => C::PutVote(old.clone()),
                    None => C::RemoveVote { subject: *subject, agent: *agent },
                }
            }
            C::PutMeeting(CabMeeting { id, .. }) | C::RemoveMeeting(id) => match self.cabs.meeting(*id) {
                Some(old) => C::PutMeeting(old.clone()),
                None => C::RemoveMeeting(*id),
            },
        }
    }

    /// The change that takes a regulator step's or approval's change back.
    fn regulator_inverse(&self, m: &RegulatorMutation) -> RegulatorMutation {
        use RegulatorMutation as R;
        match m {
            R::PutStep(crate::domain::RegulatorStep { id, .. }) | R::RemoveStep(id) => {
                match self.regulators.step(*id) {
                    Some(old) => R::PutStep(old.clone()),
                    None => R::RemoveStep(*id),
                }
            }
            R::PutApproval(crate::domain::RegulatorApproval { step, release, .. })
            | R::RemoveApproval { step, release } => match self.regulators.approval(*step, *release) {
                Some(old) => R::PutApproval(old.clone()),
                None => R::RemoveApproval { step: *step, release: *release },
            },
        }
    }

    /// A regulator step's or approval's change, in memory (approvals kept in release, then step
    /// order).
    fn absorb_regulator(&mut self, m: RegulatorMutation) {
        let regulators = &mut self.regulators;
        match m {
            RegulatorMutation::PutStep(s) => upsert_by(&mut regulators.steps, s, |x| x.id),
            RegulatorMutation::RemoveStep(id) => regulators.steps.retain(|x| x.id != id),
            RegulatorMutation::PutApproval(a) => {
                upsert_by(&mut regulators.approvals, a, |x| (x.release, x.step));
            }
            RegulatorMutation::RemoveApproval { step, release } => {
                regulators.approvals.retain(|x| (x.release, x.step) != (release, step));
            }
        }
    }

    /// A CAB's or a vote's change, in memory (votes kept in subject, then agent order).
    fn absorb_cab(&mut self, m: CabMutation) {
        match m {
            CabMutation::PutCab(c) => upsert_by(&mut self.cabs.cabs, c, |x| x.id),
            CabMutation::RemoveCab(id) => self.cabs.cabs.retain(|x| x.id != id),
            CabMutation::PutVote(v) => upsert_by(&mut self.cabs.votes, v, |x| (x.subject, x.agent)),
            CabMutation::RemoveVote { subject, agent } => {
                self.cabs.votes.retain(|x| (x.subject, x.agent) != (subject, agent));
            }
            CabMutation::PutMeeting(m) => upsert_by(&mut self.cabs.meetings, m, |x| x.id),
            CabMutation::RemoveMeeting(id) => self.cabs.meetings.retain(|x| x.id != id),
        }
    }

    /// The change that takes a reading's or a threshold's change back.
    fn monitoring_inverse(&self, m: &MonitoringMutation) -> MonitoringMutation {
        use MonitoringMutation as M;
        match m {
            M::PutReading(crate::domain::MetricReading { id, .. }) | M::RemoveReading(id) => {
                match self.monitoring.reading(*id) {
                    Some(old) => M::PutReading(old.clone()),
                    None => M::RemoveReading(*id),
                }
            }
            M::PutThreshold(crate::domain::MetricThreshold { release, metric, .. })
            | M::RemoveThreshold { release, metric } => {
                match self.monitoring.stored_threshold(*release, metric) {
                    Some(old) => M::PutThreshold(old.clone()),
                    None => M::RemoveThreshold { release: *release, metric: metric.clone() },
                }
            }
        }
    }

    /// A reading's or a threshold's change, in memory (thresholds kept in release, metric order).
    fn absorb_monitoring(&mut self, m: MonitoringMutation) {
        let monitoring = &mut self.monitoring;
        match m {
            MonitoringMutation::PutReading(r) => upsert_by(&mut monitoring.readings, r, |x| x.id),
            MonitoringMutation::RemoveReading(id) => monitoring.readings.retain(|x| x.id != id),
            MonitoringMutation::PutThreshold(t) => {
                upsert_by(&mut monitoring.thresholds, t, |x| (x.release, x.metric.clone()));
            }
            MonitoringMutation::RemoveThreshold { release, metric } => {
                monitoring.thresholds.retain(|x| (x.release, &x.metric) != (release, &metric));
            }
        }
    }

    /// A window's or freeze's change, in memory.
    fn absorb_schedule(&mut self, m: ScheduleMutation) {
        match m {
            ScheduleMutation::PutWindow(w) => upsert_by(&mut self.schedule.windows, w, |x| x.id),
            ScheduleMutation::RemoveWindow(id) => self.schedule.windows.retain(|x| x.id != id),
            ScheduleMutation::PutFreeze(f) => upsert_by(&mut self.schedule.freezes, f, |x| x.id),
            ScheduleMutation::RemoveFreeze(id) => self.schedule.freezes.retain(|x| x.id != id),
        }
    }

    pub(super) fn absorb(&mut self, mutations: Vec<Mutation>) {
        let mut removed: HashSet<ReleaseId> = HashSet::new();
        // Releases that are new and belong before the last one (an undone purge): merged in at
        // the end, so `self.releases` stays sorted for the binary searches meanwhile.
        let mut inserted: BTreeMap<ReleaseId, Release> = BTreeMap::new();
        let mut settings_changed = false;
        // Notes, tasks and time entries to put (`Some`) or remove (`None`), the last word per id;
        // merged once at the end so a purge of thousands of releases stays linear.
        let mut notes = BTreeMap::new();
        let mut tasks = BTreeMap::new();
        let mut time_entries = BTreeMap::new();
        let mut stage_history = BTreeMap::new();
        for mutation in mutations {
            match mutation {
                Mutation::PutRelease(release) => {
                    self.release_high_water = self.release_high_water.max(release.id.0);
                    removed.remove(&release.id);
                    match self.index_of(release.id) {
                        Some(i) => self.releases[i] = release,
                        None if self.releases.last().is_none_or(|last| last.id < release.id) => {
                            self.releases.push(release);
                        }
                        None => {
                            inserted.insert(release.id, release);
                        }
                    }
                }
                Mutation::PatchRelease { id, patch } => match self.index_of(id) {
                    Some(i) => patch.apply_to(&mut self.releases[i]),
                    None => {
                        if let Some(release) = inserted.get_mut(&id) {
                            patch.apply_to(release);
                        }
                    }
                },
                Mutation::RemoveRelease(id) => {
                    removed.insert(id);
                }
                Mutation::PutAgent(a) => upsert_by(&mut self.directory.agents, a, |x| x.id),
                Mutation::RemoveAgent(id) => self.directory.agents.retain(|x| x.id != id),
                Mutation::RemoveGroup(id) => self.directory.groups.retain(|x| x.id != id),
                Mutation::RemoveDepartment(id) => self.directory.departments.retain(|x| x.id != id),
                Mutation::PutGroup(g) => upsert_by(&mut self.directory.groups, g, |x| x.id),
                Mutation::PutDepartment(d) => upsert_by(&mut self.directory.departments, d, |x| x.id),
                Mutation::PutSetting { key, value } => {
                    self.raw_settings.insert(key, value);
                    settings_changed = true;
                }
                Mutation::RemoveSetting(key) => {
                    self.raw_settings.remove(&key);
                    settings_changed = true;
                }
                Mutation::PutSavedView(v) => upsert_by(&mut self.saved_views, v, |x| x.id),
                Mutation::RemoveSavedView(id) => self.saved_views.retain(|v| v.id != id),
                Mutation::PutNote(n) => {
                    notes.insert(n.id, Some(n));
                }
                Mutation::RemoveNote(id) => {
                    notes.insert(id, None);
                }
                Mutation::PutTask(t) => {
                    tasks.insert(t.id, Some(t));
                }
                Mutation::RemoveTask(id) => {
                    tasks.insert(id, None);
                }
                Mutation::PutTimeEntry(e) => {
                    time_entries.insert(e.id, Some(e));
                }
                Mutation::RemoveTimeEntry(id) => {
                    time_entries.insert(id, None);
                }
                Mutation::PutChange(c) => upsert_by(&mut self.registry.changes, c, |x| x.id),
                Mutation::RemoveChange(id) => self.registry.changes.retain(|x| x.id != id),
                Mutation::PutConfigItem(c) => upsert_by(&mut self.registry.config_items, c, |x| x.id),
                Mutation::RemoveConfigItem(id) => self.registry.config_items.retain(|x| x.id != id),
                Mutation::PutReadiness { release, readiness } => {
                    self.readiness.insert(release, readiness);
                }
                Mutation::RemoveReadiness(release) => {
                    self.readiness.remove(&release);
                }
                Mutation::PutStageEntry(e) => {
                    stage_history.insert(e.id, Some(e));
                }
                Mutation::RemoveStageEntry(id) => {
                    stage_history.insert(id, None);
                }
                m @ (Mutation::PutBackout { .. }
                | Mutation::RemoveBackout(_)
                | Mutation::PutTemplate(_)
                | Mutation::RemoveTemplate(_)
                | Mutation::PutImpact { .. }
                | Mutation::RemoveImpact(_)
                | Mutation::PutReview { .. }
                | Mutation::RemoveReview(_)) => self.absorb_record(m),
                Mutation::PutExternalLink(link) => self.external_links.put(link),
                Mutation::RemoveExternalLink { kind, external } => self.external_links.remove(kind, external),
                Mutation::Schedule(m) => self.absorb_schedule(m),
                Mutation::Cab(m) => self.absorb_cab(m),
                Mutation::Monitoring(m) => self.absorb_monitoring(m),
                Mutation::Regulator(m) => self.absorb_regulator(m),
                Mutation::TeamConflict { id, resolved_at } => {
                    if let Some(conflict) = self.team_conflicts.iter_mut().find(|c| c.id == id) {
                        conflict.resolved_at = resolved_at;
                    }
                }
            }
        }
        merge_by_id(&mut self.notes, notes, |n| n.id);
        merge_by_id(&mut self.tasks, tasks, |t| t.id);
        merge_by_id(&mut self.time_entries, time_entries, |e| e.id);
        merge_by_id(&mut self.stage_history, stage_history, |e| e.id);
        if !inserted.is_empty() {
            self.releases.extend(inserted.into_values());
            self.releases.sort_by_key(|r| r.id);
        }
        if !removed.is_empty() {
            self.releases.retain(|r| !removed.contains(&r.id));
        }
        if settings_changed {
            self.settings = parse_settings(&self.raw_settings);
        }
    }
}

/// Applies puts (`Some`) and removals (`None`) by id to `list`, which is kept in id order:
/// one binary search per change, then at most one `retain` and one sort.
fn merge_by_id<T, K: Ord + Copy + std::hash::Hash>(
    list: &mut Vec<T>,
    changes: BTreeMap<K, Option<T>>,
    id: impl Fn(&T) -> K,
) {
    if changes.is_empty() {
        return;
    }
    let mut removed = HashSet::new();
    let mut added = Vec::new();
    for (key, change) in changes {
        match (list.binary_search_by_key(&key, &id), change) {
            (Ok(i), Some(item)) => list[i] = item,
            (Ok(_), None) => {
                removed.insert(key);
            }
            (Err(_), Some(item)) => added.push(item),
            (Err(_), None) => {}
        }
    }
    if !removed.is_empty() {
        list.retain(|x| !removed.contains(&id(x)));
    }
    if !added.is_empty() {
        list.extend(added);
        list.sort_by_key(|x| id(x));
    }
}

fn upsert_by<T, K: PartialEq + Ord>(list: &mut Vec<T>, item: T, key: impl Fn(&T) -> K) {
    match list.iter().position(|x| key(x) == key(&item)) {
        Some(i) => list[i] = item,
        None => {
            list.push(item);
            list.sort_by_key(|x| key(x));
        }
    }
}

impl Model {
    /// The inverse of a mutation of a release's back-out plan, impact analysis or review, or of a
    /// template (the arms of `inverse_of` for the records of issue 15).
    fn inverse_of_record(&self, m: &Mutation) -> Mutation {
        match m {
            Mutation::PutBackout { release, .. } | Mutation::RemoveBackout(release) => {
                match self.backout.get(release) {
                    Some(old) => Mutation::PutBackout { release: *release, plan: old.clone() },
                    None => Mutation::RemoveBackout(*release),
                }
            }
            Mutation::PutTemplate(Template { key, .. }) | Mutation::RemoveTemplate(key) => {
                match self.templates.get(key) {
                    Some(old) => Mutation::PutTemplate(old.clone()),
                    None => Mutation::RemoveTemplate(key.clone()),
                }
            }
            Mutation::PutImpact { release, .. } | Mutation::RemoveImpact(release) => {
                match self.impact.get(release) {
                    Some(old) => Mutation::PutImpact { release: *release, impact: old.clone() },
                    None => Mutation::RemoveImpact(*release),
                }
            }
            Mutation::PutReview { release, .. } | Mutation::RemoveReview(release) => {
                match self.reviews.get(release) {
                    Some(old) => Mutation::PutReview { release: *release, review: old.clone() },
                    None => Mutation::RemoveReview(*release),
                }
            }
            // Every other mutation is inverted by `inverse_of` itself.
            other => other.clone(),
        }
    }

    /// Applies a mutation of a release's back-out plan, impact analysis or review, or of a
    /// template, to memory (the arms of `absorb` for the records of issue 15).
    fn absorb_record(&mut self, m: Mutation) {
        match m {
            Mutation::PutBackout { release, plan } => {
                self.backout.insert(release, plan);
            }
            Mutation::RemoveBackout(release) => {
                self.backout.remove(&release);
            }
            Mutation::PutTemplate(template) => {
                self.templates.insert(template.key.clone(), template);
            }
            Mutation::RemoveTemplate(key) => {
                self.templates.remove(&key);
            }
            Mutation::PutImpact { release, impact } => {
                self.impact.insert(release, impact);
            }
            Mutation::RemoveImpact(release) => {
                self.impact.remove(&release);
            }
            Mutation::PutReview { release, review } => {
                self.reviews.insert(release, review);
            }
            Mutation::RemoveReview(release) => {
                self.reviews.remove(&release);
            }
            // Every other mutation is absorbed by `absorb` itself.
            _ => {}
        }
    }
}
