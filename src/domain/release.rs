//! A release and its coded fields, with the exact Freshservice API v2 numeric codes.

use serde::{Deserialize, Serialize};

use super::ids::{AgentId, ChangeId, ConfigItemId, DepartmentId, GroupId, ReleaseId, Timestamp};
use super::stage::{Outcome, Stage};

/// Defines an enum with Freshservice numeric codes, an English label and `ALL`.
macro_rules! coded_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($variant = $code,)+
        }

        impl $name {
            /// Every value, in code order.
            pub const ALL: &'static [Self] = &[$(Self::$variant,)+];

            /// The Freshservice API code.
            pub fn code(self) -> u8 {
                self as u8
            }

            /// The value for a Freshservice API code.
            pub fn from_code(code: i64) -> Option<Self> {
                match code {
                    $($code => Some(Self::$variant),)+
                    _ => None,
                }
            }

            /// The English label, as Freshservice shows it.
            pub fn label(self) -> &'static str {
                match self {
                    $(Self::$variant => $label,)+
                }
            }

            /// Parses a label or code, case-insensitively (`"in progress"`, `"in-progress"`, `"3"`).
            pub fn parse(text: &str) -> Option<Self> {
                let wanted: String = text
                    .trim()
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase)
                    .collect();
                if let Ok(code) = wanted.parse::<i64>() {
                    return Self::from_code(code);
                }
                Self::ALL.iter().copied().find(|v| {
                    v.label()
                        .chars()
                        .filter(|c| c.is_alphanumeric())
                        .flat_map(char::to_lowercase)
                        .eq(wanted.chars())
                })
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_u8(self.code())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let code = i64::deserialize(d)?;
                Self::from_code(code).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "{} code {code} is not one of {:?}",
                        stringify!($name),
                        Self::ALL.iter().map(|v| v.code()).collect::<Vec<_>>()
                    ))
                })
            }
        }
    };
}

coded_enum!(
    /// Freshservice release status.
    Status {
        Open = 1, "Open";
        OnHold = 2, "On hold";
        InProgress = 3, "In Progress";
        Incomplete = 4, "Incomplete";
        Completed = 5, "Completed";
    }
);

coded_enum!(
    /// Freshservice release priority.
    Priority {
        Low = 1, "Low";
        Medium = 2, "Medium";
        High = 3, "High";
        Urgent = 4, "Urgent";
    }
);

coded_enum!(
    /// Freshservice release type.
    ReleaseType {
        Minor = 1, "Minor";
        Standard = 2, "Standard";
        Major = 3, "Major";
        Emergency = 4, "Emergency";
    }
);

/// When a release is planned to run. `end` is always after `start` in a valid release.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedWindow {
    pub start: Timestamp,
    pub end: Timestamp,
}

impl PlannedWindow {
    /// The planned duration.
    pub fn duration(&self) -> chrono::Duration {
        self.end - self.start
    }
}

/// One line of a plan's checklist.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistItem {
    pub text: String,
    pub done: bool,
}

/// A Build Plan or a Test Plan: a text body and a checklist.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub body: String,
    pub items: Vec<ChecklistItem>,
}

impl Plan {
    /// `(done, total)` checklist items.
    pub fn progress(&self) -> (usize, usize) {
        (self.items.iter().filter(|i| i.done).count(), self.items.len())
    }
}

/// A release, with every field of Freshservice's API v2 release.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Release {
    pub id: ReleaseId,
    pub subject: String,
    pub description: String,
    pub status: Status,
    pub priority: Priority,
    pub release_type: ReleaseType,
    pub planned: PlannedWindow,
    pub work_start: Option<Timestamp>,
    pub work_end: Option<Timestamp>,
    pub agent_id: Option<AgentId>,
    pub group_id: Option<GroupId>,
    pub department_id: Option<DepartmentId>,
    pub category: Option<String>,
    pub sub_category: Option<String>,
    pub item_category: Option<String>,
    /// Linked configuration items (CIs).
    pub assets: Vec<ConfigItemId>,
    pub associated_change_ids: Vec<ChangeId>,
    pub build_plan: Option<Plan>,
    pub test_plan: Option<Plan>,
    /// Where the release is in the lifecycle.
    pub stage: Stage,
    /// How it ended, once closed.
    pub outcome: Option<Outcome>,
    /// When the outcome was recorded.
    pub closed_at: Option<Timestamp>,
    /// How many times the release was rolled back.
    pub rollback_count: u32,
    /// Service downtime caused by the release, all attempts together.
    pub downtime_minutes: u32,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// Set while the release is in Trash.
    pub deleted_at: Option<Timestamp>,
    /// The release's id in the system it was imported from (Freshservice's `id`, up to 2^53); a
    /// re-import finds the release by it.
    pub external_id: Option<i64>,
    /// Freshservice's `custom_fields`, kept as they came (shown read-only).
    pub custom_fields: CustomFields,
}

/// Freshservice's `custom_fields` object: field name -> JSON value.
pub type CustomFields = serde_json::Map<String, serde_json::Value>;

impl Release {
    /// A release with the fields Freshservice requires; every other field empty (no agent, no
    /// plans, nothing linked), at the first lifecycle stage, created and last updated at `created_at`.
    pub fn new(
        id: ReleaseId,
        subject: impl Into<String>,
        status: Status,
        priority: Priority,
        release_type: ReleaseType,
        planned: PlannedWindow,
        created_at: Timestamp,
    ) -> Self {
        Self {
            id,
            subject: subject.into(),
            description: String::new(),
            status,
            priority,
            release_type,
            planned,
            work_start: None,
            work_end: None,
            agent_id: None,
            group_id: None,
            department_id: None,
            category: None,
            sub_category: None,
            item_category: None,
            assets: Vec::new(),
            associated_change_ids: Vec::new(),
            build_plan: None,
            test_plan: None,
            stage: Stage::Plan,
            outcome: None,
            closed_at: None,
            rollback_count: 0,
            downtime_minutes: 0,
            created_at,
            updated_at: created_at,
            deleted_at: None,
            external_id: None,
            custom_fields: CustomFields::new(),
        }
    }

    pub fn is_deleted(&self) -> bool {
        self.deleted_at.is_some()
    }
}

/// A change of a few fields of one release, as bulk actions make them: the fields that are
/// `Some` take the value inside; `updated_at` always does. Stored as one narrow `UPDATE`, so a
/// bulk action on thousands of releases writes the columns it changes, not whole rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReleasePatch {
    pub status: Option<Status>,
    pub priority: Option<Priority>,
    pub agent_id: Option<Option<AgentId>>,
    pub group_id: Option<Option<GroupId>>,
    pub deleted_at: Option<Option<Timestamp>>,
    pub updated_at: Timestamp,
}

impl ReleasePatch {
    /// A patch that changes nothing but `updated_at`.
    pub fn touching(updated_at: Timestamp) -> Self {
        Self { status: None, priority: None, agent_id: None, group_id: None, deleted_at: None, updated_at }
    }

    /// Sets the patched fields of `release`.
    pub fn apply_to(&self, release: &mut Release) {
        let Self { status, priority, agent_id, group_id, deleted_at, updated_at } = *self;
        if let Some(status) = status {
            release.status = status;
        }
        if let Some(priority) = priority {
            release.priority = priority;
        }
        if let Some(agent_id) = agent_id {
            release.agent_id = agent_id;
        }
        if let Some(group_id) = group_id {
            release.group_id = group_id;
        }
        if let Some(deleted_at) = deleted_at {
            release.deleted_at = deleted_at;
        }
        release.updated_at = updated_at;
    }

    /// The patch that turns `old` into `new`, when the two differ only in the patched fields (and
    /// `updated_at`): an edit of status, priority, agent or group is then written as one narrow
    /// `UPDATE`, not the whole row with its plans. `None` when anything else changed.
    pub fn between(old: &Release, new: &Release) -> Option<Self> {
        let patch = Self {
            status: (old.status != new.status).then_some(new.status),
            priority: (old.priority != new.priority).then_some(new.priority),
            agent_id: (old.agent_id != new.agent_id).then_some(new.agent_id),
            group_id: (old.group_id != new.group_id).then_some(new.group_id),
            deleted_at: (old.deleted_at != new.deleted_at).then_some(new.deleted_at),
            updated_at: new.updated_at,
        };
        let mut patched = old.clone();
        patch.apply_to(&mut patched);
        (patched == *new).then_some(patch)
    }

    /// The patch that takes `before` (the release as it was before this patch) back: the same
    /// fields, with their old values.
    pub fn reverse_for(&self, before: &Release) -> Self {
        let Self { status, priority, agent_id, group_id, deleted_at, updated_at: _ } = *self;
        Self {
            status: status.map(|_| before.status),
            priority: priority.map(|_| before.priority),
            agent_id: agent_id.map(|_| before.agent_id),
            group_id: group_id.map(|_| before.group_id),
            deleted_at: deleted_at.map(|_| before.deleted_at),
            updated_at: before.updated_at,
        }
    }
}

/// The longest subject Freshservice accepts.
pub const SUBJECT_MAX_CHARS: usize = 255;

/// Why a release's fields are not acceptable.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReleaseInvalid {
    #[error("the subject is empty")]
    SubjectEmpty,
    #[error("the subject has {0} characters; at most 255 are allowed")]
    SubjectTooLong(usize),
    #[error("the planned end must be after the planned start")]
    PlannedEndNotAfterStart,
    #[error("the work end must be after the work start")]
    WorkEndBeforeStart,
}

/// Checks a subject: 1..=255 characters after trimming.
pub fn validate_subject(subject: &str) -> Result<(), ReleaseInvalid> {
    let chars = subject.trim().chars().count();
    if chars == 0 {
        Err(ReleaseInvalid::SubjectEmpty)
    } else if chars > SUBJECT_MAX_CHARS {
        Err(ReleaseInvalid::SubjectTooLong(chars))
    } else {
        Ok(())
    }
}

/// Checks that a planned window ends after it starts.
pub fn validate_window(window: &PlannedWindow) -> Result<(), ReleaseInvalid> {
    if window.end > window.start { Ok(()) } else { Err(ReleaseInvalid::PlannedEndNotAfterStart) }
}

/// Checks every rule a stored release must satisfy.
pub fn validate_release(release: &Release) -> Result<(), ReleaseInvalid> {
    validate_subject(&release.subject)?;
    validate_window(&release.planned)?;
    if let (Some(start), Some(end)) = (release.work_start, release.work_end)
        && end < start
    {
        return Err(ReleaseInvalid::WorkEndBeforeStart);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::from_code(i64::from(s.code())), Some(*s));
        }
        assert_eq!(Status::Completed.code(), 5);
        assert_eq!(Priority::Urgent.code(), 4);
        assert_eq!(ReleaseType::Emergency.code(), 4);
        assert_eq!(Status::from_code(6), None);
    }

    #[test]
    fn parse_labels() {
        assert_eq!(Status::parse("in progress"), Some(Status::InProgress));
        assert_eq!(Status::parse("On-Hold"), Some(Status::OnHold));
        assert_eq!(Priority::parse("3"), Some(Priority::High));
        assert_eq!(ReleaseType::parse("emergency"), Some(ReleaseType::Emergency));
        assert_eq!(ReleaseType::parse("bogus"), None);
    }

    #[test]
    fn subject_rules() {
        assert_eq!(validate_subject("  "), Err(ReleaseInvalid::SubjectEmpty));
        assert!(validate_subject("ERP 업그레이드").is_ok());
        let long: String = "가".repeat(256);
        assert_eq!(validate_subject(&long), Err(ReleaseInvalid::SubjectTooLong(256)));
        assert!(validate_subject(&"가".repeat(255)).is_ok());
    }

    #[test]
    fn a_patch_between_two_releases_only_for_the_patched_fields() {
        let now = chrono::DateTime::from_timestamp_millis(1_800_000_000_000).unwrap_or_default();
        let window = PlannedWindow { start: now, end: now + chrono::Duration::hours(4) };
        let mut old =
            Release::new(ReleaseId(1), "ERP", Status::Open, Priority::High, ReleaseType::Major, window, now);
        old.agent_id = Some(AgentId(1));
        let mut new = old.clone();
        new.priority = if old.priority == Priority::Urgent { Priority::Low } else { Priority::Urgent };
        new.agent_id = None;
        new.updated_at = now + chrono::Duration::minutes(1);
        let patch = ReleasePatch::between(&old, &new).unwrap();
        assert_eq!((patch.priority, patch.agent_id, patch.status), (Some(new.priority), Some(None), None));
        let mut patched = old.clone();
        patch.apply_to(&mut patched);
        assert_eq!(patched, new);
        new.subject.push_str(" (2)");
        assert_eq!(ReleasePatch::between(&old, &new), None, "the subject is not a patched field");
    }
}
