//! The `external_links` table: which local agent, group, department, note, task or time entry
//! stands for which record of the system it was imported from (kind, external id -> local id).

use rusqlite::{Connection, params};

use super::{load_rows, text_coded};
use crate::domain::{ExternalKind, ExternalLink, ExternalLinks};
use crate::store::StoreError;

/// Every link.
pub fn load(conn: &Connection) -> Result<ExternalLinks, StoreError> {
    let sql = "SELECT kind, external_id, local_id FROM external_links";
    let links = load_rows(conn, "external_links", sql, |r| {
        Ok(ExternalLink {
            kind: text_coded(r, 0, ExternalKind::from_code, "external record kind")?,
            external: r.get(1)?,
            local: r.get(2)?,
        })
    })?;
    Ok(links.into_iter().collect())
}

pub fn put(conn: &Connection, link: &ExternalLink) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO external_links (kind, external_id, local_id) VALUES (?1, ?2, ?3)
         ON CONFLICT(kind, external_id) DO UPDATE SET local_id = excluded.local_id",
    )?
    .execute(params![link.kind.code(), link.external, link.local])?;
    Ok(())
}

pub fn remove(conn: &Connection, kind: ExternalKind, external: i64) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM external_links WHERE kind = ?1 AND external_id = ?2")?
        .execute(params![kind.code(), external])?;
    Ok(())
}
