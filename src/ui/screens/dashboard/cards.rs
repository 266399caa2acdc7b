//! The KPI cards, the brief's four and then the delivery metrics: the period's value, the target,
//! on or off target (and DORA's tier where DORA publishes one), the change from before.

use egui::{Color32, RichText, Sense};

use super::{CARD_MIN_WIDTH, Dashboard, color, percent};
use crate::domain::Kpi;
use crate::domain::kpi::{self, KpiReport};
use crate::export::chart;
use crate::i18n::{self, tr, tr_args};
use crate::model::Model;
use crate::ui::widgets::chip_ui;

impl Dashboard {
    pub(super) fn cards_ui(&mut self, ui: &mut egui::Ui, model: &Model) {
        let report = self.report(model).clone();
        // Four cards a row when they fit at their smallest, else two (frames do not wrap by themselves).
        let spacing = ui.spacing().item_spacing.x;
        let available = ui.available_width();
        let per_row = if available >= 4.0 * (CARD_MIN_WIDTH + 22.0) + 3.0 * spacing { 4 } else { 2 };
        let width =
            ((available - (per_row as f32 - 1.0) * spacing) / per_row as f32 - 22.0).max(CARD_MIN_WIDTH);
        for row in Kpi::BRIEF.chunks(per_row) {
            ui.horizontal(|ui| {
                for kpi in row {
                    card_ui(ui, &report, *kpi, width);
                }
            });
        }
        ui.add_space(4.0);
        ui.strong(tr("kpi-delivery-heading"));
        for row in Kpi::DELIVERY.chunks(per_row) {
            ui.horizontal(|ui| {
                for kpi in row {
                    card_ui(ui, &report, *kpi, width);
                }
            });
        }
    }
}

/// One KPI card: the period's value, the target, on or off target, the change from before.
fn card_ui(ui: &mut egui::Ui, report: &KpiReport, kpi: Kpi, width: f32) {
    let language = i18n::language();
    let meets = report.period_meets(kpi);
    let (verdict, verdict_color) = match meets {
        Some(true) => (tr("kpi-on-target"), color(chart::ON_TARGET_RGB)),
        Some(false) => (tr("kpi-off-target"), color(chart::OFF_TARGET_RGB)),
        None => (tr("kpi-no-data"), Color32::GRAY),
    };
    egui::Frame::group(ui.style()).inner_margin(10).corner_radius(6).show(ui, |ui| {
        ui.set_width(width);
        ui.vertical(|ui| {
            ui.horizontal(|ui| {
                let (rect, _) = ui.allocate_exact_size(egui::vec2(4.0, 16.0), Sense::hover());
                ui.painter().rect_filled(rect, 1.0, color(chart::kpi_rgb(kpi)));
                ui.strong(i18n::kpi(kpi));
            });
            let mut value = i18n::kpi_value_in(language, kpi, report.period_value(kpi));
            if matches!(kpi, Kpi::Downtime | Kpi::Deployments) {
                value.push_str(&format!(" {}", tr("kpi-per-month")));
            }
            ui.label(RichText::new(value).size(26.0).color(verdict_color));
            // Wrapped: the DORA tier goes under the target when the card is narrow, instead of
            // widening the card past the window's edge.
            ui.horizontal_wrapped(|ui| {
                ui.label(format!(
                    "{} {}",
                    tr("kpi-target"),
                    i18n::kpi_target_in(language, &report.targets, kpi)
                ));
                chip_ui(ui, &verdict, verdict_color);
                if let Some(tier) = report.period_value(kpi).and_then(|v| kpi::dora_tier(kpi, v)) {
                    ui.label(
                        RichText::new(tr_args("kpi-dora-tier", &[("tier", i18n::dora_tier(tier).into())]))
                            .weak(),
                    )
                    .on_hover_text(tr("kpi-dora-tier-hint"));
                }
            });
            let change = match report.change(kpi) {
                Some(change) => {
                    let better = if kpi.higher_is_better() { change > 0.0 } else { change < 0.0 };
                    let previous = i18n::kpi_value_in(language, kpi, report.previous_value(kpi));
                    let text = tr_args(
                        "kpi-change",
                        &[
                            ("change", i18n::kpi_change_in(language, kpi, change).into()),
                            ("previous", previous.into()),
                        ],
                    );
                    let tint = if change == 0.0 {
                        ui.visuals().weak_text_color()
                    } else if better {
                        color(chart::ON_TARGET_RGB)
                    } else {
                        color(chart::OFF_TARGET_RGB)
                    };
                    RichText::new(text).color(tint)
                }
                None => RichText::new(tr("kpi-no-previous")).weak(),
            };
            ui.label(change);
            let detail = match kpi {
                Kpi::DeployTime => tr_args(
                    "kpi-card-timed",
                    &[
                        ("timed", report.total.timed.into()),
                        ("within", percent(report.total.within_10pct_share()).into()),
                    ],
                ),
                Kpi::Downtime => tr_args(
                    "kpi-card-downtime",
                    &[("total", i18n::hours_in(language, report.total.downtime_hours()).into())],
                ),
                Kpi::SuccessRate | Kpi::RollbackRate | Kpi::ChangeFailureRate => {
                    let (part, whole) = report.total.fraction(kpi);
                    tr_args("kpi-card-count", &[("part", part.into()), ("closed", whole.into())])
                }
                Kpi::Deployments => {
                    tr_args("kpi-card-deployments", &[("count", report.total.delivery.deployments.into())])
                }
                Kpi::LeadTime => tr_args(
                    "kpi-card-lead",
                    &[
                        ("count", report.total.delivery.first_deployed.into()),
                        (
                            "p90",
                            i18n::kpi_value_in(language, kpi, report.total.delivery.lead_time_p90).into(),
                        ),
                    ],
                ),
                Kpi::RecoveryTime => tr_args(
                    "kpi-card-recovery",
                    &[
                        ("recovered", report.total.delivery.recovered.into()),
                        ("rollbacks", report.total.delivery.rollbacks.into()),
                    ],
                ),
                Kpi::HotfixLeadTime => tr_args(
                    "kpi-card-hotfix",
                    &[
                        ("count", report.total.delivery.hotfixes.into()),
                        ("within", percent(report.total.delivery.hotfix_within_share()).into()),
                    ],
                ),
            };
            ui.label(RichText::new(detail).weak());
            ui.label(
                RichText::new(tr_args(
                    "kpi-months-off",
                    &[("off", report.months_off_target(kpi).into()), ("months", report.months.len().into())],
                ))
                .weak(),
            );
        });
    });
}
