//! The KPI dashboard: four cards (period value, target, on/off target, change against the period
//! before), a chart per KPI by month with the target as a line, a period selector and filters,
//! the monthly table, the releases behind a clicked month, the targets editor, and exports
//! (charts as SVG/PNG and the table as CSV) that run on their own thread with a progress bar.

use std::path::PathBuf;
use std::sync::mpsc;

use egui::{Color32, RichText, Sense};
use egui_extras::{Column, TableBuilder};
use egui_plot::{HLine, HoverPosition, Line, Plot, PlotPoints, Points};

use super::widgets::{chip_ui, type_color};
use crate::domain::kpi::{self, KpiFilter, KpiReport, MonthRange, YearMonth};
use crate::domain::{Directory, GroupId, Kpi, KpiTargets, Language, Release, ReleaseId, ReleaseType};
use crate::export::chart::{self, ChartKind, ChartSpec, ImageFormat};
use crate::i18n::{self, tr, tr_args};
use crate::model::{Command, Model, SettingsCommand};
use crate::ui::outbox::{Outbox, Sender};

/// What the dashboard asks the window to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DashboardAction {
    OpenRelease(ReleaseId),
}

/// Which months the dashboard shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodChoice {
    /// The last N months, this one included.
    Last(u32),
    /// `from..=to`, picked by the user.
    Custom,
}

/// A month picked in a chart or the table, and the KPI it was picked for (`None`: the table).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthPick {
    pub month: YearMonth,
    pub kpi: Option<Kpi>,
}

/// The KPI targets being edited.
struct TargetsDraft {
    /// Percentages and hours, as the user types them.
    success_pct: f64,
    rollback_pct: f64,
    overrun_pct: f64,
    downtime_hours: f64,
    error: Option<String>,
    pending: bool,
}

impl TargetsDraft {
    fn from_targets(t: &KpiTargets) -> Self {
        Self {
            success_pct: t.success_rate * 100.0,
            rollback_pct: t.rollback_rate * 100.0,
            overrun_pct: t.deploy_time_overrun * 100.0,
            downtime_hours: t.downtime_hours,
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
        }
    }
}

/// Progress messages from the export thread.
enum ExportMessage {
    Progress(f32),
    Done(Result<PathBuf, String>),
}

/// An export running on its own thread.
struct ExportJob {
    receiver: mpsc::Receiver<ExportMessage>,
    file_name: String,
    progress: f32,
}

/// The work an export thread does; it reports progress (0.0..=1.0) through the callback.
type ExportWork = Box<dyn FnOnce(&mut dyn FnMut(f32)) -> Result<(), String> + Send>;

/// The computed report and what it was computed from.
struct CachedReport {
    key: (u64, MonthRange, KpiFilter),
    report: KpiReport,
}

/// The dashboard's state.
pub struct Dashboard {
    pub period: PeriodChoice,
    pub custom_from: Option<YearMonth>,
    pub custom_to: Option<YearMonth>,
    pub filter: KpiFilter,
    pub picked: Option<MonthPick>,
    cache: Option<CachedReport>,
    targets: Option<TargetsDraft>,
    export: Option<ExportJob>,
    /// The last export's outcome: text and whether it failed.
    export_status: Option<(String, bool)>,
}

impl Default for Dashboard {
    fn default() -> Self {
        Self {
            period: PeriodChoice::Last(12),
            custom_from: None,
            custom_to: None,
            filter: KpiFilter::default(),
            picked: None,
            cache: None,
            targets: None,
            export: None,
            export_status: None,
        }
    }
}

/// The narrowest a KPI card gets (inside its frame's margins).
const CARD_MIN_WIDTH: f32 = 200.0;
const PLOT_HEIGHT: f32 = 230.0;

fn color((r, g, b): (u8, u8, u8)) -> Color32 {
    Color32::from_rgb(r, g, b)
}

/// The month "now" falls in, locally.
fn this_month(model: &Model) -> YearMonth {
    YearMonth::of(model.now(), &chrono::Local)
}

impl Dashboard {
    /// The months shown.
    pub fn range(&self, model: &Model) -> MonthRange {
        let now = this_month(model);
        match self.period {
            PeriodChoice::Last(n) => MonthRange::last(n, now),
            PeriodChoice::Custom => {
                let to = self.custom_to.unwrap_or(now);
                let from = self.custom_from.unwrap_or_else(|| to.plus(-11));
                MonthRange::new(from, to).unwrap_or_else(|_| MonthRange::last(1, to))
            }
        }
    }

    /// The report for the current period and filters, recomputed when the model changed.
    pub fn report(&mut self, model: &Model) -> &KpiReport {
        let key = (model.revision(), self.range(model), self.filter);
        let cache = match self.cache.take() {
            Some(cache) if cache.key == key => cache,
            _ => CachedReport {
                key,
                report: kpi::compute(
                    model.releases(),
                    key.1,
                    model.settings().kpi_targets,
                    key.2,
                    &chrono::Local,
                ),
            },
        };
        &self.cache.insert(cache).report
    }

    /// Opens the targets editor on the current targets.
    pub fn open_targets(&mut self, model: &Model) {
        self.targets = Some(TargetsDraft::from_targets(&model.settings().kpi_targets));
    }

    pub fn targets_open(&self) -> bool {
        self.targets.is_some()
    }

    /// Called with the result of the queued targets command.
    pub fn on_result(&mut self, result: Result<(), String>) {
        match result {
            Ok(()) => self.targets = None,
            Err(message) => {
                if let Some(draft) = &mut self.targets {
                    draft.pending = false;
                    draft.error = Some(message);
                }
            }
        }
    }

    /// Whether an export is running.
    pub fn exporting(&self) -> bool {
        self.export.is_some()
    }

    /// The last export's message and whether it failed.
    pub fn export_status(&self) -> Option<&(String, bool)> {
        self.export_status.as_ref()
    }

    /// Starts writing a chart of the current report to `path` on another thread.
    pub fn start_chart_export(&mut self, model: &Model, kind: ChartKind, path: PathBuf, language: Language) {
        let report = self.report(model).clone();
        let spec = ChartSpec::new(kind, language);
        let target = path.clone();
        self.start_export(
            path,
            Box::new(move |progress| {
                chart::write_chart(&report, &spec, &target, progress)
                    .map_err(|e| i18n::chart_error_in(language, &e))
            }),
        );
    }

    /// Starts writing the monthly table as CSV to `path` on another thread.
    pub fn start_csv_export(&mut self, model: &Model, path: PathBuf) {
        let report = self.report(model).clone();
        let target = path.clone();
        self.start_export(
            path,
            Box::new(move |progress| {
                let text = crate::export::kpi::report_csv(&report).map_err(|e| e.to_string())?;
                progress(0.5);
                std::fs::write(&target, text).map_err(|e| format!("{}: {e}", target.display()))
            }),
        );
    }

    fn start_export(&mut self, path: PathBuf, work: ExportWork) {
        let (sender, receiver) = mpsc::channel();
        let file_name = path.file_name().map_or_else(String::new, |f| f.to_string_lossy().into_owned());
        let spawned = std::thread::Builder::new().name("kpi-export".into()).spawn(move || {
            let progress_sender = sender.clone();
            let mut progress = move |share: f32| {
                let _ = progress_sender.send(ExportMessage::Progress(share));
            };
            let result = work(&mut progress).map(|()| path);
            let _ = sender.send(ExportMessage::Done(result));
        });
        match spawned {
            Ok(_) => {
                self.export_status = None;
                self.export = Some(ExportJob { receiver, file_name, progress: 0.0 });
            }
            Err(err) => self.export_status = Some((err.to_string(), true)),
        }
    }

    /// Reads the export thread's messages (once a frame).
    pub fn poll_export(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.export else { return };
        let mut done = None;
        loop {
            match job.receiver.try_recv() {
                Ok(ExportMessage::Progress(share)) => job.progress = share,
                Ok(ExportMessage::Done(result)) => {
                    done = Some(result);
                    break;
                }
                Err(mpsc::TryRecvError::Empty) => break,
                Err(mpsc::TryRecvError::Disconnected) => {
                    done = Some(Err(tr("kpi-export-stopped")));
                    break;
                }
            }
        }
        match done {
            Some(Ok(path)) => {
                self.export_status =
                    Some((tr_args("kpi-export-done", &[("path", path.display().to_string().into())]), false));
                self.export = None;
            }
            Some(Err(message)) => {
                self.export_status = Some((tr_args("kpi-export-failed", &[("error", message.into())]), true));
                self.export = None;
            }
            None => ctx.request_repaint_after(std::time::Duration::from_millis(50)),
        }
    }

    /// Asks where to save a chart (rfd) and starts the export.
    fn save_chart_dialog(&mut self, model: &Model, kind: ChartKind) {
        let last = self.range(model).to;
        let picked = rfd::FileDialog::new()
            .set_title(tr("kpi-export-title"))
            .set_file_name(chart::default_file_name(kind, last, ImageFormat::Svg))
            .add_filter("SVG", &["svg"])
            .add_filter("PNG", &["png"])
            .save_file();
        if let Some(mut path) = picked {
            if ImageFormat::from_path(&path).is_none() {
                path.set_extension("svg");
            }
            self.start_chart_export(model, kind, path, i18n::language());
        }
    }

    fn save_csv_dialog(&mut self, model: &Model) {
        let last = self.range(model).to;
        let picked = rfd::FileDialog::new()
            .set_title(tr("kpi-export-csv"))
            .set_file_name(format!("kpi-{last}.csv"))
            .add_filter("CSV", &["csv"])
            .save_file();
        if let Some(path) = picked {
            self.start_csv_export(model, path);
        }
    }

    /// The whole dashboard, in the central panel.
    pub fn dashboard_ui(
        &mut self,
        ui: &mut egui::Ui,
        model: &Model,
        outbox: &mut Outbox,
    ) -> Option<DashboardAction> {
        self.poll_export(ui.ctx());
        let mut action = None;
        if self.picked.is_some() {
            // The releases behind the picked month sit beside the charts.
            let total = ui.available_width();
            let side = (total * 0.4).clamp(420.0, 640.0);
            let main = (total - side - 12.0).max(300.0);
            let height = ui.available_height();
            ui.horizontal_top(|ui| {
                ui.allocate_ui_with_layout(
                    egui::vec2(main, height),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| {
                        ui.set_max_width(main);
                        self.overview_ui(ui, model);
                    },
                );
                ui.separator();
                ui.allocate_ui_with_layout(
                    egui::vec2(side, height),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| {
                        ui.set_max_width(side);
                        action = self.month_releases_ui(ui, model);
                    },
                );
            });
        } else {
            self.overview_ui(ui, model);
        }
        self.targets_modal_ui(ui.ctx(), outbox);
        action
    }

    /// Controls, cards, charts and the monthly table, scrolling together.
    fn overview_ui(&mut self, ui: &mut egui::Ui, model: &Model) {
        egui::ScrollArea::vertical().id_salt("kpi_overview").auto_shrink([false, false]).show(ui, |ui| {
            self.controls_ui(ui, model);
            ui.add_space(6.0);
            self.cards_ui(ui, model);
            ui.add_space(8.0);
            self.charts_ui(ui, model);
            ui.add_space(8.0);
            ui.strong(tr("kpi-monthly-table"));
            // The table scrolls sideways on its own, so it never widens the cards and charts.
            egui::ScrollArea::horizontal().id_salt("kpi_monthly_scroll").show(ui, |ui| {
                self.monthly_table_ui(ui, model);
            });
        });
    }

    fn controls_ui(&mut self, ui: &mut egui::Ui, model: &Model) {
        ui.horizontal_wrapped(|ui| {
            ui.label(tr("kpi-period"));
            for n in [3, 6, 12] {
                let label = tr_args("kpi-last-months", &[("count", n.into())]);
                if ui.selectable_label(self.period == PeriodChoice::Last(n), label).clicked() {
                    self.period = PeriodChoice::Last(n);
                }
            }
            if ui.selectable_label(self.period == PeriodChoice::Custom, tr("kpi-custom")).clicked() {
                let range = self.range(model);
                self.custom_from = Some(range.from);
                self.custom_to = Some(range.to);
                self.period = PeriodChoice::Custom;
            }
            if self.period == PeriodChoice::Custom {
                let range = self.range(model);
                let mut from = self.custom_from.unwrap_or(range.from);
                let mut to = self.custom_to.unwrap_or(range.to);
                month_picker_ui(ui, "kpi_from", &tr("kpi-from"), &mut from);
                ui.label("–");
                month_picker_ui(ui, "kpi_to", &tr("kpi-to"), &mut to);
                self.custom_from = Some(from);
                self.custom_to = Some(to);
                if let Err(err) = MonthRange::new(from, to) {
                    ui.colored_label(ui.visuals().error_fg_color, i18n::range_invalid(&err));
                }
            }
            ui.separator();
            group_filter_ui(ui, model.directory(), &mut self.filter.group);
            type_filter_ui(ui, &mut self.filter.release_type);
            ui.separator();
            if ui.button(tr("kpi-targets-edit")).clicked() {
                self.open_targets(model);
            }
            let idle = self.export.is_none();
            if ui.add_enabled(idle, egui::Button::new(tr("kpi-export-summary"))).clicked() {
                self.save_chart_dialog(model, ChartKind::Summary);
            }
            if ui.add_enabled(idle, egui::Button::new(tr("kpi-export-csv"))).clicked() {
                self.save_csv_dialog(model);
            }
        });
        if let Some(job) = &self.export {
            ui.horizontal(|ui| {
                ui.label(tr_args("kpi-exporting", &[("file", job.file_name.clone().into())]));
                ui.add(egui::ProgressBar::new(job.progress).desired_width(200.0).show_percentage());
            });
        } else if let Some((text, failed)) = &self.export_status {
            let text = RichText::new(text);
            ui.label(if *failed { text.color(ui.visuals().error_fg_color) } else { text });
        }
        let range = self.range(model);
        let report = self.report(model);
        ui.label(
            RichText::new(tr_args(
                "kpi-period-summary",
                &[
                    ("from", i18n::month_in(i18n::language(), range.from).into()),
                    ("to", i18n::month_in(i18n::language(), range.to).into()),
                    ("closed", report.total.closed.into()),
                ],
            ))
            .weak(),
        );
    }

    fn cards_ui(&mut self, ui: &mut egui::Ui, model: &Model) {
        let report = self.report(model).clone();
        // Four cards a row when they fit at their smallest, else two (frames do not wrap by themselves).
        let spacing = ui.spacing().item_spacing.x;
        let available = ui.available_width();
        let per_row = if available >= 4.0 * (CARD_MIN_WIDTH + 22.0) + 3.0 * spacing { 4 } else { 2 };
        let width =
            ((available - (per_row as f32 - 1.0) * spacing) / per_row as f32 - 22.0).max(CARD_MIN_WIDTH);
        for row in Kpi::ALL.chunks(per_row) {
            ui.horizontal(|ui| {
                for kpi in row {
                    card_ui(ui, &report, *kpi, width);
                }
            });
        }
    }

    fn charts_ui(&mut self, ui: &mut egui::Ui, model: &Model) {
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
            self.save_chart_dialog(model, ChartKind::One(kpi));
        }
    }

    fn monthly_table_ui(&mut self, ui: &mut egui::Ui, model: &Model) {
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

    fn month_releases_ui(&mut self, ui: &mut egui::Ui, model: &Model) -> Option<DashboardAction> {
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
                            action = Some(DashboardAction::OpenRelease(release.id));
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
                        action = Some(DashboardAction::OpenRelease(release.id));
                    }
                });
            });
        action
    }

    fn targets_modal_ui(&mut self, ctx: &egui::Context, outbox: &mut Outbox) {
        let Some(draft) = &mut self.targets else { return };
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("kpi_targets_modal")).show(ctx, |ui| {
            ui.set_width(460.0);
            ui.heading(tr("kpi-targets-title"));
            ui.label(RichText::new(tr("kpi-targets-body")).weak());
            ui.add_space(6.0);
            egui::Grid::new("kpi_targets_grid").num_columns(3).spacing([12.0, 8.0]).show(ui, |ui| {
                for (kpi, value, unit, max) in [
                    (Kpi::SuccessRate, &mut draft.success_pct, "%", 100.0),
                    (Kpi::RollbackRate, &mut draft.rollback_pct, "%", 100.0),
                    (Kpi::DeployTime, &mut draft.overrun_pct, "%", 1000.0),
                    (Kpi::Downtime, &mut draft.downtime_hours, "h", 744.0),
                ] {
                    let label = ui.label(i18n::kpi(kpi));
                    ui.label(if kpi.higher_is_better() { ">" } else { "<" });
                    ui.horizontal(|ui| {
                        ui.add(egui::DragValue::new(value).range(0.0..=max).speed(0.1).max_decimals(1))
                            .labelled_by(label.id);
                        ui.label(if unit == "h" { tr("kpi-hours-a-month") } else { unit.to_owned() });
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
                        Sender::Dashboard,
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

fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{:.1}%", v * 100.0))
}

fn signed_percent(value: f64) -> String {
    format!("{}{:.1}%", if value > 0.0 { "+" } else { "" }, value * 100.0)
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

/// A year and a month, picked with a number and a list.
fn month_picker_ui(ui: &mut egui::Ui, id: &str, name: &str, value: &mut YearMonth) {
    let mut year = value.year;
    let mut month = value.month;
    ui.add(egui::DragValue::new(&mut year).range(2000..=2100))
        .on_hover_text(format!("{name}: {}", tr("kpi-year")));
    egui::ComboBox::from_id_salt(id)
        .selected_text(format!("{month:02}"))
        .width(52.0)
        .show_ui(ui, |ui| {
            for m in 1..=12 {
                ui.selectable_value(&mut month, m, format!("{m:02}"));
            }
        })
        .response
        .on_hover_text(format!("{name}: {}", tr("kpi-month")));
    if let Some(picked) = YearMonth::new(year, month) {
        *value = picked;
    }
}

fn group_filter_ui(ui: &mut egui::Ui, directory: &Directory, group: &mut Option<GroupId>) {
    let text = group.map_or_else(|| tr("kpi-all-groups"), |g| directory.group_name(Some(g)).to_owned());
    egui::ComboBox::from_id_salt("kpi_group")
        .selected_text(text)
        .width(150.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(group, None, tr("kpi-all-groups"));
            for g in &directory.groups {
                ui.selectable_value(group, Some(g.id), &g.name);
            }
        })
        .response
        .on_hover_text(tr("kpi-filter-group"));
}

fn type_filter_ui(ui: &mut egui::Ui, release_type: &mut Option<ReleaseType>) {
    let text = release_type.map_or_else(|| tr("kpi-all-types"), i18n::release_type);
    egui::ComboBox::from_id_salt("kpi_type")
        .selected_text(text)
        .width(130.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(release_type, None, tr("kpi-all-types"));
            for t in ReleaseType::ALL {
                ui.selectable_value(release_type, Some(*t), i18n::release_type(*t));
            }
        })
        .response
        .on_hover_text(tr("kpi-filter-type"));
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
            if kpi == Kpi::Downtime {
                value.push_str(&format!(" {}", tr("kpi-per-month")));
            }
            ui.label(RichText::new(value).size(26.0).color(verdict_color));
            ui.horizontal(|ui| {
                ui.label(format!(
                    "{} {}",
                    tr("kpi-target"),
                    i18n::kpi_target_in(language, &report.targets, kpi)
                ));
                chip_ui(ui, &verdict, verdict_color);
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
                _ => {
                    let (part, whole) = report.total.fraction(kpi);
                    tr_args("kpi-card-count", &[("part", part.into()), ("closed", whole.into())])
                }
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

/// A value cell of the monthly table, red when off target.
fn value_cell_ui(ui: &mut egui::Ui, report: &KpiReport, month: &kpi::MonthKpi, kpi: Kpi) {
    let text = i18n::kpi_value(kpi, month.counts.value(kpi));
    let text = RichText::new(text);
    ui.label(match report.month_meets(month, kpi) {
        Some(false) => text.color(color(chart::OFF_TARGET_RGB)).strong(),
        _ => text,
    });
}

/// The hover text of a month: exact value and the counts behind it.
fn hover_text(report: &KpiReport, month: &kpi::MonthKpi, kpi: Kpi) -> String {
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
