//! CAB meetings: when a CAB meets, who attends, the agenda, the decisions taken on each agenda
//! item (with their action items) and the minutes.
//!
//! **A meeting is one occurrence.** A weekly series ("every Tuesday 10:00 Asia/Seoul") is
//! generated as single meetings ([`series_starts`]), each remembering the series it came from in
//! `recurrence`; so every meeting has its own agenda, decisions and minutes with nothing keyed by
//! an occurrence, and the next meeting of a series is known ([`next_start`]) before it is
//! generated. A meeting with no recurrence is an ad-hoc one.
//!
//! **The agenda** is built by rules ([`rule_agenda`]), a pure function of the releases, the
//! Changes, the votes and the meetings of the same CAB. For a meeting at `start`, with the CAB's
//! previous meeting at `prev` and its next at `next` (see [`previous_start`] and [`next_start`]):
//! - (a) **for decision**: open releases (not closed, not in Trash) whose planned start is before
//!   `next + 7 days` and that await this CAB: a linked Change of this CAB still pending, or the
//!   release's go/no-go (when it goes to this CAB) still pending;
//! - (b) **emergency**: Emergency releases whose planned start is in `[prev, start)`;
//! - (c) **closed**: releases closed (their outcome recorded) in `[prev, start)`.
//!
//! A release is listed once, under the first rule that takes it. The user edits the agenda
//! ([`edit_agenda`]): a rule-built item removed stays as `removed` (so the rules do not bring it
//! back), a release added by hand is `added_by_hand` (kept when the rules drop it). Re-running the
//! rules ([`rebuild_agenda`]) keeps both kinds of edit.

use std::collections::HashSet;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::{Cabs, VoteSubject};
use crate::domain::ids::{AgentId, CabId, CabMeetingId, ReleaseId, Timestamp};
use crate::domain::registry::{CabApproval, Registry, string_coded};
use crate::domain::release::{Release, ReleaseType};
use crate::domain::schedule::{Recurrence, Tz};

/// The longest meeting: a day.
pub const MAX_DURATION_MINUTES: u32 = 24 * 60;
/// How far past the next meeting rule (a) looks.
pub const LOOK_AHEAD_DAYS: i64 = 7;
/// The gap assumed to a previous or next meeting the CAB does not have (a weekly CAB).
pub const DEFAULT_GAP_DAYS: i64 = 7;

string_coded!(
    /// What the meeting decided about an agenda item.
    MeetingOutcome {
        Approved = "approved",
        Rejected = "rejected",
        Deferred = "deferred",
    }
);

string_coded!(
    /// Why a release is on the agenda.
    AgendaReason {
        /// Rule (a), or added by hand: the meeting decides on it.
        ForDecision = "for_decision",
        /// Rule (b): an Emergency release since the last meeting.
        Emergency = "emergency",
        /// Rule (c): closed since the last meeting.
        Closed = "closed",
    }
);

/// The series a meeting was generated from: an RRULE in an IANA zone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "SeriesJson", try_from = "SeriesJson")]
pub struct MeetingRecurrence {
    pub zone: Tz,
    pub recurrence: Recurrence,
}

/// How a series is written in JSON (the archive): the zone by name, wall-clock times as text.
#[derive(Clone, Serialize, Deserialize)]
struct SeriesJson {
    zone: String,
    rule: String,
    start: NaiveDateTime,
    #[serde(default)]
    exdates: Vec<NaiveDateTime>,
}

impl From<MeetingRecurrence> for SeriesJson {
    fn from(r: MeetingRecurrence) -> Self {
        Self {
            zone: r.zone.name().to_owned(),
            rule: r.recurrence.rule,
            start: r.recurrence.start,
            exdates: r.recurrence.exdates,
        }
    }
}

impl TryFrom<SeriesJson> for MeetingRecurrence {
    type Error = String;

    fn try_from(j: SeriesJson) -> Result<Self, String> {
        let zone = j.zone.parse::<Tz>().map_err(|e| format!("time zone '{}': {e}", j.zone))?;
        Ok(Self { zone, recurrence: Recurrence { rule: j.rule, start: j.start, exdates: j.exdates } })
    }
}

/// One release on a meeting's agenda.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub release: ReleaseId,
    pub reason: AgendaReason,
    /// Put there by the user, not by a rule.
    #[serde(default)]
    pub added_by_hand: bool,
    /// A rule put it there and the user took it off.
    #[serde(default)]
    pub removed: bool,
}

impl AgendaItem {
    pub fn by_rule(release: ReleaseId, reason: AgendaReason) -> Self {
        Self { release, reason, added_by_hand: false, removed: false }
    }
}

/// Something to do after the meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionItem {
    pub text: String,
    pub owner: Option<AgentId>,
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub done: bool,
}

/// What the meeting decided on one agenda item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub release: ReleaseId,
    pub outcome: MeetingOutcome,
    #[serde(default)]
    pub comment: String,
    #[serde(default)]
    pub actions: Vec<ActionItem>,
}

/// One meeting of a CAB (one occurrence of its series, or an ad-hoc meeting).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CabMeeting {
    pub id: CabMeetingId,
    pub cab: CabId,
    pub start: Timestamp,
    pub duration_minutes: u32,
    /// The series this meeting is one of; `None` for an ad-hoc meeting.
    pub recurrence: Option<MeetingRecurrence>,
    /// No agent twice.
    pub attendees: Vec<AgentId>,
    pub agenda: Vec<AgendaItem>,
    /// At most one per agenda release, in the order they were taken.
    pub decisions: Vec<Decision>,
    pub minutes: String,
}

/// Why a meeting or an edit of it is not acceptable.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MeetingInvalid {
    #[error("a meeting lasts 1 to 1440 minutes, not {0}")]
    Duration(u32),
    #[error("meeting {0} does not exist")]
    NoSuchMeeting(CabMeetingId),
    #[error("release {0} is not on the meeting's agenda")]
    NotOnAgenda(ReleaseId),
    #[error("release {0} has no decision with action {1}")]
    NoSuchAction(ReleaseId, usize),
}

impl CabMeeting {
    /// An ad-hoc meeting of `cab` at `start`, an hour long, with nobody and nothing on it yet.
    pub fn ad_hoc(id: CabMeetingId, cab: CabId, start: Timestamp) -> Self {
        Self {
            id,
            cab,
            start,
            duration_minutes: 60,
            recurrence: None,
            attendees: Vec::new(),
            agenda: Vec::new(),
            decisions: Vec::new(),
            minutes: String::new(),
        }
    }

    /// The attendees without repeats (first place kept).
    pub fn normalized(mut self) -> Self {
        let mut seen = HashSet::new();
        self.attendees.retain(|a| seen.insert(*a));
        self
    }

    pub fn validate(&self) -> Result<(), MeetingInvalid> {
        if self.duration_minutes == 0 || self.duration_minutes > MAX_DURATION_MINUTES {
            return Err(MeetingInvalid::Duration(self.duration_minutes));
        }
        Ok(())
    }

    pub fn end(&self) -> Timestamp {
        self.start + Duration::minutes(i64::from(self.duration_minutes))
    }

    /// The agenda items the user has not taken off, in order.
    pub fn active_agenda(&self) -> impl Iterator<Item = &AgendaItem> {
        self.agenda.iter().filter(|i| !i.removed)
    }

    /// The releases on the agenda for `reason`, in order.
    pub fn agenda_for(&self, reason: AgendaReason) -> Vec<ReleaseId> {
        self.active_agenda().filter(|i| i.reason == reason).map(|i| i.release).collect()
    }

    pub fn on_agenda(&self, release: ReleaseId) -> bool {
        self.active_agenda().any(|i| i.release == release)
    }

    pub fn decision(&self, release: ReleaseId) -> Option<&Decision> {
        self.decisions.iter().find(|d| d.release == release)
    }

    /// Whether the meeting is over at `now` (its decisions are for the record, not to be taken).
    pub fn is_past(&self, now: Timestamp) -> bool {
        self.end() <= now
    }
}

/// The starts of a series' occurrences in `[from, until)`.
pub fn series_starts(series: &MeetingRecurrence, from: Timestamp, until: Timestamp) -> Vec<Timestamp> {
    let mut starts = series.recurrence.starts(series.zone, until);
    starts.retain(|t| *t >= from);
    starts
}

/// The meetings of `cab` other than `except`, in start order.
fn others(meetings: &[CabMeeting], cab: CabId, except: CabMeetingId) -> Vec<&CabMeeting> {
    let mut out: Vec<&CabMeeting> = meetings.iter().filter(|m| m.cab == cab && m.id != except).collect();
    out.sort_by_key(|m| (m.start, m.id));
    out
}

/// When the CAB met before `meeting`: its latest meeting that started earlier, else the series'
/// occurrence before it, else a week before.
pub fn previous_start(meeting: &CabMeeting, meetings: &[CabMeeting]) -> Timestamp {
    if let Some(prev) =
        others(meetings, meeting.cab, meeting.id).into_iter().rev().find(|m| m.start < meeting.start)
    {
        return prev.start;
    }
    let a_week = meeting.start - Duration::days(DEFAULT_GAP_DAYS);
    meeting
        .recurrence
        .as_ref()
        .and_then(|s| series_starts(s, a_week - Duration::days(366), meeting.start).last().copied())
        .unwrap_or(a_week)
}

/// When the CAB meets after `meeting`: its first meeting that starts later, else the series'
/// next occurrence, else a week later.
pub fn next_start(meeting: &CabMeeting, meetings: &[CabMeeting]) -> Timestamp {
    if let Some(next) =
        others(meetings, meeting.cab, meeting.id).into_iter().find(|m| m.start > meeting.start)
    {
        return next.start;
    }
    let a_week = meeting.start + Duration::days(DEFAULT_GAP_DAYS);
    meeting
        .recurrence
        .as_ref()
        .and_then(|s| {
            let until = meeting.start + Duration::days(366);
            series_starts(s, meeting.start + Duration::seconds(1), until).first().copied()
        })
        .unwrap_or(a_week)
}

/// Whether `release` awaits a decision of `cab`: a linked Change of that CAB still pending, or its
/// go/no-go (when it goes to that CAB) still pending.
pub fn awaits_decision(release: &Release, cab: CabId, cabs: &Cabs, registry: &Registry) -> bool {
    let change_pending = release
        .associated_change_ids
        .iter()
        .filter_map(|id| registry.change(*id))
        .any(|c| c.cab == Some(cab) && cabs.change_state(c).0 == CabApproval::Pending);
    change_pending
        || cabs.release_cab(release, registry).is_some_and(|c| {
            c.id == cab
                && super::derive_state(c, cabs.votes_on(VoteSubject::GoNoGo(release.id)))
                    == CabApproval::Pending
        })
}

/// The agenda the rules give `meeting` (see the module's rules), with no edits; `cabs.meetings`
/// are the meetings its neighbours are looked for in.
pub fn rule_agenda(
    meeting: &CabMeeting,
    cabs: &Cabs,
    registry: &Registry,
    releases: &[Release],
) -> Vec<AgendaItem> {
    let prev = previous_start(meeting, &cabs.meetings);
    let horizon = next_start(meeting, &cabs.meetings) + Duration::days(LOOK_AHEAD_DAYS);
    let since = |t: Timestamp| prev <= t && t < meeting.start;
    let live = || releases.iter().filter(|r| !r.is_deleted());
    let ordered = |pick: &dyn Fn(&Release) -> bool| {
        let mut out: Vec<&Release> = live().filter(|r| pick(r)).collect();
        out.sort_by_key(|r| (r.planned.start, r.id));
        out.into_iter().map(|r| r.id).collect::<Vec<_>>()
    };
    let for_decision = ordered(&|r| {
        r.closed_at.is_none() && r.planned.start < horizon && awaits_decision(r, meeting.cab, cabs, registry)
    });
    let emergency = ordered(&|r| r.release_type == ReleaseType::Emergency && since(r.planned.start));
    let closed = ordered(&|r| r.closed_at.is_some_and(since));
    let mut seen = HashSet::new();
    let mut agenda = Vec::new();
    for (reason, ids) in [
        (AgendaReason::ForDecision, for_decision),
        (AgendaReason::Emergency, emergency),
        (AgendaReason::Closed, closed),
    ] {
        for id in ids {
            if seen.insert(id) {
                agenda.push(AgendaItem::by_rule(id, reason));
            }
        }
    }
    agenda
}

/// The rules' new agenda with the user's edits of `current` kept: a removed item stays removed,
/// a hand-added one stays (in the rules' place when they list it too, else after them); items
/// the rules built and nobody edited are replaced.
pub fn rebuild_agenda(current: &[AgendaItem], rules: Vec<AgendaItem>) -> Vec<AgendaItem> {
    let edited = |id: ReleaseId| current.iter().find(|i| i.release == id && (i.removed || i.added_by_hand));
    let mut out: Vec<AgendaItem> = rules
        .into_iter()
        .map(|item| match edited(item.release) {
            Some(edit) if edit.removed => AgendaItem { removed: true, ..item },
            Some(edit) => edit.clone(),
            None => item,
        })
        .collect();
    for item in current.iter().filter(|i| i.removed || i.added_by_hand) {
        if !out.iter().any(|o| o.release == item.release) {
            out.push(item.clone());
        }
    }
    out
}

/// Puts `release` on the agenda (`add`) or takes it off; `false` when there was nothing to do.
/// Added: a removed item comes back; a release not there is added by hand, for decision. Taken
/// off: an item added by hand goes; one the rules built stays as `removed`.
pub fn edit_agenda(agenda: &mut Vec<AgendaItem>, release: ReleaseId, add: bool) -> bool {
    let at = agenda.iter().position(|i| i.release == release);
    match (add, at) {
        (true, Some(i)) => std::mem::replace(&mut agenda[i].removed, false),
        (true, None) => {
            agenda.push(AgendaItem {
                release,
                reason: AgendaReason::ForDecision,
                added_by_hand: true,
                removed: false,
            });
            true
        }
        (false, Some(i)) if agenda[i].added_by_hand => {
            agenda.remove(i);
            true
        }
        (false, Some(i)) => !std::mem::replace(&mut agenda[i].removed, true),
        (false, None) => false,
    }
}

impl Cabs {
    pub fn meeting(&self, id: CabMeetingId) -> Option<&CabMeeting> {
        self.meetings.binary_search_by_key(&id, |m| m.id).ok().map(|i| &self.meetings[i])
    }

    /// The id the next new meeting gets.
    pub fn next_meeting_id(&self) -> CabMeetingId {
        CabMeetingId(self.meetings.last().map_or(1, |m| m.id.0 + 1))
    }

    /// The meetings of `cab`, in start order.
    pub fn meetings_of(&self, cab: CabId) -> Vec<&CabMeeting> {
        let mut out: Vec<&CabMeeting> = self.meetings.iter().filter(|m| m.cab == cab).collect();
        out.sort_by_key(|m| (m.start, m.id));
        out
    }

    /// The first meeting of `cab` that has not ended at `now`.
    pub fn upcoming_meeting(&self, cab: CabId, now: Timestamp) -> Option<&CabMeeting> {
        self.meetings_of(cab).into_iter().find(|m| !m.is_past(now))
    }

    /// The CAB that meets weekly: the first CAB that is not an emergency one (else the first).
    pub fn weekly_cab(&self) -> Option<&super::Cab> {
        self.cabs.iter().find(|c| !c.emergency).or_else(|| self.cabs.first())
    }
}

#[cfg(test)]
mod tests;
