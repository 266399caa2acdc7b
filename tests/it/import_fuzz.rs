//! The importers under hostile input (issue 16's fuzzing, as property tests that `cargo test`
//! runs, so CI runs them every time for a bounded number of cases): valid Freshservice JSON, CSV
//! and archive files with bytes flipped, inserted, removed or cut off, JSON values swapped for
//! values of another type, and a list of known-hostile files (deep nesting, huge numbers, broken
//! UTF-8, giant cells). Whatever comes in:
//! - nothing panics;
//! - a file that does not read gives at least one problem, each naming the file and worded in
//!   English and in Korean (never a bare catalogue key);
//! - a file that reads is applied as one command on a database that already holds an import: if
//!   it is refused, memory and file are exactly as before (no half write); if it is applied, the
//!   file holds what memory holds, and one undo gives back the database as it was.
//!
//! The exports get the same treatment with hostile text (formula starts, control characters,
//! apostrophes, Korean, extreme dates): CSV and XLSX never fail or panic, and CSV and XLSX read
//! back (by our importer and by calamine) give the text as it was. The number of inputs tried is
//! printed.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use release_desk::domain::import::{ImportProblem, ProblemKind};
use release_desk::domain::{
    Directory, Language, PlannedWindow, Priority, Release, ReleaseId, ReleaseType, Status, Timestamp,
};
use release_desk::export;
use release_desk::i18n;
use release_desk::model::{Command, ImportCommand, Model};
use release_desk::store::{Snapshot, Store};

const CSV: &str = "ID,Subject,Status,Priority,Type,Planned start,Planned end,Agent,Group,Created,Updated\n\
    1,ERP 업그레이드,In Progress,High,Major,2026-11-03T09:00:00Z,2026-11-03T18:00:00Z,Kim,Ops,2026-10-01T08:00:00Z,2026-10-02T08:00:00Z\n\
    2,'=cmd,Open,Low,Minor,2026-11-04 09:00,2026-11-04 18:00,,,,\n\
    3,\"두 줄,\n쉼표\",Closed,1,2,2026-11-05T09:00:00Z,2026-11-05T10:00:00Z,,,,\n";

/// One change to a file's bytes.
#[derive(Clone, Debug)]
enum Edit {
    Flip(usize, u8),
    Insert(usize, u8),
    Remove(usize),
    Cut(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Edit::Flip(i, b)),
        (any::<usize>(), prop::sample::select(b"{}[]\",:0-9.eE+-ntfa\\<>&#'\n\r\x00\xff".to_vec()))
            .prop_map(|(i, b)| Edit::Insert(i, b)),
        any::<usize>().prop_map(Edit::Remove),
        any::<usize>().prop_map(Edit::Cut),
    ]
}

fn mutate(bytes: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for e in edits {
        if out.is_empty() {
            break;
        }
        match *e {
            Edit::Flip(i, b) => {
                let i = i % out.len();
                out[i] ^= b;
            }
            Edit::Insert(i, b) => out.insert(i % (out.len() + 1), b),
            Edit::Remove(i) => {
                out.remove(i % out.len());
            }
            Edit::Cut(i) => out.truncate(i % out.len()),
        }
    }
    out
}

/// JSON values of every type, to put where another type was.
fn any_json() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        Just(serde_json::json!(9_007_199_254_740_993_u64)),
        Just(serde_json::json!(u64::MAX)),
        Just(serde_json::json!(-1)),
        Just(serde_json::json!(0)),
        ".{0,12}".prop_map(serde_json::Value::from),
        Just(serde_json::json!("0001-01-01T00:00:00Z")),
        Just(serde_json::json!("9999-12-31T23:59:59Z")),
        Just(serde_json::json!("99999:99")),
        Just(serde_json::json!("<ul><li><b>x</li></ul></p>&bogus;&#0;&#x110000;")),
        Just(serde_json::json!([])),
        Just(serde_json::json!({})),
        Just(serde_json::json!([{"id": 1}, 2, "x"])),
    ]
}

/// Replaces the `n`th value (in a walk of the whole document) with `with`.
fn replace_nth(value: &mut serde_json::Value, n: &mut usize, with: &serde_json::Value) -> bool {
    if *n == 0 {
        *value = with.clone();
        return true;
    }
    *n -= 1;
    match value {
        serde_json::Value::Array(items) => items.iter_mut().any(|v| replace_nth(v, n, with)),
        serde_json::Value::Object(map) => map.values_mut().any(|v| replace_nth(v, n, with)),
        _ => false,
    }
}

/// The two databases the inputs are applied to, and what each held before.
struct World {
    /// Holds one Freshservice import (so a mutated page updates as well as creates).
    model: Model,
    before: Snapshot,
    /// Empty: where an archive goes.
    empty: Model,
    empty_before: Snapshot,
    /// How many inputs were tried.
    tried: usize,
    /// How many readings gave something to import (applied or refused by the database).
    planned: usize,
}

impl World {
    fn new() -> Self {
        let mut model = Model::from_store(Store::open_in_memory().unwrap()).unwrap();
        model.set_clock(Box::new(crate::common::t0));
        let batch =
            export::import::read_freshservice_bytes("page.json", crate::data::PAGE.as_bytes()).unwrap();
        model.apply(Command::Import(ImportCommand::Releases(batch))).unwrap();
        let mut empty = Model::from_store(Store::open_in_memory().unwrap()).unwrap();
        empty.set_clock(Box::new(crate::common::t0));
        let (before, empty_before) = (model.snapshot(), empty.snapshot());
        Self { model, before, empty, empty_before, tried: 0, planned: 0 }
    }
}

/// Every problem names `file` and reads as a sentence in both languages.
fn named_clearly(problems: &[ImportProblem], file: &str) {
    assert!(!problems.is_empty(), "a refused file says why");
    for language in [Language::Ko, Language::En] {
        i18n::set_language(language);
        for p in problems {
            assert_eq!(p.file, file);
            let message = i18n::import_problem(&p.kind);
            assert!(!message.trim().is_empty() && !message.contains("import-problem-"), "{p:?}: {message}");
            if language == Language::Ko {
                assert!(message.chars().any(|c| ('가'..='힣').contains(&c)), "in Korean: {message}");
            }
            assert!(i18n::import_problem_line(p).starts_with(file));
        }
    }
}

/// `snapshot` without the highest release id ever given (an undone import does not give its ids
/// back, by design).
fn contents(mut snapshot: Snapshot) -> Snapshot {
    snapshot.release_high_water = 0;
    snapshot
}

/// Applies `command` to `model`: all or nothing, the dry run predicts which, and one undo takes an
/// applied one back.
fn whole_or_nothing(model: &mut Model, before: &Snapshot, command: Command) {
    let dry = model.dry_run(command.clone());
    let undoable = model.history().undo_len();
    match model.apply(command) {
        Ok(_) => {
            assert!(dry.is_ok(), "the dry run refused what the import then wrote: {dry:?}");
            assert_eq!(
                model.reload_snapshot().unwrap(),
                model.snapshot(),
                "the file holds what memory holds"
            );
            if model.history().undo_len() > undoable {
                model.undo().unwrap();
            }
            assert_eq!(
                contents(model.snapshot()),
                contents(before.clone()),
                "one undo takes the import back"
            );
            assert_eq!(contents(model.reload_snapshot().unwrap()), contents(before.clone()));
        }
        Err(err) => {
            assert!(dry.is_err(), "the dry run accepted what the import then refused: {err:?}");
            assert!(!i18n::command_error(&err).trim().is_empty());
            assert_eq!(
                contents(model.snapshot()),
                contents(before.clone()),
                "a refused import leaves memory as it was"
            );
            assert_eq!(contents(model.reload_snapshot().unwrap()), contents(before.clone()), "and the file");
        }
    }
}

fn try_all(bytes: &[u8], world: &mut World) {
    world.tried += 1;
    match export::import::read_freshservice_bytes("fuzz.json", bytes) {
        Ok(batch) => {
            world.planned += 1;
            whole_or_nothing(
                &mut world.model,
                &world.before,
                Command::Import(ImportCommand::Releases(batch)),
            );
        }
        Err(problems) => named_clearly(&problems, "fuzz.json"),
    }
    match export::import::csv::read_csv_bytes("fuzz.csv", bytes) {
        Ok(batch) => {
            world.planned += 1;
            whole_or_nothing(
                &mut world.model,
                &world.before,
                Command::Import(ImportCommand::Releases(batch)),
            );
        }
        Err(problems) => named_clearly(&problems, "fuzz.csv"),
    }
    // The window's preview reads any bytes (it shows what it can).
    let _shown_or_not = export::import::csv::preview_rows(bytes, 50);
    match export::archive::read_bytes("fuzz-archive.json", bytes) {
        Ok(archive) => {
            let command = Command::Import(ImportCommand::Archive(Box::new(archive)));
            // Never into a database that holds releases.
            assert!(world.model.dry_run(command.clone()).is_err());
            world.planned += 1;
            whole_or_nothing(&mut world.empty, &world.empty_before, command);
        }
        Err(problem) => named_clearly(&[problem], "fuzz-archive.json"),
    }
    i18n::set_language(Language::En);
}

fn archive() -> Vec<u8> {
    let mut m = Model::from_store(Store::open_in_memory().unwrap()).unwrap();
    let page = export::import::read_freshservice_bytes("page.json", crate::data::PAGE.as_bytes()).unwrap();
    m.apply(Command::Import(ImportCommand::Releases(page))).unwrap();
    export::archive::to_json(&m, crate::common::t0()).unwrap().into_bytes()
}

/// A runner with a fixed seed: the same inputs on every run, so a red gate can be reproduced.
fn runner(cases: u32) -> TestRunner {
    TestRunner::new_with_rng(
        Config { cases, failure_persistence: None, ..Config::default() },
        proptest::test_runner::TestRng::deterministic_rng(proptest::test_runner::RngAlgorithm::ChaCha),
    )
}

/// Once a bug: an archive whose 20th value is replaced by an id that names nothing (a release's
/// agent) passed the dry run and was then refused by SQLite's foreign keys.
#[test]
fn an_archive_naming_a_missing_id_is_refused_by_the_dry_run() {
    let base = archive();
    let mut value: serde_json::Value = serde_json::from_slice(&base).unwrap();
    replace_nth(&mut value, &mut 20, &serde_json::json!(9_007_199_254_740_993_u64));
    let mut world = World::new();
    try_all(value.to_string().as_bytes(), &mut world);
}

#[test]
fn the_importers_never_panic_never_half_write_and_name_every_problem() {
    let mut world = World::new();
    let bases = [
        crate::data::PAGE.as_bytes().to_vec(),
        CSV.as_bytes().to_vec(),
        crate::data::BAD.as_bytes().to_vec(),
    ];
    let world = std::cell::RefCell::new(&mut world);
    runner(1200)
        .run(&(prop::collection::vec(edit(), 1..12), 0..bases.len()), |(edits, which)| {
            try_all(&mutate(&bases[which], &edits), &mut world.borrow_mut());
            Ok(())
        })
        .unwrap();
    runner(1200)
        .run(&(0..400_usize, any_json(), any::<bool>()), |(n, with, page)| {
            let text = if page { crate::data::PAGE } else { crate::data::BAD };
            let mut value: serde_json::Value = serde_json::from_str(text).unwrap();
            replace_nth(&mut value, &mut n.clone(), &with);
            try_all(value.to_string().as_bytes(), &mut world.borrow_mut());
            Ok(())
        })
        .unwrap();
    let base = archive();
    runner(300)
        .run(&(prop::collection::vec(edit(), 1..6), 0..2000_usize, any_json()), |(edits, n, with)| {
            try_all(&mutate(&base, &edits), &mut world.borrow_mut());
            let mut value: serde_json::Value = serde_json::from_slice(&base).unwrap();
            replace_nth(&mut value, &mut n.clone(), &with);
            try_all(value.to_string().as_bytes(), &mut world.borrow_mut());
            Ok(())
        })
        .unwrap();
    let (tried, planned) = (world.borrow().tried, world.borrow().planned);
    println!(
        "import fuzzing: {tried} inputs tried, {planned} readings applied or refused whole, no panic, no half write"
    );
    assert!(tried >= 3_000, "{tried}");
    assert!(planned >= 300, "enough mutated files still read to test the writing: {planned}");
}

/// Files written to hurt a reader: each is refused with a reason, or read; never a panic or a
/// stack overflow.
#[test]
fn hostile_files_are_refused_with_a_reason_or_read() {
    let mut world = World::new();
    let release = |extra: &str| {
        format!(
            r#"{{"release": {{"id": 5, "subject": "x", "status": 1, "priority": 1, "release_type": 1,
            "planned_start_date": "2026-11-03T09:00:00Z", "planned_end_date": "2026-11-03T10:00:00Z"{extra}}}}}"#
        )
    };
    let deep_html = "<div>".repeat(20_000) + "깊다" + &"</div>".repeat(20_000);
    let deep_list = "<ul><li>".repeat(5_000) + "목록";
    let long = "가".repeat(300_000);
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("deep arrays", "[".repeat(100_000).into_bytes()),
        ("deep objects", r#"{"releases":"#.repeat(50_000).into_bytes()),
        ("deep html", release(&format!(r#", "description": {}"#, serde_json::json!(deep_html))).into_bytes()),
        ("deep list", release(&format!(r#", "description": {}"#, serde_json::json!(deep_list))).into_bytes()),
        ("long subject", release(&format!(r#", "category": "{long}""#)).replace(r#""x""#, &format!("\"{long}\"")).into_bytes()),
        ("huge id", release("").replace(r#""id": 5"#, r#""id": 1e300"#).into_bytes()),
        ("negative id", release("").replace(r#""id": 5"#, r#""id": -5"#).into_bytes()),
        ("id past i64", release("").replace(r#""id": 5"#, r#""id": 18446744073709551615"#).into_bytes()),
        ("time spent overflow", release(r#", "time_entries": [{"time_spent": "99999999:59", "executed_at": "2026-11-03T09:00:00Z"}]"#).into_bytes()),
        ("year one", release("").replace("2026-11-03T09:00:00Z", "0001-01-01T00:00:00Z").into_bytes()),
        ("nul in text", release(r#", "description": "a\u0000b""#).into_bytes()),
        ("lone surrogate", release(r#", "description": "\ud800""#).into_bytes()),
        ("utf-16", "\u{feff}{}".encode_utf16().flat_map(u16::to_le_bytes).collect()),
        ("empty", Vec::new()),
        ("bom csv", "\u{feff}Subject,Planned start,Planned end\nx,2026-11-03T09:00:00Z,2026-11-03T10:00:00Z\n".into()),
        ("cp949 csv", b"Subject,Planned start,Planned end\n\xc1\xa6\xb8\xf1,2026-11-03T09:00:00Z,2026-11-03T10:00:00Z\n".to_vec()),
        ("nul csv", b"Subject,Planned start,Planned end\n\0,\0,\0\n".to_vec()),
        ("wide header", (0..20_000).map(|i| format!("c{i}")).collect::<Vec<_>>().join(",").into_bytes()),
        ("giant cell", format!("Subject,Planned start,Planned end\n\"{long}\",2026-11-03T09:00:00Z,2026-11-03T10:00:00Z\n").into_bytes()),
        ("ragged rows", b"Subject,Planned start,Planned end\nx\ny,2026-11-03T09:00:00Z,2026-11-03T10:00:00Z,extra,extra\n\"open quote\n".to_vec()),
    ];
    for (what, bytes) in &files {
        let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| try_all(bytes, &mut world)));
        assert!(done.is_ok(), "{what}");
    }
    // The deep HTML became text (or stayed as it came); the Korean inside survives either way.
    let file = |what: &str| &files.iter().find(|(w, _)| *w == what).unwrap().1;
    let batch = export::import::read_freshservice_bytes("deep.json", file("deep html")).unwrap();
    assert!(batch.releases[0].release.description.contains("깊다"));
    // A CSV a spreadsheet saved in the system's code page (or as UTF-16) is named as such, with
    // the first line that is not UTF-8 and how to save it instead.
    for (what, line) in [("cp949 csv", 2), ("utf-16", 1)] {
        let problems = export::import::csv::read_csv_bytes("x.csv", file(what)).unwrap_err();
        assert_eq!((&problems[0].kind, problems[0].row), (&ProblemKind::NotUtf8, Some(line)), "{what}");
    }
    let nested = export::import::read_freshservice_bytes("x.json", file("deep arrays")).unwrap_err();
    assert!(matches!(nested[0].kind, ProblemKind::NotJson(_)), "{nested:?}");
    let id = export::import::read_freshservice_bytes("x.json", file("id past i64")).unwrap_err();
    assert_eq!(id[0].field.as_deref(), Some("id"), "{id:?}");
    // A year Excel cannot show is imported as given, and the workbook still writes it (as text).
    let batch = export::import::read_freshservice_bytes("x.json", file("year one")).unwrap();
    let releases: Vec<Release> = batch.releases.into_iter().map(|r| r.release).collect();
    let xlsx = export::xlsx::releases_xlsx(&releases, &Directory::default(), false).unwrap();
    assert!(crate::data::xlsx_cells(&xlsx)[1][5].starts_with("0001-01-01"));
}

/// Text that a spreadsheet or a CSV reader might take for something else.
fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[=+@\\-][A-Za-z0-9(),.\"!:; ]{0,20}",
        "'{1,3}[=+@\\-\t\r '][A-Za-z0-9 ]{0,8}",
        " {0,2}[\t\r][=A-Z0-9]{0,6}",
        "[가-힣 ]{1,16}",
        "[\\-+]?[0-9]{1,6}(\\.[0-9]{1,3})?",
        "[a-z\"',;\n]{1,20}",
        "\\PC{1,24}",
    ]
    .prop_map(|s| s.trim().to_owned())
    .prop_filter("a subject is never empty", |s| !s.is_empty())
}

fn time() -> impl Strategy<Value = Timestamp> {
    prop_oneof![
        // The years an xlsx date cell cannot hold as well as the everyday ones.
        (-62_135_596_800_i64..253_402_300_000_i64),
        (1_700_000_000_i64..1_900_000_000_i64),
    ]
    .prop_map(|s| Timestamp::from_timestamp(s - s % 60, 0).unwrap())
}

#[test]
fn exports_of_hostile_text_never_fail_and_read_back_as_written() {
    let tried = std::cell::Cell::new(0);
    runner(150)
        .run(&prop::collection::vec((hostile_text(), time(), 1..10_000_i64), 1..8), |rows| {
            tried.set(tried.get() + 1);
            let releases: Vec<Release> = rows
                .iter()
                .enumerate()
                .map(|(i, (subject, start, minutes))| {
                    let planned =
                        PlannedWindow { start: *start, end: *start + chrono::Duration::minutes(*minutes) };
                    Release::new(
                        ReleaseId(i as i64 + 1),
                        subject.clone(),
                        Status::Open,
                        Priority::High,
                        ReleaseType::Major,
                        planned,
                        *start,
                    )
                })
                .collect();
            let directory = Directory::default();
            let csv = export::csv::releases_csv(&releases, &directory, false).unwrap();
            let batch = export::import::csv::read_csv_bytes("out.csv", csv.as_bytes()).unwrap();
            let subjects: Vec<&str> = batch.releases.iter().map(|r| r.release.subject.as_str()).collect();
            let written: Vec<&str> = releases.iter().map(|r| r.subject.as_str()).collect();
            prop_assert_eq!(subjects, written);
            for (back, r) in batch.releases.iter().zip(&releases) {
                prop_assert_eq!(back.release.planned, r.planned);
            }
            let localized = export::csv::releases_csv(&releases, &directory, true).unwrap();
            let batch = export::import::csv::read_csv_bytes("out.csv", localized.as_bytes()).unwrap();
            prop_assert_eq!(batch.releases.len(), releases.len());
            let xlsx = export::xlsx::releases_xlsx(&releases, &directory, false).unwrap();
            let cells = crate::data::xlsx_cells(&xlsx);
            for (row, r) in cells.iter().skip(1).zip(&releases) {
                prop_assert_eq!(&row[1], &r.subject, "the subject is a text cell, as written");
            }
            Ok(())
        })
        .unwrap();
    println!("export fuzzing: {} sets of releases written, no failure", tried.get());
}
