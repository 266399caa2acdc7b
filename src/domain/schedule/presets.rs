//! The recurrences the window and freeze dialog offers ready-made: a rule, the time of day it
//! starts and how long each occurrence lasts. Each has an i18n key for its name.

/// A ready-made recurrence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    /// The i18n key of its name ("Every Saturday 22:00 for 8 h").
    pub key: &'static str,
    pub rule: &'static str,
    pub hour: u32,
    pub minute: u32,
    pub minutes: u32,
}

/// Weekend nights, weekday early mornings, every night, month-end close, the first Sunday.
pub const PRESETS: &[Preset] = &[
    Preset {
        key: "schedule-preset-saturday-night",
        rule: "FREQ=WEEKLY;BYDAY=SA",
        hour: 22,
        minute: 0,
        minutes: 8 * 60,
    },
    Preset {
        key: "schedule-preset-weekend-nights",
        rule: "FREQ=WEEKLY;BYDAY=FR,SA",
        hour: 22,
        minute: 0,
        minutes: 8 * 60,
    },
    Preset {
        key: "schedule-preset-weekday-early",
        rule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        hour: 2,
        minute: 0,
        minutes: 3 * 60,
    },
    Preset { key: "schedule-preset-every-night", rule: "FREQ=DAILY", hour: 22, minute: 0, minutes: 8 * 60 },
    Preset {
        key: "schedule-preset-month-end",
        rule: "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1,-2",
        hour: 0,
        minute: 0,
        minutes: 24 * 60,
    },
    Preset {
        key: "schedule-preset-first-sunday",
        rule: "FREQ=MONTHLY;BYDAY=1SU",
        hour: 0,
        minute: 0,
        minutes: 6 * 60,
    },
];
