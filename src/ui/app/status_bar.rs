//! The status bar: rows shown, the file, read-only, and the last message (what was done, or why not).

use egui::RichText;

use super::ReleaseDeskApp;
use crate::i18n::{tr, tr_args};
use crate::model::Model;
use crate::ui::screens::StatusLine;

impl ReleaseDeskApp {
    pub(super) fn set_status(&mut self, text: String, is_error: bool) {
        self.status = Some(StatusLine { text, is_error });
    }

    pub(super) fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let total = self.session.model.as_ref().map_or(0, |m| m.releases().len());
            ui.label(tr_args(
                "rows-shown",
                &[("shown", self.screens.list.rows.rows().len().into()), ("total", total.into())],
            ));
            ui.separator();
            ui.label(RichText::new(self.session.db_path.display().to_string()).weak());
            if self.session.model.as_ref().is_some_and(Model::is_read_only) {
                ui.separator();
                ui.label(RichText::new(tr("status-read-only")).strong().color(ui.visuals().warn_fg_color))
                    .on_hover_text(tr("status-read-only-hint"));
            }
            self.team_status_ui(ui);
            if let Some(status) = &self.status {
                ui.separator();
                let text = RichText::new(&status.text);
                let text = if status.is_error { text.color(ui.visuals().error_fg_color) } else { text };
                ui.label(text);
                if ui.small_button("✖").on_hover_text(tr("action-dismiss")).clicked() {
                    self.status = None;
                }
            }
        });
    }
}
