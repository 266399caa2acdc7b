//! The page's header: the id and chips (status, priority, type, risk level, in Trash), Close, Delete (to Trash,
//! after a second click) and Mark completed (the lifecycle's Complete dialog), then the subject
//! edited in place (saved when the user leaves the field; Esc puts the stored one back).

use egui::{Color32, RichText};

use super::{ERROR_RED, Origin, ReleasePage, lifecycle};
use crate::domain::release::validate_subject;
use crate::domain::{Release, Stage};
use crate::i18n::{self, tr, tr_args};
use crate::model::{Command, Model, ReleaseCommand, ReleaseEdit};
use crate::ui::command::{AppCommand, command_hint};
use crate::ui::outbox::{Outbox, Sender};
use crate::ui::widgets::{chip_ui, priority_color, status_color, type_color};

impl ReleasePage {
    /// Id, subject edited in place, chips, and the page's actions. Returns true to close the page.
    pub(super) fn header_ui(
        &mut self,
        ui: &mut egui::Ui,
        release: &Release,
        model: &Model,
        outbox: &mut Outbox,
    ) -> bool {
        let mut close = false;
        ui.horizontal(|ui| {
            ui.heading(RichText::new(i18n::release_number(release.id)).strong());
            chip_ui(ui, &i18n::status(release.status), status_color(release.status));
            chip_ui(ui, &i18n::priority(release.priority), priority_color(release.priority));
            chip_ui(ui, &i18n::release_type(release.release_type), type_color(release.release_type));
            let level = model.risk_level(release);
            let risk = tr_args("chip-risk-level", &[("level", i18n::risk_level(level).into())]);
            chip_ui(ui, &risk, crate::ui::widgets::risk_level_color(level))
                .on_hover_text(tr("impact-risk-level-rule"));
            if release.is_deleted() {
                chip_ui(ui, &tr("chip-in-trash"), Color32::DARK_GRAY);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let hint = command_hint(ui.ctx(), AppCommand::CloseTab);
                if ui.button(tr("action-close")).on_hover_text(hint).clicked() {
                    close = true;
                }
                if !release.is_deleted() {
                    if self.confirm_trash {
                        if ui.button(RichText::new(tr("page-trash-confirm")).color(ERROR_RED)).clicked() {
                            let trash = Command::Release(ReleaseCommand::Trash(release.id));
                            outbox.push(Sender::Page(release.id, Origin::Header), trash);
                            self.confirm_trash = false;
                        }
                        if ui.button(tr("action-cancel")).clicked() {
                            self.confirm_trash = false;
                        }
                    } else if ui.button(tr("page-trash")).clicked() {
                        self.confirm_trash = true;
                    }
                    // Completing is the lifecycle's move to Complete (from Verify & Monitor, with
                    // its outcome): the button opens that dialog, so status and stage agree.
                    let hint = if release.stage == Stage::Complete {
                        tr("lifecycle-closed")
                    } else if lifecycle::can_complete(release) {
                        tr("page-mark-completed-hint")
                    } else {
                        tr_args(
                            "page-mark-completed-not-yet",
                            &[("stage", i18n::stage(release.stage).into())],
                        )
                    };
                    let button = egui::Button::new(tr("page-mark-completed"));
                    if ui
                        .add_enabled(lifecycle::can_complete(release), button)
                        .on_hover_text(&hint)
                        .on_disabled_hover_text(&hint)
                        .clicked()
                    {
                        lifecycle::open_complete_dialog(ui, release);
                        self.reveal("section-lifecycle");
                    }
                }
            });
        });
        let subject = self.subject.get_or_insert_with(|| release.subject.clone());
        let response = ui
            .add(
                egui::TextEdit::singleline(subject)
                    .desired_width(f32::INFINITY)
                    .font(egui::TextStyle::Heading),
            )
            .on_hover_text(tr("field-subject"));
        let invalid = validate_subject(subject).err();
        if let Some(e) = &invalid {
            ui.label(RichText::new(i18n::invalid(e)).color(ERROR_RED));
        }
        if response.lost_focus() {
            if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                self.subject = None;
            } else if invalid.is_none() && subject.trim() != release.subject {
                let edit = ReleaseEdit::Subject(subject.trim().to_owned());
                self.edit(outbox, Origin::Header, vec![edit]);
            }
        } else if !response.has_focus() && invalid.is_none() {
            // Not being edited: follow the stored subject (it may change by undo or another tab).
            self.subject = None;
        }
        if let Some(err) = &self.error {
            ui.label(RichText::new(err).color(ERROR_RED));
        }
        close
    }
}
