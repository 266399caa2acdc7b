//! `windows`, `windows import`, `conflicts` and `calendar`: the deployment windows and freezes,
//! the conflicts of a period (as a table or the JSON the issue fixes), an iCalendar file of a
//! period, and windows and freezes read from one (all or nothing, one command).

use std::path::Path;

use chrono::{Duration, Local, NaiveDate, TimeZone as _};

use super::{open_existing, open_for_writing};
use crate::domain::Timestamp;
use crate::domain::schedule::{Conflict, TimeRange, system_zone};
use crate::export::ics;
use crate::export::table::to_text_table;
use crate::i18n::{self, tr, tr_args};
use crate::model::{Command, Model, ScheduleCommand};

/// How `windows` and `conflicts` print.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ScheduleFormat {
    Table,
    Json,
}

/// `YYYY-MM-DD`.
pub(super) fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| tr_args("schedule-cli-bad-date", &[("date", text.into())]))
}

/// Local midnight of `date`, as UTC.
fn local_midnight(date: NaiveDate) -> Timestamp {
    let naive = date.and_time(chrono::NaiveTime::MIN);
    Local
        .from_local_datetime(&naive)
        .earliest()
        .map_or_else(|| chrono::Utc.from_utc_datetime(&naive), |t| t.to_utc())
}

/// `--from` (default today) to the end of `--to` (default: 90 days on), in local time.
fn period(model: &Model, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<TimeRange, String> {
    let today = model.now().with_timezone(&Local).date_naive();
    let from = from.unwrap_or(today);
    let to = to.unwrap_or(from + Duration::days(90));
    if to < from {
        return Err(tr("schedule-cli-reversed"));
    }
    Ok(TimeRange::new(local_midnight(from), local_midnight(to + Duration::days(1))))
}

fn iso(t: Timestamp) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// `windows`: every window and freeze.
pub(super) fn windows(db: &Path, format: ScheduleFormat) -> Result<String, String> {
    let model = open_existing(db)?;
    let schedule = model.schedule();
    let (directory, registry) = (model.directory(), model.registry());
    match format {
        ScheduleFormat::Json => {
            let windows: Vec<serde_json::Value> = schedule
                .windows
                .iter()
                .map(|w| {
                    let mut v = timing_json(&w.timing, w.zone);
                    v["id"] = w.id.0.into();
                    v["name"] = w.name.clone().into();
                    v["scope"] = scope_json(&w.scope);
                    v
                })
                .collect();
            let freezes: Vec<serde_json::Value> = schedule
                .freezes
                .iter()
                .map(|f| {
                    let mut v = timing_json(&f.timing, f.zone);
                    v["id"] = f.id.0.into();
                    v["name"] = f.name.clone().into();
                    v["scope"] = scope_json(&f.scope);
                    v["kind"] = f.kind.code().into();
                    v["exempt_release_types"] = f.exempt.iter().map(|t| t.code()).collect::<Vec<_>>().into();
                    v["exempt_reason"] = f.exempt_reason.clone().into();
                    v
                })
                .collect();
            let json = serde_json::json!({ "windows": windows, "freezes": freezes });
            serde_json::to_string_pretty(&json).map(|s| s + "\n").map_err(|e| e.to_string())
        }
        ScheduleFormat::Table => {
            let headers: Vec<String> =
                ["schedule-col-what", "schedule-col-name", "schedule-col-when", "schedule-col-scope"]
                    .iter()
                    .map(|k| tr(k))
                    .collect();
            let mut rows: Vec<Vec<String>> = schedule
                .windows
                .iter()
                .map(|w| {
                    vec![
                        tr("schedule-activity-window"),
                        w.name.clone(),
                        i18n::timing_text(&w.timing, w.zone),
                        i18n::scope_label(&w.scope, directory, registry),
                    ]
                })
                .collect();
            rows.extend(schedule.freezes.iter().map(|f| {
                let mut scope = i18n::scope_label(&f.scope, directory, registry);
                if !f.exempt.is_empty() {
                    let types: Vec<String> = f.exempt.iter().map(|t| i18n::release_type(*t)).collect();
                    scope.push_str(&format!(
                        " · {}",
                        tr_args("schedule-exempt", &[("types", types.join(", ").into())])
                    ));
                }
                vec![
                    format!("{} ({})", tr("schedule-activity-freeze"), i18n::freeze_kind(f.kind)),
                    f.name.clone(),
                    i18n::timing_text(&f.timing, f.zone),
                    scope,
                ]
            }));
            if rows.is_empty() {
                return Ok(tr("schedule-cli-no-windows") + "\n");
            }
            Ok(to_text_table(&headers, &rows))
        }
    }
}

fn timing_json(
    timing: &crate::domain::schedule::Timing,
    zone: crate::domain::schedule::Tz,
) -> serde_json::Value {
    use crate::domain::schedule::Timing;
    match timing {
        Timing::Once { start, end } => {
            serde_json::json!({ "zone": zone.name(), "start": iso(*start), "end": iso(*end) })
        }
        Timing::Recurring { recurrence, minutes } => serde_json::json!({
            "zone": zone.name(),
            "rrule": recurrence.rule,
            "dtstart": recurrence.start.format("%Y-%m-%dT%H:%M:%S").to_string(),
            "exdates": recurrence.exdates.iter().map(|t| t.format("%Y-%m-%dT%H:%M:%S").to_string()).collect::<Vec<_>>(),
            "duration_minutes": minutes,
        }),
    }
}

fn scope_json(scope: &crate::domain::schedule::Scope) -> serde_json::Value {
    serde_json::json!({ "kind": scope.kind_code(), "id": scope.target() })
}

/// One conflict as the JSON: kind, release ids, window or freeze, from, to, severity.
pub fn conflict_json(c: &Conflict) -> serde_json::Value {
    serde_json::json!({
        "kind": c.kind.code(),
        "release_ids": c.release_ids.iter().map(|id| id.0).collect::<Vec<_>>(),
        "window_or_freeze": c.against.as_ref().map(|a| a.name().to_owned()),
        "from": iso(c.from),
        "to": iso(c.to),
        "severity": c.severity.code(),
    })
}

/// `conflicts`: every conflict of the period.
pub(super) fn conflicts(
    db: &Path,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    format: ScheduleFormat,
) -> Result<String, String> {
    let model = open_existing(db)?;
    let range = period(&model, from, to)?;
    let found = model.conflicts(range);
    match format {
        ScheduleFormat::Json => {
            let list: Vec<serde_json::Value> = found.iter().map(|c| conflict_json(&c)).collect();
            serde_json::to_string_pretty(&list).map(|s| s + "\n").map_err(|e| e.to_string())
        }
        ScheduleFormat::Table => {
            if found.is_empty() {
                return Ok(tr("schedule-cli-no-conflicts") + "\n");
            }
            let headers: Vec<String> =
                ["schedule-col-severity", "schedule-col-kind", "schedule-col-conflict", "schedule-col-fix"]
                    .iter()
                    .map(|k| tr(k))
                    .collect();
            let rows: Vec<Vec<String>> = found
                .iter()
                .map(|c| {
                    vec![
                        i18n::severity(c.severity),
                        i18n::conflict_kind(c.kind),
                        i18n::conflict_text(&c),
                        i18n::resolution_text(&c.resolution, model.directory()),
                    ]
                })
                .collect();
            let mut out = to_text_table(&headers, &rows);
            out.push_str(&tr_args("schedule-cli-count", &[("count", found.len().into())]));
            out.push('\n');
            Ok(out)
        }
    }
}

/// `calendar`: the releases, windows and freezes of the period as an iCalendar file.
pub(super) fn calendar(db: &Path, from: NaiveDate, to: NaiveDate, out: &Path) -> Result<String, String> {
    let model = open_existing(db)?;
    let range = period(&model, Some(from), Some(to))?;
    let text = ics::to_ics(&ics::Calendar {
        releases: model.releases(),
        schedule: model.schedule(),
        directory: model.directory(),
        range,
        now: model.now(),
    });
    crate::export::file::write_whole(out, text.as_bytes()).map_err(|e| {
        tr_args(
            "schedule-cli-write-failed",
            &[("path", out.display().to_string().into()), ("detail", e.to_string().into())],
        )
    })?;
    Ok(tr_args("schedule-cli-calendar-written", &[("path", out.display().to_string().into())]) + "\n")
}

/// `windows import FILE.ics`: its windows and freezes, added in one command (all or nothing).
pub(super) fn import(db: &Path, file: &Path) -> Result<String, String> {
    let found = ics::read_calendar_file(file, system_zone()).map_err(|e| ics::file_error_text(file, &e))?;
    let (windows, freezes) = (found.windows.len(), found.freezes.len());
    let mut model = open_for_writing(db)?;
    model
        .apply(Command::Schedule(ScheduleCommand::Import { windows: found.windows, freezes: found.freezes }))
        .map_err(|e| i18n::command_error(&e))?;
    Ok(tr_args(
        "schedule-cli-imported",
        &[("windows", windows.into()), ("freezes", freezes.into()), ("skipped", found.skipped.into())],
    ) + "\n")
}
