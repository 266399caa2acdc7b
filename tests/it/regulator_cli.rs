//! The regulator commands of the command line (issue 17, item 1): `regulator list` as a table and
//! JSON, `regulator approve` recording through the model (bad input refused with one line and
//! nothing written), and `show --format json` carrying `regulator`.

use crate::common::{cli, model_with, plain, temp_db};
use release_desk::domain::{GroupId, RegulatorStep, RegulatorStepId, ReleaseType};
use release_desk::model::{Command, Model, RegulatorCommand};

/// #1 an Emergency patch, #2 a Standard release; the step "금감원 보고 및 승인" on Emergency.
fn desk() -> (tempfile::TempDir, String) {
    let (dir, path) = temp_db();
    let mut patch = plain(1, "코어뱅킹 보안 패치");
    patch.release_type = ReleaseType::Emergency;
    let mut model = model_with(&path, vec![patch, plain(2, "ERP")]);
    let step = RegulatorStep {
        id: RegulatorStepId(0),
        name: "금감원 보고 및 승인".into(),
        authority: "금융감독원".into(),
        release_types: vec![ReleaseType::Emergency],
        groups: vec![GroupId(1)],
        active: true,
    };
    model.apply(Command::Regulator(RegulatorCommand::SaveStep(step))).unwrap();
    (dir, path.to_str().unwrap().to_owned())
}

fn text(out: &std::process::Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn regulator_list_shows_the_steps_as_a_table_and_json() {
    let (_dir, db) = desk();
    let table = text(&cli(&["--db", &db, "--lang", "ko", "regulator", "list"]));
    assert_eq!(table, "1\t금감원 보고 및 승인\t금융감독원\t긴급, ERP 운영팀\t승인 0건\t\n");
    let json: serde_json::Value =
        serde_json::from_str(&text(&cli(&["--db", &db, "regulator", "list", "--format", "json"]))).unwrap();
    assert_eq!(json[0]["name"], "금감원 보고 및 승인");
    assert_eq!(json[0]["release_types"], serde_json::json!(["Emergency"]));
    assert_eq!(json[0]["group_ids"], serde_json::json!([1]));
    assert_eq!(json[0]["approvals"], 0);
}

#[test]
fn regulator_approve_records_the_approval_and_show_json_carries_it() {
    let (_dir, db) = desk();
    let show = |db: &str| -> serde_json::Value {
        serde_json::from_str(&text(&cli(&["--db", db, "show", "1", "--format", "json"]))).unwrap()
    };
    let before = show(&db);
    assert_eq!(before["regulator"][0]["name"], "금감원 보고 및 승인");
    assert_eq!(before["regulator"][0]["approval"], serde_json::Value::Null);
    let out = cli(&[
        "--db",
        &db,
        "--lang",
        "ko",
        "regulator",
        "approve",
        "#1",
        "--step",
        "1",
        "--reference",
        "FSS-2026-0412",
        "--date",
        "2026-04-12",
        "--as",
        "김민준",
        "--note",
        "공문 접수",
    ]);
    assert_eq!(text(&out), "#1: 필요한 감독기관 승인 단계가 모두 승인되었습니다.\n");
    let after = show(&db);
    let approval = &after["regulator"][0]["approval"];
    assert_eq!(approval["reference"], "FSS-2026-0412");
    assert_eq!(approval["approved_on"], "2026-04-12");
    assert_eq!(approval["recorded_by"], "김민준");
    assert_eq!(approval["note"], "공문 접수");
    assert_eq!(show(&db)["regulator"], after["regulator"]);
    let plain_release: serde_json::Value =
        serde_json::from_str(&text(&cli(&["--db", &db, "show", "2", "--format", "json"]))).unwrap();
    assert_eq!(plain_release["regulator"], serde_json::json!([]));
}

#[test]
fn bad_input_is_refused_with_one_line_and_nothing_written() {
    let (_dir, db) = desk();
    let args = |release: &str, step: &str, reference: &str, date: &str, agent: &str| {
        cli(&[
            "--db",
            &db,
            "--lang",
            "ko",
            "regulator",
            "approve",
            release,
            "--step",
            step,
            "--reference",
            reference,
            "--date",
            date,
            "--as",
            agent,
        ])
    };
    for out in [
        args("1", "1", "  ", "2026-04-12", "1"),
        args("1", "1", "FSS-1", "2026-13-01", "1"),
        args("1", "7", "FSS-1", "2026-04-12", "1"),
        args("2", "1", "FSS-1", "2026-04-12", "1"),
        args("9", "1", "FSS-1", "2026-04-12", "1"),
        args("1", "1", "FSS-1", "2026-04-12", "nobody"),
        args("1", "1", &"X".repeat(65), "2026-04-12", "1"),
    ] {
        assert!(!out.status.success());
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(out.stdout.is_empty());
    }
    let err = String::from_utf8(args("1", "1", " ", "2026-04-12", "1").stderr).unwrap();
    assert!(err.contains("접수(승인) 번호를 입력해야 합니다"), "{err}");
    let model = Model::open(std::path::Path::new(&db)).unwrap();
    assert!(model.regulators().approvals.is_empty(), "nothing written");
}
