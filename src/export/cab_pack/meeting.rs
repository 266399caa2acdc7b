//! The pack's meeting from a stored (or ad-hoc) [`CabMeeting`]: its CAB's name, rule and chair,
//! the attendees, since when (the CAB's previous meeting), the agenda by reason (taken-off items
//! left out, hand-added ones for decision), and the decisions recorded: none before the meeting
//! (the pack then has blank lines to write them on), each agenda release's after it.

use super::{PackAction, PackDecision, PackMeeting, PackOutcome, PackRule};
use crate::domain::{AgendaReason, ApprovalRule, CabMeeting, MeetingOutcome};
use crate::model::Model;

fn rule(rule: ApprovalRule) -> PackRule {
    match rule {
        ApprovalRule::Any => PackRule::Any,
        ApprovalRule::All => PackRule::All,
        ApprovalRule::Majority => PackRule::Majority,
    }
}

fn outcome(outcome: MeetingOutcome) -> PackOutcome {
    match outcome {
        MeetingOutcome::Approved => PackOutcome::Approved,
        MeetingOutcome::Rejected => PackOutcome::Rejected,
        MeetingOutcome::Deferred => PackOutcome::Deferred,
    }
}

/// The pack's view of `meeting` in `model`.
pub fn pack_meeting(model: &Model, meeting: &CabMeeting) -> PackMeeting {
    let cab = model.cabs().cab(meeting.cab);
    let (since, _) = model.meeting_neighbours(meeting);
    let for_decision = meeting.agenda_for(AgendaReason::ForDecision);
    // Once anything is decided, every release for decision has its line (open ones too).
    let decisions = if meeting.decisions.iter().any(|d| meeting.on_agenda(d.release)) {
        let mut releases = for_decision.clone();
        for d in &meeting.decisions {
            if meeting.on_agenda(d.release) && !releases.contains(&d.release) {
                releases.push(d.release);
            }
        }
        releases
            .into_iter()
            .map(|release| match meeting.decision(release) {
                Some(d) => PackDecision {
                    release,
                    outcome: Some(outcome(d.outcome)),
                    comment: d.comment.clone(),
                    actions: d
                        .actions
                        .iter()
                        .map(|a| PackAction { text: a.text.clone(), owner: a.owner, due: a.due })
                        .collect(),
                },
                None => PackDecision { release, outcome: None, comment: String::new(), actions: Vec::new() },
            })
            .collect()
    } else {
        Vec::new()
    };
    PackMeeting {
        cab_name: cab.map_or_else(String::new, |c| c.name.clone()),
        emergency_cab: cab.is_some_and(|c| c.emergency),
        start: meeting.start,
        duration_minutes: meeting.duration_minutes,
        attendees: meeting.attendees.clone(),
        chair: cab.and_then(|c| c.chair),
        rule: cab.map(|c| rule(c.rule)),
        since,
        for_decision,
        emergency: meeting.agenda_for(AgendaReason::Emergency),
        closed: meeting.agenda_for(AgendaReason::Closed),
        decisions,
        minutes: meeting.minutes.clone(),
    }
}
