//! A chart per KPI by month, the target as a dashed line, DORA's tier boundaries as faint lines
//! where DORA publishes tiers, the months off target in red, an unfinished month hollow (not
//! judged) and outliers cut with a marker; a click on a month shows the releases behind it.

use egui::{RichText, Sense};
use egui_plot::{HLine, HoverPosition, Line, Plot, PlotPoints, Points};

use super::{Dashboard, MonthPick, PLOT_HEIGHT, color};
use crate::domain::Kpi;
use crate::domain::kpi::{self, DoraTier, KpiReport, KpiUnit, YearMonth};
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
    let value = i18n::kpi_value_in(language, kpi, month.value(kpi));
    let c = &month.counts;
    let d = &c.delivery;
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
        Kpi::Deployments => tr_args("kpi-hover-deployments", &[("count", d.deployments.into())]),
        Kpi::LeadTime => tr_args(
            "kpi-hover-lead",
            &[
                ("count", d.first_deployed.into()),
                ("p90", i18n::kpi_value_in(language, kpi, d.lead_time_p90).into()),
            ],
        ),
        Kpi::ChangeFailureRate => {
            tr_args("kpi-hover-failure", &[("part", c.failed_changes.into()), ("closed", c.closed.into())])
        }
        Kpi::RecoveryTime => tr_args(
            "kpi-hover-recovery",
            &[("recovered", d.recovered.into()), ("rollbacks", d.rollbacks.into())],
        ),
        Kpi::HotfixLeadTime => {
            tr_args("kpi-hover-hotfix", &[("within", d.hotfix_within.into()), ("count", d.hotfixes.into())])
        }
    };
    let verdict = match report.month_meets(month, kpi) {
        Some(true) => tr("kpi-on-target"),
        Some(false) => tr("kpi-off-target"),
        None if !month.finished => tr("kpi-month-unfinished"),
        None => tr("kpi-no-data"),
    };
    format!("{name}: {value} ({verdict})\n{detail}")
}

/// The chart of one KPI by month. Returns the month clicked, if any.
fn kpi_plot_ui(ui: &mut egui::Ui, report: &KpiReport, kpi: Kpi, width: f32) -> Option<YearMonth> {
    let language = i18n::language();
    let n = report.months.len();
    let real: Vec<Option<f64>> = report.months.iter().map(|m| m.value(kpi)).collect();
    let target = report.targets.target(kpi);
    let clip = chart::clip_top(kpi, &real, target);
    let values: Vec<Option<f64>> = real.iter().map(|v| v.map(|v| clip.map_or(v, |c| v.min(c)))).collect();
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
    let unit = match kpi.unit() {
        KpiUnit::Percent => "%".to_owned(),
        KpiUnit::Hours => tr("kpi-hours-unit"),
        KpiUnit::Count => String::new(),
    };
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
        .y_axis_formatter(move |mark, _| axis_label(mark.value, &unit))
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
            reference_lines_ui(plot_ui, kpi, scale, clip, target_color, off_color);
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
            markers_ui(plot_ui, report, kpi, (&values, &real), scale, (series_color, off_color));
        });
    let clicked = response.response.clicked();
    let pointer = response.response.interact_pointer_pos();
    if clicked && let Some(pos) = pointer {
        let value = response.transform.value_from_position(pos);
        return month_at(value.x).map(|i| months[i]);
    }
    None
}

/// The month markers: on target, off target (red, larger), unfinished (hollow, not judged) and
/// cut at the top (a red triangle).
fn markers_ui(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    report: &KpiReport,
    kpi: Kpi,
    (values, real): (&[Option<f64>], &[Option<f64>]),
    scale: f64,
    (series_color, off_color): (egui::Color32, egui::Color32),
) {
    let name = i18n::kpi(kpi);
    let (mut on, mut off, mut open, mut cut) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (i, m) in report.months.iter().enumerate() {
        let Some(v) = values[i] else { continue };
        let point = [i as f64, v * scale];
        if real[i].is_some_and(|r| r > v) {
            cut.push(point);
        }
        if !m.finished {
            open.push(point);
        } else if report.month_meets(m, kpi) == Some(false) {
            off.push(point);
        } else {
            on.push(point);
        }
    }
    plot_ui.points(
        Points::new(tr("kpi-month-unfinished"), PlotPoints::new(open))
            .color(series_color)
            .radius(4.5)
            .filled(false),
    );
    plot_ui.points(
        Points::new(tr("kpi-clipped"), PlotPoints::new(cut))
            .color(off_color)
            .shape(egui_plot::MarkerShape::Up)
            .radius(8.0)
            .filled(true),
    );
    plot_ui.points(Points::new(name, PlotPoints::new(on)).color(series_color).radius(3.5).filled(true));
    plot_ui.points(
        Points::new(tr("kpi-off-target"), PlotPoints::new(off)).color(off_color).radius(5.5).filled(true),
    );
}

/// DORA's tier boundaries (faint, dotted) and the line where an outlier is cut.
fn reference_lines_ui(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    kpi: Kpi,
    scale: f64,
    clip: Option<f64>,
    target_color: egui::Color32,
    off_color: egui::Color32,
) {
    let language = i18n::language();
    if let Some(bounds) = kpi::dora_bounds(kpi) {
        for (bound, tier) in bounds.into_iter().zip(DoraTier::ALL) {
            let name = tr_args("kpi-dora-bound", &[("tier", i18n::dora_tier(tier).into())]);
            plot_ui.hline(
                HLine::new(name, bound * scale)
                    .color(target_color.gamma_multiply(0.35))
                    .style(egui_plot::LineStyle::dotted_loose())
                    .width(1.0),
            );
        }
    }
    if let Some(limit) = clip {
        plot_ui.hline(
            HLine::new(
                tr_args(
                    "kpi-clipped-note",
                    &[("limit", i18n::kpi_value_in(language, kpi, Some(limit)).into())],
                ),
                limit * scale,
            )
            .color(off_color.gamma_multiply(0.6))
            .style(egui_plot::LineStyle::dashed_loose())
            .width(1.0),
        );
    }
}

/// A y-axis label: whole numbers as they are, small steps with the decimals they need.
fn axis_label(value: f64, unit: &str) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    if (rounded - rounded.round()).abs() < 1e-9 {
        format!("{rounded:.0}{unit}")
    } else if (rounded * 10.0 - (rounded * 10.0).round()).abs() < 1e-9 {
        format!("{rounded:.1}{unit}")
    } else {
        format!("{rounded:.2}{unit}")
    }
}
