//! The work on a release: its notes, tasks and time entries.

pub mod note;
pub mod task;
pub mod time_entry;

pub use note::Note;
pub use task::{Task, TaskFields, TaskStatus};
pub use time_entry::TimeEntry;
