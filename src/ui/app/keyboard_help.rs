//! Help > Keyboard shortcuts: every window command with its shortcuts (read from [`AppCommand`]),
//! then the keys that act in lists and dialogs.

use egui::RichText;

use super::ReleaseDeskApp;
use crate::i18n::tr;
use crate::ui::command::{AppCommand, OTHER_KEYS, OtherKeys, shortcut_text};

impl ReleaseDeskApp {
    pub(super) fn keyboard_help_ui(&mut self, ctx: &egui::Context) {
        let modal =
            crate::ui::widgets::dialog(egui::Id::unique("keyboard_shortcuts_modal")).show(ctx, |ui| {
                ui.set_width(560.0);
                ui.heading(tr("keys-title"));
                ui.add_space(6.0);
                ui.strong(tr("keys-commands"));
                egui::Grid::new("keys_commands").num_columns(2).spacing([24.0, 4.0]).striped(true).show(
                    ui,
                    |ui| {
                        for command in AppCommand::ALL.into_iter().filter(|c| !c.shortcuts().is_empty()) {
                            let keys: Vec<String> =
                                command.shortcuts().iter().map(|s| shortcut_text(ctx, s)).collect();
                            ui.label(RichText::new(keys.join(" / ")).strong());
                            ui.label(tr(command.label_key()));
                            ui.end_row();
                        }
                    },
                );
                ui.add_space(8.0);
                ui.strong(tr("keys-other"));
                egui::Grid::new("keys_other").num_columns(2).spacing([24.0, 4.0]).striped(true).show(
                    ui,
                    |ui| {
                        for (keys, what) in OTHER_KEYS {
                            let keys = match keys {
                                OtherKeys::Shortcut(s) => shortcut_text(ctx, s),
                                OtherKeys::Pair(a, b) => {
                                    format!("{} / {}", shortcut_text(ctx, a), shortcut_text(ctx, b))
                                }
                                OtherKeys::Mouse(key) => tr(key),
                            };
                            ui.label(RichText::new(keys).strong());
                            ui.label(tr(what));
                            ui.end_row();
                        }
                    },
                );
                ui.add_space(6.0);
                ui.label(RichText::new(tr("keys-dialog-note")).weak());
                ui.add_space(8.0);
                if ui.button(tr("action-close")).clicked() {
                    self.dialogs.show_shortcuts = false;
                }
            });
        if modal.should_close() {
            self.dialogs.show_shortcuts = false;
        }
    }
}
