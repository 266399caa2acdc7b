//! The log of the `release-desk` binary: `log` records to stderr and to a rotating file beside the
//! window's settings (`logs/release-desk.log`, then `release-desk.1.log` and `release-desk.2.log`:
//! three files of at most 1 MiB).
//!
//! A small logger of our own rather than a logging crate: the file is created only when the first
//! record is written (a CLI command that logs nothing, and every test that runs the binary, leave
//! no file behind), it needs no thread, and rotating by size is a rename or two.
//!
//! Levels: Release Desk's own records from `info`, other crates' (eframe, wgpu, winit) from
//! `warn`; a window copies warnings and errors to stderr, a CLI command writes only to the file
//! (its stderr is the one line of its error). `RUST_LOG=debug` (any level name) sets every target
//! to that level.

use std::fs::{File, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use log::{LevelFilter, Log, Metadata, Record};

/// The current log file's name; older ones are `release-desk.N.log`.
const FILE_NAME: &str = "release-desk.log";
/// A file is rotated before it would grow past this.
const MAX_BYTES: u64 = 1 << 20;
/// Files kept, the current one included.
const KEEP: usize = 3;

/// Who is logging: the window, or a CLI command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Window,
    Command,
}

/// Installs the logger for this process, writing into `dir` (created when the first record is
/// written; `None`: no file, as when there is no home folder).
pub fn init(dir: Option<PathBuf>, mode: Mode) {
    let logger = Logger::new(dir, mode, std::env::var("RUST_LOG").ok().as_deref());
    let max = logger.max_level();
    if log::set_boxed_logger(Box::new(logger)).is_ok() {
        log::set_max_level(max);
    }
}

struct Logger {
    /// Release Desk's own records (targets `release_desk::…`) to the file.
    own: LevelFilter,
    /// Other crates' records to the file.
    others: LevelFilter,
    /// Records copied to stderr.
    stderr: LevelFilter,
    file: Option<Mutex<RotatingFile>>,
}

impl Logger {
    fn new(dir: Option<PathBuf>, mode: Mode, rust_log: Option<&str>) -> Self {
        let (mut own, mut others, mut stderr) = match mode {
            Mode::Window => (LevelFilter::Info, LevelFilter::Warn, LevelFilter::Warn),
            Mode::Command => (LevelFilter::Warn, LevelFilter::Warn, LevelFilter::Off),
        };
        if let Some(level) = rust_log.and_then(|text| text.trim().parse::<LevelFilter>().ok()) {
            own = level;
            others = level;
            if mode == Mode::Window {
                stderr = level;
            }
        }
        let file = dir.map(|dir| Mutex::new(RotatingFile::new(dir)));
        Self { own, others, stderr, file }
    }

    fn max_level(&self) -> LevelFilter {
        self.own.max(self.others).max(self.stderr)
    }

    fn file_level(&self, target: &str) -> LevelFilter {
        if target == "release_desk" || target.starts_with("release_desk::") { self.own } else { self.others }
    }
}

impl Log for Logger {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        let to_file = self.file.is_some() && metadata.level() <= self.file_level(metadata.target());
        to_file || metadata.level() <= self.stderr
    }

    fn log(&self, record: &Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let line = format!(
            "{} {:<5} {}: {}\n",
            chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ"),
            record.level(),
            record.target(),
            record.args()
        );
        if record.level() <= self.stderr {
            // Nowhere left to report a closed stderr; the file still gets the record.
            let _ = std::io::stderr().write_all(line.as_bytes());
        }
        let Some(file) = &self.file else { return };
        if record.level() > self.file_level(record.target()) {
            return;
        }
        // A thread that panicked while writing leaves the file as it was: keep using it.
        let mut file = file.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Err(err) = file.write_line(&line) {
            // Said once, on stderr, then the file is given up for this run.
            if !file.failed {
                file.failed = true;
                eprintln!("release-desk: could not write the log file in {}: {err}", file.dir.display());
            }
        }
    }

    fn flush(&self) {}
}

/// The log files in one folder: appends to `release-desk.log`, rotating it by size.
struct RotatingFile {
    dir: PathBuf,
    /// The open current file and its size, once the first line was written.
    open: Option<(File, u64)>,
    /// A write failed: nothing more is written.
    failed: bool,
}

impl RotatingFile {
    fn new(dir: PathBuf) -> Self {
        Self { dir, open: None, failed: false }
    }

    /// The path of the file `age` rotations old (0: the current one).
    fn path(dir: &Path, age: usize) -> PathBuf {
        if age == 0 { dir.join(FILE_NAME) } else { dir.join(format!("release-desk.{age}.log")) }
    }

    fn write_line(&mut self, line: &str) -> std::io::Result<()> {
        if self.failed {
            return Ok(());
        }
        let len = line.len() as u64;
        if let Some((_, size)) = &self.open
            && *size > 0
            && *size + len > MAX_BYTES
        {
            self.open = None;
            self.rotate()?;
        }
        let (file, size) = match &mut self.open {
            Some(open) => open,
            None => {
                std::fs::create_dir_all(&self.dir)?;
                let file = OpenOptions::new().create(true).append(true).open(Self::path(&self.dir, 0))?;
                let size = file.metadata()?.len();
                self.open.insert((file, size))
            }
        };
        file.write_all(line.as_bytes())?;
        *size += len;
        Ok(())
    }

    /// `release-desk.1.log` becomes `.2` (the oldest is dropped), the current one becomes `.1`.
    fn rotate(&self) -> std::io::Result<()> {
        for age in (1..KEEP).rev() {
            let from = Self::path(&self.dir, age - 1);
            if from.exists() {
                std::fs::rename(from, Self::path(&self.dir, age))?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn nothing_written_means_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let logs = dir.path().join("logs");
        let logger = Logger::new(Some(logs.clone()), Mode::Command, None);
        logger.log(&Record::builder().level(log::Level::Info).target("release_desk::cli").build());
        assert!(!logs.exists(), "info is below a command's level: no folder, no file");
    }

    #[test]
    fn files_rotate_by_size_and_three_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let mut file = RotatingFile::new(dir.path().join("logs"));
        let line = format!("{}\n", "x".repeat(1023));
        for _ in 0..(4 * 1024 + 10) {
            file.write_line(&line).unwrap();
        }
        let mut names: Vec<String> = std::fs::read_dir(dir.path().join("logs"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["release-desk.1.log", "release-desk.2.log", "release-desk.log"]);
        for name in &names {
            let size = std::fs::metadata(dir.path().join("logs").join(name)).unwrap().len();
            assert!(size <= MAX_BYTES, "{name} is {size} bytes");
        }
        let current = std::fs::metadata(dir.path().join("logs/release-desk.log")).unwrap().len();
        assert_eq!(current, 10 * 1024, "the current file holds what came after the last rotation");
    }

    #[test]
    fn levels_by_mode_and_rust_log() {
        let window = Logger::new(None, Mode::Window, None);
        assert_eq!(
            (window.own, window.others, window.stderr),
            (LevelFilter::Info, LevelFilter::Warn, LevelFilter::Warn)
        );
        let command = Logger::new(None, Mode::Command, Some("debug"));
        assert_eq!((command.own, command.others), (LevelFilter::Debug, LevelFilter::Debug));
        assert_eq!(command.stderr, LevelFilter::Off, "a command's stderr is its one line");
        let nonsense = Logger::new(None, Mode::Window, Some("loud"));
        assert_eq!(nonsense.own, LevelFilter::Info);
    }
}
