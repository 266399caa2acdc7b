//! Change Advisory Boards (CABs) and their votes: a CAB is a named group of agents with a rule
//! (any / all / majority) and a chair whose vote is final; each member approves or rejects a
//! Change (or a release's go/no-go) with a comment. A Change assigned to a CAB has its approval
//! derived from the votes ([`derive_state`]), never set by hand; a Change without one keeps the
//! approval recorded by hand before CABs existed.
//!
//! The rules, for the votes on one subject (a member's later vote replaces their earlier one; a
//! non-member's vote does not count, and is refused when cast, see [`check_voter`]):
//! - the chair's vote, once cast, decides alone;
//! - `Any`: one approval approves; it is rejected only once every member has rejected (a single
//!   rejection leaves the others free to approve);
//! - `All`: every member approves; one rejection rejects;
//! - `Majority`: approved by more than half of the members; rejected as soon as so many have
//!   rejected that more than half can no longer approve (a tie of an even CAB is a rejection).
//!
//! An emergency CAB (ECAB) may approve after the fact: a vote on an Emergency release (or a
//! Change linked to one) whose work started before the vote is flagged [`Vote::after_the_fact`].

pub mod meeting;
pub mod regulator;

use serde::{Deserialize, Serialize};

use super::ids::{AgentId, CabId, ChangeId, ReleaseId, Timestamp};
use super::registry::{CabApproval, Change, NAME_MAX_CHARS, Registry, string_coded};
use super::release::{Release, ReleaseType};

string_coded!(
    /// How a CAB's members' votes decide.
    ApprovalRule {
        /// One member's approval is enough.
        Any = "any",
        /// Every member must approve.
        All = "all",
        /// More than half of the members must approve.
        Majority = "majority",
    }
);

string_coded!(
    /// What a member voted.
    VoteDecision {
        Approve = "approve",
        Reject = "reject",
    }
);

/// A Change Advisory Board: who votes, how the votes decide, and who has the final word.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cab {
    pub id: CabId,
    pub name: String,
    /// The voting members, in the order they were listed; no agent twice.
    pub members: Vec<AgentId>,
    /// The chair (one of the members) whose vote is final.
    pub chair: Option<AgentId>,
    pub rule: ApprovalRule,
    /// An emergency CAB (ECAB): it may approve an Emergency release's Changes after the fact.
    pub emergency: bool,
}

/// What a vote is about: a Change's approval, or a release's go/no-go.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum VoteSubject {
    Change(ChangeId),
    GoNoGo(ReleaseId),
}

/// One member's vote on one subject; a second vote of the same member replaces it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vote {
    pub subject: VoteSubject,
    pub agent: AgentId,
    pub decision: VoteDecision,
    pub at: Timestamp,
    pub comment: String,
    /// Cast by an emergency CAB after the release's work had started.
    #[serde(default)]
    pub after_the_fact: bool,
}

/// Where a Change's approval comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApprovalSource {
    /// Derived from its CAB's votes.
    Votes(CabId),
    /// Set by hand (before CABs existed, or a Change with no CAB).
    Recorded,
}

/// Why a CAB or a vote is not acceptable.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CabInvalid {
    #[error("the name is empty")]
    NameEmpty,
    #[error("the name has {0} characters; at most 255 are allowed")]
    NameTooLong(usize),
    #[error("a CAB needs at least one member")]
    NoMembers,
    #[error("the chair must be one of the members")]
    ChairNotMember,
    #[error("agent {0} is not a member of this CAB")]
    NotAMember(AgentId),
    #[error("CAB {0} does not exist")]
    NoSuchCab(CabId),
    #[error("the CAB decides {changes} Change(s); send them to another CAB first")]
    InUse { changes: usize },
    #[error("{0:?} goes to no CAB; assign its Change to a CAB first")]
    NoCab(VoteSubject),
    #[error("there is no such vote to withdraw")]
    NoSuchVote,
    #[error("the agent sits on {cabs} CAB(s) or has voted; take them off first")]
    AgentInCab { cabs: usize },
    #[error("the CAB has {meetings} meeting(s); delete them first")]
    HasMeetings { meetings: usize },
}

impl Cab {
    pub fn is_member(&self, agent: AgentId) -> bool {
        self.members.contains(&agent)
    }

    /// The CAB with its name trimmed and its members without repeats (first place kept).
    pub fn normalized(mut self) -> Self {
        self.name = self.name.trim().to_owned();
        let mut seen = std::collections::HashSet::new();
        self.members.retain(|m| seen.insert(*m));
        self
    }

    /// A name of 1..=255 characters, at least one member, the chair among them.
    pub fn validate(&self) -> Result<(), CabInvalid> {
        let chars = self.name.trim().chars().count();
        if chars == 0 {
            return Err(CabInvalid::NameEmpty);
        }
        if chars > NAME_MAX_CHARS {
            return Err(CabInvalid::NameTooLong(chars));
        }
        if self.members.is_empty() {
            return Err(CabInvalid::NoMembers);
        }
        if self.chair.is_some_and(|c| !self.is_member(c)) {
            return Err(CabInvalid::ChairNotMember);
        }
        Ok(())
    }
}

/// That `agent` may vote in `cab`: only members may.
pub fn check_voter(cab: &Cab, agent: AgentId) -> Result<(), CabInvalid> {
    if cab.is_member(agent) { Ok(()) } else { Err(CabInvalid::NotAMember(agent)) }
}

/// How many members approve, reject, or have not voted (each member's last vote counts).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub approve: usize,
    pub reject: usize,
    pub not_voted: usize,
}

/// Each member's vote that counts (their last one; later in `votes` wins a tie of times), in
/// member order; non-members' votes are left out.
fn counted<'a>(cab: &Cab, votes: impl IntoIterator<Item = &'a Vote>) -> Vec<(AgentId, VoteDecision)> {
    let mut last: Vec<(AgentId, Option<&Vote>)> = cab.members.iter().map(|m| (*m, None)).collect();
    for vote in votes {
        if let Some((_, slot)) = last.iter_mut().find(|(m, _)| *m == vote.agent)
            && slot.is_none_or(|prev| prev.at <= vote.at)
        {
            *slot = Some(vote);
        }
    }
    last.into_iter().filter_map(|(m, v)| v.map(|v| (m, v.decision))).collect()
}

/// The members' votes on one subject, counted.
pub fn tally<'a>(cab: &Cab, votes: impl IntoIterator<Item = &'a Vote>) -> Tally {
    let counted = counted(cab, votes);
    let approve = counted.iter().filter(|(_, d)| *d == VoteDecision::Approve).count();
    let reject = counted.len() - approve;
    Tally { approve, reject, not_voted: cab.members.len() - counted.len() }
}

/// Where a subject stands with `cab`, from the votes cast on it (see the module's rules).
pub fn derive_state<'a>(cab: &Cab, votes: impl IntoIterator<Item = &'a Vote>) -> CabApproval {
    let counted = counted(cab, votes);
    if let Some(chair) = cab.chair
        && let Some((_, decision)) = counted.iter().find(|(m, _)| *m == chair)
    {
        return decided(*decision);
    }
    let members = cab.members.len();
    let approve = counted.iter().filter(|(_, d)| *d == VoteDecision::Approve).count();
    let reject = counted.len() - approve;
    let (approved, rejected) = match cab.rule {
        ApprovalRule::Any => (approve > 0, members > 0 && reject == members),
        ApprovalRule::All => (members > 0 && approve == members, reject > 0),
        ApprovalRule::Majority => (approve * 2 > members, members > 0 && (members - reject) * 2 <= members),
    };
    if approved {
        CabApproval::Approved
    } else if rejected {
        CabApproval::Rejected
    } else {
        CabApproval::Pending
    }
}

fn decided(decision: VoteDecision) -> CabApproval {
    match decision {
        VoteDecision::Approve => CabApproval::Approved,
        VoteDecision::Reject => CabApproval::Rejected,
    }
}

/// Whether a vote cast at `at` in `cab` on a subject of `releases` is after the fact: an
/// emergency CAB, an Emergency release whose work started before the vote.
pub fn is_after_the_fact<'a>(
    cab: &Cab,
    releases: impl IntoIterator<Item = &'a Release>,
    at: Timestamp,
) -> bool {
    cab.emergency
        && releases
            .into_iter()
            .any(|r| r.release_type == ReleaseType::Emergency && r.work_start.is_some_and(|s| s < at))
}

/// Every CAB and every vote.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cabs {
    /// In id order.
    pub cabs: Vec<Cab>,
    /// In (subject, agent) order; one per member and subject.
    pub votes: Vec<Vote>,
    /// Every CAB's meetings, in id order.
    #[serde(default)]
    pub meetings: Vec<meeting::CabMeeting>,
}

impl Cabs {
    pub fn cab(&self, id: CabId) -> Option<&Cab> {
        self.cabs.binary_search_by_key(&id, |c| c.id).ok().map(|i| &self.cabs[i])
    }

    /// The id the next new CAB gets.
    pub fn next_cab_id(&self) -> CabId {
        CabId(self.cabs.last().map_or(1, |c| c.id.0 + 1))
    }

    /// The votes on one subject, in agent order.
    pub fn votes_on(&self, subject: VoteSubject) -> &[Vote] {
        let start = self.votes.partition_point(|v| v.subject < subject);
        let end = self.votes.partition_point(|v| v.subject <= subject);
        &self.votes[start..end]
    }

    /// `agent`'s vote on `subject`, if any.
    pub fn vote(&self, subject: VoteSubject, agent: AgentId) -> Option<&Vote> {
        self.votes_on(subject).iter().find(|v| v.agent == agent)
    }

    /// Where a Change stands: derived from its CAB's votes when it has a CAB (a CAB that is gone
    /// leaves it pending), else the approval recorded by hand.
    pub fn change_state(&self, change: &Change) -> (CabApproval, ApprovalSource) {
        match change.cab {
            Some(id) => {
                let state = self.cab(id).map_or(CabApproval::Pending, |cab| {
                    derive_state(cab, self.votes_on(VoteSubject::Change(change.id)))
                });
                (state, ApprovalSource::Votes(id))
            }
            None => (change.recorded_approval, ApprovalSource::Recorded),
        }
    }

    /// The CAB a release's go/no-go goes to: the CAB of its first linked Change that has one.
    pub fn release_cab(&self, release: &Release, registry: &Registry) -> Option<&Cab> {
        release
            .associated_change_ids
            .iter()
            .filter_map(|id| registry.change(*id).and_then(|c| c.cab))
            .find_map(|id| self.cab(id))
    }

    /// A release's go/no-go, when it has a CAB.
    pub fn go_no_go(&self, release: &Release, registry: &Registry) -> Option<CabApproval> {
        self.release_cab(release, registry)
            .map(|cab| derive_state(cab, self.votes_on(VoteSubject::GoNoGo(release.id))))
    }

    /// The linked Changes (of `ids`) that are not approved, unknown ones included: the Deploy gate.
    pub fn unapproved(&self, registry: &Registry, ids: &[ChangeId]) -> Vec<ChangeId> {
        ids.iter()
            .copied()
            .filter(|id| registry.change(*id).is_none_or(|c| self.change_state(c).0 != CabApproval::Approved))
            .collect()
    }

    /// How many Changes are assigned to `cab`.
    pub fn changes_using(&self, registry: &Registry, cab: CabId) -> usize {
        registry.changes.iter().filter(|c| c.cab == Some(cab)).count()
    }
}

#[cfg(test)]
mod tests;
