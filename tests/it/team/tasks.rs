//! Tasks of releases are shared: each field of a task on its own (one person moves it to In
//! progress, another renames it: both stand), and a release made offline from a template names
//! its tasks, and they it, by team numbers on every file.

use release_desk::domain::template::builtin;
use release_desk::domain::{
    PlannedWindow, Priority, ReleaseType, Status, Task, TaskFields, TaskId, TaskStatus,
};
use release_desk::model::team::{RecordKey, RecordKind};
use release_desk::model::{Command, Model, NewRelease, TemplateCommand, WorkCommand};

use super::merge::{assert_converged, numbered, sync, two_clients};
use super::{database, server_records};

/// Every file (memory and file) holds the tasks the server holds.
pub fn assert_tasks_converged(url: &str, clients: &[&Model]) -> Vec<Task> {
    let server: Vec<Task> = server_records(url, RecordKind::Task)
        .into_iter()
        .map(|data| {
            match release_desk::store::team::change::mutation_for(
                RecordKey { kind: RecordKind::Task, id: data["id"].as_i64().unwrap() },
                Some(data),
            )
            .unwrap()
            {
                release_desk::store::Mutation::PutTask(task) => task,
                other => panic!("{other:?}"),
            }
        })
        .collect();
    for (i, model) in clients.iter().enumerate() {
        assert_eq!(model.tasks(), server.as_slice(), "client {i}'s tasks differ from the server");
        assert_eq!(model.reload_snapshot().unwrap().tasks, server, "client {i}'s file differs");
    }
    server
}

#[test]
fn a_tasks_status_and_title_changed_on_two_files_both_stand() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, id) = two_clients(dir.path(), &url);
    let fields = TaskFields { title: "DB 백업".into(), ..TaskFields::default() };
    a.apply(Command::Work(WorkCommand::AddTask { release: id, fields: fields.clone() })).unwrap();
    let made = a.tasks()[0].id;
    assert!(made.0 < 0);
    let task = TaskId(sync(&mut a).numbers[&RecordKey::task(made)]);
    sync(&mut b);
    let started = TaskFields { status: TaskStatus::InProgress, ..fields.clone() };
    a.apply(Command::Work(WorkCommand::EditTask { id: task, fields: started })).unwrap();
    let renamed = TaskFields { title: "DB 전체 백업 (RMAN)".into(), ..fields };
    b.apply(Command::Work(WorkCommand::EditTask { id: task, fields: renamed })).unwrap();
    sync(&mut a);
    let report = sync(&mut b);
    assert!(report.conflicts.is_empty(), "different fields of one task merge: {report:?}");
    sync(&mut a);
    let tasks = assert_tasks_converged(&url, &[&a, &b]);
    assert_eq!(
        (tasks[0].fields.title.as_str(), tasks[0].fields.status),
        ("DB 전체 백업 (RMAN)", TaskStatus::InProgress)
    );
}

#[test]
fn a_release_made_offline_from_a_template_and_its_tasks_name_each_other_by_team_numbers() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, _) = two_clients(dir.path(), &url);
    let start = release_desk::model::system_now() + chrono::Duration::days(14);
    let release = NewRelease {
        subject: "ERP 2027 상반기 1단계".into(),
        description: String::new(),
        status: Status::Open,
        priority: Priority::High,
        release_type: ReleaseType::Major,
        planned: PlannedWindow { start, end: start + chrono::Duration::hours(6) },
        agent_id: None,
        group_id: None,
        department_id: None,
        category: None,
    };
    let command = Command::Template(TemplateCommand::Instantiate { template: builtin::ERP.into(), release });
    let made = b.apply(command).unwrap().created().unwrap();
    assert!(made.0 < 0);
    let count = b.tasks().len();
    assert!(count > 0, "the template has tasks");
    assert!(b.tasks().iter().all(|t| t.id.0 < 0 && t.release_id == made));
    let report = sync(&mut b);
    assert!(report.conflicts.is_empty(), "{report:?}");
    assert_eq!(report.numbers.len(), 1 + count, "the release and each task got a number");
    let id = numbered(&report, made);
    sync(&mut a);
    assert_converged(&url, &[&a, &b]);
    let tasks = assert_tasks_converged(&url, &[&a, &b]);
    assert_eq!(tasks.len(), count);
    assert!(tasks.iter().all(|t| t.id.0 > 0 && t.release_id == id), "{tasks:?}");
}
