//! Commands in the UI's language: what the undo menu and the status bar say
//! ("Undo: assign 37 releases to 김민준" / "실행 취소: 릴리스 37건을 김민준에게 할당했습니다"),
//! and the command an undo or redo row of the activity log names. Both come from the command's
//! typed summary (`Command::summary`), so they say the same thing.

use super::{Arg, tr, tr_args};
use crate::domain::activity::{Assigned, BulkSummary, CommandSummary, EditedField, Named};
use crate::domain::{Directory, ReleaseId};
use crate::model::{Command, IDS_NAMED};

/// What `command` does, in the current language.
pub fn command_label(command: &Command, directory: &Directory) -> String {
    summary_label(&command.summary(directory))
}

/// An agent, group or department as it was named; `#id` if it had no name.
pub(super) fn named<Id: std::fmt::Display>(named: &Named<Id>) -> String {
    match (&named.id, named.name.is_empty()) {
        (Some(id), true) => format!("#{id}"),
        _ => named.name.clone(),
    }
}

/// What a command did (from its summary), in the current language.
pub fn summary_label(summary: &CommandSummary) -> String {
    use CommandSummary as S;
    let id = |release: &ReleaseId| ("id", Arg::from(*release));
    match summary {
        S::CreateRelease { subject } => {
            tr_args("cmd-create-release", &[("subject", subject.as_str().into())])
        }
        S::EditRelease { release, field: Some(field) } => {
            tr_args("cmd-edit-field", &[("field", edit_field(*field).into()), id(release)])
        }
        S::EditRelease { release, field: None } => tr_args("cmd-edit-release", &[id(release)]),
        S::TrashRelease { release } => tr_args("cmd-trash-release", &[id(release)]),
        S::AddAgent { name } => tr_args("cmd-add-agent", &[("name", name.as_str().into())]),
        S::AddGroup { name } => tr_args("cmd-add-group", &[("name", name.as_str().into())]),
        S::AddDepartment { name } => tr_args("cmd-add-department", &[("name", name.as_str().into())]),
        S::AddMe { name } => tr_args("cmd-add-me", &[("name", name.as_str().into())]),
        S::EditAgent { name } => tr_args("cmd-edit-agent", &[("name", name.as_str().into())]),
        S::RenameGroup { name } => tr_args("cmd-rename-group", &[("name", name.as_str().into())]),
        S::RenameDepartment { name } => tr_args("cmd-rename-department", &[("name", name.as_str().into())]),
        S::SetAgentActive { name, active } => tr_args(
            if *active { "cmd-reactivate-agent" } else { "cmd-deactivate-agent" },
            &[("name", name.as_str().into())],
        ),
        S::RemoveAgent { name } => tr_args("cmd-remove-agent", &[("name", name.as_str().into())]),
        S::RemoveGroup { name } => tr_args("cmd-remove-group", &[("name", name.as_str().into())]),
        S::RemoveDepartment { name } => tr_args("cmd-remove-department", &[("name", name.as_str().into())]),
        S::SetCurrentAgent { agent } => {
            let name = agent.as_ref().map_or_else(|| tr("agent-nobody"), named);
            tr_args("cmd-set-current-agent", &[("name", name.into())])
        }
        S::ChangeCurrentAgent => tr("cmd-change-current-agent"),
        S::SetLanguage => tr("cmd-set-language"),
        S::SetTheme => tr("cmd-set-theme"),
        S::SetKpiTargets => tr("cmd-set-kpi-targets"),
        S::SaveView { name } => tr_args("cmd-save-view", &[("name", name.as_str().into())]),
        S::DeleteSavedView => tr("cmd-delete-view"),
        S::LoadSample { count } => tr_args("cmd-load-sample", &[("count", (*count).into())]),
        S::Import { source, count } => tr_args(
            match source {
                crate::domain::import::ImportSource::Freshservice => "cmd-import-freshservice",
                crate::domain::import::ImportSource::Csv => "cmd-import-csv",
                crate::domain::import::ImportSource::Archive => "cmd-import-archive",
            },
            &[("count", (*count).into())],
        ),
        S::AddNote { release } => tr_args("cmd-add-note", &[id(release)]),
        S::EditNote => tr("cmd-edit-note"),
        S::DeleteNote => tr("cmd-delete-note"),
        S::AddTask { release, title } => {
            tr_args("cmd-add-task", &[("title", title.as_str().into()), id(release)])
        }
        S::EditTask { title } => tr_args("cmd-edit-task", &[("title", title.as_str().into())]),
        S::DeleteTask => tr("cmd-delete-task"),
        S::AddTime { release } => tr_args("cmd-add-time", &[id(release)]),
        S::StartTimer { release } => tr_args("cmd-start-timer", &[id(release)]),
        S::StopTimer => tr("cmd-stop-timer"),
        S::EditTimeEntry => tr("cmd-edit-time-entry"),
        S::DeleteTimeEntry => tr("cmd-delete-time-entry"),
        S::CreateChange { subject } => tr_args("cmd-create-change", &[("subject", subject.as_str().into())]),
        S::UpdateChange { change } => tr_args("cmd-update-change", &[("change", (*change).into())]),
        S::CreateConfigItem { name } => tr_args("cmd-create-ci", &[("name", name.as_str().into())]),
        S::LinkChange { release, change, linked } => tr_args(
            if *linked { "cmd-link-change" } else { "cmd-unlink-change" },
            &[("change", (*change).into()), id(release)],
        ),
        S::LinkConfigItem { release, item, linked } => tr_args(
            if *linked { "cmd-link-ci" } else { "cmd-unlink-ci" },
            &[("item", (*item).into()), id(release)],
        ),
        S::MoveStage { release, to } => {
            tr_args("cmd-move-stage", &[id(release), ("stage", super::stage(*to).into())])
        }
        S::EditReadiness { release } => tr_args("cmd-edit-readiness", &[id(release)]),
        S::UpdateConfigItem { item } => tr_args("cmd-update-ci", &[("item", (*item).into())]),
        S::EditBackout { release } => tr_args("cmd-edit-backout", &[id(release)]),
        S::RemoveBackout { release } => tr_args("cmd-remove-backout", &[id(release)]),
        S::SetImpact { release } => tr_args("cmd-set-impact", &[id(release)]),
        S::SaveTemplate { name } => tr_args("cmd-save-template", &[("name", name.clone().into())]),
        S::DeleteTemplate { key } => tr_args("cmd-delete-template", &[("key", key.clone().into())]),
        S::CreateFromTemplate { subject } => {
            tr_args("cmd-create-from-template", &[("subject", subject.clone().into())])
        }
        S::CloneRelease { release } => tr_args("cmd-clone-release", &[id(release)]),
        S::SaveReview { release, follow_ups } => {
            tr_args("cmd-save-review", &[id(release), ("count", (*follow_ups).into())])
        }
        S::Bulk { count, action } => bulk_label(*count, action),
        S::AddWindow { name } => tr_args("schedule-cmd-add-window", &[("name", name.as_str().into())]),
        S::EditWindow { name } => tr_args("schedule-cmd-edit-window", &[("name", name.as_str().into())]),
        S::DeleteWindow => tr("schedule-cmd-delete-window"),
        S::AddFreeze { name } => tr_args("schedule-cmd-add-freeze", &[("name", name.as_str().into())]),
        S::EditFreeze { name } => tr_args("schedule-cmd-edit-freeze", &[("name", name.as_str().into())]),
        S::DeleteFreeze => tr("schedule-cmd-delete-freeze"),
        S::ImportSchedule { windows, freezes } => {
            tr_args("schedule-cmd-import", &[("windows", (*windows).into()), ("freezes", (*freezes).into())])
        }
        S::Reschedule { release } => tr_args("schedule-cmd-reschedule", &[id(release)]),
        S::SaveCab { .. }
        | S::DeleteCab { .. }
        | S::AssignCab { .. }
        | S::Vote { .. }
        | S::WithdrawVote { .. } => super::cab::cab_summary_label(summary).unwrap_or_default(),
        S::AddReading { .. } | S::DeleteReading { .. } | S::SetThreshold { .. } => {
            super::monitoring::monitoring_summary_label(summary).unwrap_or_default()
        }
        S::SaveMeeting { .. }
        | S::DeleteMeeting { .. }
        | S::RebuildAgenda { .. }
        | S::EditAgenda { .. }
        | S::RecordDecision { .. }
        | S::SaveMinutes { .. }
        | S::SetActionDone { .. } => super::meeting::meeting_summary_label(summary).unwrap_or_default(),
        S::SaveRegulatorStep { .. }
        | S::DeleteRegulatorStep { .. }
        | S::RecordRegulatorApproval { .. }
        | S::WithdrawRegulatorApproval { .. } => {
            super::regulator::regulator_summary_label(summary).unwrap_or_default()
        }
        S::ResolveTeamConflict { release, keep_mine } => resolve_label(*release, *keep_mine),
    }
}

/// The name of a resolved team conflict.
fn resolve_label(release: Option<ReleaseId>, keep_mine: bool) -> String {
    match release {
        Some(release) => {
            let key = if keep_mine { "team-cmd-keep-mine" } else { "team-cmd-keep-theirs" };
            tr_args(key, &[("id", release.into())])
        }
        None => tr(if keep_mine { "team-cmd-keep-mine-schedule" } else { "team-cmd-keep-theirs-schedule" }),
    }
}

fn bulk_label(count: u32, action: &BulkSummary) -> String {
    let count = ("count", count.into());
    match action {
        BulkSummary::Trash => tr_args("cmd-bulk-trash", &[count]),
        BulkSummary::Restore => tr_args("cmd-bulk-restore", &[count]),
        BulkSummary::Purge => tr_args("cmd-bulk-purge", &[count]),
        BulkSummary::PickUp => tr_args("cmd-bulk-pick-up", &[count]),
        BulkSummary::Assign { agent, group } => {
            let agent = match agent {
                Assigned::Unchanged => None,
                Assigned::Nobody => Some(tr("agent-unassigned")),
                Assigned::To(agent) => Some(named(agent)),
            };
            let group = match group {
                Assigned::Unchanged => None,
                Assigned::Nobody => Some(tr("group-none")),
                Assigned::To(group) => Some(named(group)),
            };
            match (agent, group) {
                (Some(agent), Some(group)) => tr_args(
                    "cmd-bulk-assign-both",
                    &[count, ("agent", agent.into()), ("group", group.into())],
                ),
                (Some(agent), None) => tr_args("cmd-bulk-assign-agent", &[count, ("agent", agent.into())]),
                (None, Some(group)) => tr_args("cmd-bulk-assign-group", &[count, ("group", group.into())]),
                (None, None) => tr_args("cmd-bulk-assign-nothing", &[count]),
            }
        }
        BulkSummary::SetStatus(s) => {
            tr_args("cmd-bulk-status", &[count, ("status", super::status(*s).into())])
        }
        BulkSummary::SetPriority(p) => {
            tr_args("cmd-bulk-priority", &[count, ("priority", super::priority(*p).into())])
        }
    }
}

/// The field an edit changes, as a noun in the current language.
fn edit_field(field: EditedField) -> String {
    tr(match field {
        EditedField::Subject => "edit-field-subject",
        EditedField::Description => "edit-field-description",
        EditedField::Status => "edit-field-status",
        EditedField::Priority => "edit-field-priority",
        EditedField::ReleaseType => "edit-field-type",
        EditedField::Planned => "edit-field-planned",
        EditedField::WorkWindow => "edit-field-work-window",
        EditedField::Agent => "edit-field-agent",
        EditedField::Group => "edit-field-group",
        EditedField::Department => "edit-field-department",
        EditedField::Category => "edit-field-category",
        EditedField::SubCategory => "edit-field-sub-category",
        EditedField::ItemCategory => "edit-field-item-category",
        EditedField::BuildPlan => "edit-field-build-plan",
        EditedField::TestPlan => "edit-field-test-plan",
        EditedField::Assets => "edit-field-assets",
        EditedField::Changes => "edit-field-changes",
    })
}

/// `#1, #2, #3` — or `#1, …, #5 and 7 more` — in the current language.
pub fn id_list(ids: &[ReleaseId]) -> String {
    let named: Vec<String> = ids.iter().take(IDS_NAMED).map(|id| super::release_number(*id)).collect();
    let named = named.join(", ");
    if ids.len() > IDS_NAMED {
        tr_args("ids-and-more", &[("ids", named.into()), ("more", (ids.len() - IDS_NAMED).into())])
    } else {
        named
    }
}
