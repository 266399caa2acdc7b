//! Errors as sentences in the current language. (A chart's errors are put in words by `export::chart`.)

use super::{Arg, id_list, tr, tr_args, tr_args_in, tr_in};
use crate::domain::{
    BackoutInvalid, ImpactInvalid, MoveRefused, ReadinessInvalid, RegistryInvalid, ReviewRefused,
};

/// Why a command was refused, as a sentence in the current language.
pub fn command_error(err: &crate::model::CommandError) -> String {
    use crate::model::{CommandError as E, NamedThing};
    match err {
        E::Invalid(invalid) => self::invalid(invalid),
        E::NoSuchRelease(id) => tr_args("error-no-such-release", &[("id", (*id).into())]),
        E::NoSuchReleases(list) => release_ids("error-no-such-releases", list),
        E::InTrash(list) => release_ids("error-in-trash", list),
        E::NotInTrash(list) => release_ids("error-not-in-trash", list),
        E::NothingSelected => tr("error-nothing-selected"),
        E::OvertakenByTeam(list) => release_ids("team-error-overtaken", list),
        E::ScheduleOvertakenByTeam => tr("team-error-schedule-overtaken"),
        E::TeamData(detail) => tr_args("team-error-bad-data", &[("detail", detail.as_str().into())]),
        E::NoSuchConflict(id) => tr_args("team-error-no-such-conflict", &[("id", (*id).into())]),
        E::CannotKeepMine(id) => tr_args("team-error-cannot-keep-mine", &[("id", (*id).into())]),
        E::NoCurrentAgent => tr("error-no-current-agent"),
        E::NoSuchAgent(id) => tr_args("error-no-such-agent", &[("id", id.0.into())]),
        E::DeactivateCurrentAgent => tr("error-deactivate-current-agent"),
        E::RemoveCurrentAgent => tr("error-remove-current-agent"),
        E::NoSuchGroup(id) => tr_args("error-no-such-group", &[("id", id.0.into())]),
        E::NoSuchDepartment(id) => tr_args("error-no-such-department", &[("id", id.0.into())]),
        E::NoSuchView(id) => tr_args("error-no-such-view", &[("id", (*id).into())]),
        E::DuplicateViewName(name) => tr_args("error-duplicate-view", &[("name", name.as_str().into())]),
        E::InUse { thing, releases } => tr_args(
            match thing {
                NamedThing::Agent => "error-agent-in-use",
                NamedThing::Group => "error-group-in-use",
                NamedThing::Department | NamedThing::SavedView => "error-department-in-use",
            },
            &[("count", (*releases).into())],
        ),
        E::NameRequired(thing) => tr(match thing {
            NamedThing::Agent => "error-agent-name-required",
            NamedThing::Group => "error-group-name-required",
            NamedThing::Department => "error-department-name-required",
            NamedThing::SavedView => "error-view-name-required",
        }),
        E::SampleNeedsEmptyDatabase => tr("error-sample-needs-empty"),
        E::SyntheticNeedsNewDatabase => tr("error-synthetic-needs-new"),
        E::Item(refused) => item_refused(refused),
        E::KpiTarget(invalid) => {
            use crate::domain::kpi::TargetInvalid as T;
            tr(match invalid {
                T::SuccessRateOutOfRange => "error-target-success",
                T::RollbackRateOutOfRange => "error-target-rollback",
                T::OverrunOutOfRange => "error-target-overrun",
                T::DowntimeOutOfRange => "error-target-downtime",
                T::DeploymentsOutOfRange => "error-target-deployments",
                T::ChangeFailureRateOutOfRange => "error-target-change-failure",
                T::HoursOutOfRange(_) => "error-target-hours",
            })
        }
        E::NothingToAssign => tr("error-nothing-to-assign"),
        E::Move(refused) => move_refused(refused),
        E::Readiness(invalid) => readiness_invalid(invalid),
        E::Registry(invalid) => registry_invalid(invalid),
        E::Backout(invalid) => backout_invalid(invalid),
        E::Impact(invalid) => impact_invalid(invalid),
        E::Review(refused) => review_refused(refused),
        E::Template(invalid) => template_invalid(invalid),
        E::NoSuchChange(id) => tr_args("error-no-such-change", &[("id", (*id).into())]),
        E::NoSuchConfigItem(id) => tr_args("error-no-such-ci", &[("id", (*id).into())]),
        E::DuplicateExternalId(id) => tr_args("error-import-duplicate", &[("id", id.to_string().into())]),
        E::ArchiveNeedsEmptyDatabase => tr("error-archive-needs-empty"),
        E::Schedule(invalid) => super::schedule::schedule_invalid(invalid),
        E::NoSuchWindow(id) => tr_args("schedule-error-no-window", &[("id", id.0.into())]),
        E::NoSuchFreeze(id) => tr_args("schedule-error-no-freeze", &[("id", id.0.into())]),
        E::NothingToImport => tr("schedule-error-nothing-to-import"),
        E::Cab(invalid) => super::cab::cab_invalid(invalid),
        E::Monitoring(invalid) => super::monitoring::monitoring_invalid(invalid),
        E::Meeting(invalid) => super::meeting::meeting_invalid(invalid),
        E::Regulator(invalid) => super::regulator::regulator_invalid(invalid),
        E::Store(store) => store_error(store),
    }
}

/// Why a note, task or time command was refused, in the current language.
pub fn item_refused(err: &crate::model::ItemRefused) -> String {
    use crate::model::ItemRefused as E;
    match err {
        E::InTrash(id) => tr_args("error-release-in-trash", &[("id", (*id).into())]),
        E::NoSuchNote(_) => tr("error-no-such-note"),
        E::NoSuchTask(_) => tr("error-no-such-task"),
        E::NoSuchTimeEntry(_) => tr("error-no-such-time-entry"),
        E::NoteEmpty => tr("error-note-empty"),
        E::NoteTooLong => {
            tr_args("error-note-too-long", &[("max", crate::domain::work::note::NOTE_MAX_CHARS.into())])
        }
        E::TaskTitleRequired => tr("error-task-title-required"),
        E::TaskTitleTooLong => tr("error-task-title-too-long"),
        E::TimeOutOfRange => tr("error-time-out-of-range"),
        E::TimerAlreadyRunning(id) => tr_args("error-timer-running", &[("id", (*id).into())]),
        E::TimerNotRunning => tr("error-timer-not-running"),
        E::TimerRunning => tr("error-timer-running-edit"),
    }
}

/// Why a time spent text is not hh:mm, in the current language.
pub fn time_spent_invalid(err: &crate::domain::work::time_entry::TimeSpentInvalid) -> String {
    use crate::domain::work::time_entry::TimeSpentInvalid as E;
    match err {
        E::Empty => tr("error-time-empty"),
        E::NotHhMm(text) => tr_args("error-time-not-hhmm", &[("text", text.as_str().into())]),
        E::MinutesOver59 => tr("error-time-minutes"),
        E::TooLong => tr("error-time-out-of-range"),
        E::Zero => tr("error-time-zero"),
    }
}

/// Why a KPI period is not acceptable, in the current language.
pub fn range_invalid(err: &crate::domain::kpi::RangeInvalid) -> String {
    use crate::domain::kpi::RangeInvalid as R;
    match err {
        R::Reversed { from, to } => {
            tr_args("kpi-range-reversed", &[("from", from.to_string().into()), ("to", to.to_string().into())])
        }
        R::TooLong(months) => tr_args("kpi-range-too-long", &[("months", (*months).into())]),
    }
}

/// A message naming some releases (`count` and the first few `ids`).
fn release_ids(key: &str, ids: &[crate::domain::ReleaseId]) -> String {
    tr_args(key, &[("count", ids.len().into()), ("ids", id_list(ids).into())])
}

/// A storage problem, as a sentence in the current language.
pub fn store_error(err: &crate::store::StoreError) -> String {
    use crate::store::StoreError as E;
    let path = |p: &std::path::Path| Arg::from(p.display().to_string());
    match err {
        E::NotSqlite { path: p } => tr_args("error-not-sqlite", &[("path", path(p))]),
        E::ForeignDatabase { path: p } => tr_args("error-foreign-database", &[("path", path(p))]),
        E::NewerSchema { path: p, found, supported } => tr_args(
            "error-newer-schema",
            &[("path", path(p)), ("found", (*found).into()), ("supported", (*supported).into())],
        ),
        E::Io { path: p, source } => {
            tr_args("error-io", &[("path", path(p)), ("reason", io_reason(source).into())])
        }
        E::Full => tr("error-disk-full"),
        E::ReadOnly => tr("error-read-only"),
        E::Busy => tr("error-busy"),
        E::Corrupt(detail) => tr_args("error-corrupt", &[("detail", detail.as_str().into())]),
        E::Damaged { path: p, details } => {
            tr_args("error-damaged", &[("path", path(p)), ("detail", details.as_str().into())])
        }
        E::Locked { path: p, pid, holder } => {
            let pid_arg = Arg::from(pid.map_or_else(|| "?".to_owned(), |pid| pid.to_string()));
            match (holder, pid) {
                (Some(crate::store::Holder::Window), _) => {
                    tr_args("error-locked-window", &[("path", path(p)), ("pid", pid_arg)])
                }
                (Some(crate::store::Holder::Command), _) => {
                    tr_args("error-locked-command", &[("path", path(p)), ("pid", pid_arg)])
                }
                (None, Some(_)) => tr_args("error-locked-pid", &[("path", path(p)), ("pid", pid_arg)]),
                (None, None) => tr_args("error-locked", &[("path", path(p))]),
            }
        }
        E::ReadOnlySession { path: p } => tr_args("error-read-only-session", &[("path", path(p))]),
        E::Sqlite(e) => tr_args("error-sqlite", &[("detail", e.to_string().into())]),
        E::BadData(detail) => tr_args("error-bad-data", &[("detail", detail.as_str().into())]),
        E::BackupStopped => tr("error-backup-stopped"),
        E::OlderSchema { path: p, found } => {
            tr_args("error-older-schema", &[("path", path(p)), ("found", found.to_string().into())])
        }
        E::NotAFile { path: p } => tr_args("error-not-a-file", &[("path", path(p))]),
        E::HardLinked { path: p, links } => {
            tr_args("error-hard-linked", &[("path", path(p)), ("links", links.to_string().into())])
        }
        E::LinkedSideFile { path: p } => tr_args("error-linked-side-file", &[("path", path(p))]),
        E::NoSpace { path: p, needed, available } => tr_args(
            "error-no-space",
            &[
                ("path", path(p)),
                ("needed", megabytes(*needed).into()),
                ("available", megabytes(*available).into()),
            ],
        ),
        E::UnexpectedSchema { path: p, found, more } => tr_args(
            "error-unexpected-schema",
            &[("path", path(p)), ("found", schema_objects(found, *more).into())],
        ),
        E::Empty { path: p } => tr_args("error-empty-file", &[("path", path(p))]),
        E::BadRow { table, row, column, detail } => tr_args(
            "error-bad-row",
            &[
                ("table", (*table).into()),
                ("row", row.as_str().into()),
                ("column", column.as_str().into()),
                ("detail", detail.as_str().into()),
            ],
        ),
        E::WriteProtected { path: p } => tr_args("error-write-protected", &[("path", path(p))]),
    }
}

/// Why the system refused an operation on a file, in the current language: the common causes in
/// words (with the system's error number), any other with the system's own text as the detail.
pub fn io_reason(err: &std::io::Error) -> String {
    io_reason_in(super::language(), err)
}

/// [`io_reason`] in `language` (for a thread of its own, which does not share the window's).
pub fn io_reason_in(language: crate::domain::Language, err: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let key = match err.kind() {
        K::NotFound => "io-reason-not-found",
        K::PermissionDenied => "io-reason-permission-denied",
        K::StorageFull | K::QuotaExceeded => "io-reason-storage-full",
        K::ReadOnlyFilesystem => "io-reason-read-only",
        K::AlreadyExists => "io-reason-already-exists",
        _ => return tr_args_in(language, "io-reason-other", &[("detail", err.to_string().into())]),
    };
    match err.raw_os_error() {
        Some(code) => tr_args_in(
            language,
            "io-reason-coded",
            &[("reason", tr_in(language, key).into()), ("code", i64::from(code).into())],
        ),
        None => tr_in(language, key),
    }
}

/// "trigger wipe, table releases (changed)" in the current language.
fn schema_objects(found: &[crate::store::SchemaDifference], more: usize) -> String {
    use crate::store::SchemaChange as C;
    let mut named: Vec<String> = found
        .iter()
        .map(|d| {
            let key = match d.change {
                C::Unknown => "schema-object-unknown",
                C::Changed => "schema-object-changed",
                C::Missing => "schema-object-missing",
            };
            tr_args(key, &[("kind", d.kind.as_str().into()), ("name", d.name.as_str().into())])
        })
        .collect();
    if more > 0 {
        named.push(tr_args("schema-objects-more", &[("count", more.into())]));
    }
    named.join(", ")
}

/// `12.3 MB` (decimal megabytes, one decimal), for free-space messages.
fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

/// A validation problem, as a sentence.
pub fn invalid(err: &crate::domain::ReleaseInvalid) -> String {
    use crate::domain::ReleaseInvalid as E;
    match err {
        E::SubjectEmpty => tr("error-subject-empty"),
        E::SubjectTooLong(count) => tr_args("error-subject-too-long", &[("count", (*count).into())]),
        E::PlannedEndNotAfterStart => tr("error-planned-end"),
        E::WorkEndBeforeStart => tr("error-work-end"),
    }
}

/// Why a lifecycle move is refused, as a sentence.
pub fn move_refused(err: &MoveRefused) -> String {
    match err {
        MoveRefused::NotAllowed { from, to } => tr_args(
            "move-refused-not-allowed",
            &[("from", super::labels::stage(*from).into()), ("to", super::labels::stage(*to).into())],
        ),
        MoveRefused::InTrash => tr("move-refused-in-trash"),
        MoveRefused::OutcomeRequired => tr("move-refused-outcome"),
        MoveRefused::ReasonRequired => tr("move-refused-reason"),
        MoveRefused::DowntimeTooLong(_) => tr("move-refused-downtime"),
        MoveRefused::RestoreTooLong(_) => tr("move-refused-restore"),
        MoveRefused::GateClosed { .. } => tr("move-refused-gate"),
        MoveRefused::HardFreeze { freezes, .. } => {
            tr_args("schedule-move-refused-freeze", &[("names", freezes.join(", ").into())])
        }
        MoveRefused::RegulatorPending { steps } => super::regulator::regulator_move_refused(steps),
    }
}

/// Why a readiness edit is refused, as a sentence.
pub fn readiness_invalid(err: &ReadinessInvalid) -> String {
    tr(match err {
        ReadinessInvalid::RatingOutOfRange => "readiness-invalid-rating",
        ReadinessInvalid::RiskTitleEmpty => "readiness-invalid-risk-title",
        ReadinessInvalid::NoSuchRisk(_) => "readiness-invalid-no-risk",
        ReadinessInvalid::PhaseNameEmpty => "readiness-invalid-phase-name",
        ReadinessInvalid::PhaseEndNotAfterStart => "readiness-invalid-phase-window",
        ReadinessInvalid::NoSuchPhase(_) => "readiness-invalid-no-phase",
    })
}

/// Why a Change subject or CI name is refused, as a sentence.
pub fn registry_invalid(err: &RegistryInvalid) -> String {
    match err {
        RegistryInvalid::NameEmpty => tr("registry-invalid-name-empty"),
        RegistryInvalid::NameTooLong(count) => {
            tr_args("registry-invalid-name-too-long", &[("count", (*count).into())])
        }
        RegistryInvalid::SelfDependency => tr("registry-invalid-self-dependency"),
        RegistryInvalid::DependencyCycle(id) => {
            tr_args("registry-invalid-dependency-cycle", &[("item", (*id).into())])
        }
    }
}

/// Why a back-out plan edit is refused, as a sentence.
pub fn backout_invalid(err: &BackoutInvalid) -> String {
    match err {
        BackoutInvalid::RestoreTargetOutOfRange => tr("backout-invalid-target"),
        BackoutInvalid::DecisionPointOutOfRange => tr("backout-invalid-decision-point"),
        BackoutInvalid::RehearsalTimeOutOfRange => tr("backout-invalid-rehearsal-time"),
        BackoutInvalid::NoSuchRehearsal(_) => tr("backout-invalid-no-rehearsal"),
        BackoutInvalid::TextTooLong => {
            tr_args("error-text-too-long", &[("max", crate::domain::backout::TEXT_MAX_CHARS.into())])
        }
    }
}

/// Why an impact analysis is refused, as a sentence.
pub fn impact_invalid(err: &ImpactInvalid) -> String {
    match err {
        ImpactInvalid::TextTooLong => {
            tr_args("error-text-too-long", &[("max", crate::domain::impact::TEXT_MAX_CHARS.into())])
        }
        ImpactInvalid::DowntimeTooLong => tr("impact-invalid-downtime"),
    }
}

/// Why a review is refused, as a sentence.
pub fn review_refused(err: &ReviewRefused) -> String {
    match err {
        ReviewRefused::NotYet => tr("review-refused-not-yet"),
        ReviewRefused::Empty => tr("review-refused-empty"),
        ReviewRefused::TextTooLong => {
            tr_args("error-text-too-long", &[("max", crate::domain::review::TEXT_MAX_CHARS.into())])
        }
    }
}

pub fn template_invalid(err: &crate::domain::TemplateInvalid) -> String {
    use crate::domain::TemplateInvalid as T;
    match err {
        T::NameRequired => tr("template-invalid-name"),
        T::BadKey => tr("template-invalid-key"),
        T::BuiltinKey => tr("template-invalid-builtin"),
        T::TooLong => tr("template-invalid-too-long"),
        T::BadDuration => tr("template-invalid-duration"),
        T::NoSuchTemplate(key) => tr_args("template-invalid-no-such", &[("key", key.clone().into())]),
    }
}
