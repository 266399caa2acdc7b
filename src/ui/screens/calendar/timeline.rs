//! The timeline: a Gantt of the shown two weeks with a row per group (or per CI), releases as bars
//! laid in lanes so that overlapping ones stay visible, a phased release's phases as segments of
//! its bar, windows and freezes shaded across the rows, today as a line. A bar's body drags to move
//! the release, its ends to move one end; a click opens it. Shared with the week view: the bar
//! itself ([`bar_ui`]) and the shading colours.

use std::collections::BTreeMap;

use egui::{Color32, CursorIcon, Pos2, Rect, Sense, Stroke, StrokeKind, Vec2, pos2, vec2};

use super::{Calendar, Drag, DragEdge, RowsBy};
use crate::domain::schedule::Severity;
use crate::domain::{PlannedWindow, Release, ReleaseId, Timestamp};
use crate::i18n::tr;
use crate::model::Model;
use crate::ui::screens::ScreenContext;
use crate::ui::widgets::type_color;

/// Width of the row names.
const LABELS: f32 = 170.0;
const BAR: f32 = 20.0;
const LANE: f32 = 24.0;
/// How close to an end of a bar the pointer picks the end rather than the body.
const EDGE: f32 = 6.0;

pub fn window_fill() -> Color32 {
    Color32::from_rgba_unmultiplied(60, 170, 90, 40)
}

pub fn freeze_fill(severity: Severity) -> Color32 {
    match severity {
        Severity::Block => Color32::from_rgba_unmultiplied(210, 50, 50, 50),
        Severity::Warn => Color32::from_rgba_unmultiplied(230, 150, 30, 50),
    }
}

pub fn conflict_color(severity: Severity) -> Color32 {
    match severity {
        Severity::Block => Color32::from_rgb(0xd0, 0x20, 0x20),
        Severity::Warn => Color32::from_rgb(0xe0, 0x8a, 0x00),
    }
}

/// One row: its name and its releases' lanes.
struct Row {
    name: String,
    /// (release index, lane).
    bars: Vec<(usize, usize)>,
    lanes: usize,
}

/// The rows of the timeline: every group (or CI) with a release in the period, then "none".
fn rows(calendar: &Calendar, model: &Model) -> Vec<Row> {
    let releases = model.releases();
    let mut by_key: BTreeMap<(bool, i64), Vec<usize>> = BTreeMap::new();
    for &i in &calendar.shown.rows {
        let r = &releases[i];
        match calendar.period.rows_by {
            RowsBy::Group => {
                by_key.entry((r.group_id.is_none(), r.group_id.map_or(0, |g| g.0))).or_default().push(i);
            }
            RowsBy::ConfigItem if r.assets.is_empty() => by_key.entry((true, 0)).or_default().push(i),
            RowsBy::ConfigItem => {
                for item in &r.assets {
                    by_key.entry((false, item.0)).or_default().push(i);
                }
            }
        }
    }
    by_key
        .into_iter()
        .map(|((none, id), members)| {
            let name = match (none, calendar.period.rows_by) {
                (true, RowsBy::Group) => tr("calendar-no-group"),
                (true, RowsBy::ConfigItem) => tr("calendar-no-ci"),
                (false, RowsBy::Group) => {
                    model.directory().group_name(Some(crate::domain::GroupId(id))).to_owned()
                }
                (false, RowsBy::ConfigItem) => {
                    let item = crate::domain::ConfigItemId(id);
                    model
                        .registry()
                        .config_item(item)
                        .map_or_else(|| format!("CI-{id}"), |c| format!("CI-{id} {}", c.name))
                }
            };
            // Lanes: each release in the first lane free at its start (they come by start).
            let mut ends: Vec<Timestamp> = Vec::new();
            let bars = members
                .into_iter()
                .map(|i| {
                    let p = releases[i].planned;
                    let lane = ends.iter().position(|e| *e <= p.start).unwrap_or(ends.len());
                    if lane == ends.len() {
                        ends.push(p.end);
                    } else {
                        ends[lane] = p.end;
                    }
                    (i, lane)
                })
                .collect();
            Row { name, bars, lanes: ends.len().max(1) }
        })
        .collect()
}

/// Where times fall on the x axis.
#[derive(Clone, Copy)]
pub struct Axis {
    pub from: Timestamp,
    pub left: f32,
    /// Pixels per minute.
    pub scale: f32,
}

impl Axis {
    pub fn x(&self, t: Timestamp) -> f32 {
        self.left + (t - self.from).num_minutes() as f32 * self.scale
    }
}

/// The timeline. Returns the release clicked.
pub fn timeline_ui(
    ui: &mut egui::Ui,
    calendar: &mut Calendar,
    cx: &mut ScreenContext<'_>,
    today: chrono::NaiveDate,
) -> Option<ReleaseId> {
    let model = cx.model;
    let range = calendar.period.range();
    let (first, _) = calendar.period.days();
    let rows = rows(calendar, model);
    let days = super::period::TIMELINE_DAYS as f32;
    let day_width = ((ui.available_width() - LABELS) / days).max(60.0);
    let axis = Axis { from: range.from, left: ui.min_rect().left() + LABELS, scale: day_width / 1440.0 };
    let mut clicked = None;
    egui::ScrollArea::both().auto_shrink([false, false]).show(ui, |ui| {
        let height = 24.0 + rows.iter().map(|r| r.lanes as f32 * LANE + 8.0).sum::<f32>();
        let (area, _) =
            ui.allocate_exact_size(vec2(LABELS + day_width * days, height.max(200.0)), Sense::hover());
        let axis = Axis { left: area.left() + LABELS, ..axis };
        let painter = ui.painter_at(area);
        // Days, shades and today first, behind the bars.
        for d in 0..super::period::TIMELINE_DAYS {
            let day = first + chrono::Days::new(d);
            let x = axis.left + d as f32 * day_width;
            painter.line_segment(
                [pos2(x, area.top()), pos2(x, area.bottom())],
                Stroke::new(1.0, ui.visuals().weak_text_color().gamma_multiply(0.3)),
            );
            let label = format!(
                "{} {}",
                day.format("%m-%d"),
                tr(&format!("date-weekday-short-{}", chrono::Datelike::weekday(&day).number_from_monday()))
            );
            let color = if day == today { ui.visuals().selection.bg_fill } else { ui.visuals().text_color() };
            painter.text(
                pos2(x + 4.0, area.top() + 2.0),
                egui::Align2::LEFT_TOP,
                label,
                egui::FontId::proportional(12.0),
                color,
            );
        }
        let body = Rect::from_min_max(pos2(axis.left, area.top() + 22.0), area.max);
        shade(&painter, calendar, axis, body);
        let now = model.now();
        if range.touches(now, now) {
            let x = axis.x(now);
            painter.line_segment(
                [pos2(x, area.top()), pos2(x, area.bottom())],
                Stroke::new(2.0, Color32::from_rgb(0x2f, 0x6f, 0xd6)),
            );
        }
        let mut y = area.top() + 24.0;
        for row in &rows {
            let row_height = row.lanes as f32 * LANE + 8.0;
            painter.text(
                pos2(area.left() + 4.0, y + 4.0),
                egui::Align2::LEFT_TOP,
                &row.name,
                egui::FontId::proportional(13.0),
                ui.visuals().strong_text_color(),
            );
            painter.line_segment(
                [pos2(area.left(), y + row_height), pos2(area.right(), y + row_height)],
                Stroke::new(1.0, ui.visuals().weak_text_color().gamma_multiply(0.3)),
            );
            for &(i, lane) in &row.bars {
                let release = &model.releases()[i];
                let top = y + 4.0 + lane as f32 * LANE;
                let place = |p: PlannedWindow| {
                    Rect::from_min_max(
                        pos2(axis.x(p.start), top),
                        pos2(axis.x(p.end).max(axis.x(p.start) + 4.0), top + BAR),
                    )
                };
                if let Some(id) =
                    bar_ui(ui, calendar, cx.model, release, place, Orientation::Horizontal(axis.scale))
                {
                    clicked = Some(id);
                }
            }
            y += row_height;
        }
        drag_tooltip(ui, calendar);
    });
    clicked
}

/// Windows and freezes shaded across `body`.
fn shade(painter: &egui::Painter, calendar: &Calendar, axis: Axis, body: Rect) {
    for s in &calendar.shown.shades {
        let fill = s.freeze.map_or_else(window_fill, freeze_fill);
        for o in &s.occurrences {
            let rect =
                Rect::from_min_max(pos2(axis.x(o.start), body.top()), pos2(axis.x(o.end), body.bottom()));
            painter.rect_filled(rect.intersect(body), 0.0, fill);
        }
    }
}

/// Which way a bar runs and how many pixels a minute is along it.
#[derive(Clone, Copy)]
pub enum Orientation {
    Horizontal(f32),
    Vertical(f32),
}

/// One release's bar at the rect `place` gives for a planned window: its phases, its conflict
/// mark, and the drag of its body or ends. Returns the release when clicked.
pub fn bar_ui(
    ui: &mut egui::Ui,
    calendar: &mut Calendar,
    model: &Model,
    release: &Release,
    place: impl Fn(PlannedWindow) -> Rect,
    orientation: Orientation,
) -> Option<ReleaseId> {
    let dragging = calendar.drag.as_ref().filter(|d| d.id == release.id);
    let planned = dragging.map_or(release.planned, |d| d.current);
    let rect = place(planned);
    if !ui.clip_rect().intersects(rect) && dragging.is_none() {
        return None;
    }
    let painter = ui.painter();
    if dragging.is_some() {
        painter.rect_stroke(
            place(release.planned),
            3.0,
            Stroke::new(1.0, ui.visuals().weak_text_color()),
            StrokeKind::Inside,
        );
    }
    let worst = match dragging {
        Some(d) => d.conflicts.iter().map(|c| c.severity).min(),
        None => calendar.shown.worst.get(&release.id).copied(),
    };
    let fill = type_color(release.release_type);
    painter.rect_filled(rect, 3.0, fill);
    phases(painter, model, release, planned, rect, orientation);
    if let Some(severity) = worst {
        painter.rect_stroke(rect, 3.0, Stroke::new(2.5, conflict_color(severity)), StrokeKind::Outside);
    }
    let label = format!("{}#{} {}", if worst.is_some() { "⚠ " } else { "" }, release.id, release.subject);
    if (matches!(orientation, Orientation::Horizontal(_)) && rect.width() > 30.0) || rect.height() > 30.0 {
        let painter = painter.with_clip_rect(rect.shrink(2.0).intersect(ui.clip_rect()));
        painter.text(
            rect.left_top() + vec2(4.0, 3.0),
            egui::Align2::LEFT_TOP,
            &label,
            egui::FontId::proportional(12.0),
            Color32::WHITE,
        );
    }
    let id = ui.scope_id().with(("calendar-bar", release.id));
    let response = ui.interact(rect, id, Sense::click_and_drag());
    let name = crate::i18n::tr_args(
        "calendar-bar-name",
        &[
            ("id", release.id.into()),
            ("subject", release.subject.as_str().into()),
            ("start", crate::i18n::datetime_short(planned.start).into()),
            ("end", crate::i18n::datetime_short(planned.end).into()),
        ],
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &name));
    let edge = edge_at(&response, rect, orientation);
    if response.hovered() {
        ui.ctx().set_cursor_icon(match (edge, orientation) {
            (DragEdge::Body, _) => CursorIcon::Grab,
            (_, Orientation::Horizontal(_)) => CursorIcon::ResizeHorizontal,
            (_, Orientation::Vertical(_)) => CursorIcon::ResizeVertical,
        });
    }
    if response.drag_started() {
        calendar.drag = Some(Drag::new(release.id, edge, release.planned, model));
    }
    let pointer = ui.ctx().input(|i| i.pointer.press_origin().zip(i.pointer.latest_pos()));
    if response.dragged()
        && let (Some(drag), Some((from, to))) = (calendar.drag.as_mut(), pointer)
    {
        let minutes = match orientation {
            Orientation::Horizontal(scale) => (to.x - from.x) / scale,
            Orientation::Vertical(scale) => (to.y - from.y) / scale,
        };
        drag.follow(f64::from(minutes), model);
    }
    response.clicked().then_some(release.id)
}

/// Which part of the bar the pointer pressed (or hovers).
fn edge_at(response: &egui::Response, rect: Rect, orientation: Orientation) -> DragEdge {
    let Some(pos) = response.interact_pointer_pos().or(response.hover_pos()) else { return DragEdge::Body };
    let (at, low, high) = match orientation {
        Orientation::Horizontal(_) => (pos.x, rect.left(), rect.right()),
        Orientation::Vertical(_) => (pos.y, rect.top(), rect.bottom()),
    };
    if high - low < EDGE * 3.0 {
        DragEdge::Body
    } else if at - low < EDGE {
        DragEdge::Start
    } else if high - at < EDGE {
        DragEdge::End
    } else {
        DragEdge::Body
    }
}

/// A phased release's phases inside its bar, as segments with a line between them.
fn phases(
    painter: &egui::Painter,
    model: &Model,
    release: &Release,
    planned: PlannedWindow,
    rect: Rect,
    orientation: Orientation,
) {
    let Orientation::Horizontal(_) = orientation else { return };
    let readiness = model.readiness(release.id);
    if !readiness.strategy.has_phases() {
        return;
    }
    let shift = planned.start - release.planned.start;
    let span = (planned.end - planned.start).num_minutes().max(1) as f32;
    let x =
        |t: Timestamp| rect.left() + ((t + shift - planned.start).num_minutes() as f32 / span) * rect.width();
    for (n, phase) in readiness.phases.iter().enumerate() {
        let (Some(start), Some(end)) = (phase.planned_start, phase.planned_end) else { continue };
        if start < release.planned.start || end > release.planned.end {
            continue;
        }
        let segment = Rect::from_min_max(pos2(x(start), rect.top() + BAR * 0.6), pos2(x(end), rect.bottom()));
        let tone = if n % 2 == 0 { Color32::from_black_alpha(60) } else { Color32::from_white_alpha(50) };
        painter.rect_filled(segment, 0.0, tone);
        painter.line_segment(
            [Pos2::new(segment.left(), rect.top()), Pos2::new(segment.left(), rect.bottom())],
            Stroke::new(1.0, Color32::WHITE),
        );
    }
}

/// While a bar is dragged: its new window and the conflicts it would have, beside the pointer.
pub fn drag_tooltip(ui: &egui::Ui, calendar: &Calendar) {
    let Some(drag) = &calendar.drag else { return };
    let Some(pos) = ui.ctx().pointer_latest_pos() else { return };
    egui::Area::new(ui.scope_id().with("calendar-drag-tip"))
        .fixed_pos(pos + Vec2::new(16.0, 16.0))
        .order(egui::Order::Tooltip)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.strong(format!(
                    "{} – {}",
                    crate::i18n::datetime_short(drag.current.start),
                    crate::i18n::datetime_short(drag.current.end)
                ));
                if drag.conflicts.is_empty() {
                    ui.label(tr("calendar-drag-no-conflict"));
                }
                for c in drag.conflicts.iter().take(6) {
                    ui.colored_label(conflict_color(c.severity), crate::i18n::conflict_text(c));
                }
            });
        });
}
