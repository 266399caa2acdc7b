//! The command line: demo, list and show, one-line errors, Korean output, bulk actions and the
//! lifecycle fields of the JSON.

use crate::common::{cli, model_with, plain, temp_db};
use release_desk::domain::{AgentId, GroupId, ReleaseId};
use release_desk::model::Model;

#[test]
fn cli_demo_list_and_show() {
    let (_dir, path) = temp_db();
    let db = path.to_str().unwrap();
    let out = cli(&["--db", db, "demo"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let again = cli(&["--db", db, "demo"]);
    assert!(!again.status.success());
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("--force"));

    let out =
        cli(&["--db", db, "list", "--view", "emergency", "--sort", "priority", "--desc", "--format", "json"]);
    assert!(out.status.success());
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = list.as_array().unwrap();
    assert!(!list.is_empty());
    for r in list {
        assert_eq!(r["release_type"], 4);
        for key in [
            "id",
            "subject",
            "status",
            "priority",
            "planned_start_date",
            "planned_end_date",
            "work_start_date",
            "work_end_date",
            "agent_id",
            "group_id",
            "department_id",
            "created_at",
            "updated_at",
        ] {
            assert!(r.get(key).is_some(), "missing {key}");
        }
    }
    let priorities: Vec<i64> = list.iter().map(|r| r["priority"].as_i64().unwrap()).collect();
    assert!(priorities.windows(2).all(|w| w[0] >= w[1]));

    let out = cli(&["--db", db, "list", "--view", "unassigned", "--format", "json"]);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(list.as_array().unwrap().iter().all(|r| r["agent_id"].is_null()));

    let out = cli(&["--db", db, "list", "--view", "mine", "--as", "이서연", "--format", "csv"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("ID,Subject,Status"));
    assert!(text.lines().skip(1).all(|l| l.contains("이서연")));

    let out = cli(&["--db", db, "list", "--search", "롯데그룹"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("롯데그룹"), "{text}");

    let out = cli(&["--db", db, "show", "#1", "--format", "json"]);
    assert!(out.status.success());
    let one: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(one["id"], 1);
}

#[test]
fn cli_errors_are_one_line_and_non_zero() {
    let (_dir, path) = temp_db();
    let db = path.to_str().unwrap();
    let missing = path.with_file_name("missing.sqlite3");
    let junk = path.with_file_name("junk.sqlite3");
    std::fs::write(
        &junk,
        "not a database at all, just some notes ...........................................................",
    )
    .unwrap();
    for args in [
        vec!["--db", db, "list", "--view", "nope"],
        vec!["--db", db, "list", "--sort", "height"],
        vec!["--db", missing.to_str().unwrap(), "list"],
        vec!["--db", junk.to_str().unwrap(), "list"],
        vec!["--db", db, "frobnicate"],
    ] {
        let out = cli(&args);
        assert!(!out.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.trim_end().lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.starts_with("release-desk: "), "{stderr}");
    }
    drop(model_with(&path, vec![plain(1, "one")]));
    let out = cli(&["--db", db, "show", "42"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("release #42 does not exist"));
    let out = cli(&["--db", db, "list", "--as", "nobody-here"]);
    assert!(!out.status.success());
    assert!(!missing.exists(), "a missing file is not created by a read command");
}

#[test]
fn korean_cli_output() {
    let (_dir, path) = temp_db();
    let db = path.to_str().unwrap();
    assert!(cli(&["--db", db, "--lang", "ko", "demo"]).status.success());
    let out = cli(&["--db", db, "--lang", "ko", "list", "--view", "emergency"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("ID"), "{text}");
    assert!(text.contains("우선순위") && text.contains("긴급"), "{text}");
    let out = cli(&["--db", db, "--lang", "en", "list", "--view", "emergency"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Priority") && text.contains("Emergency"), "{text}");
    let out = cli(&["--db", db, "--lang", "fr", "list"]);
    assert!(!out.status.success());
}

#[test]
fn cli_bulk_actions_are_all_or_nothing() {
    let (_dir, path) = temp_db();
    let db = path.to_str().unwrap();
    drop(model_with(&path, (1..=5).map(|i| plain(i, &format!("release {i}"))).collect()));
    let ok = |args: &[&str]| {
        let mut all = vec!["--db", db, "--lang", "en"];
        all.extend_from_slice(args);
        let out = cli(&all);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let fails = |args: &[&str], reason: &str| {
        let before = Model::open(&path).unwrap().snapshot();
        let mut all = vec!["--db", db, "--lang", "en"];
        all.extend_from_slice(args);
        let out = cli(&all);
        assert!(!out.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.trim_end().lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains(reason), "{args:?}: {stderr}");
        assert_eq!(Model::open(&path).unwrap().snapshot(), before, "{args:?} changed the file");
    };
    let text = ok(&["bulk", "delete", "--ids", "1,2,#3"]);
    assert!(text.contains("move 3 releases to Trash"), "{text}");
    fails(&["bulk", "purge", "--ids", "1,4"], "Release #4 is not in Trash");
    fails(&["bulk", "delete", "--ids", "4,77"], "Release #77 does not exist");
    fails(&["bulk", "restore", "--ids", "1,x"], "'x' is not a release id");
    fails(&["bulk", "assign", "--ids", "4"], "needs --agent or --group");
    fails(&["bulk", "assign", "--ids", "4", "--agent", "nobody-here"], "no agent 'nobody-here'");
    fails(&["bulk", "pick-up", "--ids", "4,5"], "Nobody is signed in");
    fails(&["bulk", "delete", "--ids", "4", "--agent", "1"], "only for `bulk assign`");
    ok(&["bulk", "restore", "--ids", "2"]);
    ok(&["bulk", "purge", "--ids", "1,3"]);
    ok(&["bulk", "pick-up", "--ids", "4,5", "--as", "박지훈"]);
    ok(&["bulk", "assign", "--ids", "2,4", "--agent", "Emily Carter", "--group", "ERP 운영팀"]);
    ok(&["bulk", "assign", "--ids", "5", "--agent", "none"]);
    let model = Model::open(&path).unwrap();
    assert!(model.release(ReleaseId(1)).is_none() && model.release(ReleaseId(3)).is_none());
    assert!(!model.release(ReleaseId(2)).unwrap().is_deleted());
    let four = model.release(ReleaseId(4)).unwrap();
    assert_eq!((four.agent_id, four.group_id), (Some(AgentId(2)), Some(GroupId(1))));
    assert_eq!(model.release(ReleaseId(5)).unwrap().agent_id, None);
    let log = model.activities_for(ReleaseId(5)).unwrap();
    assert_eq!(log[1].actor, Some(AgentId(3)), "--as names who picked it up");
    drop(model);
    let out = cli(&["--db", db, "--lang", "ko", "bulk", "purge", "--ids", "4"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("휴지통에 없습니다"));
}

#[test]
fn cli_json_carries_the_lifecycle_and_rollout() {
    let (_dir, path) = temp_db();
    let db = path.to_str().unwrap();
    assert!(cli(&["--db", db, "demo"]).status.success());
    let out = cli(&["--db", db, "list", "--search", "코어뱅킹 보안 패치", "--format", "json"]);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let item = &list[0];
    for key in ["stage", "stage_history", "outcome", "closed_at", "rollback_count", "downtime_minutes"] {
        assert!(item.get(key).is_some(), "list JSON lacks {key}");
    }
    assert_eq!(item["rollback_count"], 1);
    assert_eq!(item["outcome"], "successful");
    let id = item["id"].as_i64().unwrap().to_string();
    let out = cli(&["--db", db, "show", &id, "--format", "json"]);
    assert!(out.status.success());
    let shown: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "associated_change_ids",
        "assets",
        "stage",
        "stage_history",
        "outcome",
        "closed_at",
        "rollback_count",
        "downtime_minutes",
        "deployment_strategy",
        "risks",
        "readiness",
    ] {
        assert!(shown.get(key).is_some(), "show JSON lacks {key}");
    }
    assert_eq!(shown["stage"], "complete");
    assert_eq!(shown["downtime_minutes"], 35);
    assert!(shown["stage_history"].as_array().unwrap().iter().any(|e| e["stage"] == "rollback"));
    assert_eq!(shown["risks"].as_array().unwrap().len(), 4);
    assert_eq!(shown["readiness"]["plan_checklist"].as_array().unwrap().len(), 6);
    assert_eq!(shown["associated_changes"][0]["cab_approval"], "approved");
    // A release never closed has a null outcome.
    let out = cli(&["--db", db, "list", "--view", "incomplete", "--format", "json"]);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(list.as_array().unwrap().iter().any(|r| r["outcome"].is_null()));
}

#[test]
fn show_aligns_korean_labels_by_display_width_and_prints_stage_and_history() {
    use unicode_width::UnicodeWidthStr;
    let (_dir, path) = temp_db();
    let db = path.to_str().unwrap();
    assert!(cli(&["--db", db, "demo"]).status.success());
    let model = release_desk::model::Model::open(&path).unwrap();
    let id = model.releases().iter().find(|r| !model.stage_history(r.id).is_empty()).unwrap().id;
    drop(model);
    let out = cli(&["--db", db, "--lang", "ko", "show", &id.0.to_string()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("단계") && text.contains("준비 상태") && text.contains("단계 이력"), "{text}");
    // Every property line's value starts in the same display column.
    let starts: std::collections::BTreeSet<usize> = text
        .lines()
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.find("  ").map(|_| l))
        .map(|l| {
            let label_end = l.trim_start().find("  ").unwrap() + (l.len() - l.trim_start().len());
            UnicodeWidthStr::width(&l[..label_end])
        })
        .collect();
    assert_eq!(starts.len(), 1, "{text}");
}

/// The binary with the terminal `columns` wide.
fn cli_in_columns(columns: usize, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_release-desk"))
        .args(args)
        .env("COLUMNS", columns.to_string())
        .output()
        .unwrap()
}

#[test]
fn every_command_and_argument_has_its_help_in_the_catalogue() {
    let missing: Vec<String> = release_desk::cli::help_paths()
        .into_iter()
        .filter(|path| !release_desk::cli::HELP.iter().any(|(p, _)| p == path))
        .collect();
    assert!(
        missing.is_empty(),
        "add these to HELP in src/cli/help.rs, with their keys in assets/i18n/{{en,ko}}/cli-help.ftl: {missing:?}"
    );
}

#[test]
fn help_and_argument_errors_are_in_korean_with_lang_ko() {
    let out = cli(&["--lang", "ko", "--help"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for korean in ["사용법:", "명령:", "옵션:", "릴리스를 거르고 정렬해 나열합니다", "도움말을 보여 줍니다"]
    {
        assert!(text.contains(korean), "{korean} in {text}");
    }
    let english =
        ["Usage", "Options", "Commands", "Arguments", "Print ", "[default", "possible values", " the "];
    let mut subcommands: Vec<Vec<&str>> = vec![vec![]];
    for name in ["list", "show", "chart", "bulk", "create", "export", "restore", "update", "calendar"] {
        subcommands.push(vec![name]);
    }
    subcommands.push(vec!["import", "csv"]);
    subcommands.push(vec!["help", "list"]);
    for sub in subcommands {
        let mut args = vec!["--lang", "ko"];
        args.extend(&sub);
        if sub.first() != Some(&"help") {
            args.push("--help");
        }
        let out = cli(&args);
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(out.status.success() && !text.is_empty(), "{sub:?}");
        for word in english {
            assert!(!text.contains(word), "{word:?} in `{}`:\n{text}", sub.join(" "));
        }
    }
    let text = String::from_utf8(cli(&["--lang", "ko", "list", "--help"]).stdout).unwrap();
    assert!(text.contains("[기본값: all]") && text.contains("[가능한 값: table, json, csv]"), "{text}");
    // The system language without --lang: English help is clap's own.
    let text = String::from_utf8(cli(&["--lang", "en", "list", "--help"]).stdout).unwrap();
    assert!(text.contains("Usage:") && text.contains("List releases of a view"), "{text}");

    for (args, korean) in [
        (vec!["--lang", "ko", "frobnicate"], "알 수 없는 명령 'frobnicate'"),
        (vec!["--lang", "ko", "list", "--bogus"], "알 수 없는 인자 '--bogus'"),
        (vec!["--lang", "ko", "list", "--format", "xml"], "가능한 값: table, json, csv"),
        (vec!["--lang", "ko", "list", "--view", "nope"], "알 수 없는 값 'nope'"),
        (vec!["--lang=ko", "bulk", "delete"], "꼭 필요한 인자가 빠졌습니다: --ids"),
    ] {
        let out = cli(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
        assert!(stderr.contains(korean) && stderr.contains("release-desk --help 참고"), "{args:?}: {stderr}");
    }
}

#[test]
fn list_fits_the_terminal_and_columns_picks_them() {
    use unicode_width::UnicodeWidthStr;
    let (_dir, path) = temp_db();
    let db = path.to_str().unwrap();
    assert!(cli(&["--db", db, "demo"]).status.success());
    for lang in ["en", "ko"] {
        for columns in [60, 80, 120] {
            let out = cli_in_columns(columns, &["--db", db, "--lang", lang, "list"]);
            assert!(out.status.success());
            let text = String::from_utf8(out.stdout).unwrap();
            for line in text.lines() {
                assert!(line.width() <= columns, "{lang} {columns}: {line:?} is {} wide", line.width());
            }
            assert!(text.lines().next().unwrap().starts_with("ID"), "{text}");
            let note = if lang == "ko" {
                "숨겼습니다 (--columns 참고)"
            } else {
                "hidden to fit (see --columns)"
            };
            assert!(text.contains(note), "{lang} {columns}: {text}");
        }
    }
    let wide = String::from_utf8(cli_in_columns(400, &["--db", db, "list"]).stdout).unwrap();
    assert!(!wide.contains("--columns") && wide.lines().next().unwrap().ends_with("Updated"), "{wide}");
    let piped = String::from_utf8(cli(&["--db", db, "list"]).stdout).unwrap();
    assert_eq!(piped, wide, "without a terminal nothing is cut");

    let out = cli_in_columns(200, &["--db", db, "list", "--columns", "id,agent,subject,stage"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let header: Vec<&str> = text.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(header, ["ID", "Agent", "Subject", "Stage"], "{text}");
    let out = cli(&["--db", db, "list", "--columns", "id,height"]);
    assert!(!out.status.success());
    let out = cli(&["--db", db, "list", "--columns", "id", "--format", "json"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("--columns is for the table only"));
}

#[test]
fn csv_has_a_bom_and_localized_headers_only_when_asked() {
    let (dir, path) = temp_db();
    let db = path.to_str().unwrap();
    assert!(cli(&["--db", db, "demo"]).status.success());
    let plain = cli(&["--db", db, "--lang", "ko", "list", "--format", "csv"]).stdout;
    assert!(plain.starts_with(b"ID,Subject,Status"), "machine-readable by default, whatever the language");
    let bom = cli(&["--db", db, "list", "--format", "csv", "--bom"]).stdout;
    assert_eq!(&bom[..3], b"\xEF\xBB\xBF");
    assert_eq!(&bom[3..], &plain[..]);
    let localized = cli(&["--db", db, "--lang", "ko", "list", "--format", "csv", "--localized"]).stdout;
    let localized = String::from_utf8(localized).unwrap();
    assert!(localized.starts_with("ID,제목,상태"), "{localized}");
    let show = cli(&["--db", db, "show", "1", "--format", "csv", "--bom"]).stdout;
    assert!(show.starts_with(b"\xEF\xBB\xBFID,Subject"));
    let out = cli(&["--db", db, "list", "--bom"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("for CSV only"));

    let file = dir.path().join("releases.csv");
    let file_arg = file.to_str().unwrap();
    let out = cli(&["--db", db, "export", "csv", "--out", file_arg, "--bom"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::read(&file).unwrap().starts_with(b"\xEF\xBB\xBFID,Subject"));
}

#[test]
fn commands_that_write_a_file_refuse_to_replace_it_unless_forced() {
    let (dir, path) = temp_db();
    let db = path.to_str().unwrap();
    assert!(cli(&["--db", db, "demo"]).status.success());
    let existing = |name: &str| {
        let file = dir.path().join(name);
        std::fs::write(&file, "keep me").unwrap();
        file
    };
    let commands: Vec<(std::path::PathBuf, Vec<&str>)> = vec![
        (existing("a.csv"), vec!["export", "csv"]),
        (existing("a.xlsx"), vec!["export", "xlsx"]),
        (existing("a.json"), vec!["export", "freshservice"]),
        (existing("kpi.svg"), vec!["chart"]),
        (existing("plan.ics"), vec!["calendar", "--from", "2026-01-01", "--to", "2026-12-31"]),
    ];
    for (file, command) in commands {
        let file_arg = file.to_str().unwrap().to_owned();
        let mut args = vec!["--db", db];
        args.extend(&command);
        args.extend(["--out", &file_arg]);
        let out = cli(&args);
        assert!(!out.status.success(), "{command:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("already exists") && stderr.contains("--force"), "{command:?}: {stderr}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me", "{command:?}");
        args.push("--force");
        let out = cli(&args);
        assert!(out.status.success(), "{command:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert_ne!(std::fs::read(&file).unwrap(), b"keep me", "{command:?}");
    }
    let out = cli(&["--db", db, "--lang", "ko", "export", "csv", "--out", db]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("이미 있습니다"));
    // The archive of a database without deployment windows (the sample has some).
    let empty = dir.path().join("empty.sqlite3");
    let empty_arg = empty.to_str().unwrap();
    assert!(cli(&["--db", empty_arg, "init"]).status.success());
    let file = existing("archive.json");
    let out = cli(&["--db", empty_arg, "archive", "--out", file.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me");
    let out = cli(&["--db", empty_arg, "archive", "--out", file.to_str().unwrap(), "--force"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::read_to_string(&file).unwrap().starts_with('{'));
}

#[test]
fn restoring_a_missing_backup_says_it_was_not_found() {
    let (dir, path) = temp_db();
    let db = path.to_str().unwrap();
    assert!(cli(&["--db", db, "demo"]).status.success());
    let missing = dir.path().join("backups").join("no-such-backup.sqlite3");
    let out = cli(&["--db", db, "restore", missing.to_str().unwrap()]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("was not found") && !stderr.contains("damaged"), "{stderr}");
    let out = cli(&["--db", db, "--lang", "ko", "restore", missing.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("찾을 수 없습니다"));
}
