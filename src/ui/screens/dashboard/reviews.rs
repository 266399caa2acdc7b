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

/// How many characters of a subject the line shows.
const SUBJECT_CHARS: usize = 24;

/// A subject as the line names it: whole when short, otherwise cut after its last whole word
/// within [`SUBJECT_CHARS`] (a word longer than that is cut) and marked with "…", never in the
/// middle of a word as "Log pipeline upgrade (Fl".
fn short_subject(subject: &str) -> String {
    if subject.chars().count() <= SUBJECT_CHARS {
        return subject.to_owned();
    }
    let head: String = subject.chars().take(SUBJECT_CHARS).collect();
    let cut = match head.rfind(' ') {
        Some(space) if space > 0 => head[..space].trim_end_matches([' ', '(', '[', '-', '·', ',']),
        _ => head.as_str(),
    };
    format!("{cut}…")
}

impl Dashboard {
    /// "N releases closed in this period without a review", with links to the first few.
    pub(super) fn reviews_ui(&mut self, ui: &mut egui::Ui, model: &Model) -> Option<ScreenAction> {
        let months: Vec<YearMonth> = self.range(model).months().collect();
        let unreviewed: Vec<(ReleaseId, String)> = model
            .releases()
            .iter()
            .filter(|r| missing_review(r, model.review(r.id)))
            .filter(|r| r.closed_at.is_some_and(|t| months.contains(&YearMonth::of(t, &Local))))
            .map(|r| (r.id, short_subject(&r.subject)))
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
                if ui.link(format!("{} {subject}", crate::i18n::release_number(*id))).clicked() {
                    action = Some(ScreenAction::OpenRelease(*id));
                }
            }
        });
        action
    }
}

#[cfg(test)]
mod tests {
    use super::short_subject;

    #[test]
    fn a_long_subject_is_cut_after_a_whole_word() {
        assert_eq!(short_subject("Log pipeline upgrade (Fluentd 1.17)"), "Log pipeline upgrade…");
        assert_eq!(short_subject("Oracle DB 19c 분기 패치 적용 (2026 Q4)"), "Oracle DB 19c 분기 패치 적용…");
        assert_eq!(short_subject("HR portal SSO integration"), "HR portal SSO…");
        assert_eq!(short_subject("Short one"), "Short one");
        assert_eq!(
            short_subject("가나다라마바사아자차카타파하가나다라마바사아자차카타"),
            "가나다라마바사아자차카타파하가나다라마바사아자차…"
        );
    }
}
