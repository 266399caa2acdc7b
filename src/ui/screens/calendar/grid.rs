//! The month and the week. The month is six weeks of day cells (a freeze tints a day, a window
//! is a strip along the bottom of the hours it holds, today is outlined, each release is a line
//! in the cell of its start, a CAB meeting an entry beside the day's number; dragging one along the row moves it by as many days, in 15-minute
//! steps). The week is seven day columns over the hours of the day under the weekday and the
//! date (windows and freezes shaded, today's column marked, the time now as a line, releases that
//! overlap side by side, a CAB meeting outlined over its hours); a bar drags up and down to move the release, its ends to move one end.

use std::collections::HashMap;

use chrono::{Datelike as _, Days, Local, NaiveDate, Timelike as _};
use egui::{Color32, Rect, Sense, Stroke, StrokeKind, pos2, vec2};

use super::Calendar;
use super::period::local_midnight;
use super::timeline::{
    Label, Orientation, bar_ui, drag_tooltip, freeze_fill, window_fill, window_strip_color,
};
use crate::domain::{PlannedWindow, ReleaseId, Timestamp};
use crate::i18n::tr;
use crate::ui::screens::ScreenContext;
use crate::ui::widgets::date_picker::first_weekday;

const HEADER: f32 = 20.0;
/// The week's header: the weekday over the date.
const WEEK_HEADER: f32 = 36.0;
const LINE: f32 = 17.0;

fn local_date(t: Timestamp) -> NaiveDate {
    t.with_timezone(&Local).date_naive()
}

/// The weekday names across the top, from the language's first day, centred in a band of
/// `height` from `top`.
fn weekday_header(ui: &egui::Ui, calendar: &Calendar, left: f32, top: f32, width: f32, height: f32) {
    let first = first_weekday(calendar.period.language);
    let mut day = first;
    for i in 0..7 {
        let name = tr(&format!("date-weekday-short-{}", day.number_from_monday()));
        ui.painter().text(
            pos2(left + (i as f32 + 0.5) * width, top + height / 2.0),
            egui::Align2::CENTER_CENTER,
            name,
            egui::FontId::proportional(13.0),
            ui.visuals().weak_text_color(),
        );
        day = day.succ();
    }
}

/// What one of the month's days shows behind its releases, worked out once per shown period.
#[derive(Clone, Debug, Default)]
struct DayShade {
    /// The worst freeze that touches the day: its tint for the whole cell.
    tint: Option<Color32>,
    /// The windows of the day as parts of it (0 midnight, 1 the next), left to right, each with
    /// how many windows hold just those hours (a busy plan has a dozen windows at 02:00-05:00).
    strips: Vec<(f32, f32, u32)>,
    /// The CAB meetings that start on the day (indexes into `model.meetings()`).
    meetings: Vec<usize>,
}

/// One thing the month draws over its cells, in the order drawn.
#[derive(Clone, Copy, Debug)]
enum Mark {
    /// The release at this place in `shown.rows`, on this line of its day.
    Bar { row: usize, line: usize },
    /// "More" in the corner of the day (0..42) whose releases do not all fit.
    More(usize),
}

/// The month as laid out for one shown period (its revision, list state and range), first day
/// and number of lines a cell fits: each day's shading and meetings and which releases get a
/// line, so a frame neither walks every window's occurrences for each of 42 days nor every
/// release of the six weeks.
#[derive(Default)]
pub struct MonthLayout {
    key: Option<(u64, NaiveDate, usize)>,
    days: Vec<DayShade>,
    marks: Vec<Mark>,
}

impl MonthLayout {
    fn refresh(&mut self, calendar: &Calendar, model: &crate::model::Model, first: NaiveDate, fits: usize) {
        let key = (calendar.shown.generation, first, fits);
        if self.key == Some(key) {
            return;
        }
        self.days = (0..42).map(|n| day_shade(calendar, model, first + Days::new(n))).collect();
        self.marks.clear();
        let mut lines = [0_usize; 42];
        let last = first + Days::new(42);
        // The rows are by start: those of the six weeks are one run of them.
        let shown = &calendar.shown;
        let from = shown.start_days.partition_point(|d| *d < first);
        let to = shown.start_days.partition_point(|d| *d < last);
        for row in from..to {
            let n = (shown.start_days[row] - first).num_days().clamp(0, 41) as usize;
            lines[n] += 1;
            let line = lines[n];
            if line <= fits {
                self.marks.push(Mark::Bar { row, line });
            } else if line == fits + 1 {
                self.marks.push(Mark::More(n));
            }
        }
        self.key = Some(key);
    }
}

/// A day's freeze tint, window strips and meetings.
fn day_shade(calendar: &Calendar, model: &crate::model::Model, day: NaiveDate) -> DayShade {
    let (from, to) = (local_midnight(day), local_midnight(day + Days::new(1)));
    let shades = &calendar.shown.shades;
    let touching = |s: &&super::Shade| s.occurrences.iter().any(|o| o.overlaps(from, to));
    let tint = shades.iter().filter(touching).filter_map(|s| s.freeze).min().map(freeze_fill);
    let length = (to - from).num_minutes().max(1) as f32;
    let part = |t: Timestamp| (t - from).num_minutes() as f32 / length;
    let mut strips: Vec<(f32, f32, u32)> = Vec::new();
    for (start, end) in shades
        .iter()
        .filter(|s| s.freeze.is_none())
        .flat_map(|s| s.occurrences.iter().filter(|o| o.overlaps(from, to)))
        .map(|o| (part(o.start.max(from)), part(o.end.min(to))))
    {
        match strips.iter_mut().find(|s| s.0 == start && s.1 == end) {
            Some(same) => same.2 += 1,
            None => strips.push((start, end, 1)),
        }
    }
    // Compared as instants: no time-zone conversion per meeting.
    let meetings =
        model.meetings().iter().enumerate().filter(|(_, m)| from <= m.start && m.start < to).map(|(i, _)| i);
    DayShade { tint, strips, meetings: meetings.collect() }
}

/// The windows of a day as a strip along the bottom of its cell, from left (midnight) to right,
/// so that a window from 02:00 to 05:00 marks the hours it holds rather than the whole day;
/// windows over the same hours as one strip of their colours drawn over each other.
fn window_strip(ui: &egui::Ui, shade: &DayShade, cell: Rect) {
    let x = |part: f32| cell.left() + 1.0 + part * (cell.width() - 2.0);
    for &(start, end, layers) in &shade.strips {
        let strip = Rect::from_min_max(
            pos2(x(start), cell.bottom() - 5.0),
            pos2(x(end).max(x(start) + 2.0), cell.bottom() - 1.0),
        );
        ui.painter().rect_filled(strip, 1.0, strip_color(layers));
    }
}

/// The colour of `layers` window strips over the same hours drawn as one strip: what drawing the
/// strip that many times over itself gives (each layer adds its premultiplied colour over what
/// the ones before leave showing), so that a day with a dozen windows at the same hours
/// tessellates one rounded strip, not a dozen. One layer is the strip's own colour.
fn strip_color(layers: u32) -> Color32 {
    let one = window_strip_color();
    let alpha = f32::from(one.a()) / 255.0;
    let showing = (1.0 - alpha).powi(layers.min(255) as i32);
    let scale = if alpha > 0.0 { (1.0 - showing) / alpha } else { 0.0 };
    let [r, g, b, a] = one.to_array();
    let times = |v: u8| (f32::from(v) * scale).round().min(255.0) as u8;
    Color32::from_rgba_premultiplied(times(r), times(g), times(b), times(a))
}

/// The CAB meetings of a day on the first line of its cell, after the day's number: "CAB 10:00".
fn meetings_of_day(ui: &mut egui::Ui, model: &crate::model::Model, shade: &DayShade, cell: Rect) {
    for (i, m) in shade.meetings.iter().filter_map(|&i| model.meetings().get(i)).enumerate() {
        let rect = Rect::from_min_size(
            cell.left_top() + vec2(24.0 + 72.0 * i as f32, 2.0),
            vec2((cell.width() - 28.0).clamp(20.0, 72.0), 15.0),
        );
        meeting_label(ui, m, rect);
    }
}

/// The month: six weeks of days. Returns the release clicked.
pub fn month_ui(
    ui: &mut egui::Ui,
    calendar: &mut Calendar,
    cx: &mut ScreenContext<'_>,
    today: NaiveDate,
) -> Option<ReleaseId> {
    let model = cx.model;
    let (first, _) = calendar.period.days();
    let (area, _) = ui.allocate_exact_size(ui.available_size().max(vec2(560.0, 420.0)), Sense::hover());
    let width = area.width() / 7.0;
    let height = (area.height() - HEADER) / 6.0;
    weekday_header(ui, calendar, area.left(), area.top(), width, HEADER);
    let cell = |day: NaiveDate| {
        let n = (day - first).num_days().clamp(0, 41) as f32;
        let (col, row) = (n % 7.0, (n / 7.0).floor());
        Rect::from_min_size(
            pos2(area.left() + col * width, area.top() + HEADER + row * height),
            vec2(width, height),
        )
    };
    let fits = ((height - LINE - 6.0) / LINE).floor().max(1.0) as usize;
    let mut month = std::mem::take(&mut calendar.month);
    month.refresh(calendar, model, first, fits);
    for (n, shade) in month.days.iter().enumerate() {
        let day = first + Days::new(n as u64);
        let rect = cell(day);
        if let Some(tint) = shade.tint {
            ui.painter().rect_filled(rect.shrink(1.0), 2.0, tint);
        }
        window_strip(ui, shade, rect);
        let stroke = if day == today {
            Stroke::new(2.0, ui.visuals().selection.bg_fill)
        } else {
            Stroke::new(1.0, ui.visuals().weak_text_color().gamma_multiply(0.4))
        };
        ui.painter().rect_stroke(rect, 0.0, stroke, StrokeKind::Inside);
        let in_month = day.month() == calendar.period.anchor.month();
        let color = if in_month { ui.visuals().text_color() } else { ui.visuals().weak_text_color() };
        ui.painter().text(
            rect.left_top() + vec2(4.0, 2.0),
            egui::Align2::LEFT_TOP,
            day.day().to_string(),
            egui::FontId::proportional(12.0),
            color,
        );
        meetings_of_day(ui, model, shade, rect);
    }
    let releases = model.releases();
    let mut clicked = None;
    let more = tr("calendar-more");
    for mark in &month.marks {
        let (row, line) = match *mark {
            Mark::More(n) => {
                let rect = cell(first + Days::new(n as u64));
                ui.painter().text(
                    rect.right_top() + vec2(-4.0, 2.0),
                    egui::Align2::RIGHT_TOP,
                    more.as_str(),
                    egui::FontId::proportional(11.0),
                    ui.visuals().weak_text_color(),
                );
                continue;
            }
            Mark::Bar { row, line } => (row, line),
        };
        let (i, day) = (calendar.shown.rows[row], calendar.shown.start_days[row]);
        let release = &releases[i];
        let place = |p: PlannedWindow| {
            // The day of the planned start is known; only a bar being dragged is worked out.
            let start = if p == release.planned { day } else { local_date(p.start) };
            let rect = cell(start.clamp(first, first + Days::new(41)));
            Rect::from_min_size(
                rect.left_top() + vec2(2.0, line as f32 * LINE),
                vec2(width - 4.0, LINE - 2.0),
            )
        };
        let orientation = Orientation::Horizontal(width / 1440.0);
        if let Some(id) = bar_ui(ui, calendar, model, release, place, orientation, Label::Inside) {
            clicked = Some(id);
        }
    }
    calendar.month = month;
    drag_tooltip(ui, calendar);
    clicked
}

/// The week: day columns over the hours, under a header of the weekday over the date. Releases
/// that overlap on a day share its column side by side. Returns the release clicked.
pub fn week_ui(
    ui: &mut egui::Ui,
    calendar: &mut Calendar,
    cx: &mut ScreenContext<'_>,
    today: NaiveDate,
) -> Option<ReleaseId> {
    let model = cx.model;
    let (first, _) = calendar.period.days();
    let mut clicked = None;
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        let gutter = 44.0;
        let hour = 28.0;
        let (area, _) = ui.allocate_exact_size(
            vec2(ui.available_width().max(560.0), WEEK_HEADER + 24.0 * hour),
            Sense::hover(),
        );
        let width = (area.width() - gutter) / 7.0;
        let left = area.left() + gutter;
        let top = area.top() + WEEK_HEADER;
        let column = |day: NaiveDate| {
            let n = (day - first).num_days().clamp(0, 6) as f32;
            Rect::from_min_size(pos2(left + n * width, top), vec2(width, 24.0 * hour))
        };
        let y_of = |t: Timestamp| {
            let local = t.with_timezone(&Local);
            top + (local.hour() as f32 + local.minute() as f32 / 60.0) * hour
        };
        week_background(ui, calendar, area, (left, width, hour), today);
        let now = model.now();
        if calendar.period.range().touches(now, now) {
            let col = column(local_date(now));
            let y = y_of(now);
            ui.painter().line_segment(
                [pos2(col.left(), y), pos2(col.right(), y)],
                Stroke::new(2.0, Color32::from_rgb(0x2f, 0x6f, 0xd6)),
            );
        }
        let releases = model.releases();
        let (lanes, lanes_of_day) = week_lanes(calendar, model, first);
        for (i, lane) in lanes {
            let release = &releases[i];
            let day = local_date(release.planned.start);
            let count = lanes_of_day.get(&day).copied().unwrap_or(1).max(1);
            let lane_width = ((width - 4.0) / count as f32).max(12.0);
            let place = |p: PlannedWindow| {
                let col = column(local_date(p.start));
                let y0 = y_of(p.start);
                let same_day = local_date(p.end) == local_date(p.start);
                let y1 = if same_day { y_of(p.end).max(y0 + 6.0) } else { col.bottom() };
                let x0 = (col.left() + 2.0 + lane as f32 * lane_width).min(col.right() - 8.0);
                Rect::from_min_max(pos2(x0, y0), pos2((x0 + lane_width - 2.0).min(col.right() - 1.0), y1))
            };
            let orientation = Orientation::Vertical(hour / 60.0);
            if let Some(id) = bar_ui(ui, calendar, model, release, place, orientation, Label::Inside) {
                clicked = Some(id);
            }
        }
        let (days_from, days_to) = (local_midnight(first), local_midnight(first + Days::new(7)));
        for m in model.meetings().iter().filter(|m| days_from <= m.start && m.start < days_to) {
            let col = column(local_date(m.start));
            let span = Rect::from_min_max(
                pos2(col.left() + 1.0, y_of(m.start)),
                pos2(col.right() - 1.0, y_of(m.end()).max(y_of(m.start) + hour / 2.0).min(col.bottom())),
            );
            let color = ui.visuals().hyperlink_color;
            ui.painter().rect_stroke(span, 2.0, Stroke::new(1.5, color), StrokeKind::Inside);
            meeting_label(ui, m, Rect::from_min_size(span.right_top() + vec2(-74.0, 1.0), vec2(72.0, 15.0)));
        }
        drag_tooltip(ui, calendar);
    });
    clicked
}

/// "CAB 10:00" in `rect`, as a label (screen readers and tests find it).
fn meeting_label(ui: &mut egui::Ui, m: &crate::domain::CabMeeting, rect: Rect) {
    let time = m.start.with_timezone(&Local).format("%H:%M").to_string();
    let text = crate::i18n::tr_args("meeting-calendar-entry", &[("time", time.into())]);
    let label = egui::RichText::new(text).size(11.0).color(ui.visuals().hyperlink_color);
    ui.put(rect, egui::Label::new(label).selectable(false).truncate());
}

/// The lane of each release of the week (the first free at its start, by day of its start) and
/// how many lanes each day needs.
fn week_lanes(
    calendar: &Calendar,
    model: &crate::model::Model,
    first: NaiveDate,
) -> (Vec<(usize, usize)>, HashMap<NaiveDate, usize>) {
    let releases = model.releases();
    let mut ends: HashMap<NaiveDate, Vec<Timestamp>> = HashMap::new();
    let mut lanes = Vec::new();
    for &i in &calendar.shown.rows {
        let planned = releases[i].planned;
        let day = local_date(planned.start);
        if day < first || day >= first + Days::new(7) {
            continue;
        }
        let day_ends = ends.entry(day).or_default();
        let lane = day_ends.iter().position(|e| *e <= planned.start).unwrap_or(day_ends.len());
        if lane == day_ends.len() {
            day_ends.push(planned.end);
        } else {
            day_ends[lane] = planned.end;
        }
        lanes.push((i, lane));
    }
    (lanes, ends.into_iter().map(|(day, e)| (day, e.len())).collect())
}

/// The week's header (the weekday over the date, today's in the selection colour), the hours,
/// today's column, and the windows and freezes shaded, behind the bars.
fn week_background(
    ui: &egui::Ui,
    calendar: &Calendar,
    area: Rect,
    (left, width, hour): (f32, f32, f32),
    today: NaiveDate,
) {
    let (first, _) = calendar.period.days();
    let top = area.top() + WEEK_HEADER;
    let painter = ui.painter();
    weekday_header(ui, calendar, left, area.top(), width, WEEK_HEADER / 2.0);
    let grid = Stroke::new(1.0, ui.visuals().weak_text_color().gamma_multiply(0.25));
    for h in 0..24 {
        let y = top + h as f32 * hour;
        painter.line_segment([pos2(left, y), pos2(area.right(), y)], grid);
        painter.text(
            pos2(area.left() + 2.0, y + 2.0),
            egui::Align2::LEFT_TOP,
            format!("{h:02}:00"),
            egui::FontId::proportional(11.0),
            ui.visuals().weak_text_color(),
        );
    }
    let y_of = |t: Timestamp| {
        let local = t.with_timezone(&Local);
        top + (local.hour() as f32 + local.minute() as f32 / 60.0) * hour
    };
    for n in 0..7 {
        let day = first + Days::new(n);
        let col = Rect::from_min_size(pos2(left + n as f32 * width, top), vec2(width, 24.0 * hour));
        let date_color = if day == today {
            painter.rect_filled(col, 0.0, ui.visuals().selection.bg_fill.gamma_multiply(0.12));
            ui.visuals().selection.stroke.color
        } else {
            ui.visuals().text_color()
        };
        painter.text(
            pos2(col.center().x, area.top() + WEEK_HEADER * 0.75),
            egui::Align2::CENTER_CENTER,
            day.format("%m-%d").to_string(),
            egui::FontId::proportional(12.0),
            date_color,
        );
        let (from, to) = (local_midnight(day), local_midnight(day + Days::new(1)));
        for s in &calendar.shown.shades {
            let fill = s.freeze.map_or_else(window_fill, freeze_fill);
            for o in s.occurrences.iter().filter(|o| o.overlaps(from, to)) {
                let y0 = if o.start <= from { col.top() } else { y_of(o.start) };
                let y1 = if o.end >= to { col.bottom() } else { y_of(o.end) };
                painter.rect_filled(
                    Rect::from_min_max(pos2(col.left(), y0), pos2(col.right(), y1)),
                    0.0,
                    fill,
                );
            }
        }
        painter.line_segment(
            [pos2(col.left(), area.top()), pos2(col.left(), col.bottom())],
            Stroke::new(1.0, ui.visuals().weak_text_color().gamma_multiply(0.4)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A premultiplied colour drawn over an opaque one, as the renderer blends them.
    fn over(dst: [f32; 3], src: Color32) -> [f32; 3] {
        let [r, g, b, a] = src.to_array().map(f32::from);
        let keep = 1.0 - a / 255.0;
        [r + dst[0] * keep, g + dst[1] * keep, b + dst[2] * keep]
    }

    #[test]
    fn strips_over_the_same_hours_look_as_drawn_one_over_another() {
        assert_eq!(strip_color(1), window_strip_color());
        for background in [[255.0, 255.0, 255.0], [30.0, 30.0, 30.0]] {
            for layers in [2_u32, 3, 13] {
                let mut drawn = background;
                for _ in 0..layers {
                    drawn = over(drawn, window_strip_color());
                }
                let once = over(background, strip_color(layers));
                for (a, b) in drawn.iter().zip(once) {
                    assert!((a - b).abs() <= 1.5, "{layers} layers: {drawn:?} against {once:?}");
                }
            }
        }
    }
}
