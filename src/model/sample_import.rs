//! "Load sample data": the sample's people mapped onto this database's by name, and its releases,
//! notes, tasks, time entries, Changes, CIs, readiness, stage histories, back-out plans, impact
//! analyses and reviews moved past every id already used, all in one command.

use std::collections::HashMap;

use super::plan::{Effect, KEY_CURRENT_AGENT};
use super::{CommandError, Model, SampleCommand};
use crate::domain::VoteSubject;
use crate::domain::release::validate_release;
use crate::domain::sample::SampleData;
use crate::domain::sample::lifecycle::SampleLifecycle;
use crate::domain::{
    ActivityKind, Agent, AgentId, Department, DepartmentId, Directory, Field, FieldChange, Group, GroupId,
    Note, ReleaseId, Task, TaskFields, TimeEntry, Value,
};
use crate::store::{CabMutation, Mutation, RegulatorMutation};

/// Sample ids -> ids in this database.
#[derive(Default)]
struct PeopleRemap {
    agents: HashMap<AgentId, AgentId>,
    groups: HashMap<GroupId, GroupId>,
    departments: HashMap<DepartmentId, DepartmentId>,
}

impl Model {
    /// Validates one of the sample commands and works out its effect. Changes nothing.
    pub(super) fn plan_sample(
        &self,
        command: SampleCommand,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        match command {
            SampleCommand::Load { data, force } => self.plan_sample_import(data, force, effect),
        }
    }

    /// Validates loading `data` and works out its effect. Changes nothing.
    fn plan_sample_import(
        &self,
        data: SampleData,
        force: bool,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        if !force && self.releases.iter().any(|r| !r.is_deleted()) {
            return Err(CommandError::SampleNeedsEmptyDatabase);
        }
        let remap = self.sample_people(&data.directory, effect);
        let offset = self.release_high_water;
        self.plan_sample_work(&data, offset, &remap, effect);
        let (change_offset, item_offset) = self.sample_registry_offsets();
        self.plan_sample_schedule(&data.schedule, &remap.groups, item_offset, effect);
        for mut release in data.releases {
            release.id = ReleaseId(release.id.0 + offset);
            release.associated_change_ids.iter_mut().for_each(|c| *c = c.offset(change_offset));
            release.assets.iter_mut().for_each(|c| *c = c.offset(item_offset));
            release.agent_id = release.agent_id.and_then(|a| remap.agents.get(&a).copied());
            release.group_id = release.group_id.and_then(|g| remap.groups.get(&g).copied());
            release.department_id = release.department_id.and_then(|d| remap.departments.get(&d).copied());
            validate_release(&release)?;
            let subject = FieldChange::added(Field::Subject, Value::text(release.subject.clone()));
            let mut activity =
                self.activity(Some(release.id), release.created_at, ActivityKind::Created, vec![subject]);
            activity.actor = release.agent_id;
            effect.activities.push(activity);
            effect.mutations.push(Mutation::PutRelease(release));
        }
        self.plan_sample_lifecycle(data.lifecycle, offset, &remap.agents, effect);
        let release = |id: ReleaseId| ReleaseId(id.0 + offset);
        for (id, plan) in data.records.backout {
            effect.mutations.push(Mutation::PutBackout { release: release(id), plan });
        }
        for (id, impact) in data.records.impact {
            effect.mutations.push(Mutation::PutImpact { release: release(id), impact });
        }
        for (id, mut review) in data.records.reviews {
            review.reviewer = review.reviewer.and_then(|a| remap.agents.get(&a).copied());
            effect.mutations.push(Mutation::PutReview { release: release(id), review });
        }
        let me = data.current_agent.and_then(|a| remap.agents.get(&a).copied());
        if let (None, Some(me)) = (self.settings.current_agent, me) {
            effect
                .mutations
                .push(Mutation::PutSetting { key: KEY_CURRENT_AGENT.into(), value: me.0.to_string() });
        }
        Ok(())
    }

    /// Maps the sample's agents, groups and departments onto existing ones with the same name,
    /// adding the rest with fresh ids.
    fn sample_people(&self, sample: &Directory, effect: &mut Effect) -> PeopleRemap {
        let here = &self.directory;
        PeopleRemap {
            agents: remap_by_name(
                &here.agents,
                &sample.agents,
                |a| (a.id.0, a.name.as_str()),
                |a, id| Mutation::PutAgent(Agent { id: AgentId(id), ..a.clone() }),
                &mut effect.mutations,
            )
            .into_iter()
            .map(|(from, to)| (AgentId(from), AgentId(to)))
            .collect(),
            groups: remap_by_name(
                &here.groups,
                &sample.groups,
                |g| (g.id.0, g.name.as_str()),
                |g, id| Mutation::PutGroup(Group { id: GroupId(id), name: g.name.clone() }),
                &mut effect.mutations,
            )
            .into_iter()
            .map(|(from, to)| (GroupId(from), GroupId(to)))
            .collect(),
            departments: remap_by_name(
                &here.departments,
                &sample.departments,
                |d| (d.id.0, d.name.as_str()),
                |d, id| Mutation::PutDepartment(Department { id: DepartmentId(id), name: d.name.clone() }),
                &mut effect.mutations,
            )
            .into_iter()
            .map(|(from, to)| (DepartmentId(from), DepartmentId(to)))
            .collect(),
        }
    }

    /// The sample's notes, tasks and time entries, moved onto the ids the sample gets here.
    fn plan_sample_work(&self, data: &SampleData, offset: i64, remap: &PeopleRemap, effect: &mut Effect) {
        let release = |id: ReleaseId| ReleaseId(id.0 + offset);
        let agent = |a: Option<crate::domain::AgentId>| a.and_then(|a| remap.agents.get(&a).copied());
        let group = |g: Option<crate::domain::GroupId>| g.and_then(|g| remap.groups.get(&g).copied());
        let note_base = self.notes.last().map_or(0, |n| n.id.0);
        for n in &data.notes {
            effect.mutations.push(Mutation::PutNote(Note {
                id: n.id.offset(note_base),
                release_id: release(n.release_id),
                author: agent(n.author),
                ..n.clone()
            }));
        }
        let task_base = self.tasks.last().map_or(0, |t| t.id.0);
        for t in &data.tasks {
            let fields = TaskFields {
                agent_id: agent(t.fields.agent_id),
                group_id: group(t.fields.group_id),
                ..t.fields.clone()
            };
            effect.mutations.push(Mutation::PutTask(Task {
                id: t.id.offset(task_base),
                release_id: release(t.release_id),
                fields,
                ..t.clone()
            }));
        }
        let entry_base = self.time_entries.last().map_or(0, |e| e.id.0);
        for e in &data.time_entries {
            effect.mutations.push(Mutation::PutTimeEntry(TimeEntry {
                id: e.id.offset(entry_base),
                release_id: release(e.release_id),
                agent_id: agent(e.agent_id),
                ..e.clone()
            }));
        }
    }

    /// How far the sample's Change and CI ids are shifted: past every id already used.
    fn sample_registry_offsets(&self) -> (i64, i64) {
        (self.registry.next_change_id().0 - 1, self.registry.next_config_item_id().0 - 1)
    }

    /// Adds the sample's Changes, CIs, CABs with their votes and meetings, readiness and stage histories, with
    /// ids shifted like the releases' (`release_offset`) and agents mapped to this database's.
    fn plan_sample_lifecycle(
        &self,
        lifecycle: SampleLifecycle,
        release_offset: i64,
        agents: &HashMap<AgentId, AgentId>,
        effect: &mut Effect,
    ) {
        let (change_offset, item_offset) = self.sample_registry_offsets();
        let SampleLifecycle { registry, readiness, stage_history, cabs, monitoring, regulators } = lifecycle;
        self.plan_sample_regulators(regulators, release_offset, agents, effect);
        let cab_offset = self.cabs.next_cab_id().0 - 1;
        for mut change in registry.changes {
            change.id = change.id.offset(change_offset);
            change.cab = change.cab.map(|c| c.offset(cab_offset));
            effect.mutations.push(Mutation::PutChange(change));
        }
        for mut cab in cabs.cabs {
            cab.id = cab.id.offset(cab_offset);
            cab.members = cab.members.iter().filter_map(|a| agents.get(a).copied()).collect();
            cab.chair = cab.chair.and_then(|a| agents.get(&a).copied());
            effect.mutations.push(Mutation::Cab(CabMutation::PutCab(cab)));
        }
        for mut vote in cabs.votes {
            let Some(agent) = agents.get(&vote.agent).copied() else { continue };
            vote.agent = agent;
            vote.subject = match vote.subject {
                VoteSubject::Change(id) => VoteSubject::Change(id.offset(change_offset)),
                VoteSubject::GoNoGo(id) => VoteSubject::GoNoGo(ReleaseId(id.0 + release_offset)),
            };
            effect.mutations.push(Mutation::Cab(CabMutation::PutVote(vote)));
        }
        let meeting_offset = self.cabs.next_meeting_id().0 - 1;
        let release = |id: ReleaseId| ReleaseId(id.0 + release_offset);
        for mut meeting in cabs.meetings {
            meeting.id = meeting.id.offset(meeting_offset);
            meeting.cab = meeting.cab.offset(cab_offset);
            meeting.attendees = meeting.attendees.iter().filter_map(|a| agents.get(a).copied()).collect();
            for item in &mut meeting.agenda {
                item.release = release(item.release);
            }
            for decision in &mut meeting.decisions {
                decision.release = release(decision.release);
                for action in &mut decision.actions {
                    action.owner = action.owner.and_then(|a| agents.get(&a).copied());
                }
            }
            effect.mutations.push(Mutation::Cab(CabMutation::PutMeeting(meeting)));
        }
        for mut item in registry.config_items {
            item.id = item.id.offset(item_offset);
            effect.mutations.push(Mutation::PutConfigItem(item));
        }
        for (id, mut readiness) in readiness {
            for risk in &mut readiness.risks {
                risk.owner = risk.owner.and_then(|a| agents.get(&a).copied());
            }
            effect
                .mutations
                .push(Mutation::PutReadiness { release: ReleaseId(id.0 + release_offset), readiness });
        }
        let entry_offset = self.stage_history.last().map_or(0, |e| e.id.0);
        for mut entry in stage_history {
            entry.id = entry.id.offset(entry_offset);
            entry.release_id = ReleaseId(entry.release_id.0 + release_offset);
            entry.actor = entry.actor.and_then(|a| agents.get(&a).copied());
            effect.mutations.push(Mutation::PutStageEntry(entry));
        }
        let reading_offset = self.monitoring.next_reading_id().0 - 1;
        for mut reading in monitoring.readings {
            reading.id = reading.id.offset(reading_offset);
            reading.release = ReleaseId(reading.release.0 + release_offset);
            reading.recorded_by = reading.recorded_by.and_then(|a| agents.get(&a).copied());
            effect
                .mutations
                .push(Mutation::Monitoring(crate::store::MonitoringMutation::PutReading(reading)));
        }
        for mut threshold in monitoring.thresholds {
            threshold.release = ReleaseId(threshold.release.0 + release_offset);
            effect
                .mutations
                .push(Mutation::Monitoring(crate::store::MonitoringMutation::PutThreshold(threshold)));
        }
    }

    /// Adds the sample's regulator step with its approvals: step ids shifted past those in use,
    /// releases like the others (`release_offset`), the recorder mapped to this database's agent.
    fn plan_sample_regulators(
        &self,
        regulators: crate::domain::Regulators,
        release_offset: i64,
        agents: &HashMap<AgentId, AgentId>,
        effect: &mut Effect,
    ) {
        let step_offset = self.regulators.next_step_id().0 - 1;
        for mut step in regulators.steps {
            step.id = step.id.offset(step_offset);
            effect.mutations.push(Mutation::Regulator(RegulatorMutation::PutStep(step)));
        }
        for mut approval in regulators.approvals {
            let Some(agent) = agents.get(&approval.recorded_by).copied() else { continue };
            approval.recorded_by = agent;
            approval.step = approval.step.offset(step_offset);
            approval.release = ReleaseId(approval.release.0 + release_offset);
            effect.mutations.push(Mutation::Regulator(RegulatorMutation::PutApproval(approval)));
        }
    }
}

/// Maps each incoming entry onto an existing one with the same name, or adds it (pushing its
/// `Put…` mutation) under a fresh id after the highest in use. Returns incoming id -> id here.
fn remap_by_name<T>(
    existing: &[T],
    incoming: &[T],
    key: impl Fn(&T) -> (i64, &str),
    put: impl Fn(&T, i64) -> Mutation,
    mutations: &mut Vec<Mutation>,
) -> Vec<(i64, i64)> {
    let mut next = existing.iter().map(|x| key(x).0).max().unwrap_or(0);
    incoming
        .iter()
        .map(|item| {
            let (from, name) = key(item);
            let to = match existing.iter().find(|x| key(x).1 == name) {
                Some(found) => key(found).0,
                None => {
                    next += 1;
                    mutations.push(put(item, next));
                    next
                }
            };
            (from, to)
        })
        .collect()
}
