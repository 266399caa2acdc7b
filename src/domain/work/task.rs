//! Tasks of a release: title, description, status (Freshservice codes 1 Open, 2 In Progress,
//! 3 Completed), due date, agent and group.

use serde::{Deserialize, Serialize};

use crate::domain::ids::{AgentId, GroupId, ReleaseId, TaskId, Timestamp};

/// Freshservice task status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TaskStatus {
    #[default]
    Open = 1,
    InProgress = 2,
    Completed = 3,
}

impl TaskStatus {
    pub const ALL: [Self; 3] = [Self::Open, Self::InProgress, Self::Completed];

    /// The Freshservice API code.
    pub fn code(self) -> u8 {
        self as u8
    }

    pub fn from_code(code: i64) -> Option<Self> {
        Self::ALL.into_iter().find(|s| i64::from(s.code()) == code)
    }

    /// The English label, as Freshservice shows it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Open => "Open",
            Self::InProgress => "In Progress",
            Self::Completed => "Completed",
        }
    }
}

impl Serialize for TaskStatus {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.code())
    }
}

impl<'de> Deserialize<'de> for TaskStatus {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = i64::deserialize(d)?;
        Self::from_code(code)
            .ok_or_else(|| serde::de::Error::custom(format!("task status {code} is not 1..=3")))
    }
}

/// The fields of a task a user fills in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskFields {
    pub title: String,
    pub description: String,
    pub status: TaskStatus,
    pub due: Option<Timestamp>,
    pub agent_id: Option<AgentId>,
    pub group_id: Option<GroupId>,
}

/// One task of a release.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    pub id: TaskId,
    pub release_id: ReleaseId,
    pub fields: TaskFields,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

impl Task {
    /// Not completed and past its due date.
    pub fn is_overdue(&self, now: Timestamp) -> bool {
        self.fields.status != TaskStatus::Completed && self.fields.due.is_some_and(|due| due < now)
    }

    pub fn is_open(&self) -> bool {
        self.fields.status != TaskStatus::Completed
    }
}

/// `(open, total)` tasks.
pub fn open_and_total<'a>(tasks: impl IntoIterator<Item = &'a Task>) -> (usize, usize) {
    tasks.into_iter().fold((0, 0), |(open, total), t| (open + usize::from(t.is_open()), total + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone as _;

    #[test]
    fn overdue_only_when_open_and_past_due() {
        let now = chrono::Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).single().expect("date");
        let mut task = Task {
            id: TaskId(1),
            release_id: ReleaseId(1),
            fields: TaskFields {
                title: "빌드".into(),
                due: Some(now - chrono::Duration::hours(1)),
                ..Default::default()
            },
            created_at: now,
            updated_at: now,
        };
        assert!(task.is_overdue(now));
        task.fields.status = TaskStatus::Completed;
        assert!(!task.is_overdue(now));
        task.fields.status = TaskStatus::InProgress;
        task.fields.due = Some(now + chrono::Duration::hours(1));
        assert!(!task.is_overdue(now));
        task.fields.due = None;
        assert!(!task.is_overdue(now));
        assert_eq!(open_and_total([&task]), (1, 1));
        assert_eq!(TaskStatus::from_code(3), Some(TaskStatus::Completed));
        assert_eq!(TaskStatus::from_code(4), None);
    }
}
