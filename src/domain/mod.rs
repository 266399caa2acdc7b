//! Pure release-management types and rules: no egui, no SQL, nothing else of this crate.

pub mod activity;
pub mod backout;
pub mod cab;
pub mod directory;
pub mod external;
pub mod ids;
pub mod impact;
pub mod import;
pub mod kpi;
pub mod lifecycle;
pub mod monitoring;
pub mod readiness;
pub mod registry;
pub mod release;
pub mod review;
pub mod sample;
pub mod schedule;
pub mod search;
pub mod settings;
pub mod stage;
pub mod team;
pub mod template;
pub mod view;
pub mod work;

pub use activity::{Activity, ActivityKind, Field, FieldChange, Value};
pub use backout::{BackoutEdit, BackoutInvalid, BackoutPlan, BackoutWarning, Rehearsal, RehearsalResult};
pub use cab::meeting::{
    ActionItem, AgendaItem, AgendaReason, CabMeeting, Decision, MeetingInvalid, MeetingOutcome,
    MeetingRecurrence,
};
pub use cab::regulator::{RegulatorApproval, RegulatorInvalid, RegulatorStep, Regulators};
pub use cab::{ApprovalRule, ApprovalSource, Cab, CabInvalid, Cabs, Vote, VoteDecision, VoteSubject};
pub use directory::{Agent, Department, Directory, Group};
pub use external::{ExternalKind, ExternalLink, ExternalLinks};
pub use ids::{
    ActivityId, AgentId, CabId, CabMeetingId, ChangeId, ConfigItemId, DepartmentId, FreezeId, GroupId,
    NoteId, ReadingId, RegulatorStepId, ReleaseId, SavedViewId, StageEntryId, TaskId, TimeEntryId, Timestamp,
    WindowId,
};
pub use impact::{AffectedItem, ImpactAnalysis, ImpactInvalid};
pub use kpi::{Kpi, KpiFilter, KpiReport, KpiTargets, MonthRange, YearMonth};
pub use lifecycle::{DeployGate, MoveRefused, MoveRequest};
pub use monitoring::{
    Breach, Direction, MetricName, MetricReading, MetricThreshold, Monitoring, MonitoringInvalid, Threshold,
};
pub use readiness::{
    DeploymentPhase, MitigationItem, MitigationPhase, PhaseStatus, PlanCheck, Readiness, ReadinessEdit,
    ReadinessInvalid, Risk, RiskKind, RiskLevel, Strategy,
};
pub use registry::{
    CabApproval, Change, ChangeRisk, CiKind, ConfigItem, Criticality, Registry, RegistryInvalid,
};
pub use release::{
    ChecklistItem, CustomFields, Plan, PlannedWindow, Priority, Release, ReleaseInvalid, ReleasePatch,
    ReleaseType, Status,
};
pub use review::{Review, ReviewRefused};
pub use search::ReleaseSearch;
pub use settings::{Language, Settings, Theme};
pub use stage::{Outcome, Stage, StageEntry};
pub use template::{Template, TemplateInvalid, TemplatePhase, TemplateTask};
pub use view::{AgentFilter, Needle, PredefinedView, ReleaseFilter, SavedView, SortKey, SortSpec, ViewRef};
pub use work::{Note, Task, TaskFields, TaskStatus, TimeEntry};
