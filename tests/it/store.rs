//! The file: every field round-trips, migrations, files that are refused and left untouched,
//! failed and read-only writes, and all-or-nothing mutation batches.

use crate::common::new_release;
use crate::common::{at, full, model_with, plain, t0, temp_db};
use release_desk::domain::{
    AgentId, PredefinedView, Priority, ReleaseFilter, ReleaseId, ReleasePatch, SortKey, SortSpec, Status,
};
use release_desk::model::{
    Command, CommandError, Model, ReleaseCommand, ReleaseEdit, SampleCommand, SettingsCommand,
};
use release_desk::store::{Create, Mutation, OpenMode, Store, StoreError};

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
    model.apply(Command::Settings(SettingsCommand::SetCurrentAgent(Some(AgentId(2))))).unwrap();
    model.apply(Command::Release(ReleaseCommand::Create(new_release("두 번째 릴리스")))).unwrap();
    model
        .apply(Command::Release(ReleaseCommand::Edit {
            id: ReleaseId(1),
            edits: vec![ReleaseEdit::Priority(Priority::Urgent), ReleaseEdit::Agent(Some(AgentId(3)))],
        }))
        .unwrap();
    model
        .apply(Command::Settings(SettingsCommand::SaveView {
            name: "Urgent ERP".into(),
            base: PredefinedView::All,
            filter: ReleaseFilter { text: "ERP".into(), ..Default::default() },
            sort: SortSpec { key: SortKey::Priority, descending: true },
        }))
        .unwrap();
    let in_memory = model.snapshot();
    drop(model);
    let reopened = Model::open(&path).unwrap();
    assert_eq!(reopened.snapshot(), in_memory);
    assert_eq!(reopened.settings().current_agent, Some(AgentId(2)));
}

#[test]
fn an_empty_file_is_migrated_to_the_latest_schema_only_when_asked() {
    let (_dir, path) = temp_db();
    std::fs::write(&path, b"").unwrap();
    // A zero-byte file is what a crash leaves: opening it is refused, and it stays as it was.
    assert!(matches!(Store::open(&path), Err(StoreError::Empty { .. })));
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 0);
    let store = Store::open_as(&path, OpenMode { create: Create::AlsoEmpty, ..OpenMode::WINDOW }).unwrap();
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
    let err = model.apply(Command::Sample(SampleCommand::Load { data, force: true })).err().unwrap();
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
    if let Err(err) = model.apply(Command::Release(ReleaseCommand::Create(new_release("x")))) {
        assert!(matches!(err, CommandError::Store(_)), "{err}");
        assert_eq!(model.snapshot(), before);
    }
}

#[test]
fn mutation_batches_are_all_or_nothing() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    store.commit(&crate::common::people(), &[]).unwrap();
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
    store.commit(&crate::common::people(), &[]).unwrap();
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
