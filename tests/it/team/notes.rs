//! Notes on releases are shared: a note written on one file appears on the other, an edit of it
//! travels, two notes written offline on one release both stand (each under a number of its
//! own), and a note on a release made offline names the release's team number everywhere.

use release_desk::domain::{Note, ReleaseId};
use release_desk::model::team::{ConflictKind, Keep, RecordKey, TeamCommand};
use release_desk::model::{BulkAction, Command, CommandError, Model, WorkCommand};

use super::merge::{create, numbered, sync, two_clients};
use super::{database, server_records};

fn add_note(model: &mut Model, release: ReleaseId, body: &str) -> release_desk::domain::NoteId {
    let before: Vec<_> = model.notes().iter().map(|n| n.id).collect();
    model.apply(Command::Work(WorkCommand::AddNote { release, body: body.into() })).unwrap();
    model.notes().iter().map(|n| n.id).find(|id| !before.contains(id)).unwrap()
}

/// Every file (memory and file) holds the notes the server holds.
pub fn assert_notes_converged(url: &str, clients: &[&Model]) -> Vec<Note> {
    let server: Vec<Note> = server_records(url, release_desk::model::team::RecordKind::Note)
        .into_iter()
        .map(|data| serde_json::from_value(serde_json::Value::Object(data)).unwrap())
        .collect();
    for (i, model) in clients.iter().enumerate() {
        assert_eq!(model.notes(), server.as_slice(), "client {i}'s notes differ from the server");
        assert_eq!(model.reload_snapshot().unwrap().notes, server, "client {i}'s file differs");
    }
    server
}

#[test]
fn a_note_written_on_one_file_appears_on_the_other_and_so_does_its_edit() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, id) = two_clients(dir.path(), &url);
    let note = add_note(&mut a, id, "방화벽 작업 승인 받음");
    assert!(note.0 < 0, "new until pushed");
    let note = release_desk::domain::NoteId(sync(&mut a).numbers[&RecordKey::note(note)]);
    assert_eq!(sync(&mut b).pulled, 1);
    assert_eq!(
        b.notes_for(id).iter().map(|n| n.body.as_str()).collect::<Vec<_>>(),
        ["방화벽 작업 승인 받음"]
    );
    b.apply(Command::Work(WorkCommand::EditNote {
        id: note,
        body: "방화벽 작업 승인 받음 (보안팀 김과장)".into(),
    }))
    .unwrap();
    sync(&mut b);
    sync(&mut a);
    let notes = assert_notes_converged(&url, &[&a, &b]);
    assert_eq!(notes[0].body, "방화벽 작업 승인 받음 (보안팀 김과장)");
    // A's step that wrote the note cannot be undone over B's edit.
    let refused = a.undo().unwrap_err();
    assert!(matches!(refused, CommandError::ScheduleOvertakenByTeam), "{refused:?}");
}

#[test]
fn notes_written_offline_on_both_files_both_stand_and_follow_a_new_release_to_its_number() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, id) = two_clients(dir.path(), &url);
    add_note(&mut a, id, "A: 롤백 리허설 완료");
    add_note(&mut b, id, "B: 고객 공지 발송");
    // B also makes a release offline and writes on it before any push.
    let new = create(&mut b, "VPN 방화벽 펌웨어 업데이트");
    add_note(&mut b, new, "B: 장비 벤더 지원 확정");
    sync(&mut a);
    let report = sync(&mut b);
    assert!(report.conflicts.is_empty(), "{report:?}");
    let new = numbered(&report, new);
    assert!(new.0 > 0);
    sync(&mut a);
    let notes = assert_notes_converged(&url, &[&a, &b]);
    let mut bodies: Vec<(&str, ReleaseId)> = notes.iter().map(|n| (n.body.as_str(), n.release_id)).collect();
    bodies.sort();
    assert_eq!(
        bodies,
        [("A: 롤백 리허설 완료", id), ("B: 고객 공지 발송", id), ("B: 장비 벤더 지원 확정", new)]
    );
    assert_eq!(a.notes_for(new).len(), 1, "the note names the release by its team number on A too");
    // Deleting the note on A removes it everywhere.
    let gone = a.notes_for(new)[0].id;
    a.apply(Command::Work(WorkCommand::DeleteNote(gone))).unwrap();
    sync(&mut a);
    sync(&mut b);
    assert_eq!(assert_notes_converged(&url, &[&a, &b]).len(), 2);
}

fn trash_and_purge(model: &mut Model, id: ReleaseId) {
    for action in [BulkAction::Trash, BulkAction::Purge] {
        model.apply(Command::Bulk { ids: vec![id], action }).unwrap();
    }
}

#[test]
fn a_release_deleted_for_good_takes_its_notes_with_it_on_every_file_even_those_written_elsewhere() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, id) = two_clients(dir.path(), &url);
    // B's note reaches the server; A, not synced since, deletes the release for good: the server
    // removes the note A never saw with it.
    add_note(&mut b, id, "B: 고객 공지 발송");
    sync(&mut b);
    trash_and_purge(&mut a, id);
    let report = sync(&mut a);
    assert!(report.conflicts.is_empty(), "{report:?}");
    sync(&mut b);
    assert!(b.release(id).is_none());
    assert!(assert_notes_converged(&url, &[&a, &b]).is_empty());
}

#[test]
fn a_note_written_offline_on_a_release_a_teammate_deleted_is_kept_as_a_conflict() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, id) = two_clients(dir.path(), &url);
    trash_and_purge(&mut a, id);
    sync(&mut a);
    add_note(&mut b, id, "B: 오프라인에서 쓴 메모");
    let report = sync(&mut b);
    assert_eq!(report.conflicts.len(), 1, "{report:?}");
    assert_eq!(report.conflicts[0].kind, ConflictKind::Removed);
    assert_eq!(
        report.conflicts[0].ours["body"], "B: 오프라인에서 쓴 메모",
        "the text is kept in the conflict"
    );
    assert!(
        b.release(id).is_none() && b.notes().is_empty(),
        "the pull took the release and its note out here"
    );
    // Only the team's side can be kept (the release is gone); the text stays in the conflict.
    let conflict = b.open_team_conflicts()[0].clone();
    assert!(!conflict.can_keep_mine());
    let refused = b.apply(Command::Team(TeamCommand::resolve(&conflict, Keep::Mine))).unwrap_err();
    assert!(matches!(refused, CommandError::CannotKeepMine(_)), "{refused:?}");
    sync(&mut a);
    assert!(assert_notes_converged(&url, &[&a, &b]).is_empty());
}

#[test]
fn one_note_edited_on_both_files_is_a_conflict_with_both_texts_and_keep_mine_writes_mine() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, id) = two_clients(dir.path(), &url);
    let note = add_note(&mut a, id, "배포 전 확인");
    let note = release_desk::domain::NoteId(sync(&mut a).numbers[&RecordKey::note(note)]);
    sync(&mut b);
    let edit = |model: &mut Model, body: &str| {
        model.apply(Command::Work(WorkCommand::EditNote { id: note, body: body.into() })).unwrap();
    };
    edit(&mut a, "배포 전 확인: DBA 대기");
    edit(&mut b, "배포 전 확인: 네트워크팀 대기");
    sync(&mut a);
    let report = sync(&mut b);
    assert_eq!(report.conflicts.len(), 1, "{report:?}");
    assert_eq!(report.conflicts[0].field.as_deref(), Some("body"));
    let conflict = b.open_team_conflicts()[0].clone();
    let (mine, theirs) = b.team_conflict_sides(&conflict).unwrap();
    assert_eq!(
        (mine, theirs),
        (
            release_desk::domain::Value::text("배포 전 확인: 네트워크팀 대기"),
            release_desk::domain::Value::text("배포 전 확인: DBA 대기")
        )
    );
    b.apply(Command::Team(TeamCommand::resolve(&conflict, Keep::Mine))).unwrap();
    sync(&mut b);
    sync(&mut a);
    let notes = assert_notes_converged(&url, &[&a, &b]);
    assert_eq!(notes[0].body, "배포 전 확인: 네트워크팀 대기");
}

/// A note of the file's own from before notes were shared (the demo data's, written by an
/// earlier build), put straight into the file as that build left it.
fn note_from_an_earlier_build(dir: &std::path::Path, release: ReleaseId) {
    let mut store = release_desk::store::Store::open(&dir.join("a.sqlite3")).unwrap();
    let old = Note {
        id: release_desk::domain::NoteId(1),
        release_id: release,
        body: "이 빌드 전에 쓴 메모".into(),
        author: None,
        created_at: release_desk::model::system_now(),
        updated_at: release_desk::model::system_now(),
    };
    store.commit(&[release_desk::store::Mutation::PutNote(old)], &[]).unwrap();
}

/// A team of two where A's file holds a note from an earlier build, never seen by the team
/// (A reopened): A, B and the release.
fn team_with_an_old_note(dir: &std::path::Path, url: &str) -> (Model, Model, ReleaseId) {
    let (a, b, id) = two_clients(dir, url);
    drop(a.close());
    note_from_an_earlier_build(dir, id);
    (super::client(dir, "a"), b, id)
}

/// A file that already held notes of its own when the team began to share notes: its next sync
/// shares them too (as new notes, each given a team number), beside one written now.
#[test]
fn notes_a_file_held_before_notes_were_shared_are_shared_at_its_next_sync() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, id) = team_with_an_old_note(dir.path(), &url);
    add_note(&mut a, id, "새 메모");
    let report = a.team_sync(Some(super::PASSWORD)).unwrap();
    assert!(report.conflicts.is_empty(), "{report:?}");
    assert_eq!(report.numbers.len(), 2, "{report:?}");
    sync(&mut b);
    let mut bodies: Vec<String> =
        assert_notes_converged(&url, &[&a, &b]).into_iter().map(|n| n.body).collect();
    bodies.sort();
    assert_eq!(bodies, ["새 메모", "이 빌드 전에 쓴 메모"]);
}

/// The same file, stuck by an earlier build: its push already landed under number 1, which one
/// of its own notes from before holds. The sync goes through (that note moves aside and is
/// shared under a number of its own) instead of failing on every try.
#[test]
fn a_number_already_given_that_one_of_the_files_own_notes_holds_does_not_stop_the_sync() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, id) = team_with_an_old_note(dir.path(), &url);
    add_note(&mut a, id, "새 메모");
    // Pushed as the earlier build did (no floor, the old note not shared): number 1.
    let entry = a.store().team_outbox().unwrap().remove(0);
    let mut server = release_desk::store::team::server::Server::connect(&url, None).unwrap();
    let pushed = server.push(&entry, "Kim", a.team().unwrap().client_id).unwrap();
    assert_eq!(pushed.numbers.values().copied().collect::<Vec<_>>(), [1]);
    let report = a.team_sync(Some(super::PASSWORD)).unwrap();
    assert_eq!((report.pushed, report.repeated), (2, 1), "{report:?}");
    assert_eq!(a.note(release_desk::domain::NoteId(1)).unwrap().body, "새 메모");
    sync(&mut b);
    let notes = assert_notes_converged(&url, &[&a, &b]);
    assert_eq!(notes.len(), 2);
    assert!(notes[1].id.0 > 1 && notes[1].body == "이 빌드 전에 쓴 메모", "{notes:?}");
}
