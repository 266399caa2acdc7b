//! The forward migration of a file written by an older build: `tests/fixtures/schema-v3-with-history.sqlite3`
//! (schema 3, an activity log of every kind in the old English mini-formats) is opened from a
//! copy, migrated, and its log reads in Korean with no English left but what the users typed.

use std::collections::BTreeMap;

use release_desk::domain::activity::CommandSummary;
use release_desk::domain::{Activity, ActivityKind, Field, FieldChange, Language, Value};
use release_desk::i18n;
use release_desk::model::Model;
use release_desk::store::Store;
use release_desk::store::schema::latest_version;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schema-v3-with-history.sqlite3");

/// A copy of the fixture in a temporary folder (the fixture itself is never opened for writing).
fn fixture_copy() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite3");
    std::fs::copy(FIXTURE, &path).unwrap();
    (dir, path)
}

/// (kind, field, old, new) of every row, as the old build wrote them.
fn raw_rows(path: &std::path::Path) -> Vec<(i64, String, String, String, String)> {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut stmt =
        conn.prepare("SELECT id, kind, field, old_value, new_value FROM activities ORDER BY id").unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// What the users typed in a value (subjects, names, notes, reasons): allowed to be in any script.
fn typed_by_users(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Text(text) => out.push(text.clone()),
        Value::Agent(n) => out.push(n.name.clone()),
        Value::Group(n) => out.push(n.name.clone()),
        Value::Department(n) => out.push(n.name.clone()),
        Value::Change(c) => out.push(c.subject.clone()),
        Value::ConfigItem(c) => out.push(c.name.clone()),
        Value::Task(t) => out.push(t.title.clone()),
        Value::Risk(r) => out.push(r.title.clone()),
        Value::Phases(phases) => out.extend(phases.iter().map(|p| p.name.clone())),
        // A language is named in its own script, as in the language picker ("English", "한국어").
        Value::Language(language) => out.push(language.native_name().to_owned()),
        Value::Command(summary) => match summary {
            CommandSummary::CreateRelease { subject } | CommandSummary::CreateChange { subject } => {
                out.push(subject.clone());
            }
            CommandSummary::AddAgent { name }
            | CommandSummary::AddGroup { name }
            | CommandSummary::AddDepartment { name }
            | CommandSummary::SaveView { name }
            | CommandSummary::CreateConfigItem { name } => out.push(name.clone()),
            CommandSummary::AddTask { title, .. } | CommandSummary::EditTask { title } => {
                out.push(title.clone());
            }
            _ => {}
        },
        _ => {}
    }
}

/// The row in Korean, with what the users typed and the id prefixes (`CHG-`, `CI-`, `KPI`) taken
/// out: what remains must hold no Latin letter.
fn untyped_korean(activity: &Activity) -> (String, String) {
    let (what, change) = i18n::activity_cells(activity);
    let shown = format!("{} | {what} | {change}", i18n::activity_kind(activity.kind));
    let mut typed = Vec::new();
    for c in &activity.changes {
        typed_by_users(&c.old, &mut typed);
        typed_by_users(&c.new, &mut typed);
    }
    typed.sort_by_key(|t| std::cmp::Reverse(t.len()));
    let mut rest = shown.clone();
    for t in typed.iter().filter(|t| !t.is_empty()) {
        rest = rest.replace(t.as_str(), "");
    }
    for prefix in ["CHG-", "CI-", "KPI"] {
        rest = rest.replace(prefix, "");
    }
    (shown, rest)
}

/// Fields whose values are text the users typed (everything else must have been read into a typed
/// value).
fn text_allowed(change: &FieldChange) -> bool {
    matches!(
        change.field,
        Field::Subject
            | Field::Note
            | Field::DeployGate
            | Field::Name
            | Field::Category
            | Field::SubCategory
            | Field::ItemCategory
    )
}

#[test]
fn the_schema_3_log_is_migrated_to_codes_and_reads_in_korean() {
    let (_dir, path) = fixture_copy();
    let before = raw_rows(&path);
    assert!(before.len() > 1000, "the fixture holds a long log");
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), latest_version());
    let log = store.all_activities().unwrap();
    assert_eq!(log.len(), before.len(), "no row is dropped");
    assert!(store.open_report().backup.is_some(), "a backup was made before the migration");

    i18n::set_language(Language::Ko);
    let mut examples: BTreeMap<(String, String), (String, String, String)> = BTreeMap::new();
    let raw: BTreeMap<i64, &(i64, String, String, String, String)> =
        before.iter().map(|r| (r.0, r)).collect();
    for activity in &log {
        let old = raw[&activity.id.0];
        for change in &activity.changes {
            assert!(
                !matches!(change.field, Field::Other(_)),
                "row {}: field {:?} not read",
                old.0,
                change.field
            );
            for value in [&change.old, &change.new] {
                assert!(
                    !matches!(value, Value::Text(_)) || text_allowed(change),
                    "row {} ({} / {} / {:?} / {:?}): {value:?} was not read into a typed value",
                    old.0,
                    old.1,
                    old.2,
                    old.3,
                    old.4
                );
            }
        }
        if matches!(activity.kind, ActivityKind::Undo | ActivityKind::Redo) {
            assert!(
                matches!(activity.changes.as_slice(), [FieldChange { new: Value::Command(_), .. }]),
                "row {}: the command of {:?} was not read",
                old.0,
                old.4
            );
        }
        let (shown, rest) = untyped_korean(activity);
        assert!(
            !rest.chars().any(|c| c.is_ascii_alphabetic()),
            "row {}: English left in \"{shown}\" (from {old:?})",
            old.0
        );
        let fields = activity.changes.iter().map(|c| c.field.code().to_owned()).collect::<Vec<_>>().join(",");
        examples.entry((activity.kind.code().to_owned(), fields)).or_insert_with(|| {
            (format!("{} | {} | {} | {}", old.1, old.2, old.3, old.4), shown, String::new())
        });
    }
    // Every kind the old build wrote is there, read and shown (run with --nocapture to see them).
    let kinds: std::collections::BTreeSet<&str> = examples.keys().map(|(k, _)| k.as_str()).collect();
    for kind in [
        "created",
        "field",
        "trash",
        "restore",
        "purge",
        "note",
        "task",
        "time",
        "link",
        "change",
        "ci",
        "stage",
        "stage_note",
        "override",
        "readiness",
        "setting",
        "view",
        "agent",
        "group",
        "department",
        "undo",
        "redo",
    ] {
        assert!(kinds.contains(kind), "no {kind} row in the migrated log");
    }
    for ((kind, fields), (old, shown, _)) in &examples {
        println!("{kind:>10} [{fields}]\n    before: {old}\n    after:  {shown}");
    }
    i18n::set_language(Language::En);

    // The migrated file is a file of today: a model opens on it and writes typed rows.
    drop(store);
    let mut model = Model::open(&path).unwrap();
    let id = model.releases().iter().find(|r| !r.is_deleted()).unwrap().id;
    model
        .apply(release_desk::model::Command::Release(release_desk::model::ReleaseCommand::Edit {
            id,
            edits: vec![release_desk::model::ReleaseEdit::Subject("이관 후 수정".into())],
        }))
        .unwrap();
    assert_eq!(model.activities_for(id).unwrap()[0].changes[0].new, Value::text("이관 후 수정"));
}

#[test]
fn the_fixture_itself_is_left_as_it_was() {
    let conn =
        rusqlite::Connection::open_with_flags(FIXTURE, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, 3, "tests open copies of the fixture, never the fixture");
}

#[test]
fn a_schema_3_file_gains_back_out_plans_impact_reviews_and_ci_dependencies() {
    use release_desk::domain::{BackoutEdit, Criticality, Stage};
    use release_desk::model::{BackoutCommand, Command, RegistryCommand};
    let (_dir, path) = fixture_copy();
    let mut model = Model::open(&path).unwrap();
    assert!(!model.registry().config_items.is_empty(), "the fixture has CIs");
    for item in &model.registry().config_items {
        assert_eq!((item.criticality, item.depends_on.len()), (Criticality::Medium, 0), "CI-{}", item.id);
    }
    assert!(model.stage_history(model.releases()[0].id).iter().all(|e| e.restore_minutes.is_none()));
    assert!(model.releases().iter().all(|r| model.backout(r.id).is_none() && model.review(r.id).is_none()));
    // The migrated file takes the new records.
    let id = model.releases().iter().find(|r| !r.is_deleted()).unwrap().id;
    model
        .apply(Command::Backout(BackoutCommand::Edit {
            release: id,
            edits: vec![BackoutEdit::RestoreTarget(240)],
        }))
        .unwrap();
    let mut item = model.registry().config_items[0].clone();
    item.criticality = Criticality::Critical;
    model.apply(Command::Registry(RegistryCommand::UpdateConfigItem(item))).unwrap();
    let rolled_back = model.releases().iter().find(|r| r.stage == Stage::Rollback).map(|r| r.id);
    drop(model);
    let model = Model::open(&path).unwrap();
    assert_eq!(model.backout(id).map(|p| p.restore_target_minutes), Some(240));
    assert_eq!(model.registry().config_items[0].criticality, Criticality::Critical);
    if let Some(id) = rolled_back {
        assert!(model.stage_history(id).iter().any(|e| e.stage == Stage::Rollback));
    }
}

/// A file as the build before the user's templates wrote it (schema 8: the migrations up to it,
/// a release written with that schema's columns). It opens, migrates to the latest schema, keeps
/// its releases, and takes, keeps and deletes a template of the user's like a new file does.
#[test]
fn a_schema_8_file_gains_the_users_templates() {
    use release_desk::domain::template::builtin;
    use release_desk::model::{Command, TemplateCommand};
    let (_dir, path) = crate::common::temp_db();
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        release_desk::store::schema::create_at_version(&mut conn, 8).unwrap();
        assert!(
            release_desk::store::schema::unexpected_objects(&conn, 8).unwrap().is_empty(),
            "the file is what schema 8 holds, nothing more"
        );
        conn.execute(
            "INSERT INTO releases (id, subject, status, priority, release_type, planned_start, planned_end, \
             created_at, updated_at) VALUES (1, 'ERP 본사 배포', 1, 2, 3, 1796000000, 1796021600, 1795000000, \
             1795000000)",
            [],
        )
        .unwrap();
    }
    let mut model = Model::open(&path).unwrap();
    assert_eq!(model.releases().len(), 1, "the release survives the migration");
    assert_eq!(model.templates().len(), 3, "the built-in templates, none of the user's");
    let mut mine = builtin::get(builtin::MOBILE).unwrap();
    mine.key = "weekly-web".into();
    mine.name = "주간 웹 배포".into();
    model.apply(Command::Template(TemplateCommand::Save(mine.clone()))).unwrap();
    drop(model);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, latest_version());
    drop(conn);
    let mut model = Model::open(&path).unwrap();
    assert_eq!(model.template("weekly-web").as_ref(), Some(&mine), "kept in the migrated file");
    model.apply(Command::Template(TemplateCommand::Delete("weekly-web".into()))).unwrap();
    assert_eq!(model.templates().len(), 3);
}
