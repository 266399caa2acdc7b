//! The undo property's CAB meeting steps (issue 17): meetings saved (new, or one edited) and
//! deleted, agendas rebuilt by the rules and edited by hand, decisions with action items recorded,
//! minutes saved and action items marked done; ids picked from the model, now and then one that is
//! not there (refused).

use chrono::NaiveDate;

use crate::common::at;
use release_desk::domain::schedule::{Recurrence, Tz};
use release_desk::domain::{
    ActionItem, AgentId, CabId, CabMeeting, CabMeetingId, Decision, MeetingOutcome, MeetingRecurrence,
    ReleaseId,
};
use release_desk::model::{Command, MeetingCommand as M, Model};

fn pick<T: Copy>(items: &[T], n: u8) -> Option<T> {
    (!items.is_empty()).then(|| items[n as usize % items.len()])
}

fn series() -> MeetingRecurrence {
    let start = NaiveDate::from_ymd_opt(2026, 1, 6).unwrap().and_hms_opt(10, 0, 0).unwrap();
    MeetingRecurrence { zone: Tz::Asia__Seoul, recurrence: Recurrence::new("FREQ=WEEKLY;BYDAY=TU", start) }
}

/// The weekly CAB's meeting a day after `t0` with release #2 on its agenda, decided, with one
/// action item (so decisions and action items can be taken from the first step).
pub fn fixture_meeting() -> CabMeeting {
    let mut m = CabMeeting::ad_hoc(CabMeetingId(1), CabId(1), at(24));
    m.attendees = vec![AgentId(1), AgentId(2)];
    m.agenda = vec![release_desk::domain::AgendaItem::by_rule(
        ReleaseId(2),
        release_desk::domain::AgendaReason::ForDecision,
    )];
    m.decisions = vec![Decision {
        release: ReleaseId(2),
        outcome: MeetingOutcome::Deferred,
        comment: String::new(),
        actions: vec![ActionItem { text: "check".into(), owner: Some(AgentId(1)), due: None, done: false }],
    }];
    m
}

/// One meeting command from the step's bytes `[kind, which, a, b]`.
pub fn meeting(
    model: &Model,
    [kind, which, a, b]: [u8; 4],
    releases: &[ReleaseId],
    agents: &[AgentId],
) -> Command {
    let meetings: Vec<&CabMeeting> = model.meetings().iter().collect();
    let chosen = pick(&meetings, which);
    let id = chosen.map_or(CabMeetingId(99), |m| m.id);
    let cabs: Vec<CabId> = model.cabs().cabs.iter().map(|c| c.id).collect();
    let command = match kind % 8 {
        0 | 1 => {
            let base = match chosen {
                Some(m) if kind % 2 == 1 => m.clone(),
                _ => CabMeeting::ad_hoc(CabMeetingId(0), pick(&cabs, a).unwrap_or(CabId(99)), at(0)),
            };
            M::SaveMeeting(CabMeeting {
                start: at(i64::from(a % 96)),
                duration_minutes: 30 + u32::from(b % 90),
                recurrence: b.is_multiple_of(2).then(series),
                attendees: [pick(agents, a), pick(agents, b)].into_iter().flatten().collect(),
                ..base
            })
        }
        2 => M::DeleteMeeting(id),
        3 => M::RebuildAgenda(id),
        4 => M::EditAgenda {
            meeting: id,
            release: pick(releases, a).unwrap_or(ReleaseId(999)),
            add: !b.is_multiple_of(4),
        },
        5 => {
            let on_agenda: Vec<ReleaseId> =
                chosen.map(|m| m.active_agenda().map(|i| i.release).collect()).unwrap_or_default();
            let release = pick(&on_agenda, a).or_else(|| pick(releases, a)).unwrap_or(ReleaseId(999));
            M::RecordDecision {
                meeting: id,
                decision: Decision {
                    release,
                    outcome: MeetingOutcome::ALL[a as usize % MeetingOutcome::ALL.len()],
                    comment: format!("comment {b}"),
                    actions: (0..b % 3)
                        .map(|n| ActionItem {
                            text: format!("action {n}"),
                            owner: pick(agents, b.wrapping_add(n)),
                            due: NaiveDate::from_ymd_opt(2026, 12, 1 + u32::from(n)),
                            done: false,
                        })
                        .collect(),
                },
            }
        }
        6 => M::SaveMinutes { meeting: id, minutes: format!("minutes {a} {b}") },
        _ => {
            let decided = chosen.and_then(|m| m.decisions.iter().find(|d| !d.actions.is_empty()));
            M::SetActionDone {
                meeting: id,
                release: decided.map_or(ReleaseId(999), |d| d.release),
                action: decided.map_or(0, |d| b as usize % d.actions.len()),
                done: !a.is_multiple_of(3),
            }
        }
    };
    Command::Meeting(command)
}

/// The kind of a meeting command, for the coverage check (one exhaustive match).
pub fn kind(command: &M) -> &'static str {
    match command {
        M::SaveMeeting(_) => "SaveMeeting",
        M::DeleteMeeting(_) => "DeleteMeeting",
        M::RebuildAgenda(_) => "RebuildAgenda",
        M::EditAgenda { .. } => "EditAgenda",
        M::RecordDecision { .. } => "RecordDecision",
        M::SaveMinutes { .. } => "SaveMinutes",
        M::SetActionDone { .. } => "SetActionDone",
    }
}
