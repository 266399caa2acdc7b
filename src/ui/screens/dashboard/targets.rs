//! The KPI targets editor: a value per KPI, Save (kept as typed when the write fails), the defaults.

use egui::RichText;

use super::Dashboard;
use crate::domain::kpi::MAX_TARGET_HOURS;
use crate::domain::{Kpi, KpiTargets};

/// The unit beside a target's field.
#[derive(Clone, Copy)]
enum Unit {
    Percent,
    HoursAMonth,
    Hours,
    AMonth,
}
use crate::i18n::{self, tr};
use crate::model::{Command, SettingsCommand};
use crate::ui::outbox::{Outbox, Sender};

/// The KPI targets being edited.
pub(super) struct TargetsDraft {
    /// Percentages and hours, as the user types them.
    success_pct: f64,
    rollback_pct: f64,
    overrun_pct: f64,
    downtime_hours: f64,
    deployments: f64,
    lead_hours: f64,
    failure_pct: f64,
    recovery_hours: f64,
    hotfix_hours: f64,
    pub(super) error: Option<String>,
    pub(super) pending: bool,
}

impl TargetsDraft {
    pub(super) fn from_targets(t: &KpiTargets) -> Self {
        Self {
            success_pct: t.success_rate * 100.0,
            rollback_pct: t.rollback_rate * 100.0,
            overrun_pct: t.deploy_time_overrun * 100.0,
            downtime_hours: t.downtime_hours,
            deployments: t.deployments_per_month,
            lead_hours: t.lead_time_hours,
            failure_pct: t.change_failure_rate * 100.0,
            recovery_hours: t.recovery_hours,
            hotfix_hours: t.hotfix_lead_time_hours,
            error: None,
            pending: false,
        }
    }

    fn targets(&self) -> KpiTargets {
        KpiTargets {
            success_rate: self.success_pct / 100.0,
            rollback_rate: self.rollback_pct / 100.0,
            deploy_time_overrun: self.overrun_pct / 100.0,
            downtime_hours: self.downtime_hours,
            deployments_per_month: self.deployments,
            lead_time_hours: self.lead_hours,
            change_failure_rate: self.failure_pct / 100.0,
            recovery_hours: self.recovery_hours,
            hotfix_lead_time_hours: self.hotfix_hours,
        }
    }
}

impl Dashboard {
    pub(super) fn targets_modal_ui(&mut self, ctx: &egui::Context, outbox: &mut Outbox) {
        let Some(draft) = &mut self.targets else { return };
        let mut close = false;
        let modal = crate::ui::widgets::dialog(egui::Id::unique("kpi_targets_modal")).show(ctx, |ui| {
            ui.set_width(460.0);
            ui.heading(tr("kpi-targets-title"));
            ui.label(RichText::new(tr("kpi-targets-body")).weak());
            ui.add_space(6.0);
            egui::Grid::new("kpi_targets_grid").num_columns(3).spacing([12.0, 8.0]).show(ui, |ui| {
                let hours = MAX_TARGET_HOURS;
                for (kpi, value, unit, max) in [
                    (Kpi::SuccessRate, &mut draft.success_pct, Unit::Percent, 100.0),
                    (Kpi::RollbackRate, &mut draft.rollback_pct, Unit::Percent, 100.0),
                    (Kpi::DeployTime, &mut draft.overrun_pct, Unit::Percent, 1000.0),
                    (Kpi::Downtime, &mut draft.downtime_hours, Unit::HoursAMonth, 744.0),
                    (Kpi::Deployments, &mut draft.deployments, Unit::AMonth, 10_000.0),
                    (Kpi::LeadTime, &mut draft.lead_hours, Unit::Hours, hours),
                    (Kpi::ChangeFailureRate, &mut draft.failure_pct, Unit::Percent, 100.0),
                    (Kpi::RecoveryTime, &mut draft.recovery_hours, Unit::Hours, hours),
                    (Kpi::HotfixLeadTime, &mut draft.hotfix_hours, Unit::Hours, hours),
                ] {
                    let label = ui.label(i18n::kpi(kpi));
                    let sign = match (kpi.higher_is_better(), kpi.strict_target()) {
                        (true, true) => ">",
                        (true, false) => "≥",
                        (false, true) => "<",
                        (false, false) => "≤",
                    };
                    ui.label(sign);
                    ui.horizontal(|ui| {
                        ui.add(egui::DragValue::new(value).range(0.0..=max).speed(0.1).max_decimals(1))
                            .labelled_by(label.id);
                        ui.label(match unit {
                            Unit::Percent => "%".to_owned(),
                            Unit::HoursAMonth => tr("kpi-hours-a-month"),
                            Unit::Hours => tr("kpi-hours-unit"),
                            Unit::AMonth => tr("kpi-per-month"),
                        });
                    });
                    ui.end_row();
                }
            });
            if let Some(error) = &draft.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.add_enabled(!draft.pending, egui::Button::new(tr("kpi-targets-save"))).clicked() {
                    draft.pending = true;
                    draft.error = None;
                    outbox.push(
                        Sender::Screen(super::ID),
                        Command::Settings(SettingsCommand::SetKpiTargets(draft.targets())),
                    );
                }
                if ui.button(tr("kpi-targets-defaults")).clicked() {
                    let pending = draft.pending;
                    *draft = TargetsDraft::from_targets(&KpiTargets::default());
                    draft.pending = pending;
                }
                if ui.button(tr("action-cancel")).clicked() {
                    close = true;
                }
            });
        });
        if close || modal.should_close() {
            self.targets = None;
        }
    }
}
