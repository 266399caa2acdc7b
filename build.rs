//! Embeds the version and git commit (`release-desk --version`, the About box) and, when the target
//! is Windows, the app icon and version resource into the .exe (also when cross-building from Linux
//! with mingw-w64: winresource then calls `x86_64-w64-mingw32-windres`).

use std::path::PathBuf;
use std::process::Command;

/// What `git ARGS` prints, trimmed; `None` without git or outside a checkout.
fn git(args: &[&str]) -> Option<String> {
    Command::new("git")
        .args(args)
        .output()
        .ok()
        .filter(|out| out.status.success())
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

/// The files whose change means another commit: HEAD and the ref it names (and packed-refs), asked
/// of git, so a linked worktree (where `.git` is a file, not a folder) watches its own files
/// instead of missing ones, which made cargo rerun this script and rebuild the crate every time.
fn commit_files() -> Vec<PathBuf> {
    let Some(git_dir) = git(&["rev-parse", "--path-format=absolute", "--git-dir"]) else {
        return Vec::new();
    };
    let common = git(&["rev-parse", "--path-format=absolute", "--git-common-dir"]).unwrap_or(git_dir.clone());
    let head = PathBuf::from(&git_dir).join("HEAD");
    let mut files = vec![head.clone(), PathBuf::from(&common).join("packed-refs")];
    if let Some(name) =
        std::fs::read_to_string(&head).ok().and_then(|t| t.trim().strip_prefix("ref: ").map(str::to_owned))
    {
        files.push(PathBuf::from(&common).join(name));
    }
    files.retain(|f| f.exists());
    files
}

fn main() {
    let commit = git(&["rev-parse", "--short=10", "HEAD"]).unwrap_or_else(|| "unknown".to_owned());
    println!("cargo:rustc-env=RELEASE_DESK_GIT_COMMIT={commit}");
    for file in commit_files() {
        println!("cargo:rerun-if-changed={}", file.display());
    }
    println!("cargo:rerun-if-changed=assets/icon.ico");

    // `cfg(windows)` here would be the host's: the target is in CARGO_CFG_TARGET_OS.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        embed_windows_resources();
    }
}

fn embed_windows_resources() {
    let mut res = winresource::WindowsResource::new();
    res.set_icon("assets/icon.ico");
    res.set("ProductName", "Release Desk");
    res.set("FileDescription", "Release Desk: plan and run software releases offline");
    res.set("LegalCopyright", "MIT licence");
    if let Err(err) = res.compile() {
        // A Windows package without its icon is still a working program; the packaging check
        // looks for the resource, so this does not slip through unnoticed.
        println!("cargo:warning=could not embed the Windows icon and version resource: {err}");
    }
}
