//! Planning of the CAB commands: a CAB saved (its members known agents, the chair among them) or
//! deleted (refused while Changes go to it), a Change sent to a CAB, and a member's vote cast or
//! withdrawn (a non-member refused; an emergency CAB's vote after the work started flagged).

use super::Effect;
use crate::domain::activity::{Named, VoteRef};
use crate::domain::cab::{check_voter, is_after_the_fact};
use crate::domain::{
    ActivityKind, AgentId, Cab, CabId, CabInvalid, ChangeId, Field, FieldChange, ReleaseId, Timestamp, Value,
    Vote, VoteDecision, VoteSubject,
};
use crate::model::{CabCommand, CommandError, Model};
use crate::store::{CabMutation, Mutation};

fn cab_value(cab: &Cab) -> Value {
    Value::Cab(Named::new(cab.id, cab.name.clone()))
}

impl Model {
    /// Validates one of the CAB commands and works out its effect. Changes nothing.
    pub(super) fn plan_cab(
        &self,
        command: CabCommand,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        match command {
            CabCommand::SaveCab(cab) => self.plan_save_cab(cab, now, effect),
            CabCommand::DeleteCab(id) => {
                let old = self.cabs.cab(id).ok_or(CabInvalid::NoSuchCab(id))?;
                let changes = self.cabs.changes_using(&self.registry, id);
                if changes > 0 {
                    return Err(CabInvalid::InUse { changes }.into());
                }
                let meetings = self.cabs.meetings_of(id).len();
                if meetings > 0 {
                    return Err(CabInvalid::HasMeetings { meetings }.into());
                }
                let removed = FieldChange::removed(Field::Cab, cab_value(old));
                effect.activities.push(self.activity(None, now, ActivityKind::Cab, vec![removed]));
                effect.mutations.push(Mutation::Cab(CabMutation::RemoveCab(id)));
                Ok(())
            }
            CabCommand::AssignCab { change, cab } => self.plan_assign_cab(change, cab, now, effect),
            CabCommand::Vote { subject, agent, decision, comment } => {
                self.plan_vote(subject, agent, decision, comment.trim(), now, effect)
            }
            CabCommand::WithdrawVote { subject, agent } => {
                let old = self.cabs.vote(subject, agent).ok_or(CabInvalid::NoSuchVote)?;
                let removed = FieldChange::removed(Field::Vote, self.vote_value(old));
                self.log_on_subject(subject, now, ActivityKind::Vote, &[removed], effect);
                effect.mutations.push(Mutation::Cab(CabMutation::RemoveVote { subject, agent }));
                Ok(())
            }
        }
    }

    fn plan_save_cab(&self, cab: Cab, now: Timestamp, effect: &mut Effect) -> Result<(), CommandError> {
        let mut cab = cab.normalized();
        cab.validate()?;
        if let Some(unknown) = cab.members.iter().find(|a| self.directory.agent(**a).is_none()) {
            return Err(CommandError::NoSuchAgent(*unknown));
        }
        let old = self.cabs.cab(cab.id);
        if old.is_none() {
            cab.id = self.cabs.next_cab_id();
        }
        if old == Some(&cab) {
            return Ok(());
        }
        let change = FieldChange::new(Field::Cab, old.map_or(Value::None, cab_value), cab_value(&cab));
        effect.activities.push(self.activity(None, now, ActivityKind::Cab, vec![change]));
        effect.mutations.push(Mutation::Cab(CabMutation::PutCab(cab)));
        Ok(())
    }

    fn plan_assign_cab(
        &self,
        change: ChangeId,
        cab: Option<CabId>,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        let old = self.registry.change(change).ok_or(CommandError::NoSuchChange(change))?;
        let new_cab = match cab {
            Some(id) => Some(self.cabs.cab(id).ok_or(CabInvalid::NoSuchCab(id))?),
            None => None,
        };
        if old.cab == cab {
            return Ok(());
        }
        let old_value = old.cab.and_then(|id| self.cabs.cab(id)).map_or(Value::None, cab_value);
        let assigned = FieldChange::new(Field::Cab, old_value, new_cab.map_or(Value::None, cab_value));
        let subject = FieldChange::new(
            Field::Change,
            Value::Change(super::registry::change_ref(old)),
            Value::Change(super::registry::change_ref(old)),
        );
        effect.activities.push(self.activity(None, now, ActivityKind::Cab, vec![subject, assigned]));
        // The votes were cast in the CAB the Change leaves.
        let subject = VoteSubject::Change(change);
        for vote in self.cabs.votes_on(subject) {
            effect.mutations.push(Mutation::Cab(CabMutation::RemoveVote { subject, agent: vote.agent }));
        }
        effect.mutations.push(Mutation::PutChange(crate::domain::Change { cab, ..old.clone() }));
        Ok(())
    }

    fn plan_vote(
        &self,
        subject: VoteSubject,
        agent: AgentId,
        decision: VoteDecision,
        comment: &str,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        match subject {
            VoteSubject::Change(id) => {
                self.registry.change(id).ok_or(CommandError::NoSuchChange(id))?;
            }
            VoteSubject::GoNoGo(id) => {
                self.existing_release(id)?;
            }
        }
        self.check_refs(Some(agent), None, None)?;
        let cab = self.subject_cab(subject).ok_or(CabInvalid::NoCab(subject))?;
        check_voter(cab, agent)?;
        let vote = Vote {
            subject,
            agent,
            decision,
            at: now,
            comment: comment.to_owned(),
            after_the_fact: is_after_the_fact(cab, self.subject_releases(subject), now),
        };
        let old = self.cabs.vote(subject, agent).map_or(Value::None, |v| self.vote_value(v));
        let change = FieldChange::new(Field::Vote, old, self.vote_value(&vote));
        self.log_on_subject(subject, now, ActivityKind::Vote, &[change], effect);
        effect.mutations.push(Mutation::Cab(CabMutation::PutVote(vote)));
        Ok(())
    }

    /// A vote as the log keeps it.
    fn vote_value(&self, vote: &Vote) -> Value {
        Value::Vote(VoteRef {
            subject: vote.subject,
            agent: Named::new(vote.agent, self.directory.agent_name(Some(vote.agent))),
            decision: vote.decision,
            comment: vote.comment.clone(),
            after_the_fact: vote.after_the_fact,
        })
    }

    /// One row per release the subject is about (a Change linked nowhere: one row of no release).
    fn log_on_subject(
        &self,
        subject: VoteSubject,
        now: Timestamp,
        kind: ActivityKind,
        changes: &[FieldChange],
        effect: &mut Effect,
    ) {
        let mut releases: Vec<Option<ReleaseId>> =
            self.subject_releases(subject).iter().map(|r| Some(r.id)).collect();
        if releases.is_empty() {
            releases.push(None);
        }
        for release in releases {
            effect.activities.push(self.activity(release, now, kind, changes.to_vec()));
        }
    }
}
