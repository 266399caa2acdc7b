//! Undo after a pull: a local step whose release a teammate changed since is refused (and
//! dropped) rather than overwriting their edit; a step a pull did not touch still undoes, and the
//! undo is pushed like any command.

use release_desk::domain::{Priority, Status};
use release_desk::i18n;
use release_desk::model::CommandError;
use release_desk::model::ReleaseEdit;

use super::merge::{assert_converged, create, edit, sync, two_clients};
use super::{database, server_releases};

#[test]
fn undo_of_a_step_whose_release_a_pull_changed_is_refused_and_others_still_undo() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, id) = two_clients(dir.path(), &url);
    let other = create(&mut a, "Security patch");
    edit(&mut a, other, ReleaseEdit::Priority(Priority::Urgent));
    edit(&mut a, id, ReleaseEdit::Status(Status::InProgress));
    assert!(other.0 < 0, "a release made in a team's file is new until its push");
    let other = super::merge::numbered(&sync(&mut a), other);
    assert!(other.0 > 0);
    sync(&mut b);
    // B changes another field of the release A's last step edited; A pulls it.
    edit(&mut b, id, ReleaseEdit::Priority(Priority::High));
    sync(&mut b);
    assert_eq!(sync(&mut a).pulled, 1);
    let refused = a.undo().unwrap_err();
    assert!(matches!(&refused, CommandError::OvertakenByTeam(ids) if ids == &[id]), "{refused:?}");
    i18n::set_language(release_desk::domain::Language::En);
    let words = i18n::command_error(&refused);
    assert!(words.contains(&format!("#{}", id.0)) && words.contains("overwrite"), "{words}");
    // B's priority still stands; A's status too (the undo wrote nothing).
    assert_eq!(a.release(id).map(|r| (r.status, r.priority)), Some((Status::InProgress, Priority::High)));
    assert_eq!(a.store().team_outbox().unwrap().len(), 0);
    // The step below it (another release, untouched by the pull) undoes and is pushed.
    a.undo().unwrap();
    assert_eq!(a.release(other).map(|r| r.priority), Some(Priority::Low));
    sync(&mut a);
    sync(&mut b);
    assert_converged(&url, &[&a, &b]);
    let on_server = server_releases(&url);
    assert_eq!(on_server.iter().find(|r| r.id == other).map(|r| r.priority), Some(Priority::Low));
    assert_eq!(on_server.iter().find(|r| r.id == id).map(|r| r.priority), Some(Priority::High));
}

#[test]
fn a_clients_own_change_coming_back_in_a_pull_does_not_block_its_undo() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, id) = two_clients(dir.path(), &url);
    edit(&mut a, id, ReleaseEdit::Status(Status::OnHold));
    sync(&mut a);
    a.undo().unwrap();
    assert_eq!(a.release(id).map(|r| r.status), Some(Status::Open));
    sync(&mut a);
    sync(&mut b);
    let releases = assert_converged(&url, &[&a, &b]);
    assert_eq!(releases[0].status, Status::Open);
}

#[test]
fn an_edit_made_while_a_sync_runs_stays_and_still_undoes() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, id) = two_clients(dir.path(), &url);
    edit(&mut a, id, ReleaseEdit::Status(Status::InProgress));
    // The window's sync: the job is taken, then the user changes the same release again before
    // the job (on another thread) comes back with the echo of the first edit.
    let job = a.team_sync_job(None).unwrap();
    edit(&mut a, id, ReleaseEdit::Status(Status::OnHold));
    let fetched = job.run();
    let report = a.team_sync_finish(fetched).unwrap();
    assert_eq!(report.pushed, 1);
    // The newer edit is still what the window and the file show, and it is still pending.
    assert_eq!(a.release(id).map(|r| r.status), Some(Status::OnHold));
    assert_eq!(
        a.reload_snapshot().unwrap().releases.iter().find(|r| r.id == id).map(|r| r.status),
        Some(Status::OnHold)
    );
    assert_eq!(a.store().team_outbox().unwrap().len(), 1);
    // Its undo is not refused as overtaken by the client's own echo.
    a.undo().unwrap();
    assert_eq!(a.release(id).map(|r| r.status), Some(Status::InProgress));
    a.redo().unwrap();
    sync(&mut a);
    sync(&mut b);
    let releases = assert_converged(&url, &[&a, &b]);
    assert_eq!(releases.iter().find(|r| r.id == id).map(|r| r.status), Some(Status::OnHold));
}
