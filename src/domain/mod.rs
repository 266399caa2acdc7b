//! Pure release-management types and rules: no egui, no SQL.

pub mod activity;
pub mod changes;
pub mod directory;
pub mod lifecycle;
pub mod note;
pub mod release;
pub mod sample;
pub mod settings;
pub mod task;
pub mod time_entry;
pub mod view;

pub use activity::Activity;
pub use directory::Directory;
pub use lifecycle::{Outcome, Stage};
pub use note::Note;
pub use release::{
    Agent, AgentId, ChecklistItem, Department, DepartmentId, Group, GroupId, Plan, PlannedWindow, Priority,
    Release, ReleaseId, ReleaseInvalid, ReleaseType, Status, Timestamp,
};
pub use settings::{Language, Settings, Theme};
pub use task::{Task, TaskFields, TaskStatus};
pub use time_entry::TimeEntry;
pub use view::{AgentFilter, Needle, PredefinedView, ReleaseFilter, SavedView, SortKey, SortSpec, ViewRef};
