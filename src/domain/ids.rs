//! The typed id of every kind of record, and the UTC timestamp every record carries. A note's id
//! cannot be passed where a task's is wanted; each is stored and serialised as the bare number, so
//! the file and the JSON are the same as with plain integers.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Time stamps are kept in UTC and shown in local time.
pub type Timestamp = DateTime<Utc>;

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl $name {
            /// The id after this one (ids are given out in increasing order).
            pub fn next(self) -> Self {
                Self(self.0 + 1)
            }

            /// This id moved `by` places on (an import moves its ids past those in use).
            pub fn offset(self, by: i64) -> Self {
                Self(self.0 + by)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// The display id of a release, shown as `#12`.
    ReleaseId
);
id_type!(
    /// An agent: a person who owns releases.
    AgentId
);
id_type!(
    /// A team of agents.
    GroupId
);
id_type!(
    /// A department of the company.
    DepartmentId
);
id_type!(
    /// A note on a release.
    NoteId
);
id_type!(
    /// A task of a release.
    TaskId
);
id_type!(
    /// A time entry of a release (a running timer included).
    TimeEntryId
);
id_type!(
    /// A Change of the registry, shown as `CHG-7`.
    ChangeId
);
id_type!(
    /// A configuration item (CI) of the registry, shown as `CI-3`.
    ConfigItemId
);
id_type!(
    /// A saved view of the release list.
    SavedViewId
);
id_type!(
    /// One row of a release's stage history.
    StageEntryId
);
id_type!(
    /// One row of the activity log.
    ActivityId
);
id_type!(
    /// A deployment (maintenance) window: when releases may deploy.
    WindowId
);
id_type!(
    /// A change freeze (blackout): when releases must not deploy.
    FreezeId
);
id_type!(
    /// A Change Advisory Board (CAB).
    CabId
);
id_type!(
    /// A metric reading of a release after deploy.
    ReadingId
);
id_type!(
    /// A meeting of a CAB.
    CabMeetingId
);
id_type!(
    /// A regulator step: an extra approval some releases need (e.g. 금감원 보고 및 승인).
    RegulatorStepId
);
