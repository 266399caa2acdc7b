//! The tab strip: "Releases" first, then one tab per release open as a page.

use super::ReleaseDeskApp;
use crate::domain::ReleaseId;
use crate::i18n::{tr, tr_args};
use crate::ui::command::{AppCommand, command_hint};
use crate::ui::release_page::ReleasePage;

/// The releases open as pages and which tab is shown.
#[derive(Default)]
pub(super) struct Tabs {
    /// Releases open as pages, one tab each.
    pub(super) pages: Vec<ReleasePage>,
    /// The tab shown: an index into `pages`, or `None` for the Releases list.
    pub(super) active: Option<usize>,
}

impl Tabs {
    /// The release whose page is shown, if a page tab is active.
    pub(super) fn active_id(&self) -> Option<ReleaseId> {
        self.active.and_then(|i| self.pages.get(i)).map(ReleasePage::release_id)
    }
}

impl ReleaseDeskApp {
    /// The tab strip: "Releases", then one tab per open page with a close button.
    pub(super) fn tabs_ui(&mut self, ui: &mut egui::Ui) {
        let Some(model) = &self.session.model else { return };
        let mut close = None;
        ui.horizontal_wrapped(|ui| {
            if ui.selectable_label(self.tabs.active.is_none(), tr("tab-releases")).clicked() {
                self.tabs.active = None;
            }
            for (index, page) in self.tabs.pages.iter().enumerate() {
                ui.separator();
                let title = page.tab_title(model);
                if ui.selectable_label(self.tabs.active == Some(index), title).clicked() {
                    self.tabs.active = Some(index);
                }
                let keys = command_hint(ui.ctx(), AppCommand::CloseTab);
                if ui
                    .small_button("✖")
                    .on_hover_text(tr_args("tab-close", &[("keys", keys.into())]))
                    .clicked()
                {
                    close = Some(index);
                }
            }
        });
        if let Some(index) = close {
            self.request_close_page(index);
        }
    }

    /// Opens a release as a page (or shows its tab if it is open already).
    pub fn open_page(&mut self, id: ReleaseId) {
        if self.session.model.as_ref().and_then(|m| m.release(id)).is_none() {
            return;
        }
        let index = match self.tabs.pages.iter().position(|p| p.release_id() == id) {
            Some(index) => index,
            None => {
                self.tabs.pages.push(ReleasePage::new(id));
                self.tabs.pages.len() - 1
            }
        };
        self.tabs.active = Some(index);
    }

    /// Closes the page at `index`; the tab before it (or the list) is shown if it was active.
    pub(super) fn close_page(&mut self, index: usize) {
        if index >= self.tabs.pages.len() {
            return;
        }
        self.tabs.pages.remove(index);
        self.tabs.active = match self.tabs.active {
            Some(active) if active == index => index.checked_sub(1).or(None),
            Some(active) if active > index => Some(active - 1),
            other => other,
        };
        if self.tabs.pages.is_empty() {
            self.tabs.active = None;
        }
    }
}
