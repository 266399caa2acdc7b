//! Scheduling CAB meetings from the meeting screen, with the existing `SaveMeeting`: the
//! "Schedule meeting…" dialog (the CAB, the day and time on the app's own date picker, how long,
//! the attendees from the active agents, the CAB's members ticked first; "Repeats weekly" makes
//! it the first meeting of a weekly series on that weekday and time in this system's time zone),
//! and on the latest meeting of a series "Schedule the next one", which saves its next occurrence
//! with the same attendees and length. A meeting is one occurrence (see `domain::cab::meeting`):
//! each is saved with the agenda the rules give it, so one undo takes one meeting back.

use chrono::{Datelike as _, Duration, Timelike as _, Weekday};
use egui::RichText;

use crate::domain::cab::meeting::{MAX_DURATION_MINUTES, next_start};
use crate::domain::schedule::{Recurrence, system_zone};
use crate::domain::{AgentId, CabId, CabMeeting, CabMeetingId, MeetingRecurrence, Timestamp};
use crate::i18n::{self, tr, tr_args};
use crate::model::{Command, MeetingCommand, Model};
use crate::ui::release_page::ERROR_RED;

/// The dialog: open or not, the meeting being drafted, the last refusal.
#[derive(Default)]
pub(super) struct ScheduleDialog {
    open: bool,
    cab: Option<CabId>,
    start: Timestamp,
    duration_minutes: u32,
    weekly: bool,
    attendees: Vec<AgentId>,
    error: Option<String>,
}

/// The RRULE day code of `day`.
fn byday(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

/// Tomorrow at 10:00 on this system's clock (now when that cannot be told).
fn tomorrow_at_ten(model: &Model) -> Timestamp {
    let now = model.now();
    let local = (now + Duration::days(1)).with_timezone(&chrono::Local);
    local
        .with_hour(10)
        .and_then(|t| t.with_minute(0))
        .and_then(|t| t.with_second(0))
        .map_or(now, |t| t.to_utc())
}

impl ScheduleDialog {
    /// Opens the dialog for the weekly CAB (else the first), tomorrow at 10:00, an hour, its
    /// members attending; weekly unless it is an emergency CAB.
    pub(super) fn open(&mut self, model: &Model) {
        let cab = model.cabs().weekly_cab();
        *self = Self {
            open: true,
            cab: cab.map(|c| c.id),
            start: tomorrow_at_ten(model),
            duration_minutes: 60,
            weekly: cab.is_some_and(|c| !c.emergency),
            attendees: cab.map(|c| c.members.clone()).unwrap_or_default(),
            error: None,
        };
    }

    pub(super) fn is_open(&self) -> bool {
        self.open
    }

    /// A saved meeting closes the dialog; a refusal stays in it with what was chosen.
    pub(super) fn on_result(&mut self, result: Result<(), String>) {
        match result {
            Ok(()) => *self = Self::default(),
            Err(message) => self.error = Some(message),
        }
    }

    /// The meeting the dialog describes, with the agenda the rules give it.
    fn meeting(&self, model: &Model, cab: CabId) -> CabMeeting {
        let mut meeting = CabMeeting::ad_hoc(CabMeetingId(0), cab, self.start);
        meeting.duration_minutes = self.duration_minutes;
        meeting.attendees.clone_from(&self.attendees);
        if self.weekly {
            let zone = system_zone();
            let wall = self.start.with_timezone(&zone).naive_local();
            let rule = format!("FREQ=WEEKLY;BYDAY={}", byday(wall.weekday()));
            meeting.recurrence = Some(MeetingRecurrence { zone, recurrence: Recurrence::new(&rule, wall) });
        }
        meeting.agenda = model.rule_agenda(&meeting);
        meeting
    }

    /// The dialog; returns the command it gave this frame.
    pub(super) fn ui(&mut self, ctx: &egui::Context, model: &Model) -> Option<Command> {
        if !self.open {
            return None;
        }
        let mut command = None;
        let mut close = false;
        let modal = crate::ui::widgets::dialog(egui::Id::unique("schedule_meeting")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading(tr("schedule-meeting-title"));
            ui.add_space(4.0);
            self.fields_ui(ui, model);
            if let Some(error) = &self.error {
                ui.label(RichText::new(error).color(ERROR_RED));
            }
            ui.separator();
            ui.horizontal(|ui| {
                let save = ui.add_enabled(self.cab.is_some(), egui::Button::new(tr("schedule-meeting-save")));
                if save.clicked()
                    && let Some(cab) = self.cab
                {
                    self.error = None;
                    command = Some(Command::Meeting(MeetingCommand::SaveMeeting(self.meeting(model, cab))));
                }
                if ui.button(tr("action-cancel")).clicked() {
                    close = true;
                }
            });
        });
        if close || modal.should_close() {
            *self = Self::default();
        }
        command
    }

    fn fields_ui(&mut self, ui: &mut egui::Ui, model: &Model) {
        egui::Grid::new("schedule_meeting_fields").num_columns(2).spacing([10.0, 6.0]).show(ui, |ui| {
            let label = ui.label(tr("schedule-meeting-cab"));
            let before = self.cab;
            let name = |id: Option<CabId>| {
                id.and_then(|id| model.cabs().cab(id)).map_or_else(String::new, |c| c.name.clone())
            };
            egui::ComboBox::from_id_salt("schedule_meeting_cab")
                .selected_text(name(self.cab))
                .width(260.0)
                .show_ui(ui, |ui| {
                    for cab in &model.cabs().cabs {
                        ui.selectable_value(&mut self.cab, Some(cab.id), &cab.name);
                    }
                })
                .response
                .labelled_by(label.id);
            if self.cab != before
                && let Some(cab) = self.cab.and_then(|id| model.cabs().cab(id))
            {
                self.attendees.clone_from(&cab.members);
                self.weekly = !cab.emergency;
            }
            ui.end_row();
            ui.label(tr("schedule-meeting-start"));
            crate::ui::widgets::datetime_edit_ui(ui, "schedule_meeting_start", &mut self.start);
            ui.end_row();
            let label = ui.label(tr("schedule-meeting-duration"));
            ui.horizontal(|ui| {
                ui.add(
                    egui::DragValue::new(&mut self.duration_minutes)
                        .range(1..=MAX_DURATION_MINUTES)
                        .speed(5.0),
                )
                .labelled_by(label.id);
                ui.label(RichText::new(i18n::duration(i64::from(self.duration_minutes))).weak());
            });
            ui.end_row();
            ui.label("");
            ui.vertical(|ui| {
                ui.checkbox(&mut self.weekly, tr("schedule-meeting-weekly"));
                if self.weekly {
                    let when = tr_args(
                        "schedule-meeting-weekly-when",
                        &[("first", i18n::datetime(self.start).into())],
                    );
                    ui.label(RichText::new(when).weak());
                }
            });
            ui.end_row();
            ui.label(tr("schedule-meeting-attendees"));
            ui.horizontal_wrapped(|ui| {
                let agents = &model.directory().agents;
                let offered: Vec<_> =
                    agents.iter().filter(|a| a.active || self.attendees.contains(&a.id)).collect();
                for agent in offered {
                    let mut attends = self.attendees.contains(&agent.id);
                    if ui.checkbox(&mut attends, &agent.name).changed() {
                        if attends {
                            self.attendees.push(agent.id);
                        } else {
                            self.attendees.retain(|a| *a != agent.id);
                        }
                    }
                }
            });
            ui.end_row();
        });
    }
}

/// The next occurrence of `meeting`'s series, when it is the latest meeting of its CAB and has a
/// series: the same length and attendees, the agenda from the rules.
pub(super) fn next_of_series(model: &Model, meeting: &CabMeeting) -> Option<CabMeeting> {
    let series = meeting.recurrence.as_ref()?;
    let latest = model.cabs().meetings_of(meeting.cab).last().map(|m| m.id);
    if latest != Some(meeting.id) {
        return None;
    }
    let start = next_start(meeting, model.meetings());
    let mut next = CabMeeting::ad_hoc(CabMeetingId(0), meeting.cab, start);
    next.duration_minutes = meeting.duration_minutes;
    next.recurrence = Some(series.clone());
    next.attendees.clone_from(&meeting.attendees);
    next.agenda = model.rule_agenda(&next);
    Some(next)
}
