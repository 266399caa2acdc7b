//! The page's sections and the in-page tabs they sit in: [`SECTIONS`] lists every section in page
//! order with its tab, so a new section is its own file, its `mod` line and one line here.
//!
//! A section is either [`Draw::Own`], with its state in [`Sections`] and its own collapsing header
//! (its title may carry a count: "Tasks (3)"), or [`Draw::Plain`], a plain function of the release
//! and the model that pushes commands into a list (its state, if any, in egui memory:
//! [`super::lifecycle_widgets::load_state`]); the page draws a plain one under a collapsing header
//! titled by its key, and its commands go to the window's outbox tagged `Origin::Section(key)`, so
//! a refusal is shown on the page.

use super::backout::backout_ui;
use super::impact::impact_ui;
use super::reuse::reuse_ui;
use super::review::review_ui;
use super::{
    activity, lifecycle_ui, links_ui, monitoring, notes, plans, readiness_ui, risks_ui, strategy_ui, tasks,
    time,
};
use crate::domain::{Release, Timestamp};
use crate::i18n::tr;
use crate::model::{Command, Model};
use crate::ui::outbox::{Origin, Outbox, Sender};

/// The page's tabs, in order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PageTab {
    #[default]
    Overview,
    Plans,
    Work,
    Lifecycle,
    Risks,
    Activity,
}

impl PageTab {
    pub const ALL: [Self; 6] =
        [Self::Overview, Self::Plans, Self::Work, Self::Lifecycle, Self::Risks, Self::Activity];

    /// The i18n key of its name on the tab strip.
    pub fn title_key(self) -> &'static str {
        match self {
            Self::Overview => "page-tab-overview",
            Self::Plans => "page-tab-plans",
            Self::Work => "page-tab-work",
            Self::Lifecycle => "page-tab-lifecycle",
            Self::Risks => "page-tab-risks",
            Self::Activity => "page-tab-activity",
        }
    }
}

/// A plain section: `*_ui(ui, release, model, commands)`.
pub type SectionUi = fn(&mut egui::Ui, &Release, &Model, &mut Vec<Command>);

/// A section with its state in [`Sections`]; it draws its own header.
pub type OwnSectionUi = fn(&mut egui::Ui, &mut Sections, &mut SectionContext<'_>);

/// How a section draws.
#[derive(Clone, Copy)]
pub enum Draw {
    Own(OwnSectionUi),
    Plain(SectionUi),
}

/// One section of the page.
#[derive(Clone, Copy)]
pub struct PageSection {
    /// The tab it is on.
    pub tab: PageTab,
    /// The i18n key of its title; a plain section's commands are tagged `Origin::Section(key)`.
    pub key: &'static str,
    pub draw: Draw,
}

const fn own(tab: PageTab, key: &'static str, draw: OwnSectionUi) -> PageSection {
    PageSection { tab, key, draw: Draw::Own(draw) }
}

const fn plain(tab: PageTab, key: &'static str, draw: SectionUi) -> PageSection {
    PageSection { tab, key, draw: Draw::Plain(draw) }
}

/// Every section, in page order (the Overview tab's description comes first, drawn by the page).
pub const SECTIONS: &[PageSection] = &[
    plain(PageTab::Overview, "section-links", links_ui),
    plain(PageTab::Overview, "section-reuse", reuse_ui),
    own(PageTab::Plans, "section-plans", |ui, s, cx| plans::plans_ui(ui, &mut s.plans, cx)),
    plain(PageTab::Plans, "section-backout", backout_ui),
    plain(PageTab::Plans, "section-strategy", strategy_ui),
    own(PageTab::Work, "section-tasks", |ui, s, cx| tasks::tasks_ui(ui, &mut s.tasks, cx)),
    own(PageTab::Work, "section-time", |ui, s, cx| time::time_ui(ui, &mut s.time, cx)),
    own(PageTab::Work, "section-notes", |ui, s, cx| notes::notes_ui(ui, &mut s.notes, cx)),
    plain(PageTab::Lifecycle, "section-lifecycle", lifecycle_ui),
    // After the lifecycle: its gate line opens this section's Record approval dialog.
    own(PageTab::Lifecycle, super::regulator::KEY, |ui, s, cx| {
        super::regulator::regulator_ui(ui, &mut s.regulator, cx);
    }),
    own(PageTab::Lifecycle, "section-monitoring", |ui, s, cx| {
        monitoring::monitoring_ui(ui, &mut s.monitoring, cx);
    }),
    plain(PageTab::Lifecycle, "section-readiness", readiness_ui),
    plain(PageTab::Lifecycle, "section-review", review_ui),
    plain(PageTab::Risks, "section-risks", risks_ui),
    plain(PageTab::Risks, "section-impact", impact_ui),
    own(PageTab::Activity, "section-activity", |ui, s, cx| activity::activity_ui(ui, &mut s.activity, cx)),
];

/// The plain sections, in page order (the kittests draw them on their own).
pub fn plain_sections() -> impl Iterator<Item = (&'static str, SectionUi)> {
    SECTIONS.iter().filter_map(|s| match s.draw {
        Draw::Plain(ui) => Some((s.key, ui)),
        Draw::Own(_) => None,
    })
}

/// The tab a section is on (`None` for an unknown key).
pub fn tab_of(key: &str) -> Option<PageTab> {
    SECTIONS.iter().find(|s| s.key == key).map(|s| s.tab)
}

/// The state of the sections that keep one (what is being typed, which editor is open).
#[derive(Default)]
pub struct Sections {
    pub plans: plans::PlansSection,
    pub tasks: tasks::TasksSection,
    pub time: time::TimeSection,
    pub notes: notes::NotesSection,
    pub activity: activity::ActivitySection,
    pub monitoring: monitoring::MonitoringSection,
    pub regulator: super::regulator::RegulatorSection,
}

/// What every section of the page gets to draw itself and give commands.
pub struct SectionContext<'a> {
    pub model: &'a Model,
    pub release: &'a Release,
    /// "Now" from the model's clock.
    pub now: Timestamp,
    /// The key of a section to expand this frame (one of its dialogs was opened from the header).
    pub reveal: Option<&'static str>,
    /// The key of a section to show and expand on the next frame (a section opened another's
    /// dialog: the monitoring section's "Roll back…" opens the lifecycle's Rollback dialog).
    pub reveal_next: Option<&'static str>,
    pub(super) outbox: &'a mut Outbox,
}

impl SectionContext<'_> {
    /// Queues `command` in the window's outbox; its result comes back to `origin` on this page.
    pub fn push(&mut self, origin: Origin, command: Command) {
        self.outbox.push(Sender::Page(self.release.id, origin), command);
    }
}

/// The sections of `tab`, top to bottom.
pub(super) fn sections_ui(ui: &mut egui::Ui, tab: PageTab, s: &mut Sections, cx: &mut SectionContext<'_>) {
    for section in SECTIONS.iter().filter(|s| s.tab == tab) {
        let top = ui.cursor().min.y;
        match section.draw {
            Draw::Own(draw) => draw(ui, s, cx),
            Draw::Plain(draw) => plain_section_ui(ui, cx, section.key, draw),
        }
        // A section that is not shown for this release (monitoring before deploy, regulator
        // approvals a release does not need) leaves no gap.
        if ui.cursor().min.y > top {
            ui.add_space(4.0);
        }
    }
}

/// A plain section under a collapsing header titled by `key`.
fn plain_section_ui(ui: &mut egui::Ui, cx: &mut SectionContext<'_>, key: &'static str, draw: SectionUi) {
    // A section the page asked to show (it opened one of the section's dialogs) is expanded.
    let reveal = (cx.reveal == Some(key)).then_some(true);
    egui::CollapsingHeader::new(egui::RichText::new(tr(key)).strong())
        .id_salt(key)
        .default_open(true)
        .open(reveal)
        .show(ui, |ui| {
            let mut commands = Vec::new();
            draw(ui, cx.release, cx.model, &mut commands);
            for command in commands {
                cx.push(Origin::Section(key), command);
            }
        });
}
