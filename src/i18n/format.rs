//! Dates, times, durations, months and KPI values in each language's own style.

use chrono::{Datelike as _, Local, Timelike as _};

use super::language;
use crate::domain::kpi::KpiUnit;
use crate::domain::{Kpi, Language, Timestamp};

/// A KPI value: `93.3%` for rates, `3.5 h` / `3.5시간` for times, `12` (or `2.5` for a
/// period's mean) for deployments, `–` without a value.
pub fn kpi_value_in(language: Language, kpi: Kpi, value: Option<f64>) -> String {
    match (value, kpi.unit()) {
        (None, _) => "–".to_owned(),
        (Some(v), KpiUnit::Percent) => format!("{:.1}%", v * 100.0),
        (Some(v), KpiUnit::Hours) => hours_in(language, v),
        (Some(v), KpiUnit::Count) if v.fract().abs() < 1e-9 => format!("{v:.0}"),
        (Some(v), KpiUnit::Count) => format!("{v:.1}"),
    }
}

/// A KPI value in the current language.
pub fn kpi_value(kpi: Kpi, value: Option<f64>) -> String {
    kpi_value_in(language(), kpi, value)
}

/// Hours with one decimal: `3.5 h` or `3.5시간`.
pub fn hours_in(language: Language, hours: f64) -> String {
    match language {
        Language::En => format!("{hours:.1} h"),
        Language::Ko => format!("{hours:.1}시간"),
    }
}

/// A change of a KPI value, signed: `+2.1 %p` for rates (percentage points), `-0.5 h` for downtime.
pub fn kpi_change_in(language: Language, kpi: Kpi, change: f64) -> String {
    let sign = if change > 0.0 {
        "+"
    } else if change < 0.0 {
        "-"
    } else {
        "±"
    };
    match kpi.unit() {
        KpiUnit::Percent => format!("{sign}{:.1}%p", change.abs() * 100.0),
        KpiUnit::Hours => format!("{sign}{}", hours_in(language, change.abs())),
        KpiUnit::Count => format!("{sign}{:.1}", change.abs()),
    }
}

/// The target of a KPI as text: `> 95.0%`, `< 4.0 h`; `≥ 4`, `≤ 1.0 h` for the delivery metrics,
/// which meet their target at it.
pub fn kpi_target_in(language: Language, targets: &crate::domain::KpiTargets, kpi: Kpi) -> String {
    let sign = match (kpi.higher_is_better(), kpi.strict_target()) {
        (true, true) => ">",
        (true, false) => "≥",
        (false, true) => "<",
        (false, false) => "≤",
    };
    format!("{sign} {}", kpi_value_in(language, kpi, Some(targets.target(kpi))))
}

/// A month in `language`'s style: `Oct 2026` or `2026년 10월`.
pub fn month_in(language: Language, month: crate::domain::YearMonth) -> String {
    match language {
        Language::En => format!("{} {}", EN_MONTHS[(month.month as usize + 11) % 12], month.year),
        Language::Ko => format!("{}년 {}월", month.year, month.month),
    }
}

/// A short month for chart axes: `Oct 26` or `26.10`.
pub fn month_short_in(language: Language, month: crate::domain::YearMonth) -> String {
    match language {
        Language::En => format!("{} {:02}", EN_MONTHS[(month.month as usize + 11) % 12], month.year % 100),
        Language::Ko => format!("{:02}.{:02}", month.year % 100, month.month),
    }
}

// ------------------------------------------------------------------ dates and durations

const EN_WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const KO_WEEKDAYS: [&str; 7] = ["월", "화", "수", "목", "금", "토", "일"];
const EN_MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// A local date and time in `language`'s style:
/// `2026년 11월 26일 (목) 15:00` or `Thu 26 Nov 2026, 15:00` (24-hour in both).
pub fn format_datetime_in<Tz: chrono::TimeZone>(language: Language, t: &chrono::DateTime<Tz>) -> String {
    let weekday = t.weekday().num_days_from_monday() as usize;
    match language {
        Language::En => format!(
            "{} {} {} {}, {:02}:{:02}",
            EN_WEEKDAYS[weekday],
            t.day(),
            EN_MONTHS[t.month0() as usize],
            t.year(),
            t.hour(),
            t.minute()
        ),
        Language::Ko => format!(
            "{}년 {}월 {}일 ({}) {:02}:{:02}",
            t.year(),
            t.month(),
            t.day(),
            KO_WEEKDAYS[weekday],
            t.hour(),
            t.minute()
        ),
    }
}

/// A local date in `language`'s style: `2026년 11월 26일 (목)` or `Thu 26 Nov 2026`.
pub fn format_date_in<Tz: chrono::TimeZone>(language: Language, t: &chrono::DateTime<Tz>) -> String {
    let weekday = t.weekday().num_days_from_monday() as usize;
    match language {
        Language::En => {
            format!("{} {} {} {}", EN_WEEKDAYS[weekday], t.day(), EN_MONTHS[t.month0() as usize], t.year())
        }
        Language::Ko => format!("{}년 {}월 {}일 ({})", t.year(), t.month(), t.day(), KO_WEEKDAYS[weekday]),
    }
}

/// A timestamp in local time, in the current language.
pub fn datetime(t: Timestamp) -> String {
    format_datetime_in(language(), &t.with_timezone(&Local))
}

/// A compact local time for lists, 24-hour: `12-26 (토) 22:00` or `12-26 (Sat) 22:00`, with the
/// year in front when it is not the year of `now` (`2025-12-26 (금) 22:00`).
pub fn format_compact_in<Tz: chrono::TimeZone>(
    language: Language,
    t: &chrono::DateTime<Tz>,
    now_year: i32,
) -> String {
    let weekday = t.weekday().num_days_from_monday() as usize;
    let day = match language {
        Language::En => EN_WEEKDAYS[weekday],
        Language::Ko => KO_WEEKDAYS[weekday],
    };
    let year = if t.year() == now_year { String::new() } else { format!("{}-", t.year()) };
    format!("{year}{:02}-{:02} ({day}) {:02}:{:02}", t.month(), t.day(), t.hour(), t.minute())
}

/// [`format_compact_in`] in local time and the current language, the year shown when it is not
/// `now`'s.
pub fn datetime_compact(t: Timestamp, now: Timestamp) -> String {
    let now_year = now.with_timezone(&Local).year();
    format_compact_in(language(), &t.with_timezone(&Local), now_year)
}

/// A compact local time for table cells: `2026-11-26 15:00` in both languages.
pub fn datetime_short(t: Timestamp) -> String {
    t.with_timezone(&Local).format("%Y-%m-%d %H:%M").to_string()
}

/// A duration in `language`'s style: `2시간 30분` or `2h 30m`; negative durations get a minus sign.
pub fn format_duration_in(language: Language, minutes: i64) -> String {
    let sign = if minutes < 0 { "-" } else { "" };
    let m = minutes.unsigned_abs();
    let (days, hours, mins) = (m / 1440, (m % 1440) / 60, m % 60);
    let parts: Vec<String> = match language {
        Language::En => [(days, "d"), (hours, "h"), (mins, "m")]
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, u)| format!("{n}{u}"))
            .collect(),
        Language::Ko => [(days, "일"), (hours, "시간"), (mins, "분")]
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, u)| format!("{n}{u}"))
            .collect(),
    };
    if parts.is_empty() {
        return match language {
            Language::En => "0m".to_owned(),
            Language::Ko => "0분".to_owned(),
        };
    }
    format!("{sign}{}", parts.join(" "))
}

/// A duration in the current language.
pub fn duration(minutes: i64) -> String {
    format_duration_in(language(), minutes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone as _;

    #[test]
    fn dates_in_both_styles() {
        let kst = chrono::FixedOffset::east_opt(9 * 3600).expect("offset");
        let t = kst.with_ymd_and_hms(2026, 11, 26, 15, 0, 0).single().expect("date");
        assert_eq!(format_datetime_in(Language::Ko, &t), "2026년 11월 26일 (목) 15:00");
        assert_eq!(format_datetime_in(Language::En, &t), "Thu 26 Nov 2026, 15:00");
        let morning = kst.with_ymd_and_hms(2026, 1, 4, 0, 5, 0).single().expect("date");
        assert_eq!(format_datetime_in(Language::Ko, &morning), "2026년 1월 4일 (일) 00:05");
        assert_eq!(format_compact_in(Language::Ko, &morning, 2026), "01-04 (일) 00:05");
        assert_eq!(format_compact_in(Language::En, &morning, 2027), "2026-01-04 (Sun) 00:05");
        assert_eq!(format_datetime_in(Language::En, &morning), "Sun 4 Jan 2026, 00:05");
        assert_eq!(format_date_in(Language::Ko, &t), "2026년 11월 26일 (목)");
        assert_eq!(format_date_in(Language::En, &t), "Thu 26 Nov 2026");
    }

    #[test]
    fn durations_in_both_styles() {
        assert_eq!(format_duration_in(Language::Ko, 150), "2시간 30분");
        assert_eq!(format_duration_in(Language::En, 150), "2h 30m");
        assert_eq!(format_duration_in(Language::En, 0), "0m");
        assert_eq!(format_duration_in(Language::Ko, 0), "0분");
        assert_eq!(format_duration_in(Language::En, 60), "1h");
        assert_eq!(format_duration_in(Language::Ko, 1500), "1일 1시간");
        assert_eq!(format_duration_in(Language::En, -45), "-45m");
    }
}
