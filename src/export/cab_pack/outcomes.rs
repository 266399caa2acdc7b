//! Outcomes since the last CAB: how many releases closed, failed or were rolled back, the downtime
//! they caused and the reviews written, then each closed release in a table.

use super::PackContext;
use crate::domain::Outcome;
use crate::export::chart::{OFF_TARGET_RGB, ON_TARGET_RGB};
use crate::export::pdf::{ACCENT, Cell, Column, MUTED, PdfError, PdfWriter, Style, Table, Tile};
use crate::i18n::{self, tr, tr_args};

pub(super) fn outcomes(w: &mut PdfWriter, cx: &PackContext<'_>) -> Result<(), PdfError> {
    let meeting = cx.meeting;
    let since = format!("{} – {}", cx.day(meeting.since), cx.day(meeting.start));
    w.heading(1, &tr_args("pack-section-outcomes", &[("period", since.into())]));
    let closed = cx.releases(&meeting.closed);
    let count = |f: &dyn Fn(&crate::domain::Release) -> bool| closed.iter().filter(|r| f(r)).count();
    let successful = count(&|r| r.outcome == Some(Outcome::Successful));
    let failed = count(&|r| r.outcome == Some(Outcome::Failed));
    let rolled_back = count(&|r| r.rollback_count > 0);
    let downtime: i64 = closed.iter().map(|r| i64::from(r.downtime_minutes)).sum();
    let reviewed = count(&|r| cx.model.review(r.id).is_some());
    let number = |n: usize| tr_args("pack-releases-count", &[("count", n.into())]);
    let bad = |n: usize| if n == 0 { ON_TARGET_RGB } else { OFF_TARGET_RGB };
    w.tiles(&[
        Tile {
            label: tr("pack-outcome-completed"),
            value: number(successful),
            note: String::new(),
            color: ACCENT,
        },
        Tile {
            label: tr("pack-outcome-failed"),
            value: number(failed),
            note: String::new(),
            color: bad(failed),
        },
        Tile {
            label: tr("pack-outcome-rolled-back"),
            value: number(rolled_back),
            note: String::new(),
            color: bad(rolled_back),
        },
        Tile {
            label: tr("pack-outcome-downtime"),
            value: i18n::format_duration_in(cx.language, downtime),
            note: String::new(),
            color: if downtime == 0 { ON_TARGET_RGB } else { OFF_TARGET_RGB },
        },
        Tile {
            label: tr("pack-outcome-reviews"),
            value: format!("{reviewed} / {}", closed.len()),
            note: tr("pack-outcome-reviews-note"),
            color: bad(closed.len() - reviewed),
        },
    ]);
    w.space(12.0);
    if closed.is_empty() {
        w.paragraph(&tr("pack-outcomes-none"), Style::BODY.colored(MUTED), 2);
        return Ok(());
    }
    let mut table = Table::new(vec![
        Column::new(tr("pack-col-id"), 0.6),
        Column::new(tr("pack-col-subject"), 3.4),
        Column::new(tr("pack-col-type"), 1.0),
        Column::new(tr("pack-col-closed"), 1.4),
        Column::new(tr("pack-col-outcome"), 1.0),
        Column::new(tr("pack-col-rollbacks"), 0.8),
        Column::new(tr("pack-col-downtime"), 0.9),
        Column::new(tr("pack-col-review"), 2.2),
    ]);
    table.max_lines = 2;
    for r in &closed {
        let outcome = match r.outcome {
            Some(Outcome::Failed) => Cell::colored(i18n::outcome(Outcome::Failed), OFF_TARGET_RGB),
            Some(o) => Cell::new(i18n::outcome(o)),
            None => Cell::new(i18n::status(r.status)),
        };
        let review = match cx.model.review(r.id) {
            Some(review) => {
                let lessons = review.lessons.trim();
                Cell::new(if lessons.is_empty() { tr("pack-review-done") } else { lessons.to_owned() })
            }
            None => Cell::colored(tr("pack-review-missing"), OFF_TARGET_RGB),
        };
        table.rows.push(vec![
            Cell::new(PackContext::id(r.id)),
            Cell::new(r.subject.clone()),
            Cell::new(i18n::release_type(r.release_type)),
            Cell::new(r.closed_at.map(|t| cx.short(t)).unwrap_or_default()),
            outcome,
            Cell::new(r.rollback_count.to_string()),
            Cell::new(i18n::format_duration_in(cx.language, i64::from(r.downtime_minutes))),
            review,
        ]);
    }
    w.table(&table);
    Ok(())
}
