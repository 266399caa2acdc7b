//! The "Agents and groups" dialog: the people and teams releases are assigned to. A new database
//! has none; this is where a release manager adds them (sample data brings its own), edits their
//! names and e-mail addresses, and removes one nothing uses (removing one a release names is
//! refused, with how many releases name it). Enter in a "New …" field adds it. The agent the window
//! works as cannot be deactivated or deleted: those buttons are greyed, their hover text says why.

use egui::RichText;

use crate::domain::{AgentId, DepartmentId, Directory, GroupId};
use crate::i18n::{command_error, tr};
use crate::model::{Command, CommandError, PeopleCommand};
use crate::ui::outbox::{Outbox, Sender};

const WIDTH: f32 = 740.0;
/// A name field's width.
const NAME_WIDTH: f32 = 160.0;
/// An e-mail field's width: a real address (`jiwoo.park@bank-holdings.co.kr`) fits.
const EMAIL_WIDTH: f32 = 240.0;
const LIST_HEIGHT: f32 = 200.0;

/// Which entry is being edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Editing {
    Agent(AgentId),
    Group(GroupId),
    Department(DepartmentId),
}

/// An entry's edit: the fields as typed.
struct EditDraft {
    target: Editing,
    name: String,
    email: String,
}

/// The dialog's own state: the names being typed, the entry being edited, the last refusal.
#[derive(Default)]
pub struct PeopleDialog {
    open: bool,
    agent_name: String,
    agent_email: String,
    group_name: String,
    department_name: String,
    editing: Option<EditDraft>,
    /// Why the last command was refused, translated.
    error: Option<String>,
}

/// One row of a list: what it is, its name and (agents) e-mail.
struct Row<'a> {
    target: Editing,
    name: &'a str,
    email: Option<&'a str>,
    /// Agents only: whether they are active (an inactive one is greyed and can be reactivated).
    active: Option<bool>,
    /// The agent the window works as (neither deactivated nor deleted).
    is_me: bool,
}

impl PeopleDialog {
    pub fn open(&mut self) {
        self.open = true;
        self.error = None;
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The result of a command the dialog pushed (translated when it failed).
    pub fn on_result(&mut self, result: Result<(), String>) {
        match result {
            Ok(()) => {
                self.error = None;
                self.editing = None;
            }
            Err(message) => self.error = Some(message),
        }
    }

    /// The dialog, if open; `me` is the agent the window works as.
    pub fn dialog_ui(
        &mut self,
        ctx: &egui::Context,
        directory: &Directory,
        me: Option<AgentId>,
        outbox: &mut Outbox,
    ) {
        if !self.open {
            return;
        }
        let modal = crate::ui::widgets::dialog(egui::Id::unique("people_dialog")).show(ctx, |ui| {
            ui.set_width(WIDTH);
            ui.heading(tr("people-title"));
            let agents = directory.agents.iter().map(|a| Row {
                target: Editing::Agent(a.id),
                name: &a.name,
                email: Some(&a.email),
                active: Some(a.active),
                is_me: me == Some(a.id),
            });
            self.list_ui(ui, &tr("people-agents"), agents, outbox);
            ui.columns(2, |columns| {
                let groups = directory.groups.iter().map(|g| Row {
                    target: Editing::Group(g.id),
                    name: &g.name,
                    email: None,
                    active: None,
                    is_me: false,
                });
                self.list_ui(&mut columns[0], &tr("people-groups"), groups, outbox);
                let departments = directory.departments.iter().map(|d| Row {
                    target: Editing::Department(d.id),
                    name: &d.name,
                    email: None,
                    active: None,
                    is_me: false,
                });
                self.list_ui(&mut columns[1], &tr("people-departments"), departments, outbox);
            });
            ui.separator();
            self.add_ui(ui, outbox);
            if let Some(error) = &self.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
            ui.separator();
            if ui.button(tr("action-close")).clicked() {
                self.open = false;
            }
        });
        if modal.should_close() {
            self.open = false;
            self.editing = None;
        }
    }

    /// A list of agents, groups or departments, each with Edit and Remove (or its edit fields).
    fn list_ui<'a>(
        &mut self,
        ui: &mut egui::Ui,
        title: &str,
        rows: impl Iterator<Item = Row<'a>>,
        outbox: &mut Outbox,
    ) {
        ui.label(RichText::new(title).strong());
        egui::ScrollArea::vertical().id_salt(title).max_height(LIST_HEIGHT).auto_shrink([false, true]).show(
            ui,
            |ui| {
                let mut any = false;
                for row in rows {
                    any = true;
                    if self.editing.as_ref().is_some_and(|e| e.target == row.target) {
                        self.edit_row_ui(ui, outbox);
                    } else {
                        self.row_ui(ui, &row, outbox);
                    }
                }
                if !any {
                    ui.label(RichText::new(tr("people-none-yet")).weak());
                }
            },
        );
    }

    fn row_ui(&mut self, ui: &mut egui::Ui, row: &Row<'_>, outbox: &mut Outbox) {
        ui.horizontal(|ui| {
            if row.active == Some(false) {
                ui.label(RichText::new(row.name).weak().strikethrough());
                ui.label(RichText::new(tr("people-inactive")).weak().italics());
            } else {
                ui.label(row.name);
            }
            if let Some(email) = row.email.filter(|e| !e.is_empty()) {
                ui.label(RichText::new(email).weak());
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if let (Editing::Agent(id), Some(active)) = (row.target, row.active) {
                    let (label, hint) = if active {
                        ("people-deactivate", "people-deactivate-hint")
                    } else {
                        ("people-reactivate", "people-reactivate-hint")
                    };
                    let can = !(active && row.is_me);
                    let toggle = ui
                        .add_enabled(can, egui::Button::new(tr(label)).small())
                        .on_hover_text(format!("{}: {}", tr(hint), row.name))
                        .on_disabled_hover_text(command_error(&CommandError::DeactivateCurrentAgent));
                    if toggle.clicked() {
                        let command = PeopleCommand::SetAgentActive { id, active: !active };
                        outbox.push(Sender::People, Command::People(command));
                    }
                }
                let remove = ui
                    .add_enabled(!row.is_me, egui::Button::new(tr("action-delete")).small())
                    .on_hover_text(format!("{}: {}", tr("people-remove-hint"), row.name))
                    .on_disabled_hover_text(command_error(&CommandError::RemoveCurrentAgent));
                if remove.clicked() {
                    let command = match row.target {
                        Editing::Agent(id) => PeopleCommand::RemoveAgent(id),
                        Editing::Group(id) => PeopleCommand::RemoveGroup(id),
                        Editing::Department(id) => PeopleCommand::RemoveDepartment(id),
                    };
                    outbox.push(Sender::People, Command::People(command));
                }
                let edit = ui.small_button(tr("action-edit")).on_hover_text(format!(
                    "{}: {}",
                    tr("action-edit"),
                    row.name
                ));
                if edit.clicked() {
                    self.error = None;
                    self.editing = Some(EditDraft {
                        target: row.target,
                        name: row.name.to_owned(),
                        email: row.email.unwrap_or_default().to_owned(),
                    });
                }
            });
        });
    }

    /// The entry being edited: its name (and e-mail), Save and Cancel; Enter saves.
    fn edit_row_ui(&mut self, ui: &mut egui::Ui, outbox: &mut Outbox) {
        let Some(draft) = &mut self.editing else { return };
        let mut save = false;
        let mut cancel = false;
        ui.horizontal(|ui| {
            let name_label = ui.label(tr("people-name"));
            let name = ui
                .add(egui::TextEdit::singleline(&mut draft.name).desired_width(NAME_WIDTH))
                .labelled_by(name_label.id);
            save |= name.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if matches!(draft.target, Editing::Agent(_)) {
                let email_label = ui.label(tr("people-email"));
                let email = ui
                    .add(egui::TextEdit::singleline(&mut draft.email).desired_width(EMAIL_WIDTH))
                    .labelled_by(email_label.id);
                save |= email.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            }
            save |= ui.small_button(tr("action-save")).clicked();
            cancel = ui.small_button(tr("action-cancel")).clicked();
        });
        if cancel {
            self.editing = None;
        } else if save {
            let name = draft.name.clone();
            let command = match draft.target {
                Editing::Agent(id) => PeopleCommand::EditAgent { id, name, email: draft.email.clone() },
                Editing::Group(id) => PeopleCommand::RenameGroup { id, name },
                Editing::Department(id) => PeopleCommand::RenameDepartment { id, name },
            };
            outbox.push(Sender::People, Command::People(command));
        }
    }

    /// The "New …" fields, each with its Add button; Enter in a field adds too. The grid has a cell
    /// per field (a field sharing a cell would be squeezed to the width the cell had last frame).
    fn add_ui(&mut self, ui: &mut egui::Ui, outbox: &mut Outbox) {
        egui::Grid::new("people_add").num_columns(5).spacing([8.0, 6.0]).show(ui, |ui| {
            let label = ui.label(tr("people-new-agent"));
            let name =
                ui.add_sized(field_size(ui, NAME_WIDTH), egui::TextEdit::singleline(&mut self.agent_name));
            let name = name.labelled_by(label.id);
            let email_label = ui.label(tr("people-email"));
            let email =
                ui.add_sized(field_size(ui, EMAIL_WIDTH), egui::TextEdit::singleline(&mut self.agent_email));
            let email = email.labelled_by(email_label.id);
            let enter =
                (name.lost_focus() || email.lost_focus()) && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let ready = !self.agent_name.trim().is_empty();
            let add = ui.add_enabled(ready, egui::Button::new(tr("people-add-agent"))).clicked();
            if ready && (add || enter) {
                outbox.push(
                    Sender::People,
                    Command::People(PeopleCommand::AddAgent {
                        name: std::mem::take(&mut self.agent_name),
                        email: std::mem::take(&mut self.agent_email),
                    }),
                );
            }
            ui.end_row();
            if let Some(name) = name_row_ui(ui, "people-new-group", "people-add-group", &mut self.group_name)
            {
                outbox.push(Sender::People, Command::People(PeopleCommand::AddGroup { name }));
            }
            ui.end_row();
            if let Some(name) =
                name_row_ui(ui, "people-new-department", "people-add-department", &mut self.department_name)
            {
                outbox.push(Sender::People, Command::People(PeopleCommand::AddDepartment { name }));
            }
            ui.end_row();
        });
    }
}

/// A text field's size in the grid: `width`, whatever width its column had last frame (a grid
/// squeezes a field to that, and the modal's first, measuring frame has it narrow).
fn field_size(ui: &egui::Ui, width: f32) -> egui::Vec2 {
    egui::vec2(width, ui.spacing().interact_size.y)
}

/// A "New …" row of the grid: the label, the field, the Add button; the name once added.
fn name_row_ui(ui: &mut egui::Ui, label_key: &str, button_key: &str, name: &mut String) -> Option<String> {
    let label = ui.label(tr(label_key));
    let field =
        ui.add_sized(field_size(ui, NAME_WIDTH), egui::TextEdit::singleline(name)).labelled_by(label.id);
    // The agent row's e-mail label and field: the Add buttons stand in one column.
    ui.allocate_space(egui::Vec2::ZERO);
    ui.allocate_space(egui::Vec2::ZERO);
    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let ready = !name.trim().is_empty();
    let add = ui.add_enabled(ready, egui::Button::new(tr(button_key))).clicked();
    (ready && (add || enter)).then(|| std::mem::take(name))
}
