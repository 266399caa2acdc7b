//! The `release_reviews` table: each release's post-implementation review (three texts, its
//! follow-up tasks as a JSON list of task ids, who saved it and when).

use std::collections::BTreeMap;

use rusqlite::{Connection, params};

use super::{bad, from_millis, load_rows, to_json, to_millis};
use crate::domain::{AgentId, ReleaseId, Review};
use crate::store::StoreError;

/// The review of every release that has one.
pub fn load(conn: &Connection) -> Result<BTreeMap<ReleaseId, Review>, StoreError> {
    let rows = load_rows(
        conn,
        "release_reviews",
        "SELECT release_id, went_well, went_wrong, lessons, follow_ups, reviewer, reviewed_at \
         FROM release_reviews ORDER BY release_id",
        |r| {
            let follow_ups: String = r.get(4)?;
            Ok((
                r.get::<_, ReleaseId>(0)?,
                Review {
                    went_well: r.get(1)?,
                    went_wrong: r.get(2)?,
                    lessons: r.get(3)?,
                    follow_ups: serde_json::from_str(&follow_ups).map_err(|e| bad(4, e.to_string()))?,
                    reviewer: r.get::<_, Option<AgentId>>(5)?,
                    reviewed_at: r.get::<_, Option<i64>>(6)?.map(from_millis),
                },
            ))
        },
    )?;
    Ok(rows.into_iter().collect())
}

pub fn put(conn: &Connection, release: ReleaseId, review: &Review) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO release_reviews (release_id, went_well, went_wrong, lessons, follow_ups, \
         reviewer, reviewed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        release,
        review.went_well,
        review.went_wrong,
        review.lessons,
        to_json(&review.follow_ups)?,
        review.reviewer,
        review.reviewed_at.map(to_millis),
    ])?;
    Ok(())
}

pub fn remove(conn: &Connection, release: ReleaseId) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM release_reviews WHERE release_id = ?1")?.execute(params![release])?;
    Ok(())
}
