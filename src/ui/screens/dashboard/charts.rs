//! A chart per KPI by month, the target as a dashed line and the months off target in red; a
//! click on a month shows the releases behind it.

use egui::{RichText, Sense};
use egui_plot::{HLine, HoverPosition, Line, Plot, PlotPoints, Points};

use super::{Dashboard, MonthPick, PLOT_HEIGHT, color};
use crate::domain::Kpi;
use crate::domain::kpi::{self, KpiReport, YearMonth};
use crate::export::chart::{self, ChartKind};
use crate::i18n::{self, tr, tr_args};
use crate::model::Model;

impl Dashboard {
    pub(super) fn charts_ui(&mut self, ui: &mut egui::Ui, model: &Model) {
        let report = self.report(model).clone();
        // Two charts a row, leaving room for the grid spacing and the scroll bar.
        let width = ((ui.available_width() - 32.0) / 2.0).max(300.0);
        let mut export = None;
        egui::Grid::new("kpi_charts").num_columns(2).spacing([16.0, 12.0]).show(ui, |ui| {
            for (i, kpi) in Kpi::ALL.into_iter().enumerate() {
                ui.vertical(|ui| {
                    ui.set_width(width);
                    ui.horizontal(|ui| {
                        ui.strong(i18n::kpi(kpi));
                        ui.label(
                            RichText::new(i18n::kpi_target_in(i18n::language(), &report.targets, kpi)).weak(),
                        );
                        let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), Sense::hover());
                        ui.painter().circle_filled(rect.center(), 4.5, color(chart::OFF_TARGET_RGB));
                        ui.label(RichText::new(tr("kpi-off-target")).weak());
                        let idle = self.export.is_none();
                        if ui
                            .add_enabled(idle, egui::Button::new(tr("kpi-export-chart")).small())
                            .on_hover_text(tr("kpi-export-chart-hint"))
                            .clicked()
                        {
                            export = Some(kpi);
                        }
                    });
                    if let Some(month) = kpi_plot_ui(ui, &report, kpi, width) {
                        self.picked = Some(MonthPick { month, kpi: Some(kpi) });
                    }
                });
                if i % 2 == 1 {
                    ui.end_row();
                }
            }
        });
        if let Some(kpi) = export {
            self.save_chart_dialog(ui.ctx(), model, ChartKind::One(kpi));
        }
    }
}

/// The hover text of a month: exact value and the counts behind it.
pub(super) fn hover_text(report: &KpiReport, month: &kpi::MonthKpi, kpi: Kpi) -> String {
    let language = i18n::language();
    let name = i18n::month_in(language, month.month);
    let value = i18n::kpi_value_in(language, kpi, month.counts.value(kpi));
    let c = &month.counts;
    let detail = match kpi {
        Kpi::SuccessRate => {
            tr_args("kpi-hover-success", &[("part", c.successful.into()), ("closed", c.closed.into())])
        }
        Kpi::RollbackRate => {
            tr_args("kpi-hover-rollback", &[("part", c.rolled_back.into()), ("closed", c.closed.into())])
        }
        Kpi::DeployTime => tr_args(
            "kpi-hover-deploy",
            &[("timed", c.timed.into()), ("within", c.within_10pct.into()), ("closed", c.closed.into())],
        ),
        Kpi::Downtime => tr_args(
            "kpi-hover-downtime",
            &[("minutes", i18n::duration(c.downtime_minutes as i64).into()), ("closed", c.closed.into())],
        ),
    };
    let verdict = match report.month_meets(month, kpi) {
        Some(true) => tr("kpi-on-target"),
        Some(false) => tr("kpi-off-target"),
        None => tr("kpi-no-data"),
    };
    format!("{name}: {value} ({verdict})\n{detail}")
}

/// The chart of one KPI by month. Returns the month clicked, if any.
fn kpi_plot_ui(ui: &mut egui::Ui, report: &KpiReport, kpi: Kpi, width: f32) -> Option<YearMonth> {
    let language = i18n::language();
    let n = report.months.len();
    let values: Vec<Option<f64>> = report.months.iter().map(|m| m.counts.value(kpi)).collect();
    let target = report.targets.target(kpi);
    let scale = if kpi.is_percentage() { 100.0 } else { 1.0 };
    let series_color = color(chart::kpi_rgb(kpi));
    let off_color = color(chart::OFF_TARGET_RGB);
    let target_color = ui.visuals().strong_text_color();
    let months: Vec<YearMonth> = report.months.iter().map(|m| m.month).collect();
    let month_at = move |x: f64| -> Option<usize> {
        let i = x.round();
        (i >= 0.0 && (i as usize) < n && (x - i).abs() <= 0.5).then_some(i as usize)
    };
    let hover_report = report.clone();
    let axis_months = months.clone();
    let unit = if kpi.is_percentage() { "%".to_owned() } else { tr("kpi-hours-unit") };
    let (y_low, y_high) = chart::y_range(kpi, &values, target);
    let response = Plot::new(("kpi_plot", kpi))
        .width(width)
        .height(PLOT_HEIGHT)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_grid([false, true])
        .y_axis_min_width(44.0)
        .include_x(-0.5)
        .include_x(n as f64 - 0.5)
        .include_y(y_low * scale)
        .include_y(y_high * scale)
        .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 3.0, 12.0]))
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() > 1e-6 || i < 0.0 {
                return String::new();
            }
            axis_months.get(i as usize).map_or_else(String::new, |m| i18n::month_short_in(language, *m))
        })
        .y_axis_formatter(move |mark, _| format!("{}{unit}", mark.value))
        .label_formatter(move |position| {
            let x = match position {
                HoverPosition::NearDataPoint { position, .. } | HoverPosition::Elsewhere { position } => {
                    position.x
                }
            };
            let i = month_at(x)?;
            Some(hover_text(&hover_report, &hover_report.months[i], kpi))
        })
        .show(ui, |plot_ui| {
            plot_ui.hline(
                HLine::new(
                    format!("{} {}", tr("kpi-target"), i18n::kpi_target_in(language, &report.targets, kpi)),
                    target * scale,
                )
                .color(target_color)
                .style(egui_plot::LineStyle::dashed_dense())
                .width(2.0),
            );
            let mut run: Vec<[f64; 2]> = Vec::new();
            let mut runs = Vec::new();
            for (i, v) in values.iter().enumerate() {
                match v {
                    Some(v) => run.push([i as f64, v * scale]),
                    None if !run.is_empty() => runs.push(std::mem::take(&mut run)),
                    None => {}
                }
            }
            if !run.is_empty() {
                runs.push(run);
            }
            let name = i18n::kpi(kpi);
            for run in runs {
                plot_ui.line(Line::new(name.clone(), PlotPoints::new(run)).color(series_color).width(2.5));
            }
            let (mut on, mut off) = (Vec::new(), Vec::new());
            for (i, m) in report.months.iter().enumerate() {
                let Some(v) = values[i] else { continue };
                if report.month_meets(m, kpi) == Some(false) {
                    off.push([i as f64, v * scale]);
                } else {
                    on.push([i as f64, v * scale]);
                }
            }
            plot_ui
                .points(Points::new(name, PlotPoints::new(on)).color(series_color).radius(3.5).filled(true));
            plot_ui.points(
                Points::new(tr("kpi-off-target"), PlotPoints::new(off))
                    .color(off_color)
                    .radius(5.5)
                    .filled(true),
            );
        });
    let clicked = response.response.clicked();
    let pointer = response.response.interact_pointer_pos();
    if clicked && let Some(pos) = pointer {
        let value = response.transform.value_from_position(pos);
        return month_at(value.x).map(|i| months[i]);
    }
    None
}
