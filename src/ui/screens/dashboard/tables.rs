//! The monthly table (a row per month, off-target values in red) and, beside the charts, the
//! releases behind a picked month.

use egui::{RichText, Sense};
use egui_extras::{Column, TableBuilder};

use super::charts::hover_text;
use super::{Dashboard, MonthPick, ScreenAction, color, percent, signed_percent};
use crate::domain::kpi::{self, KpiReport};
use crate::domain::{Kpi, Outcome, Release, ReleaseType, Stage, StageEntry, Timestamp};
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
                        let mut text = i18n::month_in(i18n::language(), m.month);
                        let mut hint = tr("kpi-month-hint");
                        if !m.finished {
                            text = format!("{text} · {}", tr("kpi-month-in-progress"));
                            hint = format!("{hint}\n{}", tr("kpi-month-unfinished"));
                        }
                        if ui.link(text).on_hover_text(hint).clicked() {
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
        let rows = kpi::releases_behind(
            model.releases(),
            model.stage_entries(),
            pick.month,
            kpi,
            self.filter,
            &chrono::Local,
        );
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
            Some(Kpi::Deployments) => tr("kpi-behind-deployed"),
            Some(Kpi::LeadTime) => tr("kpi-behind-first-deployed"),
            Some(Kpi::RecoveryTime) => tr("kpi-behind-rolled-back"),
            Some(Kpi::HotfixLeadTime) => tr("kpi-behind-hotfixes"),
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
            .column(Column::remainder().at_least(180.0).clip(true))
            .column(Column::exact(120.0).clip(true))
            .column(Column::exact(76.0).clip(true))
            .header(22.0, |mut header| {
                for title in [tr("col-id"), tr("col-subject"), tr("kpi-outcome"), detail_title(kpi)] {
                    header.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(24.0, rows.len(), |mut row| {
                    let release = &releases[rows[row.index()]];
                    row.col(|ui| {
                        if ui
                            .link(i18n::release_number(release.id))
                            .on_hover_text(tr("kpi-open-release"))
                            .clicked()
                        {
                            action = Some(ScreenAction::OpenRelease(release.id));
                        }
                    });
                    row.col(|ui| {
                        chip_ui(ui, &type_letter(release.release_type), type_color(release.release_type))
                            .on_hover_text(i18n::release_type(release.release_type));
                        ui.add(egui::Label::new(&release.subject).truncate().selectable(false))
                            .on_hover_text(&release.subject);
                    });
                    row.col(|ui| {
                        ui.label(outcome_text(release));
                    });
                    row.col(|ui| {
                        ui.label(detail_text(kpi, release, &model.stage_history(release.id)));
                    });
                    if row.response().double_clicked() {
                        action = Some(ScreenAction::OpenRelease(release.id));
                    }
                });
            });
        action
    }
}

/// How a release ended; a release rolled back is never called a success, even when it was
/// completed after the rollback.
fn outcome_text(release: &Release) -> String {
    let mut text = match release.outcome {
        Some(Outcome::Successful) if release.rollback_count > 0 => tr("kpi-outcome-after-rollback"),
        Some(outcome) => i18n::outcome(outcome),
        None => "–".to_owned(),
    };
    if release.rollback_count > 0 {
        text.push_str(&format!(
            " · {}",
            tr_args("kpi-rollbacks", &[("count", release.rollback_count.into())])
        ));
    }
    text
}

/// The first letter of a release type's name, for the chip beside a subject.
fn type_letter(release_type: ReleaseType) -> String {
    i18n::release_type(release_type).chars().next().map(String::from).unwrap_or_default()
}

/// The title of the last column: what the picked KPI reads from each release.
fn detail_title(kpi: Kpi) -> String {
    match kpi {
        Kpi::Downtime => tr("kpi-downtime"),
        Kpi::Deployments => tr("kpi-behind-deploys"),
        Kpi::LeadTime | Kpi::HotfixLeadTime => tr("kpi-lead-time"),
        Kpi::RecoveryTime => tr("kpi-recovery-time"),
        Kpi::SuccessRate | Kpi::RollbackRate | Kpi::DeployTime | Kpi::ChangeFailureRate => tr("kpi-overrun"),
    }
}

/// What the picked KPI reads from a release: its overrun, downtime, deployments, lead time or
/// time to recover from its first rollback.
fn detail_text(kpi: Kpi, release: &Release, history: &[&StageEntry]) -> String {
    let hours = |from: Timestamp, to: Timestamp| (to - from).num_seconds() as f64 / 3600.0;
    let first_deploy = history.iter().find(|e| e.stage == Stage::Deploy).map(|e| e.entered_at);
    match kpi {
        Kpi::Downtime => i18n::duration(i64::from(release.downtime_minutes)),
        Kpi::Deployments => history.iter().filter(|e| e.stage == Stage::Deploy).count().to_string(),
        Kpi::LeadTime | Kpi::HotfixLeadTime => {
            i18n::kpi_value(kpi, first_deploy.map(|at| hours(release.created_at, at)))
        }
        Kpi::RecoveryTime => {
            let rollback = history.iter().position(|e| e.stage == Stage::Rollback);
            let recovered = rollback.and_then(|i| {
                let back = history[i].entered_at;
                history[i + 1..]
                    .iter()
                    .find(|e| matches!(e.stage, Stage::Deploy | Stage::Complete))
                    .map(|e| hours(back, e.entered_at))
            });
            i18n::kpi_value(kpi, recovered)
        }
        Kpi::SuccessRate | Kpi::RollbackRate | Kpi::DeployTime | Kpi::ChangeFailureRate => {
            kpi::overrun(release).map_or_else(|| "–".to_owned(), signed_percent)
        }
    }
}

/// A value cell of the monthly table, red when off target.
fn value_cell_ui(ui: &mut egui::Ui, report: &KpiReport, month: &kpi::MonthKpi, kpi: Kpi) {
    let text = i18n::kpi_value(kpi, month.value(kpi));
    let text = RichText::new(text);
    ui.label(match report.month_meets(month, kpi) {
        Some(false) => text.color(color(chart::OFF_TARGET_RGB)).strong(),
        _ => text,
    });
}
