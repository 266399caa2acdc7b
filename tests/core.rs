//! Store, views, sorting, the command path and the CLI, without a window.

#![allow(clippy::unwrap_used)]

mod common;

use common::{at, full, model_with, plain, t0, temp_db};
use release_desk::domain::view::{query, sort_rows};
use release_desk::domain::{
    AgentFilter, AgentId, Directory, GroupId, PlannedWindow, PredefinedView, Priority, ReleaseFilter,
    ReleaseId, ReleasePatch, ReleaseType, SortKey, SortSpec, Status,
};
use release_desk::model::{Command, CommandError, Model, NewRelease, ReleaseEdit};
use release_desk::store::{Mutation, Store, StoreError};

// ---------------------------------------------------------------- store

#[test]
fn every_field_round_trips_through_the_file() {
    let (_dir, path) = temp_db();
    let release = full(7);
    let model = model_with(&path, vec![release.clone(), plain(8, "plain")]);
    drop(model);
    let reopened = Model::open(&path).unwrap();
    assert_eq!(reopened.release(ReleaseId(7)), Some(&release));
    assert_eq!(reopened.release(ReleaseId(8)), Some(&plain(8, "plain")));
}

#[test]
fn reopen_equals_the_model_after_commands() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "one")]);
    model.apply(Command::SetCurrentAgent(Some(AgentId(2)))).unwrap();
    model.apply(Command::CreateRelease(new_release("두 번째 릴리스"))).unwrap();
    model
        .apply(Command::EditRelease {
            id: ReleaseId(1),
            edits: vec![ReleaseEdit::Priority(Priority::Urgent), ReleaseEdit::Agent(Some(AgentId(3)))],
        })
        .unwrap();
    model
        .apply(Command::SaveView {
            name: "Urgent ERP".into(),
            base: PredefinedView::All,
            filter: ReleaseFilter { text: "ERP".into(), ..Default::default() },
            sort: SortSpec { key: SortKey::Priority, descending: true },
        })
        .unwrap();
    let in_memory = model.snapshot();
    drop(model);
    let reopened = Model::open(&path).unwrap();
    assert_eq!(reopened.snapshot(), in_memory);
    assert_eq!(reopened.settings().current_agent, Some(AgentId(2)));
}

#[test]
fn an_empty_file_is_migrated_to_the_latest_schema() {
    let (_dir, path) = temp_db();
    std::fs::write(&path, b"").unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), release_desk::store::schema::latest_version());
    assert!(store.load().unwrap().releases.is_empty());
}

#[test]
fn a_missing_file_and_folder_are_created() {
    let (dir, _) = temp_db();
    let path = dir.path().join("nested/folder/desk.sqlite3");
    let model = Model::open(&path).unwrap();
    assert!(model.releases().is_empty());
    assert!(path.exists());
}

#[test]
fn a_newer_file_is_refused_and_left_untouched() {
    let (_dir, path) = temp_db();
    drop(model_with(&path, vec![plain(1, "one")]));
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Model::open(&path).err().unwrap();
    assert!(matches!(err, StoreError::NewerSchema { found: 99, .. }), "{err}");
    assert!(err.to_string().contains("newer Release Desk"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(!path.with_extension("sqlite3-wal").exists());
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_untouched() {
    let (_dir, path) = temp_db();
    for bytes in [
        b"release plan notes, not a database".repeat(10),
        b"SQLite format 3\0 but truncated".to_vec(),
        vec![0xFF; 4096],
    ] {
        std::fs::write(&path, &bytes).unwrap();
        let err = Model::open(&path).err().unwrap();
        assert!(matches!(err, StoreError::NotSqlite { .. }), "{err}");
        assert!(err.to_string().contains("not a Release Desk database"));
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
    }
}

#[test]
fn another_programs_database_is_refused_and_left_untouched() {
    let (_dir, path) = temp_db();
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');").unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Model::open(&path).err().unwrap();
    assert!(matches!(err, StoreError::ForeignDatabase { .. }), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_failed_write_leaves_memory_and_file_unchanged() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "one"), plain(2, "two")]);
    let before = model.snapshot();
    let revision = model.revision();
    let pages: i64 = {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap()
    };
    model.store().set_max_page_count_for_tests(pages).unwrap();
    let data = release_desk::domain::sample::generate(2_000, 1, t0());
    let err = model.apply(Command::LoadSample { data, force: true }).err().unwrap();
    assert!(matches!(err, CommandError::Store(StoreError::Full)), "{err}");
    assert!(err.to_string().contains("full"));
    assert_eq!(model.snapshot(), before);
    assert_eq!(model.revision(), revision);
    assert_eq!(model.reload_snapshot().unwrap(), before);
}

#[test]
fn a_read_only_file_refuses_writes_and_memory_stays() {
    let (_dir, path) = temp_db();
    drop(model_with(&path, vec![plain(1, "one")]));
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    // Root can write read-only files; the test is meaningful only for ordinary users.
    let Ok(mut model) = Model::open(&path) else { return };
    let before = model.snapshot();
    if let Err(err) = model.apply(Command::CreateRelease(new_release("x"))) {
        assert!(matches!(err, CommandError::Store(_)), "{err}");
        assert_eq!(model.snapshot(), before);
    }
}

// ---------------------------------------------------------------- commands

fn new_release(subject: &str) -> NewRelease {
    NewRelease {
        subject: subject.into(),
        description: String::new(),
        status: Status::Open,
        priority: Priority::High,
        release_type: ReleaseType::Emergency,
        planned: PlannedWindow { start: at(1), end: at(2) },
        agent_id: Some(AgentId(1)),
        group_id: Some(GroupId(1)),
        department_id: None,
        category: None,
    }
}

#[test]
fn create_validates_and_logs() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![]);
    let before = model.snapshot();
    let err = model.apply(Command::CreateRelease(new_release("   "))).err().unwrap();
    assert_eq!(err.to_string(), "the subject is empty");
    let mut bad = new_release("end before start");
    bad.planned = PlannedWindow { start: at(2), end: at(1) };
    let err = model.apply(Command::CreateRelease(bad)).err().unwrap();
    assert!(err.to_string().contains("planned end must be after"));
    let mut unknown = new_release("unknown agent");
    unknown.agent_id = Some(AgentId(99));
    assert!(matches!(model.apply(Command::CreateRelease(unknown)), Err(CommandError::NoSuchAgent(_))));
    assert_eq!(model.snapshot(), before);
    assert_eq!(model.store().activity_count().unwrap(), 0);

    let applied = model.apply(Command::CreateRelease(new_release("긴급 보안 패치"))).unwrap();
    let id = applied.created.unwrap();
    assert_eq!(id, ReleaseId(1));
    let release = model.release(id).unwrap();
    assert_eq!(release.created_at, t0());
    let log = model.activities_for(id).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].kind, "created");
}

#[test]
fn edits_log_old_and_new_values() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "one")]);
    model.apply(Command::SetCurrentAgent(Some(AgentId(2)))).unwrap();
    model
        .apply(Command::EditRelease {
            id: ReleaseId(1),
            edits: vec![ReleaseEdit::Status(Status::InProgress), ReleaseEdit::Agent(Some(AgentId(1)))],
        })
        .unwrap();
    let log = model.activities_for(ReleaseId(1)).unwrap();
    let fields: Vec<_> =
        log.iter().map(|a| (a.field.as_str(), a.old_value.as_str(), a.new_value.as_str())).collect();
    assert!(fields.contains(&("status", "Open", "In Progress")));
    assert!(fields.contains(&("agent_id", "", "김민준")));
    assert!(log.iter().all(|a| a.actor == Some(AgentId(2)) && a.at == t0()));
    assert_eq!(model.release(ReleaseId(1)).unwrap().updated_at, t0());
    // An edit that changes nothing writes nothing.
    let count = model.store().activity_count().unwrap();
    model
        .apply(Command::EditRelease {
            id: ReleaseId(1),
            edits: vec![ReleaseEdit::Status(Status::InProgress)],
        })
        .unwrap();
    assert_eq!(model.store().activity_count().unwrap(), count);
}

#[test]
fn revert_restores_the_exact_previous_state() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "one")]);
    let start = model.snapshot();
    let a = model.apply(Command::CreateRelease(new_release("new"))).unwrap();
    let b = model
        .apply(Command::EditRelease { id: ReleaseId(1), edits: vec![ReleaseEdit::Subject("renamed".into())] })
        .unwrap();
    let c = model.apply(Command::SetCurrentAgent(Some(AgentId(3)))).unwrap();
    for applied in [c, b, a] {
        model
            .apply(Command::Revert { label: format!("undo {}", applied.label), mutations: applied.inverse })
            .unwrap();
    }
    let mut now = model.snapshot();
    // The id high-water mark stays: a purged id is never given out again.
    assert_eq!(now.release_high_water, 2);
    now.release_high_water = start.release_high_water;
    assert_eq!(now, start);
    assert_eq!(model.reload_snapshot().unwrap(), model.snapshot());
}

#[test]
fn ids_are_never_reused() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![]);
    let a = model.apply(Command::CreateRelease(new_release("a"))).unwrap();
    model.apply(Command::Revert { label: "undo".into(), mutations: a.inverse }).unwrap();
    let b = model.apply(Command::CreateRelease(new_release("b"))).unwrap();
    assert_eq!(b.created, Some(ReleaseId(2)));
    drop(model);
    let mut model = Model::open(&path).unwrap();
    let c = model.apply(Command::CreateRelease(new_release("c"))).unwrap();
    assert_eq!(c.created, Some(ReleaseId(3)));
}

#[test]
fn sample_data_loads_once_unless_forced() {
    let (_dir, path) = temp_db();
    let mut model = Model::open(&path).unwrap();
    let data = release_desk::domain::sample::scenarios(t0());
    let count = data.releases.len();
    model.apply(Command::LoadSample { data: data.clone(), force: false }).unwrap();
    assert_eq!(model.releases().len(), count);
    assert!(model.settings().current_agent.is_some());
    let err = model.apply(Command::LoadSample { data: data.clone(), force: false }).err().unwrap();
    assert!(err.to_string().contains("already holds releases"));
    model.apply(Command::LoadSample { data, force: true }).unwrap();
    assert_eq!(model.releases().len(), 2 * count);
    assert_eq!(model.directory().agents.len(), 8, "agents are matched by name, not duplicated");
}

// ---------------------------------------------------------------- views

/// Eight releases covering every rule; agent 1 is "you".
fn view_fixture() -> Vec<release_desk::domain::Release> {
    let mut r = Vec::new();
    let mut push = |id: i64, agent: Option<i64>, status: Status, kind: ReleaseType, deleted: bool| {
        let mut x = plain(id, &format!("release {id}"));
        x.agent_id = agent.map(AgentId);
        x.status = status;
        x.release_type = kind;
        x.deleted_at = deleted.then(t0);
        r.push(x);
    };
    push(1, Some(1), Status::Open, ReleaseType::Standard, false);
    push(2, Some(1), Status::Completed, ReleaseType::Minor, false);
    push(3, Some(1), Status::InProgress, ReleaseType::Emergency, false);
    push(4, None, Status::Open, ReleaseType::Major, false);
    push(5, None, Status::OnHold, ReleaseType::Standard, false);
    push(6, Some(2), Status::Incomplete, ReleaseType::Emergency, false);
    push(7, Some(2), Status::Completed, ReleaseType::Standard, false);
    push(8, Some(1), Status::Open, ReleaseType::Emergency, true);
    r
}

fn ids_of(view: PredefinedView, me: Option<i64>) -> Vec<i64> {
    let releases = view_fixture();
    let spec = SortSpec { key: SortKey::Id, descending: false };
    query(&releases, view, me.map(AgentId), &ReleaseFilter::default(), spec, &Directory::default())
        .into_iter()
        .map(|i| releases[i].id.0)
        .collect()
}

#[test]
fn each_of_the_nine_views() {
    use PredefinedView as V;
    assert_eq!(ids_of(V::NewAndMyOpen, Some(1)), [1, 3, 4]);
    assert_eq!(ids_of(V::MyCompleted, Some(1)), [2]);
    assert_eq!(ids_of(V::Mine, Some(1)), [1, 2, 3]);
    assert_eq!(ids_of(V::Unassigned, Some(1)), [4, 5]);
    assert_eq!(ids_of(V::Completed, Some(1)), [2, 7]);
    assert_eq!(ids_of(V::Incomplete, Some(1)), [6]);
    assert_eq!(ids_of(V::Emergency, Some(1)), [3, 6]);
    assert_eq!(ids_of(V::Trash, Some(1)), [8]);
    assert_eq!(ids_of(V::All, Some(1)), [1, 2, 3, 4, 5, 6, 7]);
    // With nobody signed in the "your" views are empty, the rest unchanged.
    assert_eq!(ids_of(V::Mine, None), Vec::<i64>::new());
    assert_eq!(ids_of(V::NewAndMyOpen, None), [4]);
    assert_eq!(ids_of(V::NewAndMyOpen, Some(2)), [4, 6]);
}

#[test]
fn custom_filter_combines_with_a_view() {
    let releases = view_fixture();
    let spec = SortSpec { key: SortKey::Id, descending: false };
    let run = |view, filter: ReleaseFilter| -> Vec<i64> {
        query(&releases, view, Some(AgentId(1)), &filter, spec, &Directory::default())
            .into_iter()
            .map(|i| releases[i].id.0)
            .collect()
    };
    let mut f = ReleaseFilter::default();
    f.statuses.insert(Status::Open);
    assert_eq!(run(PredefinedView::All, f.clone()), [1, 4]);
    assert_eq!(run(PredefinedView::Unassigned, f), [4]);
    let f = ReleaseFilter { agent: Some(AgentFilter::Unassigned), ..Default::default() };
    assert_eq!(run(PredefinedView::All, f), [4, 5]);
    let f = ReleaseFilter { text: "#6".into(), ..Default::default() };
    assert_eq!(run(PredefinedView::All, f), [6]);
    let f = ReleaseFilter { text: "RELEASE 7".into(), ..Default::default() };
    assert_eq!(run(PredefinedView::All, f), [7]);
    let f = ReleaseFilter { planned_from: Some(at(100)), ..Default::default() };
    assert_eq!(run(PredefinedView::All, f), Vec::<i64>::new());
    let f = ReleaseFilter { planned_from: Some(at(25)), planned_to: Some(at(26)), ..Default::default() };
    assert_eq!(run(PredefinedView::All, f).len(), 7, "windows overlapping the range are kept");
}

#[test]
fn every_sort_key_both_ways_and_stable() {
    let mut releases = Vec::new();
    let directory = Directory {
        agents: vec![
            release_desk::domain::Agent { id: AgentId(1), name: "Bora".into(), email: String::new() },
            release_desk::domain::Agent { id: AgentId(2), name: "alice".into(), email: String::new() },
        ],
        groups: vec![
            release_desk::domain::Group { id: GroupId(1), name: "Zeta".into() },
            release_desk::domain::Group { id: GroupId(2), name: "alpha".into() },
        ],
        departments: vec![],
    };
    for id in 1..=12_i64 {
        let mut r = plain(id, ["b", "A", "c"][(id % 3) as usize]);
        r.status = Status::ALL[(id % 5) as usize];
        r.priority = Priority::ALL[(id % 2) as usize];
        r.release_type = ReleaseType::ALL[(id % 4) as usize];
        r.planned = PlannedWindow { start: at(id % 4), end: at(10 + id % 3) };
        r.agent_id = [None, Some(AgentId(1)), Some(AgentId(2))][(id % 3) as usize];
        r.group_id = [Some(GroupId(1)), Some(GroupId(2))][(id % 2) as usize];
        r.created_at = at(id % 5);
        r.updated_at = at(id % 6);
        releases.push(r);
    }
    for key in SortKey::ALL {
        for descending in [false, true] {
            let spec = SortSpec { key, descending };
            let mut rows: Vec<usize> = (0..releases.len()).collect();
            sort_rows(&mut rows, &releases, spec, &directory);
            let value = |i: usize| -> String {
                let r = &releases[i];
                match key {
                    SortKey::Id => format!("{:05}", r.id.0),
                    SortKey::Subject => r.subject.to_lowercase(),
                    SortKey::Status => r.status.code().to_string(),
                    SortKey::Priority => r.priority.code().to_string(),
                    SortKey::Type => r.release_type.code().to_string(),
                    SortKey::PlannedStart => r.planned.start.to_rfc3339(),
                    SortKey::PlannedEnd => r.planned.end.to_rfc3339(),
                    SortKey::Agent => match r.agent_id {
                        None => "~".into(),
                        Some(a) => directory.agent_name(Some(a)).to_lowercase(),
                    },
                    SortKey::Group => directory.group_name(r.group_id).to_lowercase(),
                    SortKey::Created => r.created_at.to_rfc3339(),
                    SortKey::Updated => r.updated_at.to_rfc3339(),
                }
            };
            for pair in rows.windows(2) {
                let (a, b) = (value(pair[0]), value(pair[1]));
                let ordered = if descending { a >= b } else { a <= b };
                assert!(ordered, "{key:?} desc={descending}: {a} then {b}");
                if a == b {
                    assert!(pair[0] < pair[1], "{key:?} desc={descending}: ties keep their order");
                }
            }
        }
    }
}

// ---------------------------------------------------------------- CLI

fn cli(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_release-desk")).args(args).output().unwrap()
}

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
fn mutation_batches_are_all_or_nothing() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    store.commit(&common::people(), &[]).unwrap();
    let mut bad = plain(2, "refers to a missing agent");
    bad.agent_id = Some(AgentId(404));
    let err = store.commit(&[Mutation::PutRelease(plain(1, "ok")), Mutation::PutRelease(bad)], &[]);
    assert!(err.is_err());
    assert!(store.load().unwrap().releases.is_empty());
}

#[test]
fn a_patch_writes_only_its_fields_and_a_patch_of_a_missing_release_fails_the_batch() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    store.commit(&common::people(), &[]).unwrap();
    let original = full(1);
    store.commit(&[Mutation::PutRelease(original.clone())], &[]).unwrap();
    let patch = ReleasePatch {
        status: Some(Status::OnHold),
        agent_id: Some(None),
        deleted_at: Some(Some(at(3))),
        ..ReleasePatch::touching(at(3))
    };
    store.commit(&[Mutation::PatchRelease { id: ReleaseId(1), patch }], &[]).unwrap();
    let mut expected = original.clone();
    patch.apply_to(&mut expected);
    assert_eq!(expected.status, Status::OnHold);
    assert_eq!((expected.agent_id, expected.deleted_at, expected.updated_at), (None, Some(at(3)), at(3)));
    assert_eq!(store.load().unwrap().releases, vec![expected.clone()]);
    // The reverse patch, taken from the release before, puts every field back.
    let reverse = patch.reverse_for(&original);
    store.commit(&[Mutation::PatchRelease { id: ReleaseId(1), patch: reverse }], &[]).unwrap();
    assert_eq!(store.load().unwrap().releases, vec![original.clone()]);
    // A batch with a patch of a release that is not there writes nothing.
    let err = store.commit(
        &[
            Mutation::PatchRelease { id: ReleaseId(1), patch },
            Mutation::PatchRelease { id: ReleaseId(99), patch },
        ],
        &[],
    );
    assert!(matches!(err, Err(StoreError::BadData(ref m)) if m.contains("#99")), "{err:?}");
    assert_eq!(store.load().unwrap().releases, vec![original]);
}

// ---------------------------------------------------------------- catalogues

/// Message ids and, for each, the sorted names of the variables it uses.
fn catalogue(source: &str) -> std::collections::BTreeMap<String, Vec<String>> {
    use fluent_syntax::ast;
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| panic!("{errors:?}"));
    fn walk(pattern: &ast::Pattern<&str>, out: &mut Vec<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expr(expression, out);
            }
        }
    }
    fn expr(expression: &ast::Expression<&str>, out: &mut Vec<String>) {
        match expression {
            ast::Expression::Inline(inline) => inline_expr(inline, out),
            ast::Expression::Select { selector, variants } => {
                inline_expr(selector, out);
                for v in variants {
                    walk(&v.value, out);
                }
            }
        }
    }
    fn inline_expr(inline: &ast::InlineExpression<&str>, out: &mut Vec<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => out.push(id.name.to_owned()),
            ast::InlineExpression::Placeable { expression } => expr(expression, out),
            _ => {}
        }
    }
    let mut map = std::collections::BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(message) = entry {
            let mut vars = Vec::new();
            if let Some(value) = &message.value {
                walk(value, &mut vars);
            }
            vars.sort();
            vars.dedup();
            map.insert(message.id.name.to_owned(), vars);
        }
    }
    map
}

fn source_text() -> String {
    fn visit(dir: &std::path::Path, out: &mut String) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                visit(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push_str(&std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut text = String::new();
    visit(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut text);
    text
}

#[test]
fn catalogues_have_the_same_keys_and_arguments_and_every_key_is_used() {
    let en = catalogue(release_desk::i18n::EN_FTL);
    let ko = catalogue(release_desk::i18n::KO_FTL);
    let en_keys: Vec<_> = en.keys().collect();
    let ko_keys: Vec<_> = ko.keys().collect();
    let missing_in_ko: Vec<_> = en_keys.iter().filter(|k| !ko.contains_key(k.as_str())).collect();
    let missing_in_en: Vec<_> = ko_keys.iter().filter(|k| !en.contains_key(k.as_str())).collect();
    assert!(missing_in_ko.is_empty(), "missing in ko.ftl: {missing_in_ko:?}");
    assert!(missing_in_en.is_empty(), "missing in en.ftl: {missing_in_en:?}");
    for (key, args) in &en {
        assert_eq!(Some(args), ko.get(key), "arguments of {key} differ");
    }
    let source = source_text();
    let unused: Vec<_> = en.keys().filter(|k| !source.contains(&format!("\"{k}\""))).collect();
    assert!(unused.is_empty(), "keys no code uses: {unused:?}");
    for call in ["tr(\"", "tr_args(\"", "tr_in(language, \""] {
        for (at, _) in source.match_indices(call) {
            // `push_str("` is not a call of `tr(`.
            let before = source[..at].chars().next_back().unwrap_or(' ');
            if before.is_alphanumeric() || before == '_' {
                continue;
            }
            let rest = &source[at + call.len()..];
            let key = &rest[..rest.find('"').unwrap()];
            assert!(en.contains_key(key), "code uses {key:?}, which no catalogue has");
        }
    }
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

// ---------------------------------------------------------------- KPIs

fn kst() -> chrono::FixedOffset {
    chrono::FixedOffset::east_opt(9 * 3600).unwrap()
}

fn kpi_range() -> release_desk::domain::MonthRange {
    use release_desk::domain::{MonthRange, YearMonth};
    MonthRange::new(YearMonth::parse("2026-09").unwrap(), YearMonth::parse("2026-11").unwrap()).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn kpis_by_month_match_the_hand_computed_fixture() {
    use release_desk::domain::kpi::compute;
    use release_desk::domain::{Kpi, KpiFilter, KpiTargets};
    let releases = common::kpi_fixture();
    let report = compute(&releases, kpi_range(), KpiTargets::default(), KpiFilter::default(), &kst());
    let [sep, oct, nov] = report.months.as_slice() else { panic!("three months") };

    // September: #1 success, #2 rolled back then completed, #3 failed; #4 is in Trash.
    assert_eq!(
        (sep.counts.closed, sep.counts.successful, sep.counts.rolled_back, sep.counts.failed),
        (3, 1, 1, 1)
    );
    assert!(close(sep.counts.success_rate().unwrap(), 1.0 / 3.0));
    assert!(close(sep.counts.rollback_rate().unwrap(), 1.0 / 3.0));
    // Overruns: 252/240 - 1 = 0.05 and 180/120 - 1 = 0.5; #3 has no work end.
    assert_eq!(sep.counts.timed, 2);
    assert!(close(sep.counts.deploy_time_overrun().unwrap(), 0.275));
    assert!(close(sep.counts.within_10pct_share().unwrap(), 0.5));
    assert!(close(sep.counts.downtime_hours(), 2.0));
    assert!(close(sep.counts.emergency_share().unwrap(), 1.0 / 3.0));
    assert_eq!(report.month_meets(sep, Kpi::SuccessRate), Some(false));
    assert_eq!(report.month_meets(sep, Kpi::DeployTime), Some(false));
    assert_eq!(report.month_meets(sep, Kpi::Downtime), Some(true));

    // October: nothing closed (in KST), so no rate at all; downtime is 0 h.
    assert_eq!(oct.counts.closed, 0);
    for kpi in [Kpi::SuccessRate, Kpi::RollbackRate, Kpi::DeployTime] {
        assert_eq!(oct.counts.value(kpi), None, "{kpi:?}");
        assert_eq!(report.month_meets(oct, kpi), None);
    }
    assert_eq!(oct.counts.within_10pct_share(), None);
    assert_eq!(oct.counts.value(Kpi::Downtime), Some(0.0));

    // November: #5 (00:30 on the 1st, KST) and #6 (23:59 on the 30th); #7 falls in December.
    assert_eq!((nov.counts.closed, nov.counts.successful), (2, 2));
    assert_eq!(nov.counts.success_rate(), Some(1.0));
    assert_eq!(nov.counts.rollback_rate(), Some(0.0));
    assert_eq!((nov.counts.timed, nov.counts.within_10pct), (1, 1));
    assert!(close(nov.counts.deploy_time_overrun().unwrap(), 0.0));

    // Open at month end: #8 always; #5, #6, #7 until they close.
    assert_eq!([sep.open_at_end, oct.open_at_end, nov.open_at_end], [4, 4, 2]);

    // The period pools all five closed releases; downtime is judged as hours a month.
    assert_eq!(report.total.closed, 5);
    assert!(close(report.period_value(Kpi::SuccessRate).unwrap(), 0.6));
    assert!(close(report.period_value(Kpi::RollbackRate).unwrap(), 0.2));
    assert!(close(report.period_value(Kpi::DeployTime).unwrap(), 0.55 / 3.0));
    assert!(close(report.period_value(Kpi::Downtime).unwrap(), 2.0 / 3.0));
    assert_eq!(report.months_off_target(Kpi::SuccessRate), 1, "September only; October has no rate");
    // Nothing closed in the three months before.
    assert_eq!(report.previous.closed, 0);
    assert_eq!(report.change(Kpi::SuccessRate), None);
}

#[test]
fn kpi_months_follow_the_time_zone_and_filters() {
    use release_desk::domain::kpi::{compute, releases_behind};
    use release_desk::domain::{GroupId, Kpi, KpiFilter, KpiTargets, ReleaseType, YearMonth};
    let releases = common::kpi_fixture();
    // In UTC, #5 closed on 31 October and #7 on 30 November.
    let utc = compute(&releases, kpi_range(), KpiTargets::default(), KpiFilter::default(), &chrono::Utc);
    let closed: Vec<u32> = utc.months.iter().map(|m| m.counts.closed).collect();
    assert_eq!(closed, [3, 1, 2]);

    let emergency = KpiFilter { release_type: Some(ReleaseType::Emergency), ..KpiFilter::default() };
    let report = compute(&releases, kpi_range(), KpiTargets::default(), emergency, &kst());
    assert_eq!(report.months[0].counts.closed, 1);
    assert_eq!(report.months[0].counts.success_rate(), Some(0.0));
    assert_eq!(report.total.closed, 1);
    let group = KpiFilter { group: Some(GroupId(2)), ..KpiFilter::default() };
    assert_eq!(compute(&releases, kpi_range(), KpiTargets::default(), group, &kst()).total.closed, 1);

    // The releases behind a month's number.
    let sep = YearMonth::parse("2026-09").unwrap();
    let ids = |rows: Vec<usize>| rows.into_iter().map(|i| releases[i].id.0).collect::<Vec<_>>();
    assert_eq!(
        ids(releases_behind(&releases, sep, Kpi::SuccessRate, KpiFilter::default(), &kst())),
        [1, 2, 3]
    );
    assert_eq!(ids(releases_behind(&releases, sep, Kpi::DeployTime, KpiFilter::default(), &kst())), [1, 2]);
    let nov = YearMonth::parse("2026-11").unwrap();
    assert_eq!(ids(releases_behind(&releases, nov, Kpi::SuccessRate, KpiFilter::default(), &kst())), [5, 6]);
}

#[test]
fn kpi_targets_persist_validate_and_undo() {
    use release_desk::domain::KpiTargets;
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![]);
    assert_eq!(model.settings().kpi_targets, KpiTargets::default());
    let strict = KpiTargets {
        success_rate: 0.99,
        rollback_rate: 0.02,
        deploy_time_overrun: 0.05,
        downtime_hours: 2.5,
    };
    let applied = model.apply(Command::SetKpiTargets(strict)).unwrap();
    assert_eq!(model.settings().kpi_targets, strict);
    drop(model);
    let mut model = Model::open(&path).unwrap();
    assert_eq!(model.settings().kpi_targets, strict, "targets survive a reopen");

    let bad = KpiTargets { success_rate: 1.5, ..strict };
    let err = model.apply(Command::SetKpiTargets(bad)).unwrap_err();
    assert!(err.to_string().contains("between 0 % and 100 %"), "{err}");
    assert_eq!(model.settings().kpi_targets, strict, "memory unchanged after a refusal");

    model.apply(Command::Revert { label: "undo".into(), mutations: applied.inverse }).unwrap();
    assert_eq!(model.settings().kpi_targets, KpiTargets::default(), "undo restores the defaults");
    assert_eq!(model.snapshot(), model.reload_snapshot().unwrap());
}

fn kpi_cli(db: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_release-desk"))
        .env("TZ", "Asia/Seoul")
        .args(["--db", db])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn cli_kpi_json_has_nulls_for_months_without_rates() {
    let (_dir, path) = temp_db();
    drop(model_with(&path, common::kpi_fixture()));
    let db = path.to_str().unwrap();
    let out = kpi_cli(db, &["kpi", "--from", "2026-09", "--to", "2026-11", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["targets"]["success_rate"], 0.95);
    assert_eq!(json["targets"]["downtime_hours"], 4.0);
    let months = json["months"].as_array().unwrap();
    assert_eq!(months.len(), 3);
    assert_eq!(months[0]["month"], "2026-09");
    assert_eq!(months[0]["closed"], 3);
    assert_eq!(months[0]["successful"], 1);
    assert_eq!(months[0]["rolled_back"], 1);
    assert_eq!(months[0]["failed"], 1);
    assert_eq!(months[0]["success_rate"], 0.333333);
    assert_eq!(months[0]["deploy_time_overrun"], 0.275);
    assert_eq!(months[0]["within_10pct_share"], 0.5);
    assert_eq!(months[0]["downtime_hours"], 2.0);
    assert_eq!(months[1]["month"], "2026-10");
    for key in ["success_rate", "rollback_rate", "deploy_time_overrun", "within_10pct_share"] {
        assert!(months[1][key].is_null(), "{key}: {}", months[1][key]);
    }
    assert_eq!(months[1]["downtime_hours"], 0.0);
    assert_eq!(months[2]["closed"], 2, "the release closed at 00:30 on 1 November (KST) counts in November");
    assert_eq!(json["total"]["closed"], 5);
    assert_eq!(json["total"]["success_rate"], 0.6);

    let out = kpi_cli(db, &["kpi", "--from", "2026-09", "--to", "2026-11", "--format", "csv"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("month,closed,successful,rolled_back,failed,success_rate"));
    assert!(lines[2].starts_with("2026-10,0,0,0,0,,,0,,,0,"), "{}", lines[2]);
    assert!(lines[4].starts_with("total,5,3,1,"), "{}", lines[4]);

    let out = kpi_cli(db, &["--lang", "ko", "kpi", "--from", "2026-09", "--to", "2026-11"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("릴리스 성공률") && text.contains("33.3% !"), "{text}");
}

fn svg_polylines_by_stroke(svg: &str) -> std::collections::BTreeMap<String, usize> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let mut strokes = std::collections::BTreeMap::new();
    for node in doc.descendants().filter(|n| n.has_tag_name("polyline")) {
        *strokes.entry(node.attribute("stroke").unwrap_or("").to_uppercase()).or_insert(0) += 1;
    }
    strokes
}

fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02X}{g:02X}{b:02X}")
}

#[test]
fn cli_chart_svg_holds_each_series_and_target_and_korean_labels() {
    use release_desk::domain::Kpi;
    use release_desk::export::chart::{TARGET_RGB, kpi_rgb};
    let (dir, path) = temp_db();
    drop(model_with(&path, common::kpi_fixture()));
    let db = path.to_str().unwrap();
    let out_path = dir.path().join("kpi-2026-11.svg");
    let out = kpi_cli(
        db,
        &[
            "--lang",
            "ko",
            "chart",
            "--out",
            out_path.to_str().unwrap(),
            "--kpi",
            "all",
            "--from",
            "2026-09",
            "--to",
            "2026-11",
        ],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let svg = std::fs::read_to_string(&out_path).unwrap();
    let strokes = svg_polylines_by_stroke(&svg);
    for kpi in Kpi::ALL {
        assert!(
            strokes.get(&hex(kpi_rgb(kpi))).copied().unwrap_or(0) >= 1,
            "{kpi:?} series missing: {strokes:?}"
        );
    }
    assert_eq!(strokes.get(&hex(TARGET_RGB)), Some(&4), "one target line per chart: {strokes:?}");
    let doc = roxmltree::Document::parse(&svg).unwrap();
    // Text is drawn as glyph outlines of the bundled font (renders without Korean fonts
    // installed), each path naming its text for search and screen readers.
    assert!(!doc.descendants().any(|n| n.has_tag_name("text")), "no <text> that needs a font");
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("path"))
        .filter_map(|n| {
            assert!(n.attribute("d").is_some_and(|d| d.starts_with('M') || d.is_empty()));
            n.attribute("aria-label")
        })
        .collect();
    for label in ["릴리스 성공률", "롤백률", "배포 시간 초과율", "다운타임", "릴리스 KPI"]
    {
        assert!(texts.iter().any(|t| t.contains(label)), "{label} not in {texts:?}");
    }
    assert!(texts.iter().any(|t| t.contains("목표")), "Korean target label");
    let hangul = doc.descendants().find(|n| n.attribute("aria-label") == Some("롤백률")).unwrap();
    assert!(hangul.attribute("d").unwrap().matches('M').count() >= 3, "롤백률 has its glyphs' contours");

    // One KPI: its series and one target line, English labels.
    let one = dir.path().join("rollback.svg");
    let out = kpi_cli(
        db,
        &[
            "--lang",
            "en",
            "chart",
            "--out",
            one.to_str().unwrap(),
            "--kpi",
            "rollback-rate",
            "--from",
            "2026-09",
            "--to",
            "2026-11",
        ],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let svg = std::fs::read_to_string(&one).unwrap();
    let strokes = svg_polylines_by_stroke(&svg);
    assert!(strokes.contains_key(&hex(kpi_rgb(Kpi::RollbackRate))));
    assert!(!strokes.contains_key(&hex(kpi_rgb(Kpi::SuccessRate))));
    assert_eq!(strokes.get(&hex(TARGET_RGB)), Some(&1));
    assert!(svg.contains("Rollback rate"));
}

#[test]
fn cli_chart_png_decodes_at_the_asked_size() {
    let (dir, path) = temp_db();
    drop(model_with(&path, common::kpi_fixture()));
    let db = path.to_str().unwrap();
    for (kpi, w, h) in [("all", 900_u32, 640_u32), ("downtime", 640, 360)] {
        let out_path = dir.path().join(format!("{kpi}.png"));
        let (ws, hs) = (w.to_string(), h.to_string());
        let out = kpi_cli(
            db,
            &[
                "--lang",
                "ko",
                "chart",
                "--out",
                out_path.to_str().unwrap(),
                "--kpi",
                kpi,
                "--width",
                &ws,
                "--height",
                &hs,
            ],
        );
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&out_path).unwrap()));
        let mut reader = decoder.read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut pixels).unwrap();
        assert_eq!((info.width, info.height), (w, h));
        assert!(pixels.iter().any(|&p| p < 128), "something is drawn");
    }
}

#[test]
fn cli_kpi_and_chart_refuse_bad_arguments_in_one_line() {
    let (dir, path) = temp_db();
    drop(model_with(&path, common::kpi_fixture()));
    let db = path.to_str().unwrap();
    let jpg = dir.path().join("chart.jpg");
    let svg = dir.path().join("chart.svg");
    for args in [
        vec!["kpi", "--from", "2026-13"],
        vec!["kpi", "--from", "2026-11", "--to", "2026-01"],
        vec!["kpi", "--format", "xml"],
        vec!["chart", "--out", jpg.to_str().unwrap()],
        vec!["chart", "--out", svg.to_str().unwrap(), "--kpi", "happiness"],
        vec!["chart", "--out", svg.to_str().unwrap(), "--width", "10"],
        vec!["chart", "--out", svg.to_str().unwrap(), "--height", "-5"],
        vec!["chart"],
    ] {
        let out = kpi_cli(db, &args);
        assert!(!out.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.trim_end().lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.starts_with("release-desk: "), "{stderr}");
    }
    assert!(!jpg.exists() && !svg.exists(), "nothing written on a refusal");
}

// ---------------------------------------------------------------- bulk actions, Trash, undo

mod bulk {
    use super::*;
    use release_desk::domain::{GroupId, Language, Theme};
    use release_desk::model::{BulkAction, PurgeBackup};

    fn ids(list: &[i64]) -> Vec<ReleaseId> {
        list.iter().copied().map(ReleaseId).collect()
    }

    /// Six releases, #6 already in Trash; nobody signed in.
    fn fixture(path: &std::path::Path) -> Model {
        let mut releases: Vec<_> = (1..=6).map(|i| plain(i, &format!("release {i}"))).collect();
        releases[5].deleted_at = Some(at(-2));
        model_with(path, releases)
    }

    fn bulk(ids_: &[i64], action: BulkAction) -> Command {
        Command::Bulk { ids: ids(ids_), action }
    }

    /// Memory equals the file, and the file has `expected` more activity rows than `before`.
    fn assert_persisted(model: &Model, activities_before: i64, expected: i64) {
        assert_eq!(model.reload_snapshot().unwrap(), model.snapshot());
        assert_eq!(model.store().activity_count().unwrap(), activities_before + expected);
    }

    #[test]
    fn each_bulk_action_round_trips_through_the_store() {
        let (_dir, path) = temp_db();
        let mut model = fixture(&path);
        model.apply(Command::SetCurrentAgent(Some(AgentId(2)))).unwrap();
        let mut count = model.store().activity_count().unwrap();

        model.apply(bulk(&[1, 2, 3], BulkAction::Trash)).unwrap();
        for id in [1, 2, 3] {
            assert_eq!(model.release(ReleaseId(id)).unwrap().deleted_at, Some(t0()));
            let log = model.activities_for(ReleaseId(id)).unwrap();
            assert_eq!(log[0].kind, "trash");
            assert_eq!(log[0].actor, Some(AgentId(2)));
        }
        assert_persisted(&model, count, 3);
        count += 3;

        model.apply(bulk(&[2, 6], BulkAction::Restore)).unwrap();
        assert!(!model.release(ReleaseId(2)).unwrap().is_deleted());
        assert!(!model.release(ReleaseId(6)).unwrap().is_deleted());
        assert_persisted(&model, count, 2);
        count += 2;

        model.apply(bulk(&[1, 3], BulkAction::Purge)).unwrap();
        assert!(model.release(ReleaseId(1)).is_none() && model.release(ReleaseId(3)).is_none());
        assert_eq!(model.activities_for(ReleaseId(1)).unwrap()[0].kind, "purge");
        assert_persisted(&model, count, 2);
        count += 2;

        model.apply(bulk(&[2, 4], BulkAction::PickUp)).unwrap();
        assert_eq!(model.release(ReleaseId(4)).unwrap().agent_id, Some(AgentId(2)));
        let log = model.activities_for(ReleaseId(4)).unwrap();
        assert_eq!((log[0].field.as_str(), log[0].new_value.as_str()), ("agent_id", "Emily Carter"));
        assert_persisted(&model, count, 2);
        count += 2;

        model
            .apply(bulk(
                &[2, 4, 5],
                BulkAction::Assign { agent: Some(Some(AgentId(1))), group: Some(Some(GroupId(2))) },
            ))
            .unwrap();
        for id in [2, 4, 5] {
            let r = model.release(ReleaseId(id)).unwrap();
            assert_eq!((r.agent_id, r.group_id), (Some(AgentId(1)), Some(GroupId(2))));
            assert_eq!(model.activities_for(ReleaseId(id)).unwrap()[0].field, "agent_id, group_id");
        }
        assert_persisted(&model, count, 3);
        count += 3;

        model.apply(bulk(&[2, 5], BulkAction::Assign { agent: Some(None), group: None })).unwrap();
        assert_eq!(model.release(ReleaseId(5)).unwrap().agent_id, None);
        assert_eq!(model.release(ReleaseId(5)).unwrap().group_id, Some(GroupId(2)), "the group is kept");
        assert_persisted(&model, count, 2);
        count += 2;

        model.apply(bulk(&[2, 4], BulkAction::SetStatus(Status::InProgress))).unwrap();
        assert_eq!(model.release(ReleaseId(2)).unwrap().status, Status::InProgress);
        assert_persisted(&model, count, 2);
        count += 2;

        model.apply(bulk(&[2, 4, 5], BulkAction::SetPriority(Priority::Urgent))).unwrap();
        assert_eq!(model.release(ReleaseId(5)).unwrap().priority, Priority::Urgent);
        assert_persisted(&model, count, 3);
        count += 3;

        // A release the action would not change is left alone and not logged.
        model.apply(bulk(&[2, 6], BulkAction::SetPriority(Priority::Urgent))).unwrap();
        assert_persisted(&model, count, 1);

        let in_memory = model.snapshot();
        drop(model);
        assert_eq!(Model::open(&path).unwrap().snapshot(), in_memory);
    }

    #[test]
    fn a_failing_bulk_action_changes_nothing_in_memory_or_file() {
        let (_dir, path) = temp_db();
        let mut model = fixture(&path);
        let before = model.snapshot();
        let activities = model.store().activity_count().unwrap();
        let failures: Vec<(Command, &str)> = vec![
            (bulk(&[1, 2, 99, 98], BulkAction::Trash), "releases #98, #99 do not exist"),
            (bulk(&[1, 6], BulkAction::Trash), "release #6 is in Trash"),
            (bulk(&[6, 1, 2], BulkAction::Purge), "releases #1, #2 are not in Trash"),
            (bulk(&[1, 6], BulkAction::Restore), "release #1 is not in Trash"),
            (bulk(&[1, 2], BulkAction::PickUp), "nobody is signed in"),
            (bulk(&[1], BulkAction::Assign { agent: Some(Some(AgentId(404))), group: None }), "agent 404"),
            (bulk(&[1], BulkAction::Assign { agent: None, group: Some(Some(GroupId(404))) }), "group 404"),
            (bulk(&[6], BulkAction::SetStatus(Status::Completed)), "in Trash"),
            (bulk(&[], BulkAction::Trash), "no releases"),
        ];
        for (command, reason) in failures {
            let err = model.apply(command.clone()).err().unwrap_or_else(|| panic!("{command:?} applied"));
            assert!(err.to_string().contains(reason), "{err} does not say {reason:?}");
            assert_eq!(model.snapshot(), before, "{command:?} changed memory");
            assert_eq!(model.reload_snapshot().unwrap(), before, "{command:?} changed the file");
            assert_eq!(model.store().activity_count().unwrap(), activities);
        }
        assert!(model.history().next_undo().is_none(), "refused commands are not undoable");

        // Many ids are named briefly.
        let many: Vec<i64> = (100..120).collect();
        let err = model.apply(bulk(&many, BulkAction::Trash)).err().unwrap();
        assert!(err.to_string().contains("#100, #101, #102, #103, #104 and 15 more"), "{err}");
        release_desk::i18n::set_language(Language::Ko);
        let text = release_desk::i18n::command_error(&err);
        release_desk::i18n::set_language(Language::En);
        assert!(text.contains("릴리스 20건(#100, #101, #102, #103, #104 외 15건)"), "{text}");

        // A write that fails half-way (disk full) leaves memory and file as they were too.
        let pages: i64 = {
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap()
        };
        let mut big: Vec<_> = (10..3010).map(|i| plain(i, &"x".repeat(200))).collect();
        big.iter_mut().for_each(|r| r.description = "y".repeat(500));
        drop(model);
        let mut store = Store::open(&path).unwrap();
        store.commit(&big.into_iter().map(Mutation::PutRelease).collect::<Vec<_>>(), &[]).unwrap();
        let mut model = Model::from_store(store).unwrap();
        let before = model.snapshot();
        let _ = pages;
        let pages: i64 = {
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap()
        };
        model.store().set_max_page_count_for_tests(pages).unwrap();
        let all: Vec<i64> = (10..3010).collect();
        let err = model.apply(bulk(&all, BulkAction::Trash)).err().unwrap();
        assert!(matches!(err, CommandError::Store(StoreError::Full)), "{err}");
        assert_eq!(model.snapshot(), before);
        assert_eq!(model.reload_snapshot().unwrap(), before);
    }

    #[test]
    fn undo_and_redo_of_a_bulk_action_and_of_a_purge() {
        let (_dir, path) = temp_db();
        let mut model = fixture(&path);
        let start = model.snapshot();
        model.apply(bulk(&[1, 2, 3], BulkAction::Trash)).unwrap();
        model.apply(bulk(&[1, 3, 6], BulkAction::Purge)).unwrap();
        let end = model.snapshot();
        let undone = model.undo().unwrap().unwrap();
        assert_eq!(undone, bulk(&[1, 3, 6], BulkAction::Purge));
        assert_eq!(model.release(ReleaseId(1)).unwrap().deleted_at, Some(t0()), "back in Trash");
        assert_eq!(model.release(ReleaseId(6)), start.releases.get(5), "exactly as before");
        model.undo().unwrap().unwrap();
        assert_eq!(model.snapshot(), start);
        assert_eq!(model.reload_snapshot().unwrap(), start, "undo is written to the file");
        assert_eq!(model.undo().unwrap(), None);
        assert_eq!(model.activities_for(ReleaseId(2)).unwrap()[0].kind, "revert", "undo is logged");
        model.redo().unwrap().unwrap();
        model.redo().unwrap().unwrap();
        assert_eq!(model.snapshot(), end);
        assert_eq!(model.reload_snapshot().unwrap(), end);
        assert_eq!(model.redo().unwrap(), None);

        // A new command forgets what could be redone.
        model.undo().unwrap();
        model.apply(Command::SetTheme(Theme::Dark)).unwrap();
        assert!(model.history().next_redo().is_none());
    }

    /// The purge backups in `backups/`, oldest first, with the release count each holds.
    fn purge_backups(path: &std::path::Path) -> Vec<(std::path::PathBuf, i64)> {
        let mut list: Vec<_> = release_desk::store::backup::list_backups(path)
            .unwrap()
            .into_iter()
            .filter(|b| b.reason == "purge")
            .map(|b| {
                let count = release_desk::store::backup::verify(&b.path).unwrap();
                (b.path, count)
            })
            .collect();
        list.reverse();
        list
    }

    fn prepared(model: &mut Model) -> PurgeBackup {
        loop {
            match model.prepare_purge_backup() {
                PurgeBackup::Running => std::thread::sleep(std::time::Duration::from_millis(5)),
                done => return done,
            }
        }
    }

    #[test]
    fn a_purge_uses_the_backup_prepared_during_its_confirmation_only_if_nothing_changed_since() {
        let (_dir, path) = temp_db();
        let mut model = fixture(&path);
        model.apply(bulk(&[1, 2], BulkAction::Trash)).unwrap();
        assert_eq!(prepared(&mut model), PurgeBackup::Ready);
        assert_eq!(model.prepare_purge_backup(), PurgeBackup::Ready, "made once per state of the file");
        let made = purge_backups(&path);
        assert_eq!(made.len(), 1);
        assert_eq!(made[0].1, 6, "the backup holds every release");
        model.apply(bulk(&[1], BulkAction::Purge)).unwrap();
        assert_eq!(purge_backups(&path), made, "the purge used the prepared backup");

        // Prepared, then something changed: the purge backs up the file as it is now instead, and
        // the stale copy, never needed, is deleted (it must not push real backups out of rotation).
        assert_eq!(prepared(&mut model), PurgeBackup::Ready);
        let stale = purge_backups(&path);
        assert_eq!(stale.len(), 2);
        model.apply(bulk(&[3], BulkAction::Trash)).unwrap();
        model.apply(bulk(&[2, 3], BulkAction::Purge)).unwrap();
        let made = purge_backups(&path);
        assert_eq!(made.len(), 2);
        assert!(!stale[1].0.exists(), "the unused prepared copy is gone");
        let newest = &made[1].0;
        let trashed_in_newest: i64 = rusqlite::Connection::open(newest)
            .unwrap()
            .query_row("SELECT count(*) FROM releases WHERE id = 3 AND deleted_at IS NOT NULL", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!((made[1].1, trashed_in_newest), (5, 1), "the newest backup is of the file just before");
        assert_eq!(model.reload_snapshot().unwrap(), model.snapshot());

        // A confirmation opened and cancelled leaves nothing behind once the model closes.
        assert_eq!(prepared(&mut model), PurgeBackup::Ready);
        assert_eq!(purge_backups(&path).len(), 3);
        drop(model.close());
        assert_eq!(purge_backups(&path), made);
    }

    #[test]
    fn delete_forever_takes_notes_tasks_and_time_along_and_undo_brings_them_back() {
        let (_dir, path) = temp_db();
        let mut model = fixture(&path);
        model.apply(Command::AddNote { release: ReleaseId(1), body: "롤백 계획 확인".into() }).unwrap();
        model.apply(Command::AddNote { release: ReleaseId(2), body: "stays".into() }).unwrap();
        let task = release_desk::domain::TaskFields { title: "UAT".into(), ..Default::default() };
        model.apply(Command::AddTask { release: ReleaseId(1), fields: task }).unwrap();
        let entry = release_desk::model::NewTimeEntry {
            agent_id: Some(AgentId(1)),
            minutes: 90,
            note: String::new(),
            billable: true,
            executed_at: t0(),
        };
        model.apply(Command::AddTime { release: ReleaseId(1), entry }).unwrap();
        model.apply(bulk(&[1], BulkAction::Trash)).unwrap();
        let before = model.snapshot();
        model.apply(bulk(&[1, 6], BulkAction::Purge)).unwrap();
        assert!(model.notes().iter().all(|n| n.release_id != ReleaseId(1)));
        assert_eq!(model.notes().len(), 1, "other releases keep theirs");
        assert!(model.tasks().is_empty() && model.time_entries().is_empty());
        assert_eq!(model.reload_snapshot().unwrap(), model.snapshot());
        model.undo().unwrap().unwrap();
        assert_eq!(model.snapshot(), before);
        assert_eq!(model.reload_snapshot().unwrap(), before);
        model.redo().unwrap().unwrap();
        assert!(model.tasks().is_empty());
        assert_eq!(model.reload_snapshot().unwrap(), model.snapshot());
    }

    #[test]
    fn the_undo_menu_names_the_command_in_the_ui_language() {
        let (_dir, path) = temp_db();
        let mut model = fixture(&path);
        let ids37: Vec<ReleaseId> = (1..=37).map(ReleaseId).collect();
        let command = Command::Bulk {
            ids: ids37,
            action: BulkAction::Assign { agent: Some(Some(AgentId(1))), group: None },
        };
        use release_desk::i18n::{command_label, set_language};
        set_language(Language::En);
        assert_eq!(command_label(&command, model.directory()), "assign 37 releases to 김민준");
        set_language(Language::Ko);
        assert_eq!(command_label(&command, model.directory()), "릴리스 37건을 김민준에게 할당");
        set_language(Language::En);
        let one = bulk(&[1], BulkAction::Trash);
        assert_eq!(command_label(&one, model.directory()), "move 1 release to Trash");
        model.apply(one).unwrap();
        let next = model.history().next_undo().unwrap();
        assert_eq!(command_label(next, model.directory()), "move 1 release to Trash");
        let edit = Command::EditTimeEntry {
            id: 1,
            entry: release_desk::model::NewTimeEntry {
                agent_id: None,
                minutes: 30,
                note: String::new(),
                billable: true,
                executed_at: at(0),
            },
        };
        assert_eq!(command_label(&edit, model.directory()), "edit a time entry");
        set_language(Language::Ko);
        assert_eq!(command_label(&edit, model.directory()), "시간 기록 수정");
        set_language(Language::En);
    }

    // ------------------------------------------------------------ the undo property

    /// One step of a random session; ids and names are picked from the model when applied.
    #[derive(Clone, Debug)]
    enum Step {
        Create(u8),
        Edit(u8, u8, u8),
        AddAgent(u8),
        AddGroup(u8),
        AddDepartment(u8),
        SignIn(u8),
        Language(bool),
        Theme(u8),
        SaveView(u8),
        DeleteView(u8),
        Sample(u8),
        Bulk(Vec<u8>, u8, u8),
        /// A note, task, time or single-trash command: (kind, which, value).
        Item(u8, u8, u8),
        /// A rollout command (issue 5): Changes, CIs, links, stage moves, readiness, KPI targets:
        /// (kind, which, a, b).
        Rollout(u8, u8, u8, u8),
        Undo,
        Redo,
    }

    fn step() -> impl proptest::strategy::Strategy<Value = Step> {
        use proptest::prelude::*;
        let byte = any::<u8>;
        // Weighted: the item and rollout commands have many kinds each, and a release needs several
        // moves in a row before it reaches Deploy, Complete or Rollback.
        prop_oneof![
            2 => byte().prop_map(Step::Create),
            2 => (byte(), byte(), byte()).prop_map(|(a, b, c)| Step::Edit(a, b, c)),
            1 => byte().prop_map(Step::AddAgent),
            1 => byte().prop_map(Step::AddGroup),
            1 => byte().prop_map(Step::AddDepartment),
            1 => byte().prop_map(Step::SignIn),
            1 => any::<bool>().prop_map(Step::Language),
            1 => byte().prop_map(Step::Theme),
            1 => byte().prop_map(Step::SaveView),
            1 => byte().prop_map(Step::DeleteView),
            1 => (1..4_u8).prop_map(Step::Sample),
            2 => (proptest::collection::vec(byte(), 0..6), byte(), byte())
                .prop_map(|(a, b, c)| Step::Bulk(a, b, c)),
            5 => (byte(), byte(), byte()).prop_map(|(a, b, c)| Step::Item(a, b, c)),
            8 => (byte(), byte(), byte(), byte()).prop_map(|(k, w, a, b)| Step::Rollout(k, w, a, b)),
            1 => Just(Step::Undo),
            1 => Just(Step::Redo),
        ]
    }

    fn pick<T: Copy>(items: &[T], n: u8) -> Option<T> {
        (!items.is_empty()).then(|| items[n as usize % items.len()])
    }

    /// The command a step stands for in `model`'s current state (`None` for undo and redo).
    fn command(model: &Model, step: &Step) -> Option<Command> {
        let releases: Vec<ReleaseId> = model.releases().iter().map(|r| r.id).collect();
        let agents: Vec<AgentId> = model.directory().agents.iter().map(|a| a.id).collect();
        let groups: Vec<GroupId> = model.directory().groups.iter().map(|g| g.id).collect();
        let release = |n| pick(&releases, n).unwrap_or(ReleaseId(999));
        Some(match step {
            Step::Create(n) => Command::CreateRelease(new_release(&format!("release {n}"))),
            Step::Edit(n, field, value) => {
                let edit = match field % 6 {
                    0 => ReleaseEdit::Subject(format!("renamed {value}")),
                    1 => ReleaseEdit::Status(Status::ALL[*value as usize % Status::ALL.len()]),
                    2 => ReleaseEdit::Priority(Priority::ALL[*value as usize % Priority::ALL.len()]),
                    3 => ReleaseEdit::Agent(pick(&agents, *value)),
                    4 => ReleaseEdit::Group(pick(&groups, *value)),
                    _ => ReleaseEdit::Description(format!("notes {value}")),
                };
                Command::EditRelease { id: release(*n), edits: vec![edit] }
            }
            Step::AddAgent(n) => Command::AddAgent { name: format!("agent {n}"), email: String::new() },
            Step::AddGroup(n) => Command::AddGroup { name: format!("group {n}") },
            Step::AddDepartment(n) => Command::AddDepartment { name: format!("department {n}") },
            Step::SignIn(n) => Command::SetCurrentAgent(if n % 5 == 0 { None } else { pick(&agents, *n) }),
            Step::Language(ko) => Command::SetLanguage(Some(if *ko { Language::Ko } else { Language::En })),
            Step::Theme(n) => Command::SetTheme([Theme::System, Theme::Light, Theme::Dark][*n as usize % 3]),
            Step::SaveView(n) => Command::SaveView {
                name: format!("view {n}"),
                base: PredefinedView::ALL[*n as usize % PredefinedView::ALL.len()],
                filter: ReleaseFilter::default(),
                sort: SortSpec::default(),
            },
            Step::DeleteView(n) => {
                let views: Vec<i64> = model.saved_views().iter().map(|v| v.id).collect();
                Command::DeleteSavedView(pick(&views, *n).unwrap_or(404))
            }
            Step::Sample(n) => Command::LoadSample {
                data: release_desk::domain::sample::generate(*n as usize, u64::from(*n), t0()),
                force: true,
            },
            Step::Bulk(which, action, value) => {
                // Restore and purge act on releases in Trash only: mostly pick from those.
                let trashed: Vec<ReleaseId> =
                    model.releases().iter().filter(|r| r.is_deleted()).map(|r| r.id).collect();
                let ids = which
                    .iter()
                    .map(|&n| match action % 8 {
                        1 | 2 if !value.is_multiple_of(4) => pick(&trashed, n).unwrap_or(ReleaseId(999)),
                        _ => release(n),
                    })
                    .collect();
                let action = match action % 8 {
                    0 => BulkAction::Trash,
                    1 => BulkAction::Restore,
                    2 => BulkAction::Purge,
                    3 => BulkAction::PickUp,
                    4 => BulkAction::Assign { agent: Some(pick(&agents, *value)), group: None },
                    5 => BulkAction::Assign {
                        agent: Some(pick(&agents, *value)),
                        group: Some(pick(&groups, value / 2)),
                    },
                    6 => BulkAction::SetStatus(Status::ALL[*value as usize % Status::ALL.len()]),
                    _ => BulkAction::SetPriority(Priority::ALL[*value as usize % Priority::ALL.len()]),
                };
                Command::Bulk { ids, action }
            }
            Step::Item(kind, which, value) => item(model, *kind, *which, *value, &releases, &agents),
            Step::Rollout(kind, which, a, b) => rollout(model, *kind, *which, *a, *b, &releases, &agents),
            Step::Undo | Step::Redo => return None,
        })
    }

    /// The release page's commands (issue 4): notes, tasks, time, timers, one release to Trash.
    fn item(
        model: &Model,
        kind: u8,
        which: u8,
        value: u8,
        releases: &[ReleaseId],
        agents: &[AgentId],
    ) -> Command {
        use release_desk::domain::{TaskFields, TaskStatus};
        use release_desk::model::NewTimeEntry;
        let release = pick(releases, which).unwrap_or(ReleaseId(999));
        let notes: Vec<i64> = model.notes().iter().map(|n| n.id).collect();
        let tasks: Vec<i64> = model.tasks().iter().map(|t| t.id).collect();
        let times: Vec<i64> = model.time_entries().iter().map(|e| e.id).collect();
        let fields = |title: String| TaskFields {
            title,
            description: String::new(),
            status: [TaskStatus::Open, TaskStatus::InProgress, TaskStatus::Completed][value as usize % 3],
            due: None,
            agent_id: pick(agents, value),
            group_id: None,
        };
        match kind % 12 {
            0 => Command::TrashRelease(release),
            1 => Command::AddNote { release, body: format!("note {value}") },
            2 => {
                Command::EditNote { id: pick(&notes, which).unwrap_or(404), body: format!("edited {value}") }
            }
            3 => Command::DeleteNote(pick(&notes, which).unwrap_or(404)),
            4 => Command::AddTask { release, fields: fields(format!("task {value}")) },
            5 => Command::EditTask {
                id: pick(&tasks, which).unwrap_or(404),
                fields: fields(format!("renamed {value}")),
            },
            6 => Command::DeleteTask(pick(&tasks, which).unwrap_or(404)),
            7 => Command::AddTime {
                release,
                entry: NewTimeEntry {
                    agent_id: pick(agents, value),
                    minutes: u32::from(value) + 1,
                    note: String::new(),
                    billable: value.is_multiple_of(2),
                    executed_at: t0(),
                },
            },
            8 => Command::StartTimer {
                release,
                agent_id: pick(agents, value),
                note: String::new(),
                billable: true,
                since_created: value.is_multiple_of(2),
            },
            9 => {
                let running: Vec<i64> = model.running_timers().map(|e| e.id).collect();
                let timers = if value.is_multiple_of(4) { &times } else { &running };
                Command::StopTimer(pick(timers, which).unwrap_or(404))
            }
            10 => {
                // Mostly a stopped entry (a running one is refused), sometimes any, or none at all.
                let stopped: Vec<i64> =
                    model.time_entries().iter().filter(|e| !e.is_running()).map(|e| e.id).collect();
                let entries = if value.is_multiple_of(4) { &times } else { &stopped };
                Command::EditTimeEntry {
                    id: pick(entries, which).unwrap_or(404),
                    entry: NewTimeEntry {
                        agent_id: pick(agents, value.wrapping_add(1)),
                        // 0 now and then: refused, out of range.
                        minutes: u32::from(value) * 7 % 600,
                        note: format!("edited {value}"),
                        billable: value.is_multiple_of(3),
                        executed_at: t0() - chrono::Duration::hours(i64::from(value)),
                    },
                }
            }
            _ => Command::DeleteTimeEntry(pick(&times, which).unwrap_or(404)),
        }
    }

    /// The rollout commands (issue 5): the Change and CI registries and their links, lifecycle moves
    /// (mostly to a stage the release may go to, with the outcome, reason or override it needs),
    /// readiness edits and KPI targets. Some are invalid on purpose; those must change nothing.
    fn rollout(
        model: &Model,
        kind: u8,
        which: u8,
        a: u8,
        b: u8,
        releases: &[ReleaseId],
        agents: &[AgentId],
    ) -> Command {
        use release_desk::domain::{
            CabApproval, Change, ChangeRisk, CiKind, KpiTargets, Outcome, Stage,
            lifecycle::DOWNTIME_MAX_MINUTES,
        };
        let release = pick(releases, which).unwrap_or(ReleaseId(999));
        let link_to = match a % 4 {
            0 => None,
            1 => Some(ReleaseId(999)),
            _ => Some(release),
        };
        // The live release furthest along the main line (and not yet complete).
        let furthest = model
            .releases()
            .iter()
            .filter(|r| !r.is_deleted() && r.stage != Stage::Complete)
            .max_by_key(|r| (r.stage.position(), r.id))
            .map(|r| r.id);
        let changes: Vec<i64> = model.registry().changes.iter().map(|c| c.id).collect();
        let items: Vec<i64> = model.registry().config_items.iter().map(|c| c.id).collect();
        let approval = CabApproval::ALL[a as usize % CabApproval::ALL.len()];
        let risk = ChangeRisk::ALL[b as usize % ChangeRisk::ALL.len()];
        let name = |prefix: &str| if b.is_multiple_of(9) { "  ".to_owned() } else { format!("{prefix} {b}") };
        match kind % 10 {
            0 => Command::CreateChange { subject: name("change"), approval, risk, link_to },
            1 => Command::UpdateChange(Change {
                id: pick(&changes, which).unwrap_or(404),
                subject: name("changed"),
                approval,
                risk,
            }),
            2 => Command::CreateConfigItem {
                name: name("ci"),
                kind: CiKind::ALL[b as usize % CiKind::ALL.len()],
                link_to,
            },
            3 => Command::LinkChange {
                release,
                change: if a.is_multiple_of(7) { 404 } else { pick(&changes, b).unwrap_or(404) },
                linked: !a.is_multiple_of(3),
            },
            4 => Command::LinkConfigItem {
                release,
                item: if a.is_multiple_of(7) { 404 } else { pick(&items, b).unwrap_or(404) },
                linked: !a.is_multiple_of(3),
            },
            5 | 8 | 9 => {
                // Mostly a release that is already under way, so that moves get past Build & Test.
                let moving: Vec<ReleaseId> = model
                    .releases()
                    .iter()
                    .filter(|r| !r.is_deleted() && !matches!(r.stage, Stage::Plan | Stage::Complete))
                    .map(|r| r.id)
                    .collect();
                let release = match kind % 4 {
                    0 => furthest.unwrap_or(release),
                    2 => pick(&moving, which).unwrap_or(release),
                    _ => release,
                };
                let from = model.release(release).map_or(Stage::Plan, |r| r.stage);
                let next = from.next_stages();
                let to = if a.is_multiple_of(6) || next.is_empty() {
                    Stage::ALL[b as usize % Stage::ALL.len()]
                } else {
                    next[b as usize % next.len()]
                };
                Command::MoveStage {
                    id: release,
                    to,
                    outcome: match b % 5 {
                        0 => None,
                        1 | 2 => Some(Outcome::Failed),
                        _ => Some(Outcome::Successful),
                    },
                    downtime_minutes: if a == 255 { DOWNTIME_MAX_MINUTES + 1 } else { u32::from(a) * 3 },
                    reason: if b.is_multiple_of(7) { String::new() } else { format!("reason {b}") },
                    override_reason: if a.is_multiple_of(3) {
                        String::new()
                    } else {
                        format!("override {a}")
                    },
                }
            }
            6 if b.is_multiple_of(4) => Command::EditReadiness {
                // The whole release plan done: the readiness half of the Deploy gate opens.
                id: furthest.unwrap_or(release),
                edits: release_desk::domain::PlanCheck::ALL
                    .iter()
                    .map(|&check| release_desk::domain::ReadinessEdit::PlanCheck { check, done: true })
                    .collect(),
            },
            6 => Command::EditReadiness {
                id: release,
                edits: (0..1 + b % 3)
                    .map(|i| readiness_edit(a.wrapping_add(i.wrapping_mul(37)), b ^ i, agents))
                    .collect(),
            },
            _ => {
                let mut targets = KpiTargets {
                    success_rate: f64::from(a) / 255.0,
                    rollback_rate: f64::from(b) / 255.0,
                    deploy_time_overrun: f64::from(a ^ b) / 25.5,
                    downtime_hours: f64::from(which) * 2.5,
                };
                match which % 6 {
                    0 => targets = KpiTargets::default(),
                    1 => targets.success_rate = 1.5,
                    2 => targets.downtime_hours = f64::NAN,
                    _ => {}
                }
                Command::SetKpiTargets(targets)
            }
        }
    }

    /// One readiness edit; mostly valid (a rating of 0 or an unknown risk or phase is refused).
    fn readiness_edit(a: u8, b: u8, agents: &[AgentId]) -> release_desk::domain::ReadinessEdit {
        use release_desk::domain::{
            DeploymentPhase, MitigationItem, PhaseStatus, PlanCheck, ReadinessEdit, Risk, RiskKind, Strategy,
        };
        let done = !b.is_multiple_of(4);
        match a % 8 {
            0 | 1 => {
                ReadinessEdit::PlanCheck { check: PlanCheck::ALL[b as usize % PlanCheck::ALL.len()], done }
            }
            2 => ReadinessEdit::Mitigation {
                item: MitigationItem::ALL[b as usize % MitigationItem::ALL.len()],
                done,
            },
            3 => ReadinessEdit::PutRisk(Risk {
                id: u32::from(b % 7),
                kind: RiskKind::ALL[b as usize % RiskKind::ALL.len()],
                title: if b.is_multiple_of(3) { String::new() } else { format!("risk {b}") },
                likelihood: b % 6,
                impact: 1 + a % 5,
                mitigation: format!("mitigate {a}"),
                owner: pick(agents, b).filter(|_| b.is_multiple_of(2)),
            }),
            4 => ReadinessEdit::RemoveRisk(u32::from(b % 7)),
            5 => ReadinessEdit::Strategy(Strategy::ALL[b as usize % Strategy::ALL.len()]),
            6 => ReadinessEdit::PutPhase {
                index: (!b.is_multiple_of(3)).then_some(usize::from(b % 3)),
                phase: DeploymentPhase {
                    name: if b.is_multiple_of(11) { String::new() } else { format!("phase {b}") },
                    planned_start: Some(t0()),
                    planned_end: (b.is_multiple_of(4)).then(t0),
                    status: PhaseStatus::ALL[b as usize % PhaseStatus::ALL.len()],
                },
            },
            _ if b.is_multiple_of(2) => ReadinessEdit::RemovePhase(usize::from(b % 3)),
            _ => ReadinessEdit::MovePhase { index: usize::from(b % 3), earlier: b % 4 == 1 },
        }
    }

    /// The snapshot without the id high-water mark (which only grows: ids are never reused).
    fn state(model: &Model) -> release_desk::store::Snapshot {
        let mut snapshot = model.snapshot();
        snapshot.release_high_water = 0;
        snapshot
    }

    /// How many random sessions the undo property tries, and how many steps each has at most.
    const CASES: u32 = 64;
    const STEPS: usize = 40;

    /// The undo property's starting point, in memory: the people fixture, two plain releases and
    /// three further along (#3 in Deployment prep with an open Deploy gate, #4 in Deploy, #5 in
    /// Verify & Monitor), an approved and a pending Change, and a CI.
    fn session_start() -> Model {
        use release_desk::domain::{
            CabApproval, Change, ChangeRisk, CiKind, ConfigItem, PlanCheck, Readiness, Stage,
        };
        let mut store = Store::open_in_memory().unwrap();
        let mut fixture = common::people();
        fixture.push(Mutation::PutRelease(plain(1, "one")));
        fixture.push(Mutation::PutRelease(plain(2, "two")));
        for (id, stage) in [(3, Stage::DeploymentPrep), (4, Stage::Deploy), (5, Stage::VerifyMonitor)] {
            let mut release = plain(id, &format!("release {id}"));
            release.stage = stage;
            if stage != Stage::DeploymentPrep {
                release.status = Status::InProgress;
                release.work_start = Some(at(-1));
            }
            release.associated_change_ids = vec![1];
            release.assets = vec![1];
            fixture.push(Mutation::PutRelease(release));
        }
        let approved = Change {
            id: 1,
            subject: "approved".into(),
            approval: CabApproval::Approved,
            risk: ChangeRisk::Low,
        };
        let pending = Change {
            id: 2,
            subject: "pending".into(),
            approval: CabApproval::Pending,
            risk: ChangeRisk::High,
        };
        fixture.push(Mutation::PutChange(approved));
        fixture.push(Mutation::PutChange(pending));
        fixture.push(Mutation::PutConfigItem(ConfigItem {
            id: 1,
            name: "erp-db".into(),
            kind: CiKind::Database,
        }));
        let ready = Readiness { plan_done: PlanCheck::ALL.iter().copied().collect(), ..Readiness::default() };
        fixture.push(Mutation::PutReadiness { release: ReleaseId(3), readiness: ready });
        store.commit(&fixture, &[]).unwrap();
        let mut model = Model::from_store(store).unwrap();
        model.set_clock(Box::new(t0));
        model
    }

    /// The kind of a command in `model`'s state, for the coverage check below. No wildcard arm: a
    /// new `Command` variant does not compile until it is named here (then add it to `expected`).
    fn command_kind(model: &Model, command: &Command) -> String {
        use release_desk::domain::Stage;
        use release_desk::model::BulkAction;
        match command {
            Command::CreateRelease(_) => "CreateRelease".into(),
            Command::EditRelease { .. } => "EditRelease".into(),
            Command::AddAgent { .. } => "AddAgent".into(),
            Command::AddGroup { .. } => "AddGroup".into(),
            Command::AddDepartment { .. } => "AddDepartment".into(),
            Command::SetCurrentAgent(_) => "SetCurrentAgent".into(),
            Command::SetLanguage(_) => "SetLanguage".into(),
            Command::SetTheme(_) => "SetTheme".into(),
            Command::SetKpiTargets(_) => "SetKpiTargets".into(),
            Command::SaveView { .. } => "SaveView".into(),
            Command::DeleteSavedView(_) => "DeleteSavedView".into(),
            Command::LoadSample { .. } => "LoadSample".into(),
            Command::TrashRelease(_) => "TrashRelease".into(),
            Command::AddNote { .. } => "AddNote".into(),
            Command::EditNote { .. } => "EditNote".into(),
            Command::DeleteNote(_) => "DeleteNote".into(),
            Command::AddTask { .. } => "AddTask".into(),
            Command::EditTask { .. } => "EditTask".into(),
            Command::DeleteTask(_) => "DeleteTask".into(),
            Command::AddTime { .. } => "AddTime".into(),
            Command::StartTimer { .. } => "StartTimer".into(),
            Command::StopTimer(_) => "StopTimer".into(),
            Command::EditTimeEntry { .. } => "EditTimeEntry".into(),
            Command::DeleteTimeEntry(_) => "DeleteTimeEntry".into(),
            Command::CreateChange { .. } => "CreateChange".into(),
            Command::UpdateChange(_) => "UpdateChange".into(),
            Command::CreateConfigItem { .. } => "CreateConfigItem".into(),
            Command::LinkChange { .. } => "LinkChange".into(),
            Command::LinkConfigItem { .. } => "LinkConfigItem".into(),
            Command::MoveStage { id, to, .. } => {
                let closed = model.release(*id).is_some_and(|r| !model.deploy_gate(r).is_open());
                let through = if *to == Stage::Deploy && closed { " through a closed gate" } else { "" };
                format!("MoveStage to {}{through}", to.label())
            }
            Command::EditReadiness { .. } => "EditReadiness".into(),
            Command::Bulk { action, .. } => match action {
                BulkAction::Trash
                | BulkAction::Restore
                | BulkAction::Purge
                | BulkAction::PickUp
                | BulkAction::Assign { .. }
                | BulkAction::SetStatus(_)
                | BulkAction::SetPriority(_) => format!("Bulk {}", action.slug()),
            },
            Command::Revert { .. } => "Revert".into(),
        }
    }

    /// The undo property is only as good as its `Step`s: with a fixed seed, the generator must
    /// produce (and the model accept and record) every command kind, and move releases into
    /// every stage, Deploy both through an open gate and through a closed one (overridden).
    #[test]
    fn the_undo_property_applies_every_command_kind() {
        use proptest::strategy::{Strategy, ValueTree};
        use release_desk::domain::Stage;
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let mut applied = std::collections::BTreeSet::new();
        for _ in 0..CASES {
            let mut model = session_start();
            for _ in 0..STEPS {
                let step = step().new_tree(&mut runner).unwrap().current();
                match command(&model, &step) {
                    Some(command) => {
                        let kind = command_kind(&model, &command);
                        let undoable = model.history().undo_len();
                        if model.apply(command).is_ok() && model.history().undo_len() > undoable {
                            applied.insert(kind);
                        }
                    }
                    None if matches!(step, Step::Undo) => drop(model.undo().unwrap()),
                    None => drop(model.redo().unwrap()),
                }
            }
        }
        let mut expected: std::collections::BTreeSet<String> = [
            "CreateRelease",
            "EditRelease",
            "AddAgent",
            "AddGroup",
            "AddDepartment",
            "SetCurrentAgent",
            "SetLanguage",
            "SetTheme",
            "SetKpiTargets",
            "SaveView",
            "DeleteSavedView",
            "LoadSample",
            "TrashRelease",
            "AddNote",
            "EditNote",
            "DeleteNote",
            "AddTask",
            "EditTask",
            "DeleteTask",
            "AddTime",
            "StartTimer",
            "StopTimer",
            "EditTimeEntry",
            "DeleteTimeEntry",
            "CreateChange",
            "UpdateChange",
            "CreateConfigItem",
            "LinkChange",
            "LinkConfigItem",
            "EditReadiness",
        ]
        .into_iter()
        .map(String::from)
        .collect();
        for action in ["trash", "restore", "purge", "pick-up", "assign", "set-status", "set-priority"] {
            expected.insert(format!("Bulk {action}"));
        }
        for stage in Stage::ALL.into_iter().filter(|s| *s != Stage::Plan) {
            expected.insert(format!("MoveStage to {}", stage.label()));
        }
        expected.insert("MoveStage to Deploy through a closed gate".into());
        let missing: Vec<_> = expected.difference(&applied).collect();
        assert!(missing.is_empty(), "never applied: {missing:?}\napplied: {applied:?}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: CASES,
            failure_persistence: None,
            ..Default::default()
        })]

        /// Apply random commands (with undos and redos among them), undo all: the start state;
        /// redo all: the end state. Memory equals the file throughout.
        #[test]
        fn undo_all_restores_the_start_and_redo_all_the_end(steps in proptest::collection::vec(step(), 1..STEPS)) {
            let mut model = session_start();
            let start = state(&model);
            for step in &steps {
                match command(&model, step) {
                    Some(command) => {
                        let before = model.snapshot();
                        let undoable = model.history().undo_len();
                        if model.apply(command).is_err() {
                            // Refused: nothing changed, in memory or in the file.
                            proptest::prop_assert_eq!(&model.snapshot(), &before);
                            proptest::prop_assert_eq!(model.history().undo_len(), undoable);
                        }
                    }
                    None if matches!(step, Step::Undo) => { model.undo().unwrap(); }
                    None => { model.redo().unwrap(); }
                }
                proptest::prop_assert_eq!(model.reload_snapshot().unwrap(), model.snapshot());
            }
            // Forget redo steps left over from the random undos: the end is what is on screen now.
            let end = state(&model);
            let mut undone = 0;
            while model.history().undo_len() > 0 {
                model.undo().unwrap().unwrap();
                undone += 1;
            }
            proptest::prop_assert_eq!(&state(&model), &start);
            proptest::prop_assert_eq!(model.reload_snapshot().unwrap(), model.snapshot());
            for _ in 0..undone {
                model.redo().unwrap().unwrap();
            }
            proptest::prop_assert_eq!(&state(&model), &end);
            proptest::prop_assert_eq!(model.reload_snapshot().unwrap(), model.snapshot());
        }
    }
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
