//! Team sync in the current language: why a team operation failed, and the conflicts a push met.

use super::{tr, tr_args};
use crate::model::team::{Conflict, ConflictKind, RecordKind, TeamError, TeamRight};

/// Why a team operation failed, as a sentence in the current language.
pub fn team_error(err: &TeamError) -> String {
    use TeamError as E;
    match err {
        E::Unreachable { url, detail } => tr_args(
            "team-error-unreachable",
            &[("url", url.as_str().into()), ("detail", detail.as_str().into())],
        ),
        E::Server(detail) => tr_args("team-error-server", &[("detail", detail.as_str().into())]),
        E::NotInitialized => tr("team-error-not-initialized"),
        E::NewerSchema { found, supported } => tr_args(
            "team-error-newer-schema",
            &[("found", (*found).into()), ("supported", (*supported).into())],
        ),
        E::OlderSchema { found, supported } => tr_args(
            "team-error-older-schema",
            &[("found", (*found).into()), ("supported", (*supported).into())],
        ),
        E::BadData(detail) => tr_args("team-error-bad-data", &[("detail", detail.as_str().into())]),
        E::TooManyRetries(tries) => tr_args("team-error-too-many-retries", &[("tries", (*tries).into())]),
        E::BadUrl(url) => tr_args("team-error-bad-url", &[("url", url.as_str().into())]),
        E::NoTeam => tr("team-error-no-team"),
        E::AlreadyInTeam(url) => tr_args("team-error-already-in-team", &[("url", url.as_str().into())]),
        E::JoinNeedsEmptyFile => tr("team-error-join-needs-empty-file"),
        E::BadRootCert { path, detail } => tr_args(
            "team-error-bad-root-cert",
            &[("path", path.as_str().into()), ("detail", detail.as_str().into())],
        ),
        E::DatabaseNameTooLong(name) => {
            tr_args("team-error-database-name-too-long", &[("name", name.as_str().into())])
        }
        E::Keyring(detail) => tr_args("team-error-keyring", &[("detail", detail.as_str().into())]),
        E::NoSuchRole(role) => tr_args("team-error-no-such-role", &[("role", role.as_str().into())]),
        E::NotAllowed(detail) => tr_args("team-error-not-allowed", &[("detail", detail.as_str().into())]),
        E::Store(err) => super::store_error(err),
    }
}

/// A right on the team's server, in words.
pub fn team_right(right: TeamRight) -> String {
    tr(match right {
        TeamRight::Member => "team-right-member",
        TeamRight::Approve => "team-right-approve",
        TeamRight::Purge => "team-right-purge",
    })
}

/// What kind of conflict it is, in words.
pub fn team_conflict_kind(kind: ConflictKind) -> String {
    tr(match kind {
        ConflictKind::Field => "team-conflict-field",
        ConflictKind::IdTaken => "team-conflict-id-taken",
        ConflictKind::Removed => "team-conflict-removed",
        ConflictKind::RemoveEdited => "team-conflict-remove-edited",
        ConflictKind::Refused => "team-conflict-refused",
    })
}

/// A shared record by its kind and name ("Window “Weekend night”"); a release by its number.
pub fn team_record_name(kind: RecordKind, name: &str) -> String {
    let key = match kind {
        RecordKind::Agent => "team-record-agent",
        RecordKind::Group => "team-record-group",
        RecordKind::Department => "team-record-department",
        RecordKind::Release => "team-record-release",
        RecordKind::Window => "team-record-window",
        RecordKind::Freeze => "team-record-freeze",
        RecordKind::Note => "team-record-note",
        RecordKind::Task => "team-record-task",
    };
    tr_args(key, &[("name", name.into())])
}

/// A field of a shared window, freeze or person, in words (one this build does not know: its code).
pub fn team_schedule_field(field: &str) -> String {
    let key = match field {
        "name" => "team-field-name",
        "timing" => "team-field-timing",
        "zone" => "team-field-zone",
        "scope" => "team-field-scope",
        "kind" => "team-field-kind",
        "exempt" => "team-field-exempt",
        "exempt_reason" => "team-field-exempt-reason",
        "email" => "team-field-email",
        "active" => "team-field-active",
        other => return other.to_owned(),
    };
    tr(key)
}

/// One conflict on one line: the record, the field, both values (the server's stands).
pub fn team_conflict_line(conflict: &Conflict) -> String {
    tr_args(
        "team-conflict-line",
        &[
            ("record", conflict.record.to_string().into()),
            ("kind", team_conflict_kind(conflict.kind).into()),
            ("field", conflict.field.clone().unwrap_or_default().into()),
            ("ours", short(&conflict.ours).into()),
            ("theirs", short(&conflict.theirs).into()),
        ],
    )
}

/// A record made here under a provisional number, and the team's number its push gave it.
pub fn team_numbered_line(record: crate::domain::team::RecordKey, number: i64) -> String {
    use crate::domain::team::RecordKind;
    let kind = match record.kind {
        RecordKind::Window => "team-numbered-window",
        RecordKind::Freeze => "team-numbered-freeze",
        RecordKind::Note => "team-numbered-note",
        RecordKind::Task => "team-numbered-task",
        // People keep their own numbers: never in a push's numbers.
        RecordKind::Release | RecordKind::Agent | RecordKind::Group | RecordKind::Department => {
            "team-numbered-release"
        }
    };
    tr_args(kind, &[("new", (-record.id).into()), ("number", number.into())])
}

/// A JSON value cut to a line's worth.
fn short(value: &serde_json::Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 60 { format!("{}…", text.chars().take(59).collect::<String>()) } else { text }
}
