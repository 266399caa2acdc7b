//! CABs in the current language: the approval rules, votes and their subjects, where a Change's
//! approval comes from, the CAB commands' names and why a CAB command is refused. Keys are in
//! `assets/i18n/{en,ko}/cab.ftl`.

use super::{datetime_short, tr, tr_args};
use crate::domain::activity::{CommandSummary, VoteRef};
use crate::domain::{ApprovalRule, CabInvalid, VoteDecision, VoteSubject};

/// "Any member" / "All members" / "Majority".
pub fn approval_rule(rule: ApprovalRule) -> String {
    tr(match rule {
        ApprovalRule::Any => "cab-rule-any",
        ApprovalRule::All => "cab-rule-all",
        ApprovalRule::Majority => "cab-rule-majority",
    })
}

/// "Approve" / "Reject".
pub fn vote_decision(decision: VoteDecision) -> String {
    tr(match decision {
        VoteDecision::Approve => "cab-decision-approve",
        VoteDecision::Reject => "cab-decision-reject",
    })
}

/// `CHG-7` or "go/no-go of #12".
pub fn vote_subject(subject: VoteSubject) -> String {
    match subject {
        VoteSubject::Change(id) => format!("CHG-{id}"),
        VoteSubject::GoNoGo(id) => tr_args("cab-subject-go-no-go", &[("id", id.into())]),
    }
}

/// "after the fact" when an emergency CAB voted after the work had started, else empty.
pub fn after_the_fact(flag: bool) -> String {
    if flag { tr("cab-after-the-fact") } else { String::new() }
}

/// A vote in the log: "CHG-7: 김민준 approved (after the fact) — comment".
pub fn vote_ref(vote: &VoteRef) -> String {
    let mut text = tr_args(
        "cab-vote-value",
        &[
            ("subject", vote_subject(vote.subject).into()),
            ("agent", agent_name(&vote.agent).into()),
            ("decision", vote_decision(vote.decision).into()),
        ],
    );
    if vote.after_the_fact {
        text = format!("{text} ({})", after_the_fact(true));
    }
    if !vote.comment.is_empty() {
        text = format!("{text} — {}", vote.comment);
    }
    text
}

/// An agent as the vote named them; `#id` if they had no name.
fn agent_name(agent: &crate::domain::activity::Named<crate::domain::AgentId>) -> String {
    match (&agent.id, agent.name.is_empty()) {
        (Some(id), true) => format!("#{id}"),
        _ => agent.name.clone(),
    }
}

/// When a vote was cast, as the page and the CLI show it.
pub fn vote_time(at: crate::domain::Timestamp) -> String {
    datetime_short(at)
}

/// The name of a CAB command (from its summary), or `None` for the other commands.
pub fn cab_summary_label(summary: &CommandSummary) -> Option<String> {
    use CommandSummary as S;
    Some(match summary {
        S::SaveCab { name } => tr_args("cab-cmd-save", &[("name", name.as_str().into())]),
        S::DeleteCab { cab } => tr_args("cab-cmd-delete", &[("id", (*cab).into())]),
        S::AssignCab { change, cab: true } => tr_args("cab-cmd-assign", &[("change", (*change).into())]),
        S::AssignCab { change, cab: false } => tr_args("cab-cmd-unassign", &[("change", (*change).into())]),
        S::Vote { subject, decision } => tr_args(
            "cab-cmd-vote",
            &[("subject", vote_subject(*subject).into()), ("decision", vote_decision(*decision).into())],
        ),
        S::WithdrawVote { subject } => {
            tr_args("cab-cmd-withdraw", &[("subject", vote_subject(*subject).into())])
        }
        _ => return None,
    })
}

/// Why a CAB or a vote is refused, in the current language.
pub fn cab_invalid(err: &CabInvalid) -> String {
    match err {
        CabInvalid::NameEmpty => tr("cab-invalid-name-empty"),
        CabInvalid::NameTooLong(chars) => tr_args("cab-invalid-name-too-long", &[("count", (*chars).into())]),
        CabInvalid::NoMembers => tr("cab-invalid-no-members"),
        CabInvalid::ChairNotMember => tr("cab-invalid-chair"),
        CabInvalid::NotAMember(agent) => tr_args("cab-invalid-not-member", &[("agent", (*agent).into())]),
        CabInvalid::NoSuchCab(id) => tr_args("cab-invalid-no-such", &[("id", (*id).into())]),
        CabInvalid::InUse { changes } => tr_args("cab-invalid-in-use", &[("count", (*changes).into())]),
        CabInvalid::NoCab(subject) => {
            tr_args("cab-invalid-no-cab", &[("subject", vote_subject(*subject).into())])
        }
        CabInvalid::NoSuchVote => tr("cab-invalid-no-vote"),
        CabInvalid::AgentInCab { cabs } => tr_args("cab-invalid-agent-in-cab", &[("count", (*cabs).into())]),
        CabInvalid::HasMeetings { meetings } => {
            tr_args("cab-invalid-has-meetings", &[("count", (*meetings).into())])
        }
    }
}
