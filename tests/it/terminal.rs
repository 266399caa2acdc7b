//! What the command line prints (issue 12): CSV cells that would run as formulas are
//! neutralised, controls in data and arguments reach the terminal as visible escapes, echoed
//! arguments are cut, duplicate ids count once, big ids print exactly, and a writer waits for a
//! busy file and says who holds it.

use std::time::{Duration, Instant};

use crate::common::{cli, model_with, plain, temp_db};
use release_desk::model::Model;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn csv_cells_that_would_run_as_formulas_are_neutralised() {
    let (_dir, path) = temp_db();
    let subjects =
        ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", " =cmd", "-5"];
    let releases = subjects.iter().enumerate().map(|(i, s)| plain(i as i64 + 1, s)).collect();
    drop(model_with(&path, releases));
    let out =
        cli(&["--db", path.to_str().unwrap(), "--lang", "en", "list", "--view", "all", "--format", "csv"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let subject_column = reader.headers().unwrap().iter().position(|h| h == "Subject").unwrap();
    let cells: Vec<String> = reader.records().map(|r| r.unwrap()[subject_column].to_owned()).collect();
    for subject in &subjects[..7] {
        assert!(cells.contains(&format!("'{subject}")), "{subject:?} is neutralised: {cells:?}");
    }
    assert!(cells.contains(&"-5".to_owned()), "a number stays a number");
}

#[test]
fn csv_names_of_agents_and_groups_are_neutralised_too() {
    use release_desk::domain::{Agent, AgentId, Group, GroupId};
    use release_desk::store::{Mutation, Store};
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let mut release = plain(1, "plain subject");
    release.agent_id = Some(AgentId(1));
    release.group_id = Some(GroupId(1));
    let people = vec![
        Mutation::PutAgent(Agent::new(AgentId(1), "=cmd|' /C calc'!A0", "")),
        Mutation::PutGroup(Group { id: GroupId(1), name: "@SUM(1+1)".into() }),
        Mutation::PutRelease(release),
    ];
    store.commit(&people, &[]).unwrap();
    drop(store);
    let out = cli(&["--db", path.to_str().unwrap(), "--lang", "en", "list", "--format", "csv"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let cell = |name: &str| row[headers.iter().position(|h| h == name).unwrap()].to_owned();
    assert_eq!(cell("Agent"), "'=cmd|' /C calc'!A0");
    assert_eq!(cell("Group"), "'@SUM(1+1)");
    assert_eq!(cell("Subject"), "plain subject", "other text is left as it is");
}

#[test]
fn table_output_and_error_lines_show_controls_as_visible_escapes() {
    let (_dir, path) = temp_db();
    let mut release = plain(1, "\u{1b}]0;pwned\u{7}\r\n1  fake row");
    release.description = "line one\nline two \u{1b}[31mred".into();
    drop(model_with(&path, vec![release, plain(2, "\u{202e}txt")]));
    let db = path.to_str().unwrap();
    for args in [vec!["list", "--view", "all"], vec!["show", "1"], vec!["show", "2"]] {
        let out = cli(&[&["--db", db, "--lang", "en"][..], &args].concat());
        assert!(out.status.success());
        let shown = text(&out.stdout);
        for raw in ['\u{1b}', '\u{7}', '\r', '\u{202e}'] {
            assert!(!shown.contains(raw), "{args:?}: {raw:?} reaches the terminal: {shown:?}");
        }
        if args != ["show", "2"] {
            assert!(shown.contains("\\x1b]0;pwned\\x07"), "{args:?}: shown as escapes: {shown}");
        }
        if args != ["show", "1"] {
            assert!(shown.contains("\\u{202e}txt"), "{args:?}: {shown}");
        }
        assert!(!shown.contains("\n1  fake row"), "no forged row: {shown}");
    }
    let show = text(&cli(&["--db", db, "--lang", "en", "show", "1"]).stdout);
    assert!(show.contains("line one\nline two \\x1b[31mred"), "a description keeps its lines: {show}");

    let out = cli(&["--db", db, "--lang", "en", "list", "--as", "\u{1b}[31mnobody\u{7}"]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(err.contains("\\x1b[31mnobody\\x07"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line");
}

#[test]
fn error_lines_cut_echoed_arguments() {
    let (_dir, path) = temp_db();
    drop(model_with(&path, vec![plain(1, "one")]));
    let db = path.to_str().unwrap();
    let long = "x".repeat(5000);
    for args in [
        vec!["show", long.as_str()],
        vec!["list", "--as", long.as_str()],
        vec!["list", "--view", long.as_str()],
    ] {
        let out = cli(&[&["--db", db, "--lang", "en"][..], &args].concat());
        assert!(!out.status.success());
        let err = text(&out.stderr);
        assert!(!err.contains(&"x".repeat(201)), "each echo is cut to 200 characters: {err}");
        assert!(err.chars().count() < 800, "{} characters: {err}", err.chars().count());
        assert!(err.contains('…'), "the cut is shown: {err}");
    }
}

#[test]
fn duplicate_ids_count_once_and_big_ids_print_exactly() {
    let (_dir, path) = temp_db();
    drop(model_with(&path, vec![plain(1, "one"), plain(2, "two")]));
    let db = path.to_str().unwrap();
    let out = cli(&["--db", db, "--lang", "en", "bulk", "delete", "--ids", "1,1,2,#2"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("move 2 releases to Trash"), "{}", text(&out.stdout));
    assert_eq!(
        Model::open_read_only(&path).unwrap().releases().iter().filter(|r| r.deleted_at.is_some()).count(),
        2
    );

    let big = "9007199254740993"; // 2^53 + 1: a float would print ...992
    for args in [vec!["show", big], vec!["bulk", "restore", "--ids", big]] {
        let out = cli(&[&["--db", db, "--lang", "en"][..], &args].concat());
        assert!(!out.status.success());
        let err = text(&out.stderr);
        assert!(err.contains(big), "{args:?}: {err}");
    }
}

#[test]
fn a_command_waits_for_a_busy_file_and_says_who_holds_it() {
    let (_dir, path) = temp_db();
    let window = model_with(&path, vec![plain(1, "one")]);
    let db = path.to_str().unwrap().to_owned();
    let start = Instant::now();
    let out = cli(&["--db", &db, "--lang", "en", "bulk", "delete", "--ids", "1"]);
    let waited = start.elapsed();
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("another Release Desk window"), "{err}");
    assert!(err.contains(&std::process::id().to_string()), "the holder's process: {err}");
    assert!(waited >= Duration::from_secs(2), "it waited a few seconds first ({waited:?})");

    // A holder that lets go within the wait: the command goes through.
    let command = std::thread::Builder::new()
        .name("cli-writer".into())
        .spawn(move || cli(&["--db", &db, "--lang", "en", "bulk", "delete", "--ids", "1"]))
        .unwrap();
    std::thread::sleep(Duration::from_millis(700));
    drop(window);
    let out = command.join().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn a_command_names_another_command_holding_the_file() {
    let (_dir, path) = temp_db();
    drop(model_with(&path, vec![plain(1, "one")]));
    // As a `bulk` or `restore` of the command line holds it.
    let other_command = release_desk::model::session::open_for_writing(&path).unwrap();
    let out = cli(&["--db", path.to_str().unwrap(), "--lang", "en", "bulk", "delete", "--ids", "1"]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("in use by a Release Desk command"), "{err}");
    assert!(err.contains(&std::process::id().to_string()), "the holder's process: {err}");
    drop(other_command);
    assert!(Model::open_read_only(&path).unwrap().releases()[0].deleted_at.is_none(), "nothing was changed");
}
