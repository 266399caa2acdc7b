//! The window's keyboard shortcuts, and the rule that none of them acts while a dialog is open.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::{MainView, ReleaseDeskApp};
use crate::domain::ReleaseId;
use crate::ui::outbox::HistoryStep;
use crate::ui::release_page::ReleasePage;

pub(super) const SHORTCUT_NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
pub(super) const SHORTCUT_FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
pub(super) const SHORTCUT_CLOSE_TAB: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::W);
pub(super) const SHORTCUT_UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
pub(super) const SHORTCUT_REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
pub(super) const SHORTCUT_REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
pub(super) const SHORTCUT_SELECT_ALL: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::A);

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
            || self.screens.dashboard.targets_open()
            || self.tabs.active.and_then(|i| self.tabs.pages.get(i)).is_some_and(ReleasePage::has_modal)
            || self.list.bulk_bar.is_confirming()
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
            self.list.focus_search = true;
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
        if ctx.egui_wants_keyboard_input() || self.screens.shown != MainView::Releases {
            return;
        }
        if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_SELECT_ALL)) {
            self.select_all();
        }
        self.list_keys(ctx);
    }

    /// The list's keys: arrows (with Shift to extend), Enter to open, Esc to clear, Delete.
    fn list_keys(&mut self, ctx: &egui::Context) {
        let Some(model) = &self.session.model else { return };
        let rows = self.list.rows.rows();
        let position = self
            .list
            .table
            .selection
            .cursor()
            .and_then(|id| rows.iter().position(|&i| model.releases()[i].id == id));
        let (down, up, enter, escape, delete, shift) = ctx.input(|i| {
            (
                i.key_pressed(Key::ArrowDown),
                i.key_pressed(Key::ArrowUp),
                i.key_pressed(Key::Enter),
                i.key_pressed(Key::Escape),
                i.key_pressed(Key::Delete),
                i.modifiers.shift,
            )
        });
        let target = if down {
            Some(position.map_or(0, |p| (p + 1).min(rows.len().saturating_sub(1))))
        } else if up {
            Some(position.map_or(0, |p| p.saturating_sub(1)))
        } else {
            None
        };
        if let Some(target) = target.filter(|&t| t < rows.len()) {
            let id = model.releases()[rows[target]].id;
            if shift {
                let ids: Vec<ReleaseId> = rows.iter().map(|&i| model.releases()[i].id).collect();
                self.list.table.selection.extend_to(id, &ids, false);
            } else {
                self.list.table.selection.select_only(id);
            }
            self.list.table.scroll_to_row(target);
        }
        if enter && let Some(id) = self.list.table.selection.cursor() {
            self.open_page(id);
        }
        if escape {
            self.list.table.selection.clear();
        }
        if delete {
            self.delete_selection();
        }
    }
}
