//! The calendar's side panel: the conflicts of the shown period, worst first, each with its kind,
//! what it is and how to resolve it; clicking one opens its first release.

use super::Shown;
use super::timeline::conflict_color;
use crate::domain::ReleaseId;
use crate::i18n::{self, tr, tr_args};
use crate::model::Model;

/// At most this many conflicts are listed (the count says how many there are).
const LISTED: usize = 200;

/// The list. Returns the release clicked.
pub fn conflicts_ui(ui: &mut egui::Ui, shown: &Shown, model: &Model) -> Option<ReleaseId> {
    ui.heading(tr("calendar-conflicts"));
    ui.label(tr_args("schedule-cli-count", &[("count", shown.conflicts.len().into())]));
    ui.separator();
    let mut clicked = None;
    let mut order: Vec<usize> = (0..shown.conflicts.len()).collect();
    order.sort_by_key(|&i| (shown.conflicts[i].severity, shown.conflicts[i].from));
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        if shown.conflicts.is_empty() {
            ui.label(tr("schedule-cli-no-conflicts"));
        }
        for &i in order.iter().take(LISTED) {
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
