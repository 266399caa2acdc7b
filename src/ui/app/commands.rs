//! The drain of the window's [`Outbox`](crate::ui::outbox::Outbox): once a frame, after drawing,
//! every queued command is applied in the order it was asked for and its result goes back to its
//! [`Sender`]; the status bar names the last thing done, or why it failed.

use super::ReleaseDeskApp;
use crate::i18n::{self, tr_args};
use crate::model::{Applied, BulkAction, Command, CommandError, Model};
use crate::ui::outbox::{HistoryStep, Outgoing, Sender};

/// A line for the status bar: the text and whether it tells of a failure.
type Message = (String, bool);

impl ReleaseDeskApp {
    /// Applies everything in the outbox (the pages' commands joining it first), oldest first, and
    /// hands each result back to its sender. Returns whether there was anything to apply.
    pub(super) fn drain_outbox(&mut self) -> bool {
        for page in &mut self.tabs.pages {
            let id = page.release_id();
            for (origin, command) in page.take_commands() {
                self.outbox.push(Sender::Page(id, origin), command);
            }
        }
        let items = self.outbox.take();
        let Some(revision) = self.session.model.as_ref().map(Model::revision) else { return false };
        let mut last = None;
        for item in items {
            let Some(model) = &mut self.session.model else { break };
            let message = match item {
                Outgoing::Apply(sender, command) => {
                    let label = i18n::command_label(&command, model.directory());
                    let leaves_view = matches!(
                        &command,
                        Command::Bulk {
                            action: BulkAction::Trash | BulkAction::Restore | BulkAction::Purge,
                            ..
                        }
                    );
                    let result = model.apply(command);
                    self.deliver(sender, &label, leaves_view, result)
                }
                Outgoing::History(step) => {
                    let (result, key) = match step {
                        HistoryStep::Undo => (model.undo(), "status-undone"),
                        HistoryStep::Redo => (model.redo(), "status-redone"),
                    };
                    match result {
                        Ok(Some(command)) => {
                            let label = i18n::command_label(&command, model.directory());
                            Some((tr_args(key, &[("what", label.into())]), false))
                        }
                        Ok(None) => None,
                        Err(err) => Some((i18n::command_error(&err), true)),
                    }
                }
            };
            if message.is_some() {
                last = message;
            }
        }
        let changed = self.session.model.as_ref().is_some_and(|m| m.revision() != revision);
        let any = last.is_some();
        if let Some((text, is_error)) = last {
            self.set_status(text, is_error);
        }
        changed || any
    }

    /// Hands the result of a command labelled `label` back to `sender`; returns the status line
    /// it calls for. `leaves_view`: a bulk command that takes its releases out of the list's view.
    fn deliver(
        &mut self,
        sender: Sender,
        label: &str,
        leaves_view: bool,
        result: Result<Applied, CommandError>,
    ) -> Option<Message> {
        let done = || (tr_args("status-done", &[("what", label.into())]), false);
        let failed = |err: &CommandError| (i18n::command_error(err), true);
        match sender {
            Sender::NewRelease => {
                let message = match &result {
                    Ok(applied) => {
                        if let Some(id) = applied.created() {
                            self.screens.list.table.selection.select_only(id);
                        }
                        Some(done())
                    }
                    Err(_) => None,
                };
                self.dialogs.new_release.on_result(result.map(|_| ()).map_err(|e| i18n::command_error(&e)));
                message
            }
            Sender::Page(id, origin) => {
                let message = match &result {
                    Ok(_) => (tr_args("status-saved", &[("what", label.into())]), false),
                    Err(err) => failed(err),
                };
                if let Some(page) = self.tabs.pages.iter_mut().find(|p| p.release_id() == id) {
                    page.on_result(origin, result.map(|_| ()).map_err(|e| i18n::command_error(&e)));
                }
                Some(message)
            }
            Sender::Screen(id) => {
                let message = result.is_ok().then(done);
                if let Some(screen) = self.screens.by_id_mut(id) {
                    screen.on_result(result.map(|_| ()).map_err(|e| i18n::command_error(&e)));
                }
                message
            }
            Sender::Bulk => Some(match result {
                Ok(applied) if !applied.changed() => {
                    (tr_args("status-nothing-changed", &[("what", label.into())]), false)
                }
                Ok(_) => {
                    if leaves_view {
                        self.screens.list.table.selection.clear();
                    }
                    done()
                }
                Err(err) => failed(&err),
            }),
            Sender::People | Sender::Filters | Sender::Window => Some(match result {
                Ok(_) => done(),
                Err(err) => failed(&err),
            }),
        }
    }
}
