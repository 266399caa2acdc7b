//! The server restarted in the middle of a sync (issue 21): the sync fails with a reason in
//! words, nothing is lost from the outbox and nothing lands twice, and the next sync completes.
//! It runs on a PostgreSQL of its own, since it stops the server.

use release_desk::domain::Status;
use release_desk::model::ReleaseEdit;

use super::cluster::OwnCluster;
use super::merge::{assert_converged, create, edit, sync};
use super::{client, server_changes};

/// The advisory lock every push takes (`store::team::server`): held here, a push waits on it.
const PUSH_LOCK: i64 = 0x524C_444B_0015;

#[test]
fn a_sync_cut_by_a_server_restart_fails_clearly_loses_nothing_and_the_next_one_completes() {
    let cluster = OwnCluster::start();
    let url = cluster.database();
    let dir = tempfile::tempdir().unwrap();
    let mut a = client(dir.path(), "a");
    let id = create(&mut a, "ERP upgrade");
    a.team_init(&url, None, "Kim").unwrap();
    let mut b = client(dir.path(), "b");
    b.team_join(&url, None, "Lee").unwrap();
    for n in 0..5 {
        edit(&mut a, id, ReleaseEdit::Description(format!("step {n}")));
    }
    edit(&mut a, id, ReleaseEdit::Status(Status::InProgress));
    assert_eq!(a.team_status().unwrap().unwrap().pending, 6);
    let before = server_changes(&url);

    // A teammate's push holds the lock: A's sync connects, then waits on its first push...
    let mut holder = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    holder.execute("SELECT pg_advisory_lock($1)", &[&PUSH_LOCK]).unwrap();
    let job = a.team_sync_job(None).unwrap();
    let running = std::thread::Builder::new().name("team-sync".into()).spawn(move || job.run()).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(800));
    assert!(!running.is_finished(), "the sync waits on the held lock");
    // ...when the server restarts: every connection is cut.
    cluster.stop();
    let fetched = running.join().unwrap();
    let err = a.team_sync_finish(fetched).unwrap_err();
    release_desk::i18n::set_language(release_desk::domain::Language::En);
    let words = release_desk::i18n::team_error(&err);
    assert!(words.starts_with("The team server refused the operation:"), "{words}");
    assert_eq!(a.team_status().unwrap().unwrap().pending, 6, "nothing left the outbox");
    // While it is down, a sync says it cannot reach it.
    let down = a.team_sync(None).unwrap_err();
    assert!(release_desk::i18n::team_error(&down).contains("could not be reached"), "{down:?}");
    drop(holder);

    cluster.start_again();
    assert_eq!(server_changes(&url), before, "nothing landed meanwhile");
    let report = sync(&mut a);
    assert_eq!((report.pushed, report.repeated, report.conflicts.len()), (6, 0, 0));
    sync(&mut b);
    let server = assert_converged(&url, &[&a, &b]);
    assert_eq!((server[0].status, server[0].description.as_str()), (Status::InProgress, "step 4"));
    assert_eq!(server_changes(&url), before + 6, "each command once");
}

#[test]
fn a_session_times_out_held_locks_and_abandoned_transactions_unless_the_url_sets_options() {
    let url = super::cluster::database();
    let mut server = release_desk::store::team::server::Server::connect(&url, None).unwrap();
    assert_eq!(server.session_setting("lock_timeout").unwrap(), "30s");
    assert_eq!(server.session_setting("idle_in_transaction_session_timeout").unwrap(), "1min");
    assert_eq!(server.session_setting("application_name").unwrap(), "release-desk");
    // Options the URL gives are the user's: kept as they are.
    let own = format!("{url}{}options=-c%20lock_timeout%3D5s", if url.contains('?') { '&' } else { '?' });
    let mut server = release_desk::store::team::server::Server::connect(&own, None).unwrap();
    assert_eq!(server.session_setting("lock_timeout").unwrap(), "5s");
}
