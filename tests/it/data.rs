//! Data in and out (issue 16) through the files and the CLI: Freshservice JSON exported and
//! imported into an empty database gives the same releases, both field-name variants, HTML with
//! lists, entities and Korean, the same file twice changes nothing, every problem named with its
//! file, release and field, all or nothing, CSV read back by the csv crate and XLSX by calamine
//! (independent readers), the localized Korean CSV imported, the archive round trip and its
//! version check, and `update`.

use std::path::Path;

use crate::common::{cli, t0, temp_db};
use release_desk::domain::import::{ImportCounts, ProblemKind};
use release_desk::domain::{Release, Status};
use release_desk::export;
use release_desk::export::import::{FreshserviceFiles, read_freshservice, read_freshservice_bytes};
use release_desk::model::{Command, ImportCommand, Model, SampleCommand};
use release_desk::store::Store;

fn model() -> Model {
    let mut model = Model::from_store(Store::open_in_memory().unwrap()).unwrap();
    model.set_clock(Box::new(t0));
    model
}

fn sample() -> Model {
    let mut model = model();
    let data = release_desk::domain::sample::scenarios(t0());
    model.apply(Command::Sample(SampleCommand::Load { data, force: false })).unwrap();
    model
}

fn import(model: &mut Model, batch: release_desk::domain::import::ImportBatch) -> ImportCounts {
    model.apply(Command::Import(ImportCommand::Releases(batch))).unwrap().imported().unwrap()
}

/// A release as it must come back: ids (the database's own) and the external id aside, the
/// people by name.
fn comparable(r: &Release, m: &Model) -> (Release, String, String, String) {
    let d = m.directory();
    let names = (
        d.agent_name(r.agent_id).to_owned(),
        d.group_name(r.group_id).to_owned(),
        d.department_name(r.department_id).to_owned(),
    );
    let r = Release {
        id: release_desk::domain::ReleaseId(0),
        external_id: None,
        agent_id: None,
        group_id: None,
        department_id: None,
        ..r.clone()
    };
    (r, names.0, names.1, names.2)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn freshservice_export_imported_into_an_empty_database_gives_the_same_releases() {
    let source = sample();
    let json = export::freshservice::to_json(&source, source.releases());
    let bytes = serde_json::to_vec(&json).unwrap();
    let batch = read_freshservice_bytes("export.json", &bytes).unwrap();
    let mut target = model();
    let counts = import(&mut target, batch);
    assert_eq!(counts.created, source.releases().len());
    assert_eq!(target.releases().len(), source.releases().len());
    for (a, b) in source.releases().iter().zip(target.releases()) {
        assert_eq!(comparable(a, &source), comparable(b, &target), "release {}", a.id);
        assert_eq!(b.external_id, Some(a.id.0));
        let work =
            |m: &Model, id| (m.notes_for(id).len(), m.tasks_for(id).len(), m.time_entries_for(id).len());
        assert_eq!(work(&source, a.id), work(&target, b.id), "work of release {}", a.id);
        let bodies = |m: &Model, id| m.notes_for(id).iter().map(|n| n.body.clone()).collect::<Vec<_>>();
        assert_eq!(bodies(&source, a.id), bodies(&target, b.id));
    }
    let emails = |m: &Model| {
        m.directory().agents.iter().map(|a| (a.name.clone(), a.email.clone())).collect::<Vec<_>>()
    };
    assert_eq!(emails(&source), emails(&target), "agents come with names and emails");
    // The same file again changes nothing.
    let again = read_freshservice_bytes("export.json", &bytes).unwrap();
    let revision = target.snapshot();
    let counts = import(&mut target, again);
    assert_eq!(counts, ImportCounts { created: 0, updated: 0, unchanged: source.releases().len() });
    assert_eq!(target.snapshot(), revision);
}

pub(crate) const PAGE: &str = r#"{
  "releases": [
    {"id": 21000418005, "subject": "ERP 업그레이드", "description": "<p>순서 &amp; 확인</p><ul><li>DB 백업</li><li>앱 배포</li></ul><ol><li>첫째</li><li>둘째</li></ol>",
     "status": 3, "priority": 4, "release_type": 3,
     "planned_start_date": "2026-11-03T09:00:00Z", "planned_end_date": "2026-11-03T18:00:00Z",
     "work_start_date": null, "work_end_date": null,
     "agent_id": 21000111222, "group_id": 77, "department_id": null,
     "category": "Software", "sub_category": null, "item_category": null,
     "associated_change_ids": [4, 5], "assets": [9],
     "custom_fields": {"cab_ticket": "CAB-17", "rollout_wave": 2},
     "planning_fields": {"build_plan": {"description": "<div>빌드 1</div><div>빌드 2</div>", "description_text": "빌드 1 빌드 2"},
                         "test_plan": {"description_html": "<p>smoke &lt;all&gt;</p>"}},
     "created_at": "2026-10-01T08:00:00Z", "updated_at": "2026-10-02T08:00:00Z", "workspace_id": 2,
     "notes": [{"id": 501, "body": "<p>첫 메모<br>둘째 줄</p>", "user_id": 21000111222, "created_at": "2026-10-05T08:00:00Z"}],
     "tasks": [{"id": 601, "title": "백업", "description": "", "status": 2, "due_date": "2026-11-02T09:00:00Z", "agent_id": 21000111223, "group_id": 77}],
     "time_entries": [{"id": 701, "time_spent": "01:30", "executed_at": "2026-10-06T08:00:00Z", "billable": true, "timer_running": false, "agent_id": 21000111222, "note": "준비"}]}
  ],
  "total": 1
}"#;

const OTHER_NAMES: &str = r#"{"release": {"id": 9, "subject": "variant", "status": 1, "priority": 1, "release_type": 1,
  "planned_start_date": "2026-11-03T09:00:00.000Z", "planned_end_date": "2026-11-04T09:00:00+09:00",
  "associated_changes": [{"id": 4}, 6], "associated_assets": [{"display_id": 3}]}}"#;

#[test]
fn a_freshservice_page_with_html_korean_both_field_names_and_people_files() {
    let (dir, db) = temp_db();
    let page = write(dir.path(), "page.json", PAGE.as_bytes());
    let single = write(dir.path(), "single.json", OTHER_NAMES.as_bytes());
    let agents = write(
        dir.path(),
        "agents.json",
        br#"{"agents": [{"id": 21000111222, "first_name": "Minjun", "last_name": "Kim", "email": "mj@example.com"}]}"#,
    );
    let groups =
        write(dir.path(), "groups.json", r#"{"groups": [{"id": 77, "name": "릴리스팀"}]}"#.as_bytes());
    let files = FreshserviceFiles {
        releases: vec![page.clone(), single.clone()],
        agents: Some(agents.clone()),
        groups: Some(groups.clone()),
        departments: None,
    };
    let batch = read_freshservice(&files).unwrap();
    let mut model = Model::open(&db).unwrap();
    assert_eq!(import(&mut model, batch), ImportCounts { created: 2, updated: 0, unchanged: 0 });
    let erp = model.releases().iter().find(|r| r.external_id == Some(21_000_418_005)).unwrap();
    assert!(erp.description.contains("순서 & 확인"), "{}", erp.description);
    assert!(
        erp.description.contains("* DB 백업") && erp.description.contains("2. 둘째"),
        "{}",
        erp.description
    );
    assert_eq!(erp.build_plan.as_ref().unwrap().body, "빌드 1\n빌드 2");
    assert_eq!(erp.test_plan.as_ref().unwrap().body, "smoke <all>");
    assert_eq!(erp.custom_fields["cab_ticket"], "CAB-17");
    assert_eq!(erp.status, Status::InProgress);
    assert_eq!(model.directory().agent_name(erp.agent_id), "Minjun Kim");
    assert_eq!(model.directory().group_name(erp.group_id), "릴리스팀");
    assert_eq!(model.notes_for(erp.id)[0].body, "첫 메모\n둘째 줄");
    assert_eq!(model.time_entries_for(erp.id)[0].minutes, 90);
    // The task's agent is referenced but not supplied: a placeholder named by id.
    let task = model.tasks_for(erp.id)[0];
    assert_eq!(model.directory().agent_name(task.fields.agent_id), "#21000111223");
    let variant = model.releases().iter().find(|r| r.external_id == Some(9)).unwrap();
    let changes: Vec<i64> = variant.associated_change_ids.iter().map(|c| c.0).collect();
    assert_eq!(changes, [4, 6]);
    assert_eq!(variant.assets.iter().map(|a| a.0).collect::<Vec<_>>(), [3]);
    drop(model);
    // The same files again, through the CLI: nothing changes, the JSON report says so.
    let out = cli(&[
        "--db",
        db.to_str().unwrap(),
        "import",
        "freshservice",
        page.to_str().unwrap(),
        single.to_str().unwrap(),
        "--agents",
        agents.to_str().unwrap(),
        "--groups",
        groups.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report, serde_json::json!({"created": 0, "updated": 0, "unchanged": 2, "errors": []}));
}

/// One problem of each kind the Freshservice reader finds, in one file among good releases.
pub(crate) const BAD: &str = r#"{"releases": [
  {"id": 1, "subject": "good", "status": 1, "priority": 1, "release_type": 1, "planned_start_date": "2026-11-03T09:00:00Z", "planned_end_date": "2026-11-03T10:00:00Z"},
  {"id": 2, "subject": "bad codes", "status": 9, "priority": "x", "release_type": 1, "planned_start_date": "2026-11-03T09:00:00Z", "planned_end_date": "2026-11-03T10:00:00Z"},
  {"id": 3, "subject": "bad dates", "status": 1, "priority": 1, "release_type": 1, "planned_start_date": "3 Nov", "planned_end_date": "2026-11-03T10:00:00Z"},
  {"id": 4, "subject": "ends first", "status": 1, "priority": 1, "release_type": 1, "planned_start_date": "2026-11-03T09:00:00Z", "planned_end_date": "2026-11-02T10:00:00Z",
   "work_start_date": "2026-11-03T09:00:00Z", "work_end_date": "2026-11-03T08:00:00Z"},
  {"id": 5, "subject": "", "status": 1, "priority": 1, "release_type": 1, "planned_end_date": "2026-11-03T10:00:00Z"},
  {"id": 6, "subject": "bad work", "status": 1, "priority": 1, "release_type": 1, "planned_start_date": "2026-11-03T09:00:00Z", "planned_end_date": "2026-11-03T10:00:00Z",
   "agent_id": "someone", "custom_fields": [], "tasks": [{"title": "t", "status": 7}], "time_entries": [{"time_spent": "1h", "executed_at": "2026-11-03T09:00:00Z"}]},
  {"id": 1, "subject": "again", "status": 1, "priority": 1, "release_type": 1, "planned_start_date": "2026-11-03T09:00:00Z", "planned_end_date": "2026-11-03T10:00:00Z"},
  {"subject": "no id", "status": 1, "priority": 1, "release_type": 1, "planned_start_date": "2026-11-03T09:00:00Z", "planned_end_date": "2026-11-03T10:00:00Z"}
]}"#;

#[test]
fn every_problem_is_named_with_its_file_release_and_field_and_nothing_is_written() {
    let problems = read_freshservice_bytes("bad.json", BAD.as_bytes()).unwrap_err();
    let found: Vec<(Option<i64>, Option<&str>, &ProblemKind)> =
        problems.iter().map(|p| (p.release_id, p.field.as_deref(), &p.kind)).collect();
    let has = |id: Option<i64>, field: &str, kind: &dyn Fn(&ProblemKind) -> bool| {
        assert!(
            found.iter().any(|(i, f, k)| *i == id && *f == Some(field) && kind(k)),
            "no problem for release {id:?} field {field}: {found:#?}"
        );
    };
    has(Some(2), "status", &|k| matches!(k, ProblemKind::UnknownCode(v) if v == "9"));
    has(Some(2), "priority", &|k| matches!(k, ProblemKind::UnknownCode(v) if v == "x"));
    has(Some(3), "planned_start_date", &|k| matches!(k, ProblemKind::BadDate(v) if v == "3 Nov"));
    has(Some(4), "planned_end_date", &|k| *k == ProblemKind::EndBeforeStart);
    has(Some(4), "work_end_date", &|k| *k == ProblemKind::EndBeforeStart);
    has(Some(5), "subject", &|k| *k == ProblemKind::SubjectEmpty);
    has(Some(5), "planned_start_date", &|k| *k == ProblemKind::Missing);
    has(Some(6), "agent_id", &|k| matches!(k, ProblemKind::WrongType(_)));
    has(Some(6), "custom_fields", &|k| matches!(k, ProblemKind::WrongType(_)));
    has(Some(6), "tasks[0].status", &|k| matches!(k, ProblemKind::UnknownCode(v) if v == "7"));
    has(Some(6), "time_entries[0].time_spent", &|k| matches!(k, ProblemKind::BadTimeSpent(v) if v == "1h"));
    has(Some(1), "id", &|k| *k == ProblemKind::DuplicateRelease);
    has(None, "id", &|k| *k == ProblemKind::Missing);
    assert!(problems.iter().all(|p| p.file == "bad.json"));
    // Every kind has words in both languages (the catalogue test checks the keys exist).
    for p in &problems {
        let line = release_desk::i18n::import_problem_line(p);
        assert!(line.starts_with("bad.json") && line.len() > 20, "{line}");
    }

    // Through the CLI: exit non-zero, the JSON report lists them all, the file is untouched.
    let (dir, db) = temp_db();
    let dbs = db.to_str().unwrap();
    assert!(cli(&["--db", dbs, "demo"]).status.success());
    let before = std::fs::read(&db).unwrap();
    let bad = write(dir.path(), "bad.json", BAD.as_bytes());
    let out = cli(&["--db", dbs, "import", "freshservice", bad.to_str().unwrap(), "--format", "json"]);
    assert!(!out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["created"], 0);
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(errors.len(), problems.len());
    for e in errors {
        for key in ["file", "release_id", "field", "message"] {
            assert!(e.get(key).is_some(), "{e}");
        }
    }
    assert_eq!(std::fs::read(&db).unwrap(), before, "nothing was written");
    assert_eq!(std::fs::read(&bad).unwrap(), BAD.as_bytes(), "the user's file is untouched");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    // Not JSON, and a file that is not there: named too.
    let broken = write(dir.path(), "broken.json", b"{\"releases\": [");
    let out = cli(&[
        "--db",
        dbs,
        "--lang",
        "ko",
        "import",
        "freshservice",
        broken.to_str().unwrap(),
        "missing.json",
    ]);
    assert!(!out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("broken.json: 올바른 JSON이 아닙니다"), "{text}");
    assert!(text.contains("missing.json: 파일을 읽을 수 없습니다"), "{text}");
}

#[test]
fn a_dry_run_reports_and_writes_nothing() {
    let (dir, db) = temp_db();
    let dbs = db.to_str().unwrap();
    assert!(cli(&["--db", dbs, "init"]).status.success());
    let before = std::fs::read(&db).unwrap();
    let page = write(dir.path(), "page.json", PAGE.as_bytes());
    let out = cli(&[
        "--db",
        dbs,
        "import",
        "freshservice",
        page.to_str().unwrap(),
        "--dry-run",
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["created"], 1);
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
    reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect()
}

#[test]
fn csv_export_reads_as_a_spreadsheet_would_and_imports_back_the_same() {
    let mut source = sample();
    // A subject that a spreadsheet would run as a formula.
    let first = source.releases()[0].id;
    source
        .apply(Command::Release(release_desk::model::ReleaseCommand::Edit {
            id: first,
            edits: vec![release_desk::model::ReleaseEdit::Subject("=HYPERLINK(\"http://x\")".into())],
        }))
        .unwrap();
    let text = export::csv::releases_csv(source.releases(), source.directory(), false).unwrap();
    let rows = csv_rows(&text);
    assert_eq!(rows[0], export::table::HEADERS);
    assert_eq!(rows.len(), source.releases().len() + 1);
    assert_eq!(rows[1][1], "'=HYPERLINK(\"http://x\")", "the guard is on");
    let batch = export::import::csv::read_csv_bytes("export.csv", text.as_bytes()).unwrap();
    let mut target = model();
    import(&mut target, batch);
    let again = export::csv::releases_csv(target.releases(), target.directory(), false).unwrap();
    assert_eq!(
        csv_rows(&again)[1..].iter().map(|r| r[1..].to_vec()).collect::<Vec<_>>(),
        rows[1..].iter().map(|r| r[1..].to_vec()).collect::<Vec<_>>(),
        "every column but the database's id"
    );
    assert_eq!(target.releases()[0].subject, "=HYPERLINK(\"http://x\")", "the guard is taken off again");
    // Imported twice: nothing changes.
    let batch = export::import::csv::read_csv_bytes("export.csv", text.as_bytes()).unwrap();
    assert_eq!(import(&mut target, batch).unchanged, source.releases().len());
}

#[test]
fn the_korean_localized_csv_imports_and_a_bad_row_is_named_by_line() {
    release_desk::i18n::set_language(release_desk::domain::Language::Ko);
    let source = sample();
    let text = export::csv::releases_csv(source.releases(), source.directory(), true).unwrap();
    release_desk::i18n::set_language(release_desk::domain::Language::En);
    let rows = csv_rows(&text);
    assert_eq!(rows[0][1], "제목");
    let batch = export::import::csv::read_csv_bytes("ko.csv", text.as_bytes()).unwrap();
    let mut target = model();
    import(&mut target, batch);
    for (a, b) in source.releases().iter().zip(target.releases()) {
        assert_eq!(
            (&a.subject, a.status, a.priority, a.release_type),
            (&b.subject, b.status, b.priority, b.release_type)
        );
        assert_eq!(source.directory().agent_name(a.agent_id), target.directory().agent_name(b.agent_id));
    }
    let bad = "제목,상태,계획 시작,계획 종료\n좋음,진행 중,2026-11-03 09:00,2026-11-03 18:00\n나쁨,없는상태,2026-11-03 09:00,2026-11-02 18:00\n";
    let problems = export::import::csv::read_csv_bytes("bad.csv", bad.as_bytes()).unwrap_err();
    assert!(problems.iter().any(|p| p.row == Some(3) && p.field.as_deref() == Some("상태")), "{problems:#?}");
    assert!(
        problems.iter().any(|p| p.row == Some(3) && p.kind == ProblemKind::EndBeforeStart),
        "{problems:#?}"
    );
    assert!(problems.iter().all(|p| p.row == Some(3)));
    let missing = export::import::csv::read_csv_bytes("none.csv", b"Subject,Whatever\nx,y\n").unwrap_err();
    assert!(missing.iter().any(|p| matches!(&p.kind, ProblemKind::UnknownColumn(c) if c == "Whatever")));
    assert!(missing.iter().any(|p| matches!(&p.kind, ProblemKind::MissingColumn(c) if c == "planned start")));
}

#[test]
fn xlsx_export_reads_back_in_calamine_with_real_dates_and_inert_text() {
    use calamine::{Data, Reader as _};
    let mut source = sample();
    let first = source.releases()[0].id;
    source
        .apply(Command::Release(release_desk::model::ReleaseCommand::Edit {
            id: first,
            edits: vec![release_desk::model::ReleaseEdit::Subject("=1+2 배포".into())],
        }))
        .unwrap();
    let bytes = export::xlsx::releases_xlsx(source.releases(), source.directory(), false).unwrap();
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range("Releases").unwrap();
    let rows: Vec<_> = sheet.rows().collect();
    assert_eq!(rows.len(), source.releases().len() + 1);
    let headers: Vec<String> = rows[0].iter().map(ToString::to_string).collect();
    assert_eq!(headers, export::table::HEADERS);
    assert_eq!(rows[1][0], Data::Float(first.0 as f64));
    assert_eq!(rows[1][1], Data::String("=1+2 배포".into()), "text, not a formula");
    let formulas = book.worksheet_formula("Releases").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "no formula anywhere");
    for (row, r) in rows[1..].iter().zip(source.releases()) {
        assert_eq!(row[1].to_string(), r.subject);
        assert_eq!(row[2].to_string(), r.status.label());
        let Data::DateTime(start) = &row[5] else { panic!("planned start is a date cell: {:?}", row[5]) };
        // Excel's serial day: days since 1899-12-30, UTC in this sheet.
        let unix = ((start.as_f64() - 25_569.0) * 86_400.0).round() as i64;
        assert_eq!(unix, r.planned.start.timestamp());
    }
}

#[test]
fn an_archive_brings_the_whole_database_back_and_a_newer_one_is_refused() {
    let (dir, db) = temp_db();
    let dbs = db.to_str().unwrap();
    // A database with releases, people and work (the demo's deployment windows are not archived yet).
    let page = write(dir.path(), "page.json", PAGE.as_bytes());
    assert!(cli(&["--db", dbs, "import", "freshservice", page.to_str().unwrap()]).status.success());
    let archive = dir.path().join("all.json");
    let out = cli(&["--db", dbs, "archive", "--out", archive.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let copy = dir.path().join("copy.sqlite3");
    let out = cli(&["--db", copy.to_str().unwrap(), "import", "archive", archive.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let a = Model::open(&db).unwrap();
    let b = Model::open(&copy).unwrap();
    let mut left = a.snapshot();
    let mut right = b.snapshot();
    left.release_high_water = 0;
    right.release_high_water = 0;
    assert_eq!(left, right, "every part of the database");
    let log = |m: &Model| {
        m.store()
            .all_activities()
            .unwrap()
            .into_iter()
            .map(|x| (x.release_id, x.kind, x.changes))
            .collect::<Vec<_>>()
    };
    let mut la = log(&a);
    let mut lb = log(&b);
    la.sort_by_key(|x| format!("{x:?}"));
    lb.sort_by_key(|x| format!("{x:?}"));
    assert_eq!(la, lb, "the activity log comes along");
    // Not into a database that holds something.
    let out = cli(&["--db", copy.to_str().unwrap(), "import", "archive", archive.to_str().unwrap()]);
    assert!(!out.status.success());
    // A newer archive: refused, with its version.
    let mut value: serde_json::Value = serde_json::from_slice(&std::fs::read(&archive).unwrap()).unwrap();
    value["version"] = serde_json::json!(export::archive::VERSION + 1);
    let newer = write(dir.path(), "newer.json", value.to_string().as_bytes());
    let empty = dir.path().join("empty.sqlite3");
    let out = cli(&["--db", empty.to_str().unwrap(), "import", "archive", newer.to_str().unwrap()]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("newer Release Desk")
            && stderr.contains(&format!("{}", export::archive::VERSION + 1)),
        "{stderr}"
    );
}

#[test]
fn update_changes_the_fields_given_in_one_undoable_command() {
    let (_dir, db) = temp_db();
    let dbs = db.to_str().unwrap();
    assert!(cli(&["--db", dbs, "demo"]).status.success());
    let before = Model::open(&db).unwrap().releases()[0].clone();
    let id = before.id.0.to_string();
    let out = cli(&[
        "--db",
        dbs,
        "update",
        &id,
        "--subject",
        "새 제목",
        "--status",
        "in-progress",
        "--priority",
        "urgent",
        "--type",
        "emergency",
        "--agent",
        "none",
        "--planned-end",
        "2031-01-01T00:00:00Z",
        "--category",
        "Network",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let model = Model::open(&db).unwrap();
    let after = model.release(before.id).unwrap().clone();
    assert_eq!(after.subject, "새 제목");
    assert_eq!(after.status, Status::InProgress);
    assert_eq!(after.agent_id, None);
    assert_eq!(after.category.as_deref(), Some("Network"));
    assert_eq!(after.planned.start, before.planned.start);
    // Logged: one row per field changed.
    let log = model.activities_for(before.id).unwrap();
    assert!(log.iter().any(|a| a.change(&release_desk::domain::Field::Subject).is_some()), "{log:?}");
    drop(model);
    // Validated like the window's edits: an end before the start is refused, nothing written.
    let out = cli(&["--db", dbs, "update", &id, "--planned-end", "2000-01-01T00:00:00Z"]);
    assert!(!out.status.success());
    let out = cli(&["--db", dbs, "update", &id, "--status", "nope"]);
    assert!(!out.status.success());
    assert_eq!(Model::open(&db).unwrap().release(before.id).unwrap(), &after);
}

/// The cells of an .xlsx's Releases sheet as calamine shows them (text as text, numbers and
/// dates as calamine writes them).
pub(crate) fn xlsx_cells(bytes: &[u8]) -> Vec<Vec<String>> {
    use calamine::Reader as _;
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let sheet = book.worksheet_range("Releases").unwrap();
    sheet.rows().map(|row| row.iter().map(ToString::to_string).collect()).collect()
}

/// A release made in a team's file and not pushed yet: the spreadsheet CSV says "#신규-1", the
/// scripts' CSV keeps the bare number (a number to a spreadsheet, so no formula guard).
#[test]
fn a_release_not_numbered_by_the_team_yet_reads_back_from_both_csvs() {
    let (_dir, path) = temp_db();
    let model =
        crate::common::model_with(&path, vec![crate::common::plain(-1, "VPN 방화벽 펌웨어 업데이트")]);
    release_desk::i18n::set_language(release_desk::domain::Language::Ko);
    let localized = export::csv::releases_csv(model.releases(), model.directory(), true).unwrap();
    release_desk::i18n::set_language(release_desk::domain::Language::En);
    let rows = csv_rows(localized.trim_start_matches('\u{feff}'));
    assert_eq!((rows[1][0].as_str(), rows[1][1].as_str()), ("#신규-1", "VPN 방화벽 펌웨어 업데이트"));
    let machine = export::csv::releases_csv(model.releases(), model.directory(), false).unwrap();
    assert_eq!(csv_rows(&machine)[1][0], "-1");
}
