//! Korean and English text: Fluent catalogues (`assets/i18n/{en,ko}.ftl`), the current language
//! (per thread, so the window, the CLI and parallel tests each keep their own), and date, time and
//! duration formats in each language's own style.
//!
//! Fluent (via `fluent-bundle`) was chosen over `rust-i18n` because its messages name their
//! arguments (`{ $count }`), which lets a test check that both catalogues take the same ones, and
//! because the catalogues stay plain text files a translator can edit.

mod commands;
pub mod rollout;

pub use commands::{command_label, id_list};

use std::cell::Cell;
use std::sync::OnceLock;

use chrono::{Datelike as _, Local, Timelike as _};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::domain::{
    Kpi, Language, Outcome, PredefinedView, Priority, ReleaseType, SortKey, Stage, Status, Timestamp,
};

/// The English catalogue.
pub const EN_FTL: &str = include_str!("../../assets/i18n/en.ftl");
/// The Korean catalogue.
pub const KO_FTL: &str = include_str!("../../assets/i18n/ko.ftl");
/// The bundled Korean-capable font (NanumGothic, SIL OFL 1.1; licence in `assets/fonts/`), used by
/// the window and by the chart exporter.
pub const NANUM_GOTHIC: &[u8] = include_bytes!("../../assets/fonts/NanumGothic.ttf");

thread_local! {
    static CURRENT: Cell<Language> = const { Cell::new(Language::En) };
}

/// Sets the language of this thread's text.
pub fn set_language(language: Language) {
    CURRENT.with(|c| c.set(language));
}

/// The language of this thread's text.
pub fn language() -> Language {
    CURRENT.with(Cell::get)
}

/// The language for this machine's locale (first run, and the CLI without `--lang`).
pub fn system_language() -> Language {
    sys_locale::get_locale().map_or(Language::En, |l| Language::from_locale(&l))
}

type Bundle = FluentBundle<FluentResource>;

fn build(lang: &str, source: &'static str) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks: egui would draw them as boxes.
    bundle.set_use_isolating(false);
    let resource = match FluentResource::try_new(source.to_owned()) {
        Ok(resource) => resource,
        // A catalogue with a syntax error still serves every message that parsed; the
        // catalogue test fails on the error itself.
        Err((resource, _errors)) => resource,
    };
    let _ = bundle.add_resource(resource);
    bundle
}

fn bundle(language: Language) -> &'static Bundle {
    static EN: OnceLock<Bundle> = OnceLock::new();
    static KO: OnceLock<Bundle> = OnceLock::new();
    match language {
        Language::En => EN.get_or_init(|| build("en", EN_FTL)),
        Language::Ko => KO.get_or_init(|| build("ko", KO_FTL)),
    }
}

fn format(language: Language, key: &str, args: Option<&FluentArgs<'_>>) -> String {
    let bundle = bundle(language);
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        // Falls back to English, then to the key itself, so a gap is visible but harmless.
        if language != Language::En {
            return format(Language::En, key, args);
        }
        return key.to_owned();
    };
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, args, &mut errors).into_owned()
}

/// The text of `key` in the current language.
pub fn tr(key: &str) -> String {
    format(language(), key, None)
}

/// The text of `key` in `language`.
pub fn tr_in(language: Language, key: &str) -> String {
    format(language, key, None)
}

/// The text of `key` in `language`, with named arguments.
pub fn tr_args_in(language: Language, key: &str, args: &[(&str, Arg)]) -> String {
    format(language, key, Some(&fluent_args(args)))
}

fn fluent_args<'a>(args: &'a [(&'a str, Arg)]) -> FluentArgs<'a> {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Num(n) => fluent.set(*name, FluentValue::from(*n)),
            Arg::Text(t) => fluent.set(*name, FluentValue::from(t.clone())),
        }
    }
    fluent
}

/// The text of `key` with named arguments, e.g. `tr_args("rows-shown", &[("shown", 3.into()), ...])`.
pub fn tr_args(key: &str, args: &[(&str, Arg)]) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Num(n) => fluent.set(*name, FluentValue::from(*n)),
            Arg::Text(t) => fluent.set(*name, FluentValue::from(t.clone())),
        }
    }
    format(language(), key, Some(&fluent))
}

/// A message argument.
#[derive(Clone, Debug)]
pub enum Arg {
    Num(f64),
    Text(String),
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Self::Num(n as f64)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Self::Num(f64::from(n))
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Self::Num(n as f64)
    }
}

impl From<f64> for Arg {
    fn from(n: f64) -> Self {
        Self::Num(n)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Self::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Self::Text(s)
    }
}

// ------------------------------------------------------------------ errors

/// Why a command was refused, as a sentence in the current language.
pub fn command_error(err: &crate::model::CommandError) -> String {
    use crate::model::{CommandError as E, NamedThing};
    match err {
        E::Invalid(invalid) => self::invalid(invalid),
        E::NoSuchRelease(id) => tr_args("error-no-such-release", &[("id", id.0.into())]),
        E::NoSuchReleases(list) => release_ids("error-no-such-releases", list),
        E::InTrash(list) => release_ids("error-in-trash", list),
        E::NotInTrash(list) => release_ids("error-not-in-trash", list),
        E::NothingSelected => tr("error-nothing-selected"),
        E::NoCurrentAgent => tr("error-no-current-agent"),
        E::NoSuchAgent(id) => tr_args("error-no-such-agent", &[("id", id.0.into())]),
        E::NoSuchGroup(id) => tr_args("error-no-such-group", &[("id", id.0.into())]),
        E::NoSuchDepartment(id) => tr_args("error-no-such-department", &[("id", id.0.into())]),
        E::NoSuchView(id) => tr_args("error-no-such-view", &[("id", (*id).into())]),
        E::DuplicateViewName(name) => tr_args("error-duplicate-view", &[("name", name.as_str().into())]),
        E::NameRequired(thing) => tr(match thing {
            NamedThing::Agent => "error-agent-name-required",
            NamedThing::Group => "error-group-name-required",
            NamedThing::Department => "error-department-name-required",
            NamedThing::SavedView => "error-view-name-required",
        }),
        E::SampleNeedsEmptyDatabase => tr("error-sample-needs-empty"),
        E::Item(refused) => item_refused(refused),
        E::KpiTarget(invalid) => {
            use crate::domain::kpi::TargetInvalid as T;
            tr(match invalid {
                T::SuccessRateOutOfRange => "error-target-success",
                T::RollbackRateOutOfRange => "error-target-rollback",
                T::OverrunOutOfRange => "error-target-overrun",
                T::DowntimeOutOfRange => "error-target-downtime",
            })
        }
        E::Refused(reason) => reason.clone(),
        E::Move(refused) => rollout::move_refused(refused),
        E::Readiness(invalid) => rollout::readiness_invalid(invalid),
        E::Registry(invalid) => rollout::registry_invalid(invalid),
        E::NoSuchChange(id) => tr_args("error-no-such-change", &[("id", (*id).into())]),
        E::NoSuchConfigItem(id) => tr_args("error-no-such-ci", &[("id", (*id).into())]),
        E::Store(store) => store_error(store),
    }
}

/// Why a note, task or time command was refused, in the current language.
pub fn item_refused(err: &crate::model::ItemRefused) -> String {
    use crate::model::ItemRefused as E;
    match err {
        E::InTrash(id) => tr_args("error-release-in-trash", &[("id", id.0.into())]),
        E::NoSuchNote(_) => tr("error-no-such-note"),
        E::NoSuchTask(_) => tr("error-no-such-task"),
        E::NoSuchTimeEntry(_) => tr("error-no-such-time-entry"),
        E::NoteEmpty => tr("error-note-empty"),
        E::NoteTooLong => {
            tr_args("error-note-too-long", &[("max", crate::domain::note::NOTE_MAX_CHARS.into())])
        }
        E::TaskTitleRequired => tr("error-task-title-required"),
        E::TaskTitleTooLong => tr("error-task-title-too-long"),
        E::TimeOutOfRange => tr("error-time-out-of-range"),
        E::TimerAlreadyRunning(id) => tr_args("error-timer-running", &[("id", id.0.into())]),
        E::TimerNotRunning => tr("error-timer-not-running"),
        E::TimerRunning => tr("error-timer-running-edit"),
    }
}

/// Why a time spent text is not hh:mm, in the current language.
pub fn time_spent_invalid(err: &crate::domain::time_entry::TimeSpentInvalid) -> String {
    use crate::domain::time_entry::TimeSpentInvalid as E;
    match err {
        E::Empty => tr("error-time-empty"),
        E::NotHhMm(text) => tr_args("error-time-not-hhmm", &[("text", text.as_str().into())]),
        E::MinutesOver59 => tr("error-time-minutes"),
        E::TooLong => tr("error-time-out-of-range"),
        E::Zero => tr("error-time-zero"),
    }
}

/// Why a KPI period is not acceptable, in the current language.
pub fn range_invalid(err: &crate::domain::kpi::RangeInvalid) -> String {
    use crate::domain::kpi::RangeInvalid as R;
    match err {
        R::Reversed { from, to } => {
            tr_args("kpi-range-reversed", &[("from", from.to_string().into()), ("to", to.to_string().into())])
        }
        R::TooLong(months) => tr_args("kpi-range-too-long", &[("months", (*months).into())]),
    }
}

/// Why a chart could not be made, in `language` (exports run on their own thread).
pub fn chart_error_in(language: Language, err: &crate::export::chart::ChartError) -> String {
    use crate::export::chart::ChartError as E;
    match err {
        E::UnknownFormat(path) => {
            tr_args_in(language, "error-chart-format", &[("path", path.display().to_string().into())])
        }
        E::BadSize(width, height) => tr_args_in(
            language,
            "error-chart-size",
            &[("width", (*width).into()), ("height", (*height).into())],
        ),
        E::Font => tr_in(language, "error-chart-font"),
        E::Draw(detail) | E::Encode(detail) => {
            tr_args_in(language, "error-chart-draw", &[("detail", detail.as_str().into())])
        }
        E::Io { path, source } => tr_args_in(
            language,
            "error-chart-write",
            &[("path", path.display().to_string().into()), ("reason", source.to_string().into())],
        ),
    }
}

/// A message naming some releases (`count` and the first few `ids`).
fn release_ids(key: &str, ids: &[crate::domain::ReleaseId]) -> String {
    tr_args(key, &[("count", ids.len().into()), ("ids", id_list(ids).into())])
}

/// A storage problem, as a sentence in the current language.
pub fn store_error(err: &crate::store::StoreError) -> String {
    use crate::store::StoreError as E;
    let path = |p: &std::path::Path| Arg::from(p.display().to_string());
    match err {
        E::NotSqlite { path: p } => tr_args("error-not-sqlite", &[("path", path(p))]),
        E::ForeignDatabase { path: p } => tr_args("error-foreign-database", &[("path", path(p))]),
        E::NewerSchema { path: p, found, supported } => tr_args(
            "error-newer-schema",
            &[("path", path(p)), ("found", (*found).into()), ("supported", (*supported).into())],
        ),
        E::Io { path: p, source } => {
            tr_args("error-io", &[("path", path(p)), ("reason", source.to_string().into())])
        }
        E::Full => tr("error-disk-full"),
        E::ReadOnly => tr("error-read-only"),
        E::Busy => tr("error-busy"),
        E::Corrupt(detail) => tr_args("error-corrupt", &[("detail", detail.as_str().into())]),
        E::Damaged { path: p, details } => {
            tr_args("error-damaged", &[("path", path(p)), ("detail", details.as_str().into())])
        }
        E::Locked { path: p, pid: Some(pid) } => {
            tr_args("error-locked-pid", &[("path", path(p)), ("pid", pid.to_string().into())])
        }
        E::Locked { path: p, pid: None } => tr_args("error-locked", &[("path", path(p))]),
        E::ReadOnlySession { path: p } => tr_args("error-read-only-session", &[("path", path(p))]),
        E::Sqlite(e) => tr_args("error-sqlite", &[("detail", e.to_string().into())]),
        E::BadData(detail) => tr_args("error-bad-data", &[("detail", detail.as_str().into())]),
    }
}

// ------------------------------------------------------------------ enum labels

/// A validation problem, as a sentence.
pub fn invalid(err: &crate::domain::ReleaseInvalid) -> String {
    use crate::domain::ReleaseInvalid as E;
    match err {
        E::SubjectEmpty => tr("error-subject-empty"),
        E::SubjectTooLong(count) => tr_args("error-subject-too-long", &[("count", (*count).into())]),
        E::PlannedEndNotAfterStart => tr("error-planned-end"),
        E::WorkEndBeforeStart => tr("error-work-end"),
    }
}

pub fn status(s: Status) -> String {
    tr(match s {
        Status::Open => "status-open",
        Status::OnHold => "status-on-hold",
        Status::InProgress => "status-in-progress",
        Status::Incomplete => "status-incomplete",
        Status::Completed => "status-completed",
    })
}

pub fn priority(p: Priority) -> String {
    tr(match p {
        Priority::Low => "priority-low",
        Priority::Medium => "priority-medium",
        Priority::High => "priority-high",
        Priority::Urgent => "priority-urgent",
    })
}

pub fn release_type(t: ReleaseType) -> String {
    tr(match t {
        ReleaseType::Minor => "type-minor",
        ReleaseType::Standard => "type-standard",
        ReleaseType::Major => "type-major",
        ReleaseType::Emergency => "type-emergency",
    })
}

pub fn stage(s: Stage) -> String {
    tr(match s {
        Stage::Plan => "stage-plan",
        Stage::BuildTest => "stage-build-test",
        Stage::DeploymentPrep => "stage-deployment-prep",
        Stage::Deploy => "stage-deploy",
        Stage::VerifyMonitor => "stage-verify-monitor",
        Stage::Complete => "stage-complete",
        Stage::Rollback => "stage-rollback",
    })
}

pub fn outcome(o: Outcome) -> String {
    tr(match o {
        Outcome::Successful => "outcome-successful",
        Outcome::Failed => "outcome-failed",
    })
}

pub fn view(v: PredefinedView) -> String {
    tr(match v {
        PredefinedView::NewAndMyOpen => "view-new-and-my-open",
        PredefinedView::MyCompleted => "view-my-completed",
        PredefinedView::Mine => "view-mine",
        PredefinedView::Unassigned => "view-unassigned",
        PredefinedView::Completed => "view-completed",
        PredefinedView::Incomplete => "view-incomplete",
        PredefinedView::Emergency => "view-emergency",
        PredefinedView::Trash => "view-trash",
        PredefinedView::All => "view-all",
    })
}

/// The list column header for a sort key.
pub fn column(key: SortKey) -> String {
    tr(match key {
        SortKey::Id => "col-id",
        SortKey::Subject => "col-subject",
        SortKey::Status => "col-status",
        SortKey::Priority => "col-priority",
        SortKey::Type => "col-type",
        SortKey::PlannedStart => "col-planned-start",
        SortKey::PlannedEnd => "col-planned-end",
        SortKey::Agent => "col-agent",
        SortKey::Group => "col-group",
        SortKey::Created => "col-created",
        SortKey::Updated => "col-updated",
    })
}

/// The name of a KPI in `language` (the chart exporter runs on its own thread).
pub fn kpi_in(language: Language, kpi: Kpi) -> String {
    tr_in(
        language,
        match kpi {
            Kpi::SuccessRate => "kpi-success-rate",
            Kpi::RollbackRate => "kpi-rollback-rate",
            Kpi::DeployTime => "kpi-deploy-time",
            Kpi::Downtime => "kpi-downtime",
        },
    )
}

/// The name of a KPI in the current language.
pub fn kpi(kpi: Kpi) -> String {
    kpi_in(language(), kpi)
}

/// A KPI value: `93.3%` for rates, `3.5 h` / `3.5시간` for downtime, `–` without a value.
pub fn kpi_value_in(language: Language, kpi: Kpi, value: Option<f64>) -> String {
    match value {
        None => "–".to_owned(),
        Some(v) if kpi.is_percentage() => format!("{:.1}%", v * 100.0),
        Some(v) => hours_in(language, v),
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
    if kpi.is_percentage() {
        format!("{sign}{:.1}%p", change.abs() * 100.0)
    } else {
        format!("{sign}{}", hours_in(language, change.abs()))
    }
}

/// The target of a KPI as text: `> 95.0%`, `< 4.0 h`.
pub fn kpi_target_in(language: Language, targets: &crate::domain::KpiTargets, kpi: Kpi) -> String {
    let sign = if kpi.higher_is_better() { ">" } else { "<" };
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
/// `2026년 11월 26일 (목) 오후 3:00` or `Thu 26 Nov 2026, 15:00`.
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
        Language::Ko => {
            let (pm, hour12) = t.hour12();
            format!(
                "{}년 {}월 {}일 ({}) {} {}:{:02}",
                t.year(),
                t.month(),
                t.day(),
                KO_WEEKDAYS[weekday],
                if pm { "오후" } else { "오전" },
                hour12,
                t.minute()
            )
        }
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
        assert_eq!(format_datetime_in(Language::Ko, &t), "2026년 11월 26일 (목) 오후 3:00");
        assert_eq!(format_datetime_in(Language::En, &t), "Thu 26 Nov 2026, 15:00");
        let morning = kst.with_ymd_and_hms(2026, 1, 4, 0, 5, 0).single().expect("date");
        assert_eq!(format_datetime_in(Language::Ko, &morning), "2026년 1월 4일 (일) 오전 12:05");
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

    #[test]
    fn language_is_per_thread() {
        set_language(Language::Ko);
        assert_eq!(tr("view-trash"), "휴지통");
        let other = std::thread::spawn(|| tr("view-trash")).join().expect("thread");
        assert_eq!(other, "Trash");
        set_language(Language::En);
        assert_eq!(tr("view-trash"), "Trash");
        assert_eq!(tr_in(Language::Ko, "view-emergency"), "긴급 릴리스");
    }
}
