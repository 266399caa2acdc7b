//! The `cabs`, `cab_members` and `votes` tables: each Change Advisory Board with its rule, chair
//! and emergency flag, its members in order, and every member's vote on a Change or a release's
//! go/no-go (one per member and subject).

use std::collections::BTreeMap;

use rusqlite::{Connection, Row, params};

use super::{bad, from_millis, load_rows, text_coded, to_millis};
use crate::domain::{
    AgentId, ApprovalRule, Cab, CabId, Cabs, ChangeId, ReleaseId, Vote, VoteDecision, VoteSubject,
};
use crate::store::{CabMutation, StoreError};

const SUBJECT_CHANGE: &str = "change";
const SUBJECT_GO_NO_GO: &str = "go_no_go";

fn subject_columns(subject: VoteSubject) -> (&'static str, i64) {
    match subject {
        VoteSubject::Change(id) => (SUBJECT_CHANGE, id.0),
        VoteSubject::GoNoGo(id) => (SUBJECT_GO_NO_GO, id.0),
    }
}

fn cab_from_row(row: &Row<'_>) -> rusqlite::Result<Cab> {
    Ok(Cab {
        id: row.get(0)?,
        name: row.get(1)?,
        members: Vec::new(),
        rule: text_coded(row, 2, ApprovalRule::from_code, "approval rule")?,
        chair: row.get(3)?,
        emergency: row.get(4)?,
    })
}

fn vote_from_row(row: &Row<'_>) -> rusqlite::Result<Vote> {
    let kind: String = row.get(0)?;
    let id: i64 = row.get(1)?;
    let subject = match kind.as_str() {
        SUBJECT_CHANGE => VoteSubject::Change(ChangeId(id)),
        SUBJECT_GO_NO_GO => VoteSubject::GoNoGo(ReleaseId(id)),
        other => return Err(bad(0, format!("vote subject '{other}' is unknown"))),
    };
    Ok(Vote {
        subject,
        agent: row.get(2)?,
        decision: text_coded(row, 3, VoteDecision::from_code, "vote decision")?,
        at: from_millis(row.get(4)?),
        comment: row.get(5)?,
        after_the_fact: row.get(6)?,
    })
}

/// Every CAB (in id order, members in their order) and every vote (by subject, then agent).
pub fn load(conn: &Connection) -> Result<Cabs, StoreError> {
    let mut cabs = load_rows(
        conn,
        "cabs",
        "SELECT id, name, rule, chair, emergency FROM cabs ORDER BY id",
        cab_from_row,
    )?;
    let members = load_rows(
        conn,
        "cab_members",
        "SELECT cab_id, agent_id FROM cab_members ORDER BY cab_id, position",
        |r| Ok((r.get::<_, CabId>(0)?, r.get::<_, AgentId>(1)?)),
    )?;
    let mut by_cab: BTreeMap<CabId, Vec<AgentId>> = BTreeMap::new();
    for (cab, agent) in members {
        by_cab.entry(cab).or_default().push(agent);
    }
    for cab in &mut cabs {
        cab.members = by_cab.remove(&cab.id).unwrap_or_default();
    }
    let votes = load_rows(
        conn,
        "votes",
        "SELECT subject_kind, subject_id, agent_id, decision, at, comment, after_the_fact FROM votes \
         ORDER BY subject_kind, subject_id, agent_id",
        vote_from_row,
    )?;
    Ok(Cabs { cabs, votes, meetings: super::meetings::load(conn)? })
}

/// Writes one change to the CABs or votes.
pub fn write(conn: &Connection, m: &CabMutation) -> Result<(), StoreError> {
    match m {
        CabMutation::PutCab(cab) => put_cab(conn, cab),
        CabMutation::RemoveCab(id) => remove_cab(conn, *id),
        CabMutation::PutVote(vote) => put_vote(conn, vote),
        CabMutation::RemoveVote { subject, agent } => remove_vote(conn, *subject, *agent),
        CabMutation::PutMeeting(meeting) => super::meetings::put(conn, meeting),
        CabMutation::RemoveMeeting(id) => super::meetings::remove(conn, *id),
    }
}

fn put_cab(conn: &Connection, cab: &Cab) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO cabs (id, name, rule, chair, emergency) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![cab.id, cab.name, cab.rule.code(), cab.chair, cab.emergency])?;
    conn.prepare_cached("DELETE FROM cab_members WHERE cab_id = ?1")?.execute(params![cab.id])?;
    let mut insert =
        conn.prepare_cached("INSERT INTO cab_members (cab_id, position, agent_id) VALUES (?1, ?2, ?3)")?;
    for (position, agent) in cab.members.iter().enumerate() {
        insert.execute(params![cab.id, position as i64, agent])?;
    }
    Ok(())
}

fn remove_cab(conn: &Connection, id: CabId) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM cab_members WHERE cab_id = ?1")?.execute(params![id])?;
    conn.prepare_cached("DELETE FROM cabs WHERE id = ?1")?.execute(params![id])?;
    Ok(())
}

fn put_vote(conn: &Connection, vote: &Vote) -> Result<(), StoreError> {
    let (kind, id) = subject_columns(vote.subject);
    conn.prepare_cached(
        "INSERT OR REPLACE INTO votes (subject_kind, subject_id, agent_id, decision, at, comment, \
         after_the_fact) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        kind,
        id,
        vote.agent,
        vote.decision.code(),
        to_millis(vote.at),
        vote.comment,
        vote.after_the_fact
    ])?;
    Ok(())
}

fn remove_vote(conn: &Connection, subject: VoteSubject, agent: AgentId) -> Result<(), StoreError> {
    let (kind, id) = subject_columns(subject);
    conn.prepare_cached("DELETE FROM votes WHERE subject_kind = ?1 AND subject_id = ?2 AND agent_id = ?3")?
        .execute(params![kind, id, agent])?;
    Ok(())
}
