//! A CSV file with a header row read into an [`ImportBatch`]. The headers may be this app's CSV
//! headers (`Subject`, `Planned start`), Freshservice's field names (`subject`,
//! `planned_start_date`) or the column names of the localized output in either language
//! (`제목`, `계획 시작`). Status, priority and type are codes, English labels or labels in either
//! language; people are names (`Agent`) or Freshservice ids (`agent_id`); times are ISO 8601, or
//! `YYYY-MM-DD HH:MM` in local time as the localized output writes them. The spreadsheet guard
//! of the export (a leading `'` before `=`, `+`, `-`, `@`) is taken off again. Every problem is
//! noted with its line; any problem means no batch.

use std::collections::HashMap;

use chrono::TimeZone as _;

use super::fields::{Problems, parse_time, whole_number};
use crate::domain::import::{
    FieldSet, ImportBatch, ImportField, ImportProblem, ImportSource, ImportedPeople, ImportedRelease,
    PersonRef, ProblemKind,
};
use crate::domain::release::{ReleaseInvalid, validate_subject};
use crate::domain::{
    Language, PlannedWindow, Priority, Release, ReleaseId, ReleaseType, SortKey, Status, Timestamp,
};
use crate::export::table::unguarded;

/// A column an import reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Column {
    Id,
    Subject,
    Description,
    Status,
    Priority,
    Type,
    PlannedStart,
    PlannedEnd,
    WorkStart,
    WorkEnd,
    AgentName,
    GroupName,
    AgentId,
    GroupId,
    DepartmentId,
    Category,
    SubCategory,
    ItemCategory,
    Created,
    Updated,
}

/// The header names of a column: this app's CSV, Freshservice's, the list's column key.
fn names(column: Column) -> (&'static [&'static str], Option<SortKey>) {
    use Column as C;
    match column {
        C::Id => (&["id"], Some(SortKey::Id)),
        C::Subject => (&["subject"], Some(SortKey::Subject)),
        C::Description => (&["description", "description_text"], None),
        C::Status => (&["status"], Some(SortKey::Status)),
        C::Priority => (&["priority"], Some(SortKey::Priority)),
        C::Type => (&["type", "release_type"], Some(SortKey::Type)),
        C::PlannedStart => (&["planned start", "planned_start_date"], Some(SortKey::PlannedStart)),
        C::PlannedEnd => (&["planned end", "planned_end_date"], Some(SortKey::PlannedEnd)),
        C::WorkStart => (&["work start", "work_start_date"], None),
        C::WorkEnd => (&["work end", "work_end_date"], None),
        C::AgentName => (&["agent", "agent_name"], Some(SortKey::Agent)),
        C::GroupName => (&["group", "group_name"], Some(SortKey::Group)),
        C::AgentId => (&["agent_id"], None),
        C::GroupId => (&["group_id"], None),
        C::DepartmentId => (&["department_id"], None),
        C::Category => (&["category"], None),
        C::SubCategory => (&["sub_category", "sub category"], None),
        C::ItemCategory => (&["item_category", "item category"], None),
        C::Created => (&["created", "created_at"], Some(SortKey::Created)),
        C::Updated => (&["updated", "updated_at"], Some(SortKey::Updated)),
    }
}

const COLUMNS: [Column; 20] = {
    use Column as C;
    [
        C::Id,
        C::Subject,
        C::Description,
        C::Status,
        C::Priority,
        C::Type,
        C::PlannedStart,
        C::PlannedEnd,
        C::WorkStart,
        C::WorkEnd,
        C::AgentName,
        C::GroupName,
        C::AgentId,
        C::GroupId,
        C::DepartmentId,
        C::Category,
        C::SubCategory,
        C::ItemCategory,
        C::Created,
        C::Updated,
    ]
};

fn key(text: &str) -> String {
    text.trim().trim_start_matches('\u{feff}').to_lowercase()
}

/// Runs `f` with this thread's language set to `language`, then puts the language back.
fn in_language<T>(language: Language, f: impl FnOnce() -> T) -> T {
    let was = crate::i18n::language();
    crate::i18n::set_language(language);
    let out = f();
    crate::i18n::set_language(was);
    out
}

/// Every header this import knows, lower-cased, with its column.
fn header_names() -> HashMap<String, Column> {
    let mut map = HashMap::new();
    for column in COLUMNS {
        let (plain, sort) = names(column);
        for name in plain {
            map.insert((*name).to_owned(), column);
        }
        if let Some(sort) = sort {
            for language in [Language::En, Language::Ko] {
                map.entry(key(&in_language(language, || crate::i18n::column(sort)))).or_insert(column);
            }
        }
    }
    map
}

/// Labels of a coded field in both languages and English, lower-cased, to its value.
struct Labels {
    status: HashMap<String, Status>,
    priority: HashMap<String, Priority>,
    release_type: HashMap<String, ReleaseType>,
}

impl Labels {
    fn new() -> Self {
        fn table<T: Copy>(
            all: &[T],
            english: fn(T) -> &'static str,
            local: fn(T) -> String,
        ) -> HashMap<String, T> {
            let mut map = HashMap::new();
            for v in all {
                map.insert(key(english(*v)), *v);
                for language in [Language::En, Language::Ko] {
                    map.insert(key(&in_language(language, || local(*v))), *v);
                }
            }
            map
        }
        Self {
            status: table(Status::ALL, Status::label, crate::i18n::status),
            priority: table(Priority::ALL, Priority::label, crate::i18n::priority),
            release_type: table(ReleaseType::ALL, ReleaseType::label, crate::i18n::release_type),
        }
    }
}

/// A time as the CSV writes it: ISO 8601, or the localized `YYYY-MM-DD HH:MM` (or a date) in local time.
pub fn csv_time(text: &str) -> Option<Timestamp> {
    if let Some(t) = parse_time(text) {
        return Some(t);
    }
    let text = text.trim();
    let naive = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M")
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S"))
        .ok()
        .or_else(|| chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?.and_hms_opt(0, 0, 0))?;
    chrono::Local.from_local_datetime(&naive).earliest().map(|t| t.with_timezone(&chrono::Utc))
}

/// Reads CSV text (`file` names it in problems).
pub fn read_csv_bytes(file: &str, bytes: &[u8]) -> Result<ImportBatch, Vec<ImportProblem>> {
    let mut problems = Problems::default();
    if let Err(err) = std::str::from_utf8(bytes) {
        let line = 1 + bytes[..err.valid_up_to()].iter().filter(|b| **b == b'\n').count();
        return Err(vec![ImportProblem {
            row: Some(line),
            ..ImportProblem::file(file, ProblemKind::NotUtf8)
        }]);
    }
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(err) => return Err(vec![ImportProblem::file(file, ProblemKind::NotCsv(err.to_string()))]),
    };
    let known = header_names();
    let mut at: HashMap<Column, usize> = HashMap::new();
    for (i, header) in headers.iter().enumerate() {
        match known.get(&key(header)) {
            Some(column) => {
                at.entry(*column).or_insert(i);
            }
            None if header.trim().is_empty() => {}
            None => problems.push(ImportProblem {
                row: Some(1),
                field: Some(header.to_owned()),
                ..ImportProblem::file(file, ProblemKind::UnknownColumn(header.chars().take(60).collect()))
            }),
        }
    }
    for required in [Column::Subject, Column::PlannedStart, Column::PlannedEnd] {
        if !at.contains_key(&required) {
            let name = names(required).0[0];
            problems.push(ImportProblem::file(file, ProblemKind::MissingColumn(name.to_owned())));
        }
    }
    if !problems.is_empty() {
        return Err(problems.0);
    }
    let labels = Labels::new();
    let mut releases = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(err) => {
                let row = err.position().map(|p| p.line() as usize);
                problems.push(ImportProblem {
                    row,
                    ..ImportProblem::file(file, ProblemKind::NotCsv(err.to_string()))
                });
                continue;
            }
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = record.position().map_or(0, |p| p.line() as usize);
        let row = Row { file, line, record: &record, at: &at, headers: &headers, problems: &mut problems };
        if let Some(release) = row.release(&labels) {
            releases.push(release);
        }
    }
    super::freshservice::check_duplicates(
        &[(
            file.to_owned(),
            super::freshservice::FileContents {
                releases: releases.clone(),
                people: ImportedPeople::default(),
            },
        )],
        &mut problems,
    );
    if !problems.is_empty() {
        return Err(problems.0);
    }
    Ok(ImportBatch { source: ImportSource::Csv, releases, people: ImportedPeople::default() })
}

/// One data row.
struct Row<'a> {
    file: &'a str,
    line: usize,
    record: &'a csv::StringRecord,
    at: &'a HashMap<Column, usize>,
    headers: &'a csv::StringRecord,
    problems: &'a mut Problems,
}

impl Row<'_> {
    /// The cell of `column` (unguarded and trimmed), `None` when the column or the cell is empty.
    fn cell(&self, column: Column) -> Option<&str> {
        let i = *self.at.get(&column)?;
        let text = unguarded(self.record.get(i)?).trim();
        (!text.is_empty()).then_some(text)
    }

    fn problem(&mut self, column: Column, release_id: Option<i64>, kind: ProblemKind) {
        let field = self.at.get(&column).and_then(|i| self.headers.get(*i)).map(str::to_owned);
        self.problems.push(ImportProblem {
            file: self.file.to_owned(),
            release_id,
            row: Some(self.line),
            field,
            kind,
        });
    }

    fn coded<T: Copy>(
        &mut self,
        column: Column,
        id: Option<i64>,
        table: &HashMap<String, T>,
        from: fn(i64) -> Option<T>,
    ) -> Option<T> {
        let text = self.cell(column)?.to_owned();
        let value = match text.parse::<i64>() {
            Ok(code) => from(code),
            Err(_) => table.get(&key(&text)).copied(),
        };
        if value.is_none() {
            self.problem(column, id, ProblemKind::UnknownCode(text.chars().take(60).collect()));
        }
        value
    }

    fn time(&mut self, column: Column, id: Option<i64>) -> Option<Timestamp> {
        let text = self.cell(column)?.to_owned();
        let time = csv_time(&text);
        if time.is_none() {
            self.problem(column, id, ProblemKind::BadDate(text.chars().take(60).collect()));
        }
        time
    }

    fn external(&mut self, column: Column, id: Option<i64>) -> Option<i64> {
        let text = self.cell(column)?.to_owned();
        let number = whole_number(&serde_json::Value::String(text.trim_start_matches('#').to_owned()));
        if number.is_none() {
            self.problem(column, id, ProblemKind::WrongType(crate::domain::import::Expected::WholeNumber));
        }
        number
    }

    fn release(mut self, labels: &Labels) -> Option<ImportedRelease> {
        use Column as C;
        use ImportField as F;
        let before = self.problems.0.len();
        let id = self.external(C::Id, None);
        let subject = self.cell(C::Subject).map(str::to_owned);
        match subject.as_deref().map(validate_subject) {
            None | Some(Err(ReleaseInvalid::SubjectEmpty)) => {
                self.problem(C::Subject, id, ProblemKind::SubjectEmpty);
            }
            Some(Err(ReleaseInvalid::SubjectTooLong(n))) => {
                self.problem(C::Subject, id, ProblemKind::SubjectTooLong(n));
            }
            Some(_) => {}
        }
        let status = self.coded(C::Status, id, &labels.status, Status::from_code);
        let priority = self.coded(C::Priority, id, &labels.priority, Priority::from_code);
        let release_type = self.coded(C::Type, id, &labels.release_type, ReleaseType::from_code);
        let start = self.time(C::PlannedStart, id);
        let end = self.time(C::PlannedEnd, id);
        for (column, value) in [(C::PlannedStart, start), (C::PlannedEnd, end)] {
            if value.is_none() && self.cell(column).is_none() {
                self.problem(column, id, ProblemKind::Missing);
            }
        }
        if let (Some(s), Some(e)) = (start, end)
            && e <= s
        {
            self.problem(C::PlannedEnd, id, ProblemKind::EndBeforeStart);
        }
        let work_start = self.time(C::WorkStart, id);
        let work_end = self.time(C::WorkEnd, id);
        if let (Some(s), Some(e)) = (work_start, work_end)
            && e < s
        {
            self.problem(C::WorkEnd, id, ProblemKind::EndBeforeStart);
        }
        let created = self.time(C::Created, id);
        let updated = self.time(C::Updated, id);
        let agent_id = self.external(C::AgentId, id);
        let group_id = self.external(C::GroupId, id);
        let department_id = self.external(C::DepartmentId, id);
        if self.problems.0.len() > before {
            return None;
        }
        let mut fields = FieldSet::default();
        let present = [
            (C::Subject, F::Subject),
            (C::Description, F::Description),
            (C::Status, F::Status),
            (C::Priority, F::Priority),
            (C::Type, F::ReleaseType),
            (C::PlannedStart, F::PlannedStart),
            (C::PlannedEnd, F::PlannedEnd),
            (C::WorkStart, F::WorkStart),
            (C::WorkEnd, F::WorkEnd),
            (C::AgentName, F::Agent),
            (C::AgentId, F::Agent),
            (C::GroupName, F::Group),
            (C::GroupId, F::Group),
            (C::DepartmentId, F::Department),
            (C::Category, F::Category),
            (C::SubCategory, F::SubCategory),
            (C::ItemCategory, F::ItemCategory),
            (C::Created, F::CreatedAt),
            (C::Updated, F::UpdatedAt),
        ];
        for (column, field) in present {
            if self.at.contains_key(&column) {
                fields.insert(field);
            }
        }
        let text = |row: &Self, column| row.cell(column).map(str::to_owned);
        let mut release = Release::new(
            ReleaseId(0),
            subject.unwrap_or_default().trim(),
            status.unwrap_or(Status::Open),
            priority.unwrap_or(Priority::Medium),
            release_type.unwrap_or(ReleaseType::Standard),
            PlannedWindow { start: start?, end: end? },
            created.unwrap_or_default(),
        );
        release.external_id = id;
        release.updated_at = updated.unwrap_or(release.created_at);
        release.description = text(&self, C::Description).unwrap_or_default();
        release.work_start = work_start;
        release.work_end = work_end;
        release.category = text(&self, C::Category);
        release.sub_category = text(&self, C::SubCategory);
        release.item_category = text(&self, C::ItemCategory);
        let named = |row: &Self, column| row.cell(column).map(|n| PersonRef::Named(n.to_owned()));
        Some(ImportedRelease {
            release,
            fields,
            agent: agent_id.map(PersonRef::External).or_else(|| named(&self, C::AgentName)),
            group: group_id.map(PersonRef::External).or_else(|| named(&self, C::GroupName)),
            department: department_id.map(PersonRef::External),
            notes: Vec::new(),
            tasks: Vec::new(),
            time_entries: Vec::new(),
        })
    }
}

/// The rows of a CSV as they are, for the window's preview.
#[derive(Clone, Debug, Default)]
pub struct CsvPreview {
    pub headers: Vec<String>,
    /// Each data row's line (as problems name it) and cells.
    pub rows: Vec<(usize, Vec<String>)>,
}

/// The first `limit` rows of a CSV as they are; `None` when the header cannot be read.
pub fn preview_rows(bytes: &[u8], limit: usize) -> Option<CsvPreview> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let headers = reader.headers().ok()?.iter().map(str::to_owned).collect();
    let rows = reader
        .records()
        .filter_map(Result::ok)
        .filter(|r| !r.iter().all(|c| c.trim().is_empty()))
        .take(limit)
        .map(|r| {
            (
                r.position().map_or(0, |p| p.line() as usize),
                r.iter().map(|c| unguarded(c).to_owned()).collect(),
            )
        })
        .collect();
    Some(CsvPreview { headers, rows })
}
