//! The work on one release, without a window: notes, tasks, time entries (timers across a
//! restart) and the build and test plans, each through the command path and back from the file.

use crate::common::{at, model_with, plain, t0, temp_db};
use chrono::Duration;
use release_desk::domain::work::time_entry::MAX_MINUTES;
use release_desk::domain::{
    ActivityKind, AgentId, ChecklistItem, Field, FieldChange, GroupId, NoteId, Plan, ReleaseId, TaskFields,
    TaskId, TaskStatus, TimeEntryId, Value,
};
use release_desk::model::{
    Command, CommandError, ItemRefused, Model, NewTimeEntry, ReleaseCommand, ReleaseEdit, SettingsCommand,
    WorkCommand,
};

const R: ReleaseId = ReleaseId(1);

/// Memory equals the file, both now and after reopening it.
fn assert_persisted(model: &Model, path: &std::path::Path) {
    assert_eq!(model.reload_snapshot().unwrap(), model.snapshot());
    let reopened = Model::open_read_only(path).unwrap();
    assert_eq!(reopened.snapshot(), model.snapshot());
}

fn task(title: &str) -> TaskFields {
    TaskFields {
        title: title.into(),
        description: "롤백 계획 포함".into(),
        status: TaskStatus::Open,
        due: Some(at(5)),
        agent_id: Some(AgentId(1)),
        group_id: Some(GroupId(1)),
    }
}

#[test]
fn notes_round_trip_newest_first_with_author_and_log() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "ERP")]);
    model.apply(Command::Settings(SettingsCommand::SetCurrentAgent(Some(AgentId(2))))).unwrap();
    model
        .apply(Command::Work(WorkCommand::AddNote { release: R, body: "  CAB 승인 완료  ".into() }))
        .unwrap();
    model.set_clock(Box::new(|| t0() + Duration::minutes(5)));
    model.apply(Command::Work(WorkCommand::AddNote { release: R, body: "second".into() })).unwrap();
    let notes = model.notes_for(R);
    assert_eq!(notes.iter().map(|n| n.body.as_str()).collect::<Vec<_>>(), ["second", "CAB 승인 완료"]);
    assert_eq!(notes[1].author, Some(AgentId(2)));
    let first = notes[1].id;
    model
        .apply(Command::Work(WorkCommand::EditNote {
            id: first, body: "CAB 승인 완료 (조건부)".into()
        }))
        .unwrap();
    let edited = model.note(first).unwrap();
    assert_eq!(edited.body, "CAB 승인 완료 (조건부)");
    assert!(edited.updated_at > edited.created_at);
    assert_persisted(&model, &path);

    let log = model.activities_for(R).unwrap();
    assert_eq!(log[0].kind, ActivityKind::Note);
    assert_eq!(log[0].changes[0].old, Value::text("CAB 승인 완료"));
    assert_eq!(log[0].changes[0].new, Value::text("CAB 승인 완료 (조건부)"));

    model.apply(Command::Work(WorkCommand::DeleteNote(first))).unwrap();
    assert_eq!(model.notes_for(R).len(), 1);
    assert_persisted(&model, &path);
}

#[test]
fn tasks_round_trip_and_overdue_is_by_due_date() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "ERP")]);
    model.apply(Command::Work(WorkCommand::AddTask { release: R, fields: task("백업 리허설") })).unwrap();
    let mut late = task("공지 발송");
    late.due = Some(at(-1));
    model.apply(Command::Work(WorkCommand::AddTask { release: R, fields: late })).unwrap();
    let tasks = model.tasks_for(R);
    assert_eq!(tasks.len(), 2);
    assert!(!tasks[0].is_overdue(model.now()));
    assert!(tasks[1].is_overdue(model.now()));
    let id = tasks[1].id;
    let mut done = tasks[1].fields.clone();
    done.status = TaskStatus::Completed;
    model.apply(Command::Work(WorkCommand::EditTask { id, fields: done })).unwrap();
    assert!(!model.task(id).unwrap().is_overdue(model.now()));
    assert_persisted(&model, &path);
    model.apply(Command::Work(WorkCommand::DeleteTask(id))).unwrap();
    assert_eq!(model.tasks_for(R).len(), 1);
    assert_persisted(&model, &path);
}

#[test]
fn time_entries_and_plans_round_trip() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "ERP")]);
    let entry = NewTimeEntry {
        agent_id: Some(AgentId(3)),
        minutes: 95,
        note: "마이그레이션 리허설".into(),
        billable: false,
        executed_at: at(-3),
    };
    model.apply(Command::Work(WorkCommand::AddTime { release: R, entry })).unwrap();
    let build = Plan {
        body: "## 소스 코드 빌드 절차".into(),
        items: vec![
            ChecklistItem { text: "빌드".into(), done: true },
            ChecklistItem { text: "패키징".into(), done: false },
        ],
    };
    model
        .apply(Command::Release(ReleaseCommand::Edit {
            id: R,
            edits: vec![
                ReleaseEdit::BuildPlan(Some(build.clone())),
                ReleaseEdit::TestPlan(Some(Plan::default())),
            ],
        }))
        .unwrap();
    assert_eq!(model.release(R).unwrap().build_plan.as_ref(), Some(&build));
    let entries = model.time_entries_for(R);
    assert_eq!((entries[0].minutes, entries[0].billable), (95, false));
    assert_persisted(&model, &path);
}

#[test]
fn a_time_entry_is_edited_validated_logged_and_undone() {
    let (_dir, path) = temp_db();
    let mut trashed = plain(2, "in trash");
    trashed.deleted_at = Some(at(-1));
    let mut model = model_with(&path, vec![plain(1, "ERP"), trashed]);
    model.apply(Command::Settings(SettingsCommand::SetCurrentAgent(Some(AgentId(2))))).unwrap();
    let logged = NewTimeEntry {
        agent_id: Some(AgentId(3)),
        minutes: 90,
        note: "리허설".into(),
        billable: true,
        executed_at: at(-3),
    };
    model.apply(Command::Work(WorkCommand::AddTime { release: R, entry: logged.clone() })).unwrap();
    let id = model.time_entries_for(R)[0].id;
    let before = model.snapshot();
    let log_before = model.activities_for(R).unwrap().len();

    // Refused: out of range, an unknown agent or entry, a running timer, a release in Trash.
    let edit = |entry: NewTimeEntry| Command::Work(WorkCommand::EditTimeEntry { id, entry });
    for (command, why) in [
        (edit(NewTimeEntry { minutes: 0, ..logged.clone() }), "zero"),
        (edit(NewTimeEntry { minutes: MAX_MINUTES + 1, ..logged.clone() }), "too long"),
        (edit(NewTimeEntry { agent_id: Some(AgentId(99)), ..logged.clone() }), "unknown agent"),
        (
            Command::Work(WorkCommand::EditTimeEntry { id: TimeEntryId(404), entry: logged.clone() }),
            "unknown entry",
        ),
    ] {
        assert!(model.apply(command).is_err(), "{why} was accepted");
    }
    assert!(matches!(
        model
            .apply(Command::Work(WorkCommand::EditTimeEntry { id: TimeEntryId(404), entry: logged.clone() })),
        Err(CommandError::Item(ItemRefused::NoSuchTimeEntry(TimeEntryId(404))))
    ));
    assert!(matches!(
        model.apply(edit(NewTimeEntry { minutes: 0, ..logged.clone() })),
        Err(CommandError::Item(ItemRefused::TimeOutOfRange))
    ));
    assert_eq!(model.snapshot(), before, "a refused edit changes nothing");
    assert_eq!(model.reload_snapshot().unwrap(), before);

    // The same fields again: nothing to do, nothing logged, nothing to undo.
    let undoable = model.history().undo_len();
    model.apply(edit(logged.clone())).unwrap();
    assert_eq!(model.history().undo_len(), undoable);
    assert_eq!(model.activities_for(R).unwrap().len(), log_before);

    // Corrected: 01:30 -> 02:15, not billable, a trimmed note; id, release and created stay.
    model.set_clock(Box::new(|| t0() + Duration::minutes(10)));
    let corrected =
        NewTimeEntry { minutes: 135, billable: false, note: "  리허설 (2회차)  ".into(), ..logged };
    let applied = model.apply(edit(corrected)).unwrap();
    let entry = model.time_entry(id).unwrap().clone();
    assert_eq!((entry.minutes, entry.billable, entry.note.as_str()), (135, false, "리허설 (2회차)"));
    assert_eq!((entry.release_id, entry.agent_id, entry.executed_at), (R, Some(AgentId(3)), at(-3)));
    assert_eq!(entry.created_at, before.time_entries[0].created_at);
    assert_eq!(
        release_desk::domain::work::time_entry::total_minutes(model.time_entries_for(R), model.now()),
        135
    );
    assert_persisted(&model, &path);
    assert_eq!(release_desk::i18n::command_label(applied.command(), model.directory()), "edit a time entry");
    assert_eq!(model.history().undo_len(), undoable + 1);

    // One activity row naming what changed, by the current agent.
    let log = model.activities_for(R).unwrap();
    assert_eq!(log.len(), log_before + 1);
    assert_eq!(log[0].kind, ActivityKind::Time);
    assert_eq!(log[0].actor, Some(AgentId(2)));
    assert_eq!(
        log[0].changes,
        [
            FieldChange::new(Field::TimeSpent, Value::Minutes(90), Value::Minutes(135)),
            FieldChange::new(Field::Billable, Value::Bool(true), Value::Bool(false)),
            FieldChange::new(Field::Note, Value::text("리허설"), Value::text("리허설 (2회차)")),
        ]
    );

    // Undo puts the entry back exactly; redo corrects it again.
    model.undo().unwrap().unwrap();
    assert_eq!(model.time_entry(id), before.time_entries.first());
    assert_eq!(model.snapshot().time_entries, before.time_entries);
    assert_persisted(&model, &path);
    model.redo().unwrap().unwrap();
    assert_eq!(model.time_entry(id), Some(&entry));
    assert_persisted(&model, &path);

    // A running timer is stopped first, then edited.
    model
        .apply(Command::Work(WorkCommand::StartTimer {
            release: R,
            agent_id: Some(AgentId(2)),
            note: String::new(),
            billable: true,
            since_created: false,
        }))
        .unwrap();
    let timer = model.running_timers().next().unwrap().id;
    let fix =
        NewTimeEntry { agent_id: None, minutes: 30, note: String::new(), billable: true, executed_at: at(0) };
    let running = model.apply(Command::Work(WorkCommand::EditTimeEntry { id: timer, entry: fix.clone() }));
    assert!(matches!(running, Err(CommandError::Item(ItemRefused::TimerRunning))), "{running:?}");
    model.apply(Command::Work(WorkCommand::StopTimer(timer))).unwrap();
    let stopped = model.time_entry(timer).unwrap().clone();
    model.apply(Command::Work(WorkCommand::EditTimeEntry { id: timer, entry: fix.clone() })).unwrap();
    let edited = model.time_entry(timer).unwrap();
    assert_eq!((edited.minutes, edited.agent_id, edited.executed_at), (30, None, at(0)));
    assert_eq!(edited.created_at, stopped.created_at);
    let fields: Vec<Field> =
        model.activities_for(R).unwrap()[0].changes.iter().map(|c| c.field.clone()).collect();
    assert_eq!(fields, [Field::Agent, Field::TimeSpent, Field::ExecutedAt]);

    // Time on a release in Trash is not edited, as it is not added.
    model.apply(Command::Release(ReleaseCommand::Trash(R))).unwrap();
    let in_trash = model.apply(Command::Work(WorkCommand::EditTimeEntry {
        id: timer,
        entry: NewTimeEntry { minutes: 31, ..fix },
    }));
    assert!(matches!(in_trash, Err(CommandError::Item(ItemRefused::InTrash(_)))), "{in_trash:?}");
    assert_persisted(&model, &path);
}

#[test]
fn a_running_timer_survives_a_restart() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "긴급 보안 패치")]);
    model.apply(Command::Settings(SettingsCommand::SetCurrentAgent(Some(AgentId(1))))).unwrap();
    model
        .apply(Command::Work(WorkCommand::StartTimer {
            release: R,
            agent_id: Some(AgentId(1)),
            note: "패치 적용".into(),
            billable: true,
            since_created: false,
        }))
        .unwrap();
    drop(model);

    // Ninety minutes and a restart later, the timer still runs from its stored start.
    let mut model = Model::open(&path).unwrap();
    model.set_clock(Box::new(|| t0() + Duration::minutes(90) + Duration::seconds(20)));
    let entry = model.time_entries_for(R)[0].clone();
    assert!(entry.is_running());
    assert_eq!(entry.timer_start, Some(t0()));
    assert_eq!(entry.spent_minutes(model.now()), 90);
    let refused = model.apply(Command::Work(WorkCommand::StartTimer {
        release: R,
        agent_id: Some(AgentId(1)),
        note: String::new(),
        billable: true,
        since_created: false,
    }));
    assert!(matches!(refused, Err(CommandError::Item(ItemRefused::TimerAlreadyRunning(_)))));

    model.apply(Command::Work(WorkCommand::StopTimer(entry.id))).unwrap();
    let stopped = model.time_entry(entry.id).unwrap();
    assert!(!stopped.is_running());
    assert_eq!(stopped.minutes, 90);
    assert_persisted(&model, &path);
    assert!(matches!(
        model.apply(Command::Work(WorkCommand::StopTimer(entry.id))),
        Err(CommandError::Item(ItemRefused::TimerNotRunning))
    ));
}

#[test]
fn a_timer_can_start_from_when_the_release_was_created() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "ERP")]);
    let created = model.release(R).unwrap().created_at;
    model
        .apply(Command::Work(WorkCommand::StartTimer {
            release: R,
            agent_id: None,
            note: String::new(),
            billable: true,
            since_created: true,
        }))
        .unwrap();
    let entry = model.time_entries_for(R)[0];
    assert_eq!(entry.timer_start, Some(created));
    assert_eq!(entry.spent_minutes(model.now()), (model.now() - created).num_minutes() as u32);
}

#[test]
fn bad_work_is_refused_and_changes_nothing() {
    let (_dir, path) = temp_db();
    let mut trashed = plain(2, "in trash");
    trashed.deleted_at = Some(at(-1));
    let mut model = model_with(&path, vec![plain(1, "ERP"), trashed]);
    let before = model.snapshot();
    let zero =
        NewTimeEntry { agent_id: None, minutes: 0, note: String::new(), billable: true, executed_at: t0() };
    let cases = [
        Command::Work(WorkCommand::AddNote { release: R, body: "   ".into() }),
        Command::Work(WorkCommand::AddNote { release: ReleaseId(2), body: "note".into() }),
        Command::Work(WorkCommand::AddNote { release: ReleaseId(9), body: "note".into() }),
        Command::Work(WorkCommand::AddTask {
            release: R,
            fields: TaskFields { title: " ".into(), ..task("x") },
        }),
        Command::Work(WorkCommand::AddTask {
            release: R,
            fields: TaskFields { agent_id: Some(AgentId(99)), ..task("x") },
        }),
        Command::Work(WorkCommand::AddTime { release: R, entry: zero }),
        Command::Work(WorkCommand::EditNote { id: NoteId(42), body: "x".into() }),
        Command::Work(WorkCommand::DeleteTask(TaskId(42))),
        Command::Work(WorkCommand::StopTimer(TimeEntryId(42))),
    ];
    for command in cases {
        let label = format!("{command:?}");
        assert!(model.apply(command).is_err(), "{label} was accepted");
    }
    assert_eq!(model.snapshot(), before);
    assert_eq!(model.reload_snapshot().unwrap(), before);
}

#[test]
fn undo_of_every_work_command_restores_the_exact_state() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "ERP")]);
    let start = model.snapshot();
    let commands = vec![
        Command::Work(WorkCommand::AddNote { release: R, body: "a".into() }),
        Command::Work(WorkCommand::EditNote { id: NoteId(1), body: "b".into() }),
        Command::Work(WorkCommand::AddTask { release: R, fields: task("t") }),
        Command::Work(WorkCommand::DeleteTask(TaskId(1))),
        Command::Work(WorkCommand::StartTimer {
            release: R,
            agent_id: None,
            note: String::new(),
            billable: true,
            since_created: true,
        }),
        Command::Work(WorkCommand::StopTimer(TimeEntryId(1))),
        Command::Work(WorkCommand::EditTimeEntry {
            id: TimeEntryId(1),
            entry: NewTimeEntry {
                agent_id: Some(AgentId(1)),
                minutes: 45,
                note: "정정".into(),
                billable: false,
                executed_at: at(-2),
            },
        }),
        Command::Work(WorkCommand::DeleteTimeEntry(TimeEntryId(1))),
        Command::Work(WorkCommand::DeleteNote(NoteId(1))),
        Command::Release(ReleaseCommand::Trash(R)),
    ];
    let undo: Vec<_> = commands.into_iter().map(|c| model.apply(c).unwrap()).collect();
    assert!(model.release(R).unwrap().is_deleted());
    for applied in undo.into_iter().rev() {
        model.revert(applied).unwrap();
    }
    assert_eq!(model.snapshot(), start);
    assert_persisted(&model, &path);
}

#[test]
fn sample_work_loads_with_a_running_timer_and_the_cli_shows_it() {
    let (_dir, path) = temp_db();
    let db = path.to_str().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_release-desk"))
        .args(["--db", db, "demo"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let model = Model::open(&path).unwrap();
    let running: Vec<_> = model.running_timers().collect();
    assert_eq!(running.len(), 1);
    let patch = model.release(running[0].release_id).unwrap();
    assert!(patch.subject.contains("모바일 뱅킹 앱 보안 업데이트"), "{}", patch.subject);
    assert!(!model.tasks_for(patch.id).is_empty() && !model.notes_for(patch.id).is_empty());
    let id = patch.id.to_string();
    drop(model);

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_release-desk"))
        .args(["--db", db, "show", &id, "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let timer = json["time_entries"].as_array().unwrap().iter().find(|e| e["timer_running"] == true).unwrap();
    assert!(timer["start_time"].is_string());
    let spent = timer["time_spent"].as_str().unwrap();
    assert!(spent.len() == 5 && spent.as_bytes()[2] == b':', "hh:mm, got {spent}");
    assert!(json["tasks"][0]["status"].is_u64());
    assert!(json["notes"][0]["body"].is_string());
    assert!(json["planning_fields"]["build_plan"]["checklist"].is_array());

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_release-desk"))
        .args(["--db", db, "list", "--view", "all", "--format", "json"])
        .output()
        .unwrap();
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let with_notes =
        list.as_array().unwrap().iter().filter(|r| !r["notes"].as_array().unwrap().is_empty()).count();
    assert!(with_notes >= 3, "the list carries notes too");
}

#[test]
fn a_release_in_trash_is_read_only_but_its_timer_can_be_stopped() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "ERP")]);
    model.apply(Command::Work(WorkCommand::AddNote { release: R, body: "note".into() })).unwrap();
    model.apply(Command::Work(WorkCommand::AddTask { release: R, fields: task("UAT") })).unwrap();
    let entry =
        NewTimeEntry { agent_id: None, minutes: 30, note: String::new(), billable: true, executed_at: at(0) };
    model.apply(Command::Work(WorkCommand::AddTime { release: R, entry: entry.clone() })).unwrap();
    model
        .apply(Command::Work(WorkCommand::StartTimer {
            release: R,
            agent_id: None,
            note: String::new(),
            billable: false,
            since_created: false,
        }))
        .unwrap();
    let (note, task_id) = (model.notes()[0].id, model.tasks()[0].id);
    let (stopped, running) = (model.time_entries()[0].id, model.time_entries()[1].id);
    model.apply(Command::Release(ReleaseCommand::Trash(R))).unwrap();
    let before = model.snapshot();
    for command in [
        Command::Work(WorkCommand::EditNote { id: note, body: "changed".into() }),
        Command::Work(WorkCommand::DeleteNote(note)),
        Command::Work(WorkCommand::EditTask { id: task_id, fields: task("changed") }),
        Command::Work(WorkCommand::DeleteTask(task_id)),
        Command::Work(WorkCommand::EditTimeEntry {
            id: stopped,
            entry: NewTimeEntry { minutes: 45, ..entry.clone() },
        }),
        Command::Work(WorkCommand::DeleteTimeEntry(stopped)),
    ] {
        let label = format!("{command:?}");
        let refused = model.apply(command);
        assert!(matches!(refused, Err(CommandError::Item(ItemRefused::InTrash(R)))), "{label}: {refused:?}");
    }
    assert_eq!(model.snapshot(), before, "nothing changed");
    model.apply(Command::Work(WorkCommand::StopTimer(running))).unwrap();
    assert!(model.running_timers().next().is_none(), "a timer is never left running");
    assert_persisted(&model, &path);
}
