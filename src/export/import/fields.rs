//! Reading the fields of one JSON object of an import file, each problem noted with the file, the
//! release and the field it is in (so the report lists every problem, not only the first).

use serde_json::{Map, Value};

use crate::domain::Timestamp;
use crate::domain::import::{Expected, ImportProblem, ProblemKind};

/// The problems found so far in an import, in file order.
#[derive(Debug, Default)]
pub struct Problems(pub Vec<ImportProblem>);

impl Problems {
    pub fn push(&mut self, problem: ImportProblem) {
        self.0.push(problem);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// One object of a file: a release, or a note, task or time entry of one (`prefix` is then
/// `tasks[2].`), or a person.
pub struct Fields<'a> {
    pub file: &'a str,
    pub release_id: Option<i64>,
    pub prefix: String,
    pub object: &'a Map<String, Value>,
    pub problems: &'a mut Problems,
}

/// A date and time as the store keeps it (whole milliseconds), from ISO 8601 / RFC 3339.
pub fn parse_time(text: &str) -> Option<Timestamp> {
    let parsed = chrono::DateTime::parse_from_rfc3339(text.trim()).ok()?;
    let utc = parsed.with_timezone(&chrono::Utc);
    chrono::DateTime::from_timestamp_millis(utc.timestamp_millis())
}

/// A whole number held as a JSON number (ids up to 2^53 may come as `21000418005.0`) or as
/// digits in a string.
pub fn whole_number(value: &Value) -> Option<i64> {
    match value {
        Value::Number(n) => n.as_i64().or_else(|| {
            let f = n.as_f64()?;
            // Whole and well inside i64: the cast is exact.
            (f.fract() == 0.0 && f.abs() < 9.0e15).then_some(f as i64)
        }),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

impl<'a> Fields<'a> {
    /// Notes a problem with `field` of this object.
    pub fn problem(&mut self, field: &str, kind: ProblemKind) {
        self.problems.push(ImportProblem {
            file: self.file.to_owned(),
            release_id: self.release_id,
            row: None,
            field: Some(format!("{}{field}", self.prefix).trim_end_matches('.').to_owned())
                .filter(|f| !f.is_empty()),
            kind,
        });
    }

    /// Whether the object has `field` (even as `null`).
    pub fn has(&self, field: &str) -> bool {
        self.object.contains_key(field)
    }

    /// The first of `names` the object has, not null.
    fn value(&self, names: &[&str]) -> Option<(&'a str, &'a Value)> {
        let object: &'a Map<String, Value> = self.object;
        names
            .iter()
            .find_map(|n| object.get_key_value(*n))
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| (k.as_str(), v))
    }

    fn wrong(&mut self, field: &str, expected: Expected) {
        self.problem(field, ProblemKind::WrongType(expected));
    }

    /// A text field (`None` when absent or null; a problem when not text).
    pub fn text(&mut self, field: &str) -> Option<String> {
        match self.value(&[field])? {
            (_, Value::String(s)) => Some(s.clone()),
            (_, Value::Number(n)) => Some(n.to_string()),
            _ => {
                self.wrong(field, Expected::Text);
                None
            }
        }
    }

    /// A text field that must be there.
    pub fn required_text(&mut self, field: &str) -> Option<String> {
        if self.value(&[field]).is_none() {
            self.problem(field, ProblemKind::Missing);
            return None;
        }
        self.text(field)
    }

    /// A whole number (`None` when absent or null).
    pub fn number(&mut self, field: &str) -> Option<i64> {
        let (_, value) = self.value(&[field])?;
        let number = whole_number(value);
        if number.is_none() {
            self.wrong(field, Expected::WholeNumber);
        }
        number
    }

    /// A whole number from 0 up, as a `u32`.
    pub fn count(&mut self, field: &str) -> Option<u32> {
        let n = self.number(field)?;
        let count = u32::try_from(n).ok();
        if count.is_none() {
            self.wrong(field, Expected::WholeNumber);
        }
        count
    }

    /// A coded field: its number (or text) through `from`; unknown codes are problems.
    pub fn code<T>(&mut self, field: &str, required: bool, from: impl Fn(&Value) -> Option<T>) -> Option<T> {
        let Some((_, value)) = self.value(&[field]) else {
            if required {
                self.problem(field, ProblemKind::Missing);
            }
            return None;
        };
        let coded = from(value);
        if coded.is_none() {
            let shown = match value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            self.problem(field, ProblemKind::UnknownCode(shown.chars().take(60).collect()));
        }
        coded
    }

    /// A date and time (`None` when absent or null).
    pub fn time(&mut self, field: &str) -> Option<Timestamp> {
        match self.value(&[field])? {
            (_, Value::String(s)) => {
                let time = parse_time(s);
                if time.is_none() {
                    self.problem(field, ProblemKind::BadDate(s.chars().take(60).collect()));
                }
                time
            }
            _ => {
                self.problem(field, ProblemKind::BadDate(String::new()));
                None
            }
        }
    }

    /// A date and time that must be there.
    pub fn required_time(&mut self, field: &str) -> Option<Timestamp> {
        if self.value(&[field]).is_none() {
            self.problem(field, ProblemKind::Missing);
            return None;
        }
        self.time(field)
    }

    /// A boolean (`None` when absent or null).
    pub fn boolean(&mut self, field: &str) -> Option<bool> {
        match self.value(&[field])? {
            (_, Value::Bool(b)) => Some(*b),
            _ => {
                self.wrong(field, Expected::Boolean);
                None
            }
        }
    }

    /// A list of ids under the first of `names` (numbers, or objects with an `id`); `None` when
    /// absent or null.
    pub fn ids(&mut self, names: &[&str]) -> Option<Vec<i64>> {
        let (name, value) = self.value(names)?;
        let Value::Array(items) = value else {
            self.wrong(name, Expected::List);
            return None;
        };
        let mut ids = Vec::with_capacity(items.len());
        let mut bad = false;
        for item in items {
            let id = match item {
                Value::Object(o) => o.get("id").or_else(|| o.get("display_id")).and_then(whole_number),
                other => whole_number(other),
            };
            match id {
                Some(id) => ids.push(id),
                None => bad = true,
            }
        }
        if bad {
            self.wrong(name, Expected::WholeNumber);
        }
        Some(ids)
    }

    /// An object (`None` when absent or null).
    pub fn object(&mut self, field: &str) -> Option<&'a Map<String, Value>> {
        let object: &'a Map<String, Value> = self.object;
        match object.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::Object(o)) => Some(o),
            Some(_) => {
                self.wrong(field, Expected::Object);
                None
            }
        }
    }

    /// A list of objects (`None` when absent or null).
    pub fn list(&mut self, field: &str) -> Option<&'a [Value]> {
        let object: &'a Map<String, Value> = self.object;
        match object.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::Array(items)) => Some(items),
            Some(_) => {
                self.wrong(field, Expected::List);
                None
            }
        }
    }
}
