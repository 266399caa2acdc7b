//! The timeline: a Gantt of the shown one, two or four weeks with a row per group (or per CI),
//! releases as bars (named inside, or beside when the bar is too short) laid in lanes so that
//! overlapping ones and their names stay visible, a phased release's phases as segments of
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

/// Height of the days across the top.
const HEAD: f32 = 34.0;
/// Width of the row names.
const LABELS: f32 = 170.0;
const BAR: f32 = 20.0;
const LANE: f32 = 24.0;
/// How close to an end of a bar the pointer picks the end rather than the body.
const EDGE: f32 = 6.0;

/// A window's shade: light, so the bars over it stay easy to read.
pub fn window_fill() -> Color32 {
    Color32::from_rgba_unmultiplied(60, 170, 90, 20)
}

/// The strip that marks a window's hours in a month's day cell.
pub fn window_strip_color() -> Color32 {
    Color32::from_rgba_unmultiplied(60, 170, 90, 150)
}

/// A freeze's shade, stronger for a hard one.
pub fn freeze_fill(severity: Severity) -> Color32 {
    match severity {
        Severity::Block => Color32::from_rgba_unmultiplied(210, 50, 50, 30),
        Severity::Warn => Color32::from_rgba_unmultiplied(230, 150, 30, 24),
    }
}

pub fn conflict_color(severity: Severity) -> Color32 {
    match severity {
        Severity::Block => Color32::from_rgb(0xd0, 0x20, 0x20),
        Severity::Warn => Color32::from_rgb(0xe0, 0x8a, 0x00),
    }
}

/// How wide a label beside a bar may be.
const BESIDE: f32 = 280.0;

/// Where a bar's label goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// Inside the bar, cut where the bar ends (month and week, and a timeline bar it fits in).
    Inside,
    /// Beside the bar on the right (a timeline bar too short for its name).
    Right,
    /// Beside the bar on the left, where the right would run out of the timeline.
    Left,
}

/// One row: its name and its releases' lanes.
struct Row {
    name: String,
    /// (release index, lane, where its name goes).
    bars: Vec<(usize, usize, Label)>,
    lanes: usize,
}

/// The timeline's rows as laid out, kept until the shown releases, the kind of row or the axis
/// change (a frame draws them; it does not lay 100,000 releases out again).
#[derive(Default)]
pub struct Layout {
    key: Option<(u64, RowsBy, u32, Timestamp)>,
    rows: Vec<Row>,
}

/// The text on a release's bar (a conflict shows as the bar's outline in its severity's colour).
fn bar_label(release: &Release) -> String {
    format!("{} {}", crate::i18n::release_number(release.id), release.subject)
}

/// The rows of the timeline: every group (or CI) with a release in the period, then "none".
fn group_rows(calendar: &Calendar, model: &Model) -> Vec<(String, Vec<usize>)> {
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
            (name, members)
        })
        .collect()
}

impl Layout {
    /// Lays the rows out for `axis`: each release in the first lane free where its bar (and its
    /// label, when that goes beside) begins; they come by start.
    fn refresh(&mut self, ui: &egui::Ui, calendar: &Calendar, model: &Model, axis: Axis) {
        let key = (calendar.shown.generation, calendar.period.rows_by, axis.scale.to_bits(), axis.from);
        if self.key == Some(key) {
            return;
        }
        let releases = model.releases();
        let font = egui::FontId::proportional(12.0);
        self.rows = group_rows(calendar, model)
            .into_iter()
            .map(|(name, members)| {
                let mut ends: Vec<f32> = Vec::new();
                let right_edge = axis.x(axis.to);
                let bars = members
                    .into_iter()
                    .map(|i| {
                        let r = &releases[i];
                        let (x0, x1) = (
                            axis.x(r.planned.start),
                            axis.x(r.planned.end).max(axis.x(r.planned.start) + 4.0),
                        );
                        let text = bar_label(r);
                        let width =
                            ui.painter().layout_no_wrap(text, font.clone(), Color32::PLACEHOLDER).size().x;
                        let width = width.min(BESIDE);
                        let (label, start, end) = if width + 8.0 <= x1 - x0 {
                            (Label::Inside, x0, x1)
                        } else if x1 + 6.0 + width <= right_edge || x0 - 6.0 - width < 0.0 {
                            (Label::Right, x0, x1 + 6.0 + width)
                        } else {
                            (Label::Left, x0 - 6.0 - width, x1)
                        };
                        let lane = ends.iter().position(|e| *e + 4.0 <= start).unwrap_or(ends.len());
                        if lane == ends.len() {
                            ends.push(end);
                        } else {
                            ends[lane] = end;
                        }
                        (i, lane, label)
                    })
                    .collect();
                Row { name, bars, lanes: ends.len().max(1) }
            })
            .collect();
        self.key = Some(key);
    }
}

/// Where times fall on the x axis.
#[derive(Clone, Copy)]
pub struct Axis {
    pub from: Timestamp,
    /// Where the period ends.
    pub to: Timestamp,
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
    let span = calendar.period.span.days();
    let days = span as f32;
    let day_width = ((ui.available_width() - LABELS) / days).floor().max(24.0);
    // Lanes are laid out from x 0; the scroll area's left is added where the bars are placed.
    let axis = Axis { from: range.from, to: range.to, left: 0.0, scale: day_width / 1440.0 };
    let mut layout = std::mem::take(&mut calendar.layout);
    layout.refresh(ui, calendar, model, axis);
    let mut clicked = None;
    egui::ScrollArea::both().auto_shrink([false, false]).show(ui, |ui| {
        let rows = &layout.rows;
        let height = HEAD + rows.iter().map(|r| r.lanes as f32 * LANE + 8.0).sum::<f32>();
        let (area, _) =
            ui.allocate_exact_size(vec2(LABELS + day_width * days, height.max(200.0)), Sense::hover());
        let axis = Axis { left: area.left() + LABELS, ..axis };
        let painter = ui.painter_at(area);
        // Days, shades and today first, behind the bars.
        days_header(ui, &painter, calendar, (area, axis, day_width), today);
        let body = Rect::from_min_max(pos2(axis.left, area.top() + HEAD - 2.0), area.max);
        shade(&painter, calendar, axis, body);
        let now = model.now();
        if range.touches(now, now) {
            let x = axis.x(now);
            painter.line_segment(
                [pos2(x, area.top()), pos2(x, area.bottom())],
                Stroke::new(2.0, Color32::from_rgb(0x2f, 0x6f, 0xd6)),
            );
        }
        let mut y = area.top() + HEAD;
        for row in rows {
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
            for &(i, lane, label) in &row.bars {
                let release = &model.releases()[i];
                let top = y + 4.0 + lane as f32 * LANE;
                let place = |p: PlannedWindow| {
                    Rect::from_min_max(
                        pos2(axis.x(p.start), top),
                        pos2(axis.x(p.end).max(axis.x(p.start) + 4.0), top + BAR),
                    )
                };
                let orientation = Orientation::Horizontal(axis.scale);
                if let Some(id) = bar_ui(ui, calendar, cx.model, release, place, orientation, label) {
                    clicked = Some(id);
                }
            }
            y += row_height;
        }
        drag_tooltip(ui, calendar);
    });
    calendar.layout = layout;
    clicked
}

/// The days across the top: each day's date over its weekday (the day of the month alone when
/// the days are narrow), today's in the selection colour, and the lines between days.
fn days_header(
    ui: &egui::Ui,
    painter: &egui::Painter,
    calendar: &Calendar,
    (area, axis, day_width): (Rect, Axis, f32),
    today: chrono::NaiveDate,
) {
    let (first, _) = calendar.period.days();
    for d in 0..calendar.period.span.days() {
        let day = first + chrono::Days::new(d);
        let x = axis.left + d as f32 * day_width;
        painter.line_segment(
            [pos2(x, area.top()), pos2(x, area.bottom())],
            Stroke::new(1.0, ui.visuals().weak_text_color().gamma_multiply(0.3)),
        );
        let date = if day_width < 44.0 { day.format("%d") } else { day.format("%m-%d") };
        let weekday =
            tr(&format!("date-weekday-short-{}", chrono::Datelike::weekday(&day).number_from_monday()));
        let (color, weak) = if day == today {
            (ui.visuals().selection.stroke.color, ui.visuals().selection.stroke.color)
        } else {
            (ui.visuals().text_color(), ui.visuals().weak_text_color())
        };
        let font = egui::FontId::proportional(12.0);
        painter.text(
            pos2(x + 4.0, area.top() + 2.0),
            egui::Align2::LEFT_TOP,
            date.to_string(),
            font.clone(),
            color,
        );
        painter.text(pos2(x + 4.0, area.top() + 16.0), egui::Align2::LEFT_TOP, weekday, font, weak);
    }
}

/// Windows and freezes shaded across `body`.
fn shade(painter: &egui::Painter, calendar: &Calendar, axis: Axis, body: Rect) {
    for s in &calendar.shown.shades {
        let fill = s.freeze.map_or_else(window_fill, freeze_fill);
        let edge =
            s.freeze.map_or_else(window_strip_color, |severity| freeze_fill(severity).gamma_multiply(4.0));
        for o in &s.occurrences {
            let rect =
                Rect::from_min_max(pos2(axis.x(o.start), body.top()), pos2(axis.x(o.end), body.bottom()));
            painter.rect_filled(rect.intersect(body), 0.0, fill);
            // A strip under the days says what is shaded without covering the bars.
            painter.rect_filled(rect.intersect(body).with_max_y(body.top() + 3.0), 0.0, edge);
        }
    }
}

/// Which way a bar runs and how many pixels a minute is along it.
#[derive(Clone, Copy)]
pub enum Orientation {
    Horizontal(f32),
    Vertical(f32),
}

/// One release's bar at the rect `place` gives for a planned window: its label (where `label`
/// says), its phases, its conflict mark, and the drag of its body or ends. Returns the release when clicked.
pub fn bar_ui(
    ui: &mut egui::Ui,
    calendar: &mut Calendar,
    model: &Model,
    release: &Release,
    place: impl Fn(PlannedWindow) -> Rect,
    orientation: Orientation,
    label: Label,
) -> Option<ReleaseId> {
    let dragging = calendar.drag.as_ref().filter(|d| d.id == release.id);
    let planned = dragging.map_or(release.planned, |d| d.current);
    let rect = place(planned);
    let reach = match label {
        Label::Inside => rect,
        Label::Right => rect.with_max_x(rect.right() + BESIDE),
        Label::Left => rect.with_min_x(rect.left() - BESIDE),
    };
    if !ui.clip_rect().intersects(reach) && dragging.is_none() {
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
    bar_text(ui, release, rect, orientation, label);
    let id = ui.scope_id().with(("calendar-bar", release.id));
    let response = ui.interact(rect, id, Sense::click_and_drag());
    // Its name is only worked out when asked for (a screen reader, a test): hundreds of bars
    // are drawn in a frame.
    response.widget_info(|| {
        let name = crate::i18n::tr_args(
            "calendar-bar-name",
            &[
                ("id", release.id.into()),
                ("subject", release.subject.as_str().into()),
                ("start", crate::i18n::datetime_short(planned.start).into()),
                ("end", crate::i18n::datetime_short(planned.end).into()),
            ],
        );
        egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &name)
    });
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

/// A bar's name: inside it, in white, cut where it ends, unless the name does not fit there and
/// `label` puts it beside (in the text colour).
fn bar_text(ui: &egui::Ui, release: &Release, rect: Rect, orientation: Orientation, label: Label) {
    let painter = ui.painter();
    let text = bar_label(release);
    let font = egui::FontId::proportional(12.0);
    let horizontal = matches!(orientation, Orientation::Horizontal(_));
    let galley = painter.layout_no_wrap(text, font, Color32::PLACEHOLDER);
    let width = galley.size().x.min(BESIDE);
    let fits = width + 8.0 <= rect.width();
    let beside = match label {
        Label::Right if horizontal && !fits => Some(rect.right() + 4.0),
        Label::Left if horizontal && !fits => Some(rect.left() - 4.0 - width),
        _ => None,
    };
    if let Some(left) = beside {
        let room = Rect::from_min_max(pos2(left, rect.top()), pos2(left + width, rect.bottom()));
        painter.with_clip_rect(room.intersect(ui.clip_rect())).galley(
            room.left_top() + vec2(0.0, 3.0),
            galley,
            ui.visuals().text_color(),
        );
    } else if (horizontal && rect.width() > 30.0) || (!horizontal && rect.height() > 16.0) {
        painter.with_clip_rect(rect.shrink(2.0).intersect(ui.clip_rect())).galley(
            rect.left_top() + vec2(4.0, 3.0),
            galley,
            Color32::WHITE,
        );
    }
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
