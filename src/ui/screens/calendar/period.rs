//! What the calendar shows: a month (six weeks from the week holding the 1st), a week, or a
//! timeline of one, two or four weeks, around an anchor day; weeks start on Sunday in Korean and Monday in English
//! (the date picker's rule); the period's range in UTC from local midnights.

use chrono::{Datelike as _, Days, Local, Months, NaiveDate, TimeZone as _};

use crate::domain::Language;
use crate::domain::Timestamp;
use crate::domain::schedule::TimeRange;
use crate::i18n::{tr_args_in, tr_in};
use crate::ui::widgets::date_picker::{first_weekday, grid_start};

/// How the calendar lays the period out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Month,
    Week,
    Timeline,
}

impl Mode {
    pub const ALL: [Self; 3] = [Self::Month, Self::Week, Self::Timeline];

    pub fn key(self) -> &'static str {
        match self {
            Self::Month => "calendar-month",
            Self::Week => "calendar-week",
            Self::Timeline => "calendar-timeline",
        }
    }
}

/// What a timeline row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowsBy {
    Group,
    ConfigItem,
}

impl RowsBy {
    pub fn key(self) -> &'static str {
        match self {
            Self::Group => "calendar-rows-group",
            Self::ConfigItem => "calendar-rows-ci",
        }
    }
}

/// How many weeks a timeline spans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    OneWeek,
    TwoWeeks,
    FourWeeks,
}

impl Span {
    pub const ALL: [Self; 3] = [Self::OneWeek, Self::TwoWeeks, Self::FourWeeks];

    pub fn days(self) -> u64 {
        match self {
            Self::OneWeek => 7,
            Self::TwoWeeks => 14,
            Self::FourWeeks => 28,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::OneWeek => "calendar-span-one-week",
            Self::TwoWeeks => "calendar-span-two-weeks",
            Self::FourWeeks => "calendar-span-four-weeks",
        }
    }
}

/// The period shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    pub mode: Mode,
    /// A day inside the period.
    pub anchor: NaiveDate,
    pub rows_by: RowsBy,
    /// How long the timeline is.
    pub span: Span,
    /// The week's first day, by the UI's language (set each frame).
    pub language: Language,
}

impl Period {
    pub fn new(anchor: NaiveDate) -> Self {
        Self {
            mode: Mode::Month,
            anchor,
            rows_by: RowsBy::Group,
            span: Span::TwoWeeks,
            language: crate::i18n::language(),
        }
    }

    /// The first day of the week holding `day`.
    pub fn week_start(&self, day: NaiveDate) -> NaiveDate {
        let first = first_weekday(self.language);
        let back = (day.weekday().num_days_from_monday() + 7 - first.num_days_from_monday()) % 7;
        day - Days::new(u64::from(back))
    }

    /// The first and the day after the last day shown.
    pub fn days(&self) -> (NaiveDate, NaiveDate) {
        match self.mode {
            Mode::Month => {
                let start = grid_start(self.anchor, first_weekday(self.language));
                (start, start + Days::new(42))
            }
            Mode::Week => {
                let start = self.week_start(self.anchor);
                (start, start + Days::new(7))
            }
            Mode::Timeline => {
                let start = self.week_start(self.anchor);
                (start, start + Days::new(self.span.days()))
            }
        }
    }

    /// The period in UTC, from local midnight to local midnight.
    pub fn range(&self) -> TimeRange {
        let (from, to) = self.days();
        TimeRange::new(local_midnight(from), local_midnight(to))
    }

    /// Moves a month, a week or the timeline's span on (`by` 1) or back (`by` -1).
    pub fn step(&mut self, by: i32) {
        let months = |d: NaiveDate, n: i32| {
            if n >= 0 {
                d.checked_add_months(Months::new(n.unsigned_abs()))
            } else {
                d.checked_sub_months(Months::new(n.unsigned_abs()))
            }
            .unwrap_or(d)
        };
        let days = |d: NaiveDate, n: i64| d.checked_add_signed(chrono::Duration::days(n)).unwrap_or(d);
        self.anchor = match self.mode {
            Mode::Month => months(self.anchor, by),
            Mode::Week => days(self.anchor, 7 * i64::from(by)),
            Mode::Timeline => days(self.anchor, self.span.days() as i64 * i64::from(by)),
        };
    }

    /// "2026년 11월" / "November 2026", or the first and last day of a week or timeline.
    pub fn heading(&self, language: Language) -> String {
        let (from, to) = self.days();
        match self.mode {
            Mode::Month => tr_args_in(
                language,
                "date-picker-heading",
                &[
                    ("month", tr_in(language, &format!("date-month-{}", self.anchor.month())).into()),
                    ("year", self.anchor.year().to_string().into()),
                ],
            ),
            Mode::Week | Mode::Timeline => {
                let last = to.pred_opt().unwrap_or(to);
                format!("{} – {}", from.format("%Y-%m-%d"), last.format("%Y-%m-%d"))
            }
        }
    }
}

/// Local midnight of `day`, as UTC.
pub fn local_midnight(day: NaiveDate) -> Timestamp {
    let naive = day.and_time(chrono::NaiveTime::MIN);
    Local
        .from_local_datetime(&naive)
        .earliest()
        .map_or_else(|| chrono::Utc.from_utc_datetime(&naive), |t| t.to_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_start_on_sunday_in_korean_and_monday_in_english() {
        let thursday = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let mut period = Period::new(thursday);
        period.mode = Mode::Week;
        period.language = Language::Ko;
        assert_eq!(period.days().0, NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
        period.language = Language::En;
        assert_eq!(period.days().0, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
        period.mode = Mode::Month;
        assert_eq!(period.days().0, NaiveDate::from_ymd_opt(2026, 10, 26).unwrap());
        period.step(1);
        assert_eq!(period.anchor, NaiveDate::from_ymd_opt(2026, 12, 26).unwrap());
        period.language = Language::Ko;
        assert_eq!(period.days().0, NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(), "Korean: a Sunday");
    }

    #[test]
    fn the_timeline_spans_one_two_or_four_weeks_and_steps_by_its_span() {
        let thursday = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let mut period = Period::new(thursday);
        period.mode = Mode::Timeline;
        period.language = Language::En;
        for (span, days) in [(Span::OneWeek, 7), (Span::TwoWeeks, 14), (Span::FourWeeks, 28)] {
            period.span = span;
            let (from, to) = period.days();
            assert_eq!(from, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(), "from the week's Monday");
            assert_eq!((to - from).num_days(), days);
        }
        period.step(1);
        assert_eq!(period.anchor, thursday + Days::new(28));
        period.step(-1);
        assert_eq!(period.anchor, thursday);
    }
}
