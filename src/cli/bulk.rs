//! `bulk`: one action on many releases, all or nothing.

use std::path::Path;

use super::{BulkVerb, find_agent, open_for_writing};
use crate::domain::{GroupId, ReleaseId};
use crate::i18n::{self, tr_args};
use crate::model::{BulkAction, Command, Model};

/// `bulk`: applies `action` to every release of `ids` in one command, or to none.
pub(super) fn bulk(
    db: &Path,
    action: BulkVerb,
    ids: Vec<ReleaseId>,
    agent: Option<String>,
    group: Option<String>,
    as_agent: Option<String>,
) -> Result<String, String> {
    let mut model = open_for_writing(db)?;
    if let Some(text) = as_agent {
        let me = find_agent(&model, &text)?;
        model.act_as(Some(me));
    }
    if action != BulkVerb::Assign && (agent.is_some() || group.is_some()) {
        return Err(i18n::tr("cli-error-bulk-agent-only"));
    }
    let action = match action {
        BulkVerb::Delete => BulkAction::Trash,
        BulkVerb::Restore => BulkAction::Restore,
        BulkVerb::Purge => BulkAction::Purge,
        BulkVerb::PickUp => BulkAction::PickUp,
        BulkVerb::Assign => {
            if agent.is_none() && group.is_none() {
                return Err(i18n::tr("cli-error-bulk-assign-needs"));
            }
            let agent = agent.map(|text| optional(&text, |t| find_agent(&model, t))).transpose()?;
            let group = group.map(|text| optional(&text, |t| find_group(&model, t))).transpose()?;
            BulkAction::Assign { agent, group }
        }
    };
    // An id given twice is one release: it is acted on, and counted, once.
    let mut seen = std::collections::HashSet::new();
    let ids: Vec<ReleaseId> = ids.into_iter().filter(|id| seen.insert(*id)).collect();
    let command = Command::Bulk { ids, action };
    let label = i18n::command_label(&command, model.directory());
    model.apply(command).map_err(|e| i18n::command_error(&e))?;
    Ok(tr_args("status-done", &[("what", label.into())]) + "\n")
}

/// `none` (or an empty text) means "no one"; anything else is looked up.
pub(super) fn optional<T>(text: &str, find: impl Fn(&str) -> Result<T, String>) -> Result<Option<T>, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed.eq_ignore_ascii_case("none") {
        Ok(None)
    } else {
        find(trimmed).map(Some)
    }
}

pub(super) fn find_group(model: &Model, text: &str) -> Result<GroupId, String> {
    model
        .directory()
        .find_group(text)
        .map(|g| g.id)
        .ok_or_else(|| tr_args("cli-error-no-group", &[("group", text.into())]))
}
