//! The import command (issue 16) on the model: releases found again by external id, only what
//! changed written, people mapped (placeholders, links, renames), work records linked, one undo
//! for the whole import, a dry run that writes nothing, and an archive into an empty database.

use crate::common::{at, t0};
use release_desk::domain::import::{
    ExternalPerson, FieldSet, ImportBatch, ImportCounts, ImportField, ImportSource, ImportedNote,
    ImportedPeople, ImportedRelease, ImportedTask, ImportedTime, NameSource, PersonRef,
};
use release_desk::domain::{PlannedWindow, Priority, Release, ReleaseId, ReleaseType, Status, TaskStatus};
use release_desk::model::{ArchiveContents, Command, ImportCommand, Model};
use release_desk::store::Store;

/// A Freshservice release as an import brings it.
pub fn imported(external: i64, subject: &str) -> ImportedRelease {
    let release = Release {
        external_id: Some(external),
        ..Release::new(
            ReleaseId(0),
            subject,
            Status::Open,
            Priority::Medium,
            ReleaseType::Standard,
            PlannedWindow { start: at(24), end: at(30) },
            at(-10),
        )
    };
    ImportedRelease {
        release,
        fields: FieldSet::of(ImportField::FRESHSERVICE),
        agent: None,
        group: None,
        department: None,
        notes: Vec::new(),
        tasks: Vec::new(),
        time_entries: Vec::new(),
    }
}

pub fn batch(releases: Vec<ImportedRelease>) -> ImportBatch {
    ImportBatch { source: ImportSource::Freshservice, releases, people: ImportedPeople::default() }
}

fn person(external: i64, name: &str, source: NameSource) -> ExternalPerson {
    ExternalPerson { external, name: name.into(), email: String::new(), source }
}

/// A small random import for the undo property: external ids from a few, so that later imports
/// update earlier ones; people by external id (placeholders, hints, supplied names) or by name;
/// now and then the same release twice (refused).
pub fn random_batch(which: u8, change: u8, people: u8) -> ImportBatch {
    let count = 1 + usize::from(which % 3);
    let releases = (0..count)
        .map(|i| {
            let external = 21_000_418_000 + i64::from((which / 3).wrapping_add(i as u8) % 5);
            let mut r = imported(external, &format!("imported {}", change % 4));
            r.release.status = Status::ALL[usize::from(change) % Status::ALL.len()];
            r.agent = match people % 4 {
                0 => None,
                1 => Some(PersonRef::Named(format!("person {}", people % 3))),
                _ => Some(PersonRef::External(900 + i64::from(people % 3))),
            };
            if change.is_multiple_of(3) {
                r.notes.push(ImportedNote {
                    external: Some(external * 10),
                    body: format!("note {}", change % 5),
                    author: r.agent.clone(),
                    created_at: Some(at(-5)),
                    updated_at: Some(at(-4)),
                });
            }
            if change % 5 == 1 {
                r.tasks.push(ImportedTask {
                    external: None,
                    title: "task".into(),
                    description: String::new(),
                    status: TaskStatus::Open,
                    due: None,
                    agent: None,
                    group: Some(PersonRef::External(70)),
                    created_at: None,
                    updated_at: None,
                });
                r.time_entries.push(ImportedTime {
                    external: Some(external * 100),
                    agent: r.agent.clone(),
                    note: String::new(),
                    minutes: u32::from(change) + 1,
                    executed_at: at(-3),
                    billable: true,
                    timer_start: None,
                    created_at: None,
                });
            }
            r
        })
        .collect();
    let source = [NameSource::Placeholder, NameSource::Hint, NameSource::Supplied][usize::from(people % 3)];
    let mut batch = batch(releases);
    batch.people.agents =
        (900..903).map(|id| person(id, &format!("agent {id} {}", people % 2), source)).collect();
    if which.is_multiple_of(17) {
        let twice = batch.releases[0].clone();
        batch.releases.push(twice);
    }
    batch
}

fn model() -> Model {
    let mut model = Model::from_store(Store::open_in_memory().unwrap()).unwrap();
    model.set_clock(Box::new(t0));
    model
}

fn import(model: &mut Model, batch: ImportBatch) -> ImportCounts {
    let applied = model.apply(Command::Import(ImportCommand::Releases(batch))).unwrap();
    applied.imported().unwrap()
}

#[test]
fn importing_the_same_batch_twice_changes_nothing_the_second_time() {
    let mut model = model();
    let mut one = imported(21_000_418_005, "ERP 업그레이드");
    one.agent = Some(PersonRef::External(21_000_111_222));
    let two = imported(21_000_418_006, "Mobile 3.2");
    let first = import(&mut model, batch(vec![one.clone(), two.clone()]));
    assert_eq!(first, ImportCounts { created: 2, updated: 0, unchanged: 0 });
    let revision = model.revision();
    let second = model.apply(Command::Import(ImportCommand::Releases(batch(vec![one, two])))).unwrap();
    assert_eq!(second.imported().unwrap(), ImportCounts { created: 0, updated: 0, unchanged: 2 });
    assert!(!second.changed(), "nothing written, nothing to undo");
    assert_eq!(model.revision(), revision + 1);
    assert_eq!(model.releases().len(), 2);
    assert_eq!(model.releases()[0].external_id, Some(21_000_418_005));
    // The referenced agent that no file supplied is a placeholder named by id, linked once.
    assert_eq!(model.directory().agents.len(), 1);
    assert_eq!(model.directory().agents[0].name, "#21000111222");
}

#[test]
fn a_re_import_changes_only_what_changed_and_logs_it() {
    let mut model = model();
    import(&mut model, batch(vec![imported(7, "seven"), imported(8, "eight")]));
    let mut changed = imported(8, "eight");
    changed.release.status = Status::Completed;
    let counts = import(&mut model, batch(vec![imported(7, "seven"), changed]));
    assert_eq!(counts, ImportCounts { created: 0, updated: 1, unchanged: 1 });
    let eight = model.releases().iter().find(|r| r.external_id == Some(8)).unwrap();
    assert_eq!(eight.status, Status::Completed);
    let log = model.activities_for(eight.id).unwrap();
    assert_eq!(log[0].kind, release_desk::domain::ActivityKind::Imported);
    assert_eq!(log[0].changes[0].field, release_desk::domain::Field::Status);
}

#[test]
fn a_supplied_name_replaces_a_placeholder_and_a_hint_does_not() {
    let mut model = model();
    let mut one = imported(1, "one");
    one.agent = Some(PersonRef::External(500));
    import(&mut model, batch(vec![one.clone()]));
    assert_eq!(model.directory().agents[0].name, "#500");
    let mut hinted = batch(vec![one.clone()]);
    hinted.people.agents = vec![person(500, "Hint Name", NameSource::Hint)];
    import(&mut model, hinted);
    assert_eq!(model.directory().agents[0].name, "#500");
    let mut supplied = batch(vec![one]);
    supplied.people.agents = vec![ExternalPerson {
        external: 500,
        name: "김민준".into(),
        email: "mj@example.com".into(),
        source: NameSource::Supplied,
    }];
    let counts = import(&mut model, supplied);
    assert_eq!(counts.unchanged, 1, "the release itself did not change");
    assert_eq!(model.directory().agents.len(), 1);
    assert_eq!(model.directory().agents[0].name, "김민준");
}

#[test]
fn one_undo_takes_a_whole_import_back_and_a_dry_run_writes_nothing() {
    let mut model = model();
    let start = model.snapshot();
    let mut one = imported(1, "one");
    one.notes.push(ImportedNote {
        external: Some(11),
        body: "첫 메모".into(),
        author: Some(PersonRef::External(3)),
        created_at: None,
        updated_at: None,
    });
    let command = Command::Import(ImportCommand::Releases(batch(vec![one, imported(2, "two")])));
    let dry = model.dry_run(command.clone()).unwrap().unwrap();
    assert_eq!(dry, ImportCounts { created: 2, updated: 0, unchanged: 0 });
    assert_eq!(model.snapshot(), start, "a dry run changes nothing");
    model.apply(command).unwrap();
    assert_eq!(model.releases().len(), 2);
    assert_eq!(model.notes().len(), 1);
    assert_eq!(model.external_links().len(), 2, "the note and its author");
    model.undo().unwrap();
    let mut after = model.snapshot();
    after.release_high_water = 0;
    assert_eq!(after, start);
    assert_eq!(model.reload_snapshot().unwrap().releases, Vec::new());
}

#[test]
fn the_same_release_twice_in_one_import_is_refused_and_nothing_is_written() {
    let mut model = model();
    let err = model
        .apply(Command::Import(ImportCommand::Releases(batch(vec![imported(5, "a"), imported(5, "b")]))))
        .unwrap_err();
    assert!(matches!(err, release_desk::model::CommandError::DuplicateExternalId(5)));
    assert!(model.releases().is_empty());
}

#[test]
fn an_archive_import_is_undone() {
    let mut source = model();
    let mut one = imported(1, "one");
    one.agent = Some(PersonRef::Named("Bora".into()));
    import(&mut source, batch(vec![one, imported(2, "two")]));
    let archive = ArchiveContents {
        snapshot: source.snapshot(),
        activities: source.store().all_activities().unwrap().into_iter().rev().collect(),
    };
    let mut target = model();
    let start = target.snapshot();
    target.apply(Command::Import(ImportCommand::Archive(Box::new(archive.clone())))).unwrap();
    assert_eq!(target.snapshot(), source.snapshot());
    // Not into a database that holds something.
    let err = target.apply(Command::Import(ImportCommand::Archive(Box::new(archive)))).unwrap_err();
    assert!(matches!(err, release_desk::model::CommandError::ArchiveNeedsEmptyDatabase));
    target.undo().unwrap();
    let mut after = target.snapshot();
    after.release_high_water = 0;
    assert_eq!(after, start);
}
