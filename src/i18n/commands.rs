//! Commands in the UI's language: what the undo menu and the status bar say
//! ("Undo: assign 37 releases to 김민준" / "실행 취소: 릴리스 37건을 김민준에게 할당"). One function
//! per noun, each an exhaustive match over that noun's commands.

use super::{tr, tr_args};
use crate::domain::{AgentId, Directory, GroupId, ReleaseId};
use crate::model::{
    BulkAction, Command, IDS_NAMED, LifecycleCommand, PeopleCommand, ReadinessCommand, RegistryCommand,
    ReleaseCommand, ReleaseEdit, SampleCommand, SettingsCommand, WorkCommand,
};

/// What `command` does, as a phrase in the current language.
pub fn command_label(command: &Command, directory: &Directory) -> String {
    match command {
        Command::Release(command) => release_label(command),
        Command::People(command) => people_label(command),
        Command::Settings(command) => settings_label(command, directory),
        Command::Work(command) => work_label(command),
        Command::Lifecycle(LifecycleCommand::Move { id, to, .. }) => {
            tr_args("cmd-move-stage", &[("id", id.0.into()), ("stage", super::stage(*to).into())])
        }
        Command::Registry(command) => registry_label(command),
        Command::Readiness(ReadinessCommand::Edit { id, .. }) => {
            tr_args("cmd-edit-readiness", &[("id", id.0.into())])
        }
        Command::Bulk { ids, action } => bulk_label(ids.len(), action, directory),
        Command::Sample(SampleCommand::Load { data, .. }) => {
            tr_args("cmd-load-sample", &[("count", data.releases.len().into())])
        }
    }
}

fn release_label(command: &ReleaseCommand) -> String {
    match command {
        ReleaseCommand::Create(new) => {
            tr_args("cmd-create-release", &[("subject", new.subject.trim().into())])
        }
        ReleaseCommand::Edit { id, edits } => match edits.as_slice() {
            [edit] => tr_args("cmd-edit-field", &[("field", edit_field(edit).into()), ("id", id.0.into())]),
            _ => tr_args("cmd-edit-release", &[("id", id.0.into())]),
        },
        ReleaseCommand::Trash(id) => tr_args("cmd-trash-release", &[("id", id.0.into())]),
    }
}

fn people_label(command: &PeopleCommand) -> String {
    match command {
        PeopleCommand::AddAgent { name, .. } => tr_args("cmd-add-agent", &[("name", name.trim().into())]),
        PeopleCommand::AddGroup { name } => tr_args("cmd-add-group", &[("name", name.trim().into())]),
        PeopleCommand::AddDepartment { name } => {
            tr_args("cmd-add-department", &[("name", name.trim().into())])
        }
    }
}

fn settings_label(command: &SettingsCommand, directory: &Directory) -> String {
    match command {
        SettingsCommand::SetCurrentAgent(agent) => {
            let name = agent.map_or_else(|| tr("agent-nobody"), |a| agent_name(directory, a));
            tr_args("cmd-set-current-agent", &[("name", name.into())])
        }
        SettingsCommand::SetLanguage(_) => tr("cmd-set-language"),
        SettingsCommand::SetTheme(_) => tr("cmd-set-theme"),
        SettingsCommand::SetKpiTargets(_) => tr("cmd-set-kpi-targets"),
        SettingsCommand::SaveView { name, .. } => tr_args("cmd-save-view", &[("name", name.trim().into())]),
        SettingsCommand::DeleteSavedView(_) => tr("cmd-delete-view"),
    }
}

fn work_label(command: &WorkCommand) -> String {
    match command {
        WorkCommand::AddNote { release, .. } => tr_args("cmd-add-note", &[("id", release.0.into())]),
        WorkCommand::EditNote { .. } => tr("cmd-edit-note"),
        WorkCommand::DeleteNote(_) => tr("cmd-delete-note"),
        WorkCommand::AddTask { release, fields } => {
            tr_args("cmd-add-task", &[("title", fields.title.trim().into()), ("id", release.0.into())])
        }
        WorkCommand::EditTask { fields, .. } => {
            tr_args("cmd-edit-task", &[("title", fields.title.trim().into())])
        }
        WorkCommand::DeleteTask(_) => tr("cmd-delete-task"),
        WorkCommand::AddTime { release, .. } => tr_args("cmd-add-time", &[("id", release.0.into())]),
        WorkCommand::StartTimer { release, .. } => tr_args("cmd-start-timer", &[("id", release.0.into())]),
        WorkCommand::StopTimer(_) => tr("cmd-stop-timer"),
        WorkCommand::EditTimeEntry { .. } => tr("cmd-edit-time-entry"),
        WorkCommand::DeleteTimeEntry(_) => tr("cmd-delete-time-entry"),
    }
}

fn registry_label(command: &RegistryCommand) -> String {
    match command {
        RegistryCommand::CreateChange { subject, .. } => {
            tr_args("cmd-create-change", &[("subject", subject.trim().into())])
        }
        RegistryCommand::UpdateChange(change) => {
            tr_args("cmd-update-change", &[("change", change.id.0.into())])
        }
        RegistryCommand::CreateConfigItem { name, .. } => {
            tr_args("cmd-create-ci", &[("name", name.trim().into())])
        }
        RegistryCommand::LinkChange { release, change, linked } => tr_args(
            if *linked { "cmd-link-change" } else { "cmd-unlink-change" },
            &[("change", change.0.into()), ("id", release.0.into())],
        ),
        RegistryCommand::LinkConfigItem { release, item, linked } => tr_args(
            if *linked { "cmd-link-ci" } else { "cmd-unlink-ci" },
            &[("item", item.0.into()), ("id", release.0.into())],
        ),
    }
}

fn agent_name(directory: &Directory, id: AgentId) -> String {
    let name = directory.agent_name(Some(id));
    if name.is_empty() { format!("#{id}") } else { name.to_owned() }
}

fn group_name(directory: &Directory, id: GroupId) -> String {
    let name = directory.group_name(Some(id));
    if name.is_empty() { format!("#{id}") } else { name.to_owned() }
}

fn bulk_label(count: usize, action: &BulkAction, directory: &Directory) -> String {
    let count = ("count", count.into());
    match action {
        BulkAction::Trash => tr_args("cmd-bulk-trash", &[count]),
        BulkAction::Restore => tr_args("cmd-bulk-restore", &[count]),
        BulkAction::Purge => tr_args("cmd-bulk-purge", &[count]),
        BulkAction::PickUp => tr_args("cmd-bulk-pick-up", &[count]),
        BulkAction::Assign { agent, group } => {
            let agent = agent.map(|a| a.map_or_else(|| tr("agent-unassigned"), |a| agent_name(directory, a)));
            let group = group.map(|g| g.map_or_else(|| tr("group-none"), |g| group_name(directory, g)));
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
        BulkAction::SetStatus(s) => {
            tr_args("cmd-bulk-status", &[count, ("status", super::status(*s).into())])
        }
        BulkAction::SetPriority(p) => {
            tr_args("cmd-bulk-priority", &[count, ("priority", super::priority(*p).into())])
        }
    }
}

/// The field an edit changes, as a noun in the current language.
fn edit_field(edit: &ReleaseEdit) -> String {
    tr(match edit {
        ReleaseEdit::Subject(_) => "edit-field-subject",
        ReleaseEdit::Description(_) => "edit-field-description",
        ReleaseEdit::Status(_) => "edit-field-status",
        ReleaseEdit::Priority(_) => "edit-field-priority",
        ReleaseEdit::ReleaseType(_) => "edit-field-type",
        ReleaseEdit::Planned(_) => "edit-field-planned",
        ReleaseEdit::WorkWindow { .. } => "edit-field-work-window",
        ReleaseEdit::Agent(_) => "edit-field-agent",
        ReleaseEdit::Group(_) => "edit-field-group",
        ReleaseEdit::Department(_) => "edit-field-department",
        ReleaseEdit::Category(_) => "edit-field-category",
        ReleaseEdit::SubCategory(_) => "edit-field-sub-category",
        ReleaseEdit::ItemCategory(_) => "edit-field-item-category",
        ReleaseEdit::BuildPlan(_) => "edit-field-build-plan",
        ReleaseEdit::TestPlan(_) => "edit-field-test-plan",
        ReleaseEdit::Assets(_) => "edit-field-assets",
        ReleaseEdit::AssociatedChanges(_) => "edit-field-changes",
    })
}

/// `#1, #2, #3` — or `#1, …, #5 and 7 more` — in the current language.
pub fn id_list(ids: &[ReleaseId]) -> String {
    let named: Vec<String> = ids.iter().take(IDS_NAMED).map(|id| format!("#{id}")).collect();
    let named = named.join(", ");
    if ids.len() > IDS_NAMED {
        tr_args("ids-and-more", &[("ids", named.into()), ("more", (ids.len() - IDS_NAMED).into())])
    } else {
        named
    }
}
