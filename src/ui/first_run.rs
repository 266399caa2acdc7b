//! The first-run step, on the empty release list: "Who are you?" (a name and an e-mail address),
//! which adds the user as an agent and works as them, so that a new database does not start with
//! "Working as: Nobody" and nothing saying what to do. Enter in either field continues.

use egui::RichText;

use crate::i18n::tr;
use crate::model::{Command, PeopleCommand};
use crate::ui::outbox::{Outbox, Sender};

/// The form's fields and the last refusal.
#[derive(Default)]
pub struct FirstRun {
    name: String,
    email: String,
    /// Why the last Continue was refused, translated.
    pub error: Option<String>,
}

impl FirstRun {
    /// The form, inside a frame; the command goes out as `sender`'s.
    pub fn form_ui(&mut self, ui: &mut egui::Ui, outbox: &mut Outbox, sender: Sender) {
        egui::Frame::group(ui.style()).inner_margin(12).show(ui, |ui| {
            ui.set_max_width(460.0);
            ui.heading(tr("first-run-title"));
            ui.label(tr("first-run-body"));
            ui.add_space(6.0);
            let mut enter = false;
            egui::Grid::new("first_run").num_columns(2).spacing([8.0, 6.0]).show(ui, |ui| {
                let label = ui.label(tr("first-run-name"));
                let name = ui
                    .add(egui::TextEdit::singleline(&mut self.name).desired_width(260.0))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(tr("first-run-email"));
                let email = ui
                    .add(egui::TextEdit::singleline(&mut self.email).desired_width(260.0))
                    .labelled_by(label.id);
                ui.end_row();
                enter = (name.lost_focus() || email.lost_focus())
                    && ui.input(|i| i.key_pressed(egui::Key::Enter));
            });
            if let Some(error) = &self.error {
                ui.label(RichText::new(error).color(ui.visuals().error_fg_color));
            }
            let ready = !self.name.trim().is_empty();
            let go = ui.add_enabled(ready, egui::Button::new(tr("first-run-continue"))).clicked();
            if ready && (go || enter) {
                self.error = None;
                let command = PeopleCommand::AddMe { name: self.name.clone(), email: self.email.clone() };
                outbox.push(sender, Command::People(command));
            }
        });
    }
}
