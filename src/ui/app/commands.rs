//! The drain of the window's [`Outbox`](crate::ui::outbox::Outbox): once a frame, after drawing,
//! every queued model command is applied and every window command ([`AppCommand`]) run, in the
//! order they were asked for; each model command's result goes back to its [`Sender`], and the
//! status bar names the last thing done, or why it failed.

use super::ReleaseDeskApp;
use crate::domain::PredefinedView;
use crate::i18n::{self, tr, tr_args};
use crate::model::{Applied, BulkAction, Command, CommandError, Model};
use crate::ui::command::AppCommand;
use crate::ui::outbox::{Outgoing, Sender};

/// A line for the status bar: the text and whether it tells of a failure.
type Message = (String, bool);

/// How many times one drain takes what was queued meanwhile (a command run may queue more: Close
/// tab saves the page's fields, Move to Trash queues the bulk command); the rest waits a frame.
const ROUNDS: usize = 4;

impl ReleaseDeskApp {
    /// Runs everything in the outbox, oldest first, and hands
    /// each result back to its sender. Returns whether anything ran.
    pub(super) fn drain_outbox(&mut self, ctx: &egui::Context) -> bool {
        let revision = self.session.model.as_ref().map(Model::revision);
        let mut last = None;
        let mut ran = false;
        for _ in 0..ROUNDS {
            let items = self.outbox.take();
            if items.is_empty() {
                break;
            }
            ran = true;
            for item in items {
                let message = match item {
                    Outgoing::Apply(sender, command) => self.apply(sender, command),
                    Outgoing::App(command) => self.run_command(command, ctx),
                };
                if message.is_some() {
                    last = message;
                }
            }
        }
        let changed = self.session.model.as_ref().map(Model::revision) != revision;
        if let Some((text, is_error)) = last {
            self.set_status(text, is_error);
        }
        changed || ran
    }

    /// Applies `command` and hands the result to `sender` (nothing without a database).
    fn apply(&mut self, sender: Sender, command: Command) -> Option<Message> {
        let model = self.session.model.as_mut()?;
        let label = i18n::command_label(&command, model.directory());
        let leaves_view = matches!(
            &command,
            Command::Bulk { action: BulkAction::Trash | BulkAction::Restore | BulkAction::Purge, .. }
        );
        let result = model.apply(command);
        self.deliver(sender, &label, leaves_view, result)
    }

    /// Does what a window command says; returns the status line it calls for.
    fn run_command(&mut self, command: AppCommand, ctx: &egui::Context) -> Option<Message> {
        match command {
            AppCommand::NewRelease => self.open_new_release(),
            AppCommand::OpenDatabase => self.pick_database(ctx),
            AppCommand::NewDatabase => self.pick_new_database(ctx),
            AppCommand::People => self.dialogs.people.open(),
            AppCommand::Templates => self.dialogs.templates.open(),
            AppCommand::LoadSample => self.load_sample(),
            AppCommand::Import => self.dialogs.data.ask_import(ctx),
            AppCommand::Export => self.dialogs.data.open_export(),
            AppCommand::Backups => self.dialogs.backups.open(&self.session.db_path),
            AppCommand::Team => {
                if let Some(model) = &self.session.model {
                    self.dialogs.team.open(model);
                }
            }
            AppCommand::SyncNow => return self.sync_now(ctx),
            AppCommand::CloseTab => {
                if let Some(index) = self.tabs.active {
                    self.request_close_page(index);
                }
            }
            AppCommand::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            AppCommand::ZoomIn => egui::gui_zoom::zoom_in(ctx),
            AppCommand::ZoomOut => egui::gui_zoom::zoom_out(ctx),
            AppCommand::ZoomReset => ctx.set_zoom_factor(1.0),
            AppCommand::Undo | AppCommand::Redo => return self.step_history(command == AppCommand::Undo),
            AppCommand::SelectAll => {
                if let Some(model) = &self.session.model {
                    self.screens.list.select_all(model);
                }
            }
            AppCommand::ClearSelection => self.screens.list.table.selection.clear(),
            AppCommand::MoveToTrash => self.screens.list.delete_selection(&mut self.outbox),
            AppCommand::Find => self.screens.list.focus_search = true,
            AppCommand::KeyboardShortcuts => self.dialogs.show_shortcuts = true,
            AppCommand::KpiHelp => self.dialogs.show_kpi_help = true,
            AppCommand::About => self.dialogs.show_about = true,
        }
        None
    }

    /// Undoes (or redoes) the last command, naming it in the status bar.
    fn step_history(&mut self, undo: bool) -> Option<Message> {
        let model = self.session.model.as_mut()?;
        let (result, key) =
            if undo { (model.undo(), "status-undone") } else { (model.redo(), "status-redone") };
        match result {
            Ok(Some(command)) => {
                let label = i18n::command_label(&command, model.directory());
                Some((tr_args(key, &[("what", label.into())]), false))
            }
            Ok(None) => None,
            Err(err) => Some((i18n::command_error(&err), true)),
        }
    }

    /// Whether the menu offers `command` now (its shortcut may still act: Delete in Trash asks to
    /// delete forever, which the menu's Move to Trash does not offer).
    pub(super) fn command_enabled(&self, command: AppCommand) -> bool {
        let model = self.session.model.as_ref();
        let list = &self.screens.list;
        match command {
            AppCommand::LoadSample => model.is_some_and(|m| m.releases().is_empty()),
            AppCommand::Import => model.is_some_and(|m| !m.is_read_only()),
            AppCommand::Export => model.is_some(),
            AppCommand::Undo => model.is_some_and(|m| m.history().next_undo().is_some()),
            AppCommand::Redo => model.is_some_and(|m| m.history().next_redo().is_some()),
            AppCommand::CloseTab => self.tabs.active.is_some(),
            AppCommand::SyncNow => {
                model.is_some_and(|m| m.team().is_some() && !m.is_read_only()) && !self.team_sync.is_running()
            }
            AppCommand::Team => model.is_some_and(|m| !m.is_read_only()),
            AppCommand::ClearSelection => !list.table.selection.is_empty(),
            AppCommand::MoveToTrash => {
                !list.table.selection.is_empty() && list.state.base_view() != PredefinedView::Trash
            }
            _ => true,
        }
    }

    /// The menu's text for `command`: its label, and what Undo and Redo would undo or redo.
    pub(super) fn command_text(&self, command: AppCommand) -> String {
        let Some(model) = &self.session.model else { return tr(command.label_key()) };
        let history = model.history();
        let (next, key) = match command {
            AppCommand::Undo => (history.next_undo(), "menu-undo-what"),
            AppCommand::Redo => (history.next_redo(), "menu-redo-what"),
            _ => (None, ""),
        };
        match next {
            Some(c) => tr_args(key, &[("what", i18n::command_label(c, model.directory()).into())]),
            None => tr(command.label_key()),
        }
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
            Sender::People => {
                let message = match &result {
                    Ok(_) => done(),
                    Err(err) => failed(err),
                };
                self.dialogs.people.on_result(result.map(|_| ()).map_err(|e| i18n::command_error(&e)));
                Some(message)
            }
            Sender::Templates => {
                let message = match &result {
                    Ok(_) => done(),
                    Err(err) => failed(err),
                };
                self.dialogs.templates.on_result(result.map(|_| ()).map_err(|e| i18n::command_error(&e)));
                Some(message)
            }
            Sender::Filters | Sender::Window => Some(match result {
                Ok(_) => done(),
                Err(err) => failed(&err),
            }),
        }
    }
}
