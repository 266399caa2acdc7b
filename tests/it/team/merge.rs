//! Two clients over one server: different fields of one release merge, the same field is a
//! conflict that keeps both values, offline edits synced in either order end the same on both
//! clients and the server, and a push retried after it landed applies once.

use release_desk::domain::{PlannedWindow, Priority, Release, ReleaseId, ReleaseType, Status};
use release_desk::model::team::{ConflictKind, SyncReport};
use release_desk::model::{Command, Model, NewRelease, ReleaseCommand, ReleaseEdit};
use release_desk::store::team::server::Server;

use super::{client, database, server_releases};

pub fn create(model: &mut Model, subject: &str) -> ReleaseId {
    let start = release_desk::model::system_now() + chrono::Duration::days(1);
    let new = NewRelease {
        subject: subject.into(),
        description: String::new(),
        status: Status::Open,
        priority: Priority::Low,
        release_type: ReleaseType::Standard,
        planned: PlannedWindow { start, end: start + chrono::Duration::hours(2) },
        agent_id: None,
        group_id: None,
        department_id: None,
        category: None,
    };
    model.apply(Command::Release(ReleaseCommand::Create(new))).unwrap().created().unwrap()
}

pub fn edit(model: &mut Model, id: ReleaseId, edit: ReleaseEdit) {
    model.apply(Command::Release(ReleaseCommand::Edit { id, edits: vec![edit] })).unwrap();
}

pub fn sync(model: &mut Model) -> SyncReport {
    model.team_sync(None).unwrap()
}

/// The team's number a sync gave release `id`, made here under a provisional one (`id` itself
/// when the sync gave it none).
pub fn numbered(report: &SyncReport, id: ReleaseId) -> ReleaseId {
    report.numbers.get(&release_desk::model::team::RecordKey::release(id)).map_or(id, |&n| ReleaseId(n))
}

/// Both clients and the server hold the same releases.
pub fn assert_converged(url: &str, clients: &[&Model]) -> Vec<Release> {
    let server = server_releases(url);
    for (i, model) in clients.iter().enumerate() {
        assert_eq!(model.releases(), server.as_slice(), "client {i} differs from the server");
        assert_eq!(
            model.reload_snapshot().unwrap().releases,
            server,
            "client {i}'s file differs from the server"
        );
    }
    server
}

/// A team of two: A made it (with one release), B joined.
pub fn two_clients(dir: &std::path::Path, url: &str) -> (Model, Model, ReleaseId) {
    let mut a = client(dir, "a");
    let id = create(&mut a, "ERP upgrade");
    a.team_init(url, None, "Kim").unwrap();
    let mut b = client(dir, "b");
    let joined = b.team_join(url, None, "Lee").unwrap();
    assert_eq!(joined.pulled, 1);
    assert_eq!(b.release(id).map(|r| r.subject.as_str()), Some("ERP upgrade"));
    (a, b, id)
}

#[test]
fn different_fields_of_one_release_edited_on_two_clients_merge() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, id) = two_clients(dir.path(), &url);
    edit(&mut a, id, ReleaseEdit::Status(Status::InProgress));
    edit(&mut b, id, ReleaseEdit::Priority(Priority::Urgent));
    assert_eq!(sync(&mut a).pushed, 1);
    let report = sync(&mut b);
    assert_eq!((report.pushed, report.conflicts.len()), (1, 0));
    sync(&mut a);
    let server = assert_converged(&url, &[&a, &b]);
    assert_eq!((server[0].status, server[0].priority), (Status::InProgress, Priority::Urgent));
    assert!(a.team_conflicts().unwrap().is_empty() && b.team_conflicts().unwrap().is_empty());
    // The teammate's change is in the log, as a code.
    let log = a.activities_for(id).unwrap();
    assert!(log.iter().any(|r| r.kind == release_desk::domain::ActivityKind::Team && r.actor.is_none()));
}

#[test]
fn the_same_field_changed_on_two_clients_is_a_conflict_that_keeps_both_values() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, id) = two_clients(dir.path(), &url);
    edit(&mut a, id, ReleaseEdit::Status(Status::OnHold));
    edit(&mut b, id, ReleaseEdit::Status(Status::Completed));
    edit(&mut b, id, ReleaseEdit::Subject("ERP upgrade, phase 2".into()));
    sync(&mut a);
    let report = sync(&mut b);
    assert_eq!(report.conflicts.len(), 1, "{report:?}");
    let conflict = &report.conflicts[0];
    assert_eq!((conflict.kind, conflict.field.as_deref()), (ConflictKind::Field, Some("status")));
    assert_eq!(
        (conflict.ours.clone(), conflict.theirs.clone()),
        (serde_json::json!(5), serde_json::json!(2))
    );
    sync(&mut a);
    let server = assert_converged(&url, &[&a, &b]);
    // The first push's value stands, B's other field landed, and B keeps both values.
    assert_eq!(server[0].status, Status::OnHold);
    assert_eq!(server[0].subject, "ERP upgrade, phase 2");
    let kept = b.team_conflicts().unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].conflict, *conflict);
    assert!(kept[0].resolved_at.is_none());
    assert_eq!(b.team_status().unwrap().unwrap().conflicts_open, 1);
}

/// Offline edits on A and B (different fields and one same field, a release created on each),
/// synced `first` then the other, then both again.
fn offline_round(a_first: bool) -> Vec<Release> {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, id) = two_clients(dir.path(), &url);
    edit(&mut a, id, ReleaseEdit::Status(Status::InProgress));
    edit(&mut a, id, ReleaseEdit::Description("cut-over on Saturday".into()));
    edit(&mut b, id, ReleaseEdit::Priority(Priority::High));
    edit(&mut b, id, ReleaseEdit::Category(Some("ERP".into())));
    let on_a = create(&mut a, "Mobile app 2.4");
    edit(&mut a, on_a, ReleaseEdit::Priority(Priority::Medium));
    let (first, second) = if a_first { (&mut a, &mut b) } else { (&mut b, &mut a) };
    sync(first);
    sync(second);
    sync(first);
    let server = assert_converged(&url, &[&a, &b]);
    assert_eq!(a.team_status().unwrap().unwrap().pending, 0);
    server
}

#[test]
fn offline_edits_on_two_clients_synced_in_either_order_end_the_same_everywhere() {
    let a_first = offline_round(true);
    let b_first = offline_round(false);
    // Without conflicts the order does not matter: the same fields end in the same values.
    let fields =
        |r: &Release| (r.subject.clone(), r.status, r.priority, r.description.clone(), r.category.clone());
    assert_eq!(
        a_first.iter().map(fields).collect::<Vec<_>>(),
        b_first.iter().map(fields).collect::<Vec<_>>()
    );
    assert_eq!(a_first.len(), 2);
    assert_eq!(a_first[0].status, Status::InProgress);
    assert_eq!(a_first[0].priority, Priority::High);
}

#[test]
fn a_push_retried_after_it_already_landed_applies_once() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, id) = two_clients(dir.path(), &url);
    edit(&mut a, id, ReleaseEdit::Status(Status::InProgress));
    // The push lands, and the client dies before it clears its outbox row.
    let entry = a.store().team_outbox().unwrap().remove(0);
    let team = a.team().unwrap().clone();
    let mut server = Server::connect(&url, None).unwrap();
    let first = server.push(&entry, &team.author, team.client_id).unwrap();
    assert!(!first.repeated);
    let head = server.head().unwrap();
    // The restarted client pushes it again: the server knows the command and applies nothing.
    let report = sync(&mut a);
    assert_eq!((report.pushed, report.repeated), (1, 1));
    assert_eq!(server.head().unwrap(), head, "no second change was appended");
    let again = server.push(&entry, &team.author, team.client_id).unwrap();
    assert_eq!((again.seq, again.repeated), (first.seq, true));
    sync(&mut b);
    let releases = assert_converged(&url, &[&a, &b]);
    assert_eq!(releases[0].status, Status::InProgress);
}
