//! Monitoring after deploy on the release page (Lifecycle tab, from Verify & Monitor on, or once a
//! release has readings): each metric's readings by phase with its threshold (editable), a breach
//! in red with "Roll back…" (which opens the lifecycle section's own Rollback dialog), a small
//! chart per metric (`monitoring_chart.rs`), and an "Add reading" row (metric, phase, value) that
//! records through the model.

use egui::RichText;

use super::lifecycle::{can_roll_back, open_rollback_dialog};
use super::monitoring_chart::chart_ui;
use super::{ERROR_RED, Origin, SectionContext};
use crate::domain::monitoring::Direction;
use crate::domain::{Breach, MetricName, MetricReading, Release, Stage, Threshold};
use crate::i18n::{self, tr, tr_args};
use crate::model::{Command, Model, MonitoringCommand};
use crate::ui::widgets::combo::enum_combo_ui;

/// The metric picked in the Add reading row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum MetricChoice {
    #[default]
    ErrorRate,
    P95Latency,
    CrashFree,
    Custom,
}

impl MetricChoice {
    const ALL: [Self; 4] = [Self::ErrorRate, Self::P95Latency, Self::CrashFree, Self::Custom];

    fn label(self) -> String {
        match self {
            Self::ErrorRate => i18n::metric_name(&MetricName::ErrorRatePercent),
            Self::P95Latency => i18n::metric_name(&MetricName::P95LatencyMs),
            Self::CrashFree => i18n::metric_name(&MetricName::CrashFreeUsersPercent),
            Self::Custom => tr("monitoring-page-custom"),
        }
    }
}

/// A threshold being edited: its metric, limit and direction.
struct ThresholdDraft {
    metric: MetricName,
    limit: f64,
    direction: Direction,
}

/// What the monitoring section is typing and waiting for.
#[derive(Default)]
pub struct MonitoringSection {
    metric: MetricChoice,
    custom_name: String,
    phase: String,
    value: String,
    editing: Option<ThresholdDraft>,
    /// Whether an add (true) or a threshold (false) waits for its result.
    pending: Option<bool>,
    error: Option<String>,
}

impl MonitoringSection {
    pub fn on_result(&mut self, result: Result<(), String>) {
        match (self.pending.take(), result) {
            (Some(true), Ok(())) => {
                self.value.clear();
                self.error = None;
            }
            (Some(false), Ok(())) => {
                self.editing = None;
                self.error = None;
            }
            (None, Ok(())) => self.error = None,
            (_, Err(message)) => self.error = Some(message),
        }
    }
}

/// Whether the page shows the section: from Verify & Monitor on, or once there are readings.
fn shown(release: &Release, model: &Model) -> bool {
    matches!(release.stage, Stage::VerifyMonitor | Stage::Complete | Stage::Rollback)
        || !model.readings_of(release.id).is_empty()
}

pub fn monitoring_ui(ui: &mut egui::Ui, state: &mut MonitoringSection, cx: &mut SectionContext<'_>) {
    let (release, model) = (cx.release, cx.model);
    if !shown(release, model) {
        return;
    }
    let breaches = model.breaches_of(release.id);
    let title = if breaches.is_empty() {
        tr("section-monitoring")
    } else {
        tr_args("section-monitoring-breaches", &[("count", breaches.len().into())])
    };
    let title = RichText::new(title).strong();
    let title = if breaches.is_empty() { title } else { title.color(ERROR_RED) };
    egui::CollapsingHeader::new(title).id_salt("section_monitoring").default_open(true).show(ui, |ui| {
        breaches_ui(ui, &breaches, cx);
        let metrics = model.monitoring().metrics_of(release.id);
        if metrics.is_empty() {
            ui.label(RichText::new(tr("monitoring-page-empty")).weak().italics());
        }
        for metric in &metrics {
            ui.add_space(6.0);
            ui.push_id(("monitoring_metric", metric.code()), |ui| {
                metric_ui(ui, metric, &breaches, state, cx);
            });
        }
        ui.add_space(6.0);
        add_row_ui(ui, state, cx);
        if let Some(error) = &state.error {
            ui.label(RichText::new(error).color(ERROR_RED));
        }
    });
}

/// The breaches in red, each with "Roll back…" while the release can still be rolled back.
fn breaches_ui(ui: &mut egui::Ui, breaches: &[Breach], cx: &mut SectionContext<'_>) {
    let (release, model) = (cx.release, cx.model);
    for breach in breaches {
        let Some(reading) = model.monitoring().reading(breach.reading) else { continue };
        let text = breach_text(reading, breach.threshold);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&text).color(ERROR_RED).strong());
            let hint = if can_roll_back(release) {
                tr("monitoring-page-rollback-hint")
            } else {
                tr_args("monitoring-page-rollback-not-now", &[("stage", i18n::stage(release.stage).into())])
            };
            let button = egui::Button::new(RichText::new(tr("monitoring-page-rollback")).color(ERROR_RED));
            let response = ui.add_enabled(can_roll_back(release), button).on_hover_text(&hint);
            if response.on_disabled_hover_text(&hint).clicked() {
                open_rollback_dialog(ui, release, text.clone());
                cx.reveal_next = Some("section-lifecycle");
            }
        });
    }
}

/// "Error rate 4.2 % (10 % of users) is beyond its threshold: at most 1 %".
fn breach_text(reading: &MetricReading, threshold: Threshold) -> String {
    tr_args(
        "monitoring-page-breach",
        &[
            ("metric", i18n::metric_name(&reading.metric).into()),
            ("value", i18n::metric_value(&reading.metric, reading.value).into()),
            ("phase", i18n::phase_label(reading.phase.as_deref()).into()),
            ("threshold", i18n::threshold_text(&reading.metric, threshold).into()),
        ],
    )
}

/// One metric: its name and threshold (with its editor), its readings by phase, its chart.
fn metric_ui(
    ui: &mut egui::Ui,
    metric: &MetricName,
    breaches: &[Breach],
    state: &mut MonitoringSection,
    cx: &mut SectionContext<'_>,
) {
    let (release, model) = (cx.release, cx.model);
    let threshold = model.metric_threshold(release.id, metric);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(i18n::metric_name(metric)).strong());
        let words =
            threshold.map_or_else(|| tr("monitoring-cli-no-threshold"), |t| i18n::threshold_text(metric, t));
        ui.label(tr_args("monitoring-page-threshold", &[("threshold", words.into())]));
        let editing = state.editing.as_ref().is_some_and(|d| d.metric == *metric);
        if !editing && !release.is_deleted() && ui.button(tr("monitoring-page-edit-threshold")).clicked() {
            let t = threshold.unwrap_or(Threshold { limit: 0.0, direction: metric.default_direction() });
            state.editing =
                Some(ThresholdDraft { metric: metric.clone(), limit: t.limit, direction: t.direction });
        }
    });
    threshold_editor_ui(ui, metric, state, cx);
    let readings: Vec<&MetricReading> =
        model.readings_of(release.id).into_iter().filter(|r| r.metric == *metric).collect();
    readings_ui(ui, &readings, breaches, cx);
    chart_ui(ui, release.id, metric, &readings, threshold, breaches);
}

/// The threshold editor of `metric`, when it is the one open.
fn threshold_editor_ui(
    ui: &mut egui::Ui,
    metric: &MetricName,
    state: &mut MonitoringSection,
    cx: &mut SectionContext<'_>,
) {
    let Some(draft) = state.editing.as_mut().filter(|d| d.metric == *metric) else { return };
    let (mut save, mut cancel) = (false, false);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr("monitoring-page-limit"));
        ui.add(egui::DragValue::new(&mut draft.limit).speed(0.1).max_decimals(2)).labelled_by(label.id);
        let label = ui.label(tr("monitoring-page-direction"));
        enum_combo_ui(
            ui,
            "monitoring_direction",
            &mut draft.direction,
            Direction::ALL,
            i18n::direction_label,
            label.id,
        );
        save = ui.button(tr("action-save")).clicked();
        cancel = ui.button(tr("action-cancel")).clicked();
    });
    if save {
        let command = MonitoringCommand::SetThreshold {
            release: cx.release.id,
            metric: draft.metric.clone(),
            limit: draft.limit,
            direction: draft.direction,
        };
        cx.push(Origin::Monitoring, Command::Monitoring(command));
        state.pending = Some(false);
    } else if cancel {
        state.editing = None;
    }
}

/// The readings of one metric, phase by phase (in the order measured), breaches in red.
fn readings_ui(
    ui: &mut egui::Ui,
    readings: &[&MetricReading],
    breaches: &[Breach],
    cx: &mut SectionContext<'_>,
) {
    let can_delete = cx.release.stage == Stage::VerifyMonitor && !cx.release.is_deleted();
    egui::Grid::new("monitoring_readings").striped(true).num_columns(5).show(ui, |ui| {
        for reading in readings {
            let breached = breaches.iter().any(|b| b.reading == reading.id);
            ui.label(i18n::phase_label(reading.phase.as_deref()));
            ui.label(RichText::new(i18n::datetime(reading.at)).weak());
            let value = RichText::new(i18n::metric_value(&reading.metric, reading.value));
            ui.label(if breached { value.color(ERROR_RED).strong() } else { value });
            if breached {
                ui.label(RichText::new(i18n::breach_label()).color(ERROR_RED));
            } else {
                ui.label("");
            }
            if can_delete
                && ui
                    .push_id(reading.id.0, |ui| ui.small_button("✖"))
                    .inner
                    .on_hover_text(tr("monitoring-page-delete"))
                    .clicked()
            {
                let command = MonitoringCommand::DeleteReading { release: cx.release.id, id: reading.id };
                cx.push(Origin::Monitoring, Command::Monitoring(command));
            }
            ui.end_row();
        }
    });
}

/// The Add reading row: metric (a custom one by name), phase, value; at Verify & Monitor only.
fn add_row_ui(ui: &mut egui::Ui, state: &mut MonitoringSection, cx: &mut SectionContext<'_>) {
    let release = cx.release;
    if release.stage != Stage::VerifyMonitor || release.is_deleted() {
        ui.label(RichText::new(tr("monitoring-page-add-not-now")).weak());
        return;
    }
    let mut add = false;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr("monitoring-page-metric"));
        enum_combo_ui(
            ui,
            "monitoring_metric_choice",
            &mut state.metric,
            &MetricChoice::ALL,
            MetricChoice::label,
            label.id,
        );
        if state.metric == MetricChoice::Custom {
            let name = tr("monitoring-page-custom-name");
            ui.add(egui::TextEdit::singleline(&mut state.custom_name).hint_text(&name).desired_width(140.0))
                .on_hover_text(name);
        }
        let phase = tr("monitoring-page-phase");
        ui.add(
            egui::TextEdit::singleline(&mut state.phase)
                .hint_text(tr("monitoring-page-phase-hint"))
                .desired_width(140.0),
        )
        .on_hover_text(phase);
        let value = tr("monitoring-page-value");
        let field = ui
            .add(egui::TextEdit::singleline(&mut state.value).hint_text(&value).desired_width(80.0))
            .on_hover_text(value);
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let ready = !state.value.trim().is_empty() && state.pending.is_none();
        add =
            (ui.add_enabled(ready, egui::Button::new(tr("monitoring-page-add"))).clicked() || enter) && ready;
    });
    if !add {
        return;
    }
    let Ok(value) = state.value.trim().replace(',', ".").parse::<f64>() else {
        state.error = Some(tr_args("monitoring-cli-bad-number", &[("value", state.value.trim().into())]));
        return;
    };
    let metric = match state.metric {
        MetricChoice::ErrorRate => MetricName::ErrorRatePercent,
        MetricChoice::P95Latency => MetricName::P95LatencyMs,
        MetricChoice::CrashFree => MetricName::CrashFreeUsersPercent,
        MetricChoice::Custom => MetricName::parse(&state.custom_name),
    };
    let phase = Some(state.phase.clone()).filter(|p| !p.trim().is_empty());
    let command = MonitoringCommand::AddReading { release: release.id, metric, phase, value, at: None };
    cx.push(Origin::Monitoring, Command::Monitoring(command));
    state.pending = Some(true);
}
