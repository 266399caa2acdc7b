//! Korean and English text: Fluent catalogues (`assets/i18n/{en,ko}/<area>.ftl`) and the current
//! language (per thread, so the window, the CLI and parallel tests each keep their own). The names
//! of the domain's coded values are in `labels.rs`, errors as sentences in `errors.rs`, dates,
//! durations and KPI values in each language's own style in `format.rs`, commands in `commands.rs`.
//!
//! Fluent (via `fluent-bundle`) was chosen over `rust-i18n` because its messages name their
//! arguments (`{ $count }`), which lets a test check that both catalogues take the same ones, and
//! because the catalogues stay plain text files a translator can edit.

mod activity;
mod cab;
mod commands;
mod errors;
mod format;
mod import;
mod labels;
mod meeting;
mod monitoring;
mod regulator;
mod schedule;
mod team;

pub use activity::{activity_cells, activity_field, activity_kind, activity_value};
pub use cab::*;
pub use commands::{command_label, id_list, summary_label};
pub use errors::*;
pub use format::*;
pub use import::{import_problem, import_problem_line};
pub use labels::*;
pub use meeting::*;
pub use monitoring::*;
pub use regulator::*;
pub use schedule::*;
pub use team::*;

use std::cell::Cell;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::domain::Language;

/// The catalogues, split by area so that features written side by side do not all edit one file:
/// `assets/i18n/en/<area>.ftl` and `assets/i18n/ko/<area>.ftl`, every area in both languages, all
/// loaded into one bundle per language. A new area is a file in each language and a name here.
macro_rules! catalogues {
    ($($area:literal),* $(,)?) => {
        /// The English catalogue: (area, Fluent source) for each file of `assets/i18n/en/`.
        pub const EN_FTL: &[(&str, &str)] =
            &[$(($area, include_str!(concat!("../../assets/i18n/en/", $area, ".ftl")))),*];
        /// The Korean catalogue: (area, Fluent source) for each file of `assets/i18n/ko/`.
        pub const KO_FTL: &[(&str, &str)] =
            &[$(($area, include_str!(concat!("../../assets/i18n/ko/", $area, ".ftl")))),*];
    };
}
catalogues!(
    "release",
    "list",
    "window",
    "release-page",
    "activity",
    "lifecycle",
    "dashboard",
    "commands",
    "errors",
    "durability",
    "cli",
    "cli-help",
    "backout",
    "impact",
    "review",
    "schedule",
    "import",
    "template",
    "pack",
    "cab",
    "monitoring",
    "meeting",
    "regulator",
    "team",
);
/// The bundled Korean-capable font (NanumGothic, SIL OFL 1.1; licence in `assets/fonts/`), used by
/// the window and by the chart exporter.
pub const NANUM_GOTHIC: &[u8] = include_bytes!("../../assets/fonts/NanumGothic.ttf");

thread_local! {
    static CURRENT: Cell<Language> = const { Cell::new(Language::En) };
}

/// Sets the language of this thread's text.
pub fn set_language(language: Language) {
    CURRENT.with(|c| c.set(language));
}

/// The language of this thread's text.
pub fn language() -> Language {
    CURRENT.with(Cell::get)
}

/// The language for this machine's locale (first run, and the CLI without `--lang`).
pub fn system_language() -> Language {
    sys_locale::get_locale().map_or(Language::En, |l| Language::from_locale(&l))
}

type Bundle = FluentBundle<FluentResource>;

fn build(lang: &str, areas: &[(&str, &'static str)]) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks: egui would draw them as boxes.
    bundle.set_use_isolating(false);
    for (_area, source) in areas {
        let resource = match FluentResource::try_new((*source).to_owned()) {
            Ok(resource) => resource,
            // A catalogue with a syntax error still serves every message that parsed; the
            // catalogue test fails on the error itself.
            Err((resource, _errors)) => resource,
        };
        // The only error is a key already defined by an earlier file (the first one is kept);
        // the catalogue test fails on a key defined in two files.
        let _ = bundle.add_resource(resource);
    }
    bundle
}

fn bundle(language: Language) -> &'static Bundle {
    static EN: OnceLock<Bundle> = OnceLock::new();
    static KO: OnceLock<Bundle> = OnceLock::new();
    match language {
        Language::En => EN.get_or_init(|| build("en", EN_FTL)),
        Language::Ko => KO.get_or_init(|| build("ko", KO_FTL)),
    }
}

fn message(language: Language, key: &str, args: Option<&FluentArgs<'_>>) -> String {
    let bundle = bundle(language);
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        // Falls back to English, then to the key itself, so a gap is visible but harmless.
        if language != Language::En {
            return message(Language::En, key, args);
        }
        return key.to_owned();
    };
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, args, &mut errors).into_owned()
}

/// The text of `key` in the current language.
pub fn tr(key: &str) -> String {
    message(language(), key, None)
}

/// The text of `key` in `language`.
pub fn tr_in(language: Language, key: &str) -> String {
    message(language, key, None)
}

/// The text of `key` in `language`, with named arguments.
pub fn tr_args_in(language: Language, key: &str, args: &[(&str, Arg)]) -> String {
    message(language, key, Some(&fluent_args(args)))
}

fn fluent_args<'a>(args: &'a [(&'a str, Arg)]) -> FluentArgs<'a> {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Num(n) => fluent.set(*name, FluentValue::from(*n)),
            Arg::Text(t) => fluent.set(*name, FluentValue::from(t.clone())),
        }
    }
    fluent
}

/// The text of `key` with named arguments, e.g. `tr_args("rows-shown", &[("shown", 3.into()), ...])`.
pub fn tr_args(key: &str, args: &[(&str, Arg)]) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Num(n) => fluent.set(*name, FluentValue::from(*n)),
            Arg::Text(t) => fluent.set(*name, FluentValue::from(t.clone())),
        }
    }
    message(language(), key, Some(&fluent))
}

/// A message argument.
#[derive(Clone, Debug)]
pub enum Arg {
    Num(f64),
    Text(String),
}

/// Above this a number is passed as text: a float would print it rounded (ids above 2^53).
const EXACT_IN_FLOAT: u64 = 1 << 53;

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        if n as u64 > EXACT_IN_FLOAT { Self::Text(n.to_string()) } else { Self::Num(n as f64) }
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Self::Num(f64::from(n))
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        if n.unsigned_abs() > EXACT_IN_FLOAT { Self::Text(n.to_string()) } else { Self::Num(n as f64) }
    }
}

impl From<f64> for Arg {
    fn from(n: f64) -> Self {
        Self::Num(n)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Self::Text(s.to_owned())
    }
}

/// A typed id is shown as its number.
macro_rules! id_arg {
    ($($id:ident),+) => {$(
        impl From<crate::domain::$id> for Arg {
            fn from(id: crate::domain::$id) -> Self {
                Self::from(id.0)
            }
        }
    )+};
}

id_arg!(
    ActivityId,
    AgentId,
    CabId,
    ChangeId,
    ConfigItemId,
    DepartmentId,
    GroupId,
    NoteId,
    SavedViewId,
    StageEntryId,
    TaskId,
    TimeEntryId
);

/// A release's number (`12`), or `new-3` for one made in a team's file whose push has not given
/// it the team's number yet (its provisional number is below zero).
impl From<crate::domain::ReleaseId> for Arg {
    fn from(id: crate::domain::ReleaseId) -> Self {
        if id.0 < 0 { Self::Text(release_number_text(id)) } else { Self::from(id.0) }
    }
}

/// A release's number without the `#`: `12`, or `new-3` / `신규-3` while it is provisional.
pub fn release_number_text(id: crate::domain::ReleaseId) -> String {
    if id.0 < 0 { tr_args("release-new-number", &[("n", Arg::from(-id.0))]) } else { id.0.to_string() }
}

/// A release's number as the window shows it: `#12`, or `#new-3` / `#신규-3` while provisional.
pub fn release_number(id: crate::domain::ReleaseId) -> String {
    format!("#{}", release_number_text(id))
}

/// Reads a release's number as a person types it: `12` or `#12`, and a provisional one as shown
/// in either language (`new-3`, `#신규-3`).
pub fn parse_release_number(text: &str) -> Option<crate::domain::ReleaseId> {
    let text = text.trim().trim_start_matches('#');
    if let Ok(id) = text.parse::<i64>() {
        return (id >= 0).then_some(crate::domain::ReleaseId(id));
    }
    let n = ["new-", "신규-"].iter().find_map(|word| text.strip_prefix(word))?.parse::<i64>().ok()?;
    (n > 0).then_some(crate::domain::ReleaseId(-n))
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Self::Text(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_provisional_release_number_reads_back_in_either_language() {
        use crate::domain::ReleaseId;
        for language in [Language::En, Language::Ko] {
            set_language(language);
            for id in [ReleaseId(12), ReleaseId(-3)] {
                assert_eq!(parse_release_number(&release_number(id)), Some(id), "{language:?}");
            }
        }
        assert_eq!(parse_release_number("신규-2"), Some(ReleaseId(-2)));
        assert_eq!(parse_release_number("-2"), None, "typed as a number it is not a release's");
        assert_eq!(parse_release_number("new-0"), None);
    }

    #[test]
    fn language_is_per_thread() {
        set_language(Language::Ko);
        assert_eq!(tr("view-trash"), "휴지통");
        let other = std::thread::Builder::new()
            .name("another-language".into())
            .spawn(|| tr("view-trash"))
            .expect("spawn")
            .join()
            .expect("thread");
        assert_eq!(other, "Trash");
        set_language(Language::En);
        assert_eq!(tr("view-trash"), "Trash");
        assert_eq!(tr_in(Language::Ko, "view-emergency"), "긴급 릴리스");
    }
}
