//! The monthly table (a row per month, off-target values in red) and, beside the charts, the
//! releases behind a picked month.

use egui::{RichText, Sense};
use egui_extras::{Column, TableBuilder};

use super::charts::hover_text;
use super::{Dashboard, MonthPick, ScreenAction, color, percent, signed_percent};
use crate::domain::kpi::{self, KpiReport};
use crate::domain::{Kpi, Release, ReleaseType};
use crate::export::chart;
use crate::i18n::{self, tr, tr_args};
use crate::model::Model;
use crate::ui::widgets::{chip_ui, type_color};

impl Dashboard {
    pub(super) fn monthly_table_ui(&mut self, ui: &mut egui::Ui, model: &Model) {
        let report = self.report(model).clone();
        let headers = [
            tr("kpi-month"),
            tr("kpi-closed"),
            i18n::kpi(Kpi::SuccessRate),
            i18n::kpi(Kpi::RollbackRate),
            i18n::kpi(Kpi::DeployTime),
            tr("kpi-within"),
            i18n::kpi(Kpi::Downtime),
            tr("kpi-emergency-share"),
            tr("kpi-by-type"),
            tr("kpi-open"),
        ];
        let mut picked = None;
        TableBuilder::new(ui)
            .id_salt("kpi_monthly_table")
            .striped(true)
            .vscroll(false)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::exact(110.0))
            .column(Column::exact(60.0))
            .columns(Column::exact(110.0), 3)
            .column(Column::exact(80.0))
            .column(Column::exact(90.0))
            .column(Column::exact(90.0))
            .column(Column::exact(120.0))
            .column(Column::remainder().at_least(90.0))
            .header(22.0, |mut header| {
                for h in &headers {
                    header.col(|ui| {
                        ui.add(egui::Label::new(RichText::new(h).strong()).truncate());
                    });
                }
            })
            .body(|body| {
                body.rows(22.0, report.months.len(), |mut row| {
                    let m = &report.months[row.index()];
                    let selected = self.picked.is_some_and(|p| p.month == m.month);
                    row.set_selected(selected);
                    row.col(|ui| {
                        let text = i18n::month_in(i18n::language(), m.month);
                        if ui.link(text).on_hover_text(tr("kpi-month-hint")).clicked() {
                            picked = Some(m.month);
                        }
                    });
                    row.col(|ui| {
                        ui.label(m.counts.closed.to_string());
                    });
                    for kpi in [Kpi::SuccessRate, Kpi::RollbackRate, Kpi::DeployTime] {
                        row.col(|ui| value_cell_ui(ui, &report, m, kpi));
                    }
                    row.col(|ui| {
                        ui.label(percent(m.counts.within_10pct_share()));
                    });
                    row.col(|ui| value_cell_ui(ui, &report, m, Kpi::Downtime));
                    row.col(|ui| {
                        ui.label(percent(m.counts.emergency_share()));
                    });
                    row.col(|ui| {
                        let parts: Vec<String> =
                            ReleaseType::ALL.iter().map(|t| m.counts.closed_of(*t).to_string()).collect();
                        ui.label(parts.join(" / ")).on_hover_text(tr("kpi-by-type-hint"));
                    });
                    row.col(|ui| {
                        ui.label(m.open_at_end.to_string());
                    });
                });
            });
        if let Some(month) = picked {
            self.picked = Some(MonthPick { month, kpi: None });
        }
    }

    pub(super) fn month_releases_ui(&mut self, ui: &mut egui::Ui, model: &Model) -> Option<ScreenAction> {
        let pick = self.picked?;
        let kpi = pick.kpi.unwrap_or(Kpi::SuccessRate);
        let rows = kpi::releases_behind(model.releases(), pick.month, kpi, self.filter, &chrono::Local);
        let mut action = None;
        ui.horizontal(|ui| {
            ui.heading(i18n::month_in(i18n::language(), pick.month));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(tr("action-close")).clicked() {
                    self.picked = None;
                }
            });
        });
        let what = match pick.kpi {
            Some(Kpi::DeployTime) => tr("kpi-behind-timed"),
            _ => tr("kpi-behind-closed"),
        };
        ui.label(tr_args("kpi-behind-count", &[("count", rows.len().into()), ("what", what.into())]));
        if let Some(k) = pick.kpi {
            let report = self.report(model).clone();
            if let Some(m) = report.month(pick.month) {
                ui.label(RichText::new(hover_text(&report, m, k)).weak());
            }
        }
        ui.add_space(4.0);
        let releases = model.releases();
        TableBuilder::new(ui)
            .id_salt("kpi_month_releases_table")
            .striped(true)
            .sense(Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::exact(48.0))
            .column(Column::remainder().at_least(90.0).clip(true))
            .column(Column::exact(70.0))
            .column(Column::exact(100.0).clip(true))
            .column(Column::exact(58.0))
            .column(Column::exact(70.0).clip(true))
            .header(22.0, |mut header| {
                for key in ["col-id", "col-subject", "col-type", "kpi-outcome", "kpi-overrun", "kpi-downtime"]
                {
                    header.col(|ui| {
                        ui.strong(tr(key));
                    });
                }
            })
            .body(|body| {
                body.rows(24.0, rows.len(), |mut row| {
                    let release = &releases[rows[row.index()]];
                    row.col(|ui| {
                        if ui.link(format!("#{}", release.id)).on_hover_text(tr("kpi-open-release")).clicked()
                        {
                            action = Some(ScreenAction::OpenRelease(release.id));
                        }
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(&release.subject).truncate().selectable(false));
                    });
                    row.col(|ui| {
                        chip_ui(
                            ui,
                            &i18n::release_type(release.release_type),
                            type_color(release.release_type),
                        );
                    });
                    row.col(|ui| {
                        ui.label(outcome_text(release));
                    });
                    row.col(|ui| {
                        ui.label(kpi::overrun(release).map_or_else(|| "–".to_owned(), signed_percent));
                    });
                    row.col(|ui| {
                        ui.label(i18n::duration(i64::from(release.downtime_minutes)));
                    });
                    if row.response().double_clicked() {
                        action = Some(ScreenAction::OpenRelease(release.id));
                    }
                });
            });
        action
    }
}

fn outcome_text(release: &Release) -> String {
    let mut text = release.outcome.map_or_else(|| "–".to_owned(), i18n::outcome);
    if release.rollback_count > 0 {
        text.push_str(&format!(
            " · {}",
            tr_args("kpi-rollbacks", &[("count", release.rollback_count.into())])
        ));
    }
    text
}

/// A value cell of the monthly table, red when off target.
fn value_cell_ui(ui: &mut egui::Ui, report: &KpiReport, month: &kpi::MonthKpi, kpi: Kpi) {
    let text = i18n::kpi_value(kpi, month.counts.value(kpi));
    let text = RichText::new(text);
    ui.label(match report.month_meets(month, kpi) {
        Some(false) => text.color(color(chart::OFF_TARGET_RGB)).strong(),
        _ => text,
    });
}
