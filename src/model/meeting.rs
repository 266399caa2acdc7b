//! CAB meetings as the window and the CLI read them (the meetings, the agenda the rules give one,
//! an ad-hoc meeting of the weekly CAB on a given day), and the meeting commands with their names.

use chrono::{NaiveDate, NaiveTime, TimeZone as _};

use super::Model;
use crate::domain::activity::CommandSummary;
use crate::domain::cab::meeting::{next_start, previous_start, rule_agenda};
use crate::domain::schedule::{Tz, system_zone};
use crate::domain::{AgendaItem, CabMeeting, CabMeetingId, Decision, ReleaseId, Timestamp};

/// Commands on the CAB meetings: the meeting itself, its agenda, its decisions, minutes and
/// action items.
#[derive(Clone, Debug, PartialEq)]
pub enum MeetingCommand {
    /// Replaces the meeting with this id, or adds it (with the next free id) when there is none.
    SaveMeeting(CabMeeting),
    DeleteMeeting(CabMeetingId),
    /// Runs the agenda rules again; the user's edits of the agenda are kept.
    RebuildAgenda(CabMeetingId),
    /// Puts a release on the agenda (`add`) or takes it off.
    EditAgenda {
        meeting: CabMeetingId,
        release: ReleaseId,
        add: bool,
    },
    /// The decision on an agenda release; a second one replaces the first.
    RecordDecision {
        meeting: CabMeetingId,
        decision: Decision,
    },
    SaveMinutes {
        meeting: CabMeetingId,
        minutes: String,
    },
    /// Marks action item `action` (0-based) of the decision on `release` done or not done.
    SetActionDone {
        meeting: CabMeetingId,
        release: ReleaseId,
        action: usize,
        done: bool,
    },
}

/// When a series-less ad-hoc meeting starts, on the wall clock of the system's zone.
const AD_HOC_TIME: (u32, u32) = (10, 0);

impl Model {
    /// Every CAB's meetings, in id order.
    pub fn meetings(&self) -> &[CabMeeting] {
        &self.cabs.meetings
    }

    pub fn meeting(&self, id: CabMeetingId) -> Option<&CabMeeting> {
        self.cabs.meeting(id)
    }

    /// The agenda the rules give `meeting` now, with no edits.
    pub fn rule_agenda(&self, meeting: &CabMeeting) -> Vec<AgendaItem> {
        rule_agenda(meeting, &self.cabs, &self.registry, &self.releases)
    }

    /// When the CAB met before `meeting` and meets after it.
    pub fn meeting_neighbours(&self, meeting: &CabMeeting) -> (Timestamp, Timestamp) {
        (previous_start(meeting, &self.cabs.meetings), next_start(meeting, &self.cabs.meetings))
    }

    /// A meeting of the weekly CAB on `day` that is not stored (id 0): at the time and in the
    /// zone of the CAB's latest series (else 10:00 on this system's clock), as long as its
    /// meetings last, its members attending, the agenda from the rules. `None` without a CAB.
    pub fn ad_hoc_meeting(&self, day: NaiveDate) -> Option<CabMeeting> {
        let cab = self.cabs.weekly_cab()?;
        let latest = self.cabs.meetings_of(cab.id).into_iter().rev().find(|m| m.recurrence.is_some());
        let (zone, time) = latest.and_then(|m| m.recurrence.as_ref()).map_or_else(
            || (system_zone(), NaiveTime::from_hms_opt(AD_HOC_TIME.0, AD_HOC_TIME.1, 0).unwrap_or_default()),
            |s| (s.zone, s.recurrence.start.time()),
        );
        let start = wall_clock_start(zone, day, time)?;
        let mut meeting = CabMeeting::ad_hoc(CabMeetingId(0), cab.id, start);
        meeting.duration_minutes = latest.map_or(meeting.duration_minutes, |m| m.duration_minutes);
        meeting.attendees.clone_from(&cab.members);
        meeting.agenda = self.rule_agenda(&meeting);
        Some(meeting)
    }

    /// The stored meeting of any CAB that starts on `day` (the system's calendar), if there is one.
    pub fn meeting_on(&self, day: NaiveDate) -> Option<&CabMeeting> {
        self.cabs.meetings.iter().find(|m| m.start.with_timezone(&chrono::Local).date_naive() == day)
    }
}

fn wall_clock_start(zone: Tz, day: NaiveDate, time: NaiveTime) -> Option<Timestamp> {
    zone.from_local_datetime(&day.and_time(time)).earliest().map(|t| t.to_utc())
}

/// The name of a meeting command, as the Edit menu and the log say it.
pub(super) fn summary(command: &MeetingCommand) -> CommandSummary {
    match command {
        MeetingCommand::SaveMeeting(m) => {
            CommandSummary::SaveMeeting { start: m.start, new: m.id == CabMeetingId(0) }
        }
        MeetingCommand::DeleteMeeting(id) => CommandSummary::DeleteMeeting { meeting: *id },
        MeetingCommand::RebuildAgenda(id) => CommandSummary::RebuildAgenda { meeting: *id },
        MeetingCommand::EditAgenda { release, add, .. } => {
            CommandSummary::EditAgenda { release: *release, add: *add }
        }
        MeetingCommand::RecordDecision { decision, .. } => {
            CommandSummary::RecordDecision { release: decision.release, outcome: decision.outcome }
        }
        MeetingCommand::SaveMinutes { meeting, .. } => CommandSummary::SaveMinutes { meeting: *meeting },
        MeetingCommand::SetActionDone { release, done, .. } => {
            CommandSummary::SetActionDone { release: *release, done: *done }
        }
    }
}
