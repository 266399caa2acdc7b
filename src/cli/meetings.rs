//! `cab meetings` and `cab pack`: the CAB meetings (when, which CAB, attendees, agenda, decisions)
//! as a table or JSON, and the CAB pack of one meeting (`--meeting ID`) or of a day (`--date`: the
//! meeting that day, else an ad-hoc meeting of the weekly CAB with the rules' agenda) written as a
//! PDF in the output language, whole or not at all, never over a file without `--force`.

use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate};
use clap::Args;

use super::{open_existing, refuse_existing, schedule::parse_date};
use crate::domain::{CabMeeting, CabMeetingId, MeetingInvalid};
use crate::export::cab_pack;
use crate::i18n::{self, tr, tr_args};
use crate::model::Model;

/// `cab pack (--meeting ID | --date YYYY-MM-DD) --out FILE.pdf [--force]`.
#[derive(Args, Debug)]
#[command(group(clap::ArgGroup::new("which").required(true).args(["meeting", "date"])))]
pub struct PackArgs {
    /// The meeting's id (`cab meetings` lists them).
    #[arg(long, value_name = "ID")]
    pub meeting: Option<i64>,
    /// The day: its meeting, or an ad-hoc meeting of the weekly CAB.
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    pub date: Option<NaiveDate>,
    /// The PDF to write (it must not exist, unless --force).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Replace --out if it exists.
    #[arg(long)]
    pub force: bool,
}

/// One meeting as `cab meetings --format json` gives it.
fn meeting_json(model: &Model, m: &CabMeeting) -> serde_json::Value {
    let mut value = serde_json::to_value(m).unwrap_or_default();
    if let Some(object) = value.as_object_mut() {
        let cab = model.cabs().cab(m.cab).map_or_else(String::new, |c| c.name.clone());
        object.insert("cab_name".into(), cab.into());
        object.insert("past".into(), m.is_past(model.now()).into());
    }
    value
}

/// `cab meetings`: every meeting in start order, as JSON or a table.
pub(super) fn meetings(db: &Path, json: bool) -> Result<String, String> {
    let model = open_existing(db)?;
    let mut meetings: Vec<&CabMeeting> = model.meetings().iter().collect();
    meetings.sort_by_key(|m| (m.start, m.id));
    if json {
        let rows: Vec<serde_json::Value> = meetings.iter().map(|m| meeting_json(&model, m)).collect();
        return serde_json::to_string_pretty(&rows).map(|s| s + "\n").map_err(|e| e.to_string());
    }
    if meetings.is_empty() {
        return Ok(tr("meeting-cli-none") + "\n");
    }
    let language = i18n::language();
    let mut text = String::new();
    for m in meetings {
        let cab = model.cabs().cab(m.cab).map_or("", |c| c.name.as_str());
        let when = i18n::format_datetime_in(language, &m.start.with_timezone(&Local));
        let counts = tr_args(
            "meeting-cli-counts",
            &[
                ("attendees", m.attendees.len().into()),
                ("agenda", m.active_agenda().count().into()),
                ("decisions", m.decisions.len().into()),
            ],
        );
        let past = if m.is_past(model.now()) { tr("meeting-cli-past") } else { tr("meeting-cli-upcoming") };
        text.push_str(&format!(
            "{}\t{cab}\t{when}\t{}\t{counts}\t{past}\n",
            m.id,
            i18n::duration(i64::from(m.duration_minutes))
        ));
    }
    Ok(text)
}

/// The meeting a pack is for: the one asked for, the one on the day, or an ad-hoc one.
fn chosen(model: &Model, args: &PackArgs) -> Result<CabMeeting, String> {
    if let Some(id) = args.meeting {
        let id = CabMeetingId(id);
        return model
            .meeting(id)
            .cloned()
            .ok_or_else(|| i18n::meeting_invalid(&MeetingInvalid::NoSuchMeeting(id)));
    }
    let day = args.date.unwrap_or_else(|| model.now().with_timezone(&Local).date_naive());
    if let Some(m) = model.meeting_on(day) {
        return Ok(m.clone());
    }
    model.ad_hoc_meeting(day).ok_or_else(|| tr("cab-cli-none"))
}

/// `cab pack`: lays the pack out in the output language and writes it.
pub(super) fn pack(db: &Path, args: &PackArgs) -> Result<String, String> {
    refuse_existing(&args.out, args.force)?;
    let model = open_existing(db)?;
    let meeting = chosen(&model, args)?;
    let language = i18n::language();
    let pack = cab_pack::pack_meeting(&model, &meeting);
    let layout =
        cab_pack::lay_out(&model, &pack, language).map_err(|e| crate::export::pdf::error_in(language, &e))?;
    let pages = layout.pages();
    let bytes = cab_pack::write_file(layout, &args.out).map_err(|e| cab_pack::error_in(language, &e))?;
    Ok(tr_args(
        "meeting-cli-pack-written",
        &[
            ("path", args.out.display().to_string().into()),
            ("pages", pages.into()),
            ("kib", bytes.div_ceil(1024).into()),
        ],
    ) + "\n")
}
