//! CAB meetings in the current language: decisions' outcomes, why a release is on an agenda, the
//! meeting commands' names and why a meeting command is refused. Keys are in
//! `assets/i18n/{en,ko}/meeting.ftl`.

use super::{datetime_short, tr, tr_args};
use crate::domain::activity::CommandSummary;
use crate::domain::{AgendaReason, MeetingInvalid, MeetingOutcome};

/// "Approved" / "Rejected" / "Deferred".
pub fn meeting_outcome(outcome: MeetingOutcome) -> String {
    tr(match outcome {
        MeetingOutcome::Approved => "meeting-outcome-approved",
        MeetingOutcome::Rejected => "meeting-outcome-rejected",
        MeetingOutcome::Deferred => "meeting-outcome-deferred",
    })
}

/// Why a release is on the agenda: "For decision" / "Emergency since the last meeting" / ...
pub fn agenda_reason(reason: AgendaReason) -> String {
    tr(match reason {
        AgendaReason::ForDecision => "meeting-reason-for-decision",
        AgendaReason::Emergency => "meeting-reason-emergency",
        AgendaReason::Closed => "meeting-reason-closed",
    })
}

/// The name of a meeting command (from its summary), or `None` for the other commands.
pub fn meeting_summary_label(summary: &CommandSummary) -> Option<String> {
    use CommandSummary as S;
    let id = |release: &crate::domain::ReleaseId| ("id", (*release).into());
    Some(match summary {
        S::SaveMeeting { start, new: true } => {
            tr_args("meeting-cmd-add", &[("when", datetime_short(*start).into())])
        }
        S::SaveMeeting { start, new: false } => {
            tr_args("meeting-cmd-save", &[("when", datetime_short(*start).into())])
        }
        S::DeleteMeeting { meeting } => tr_args("meeting-cmd-delete", &[("meeting", meeting.0.into())]),
        S::RebuildAgenda { meeting } => tr_args("meeting-cmd-rebuild", &[("meeting", meeting.0.into())]),
        S::EditAgenda { release, add: true } => tr_args("meeting-cmd-agenda-add", &[id(release)]),
        S::EditAgenda { release, add: false } => tr_args("meeting-cmd-agenda-remove", &[id(release)]),
        S::RecordDecision { release, outcome } => {
            tr_args("meeting-cmd-decide", &[id(release), ("outcome", meeting_outcome(*outcome).into())])
        }
        S::SaveMinutes { meeting } => tr_args("meeting-cmd-minutes", &[("meeting", meeting.0.into())]),
        S::SetActionDone { release, done: true } => tr_args("meeting-cmd-action-done", &[id(release)]),
        S::SetActionDone { release, done: false } => tr_args("meeting-cmd-action-open", &[id(release)]),
        _ => return None,
    })
}

/// Why a meeting command is refused, in the current language.
pub fn meeting_invalid(err: &MeetingInvalid) -> String {
    match err {
        MeetingInvalid::Duration(minutes) => {
            tr_args("meeting-invalid-duration", &[("minutes", (*minutes).into())])
        }
        MeetingInvalid::NoSuchMeeting(id) => tr_args("meeting-invalid-no-such", &[("meeting", id.0.into())]),
        MeetingInvalid::NotOnAgenda(id) => tr_args("meeting-invalid-not-on-agenda", &[("id", (*id).into())]),
        MeetingInvalid::NoSuchAction(id, n) => {
            tr_args("meeting-invalid-no-action", &[("id", (*id).into()), ("action", (*n + 1).into())])
        }
    }
}
