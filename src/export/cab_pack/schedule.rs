//! The forward schedule: the four weeks from the meeting as a timeline (freezes shaded, each
//! release a bar, red where it has a conflict), then every release planned in them, the freezes
//! and the conflicts, from the same schedule and conflict rules the calendar shows (at most
//! [`TABLE_MAX`] releases, those on the agenda or in a conflict first, and [`CONFLICTS_MAX`]
//! conflicts, worst first; the rest counted).

use std::collections::HashMap;

use chrono::{Duration, Local, TimeZone as _};

use super::PackContext;
use crate::domain::schedule::{self, Conflict, Conflicts, FreezeKind, TimeRange};
use crate::domain::{Release, ReleaseId, Timestamp};
use crate::export::chart::OFF_TARGET_RGB;
use crate::export::pdf::{
    ACCENT, CONTENT_WIDTH, Cell, Column, MARGIN, MUTED, PdfError, PdfWriter, RULE, Style, Table,
};
use crate::i18n::{self, tr, tr_args};

/// How many days the forward schedule covers.
pub const DAYS: i64 = 28;
/// The most releases drawn as bars on the timeline.
const BARS_MAX: usize = 16;
/// The most releases the table lists (those on the agenda or in a conflict first), and the most
/// conflicts listed (worst first): a file of 100,000 releases plans thousands in four weeks, which
/// no one reads on paper; the rest are counted, and the calendar shows them all.
const TABLE_MAX: usize = 60;
const CONFLICTS_MAX: usize = 40;

const FREEZE_HARD: (u8, u8, u8) = (0xf4, 0xd3, 0xd3);
const FREEZE_SOFT: (u8, u8, u8) = (0xfb, 0xec, 0xcf);
const BAR: (u8, u8, u8) = (0x5b, 0x8d, 0xd6);

/// Local midnight of the meeting's day, and four weeks on.
fn period(cx: &PackContext<'_>) -> TimeRange {
    let day = cx.meeting.start.with_timezone(&Local).date_naive();
    let naive = day.and_time(chrono::NaiveTime::MIN);
    let from = Local.from_local_datetime(&naive).earliest().map_or(cx.meeting.start, |t| t.to_utc());
    TimeRange::new(from, from + Duration::days(DAYS))
}

pub(super) fn forward_schedule(w: &mut PdfWriter, cx: &PackContext<'_>) -> Result<(), PdfError> {
    let range = period(cx);
    let model = cx.model;
    let title = format!("{} – {}", cx.day(range.from), cx.day(range.to - Duration::days(1)));
    w.heading(1, &tr_args("pack-section-schedule", &[("period", title.into())]));
    let mut releases: Vec<&Release> = model
        .releases()
        .iter()
        .filter(|r| !r.is_deleted() && range.touches(r.planned.start, r.planned.end))
        .collect();
    releases.sort_by_key(|r| (r.planned.start, r.id));
    let conflicts = model.conflicts(range);
    let freezes: Vec<(String, FreezeKind, schedule::Occurrence, String)> = model
        .schedule()
        .freezes
        .iter()
        .flat_map(|f| {
            let scope = i18n::scope_label(&f.scope, model.directory(), model.registry());
            schedule::occurrences(&f.timing, f.zone, range)
                .into_iter()
                .map(move |o| (f.name.clone(), f.kind, o, scope.clone()))
        })
        .collect();
    let in_conflict = conflict_kinds(&conflicts);
    timeline(w, range, &releases, &freezes, &in_conflict);
    w.space(10.0);
    release_table(w, cx, &releases, &in_conflict);
    w.heading(2, &tr("pack-schedule-freezes"));
    if freezes.is_empty() {
        w.paragraph(&tr("pack-schedule-no-freezes"), Style::BODY.colored(MUTED), 1);
    } else {
        let mut table = Table::new(vec![
            Column::new(tr("pack-col-freeze"), 2.5),
            Column::new(tr("pack-col-kind"), 0.8),
            Column::new(tr("pack-col-when"), 2.2),
            Column::new(tr("pack-col-scope"), 2.0),
        ]);
        for (name, kind, o, scope) in &freezes {
            let when = format!("{} – {}", cx.short(o.start), cx.short(o.end));
            table.rows.push(vec![
                Cell::new(name.clone()),
                Cell::new(i18n::freeze_kind(*kind)),
                Cell::new(when),
                Cell::new(scope.clone()),
            ]);
        }
        w.table(&table);
    }
    w.heading(2, &tr("pack-schedule-conflicts"));
    if conflicts.is_empty() {
        w.paragraph(&tr("pack-schedule-no-conflicts"), Style::BODY.colored(MUTED), 1);
    } else {
        let mut table = Table::new(vec![
            Column::new(tr("pack-col-severity"), 0.8),
            Column::new(tr("pack-col-conflict"), 5.0),
            Column::new(tr("pack-col-fix"), 3.0),
        ]);
        let mut listed: Vec<Conflict> = conflicts.iter().collect();
        listed.sort_by_key(|c| (c.severity, c.from));
        for c in listed.iter().take(CONFLICTS_MAX) {
            table.rows.push(vec![
                Cell::new(i18n::severity(c.severity)),
                Cell::new(i18n::conflict_text(c)),
                Cell::new(i18n::resolution_text(&c.resolution, model.directory())),
            ]);
        }
        w.table(&table);
        if listed.len() > CONFLICTS_MAX {
            let more =
                tr_args("pack-schedule-conflicts-more", &[("count", (listed.len() - CONFLICTS_MAX).into())]);
            w.paragraph(&more, Style::SMALL.colored(MUTED), 1);
        }
    }
    Ok(())
}

/// The four weeks drawn: a column a day, freezes as bands, releases as bars.
fn timeline(
    w: &mut PdfWriter,
    range: TimeRange,
    releases: &[&Release],
    freezes: &[(String, FreezeKind, schedule::Occurrence, String)],
    in_conflict: &ConflictKinds,
) {
    let label_w = 150.0;
    let left = MARGIN + label_w;
    let span = CONTENT_WIDTH - label_w;
    let row_h = 13.0;
    let rows = releases.len().min(BARS_MAX);
    let height = 16.0 + rows.max(1) as f32 * row_h;
    w.ensure(height + 10.0);
    let top = w.y();
    let total = (range.to - range.from).num_seconds() as f32;
    let x_of = |t: Timestamp| left + span * ((t - range.from).num_seconds() as f32 / total).clamp(0.0, 1.0);
    for (_, kind, o, _) in freezes {
        let (x1, x2) = (x_of(o.start), x_of(o.end));
        let color = if *kind == FreezeKind::Hard { FREEZE_HARD } else { FREEZE_SOFT };
        w.rect((x1, top + 14.0, (x2 - x1).max(1.0), height - 14.0), Some(color), None);
    }
    for day in 0..=DAYS {
        let t = range.from + Duration::days(day);
        let x = x_of(t);
        let weekly = day % 7 == 0;
        w.line(
            (x, top + 12.0),
            (x, top + height),
            if weekly { MUTED } else { RULE },
            if weekly { 0.7 } else { 0.3 },
        );
        if day < DAYS && (weekly || day % 7 == 3) {
            let label = t.with_timezone(&Local).format("%m-%d").to_string();
            w.text_at(x + 2.0, top, &label, Style::SMALL);
        }
    }
    for (i, r) in releases.iter().take(rows).enumerate() {
        let y = top + 16.0 + i as f32 * row_h;
        let label = w.wrap(
            &format!("{} {}", PackContext::id(r.id), r.subject),
            Style::SMALL.sized(7.5),
            label_w - 6.0,
            1,
        );
        if let Some(line) = label.first() {
            w.text_at(MARGIN, y, line, Style::SMALL.sized(7.5).colored(crate::export::pdf::INK));
        }
        let (x1, x2) = (x_of(r.planned.start), x_of(r.planned.end));
        let color = if in_conflict.contains_key(&r.id) { OFF_TARGET_RGB } else { BAR };
        w.rect((x1, y + 2.0, (x2 - x1).max(2.0), row_h - 5.0), Some(color), None);
    }
    w.set_y(top + height + 2.0);
    if releases.len() > rows {
        let more = tr_args("pack-schedule-more", &[("count", (releases.len() - rows).into())]);
        w.paragraph(&more, Style::SMALL, 1);
    }
    let legend =
        format!("{} · {} · {}", tr("pack-legend-hard"), tr("pack-legend-soft"), tr("pack-legend-conflict"));
    w.paragraph(&legend, Style::SMALL.colored(ACCENT), 1);
}

/// The kinds of conflict each release is in (found once: the table and timeline look them up).
type ConflictKinds = HashMap<ReleaseId, Vec<String>>;

fn conflict_kinds(conflicts: &Conflicts) -> ConflictKinds {
    let mut kinds: ConflictKinds = HashMap::new();
    for c in conflicts.iter() {
        for id in &c.release_ids {
            let list = kinds.entry(*id).or_default();
            let kind = i18n::conflict_kind(c.kind);
            if !list.contains(&kind) {
                list.push(kind);
            }
        }
    }
    kinds
}

fn release_table(
    w: &mut PdfWriter,
    cx: &PackContext<'_>,
    releases: &[&Release],
    in_conflict: &ConflictKinds,
) {
    if releases.is_empty() {
        w.paragraph(&tr("pack-schedule-no-releases"), Style::BODY.colored(MUTED), 1);
        return;
    }
    let mut table = Table::new(vec![
        Column::new(tr("pack-col-id"), 0.6),
        Column::new(tr("pack-col-subject"), 3.2),
        Column::new(tr("pack-col-window"), 2.2),
        Column::new(tr("pack-col-type"), 0.9),
        Column::new(tr("pack-col-owner"), 1.1),
        Column::new(tr("pack-col-conflicts"), 1.6),
    ]);
    table.max_lines = 2;
    // The releases on the agenda or in a conflict first (in start order), then the others.
    let meeting = cx.meeting;
    let matters = |r: &Release| {
        in_conflict.contains_key(&r.id)
            || meeting.for_decision.contains(&r.id)
            || meeting.emergency.contains(&r.id)
    };
    let mut listed: Vec<&Release> = releases.iter().copied().filter(|r| matters(r)).collect();
    listed.extend(releases.iter().copied().filter(|r| !matters(r)));
    listed.truncate(TABLE_MAX);
    listed.sort_by_key(|r| (r.planned.start, r.id));
    for r in &listed {
        let conflict_cell = match in_conflict.get(&r.id) {
            Some(kinds) => Cell::colored(kinds.join(", "), OFF_TARGET_RGB),
            None => Cell::new(String::new()),
        };
        table.rows.push(vec![
            Cell::new(PackContext::id(r.id)),
            Cell::new(r.subject.clone()),
            Cell::new(format!("{} – {}", cx.short(r.planned.start), cx.short(r.planned.end))),
            Cell::new(i18n::release_type(r.release_type)),
            Cell::new(if r.agent_id.is_some() { cx.agent(r.agent_id) } else { String::new() }),
            conflict_cell,
        ]);
    }
    w.table(&table);
    if releases.len() > listed.len() {
        let more = tr_args("pack-schedule-table-more", &[("count", (releases.len() - listed.len()).into())]);
        w.paragraph(&more, Style::SMALL.colored(MUTED), 1);
    }
}
