//! The Changes and CIs section of the release page: the linked Changes (with their CAB approval:
//! derived from their CAB's votes, shown with the votes in `cab_votes`, or for a Change without a
//! CAB recorded by hand here, and risk) and configuration items, unlink buttons, and a link
//! picker (`egui::Modal`) that searches the registry or creates a new entry and links it.

use egui::RichText;

use super::lifecycle_widgets::{approval_color, change_risk_color, load_state, store_state};
use crate::domain::{CabApproval, Change, ChangeId, ChangeRisk, CiKind, ConfigItemId, Release};
use crate::i18n::{self, tr, tr_args};
use crate::model::{Command, Model, RegistryCommand};
use crate::ui::widgets::chip_ui;

/// Which picker is open, and its fields.
#[derive(Clone, Debug, Default)]
struct PickerState {
    open: Option<PickerKind>,
    search: String,
    new_name: String,
    approval: Option<CabApproval>,
    risk: Option<ChangeRisk>,
    kind: Option<CiKind>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PickerKind {
    Change,
    ConfigItem,
}

const STATE_KEY: &str = "links";

/// Rows shown in the picker before the user needs to narrow the search.
const PICKER_ROWS: usize = 12;

/// The Changes and CIs section.
pub fn links_ui(ui: &mut egui::Ui, release: &Release, model: &Model, commands: &mut Vec<Command>) {
    let mut state: PickerState = load_state(ui, STATE_KEY, release.id);
    let registry = model.registry();

    ui.horizontal(|ui| {
        ui.label(RichText::new(tr("links-changes")).strong());
        if ui.small_button(tr("links-link-change")).clicked() {
            state = PickerState { open: Some(PickerKind::Change), ..PickerState::default() };
        }
    });
    if release.associated_change_ids.is_empty() {
        ui.label(RichText::new(tr("links-no-changes")).weak());
    }
    egui::Grid::new(("linked_changes", release.id.0)).num_columns(5).spacing([10.0, 4.0]).show(ui, |ui| {
        for &id in &release.associated_change_ids {
            ui.label(RichText::new(format!("CHG-{id}")).monospace());
            match registry.change(id) {
                Some(change) => {
                    ui.label(&change.subject);
                    ui.horizontal(|ui| {
                        cab_ui(ui, change, model, commands);
                        approval_ui(ui, change, model, commands);
                    });
                    chip_ui(ui, &i18n::change_risk(change.risk), change_risk_color(change.risk));
                }
                None => {
                    ui.label(RichText::new(tr("links-missing")).weak());
                    ui.label("");
                    ui.label("");
                }
            }
            if ui.small_button("✖").on_hover_text(tr("links-unlink")).clicked() {
                commands.push(Command::Registry(RegistryCommand::LinkChange {
                    release: release.id,
                    change: id,
                    linked: false,
                }));
            }
            ui.end_row();
        }
    });

    let linked: Vec<&Change> =
        release.associated_change_ids.iter().filter_map(|id| registry.change(*id)).collect();
    super::cab_votes::cab_votes_ui(ui, &linked, model, commands);

    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr("links-cis")).strong());
        if ui.small_button(tr("links-link-ci")).clicked() {
            state = PickerState { open: Some(PickerKind::ConfigItem), ..PickerState::default() };
        }
    });
    if release.assets.is_empty() {
        ui.label(RichText::new(tr("links-no-cis")).weak());
    }
    egui::Grid::new(("linked_cis", release.id.0)).num_columns(4).spacing([10.0, 4.0]).show(ui, |ui| {
        for &id in &release.assets {
            ui.label(RichText::new(format!("CI-{id}")).monospace());
            match registry.config_item(id) {
                Some(item) => {
                    ui.label(&item.name);
                    chip_ui(ui, &i18n::ci_kind(item.kind), egui::Color32::from_rgb(0x4a, 0x63, 0xa8));
                }
                None => {
                    ui.label(RichText::new(tr("links-missing")).weak());
                    ui.label("");
                }
            }
            if ui.small_button("✖").on_hover_text(tr("links-unlink")).clicked() {
                commands.push(Command::Registry(RegistryCommand::LinkConfigItem {
                    release: release.id,
                    item: id,
                    linked: false,
                }));
            }
            ui.end_row();
        }
    });

    if let Some(kind) = state.open {
        picker_ui(ui, release, model, kind, &mut state, commands);
    }
    store_state(ui, STATE_KEY, release.id, state);
}

/// The CAB a linked Change goes to (none: its approval is recorded by hand), once there are CABs.
fn cab_ui(ui: &mut egui::Ui, change: &Change, model: &Model, commands: &mut Vec<Command>) {
    let cabs = &model.cabs().cabs;
    if cabs.is_empty() {
        return;
    }
    let mut cab = change.cab;
    let name = |id: Option<crate::domain::CabId>| {
        id.and_then(|id| model.cabs().cab(id)).map_or_else(|| tr("links-no-cab"), |c| c.name.clone())
    };
    egui::ComboBox::from_id_salt(("change_cab", change.id))
        .selected_text(name(cab))
        .width(150.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut cab, None, tr("links-no-cab"));
            for c in cabs {
                ui.selectable_value(&mut cab, Some(c.id), &c.name);
            }
        })
        .response
        .on_hover_text(tr("links-cab-hint"));
    if cab != change.cab {
        commands.push(Command::Cab(crate::model::CabCommand::AssignCab { change: change.id, cab }));
    }
}

/// The CAB approval of a linked Change: derived from its CAB's votes (shown, never set), or for a
/// Change without a CAB as recorded by hand, which can be recorded from the page.
fn approval_ui(ui: &mut egui::Ui, change: &Change, model: &Model, commands: &mut Vec<Command>) {
    if change.cab.is_some() {
        let state = model.change_approval(change);
        chip_ui(ui, &i18n::cab_approval(state), approval_color(state));
        return;
    }
    let mut approval = change.recorded_approval;
    egui::ComboBox::from_id_salt(("change_approval", change.id))
        .selected_text(RichText::new(i18n::cab_approval(approval)).color(approval_color(approval)))
        .width(110.0)
        .show_ui(ui, |ui| {
            for a in CabApproval::ALL {
                ui.selectable_value(&mut approval, *a, i18n::cab_approval(*a));
            }
        })
        .response
        .on_hover_text(tr("cab-page-recorded"));
    if approval != change.recorded_approval {
        commands.push(Command::Registry(RegistryCommand::UpdateChange(Change {
            recorded_approval: approval,
            ..change.clone()
        })));
    }
}

fn matches(needle: &str, id: i64, name: &str, prefix: &str) -> bool {
    let needle = needle.trim().to_lowercase();
    needle.is_empty()
        || name.to_lowercase().contains(&needle)
        || format!("{prefix}{id}").to_lowercase().contains(&needle)
}

fn picker_ui(
    ui: &mut egui::Ui,
    release: &Release,
    model: &Model,
    kind: PickerKind,
    state: &mut PickerState,
    commands: &mut Vec<Command>,
) {
    let registry = model.registry();
    let mut close = false;
    let id_arg = [("id", release.id.into())];
    let modal =
        crate::ui::widgets::dialog(egui::Id::unique(("link_picker", release.id.0))).show(ui.ctx(), |ui| {
            ui.set_width(520.0);
            ui.heading(match kind {
                PickerKind::Change => tr_args("picker-change-title", &id_arg),
                PickerKind::ConfigItem => tr_args("picker-ci-title", &id_arg),
            });
            ui.add(
                egui::TextEdit::singleline(&mut state.search)
                    .hint_text(tr("picker-search"))
                    .desired_width(f32::INFINITY),
            )
            .on_hover_text(tr("picker-search"));
            // (id, name, detail) of the entries not yet linked that match the search.
            let candidates: Vec<(i64, String, String)> = match kind {
                PickerKind::Change => registry
                    .changes
                    .iter()
                    .filter(|c| !release.associated_change_ids.contains(&c.id))
                    .filter(|c| matches(&state.search, c.id.0, &c.subject, "chg-"))
                    .map(|c| {
                        (
                            c.id.0,
                            format!("CHG-{}  {}", c.id, c.subject),
                            i18n::cab_approval(model.change_approval(c)),
                        )
                    })
                    .collect(),
                PickerKind::ConfigItem => registry
                    .config_items
                    .iter()
                    .filter(|c| !release.assets.contains(&c.id))
                    .filter(|c| matches(&state.search, c.id.0, &c.name, "ci-"))
                    .map(|c| (c.id.0, format!("CI-{}  {}", c.id, c.name), i18n::ci_kind(c.kind)))
                    .collect(),
            };
            egui::ScrollArea::vertical().max_height(240.0).show(ui, |ui| {
                if candidates.is_empty() {
                    ui.label(RichText::new(tr("picker-nothing")).weak());
                }
                for (id, name, detail) in candidates.iter().take(PICKER_ROWS * 4) {
                    ui.horizontal(|ui| {
                        if ui.small_button(tr("picker-link")).on_hover_text(name).clicked() {
                            commands.push(match kind {
                                PickerKind::Change => Command::Registry(RegistryCommand::LinkChange {
                                    release: release.id,
                                    change: ChangeId(*id),
                                    linked: true,
                                }),
                                PickerKind::ConfigItem => {
                                    Command::Registry(RegistryCommand::LinkConfigItem {
                                        release: release.id,
                                        item: ConfigItemId(*id),
                                        linked: true,
                                    })
                                }
                            });
                        }
                        ui.label(name);
                        ui.label(RichText::new(detail).weak());
                    });
                }
            });
            ui.separator();
            ui.label(
                RichText::new(match kind {
                    PickerKind::Change => tr("picker-new-change"),
                    PickerKind::ConfigItem => tr("picker-new-ci"),
                })
                .strong(),
            );
            let name_label = match kind {
                PickerKind::Change => tr("field-change-subject"),
                PickerKind::ConfigItem => tr("field-ci-name"),
            };
            ui.add(
                egui::TextEdit::singleline(&mut state.new_name)
                    .hint_text(&name_label)
                    .desired_width(f32::INFINITY),
            )
            .on_hover_text(&name_label);
            new_entry_fields_ui(ui, kind, state);
            let name_ok = crate::domain::registry::validate_name(&state.new_name).is_ok();
            ui.horizontal(|ui| {
                if ui.add_enabled(name_ok, egui::Button::new(tr("picker-create-link"))).clicked() {
                    commands.push(match kind {
                        PickerKind::Change => Command::Registry(RegistryCommand::CreateChange {
                            subject: state.new_name.clone(),
                            approval: state.approval.unwrap_or(CabApproval::Pending),
                            risk: state.risk.unwrap_or(ChangeRisk::Medium),
                            link_to: Some(release.id),
                        }),
                        PickerKind::ConfigItem => Command::Registry(RegistryCommand::CreateConfigItem {
                            name: state.new_name.clone(),
                            kind: state.kind.unwrap_or(CiKind::Server),
                            link_to: Some(release.id),
                        }),
                    });
                    state.new_name.clear();
                }
                if ui.button(tr("action-close")).clicked() {
                    close = true;
                }
            });
        });
    if close || modal.should_close() {
        *state = PickerState::default();
    }
}

/// The fields of a new Change (CAB approval, risk) or CI (kind) beside its name.
fn new_entry_fields_ui(ui: &mut egui::Ui, kind: PickerKind, state: &mut PickerState) {
    ui.horizontal(|ui| match kind {
        PickerKind::Change => {
            let mut approval = state.approval.unwrap_or(CabApproval::Pending);
            egui::ComboBox::from_id_salt("new_change_approval")
                .selected_text(i18n::cab_approval(approval))
                .show_ui(ui, |ui| {
                    for a in CabApproval::ALL {
                        ui.selectable_value(&mut approval, *a, i18n::cab_approval(*a));
                    }
                })
                .response
                .on_hover_text(tr("field-cab-approval"));
            state.approval = Some(approval);
            let mut risk = state.risk.unwrap_or(ChangeRisk::Medium);
            egui::ComboBox::from_id_salt("new_change_risk")
                .selected_text(i18n::change_risk(risk))
                .show_ui(ui, |ui| {
                    for r in ChangeRisk::ALL {
                        ui.selectable_value(&mut risk, *r, i18n::change_risk(*r));
                    }
                })
                .response
                .on_hover_text(tr("field-change-risk"));
            state.risk = Some(risk);
        }
        PickerKind::ConfigItem => {
            let mut ci_kind = state.kind.unwrap_or(CiKind::Server);
            egui::ComboBox::from_id_salt("new_ci_kind")
                .selected_text(i18n::ci_kind(ci_kind))
                .show_ui(ui, |ui| {
                    for k in CiKind::ALL {
                        ui.selectable_value(&mut ci_kind, *k, i18n::ci_kind(*k));
                    }
                })
                .response
                .on_hover_text(tr("field-ci-kind"));
            state.kind = Some(ci_kind);
        }
    });
}
