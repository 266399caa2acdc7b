//! The `regulator_steps`, `regulator_step_scopes` and `regulator_approvals` tables: each regulator
//! step with its authority and active flag, the release types and groups that need it, and each
//! release's approval for a step (one per release and step).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::{Connection, Row, params};

use super::{bad, coded, from_millis, load_rows, to_millis};
use crate::domain::{
    GroupId, RegulatorApproval, RegulatorStep, RegulatorStepId, Regulators, ReleaseId, ReleaseType,
};
use crate::store::{RegulatorMutation, StoreError};

const SCOPE_TYPE: &str = "type";
const SCOPE_GROUP: &str = "group";
const DATE_FORMAT: &str = "%Y-%m-%d";

fn step_from_row(row: &Row<'_>) -> rusqlite::Result<RegulatorStep> {
    Ok(RegulatorStep {
        id: row.get(0)?,
        name: row.get(1)?,
        authority: row.get(2)?,
        release_types: Vec::new(),
        groups: Vec::new(),
        active: row.get(3)?,
    })
}

fn approval_from_row(row: &Row<'_>) -> rusqlite::Result<RegulatorApproval> {
    let date: String = row.get(3)?;
    let approved_on = NaiveDate::parse_from_str(&date, DATE_FORMAT)
        .map_err(|_| bad(3, format!("approval date '{date}' is not YYYY-MM-DD")))?;
    Ok(RegulatorApproval {
        release: row.get(0)?,
        step: row.get(1)?,
        reference: row.get(2)?,
        approved_on,
        recorded_by: row.get(4)?,
        at: from_millis(row.get(5)?),
        note: row.get(6)?,
    })
}

/// One scope row: the step, and a release type or a group.
enum Scope {
    Type(ReleaseType),
    Group(GroupId),
}

fn scope_from_row(row: &Row<'_>) -> rusqlite::Result<(RegulatorStepId, Scope)> {
    let kind: String = row.get(1)?;
    let scope = match kind.as_str() {
        SCOPE_TYPE => Scope::Type(coded(row, 2, ReleaseType::from_code, "release type")?),
        SCOPE_GROUP => Scope::Group(row.get(2)?),
        other => return Err(bad(1, format!("regulator scope '{other}' is unknown"))),
    };
    Ok((row.get(0)?, scope))
}

/// Every step (in id order, its types in code order and groups in id order) and every approval
/// (by release, then step).
pub fn load(conn: &Connection) -> Result<Regulators, StoreError> {
    let mut steps = load_rows(
        conn,
        "regulator_steps",
        "SELECT id, name, authority, active FROM regulator_steps ORDER BY id",
        step_from_row,
    )?;
    let scopes = load_rows(
        conn,
        "regulator_step_scopes",
        "SELECT step_id, scope_kind, scope_id FROM regulator_step_scopes ORDER BY step_id, scope_kind DESC, scope_id",
        scope_from_row,
    )?;
    let mut by_step: BTreeMap<RegulatorStepId, Vec<Scope>> = BTreeMap::new();
    for (step, scope) in scopes {
        by_step.entry(step).or_default().push(scope);
    }
    for step in &mut steps {
        for scope in by_step.remove(&step.id).unwrap_or_default() {
            match scope {
                Scope::Type(t) => step.release_types.push(t),
                Scope::Group(g) => step.groups.push(g),
            }
        }
    }
    let approvals = load_rows(
        conn,
        "regulator_approvals",
        "SELECT release_id, step_id, reference, approved_on, recorded_by, at, note FROM regulator_approvals \
         ORDER BY release_id, step_id",
        approval_from_row,
    )?;
    Ok(Regulators { steps, approvals })
}

/// Writes one change to the regulator steps or approvals.
pub fn write(conn: &Connection, m: &RegulatorMutation) -> Result<(), StoreError> {
    match m {
        RegulatorMutation::PutStep(step) => put_step(conn, step),
        RegulatorMutation::RemoveStep(id) => remove_step(conn, *id),
        RegulatorMutation::PutApproval(approval) => put_approval(conn, approval),
        RegulatorMutation::RemoveApproval { step, release } => remove_approval(conn, *step, *release),
    }
}

fn put_step(conn: &Connection, step: &RegulatorStep) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO regulator_steps (id, name, authority, active) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![step.id, step.name, step.authority, step.active])?;
    conn.prepare_cached("DELETE FROM regulator_step_scopes WHERE step_id = ?1")?.execute(params![step.id])?;
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO regulator_step_scopes (step_id, scope_kind, scope_id) VALUES (?1, ?2, ?3)",
    )?;
    for release_type in &step.release_types {
        insert.execute(params![step.id, SCOPE_TYPE, i64::from(release_type.code())])?;
    }
    for group in &step.groups {
        insert.execute(params![step.id, SCOPE_GROUP, group])?;
    }
    Ok(())
}

fn remove_step(conn: &Connection, id: RegulatorStepId) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM regulator_step_scopes WHERE step_id = ?1")?.execute(params![id])?;
    conn.prepare_cached("DELETE FROM regulator_steps WHERE id = ?1")?.execute(params![id])?;
    Ok(())
}

fn put_approval(conn: &Connection, a: &RegulatorApproval) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO regulator_approvals (release_id, step_id, reference, approved_on, \
         recorded_by, at, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        a.release,
        a.step,
        a.reference,
        a.approved_on.format(DATE_FORMAT).to_string(),
        a.recorded_by,
        to_millis(a.at),
        a.note
    ])?;
    Ok(())
}

fn remove_approval(conn: &Connection, step: RegulatorStepId, release: ReleaseId) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM regulator_approvals WHERE release_id = ?1 AND step_id = ?2")?
        .execute(params![release, step])?;
    Ok(())
}
