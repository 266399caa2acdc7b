//! The calendar's side panel: the conflicts of the shown period that involve a release the
//! list's view and filter keep, worst first, each with its kind,
//! what it is and how to resolve it; clicking one opens its first release.

use super::Shown;
use super::timeline::conflict_color;
use crate::domain::ReleaseId;
use crate::i18n::{self, tr, tr_args};
use crate::model::Model;

/// At most this many conflicts are listed (the count says how many there are).
const LISTED: usize = 200;

/// The list: the conflicts that involve a release the list's view and filter keep (`filtered`
/// says whether they leave any out, and the count then says so). Returns the release clicked.
pub fn conflicts_ui(ui: &mut egui::Ui, shown: &Shown, model: &Model, filtered: bool) -> Option<ReleaseId> {
    ui.heading(tr("calendar-conflicts"));
    if filtered {
        ui.label(tr_args(
            "calendar-conflicts-filtered",
            &[("shown", shown.listed.len().into()), ("total", shown.conflicts.len().into())],
        ));
    } else {
        ui.label(tr_args("schedule-cli-count", &[("count", shown.listed.len().into())]));
    }
    ui.separator();
    let mut clicked = None;
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        if shown.listed.is_empty() {
            ui.label(tr("schedule-cli-no-conflicts"));
        }
        for &i in shown.listed.iter().take(LISTED) {
            let c = &shown.conflicts[i];
            ui.horizontal(|ui| {
                ui.colored_label(conflict_color(c.severity), i18n::severity(c.severity));
                ui.strong(i18n::conflict_kind(c.kind));
            });
            let text = ui.add(egui::Label::new(i18n::conflict_text(c)).sense(egui::Sense::click()).wrap());
            if text.clicked() {
                clicked = c.release_ids.first().copied();
            }
            text.on_hover_text(tr("calendar-open-release"));
            ui.label(egui::RichText::new(i18n::resolution_text(&c.resolution, model.directory())).weak());
            ui.separator();
        }
    });
    clicked
}
