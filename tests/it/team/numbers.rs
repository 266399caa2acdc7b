//! Provisional numbers: a release or window made offline in a team's file is "new" (numbered
//! below zero) until its push gives it the team's number; two files making one offline never
//! meet, and what hangs on the release (its notes, its undo steps, later edits) follows it.

use release_desk::domain::{Language, ReleaseId, Status};
use release_desk::i18n;
use release_desk::model::team::RecordKey;
use release_desk::model::{Command, Model, ReleaseEdit, WorkCommand};
use release_desk::store::team::server::Server;

use super::merge::{assert_converged, create, edit, numbered, sync, two_clients};
use super::schedule::{add_window, weekend_night};
use super::{client, database};

fn add_note(model: &mut Model, release: ReleaseId, body: &str) {
    model.apply(Command::Work(WorkCommand::AddNote { release, body: body.into() })).unwrap();
}

#[test]
fn releases_made_offline_on_two_files_get_the_teams_numbers_and_keep_what_hangs_on_them() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, first) = two_clients(dir.path(), &url);
    let on_a = create(&mut a, "Payroll cut-over");
    let on_b = create(&mut b, "VPN firmware update");
    assert!(on_a.0 < 0 && on_b.0 < 0, "{on_a:?} {on_b:?}: new until pushed");
    edit(&mut b, on_b, ReleaseEdit::Description("B's runbook, written offline".into()));
    add_note(&mut b, on_b, "방화벽 작업 승인 받음");
    i18n::set_language(Language::En);
    assert_eq!(i18n::release_number(on_b), "#new-1");
    i18n::set_language(Language::Ko);
    assert_eq!(i18n::release_number(on_b), "#신규-1");
    assert_eq!(i18n::release_number(first), "#1");

    let on_a = numbered(&sync(&mut a), on_a);
    let report = sync(&mut b);
    assert!(report.conflicts.is_empty(), "{report:?}");
    let on_b = numbered(&report, on_b);
    assert_eq!((on_a, on_b), (ReleaseId(2), ReleaseId(3)), "the team's next numbers, in push order");
    let mine = b.release(on_b).unwrap();
    assert_eq!(
        (mine.subject.as_str(), mine.description.as_str()),
        ("VPN firmware update", "B's runbook, written offline")
    );
    assert!(b.release(ReleaseId(-1)).is_none());
    for notes in [b.notes().to_vec(), b.reload_snapshot().unwrap().notes] {
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].release_id, on_b, "the note follows its release, in memory and in the file");
    }
    assert_eq!(b.release(on_a).unwrap().subject, "Payroll cut-over", "A's release came with the pull");
    sync(&mut a);
    assert_eq!(assert_converged(&url, &[&a, &b]).len(), 3);

    // B's undo steps write the release under its team number: the note, the edit, the release.
    b.undo().unwrap();
    assert!(b.notes().is_empty());
    b.undo().unwrap();
    assert_eq!(b.release(on_b).unwrap().description, "");
    b.undo().unwrap();
    assert!(b.release(on_b).is_none());
    sync(&mut b);
    sync(&mut a);
    let server = assert_converged(&url, &[&a, &b]);
    let subjects: Vec<&str> = server.iter().map(|r| r.subject.as_str()).collect();
    assert_eq!(subjects, ["ERP upgrade", "Payroll cut-over"]);
}

#[test]
fn edits_made_before_and_while_a_new_release_is_pushed_land_on_its_team_number() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, _) = two_clients(dir.path(), &url);
    let id = create(&mut a, "Mobile app 5.2");
    edit(&mut a, id, ReleaseEdit::Status(Status::InProgress));
    // The sync's network half runs while one more edit is made here: that edit stays in the
    // outbox and goes under the team's number at the next sync.
    let job = a.team_sync_job(None).unwrap();
    let fetched = job.run();
    edit(&mut a, id, ReleaseEdit::Description("store review passed".into()));
    let report = a.team_sync_finish(fetched).unwrap();
    let id = numbered(&report, id);
    assert!(id.0 > 0);
    assert_eq!(a.team_status().unwrap().unwrap().pending, 1);
    let outbox = a.store().team_outbox().unwrap();
    assert_eq!(outbox[0].changes[0].record(), RecordKey::release(id), "the waiting edit was renumbered");
    sync(&mut a);
    sync(&mut b);
    let server = assert_converged(&url, &[&a, &b]);
    let release = server.iter().find(|r| r.id == id).unwrap();
    assert_eq!((release.status, release.description.as_str()), (Status::InProgress, "store review passed"));
}

#[test]
fn a_push_retried_after_it_landed_hands_back_the_same_numbers() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, _) = two_clients(dir.path(), &url);
    let id = create(&mut a, "Core banking patch");
    let entry = a.store().team_outbox().unwrap().remove(0);
    let client_id = a.team().unwrap().client_id;
    // The push lands, and the client dies before it records that.
    let mut server = Server::connect(&url, None).unwrap();
    let first = server.push(&entry, "Kim", client_id).unwrap();
    let number = first.numbers[&RecordKey::release(id)];
    // The next sync pushes the same command again: it is a repeat with the same number.
    let report = sync(&mut a);
    assert_eq!((report.pushed, report.repeated), (1, 1));
    assert_eq!(numbered(&report, id), ReleaseId(number));
    sync(&mut b);
    let server = assert_converged(&url, &[&a, &b]);
    assert_eq!(server.iter().filter(|r| r.subject == "Core banking patch").count(), 1);
}

#[test]
fn a_provisional_number_is_never_given_twice_even_after_its_record_is_gone() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, _b, _) = two_clients(dir.path(), &url);
    let first = add_window(&mut a, weekend_night("1차"));
    a.apply(Command::Schedule(release_desk::model::ScheduleCommand::DeleteWindow(first))).unwrap();
    let second = add_window(&mut a, weekend_night("2차"));
    assert!(second.0 < first.0, "{first:?} then {second:?}");
    drop(a);
    let mut a = client(dir.path(), "a");
    let third = add_window(&mut a, weekend_night("3차"));
    assert!(third.0 < second.0, "kept in the file: {second:?} then {third:?}");
    let report = a.team_sync(Some(super::PASSWORD)).unwrap();
    assert!(report.conflicts.is_empty(), "{report:?}");
    let numbers: Vec<i64> = report.numbers.values().copied().collect();
    assert_eq!(numbers.len(), 3, "each window made here got a number of its own: {report:?}");
}
