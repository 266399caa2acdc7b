//! The two small registries a release links to: Changes (with their CAB approval and risk) and
//! configuration items (CIs: servers, applications, databases, services, ...), each CI with its
//! criticality and the CIs it depends on (no cycles: [`check_depends_on`]).

use serde::{Deserialize, Serialize};

use super::ids::{CabId, ChangeId, ConfigItemId};

/// The longest Change subject or CI name accepted.
pub const NAME_MAX_CHARS: usize = 255;

/// Defines a string-coded enum with `ALL`, `code()` and `from_code()`.
macro_rules! string_coded {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [Self] = &[$(Self::$variant,)+];

            /// The stored and JSON name.
            pub fn code(self) -> &'static str {
                match self {
                    $(Self::$variant => $code,)+
                }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.code() == code)
            }
        }
    };
}
pub(crate) use string_coded;

string_coded!(
    /// Where a Change stands with the Change Advisory Board.
    CabApproval {
        Pending = "pending",
        Approved = "approved",
        Rejected = "rejected",
    }
);

string_coded!(
    /// The risk a Change carries, as assessed for the CAB.
    ChangeRisk {
        Low = "low",
        Medium = "medium",
        High = "high",
    }
);

string_coded!(
    /// What kind of configuration item a CI is.
    CiKind {
        Server = "server",
        Application = "application",
        Database = "database",
        Service = "service",
        Network = "network",
        Other = "other",
    }
);

string_coded!(
    /// How critical a configuration item is to the business.
    Criticality {
        Low = "low",
        Medium = "medium",
        High = "high",
        Critical = "critical",
    }
);

impl Default for Criticality {
    /// A CI nobody rated yet.
    fn default() -> Self {
        Self::Medium
    }
}

/// A Change from change management, shown as `CHG-7`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub id: ChangeId,
    pub subject: String,
    /// The approval set by hand: what a Change without a CAB stands at, and (shown as "recorded
    /// before CABs") what a file from before CABs held. A Change with a CAB ignores it: its
    /// approval is derived from the votes (`domain::cab`).
    #[serde(alias = "approval")]
    pub recorded_approval: CabApproval,
    pub risk: ChangeRisk,
    /// The CAB that decides this Change, if any.
    #[serde(default)]
    pub cab: Option<CabId>,
}

/// A configuration item (CI) a release deploys to or changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfigItem {
    pub id: ConfigItemId,
    pub name: String,
    pub kind: CiKind,
    #[serde(default)]
    pub criticality: Criticality,
    /// The CIs this one needs to work (a service depends on its database); in id order.
    #[serde(default)]
    pub depends_on: Vec<ConfigItemId>,
}

impl ConfigItem {
    /// A CI of medium criticality that depends on nothing.
    pub fn new(id: ConfigItemId, name: impl Into<String>, kind: CiKind) -> Self {
        Self { id, name: name.into(), kind, criticality: Criticality::default(), depends_on: Vec::new() }
    }
}

/// Every Change and CI, each kept in id order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registry {
    pub changes: Vec<Change>,
    pub config_items: Vec<ConfigItem>,
}

impl Registry {
    pub fn change(&self, id: ChangeId) -> Option<&Change> {
        self.changes.binary_search_by_key(&id, |c| c.id).ok().map(|i| &self.changes[i])
    }

    pub fn config_item(&self, id: ConfigItemId) -> Option<&ConfigItem> {
        self.config_items.binary_search_by_key(&id, |c| c.id).ok().map(|i| &self.config_items[i])
    }

    /// The id the next new Change gets.
    pub fn next_change_id(&self) -> ChangeId {
        ChangeId(self.changes.last().map_or(1, |c| c.id.0 + 1))
    }

    /// The id the next new CI gets.
    pub fn next_config_item_id(&self) -> ConfigItemId {
        ConfigItemId(self.config_items.last().map_or(1, |c| c.id.0 + 1))
    }
}

/// Why a Change or CI is not acceptable.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RegistryInvalid {
    #[error("the name is empty")]
    NameEmpty,
    #[error("the name has {0} characters; at most 255 are allowed")]
    NameTooLong(usize),
    #[error("a configuration item cannot depend on itself")]
    SelfDependency,
    #[error("CI-{0} already depends on this one; a dependency cycle is not allowed")]
    DependencyCycle(ConfigItemId),
}

/// Checks that `item` may depend on `depends_on`: not on itself, and on nothing that (directly or
/// through others) depends on `item` already. Unknown ids are the caller's to refuse.
pub fn check_depends_on(
    registry: &Registry,
    item: ConfigItemId,
    depends_on: &[ConfigItemId],
) -> Result<(), RegistryInvalid> {
    if depends_on.contains(&item) {
        return Err(RegistryInvalid::SelfDependency);
    }
    for &start in depends_on {
        // Walk what `start` needs; reaching `item` closes a cycle.
        let mut seen = std::collections::BTreeSet::new();
        let mut stack = vec![start];
        while let Some(id) = stack.pop() {
            if id == item {
                return Err(RegistryInvalid::DependencyCycle(start));
            }
            if seen.insert(id)
                && let Some(ci) = registry.config_item(id)
            {
                stack.extend(ci.depends_on.iter().copied());
            }
        }
    }
    Ok(())
}

/// Checks a Change subject or CI name: 1..=255 characters after trimming.
pub fn validate_name(name: &str) -> Result<(), RegistryInvalid> {
    let chars = name.trim().chars().count();
    if chars == 0 {
        Err(RegistryInvalid::NameEmpty)
    } else if chars > NAME_MAX_CHARS {
        Err(RegistryInvalid::NameTooLong(chars))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_lookups() {
        for a in CabApproval::ALL {
            assert_eq!(CabApproval::from_code(a.code()), Some(*a));
        }
        for k in CiKind::ALL {
            assert_eq!(CiKind::from_code(k.code()), Some(*k));
        }
        for c in Criticality::ALL {
            assert_eq!(Criticality::from_code(c.code()), Some(*c));
        }
        let registry = Registry {
            changes: vec![
                Change {
                    id: ChangeId(1),
                    subject: "a".into(),
                    recorded_approval: CabApproval::Approved,
                    risk: ChangeRisk::Low,
                    cab: None,
                },
                Change {
                    id: ChangeId(4),
                    subject: "b".into(),
                    recorded_approval: CabApproval::Pending,
                    risk: ChangeRisk::High,
                    cab: None,
                },
            ],
            config_items: vec![],
        };
        assert_eq!(registry.next_change_id(), ChangeId(5));
        assert_eq!(registry.next_config_item_id(), ConfigItemId(1));
        assert_eq!(validate_name("  "), Err(RegistryInvalid::NameEmpty));
    }

    #[test]
    fn dependencies_have_no_cycles() {
        let ci = |id: i64, depends_on: &[i64]| ConfigItem {
            depends_on: depends_on.iter().copied().map(ConfigItemId).collect(),
            ..ConfigItem::new(ConfigItemId(id), format!("ci {id}"), CiKind::Service)
        };
        // 3 (service) -> 2 (app) -> 1 (database).
        let registry = Registry { changes: vec![], config_items: vec![ci(1, &[]), ci(2, &[1]), ci(3, &[2])] };
        assert_eq!(
            check_depends_on(&registry, ConfigItemId(1), &[ConfigItemId(1)]),
            Err(RegistryInvalid::SelfDependency)
        );
        assert_eq!(
            check_depends_on(&registry, ConfigItemId(1), &[ConfigItemId(3)]),
            Err(RegistryInvalid::DependencyCycle(ConfigItemId(3)))
        );
        assert_eq!(check_depends_on(&registry, ConfigItemId(3), &[ConfigItemId(1)]), Ok(()));
    }
}
