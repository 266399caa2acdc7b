//! The problems of an import (`domain::import::ProblemKind`) as sentences, and where each is
//! (file, release, line, field) as one line for a terminal or the window's report.

use super::{tr, tr_args};
use crate::domain::import::{Expected, ImportProblem, ProblemKind};

fn expected(e: Expected) -> String {
    tr(match e {
        Expected::Text => "import-expected-text",
        Expected::Number => "import-expected-number",
        Expected::WholeNumber => "import-expected-whole-number",
        Expected::Boolean => "import-expected-boolean",
        Expected::List => "import-expected-list",
        Expected::Object => "import-expected-object",
    })
}

/// What is wrong, in the current language.
pub fn import_problem(kind: &ProblemKind) -> String {
    use ProblemKind as P;
    let detail = |key: &str, detail: &str| tr_args(key, &[("detail", detail.to_owned().into())]);
    match kind {
        P::Unreadable(why) => detail("import-problem-unreadable", why),
        P::NotJson(why) => detail("import-problem-not-json", why),
        P::NoReleases => tr("import-problem-no-releases"),
        P::Missing => tr("import-problem-missing"),
        P::WrongType(e) => tr_args("import-problem-wrong-type", &[("expected", expected(*e).into())]),
        P::UnknownCode(value) => tr_args("import-problem-unknown-code", &[("value", value.clone().into())]),
        P::BadDate(value) => tr_args("import-problem-bad-date", &[("value", value.clone().into())]),
        P::EndBeforeStart => tr("import-problem-end-before-start"),
        P::SubjectEmpty => tr("import-problem-subject-empty"),
        P::SubjectTooLong(n) => tr_args("import-problem-subject-too-long", &[("count", (*n).into())]),
        P::BadTimeSpent(value) => {
            tr_args("import-problem-bad-time-spent", &[("value", value.clone().into())])
        }
        P::DuplicateRelease => tr("import-problem-duplicate"),
        P::NotCsv(why) => detail("import-problem-not-csv", why),
        P::NotUtf8 => tr("import-problem-not-utf8"),
        P::MissingColumn(name) => {
            tr_args("import-problem-missing-column", &[("column", name.clone().into())])
        }
        P::UnknownColumn(name) => {
            tr_args("import-problem-unknown-column", &[("column", name.clone().into())])
        }
        P::TooLong { found, max } => {
            tr_args("import-problem-too-long", &[("count", (*found).into()), ("max", (*max).into())])
        }
        P::NewerArchive { found, supported } => tr_args(
            "import-problem-newer-archive",
            &[("found", (*found).into()), ("supported", (*supported).into())],
        ),
        P::NotAnArchive => tr("import-problem-not-an-archive"),
    }
}

/// `file, release 21000418005, line 3, planned_end_date: the end is not after the start`.
pub fn import_problem_line(p: &ImportProblem) -> String {
    let mut place = vec![p.file.clone()];
    if let Some(id) = p.release_id {
        place.push(tr_args("import-where-release", &[("id", id.to_string().into())]));
    }
    if let Some(row) = p.row {
        place.push(tr_args("import-where-line", &[("line", row.into())]));
    }
    if let Some(field) = &p.field {
        place.push(field.clone());
    }
    format!("{}: {}", place.join(", "), import_problem(&p.kind))
}
