//! The "CABs…" dialog of the meeting screen: every CAB listed (name, rule, members, emergency);
//! "New CAB" or a click on one opens its editor (name, emergency CAB, members from the active
//! agents, rule any / all / majority, the chair among the members), saved as one `SaveCab`;
//! "Delete" gives `DeleteCab`, which the model refuses while Changes or meetings use the CAB: the
//! refusal shows in the dialog, in the user's language, and the editor keeps what was typed.

use egui::RichText;

use crate::domain::{AgentId, ApprovalRule, Cab, CabId};
use crate::i18n::{self, tr, tr_args};
use crate::model::{CabCommand, Command, Model};
use crate::ui::release_page::ERROR_RED;

/// The dialog: open or not, the CAB being edited, the last refusal.
#[derive(Default)]
pub(super) struct CabsDialog {
    open: bool,
    /// The CAB being edited; id 0 for a new one.
    draft: Option<Cab>,
    error: Option<String>,
}

impl CabsDialog {
    pub(super) fn open(&mut self) {
        self.open = true;
        self.draft = None;
        self.error = None;
    }

    pub(super) fn is_open(&self) -> bool {
        self.open
    }

    /// The result of the dialog's last command: a save or a delete closes the editor; a refusal
    /// stays on it.
    pub(super) fn on_result(&mut self, result: Result<(), String>) {
        match result {
            Ok(()) => {
                self.draft = None;
                self.error = None;
            }
            Err(message) => self.error = Some(message),
        }
    }

    /// The dialog; returns the command it gave this frame.
    pub(super) fn ui(&mut self, ctx: &egui::Context, model: &Model) -> Option<Command> {
        if !self.open {
            return None;
        }
        let mut action = None;
        let mut close = false;
        let modal = crate::ui::widgets::dialog(egui::Id::unique("cabs_dialog")).show(ctx, |ui| {
            ui.set_width(620.0);
            ui.heading(tr("cabs-title"));
            ui.label(RichText::new(tr("cabs-intro")).weak());
            ui.add_space(4.0);
            self.list_ui(ui, model);
            ui.separator();
            if let Some(draft) = &mut self.draft {
                action = editor_ui(ui, draft, model);
            } else if ui.button(tr("cabs-new")).clicked() {
                self.draft = Some(Cab {
                    id: CabId(0),
                    name: String::new(),
                    members: Vec::new(),
                    chair: None,
                    rule: ApprovalRule::Majority,
                    emergency: false,
                });
                self.error = None;
            }
            if let Some(error) = &self.error {
                ui.label(RichText::new(error).color(ERROR_RED));
            }
            ui.separator();
            if ui.button(tr("action-close")).clicked() {
                close = true;
            }
        });
        if close || modal.should_close() {
            self.open = false;
            self.draft = None;
            self.error = None;
        }
        match action? {
            EditorAction::Command(command) => Some(command),
            EditorAction::Cancel => {
                self.draft = None;
                self.error = None;
                None
            }
        }
    }

    /// Every CAB, one line each; a click opens it in the editor.
    fn list_ui(&mut self, ui: &mut egui::Ui, model: &Model) {
        let cabs = &model.cabs().cabs;
        if cabs.is_empty() {
            ui.label(RichText::new(tr("cab-cli-none")).weak());
        }
        for cab in cabs {
            let mut text = tr_args(
                "cabs-line",
                &[
                    ("name", cab.name.as_str().into()),
                    ("rule", i18n::approval_rule(cab.rule).into()),
                    ("count", cab.members.len().into()),
                ],
            );
            if cab.emergency {
                text = format!("{text} · {}", tr("cab-cli-emergency"));
            }
            let editing = self.draft.as_ref().is_some_and(|d| d.id == cab.id);
            if ui.selectable_label(editing, text).clicked() {
                self.draft = Some(cab.clone());
                self.error = None;
            }
        }
    }
}

/// What the editor asked for.
enum EditorAction {
    /// Save or Delete: the editor stays until the result comes.
    Command(Command),
    Cancel,
}

/// The editor of one CAB: name, emergency, rule, members, chair; Save, Delete, Cancel.
fn editor_ui(ui: &mut egui::Ui, draft: &mut Cab, model: &Model) -> Option<EditorAction> {
    let mut action = None;
    egui::Grid::new("cab_editor").num_columns(2).spacing([10.0, 6.0]).show(ui, |ui| {
        let label = ui.label(tr("cabs-name"));
        ui.add(egui::TextEdit::singleline(&mut draft.name).desired_width(320.0)).labelled_by(label.id);
        ui.end_row();
        ui.label("");
        ui.checkbox(&mut draft.emergency, tr("cabs-emergency")).on_hover_text(tr("cabs-emergency-hint"));
        ui.end_row();
        ui.label(tr("cabs-rule"));
        ui.horizontal(|ui| {
            for rule in ApprovalRule::ALL {
                ui.radio_value(&mut draft.rule, *rule, i18n::approval_rule(*rule));
            }
        });
        ui.end_row();
        ui.label(tr("cabs-members"));
        members_ui(ui, draft, model);
        ui.end_row();
        let label = ui.label(tr("cabs-chair"));
        chair_ui(ui, draft, model, label.id);
        ui.end_row();
    });
    ui.horizontal(|ui| {
        if ui.button(tr("cabs-save")).clicked() {
            action = Some(EditorAction::Command(Command::Cab(CabCommand::SaveCab(draft.clone()))));
        }
        if draft.id != CabId(0) && ui.button(RichText::new(tr("cabs-delete")).color(ERROR_RED)).clicked() {
            action = Some(EditorAction::Command(Command::Cab(CabCommand::DeleteCab(draft.id))));
        }
        if ui.button(tr("action-cancel")).clicked() {
            action = Some(EditorAction::Cancel);
        }
    });
    action
}

/// A checkbox per active agent (and any inactive one already a member), in directory order.
fn members_ui(ui: &mut egui::Ui, draft: &mut Cab, model: &Model) {
    ui.horizontal_wrapped(|ui| {
        let agents = &model.directory().agents;
        if agents.is_empty() {
            ui.label(RichText::new(tr("cabs-no-agents")).weak());
        }
        let offered: Vec<_> = agents.iter().filter(|a| a.active || draft.is_member(a.id)).collect();
        for agent in offered {
            let mut member = draft.is_member(agent.id);
            if ui.checkbox(&mut member, &agent.name).changed() {
                if member {
                    draft.members.push(agent.id);
                } else {
                    draft.members.retain(|m| *m != agent.id);
                    if draft.chair == Some(agent.id) {
                        draft.chair = None;
                    }
                }
            }
        }
    });
}

/// The chair: none, or one of the members.
fn chair_ui(ui: &mut egui::Ui, draft: &mut Cab, model: &Model, label: egui::Id) {
    let name = |a: Option<AgentId>| {
        a.map_or_else(|| tr("cabs-no-chair"), |a| model.directory().agent_name(Some(a)).to_owned())
    };
    egui::ComboBox::from_id_salt("cab_chair")
        .selected_text(name(draft.chair))
        .width(220.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut draft.chair, None, tr("cabs-no-chair"));
            for member in draft.members.clone() {
                ui.selectable_value(&mut draft.chair, Some(member), name(Some(member)));
            }
        })
        .response
        .labelled_by(label);
}
