//! Start-up of the window, as a user launches it: the time from `main` to the first frame shown
//! (the app prints it with `RELEASE_DESK_STARTUP_REPORT=1` and closes), on an empty file (the
//! baseline: the window and its fonts alone) and on a file of 100,000 releases (issue 19: <= 1 s),
//! and the whole `--version` process. It measures this bench's own build of the binary and, when
//! `STARTUP_DIST_BIN` names one (`target/dist/release-desk` from `cargo build --profile dist`),
//! that build in the same run, so the release and dist profiles are compared on one machine at one
//! time (issue 20). Needs `Xvfb` (started here on a free display when `DISPLAY` is not set) and a
//! Vulkan or GL driver (Mesa's lavapipe in CI).
//!
//! `cargo bench --bench startup`; `STARTUP_RUNS` (default 10) runs per case, `STARTUP_RELEASES`
//! (default 100000) the big file's size. Lines starting `startup:` are the results.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// One build to measure: its name in the report and its path.
struct Build {
    name: &'static str,
    path: PathBuf,
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing of ours to act on.
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let runs: usize = env_number("STARTUP_RUNS", 10);
    let releases: usize = env_number("STARTUP_RELEASES", 100_000);
    let mut builds = vec![Build { name: "release", path: PathBuf::from(env!("CARGO_BIN_EXE_release-desk")) }];
    if let Some(dist) = std::env::var_os("STARTUP_DIST_BIN") {
        builds.push(Build { name: "dist", path: PathBuf::from(dist) });
    }
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.sqlite3");
    let big = dir.path().join("big.sqlite3");
    let maker = &builds[0].path;
    run_ok(Command::new(maker).arg("--db").arg(&empty).arg("init"));
    run_ok(Command::new(maker).arg("--db").arg(&big).arg("init"));
    run_ok(Command::new(maker).arg("--db").arg(&big).args(["demo", "--releases", &releases.to_string()]));

    let xvfb = Xvfb::start_unless_display();
    for build in &builds {
        let size = std::fs::metadata(&build.path).map(|m| m.len()).unwrap_or(0);
        println!("startup: {} binary {:.1} MB ({})", build.name, size as f64 / 1e6, build.path.display());
        let version = median((0..runs * 2).map(|_| time_version(&build.path)).collect());
        println!("startup: {} --version {:.1} ms (median of {})", build.name, version, runs * 2);
        let mut medians = Vec::new();
        for (label, file) in [("empty file", &empty), (&*format!("{releases} releases"), &big)] {
            let settings = tempfile::tempdir().unwrap();
            // A first run keeps the window's size and settings: later runs start as a user's do.
            first_frame(&build.path, file, settings.path(), &xvfb.display);
            let shown: Vec<Shown> =
                (0..runs).map(|_| first_frame(&build.path, file, settings.path(), &xvfb.display)).collect();
            let times: Vec<f64> = shown.iter().map(|s| s.ms).collect();
            let (min, max) = min_max(&times);
            let m = median(times);
            println!(
                "startup: {} first frame, {label}: {m:.0} ms (median of {runs}; {min:.0}-{max:.0})",
                build.name
            );
            let memory: Vec<(f64, f64)> = shown.iter().filter_map(|s| s.memory).collect();
            if !memory.is_empty() {
                // Issue 19: the window's resident memory (goal at 1M releases: <= 1.2 GB).
                let now = median(memory.iter().map(|m| m.0).collect());
                let peak = memory.iter().map(|m| m.1).fold(0.0, f64::max);
                println!(
                    "startup: {} resident memory at the first frame, {label}: {now:.0} MiB (median; highest peak {peak:.0} MiB)",
                    build.name
                );
            }
            medians.push(m);
        }
        println!(
            "startup: {} first frame ratio, big / empty file: {:.2}x",
            build.name,
            medians[1] / medians[0]
        );
    }
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn run_ok(command: &mut Command) {
    let out = command.output().unwrap();
    assert!(out.status.success(), "{command:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// The wall time of `BIN --version`, in ms.
fn time_version(bin: &Path) -> f64 {
    let started = Instant::now();
    run_ok(Command::new(bin).arg("--version"));
    started.elapsed().as_secs_f64() * 1000.0
}

/// What one launch reported.
struct Shown {
    /// The first frame's time, in ms.
    ms: f64,
    /// The resident memory and its peak so far, in MiB, where the system tells.
    memory: Option<(f64, f64)>,
}

/// Launches the window on `file` and returns what it reports of its first frame.
fn first_frame(bin: &Path, file: &Path, settings: &Path, display: &str) -> Shown {
    let mut child = Command::new(bin)
        .arg("--db")
        .arg(file)
        .args(["--lang", "en"])
        .env("RELEASE_DESK_STARTUP_REPORT", "1")
        .env("DISPLAY", display)
        .env("XDG_DATA_HOME", settings)
        .env("XDG_CONFIG_HOME", settings)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status = wait_with_timeout(&mut child, Duration::from_secs(60));
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert!(status, "the window did not close by itself within 60 s:\n{stderr}");
    let ms = stderr
        .lines()
        .find_map(|l| l.strip_prefix("startup: first frame ")?.strip_suffix(" ms")?.parse().ok())
        .unwrap_or_else(|| panic!("no first-frame line from {}:\n{stderr}", bin.display()));
    let memory = stderr.lines().find_map(|l| {
        let (now, peak) = l.strip_prefix("startup: resident memory ")?.split_once(" MiB (peak ")?;
        Some((now.parse().ok()?, peak.strip_suffix(" MiB)")?.parse().ok()?))
    });
    Shown { ms, memory }
}

fn wait_with_timeout(child: &mut Child, timeout: Duration) -> bool {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.success();
        }
        if started.elapsed() > timeout {
            child.kill().unwrap();
            child.wait().unwrap();
            return false;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn min_max(values: &[f64]) -> (f64, f64) {
    values.iter().fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(*v), hi.max(*v)))
}

/// The display the windows open on: `DISPLAY`, or an Xvfb server on a free one for as long as
/// this lives.
struct Xvfb {
    display: String,
    server: Option<Child>,
}

impl Xvfb {
    fn start_unless_display() -> Self {
        if let Ok(display) = std::env::var("DISPLAY") {
            return Self { display, server: None };
        }
        let display = (90..140).find(|n| !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()).unwrap();
        let child = Command::new("Xvfb")
            .arg(format!(":{display}"))
            .args(["-screen", "0", "1440x900x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb (Debian's xvfb) is needed to run the window");
        let socket = format!("/tmp/.X11-unix/X{display}");
        let started = Instant::now();
        while !Path::new(&socket).exists() && started.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(20));
        }
        Self { display: format!(":{display}"), server: Some(child) }
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        if let Some(child) = &mut self.server {
            if let Err(e) = child.kill() {
                eprintln!("startup: could not stop Xvfb: {e}");
            }
            drop(child.wait());
        }
    }
}
