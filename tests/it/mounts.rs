//! A small tmpfs for the tests that need a full disk or a read-only medium. Mounting needs the
//! right to (root, or a container that allows it); where it cannot be had, the test says so and
//! is skipped.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A tmpfs mounted on a temporary folder; unmounted when dropped.
pub struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    /// Mounts a tmpfs of `size` (`"4m"`), or says why the calling test is skipped.
    pub fn mount(size: &str, test: &str) -> Option<Self> {
        let dir = tempfile::tempdir().unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size},mode=0777"), "tmpfs"])
            .arg(dir.path())
            .output()
            .is_ok_and(|out| out.status.success());
        if mounted {
            Some(Self { dir })
        } else {
            eprintln!("{test}: skipped: a tmpfs cannot be mounted here (needs root or CAP_SYS_ADMIN)");
            None
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn join(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Makes the file system read-only (`mount -o remount,ro`).
    /// Retried for up to 5 s: the kernel refuses while any process still holds a file there open
    /// for writing, and on a loaded machine the last one to close may take a moment.
    pub fn remount_read_only(&self) {
        for _ in 0..50 {
            let status =
                Command::new("mount").args(["-o", "remount,ro"]).arg(self.dir.path()).status().unwrap();
            if status.success() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("remount read-only");
    }

    /// Fills the file system until fewer than `leave` bytes are free.
    pub fn fill_leaving(&self, leave: u64) {
        let filler = self.join("filler");
        let mut file = std::fs::OpenOptions::new().create(true).append(true).open(&filler).unwrap();
        let chunk = vec![0xA5_u8; 4096];
        loop {
            let free = free_bytes(self.path());
            if free <= leave {
                break;
            }
            let n = usize::try_from((free - leave).min(chunk.len() as u64)).unwrap();
            if std::io::Write::write_all(&mut file, &chunk[..n]).is_err() {
                break;
            }
        }
        file.sync_all().ok();
    }
}

/// Bytes free on the file system of `path`.
pub fn free_bytes(path: &Path) -> u64 {
    let out = Command::new("df").args(["-B1", "--output=avail"]).arg(path).output().unwrap();
    String::from_utf8_lossy(&out.stdout).lines().nth(1).unwrap().trim().parse().unwrap()
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        // Lazy: a test that failed may still hold a file open there.
        let unmounted = Command::new("umount").arg("-l").arg(self.dir.path()).status();
        if !unmounted.is_ok_and(|s| s.success()) {
            eprintln!("could not unmount {}", self.dir.path().display());
        }
    }
}
