//! The undo property's team steps (issue 21): conflicts kept in the fixture's file (a status and
//! a priority both changed, a release made here whose number was taken, one the server removed) resolved keeping mine or theirs; the
//! whole-release one refused for "keep mine", a settled one refused again.

use release_desk::domain::team::{Conflict, ConflictKind, RecordKey};
use release_desk::domain::{ReleaseId, Timestamp};
use release_desk::model::team::{Keep, TeamCommand};
use release_desk::model::{Command, Model};
use release_desk::store::Store;

/// Keeps three conflicts in `store`: #1's status and #2's priority (both values readable), and
/// #2 removed on the server while changed here.
pub fn keep_conflicts(store: &mut Store, at: Timestamp) {
    let field = |id: i64, field: &str, ours: serde_json::Value, theirs: serde_json::Value| Conflict {
        record: RecordKey::release(ReleaseId(id)),
        kind: ConflictKind::Field,
        field: Some(field.into()),
        ours,
        theirs,
        by: Some("Kim".into()),
        by_at: Some(at),
    };
    let removed = Conflict {
        record: RecordKey::release(ReleaseId(2)),
        kind: ConflictKind::Removed,
        field: None,
        ours: serde_json::json!({ "description": "mine" }),
        theirs: serde_json::Value::Null,
        by: None,
        by_at: None,
    };
    // A release made here whose number #1 took first.
    let mine = crate::common::plain(1, "made here, number taken");
    let taken = Conflict {
        record: RecordKey::release(ReleaseId(1)),
        kind: ConflictKind::IdTaken,
        field: None,
        ours: serde_json::Value::Object(release_desk::store::team::change::release_fields(&mine)),
        theirs: serde_json::json!({ "subject": "one" }),
        by: Some("Kim".into()),
        by_at: Some(at),
    };
    let conflicts = [
        taken,
        field(1, "status", serde_json::json!(5), serde_json::json!(2)),
        field(2, "priority", serde_json::json!(4), serde_json::json!(1)),
        removed,
    ];
    store.team_pushed(uuid::Uuid::new_v4(), &conflicts, &Default::default(), at).unwrap();
}

/// A resolve of a conflict picked from all the file keeps (open or not), keeping mine or theirs.
pub fn resolve(model: &Model, kind: u8, which: u8) -> Command {
    let all = model.team_conflicts().unwrap();
    let keep = if kind.is_multiple_of(2) { Keep::Mine } else { Keep::Theirs };
    match all.get(which as usize % all.len().max(1)) {
        Some(conflict) => Command::Team(TeamCommand::resolve(conflict, keep)),
        None => Command::Team(TeamCommand::Resolve {
            conflict: 99,
            record: release_desk::domain::team::RecordKey::release(ReleaseId(1)),
            keep,
        }),
    }
}

/// The kind of a team command, for the coverage check.
pub fn kind(command: &TeamCommand) -> &'static str {
    match command {
        TeamCommand::Resolve { keep: Keep::Mine, .. } => "ResolveConflict keep mine",
        TeamCommand::Resolve { keep: Keep::Theirs, .. } => "ResolveConflict keep theirs",
    }
}
