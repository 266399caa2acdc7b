//! The page's layout: one KPI's chart (title, value and verdict, axes, target line, series,
//! markers, legend), or the summary page of all four.

use plotters::coord::Shift;
use plotters::coord::cartesian::Cartesian2d;
use plotters::coord::ranged1d::SegmentValue;
use plotters::coord::ranged1d::SegmentedCoord;
use plotters::coord::types::{RangedCoordf64, RangedCoordi32};
use plotters::prelude::*;
use plotters::style::FontStyle;
use plotters_backend::text_anchor::{HPos, Pos, VPos};

use super::{
    ChartError, ChartKind, ChartSpec, FONT_FAMILY, OFF_TARGET_RGB, ON_TARGET_RGB, TARGET_RGB, kpi_rgb,
};
use crate::domain::kpi::{KpiReport, KpiUnit, YearMonth};
use crate::domain::{Kpi, Language};
use crate::i18n::{self, tr_in};

fn rgb((r, g, b): (u8, u8, u8)) -> RGBColor {
    RGBColor(r, g, b)
}

/// A plotters error as a [`ChartError`].
pub(super) fn draw_err<E: std::fmt::Debug>(err: E) -> ChartError {
    ChartError::Draw(format!("{err:?}"))
}

/// Text scale for a drawing area: 1.0 at 700 pixels high.
fn scale_of(height: u32) -> f64 {
    (f64::from(height) / 700.0).clamp(0.5, 4.0)
}

fn font(size: f64) -> FontDesc<'static> {
    (FONT_FAMILY, size).into_font()
}

fn range_text(report: &KpiReport, language: Language) -> String {
    if report.range.from == report.range.to {
        i18n::month_in(language, report.range.from)
    } else {
        format!(
            "{} – {}",
            i18n::month_in(language, report.range.from),
            i18n::month_in(language, report.range.to)
        )
    }
}

pub(super) fn draw_page<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    report: &KpiReport,
    spec: &ChartSpec,
) -> Result<(), ChartError> {
    root.fill(&WHITE).map_err(draw_err)?;
    let language = spec.language;
    match spec.kind {
        ChartKind::One(kpi) => draw_kpi(root, report, kpi, language, true),
        ChartKind::Summary => {
            let scale = scale_of(spec.height / 2);
            let header = (70.0 * scale) as u32;
            let (head, body) = root.split_vertically(header);
            let title =
                format!("{} · {}", tr_in(language, "kpi-summary-title"), range_text(report, language));
            head.draw_text(
                &title,
                &font(30.0 * scale).style(FontStyle::Bold).color(&BLACK),
                ((20.0 * scale) as i32, (14.0 * scale) as i32),
            )
            .map_err(draw_err)?;
            let closed = i18n::tr_args_in(
                language,
                "kpi-summary-subtitle",
                &[("closed", report.total.closed.into()), ("months", report.range.len().into())],
            );
            head.draw_text(
                &closed,
                &font(17.0 * scale).color(&RGBColor(0x55, 0x55, 0x55)),
                ((20.0 * scale) as i32, (48.0 * scale) as i32),
            )
            .map_err(draw_err)?;
            let cells = body.split_evenly((2, 2));
            for (cell, kpi) in cells.iter().zip(Kpi::BRIEF) {
                draw_kpi(cell, report, kpi, language, false)?;
            }
            Ok(())
        }
    }
}

/// The y range of a KPI's chart (in the KPI's unit): room for every value and the target.
/// The dashboard uses it too, so screen and export frame the data alike.
pub fn y_range(kpi: Kpi, values: &[Option<f64>], target: f64) -> (f64, f64) {
    let known = values.iter().flatten().copied();
    let (low, high) = known.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let (low, high) = if low.is_finite() { (low.min(target), high.max(target)) } else { (target, target) };
    match kpi {
        Kpi::SuccessRate => ((low - 0.05).clamp(0.0, 0.9).min(low - 0.02).max(0.0), 1.0),
        Kpi::RollbackRate => (0.0, (high * 1.25).max(target * 2.0).clamp(0.05, 1.0)),
        Kpi::DeployTime => {
            let high = clip_top(kpi, values, target).unwrap_or(high * 1.25);
            ((low * 1.25).min(-0.05), high.max(target * 2.0).max(0.05))
        }
        Kpi::Downtime | Kpi::LeadTime | Kpi::RecoveryTime | Kpi::HotfixLeadTime => {
            (0.0, (high * 1.2).max(target * 1.5).max(1.0))
        }
        Kpi::Deployments => (0.0, (high * 1.2).max(target * 1.5).max(2.0)),
        Kpi::ChangeFailureRate => (0.0, (high * 1.25).max(target * 2.0).clamp(0.05, 1.0)),
    }
}

/// Where the deployment time chart is cut when one month's value would flatten the others
/// (one +800 % release): `None` when nothing needs cutting. A month above the cut is drawn at
/// it with a marker and its real value, and the chart says so. A value is an outlier when it
/// is over three times the larger of the next highest value and twice the target.
pub fn clip_top(kpi: Kpi, values: &[Option<f64>], target: f64) -> Option<f64> {
    if kpi != Kpi::DeployTime {
        return None;
    }
    let mut known: Vec<f64> = values.iter().flatten().copied().collect();
    known.sort_unstable_by(|a, b| b.total_cmp(a));
    let highest = *known.first()?;
    let rest = known.iter().copied().find(|v| *v < highest).unwrap_or(f64::NEG_INFINITY);
    let reference = rest.max(target * 2.0).max(0.05);
    (highest > 3.0 * reference).then_some(reference * 1.5)
}

/// One KPI's chart and what every part of it is drawn from.
struct KpiFrame<'a> {
    report: &'a KpiReport,
    kpi: Kpi,
    language: Language,
    /// Text and spacing scale ([`scale_of`] the area's height).
    scale: f64,
    /// The left padding, in pixels.
    pad: i32,
    /// A chart on its own (value labels on the markers), not one of the summary's four.
    single: bool,
    /// The target in words ("≥ 95%").
    target_text: String,
    /// The value of each month as drawn (`None`: no data that month), cut at `clip`.
    values: Vec<Option<f64>>,
    /// The value of each month, uncut.
    real: Vec<Option<f64>>,
    /// Where an outlier is cut ([`clip_top`]), if anywhere.
    clip: Option<f64>,
}

/// The plotting area of a KPI's chart: months (segments) across, the KPI's unit up.
type KpiChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<SegmentedCoord<RangedCoordi32>, RangedCoordf64>>;

fn draw_kpi<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    report: &KpiReport,
    kpi: Kpi,
    language: Language,
    single: bool,
) -> Result<(), ChartError> {
    let (_, height) = area.dim_in_pixel();
    let scale = scale_of(height);
    let (head, body) = area.split_vertically((64.0 * scale) as u32);
    let real: Vec<Option<f64>> = report.months.iter().map(|m| m.value(kpi)).collect();
    let clip = clip_top(kpi, &real, report.targets.target(kpi));
    let frame = KpiFrame {
        report,
        kpi,
        language,
        scale,
        pad: (16.0 * scale) as i32,
        single,
        target_text: i18n::kpi_target_in(language, &report.targets, kpi),
        values: real.iter().map(|v| v.map(|v| clip.map_or(v, |c| v.min(c)))).collect(),
        real,
        clip,
    };
    draw_header(&head, &frame)?;
    let mut chart = draw_axes(&body, &frame)?;
    draw_target_and_series(&mut chart, &frame)?;
    draw_markers(&mut chart, &body, &frame)?;
    chart
        .configure_series_labels()
        .position(if kpi.higher_is_better() {
            SeriesLabelPosition::LowerRight
        } else {
            SeriesLabelPosition::UpperRight
        })
        .label_font(font(14.0 * scale))
        .background_style(WHITE.mix(0.85))
        .border_style(RGBColor(0xcc, 0xcc, 0xcc))
        .draw()
        .map_err(draw_err)?;
    Ok(())
}

/// The header: name and target, then the period's value and how it compares.
fn draw_header<DB: DrawingBackend>(
    head: &DrawingArea<DB, Shift>,
    frame: &KpiFrame<'_>,
) -> Result<(), ChartError> {
    let KpiFrame { report, kpi, language, scale, pad, .. } = *frame;
    let title =
        format!("{} ({} {})", i18n::kpi_in(language, kpi), tr_in(language, "kpi-target"), frame.target_text);
    head.draw_text(
        &title,
        &font(24.0 * scale).style(FontStyle::Bold).color(&BLACK),
        (pad, (8.0 * scale) as i32),
    )
    .map_err(draw_err)?;
    let value = report.period_value(kpi);
    let verdict = match report.period_meets(kpi) {
        Some(true) => (tr_in(language, "kpi-on-target"), rgb(ON_TARGET_RGB)),
        Some(false) => (tr_in(language, "kpi-off-target"), rgb(OFF_TARGET_RGB)),
        None => (tr_in(language, "kpi-no-data"), RGBColor(0x77, 0x77, 0x77)),
    };
    let mut line = format!("{}: {}", range_text(report, language), i18n::kpi_value_in(language, kpi, value));
    if kpi == Kpi::Downtime {
        line.push_str(&format!(" {}", tr_in(language, "kpi-per-month")));
    }
    line.push_str(&format!(" · {}", verdict.0));
    let off = report.months_off_target(kpi);
    line.push_str(&format!(
        " · {}",
        i18n::tr_args_in(
            language,
            "kpi-months-off",
            &[("off", off.into()), ("months", report.months.len().into())]
        )
    ));
    head.draw_text(&line, &font(16.0 * scale).color(&verdict.1), (pad, (38.0 * scale) as i32))
        .map_err(draw_err)?;
    if let Some(limit) = frame.clip {
        let note = i18n::tr_args_in(
            language,
            "kpi-clipped-note",
            &[("limit", i18n::kpi_value_in(language, kpi, Some(limit)).into())],
        );
        let style = font(14.0 * scale).color(&rgb(OFF_TARGET_RGB)).pos(Pos::new(HPos::Right, VPos::Top));
        let (width, _) = head.dim_in_pixel();
        head.draw_text(&note, &style, (width as i32 - pad, (10.0 * scale) as i32)).map_err(draw_err)?;
    }
    Ok(())
}

/// The plotting area with its axes: months across, the KPI's unit up, framing values and target.
fn draw_axes<'a, DB: DrawingBackend>(
    body: &'a DrawingArea<DB, Shift>,
    frame: &KpiFrame<'_>,
) -> Result<KpiChart<'a, DB>, ChartError> {
    let KpiFrame { report, kpi, language, scale, pad, .. } = *frame;
    let target = report.targets.target(kpi);
    let (y_low, y_high) = y_range(kpi, &frame.values, target);
    let n = frame.values.len().max(1) as i32;
    let months: Vec<YearMonth> = report.months.iter().map(|m| m.month).collect();
    let mut chart = ChartBuilder::on(body)
        .margin_left(pad as u32)
        .margin_top((22.0 * scale) as u32)
        .margin_right((24.0 * scale) as u32)
        .margin_bottom((8.0 * scale) as u32)
        .x_label_area_size((36.0 * scale) as u32)
        .y_label_area_size((64.0 * scale) as u32)
        .build_cartesian_2d((0..n - 1).into_segmented(), y_low..y_high)
        .map_err(draw_err)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(months.len().max(1))
        .x_label_formatter(&|x| match x {
            SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => months
                .get(usize::try_from(*i).unwrap_or(usize::MAX))
                .map_or_else(String::new, |m| i18n::month_short_in(language, *m)),
            SegmentValue::Last => String::new(),
        })
        .y_labels(6)
        .y_label_formatter(&|y| match kpi.unit() {
            KpiUnit::Percent => format!("{:.0}%", y * 100.0),
            KpiUnit::Hours => i18n::hours_in(language, *y),
            KpiUnit::Count => format!("{y:.0}"),
        })
        .label_style(font(14.0 * scale))
        .light_line_style(TRANSPARENT)
        .bold_line_style(RGBColor(0xdd, 0xdd, 0xdd))
        .draw()
        .map_err(draw_err)?;
    Ok(chart)
}

/// The runs of months with a value, as line points (a month without data is a gap); at least
/// one run, so the series has its legend entry even without data.
fn runs_of(values: &[Option<f64>]) -> Vec<Vec<(SegmentValue<i32>, f64)>> {
    let mut runs: Vec<Vec<(SegmentValue<i32>, f64)>> = Vec::new();
    let mut current: Vec<(SegmentValue<i32>, f64)> = Vec::new();
    for (i, value) in values.iter().enumerate() {
        match value {
            Some(v) => current.push((SegmentValue::CenterOf(i as i32), *v)),
            None if !current.is_empty() => runs.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    if runs.is_empty() {
        runs.push(Vec::new());
    }
    runs
}

/// The target across the whole width, then the series: one line per run of months with a value.
fn draw_target_and_series<DB: DrawingBackend>(
    chart: &mut KpiChart<'_, DB>,
    frame: &KpiFrame<'_>,
) -> Result<(), ChartError> {
    let KpiFrame { report, kpi, language, .. } = *frame;
    let target = report.targets.target(kpi);
    let target_style = ShapeStyle { color: rgb(TARGET_RGB).to_rgba(), filled: false, stroke_width: 2 };
    chart
        .draw_series(LineSeries::new(
            [(SegmentValue::Exact(0), target), (SegmentValue::Last, target)],
            target_style,
        ))
        .map_err(draw_err)?
        .label(format!("{} {}", tr_in(language, "kpi-target"), frame.target_text))
        .legend(move |(x, y)| Rectangle::new([(x, y - 1), (x + 20, y + 1)], rgb(TARGET_RGB).filled()));

    let color = rgb(kpi_rgb(kpi));
    let series_style = ShapeStyle { color: color.to_rgba(), filled: false, stroke_width: 3 };
    for (index, run) in runs_of(&frame.values).into_iter().enumerate() {
        let drawn = chart.draw_series(LineSeries::new(run, series_style)).map_err(draw_err)?;
        if index == 0 {
            drawn
                .label(i18n::kpi_in(language, kpi))
                .legend(move |(x, y)| Rectangle::new([(x, y - 2), (x + 20, y + 2)], color.filled()));
        }
    }
    Ok(())
}

/// Markers: months off target in red and larger; value labels on single charts.
fn draw_markers<DB: DrawingBackend>(
    chart: &mut KpiChart<'_, DB>,
    body: &DrawingArea<DB, Shift>,
    frame: &KpiFrame<'_>,
) -> Result<(), ChartError> {
    let KpiFrame { report, kpi, language, scale, single, .. } = *frame;
    let color = rgb(kpi_rgb(kpi));
    let radius = (5.0 * scale).round() as i32;
    for (i, month) in report.months.iter().enumerate() {
        let Some(v) = frame.values[i] else { continue };
        let x = SegmentValue::CenterOf(i as i32);
        let off = report.month_meets(month, kpi) == Some(false);
        let (fill, r) = if off { (rgb(OFF_TARGET_RGB), radius + 2) } else { (color, radius) };
        let cut = frame.real[i].is_some_and(|real| real > v);
        if cut {
            // An outlier drawn at the cut: a triangle pointing up, beyond the frame's top.
            let at = chart.backend_coord(&(x.clone(), v));
            let (cx, cy) = (at.0 - body.get_base_pixel().0, at.1 - body.get_base_pixel().1);
            body.draw(&Polygon::new(
                vec![(cx, cy - r * 2), (cx - r - 2, cy + r), (cx + r + 2, cy + r)],
                fill.filled(),
            ))
            .map_err(draw_err)?;
        } else {
            chart
                .draw_series(std::iter::once(Circle::new((x.clone(), v), r, fill.filled())))
                .map_err(draw_err)?;
        }
        if single || cut {
            let text = i18n::kpi_value_in(language, kpi, frame.real[i]);
            let style = font(13.0 * scale)
                .color(if off { &fill } else { &BLACK })
                .pos(Pos::new(HPos::Center, VPos::Bottom));
            let at = chart.backend_coord(&(x, v));
            let (cx, bottom) = (at.0 - body.get_base_pixel().0, at.1 - body.get_base_pixel().1 - r - 4);
            // A light box behind the value keeps it readable where the line passes.
            let (w, h) = body.estimate_text_size(&text, &style).map_err(draw_err)?;
            let (w, h) = (w as i32 / 2 + 3, h as i32 + 2);
            body.draw(&Rectangle::new(
                [(cx - w, bottom - h), (cx + w, bottom + 1)],
                WHITE.mix(0.85).filled(),
            ))
            .map_err(draw_err)?;
            body.draw_text(&text, &style, (cx, bottom)).map_err(draw_err)?;
        }
    }
    Ok(())
}
