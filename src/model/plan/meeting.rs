//! Planning of the CAB meeting commands: a meeting saved (its CAB, attendees, agenda releases and
//! action owners known) or deleted, its agenda rebuilt by the rules or edited by hand, a decision
//! recorded on an agenda release, the minutes saved and an action item marked done. Each puts the
//! whole meeting back (`CabMutation::PutMeeting`), so its inverse is the meeting as it was; each
//! logs one row naming the meeting by its start (on the release, for a decision or an edit).

use super::Effect;
use crate::domain::cab::meeting::{MeetingInvalid, edit_agenda, rebuild_agenda};
use crate::domain::{
    ActivityKind, AgentId, CabInvalid, CabMeeting, CabMeetingId, Decision, Field, FieldChange, ReleaseId,
    Timestamp, Value,
};
use crate::model::{CommandError, MeetingCommand, Model};
use crate::store::{CabMutation, Mutation};

fn count(n: usize) -> Value {
    Value::Count(u32::try_from(n).unwrap_or(u32::MAX))
}

fn active(meeting: &CabMeeting) -> Value {
    count(meeting.active_agenda().count())
}

/// The meeting a row is about: its start, the same before and after.
fn which(meeting: &CabMeeting) -> FieldChange {
    FieldChange::new(Field::Meeting, Value::Time(meeting.start), Value::Time(meeting.start))
}

impl Model {
    fn existing_meeting(&self, id: CabMeetingId) -> Result<&CabMeeting, CommandError> {
        Ok(self.cabs.meeting(id).ok_or(MeetingInvalid::NoSuchMeeting(id))?)
    }

    fn known_agent(&self, agent: Option<AgentId>) -> Result<(), CommandError> {
        match agent {
            Some(id) if self.directory.agent(id).is_none() => Err(CommandError::NoSuchAgent(id)),
            _ => Ok(()),
        }
    }

    /// Puts `new` in place of `old`, logged with `changes` on `release` (the meeting's row when
    /// `None`); nothing when nothing changed.
    fn put_meeting(
        &self,
        old: &CabMeeting,
        new: CabMeeting,
        release: Option<ReleaseId>,
        changes: Vec<FieldChange>,
        now: Timestamp,
        effect: &mut Effect,
    ) {
        if *old == new {
            return;
        }
        effect.activities.push(self.activity(release, now, ActivityKind::Meeting, changes));
        effect.mutations.push(Mutation::Cab(CabMutation::PutMeeting(new)));
    }

    /// Validates one of the meeting commands and works out its effect. Changes nothing.
    pub(super) fn plan_meeting(
        &self,
        command: MeetingCommand,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        match command {
            MeetingCommand::SaveMeeting(meeting) => self.plan_save_meeting(meeting, now, effect),
            MeetingCommand::DeleteMeeting(id) => {
                let old = self.existing_meeting(id)?;
                let removed = FieldChange::removed(Field::Meeting, Value::Time(old.start));
                effect.activities.push(self.activity(None, now, ActivityKind::Meeting, vec![removed]));
                effect.mutations.push(Mutation::Cab(CabMutation::RemoveMeeting(id)));
                Ok(())
            }
            MeetingCommand::RebuildAgenda(id) => {
                let old = self.existing_meeting(id)?;
                let agenda = rebuild_agenda(&old.agenda, self.rule_agenda(old));
                let new = CabMeeting { agenda, ..old.clone() };
                let changes = vec![which(old), FieldChange::new(Field::Agenda, active(old), active(&new))];
                self.put_meeting(old, new, None, changes, now, effect);
                Ok(())
            }
            MeetingCommand::EditAgenda { meeting, release, add } => {
                let old = self.existing_meeting(meeting)?;
                if add {
                    self.existing_release(release)?;
                }
                let mut new = old.clone();
                edit_agenda(&mut new.agenda, release, add);
                let changes = vec![which(old), FieldChange::new(Field::Agenda, active(old), active(&new))];
                self.put_meeting(old, new, Some(release), changes, now, effect);
                Ok(())
            }
            MeetingCommand::RecordDecision { meeting, decision } => {
                self.plan_decision(meeting, decision, now, effect)
            }
            MeetingCommand::SaveMinutes { meeting, minutes } => {
                let old = self.existing_meeting(meeting)?;
                let new = CabMeeting { minutes: minutes.trim_end().to_owned(), ..old.clone() };
                let chars = |m: &CabMeeting| Value::Chars(m.minutes.chars().count() as u64);
                let changes = vec![which(old), FieldChange::new(Field::Minutes, chars(old), chars(&new))];
                self.put_meeting(old, new, None, changes, now, effect);
                Ok(())
            }
            MeetingCommand::SetActionDone { meeting, release, action, done } => {
                let old = self.existing_meeting(meeting)?;
                let mut new = old.clone();
                let item = new
                    .decisions
                    .iter_mut()
                    .find(|d| d.release == release)
                    .and_then(|d| d.actions.get_mut(action))
                    .ok_or(MeetingInvalid::NoSuchAction(release, action))?;
                let was = std::mem::replace(&mut item.done, done);
                let changes = vec![
                    which(old),
                    FieldChange::new(Field::ActionDone, Value::Bool(was), Value::Bool(done)),
                ];
                self.put_meeting(old, new, Some(release), changes, now, effect);
                Ok(())
            }
        }
    }

    fn plan_save_meeting(
        &self,
        meeting: CabMeeting,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        let mut meeting = meeting.normalized();
        meeting.validate()?;
        self.cabs.cab(meeting.cab).ok_or(CabInvalid::NoSuchCab(meeting.cab))?;
        for agent in &meeting.attendees {
            self.known_agent(Some(*agent))?;
        }
        for item in &meeting.agenda {
            self.existing_release(item.release)?;
        }
        for decision in &meeting.decisions {
            self.check_decision(&meeting, decision)?;
        }
        let old = self.cabs.meeting(meeting.id);
        if old.is_none() {
            meeting.id = self.cabs.next_meeting_id();
        }
        if old == Some(&meeting) {
            return Ok(());
        }
        let change = FieldChange::new(
            Field::Meeting,
            old.map_or(Value::None, |m| Value::Time(m.start)),
            Value::Time(meeting.start),
        );
        effect.activities.push(self.activity(None, now, ActivityKind::Meeting, vec![change]));
        effect.mutations.push(Mutation::Cab(CabMutation::PutMeeting(meeting)));
        Ok(())
    }

    /// A decision is on a release of the agenda, and its action items' owners are known agents.
    fn check_decision(&self, meeting: &CabMeeting, decision: &Decision) -> Result<(), CommandError> {
        if !meeting.on_agenda(decision.release) {
            return Err(MeetingInvalid::NotOnAgenda(decision.release).into());
        }
        for action in &decision.actions {
            self.known_agent(action.owner)?;
        }
        Ok(())
    }

    fn plan_decision(
        &self,
        meeting: CabMeetingId,
        decision: Decision,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        let old = self.existing_meeting(meeting)?;
        let mut decision = decision;
        decision.comment = decision.comment.trim().to_owned();
        decision.actions.retain(|a| !a.text.trim().is_empty());
        for action in &mut decision.actions {
            action.text = action.text.trim().to_owned();
        }
        self.check_decision(old, &decision)?;
        let release = decision.release;
        let before = old.decision(release);
        let changes = vec![
            which(old),
            FieldChange::new(
                Field::Decision,
                before.map_or(Value::None, |d| Value::MeetingOutcome(d.outcome)),
                Value::MeetingOutcome(decision.outcome),
            ),
            FieldChange::new(
                Field::Actions,
                before.map_or(Value::None, |d| count(d.actions.len())),
                count(decision.actions.len()),
            ),
        ];
        let mut new = old.clone();
        match new.decisions.iter_mut().find(|d| d.release == release) {
            Some(slot) => *slot = decision,
            None => new.decisions.push(decision),
        }
        self.put_meeting(old, new, Some(release), changes, now, effect);
        Ok(())
    }
}
