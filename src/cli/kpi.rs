//! `kpi` and `chart`: the release KPIs by month, printed or drawn for a CAB pack.

use std::path::{Path, PathBuf};

use super::{Format, open_existing};
use crate::domain::Timestamp;
use crate::domain::kpi::{self, KpiFilter, KpiReport, MonthRange, YearMonth};
use crate::export;
use crate::export::chart::{ChartKind, ChartSpec};
use crate::i18n;
use crate::model::Model;

/// The months to report: `--from`/`--to`, by default the twelve months ending this month.
fn kpi_period(from: Option<YearMonth>, to: Option<YearMonth>, now: Timestamp) -> Result<MonthRange, String> {
    let this_month = YearMonth::of(now, &chrono::Local);
    let to = to.unwrap_or_else(|| this_month.max(from.unwrap_or(this_month)));
    let from = from.unwrap_or_else(|| to.plus(-11));
    MonthRange::new(from, to).map_err(|e| i18n::range_invalid(&e))
}

fn kpi_report(model: &Model, from: Option<YearMonth>, to: Option<YearMonth>) -> Result<KpiReport, String> {
    let range = kpi_period(from, to, model.now())?;
    Ok(kpi::compute(
        model.releases(),
        model.stage_entries(),
        range,
        model.settings().kpi_targets,
        KpiFilter::default(),
        model.now(),
        &chrono::Local,
    ))
}

/// `kpi`: the KPIs of each month of the period against the targets.
pub(super) fn kpi(
    db: &Path,
    from: Option<YearMonth>,
    to: Option<YearMonth>,
    format: Format,
) -> Result<String, String> {
    let model = open_existing(db)?;
    let report = kpi_report(&model, from, to)?;
    match format {
        Format::Json => serde_json::to_string_pretty(&export::kpi::report_json(&report))
            .map(|s| s + "\n")
            .map_err(|e| e.to_string()),
        Format::Csv => export::kpi::report_csv(&report).map_err(|e| e.to_string()),
        Format::Table => Ok(export::kpi::report_text(&report, crate::i18n::language())),
    }
}

/// `chart`: draws one KPI (or all four) to an SVG or PNG file.
pub(super) fn chart(
    db: &Path,
    out: PathBuf,
    kpi: ChartKind,
    from: Option<YearMonth>,
    to: Option<YearMonth>,
    width: Option<u32>,
    height: Option<u32>,
) -> Result<String, String> {
    if export::chart::ImageFormat::from_path(&out).is_none() {
        let err = export::chart::ChartError::UnknownFormat(out);
        return Err(export::chart::error_in(i18n::language(), &err));
    }
    let model = open_existing(db)?;
    let report = kpi_report(&model, from, to)?;
    let mut spec = ChartSpec::new(kpi, crate::i18n::language());
    spec.width = width.unwrap_or(spec.width);
    spec.height = height.unwrap_or(spec.height);
    export::chart::write_chart(&report, &spec, &out, &mut |_| {})
        .map_err(|e| export::chart::error_in(spec.language, &e))?;
    let line = crate::i18n::tr_args(
        "cli-chart-written",
        &[
            ("path", out.display().to_string().into()),
            ("width", spec.width.into()),
            ("height", spec.height.into()),
        ],
    );
    Ok(line + "\n")
}
