//! The "Agents and groups" dialog: the people and teams releases are assigned to. A new database
//! has none; this is where a release manager adds them (sample data brings its own).

use egui::RichText;

use crate::domain::Directory;
use crate::i18n::tr;
use crate::model::{Command, PeopleCommand};
use crate::ui::outbox::{Outbox, Sender};

/// The dialog's own state: the names being typed.
#[derive(Default)]
pub struct PeopleDialog {
    open: bool,
    agent_name: String,
    agent_email: String,
    group_name: String,
    department_name: String,
}

impl PeopleDialog {
    pub fn open(&mut self) {
        self.open = true;
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    pub fn dialog_ui(&mut self, ctx: &egui::Context, directory: &Directory, outbox: &mut Outbox) {
        if !self.open {
            return;
        }
        let modal = egui::Modal::new(egui::Id::unique("people_dialog")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading(tr("people-title"));
            ui.columns(3, |columns| {
                list_ui(
                    &mut columns[0],
                    &tr("people-agents"),
                    directory.agents.iter().map(|a| a.name.as_str()),
                );
                list_ui(
                    &mut columns[1],
                    &tr("people-groups"),
                    directory.groups.iter().map(|g| g.name.as_str()),
                );
                list_ui(
                    &mut columns[2],
                    &tr("people-departments"),
                    directory.departments.iter().map(|d| d.name.as_str()),
                );
            });
            ui.separator();
            egui::Grid::new("people_add").num_columns(3).spacing([8.0, 6.0]).show(ui, |ui| {
                let label = ui.label(tr("people-new-agent"));
                ui.horizontal(|ui| {
                    ui.add(egui::TextEdit::singleline(&mut self.agent_name).desired_width(140.0))
                        .labelled_by(label.id);
                    ui.add(
                        egui::TextEdit::singleline(&mut self.agent_email)
                            .hint_text(tr("people-email"))
                            .desired_width(180.0),
                    )
                    .on_hover_text(tr("people-email"));
                });
                if ui
                    .add_enabled(
                        !self.agent_name.trim().is_empty(),
                        egui::Button::new(tr("people-add-agent")),
                    )
                    .clicked()
                {
                    outbox.push(
                        Sender::People,
                        Command::People(PeopleCommand::AddAgent {
                            name: std::mem::take(&mut self.agent_name),
                            email: std::mem::take(&mut self.agent_email),
                        }),
                    );
                }
                ui.end_row();
                let label = ui.label(tr("people-new-group"));
                ui.add(egui::TextEdit::singleline(&mut self.group_name).desired_width(140.0))
                    .labelled_by(label.id);
                if ui
                    .add_enabled(
                        !self.group_name.trim().is_empty(),
                        egui::Button::new(tr("people-add-group")),
                    )
                    .clicked()
                {
                    outbox.push(
                        Sender::People,
                        Command::People(PeopleCommand::AddGroup {
                            name: std::mem::take(&mut self.group_name),
                        }),
                    );
                }
                ui.end_row();
                let label = ui.label(tr("people-new-department"));
                ui.add(egui::TextEdit::singleline(&mut self.department_name).desired_width(140.0))
                    .labelled_by(label.id);
                if ui
                    .add_enabled(
                        !self.department_name.trim().is_empty(),
                        egui::Button::new(tr("people-add-department")),
                    )
                    .clicked()
                {
                    outbox.push(
                        Sender::People,
                        Command::People(PeopleCommand::AddDepartment {
                            name: std::mem::take(&mut self.department_name),
                        }),
                    );
                }
                ui.end_row();
            });
            ui.separator();
            if ui.button(tr("action-close")).clicked() {
                self.open = false;
            }
        });
        if modal.should_close() {
            self.open = false;
        }
    }
}

fn list_ui<'a>(ui: &mut egui::Ui, title: &str, names: impl Iterator<Item = &'a str>) {
    ui.label(RichText::new(title).strong());
    egui::ScrollArea::vertical().id_salt(title).max_height(180.0).show(ui, |ui| {
        let mut any = false;
        for name in names {
            ui.label(name);
            any = true;
        }
        if !any {
            ui.label(RichText::new(tr("people-none-yet")).weak());
        }
    });
}
