//! The dashboard's line on post-implementation reviews: how many releases closed in the period
//! without a review (a release is reviewed once it is complete; see `domain::review`), with the
//! first few of them to open.

use chrono::Local;
use egui::RichText;

use super::Dashboard;
use crate::domain::ReleaseId;
use crate::domain::kpi::YearMonth;
use crate::domain::review::missing_review;
use crate::i18n::tr_args;
use crate::model::Model;
use crate::ui::screens::ScreenAction;

/// How many unreviewed releases the line names.
const NAMED: usize = 5;

impl Dashboard {
    /// "N releases closed in this period without a review", with links to the first few.
    pub(super) fn reviews_ui(&mut self, ui: &mut egui::Ui, model: &Model) -> Option<ScreenAction> {
        let months: Vec<YearMonth> = self.range(model).months().collect();
        let unreviewed: Vec<(ReleaseId, String)> = model
            .releases()
            .iter()
            .filter(|r| missing_review(r, model.review(r.id)))
            .filter(|r| r.closed_at.is_some_and(|t| months.contains(&YearMonth::of(t, &Local))))
            .map(|r| (r.id, r.subject.chars().take(24).collect()))
            .collect();
        let mut action = None;
        ui.horizontal_wrapped(|ui| {
            let text = tr_args("kpi-unreviewed", &[("count", unreviewed.len().into())]);
            let color = if unreviewed.is_empty() {
                ui.visuals().weak_text_color()
            } else {
                ui.visuals().warn_fg_color
            };
            ui.label(RichText::new(text).color(color));
            for (id, subject) in unreviewed.iter().take(NAMED) {
                if ui.link(format!("#{id} {subject}")).clicked() {
                    action = Some(ScreenAction::OpenRelease(*id));
                }
            }
        });
        action
    }
}
