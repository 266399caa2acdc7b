//! A record named as it was when a log row was written: the agent, group or department itself may
//! be renamed or gone later, and the row still reads as it did.

use serde::{Deserialize, Serialize};

/// An agent, group or department as it was named when the row was written (`id` is `None` in
/// rows migrated from older logs, which kept only the name).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named<Id> {
    pub id: Option<Id>,
    pub name: String,
}

impl<Id> Named<Id> {
    pub fn new(id: Id, name: impl Into<String>) -> Self {
        Self { id: Some(id), name: name.into() }
    }
}
