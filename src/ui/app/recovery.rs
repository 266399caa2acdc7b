//! Unsaved edits kept across a termination signal (issue 13, item 5). SIGTERM, SIGINT or SIGHUP
//! (a logout, a shutdown) close the window without asking "discard?": nobody is there to answer.
//! Before it closes, the drafts the close guard knows are stashed in a recovery file beside the UI
//! state, written whole (a temporary file renamed over it): the New release draft and, per open
//! page, every buffer the close guard asks about (subject, category, description, planned window,
//! plan editor, task and time forms, the timer's note, a new or edited note). The next start on
//! the same database offers them back ("There are edits that can be recovered": restore or
//! discard); the file goes once answered.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use egui::RichText;
use serde::{Deserialize, Serialize};

use super::ReleaseDeskApp;
use super::remembered::key;
use crate::domain::Timestamp;
use crate::i18n::{tr, tr_args};
use crate::ui::new_release::Draft;
use crate::ui::release_page::PageStash;

/// The recovery file's name, in the UI state's directory.
const RECOVERY_FILE: &str = "recovery.json";

/// What a termination signal kept: the database it belongs to and the drafts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(super) struct Recovery {
    /// The database's canonical path (as the UI state is kept by).
    pub database: String,
    pub stashed_at: Timestamp,
    pub new_release: Option<Draft>,
    pub pages: Vec<PageStash>,
}

impl Recovery {
    fn is_empty(&self) -> bool {
        self.new_release.is_none() && self.pages.is_empty()
    }
}

/// Where the recovery file is, whether a signal asked the window to close, and a recovery
/// waiting for the user's answer.
#[derive(Default)]
pub(super) struct RecoveryState {
    /// The UI state's directory (`None`: nothing is stashed, as under most tests).
    pub(super) dir: Option<PathBuf>,
    /// Set by the signal thread before it asks the window to close.
    pub(super) terminated: Arc<AtomicBool>,
    /// Stashed edits of this database, offered back until answered.
    pub(super) offer: Option<Recovery>,
}

fn read(path: &Path) -> Option<Recovery> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return None,
        Err(err) => {
            log::warn!("could not read the recovery file {}: {err}", path.display());
            return None;
        }
    };
    serde_json::from_str(&text)
        .map_err(|err| log::warn!("the recovery file {} does not read: {err}", path.display()))
        .ok()
}

impl ReleaseDeskApp {
    /// The flag the termination-signal thread sets before it asks the window to close.
    pub fn termination_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.recovery.terminated)
    }

    /// Keeps edits a termination signal would lose in `dir` (the UI state's directory), and offers
    /// back what an earlier one kept there for this database.
    pub fn use_recovery_dir(&mut self, dir: Option<PathBuf>) {
        self.recovery.dir = dir;
        self.recovery.offer = None;
        let Some(path) = self.recovery_path() else { return };
        let database = key(&self.session.db_path);
        self.recovery.offer = read(&path).filter(|r| r.database == database && !r.is_empty());
    }

    fn recovery_path(&self) -> Option<PathBuf> {
        self.recovery.dir.as_ref().map(|d| d.join(RECOVERY_FILE))
    }

    /// The drafts the close guard knows of, as a recovery of this database.
    fn recovery_now(&self) -> Recovery {
        let pages = match &self.session.model {
            Some(model) => self.tabs.pages.iter().filter_map(|p| p.stash(model)).collect(),
            None => Vec::new(),
        };
        Recovery {
            database: key(&self.session.db_path),
            stashed_at: chrono::Utc::now(),
            new_release: self.dialogs.new_release.edited_draft().cloned(),
            pages,
        }
    }

    /// A termination signal asked the window to close: the fields that save on leaving them are
    /// saved, the other drafts stashed, and the window closes without asking. True once it was.
    pub(super) fn close_on_termination(&mut self, ctx: &egui::Context) -> bool {
        if !self.recovery.terminated.swap(false, Ordering::SeqCst) {
            return false;
        }
        if let Some(model) = &self.session.model {
            for page in &mut self.tabs.pages {
                page.leave_fields(model, &mut self.outbox);
            }
        }
        self.drain_outbox(ctx);
        let recovery = self.recovery_now();
        if !recovery.is_empty() {
            self.write_recovery(&recovery);
        }
        self.guard.quitting = true;
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        true
    }

    fn write_recovery(&self, recovery: &Recovery) {
        let Some(path) = self.recovery_path() else {
            log::warn!("a termination signal drops unsaved edits: there is no UI state directory");
            return;
        };
        let written = serde_json::to_vec_pretty(recovery).map_err(std::io::Error::other).and_then(|bytes| {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            crate::export::file::write_whole(&path, &bytes)
        });
        match written {
            Ok(()) => log::info!("unsaved edits stashed in {}", path.display()),
            Err(err) => log::warn!("could not stash unsaved edits in {}: {err}", path.display()),
        }
    }

    /// Removes the recovery file once its edits were restored or discarded.
    fn forget_recovery(&mut self) {
        self.recovery.offer = None;
        let Some(path) = self.recovery_path() else { return };
        if let Err(err) = std::fs::remove_file(&path)
            && err.kind() != std::io::ErrorKind::NotFound
        {
            log::warn!("could not remove the recovery file {}: {err}", path.display());
        }
    }

    /// Puts the stashed drafts back: the New release dialog, and each page with its edits.
    fn restore_recovery(&mut self, recovery: Recovery) {
        if let Some(draft) = recovery.new_release {
            self.dialogs.new_release.restore(draft);
        }
        for stash in recovery.pages {
            self.open_page(stash.release);
            if let (Some(model), Some(page)) =
                (&self.session.model, self.tabs.pages.iter_mut().find(|p| p.release_id() == stash.release))
            {
                page.unstash(stash, model);
            }
        }
    }

    /// "There are edits that can be recovered": what they are, Restore or Discard.
    pub(super) fn recovery_offer_ui(&mut self, ctx: &egui::Context) {
        let Some(offer) = &self.recovery.offer else { return };
        let mut restore = None;
        // Esc or a click beside it does not answer: the question stays until one button is chosen.
        crate::ui::widgets::dialog(egui::Id::unique("recovery_modal")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.heading(tr("recovery-title"));
            ui.add_space(6.0);
            ui.label(tr_args("recovery-body", &[("when", crate::i18n::datetime(offer.stashed_at).into())]));
            ui.add_space(4.0);
            if let Some(draft) = &offer.new_release {
                let subject = if draft.subject.trim().is_empty() {
                    tr("recovery-untitled")
                } else {
                    draft.subject.clone()
                };
                ui.label(format!("• {}", tr_args("recovery-new-release", &[("subject", subject.into())])));
            }
            for page in &offer.pages {
                let parts: Vec<String> = page.parts().iter().map(|p| p.label()).collect();
                ui.label(format!("• #{}: {}", page.release, parts.join(", ")));
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(RichText::new(tr("recovery-restore")).strong()).clicked() {
                    restore = Some(true);
                }
                if ui.button(tr("recovery-discard")).clicked() {
                    restore = Some(false);
                }
            });
        });
        match restore {
            Some(true) => {
                let offer = self.recovery.offer.take();
                self.forget_recovery();
                if let Some(offer) = offer {
                    self.restore_recovery(offer);
                }
            }
            Some(false) => self.forget_recovery(),
            None => {}
        }
    }
}
