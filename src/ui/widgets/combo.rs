//! Combo boxes shared by the dialogs and the release page: over an enum's values, over the agents
//! (with "Unassigned"), the groups and the departments (with "None"). Each is named for screen
//! readers by the label it is given, and returns whether the value changed.

use crate::domain::{AgentId, DepartmentId, Directory, GroupId};
use crate::i18n::tr;

/// A combo box over an enum's values.
pub fn enum_combo_ui<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    id_salt: &str,
    value: &mut T,
    all: &[T],
    label: impl Fn(T) -> String,
    labelled_by: egui::Id,
) -> bool {
    let before = *value;
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(label(*value))
        .show_ui(ui, |ui| {
            for v in all {
                ui.selectable_value(value, *v, label(*v));
            }
        })
        .response
        .labelled_by(labelled_by);
    *value != before
}

/// A combo box of agents with "Unassigned".
pub fn agent_combo_ui(
    ui: &mut egui::Ui,
    id_salt: &str,
    value: &mut Option<AgentId>,
    directory: &Directory,
    labelled_by: egui::Id,
) -> bool {
    let before = *value;
    let text = value.map_or_else(|| tr("agent-unassigned"), |a| directory.agent_name(Some(a)).to_owned());
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(text)
        .width(200.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, tr("agent-unassigned"));
            // An inactive agent is not offered, unless they are the one already chosen.
            for a in directory.agents.iter().filter(|a| a.active || before == Some(a.id)) {
                ui.selectable_value(value, Some(a.id), &a.name);
            }
        })
        .response
        .labelled_by(labelled_by);
    *value != before
}

/// A combo box of groups with "None".
pub fn group_combo_ui(
    ui: &mut egui::Ui,
    id_salt: &str,
    value: &mut Option<GroupId>,
    directory: &Directory,
    labelled_by: egui::Id,
) -> bool {
    let before = *value;
    let text = value.map_or_else(|| tr("group-none"), |g| directory.group_name(Some(g)).to_owned());
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(text)
        .width(200.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, tr("group-none"));
            for g in &directory.groups {
                ui.selectable_value(value, Some(g.id), &g.name);
            }
        })
        .response
        .labelled_by(labelled_by);
    *value != before
}

/// A combo box of departments with "None".
pub fn department_combo_ui(
    ui: &mut egui::Ui,
    id_salt: &str,
    value: &mut Option<DepartmentId>,
    directory: &Directory,
    labelled_by: egui::Id,
) -> bool {
    let before = *value;
    let text = value.map_or_else(|| tr("department-none"), |d| directory.department_name(Some(d)).to_owned());
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(text)
        .width(200.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, tr("department-none"));
            for d in &directory.departments {
                ui.selectable_value(value, Some(d.id), &d.name);
            }
        })
        .response
        .labelled_by(labelled_by);
    *value != before
}
