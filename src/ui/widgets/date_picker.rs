//! A date picker in the UI's language: a button with the date (`2026-11-26`) opens a calendar of one
//! month, with the month and weekday names from the i18n catalogues, weeks starting on Sunday in
//! Korean and on Monday in English, today marked and the picked day selected.
//!
//! Keyboard: the calendar opens with the picked day focused; the arrows move a day (left, right) or
//! a week (up, down), Page Up / Page Down a month, Enter or Space picks, Esc closes. Every button
//! has a name a screen reader reads out: a day is its full date ("2026년 11월 26일 목요일").

use chrono::{Datelike as _, Days, Local, Months, NaiveDate, Weekday};
use egui::accesskit::Role;
use egui::{Id, Key, RichText, Stroke, StrokeKind};

use crate::domain::Language;
use crate::i18n::{self, tr_args_in, tr_in};

/// The catalogue keys of the months, January first.
const MONTHS: [&str; 12] = [
    "date-month-1",
    "date-month-2",
    "date-month-3",
    "date-month-4",
    "date-month-5",
    "date-month-6",
    "date-month-7",
    "date-month-8",
    "date-month-9",
    "date-month-10",
    "date-month-11",
    "date-month-12",
];
/// The catalogue keys of the weekdays' names, Monday first.
const WEEKDAYS: [&str; 7] = [
    "date-weekday-1",
    "date-weekday-2",
    "date-weekday-3",
    "date-weekday-4",
    "date-weekday-5",
    "date-weekday-6",
    "date-weekday-7",
];
/// The catalogue keys of the weekdays' short names (the calendar's columns), Monday first.
const WEEKDAYS_SHORT: [&str; 7] = [
    "date-weekday-short-1",
    "date-weekday-short-2",
    "date-weekday-short-3",
    "date-weekday-short-4",
    "date-weekday-short-5",
    "date-weekday-short-6",
    "date-weekday-short-7",
];

/// The size of one day's button.
const DAY_SIZE: egui::Vec2 = egui::vec2(34.0, 26.0);

/// The first day of the week in `language`.
pub fn first_weekday(language: Language) -> Weekday {
    match language {
        Language::Ko => Weekday::Sun,
        Language::En => Weekday::Mon,
    }
}

/// What the calendar remembers between frames while it is open.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Calendar {
    /// The day the keyboard is on; its month is the one shown.
    cursor: NaiveDate,
    /// The day button that had the keyboard at the end of the last frame.
    focused: Option<Id>,
    /// Give the cursor's button the keyboard this frame (opening, or an arrow moved it).
    focus_cursor: bool,
}

/// A date button and its calendar.
pub struct DatePicker<'a> {
    id_salt: &'a str,
    value: &'a mut NaiveDate,
    language: Language,
    today: NaiveDate,
}

impl<'a> DatePicker<'a> {
    /// A picker of `value`, in the UI's language, with today from the local clock.
    pub fn new(id_salt: &'a str, value: &'a mut NaiveDate) -> Self {
        Self { id_salt, value, language: i18n::language(), today: Local::now().date_naive() }
    }

    /// Speaks `language` instead of the UI's.
    pub fn language(mut self, language: Language) -> Self {
        self.language = language;
        self
    }

    /// Marks `today` as today (tests).
    pub fn today(mut self, today: NaiveDate) -> Self {
        self.today = today;
        self
    }

    /// The button and, while open, the calendar. Returns true when a date was picked.
    pub fn show(self, ui: &mut egui::Ui) -> bool {
        let id = ui.make_persistent_id(("date_picker", self.id_salt));
        let button = ui
            .button(self.value.format("%Y-%m-%d").to_string())
            .on_hover_text(tr_in(self.language, "date-picker-open"));
        if button.clicked() {
            let opened = Calendar { cursor: *self.value, focused: None, focus_cursor: true };
            ui.data_mut(|d| d.insert_temp(id, opened));
        }
        let popup = egui::Popup::from_toggle_button_response(&button)
            .id(id.with("popup"))
            .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
            .accessible_name(tr_in(self.language, "date-picker-title"));
        let picked = popup.show(|ui| self.calendar_ui(ui, id)).and_then(|r| r.inner);
        match picked {
            Some(day) if day != *self.value => {
                *self.value = day;
                true
            }
            _ => false,
        }
    }

    /// One month: the heading with its arrows, the weekday names, six weeks of days and Today.
    fn calendar_ui(&self, ui: &mut egui::Ui, id: Id) -> Option<NaiveDate> {
        let lang = self.language;
        let mut calendar = ui.data(|d| d.get_temp::<Calendar>(id)).unwrap_or(Calendar {
            cursor: *self.value,
            focused: None,
            focus_cursor: true,
        });
        self.keys(ui, &mut calendar);
        let mut picked = None;
        ui.horizontal(|ui| {
            let month_steps =
                [("«", "date-picker-previous-year", -12), ("‹", "date-picker-previous-month", -1)];
            for (text, key, months) in month_steps {
                if named_button(ui, text, &tr_in(lang, key)).clicked() {
                    calendar.cursor = add_months(calendar.cursor, months);
                }
            }
            ui.add_sized(
                [150.0, 20.0],
                egui::Label::new(RichText::new(self.heading(calendar.cursor)).strong()),
            );
            for (text, key, months) in
                [("›", "date-picker-next-month", 1), ("»", "date-picker-next-year", 12)]
            {
                if named_button(ui, text, &tr_in(lang, key)).clicked() {
                    calendar.cursor = add_months(calendar.cursor, months);
                }
            }
        });
        ui.add_space(4.0);
        let grid = egui::Grid::new(id.with("days")).num_columns(7).spacing([2.0, 2.0]);
        grid.show(ui, |ui| {
            let first = first_weekday(lang);
            for i in 0..7 {
                let weekday = nth_weekday(first, i);
                let name = tr_in(lang, WEEKDAYS_SHORT[weekday.num_days_from_monday() as usize]);
                ui.add_sized(DAY_SIZE, egui::Label::new(RichText::new(name).weak()));
            }
            ui.end_row();
            for week in 0..6 {
                for i in 0..7 {
                    let day = grid_start(calendar.cursor, first) + Days::new(week * 7 + i);
                    if self.day_ui(ui, day, &mut calendar) {
                        picked = Some(day);
                    }
                }
                ui.end_row();
            }
        });
        ui.add_space(4.0);
        if ui.button(tr_in(lang, "date-picker-today")).clicked() {
            picked = Some(self.today);
        }
        calendar.focus_cursor = false;
        ui.data_mut(|d| d.insert_temp(id, calendar));
        if picked.is_some() {
            ui.close();
        }
        picked
    }

    /// One day's button. Returns whether it was picked.
    fn day_ui(&self, ui: &mut egui::Ui, day: NaiveDate, calendar: &mut Calendar) -> bool {
        let in_month = day.month() == calendar.cursor.month();
        let mut text = RichText::new(day.day().to_string());
        if !in_month {
            text = text.weak();
        }
        if day == self.today {
            text = text.strong();
        }
        // Keyed by the date, so that the keyboard stays on a day, not on a place in the grid.
        let button = egui::Button::selectable(day == *self.value, text);
        let response = ui.push_id(day.num_days_from_ce(), |ui| ui.add_sized(DAY_SIZE, button)).inner;
        let name = self.day_name(day);
        response.widget_info(|| egui::WidgetInfo::selected(Role::Button, true, day == *self.value, &name));
        if day == self.today {
            let stroke = Stroke::new(1.5, ui.visuals().selection.stroke.color);
            ui.painter().rect_stroke(response.rect.shrink(1.0), 4.0, stroke, StrokeKind::Inside);
        }
        if calendar.focus_cursor {
            // The cursor moved (or the calendar opened): the keyboard goes to it.
            if day == calendar.cursor {
                response.request_focus();
                calendar.focused = Some(response.id);
            }
        } else if response.has_focus() {
            // Tab moved the keyboard to another day: the cursor follows.
            calendar.cursor = day;
            calendar.focused = Some(response.id);
        }
        response.clicked()
    }

    /// Moves the cursor when a day has the keyboard: a day, a week, a month.
    fn keys(&self, ui: &mut egui::Ui, calendar: &mut Calendar) {
        let on_a_day = calendar.focused.is_some() && ui.memory(|m| m.focused()) == calendar.focused;
        if !on_a_day {
            return;
        }
        let moved = ui.input(|i| {
            let days = |n: i64| calendar.cursor.checked_add_signed(chrono::Duration::days(n));
            if i.key_pressed(Key::ArrowLeft) {
                days(-1)
            } else if i.key_pressed(Key::ArrowRight) {
                days(1)
            } else if i.key_pressed(Key::ArrowUp) {
                days(-7)
            } else if i.key_pressed(Key::ArrowDown) {
                days(7)
            } else if i.key_pressed(Key::PageUp) {
                Some(add_months(calendar.cursor, -1))
            } else if i.key_pressed(Key::PageDown) {
                Some(add_months(calendar.cursor, 1))
            } else {
                None
            }
        });
        if let Some(cursor) = moved {
            calendar.cursor = cursor;
            calendar.focus_cursor = true;
            // The calendar moves the keyboard itself; egui must not move it a second time.
            ui.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
        }
    }

    /// "November 2026" / "2026년 11월".
    fn heading(&self, day: NaiveDate) -> String {
        let month = tr_in(self.language, MONTHS[day.month0() as usize]);
        tr_args_in(
            self.language,
            "date-picker-heading",
            &[("month", month.into()), ("year", day.year().to_string().into())],
        )
    }

    /// What a screen reader says for a day: "Thursday 26 November 2026" / "2026년 11월 26일 목요일",
    /// and that it is today.
    fn day_name(&self, day: NaiveDate) -> String {
        let lang = self.language;
        let args = [
            ("weekday", tr_in(lang, WEEKDAYS[day.weekday().num_days_from_monday() as usize]).into()),
            ("day", day.day().to_string().into()),
            ("month", tr_in(lang, MONTHS[day.month0() as usize]).into()),
            ("year", day.year().to_string().into()),
        ];
        let name = tr_args_in(lang, "date-picker-day", &args);
        if day == self.today {
            tr_args_in(lang, "date-picker-day-today", &[("day", name.into())])
        } else {
            name
        }
    }
}

/// A small button whose name (for screen readers and its tooltip) says what its symbol does.
fn named_button(ui: &mut egui::Ui, symbol: &str, name: &str) -> egui::Response {
    let response = ui.button(symbol).on_hover_text(name);
    response.widget_info(|| egui::WidgetInfo::labeled(Role::Button, true, name));
    response
}

/// `day` moved by `months` (the day clamped to the month's last).
fn add_months(day: NaiveDate, months: i32) -> NaiveDate {
    let moved = if months >= 0 {
        day.checked_add_months(Months::new(months.unsigned_abs()))
    } else {
        day.checked_sub_months(Months::new(months.unsigned_abs()))
    };
    moved.unwrap_or(day)
}

/// The weekday `n` days after `first`.
fn nth_weekday(first: Weekday, n: u32) -> Weekday {
    (0..n).fold(first, |w, _| w.succ())
}

/// The first day of the six weeks shown for `day`'s month: the month's first day, or the last
/// `first` weekday before it.
pub fn grid_start(day: NaiveDate, first: Weekday) -> NaiveDate {
    let month_start = day.with_day(1).unwrap_or(day);
    let back = (month_start.weekday().num_days_from_monday() + 7 - first.num_days_from_monday()) % 7;
    month_start - Days::new(u64::from(back))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use egui_kittest::Harness;
    use egui_kittest::kittest::{NodeT as _, Queryable as _};

    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn picker(language: Language) -> Harness<'static, NaiveDate> {
        crate::i18n::set_language(language);
        let mut harness = Harness::builder()
            .with_size([420.0, 380.0])
            .with_context_setup(crate::ui::fonts::install)
            .build_ui_state(
                move |ui, value: &mut NaiveDate| {
                    DatePicker::new("test", value).language(language).today(date(2026, 11, 20)).show(ui);
                },
                date(2026, 11, 26),
            );
        harness.run();
        harness.get_by_label("2026-11-26").click();
        harness.run();
        harness
    }

    fn x_of(harness: &Harness<'_, NaiveDate>, label: &str) -> f64 {
        harness.get_by_label(label).accesskit_node().bounding_box().unwrap().x0
    }

    #[test]
    fn in_korean_the_calendar_has_korean_month_and_day_names_and_starts_on_sunday() {
        let harness = picker(Language::Ko);
        assert!(harness.query_by_label("2026년 11월").is_some(), "the month heading");
        let names = ["일", "월", "화", "수", "목", "금", "토"];
        for pair in names.windows(2) {
            assert!(x_of(&harness, pair[0]) < x_of(&harness, pair[1]), "{} before {}", pair[0], pair[1]);
        }
        // 1 November 2026 is a Sunday: the first day shown, in the first column.
        let first = x_of(&harness, "2026년 11월 1일 일요일");
        assert!((first - x_of(&harness, "일")).abs() < 1.0, "under 일");
        assert!(harness.query_by_label("2026년 10월 31일 토요일").is_none(), "no October week");
        assert!(harness.query_by_label("2026년 11월 20일 금요일 (오늘)").is_some(), "today is marked");
        for label in ["이전 달", "다음 달", "이전 해", "다음 해", "오늘"] {
            assert!(harness.query_by_label(label).is_some(), "{label}");
        }
    }

    #[test]
    fn in_english_weeks_start_on_monday_with_english_names() {
        let harness = picker(Language::En);
        assert!(harness.query_by_label("November 2026").is_some());
        assert!(x_of(&harness, "Mon") < x_of(&harness, "Sun"));
        // The week of 1 November starts on Monday 26 October.
        let first = x_of(&harness, "Monday 26 October 2026");
        assert!((first - x_of(&harness, "Mon")).abs() < 1.0, "under Mon");
        assert!(harness.query_by_label("Friday 20 November 2026 (today)").is_some());
        assert!(harness.query_by_label("Previous month").is_some());
    }

    #[test]
    fn every_button_of_the_calendar_has_a_name() {
        let harness = picker(Language::Ko);
        let buttons: Vec<_> = harness.query_all_by_role(Role::Button).collect();
        assert!(buttons.len() >= 42 + 5, "six weeks, four arrows, today, the date button");
        for button in buttons {
            let name = button.accesskit_node().label().unwrap_or_default();
            assert!(!name.trim().is_empty(), "an unnamed button");
            assert!(!["«", "‹", "›", "»"].contains(&name.as_str()), "{name} is only a symbol");
        }
    }

    #[test]
    fn a_click_picks_the_day_and_closes_the_calendar() {
        let mut harness = picker(Language::Ko);
        harness.get_by_label("2026년 11월 27일 금요일").click();
        harness.run();
        assert_eq!(*harness.state(), date(2026, 11, 27));
        assert!(harness.query_by_label("2026년 11월").is_none(), "closed");
    }

    #[test]
    fn the_keyboard_moves_by_day_week_and_month_and_enter_picks() {
        let mut harness = picker(Language::En);
        // Opened on the picked day: right a day, down a week (into December), Page Down a month.
        harness.key_press(Key::ArrowRight);
        harness.run();
        assert!(harness.query_by_label("November 2026").is_some());
        harness.key_press(Key::ArrowDown);
        harness.run();
        assert!(harness.query_by_label("December 2026").is_some(), "a week on is 4 December");
        harness.key_press(Key::PageDown);
        harness.run();
        assert!(harness.query_by_label("January 2027").is_some(), "Page Down shows the next month");
        harness.key_press(Key::Enter);
        harness.run();
        assert_eq!(*harness.state(), date(2027, 1, 4), "26 Nov + 1 day + 1 week + 1 month");
    }

    #[test]
    fn esc_closes_without_picking() {
        let mut harness = picker(Language::En);
        harness.key_press(Key::ArrowLeft);
        harness.run();
        harness.key_press(Key::Escape);
        harness.run();
        assert_eq!(*harness.state(), date(2026, 11, 26));
        assert!(harness.query_by_label("November 2026").is_none(), "closed");
    }
}
