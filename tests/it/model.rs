//! The command path without a window: create validates and logs, edits log old and new values,
//! a revert restores the exact previous state, ids are never reused.

use crate::common::new_release;
use crate::common::{at, model_with, plain, t0, temp_db};
use release_desk::domain::activity::Named;
use release_desk::domain::{
    ActivityKind, AgentId, Field, FieldChange, PlannedWindow, ReleaseId, Status, Value,
};
use release_desk::model::{Command, CommandError, Model, ReleaseCommand, ReleaseEdit, SettingsCommand};

#[test]
fn create_validates_and_logs() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![]);
    let before = model.snapshot();
    let err = model.apply(Command::Release(ReleaseCommand::Create(new_release("   ")))).err().unwrap();
    assert_eq!(err.to_string(), "the subject is empty");
    let mut bad = new_release("end before start");
    bad.planned = PlannedWindow { start: at(2), end: at(1) };
    let err = model.apply(Command::Release(ReleaseCommand::Create(bad))).err().unwrap();
    assert!(err.to_string().contains("planned end must be after"));
    let mut unknown = new_release("unknown agent");
    unknown.agent_id = Some(AgentId(99));
    assert!(matches!(
        model.apply(Command::Release(ReleaseCommand::Create(unknown))),
        Err(CommandError::NoSuchAgent(_))
    ));
    assert_eq!(model.snapshot(), before);
    assert_eq!(model.store().activity_count().unwrap(), 0);

    let applied =
        model.apply(Command::Release(ReleaseCommand::Create(new_release("긴급 보안 패치")))).unwrap();
    let id = applied.created().unwrap();
    assert_eq!(id, ReleaseId(1));
    let release = model.release(id).unwrap();
    assert_eq!(release.created_at, t0());
    let log = model.activities_for(id).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].kind, ActivityKind::Created);
}

#[test]
fn edits_log_old_and_new_values() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "one")]);
    model.apply(Command::Settings(SettingsCommand::SetCurrentAgent(Some(AgentId(2))))).unwrap();
    model
        .apply(Command::Release(ReleaseCommand::Edit {
            id: ReleaseId(1),
            edits: vec![ReleaseEdit::Status(Status::InProgress), ReleaseEdit::Agent(Some(AgentId(1)))],
        }))
        .unwrap();
    let log = model.activities_for(ReleaseId(1)).unwrap();
    let fields: Vec<&FieldChange> = log.iter().flat_map(|a| &a.changes).collect();
    assert!(fields.contains(&&FieldChange::new(
        Field::Status,
        Value::Status(Status::Open),
        Value::Status(Status::InProgress)
    )));
    assert!(
        fields.contains(&&FieldChange::added(Field::Agent, Value::Agent(Named::new(AgentId(1), "김민준"))))
    );
    assert!(log.iter().all(|a| a.actor == Some(AgentId(2)) && a.at == t0()));
    assert_eq!(model.release(ReleaseId(1)).unwrap().updated_at, t0());
    // An edit that changes nothing writes nothing.
    let count = model.store().activity_count().unwrap();
    model
        .apply(Command::Release(ReleaseCommand::Edit {
            id: ReleaseId(1),
            edits: vec![ReleaseEdit::Status(Status::InProgress)],
        }))
        .unwrap();
    assert_eq!(model.store().activity_count().unwrap(), count);
}

#[test]
fn revert_restores_the_exact_previous_state() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "one")]);
    let start = model.snapshot();
    let a = model.apply(Command::Release(ReleaseCommand::Create(new_release("new")))).unwrap();
    let b = model
        .apply(Command::Release(ReleaseCommand::Edit {
            id: ReleaseId(1),
            edits: vec![ReleaseEdit::Subject("renamed".into())],
        }))
        .unwrap();
    let c = model.apply(Command::Settings(SettingsCommand::SetCurrentAgent(Some(AgentId(3))))).unwrap();
    for applied in [c, b, a] {
        model.revert(applied).unwrap();
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
    let a = model.apply(Command::Release(ReleaseCommand::Create(new_release("a")))).unwrap();
    model.revert(a).unwrap();
    let b = model.apply(Command::Release(ReleaseCommand::Create(new_release("b")))).unwrap();
    assert_eq!(b.created(), Some(ReleaseId(2)));
    drop(model);
    let mut model = Model::open(&path).unwrap();
    let c = model.apply(Command::Release(ReleaseCommand::Create(new_release("c")))).unwrap();
    assert_eq!(c.created(), Some(ReleaseId(3)));
}

#[test]
fn the_agent_worked_as_is_neither_deactivated_nor_removed() {
    use release_desk::model::PeopleCommand;
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![]);
    model.apply(Command::Settings(SettingsCommand::SetCurrentAgent(Some(AgentId(2))))).unwrap();
    let before = model.snapshot();
    let deactivate = PeopleCommand::SetAgentActive { id: AgentId(2), active: false };
    let err = model.apply(Command::People(deactivate)).unwrap_err();
    assert!(matches!(err, CommandError::DeactivateCurrentAgent), "{err:?}");
    let err = model.apply(Command::People(PeopleCommand::RemoveAgent(AgentId(2)))).unwrap_err();
    assert!(matches!(err, CommandError::RemoveCurrentAgent), "{err:?}");
    assert_eq!(model.snapshot(), before, "nothing changed");
    assert_eq!(model.reload_snapshot().unwrap(), before, "nor in the file");
    release_desk::i18n::set_language(release_desk::domain::Language::Ko);
    assert!(release_desk::i18n::command_error(&err).contains("삭제할 수 없습니다"));
    release_desk::i18n::set_language(release_desk::domain::Language::En);
    assert!(release_desk::i18n::command_error(&err).contains("cannot be deleted"));
    // Another agent goes as before, and so does this one once the window works as someone else.
    let other = PeopleCommand::SetAgentActive { id: AgentId(3), active: false };
    model.apply(Command::People(other)).unwrap();
    model.apply(Command::Settings(SettingsCommand::SetCurrentAgent(Some(AgentId(1))))).unwrap();
    model.apply(Command::People(PeopleCommand::RemoveAgent(AgentId(2)))).unwrap();
    assert!(model.directory().agent(AgentId(2)).is_none());
}
