//! How long the window took to show its first frame: the launch instant is marked first thing in
//! `main`, and the first frame's time is logged once it has been painted. With
//! `RELEASE_DESK_STARTUP_REPORT=1` the window also prints `startup: first frame N ms` on stderr
//! (and, where the system tells, `startup: resident memory N MiB (peak M MiB)`) and closes itself
//! (`benches/startup.rs` runs it so, against the release and `dist` builds).

use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The environment variable that makes the window report its first frame and close.
pub const REPORT_VAR: &str = "RELEASE_DESK_STARTUP_REPORT";

static LAUNCHED: OnceLock<Instant> = OnceLock::new();

/// Marks now as the process's launch (the first call wins).
pub fn mark_launch() {
    LAUNCHED.get_or_init(Instant::now);
}

/// The first frame's progress: `ui` runs for frame 1, the frame is painted and presented, and the
/// next `ui` call is the first after it, where the time is read.
#[derive(Default)]
pub(super) struct FirstFrame {
    frames: u8,
    reported: bool,
}

impl FirstFrame {
    /// Called at the end of every `ui`: returns the first frame's time since launch once, at the
    /// call after it (when it has been shown).
    pub(super) fn after_ui(&mut self, ctx: &egui::Context) -> Option<Duration> {
        if self.reported {
            return None;
        }
        self.frames = self.frames.saturating_add(1);
        if self.frames < 2 {
            // Make sure a second pass comes even if nothing else asks for one.
            ctx.request_repaint();
            return None;
        }
        self.reported = true;
        Some(LAUNCHED.get().map_or(Duration::ZERO, Instant::elapsed))
    }
}

/// Logs the first frame's time; with [`REPORT_VAR`] set, prints it and closes the window.
pub(super) fn report(ctx: &egui::Context, first_frame: Duration) {
    let ms = first_frame.as_secs_f64() * 1000.0;
    log::info!("first frame shown {ms:.0} ms after launch");
    if std::env::var_os(REPORT_VAR).is_some_and(|v| v == "1") {
        eprintln!("startup: first frame {ms:.1} ms");
        if let Some((now, peak)) = resident_memory() {
            eprintln!("startup: resident memory {} MiB (peak {} MiB)", now >> 20, peak >> 20);
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

/// The process's resident memory now and at its peak, in bytes (Linux: `VmRSS` and `VmHWM` of
/// `/proc/self/status`); `None` where the system does not say.
fn resident_memory() -> Option<(u64, u64)> {
    let status = match std::fs::read_to_string("/proc/self/status") {
        Ok(status) => status,
        Err(err) => {
            log::debug!("no /proc/self/status: {err}");
            return None;
        }
    };
    let field = |name: &str| -> Option<u64> {
        let line = status.lines().find_map(|l| l.strip_prefix(name))?;
        let kib: u64 = line.trim().strip_suffix("kB")?.trim().parse().ok()?;
        Some(kib * 1024)
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

#[cfg(test)]
mod tests {
    #[test]
    #[cfg(target_os = "linux")]
    fn resident_memory_is_read_on_linux() {
        let (now, peak) = super::resident_memory().unwrap();
        assert!(now > 0 && peak >= now, "{now} {peak}");
    }
}
