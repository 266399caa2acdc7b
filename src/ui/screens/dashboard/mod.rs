//! The KPI dashboard, a screen: a card per KPI, the brief's four and the delivery metrics (period
//! value, target, on/off target, change against the period before), a chart per KPI by month with the target as a line, a period selector and
//! filters, the monthly table, the releases behind a clicked month, the targets editor, and exports
//! (charts as SVG/PNG and the table as CSV) that run on their own thread with a progress bar.
//!
//! One file per part: `controls` (period, filters, export buttons), `cards`, `charts`, `tables`
//! (the monthly table and the releases behind a month), `targets` (the editor), `export` (the
//! thread and the save dialogs), `help` (Help > KPI definitions).

mod cards;
mod charts;
mod controls;
mod export;
mod help;
mod reviews;
mod tables;
mod targets;

pub use help::kpi_help_ui;

/// The dashboard's screen id.
pub const ID: &str = "dashboard";

use egui::Color32;

use self::export::{DashboardFile, ExportJob};
use self::targets::TargetsDraft;
use super::{Screen, ScreenAction, ScreenContext, StatusLine};
use crate::domain::Kpi;
use crate::domain::kpi::{self, KpiFilter, KpiReport, MonthRange, YearMonth};
use crate::i18n::tr;
use crate::model::Model;
use crate::ui::outbox::Outbox;
use crate::ui::widgets::file_dialog::FileChooser;

/// Which months the dashboard shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PeriodChoice {
    /// The last N months, this one included.
    Last(u32),
    /// `from..=to`, picked by the user.
    Custom,
}

/// The dashboard's period as a database file remembers it (months as `YYYY-MM`).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct DashboardPeriod {
    pub period: PeriodChoice,
    pub from: Option<String>,
    pub to: Option<String>,
}

impl Default for DashboardPeriod {
    fn default() -> Self {
        Self { period: PeriodChoice::Last(12), from: None, to: None }
    }
}

/// A month picked in a chart or the table, and the KPI it was picked for (`None`: the table).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthPick {
    pub month: YearMonth,
    pub kpi: Option<Kpi>,
}

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
    /// An export ended since the last frame: the status bar says how.
    announce: bool,
    /// Where an export is saved.
    files: FileChooser<DashboardFile>,
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
            announce: false,
            files: FileChooser::default(),
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
    /// The period, as the database file remembers it.
    pub fn remembered_period(&self) -> DashboardPeriod {
        DashboardPeriod {
            period: self.period,
            from: self.custom_from.map(|m| m.to_string()),
            to: self.custom_to.map(|m| m.to_string()),
        }
    }

    /// Shows the period the database file remembers.
    pub fn set_remembered_period(&mut self, remembered: &DashboardPeriod) {
        self.period = remembered.period;
        self.custom_from = remembered.from.as_deref().and_then(YearMonth::parse);
        self.custom_to = remembered.to.as_deref().and_then(YearMonth::parse);
    }

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
                    model.stage_entries(),
                    key.1,
                    model.settings().kpi_targets,
                    key.2,
                    model.now(),
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

    /// The whole dashboard, in the central panel.
    pub fn dashboard_ui(
        &mut self,
        ui: &mut egui::Ui,
        model: &Model,
        outbox: &mut Outbox,
    ) -> Option<ScreenAction> {
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
                        action = self.overview_ui(ui, model);
                    },
                );
                ui.separator();
                ui.allocate_ui_with_layout(
                    egui::vec2(side, height),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| {
                        ui.set_max_width(side);
                        action = action.or(self.month_releases_ui(ui, model));
                    },
                );
            });
        } else {
            action = self.overview_ui(ui, model);
        }
        self.targets_modal_ui(ui.ctx(), outbox);
        self.files_ui(ui.ctx(), model);
        action
    }

    /// Controls, cards, charts and the monthly table, scrolling together.
    fn overview_ui(&mut self, ui: &mut egui::Ui, model: &Model) -> Option<ScreenAction> {
        let mut action = None;
        egui::ScrollArea::vertical().id_salt("kpi_overview").auto_shrink([false, false]).show(ui, |ui| {
            self.controls_ui(ui, model);
            ui.add_space(6.0);
            self.cards_ui(ui, model);
            action = self.reviews_ui(ui, model);
            ui.add_space(8.0);
            self.charts_ui(ui, model);
            ui.add_space(8.0);
            ui.strong(tr("kpi-monthly-table"));
            // The table scrolls sideways on its own, so it never widens the cards and charts.
            egui::ScrollArea::horizontal().id_salt("kpi_monthly_scroll").show(ui, |ui| {
                self.monthly_table_ui(ui, model);
            });
        });
        action
    }
}

fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{:.1}%", v * 100.0))
}

fn signed_percent(value: f64) -> String {
    format!("{}{:.1}%", if value > 0.0 { "+" } else { "" }, value * 100.0)
}

impl Screen for Dashboard {
    fn id(&self) -> &'static str {
        ID
    }

    fn title_key(&self) -> &'static str {
        "view-switch-dashboard"
    }

    fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ScreenContext<'_>) -> Option<ScreenAction> {
        let action =
            egui::CentralPanel::default().show(ui, |ui| self.dashboard_ui(ui, cx.model, cx.outbox)).inner;
        if std::mem::take(&mut self.announce)
            && let Some((text, is_error)) = &self.export_status
        {
            *cx.status = Some(StatusLine { text: text.clone(), is_error: *is_error });
        }
        action
    }

    fn has_modal(&self) -> bool {
        self.targets_open() || self.files.is_open()
    }

    fn on_result(&mut self, result: Result<(), String>) {
        Dashboard::on_result(self, result);
    }
}
