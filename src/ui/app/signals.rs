//! SIGTERM, SIGINT and SIGHUP (a logout, a shutdown, `kill`, Ctrl+C in the terminal that started
//! the window) close the window as File > Quit does: the close request goes through the same
//! unsaved-edits guard, eframe saves the UI state, and `on_exit` checkpoints the file and clears
//! the session marker. Only a real crash (or SIGKILL) leaves "the last session did not close
//! cleanly" for the next start.
//!
//! A signal does not wait on the "discard unsaved edits?" question Quit asks (nobody may be there
//! to answer it, and a logout would hang or kill the window): the flag it sets makes the window
//! stash those drafts for the next start and close (see `recovery`).
//!
//! A signal handler may do almost nothing safely, so none of this runs in one: signal-hook's
//! iterator waits for the signals on a thread of its own and, for each, sets the flag, asks the
//! window to close and wakes its event loop. Unix only; elsewhere the OS closes the window through its own events.

/// Closes the window of `ctx` (as File > Quit, without asking) when the process gets SIGTERM,
/// SIGINT or SIGHUP, setting `terminated` first (the app's `termination_flag`).
#[cfg(unix)]
pub fn close_on_termination_signals(
    ctx: &egui::Context,
    terminated: std::sync::Arc<std::sync::atomic::AtomicBool>,
) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;

    let mut signals = match Signals::new([SIGTERM, SIGINT, SIGHUP]) {
        Ok(signals) => signals,
        Err(err) => {
            log::warn!("termination signals will end the window without closing it: {err}");
            return;
        }
    };
    let ctx = ctx.clone();
    let spawned = std::thread::Builder::new().name("termination-signals".into()).spawn(move || {
        for signal in signals.forever() {
            log::info!("signal {signal}: closing the window as File > Quit does, drafts stashed");
            terminated.store(true, std::sync::atomic::Ordering::SeqCst);
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            ctx.request_repaint();
        }
    });
    if let Err(err) = spawned {
        log::warn!("termination signals will end the window without closing it: {err}");
    }
}

/// Elsewhere the OS closes the window through its own events (the window's close message).
#[cfg(not(unix))]
pub fn close_on_termination_signals(
    _ctx: &egui::Context,
    _terminated: std::sync::Arc<std::sync::atomic::AtomicBool>,
) {
}
