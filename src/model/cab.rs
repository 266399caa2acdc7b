//! The CABs as the window and the CLI read them (a Change's derived approval and where it comes
//! from, a release's go/no-go and its CAB), and the CAB commands with their names.

use super::Model;
use crate::domain::activity::CommandSummary;
use crate::domain::{
    AgentId, ApprovalSource, Cab, CabApproval, CabId, Change, ChangeId, Release, Vote, VoteDecision,
    VoteSubject,
};

/// Commands on the CABs, the CAB a Change goes to, and the votes.
#[derive(Clone, Debug, PartialEq)]
pub enum CabCommand {
    /// Replaces the CAB with this id, or adds it (with the next free id) when there is none.
    SaveCab(Cab),
    /// Refused while Changes are assigned to it.
    DeleteCab(CabId),
    /// Sends a Change to a CAB (or, with `None`, back to its hand-recorded approval). Votes cast
    /// on it in another CAB are withdrawn: they were for that CAB.
    AssignCab { change: ChangeId, cab: Option<CabId> },
    /// A member's vote; a second vote of the same member on the same subject replaces the first.
    Vote { subject: VoteSubject, agent: AgentId, decision: VoteDecision, comment: String },
    /// Takes a member's vote back.
    WithdrawVote { subject: VoteSubject, agent: AgentId },
}

impl Model {
    /// Where a Change stands and where that comes from (its CAB's votes, or recorded by hand).
    pub fn change_state(&self, change: &Change) -> (CabApproval, ApprovalSource) {
        self.cabs.change_state(change)
    }

    /// The CAB a subject's votes go to: the Change's CAB, or the release's (see
    /// `Cabs::release_cab`).
    pub fn subject_cab(&self, subject: VoteSubject) -> Option<&Cab> {
        match subject {
            VoteSubject::Change(id) => {
                self.registry.change(id).and_then(|c| c.cab).and_then(|id| self.cabs.cab(id))
            }
            VoteSubject::GoNoGo(id) => {
                self.release(id).and_then(|r| self.cabs.release_cab(r, &self.registry))
            }
        }
    }

    /// A release's go/no-go, when its Changes have a CAB.
    pub fn go_no_go(&self, release: &Release) -> Option<CabApproval> {
        self.cabs.go_no_go(release, &self.registry)
    }

    /// The votes on a subject, in agent order.
    pub fn votes_on(&self, subject: VoteSubject) -> &[Vote] {
        self.cabs.votes_on(subject)
    }

    /// The releases a subject's votes are about: those linking the Change, or the release itself.
    pub(super) fn subject_releases(&self, subject: VoteSubject) -> Vec<&Release> {
        match subject {
            VoteSubject::Change(id) => {
                self.releases.iter().filter(|r| r.associated_change_ids.contains(&id)).collect()
            }
            VoteSubject::GoNoGo(id) => self.release(id).into_iter().collect(),
        }
    }
}

/// The name of a CAB command, as the Edit menu and the log say it.
pub(super) fn summary(command: &CabCommand) -> CommandSummary {
    match command {
        CabCommand::SaveCab(cab) => CommandSummary::SaveCab { name: cab.name.trim().to_owned() },
        CabCommand::DeleteCab(id) => CommandSummary::DeleteCab { cab: *id },
        CabCommand::AssignCab { change, cab } => {
            CommandSummary::AssignCab { change: *change, cab: cab.is_some() }
        }
        CabCommand::Vote { subject, decision, .. } => {
            CommandSummary::Vote { subject: *subject, decision: *decision }
        }
        CabCommand::WithdrawVote { subject, .. } => CommandSummary::WithdrawVote { subject: *subject },
    }
}
