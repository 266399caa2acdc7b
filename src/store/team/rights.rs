//! Who may do what on the team's server, kept by the database and not only by the client: the
//! three group roles of `schema.rs` (member, approver, purger) granted to PostgreSQL logins, the
//! guard trigger's refusals read back into the part of a push it refused, and the rights a
//! session's role holds.

use postgres::error::SqlState;
use serde_json::Value;

use super::TeamError;
use super::change::{Conflict, ConflictKind, OutboxEntry, RecordChange, RecordKey, UPDATED_AT};
use super::server::Server;

/// A right the team's server grants to a PostgreSQL role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TeamRight {
    /// Pull and push: be in the team.
    Member,
    /// Move a release into Deploy (the CAB's approval, and any deploy-gate override).
    Approve,
    /// Delete releases for good.
    Purge,
}

impl TeamRight {
    pub const ALL: [Self; 3] = [Self::Member, Self::Approve, Self::Purge];

    /// The code on the command line and in the server's refusals.
    pub fn code(self) -> &'static str {
        match self {
            Self::Member => "member",
            Self::Approve => "approve",
            Self::Purge => "purge",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The group role that holds the right in the team database `database` (as the schema's
    /// `release_desk.role_name` makes it).
    pub(super) fn role(self, database: &str) -> String {
        let kind = match self {
            Self::Member => "member",
            Self::Approve => "approver",
            Self::Purge => "purger",
        };
        format!("rd_{database}_{kind}")
    }
}

/// A change the server's guard refused: the record, the field (none: the whole record), and the
/// right it needs.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
pub(super) struct Refusal {
    pub(super) record: RecordKey,
    #[serde(default)]
    pub(super) field: Option<String>,
    pub(super) right: String,
}

/// The refusal the guard trigger raised, if `err` is one.
pub(super) fn refusal_of(err: &postgres::Error) -> Option<Refusal> {
    let db = err.as_db_error()?;
    if *db.code() != SqlState::INSUFFICIENT_PRIVILEGE {
        return None;
    }
    serde_json::from_str(db.detail()?).ok()
}

impl Server {
    /// The name of the team's database (its group roles are named after it).
    pub(super) fn database(&mut self) -> Result<String, TeamError> {
        Ok(self.client.query_one("SELECT current_database()", &[])?.get(0))
    }

    /// Gives `right` to the PostgreSQL role `user` (or takes it back): the caller must be the
    /// team's maker or another role that may grant the team's roles.
    pub fn grant(&mut self, user: &str, right: TeamRight, revoke: bool) -> Result<(), TeamError> {
        self.check_schema()?;
        let exists: bool = self
            .client
            .query_one("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)", &[&user])?
            .get(0);
        if !exists {
            return Err(TeamError::NoSuchRole(user.to_owned()));
        }
        let user = quote_ident(user);
        let role = quote_ident(&right.role(&self.database()?));
        let sql =
            if revoke { format!("REVOKE {role} FROM {user}") } else { format!("GRANT {role} TO {user}") };
        self.client.batch_execute(&sql)?;
        Ok(())
    }

    /// The rights the role this session logged in as has on the team (a superuser has all).
    pub fn rights(&mut self) -> Result<Vec<TeamRight>, TeamError> {
        let database = self.database()?;
        let mut held = Vec::new();
        for right in TeamRight::ALL {
            let role = right.role(&database);
            // A role not there (a server not yet at schema 2) is a right not held.
            let has: bool = self
                .client
                .query_one(
                    "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AND pg_has_role(current_user, $1, 'MEMBER')",
                    &[&role],
                )?
                .get(0);
            if has {
                held.push(right);
            }
        }
        Ok(held)
    }

    /// The conflict a refused part of a push is kept as: this client's value and the server's.
    pub(super) fn refused(&mut self, refusal: &Refusal, ours: Value) -> Result<Conflict, TeamError> {
        let current = self.record(refusal.record)?.map(|(data, _)| data);
        let theirs = match (&refusal.field, current) {
            (Some(field), Some(data)) => data.get(field).cloned().unwrap_or(Value::Null),
            (None, Some(data)) => Value::Object(data),
            (_, None) => Value::Null,
        };
        Ok(Conflict {
            record: refusal.record,
            kind: ConflictKind::Refused,
            field: refusal.field.clone(),
            ours,
            theirs,
            by: None,
            by_at: None,
        })
    }
}

/// `entry` without the part the server refused, and this client's value of that part (a field's
/// value, a new record's fields, or null for a removal). `None`: the command holds no such part.
pub(super) fn without_refused(entry: &OutboxEntry, refusal: &Refusal) -> Option<(OutboxEntry, Value)> {
    let mut rest = entry.clone();
    let at = rest.changes.iter().position(|c| c.record() == refusal.record)?;
    let ours = match (&mut rest.changes[at], &refusal.field) {
        (RecordChange::Fields { fields, .. }, Some(field)) => {
            let ours = fields.remove(field)?;
            if fields.keys().all(|k| k == UPDATED_AT) {
                rest.changes.remove(at);
            }
            ours
        }
        (RecordChange::Create { data, .. }, _) => {
            let ours = Value::Object(std::mem::take(data));
            rest.changes.remove(at);
            ours
        }
        (RecordChange::Remove { .. }, _) => {
            rest.changes.remove(at);
            Value::Null
        }
        (RecordChange::Fields { .. }, None) => return None,
    };
    Some((rest, ours))
}

/// `name` as a PostgreSQL identifier in double quotes (a role name may hold any character).
fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}
