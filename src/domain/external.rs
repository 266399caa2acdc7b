//! Records that came from another system (Freshservice): which local agent, group, department,
//! note, task or time entry stands for which id over there, so a re-import finds them again
//! instead of adding them twice. A release keeps its own external id on itself
//! (`Release::external_id`); everything else is linked here.

use std::collections::BTreeMap;

use super::registry::string_coded;

string_coded!(
    /// What kind of record an external id belongs to.
    ExternalKind {
        Agent = "agent",
        Group = "group",
        Department = "department",
        Note = "note",
        Task = "task",
        TimeEntry = "time_entry",
    }
);

/// One link: the record of `kind` with id `external` over there is local record `local` here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct ExternalLink {
    pub kind: ExternalKind,
    pub external: i64,
    pub local: i64,
}

/// Every link, by kind and external id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExternalLinks {
    links: BTreeMap<(ExternalKind, i64), i64>,
}

impl ExternalLinks {
    /// The local id of the record of `kind` known over there as `external`.
    pub fn local(&self, kind: ExternalKind, external: i64) -> Option<i64> {
        self.links.get(&(kind, external)).copied()
    }

    /// The external id of local record `local` of `kind` (a linear search: exports ask once per
    /// record kind and build a map with [`ExternalLinks::reverse`]).
    pub fn reverse(&self, kind: ExternalKind) -> BTreeMap<i64, i64> {
        self.links
            .iter()
            .filter(|((k, _), _)| *k == kind)
            .map(|((_, external), local)| (*local, *external))
            .collect()
    }

    /// Adds or replaces a link.
    pub fn put(&mut self, link: ExternalLink) {
        self.links.insert((link.kind, link.external), link.local);
    }

    /// Removes the link of `kind` and `external`, if any.
    pub fn remove(&mut self, kind: ExternalKind, external: i64) {
        self.links.remove(&(kind, external));
    }

    /// The link of `kind` and `external`, if any.
    pub fn get(&self, kind: ExternalKind, external: i64) -> Option<ExternalLink> {
        self.local(kind, external).map(|local| ExternalLink { kind, external, local })
    }

    /// Every link, in (kind, external id) order.
    pub fn iter(&self) -> impl Iterator<Item = ExternalLink> + '_ {
        self.links.iter().map(|(&(kind, external), &local)| ExternalLink { kind, external, local })
    }

    pub fn is_empty(&self) -> bool {
        self.links.is_empty()
    }

    pub fn len(&self) -> usize {
        self.links.len()
    }
}

impl FromIterator<ExternalLink> for ExternalLinks {
    fn from_iter<I: IntoIterator<Item = ExternalLink>>(iter: I) -> Self {
        let mut links = Self::default();
        for link in iter {
            links.put(link);
        }
        links
    }
}
