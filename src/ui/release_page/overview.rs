//! The Overview tab's own part: the description, edited in place with Save and Revert (the tab's
//! sections follow it).

use egui::RichText;

use super::{Origin, ReleasePage};
use crate::domain::Release;
use crate::i18n::tr;
use crate::model::ReleaseEdit;
use crate::ui::outbox::Outbox;

impl ReleasePage {
    pub(super) fn description_ui(&mut self, ui: &mut egui::Ui, release: &Release, outbox: &mut Outbox) {
        let label = ui.label(RichText::new(tr("field-description")).strong());
        let draft = self.description.get_or_insert_with(|| release.description.clone());
        ui.add(
            egui::TextEdit::multiline(draft)
                .desired_rows(4)
                .desired_width(f32::INFINITY)
                .hint_text(tr("page-description-hint")),
        )
        .labelled_by(label.id);
        if *draft != release.description {
            let draft = draft.clone();
            ui.horizontal(|ui| {
                if ui.button(tr("page-save-description")).clicked() {
                    self.edit(outbox, Origin::Description, vec![ReleaseEdit::Description(draft)]);
                }
                if ui.button(tr("action-revert")).clicked() {
                    self.description = None;
                }
                ui.label(RichText::new(tr("unsaved-changes")).weak());
            });
        } else {
            // Unchanged: follow the stored description.
            self.description = None;
        }
    }
}
