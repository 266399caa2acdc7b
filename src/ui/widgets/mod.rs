//! Small shared widgets: coloured chips for status, priority and type; the window's dialogs (their
//! top edge stays put as they grow) and progress bars (nothing under the label at 0 %); the file
//! chooser with its fallback path dialog ([`file_dialog`]); read-only Markdown ([`markdown`]); a
//! local date-and-time editor (with the zone shown) over our own localized [`date_picker`]; local
//! time formatting.

pub mod combo;
pub mod date_picker;
pub mod file_dialog;
pub mod file_job;
pub mod markdown;

use chrono::{Local, NaiveDate, NaiveTime, TimeZone as _, Timelike as _};
use egui::{Color32, RichText};

use self::date_picker::DatePicker;
use crate::domain::{Priority, ReleaseType, Status, Timestamp};

/// A rounded, filled label.
pub fn chip_ui(ui: &mut egui::Ui, text: &str, fill: Color32) -> egui::Response {
    egui::Frame::new()
        .fill(fill)
        .corner_radius(8)
        .inner_margin(egui::Margin::symmetric(6, 1))
        .show(ui, |ui| {
            ui.add(egui::Label::new(RichText::new(text).color(Color32::WHITE).size(12.0)).selectable(false));
        })
        .response
}

pub fn status_color(status: Status) -> Color32 {
    match status {
        Status::Open => Color32::from_rgb(0x2f, 0x6f, 0xd6),
        Status::OnHold => Color32::from_rgb(0x8a, 0x6d, 0x1f),
        Status::InProgress => Color32::from_rgb(0x1f, 0x8a, 0x70),
        Status::Incomplete => Color32::from_rgb(0xb4, 0x3c, 0x3c),
        Status::Completed => Color32::from_rgb(0x5d, 0x6b, 0x7a),
    }
}

pub fn priority_color(priority: Priority) -> Color32 {
    match priority {
        Priority::Low => Color32::from_rgb(0x5d, 0x8a, 0x5d),
        Priority::Medium => Color32::from_rgb(0x3b, 0x78, 0xb0),
        Priority::High => Color32::from_rgb(0xc0, 0x6a, 0x10),
        Priority::Urgent => Color32::from_rgb(0xc0, 0x2b, 0x2b),
    }
}

/// A release risk level's chip colour (the list's Risk column, the page's header and sections).
pub fn risk_level_color(level: crate::domain::RiskLevel) -> Color32 {
    match level {
        crate::domain::RiskLevel::Low => Color32::from_rgb(0x5d, 0x8a, 0x5d),
        crate::domain::RiskLevel::Medium => Color32::from_rgb(0xc0, 0x6a, 0x10),
        crate::domain::RiskLevel::High => Color32::from_rgb(0xc0, 0x2b, 0x2b),
    }
}

pub fn type_color(release_type: ReleaseType) -> Color32 {
    match release_type {
        ReleaseType::Minor => Color32::from_rgb(0x6b, 0x7b, 0x8c),
        ReleaseType::Standard => Color32::from_rgb(0x4a, 0x63, 0xa8),
        ReleaseType::Major => Color32::from_rgb(0x7b, 0x4a, 0xa8),
        ReleaseType::Emergency => Color32::from_rgb(0xc0, 0x2b, 0x2b),
    }
}

/// Local time in the UI language: `Thu 26 Nov 2026, 15:00` or `2026년 11월 26일 (목) 오후 3:00`.
pub fn local_time(t: Timestamp) -> String {
    crate::i18n::datetime(t)
}

/// A date picked on a calendar in the UI language (see [`date_picker`]). Returns true when the date
/// changed.
pub fn date_picker_ui(ui: &mut egui::Ui, id_salt: &str, value: &mut NaiveDate) -> bool {
    DatePicker::new(id_salt, value).show(ui)
}

/// How far below the window's top edge a dialog's top edge sits.
const DIALOG_TOP: f32 = 64.0;

/// A modal dialog whose top edge stays put while its content grows or shrinks (a section opened,
/// an error shown): egui's own modal is centred, so it would move under the pointer each time.
pub fn dialog(id: egui::Id) -> egui::Modal {
    egui::Modal::new(id)
        .area(egui::Modal::default_area(id).anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, DIALOG_TOP)))
}

/// A progress bar with `text` on it. At 0 % nothing is drawn under the text (egui would draw a
/// dot of the bar's colour there, over the first letters).
pub fn progress_bar(fraction: f32, text: String, width: f32) -> egui::ProgressBar {
    let progress = egui::ProgressBar::new(fraction).text(text).desired_width(width);
    if fraction <= 0.0 { progress.fill(Color32::TRANSPARENT) } else { progress }
}

/// The local time zone's offset from UTC at `t`, as `UTC+09:00` (`UTC` itself when zero).
pub fn utc_offset_label<Tz: chrono::TimeZone>(t: Timestamp, zone: &Tz) -> String {
    use chrono::Offset as _;
    let seconds = t.with_timezone(zone).offset().fix().local_minus_utc();
    if seconds == 0 {
        return "UTC".to_owned();
    }
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// The system's time zone by name (`Asia/Seoul`), read once.
fn zone_name() -> &'static str {
    static NAME: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    NAME.get_or_init(|| crate::domain::schedule::system_zone().name().to_owned())
}

/// Edits a timestamp as a local date (calendar popup) and hour and minute, with the local time
/// zone shown after them (`UTC+09:00`; its name on hover). Returns true when the value changed.
pub fn datetime_edit_ui(ui: &mut egui::Ui, id_salt: &str, value: &mut Timestamp) -> bool {
    let local = value.with_timezone(&Local);
    let mut date = local.date_naive();
    let mut hour = local.hour();
    let mut minute = local.minute();
    let before = (date, hour, minute);
    ui.horizontal(|ui| {
        date_picker_ui(ui, id_salt, &mut date);
        ui.add(egui::DragValue::new(&mut hour).range(0..=23).custom_formatter(|v, _| format!("{v:02}")))
            .on_hover_text(crate::i18n::tr("field-hour"));
        ui.label(":");
        ui.add(
            egui::DragValue::new(&mut minute)
                .range(0..=59)
                .speed(0.5)
                .custom_formatter(|v, _| format!("{v:02}")),
        )
        .on_hover_text(crate::i18n::tr("field-minute"));
        ui.label(RichText::new(utc_offset_label(*value, &Local)).weak())
            .on_hover_text(crate::i18n::tr_args("field-time-zone", &[("zone", zone_name().into())]));
    });
    if (date, hour, minute) == before {
        return false;
    }
    let naive = NaiveTime::from_hms_opt(hour, minute, 0).map(|t| date.and_time(t));
    match naive.and_then(|n| Local.from_local_datetime(&n).earliest()) {
        Some(t) => {
            *value = t.to_utc();
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_zone_label_is_the_offset_from_utc() {
        let t = Timestamp::from_timestamp(1_780_000_000, 0).unwrap_or_default();
        assert_eq!(utc_offset_label(t, &chrono::FixedOffset::east_opt(9 * 3600).unwrap()), "UTC+09:00");
        assert_eq!(
            utc_offset_label(t, &chrono::FixedOffset::west_opt(3 * 3600 + 1800).unwrap()),
            "UTC-03:30"
        );
        assert_eq!(utc_offset_label(t, &chrono::Utc), "UTC");
    }
}
