//! The unsaved-edits guard: closing a tab, closing the window and replacing the database all drop
//! pages, so each first saves the fields that save on leaving them and then, if edits remain, asks.
//!
//! A request is made during the frame and settled at its end (`settle_close_requests`), once this
//! frame's commands ran, so a subject being typed is saved before the question is decided.

use egui::RichText;

use super::ReleaseDeskApp;
use super::session::Replacement;
use crate::domain::ReleaseId;
use crate::i18n::{tr, tr_args};
use crate::ui::command::{DIALOG_CANCEL, shortcut_text};
use crate::ui::release_page::{ERROR_RED, UnsavedPart};

/// Where the window stands with close and replace requests.
#[derive(Default)]
pub(super) struct CloseGuard {
    /// A page the user asked to close this frame: it closes, or asks, once its fields that save on
    /// leaving them (subject, category) were saved with this frame's commands.
    pub(super) closing_page: Option<ReleaseId>,
    /// A page the user asked to close while it holds unsaved edits: "Discard and close?".
    pub(super) confirm_close: Option<ReleaseId>,
    /// The window was asked to close, or the database to be replaced, this frame while pages held
    /// unsaved edits: it goes ahead, or asks, once their fields that save on leaving them were saved.
    pub(super) discard_requested: Option<AfterDiscard>,
    /// Going ahead would drop pages holding unsaved edits: "Discard all and quit?" / "… continue?".
    pub(super) confirm_discard: Option<AfterDiscard>,
    /// The user chose to discard every unsaved edit and quit: the next close request goes through.
    pub(super) quitting: bool,
}

/// What drops every open page, and so asks first when some hold unsaved edits.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum AfterDiscard {
    /// Close the window.
    Quit,
    /// Replace the database, and with it the whole window's state.
    Replace(Replacement),
}

/// The answer to a "… with unsaved changes?" question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Discard {
    Discard,
    /// Keep editing (also Esc, or a click beside the dialog).
    Keep,
}

/// The one look of every "discard unsaved edits?" question: a heading, `body`, then the red
/// discard button and Keep editing. `None` while unanswered.
fn discard_question_ui(
    ctx: &egui::Context,
    id: &str,
    max_width: f32,
    heading: &str,
    discard_label: &str,
    body: impl FnOnce(&mut egui::Ui),
) -> Option<Discard> {
    let mut answer = None;
    let modal = crate::ui::widgets::dialog(egui::Id::unique(id)).show(ctx, |ui| {
        ui.set_max_width(max_width);
        ui.heading(heading);
        ui.add_space(6.0);
        body(ui);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(RichText::new(discard_label).color(ERROR_RED)).clicked() {
                answer = Some(Discard::Discard);
            }
            if ui
                .button(tr("unsaved-keep-editing"))
                .on_hover_text(shortcut_text(ui.ctx(), &DIALOG_CANCEL))
                .clicked()
            {
                answer = Some(Discard::Keep);
            }
        });
    });
    if answer.is_none() && modal.should_close() { Some(Discard::Keep) } else { answer }
}

impl ReleaseDeskApp {
    /// The user asked to close the page at `index` (Ctrl+W, the tab's ✖, the page's Close). Closing
    /// leaves the page's fields, so a subject or category being typed is saved as leaving the
    /// field saves it (as a click on ✖ does); then, once this frame's commands ran, the page closes
    /// unless it still holds unsaved edits, which the user is first asked to discard.
    pub(super) fn request_close_page(&mut self, index: usize) {
        let (Some(model), Some(page)) = (&self.session.model, self.tabs.pages.get_mut(index)) else {
            return;
        };
        page.leave_fields(model, &mut self.outbox);
        self.guard.closing_page = Some(page.release_id());
    }

    /// Closes the page or the window asked for this frame, or asks first (see
    /// `request_close_page` and [`Self::on_close_request`]).
    pub(super) fn settle_close_requests(&mut self, ctx: &egui::Context) {
        if let Some(id) = self.guard.closing_page.take()
            && let Some(index) = self.tabs.pages.iter().position(|p| p.release_id() == id)
        {
            let unsaved =
                self.session.model.as_ref().is_some_and(|m| !self.tabs.pages[index].unsaved(m).is_empty());
            if unsaved {
                self.tabs.active = Some(index);
                self.guard.confirm_close = Some(id);
                ctx.request_repaint();
            } else {
                self.close_page(index);
            }
        }
        if let Some(then) = self.guard.discard_requested.take() {
            if self.unsaved_pages().is_empty() {
                // The only edits were fields saved on leaving them, and they are saved now.
                self.go_ahead(then, ctx);
            } else {
                self.guard.confirm_close = None;
                self.guard.confirm_discard = Some(then);
                ctx.request_repaint();
            }
        }
    }

    /// Does what was asked once nothing unsaved stands in the way (or the user chose to discard it).
    fn go_ahead(&mut self, then: AfterDiscard, ctx: &egui::Context) {
        match then {
            AfterDiscard::Quit => {
                self.guard.quitting = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            AfterDiscard::Replace(replacement) => {
                self.replace_now(replacement);
                ctx.request_repaint();
            }
        }
    }

    /// Saves every page's fields that save on leaving them (subject, category): the pages are
    /// about to go.
    fn leave_all_fields(&mut self) {
        if let Some(model) = &self.session.model {
            for page in &mut self.tabs.pages {
                page.leave_fields(model, &mut self.outbox);
            }
        }
    }

    /// Replaces the database now when no page is open (or no database is, on the error screen:
    /// its pages can save nothing); else once this frame's commands ran (the fields saved on
    /// leaving them are saved first), asking if unsaved edits remain.
    pub(super) fn request_replacement(&mut self, replacement: Replacement) {
        if self.tabs.pages.is_empty() || self.session.model.is_none() {
            self.replace_now(replacement);
        } else {
            self.leave_all_fields();
            self.guard.discard_requested = Some(AfterDiscard::Replace(replacement));
        }
    }

    /// The open pages holding unsaved edits, in tab order, with what each would lose.
    pub fn unsaved_pages(&self) -> Vec<(ReleaseId, Vec<UnsavedPart>)> {
        let Some(model) = &self.session.model else { return Vec::new() };
        self.tabs
            .pages
            .iter()
            .map(|p| (p.release_id(), p.unsaved(model)))
            .filter(|(_, parts)| !parts.is_empty())
            .collect()
    }

    /// Whether a request to close the window must be cancelled: some page holds unsaved edits and
    /// the user has not chosen "Discard all and quit".
    pub fn must_ask_before_quitting(&self) -> bool {
        !self.guard.quitting && !self.unsaved_pages().is_empty()
    }

    /// Answers a request to close the window (its close button, Alt+F4, File > Quit): with unsaved
    /// edits anywhere the close is cancelled; the pages' fields that save on leaving them are saved,
    /// and if edits remain the user is asked (else the window closes). Called every frame before
    /// the ui, and alone while the window is hidden (eframe then runs only the app's logic).
    pub fn on_close_request(&mut self, ctx: &egui::Context) {
        // A termination signal closes without asking, its drafts stashed for the next start.
        if self.close_on_termination(ctx) {
            return;
        }
        if !ctx.input(|i| i.viewport().close_requested()) || !self.must_ask_before_quitting() {
            return;
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        self.leave_all_fields();
        self.guard.discard_requested = Some(AfterDiscard::Quit);
        ctx.request_repaint();
    }

    /// Whether the "close with unsaved changes" question of a tab, or of the window, is shown.
    pub(super) fn asking_to_discard(&self) -> bool {
        self.guard.confirm_close.is_some() || self.guard.confirm_discard.is_some()
    }

    /// "Close #12 with unsaved changes?": what would be lost; Discard and close, or Keep editing
    /// (also Esc, or a click beside the dialog).
    pub(super) fn confirm_close_ui(&mut self, ctx: &egui::Context) {
        let Some(id) = self.guard.confirm_close else { return };
        let (Some(model), Some(index)) =
            (&self.session.model, self.tabs.pages.iter().position(|p| p.release_id() == id))
        else {
            self.guard.confirm_close = None;
            return;
        };
        let parts = self.tabs.pages[index].unsaved(model);
        if parts.is_empty() {
            // Nothing to lose any more (its edits were saved meanwhile): close as asked.
            self.guard.confirm_close = None;
            self.close_page(index);
            return;
        }
        let title = self.tabs.pages[index].tab_title(model);
        let answer = discard_question_ui(
            ctx,
            "confirm_close_tab_modal",
            480.0,
            &tr_args("close-unsaved-title", &[("id", id.into())]),
            &tr("close-unsaved-discard"),
            |ui| {
                ui.label(RichText::new(title).weak());
                ui.add_space(6.0);
                ui.label(tr("close-unsaved-body"));
                for part in &parts {
                    ui.label(format!("• {}", part.label()));
                }
            },
        );
        match answer {
            Some(Discard::Discard) => {
                self.guard.confirm_close = None;
                self.close_page(index);
            }
            Some(Discard::Keep) => self.guard.confirm_close = None,
            None => {}
        }
    }

    /// "Quit with unsaved changes?" (or "Open another database…?", "Restore a backup…?"): the
    /// releases whose pages hold unsaved edits and what each would lose; Discard all and quit (or
    /// Discard and continue), or Keep editing (which shows a page with the edits).
    pub(super) fn confirm_discard_ui(&mut self, ctx: &egui::Context) {
        let Some(then) = self.guard.confirm_discard.clone() else { return };
        let unsaved = self.unsaved_pages();
        if unsaved.is_empty() {
            // Nothing to lose any more. The window stays open (the user can close it again); a
            // database replaced loses nothing now, so it goes ahead as asked.
            self.guard.confirm_discard = None;
            if let AfterDiscard::Replace(_) = then {
                self.go_ahead(then, ctx);
            }
            return;
        }
        let Some(model) = &self.session.model else { return };
        let (title, body, discard_key) = match &then {
            AfterDiscard::Quit => ("quit-unsaved-title", "quit-unsaved-body", "quit-unsaved-discard"),
            AfterDiscard::Replace(Replacement::Open(_) | Replacement::Create(_)) => {
                ("open-unsaved-title", "replace-unsaved-body", "replace-unsaved-discard")
            }
            AfterDiscard::Replace(Replacement::Restore(_)) => {
                ("restore-unsaved-title", "replace-unsaved-body", "replace-unsaved-discard")
            }
        };
        let pages = &self.tabs.pages;
        let answer =
            discard_question_ui(ctx, "confirm_discard_modal", 560.0, &tr(title), &tr(discard_key), |ui| {
                ui.label(tr_args(body, &[("count", unsaved.len().into())]));
                ui.add_space(4.0);
                for (id, parts) in &unsaved {
                    let title = pages.iter().find(|p| p.release_id() == *id).map(|p| p.tab_title(model));
                    let what: Vec<String> = parts.iter().map(|p| p.label()).collect();
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(format!("• {}", title.unwrap_or_default())).strong());
                        ui.label(what.join(", "));
                    });
                }
            });
        if answer == Some(Discard::Discard) {
            self.guard.confirm_discard = None;
            self.go_ahead(then, ctx);
        } else if answer == Some(Discard::Keep) {
            self.guard.confirm_discard = None;
            // Back to the edits: a Backups dialog under the question closes, and a tab with edits
            // is shown, unless the tab shown has some.
            self.dialogs.backups.close();
            let shown = self.tabs.active_id().filter(|id| unsaved.iter().any(|(u, _)| u == id));
            if shown.is_none()
                && let Some((first, _)) = unsaved.first()
            {
                self.tabs.active = self.tabs.pages.iter().position(|p| p.release_id() == *first);
            }
        }
    }
}
