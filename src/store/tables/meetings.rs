//! The `cab_meetings`, `cab_meeting_attendees`, `agenda_items` and `decisions` tables: each CAB
//! meeting (start, length, the series it belongs to as JSON, the minutes), its attendees in
//! order, its agenda in order, and its decisions in the order they were taken, each with its
//! action items as JSON. A meeting is put whole: its rows in the other tables are replaced.

use std::collections::BTreeMap;

use rusqlite::{Connection, Row, params};

use super::{bad, from_millis, load_rows, text_coded, to_json, to_millis};
use crate::domain::{
    ActionItem, AgendaItem, AgendaReason, AgentId, CabMeeting, CabMeetingId, Decision, MeetingOutcome,
    MeetingRecurrence,
};
use crate::store::StoreError;

fn meeting_from_row(row: &Row<'_>) -> rusqlite::Result<CabMeeting> {
    let series: Option<String> = row.get(4)?;
    let recurrence = match series {
        None => None,
        Some(text) => Some(
            serde_json::from_str::<MeetingRecurrence>(&text).map_err(|e| bad(4, format!("series: {e}")))?,
        ),
    };
    Ok(CabMeeting {
        id: row.get(0)?,
        cab: row.get(1)?,
        start: from_millis(row.get(2)?),
        duration_minutes: row.get(3)?,
        recurrence,
        attendees: Vec::new(),
        agenda: Vec::new(),
        decisions: Vec::new(),
        minutes: row.get(5)?,
    })
}

fn agenda_from_row(row: &Row<'_>) -> rusqlite::Result<(CabMeetingId, AgendaItem)> {
    Ok((
        row.get(0)?,
        AgendaItem {
            release: row.get(1)?,
            reason: text_coded(row, 2, AgendaReason::from_code, "agenda reason")?,
            added_by_hand: row.get(3)?,
            removed: row.get(4)?,
        },
    ))
}

fn decision_from_row(row: &Row<'_>) -> rusqlite::Result<(CabMeetingId, Decision)> {
    let actions: Vec<ActionItem> =
        serde_json::from_str(&row.get::<_, String>(4)?).map_err(|e| bad(4, format!("actions: {e}")))?;
    Ok((
        row.get(0)?,
        Decision {
            release: row.get(1)?,
            outcome: text_coded(row, 2, MeetingOutcome::from_code, "meeting outcome")?,
            comment: row.get(3)?,
            actions,
        },
    ))
}

/// Every meeting in id order, each with its attendees, agenda and decisions in order.
pub fn load(conn: &Connection) -> Result<Vec<CabMeeting>, StoreError> {
    let mut meetings = load_rows(
        conn,
        "cab_meetings",
        "SELECT id, cab_id, start, duration_minutes, series, minutes FROM cab_meetings ORDER BY id",
        meeting_from_row,
    )?;
    let attendees = load_rows(
        conn,
        "cab_meeting_attendees",
        "SELECT meeting_id, agent_id FROM cab_meeting_attendees ORDER BY meeting_id, position",
        |r| Ok((r.get::<_, CabMeetingId>(0)?, r.get::<_, AgentId>(1)?)),
    )?;
    let agenda = load_rows(
        conn,
        "agenda_items",
        "SELECT meeting_id, release_id, reason, added_by_hand, removed FROM agenda_items \
         ORDER BY meeting_id, position",
        agenda_from_row,
    )?;
    let decisions = load_rows(
        conn,
        "decisions",
        "SELECT meeting_id, release_id, outcome, comment, actions FROM decisions ORDER BY meeting_id, position",
        decision_from_row,
    )?;
    let mut by_meeting: BTreeMap<CabMeetingId, usize> = BTreeMap::new();
    for (i, m) in meetings.iter().enumerate() {
        by_meeting.insert(m.id, i);
    }
    for (id, agent) in attendees {
        if let Some(&i) = by_meeting.get(&id) {
            meetings[i].attendees.push(agent);
        }
    }
    for (id, item) in agenda {
        if let Some(&i) = by_meeting.get(&id) {
            meetings[i].agenda.push(item);
        }
    }
    for (id, decision) in decisions {
        if let Some(&i) = by_meeting.get(&id) {
            meetings[i].decisions.push(decision);
        }
    }
    Ok(meetings)
}

fn remove_children(conn: &Connection, id: CabMeetingId) -> Result<(), StoreError> {
    for table in ["cab_meeting_attendees", "agenda_items", "decisions"] {
        conn.prepare_cached(&format!("DELETE FROM {table} WHERE meeting_id = ?1"))?.execute(params![id])?;
    }
    Ok(())
}

/// Inserts or replaces a meeting and all its rows.
pub fn put(conn: &Connection, m: &CabMeeting) -> Result<(), StoreError> {
    let series = m.recurrence.as_ref().map(to_json).transpose()?;
    conn.prepare_cached(
        "INSERT OR REPLACE INTO cab_meetings (id, cab_id, start, duration_minutes, series, minutes) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![m.id, m.cab, to_millis(m.start), m.duration_minutes, series, m.minutes])?;
    remove_children(conn, m.id)?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO cab_meeting_attendees (meeting_id, position, agent_id) VALUES (?1, ?2, ?3)",
    )?;
    for (position, agent) in m.attendees.iter().enumerate() {
        insert.execute(params![m.id, position as i64, agent])?;
    }
    let mut insert = conn.prepare_cached(
        "INSERT INTO agenda_items (meeting_id, position, release_id, reason, added_by_hand, removed) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (position, item) in m.agenda.iter().enumerate() {
        insert.execute(params![
            m.id,
            position as i64,
            item.release,
            item.reason.code(),
            item.added_by_hand,
            item.removed
        ])?;
    }
    let mut insert = conn.prepare_cached(
        "INSERT INTO decisions (meeting_id, position, release_id, outcome, comment, actions) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (position, d) in m.decisions.iter().enumerate() {
        insert.execute(params![
            m.id,
            position as i64,
            d.release,
            d.outcome.code(),
            d.comment,
            to_json(&d.actions)?
        ])?;
    }
    Ok(())
}

/// Removes a meeting and all its rows.
pub fn remove(conn: &Connection, id: CabMeetingId) -> Result<(), StoreError> {
    remove_children(conn, id)?;
    conn.prepare_cached("DELETE FROM cab_meetings WHERE id = ?1")?.execute(params![id])?;
    Ok(())
}
