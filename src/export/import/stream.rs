//! A Freshservice JSON file read release by release as it is parsed: each element of the
//! `releases` list (or of a bare list) becomes one `serde_json::Value`, is read and checked, and
//! is dropped before the next is parsed. A 100 MB list page is then never held as one parsed
//! tree (the memory stays that of one release plus what was read from it), and freeing it is
//! cheap, because each release's allocations are reused by the next.
//!
//! What is read, and every problem noted, is what [`super::freshservice`] reads from the whole
//! parsed file: releases first, then the agents, groups and departments lists, in that order.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::fields::Problems;
use super::freshservice::{FileContents, PersonKind, read_people, read_release};
use crate::domain::import::{Expected, ImportProblem, ProblemKind};

/// Reads one file from `json`, to its end. On a syntax or read error (trailing characters
/// included) the error is returned and the problems of the releases read before it are taken
/// back: the file is then "not JSON", as a file parsed whole would be, and nothing of it counts.
pub fn read_file<'de, R: serde_json::de::Read<'de>>(
    file: &str,
    mut json: serde_json::Deserializer<R>,
    problems: &mut Problems,
) -> serde_json::Result<FileContents> {
    let before = problems.0.len();
    let mut top = TopLevel { file, problems, out: FileContents::default(), shape: Shape::default() };
    match (&mut top).deserialize(&mut json).and_then(|()| json.end()) {
        Ok(()) => Ok(top.finish()),
        Err(err) => {
            top.problems.0.truncate(before);
            Err(err)
        }
    }
}

/// What the top level of the file held, beside the releases already read.
#[derive(Default)]
struct Shape {
    /// A `releases` list or a bare list was read.
    list: bool,
    /// `releases` was there but not a list.
    list_wrong: bool,
    /// `release`, kept to read after the whole object (a `releases` list wins over it).
    single: Option<Value>,
    /// The people lists, read after the releases.
    people: Vec<(&'static str, PersonKind, Value)>,
}

struct TopLevel<'a> {
    file: &'a str,
    problems: &'a mut Problems,
    out: FileContents,
    shape: Shape,
}

impl TopLevel<'_> {
    fn release(&mut self, value: &Value) {
        if let Some(release) = read_release(self.file, value, self.problems, &mut self.out.people) {
            self.out.releases.push(release);
        }
    }

    /// Reads what waited for the end of the object, and says when the file held nothing to read.
    fn finish(mut self) -> FileContents {
        let mut found = self.shape.list;
        if !self.shape.list {
            match self.shape.single.take() {
                Some(one @ Value::Object(_)) => {
                    found = true;
                    self.release(&one);
                }
                Some(_) => self.wrong_list(),
                None if self.shape.list_wrong => self.wrong_list(),
                None => {}
            }
        }
        for (key, kind, list) in std::mem::take(&mut self.shape.people) {
            found = true;
            read_people(self.file, key, &list, kind, self.problems, &mut self.out.people);
        }
        if !found {
            self.problems.push(ImportProblem::file(self.file, ProblemKind::NoReleases));
        }
        self.out
    }

    fn wrong_list(&mut self) {
        self.problems.push(ImportProblem {
            field: Some("releases".into()),
            ..ImportProblem::file(self.file, ProblemKind::WrongType(Expected::List))
        });
    }
}

impl<'de> DeserializeSeed<'de> for &mut TopLevel<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

/// The top level: a bare list of releases, an object, or anything else (nothing to read).
impl<'de> Visitor<'de> for &mut TopLevel<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Freshservice JSON list page, release or list of releases")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        self.shape.list = true;
        ReleaseList(self).visit_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "releases" => map.next_value_seed(ReleasesField(&mut *self))?,
                "release" => self.shape.single = Some(map.next_value()?),
                "agents" => self.shape.people.push(("agents", PersonKind::Agent, map.next_value()?)),
                "groups" => self.shape.people.push(("groups", PersonKind::Group, map.next_value()?)),
                "departments" => {
                    self.shape.people.push(("departments", PersonKind::Department, map.next_value()?));
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
}

/// The value of `releases`: a list read element by element, or anything else (a problem).
struct ReleasesField<'t, 'a>(&'t mut TopLevel<'a>);

impl<'de> DeserializeSeed<'de> for ReleasesField<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        let top = self.0;
        // Anything but a list is skipped; the problem is noted at the end.
        if deserializer.deserialize_any(ListOrOther(ReleaseList(top)))? {
            top.shape.list = true;
        } else {
            top.shape.list_wrong = true;
        }
        Ok(())
    }
}

/// Reads each element of a list of releases as it is parsed.
struct ReleaseList<'t, 'a>(&'t mut TopLevel<'a>);

impl<'de> ReleaseList<'_, '_> {
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(item) = seq.next_element::<Value>()? {
            self.0.release(&item);
        }
        Ok(())
    }
}

/// A list, read release by release (`true`), or any other value, skipped (`false`; `null`
/// included: the whole-file reader called it present and not a list too).
struct ListOrOther<'t, 'a>(ReleaseList<'t, 'a>);

impl<'de> Visitor<'de> for ListOrOther<'_, '_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of releases")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<bool, A::Error> {
        self.0.visit_seq(seq).map(|()| true)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(false)
    }

    fn visit_bool<E>(self, _: bool) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_i64<E>(self, _: i64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_u64<E>(self, _: u64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_f64<E>(self, _: f64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_str<E>(self, _: &str) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_unit<E>(self) -> Result<bool, E> {
        Ok(false)
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::import::{Expected, ImportProblem, ProblemKind};
    use crate::export::import::read_freshservice_bytes;

    fn kinds(json: &str) -> Vec<ProblemKind> {
        match read_freshservice_bytes("f.json", json.as_bytes()) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.into_iter().map(|p: ImportProblem| p.kind).collect(),
        }
    }

    fn not_json(kinds: &[ProblemKind]) -> bool {
        matches!(kinds, [ProblemKind::NotJson(_)])
    }

    #[test]
    fn a_syntax_error_after_bad_releases_is_the_one_problem_of_the_file() {
        // The first release lacks its subject: noted while streaming, then taken back.
        assert!(not_json(&kinds(r#"{"releases": [{"id": 1}, {"id": 2}"#)));
        assert!(not_json(&kinds(r#"{"releases": [{"id": 1}]} trailing"#)));
        assert!(not_json(&kinds("[] []")));
        // Without the syntax error the release's own problems are what is said.
        let problems = kinds(r#"{"releases": [{"id": 1}]}"#);
        assert!(!problems.is_empty() && !problems.iter().any(|k| matches!(k, ProblemKind::NotJson(_))));
    }

    #[test]
    fn the_shapes_of_a_file_read_as_the_whole_file_reader_read_them() {
        assert_eq!(kinds("42"), vec![ProblemKind::NoReleases]);
        assert_eq!(kinds(r#"{"other": [1, {"a": null}]}"#), vec![ProblemKind::NoReleases]);
        // A `releases` that is not a list (or a `release` that is not an object) is named, and the
        // file still holds nothing to read.
        let wrong = vec![ProblemKind::WrongType(Expected::List), ProblemKind::NoReleases];
        assert_eq!(kinds(r#"{"releases": null}"#), wrong);
        assert_eq!(kinds(r#"{"releases": {"id": 1}}"#), wrong);
        assert_eq!(kinds(r#"{"release": 5}"#), wrong);
        assert_eq!(kinds("[]"), Vec::<ProblemKind>::new());
        assert_eq!(kinds(r#"{"releases": [], "release": 5}"#), Vec::<ProblemKind>::new());
    }

    #[test]
    fn people_lists_are_read_before_or_after_the_releases() {
        for json in [
            r#"{"agents": [{"id": 7, "first_name": "Ji", "last_name": "Kim"}], "releases": []}"#,
            r#"{"releases": [], "agents": [{"id": 7, "first_name": "Ji", "last_name": "Kim"}]}"#,
        ] {
            let batch = read_freshservice_bytes("f.json", json.as_bytes()).expect("a valid file");
            assert_eq!(batch.people.agents.len(), 1, "{json}");
            assert_eq!(batch.people.agents[0].name, "Ji Kim");
        }
    }
}
