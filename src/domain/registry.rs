//! The two small registries a release links to: Changes (with their CAB approval and risk) and
//! configuration items (CIs: servers, applications, databases, services, ...).

use serde::{Deserialize, Serialize};

use super::ids::{ChangeId, ConfigItemId};

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

/// A Change from change management, shown as `CHG-7`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub id: ChangeId,
    pub subject: String,
    pub approval: CabApproval,
    pub risk: ChangeRisk,
}

/// A configuration item (CI) a release deploys to or changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfigItem {
    pub id: ConfigItemId,
    pub name: String,
    pub kind: CiKind,
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

    /// The linked Changes (of `ids`) that are not CAB-approved, unknown ones included.
    pub fn unapproved(&self, ids: &[ChangeId]) -> Vec<ChangeId> {
        ids.iter()
            .copied()
            .filter(|id| self.change(*id).is_none_or(|c| c.approval != CabApproval::Approved))
            .collect()
    }
}

/// Why a Change or CI is not acceptable.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RegistryInvalid {
    #[error("the name is empty")]
    NameEmpty,
    #[error("the name has {0} characters; at most 255 are allowed")]
    NameTooLong(usize),
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
        let registry = Registry {
            changes: vec![
                Change {
                    id: ChangeId(1),
                    subject: "a".into(),
                    approval: CabApproval::Approved,
                    risk: ChangeRisk::Low,
                },
                Change {
                    id: ChangeId(4),
                    subject: "b".into(),
                    approval: CabApproval::Pending,
                    risk: ChangeRisk::High,
                },
            ],
            config_items: vec![],
        };
        assert_eq!(
            registry.unapproved(&[ChangeId(1), ChangeId(4), ChangeId(9)]),
            vec![ChangeId(4), ChangeId(9)]
        );
        assert_eq!(registry.next_change_id(), ChangeId(5));
        assert_eq!(registry.next_config_item_id(), ConfigItemId(1));
        assert_eq!(validate_name("  "), Err(RegistryInvalid::NameEmpty));
    }
}
