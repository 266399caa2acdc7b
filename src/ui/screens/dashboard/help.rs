//! Help > KPI definitions: what each KPI counts and its target.

use egui::RichText;

use crate::domain::{Kpi, KpiTargets};
use crate::i18n::{self, tr};

/// The Help > KPI definitions text.
pub fn kpi_help_ui(ui: &mut egui::Ui, targets: &KpiTargets) {
    let language = i18n::language();
    ui.label(tr("kpi-help-closed"));
    ui.add_space(6.0);
    for (kpi, key) in [
        (Kpi::SuccessRate, "kpi-help-success"),
        (Kpi::RollbackRate, "kpi-help-rollback"),
        (Kpi::DeployTime, "kpi-help-deploy"),
        (Kpi::Downtime, "kpi-help-downtime"),
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
}
