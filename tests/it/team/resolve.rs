//! Resolving a conflict (issue 21): "keep mine" writes this file's value as a normal change (undoable,
//! pushed on the next sync, so every file ends with it), "keep theirs" only marks it resolved;
//! both are refused for a conflict that is not open, and "keep mine" for a release the server
//! removed; a release whose number a teammate took comes back under a new one.
//! The CLI lists the conflicts (who wrote the team's value, and when) and resolves one.

use release_desk::domain::{ReleaseId, Status};
use release_desk::model::team::{Keep, StoredConflict, TeamCommand};
use release_desk::model::{Command, CommandError, Model, ReleaseEdit};

use super::merge::{assert_converged, edit, sync, two_clients};
use super::{PASSWORD, database};

/// A and B both changed the status of `id`; A's push landed first, so B keeps a conflict.
fn conflicted(dir: &std::path::Path, url: &str) -> (Model, Model, ReleaseId, StoredConflict) {
    let (mut a, mut b, id) = two_clients(dir, url);
    edit(&mut a, id, ReleaseEdit::Status(Status::OnHold));
    edit(&mut b, id, ReleaseEdit::Status(Status::Completed));
    sync(&mut a);
    assert_eq!(sync(&mut b).conflicts.len(), 1);
    let open: Vec<StoredConflict> = b.open_team_conflicts().into_iter().cloned().collect();
    assert_eq!(open.len(), 1);
    assert_eq!(b.release(id).unwrap().status, Status::OnHold, "the team's value stands here too");
    (a, b, id, open[0].clone())
}

fn resolve(model: &mut Model, conflict: &StoredConflict, keep: Keep) -> Result<bool, CommandError> {
    model.apply(Command::Team(TeamCommand::resolve(conflict, keep))).map(|applied| applied.changed())
}

#[test]
fn keep_mine_writes_my_value_pushes_it_and_every_file_ends_with_it() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, id, conflict) = conflicted(dir.path(), &url);
    // Who wrote the value that stands, and when.
    assert_eq!(conflict.conflict.by.as_deref(), Some("Kim"));
    assert!(conflict.conflict.by_at.is_some());
    assert!(resolve(&mut b, &conflict, Keep::Mine).unwrap());
    assert_eq!(b.release(id).unwrap().status, Status::Completed);
    assert!(b.open_team_conflicts().is_empty());
    assert_eq!(b.team_status().unwrap().unwrap().pending, 1, "pushed on the next sync");
    // Settled once: a second choice is refused.
    let again = resolve(&mut b, &conflict, Keep::Theirs).unwrap_err();
    assert!(matches!(again, CommandError::NoSuchConflict(n) if n == conflict.id), "{again:?}");
    let pushed = sync(&mut b);
    assert_eq!((pushed.pushed, pushed.conflicts.len()), (1, 0));
    sync(&mut a);
    let server = assert_converged(&url, &[&a, &b]);
    assert_eq!(server[0].status, Status::Completed);
}

#[test]
fn keep_theirs_only_marks_it_resolved_and_undo_of_keep_mine_reopens_it() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (_a, mut b, id, conflict) = conflicted(dir.path(), &url);
    let before = b.release(id).unwrap().clone();
    let pending = b.team_status().unwrap().unwrap().pending;
    resolve(&mut b, &conflict, Keep::Theirs).unwrap();
    assert_eq!(b.release(id), Some(&before));
    assert_eq!(b.team_status().unwrap().unwrap().pending, pending, "nothing to push");
    assert!(b.open_team_conflicts().is_empty());
    // Undo takes the choice back: the conflict is open again, in memory and in the file.
    b.undo().unwrap();
    assert_eq!(b.open_team_conflicts().len(), 1);
    resolve(&mut b, &conflict, Keep::Mine).unwrap();
    assert_eq!(b.release(id).unwrap().status, Status::Completed);
    b.undo().unwrap();
    assert_eq!(b.release(id).unwrap().status, Status::OnHold);
    assert_eq!(b.open_team_conflicts().len(), 1);
    let reopened = b.reload_snapshot().unwrap();
    assert_eq!(reopened.releases[0].status, Status::OnHold);
    let path = release_desk::model::session::path(&b).to_owned();
    drop(b);
    let b = Model::open(&path).unwrap();
    assert_eq!(b.open_team_conflicts().len(), 1, "the file has it open again too");
}

#[test]
fn keep_mine_of_a_release_the_server_removed_is_refused_and_keep_theirs_settles_it() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, id) = two_clients(dir.path(), &url);
    // A purges the release; B, offline, edits it: the server no longer has it.
    a.apply(Command::Bulk { ids: vec![id], action: release_desk::model::BulkAction::Trash }).unwrap();
    a.apply(Command::Bulk { ids: vec![id], action: release_desk::model::BulkAction::Purge }).unwrap();
    sync(&mut a);
    edit(&mut b, id, ReleaseEdit::Description("rollback rehearsed".into()));
    let report = sync(&mut b);
    assert_eq!(report.conflicts.len(), 1, "{report:?}");
    let conflict = b.open_team_conflicts()[0].clone();
    assert!(!conflict.can_keep_mine());
    let refused = resolve(&mut b, &conflict, Keep::Mine).unwrap_err();
    assert!(matches!(refused, CommandError::CannotKeepMine(n) if n == conflict.id), "{refused:?}");
    resolve(&mut b, &conflict, Keep::Theirs).unwrap();
    assert!(b.open_team_conflicts().is_empty());
}

fn cli(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_release-desk"))
        .arg("--db")
        .arg(db)
        .args(["--lang", "en", "team"])
        .args(args)
        .env("PGPASSWORD", PASSWORD)
        .env("RELEASE_DESK_KEYRING", "off")
        .output()
        .unwrap()
}

#[test]
fn team_conflicts_lists_them_and_team_resolve_settles_one() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (a, b, id, conflict) = conflicted(dir.path(), &url);
    let path = release_desk::model::session::path(&b).to_owned();
    drop((a, b));
    let out = cli(&path, &["conflicts", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list:#}");
    let row = &list[0];
    assert_eq!(row["id"], conflict.id);
    assert_eq!(row["release"], id.0);
    assert_eq!((row["field"].as_str(), row["by"].as_str()), (Some("status"), Some("Kim")));
    assert_eq!(row["can_keep_mine"], true);
    let table = cli(&path, &["conflicts"]);
    let words = String::from_utf8_lossy(&table.stdout);
    assert!(words.contains(&format!("[{}]", conflict.id)) && words.contains("status"), "{words}");

    let refused = cli(&path, &["resolve", "999", "--keep", "mine"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("no open team conflict 999"));
    let id_text = conflict.id.to_string();
    let done = cli(&path, &["resolve", &id_text, "--keep", "mine"]);
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    let words = String::from_utf8_lossy(&done.stdout);
    assert!(words.contains("Kept my value") && words.contains(&format!("#{}", id.0)), "{words}");
    let none = cli(&path, &["conflicts"]);
    assert!(String::from_utf8_lossy(&none.stdout).contains("No conflicts are waiting"));
    let model = Model::open(&path).unwrap();
    assert_eq!(model.release(id).unwrap().status, Status::Completed);
    assert_eq!(model.team_status().unwrap().unwrap().pending, 1);
}

/// A team of two, and a third file with a release of its own numbered 1 (made before it was
/// in any team) that runs `team init` on the same server instead of joining: the team's release
/// 1 holds that number. Returned: A, the third file, the number.
fn one_number_made_twice(dir: &std::path::Path, url: &str) -> (Model, Model, ReleaseId) {
    let (a, _, id) = two_clients(dir, url);
    let mut c = super::client(dir, "c");
    let on_c = super::merge::create(&mut c, "VPN firmware update");
    assert_eq!(on_c, id);
    (a, c, on_c)
}

#[test]
fn keep_mine_of_a_release_whose_number_a_teammate_took_adds_it_again_under_a_new_number() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, on_b) = one_number_made_twice(dir.path(), &url);
    let report = b.team_init(&url, None, "Park").unwrap();
    assert_eq!(report.conflicts.len(), 1, "{report:?}");
    // B now holds the team's release under that number; its own is in the conflict.
    assert_eq!(b.release(on_b).unwrap().subject, "ERP upgrade");
    let conflict = b.open_team_conflicts()[0].clone();
    assert!(conflict.can_keep_mine() && conflict.keeps_mine_as_new());
    let applied = b.apply(Command::Team(TeamCommand::resolve(&conflict, Keep::Mine))).unwrap();
    let again = applied.created().unwrap();
    assert!(again.0 < 0, "made again in a team's file: new until pushed");
    assert_eq!(b.release(again).unwrap().subject, "VPN firmware update");
    let again = super::merge::numbered(&sync(&mut b), again);
    assert!(again.0 > on_b.0);
    sync(&mut a);
    let server = assert_converged(&url, &[&a, &b]);
    let subjects: Vec<&str> = server.iter().map(|r| r.subject.as_str()).collect();
    assert!(subjects.contains(&"ERP upgrade") && subjects.contains(&"VPN firmware update"), "{subjects:?}");
    // Undo takes my copy back (under its team number) and opens the conflict again.
    b.undo().unwrap();
    assert!(b.release(again).is_none());
    assert_eq!(b.open_team_conflicts().len(), 1);
}
