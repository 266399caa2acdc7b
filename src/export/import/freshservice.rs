//! Freshservice API v2 JSON read into an [`ImportBatch`]: list pages (`{"releases": [...]}`),
//! single releases (`{"release": {...}}`) or a bare list, each release optionally carrying its
//! `notes`, `tasks` and `time_entries` as this app's own JSON does, plus agents, groups and
//! departments files (read element by element as the file is parsed: [`super::stream`]). Both names of the linked records are read (`associated_change_ids` or
//! `associated_changes`, `assets` or `associated_assets`), HTML becomes text, and this app's
//! lifecycle fields are read when present. Every problem is noted; a file with one is not imported.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::fields::{Fields, Problems, whole_number};
use super::html::html_to_text;
use crate::domain::import::{
    ExternalPerson, FieldSet, ImportField, ImportProblem, ImportedNote, ImportedPeople, ImportedRelease,
    ImportedTask, ImportedTime, NameSource, PersonRef, ProblemKind,
};
use crate::domain::release::{ReleaseInvalid, validate_subject};
use crate::domain::work::TaskStatus;
use crate::domain::work::note::NOTE_MAX_CHARS;
use crate::domain::{
    ChangeId, ChecklistItem, ConfigItemId, Outcome, Plan, PlannedWindow, Priority, Release, ReleaseId,
    ReleaseType, Stage, Status,
};

/// What one file holds: releases, and people of any kind.
#[derive(Default)]
pub struct FileContents {
    pub releases: Vec<ImportedRelease>,
    pub people: ImportedPeople,
}

/// Which people list a file holds.
#[derive(Clone, Copy)]
pub(super) enum PersonKind {
    Agent,
    Group,
    Department,
}

pub(super) fn read_people(
    file: &str,
    key: &str,
    list: &Value,
    kind: PersonKind,
    problems: &mut Problems,
    people: &mut ImportedPeople,
) {
    let Value::Array(items) = list else {
        problems.push(ImportProblem {
            field: Some(key.into()),
            ..ImportProblem::file(file, ProblemKind::WrongType(crate::domain::import::Expected::List))
        });
        return;
    };
    let empty = Map::new();
    for (i, item) in items.iter().enumerate() {
        let object = item.as_object().unwrap_or(&empty);
        let mut f = Fields { file, release_id: None, prefix: format!("{key}[{i}]."), object, problems };
        if !item.is_object() {
            f.problem("", ProblemKind::WrongType(crate::domain::import::Expected::Object));
            continue;
        }
        let Some(external) = f.number("id") else {
            if !f.has("id") {
                f.problem("id", ProblemKind::Missing);
            }
            continue;
        };
        let (name, email) = match kind {
            PersonKind::Agent => {
                let first = f.text("first_name").unwrap_or_default();
                let last = f.text("last_name").unwrap_or_default();
                let email = f.text("email").unwrap_or_default();
                (format!("{} {}", first.trim(), last.trim()).trim().to_owned(), email)
            }
            PersonKind::Group | PersonKind::Department => (f.text("name").unwrap_or_default(), String::new()),
        };
        let name = if name.trim().is_empty() {
            if email.is_empty() { format!("#{external}") } else { email.clone() }
        } else {
            name.trim().to_owned()
        };
        let person = ExternalPerson { external, name, email, source: NameSource::Supplied };
        match kind {
            PersonKind::Agent => people.agents.push(person),
            PersonKind::Group => people.groups.push(person),
            PersonKind::Department => people.departments.push(person),
        }
    }
}

fn code_of<T>(from: fn(i64) -> Option<T>) -> impl Fn(&Value) -> Option<T> {
    move |v| whole_number(v).and_then(from)
}

fn text_code<T>(from: fn(&str) -> Option<T>) -> impl Fn(&Value) -> Option<T> {
    move |v| v.as_str().and_then(from)
}

/// A person named by id; the name beside it (`agent_name` in this app's JSON) is a hint.
fn person(f: &mut Fields<'_>, id: &str, hint: &str, into: &mut Vec<ExternalPerson>) -> Option<PersonRef> {
    let external = f.number(id)?;
    if let Some(name) = f.text(hint).filter(|n| !n.trim().is_empty()) {
        into.push(ExternalPerson {
            external,
            name: name.trim().to_owned(),
            email: String::new(),
            source: NameSource::Hint,
        });
    }
    Some(PersonRef::External(external))
}

/// One plan of `planning_fields`: its HTML (or text) as the body, this app's checklist if any.
fn plan(f: &mut Fields<'_>, planning: &Map<String, Value>, name: &str) -> Option<Option<Plan>> {
    let value = planning.get(name)?;
    let Value::Object(o) = value else {
        if !value.is_null() {
            f.problem(
                &format!("planning_fields.{name}"),
                ProblemKind::WrongType(crate::domain::import::Expected::Object),
            );
        }
        return Some(None);
    };
    let text = |key: &str| o.get(key).and_then(Value::as_str);
    let body = match text("description_html").or_else(|| text("description")) {
        Some(html) => html_to_text(html),
        None => text("description_text").unwrap_or_default().to_owned(),
    };
    let items = o
        .get("checklist")
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|i| {
                    Some(ChecklistItem {
                        text: i.get("text")?.as_str()?.to_owned(),
                        done: i.get("done").and_then(Value::as_bool).unwrap_or(false),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    Some(Some(Plan { body, items }))
}

/// The fields a release of the file gives (even as `null`): only these are set on a release it updates.
fn present_fields(f: &Fields<'_>) -> FieldSet {
    let mut fields = FieldSet::default();
    let mut mark = |name: &str, field: ImportField| {
        if f.has(name) {
            fields.insert(field);
        }
    };
    use ImportField as F;
    for (name, field) in [
        ("subject", F::Subject),
        ("status", F::Status),
        ("priority", F::Priority),
        ("release_type", F::ReleaseType),
        ("planned_start_date", F::PlannedStart),
        ("planned_end_date", F::PlannedEnd),
        ("work_start_date", F::WorkStart),
        ("work_end_date", F::WorkEnd),
        ("agent_id", F::Agent),
        ("group_id", F::Group),
        ("department_id", F::Department),
        ("category", F::Category),
        ("sub_category", F::SubCategory),
        ("item_category", F::ItemCategory),
        ("assets", F::Assets),
        ("associated_assets", F::Assets),
        ("associated_change_ids", F::AssociatedChanges),
        ("associated_changes", F::AssociatedChanges),
        ("custom_fields", F::CustomFields),
        ("stage", F::Stage),
        ("outcome", F::Outcome),
        ("closed_at", F::ClosedAt),
        ("rollback_count", F::RollbackCount),
        ("downtime_minutes", F::DowntimeMinutes),
        ("deleted_at", F::DeletedAt),
        ("created_at", F::CreatedAt),
        ("updated_at", F::UpdatedAt),
        ("description", F::Description),
        ("description_text", F::Description),
    ] {
        mark(name, field);
    }
    fields
}

/// One release; `None` when it has problems (they are noted).
pub(super) fn read_release(
    file: &str,
    value: &Value,
    problems: &mut Problems,
    people: &mut ImportedPeople,
) -> Option<ImportedRelease> {
    let before = problems.0.len();
    let empty = Map::new();
    let object = value.as_object().unwrap_or(&empty);
    let release_id = object.get("id").and_then(whole_number);
    let mut f = Fields { file, release_id, prefix: String::new(), object, problems };
    if !value.is_object() {
        f.problem("", ProblemKind::WrongType(crate::domain::import::Expected::Object));
        return None;
    }
    if release_id.is_none() {
        if f.has("id") {
            f.number("id");
        } else {
            f.problem("id", ProblemKind::Missing);
        }
    }
    let mut fields = present_fields(&f);
    use ImportField as F;
    let subject = f.required_text("subject");
    if let Some(subject) = &subject {
        match validate_subject(subject) {
            Ok(()) => {}
            Err(ReleaseInvalid::SubjectTooLong(n)) => f.problem("subject", ProblemKind::SubjectTooLong(n)),
            Err(_) => f.problem("subject", ProblemKind::SubjectEmpty),
        }
    }
    let description = match f.text("description") {
        Some(html) => html_to_text(&html),
        None => f.text("description_text").unwrap_or_default(),
    };
    let status = f.code("status", true, code_of(Status::from_code));
    let priority = f.code("priority", true, code_of(Priority::from_code));
    let release_type = f.code("release_type", true, code_of(ReleaseType::from_code));
    let start = f.required_time("planned_start_date");
    let end = f.required_time("planned_end_date");
    if let (Some(start), Some(end)) = (start, end)
        && end <= start
    {
        f.problem("planned_end_date", ProblemKind::EndBeforeStart);
    }
    let work_start = f.time("work_start_date");
    let work_end = f.time("work_end_date");
    if let (Some(start), Some(end)) = (work_start, work_end)
        && end < start
    {
        f.problem("work_end_date", ProblemKind::EndBeforeStart);
    }
    let agent = person(&mut f, "agent_id", "agent_name", &mut people.agents);
    let group = person(&mut f, "group_id", "group_name", &mut people.groups);
    let department = person(&mut f, "department_id", "department_name", &mut people.departments);
    let mut release = Release::new(
        ReleaseId(0),
        subject.unwrap_or_default().trim(),
        status.unwrap_or(Status::Open),
        priority.unwrap_or(Priority::Low),
        release_type.unwrap_or(ReleaseType::Minor),
        PlannedWindow { start: start.unwrap_or_default(), end: end.unwrap_or_default() },
        f.time("created_at").unwrap_or_default(),
    );
    release.external_id = release_id;
    release.description = description;
    release.updated_at = f.time("updated_at").unwrap_or(release.created_at);
    release.work_start = work_start;
    release.work_end = work_end;
    release.category = f.text("category");
    release.sub_category = f.text("sub_category");
    release.item_category = f.text("item_category");
    release.assets =
        f.ids(&["assets", "associated_assets"]).unwrap_or_default().into_iter().map(ConfigItemId).collect();
    release.associated_change_ids = f
        .ids(&["associated_change_ids", "associated_changes"])
        .unwrap_or_default()
        .into_iter()
        .map(ChangeId)
        .collect();
    release.custom_fields = f.object("custom_fields").cloned().unwrap_or_default();
    if let Some(planning) = f.object("planning_fields") {
        if let Some(build) = plan(&mut f, planning, "build_plan") {
            fields.insert(F::BuildPlan);
            release.build_plan = build;
        }
        if let Some(test) = plan(&mut f, planning, "test_plan") {
            fields.insert(F::TestPlan);
            release.test_plan = test;
        }
    }
    read_lifecycle(&mut f, &mut release);
    let notes = read_notes(&mut f);
    let tasks = read_tasks(&mut f);
    let time_entries = read_time_entries(&mut f);
    if problems.0.len() > before {
        return None;
    }
    Some(ImportedRelease { release, fields, agent, group, department, notes, tasks, time_entries })
}

/// This app's lifecycle fields, beside Freshservice's.
fn read_lifecycle(f: &mut Fields<'_>, release: &mut Release) {
    if let Some(stage) = f.code("stage", false, text_code(Stage::from_code)) {
        release.stage = stage;
    }
    release.outcome = f.code("outcome", false, text_code(Outcome::from_code));
    release.closed_at = f.time("closed_at");
    release.rollback_count = f.count("rollback_count").unwrap_or(0);
    release.downtime_minutes = f.count("downtime_minutes").unwrap_or(0);
    release.deleted_at = f.time("deleted_at");
}

/// The objects of list `name`, each read by `read` with its own field prefix (`tasks[2].`).
fn each<T>(f: &mut Fields<'_>, name: &str, mut read: impl FnMut(&mut Fields<'_>) -> Option<T>) -> Vec<T> {
    let Some(items) = f.list(name) else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let prefix = format!("{name}[{i}].");
        let Value::Object(object) = item else {
            let mut inner = Fields {
                file: f.file,
                release_id: f.release_id,
                prefix,
                object: f.object,
                problems: f.problems,
            };
            inner.problem("", ProblemKind::WrongType(crate::domain::import::Expected::Object));
            continue;
        };
        let mut inner =
            Fields { file: f.file, release_id: f.release_id, prefix, object, problems: f.problems };
        if let Some(value) = read(&mut inner) {
            out.push(value);
        }
    }
    out
}

fn read_notes(f: &mut Fields<'_>) -> Vec<ImportedNote> {
    each(f, "notes", |n| {
        let body = match n.text("body") {
            Some(html) => html_to_text(&html),
            None => n.required_text("body_text")?,
        };
        let chars = body.chars().count();
        if chars > NOTE_MAX_CHARS {
            n.problem("body", ProblemKind::TooLong { found: chars, max: NOTE_MAX_CHARS });
        }
        Some(ImportedNote {
            external: n.number("id"),
            body,
            author: n.number("user_id").map(PersonRef::External),
            created_at: n.time("created_at"),
            updated_at: n.time("updated_at"),
        })
    })
}

fn read_tasks(f: &mut Fields<'_>) -> Vec<ImportedTask> {
    each(f, "tasks", |t| {
        let title = t.required_text("title");
        let status = t.code("status", true, code_of(TaskStatus::from_code));
        let task = ImportedTask {
            external: t.number("id"),
            title: title?.trim().to_owned(),
            description: t.text("description").map(|d| html_to_text(&d)).unwrap_or_default(),
            status: status?,
            due: t.time("due_date"),
            agent: t.number("agent_id").map(PersonRef::External),
            group: t.number("group_id").map(PersonRef::External),
            created_at: t.time("created_at"),
            updated_at: t.time("updated_at"),
        };
        Some(task)
    })
}

fn read_time_entries(f: &mut Fields<'_>) -> Vec<ImportedTime> {
    each(f, "time_entries", |e| {
        let spent = e.required_text("time_spent");
        let minutes = spent.as_deref().and_then(|s| match crate::domain::work::time_entry::parse_hhmm(s) {
            Ok(m) => Some(m),
            Err(crate::domain::work::time_entry::TimeSpentInvalid::Zero) => Some(0),
            Err(_) => {
                e.problem("time_spent", ProblemKind::BadTimeSpent(s.chars().take(20).collect()));
                None
            }
        });
        let executed_at = e.required_time("executed_at");
        let running = e.boolean("timer_running").unwrap_or(false);
        let start = e.time("start_time");
        Some(ImportedTime {
            external: e.number("id"),
            agent: e.number("agent_id").map(PersonRef::External),
            note: e.text("note").unwrap_or_default(),
            minutes: minutes?,
            executed_at: executed_at?,
            billable: e.boolean("billable").unwrap_or(false),
            timer_start: if running { start.or(executed_at) } else { None },
            created_at: e.time("created_at"),
        })
    })
}

/// Notes a problem for every release id that comes twice across the files (the second one on).
pub fn check_duplicates(files: &[(String, FileContents)], problems: &mut Problems) {
    let mut seen = HashSet::new();
    for (file, contents) in files {
        for r in &contents.releases {
            if let Some(id) = r.release.external_id
                && !seen.insert(id)
            {
                problems.push(ImportProblem {
                    release_id: Some(id),
                    field: Some("id".into()),
                    ..ImportProblem::file(file, ProblemKind::DuplicateRelease)
                });
            }
        }
    }
}
