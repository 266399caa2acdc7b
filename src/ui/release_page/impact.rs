//! The impact analysis section of the release page: the release risk level (its risk register
//! rolled up, raised by a Critical CI), the services and CIs it affects (the linked ones and what
//! depends on them, each with its criticality, which can be changed here), and what the team
//! wrote: users or branches affected, expected downtime, a summary. A field commits when the user
//! leaves it, as one `ImpactCommand::Set`.

use egui::RichText;

use super::lifecycle_widgets::committed_text_ui;
use crate::domain::registry::Criticality;
use crate::domain::{ImpactAnalysis, Release};
use crate::i18n::{self, tr, tr_args};
use crate::model::{Command, ImpactCommand, Model, RegistryCommand};
use crate::ui::widgets::chip_ui;
use crate::ui::widgets::risk_level_color;

/// The colour of a criticality chip.
pub fn criticality_color(c: Criticality) -> egui::Color32 {
    match c {
        Criticality::Low => egui::Color32::from_rgb(0x5d, 0x8a, 0x5d),
        Criticality::Medium => egui::Color32::from_rgb(0x8a, 0x6d, 0x1f),
        Criticality::High => egui::Color32::from_rgb(0xc0, 0x6a, 0x10),
        Criticality::Critical => egui::Color32::from_rgb(0xc0, 0x2b, 0x2b),
    }
}

/// The impact section.
pub fn impact_ui(ui: &mut egui::Ui, release: &Release, model: &Model, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr("impact-risk-level")).strong());
        let level = model.risk_level(release);
        chip_ui(ui, &i18n::risk_level(level), risk_level_color(level));
        ui.label(RichText::new(tr("impact-risk-level-rule")).weak());
    });
    ui.add_space(4.0);
    affected_ui(ui, release, model, commands);
    ui.add_space(6.0);
    let stored = model.impact(release.id).cloned().unwrap_or_default();
    let mut edited = stored.clone();
    let salt = |what: &str| egui::Id::unique(("impact", what, release.id.0));
    egui::Grid::new(salt("grid")).num_columns(2).spacing([16.0, 6.0]).show(ui, |ui| {
        ui.label(RichText::new(tr("impact-users")).strong());
        if let Some(text) = committed_text_ui(
            ui,
            salt("users"),
            &stored.users_affected,
            &tr("impact-users-hint"),
            &tr("impact-users"),
            480.0,
        ) {
            edited.users_affected = text;
        }
        ui.end_row();

        ui.label(RichText::new(tr("impact-downtime")).strong());
        ui.horizontal(|ui| {
            let mut minutes = stored.expected_downtime_minutes;
            let response = ui
                .add(
                    egui::DragValue::new(&mut minutes)
                        .range(0..=crate::domain::lifecycle::DOWNTIME_MAX_MINUTES)
                        .speed(5.0),
                )
                .on_hover_text(tr("impact-downtime"));
            ui.label(RichText::new(i18n::duration(i64::from(minutes))).weak());
            // One command when the value is settled: typed and left, or a drag ended.
            if response.drag_stopped() || (response.changed() && !response.dragged()) {
                edited.expected_downtime_minutes = minutes;
            }
        });
        ui.end_row();

        ui.label(RichText::new(tr("impact-summary")).strong());
        if let Some(text) = committed_text_ui(
            ui,
            salt("summary"),
            &stored.summary,
            &tr("impact-summary-hint"),
            &tr("impact-summary"),
            480.0,
        ) {
            edited.summary = text;
        }
        ui.end_row();
    });
    if edited != stored {
        let impact = Some(edited).filter(|i: &ImpactAnalysis| !i.is_empty());
        commands.push(Command::Impact(ImpactCommand::Set { release: release.id, impact }));
    }
}

/// The affected CIs: name, criticality (a combo: it is the CI's, in the registry) and why it is
/// affected (linked, or through the CI it depends on).
fn affected_ui(ui: &mut egui::Ui, release: &Release, model: &Model, commands: &mut Vec<Command>) {
    ui.label(RichText::new(tr("impact-affected")).strong());
    let affected = model.affected_items(release);
    if affected.is_empty() {
        ui.label(RichText::new(tr("impact-affected-none")).weak().italics());
        return;
    }
    let registry = model.registry();
    let name = |id| registry.config_item(id).map_or_else(String::new, |c| c.name.clone());
    egui::Grid::new(("impact_affected", release.id.0)).num_columns(3).spacing([16.0, 4.0]).show(ui, |ui| {
        for item in &affected {
            let Some(ci) = registry.config_item(item.item) else { continue };
            ui.label(format!("CI-{} {}", ci.id, ci.name));
            let mut criticality = ci.criticality;
            egui::ComboBox::from_id_salt(("impact_criticality", release.id.0, ci.id.0))
                .selected_text(
                    RichText::new(i18n::criticality(criticality)).color(criticality_color(criticality)),
                )
                .width(90.0)
                .show_ui(ui, |ui| {
                    for c in Criticality::ALL {
                        ui.selectable_value(&mut criticality, *c, i18n::criticality(*c));
                    }
                })
                .response
                .on_hover_text(tr_args("impact-criticality-of", &[("item", ci.name.clone().into())]));
            if criticality != ci.criticality {
                let mut changed = ci.clone();
                changed.criticality = criticality;
                commands.push(Command::Registry(RegistryCommand::UpdateConfigItem(changed)));
            }
            match item.via {
                None => ui.label(RichText::new(tr("impact-via-linked")).weak()),
                Some(via) => {
                    ui.label(RichText::new(tr_args("impact-via", &[("item", name(via).into())])).weak())
                }
            };
            ui.end_row();
        }
    });
}
