//! A normal exit is not a crash (issue 13, item 3): the real window, run under Xvfb, closes on
//! SIGTERM, SIGINT and SIGHUP as File > Quit does (exit 0, the session marker cleared, the UI
//! state saved), so the next start shows no "did not close cleanly" notice; SIGKILL, a real
//! crash, still leaves the marker for the next start to find. A signal never waits on the
//! "discard unsaved edits?" question: a New release draft typed into the window (by xdotool) is
//! stashed in recovery.json beside the UI state and the window still exits at once.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command as Process, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::common::{model_with, plain, temp_db};
use release_desk::model::session;
use rustix::process::{Pid, Signal, kill_process};

/// A private X server (Xvfb, from the package xvfb) on a display it picks itself.
struct Xvfb {
    server: Child,
    display: String,
}

impl Xvfb {
    fn start() -> Self {
        let mut server = Process::new("Xvfb")
            .args(["-displayfd", "1", "-screen", "0", "1280x720x24", "-nolisten", "tcp"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|err| panic!("Xvfb runs (the package xvfb; .ci/run installs it): {err}"));
        // Xvfb writes the display's number and a newline once it accepts connections.
        let mut out = server.stdout.take().unwrap();
        let mut number = String::new();
        let mut byte = [0u8; 1];
        while out.read(&mut byte).unwrap() == 1 && byte[0] != b'\n' {
            number.push(char::from(byte[0]));
        }
        assert!(!number.is_empty(), "Xvfb said which display it took");
        Self { server, display: format!(":{}", number.trim()) }
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        self.server.kill().ok();
        self.server.wait().ok();
    }
}

fn marker_set(db: &Path) -> bool {
    let conn = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    conn.query_row("SELECT value FROM meta WHERE key = 'session_open'", [], |r| r.get::<_, i64>(0))
        .is_ok_and(|v| v != 0)
}

/// Starts the window on `db` (its UI state kept under `data`) and waits until it has opened the
/// file (the marker is set) and drawn a few frames.
fn start_window(x: &Xvfb, db: &Path, data: &Path) -> Child {
    let window = Process::new(env!("CARGO_BIN_EXE_release-desk"))
        .args(["--lang", "en", "--db"])
        .arg(db)
        .env("DISPLAY", &x.display)
        .env_remove("WAYLAND_DISPLAY")
        .env("XDG_DATA_HOME", data)
        .env("XDG_CONFIG_HOME", data)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !marker_set(db) {
        assert!(Instant::now() < deadline, "the window opened the file within a minute");
        std::thread::sleep(Duration::from_millis(100));
    }
    // The file is open; give the event loop time to show the window.
    std::thread::sleep(Duration::from_secs(2));
    window
}

fn wait_exit(window: &mut Child) -> ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Some(status) = window.try_wait().unwrap() {
            return status;
        }
        if Instant::now() > deadline {
            window.kill().ok();
            panic!("the window did not close within 30 s of the signal");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn fresh_db() -> (tempfile::TempDir, PathBuf) {
    let (dir, db) = temp_db();
    drop(model_with(&db, vec![plain(1, "ERP rollout")]).close());
    assert!(!marker_set(&db), "the test starts from a cleanly closed file");
    (dir, db)
}

#[test]
fn sigterm_sigint_and_sighup_close_the_window_as_quit_does() {
    let x = Xvfb::start();
    for signal in [Signal::TERM, Signal::INT, Signal::HUP] {
        let (dir, db) = fresh_db();
        let data = dir.path().join("xdg");
        let mut window = start_window(&x, &db, &data);
        kill_process(Pid::from_child(&window), signal).unwrap();
        let status = wait_exit(&mut window);
        assert!(status.success(), "{signal:?}: the window exits as after Quit, not killed: {status}");
        assert!(!marker_set(&db), "{signal:?}: the session marker is cleared");
        let ui_state = data.join("release-desk").join("app.ron");
        let saved = std::fs::read_to_string(&ui_state).unwrap_or_default();
        assert!(saved.contains("ui_states"), "{signal:?}: the UI state was saved in {}", ui_state.display());
        let next = session::open(&db).unwrap();
        assert!(
            !session::open_report(&next).unclean_shutdown,
            "{signal:?}: the next start shows no crash notice"
        );
    }
}

/// Runs xdotool on the private display (the package xdotool; .ci/run installs it).
fn xdotool(x: &Xvfb, args: &[&str]) {
    let status = Process::new("xdotool")
        .args(args)
        .env("DISPLAY", &x.display)
        .status()
        .unwrap_or_else(|err| panic!("xdotool runs (the package xdotool; .ci/run installs it): {err}"));
    assert!(status.success(), "xdotool {args:?}: {status}");
}

#[test]
fn a_signal_with_an_unsaved_draft_closes_at_once_and_stashes_it() {
    let x = Xvfb::start();
    let (dir, db) = fresh_db();
    let data = dir.path().join("xdg");
    let mut window = start_window(&x, &db, &data);
    // No window manager: focus the window first, or the keys go nowhere. Only once it is mapped
    // (`--onlyvisible`): a window found before that refuses the focus with an X error (BadMatch),
    // which a loaded machine showed.
    xdotool(&x, &["search", "--sync", "--onlyvisible", "--name", "Release Desk", "windowfocus", "--sync"]);
    xdotool(&x, &["key", "ctrl+n"]);
    std::thread::sleep(Duration::from_secs(1));
    xdotool(&x, &["type", "--delay", "50", "night rehearsal"]);
    std::thread::sleep(Duration::from_secs(1));
    kill_process(Pid::from_child(&window), Signal::TERM).unwrap();
    let status = wait_exit(&mut window);
    assert!(status.success(), "the window exits without asking: {status}");
    assert!(!marker_set(&db), "the session marker is cleared");
    let recovery = data.join("release-desk").join("recovery.json");
    let stashed = std::fs::read_to_string(&recovery).unwrap_or_default();
    assert!(
        stashed.contains("night rehearsal"),
        "the draft was stashed in {}: {stashed}",
        recovery.display()
    );
}

#[test]
fn a_real_crash_still_leaves_the_marker_for_the_next_start() {
    let x = Xvfb::start();
    let (dir, db) = fresh_db();
    let mut window = start_window(&x, &db, &dir.path().join("xdg"));
    kill_process(Pid::from_child(&window), Signal::KILL).unwrap();
    let status = wait_exit(&mut window);
    assert!(!status.success(), "SIGKILL ends the process: {status}");
    assert!(marker_set(&db), "a crash leaves the marker");
    let next = session::open(&db).unwrap();
    assert!(session::open_report(&next).unclean_shutdown, "the next start says it did not close cleanly");
}
