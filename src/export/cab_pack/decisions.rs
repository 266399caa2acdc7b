//! Decisions and actions: before the meeting, a place to write each release's decision, a
//! comment and actions by hand; after it, what was decided, with the action items (owner, due
//! date) and the minutes.

use super::{PackContext, PackDecision, PackOutcome};
use crate::export::chart::{OFF_TARGET_RGB, ON_TARGET_RGB};
use crate::export::pdf::{Cell, Column, MUTED, PdfError, PdfWriter, Style, Table};
use crate::i18n::{self, tr};

/// The lines left for actions by hand: how many at most, at least, and how far apart.
const ACTION_LINES: usize = 10;
const ACTION_LINES_MIN: usize = 4;
const ACTION_LINE: f32 = 20.0;

fn outcome_cell(outcome: Option<PackOutcome>) -> Cell {
    match outcome {
        Some(PackOutcome::Approved) => Cell::colored(tr("pack-outcome-approved"), ON_TARGET_RGB),
        Some(PackOutcome::Rejected) => Cell::colored(tr("pack-outcome-rejected"), OFF_TARGET_RGB),
        Some(PackOutcome::Deferred) => Cell::new(tr("pack-outcome-deferred")),
        None => Cell::colored(tr("pack-outcome-open"), MUTED),
    }
}

pub(super) fn decisions(w: &mut PdfWriter, cx: &PackContext<'_>) -> Result<(), PdfError> {
    w.heading(1, &tr("pack-section-decisions"));
    let meeting = cx.meeting;
    let releases = cx.releases(&meeting.for_decision);
    if meeting.decisions.is_empty() {
        blank(w, cx, &releases);
    } else {
        decided(w, cx, &meeting.decisions);
    }
    if !meeting.minutes.trim().is_empty() {
        w.heading(2, &tr("pack-minutes"));
        w.paragraph(meeting.minutes.trim(), Style::BODY, 60);
    }
    Ok(())
}

/// Before the meeting: each release with the choices and lines to write on, then actions.
fn blank(w: &mut PdfWriter, _cx: &PackContext<'_>, releases: &[&crate::domain::Release]) {
    let choices = format!(
        "□ {}    □ {}    □ {}",
        tr("pack-outcome-approved"),
        tr("pack-outcome-rejected"),
        tr("pack-outcome-deferred")
    );
    for r in releases {
        w.ensure(64.0);
        let lines = w.wrap(&format!("{} {}", PackContext::id(r.id), r.subject), Style::STRONG, 470.0, 1);
        let top = w.y();
        if let Some(line) = lines.first() {
            w.text_at(crate::export::pdf::MARGIN, top, line, Style::STRONG);
        }
        w.text_at(crate::export::pdf::MARGIN + 490.0, top, &choices, Style::BODY);
        w.set_y(top + Style::STRONG.line_height());
        w.ruled_lines(2, 18.0, &tr("pack-comment"));
        w.space(6.0);
    }
    if releases.is_empty() {
        w.paragraph(&tr("pack-releases-none"), Style::BODY.colored(MUTED), 1);
    }
    w.heading(2, &tr("pack-actions"));
    w.paragraph(&tr("pack-actions-hint"), Style::SMALL, 1);
    // As many lines as the page has room for, at least a few (else on a page of their own).
    let fit = (w.remaining() / ACTION_LINE).floor() as usize;
    w.ruled_lines(if fit < ACTION_LINES_MIN { ACTION_LINES } else { fit.min(ACTION_LINES) }, ACTION_LINE, "");
}

/// After the meeting: the decisions, their comments and action items.
fn decided(w: &mut PdfWriter, cx: &PackContext<'_>, decisions: &[PackDecision]) {
    let mut table = Table::new(vec![
        Column::new(tr("pack-col-release"), 3.0),
        Column::new(tr("pack-col-decision"), 1.0),
        Column::new(tr("pack-col-comment"), 4.0),
    ]);
    table.max_lines = 6;
    let mut actions = Table::new(vec![
        Column::new(tr("pack-col-release"), 0.7),
        Column::new(tr("pack-col-action"), 4.5),
        Column::new(tr("pack-col-owner"), 1.2),
        Column::new(tr("pack-col-due"), 1.2),
    ]);
    for d in decisions {
        let subject = cx.model.release(d.release).map_or_else(String::new, |r| r.subject.clone());
        table.rows.push(vec![
            Cell::new(format!("{} {subject}", PackContext::id(d.release))),
            outcome_cell(d.outcome),
            Cell::new(d.comment.clone()),
        ]);
        for a in &d.actions {
            let due = a.due.map_or_else(String::new, |day| {
                let t = day.and_time(chrono::NaiveTime::MIN).and_utc();
                i18n::format_date_in(cx.language, &t)
            });
            actions.rows.push(vec![
                Cell::new(PackContext::id(d.release)),
                Cell::new(a.text.clone()),
                Cell::new(if a.owner.is_some() { cx.agent(a.owner) } else { String::new() }),
                Cell::new(due),
            ]);
        }
    }
    w.table(&table);
    w.heading(2, &tr("pack-actions"));
    if actions.rows.is_empty() {
        w.paragraph(&tr("pack-actions-none"), Style::BODY.colored(MUTED), 1);
    } else {
        w.table(&actions);
    }
}
