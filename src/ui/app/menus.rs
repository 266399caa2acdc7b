//! The top bar: the File, Edit, View and Help menus (the window commands of
//! [`AppCommand`] placed in each, and the View menu's screens, theme and language), then the screen switch, New release, the
//! search field and who is signed in.

use egui::RichText;

use super::ReleaseDeskApp;
use crate::domain::{Language, Theme};
use crate::i18n::tr;
use crate::model::{Command, SettingsCommand};
use crate::ui::command::{AppCommand, Menu, shortcut_text};
use crate::ui::outbox::Sender;

impl ReleaseDeskApp {
    pub(super) fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| self.menu_bar_ui(ui));
        ui.horizontal(|ui| self.toolbar_ui(ui));
        ui.add_space(2.0);
    }

    fn menu_bar_ui(&mut self, ui: &mut egui::Ui) {
        ui.menu_button(tr("menu-file"), |ui| self.commands_ui(ui, Menu::File));
        ui.menu_button(tr("menu-edit"), |ui| self.commands_ui(ui, Menu::Edit));
        ui.menu_button(tr("menu-view"), |ui| {
            self.view_menu_ui(ui);
            self.commands_ui(ui, Menu::View);
        });
        ui.menu_button(tr("menu-help"), |ui| self.commands_ui(ui, Menu::Help));
    }

    /// The window commands placed in `menu`, in their order, with their primary shortcut.
    fn commands_ui(&mut self, ui: &mut egui::Ui, menu: Menu) {
        for command in AppCommand::ALL.into_iter().filter(|c| c.menu() == Some(menu)) {
            if command.starts_group() {
                ui.separator();
            }
            let mut button = egui::Button::new(self.command_text(command));
            if let Some(primary) = command.shortcuts().first() {
                button = button.shortcut_text(shortcut_text(ui.ctx(), primary));
            }
            if ui.add_enabled(self.command_enabled(command), button).clicked() {
                self.outbox.send(command);
            }
        }
    }

    /// The View menu's choices: the screen shown, the theme and the language.
    fn view_menu_ui(&mut self, ui: &mut egui::Ui) {
        let screens: Vec<_> = self.screens.iter().map(|s| (s.id(), s.title_key())).collect();
        for (id, key) in screens {
            let shown = self.screens.shown() == id && self.tabs.active.is_none();
            if ui.radio(shown, tr(key)).clicked() {
                self.show_screen(id);
            }
        }
        ui.separator();
        let current = self.session.model.as_ref().map_or(Theme::System, |m| m.settings().theme);
        for (theme, key) in
            [(Theme::System, "theme-system"), (Theme::Light, "theme-light"), (Theme::Dark, "theme-dark")]
        {
            if ui.radio(current == theme, tr(key)).clicked() {
                self.outbox.push(Sender::Window, Command::Settings(SettingsCommand::SetTheme(theme)));
            }
        }
        ui.separator();
        ui.label(tr("menu-language"));
        let language = self.language();
        for candidate in Language::ALL {
            if ui.radio(language == candidate, candidate.native_name()).clicked() {
                self.outbox
                    .push(Sender::Window, Command::Settings(SettingsCommand::SetLanguage(Some(candidate))));
            }
        }
    }

    /// Under the menus: the screen switch, New release, the search field and who is signed in.
    fn toolbar_ui(&mut self, ui: &mut egui::Ui) {
        let screens: Vec<_> = self.screens.iter().map(|s| (s.id(), s.title_key())).collect();
        for (id, key) in screens {
            let shown = self.screens.shown() == id && self.tabs.active.is_none();
            if ui.selectable_label(shown, RichText::new(tr(key)).strong()).clicked() {
                self.show_screen(id);
            }
        }
        ui.separator();
        let new_release = AppCommand::NewRelease;
        let hint = new_release.shortcuts().first().map(|s| shortcut_text(ui.ctx(), s)).unwrap_or_default();
        if ui.button(tr("action-new-release")).on_hover_text(hint).clicked() {
            self.outbox.send(new_release);
        }
        ui.add_space(8.0);
        // Narrower on a narrow window, so it never runs under "Working as" and its menu (about
        // 260 px on the right, and the clear button).
        let search_width = (ui.available_width() - 300.0).clamp(120.0, 320.0);
        let search = ui
            .add(
                egui::TextEdit::singleline(&mut self.screens.list.state.filter.text)
                    .hint_text(tr("search-hint"))
                    .desired_width(search_width),
            )
            .on_hover_text(tr("search-label"));
        if std::mem::take(&mut self.screens.list.focus_search) {
            // Ctrl+F puts the cursor in the search and selects what is there, to type over it.
            search.request_focus();
            let chars = self.screens.list.state.filter.text.chars().count();
            let mut state = egui::TextEdit::load_state(ui.ctx(), search.id).unwrap_or_default();
            state.cursor.set_char_range(Some(egui::text::CCursorRange::two(
                egui::text::CCursor::new(0),
                egui::text::CCursor::new(chars),
            )));
            state.store(ui.ctx(), search.id);
        }
        if !self.screens.list.state.filter.text.is_empty()
            && ui.small_button("✖").on_hover_text(tr("search-clear")).clicked()
        {
            self.screens.list.state.filter.text.clear();
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let Some(model) = &self.session.model {
                let mut me = model.settings().current_agent;
                let before = me;
                let text = me
                    .map_or_else(|| tr("agent-nobody"), |a| model.directory().agent_name(Some(a)).to_owned());
                egui::ComboBox::from_id_salt("current_agent")
                    .selected_text(text)
                    .width(160.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut me, None, tr("agent-nobody"));
                        let chosen = me;
                        for a in model.directory().agents.iter().filter(|a| a.active || chosen == Some(a.id))
                        {
                            ui.selectable_value(&mut me, Some(a.id), &a.name);
                        }
                    })
                    .response
                    .on_hover_text(tr("signed-in-as"));
                if me != before {
                    self.outbox.push(Sender::Window, Command::Settings(SettingsCommand::SetCurrentAgent(me)));
                }
                ui.label(tr("signed-in-as"));
            }
        });
    }
}
