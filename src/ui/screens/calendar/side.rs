//! The calendar's side panel: the conflicts of the shown period that involve a release the
//! list's view and filter keep, worst first, each with its kind,
//! what it is and how to resolve it; clicking one opens its first release.
//!
//! The texts are worked out once per shown period and language, not in every frame, and only
//! the entries in sight are laid out: the others take the height they had when last drawn.

use super::Shown;
use super::timeline::conflict_color;
use crate::domain::schedule::Severity;
use crate::domain::{Language, ReleaseId};
use crate::i18n::{self, tr, tr_args};
use crate::model::Model;

/// At most this many conflicts are listed (the count says how many there are).
const LISTED: usize = 200;

/// One listed conflict, in words.
struct Entry {
    severity: Severity,
    severity_text: String,
    kind: String,
    text: String,
    resolution: String,
    first: Option<ReleaseId>,
}

/// The side panel's conflicts in words, and the height each took when last drawn.
#[derive(Default)]
pub struct ConflictList {
    key: Option<(u64, Language)>,
    entries: Vec<Entry>,
    /// The panel's width the heights were measured at.
    width: f32,
    heights: Vec<Option<f32>>,
}

impl ConflictList {
    fn refresh(&mut self, shown: &Shown, model: &Model, language: Language) {
        let key = (shown.generation, language);
        if self.key == Some(key) {
            return;
        }
        self.entries = shown
            .listed
            .iter()
            .take(LISTED)
            .filter_map(|&i| shown.conflicts.get(i))
            .map(|c| Entry {
                severity: c.severity,
                severity_text: i18n::severity(c.severity),
                kind: i18n::conflict_kind(c.kind),
                text: i18n::conflict_text(&c),
                resolution: i18n::resolution_text(&c.resolution, model.directory()),
                first: c.release_ids.first().copied(),
            })
            .collect();
        self.heights = vec![None; self.entries.len()];
        self.key = Some(key);
    }

    /// The list: the conflicts that involve a release the list's view and filter keep
    /// (`filtered` says whether they leave any out, and the count then says so). Returns the
    /// release clicked.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        shown: &Shown,
        model: &Model,
        language: Language,
        filtered: bool,
    ) -> Option<ReleaseId> {
        self.refresh(shown, model, language);
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
            if self.entries.is_empty() {
                ui.label(tr("schedule-cli-no-conflicts"));
            }
            let width = ui.available_width();
            if width != self.width {
                self.width = width;
                self.heights.iter_mut().for_each(|h| *h = None);
            }
            let sight = ui.clip_rect();
            for (entry, height) in self.entries.iter().zip(self.heights.iter_mut()) {
                let top = ui.cursor().top();
                if let Some(h) = *height
                    && (top + h < sight.top() || top > sight.bottom())
                {
                    ui.add_space(h);
                    continue;
                }
                if entry_ui(ui, entry) {
                    clicked = entry.first;
                }
                *height = Some(ui.cursor().top() - top);
            }
        });
        clicked
    }
}

/// One conflict: severity and kind, what it is (click: open its first release), the fix.
fn entry_ui(ui: &mut egui::Ui, entry: &Entry) -> bool {
    ui.horizontal(|ui| {
        ui.colored_label(conflict_color(entry.severity), entry.severity_text.as_str());
        ui.strong(entry.kind.as_str());
    });
    let text = ui.add(egui::Label::new(entry.text.as_str()).sense(egui::Sense::click()).wrap());
    let clicked = text.clicked();
    text.on_hover_ui(|ui| {
        ui.label(tr("calendar-open-release"));
    });
    ui.label(egui::RichText::new(entry.resolution.as_str()).weak());
    ui.separator();
    clicked
}
