//! The people an import names, mapped onto this database's: the one linked to the same
//! Freshservice id before, else the one with the same email or name, else a new one (a
//! placeholder named by id when the file gives no name).

use std::collections::{BTreeMap, HashMap};

use crate::domain::import::{ExternalPerson, NameSource, PersonRef};
use crate::domain::{Agent, AgentId, Department, DepartmentId, ExternalKind, ExternalLink, Group, GroupId};
use crate::model::Model;
use crate::store::Mutation;

/// One kind of people (agents, groups or departments) as an import maps them onto this database.
pub(super) struct Roster {
    kind: ExternalKind,
    /// Local id -> (name, email), as the database has them plus those this import adds.
    known: BTreeMap<i64, (String, String)>,
    /// External id -> local id, for this import.
    external: HashMap<i64, i64>,
    /// External id -> local id, as the database links them.
    linked: HashMap<i64, i64>,
    /// Lower-cased name -> local id (the lowest id with that name).
    named: HashMap<String, i64>,
    /// Lower-cased email -> local id.
    emailed: HashMap<String, i64>,
    next: i64,
    put: fn(i64, &str, &str) -> Mutation,
}

impl Roster {
    fn new(
        model: &Model,
        kind: ExternalKind,
        people: Vec<(i64, &str, &str)>,
        put: fn(i64, &str, &str) -> Mutation,
    ) -> Self {
        let mut roster = Self {
            kind,
            known: BTreeMap::new(),
            external: HashMap::new(),
            linked: model
                .external_links
                .reverse(kind)
                .into_iter()
                .map(|(local, external)| (external, local))
                .collect(),
            named: HashMap::new(),
            emailed: HashMap::new(),
            next: people.iter().map(|p| p.0).max().unwrap_or(0),
            put,
        };
        for (id, name, email) in people {
            roster.remember(id, name, email);
        }
        roster
    }

    fn remember(&mut self, id: i64, name: &str, email: &str) {
        self.named.entry(name.trim().to_lowercase()).or_insert(id);
        if !email.trim().is_empty() {
            self.emailed.entry(email.trim().to_lowercase()).or_insert(id);
        }
        self.known.insert(id, (name.to_owned(), email.to_owned()));
    }

    fn add(&mut self, name: &str, email: &str, mutations: &mut Vec<Mutation>) -> i64 {
        self.next += 1;
        let id = self.next;
        mutations.push((self.put)(id, name, email));
        self.remember(id, name, email);
        id
    }

    /// Maps a person the import names by external id: the one linked to it before (renamed if
    /// the file supplies other details), else one with the same email or name, else a new one.
    pub(super) fn bring(&mut self, person: &ExternalPerson, mutations: &mut Vec<Mutation>) {
        let ExternalPerson { external, name, email, source } = person;
        if self.external.contains_key(external) {
            return;
        }
        if let Some(&local) = self.linked.get(external).filter(|l| self.known.contains_key(l)) {
            let differs = self.known.get(&local).is_some_and(|(n, e)| n != name || e != email);
            if *source == NameSource::Supplied && differs {
                mutations.push((self.put)(local, name, email));
                self.remember(local, name, email);
            }
            self.external.insert(*external, local);
            return;
        }
        let by_email =
            (!email.trim().is_empty()).then(|| self.emailed.get(&email.trim().to_lowercase())).flatten();
        let by_name = (*source != NameSource::Placeholder)
            .then(|| self.named.get(&name.trim().to_lowercase()))
            .flatten();
        let local = match by_email.or(by_name) {
            Some(&local) => local,
            None => self.add(name, email, mutations),
        };
        mutations.push(Mutation::PutExternalLink(ExternalLink {
            kind: self.kind,
            external: *external,
            local,
        }));
        self.external.insert(*external, local);
    }

    /// The local id a reference names; a name nobody has yet becomes a new person.
    pub(super) fn resolve(
        &mut self,
        person: Option<&PersonRef>,
        mutations: &mut Vec<Mutation>,
    ) -> Option<i64> {
        match person? {
            PersonRef::External(external) => {
                if !self.external.contains_key(external) {
                    let placeholder = ExternalPerson {
                        external: *external,
                        name: format!("#{external}"),
                        email: String::new(),
                        source: NameSource::Placeholder,
                    };
                    self.bring(&placeholder, mutations);
                }
                self.external.get(external).copied()
            }
            PersonRef::Named(name) => {
                let key = name.trim().to_lowercase();
                match self.named.get(&key).or_else(|| self.emailed.get(&key)) {
                    Some(&local) => Some(local),
                    None => Some(self.add(name.trim(), "", mutations)),
                }
            }
        }
    }
}

/// The three rosters of an import.
pub(super) struct People {
    pub(super) agents: Roster,
    pub(super) groups: Roster,
    pub(super) departments: Roster,
}

impl People {
    pub(super) fn new(model: &Model) -> Self {
        let d = &model.directory;
        Self {
            agents: Roster::new(
                model,
                ExternalKind::Agent,
                d.agents.iter().map(|a| (a.id.0, a.name.as_str(), a.email.as_str())).collect(),
                |id, name, email| Mutation::PutAgent(Agent::new(AgentId(id), name, email)),
            ),
            groups: Roster::new(
                model,
                ExternalKind::Group,
                d.groups.iter().map(|g| (g.id.0, g.name.as_str(), "")).collect(),
                |id, name, _| Mutation::PutGroup(Group { id: GroupId(id), name: name.into() }),
            ),
            departments: Roster::new(
                model,
                ExternalKind::Department,
                d.departments.iter().map(|g| (g.id.0, g.name.as_str(), "")).collect(),
                |id, name, _| Mutation::PutDepartment(Department { id: DepartmentId(id), name: name.into() }),
            ),
        }
    }
}
