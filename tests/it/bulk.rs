//! Bulk actions on many releases: all or nothing, through the store, undone and redone, and the
//! purge with its backups.

use crate::common::{at, model_with, plain, t0, temp_db};
use release_desk::domain::activity::Named;
use release_desk::domain::{
    ActivityKind, AgentId, Field, GroupId, Language, Priority, ReleaseId, Status, Theme, Value,
};
use release_desk::model::{
    BulkAction, Command, CommandError, Model, PurgeBackup, SettingsCommand, WorkCommand,
};
use release_desk::store::{Mutation, Store, StoreError};

fn ids(list: &[i64]) -> Vec<ReleaseId> {
    list.iter().copied().map(ReleaseId).collect()
}

/// Six releases, #6 already in Trash; nobody signed in.
pub(crate) fn fixture(path: &std::path::Path) -> Model {
    let mut releases: Vec<_> = (1..=6).map(|i| plain(i, &format!("release {i}"))).collect();
    releases[5].deleted_at = Some(at(-2));
    model_with(path, releases)
}

pub(crate) fn bulk(ids_: &[i64], action: BulkAction) -> Command {
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
    model.apply(Command::Settings(SettingsCommand::SetCurrentAgent(Some(AgentId(2))))).unwrap();
    let mut count = model.store().activity_count().unwrap();

    model.apply(bulk(&[1, 2, 3], BulkAction::Trash)).unwrap();
    for id in [1, 2, 3] {
        assert_eq!(model.release(ReleaseId(id)).unwrap().deleted_at, Some(t0()));
        let log = model.activities_for(ReleaseId(id)).unwrap();
        assert_eq!(log[0].kind, ActivityKind::Trash);
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
    assert_eq!(model.activities_for(ReleaseId(1)).unwrap()[0].kind, ActivityKind::Purge);
    assert_persisted(&model, count, 2);
    count += 2;

    model.apply(bulk(&[2, 4], BulkAction::PickUp)).unwrap();
    assert_eq!(model.release(ReleaseId(4)).unwrap().agent_id, Some(AgentId(2)));
    let log = model.activities_for(ReleaseId(4)).unwrap();
    assert_eq!(log[0].changes.len(), 1);
    assert_eq!(
        (&log[0].changes[0].field, &log[0].changes[0].new),
        (&Field::Agent, &Value::Agent(Named::new(AgentId(2), "Emily Carter")))
    );
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
        let fields: Vec<Field> =
            model.activities_for(ReleaseId(id)).unwrap()[0].changes.iter().map(|c| c.field.clone()).collect();
        assert_eq!(fields, [Field::Agent, Field::Group]);
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
    assert_eq!(model.activities_for(ReleaseId(2)).unwrap()[0].kind, ActivityKind::Undo, "undo is logged");
    model.redo().unwrap().unwrap();
    model.redo().unwrap().unwrap();
    assert_eq!(model.snapshot(), end);
    assert_eq!(model.reload_snapshot().unwrap(), end);
    assert_eq!(model.redo().unwrap(), None);

    // A new command forgets what could be redone.
    model.undo().unwrap();
    model.apply(Command::Settings(SettingsCommand::SetTheme(Theme::Dark))).unwrap();
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
        .query_row("SELECT count(*) FROM releases WHERE id = 3 AND deleted_at IS NOT NULL", [], |r| r.get(0))
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
    model
        .apply(Command::Work(WorkCommand::AddNote {
            release: ReleaseId(1), body: "롤백 계획 확인".into()
        }))
        .unwrap();
    model.apply(Command::Work(WorkCommand::AddNote { release: ReleaseId(2), body: "stays".into() })).unwrap();
    let task = release_desk::domain::TaskFields { title: "UAT".into(), ..Default::default() };
    model.apply(Command::Work(WorkCommand::AddTask { release: ReleaseId(1), fields: task })).unwrap();
    let entry = release_desk::model::NewTimeEntry {
        agent_id: Some(AgentId(1)),
        minutes: 90,
        note: String::new(),
        billable: true,
        executed_at: t0(),
    };
    model.apply(Command::Work(WorkCommand::AddTime { release: ReleaseId(1), entry })).unwrap();
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
