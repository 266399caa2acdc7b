//! Pulling at once while connected (issue 21): a listener on B's team hears A's push within
//! moments (the window then syncs), does not hear B's own pushes, and stops when dropped.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use release_desk::model::ReleaseEdit;

use super::database;
use super::merge::{edit, sync, two_clients};

/// Waits up to `within` for the listener to hear a change.
fn heard_within(listener: &mut release_desk::model::team::ChangeListener, within: Duration) -> bool {
    let start = Instant::now();
    while start.elapsed() < within {
        if listener.heard().unwrap() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

#[test]
fn a_listener_hears_a_teammates_push_and_not_its_own() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, id) = two_clients(dir.path(), &url);
    let wakes = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&wakes);
    let mut listener = b.team_listen(None, move || _ = counted.fetch_add(1, Ordering::SeqCst)).unwrap();
    // The listener's connection is made on its thread: give it a moment before the first push.
    std::thread::sleep(Duration::from_millis(500));

    edit(&mut b, id, ReleaseEdit::Description("B's own".into()));
    sync(&mut b);
    assert!(!heard_within(&mut listener, Duration::from_millis(1500)), "B's own push is not news to B");

    sync(&mut a); // A has B's description first: A's edit is then no conflict.
    assert!(!heard_within(&mut listener, Duration::from_millis(300)), "a pull writes nothing");
    let before = Instant::now();
    edit(&mut a, id, ReleaseEdit::Description("from A".into()));
    sync(&mut a);
    assert!(heard_within(&mut listener, Duration::from_secs(5)), "B hears A's push");
    eprintln!("heard A's push {} ms after it began", before.elapsed().as_millis());
    assert!(wakes.load(Ordering::SeqCst) >= 1, "the window is woken");
    assert_eq!(sync(&mut b).pulled, 1);
    assert_eq!(b.release(id).unwrap().description, "from A");
    assert!(!listener.has_ended());
    drop(listener);
    // The suite's server has no TLS: the sync says its connection was plain.
    let fetched = b.team_sync_job(None).unwrap().run();
    assert_eq!(fetched.encrypted(), Some(false));
    b.team_sync_finish(fetched).unwrap();
}
