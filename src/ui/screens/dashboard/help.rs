//! Help > KPI definitions: what each KPI counts and its target.

use egui::RichText;

use crate::domain::{Kpi, KpiTargets};
use crate::i18n::{self, tr};

/// The Help > KPI definitions text.
pub fn kpi_help_ui(ui: &mut egui::Ui, targets: &KpiTargets) {
    let height = (ui.ctx().content_rect().height() - 200.0).max(200.0);
    egui::ScrollArea::vertical().id_salt("kpi_help_scroll").max_height(height).show(ui, |ui| {
        definitions_ui(ui, targets);
    });
}

fn definitions_ui(ui: &mut egui::Ui, targets: &KpiTargets) {
    let language = i18n::language();
    ui.label(tr("kpi-help-closed"));
    ui.add_space(6.0);
    for (kpi, key) in [
        (Kpi::SuccessRate, "kpi-help-success"),
        (Kpi::RollbackRate, "kpi-help-rollback"),
        (Kpi::DeployTime, "kpi-help-deploy"),
        (Kpi::Downtime, "kpi-help-downtime"),
        (Kpi::Deployments, "kpi-help-deployments"),
        (Kpi::LeadTime, "kpi-help-lead"),
        (Kpi::ChangeFailureRate, "kpi-help-failure"),
        (Kpi::RecoveryTime, "kpi-help-recovery"),
        (Kpi::HotfixLeadTime, "kpi-help-hotfix"),
    ] {
        ui.horizontal_wrapped(|ui| {
            ui.strong(i18n::kpi(kpi));
            ui.label(
                RichText::new(format!(
                    "{} {}",
                    tr("kpi-target"),
                    i18n::kpi_target_in(language, targets, kpi)
                ))
                .weak(),
            );
        });
        ui.label(tr(key));
        ui.add_space(4.0);
    }
    ui.label(tr("kpi-help-extra"));
    ui.add_space(4.0);
    ui.label(tr("kpi-help-no-data"));
    ui.label(tr("kpi-help-period"));
    ui.add_space(4.0);
    ui.label(tr("kpi-help-dora"));
}
