//! Notes on a release: a body of text with its author and times.

use serde::{Deserialize, Serialize};

use crate::domain::ids::{AgentId, NoteId, ReleaseId, Timestamp};

/// One note on a release.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub id: NoteId,
    pub release_id: ReleaseId,
    pub body: String,
    /// The agent who wrote it; `None` when nobody was signed in.
    pub author: Option<AgentId>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// The longest note body accepted, in characters.
pub const NOTE_MAX_CHARS: usize = 20_000;
