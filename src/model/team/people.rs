//! The people a pull brings (issue 21): agents, groups and departments a teammate added, renamed
//! or removed. They are written before the releases of the same pull, so a release never names
//! someone the file lacks; a removal is written after them, and one of a person this file still
//! names (a release the teammate did not see assigned to them, or the file's own signed-in agent)
//! is left here, with a warning, rather than refusing the whole pull or emptying the release.

use std::collections::BTreeSet;

use serde_json::{Map, Value as Json};

use crate::domain::activity::Named;
use crate::domain::{
    Activity, AgentId, DepartmentId, Directory, Field, FieldChange, GroupId, Release, Timestamp, Value,
};
use crate::model::{CommandError, Model};
use crate::store::Mutation;
use crate::store::team::change::{RecordKey, RecordKind, mutation_for};

/// The people a file holds once a pull is in.
#[derive(Debug, Default)]
pub(super) struct KnownPeople {
    agents: BTreeSet<AgentId>,
    groups: BTreeSet<GroupId>,
    departments: BTreeSet<DepartmentId>,
}

impl KnownPeople {
    /// Whether `key` is one of these people.
    fn names(&self, key: RecordKey) -> bool {
        match key.kind {
            RecordKind::Agent => self.agents.contains(&AgentId(key.id)),
            RecordKind::Group => self.groups.contains(&GroupId(key.id)),
            RecordKind::Department => self.departments.contains(&DepartmentId(key.id)),
            _ => false,
        }
    }
}

/// What a pull does to people: puts (written first), removals (written last) and the records
/// it changed.
#[derive(Debug, Default)]
pub(super) struct PulledPeople {
    pub puts: Vec<Mutation>,
    pub removals: Vec<Mutation>,
    pub known: KnownPeople,
    pub changed: Vec<RecordKey>,
}

impl PulledPeople {
    /// `directory` with the pulled people put in (a removal makes no difference to a name).
    pub fn directory_after<'a>(&self, directory: &'a Directory) -> std::borrow::Cow<'a, Directory> {
        if self.puts.is_empty() {
            return std::borrow::Cow::Borrowed(directory);
        }
        let mut after = directory.clone();
        for put in &self.puts {
            match put {
                Mutation::PutAgent(a) => put_by_id(&mut after.agents, a.clone(), |x| x.id),
                Mutation::PutGroup(g) => put_by_id(&mut after.groups, g.clone(), |x| x.id),
                Mutation::PutDepartment(d) => put_by_id(&mut after.departments, d.clone(), |x| x.id),
                _ => {}
            }
        }
        std::borrow::Cow::Owned(after)
    }
}

/// Replaces the item of `item`'s id in `items`, or adds it.
fn put_by_id<T, K: PartialEq>(items: &mut Vec<T>, item: T, id: impl Fn(&T) -> K) {
    match items.iter_mut().find(|x| id(x) == id(&item)) {
        Some(slot) => *slot = item,
        None => items.push(item),
    }
}

impl Model {
    /// Plans the pulled people (each with its value after the pull, `None`: removed); their log
    /// rows go to `activities`. A removal of someone `releases` (every release the file will
    /// hold, as pulled) or the file's signed-in agent still names is left out.
    pub(super) fn plan_pulled_people<'a>(
        &self,
        people: Vec<(RecordKey, Option<Map<String, Json>>)>,
        releases: impl Iterator<Item = &'a Release>,
        now: Timestamp,
        activities: &mut Vec<Activity>,
    ) -> Result<PulledPeople, CommandError> {
        let named = self.named_people(releases);
        let d = &self.directory;
        let mut out = PulledPeople {
            known: KnownPeople {
                agents: d.agents.iter().map(|a| a.id).collect(),
                groups: d.groups.iter().map(|g| g.id).collect(),
                departments: d.departments.iter().map(|g| g.id).collect(),
            },
            ..PulledPeople::default()
        };
        for (key, data) in people {
            let mutation =
                mutation_for(key, data).map_err(|e| CommandError::TeamData(format!("{key}: {e}")))?;
            let (old, new) = match &mutation {
                Mutation::PutAgent(a) => {
                    let old = d.agent(a.id);
                    if old == Some(a) {
                        continue;
                    }
                    out.known.agents.insert(a.id);
                    let named = |name: &str| Value::Agent(Named::new(a.id, name.to_owned()));
                    (old.map(|o| named(&o.name)), Some(named(&a.name)))
                }
                Mutation::PutGroup(g) => {
                    let old = d.group(g.id);
                    if old == Some(g) {
                        continue;
                    }
                    out.known.groups.insert(g.id);
                    let named = |name: &str| Value::Group(Named::new(g.id, name.to_owned()));
                    (old.map(|o| named(&o.name)), Some(named(&g.name)))
                }
                Mutation::PutDepartment(p) => {
                    let old = d.department(p.id);
                    if old == Some(p) {
                        continue;
                    }
                    out.known.departments.insert(p.id);
                    let named = |name: &str| Value::Department(Named::new(p.id, name.to_owned()));
                    (old.map(|o| named(&o.name)), Some(named(&p.name)))
                }
                Mutation::RemoveAgent(_) | Mutation::RemoveGroup(_) | Mutation::RemoveDepartment(_)
                    if named.names(key) =>
                {
                    log::warn!("a teammate removed {key}, whom this file still names: kept here");
                    continue;
                }
                Mutation::RemoveAgent(id) => {
                    let Some(old) = d.agent(*id) else { continue };
                    out.known.agents.remove(id);
                    (Some(Value::Agent(Named::new(*id, old.name.clone()))), None)
                }
                Mutation::RemoveGroup(id) => {
                    let Some(old) = d.group(*id) else { continue };
                    out.known.groups.remove(id);
                    (Some(Value::Group(Named::new(*id, old.name.clone()))), None)
                }
                Mutation::RemoveDepartment(id) => {
                    let Some(old) = d.department(*id) else { continue };
                    out.known.departments.remove(id);
                    let old = Value::Department(Named::new(*id, old.name.clone()));
                    (Some(old), None)
                }
                _ => return Err(CommandError::TeamData(format!("{key} is not a person"))),
            };
            let change = match (old, new) {
                (Some(old), None) => FieldChange::removed(Field::Name, old),
                (old, Some(new)) => FieldChange::new(Field::Name, old.unwrap_or(Value::None), new),
                (None, None) => continue,
            };
            activities.push(super::pull::pulled_activity(None, now, vec![change]));
            out.changed.push(key);
            match mutation {
                Mutation::RemoveAgent(_) | Mutation::RemoveGroup(_) | Mutation::RemoveDepartment(_) => {
                    out.removals.push(mutation);
                }
                put => out.puts.push(put),
            }
        }
        Ok(out)
    }

    /// `release` with the agent, group and department this file will not have left empty.
    pub(super) fn with_known_people(&self, mut release: Release, known: &KnownPeople) -> Release {
        if release.agent_id.is_some_and(|a| !known.agents.contains(&a)) {
            log::warn!(
                "release #{} names agent {:?}, unknown here: left empty",
                release.id.0,
                release.agent_id
            );
            release.agent_id = None;
        }
        if release.group_id.is_some_and(|g| !known.groups.contains(&g)) {
            log::warn!(
                "release #{} names group {:?}, unknown here: left empty",
                release.id.0,
                release.group_id
            );
            release.group_id = None;
        }
        if release.department_id.is_some_and(|d| !known.departments.contains(&d)) {
            log::warn!("release #{} names a department unknown here: left empty", release.id.0);
            release.department_id = None;
        }
        release
    }

    /// The people `releases` or the file's signed-in agent name.
    fn named_people<'a>(&self, releases: impl Iterator<Item = &'a Release>) -> KnownPeople {
        let mut named = KnownPeople::default();
        named.agents.extend(self.settings.current_agent);
        for release in releases {
            named.agents.extend(release.agent_id);
            named.groups.extend(release.group_id);
            named.departments.extend(release.department_id);
        }
        named
    }
}
