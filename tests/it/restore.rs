//! Restoring a backup (issue 12): a full disk never loses the live file, the source's `-wal` is
//! included, permissions are kept, a write-protected file is not replaced, and a restore killed
//! at any moment leaves the old file or the new one. Also: reads on a read-only medium and on a
//! full disk.

use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;

use crate::common::{cli, model_with, plain, temp_db};
use crate::mounts::Tmpfs;
use release_desk::model::Model;
use release_desk::store::backup;
use release_desk::store::restore::{self, Replaced};
use release_desk::store::{Store, StoreError};
use rusqlite::Connection;

fn releases(path: &Path) -> usize {
    Model::open_read_only(path).unwrap().releases().len()
}

fn many(from: i64, count: i64) -> Vec<release_desk::domain::Release> {
    (from..from + count)
        .map(|id| {
            let mut r = plain(id, &format!("릴리스 {id}"));
            r.description = "설명 ".repeat(300);
            r
        })
        .collect()
}

#[test]
fn restore_on_a_full_disk_never_loses_the_live_file() {
    let Some(disk) = Tmpfs::mount("16m", "restore_on_a_full_disk_never_loses_the_live_file") else { return };
    let path = disk.join("desk.sqlite3");
    let model = model_with(&path, many(1, 300));
    let made = model.backup_now("manual").unwrap();
    drop(model);
    drop(model_with(&path, many(1000, 100)));
    let live = std::fs::read(&path).unwrap();
    let size = live.len() as u64;
    // Room for the copy of the backup, not for the backup of the live file as well.
    for leave in [size + size / 2, size / 4, 0] {
        disk.fill_leaving(leave);
        let err = restore::restore(&path, &made, None).expect_err("no room for the restore");
        assert!(matches!(err, StoreError::NoSpace { .. } | StoreError::Full), "{leave}: {err}");
        assert!(err.to_string().contains("nothing was changed"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), live, "{leave}: the live file is as it was");
        assert_eq!(releases(&path), 400);
        let names: Vec<String> = std::fs::read_dir(disk.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert!(!names.iter().any(|n| n.contains("damaged")), "{leave}: not moved aside: {names:?}");
        assert!(!names.iter().any(|n| n.ends_with(".restoring")), "{leave}: no half copy: {names:?}");
    }
    std::fs::remove_file(disk.join("filler")).unwrap();
    assert!(matches!(restore::restore(&path, &made, None).unwrap(), Replaced::BackedUp(_)));
    assert_eq!(releases(&path), 300);
}

/// Where no tmpfs can be mounted, a failure after the replacement is complete (the live file's
/// own backup cannot be written: `backups` is a file) shows the same order of steps: the live
/// file is untouched and the half-done replacement is gone.
#[test]
fn a_restore_that_fails_after_its_copy_leaves_the_live_file_as_it_was() {
    let (dir, path) = temp_db();
    let model = model_with(&path, vec![plain(1, "one")]);
    let made = model.backup_now("manual").unwrap();
    drop(model);
    drop(model_with(&path, vec![plain(2, "two"), plain(3, "three")]));
    let kept = dir.path().join("kept.sqlite3");
    std::fs::rename(&made, &kept).unwrap();
    std::fs::remove_dir_all(backup::backups_dir(&path)).unwrap();
    std::fs::write(backup::backups_dir(&path), b"a file where the backups folder goes").unwrap();
    let live = std::fs::read(&path).unwrap();
    let err = restore::restore(&path, &kept, None).expect_err("the live file cannot be kept");
    assert!(matches!(err, StoreError::Io { .. }), "{err}");
    assert!(!err.is_damage());
    assert_eq!(std::fs::read(&path).unwrap(), live, "the live file is as it was");
    assert_eq!(releases(&path), 3);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names.iter().any(|n| n.contains("restoring") || n.contains("damaged") || n.ends_with(".tmp")),
        "{names:?}"
    );
}

#[test]
fn only_a_damaged_file_is_moved_aside() {
    for err in [StoreError::Full, StoreError::ReadOnly, StoreError::Busy] {
        assert!(!err.is_damage(), "{err}");
    }
    let io = StoreError::Io { path: "x".into(), source: std::io::Error::other("disk") };
    assert!(!io.is_damage());
    assert!(StoreError::Corrupt("malformed".into()).is_damage());
}

#[test]
fn restore_takes_a_consistent_copy_of_the_source_with_its_log() {
    let (_dir, path) = temp_db();
    drop(model_with(&path, vec![plain(1, "one")]));
    let (_src_dir, source) = temp_db();
    drop(model_with(&source, vec![plain(1, "one"), plain(2, "two")]));
    // A writer on the source commits into its log and keeps it there (no checkpoint).
    let writer = Connection::open(&source).unwrap();
    writer.execute_batch("PRAGMA wal_autocheckpoint = 0;").unwrap();
    writer.execute("UPDATE releases SET subject = 'only in the log' WHERE id = 2", []).unwrap();
    let log = std::fs::metadata(source.with_file_name("desk.sqlite3-wal")).unwrap().len();
    assert!(log > 0, "the change is in the source's -wal");
    restore::restore(&path, &source, None).unwrap();
    drop(writer);
    let restored = Model::open_read_only(&path).unwrap();
    assert_eq!(restored.releases()[1].subject, "only in the log");
}

#[test]
fn backups_and_restored_files_keep_the_database_permissions() {
    let (_dir, path) = temp_db();
    let model = model_with(&path, vec![plain(1, "one")]);
    drop(model);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let model = Model::open(&path).unwrap();
    let made = model.backup_now("manual").unwrap();
    drop(model);
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&made), 0o600, "the backup");
    restore::restore(&path, &made, None).unwrap();
    assert_eq!(mode(&path), 0o600, "the restored file");
    for kept in backup::list_backups(&path).unwrap() {
        assert_eq!(mode(&kept.path), 0o600, "{}", kept.path.display());
    }

    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = restore::restore(&path, &made, None).err().unwrap();
    assert!(matches!(err, StoreError::WriteProtected { .. }), "a 0444 file is not replaced: {err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(mode(&path), 0o444);
}

#[test]
fn reads_work_on_a_read_only_medium_and_name_the_cause_of_a_write() {
    let Some(disk) = Tmpfs::mount("8m", "reads_work_on_a_read_only_medium") else { return };
    let path = disk.join("desk.sqlite3");
    drop(model_with(&path, vec![plain(1, "one"), plain(2, "two")]));
    disk.remount_read_only();
    let db = path.to_str().unwrap();
    for args in [vec!["list"], vec!["show", "2"], vec!["check"], vec!["list", "--format", "json"]] {
        let out = cli(&[&["--db", db, "--lang", "en"][..], &args].concat());
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    let out = cli(&["--db", db, "--lang", "en", "bulk", "delete", "--ids", "1"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("read-only"), "the real cause: {err}");
    assert!(!err.contains("damaged"), "{err}");
    assert_eq!(Store::open_read_only(&path).unwrap().load().unwrap().releases.len(), 2);
}

#[test]
fn reads_work_on_a_full_disk() {
    let Some(disk) = Tmpfs::mount("6m", "reads_work_on_a_full_disk") else { return };
    let path = disk.join("desk.sqlite3");
    drop(model_with(&path, many(1, 200)));
    disk.fill_leaving(0);
    let db = path.to_str().unwrap();
    for args in [vec!["list"], vec!["show", "2"], vec!["check"]] {
        let out = cli(&[&["--db", db, "--lang", "en"][..], &args].concat());
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    let out = cli(&["--db", db, "--lang", "en", "backup"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("free space") || err.contains("full"), "the real cause: {err}");
    assert!(!err.contains("damaged"), "{err}");
}

#[test]
fn the_system_s_reasons_are_named_in_the_user_s_language() {
    use release_desk::domain::Language;
    use release_desk::i18n;
    let io = |code| StoreError::Io {
        path: "/srv/desk.sqlite3".into(),
        source: std::io::Error::from_raw_os_error(code),
    };
    let cases = [
        (2, "the file or folder does not exist", "파일이나 폴더가 없습니다"),
        (13, "permission denied", "권한이 없습니다"),
        (28, "the disk is full", "디스크 공간이 부족합니다"),
        (30, "the disk or folder is read-only", "읽기 전용 디스크나 폴더입니다"),
        (17, "a file of that name already exists", "같은 이름의 파일이 이미 있습니다"),
    ];
    for (code, en, ko) in cases {
        i18n::set_language(Language::En);
        let english = i18n::store_error(&io(code));
        assert_eq!(english, format!("could not use /srv/desk.sqlite3: {en} (system error {code})"));
        i18n::set_language(Language::Ko);
        let korean = i18n::store_error(&io(code));
        assert_eq!(korean, format!("/srv/desk.sqlite3을(를) 사용할 수 없습니다: {ko} (시스템 오류 {code})"));
    }
    // Any other cause: the system's own words, as the detail.
    let other = i18n::store_error(&io(5));
    assert!(other.starts_with("/srv/desk.sqlite3을(를) 사용할 수 없습니다: 입출력 오류 ("), "{other}");
    assert!(other.contains("os error 5"), "{other}");
    i18n::set_language(Language::En);
}

#[test]
fn the_command_line_names_the_cause_in_korean() {
    let (dir, path) = temp_db();
    drop(model_with(&path, vec![plain(1, "one")]));
    let db = path.to_str().unwrap();
    let taken = dir.path().join("taken.sqlite3");
    std::fs::write(&taken, b"x").unwrap();
    let out = cli(&["--db", db, "--lang", "ko", "backup", "--out", taken.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("같은 이름의 파일이 이미 있습니다"), "{err}");
    assert!(!err.contains("exists"), "no English from the system: {err}");

    // The backups folder cannot be made (a file has its name): the restore says why, in words.
    let made = Model::open(&path).unwrap().backup_now("manual").unwrap();
    let kept = dir.path().join("kept.sqlite3");
    std::fs::rename(&made, &kept).unwrap();
    std::fs::remove_dir_all(backup::backups_dir(&path)).unwrap();
    std::fs::write(backup::backups_dir(&path), b"").unwrap();
    let out = cli(&["--db", db, "--lang", "ko", "restore", kept.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("backups을(를) 사용할 수 없습니다: 같은 이름의 파일이 이미 있습니다"), "{err}");

    let missing = dir.path().join("missing.sqlite3");
    let out = cli(&["--db", missing.to_str().unwrap(), "--lang", "ko", "check"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("파일이 없습니다"), "{out:?}");

    // Exports say it the same way (a chart into a folder that is not there).
    let chart = dir.path().join("nowhere").join("kpi.svg");
    let out = cli(&["--db", db, "--lang", "ko", "chart", "--out", chart.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("파일이나 폴더가 없습니다 (시스템 오류 2)"), "{err}");
    assert!(!err.contains("No such file"), "{err}");
}
