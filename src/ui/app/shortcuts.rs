//! The window's keyboard shortcuts, and the rule that none of them acts while a dialog is open.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::ReleaseDeskApp;
use crate::ui::outbox::HistoryStep;
use crate::ui::release_page::ReleasePage;

pub(super) const SHORTCUT_NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
pub(super) const SHORTCUT_FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
pub(super) const SHORTCUT_CLOSE_TAB: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::W);
pub(super) const SHORTCUT_UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
pub(super) const SHORTCUT_REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
pub(super) const SHORTCUT_REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);

impl ReleaseDeskApp {
    /// Whether a dialog is open: one the app knows by its own state, or any `egui::Modal` shown
    /// in the last frame (the release page's lifecycle, link and phase dialogs keep their state
    /// in egui memory, and any new modal is covered without being listed here).
    fn any_modal_open(&self, ctx: &egui::Context) -> bool {
        self.dialogs.new_release.is_open()
            || self.dialogs.show_about
            || self.dialogs.people.is_open()
            || self.dialogs.backups.is_open()
            || self.dialogs.show_kpi_help
            || self.screens.any_modal()
            || self.tabs.active.and_then(|i| self.tabs.pages.get(i)).is_some_and(ReleasePage::has_modal)
            || self.asking_to_discard()
            || ctx.memory(|m| m.top_modal_layer().is_some())
    }

    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        // While a dialog is open the keyboard belongs to it (Esc closes it, Ctrl+S saves a plan):
        // none of the window's or the page's shortcuts act behind it.
        if self.any_modal_open(ctx) {
            return;
        }
        if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_NEW)) {
            self.open_new_release();
        }
        if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_FIND)) {
            self.screens.list.focus_search = true;
        }
        // Undo and redo work on the list and on pages, but not while typing (a text field has its
        // own undo).
        if !ctx.egui_wants_keyboard_input() {
            // Redo first: Ctrl+Z would also match Ctrl+Shift+Z.
            if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_REDO) || i.consume_shortcut(&SHORTCUT_REDO_Y)) {
                self.outbox.step(HistoryStep::Redo);
            }
            if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_UNDO)) {
                self.outbox.step(HistoryStep::Undo);
            }
        }
        if let Some(index) = self.tabs.active {
            if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_CLOSE_TAB)) {
                self.request_close_page(index);
            }
            return;
        }
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        if let Some(action) = self.with_screen_context(|screens, cx| screens.shown_mut().keys(ctx, cx)) {
            self.on_screen_action(action);
        }
    }
}
