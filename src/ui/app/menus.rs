//! The top bar: the File, Edit, View and Help menus, then the screen switch, New release, the
//! search field and who is signed in.

use egui::RichText;

use super::ReleaseDeskApp;
use super::shortcuts::{SHORTCUT_REDO, SHORTCUT_UNDO};
use crate::domain::{Language, PredefinedView, Theme};
use crate::i18n::{self, tr, tr_args};
use crate::model::{Command, SettingsCommand};
use crate::ui::outbox::{HistoryStep, Sender};
use crate::ui::screens::release_list::SHORTCUT_SELECT_ALL;

impl ReleaseDeskApp {
    pub(super) fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| self.menu_bar_ui(ui));
        ui.horizontal(|ui| self.toolbar_ui(ui));
        ui.add_space(2.0);
    }

    fn menu_bar_ui(&mut self, ui: &mut egui::Ui) {
        ui.menu_button(tr("menu-file"), |ui| {
            if ui.button(tr("menu-new-release")).clicked() {
                self.open_new_release();
            }
            if ui.button(tr("menu-open-database")).clicked() {
                self.pick_database();
            }
            if ui.button(tr("menu-people")).clicked() {
                self.dialogs.people.open();
            }
            let empty = self.session.model.as_ref().is_some_and(|m| m.releases().is_empty());
            if ui.add_enabled(empty, egui::Button::new(tr("action-load-sample"))).clicked() {
                self.load_sample();
            }
            if ui.button(tr("menu-backups")).clicked() {
                self.dialogs.backups.open(&self.session.db_path);
            }
            ui.separator();
            if ui.button(tr("menu-quit")).clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button(tr("menu-edit"), |ui| self.edit_menu_ui(ui));
        ui.menu_button(tr("menu-view"), |ui| {
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
                    self.outbox.push(
                        Sender::Window,
                        Command::Settings(SettingsCommand::SetLanguage(Some(candidate))),
                    );
                }
            }
        });
        ui.menu_button(tr("menu-help"), |ui| {
            if ui.button(tr("menu-kpi-help")).clicked() {
                self.dialogs.show_kpi_help = true;
            }
            if ui.button(tr("menu-about")).clicked() {
                self.dialogs.show_about = true;
            }
        });
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
        if ui.button(tr("action-new-release")).on_hover_text("Ctrl+N").clicked() {
            self.open_new_release();
        }
        ui.add_space(8.0);
        let search = ui
            .add(
                egui::TextEdit::singleline(&mut self.screens.list.state.filter.text)
                    .hint_text(tr("search-hint"))
                    .desired_width(320.0),
            )
            .on_hover_text(tr("search-label"));
        if self.screens.list.focus_search {
            search.request_focus();
            self.screens.list.focus_search = false;
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
                        for a in &model.directory().agents {
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

    fn edit_menu_ui(&mut self, ui: &mut egui::Ui) {
        let Some(model) = &self.session.model else { return };
        let directory = model.directory();
        let history = model.history();
        let undo_text = history.next_undo().map_or_else(
            || tr("menu-undo"),
            |c| tr_args("menu-undo-what", &[("what", i18n::command_label(c, directory).into())]),
        );
        let redo_text = history.next_redo().map_or_else(
            || tr("menu-redo"),
            |c| tr_args("menu-redo-what", &[("what", i18n::command_label(c, directory).into())]),
        );
        let (can_undo, can_redo) = (history.next_undo().is_some(), history.next_redo().is_some());
        let ctx = ui.ctx().clone();
        let undo = egui::Button::new(undo_text).shortcut_text(ctx.format_shortcut(&SHORTCUT_UNDO));
        if ui.add_enabled(can_undo, undo).clicked() {
            self.outbox.step(HistoryStep::Undo);
        }
        let redo = egui::Button::new(redo_text).shortcut_text(ctx.format_shortcut(&SHORTCUT_REDO));
        if ui.add_enabled(can_redo, redo).clicked() {
            self.outbox.step(HistoryStep::Redo);
        }
        ui.separator();
        let select_all =
            egui::Button::new(tr("menu-select-all")).shortcut_text(ctx.format_shortcut(&SHORTCUT_SELECT_ALL));
        if ui.add(select_all).clicked() {
            self.screens.list.select_all(model);
        }
        let any = !self.screens.list.table.selection.is_empty();
        if ui.add_enabled(any, egui::Button::new(tr("menu-clear-selection")).shortcut_text("Esc")).clicked() {
            self.screens.list.table.selection.clear();
        }
        let in_trash = self.screens.list.state.base_view() == PredefinedView::Trash;
        let trash = egui::Button::new(tr("menu-move-to-trash")).shortcut_text("Delete");
        if ui.add_enabled(any && !in_trash, trash).clicked() {
            self.screens.list.delete_selection(&mut self.outbox);
        }
    }
}
