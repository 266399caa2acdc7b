//! The old English labels of commands (as the undo and redo rows of older logs named them) read
//! back into typed summaries.

use super::Names;
use crate::domain::activity::{Assigned, BulkSummary, CommandSummary, EditedField, Named};
use crate::domain::{AgentId, ChangeId, ConfigItemId, GroupId, Priority, ReleaseId, Stage, Status};

/// `"#12"`.
fn release_id(text: &str) -> Option<ReleaseId> {
    text.strip_prefix('#')?.parse().ok().map(ReleaseId)
}

/// `"\"text\""`.
fn quoted(text: &str) -> Option<String> {
    Some(text.strip_prefix('"')?.strip_suffix('"')?.to_owned())
}

/// The summary of a command from its old English label (`Command::label` as it was).
pub(super) fn summary(label: &str, names: &Names) -> Option<CommandSummary> {
    use CommandSummary as S;
    let fixed = match label {
        "change the current agent" => Some(S::ChangeCurrentAgent),
        "change the language" => Some(S::SetLanguage),
        "change the theme" => Some(S::SetTheme),
        "change the KPI targets" => Some(S::SetKpiTargets),
        "delete a saved view" => Some(S::DeleteSavedView),
        "edit a note" => Some(S::EditNote),
        "delete a note" => Some(S::DeleteNote),
        "delete a task" => Some(S::DeleteTask),
        "stop the timer" => Some(S::StopTimer),
        "edit a time entry" => Some(S::EditTimeEntry),
        "delete a time entry" => Some(S::DeleteTimeEntry),
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
    }
    let words: Vec<&str> = label.split(' ').collect();
    let release = |i: usize| words.get(i).and_then(|w| release_id(w));
    let rest = |i: usize| words.get(i..).map(|w| w.join(" ")).unwrap_or_default();
    let count = |i: usize| words.get(i).and_then(|w| w.parse::<u32>().ok());
    match words.as_slice() {
        ["create", "release", ..] => quoted(&rest(2)).map(|subject| S::CreateRelease { subject }),
        ["edit", id] => release_id(id).map(|release| S::EditRelease { release, field: None }),
        ["edit", "the", "readiness", "of", id] => release_id(id).map(|release| S::EditReadiness { release }),
        ["edit", "task", ..] => quoted(&rest(2)).map(|title| S::EditTask { title }),
        ["edit", "Change", change] => {
            change.strip_prefix("CHG-")?.parse().ok().map(|id| S::UpdateChange { change: ChangeId(id) })
        }
        ["edit", .., "of", id] => {
            let field = EditedField::ALL
                .iter()
                .copied()
                .find(|f| edited_label(*f) == words[1..words.len() - 2].join(" "));
            release_id(id).map(|release| S::EditRelease { release, field })
        }
        ["add", "agent", ..] => Some(S::AddAgent { name: rest(2) }),
        ["add", "group", ..] => Some(S::AddGroup { name: rest(2) }),
        ["add", "department", ..] => Some(S::AddDepartment { name: rest(2) }),
        ["add", "a", "note", "to", id] => release_id(id).map(|release| S::AddNote { release }),
        ["add", "task", .., "to", id] => {
            let title = quoted(&words[2..words.len() - 2].join(" "))?;
            release_id(id).map(|release| S::AddTask { release, title })
        }
        ["save", "view", ..] => quoted(&rest(2)).map(|name| S::SaveView { name }),
        ["load", n, "sample", "releases"] => n.parse().ok().map(|count| S::LoadSample { count }),
        ["log", "time", "on", id] => release_id(id).map(|release| S::AddTime { release }),
        ["start", "a", "timer", "on", id] => release_id(id).map(|release| S::StartTimer { release }),
        ["create", "Change", ..] => quoted(&rest(2)).map(|subject| S::CreateChange { subject }),
        ["create", "CI", ..] => quoted(&rest(2)).map(|name| S::CreateConfigItem { name }),
        ["link" | "unlink", "CI", item, _, id] => Some(S::LinkConfigItem {
            release: release_id(id)?,
            item: ConfigItemId(item.parse().ok()?),
            linked: words[0] == "link",
        }),
        ["link" | "unlink", change, _, id] => Some(S::LinkChange {
            release: release_id(id)?,
            change: ChangeId(change.strip_prefix("CHG-")?.parse().ok()?),
            linked: words[0] == "link",
        }),
        ["move", id, "to", "Trash"] if id.starts_with('#') => {
            release(1).map(|release| S::TrashRelease { release })
        }
        ["move", id, "to", ..] if id.starts_with('#') => {
            let to = Stage::ALL.into_iter().find(|s| s.label() == rest(3))?;
            release(1).map(|release| S::MoveStage { release, to })
        }
        ["move", _, "releases", "to", "Trash"] => {
            Some(S::Bulk { count: count(1)?, action: BulkSummary::Trash })
        }
        ["restore", _, "releases", "from", "Trash"] => {
            Some(S::Bulk { count: count(1)?, action: BulkSummary::Restore })
        }
        ["delete", _, "releases", "forever"] => {
            Some(S::Bulk { count: count(1)?, action: BulkSummary::Purge })
        }
        ["pick", "up", _, "releases"] => Some(S::Bulk { count: count(2)?, action: BulkSummary::PickUp }),
        ["assign", _, "releases", "to", ..] => {
            Some(S::Bulk { count: count(1)?, action: assignment(&rest(4), names)? })
        }
        ["set", "the", "status", "of", _, "releases", "to", ..] => {
            Some(S::Bulk { count: count(4)?, action: BulkSummary::SetStatus(Status::parse(&rest(7))?) })
        }
        ["set", "the", "priority", "of", _, "releases", "to", ..] => {
            Some(S::Bulk { count: count(4)?, action: BulkSummary::SetPriority(Priority::parse(&rest(7))?) })
        }
        _ => None,
    }
}

/// `"agent 3 and no group"`, `"no agent"`, `"group 2"`.
fn assignment(text: &str, names: &Names) -> Option<BulkSummary> {
    let (mut agent, mut group) = (Assigned::Unchanged, Assigned::Unchanged);
    for part in text.split(" and ") {
        match part.split_once(' ')? {
            ("no", "agent") => agent = Assigned::Nobody,
            ("no", "group") => group = Assigned::Nobody,
            ("agent", id) => {
                let id: i64 = id.parse().ok()?;
                let name = names.agents.get(&id).cloned().unwrap_or_default();
                agent = Assigned::To(Named { id: Some(AgentId(id)), name });
            }
            ("group", id) => {
                let id: i64 = id.parse().ok()?;
                let name = names.groups.get(&id).cloned().unwrap_or_default();
                group = Assigned::To(Named { id: Some(GroupId(id)), name });
            }
            _ => return None,
        }
    }
    Some(BulkSummary::Assign { agent, group })
}

/// How the old label named an edited field.
fn edited_label(field: EditedField) -> &'static str {
    match field {
        EditedField::Subject => "subject",
        EditedField::Description => "description",
        EditedField::Status => "status",
        EditedField::Priority => "priority",
        EditedField::ReleaseType => "release_type",
        EditedField::Planned => "planned window",
        EditedField::WorkWindow => "work window",
        EditedField::Agent => "agent",
        EditedField::Group => "group",
        EditedField::Department => "department",
        EditedField::Category => "category",
        EditedField::SubCategory => "sub_category",
        EditedField::ItemCategory => "item_category",
        EditedField::BuildPlan => "build plan",
        EditedField::TestPlan => "test plan",
        EditedField::Assets => "CIs",
        EditedField::Changes => "changes",
    }
}
