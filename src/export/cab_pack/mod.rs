//! The CAB pack: one PDF for a CAB meeting, in the language asked for, with the bundled Korean
//! font embedded. Its sections, in order, each in its own file: the cover (`cover.rs`: meeting,
//! time, attendees, rule, chair), the KPIs against their targets (`kpis.rs`), outcomes since the
//! last CAB (`outcomes.rs`), one page per release for decision (`release.rs`, the "7 R's"), the
//! forward schedule of four weeks with freezes and conflicts (`schedule.rs`), emergency releases
//! (`emergency.rs`) and decisions and actions (`decisions.rs`: blank lines before the meeting,
//! what was decided after it).
//!
//! The meeting is given as a [`PackMeeting`]; [`pack_meeting`] (`meeting.rs`) makes one from a
//! stored CAB meeting.
//!
//! [`lay_out`] reads the model and lays the pages out (quick: it runs where the model is);
//! [`PackLayout::finish`] makes the PDF (the slow part: it can run on another thread).

mod cover;
mod decisions;
mod emergency;
mod kpis;
mod meeting;
mod outcomes;
mod release;
mod schedule;

use std::path::Path;

pub use meeting::pack_meeting;

use chrono::{Local, NaiveDate};

use super::pdf::{PdfError, PdfSettings, PdfWriter};
use crate::domain::{AgentId, Language, ReleaseId, Timestamp};
use crate::i18n::{self, tr, tr_args};
use crate::model::Model;

/// How a CAB's members' votes decide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PackRule {
    Any,
    All,
    Majority,
}

/// Something to do after the meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackAction {
    pub text: String,
    pub owner: Option<AgentId>,
    pub due: Option<NaiveDate>,
}

/// What the meeting decided about one release.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PackOutcome {
    Approved,
    Rejected,
    Deferred,
}

/// The decision on one agenda item, once the meeting took it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackDecision {
    pub release: ReleaseId,
    pub outcome: Option<PackOutcome>,
    pub comment: String,
    pub actions: Vec<PackAction>,
}

/// The meeting a pack is for, and its agenda.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackMeeting {
    /// The CAB's name.
    pub cab_name: String,
    /// An emergency CAB (ECAB).
    pub emergency_cab: bool,
    pub start: Timestamp,
    pub duration_minutes: u32,
    pub attendees: Vec<AgentId>,
    pub chair: Option<AgentId>,
    pub rule: Option<PackRule>,
    /// When the CAB last met: outcomes and emergency releases are those since then.
    pub since: Timestamp,
    /// Releases for decision, emergency releases since the last meeting, releases closed since.
    pub for_decision: Vec<ReleaseId>,
    pub emergency: Vec<ReleaseId>,
    pub closed: Vec<ReleaseId>,
    /// Empty before the meeting.
    pub decisions: Vec<PackDecision>,
    pub minutes: String,
}

/// A part of the pack and the pages it took.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackSection {
    Cover,
    Kpis,
    Outcomes,
    Release(ReleaseId),
    /// The page that says no release awaits a decision.
    NoRelease,
    Schedule,
    Emergency,
    Decisions,
}

/// The pack laid out: its pages, and which section took how many.
pub struct PackLayout {
    writer: PdfWriter,
    pub sections: Vec<(PackSection, usize)>,
}

impl PackLayout {
    /// How many pages the pack has.
    pub fn pages(&self) -> usize {
        self.sections.iter().map(|(_, n)| n).sum()
    }

    /// The PDF.
    pub fn finish(self) -> Result<Vec<u8>, PdfError> {
        self.writer.finish()
    }
}

/// What the sections read: the model, the meeting, the language, the zone times are shown in.
pub(super) struct PackContext<'a> {
    pub model: &'a Model,
    pub meeting: &'a PackMeeting,
    pub language: Language,
}

impl PackContext<'_> {
    /// `#12`.
    fn id(id: ReleaseId) -> String {
        i18n::release_number(id)
    }

    /// A date and time in local time.
    fn when(&self, t: Timestamp) -> String {
        i18n::format_datetime_in(self.language, &t.with_timezone(&Local))
    }

    /// A compact date and time for table cells.
    fn short(&self, t: Timestamp) -> String {
        i18n::datetime_short(t)
    }

    fn day(&self, t: Timestamp) -> String {
        i18n::format_date_in(self.language, &t.with_timezone(&Local))
    }

    fn agent(&self, id: Option<AgentId>) -> String {
        let name = self.model.directory().agent_name(id);
        if name.is_empty() { tr("pack-nobody") } else { name.to_owned() }
    }

    /// The releases of `ids` that exist (a release purged since stays off the pack).
    fn releases<'m>(&'m self, ids: &[ReleaseId]) -> Vec<&'m crate::domain::Release> {
        ids.iter().filter_map(|id| self.model.release(*id)).collect()
    }
}

/// The pack's file name: `cab-pack-2026-12-08.pdf`.
pub fn default_file_name(meeting: &PackMeeting) -> String {
    format!("cab-pack-{}.pdf", meeting.start.with_timezone(&Local).format("%Y-%m-%d"))
}

/// Runs `f` with the thread's language set to `language` (the labels read it), then puts the
/// thread's own language back.
fn in_language<T>(language: Language, f: impl FnOnce() -> T) -> T {
    let before = i18n::language();
    i18n::set_language(language);
    let out = f();
    i18n::set_language(before);
    out
}

/// Lays the pack for `meeting` out in `language`.
pub fn lay_out(model: &Model, meeting: &PackMeeting, language: Language) -> Result<PackLayout, PdfError> {
    in_language(language, || {
        let title = tr_args("pack-title-of", &[("cab", meeting.cab_name.as_str().into())]);
        let when = i18n::format_datetime_in(language, &meeting.start.with_timezone(&Local));
        let settings =
            PdfSettings {
                title: format!("{title} · {when}"), footer: format!("{title} · {when}"), language
            };
        let mut writer = PdfWriter::new(settings)?;
        let cx = PackContext { model, meeting, language };
        let mut sections = Vec::new();
        let mut section = |writer: &mut PdfWriter,
                           which: PackSection,
                           draw: &dyn Fn(&mut PdfWriter, &PackContext<'_>) -> Result<(), PdfError>|
         -> Result<(), PdfError> {
            let before = writer.page_count();
            writer.page_break();
            draw(writer, &cx)?;
            sections.push((which, writer.page_count() - before));
            Ok(())
        };
        section(&mut writer, PackSection::Cover, &cover::cover)?;
        section(&mut writer, PackSection::Kpis, &kpis::kpis)?;
        section(&mut writer, PackSection::Outcomes, &outcomes::outcomes)?;
        let for_decision: Vec<ReleaseId> =
            meeting.for_decision.iter().copied().filter(|id| model.release(*id).is_some()).collect();
        for (index, id) in for_decision.iter().enumerate() {
            let draw =
                |w: &mut PdfWriter, cx: &PackContext<'_>| release::release_page(w, cx, *id, index == 0);
            section(&mut writer, PackSection::Release(*id), &draw)?;
        }
        if for_decision.is_empty() {
            section(&mut writer, PackSection::NoRelease, &release::no_release_page)?;
        }
        section(&mut writer, PackSection::Schedule, &schedule::forward_schedule)?;
        section(&mut writer, PackSection::Emergency, &emergency::emergency)?;
        section(&mut writer, PackSection::Decisions, &decisions::decisions)?;
        Ok(PackLayout { writer, sections })
    })
}

/// Why a pack could not be written.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    #[error(transparent)]
    Pdf(#[from] PdfError),
    #[error("could not write {path}: {source}")]
    Io { path: std::path::PathBuf, source: std::io::Error },
}

/// Why a pack could not be written, in `language`.
pub fn error_in(language: Language, err: &PackError) -> String {
    match err {
        PackError::Pdf(err) => super::pdf::error_in(language, err),
        PackError::Io { path, source } => i18n::tr_args_in(
            language,
            "pack-error-write",
            &[
                ("path", path.display().to_string().into()),
                ("reason", i18n::io_reason_in(language, source).into()),
            ],
        ),
    }
}

/// Makes the PDF of `layout` and writes it to `path` whole (an existing file is replaced only
/// once the new one is complete); returns the file's size.
pub fn write_file(layout: PackLayout, path: &Path) -> Result<usize, PackError> {
    let bytes = layout.finish()?;
    super::file::write_whole(path, &bytes)
        .map_err(|source| PackError::Io { path: path.to_owned(), source })?;
    Ok(bytes.len())
}
