//! The window's keyboard shortcuts: each [`AppCommand`]'s, where its [`Scope`] says, and the keys of
//! the screen shown; none of them while a dialog is open.

use super::ReleaseDeskApp;
use crate::ui::command::{AppCommand, Scope};
use crate::ui::release_page::ReleasePage;
use crate::ui::screens::RELEASE_LIST;

impl ReleaseDeskApp {
    /// Whether a dialog is open: one the app knows by its own state, or any `egui::Modal` shown
    /// in the last frame (the release page's lifecycle, link and phase dialogs keep their state
    /// in egui memory, and any new modal is covered without being listed here).
    fn any_modal_open(&self, ctx: &egui::Context) -> bool {
        self.dialogs.new_release.is_open()
            || self.dialogs.show_about
            || self.dialogs.show_shortcuts
            || self.dialogs.people.is_open()
            || self.dialogs.backups.is_open()
            || self.dialogs.show_kpi_help
            || self.screens.any_modal()
            || self.tabs.active.and_then(|i| self.tabs.pages.get(i)).is_some_and(ReleasePage::has_modal)
            || self.asking_to_discard()
            || ctx.memory(|m| m.top_modal_layer().is_some())
    }

    /// Queues the command of every shortcut pressed, then lets the screen shown read its keys.
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        // While a dialog is open the keyboard belongs to it (Esc closes it, Ctrl+S saves a plan):
        // none of the window's or the page's shortcuts act behind it.
        if self.any_modal_open(ctx) {
            return;
        }
        let typing = ctx.egui_wants_keyboard_input();
        let on_page = self.tabs.active.is_some();
        let on_list = !on_page && self.screens.shown() == RELEASE_LIST;
        for (command, shortcut) in AppCommand::shortcut_order() {
            let acts = match command.scope() {
                Scope::Window => true,
                Scope::NotTyping => !typing,
                Scope::Page => on_page,
                Scope::List => on_list && !typing,
            };
            if !acts {
                continue; // Left to whoever else reads it (a text field's own undo, Ctrl+A).
            }
            // A key without modifiers (Esc, Delete) is read, not consumed: an open menu or popup
            // still closes on Esc.
            let pressed = if shortcut.modifiers.is_none() {
                ctx.input(|i| i.key_pressed(shortcut.logical_key))
            } else {
                ctx.input_mut(|i| i.consume_shortcut(&shortcut))
            };
            if pressed {
                self.outbox.send(command);
            }
        }
        if typing || on_page {
            return;
        }
        if let Some(action) = self.with_screen_context(|screens, cx| screens.shown_mut().keys(ctx, cx)) {
            self.on_screen_action(action);
        }
    }
}
