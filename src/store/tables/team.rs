//! The team tables of the local file (schema 15): `team_state` (the server's URL without its
//! password, who pushes, this file's client id, the last seq pulled), `team_outbox` (each local
//! command's shared changes, in commit order, until a push lands them), `team_record_seqs` (the
//! seq each shared record was last seen at) and `team_conflicts` (both values of each conflict).

use rusqlite::{Connection, OptionalExtension as _, params};

use super::{from_millis, load_rows, to_json, to_millis};
use crate::domain::Timestamp;
use crate::domain::team::{Conflict, ConflictKind, OutboxEntry, RecordChange, RecordKey, RecordKind};
use crate::store::StoreError;

/// Which team a file belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamState {
    /// The server's URL, never with a password.
    pub url: String,
    /// Who this file's changes are pushed as.
    pub author: String,
    /// This file's identity on the server (its own later writes are never conflicts).
    pub client_id: uuid::Uuid,
    /// The seq of the last server change pulled.
    pub last_seq: i64,
}

/// A conflict as the file keeps it.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredConflict {
    pub id: i64,
    pub command_id: uuid::Uuid,
    pub conflict: Conflict,
    pub at: Timestamp,
    pub resolved_at: Option<Timestamp>,
}

fn bad_json(err: &serde_json::Error) -> StoreError {
    StoreError::BadData(format!("a team row's JSON does not read: {err}"))
}

fn parse_uuid(text: &str) -> rusqlite::Result<uuid::Uuid> {
    uuid::Uuid::parse_str(text).map_err(|e| super::bad(0, format!("'{text}' is not a uuid ({e})")))
}

pub fn state(conn: &Connection) -> Result<Option<TeamState>, StoreError> {
    let row = conn
        .query_row("SELECT url, author, client_id, last_seq FROM team_state WHERE id = 1", [], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, i64>(3)?))
        })
        .optional()?;
    let Some((url, author, client_id, last_seq)) = row else { return Ok(None) };
    let client_id = parse_uuid(&client_id)?;
    Ok(Some(TeamState { url, author, client_id, last_seq }))
}

pub fn set_state(conn: &Connection, state: &TeamState) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO team_state (id, url, author, client_id, last_seq) VALUES (1, ?1, ?2, ?3, ?4)
         ON CONFLICT(id) DO UPDATE SET url = excluded.url, author = excluded.author,
             client_id = excluded.client_id, last_seq = excluded.last_seq",
        params![state.url, state.author, state.client_id.to_string(), state.last_seq],
    )?;
    Ok(())
}

pub fn set_last_seq(conn: &Connection, seq: i64) -> Result<(), StoreError> {
    conn.execute("UPDATE team_state SET last_seq = max(last_seq, ?1) WHERE id = 1", params![seq])?;
    Ok(())
}

pub fn record_seqs(conn: &Connection) -> Result<Vec<(RecordKey, i64)>, StoreError> {
    load_rows(conn, "team_record_seqs", "SELECT record, seq FROM team_record_seqs", |r| {
        let text: String = r.get(0)?;
        let key =
            RecordKey::parse(&text).ok_or_else(|| super::bad(0, format!("'{text}' is not a record")))?;
        Ok((key, r.get(1)?))
    })
}

pub fn put_record_seqs(conn: &Connection, seqs: &[(RecordKey, i64)]) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO team_record_seqs (record, seq) VALUES (?1, ?2)
         ON CONFLICT(record) DO UPDATE SET seq = max(seq, excluded.seq)",
    )?;
    for (key, seq) in seqs {
        stmt.execute(params![key.to_string(), seq])?;
    }
    Ok(())
}

pub fn push_outbox(conn: &Connection, entry: &OutboxEntry) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO team_outbox (command_id, mutations, bases, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![
            entry.command_id.to_string(),
            to_json(&entry.changes)?,
            to_json(&entry.bases)?,
            to_millis(entry.created_at)
        ],
    )?;
    Ok(())
}

/// The outbox, oldest first.
pub fn outbox(conn: &Connection) -> Result<Vec<OutboxEntry>, StoreError> {
    outbox_where(conn, "1")
}

/// How many keys one query of [`outbox_naming`] looks for (SQLite caps an expression's depth;
/// a release's key stands for three terms).
const KEYS_PER_QUERY: usize = 100;

/// The outbox entries whose changes name any of `keys`, as the record changed or in a field
/// that links to it (a note's `release_id`), in any order (one may come twice): the rest of the
/// outbox is not read.
pub fn outbox_naming(conn: &Connection, keys: &[RecordKey]) -> Result<Vec<OutboxEntry>, StoreError> {
    let mut found = Vec::new();
    for chunk in keys.chunks(KEYS_PER_QUERY) {
        // A key's text is a kind code, a colon and a number, a field's a code of ours: nothing in
        // them needs quoting. In the JSON a key stands in quotes and a linked number is followed
        // by `,` or `}`, so `release:-1` does not match `release:-12`.
        let mut filter = Vec::new();
        for key in chunk {
            filter.push(format!("instr(mutations, '\"{key}\"') > 0"));
            let links = RecordKind::ALL.iter().flat_map(|k| k.links()).filter(|(_, to)| *to == key.kind);
            for (field, _) in links {
                for end in [',', '}'] {
                    filter.push(format!("instr(mutations, '\"{field}\":{}{end}') > 0", key.id));
                }
            }
        }
        found.extend(outbox_where(conn, &filter.join(" OR "))?);
    }
    Ok(found)
}

fn outbox_where(conn: &Connection, filter: &str) -> Result<Vec<OutboxEntry>, StoreError> {
    let rows = load_rows(
        conn,
        "team_outbox",
        &format!(
            "SELECT command_id, mutations, bases, created_at FROM team_outbox WHERE {filter} ORDER BY position"
        ),
        |r| {
            let id: String = r.get(0)?;
            Ok((parse_uuid(&id)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, i64>(3)?))
        },
    )?;
    rows.into_iter()
        .map(|(command_id, changes, bases, at)| {
            Ok(OutboxEntry {
                command_id,
                changes: serde_json::from_str(&changes).map_err(|e| bad_json(&e))?,
                bases: serde_json::from_str(&bases).map_err(|e| bad_json(&e))?,
                created_at: from_millis(at),
            })
        })
        .collect()
}

pub fn outbox_len(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("SELECT count(*) FROM team_outbox", [], |r| r.get(0))?)
}

/// Replaces the changes of an outbox entry.
pub fn set_outbox_changes(
    conn: &Connection,
    command_id: uuid::Uuid,
    changes: &[RecordChange],
) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE team_outbox SET mutations = ?1 WHERE command_id = ?2",
        params![to_json(&changes)?, command_id.to_string()],
    )?;
    Ok(())
}

/// Rewrites an outbox entry's changes and bases (a record in it got the team's number).
pub fn set_outbox_entry(conn: &Connection, entry: &OutboxEntry) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE team_outbox SET mutations = ?1, bases = ?2 WHERE command_id = ?3",
        params![to_json(&entry.changes)?, to_json(&entry.bases)?, entry.command_id.to_string()],
    )?;
    Ok(())
}

pub fn remove_outbox(conn: &Connection, command_id: uuid::Uuid) -> Result<(), StoreError> {
    conn.execute("DELETE FROM team_outbox WHERE command_id = ?1", params![command_id.to_string()])?;
    Ok(())
}

pub fn add_conflicts(
    conn: &Connection,
    command_id: uuid::Uuid,
    conflicts: &[Conflict],
    at: Timestamp,
) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO team_conflicts (command_id, record, kind, field, ours, theirs, at, theirs_by, theirs_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for c in conflicts {
        stmt.execute(params![
            command_id.to_string(),
            c.record.to_string(),
            c.kind.code(),
            c.field.as_deref().unwrap_or(""),
            to_json(&c.ours)?,
            to_json(&c.theirs)?,
            to_millis(at),
            c.by.as_deref().unwrap_or(""),
            c.by_at.map(to_millis)
        ])?;
    }
    Ok(())
}

pub fn resolve_conflict(conn: &Connection, id: i64, at: Timestamp) -> Result<bool, StoreError> {
    let n = conn.execute(
        "UPDATE team_conflicts SET resolved_at = ?2 WHERE id = ?1 AND resolved_at IS NULL",
        params![id, to_millis(at)],
    )?;
    Ok(n == 1)
}

/// Marks conflict `id` resolved at `at`, or open again (`None`).
pub fn set_conflict_resolved(conn: &Connection, id: i64, at: Option<Timestamp>) -> Result<(), StoreError> {
    conn.execute("UPDATE team_conflicts SET resolved_at = ?2 WHERE id = ?1", params![id, at.map(to_millis)])?;
    Ok(())
}

/// Every conflict, oldest first.
pub fn conflicts(conn: &Connection) -> Result<Vec<StoredConflict>, StoreError> {
    let rows = load_rows(
        conn,
        "team_conflicts",
        "SELECT id, command_id, record, kind, field, ours, theirs, at, resolved_at, theirs_by, theirs_at
         FROM team_conflicts ORDER BY id",
        |r| {
            let command: String = r.get(1)?;
            let record: String = r.get(2)?;
            let kind: String = r.get(3)?;
            let field: String = r.get(4)?;
            let record = RecordKey::parse(&record)
                .ok_or_else(|| super::bad(2, format!("'{record}' is not a record")))?;
            let kind = ConflictKind::from_code(&kind)
                .ok_or_else(|| super::bad(3, format!("conflict kind '{kind}' is unknown")))?;
            Ok((
                r.get::<_, i64>(0)?,
                parse_uuid(&command)?,
                record,
                kind,
                (!field.is_empty()).then_some(field),
                (r.get::<_, String>(5)?, r.get::<_, String>(6)?),
                (r.get::<_, i64>(7)?, r.get::<_, Option<i64>>(8)?),
                (r.get::<_, String>(9)?, r.get::<_, Option<i64>>(10)?),
            ))
        },
    )?;
    rows.into_iter()
        .map(|(id, command_id, record, kind, field, (ours, theirs), (at, resolved), (by, by_at))| {
            let ours = serde_json::from_str(&ours).map_err(|e| bad_json(&e))?;
            let theirs = serde_json::from_str(&theirs).map_err(|e| bad_json(&e))?;
            Ok(StoredConflict {
                id,
                command_id,
                conflict: Conflict {
                    record,
                    kind,
                    field,
                    ours,
                    theirs,
                    by: (!by.is_empty()).then_some(by),
                    by_at: by_at.map(from_millis),
                },
                at: from_millis(at),
                resolved_at: resolved.map(from_millis),
            })
        })
        .collect()
}
