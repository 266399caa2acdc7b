//! What the packages are made of, checked without building them (`.ci/package` builds and runs
//! them): `--version` names the commit, the icons are the sizes their names say, the macOS icon and
//! Info.plist agree with Cargo.toml, and the desktop entry says what a menu needs.

use std::path::Path;

use crate::common::cli;

const ICON_SIZES: [u32; 7] = [16, 24, 32, 48, 64, 128, 256];

fn repo(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn png_size(bytes: &[u8]) -> (u32, u32) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let reader = decoder.read_info().unwrap();
    let info = reader.info();
    (info.width, info.height)
}

#[test]
fn version_names_the_version_and_the_commit() {
    let out = cli(&["--version"]);
    assert!(out.status.success());
    let line = String::from_utf8(out.stdout).unwrap();
    let expected = format!("release-desk {} (", env!("CARGO_PKG_VERSION"));
    assert!(line.starts_with(&expected), "{line}");
    let commit = line.trim_end().trim_start_matches(&expected).trim_end_matches(')');
    assert!(
        commit == "unknown" || (commit.len() == 10 && commit.chars().all(|c| c.is_ascii_hexdigit())),
        "{line}"
    );
}

#[test]
fn every_icon_is_the_size_its_name_says() {
    for size in ICON_SIZES {
        let bytes = std::fs::read(repo(&format!("packaging/icons/release-desk-{size}.png"))).unwrap();
        assert_eq!(png_size(&bytes), (size, size), "release-desk-{size}.png");
    }
}

#[test]
fn the_macos_icon_holds_pngs_of_the_sizes_its_types_say() {
    let icns = std::fs::read(repo("packaging/macos/release-desk.icns")).unwrap();
    assert_eq!(&icns[..4], b"icns");
    assert_eq!(u32::from_be_bytes(icns[4..8].try_into().unwrap()) as usize, icns.len());
    let mut at = 8;
    let mut seen = Vec::new();
    while at < icns.len() {
        let kind = std::str::from_utf8(&icns[at..at + 4]).unwrap().to_owned();
        let len = u32::from_be_bytes(icns[at + 4..at + 8].try_into().unwrap()) as usize;
        let size = match kind.as_str() {
            "icp4" => 16,
            "icp5" => 32,
            "icp6" => 64,
            "ic07" => 128,
            "ic08" => 256,
            other => panic!("unexpected icns entry {other}"),
        };
        assert_eq!(png_size(&icns[at + 8..at + len]), (size, size), "{kind}");
        seen.push(size);
        at += len;
    }
    assert_eq!(at, icns.len());
    assert_eq!(seen, [16, 32, 64, 128, 256]);
}

#[test]
fn the_info_plist_names_the_executable_the_icon_and_takes_the_version() {
    let plist = std::fs::read_to_string(repo("packaging/macos/Info.plist.in")).unwrap();
    let doc = roxmltree::Document::parse_with_options(
        &plist,
        roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() },
    )
    .unwrap();
    let dict = doc.descendants().find(|n| n.has_tag_name("dict")).unwrap();
    let elements: Vec<_> = dict.children().filter(roxmltree::Node::is_element).collect();
    let value = |key: &str| {
        let at = elements.iter().position(|n| n.has_tag_name("key") && n.text() == Some(key));
        at.and_then(|i| elements.get(i + 1)).and_then(|n| n.text()).map(str::to_owned)
    };
    assert_eq!(value("CFBundleExecutable").as_deref(), Some("release-desk"));
    assert_eq!(value("CFBundleIconFile").as_deref(), Some("release-desk.icns"));
    assert_eq!(value("CFBundleShortVersionString").as_deref(), Some("@VERSION@"));
    assert_eq!(value("CFBundlePackageType").as_deref(), Some("APPL"));
    assert!(repo("packaging/macos/make-app.sh").exists());
}

#[test]
fn the_desktop_entry_starts_the_binary_with_its_icon_in_both_languages() {
    let entry = std::fs::read_to_string(repo("packaging/linux/release-desk.desktop")).unwrap();
    let lines: Vec<&str> = entry.lines().collect();
    assert_eq!(lines[0], "[Desktop Entry]");
    for line in ["Type=Application", "Exec=release-desk", "Icon=release-desk", "Terminal=false"] {
        assert!(lines.contains(&line), "{line}");
    }
    assert!(lines.iter().any(|l| l.starts_with("Name[ko]=")));
    assert!(lines.iter().any(|l| l.starts_with("Comment[ko]=")));
    // The window's app id is what a desktop matches against StartupWMClass.
    assert!(lines.contains(&format!("StartupWMClass={}", release_desk::ui::APP_ID).as_str()));
}
