//! The command queues and their drain: panels push [`Command`]s during the frame, and
//! `drain_commands` applies them once, at its end, routing each result back to the panel that
//! asked (so a dialog keeps the user's edits when the write fails) and naming it in the status bar.

use super::ReleaseDeskApp;
use crate::i18n::{self, tr_args};
use crate::model::{BulkAction, Command};

/// A step through the session's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum HistoryStep {
    Undo,
    Redo,
}

/// Commands queued this frame, by the panel that gave them.
#[derive(Default)]
pub(super) struct Queued {
    pub(super) new_release: Vec<Command>,
    pub(super) dashboard: Vec<Command>,
    /// Bulk actions on the selection.
    pub(super) bulk: Vec<Command>,
    pub(super) other: Vec<Command>,
    pub(super) history: Vec<HistoryStep>,
}

impl ReleaseDeskApp {
    /// Applies every queued command, in order, and routes results to the panels that asked.
    /// Returns whether there was anything to apply.
    pub(super) fn drain_commands(&mut self) -> bool {
        let queued = std::mem::take(&mut self.queued);
        let Some(model) = &mut self.session.model else { return false };
        let revision = model.revision();
        let mut messages = Vec::new();
        for command in queued.new_release {
            let label = i18n::command_label(&command, model.directory());
            let result = model.apply(command);
            if let Ok(applied) = &result {
                if let Some(id) = applied.created {
                    self.list.table.selection.select_only(id);
                }
                messages.push((tr_args("status-done", &[("what", label.into())]), false));
            }
            self.dialogs.new_release.on_result(result.map(|_| ()).map_err(|e| i18n::command_error(&e)));
        }
        for page in &mut self.tabs.pages {
            for (origin, command) in page.take_commands() {
                let label = i18n::command_label(&command, model.directory());
                let result = model.apply(command);
                match &result {
                    Ok(_) => messages.push((tr_args("status-saved", &[("what", label.into())]), false)),
                    Err(err) => messages.push((i18n::command_error(err), true)),
                }
                page.on_result(origin, result.map(|_| ()).map_err(|e| i18n::command_error(&e)));
            }
        }
        for command in queued.dashboard {
            let label = i18n::command_label(&command, model.directory());
            let result = model.apply(command);
            if result.is_ok() {
                messages.push((tr_args("status-done", &[("what", label.into())]), false));
            }
            self.screens.dashboard.on_result(result.map(|_| ()).map_err(|e| i18n::command_error(&e)));
        }
        for command in queued.bulk {
            let label = i18n::command_label(&command, model.directory());
            let leaves_view = matches!(
                &command,
                Command::Bulk { action: BulkAction::Trash | BulkAction::Restore | BulkAction::Purge, .. }
            );
            match model.apply(command) {
                Ok(applied) if applied.inverse.is_empty() => {
                    messages.push((tr_args("status-nothing-changed", &[("what", label.into())]), false));
                }
                Ok(_) => {
                    if leaves_view {
                        self.list.table.selection.clear();
                    }
                    messages.push((tr_args("status-done", &[("what", label.into())]), false));
                }
                Err(err) => messages.push((i18n::command_error(&err), true)),
            }
        }
        for command in queued.other {
            let label = i18n::command_label(&command, model.directory());
            match model.apply(command) {
                Ok(_) => messages.push((tr_args("status-done", &[("what", label.into())]), false)),
                Err(err) => messages.push((i18n::command_error(&err), true)),
            }
        }
        for step in queued.history {
            let (result, key) = match step {
                HistoryStep::Undo => (model.undo(), "status-undone"),
                HistoryStep::Redo => (model.redo(), "status-redone"),
            };
            match result {
                Ok(Some(command)) => {
                    let label = i18n::command_label(&command, model.directory());
                    messages.push((tr_args(key, &[("what", label.into())]), false));
                }
                Ok(None) => {}
                Err(err) => messages.push((i18n::command_error(&err), true)),
            }
        }
        let changed = model.revision() != revision;
        let any = !messages.is_empty();
        if let Some((text, is_error)) = messages.pop() {
            self.set_status(text, is_error);
        }
        changed || any
    }
}
