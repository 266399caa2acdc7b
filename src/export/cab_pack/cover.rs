//! The cover: which CAB meets when, for how long, who attends, the voting rule and the chair, and
//! what the agenda holds.

use super::{PackContext, PackRule};
use crate::export::pdf::{ACCENT, MUTED, PdfError, PdfWriter, Style};
use crate::i18n::{self, tr, tr_args};

fn rule_label(rule: PackRule) -> String {
    tr(match rule {
        PackRule::Any => "pack-rule-any",
        PackRule::All => "pack-rule-all",
        PackRule::Majority => "pack-rule-majority",
    })
}

pub(super) fn cover(w: &mut PdfWriter, cx: &PackContext<'_>) -> Result<(), PdfError> {
    let meeting = cx.meeting;
    w.heading(1, &tr("pack-section-cover"));
    w.space(24.0);
    w.paragraph(&tr("pack-title"), Style::TITLE, 1);
    w.space(4.0);
    w.paragraph(&meeting.cab_name, Style::STRONG.sized(18.0), 2);
    if meeting.emergency_cab {
        w.paragraph(&tr("pack-ecab"), Style::BODY.colored(ACCENT), 1);
    }
    w.space(16.0);
    let end = meeting.start + chrono::Duration::minutes(i64::from(meeting.duration_minutes));
    let when = format!(
        "{} – {} ({})",
        cx.when(meeting.start),
        end.with_timezone(&chrono::Local).format("%H:%M"),
        i18n::format_duration_in(cx.language, i64::from(meeting.duration_minutes))
    );
    let attendees: Vec<String> = meeting.attendees.iter().map(|a| cx.agent(Some(*a))).collect();
    let attendees = if attendees.is_empty() { tr("pack-no-attendees") } else { attendees.join(", ") };
    let fields = vec![
        (tr("pack-field-when"), when),
        (tr("pack-field-chair"), cx.agent(meeting.chair)),
        (tr("pack-field-rule"), meeting.rule.map_or_else(|| tr("pack-rule-none"), rule_label)),
        (tr("pack-field-since"), cx.when(meeting.since)),
    ];
    w.fields(&fields, 2, 2);
    w.space(6.0);
    w.fields(&[(tr("pack-field-attendees"), attendees)], 1, 4);
    w.space(16.0);
    let counts = [
        ("pack-count-for-decision", cx.releases(&meeting.for_decision).len()),
        ("pack-count-emergency", cx.releases(&meeting.emergency).len()),
        ("pack-count-closed", cx.releases(&meeting.closed).len()),
    ];
    let agenda: Vec<(String, String)> = counts
        .iter()
        .map(|(key, n)| (tr(key), tr_args("pack-releases-count", &[("count", (*n).into())])))
        .collect();
    w.fields(&agenda, 3, 1);
    w.space(24.0);
    let prepared = tr_args("pack-prepared", &[("when", cx.when(cx.model.now()).into())]);
    w.paragraph(&prepared, Style::SMALL.colored(MUTED), 1);
    Ok(())
}
