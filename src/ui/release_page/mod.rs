//! A release opened as a page (double-click or Enter on a row), shown in its own tab beside the
//! Releases list: the header (id, chips, subject edited in place, Delete and Mark completed), the
//! properties panel on the right, and in-page tabs (Overview, Plans, Work, Lifecycle, Risks,
//! Activity) holding the description and the sections ([`sections::SECTIONS`]).
//!
//! One file per part: `header`, `properties`, `overview` (the description), `unsaved` (what closing
//! the page would lose), `sections` (the section list, the tabs, the context sections draw from),
//! then one file per section.
//!
//! The page never changes the model: it pushes commands straight into the window's one outbox,
//! tagged `Sender::Page(id, origin)`; the app applies them and hands each result back through
//! [`ReleasePage::on_result`] to the part that gave it.
//!
//! Edit buffers follow the model. Whenever the model's revision moves (an undo or redo from the
//! keyboard or the Edit menu, a command from another tab), every buffer of the page that holds no
//! unsaved edits is refilled from the model: subject, category, description, the planned window
//! draft, an open plan editor, a note, task or time entry being edited. A buffer with unsaved edits
//! is kept as typed and still offers Save / Revert (its "unsaved" state is now measured against the
//! new stored value); if the note, task or time entry it edits is gone, its text moves to a new
//! note / new task / "Add time" form instead of being dropped. Undo and redo never run while a
//! dialog is open, and a text field being typed in has its own undo, so the buffer the user is
//! typing in is never replaced.

mod activity;
pub mod backout;
pub mod cab_votes;
mod header;
pub mod impact;
mod imported;
pub mod lifecycle;
pub mod lifecycle_widgets;
pub mod links;
mod monitoring;
mod monitoring_chart;
mod notes;
mod overview;
mod plans;
mod properties;
pub mod readiness;
pub mod regulator;
pub mod reuse;
pub mod review;
pub mod risks;
pub mod sections;
pub mod strategy;
mod tasks;
mod time;
mod unsaved;

pub use lifecycle::lifecycle_ui;
pub use links::links_ui;
pub use readiness::readiness_ui;
pub use risks::risks_ui;
pub use sections::{PageTab, SectionContext, SectionUi, Sections, plain_sections};
pub use strategy::strategy_ui;
pub use unsaved::{PageStash, UnsavedPart};

pub use crate::ui::outbox::Origin;

use egui::Color32;

use crate::domain::{PlannedWindow, Release, ReleaseId};
use crate::i18n::tr;
use crate::model::{Command, Model, ReleaseCommand, ReleaseEdit};
use crate::ui::outbox::{Outbox, Sender};

/// What the user asked the app to do with the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageAction {
    Close,
}

/// The red used for problems the user must fix.
pub const ERROR_RED: Color32 = Color32::from_rgb(0xd0, 0x40, 0x40);

/// One open release page.
pub struct ReleasePage {
    id: ReleaseId,
    /// Drafts of fields being edited in place; `None` shows the stored value.
    subject: Option<String>,
    description: Option<String>,
    category: Option<String>,
    planned: Option<PlannedWindow>,
    /// The model revision the buffers last followed.
    seen_revision: Option<u64>,
    confirm_trash: bool,
    /// A section to expand on the next draw of the sections.
    reveal: Option<&'static str>,
    /// Why the last command from the header, properties or description failed.
    error: Option<String>,
    /// The in-page tab shown.
    pub tab: PageTab,
    pub sections: Sections,
}

impl ReleasePage {
    /// The page's release got the team's number `to` (it was made here under a provisional
    /// one): the page, its drafts kept, shows it under that.
    pub fn renumber(&mut self, from: ReleaseId, to: ReleaseId) {
        if self.id == from {
            self.id = to;
        }
    }

    pub fn new(id: ReleaseId) -> Self {
        Self {
            id,
            subject: None,
            description: None,
            category: None,
            planned: None,
            seen_revision: None,
            confirm_trash: false,
            reveal: None,
            error: None,
            tab: PageTab::default(),
            sections: Sections::default(),
        }
    }

    pub fn release_id(&self) -> ReleaseId {
        self.id
    }

    /// True while a modal of the page (a plan editor) is open.
    pub fn has_modal(&self) -> bool {
        self.sections.plans.is_open() || self.sections.regulator.is_open()
    }

    /// Shows the tab of the section `key` and expands it (a dialog of it was opened from elsewhere).
    pub fn reveal(&mut self, key: &'static str) {
        if let Some(tab) = sections::tab_of(key) {
            self.tab = tab;
        }
        self.reveal = Some(key);
    }

    /// Saves the fields that save when the user leaves them (the subject and the category being
    /// typed), as leaving them would: the page is about to close. An invalid subject is kept, and
    /// stays unsaved.
    pub fn leave_fields(&mut self, model: &Model, outbox: &mut Outbox) {
        let Some(release) = model.release(self.id) else { return };
        if let Some(subject) = &self.subject
            && crate::domain::release::validate_subject(subject).is_ok()
            && subject.trim() != release.subject
        {
            let edit = ReleaseEdit::Subject(subject.trim().to_owned());
            self.edit(outbox, Origin::Header, vec![edit]);
        }
        if let Some(category) = &self.category {
            let value = Some(category.trim().to_owned()).filter(|c| !c.is_empty());
            if value != release.category {
                self.edit(outbox, Origin::Properties, vec![ReleaseEdit::Category(value)]);
            }
        }
    }

    /// Hands the result of a command back to the part of the page that gave it.
    pub fn on_result(&mut self, origin: Origin, result: Result<(), String>) {
        match origin {
            // Each clears only its own draft: a saved subject must not drop a planned window
            // being drafted. A saved planned window is cleared by `follow` (it equals the stored).
            Origin::Header => {
                if result.is_ok() {
                    self.subject = None;
                }
                self.error = result.err();
            }
            Origin::Properties => {
                if result.is_ok() {
                    self.category = None;
                }
                self.error = result.err();
            }
            Origin::Description => {
                if result.is_ok() {
                    self.description = None;
                }
                self.error = result.err();
            }
            Origin::Plans => self.sections.plans.on_result(result),
            Origin::Notes => self.sections.notes.on_result(result),
            Origin::Tasks => self.sections.tasks.on_result(result),
            Origin::Time => self.sections.time.on_result(result),
            Origin::Monitoring => self.sections.monitoring.on_result(result),
            Origin::Regulator => self.sections.regulator.on_result(result),
            Origin::Section(_) => self.error = result.err(),
        }
    }

    /// Refills the buffers with no unsaved edits from the model (see the module docs).
    fn follow(&mut self, release: &Release, model: &Model) {
        if self.subject.as_deref() == Some(release.subject.as_str()) {
            self.subject = None;
        }
        if self.description.as_deref() == Some(release.description.as_str()) {
            self.description = None;
        }
        if self.planned == Some(release.planned) {
            self.planned = None;
        }
        self.sections.plans.follow(release, model);
        self.sections.tasks.follow(model, model.now());
        self.sections.notes.follow(model);
        self.sections.time.follow(model);
    }

    fn edit(&self, outbox: &mut Outbox, origin: Origin, edits: Vec<ReleaseEdit>) {
        let command = Command::Release(ReleaseCommand::Edit { id: self.id, edits });
        outbox.push(Sender::Page(self.id, origin), command);
    }

    /// The tab's title: `#12 subject`, shortened.
    pub fn tab_title(&self, model: &Model) -> String {
        let subject = model.release(self.id).map_or("", |r| r.subject.as_str());
        let mut short: String = subject.chars().take(24).collect();
        if subject.chars().count() > 24 {
            short.push('…');
        }
        format!("{} {short}", crate::i18n::release_number(self.id))
    }

    /// The whole page; its commands go into `outbox`.
    pub fn page_ui(&mut self, ui: &mut egui::Ui, model: &Model, outbox: &mut Outbox) -> Option<PageAction> {
        let Some(release) = model.release(self.id) else {
            ui.vertical_centered(|ui| {
                ui.add_space(40.0);
                ui.heading(tr("page-release-gone"));
            });
            return Some(PageAction::Close).filter(|_| ui.button(tr("action-close")).clicked());
        };
        if self.seen_revision != Some(model.revision()) {
            self.seen_revision = Some(model.revision());
            self.follow(release, model);
        }
        let mut action = None;
        if self.header_ui(ui, release, model, outbox) {
            action = Some(PageAction::Close);
        }
        egui::Panel::right(("release_page_properties", self.id.0))
            .resizable(true)
            .default_size(330.0)
            .min_size(280.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().id_salt("properties_scroll").show(ui, |ui| {
                    self.properties_ui(ui, release, model, outbox);
                });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            self.tab_strip_ui(ui);
            ui.separator();
            let tab = self.tab;
            let scroll = egui::ScrollArea::vertical().id_salt(("page_scroll", tab.title_key()));
            scroll.auto_shrink([false, false]).show(ui, |ui| {
                if tab == PageTab::Overview {
                    self.description_ui(ui, release, outbox);
                    ui.add_space(8.0);
                }
                let Self { sections, reveal, .. } = self;
                let reveal = reveal.take();
                let mut cx =
                    SectionContext { model, release, now: model.now(), reveal, reveal_next: None, outbox };
                sections::sections_ui(ui, tab, sections, &mut cx);
                if let Some(key) = cx.reveal_next {
                    self.reveal(key);
                }
            });
        });
        action
    }

    /// The in-page tabs.
    fn tab_strip_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            for tab in PageTab::ALL {
                let text = egui::RichText::new(tr(tab.title_key())).strong();
                if ui.selectable_label(self.tab == tab, text).clicked() {
                    self.tab = tab;
                }
            }
        });
    }
}
