//! The sync property: random commands on three clients (creates, field edits, trash, restore,
//! delete forever, undo; deployment windows added, renamed, lengthened and deleted; notes
//! written, edited and deleted; tasks added and moved on) with syncs in random order between them; after everyone syncs,
//! every local file holds exactly the server's releases, windows, freezes, notes and tasks. Each case runs on a database of its own.

use proptest::prelude::*;

use release_desk::domain::schedule::Timing;
use release_desk::domain::{Priority, ReleaseId, Status, TaskFields, TaskStatus};
use release_desk::model::{
    BulkAction, Command, CommandError, Model, ReleaseEdit, ScheduleCommand, WorkCommand,
};

use super::merge::{assert_converged, create, edit};
use super::schedule::{add_window, assert_schedule_converged, edit_window, weekend_night};
use super::{PASSWORD, client, database};

const CLIENTS: usize = 3;

#[derive(Clone, Debug)]
enum Step {
    Create,
    Status(usize, u8),
    Priority(usize, u8),
    Subject(usize, u8),
    Description(usize, u8),
    Trash(usize),
    Restore(usize),
    Purge(usize),
    AddWindow,
    RenameWindow(usize, u8),
    WindowLength(usize, u8),
    DeleteWindow(usize),
    AddNote(usize),
    EditNote(usize, u8),
    DeleteNote(usize),
    AddTask(usize),
    TaskStatus(usize, u8),
    Undo,
    Sync,
}

fn step() -> impl Strategy<Value = (usize, Step)> {
    let pick = 0usize..8;
    let step = prop_oneof![
        3 => Just(Step::Create),
        3 => (pick.clone(), 1u8..=5).prop_map(|(r, v)| Step::Status(r, v)),
        3 => (pick.clone(), 1u8..=4).prop_map(|(r, v)| Step::Priority(r, v)),
        2 => (pick.clone(), 0u8..3).prop_map(|(r, v)| Step::Subject(r, v)),
        2 => (pick.clone(), 0u8..3).prop_map(|(r, v)| Step::Description(r, v)),
        1 => pick.clone().prop_map(Step::Trash),
        1 => pick.clone().prop_map(Step::Restore),
        1 => pick.clone().prop_map(Step::Purge),
        2 => Just(Step::AddWindow),
        2 => (pick.clone(), 0u8..3).prop_map(|(w, v)| Step::RenameWindow(w, v)),
        2 => (pick.clone(), 1u8..4).prop_map(|(w, v)| Step::WindowLength(w, v)),
        1 => pick.clone().prop_map(Step::DeleteWindow),
        2 => pick.clone().prop_map(Step::AddNote),
        2 => (pick.clone(), 0u8..3).prop_map(|(n, v)| Step::EditNote(n, v)),
        1 => pick.clone().prop_map(Step::DeleteNote),
        2 => pick.clone().prop_map(Step::AddTask),
        2 => (pick.clone(), 0u8..3).prop_map(|(t, v)| Step::TaskStatus(t, v)),
        1 => Just(Step::Undo),
        3 => Just(Step::Sync),
    ];
    (0..CLIENTS, step)
}

/// The `n`-th release this client holds (wrapping), with its Trash state.
fn nth(model: &Model, n: usize) -> Option<(ReleaseId, bool)> {
    let releases = model.releases();
    (!releases.is_empty()).then(|| {
        let r = &releases[n % releases.len()];
        (r.id, r.is_deleted())
    })
}

fn run(model: &mut Model, step: &Step) {
    let edit_of = |model: &Model, n: usize| nth(model, n).filter(|(_, deleted)| !deleted).map(|(id, _)| id);
    match step {
        Step::Create => {
            create(model, "Release");
        }
        Step::Status(n, v) => {
            if let (Some(id), Some(s)) = (edit_of(model, *n), Status::from_code(i64::from(*v))) {
                edit(model, id, ReleaseEdit::Status(s));
            }
        }
        Step::Priority(n, v) => {
            if let (Some(id), Some(p)) = (edit_of(model, *n), Priority::from_code(i64::from(*v))) {
                edit(model, id, ReleaseEdit::Priority(p));
            }
        }
        Step::Subject(n, v) => {
            if let Some(id) = edit_of(model, *n) {
                edit(model, id, ReleaseEdit::Subject(format!("Release {v}")));
            }
        }
        Step::Description(n, v) => {
            if let Some(id) = edit_of(model, *n) {
                edit(model, id, ReleaseEdit::Description(format!("plan {v}")));
            }
        }
        Step::Trash(n) | Step::Restore(n) | Step::Purge(n) => {
            let Some((id, deleted)) = nth(model, *n) else { return };
            let action = match (step, deleted) {
                (Step::Trash(_), false) => BulkAction::Trash,
                (Step::Restore(_), true) => BulkAction::Restore,
                (Step::Purge(_), true) => BulkAction::Purge,
                _ => return,
            };
            model.apply(Command::Bulk { ids: vec![id], action }).unwrap();
        }
        Step::AddWindow => {
            add_window(model, weekend_night("창"));
        }
        Step::RenameWindow(n, v) | Step::WindowLength(n, v) => {
            let windows = &model.schedule().windows;
            let Some(id) = (!windows.is_empty()).then(|| windows[n % windows.len()].id) else { return };
            let rename = matches!(step, Step::RenameWindow(..));
            edit_window(model, id, |w| {
                if rename {
                    w.name = format!("창 {v}");
                } else if let Timing::Recurring { minutes, .. } = &mut w.timing {
                    *minutes = 60 * u32::from(*v);
                }
            });
        }
        Step::DeleteWindow(n) => {
            let windows = &model.schedule().windows;
            let Some(id) = (!windows.is_empty()).then(|| windows[n % windows.len()].id) else { return };
            model.apply(Command::Schedule(ScheduleCommand::DeleteWindow(id))).unwrap();
        }
        Step::AddNote(n) => {
            if let Some(release) = edit_of(model, *n) {
                model.apply(Command::Work(WorkCommand::AddNote { release, body: "확인".into() })).unwrap();
            }
        }
        Step::EditNote(n, _) | Step::DeleteNote(n) => {
            let notes = model.notes();
            let Some(note) = (!notes.is_empty()).then(|| notes[n % notes.len()].clone()) else { return };
            if model.release(note.release_id).is_none_or(|r| r.is_deleted()) {
                return;
            }
            let command = match step {
                Step::EditNote(_, v) => WorkCommand::EditNote { id: note.id, body: format!("확인 {v}") },
                _ => WorkCommand::DeleteNote(note.id),
            };
            model.apply(Command::Work(command)).unwrap();
        }
        Step::AddTask(n) => {
            if let Some(release) = edit_of(model, *n) {
                let fields = TaskFields { title: "점검".into(), ..TaskFields::default() };
                model.apply(Command::Work(WorkCommand::AddTask { release, fields })).unwrap();
            }
        }
        Step::TaskStatus(n, v) => {
            let tasks = model.tasks();
            let Some(task) = (!tasks.is_empty()).then(|| tasks[n % tasks.len()].clone()) else { return };
            if model.release(task.release_id).is_none_or(|r| r.is_deleted()) {
                return;
            }
            let status = [TaskStatus::Open, TaskStatus::InProgress, TaskStatus::Completed][usize::from(*v)];
            let fields = TaskFields { status, ..task.fields };
            model.apply(Command::Work(WorkCommand::EditTask { id: task.id, fields })).unwrap();
        }
        Step::Undo => {
            // A step a teammate's change overtook is refused: that is the rule, not a failure.
            if let Err(err) = model.undo() {
                assert!(
                    matches!(err, CommandError::OvertakenByTeam(_) | CommandError::ScheduleOvertakenByTeam),
                    "{err:?}"
                );
            }
        }
        Step::Sync => {
            model.team_sync(Some(PASSWORD)).unwrap();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn after_everyone_syncs_every_file_equals_the_server(steps in proptest::collection::vec(step(), 10..50)) {
        let url = database();
        let dir = tempfile::tempdir().unwrap();
        let mut clients: Vec<Model> = (0..CLIENTS).map(|i| client(dir.path(), &format!("c{i}"))).collect();
        // Two releases and a window everyone starts with, so edits meet early.
        create(&mut clients[0], "ERP");
        create(&mut clients[0], "Mobile");
        add_window(&mut clients[0], weekend_night("주말 야간"));
        clients[0].team_init(&url, None, "c0").unwrap();
        for (i, model) in clients.iter_mut().enumerate().skip(1) {
            model.team_join(&url, None, &format!("c{i}")).unwrap();
        }
        for (who, step) in &steps {
            run(&mut clients[*who], step);
        }
        // Two rounds: the first pushes everything, the second brings everyone the last pushes.
        for _ in 0..2 {
            for model in &mut clients {
                model.team_sync(Some(PASSWORD)).unwrap();
            }
        }
        let refs: Vec<&Model> = clients.iter().collect();
        let releases = assert_converged(&url, &refs);
        assert_schedule_converged(&url, &refs);
        let notes = super::notes::assert_notes_converged(&url, &refs).len();
        let tasks = super::tasks::assert_tasks_converged(&url, &refs).len();
        let conflicts: usize = clients.iter().map(|m| m.team_conflicts().unwrap().len()).sum();
        // Seen with --nocapture: how much each case exercised.
        println!(
            "team property: {} steps, {} releases, {} windows, {notes} notes, {tasks} tasks, {conflicts} conflicts kept",
            steps.len(),
            releases.len(),
            clients[0].schedule().windows.len()
        );
        for model in &clients {
            prop_assert_eq!(model.team_status().unwrap().unwrap().pending, 0);
        }
    }
}
