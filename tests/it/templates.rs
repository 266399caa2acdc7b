//! Release templates (issue 15): a release made from a template gets every part of it with dates
//! relative to its planned start; a clone moves the dates and resets the work; the user's own
//! templates are saved, kept in the file and deleted, the built-in ones are not; one undo takes a
//! release made from a template back whole; and the CLI's `templates`, `create` and `clone`.

use crate::common::{at, cli, model_with, new_release, plain, temp_db};
use chrono::Duration;
use release_desk::domain::template::builtin;
use release_desk::domain::{
    ActivityKind, Field, PlannedWindow, ReleaseId, ReleaseType, Stage, Strategy, TaskStatus, TemplateInvalid,
};
use release_desk::model::{BackoutCommand, Command, CommandError, Model, TemplateCommand, WorkCommand};

fn from_template(model: &mut Model, key: &str, subject: &str, hours: i64) -> ReleaseId {
    let mut release = new_release(subject);
    release.planned = PlannedWindow { start: at(hours), end: at(hours) + Duration::hours(6) };
    let command = Command::Template(TemplateCommand::Instantiate { template: key.into(), release });
    model.apply(command).unwrap().created().unwrap()
}

#[test]
fn a_release_from_a_template_gets_every_part_with_relative_dates() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![]);
    let id = from_template(&mut model, builtin::ERP, "ERP 2027 상반기 1단계", 24 * 14);
    let start = at(24 * 14);
    let template = builtin::get(builtin::ERP).unwrap();
    let release = model.release(id).unwrap().clone();
    assert_eq!(release.release_type, ReleaseType::Emergency, "the caller's fields win");
    assert_eq!(release.build_plan, template.build_plan);
    assert_eq!(release.test_plan, template.test_plan);
    assert!(release.build_plan.as_ref().unwrap().items.iter().all(|i| !i.done));

    let readiness = model.readiness(id);
    assert_eq!(readiness.strategy, Strategy::Phased);
    let phases: Vec<_> = readiness.phases.iter().map(|p| (p.name.as_str(), p.planned_start)).collect();
    assert_eq!(
        phases,
        [
            ("본사", Some(start)),
            ("주요 계열사", Some(start + Duration::days(7))),
            ("전체 계열사", Some(start + Duration::days(14)))
        ]
    );
    assert_eq!(readiness.risks, template.risks);
    assert!(readiness.plan_done.is_empty() && readiness.mitigation_done.is_empty());

    let backout = model.backout(id).unwrap();
    assert_eq!(backout.restore_target_minutes, 240, "the ERP scenario's 4 hours");
    assert_eq!(backout.steps.items.len(), 6);
    assert!(backout.rehearsals.is_empty());
    assert_eq!(model.impact(id), template.impact.as_ref());

    let tasks = model.tasks_for(id);
    let due: Vec<_> = tasks.iter().map(|t| (t.fields.title.as_str(), t.fields.due)).collect();
    assert_eq!(due.len(), template.tasks.len());
    assert_eq!(due[0], ("운영 DB 전체 백업 및 복구 리허설", Some(start - Duration::days(2))));
    assert!(tasks.iter().all(|t| t.fields.status == TaskStatus::Open));

    let created = &model.activities_for(id).unwrap()[0];
    assert_eq!(created.kind, ActivityKind::Created);
    assert!(created.change(&Field::Template).is_some(), "the log names the template");

    // One undo takes the release and all its parts back.
    model.undo().unwrap();
    assert!(model.release(id).is_none());
    assert!(model.tasks_for(id).is_empty() && model.backout(id).is_none() && model.impact(id).is_none());
}

#[test]
fn every_built_in_template_makes_a_release() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![]);
    for (n, template) in model.templates().into_iter().enumerate() {
        let id = from_template(&mut model, &template.key, &format!("release {n}"), 24);
        assert!(model.backout(id).is_some(), "{}: a back-out plan", template.key);
        assert_eq!(model.tasks_for(id).len(), template.tasks.len(), "{}", template.key);
    }
    let security = builtin::get(builtin::SECURITY).unwrap();
    assert!(security.impact.is_some(), "the patch has its impact analysis");
    assert!(security.tasks.iter().any(|t| t.title.contains("금융감독원")), "and the regulator step");
    let mobile = builtin::get(builtin::MOBILE).unwrap();
    assert!(mobile.phases.iter().any(|p| p.name.contains("A/B")));
}

#[test]
fn a_clone_moves_the_dates_and_resets_the_work() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![]);
    let source = from_template(&mut model, builtin::SECURITY, "KB 보안 패치 11월", 0);
    // Work done on the source: a ticked back-out step, a rehearsal, a completed task, a note.
    let mut backout = model.backout(source).unwrap().clone();
    backout.steps.items[0].done = true;
    let edits = vec![release_desk::domain::BackoutEdit::Steps(backout.steps)];
    model.apply(Command::Backout(BackoutCommand::Edit { release: source, edits })).unwrap();
    let task = model.tasks_for(source)[0].clone();
    let mut fields = task.fields.clone();
    fields.status = TaskStatus::Completed;
    model.apply(Command::Work(WorkCommand::EditTask { id: task.id, fields })).unwrap();
    model.apply(Command::Work(WorkCommand::AddNote { release: source, body: "적용 완료".into() })).unwrap();

    let moved = Duration::days(30);
    let command = Command::Template(TemplateCommand::Clone { source, planned_start: at(0) + moved });
    let copy = model.apply(command).unwrap().created().unwrap();
    let (from, to) = (model.release(source).unwrap().clone(), model.release(copy).unwrap().clone());
    assert_eq!(to.subject, from.subject);
    assert_eq!((to.planned.start, to.planned.end), (from.planned.start + moved, from.planned.end + moved));
    assert_eq!((to.stage, to.rollback_count), (Stage::Plan, 0));
    assert!(model.backout(copy).unwrap().steps.items.iter().all(|i| !i.done), "steps unticked");
    assert!(model.notes_for(copy).is_empty(), "notes stay with the source");
    let (old, new) = (model.tasks_for(source), model.tasks_for(copy));
    assert_eq!(old.len(), new.len());
    for (old, new) in old.iter().zip(&new) {
        assert_eq!(new.fields.status, TaskStatus::Open, "{}", new.fields.title);
        assert_eq!(new.fields.due, old.fields.due.map(|d| d + moved), "{}", new.fields.title);
    }
    assert_eq!(model.impact(copy), model.impact(source));
    let created = &model.activities_for(copy).unwrap()[0];
    assert!(created.change(&Field::ClonedFrom).is_some());
}

#[test]
fn the_users_templates_are_saved_kept_and_deleted_and_built_ins_are_not() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "주간 웹 배포")]);
    let mut mine = builtin::get(builtin::MOBILE).unwrap();
    let refused = model.apply(Command::Template(TemplateCommand::Save(mine.clone()))).unwrap_err();
    assert!(matches!(refused, CommandError::Template(TemplateInvalid::BuiltinKey)));
    mine.key = "weekly-web".into();
    mine.name = "주간 웹 배포".into();
    model.apply(Command::Template(TemplateCommand::Save(mine.clone()))).unwrap();
    drop(model);
    let mut model = Model::open(&path).unwrap();
    assert_eq!(model.template("weekly-web").as_ref(), Some(&mine), "kept in the file");
    assert_eq!(model.templates().len(), 4);
    let id = from_template(&mut model, "weekly-web", "주간 웹 배포 12월", 48);
    assert_eq!(model.readiness(id).phases.len(), 2);
    let refused = model.apply(Command::Template(TemplateCommand::Delete(builtin::ERP.into()))).unwrap_err();
    assert!(matches!(refused, CommandError::Template(TemplateInvalid::BuiltinKey)));
    model.apply(Command::Template(TemplateCommand::Delete("weekly-web".into()))).unwrap();
    assert!(model.template("weekly-web").is_none());
    model.undo().unwrap();
    assert_eq!(model.template("weekly-web").as_ref(), Some(&mine), "undo puts it back");
}

#[test]
fn the_cli_lists_templates_creates_from_one_and_clones() {
    let (_dir, path) = temp_db();
    drop(model_with(&path, vec![]));
    let db = path.to_str().unwrap();
    let out = cli(&["--db", db, "--lang", "en", "templates", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let templates: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let keys: Vec<_> = templates.as_array().unwrap().iter().map(|t| t["key"].as_str().unwrap()).collect();
    assert_eq!(keys, [builtin::ERP, builtin::MOBILE, builtin::SECURITY]);
    assert_eq!(templates[0]["display_name"], "Phased ERP upgrade (head office, affiliates, everyone)");

    let out = cli(&[
        "--db",
        db,
        "create",
        "--subject",
        "KB 인증 모듈 긴급 패치",
        "--planned-start",
        "2026-12-03T22:00:00+09:00",
        "--template",
        builtin::SECURITY,
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let created: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(created["subject"], "KB 인증 모듈 긴급 패치");
    assert_eq!(created["release_type"], ReleaseType::Emergency.code(), "from the template");
    assert_eq!(created["planned_start_date"], "2026-12-03T13:00:00Z");
    assert_eq!(created["planned_end_date"], "2026-12-03T16:00:00Z", "the template's 3 hours");
    assert_eq!(created["backout_plan"]["restore_target_minutes"], 60);
    assert!(created["impact"]["users_affected"].as_str().unwrap().contains("ATM"));
    assert_eq!(created["tasks"].as_array().unwrap().len(), 3);

    let id = created["id"].as_i64().unwrap().to_string();
    let out =
        cli(&["--db", db, "clone", &id, "--planned-start", "2026-12-10T22:00:00+09:00", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let copy: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_ne!(copy["id"], created["id"]);
    assert_eq!(copy["planned_start_date"], "2026-12-10T13:00:00Z");
    assert_eq!(copy["tasks"].as_array().unwrap().len(), 3);

    let out = cli(&["--db", db, "create", "--subject", "x", "--planned-start", "soon"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("ISO 8601"));
}
