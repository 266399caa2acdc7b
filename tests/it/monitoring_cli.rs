//! `metrics` on the command line (issue 18, item 2): readings by metric and phase as a table and
//! JSON with thresholds and the breach flag, `metrics ID add` through the real binary, and bad
//! input (NaN, 120 %, not a number, an unknown release, a release not at Verify & Monitor) as one
//! line on stderr with a non-zero exit and nothing written.

use crate::common::{cli, model_with, plain, temp_db};
use release_desk::domain::Stage;
use release_desk::model::Model;

/// #1 at Verify & Monitor, #2 at Plan.
fn desk() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let (dir, path) = temp_db();
    let mut watched = plain(1, "배달의민족 앱 v8.12");
    watched.stage = Stage::VerifyMonitor;
    drop(model_with(&path, vec![watched, plain(2, "계획 중")]));
    let db = path.to_str().unwrap().to_owned();
    (dir, path, db)
}

fn ok(args: &[&str]) -> String {
    let out = cli(args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn readings_are_added_and_shown_by_metric_and_phase_with_the_breach_flagged() {
    let (_dir, _path, db) = desk();
    let add = |name: &str, value: &str, phase: &str| {
        ok(&[
            "--db",
            &db,
            "--lang",
            "en",
            "metrics",
            "1",
            "add",
            "--name",
            name,
            "--value",
            value,
            "--phase",
            phase,
            "--at",
            "2026-03-02T09:00:00Z",
        ])
    };
    let line = add("error_rate", "0.4", "10 % of users");
    assert_eq!(line, "#1 Error rate (10 % of users): 0.4 %\n");
    let line = add("error_rate", "2.5", "all users");
    assert!(line.starts_with("#1 Error rate (all users): 2.5 % — breach\n"), "{line}");
    assert!(line.contains("rolling #1 back"), "{line}");
    add("p95_latency_ms", "480", "10 % of users");
    add("결제 실패율", "3", "10 % of users");

    let table = ok(&["--db", &db, "--lang", "en", "metrics", "#1"]);
    assert!(table.starts_with("#1 배달의민족 앱 v8.12 — Verify & Monitor\n"), "{table}");
    assert!(table.contains("Error rate (threshold: at most 1 %)\n  10 % of users\n"), "{table}");
    assert!(table.contains("\t2.5 %\tbreach\n"), "{table}");
    assert!(table.contains("p95 latency (threshold: at most 500 ms)"), "{table}");
    assert!(table.contains("결제 실패율 (threshold: no threshold)"), "{table}");
    let korean = ok(&["--db", &db, "--lang", "ko", "metrics", "1"]);
    assert!(korean.contains("오류율 (임계값: 1 % 이하)"), "{korean}");
    assert!(korean.contains("임계값 초과"), "{korean}");

    let json: serde_json::Value =
        serde_json::from_str(&ok(&["--db", &db, "metrics", "1", "--format", "json"])).unwrap();
    assert_eq!(json["release"], 1);
    assert_eq!(json["stage"], "verify_monitor");
    let metrics = json["metrics"].as_array().unwrap();
    let codes: Vec<&str> = metrics.iter().map(|m| m["metric"].as_str().unwrap()).collect();
    assert_eq!(codes, ["error_rate", "p95_latency_ms", "결제 실패율"]);
    let error_rate = &metrics[0];
    assert_eq!(error_rate["breached"], true);
    assert_eq!(error_rate["custom"], false);
    assert_eq!(error_rate["threshold"]["limit"], 1.0);
    assert_eq!(error_rate["threshold"]["direction"], "at_most");
    assert_eq!(error_rate["threshold"]["default"], true);
    let phases = error_rate["phases"].as_array().unwrap();
    assert_eq!(phases[0]["phase"], "10 % of users");
    assert_eq!(phases[1]["phase"], "all users");
    let breach = &phases[1]["readings"][0];
    assert_eq!(breach["value"], 2.5);
    assert_eq!(breach["breach"], true);
    assert_eq!(breach["at"], "2026-03-02T09:00:00Z");
    assert_eq!(phases[0]["readings"][0]["breach"], false);
    assert_eq!(metrics[1]["breached"], false);
    assert_eq!(metrics[2]["custom"], true);
    assert!(metrics[2]["threshold"].is_null(), "a custom metric has none until one is set");
}

#[test]
fn bad_input_is_one_line_on_stderr_and_nothing_is_written() {
    let (_dir, path, db) = desk();
    let cases: [(&[&str], &str); 6] = [
        (&["1", "add", "--name", "error_rate", "--value", "NaN"], "finite"),
        (&["1", "add", "--name", "crash_free_users", "--value", "120"], "between 0 and 100"),
        (&["1", "add", "--name", "error_rate", "--value", "abc"], "not a number"),
        (&["1", "add", "--name", "p95_latency_ms", "--value", "-5"], "negative"),
        (&["9", "add", "--name", "error_rate", "--value", "1"], "#9"),
        (&["2", "add", "--name", "error_rate", "--value", "1"], "Verify & Monitor"),
    ];
    for (rest, expected) in cases {
        let mut args = vec!["--db", db.as_str(), "--lang", "en", "metrics"];
        args.extend_from_slice(rest);
        let out = cli(&args);
        assert!(!out.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
    let out = cli(&["--db", &db, "--lang", "en", "metrics", "9"]);
    assert!(!out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
    let model = Model::open(&path).unwrap();
    assert!(model.monitoring().is_empty(), "nothing was written");
    assert_eq!(model.history().undo_len(), 0);
    let none = ok(&["--db", &db, "--lang", "en", "metrics", "1"]);
    assert!(none.ends_with("No metric readings yet.\n"), "{none}");
}
