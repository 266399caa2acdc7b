//! The activity log: every change to a release, who made it, when, and the old and new values.

use serde::{Deserialize, Serialize};

use super::ids::{ActivityId, AgentId, ReleaseId, Timestamp};

/// One logged change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub id: ActivityId,
    /// `None` for changes that are not about one release (settings, saved views).
    pub release_id: Option<ReleaseId>,
    /// The agent who made the change; `None` when no agent was signed in.
    pub actor: Option<AgentId>,
    pub at: Timestamp,
    /// What kind of change: `created`, `field`, `trash`, `restore`, `setting`, `view`, ...
    pub kind: String,
    /// The field or item that changed (`status`, `agent_id`, ...); empty when not one field.
    pub field: String,
    pub old_value: String,
    pub new_value: String,
}
