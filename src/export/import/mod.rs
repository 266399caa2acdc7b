//! Reading import files into a checked [`ImportBatch`] (Freshservice JSON, CSV) or an archive:
//! every problem is collected with its file, release and field, and any problem means no batch,
//! so nothing is written. The files are only read, never changed. `model` matches the batch
//! against the database and writes it in one command.

pub mod csv;
pub mod fields;
pub mod freshservice;
pub mod html;
mod stream;

use std::io::BufReader;
use std::path::{Path, PathBuf};

use crate::domain::import::{
    ImportBatch, ImportCounts, ImportProblem, ImportSource, ImportedPeople, ProblemKind,
};
use fields::Problems;

/// The files of a Freshservice import.
#[derive(Clone, Debug, Default)]
pub struct FreshserviceFiles {
    /// List pages, single releases or lists of releases.
    pub releases: Vec<PathBuf>,
    pub agents: Option<PathBuf>,
    pub groups: Option<PathBuf>,
    pub departments: Option<PathBuf>,
}

/// How a file is named in problems: as the user gave it.
pub fn file_name(path: &Path) -> String {
    path.display().to_string()
}

/// Reads one JSON file as it is parsed from disk, release by release: neither the text nor the
/// whole parsed tree is ever held. `None` when it cannot be read or is not JSON (noted).
fn read_json_file(path: &Path, problems: &mut Problems) -> Option<freshservice::FileContents> {
    let name = file_name(path);
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(err) => {
            problems.push(ImportProblem::file(&name, ProblemKind::Unreadable(err.to_string())));
            return None;
        }
    };
    let json = serde_json::Deserializer::from_reader(BufReader::with_capacity(1 << 16, file));
    match stream::read_file(&name, json, problems) {
        Ok(contents) => Some(contents),
        Err(err) if err.is_io() => {
            problems.push(ImportProblem::file(&name, ProblemKind::Unreadable(err.to_string())));
            None
        }
        Err(err) => {
            problems.push(ImportProblem::file(&name, ProblemKind::NotJson(err.to_string())));
            None
        }
    }
}

/// Reads a Freshservice import: every file, every problem. `Err` lists them all.
pub fn read_freshservice(files: &FreshserviceFiles) -> Result<ImportBatch, Vec<ImportProblem>> {
    let mut problems = Problems::default();
    let mut contents = Vec::new();
    let people_files = [&files.agents, &files.groups, &files.departments];
    for path in files.releases.iter().chain(people_files.into_iter().flatten()) {
        if let Some(read) = read_json_file(path, &mut problems) {
            contents.push((file_name(path), read));
        }
    }
    batch_of(contents, problems)
}

/// Reads Freshservice JSON given as bytes (tests, fuzzing): the same checks as files.
pub fn read_freshservice_bytes(name: &str, bytes: &[u8]) -> Result<ImportBatch, Vec<ImportProblem>> {
    let mut problems = Problems::default();
    let read = match stream::read_file(name, serde_json::Deserializer::from_slice(bytes), &mut problems) {
        Ok(read) => read,
        Err(err) => return Err(vec![ImportProblem::file(name, ProblemKind::NotJson(err.to_string()))]),
    };
    batch_of(vec![(name.to_owned(), read)], problems)
}

fn batch_of(
    contents: Vec<(String, freshservice::FileContents)>,
    mut problems: Problems,
) -> Result<ImportBatch, Vec<ImportProblem>> {
    freshservice::check_duplicates(&contents, &mut problems);
    if !problems.is_empty() {
        return Err(problems.0);
    }
    let mut batch = ImportBatch {
        source: ImportSource::Freshservice,
        releases: Vec::new(),
        people: ImportedPeople::default(),
    };
    for (_, c) in contents {
        batch.releases.extend(c.releases);
        batch.people.agents.extend(c.people.agents);
        batch.people.groups.extend(c.people.groups);
        batch.people.departments.extend(c.people.departments);
    }
    // A supplied name wins over a hint of the same person, wherever each came.
    for list in [&mut batch.people.agents, &mut batch.people.groups, &mut batch.people.departments] {
        list.sort_by(|a, b| a.external.cmp(&b.external).then(b.source.cmp(&a.source)));
        list.dedup_by_key(|p| p.external);
    }
    Ok(batch)
}

/// What an import did or would do, or why it was refused: the report of the CLI and the window.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub counts: ImportCounts,
    pub problems: Vec<ImportProblem>,
}

impl ImportReport {
    /// The report as `--format json` prints it: `{"created", "updated", "unchanged", "errors":
    /// [{"file", "release_id", "row", "field", "message"}]}`, messages in the current language.
    pub fn to_json(&self) -> serde_json::Value {
        let errors: Vec<serde_json::Value> = self
            .problems
            .iter()
            .map(|p| {
                serde_json::json!({
                    "file": p.file,
                    "release_id": p.release_id,
                    "row": p.row,
                    "field": p.field,
                    "message": crate::i18n::import_problem(&p.kind),
                })
            })
            .collect();
        serde_json::json!({
            "created": self.counts.created,
            "updated": self.counts.updated,
            "unchanged": self.counts.unchanged,
            "errors": errors,
        })
    }
}
