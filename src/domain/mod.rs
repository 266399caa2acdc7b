//! Pure release-management types and rules: no egui, no SQL.

pub mod activity;
pub mod changes;
pub mod directory;
pub mod kpi;
pub mod lifecycle;
pub mod note;
pub mod readiness;
pub mod registry;
pub mod release;
pub mod sample;
pub mod settings;
pub mod task;
pub mod time_entry;
pub mod view;

pub use activity::Activity;
pub use directory::Directory;
pub use kpi::{Kpi, KpiFilter, KpiReport, KpiTargets, MonthRange, YearMonth};
pub use lifecycle::{DeployGate, MoveRefused, MoveRequest, Outcome, Stage, StageEntry};
pub use note::Note;
pub use readiness::{
    DeploymentPhase, MitigationItem, MitigationPhase, PhaseStatus, PlanCheck, Readiness, ReadinessEdit,
    ReadinessInvalid, Risk, RiskKind, RiskLevel, Strategy,
};
pub use registry::{CabApproval, Change, ChangeRisk, CiKind, ConfigItem, Registry, RegistryInvalid};
pub use release::{
    Agent, AgentId, ChecklistItem, Department, DepartmentId, Group, GroupId, Plan, PlannedWindow, Priority,
    Release, ReleaseId, ReleaseInvalid, ReleasePatch, ReleaseType, Status, Timestamp,
};
pub use settings::{Language, Settings, Theme};
pub use task::{Task, TaskFields, TaskStatus};
pub use time_entry::TimeEntry;
pub use view::{AgentFilter, Needle, PredefinedView, ReleaseFilter, SavedView, SortKey, SortSpec, ViewRef};
