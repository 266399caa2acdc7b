//! Durability: a child killed with SIGKILL loses no acknowledged command, a full disk and a
//! read-only file leave memory equal to the file, one writer per file, verified backups,
//! damaged files detected and never modified, and reopening always gives back the model.

use crate::common::{at, model_with, plain, t0, temp_db};
use crate::kills::{Start, kill_after};
use proptest::prelude::*;
use release_desk::domain::{
    AgentId, GroupId, PlannedWindow, PredefinedView, Priority, ReleaseFilter, ReleaseId, ReleaseType,
    SortKey, SortSpec, Status,
};
use release_desk::model::{
    Command, CommandError, Model, NewRelease, ReleaseCommand, ReleaseEdit, SampleCommand, SettingsCommand,
};
use release_desk::store::backup;
use release_desk::store::restore::{self, Replaced};
use release_desk::store::{CheckKind, Store, StoreError};
use rusqlite::{Connection, OpenFlags};
use std::collections::HashSet;
use std::path::Path;
use std::process::{Command as Process, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_release-desk");

fn new_release(subject: &str) -> NewRelease {
    NewRelease {
        subject: subject.into(),
        description: "배포 절차".into(),
        status: Status::Open,
        priority: Priority::High,
        release_type: ReleaseType::Standard,
        planned: PlannedWindow { start: at(1), end: at(3) },
        agent_id: Some(AgentId(1)),
        group_id: Some(GroupId(1)),
        department_id: None,
        category: None,
    }
}

fn read_only_conn(path: &Path) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}

fn integrity(path: &Path) -> String {
    read_only_conn(path).query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap()
}

/// A small deterministic generator, so a failing run can be repeated.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

// ---------------------------------------------------------------- crash test

struct CrashFigures {
    kills: usize,
    acknowledged: usize,
    lost: usize,
}

/// Set (to the database path) only in the crash test's child, see [`crash_child`].
const CHILD_DB: &str = "RELEASE_DESK_CRASH_CHILD_DB";
/// The child's seed, so each run applies different commands.
const CHILD_SEED: &str = "RELEASE_DESK_CRASH_CHILD_SEED";

/// The crash test's child: this test binary run again by [`crash_runs`] with `--exact
/// durability::crash_child --ignored --nocapture` and [`CHILD_DB`] set. It applies random creates
/// and edits as fast as it can and prints `ack TOKEN` after each command `Model::apply` confirmed,
/// until it is killed. Without [`CHILD_DB`] (an ordinary `cargo test -- --ignored`) it does nothing.
#[test]
#[ignore = "the crash test's child process; does nothing unless the crash test runs it"]
fn crash_child() {
    use std::io::Write as _;
    let Ok(db) = std::env::var(CHILD_DB) else { return };
    let seed: u64 = std::env::var(CHILD_SEED).unwrap().parse().unwrap();
    let mut model = Model::open(Path::new(&db)).unwrap();
    let mut out = std::io::stdout().lock();
    // The test harness may have printed "test ... " without a line end: acks start on a line.
    writeln!(out, "\nready").and_then(|()| out.flush()).unwrap();
    let mut rng = Lcg(seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407));
    for n in 0_u64.. {
        let token = format!("c{seed}-{n}");
        let releases = model.releases();
        let command = if releases.is_empty() || rng.next().is_multiple_of(3) {
            let now = model.now();
            Command::Release(ReleaseCommand::Create(NewRelease {
                subject: token.clone(),
                description: "x".repeat((rng.next() % 2000) as usize),
                status: Status::Open,
                priority: Priority::Medium,
                release_type: ReleaseType::Standard,
                planned: PlannedWindow { start: now, end: now + chrono::Duration::hours(2) },
                agent_id: None,
                group_id: None,
                department_id: None,
                category: None,
            }))
        } else {
            let id = releases[(rng.next() as usize) % releases.len()].id;
            Command::Release(ReleaseCommand::Edit { id, edits: vec![ReleaseEdit::Subject(token.clone())] })
        };
        model.apply(command).unwrap();
        writeln!(out, "ack {token}").and_then(|()| out.flush()).unwrap();
    }
}

/// Runs the crash child `kills` times, killing it with SIGKILL after a random delay, and checks
/// the file after every kill.
fn crash_runs(kills: usize) -> CrashFigures {
    let (_dir, path) = temp_db();
    drop(Store::open(&path).unwrap());
    let db = path.to_str().unwrap();
    let mut rng = Lcg(0x5EED_1234);
    let mut acknowledged: Vec<String> = Vec::new();
    let mut lost = 0;
    for run in 0..kills {
        let child = Process::new(std::env::current_exe().unwrap())
            .args(["--exact", "durability::crash_child", "--ignored", "--nocapture"])
            .env(CHILD_DB, db)
            .env(CHILD_SEED, run.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Every other kill counts from the start, so some land while the child opens the file;
        // the others from when it is ready, so a slow start on a busy machine leaves it time to work.
        let start = if run % 2 == 0 { Start::Spawned } else { Start::Ready };
        let delay = std::time::Duration::from_millis(10 + rng.next() % 120);
        let (out, err) = kill_after(child, delay, start); // SIGKILL
        assert!(err.is_empty(), "run {run}: the child failed on its own: {err}");
        // Only complete lines were acknowledged.
        let complete = out.rfind('\n').map_or("", |end| &out[..end]);
        let acks: Vec<String> =
            complete.lines().filter_map(|l| l.strip_prefix("ack ")).map(str::to_owned).collect();

        assert_eq!(integrity(&path), "ok", "run {run}: integrity_check after the kill");
        let stored: HashSet<String> = {
            let conn = read_only_conn(&path);
            // The subject each command wrote, the first typed value of its row's new values.
            let mut stmt = conn
                .prepare("SELECT CAST(json_extract(new_value, '$[0].v') AS TEXT) FROM activities")
                .unwrap();
            let values: Vec<Option<String>> =
                stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
            values.into_iter().flatten().collect()
        };
        acknowledged.extend(acks);
        lost = acknowledged.iter().filter(|token| !stored.contains(*token)).count();
        assert_eq!(lost, 0, "run {run}: acknowledged commands missing from the file");
    }
    // The last session was killed: the next open notices and runs the full check.
    let store = Store::open(&path).unwrap();
    assert!(store.open_report().unclean_shutdown);
    assert_eq!(store.open_report().check, CheckKind::Full);
    drop(store);
    let store = Store::open(&path).unwrap();
    assert!(!store.open_report().unclean_shutdown, "a clean close is remembered");
    assert_eq!(store.open_report().check, CheckKind::Quick);
    CrashFigures { kills, acknowledged: acknowledged.len(), lost }
}

#[test]
fn killed_200_times_no_acknowledged_command_is_lost() {
    let figures = crash_runs(200);
    println!(
        "crash test: {} kills, {} acknowledged commands, {} lost",
        figures.kills, figures.acknowledged, figures.lost
    );
    assert!(figures.acknowledged > 200, "the child got work done between kills");
    assert_eq!(figures.lost, 0);
}

#[test]
#[ignore = "long: about five minutes"]
fn killed_2000_times_no_acknowledged_command_is_lost() {
    let figures = crash_runs(2_000);
    println!(
        "crash test: {} kills, {} acknowledged commands, {} lost",
        figures.kills, figures.acknowledged, figures.lost
    );
    assert_eq!(figures.lost, 0);
}

// ---------------------------------------------------------------- write failures

#[test]
fn a_full_disk_fails_the_command_and_memory_equals_the_file() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "one")]);
    let pages: i64 = read_only_conn(&path).query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
    model.store().set_max_page_count_for_tests(pages + 2).unwrap();
    let mut failed = None;
    for n in 0..500 {
        let mut new = new_release(&format!("릴리스 {n}"));
        new.description = "긴 설명 ".repeat(400);
        match model.apply(Command::Release(ReleaseCommand::Create(new))) {
            Ok(_) => {}
            Err(err) => {
                failed = Some(err);
                break;
            }
        }
    }
    let err = failed.expect("the size limit was reached");
    assert!(matches!(err, CommandError::Store(StoreError::Full)), "{err}");
    assert_eq!(model.reload_snapshot().unwrap(), model.snapshot(), "memory equals the file");
    let in_memory = model.snapshot();
    drop(model);
    assert_eq!(Model::open(&path).unwrap().snapshot(), in_memory);
}

#[test]
fn a_read_only_session_refuses_commands_and_memory_equals_the_file() {
    let (_dir, path) = temp_db();
    let writer = model_with(&path, vec![plain(1, "one")]);
    let mut reader = Model::open_read_only(&path).unwrap();
    assert!(reader.is_read_only());
    let before = reader.snapshot();
    let err = reader.apply(Command::Release(ReleaseCommand::Create(new_release("x")))).err().unwrap();
    assert!(matches!(err, CommandError::Store(StoreError::ReadOnlySession { .. })), "{err}");
    assert!(err.to_string().contains("read-only"), "{err}");
    assert_eq!(reader.snapshot(), before);
    assert_eq!(reader.reload_snapshot().unwrap(), before);
    drop(writer);
}

#[test]
fn a_read_only_file_refuses_writes_and_memory_equals_the_file() {
    let (_dir, path) = temp_db();
    drop(model_with(&path, vec![plain(1, "one")]));
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    if std::fs::OpenOptions::new().append(true).open(&path).is_ok() {
        // Running as root: permissions do not stop writes, so there is nothing to test here.
        return;
    }
    let mut model = Model::open(&path).unwrap();
    let before = model.snapshot();
    let err = model.apply(Command::Release(ReleaseCommand::Create(new_release("x")))).err().unwrap();
    assert!(matches!(err, CommandError::Store(StoreError::ReadOnly)), "{err}");
    assert_eq!(model.snapshot(), before);
    assert_eq!(model.reload_snapshot().unwrap(), before);
}

// ---------------------------------------------------------------- one writer

#[test]
fn a_second_writer_is_refused_and_readers_still_read() {
    let (_dir, path) = temp_db();
    let writer = model_with(&path, vec![plain(1, "one")]);
    let err = Model::open(&path).err().unwrap();
    match &err {
        StoreError::Locked { path: locked, pid, holder } => {
            assert_eq!(locked, &path);
            assert_eq!(*pid, Some(std::process::id()));
            assert_eq!(*holder, Some(release_desk::store::Holder::Window));
        }
        other => panic!("expected Locked, got {other}"),
    }
    assert!(err.to_string().contains("desk.sqlite3"), "the message names the file: {err}");
    let reader = Model::open_read_only(&path).unwrap();
    assert_eq!(reader.releases().len(), 1);

    // The CLI reads, and refuses to write with one clear line.
    let db = path.to_str().unwrap();
    let list = Process::new(BIN).args(["--db", db, "--lang", "en", "list"]).output().unwrap();
    assert!(list.status.success(), "{}", String::from_utf8_lossy(&list.stderr));
    assert!(String::from_utf8_lossy(&list.stdout).contains("one"));
    let check = Process::new(BIN).args(["--db", db, "--lang", "en", "check"]).output().unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    let demo = Process::new(BIN).args(["--db", db, "--lang", "en", "demo", "--force"]).output().unwrap();
    assert!(!demo.status.success());
    let stderr = String::from_utf8_lossy(&demo.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("open in another Release Desk window"), "{stderr}");

    drop(writer);
    assert!(Model::open(&path).is_ok(), "the lock is released with the window");
}

// ---------------------------------------------------------------- backups

#[test]
fn a_backup_is_restorable_and_equal_to_the_source() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "one"), plain(2, "two")]);
    model.apply(Command::Release(ReleaseCommand::Create(new_release("백업 전 릴리스")))).unwrap();
    let at_backup = model.snapshot();
    let made = model.backup_now("manual").unwrap();
    assert!(made.starts_with(backup::backups_dir(&path)));
    assert_eq!(backup::verify(&made).unwrap(), 3);
    model.apply(Command::Release(ReleaseCommand::Create(new_release("백업 후 릴리스")))).unwrap();
    model
        .apply(Command::Release(ReleaseCommand::Edit {
            id: ReleaseId(1),
            edits: vec![ReleaseEdit::Priority(Priority::Urgent)],
        }))
        .unwrap();
    let lock = model.close();
    let replaced = restore::restore(&path, &made, lock.as_ref()).unwrap();
    let Replaced::BackedUp(kept) = replaced else { panic!("the current file is kept as a backup") };
    let restored = Model::from_store(Store::open_with_lock(&path, lock).unwrap()).unwrap();
    assert_eq!(restored.snapshot(), at_backup);
    assert!(!restored.store().open_report().unclean_shutdown);
    drop(restored);
    // The file that was replaced is itself a good backup holding the later work.
    let previous = Connection::open_with_flags(&kept, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let count: i64 = previous.query_row("SELECT count(*) FROM releases", [], |r| r.get(0)).unwrap();
    assert_eq!(count, 4);
}

#[test]
fn cli_backup_check_and_restore() {
    let (dir, path) = temp_db();
    drop(model_with(&path, vec![plain(1, "one")]));
    let db = path.to_str().unwrap();
    let out = dir.path().join("copy.sqlite3");
    let run =
        |args: &[&str]| Process::new(BIN).args(["--db", db, "--lang", "en"]).args(args).output().unwrap();
    let made = run(&["backup", "--out", out.to_str().unwrap()]);
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    assert!(run(&["backup"]).status.success());
    assert_eq!(backup::list_backups(&path).unwrap().len(), 1);
    let check = run(&["check"]);
    assert!(String::from_utf8_lossy(&check.stdout).contains("passed the integrity check (1 releases)"));
    {
        let mut model = Model::open(&path).unwrap();
        model.apply(Command::Release(ReleaseCommand::Create(new_release("later")))).unwrap();
    }
    let restore = run(&["restore", out.to_str().unwrap()]);
    assert!(restore.status.success(), "{}", String::from_utf8_lossy(&restore.stderr));
    assert_eq!(Model::open(&path).unwrap().releases().len(), 1);
}

#[test]
fn an_import_is_preceded_by_a_backup_and_opening_makes_a_daily_one() {
    let (_dir, path) = temp_db();
    drop(model_with(&path, vec![plain(1, "one")]));
    let mut model = Model::open(&path).unwrap();
    let daily = model.store().open_report().backup.clone().expect("no backup yet: one is made at open");
    assert!(daily.to_string_lossy().ends_with("-daily.sqlite3"));
    drop(model);
    model = Model::open(&path).unwrap();
    assert_eq!(model.store().open_report().backup, None, "one a day is enough");
    let data = release_desk::domain::sample::scenarios(t0());
    model.apply(Command::Sample(SampleCommand::Load { data, force: true })).unwrap();
    let list = backup::list_backups(&path).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].reason, "import");
    assert_eq!(backup::verify(&list[0].path).unwrap(), 1, "the backup holds the file before the import");
}

#[test]
fn rotation_keeps_seven_daily_and_four_weekly() {
    let (dir, path) = temp_db();
    let folder = backup::backups_dir(&path);
    std::fs::create_dir_all(&folder).unwrap();
    let now = chrono::Utc::now();
    // Two backups a day for sixty days.
    for day in 0..60 {
        for hour in [1, 13] {
            let t = now - chrono::Duration::days(day) - chrono::Duration::hours(hour);
            let name = format!("desk-{}-daily.sqlite3", t.format("%Y%m%d-%H%M%S-%3f"));
            std::fs::write(folder.join(name), b"x").unwrap();
        }
    }
    // Another database's backups in the same folder are left alone.
    std::fs::write(folder.join("other-20200101-000000-000-daily.sqlite3"), b"x").unwrap();
    let newest = backup::list_backups(&path).unwrap()[0].path.clone();
    backup::rotate(&path, &newest).unwrap();
    let kept = backup::list_backups(&path).unwrap();
    let days: HashSet<_> =
        kept.iter().map(|b| b.made_at.with_timezone(&chrono::Local).date_naive()).collect();
    assert!(kept.len() <= 3 + 7 + 4, "{} kept", kept.len());
    assert!(days.len() >= 7 + 4 - 1, "7 days and 4 older weeks: {days:?}");
    assert!(kept.iter().any(|b| now - b.made_at > chrono::Duration::days(25)), "weekly ones reach back");
    assert!(dir.path().join("backups/other-20200101-000000-000-daily.sqlite3").exists());
}

// ---------------------------------------------------------------- damaged files

/// A closed, checkpointed database with a few pages of releases.
fn good_file(path: &Path) {
    let releases = (1..=60).map(|id| plain(id, &format!("릴리스 {id} {}", "설명".repeat(40)))).collect();
    drop(model_with(path, releases));
}

#[test]
fn damaged_copies_are_detected_and_never_modified() {
    let (dir, path) = temp_db();
    good_file(&path);
    let good = std::fs::read(&path).unwrap();
    let page_size = 4096;
    assert!(good.len() >= 4 * page_size, "a few pages: {}", good.len());
    let mut flipped = good.clone();
    for byte in &mut flipped[page_size..page_size + 12] {
        *byte ^= 0xA5; // the b-tree page header of page 2
    }
    let truncated = good[..good.len() / 2].to_vec();
    let mut rng = Lcg(7);
    let random: Vec<u8> = (0..good.len()).map(|_| rng.next() as u8).collect();
    let mut random_after_header = good.clone();
    for byte in &mut random_after_header[page_size..] {
        *byte = rng.next() as u8;
    }
    for (name, bytes) in [
        ("flipped", flipped),
        ("truncated", truncated),
        ("random", random),
        ("random-after-header", random_after_header),
    ] {
        let copy = dir.path().join(format!("{name}.sqlite3"));
        std::fs::write(&copy, &bytes).unwrap();
        let err = Model::open(&copy).err().unwrap_or_else(|| panic!("{name}: opened a damaged file"));
        assert!(matches!(err, StoreError::Damaged { .. } | StoreError::NotSqlite { .. }), "{name}: {err}");
        assert!(backup::verify(&copy).is_err(), "{name}: verify");
        let check = Process::new(BIN)
            .args(["--db", copy.to_str().unwrap(), "--lang", "en", "check"])
            .output()
            .unwrap();
        assert!(!check.status.success(), "{name}: check must fail");
        assert_eq!(String::from_utf8_lossy(&check.stderr).lines().count(), 1);
        assert!(Model::open_read_only(&copy).is_err(), "{name}: read-only open");
        assert_eq!(std::fs::read(&copy).unwrap(), bytes, "{name}: the damaged file was modified");
    }
}

#[test]
fn a_damaged_file_is_moved_aside_and_the_newest_good_backup_restored() {
    let (dir, path) = temp_db();
    good_file(&path);
    let backup_path = Model::open(&path).unwrap().backup_now("manual").unwrap();
    let mut bytes = std::fs::read(&path).unwrap();
    for byte in &mut bytes[4096..4096 + 12] {
        *byte ^= 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    assert!(matches!(Model::open(&path).err().unwrap(), StoreError::Damaged { .. }));
    let newest = backup::newest_good_backup(&path).unwrap();
    assert_eq!(newest.path, backup_path);
    let replaced = restore::restore(&path, &newest.path, None).unwrap();
    let Replaced::MovedAside(aside) = replaced else { panic!("a damaged file is moved aside") };
    assert!(aside.file_name().unwrap().to_string_lossy().starts_with("desk.sqlite3.damaged-"));
    assert_eq!(aside.parent(), Some(dir.path()));
    assert_eq!(std::fs::read(&aside).unwrap(), bytes, "moved aside untouched");
    assert_eq!(Model::open(&path).unwrap().releases().len(), 60);
}

// ---------------------------------------------------------------- reopen equals memory

#[derive(Clone, Debug)]
enum Step {
    Create(String, i64),
    Subject(usize, String),
    Priority(usize, u8),
    Agent(usize, Option<i64>),
    Me(Option<i64>),
    SaveView(String),
    DeleteView(usize),
    Undo,
}

fn step() -> impl Strategy<Value = Step> {
    let text = "[a-zA-Z가-힣 ]{0,12}";
    prop_oneof![
        (text, 1_i64..100).prop_map(|(s, h)| Step::Create(s, h)),
        (any::<usize>(), text).prop_map(|(i, s)| Step::Subject(i, s)),
        (any::<usize>(), 0_u8..4).prop_map(|(i, p)| Step::Priority(i, p)),
        (any::<usize>(), proptest::option::of(1_i64..5)).prop_map(|(i, a)| Step::Agent(i, a)),
        proptest::option::of(1_i64..5).prop_map(Step::Me),
        text.prop_map(Step::SaveView),
        any::<usize>().prop_map(Step::DeleteView),
        Just(Step::Undo),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn any_commands_then_reopen_gives_the_same_model(steps in proptest::collection::vec(step(), 1..25)) {
        let (_dir, path) = temp_db();
        let mut model = model_with(&path, vec![plain(1, "one")]);
        let mut undo = Vec::new();
        for step in steps {
            let ids: Vec<ReleaseId> = model.releases().iter().map(|r| r.id).collect();
            let pick = |i: usize| ids[i % ids.len()];
            let command = match step {
                Step::Create(subject, hours) => {
                    let mut new = new_release(&subject);
                    new.planned.end = new.planned.start + chrono::Duration::hours(hours);
                    Command::Release(ReleaseCommand::Create(new))
                }
                Step::Subject(i, s) if !ids.is_empty() => {
                    Command::Release(ReleaseCommand::Edit { id: pick(i), edits: vec![ReleaseEdit::Subject(s)] })
                }
                Step::Priority(i, p) if !ids.is_empty() => Command::Release(ReleaseCommand::Edit {
                    id: pick(i),
                    edits: vec![ReleaseEdit::Priority(Priority::ALL[p as usize % Priority::ALL.len()])],
                }),
                Step::Agent(i, a) if !ids.is_empty() => {
                    Command::Release(ReleaseCommand::Edit { id: pick(i), edits: vec![ReleaseEdit::Agent(a.map(AgentId))] })
                }
                Step::Me(a) => Command::Settings(SettingsCommand::SetCurrentAgent(a.map(AgentId))),
                Step::SaveView(name) => Command::Settings(SettingsCommand::SaveView {
                    name,
                    base: PredefinedView::All,
                    filter: ReleaseFilter::default(),
                    sort: SortSpec { key: SortKey::Priority, descending: true },
                }),
                Step::DeleteView(i) if !model.saved_views().is_empty() => {
                    Command::Settings(SettingsCommand::DeleteSavedView(model.saved_views()[i % model.saved_views().len()].id))
                }
                Step::Undo => {
                    // The last command applied (or reverted) is taken back; its revert can be
                    // taken back in turn.
                    if let Some(applied) = undo.pop() {
                        let before = model.snapshot();
                        match model.revert(applied) {
                            Ok(reverted) => undo.push(reverted),
                            Err(_) => prop_assert_eq!(model.snapshot(), before),
                        }
                    }
                    continue;
                }
                _ => continue,
            };
            // Invalid commands (an empty subject, an unknown agent) are refused; memory stays.
            let before = model.snapshot();
            match model.apply(command) {
                Ok(applied) => undo.push(applied),
                Err(_) => prop_assert_eq!(model.snapshot(), before),
            }
        }
        let in_memory = model.snapshot();
        drop(model);
        let reopened = Model::open(&path).unwrap();
        prop_assert_eq!(reopened.snapshot(), in_memory);
    }
}
