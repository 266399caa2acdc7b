//! Embeds the version and git commit (`release-desk --version`, the About box) and, when the target
//! is Windows, the app icon and version resource into the .exe (also when cross-building from Linux
//! with mingw-w64: winresource then calls `x86_64-w64-mingw32-windres`).

use std::process::Command;

fn main() {
    let commit = Command::new("git")
        .args(["rev-parse", "--short=10", "HEAD"])
        .output()
        .ok()
        .filter(|out| out.status.success())
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "unknown".to_owned());
    println!("cargo:rustc-env=RELEASE_DESK_GIT_COMMIT={commit}");
    println!("cargo:rerun-if-changed=.git/HEAD");
    println!("cargo:rerun-if-changed=.git/refs/heads");
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
