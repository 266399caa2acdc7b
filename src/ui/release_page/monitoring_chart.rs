//! The small chart of one metric on the release page: its readings in the order measured, the
//! threshold as a dashed line, breaches marked in red.

use egui_plot::{HLine, Line, Plot, PlotPoints, Points};

use super::ERROR_RED;
use crate::domain::{Breach, MetricName, MetricReading, ReleaseId, Threshold};
use crate::i18n::{self, tr};

/// The chart's height.
const CHART_HEIGHT: f32 = 130.0;
/// The chart's widest.
const CHART_WIDTH: f32 = 520.0;
/// The line's colour.
const SERIES: egui::Color32 = egui::Color32::from_rgb(0x2f, 0x6f, 0xd6);

/// A chart of `readings` (already in id order) with `threshold` as a line and `breaches` marked.
pub fn chart_ui(
    ui: &mut egui::Ui,
    release: ReleaseId,
    metric: &MetricName,
    readings: &[&MetricReading],
    threshold: Option<Threshold>,
    breaches: &[Breach],
) {
    if readings.is_empty() {
        return;
    }
    let mut ordered: Vec<&MetricReading> = readings.to_vec();
    ordered.sort_by_key(|r| (r.at, r.id));
    let points: Vec<[f64; 2]> = ordered.iter().enumerate().map(|(i, r)| [i as f64, r.value]).collect();
    let breached: Vec<[f64; 2]> = ordered
        .iter()
        .enumerate()
        .filter(|(_, r)| breaches.iter().any(|b| b.reading == r.id))
        .map(|(i, r)| [i as f64, r.value])
        .collect();
    let labels: Vec<String> = ordered.iter().map(|r| i18n::phase_label(r.phase.as_deref())).collect();
    let hover: Vec<String> = ordered
        .iter()
        .map(|r| {
            format!(
                "{} · {} · {}",
                i18n::phase_label(r.phase.as_deref()),
                i18n::datetime_short(r.at),
                i18n::metric_value(&r.metric, r.value)
            )
        })
        .collect();
    let n = ordered.len();
    let unit_metric = metric.clone();
    let width = ui.available_width().min(CHART_WIDTH);
    let mut plot = Plot::new(("monitoring_chart", release.0, metric.code()))
        .width(width)
        .height(CHART_HEIGHT)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_grid([false, true])
        .y_axis_min_width(48.0)
        .include_x(-0.5)
        .include_x(n as f64 - 0.5)
        .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 5.0, 10.0]))
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() > 1e-6 || i < 0.0 {
                return String::new();
            }
            labels.get(i as usize).cloned().unwrap_or_default()
        })
        .y_axis_formatter(move |mark, _| i18n::metric_value(&unit_metric, mark.value))
        .label_formatter(move |position| {
            let x = match position {
                egui_plot::HoverPosition::NearDataPoint { position, .. }
                | egui_plot::HoverPosition::Elsewhere { position } => position.x,
            };
            let i = x.round();
            (i >= 0.0 && (x - i).abs() <= 0.5).then(|| hover.get(i as usize).cloned()).flatten()
        });
    // The readings and the limit, with a margin above and below so no marker sits on the edge.
    let values = ordered.iter().map(|r| r.value).chain(threshold.map(|t| t.limit));
    let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let range = high - low;
    let margin = if range > 0.0 { range * 0.15 } else { (high.abs() * 0.05).max(1.0) };
    // A percentage never goes past 100 %: the axis does not either.
    let top = if metric.is_percent() { (high + margin).min(100.0_f64.max(high)) } else { high + margin };
    plot = plot.include_y(low - margin).include_y(top);
    let name = i18n::metric_name(metric);
    plot.show(ui, |plot_ui| {
        if let Some(t) = threshold {
            let text = format!("{}: {}", tr("monitoring-field-threshold"), i18n::threshold_text(metric, t));
            plot_ui.hline(
                HLine::new(text, t.limit)
                    .color(ERROR_RED)
                    .style(egui_plot::LineStyle::dashed_dense())
                    .width(1.5),
            );
        }
        plot_ui.line(Line::new(name.clone(), PlotPoints::new(points.clone())).color(SERIES).width(2.0));
        plot_ui.points(Points::new(name, PlotPoints::new(points)).color(SERIES).radius(3.0).filled(true));
        if !breached.is_empty() {
            plot_ui.points(
                Points::new(i18n::breach_label(), PlotPoints::new(breached))
                    .color(ERROR_RED)
                    .radius(5.5)
                    .filled(true),
            );
        }
    });
}
