//! The deployment strategy section of the release page: Big Bang, Phased or Rolling (with the
//! brief's description of each), and for Phased and Rolling the ordered phases (name, planned
//! window, status) with their progress, edited in an `egui::Modal`.

use chrono::Duration;
use egui::RichText;

use super::lifecycle_widgets::{error_color, load_state, phase_color, store_state};
use crate::domain::readiness::apply_edit;
use crate::domain::{DeploymentPhase, PhaseStatus, ReadinessEdit, Release, Strategy};
use crate::i18n::{self, tr, tr_args};
use crate::model::{Command, Model, ReadinessCommand};
use crate::ui::widgets::{chip_ui, datetime_edit_ui};

/// The phase being edited (`index` None: a new phase) and its form.
#[derive(Clone, Debug, Default)]
struct PhaseForm {
    open: bool,
    index: Option<usize>,
    name: String,
    has_window: bool,
    start: Option<crate::domain::Timestamp>,
    end: Option<crate::domain::Timestamp>,
    status: Option<PhaseStatus>,
    error: Option<String>,
}

const STATE_KEY: &str = "strategy";

/// The deployment strategy section.
pub fn strategy_ui(ui: &mut egui::Ui, release: &Release, model: &Model, commands: &mut Vec<Command>) {
    let readiness = model.readiness(release.id);
    let mut edits = Vec::new();
    ui.horizontal(|ui| {
        for s in Strategy::ALL {
            if ui.radio(readiness.strategy == *s, i18n::strategy(*s)).clicked() && readiness.strategy != *s {
                edits.push(ReadinessEdit::Strategy(*s));
            }
        }
    });
    ui.label(RichText::new(i18n::strategy_description(readiness.strategy)).weak());
    let mut form: PhaseForm = load_state(ui, STATE_KEY, release.id);
    if readiness.strategy.has_phases() {
        ui.add_space(4.0);
        let (done, total) = readiness.phase_progress();
        ui.horizontal(|ui| {
            ui.label(RichText::new(tr("strategy-phases")).strong());
            let fraction = if total == 0 { 0.0 } else { done as f32 / total as f32 };
            let text = tr_args("strategy-progress", &[("done", done.into()), ("total", total.into())]);
            ui.add(crate::ui::widgets::progress_bar(fraction, text, 200.0));
            if ui.button(tr("phase-add")).clicked() {
                let start = release.planned.start;
                form = PhaseForm {
                    open: true,
                    start: Some(start),
                    end: Some(start + Duration::hours(6)),
                    ..PhaseForm::default()
                };
            }
        });
        if readiness.phases.is_empty() {
            ui.label(RichText::new(tr("strategy-no-phases")).weak());
        }
        phases_ui(ui, release, &readiness, &mut form, &mut edits);
    }
    if form.open {
        phase_dialog_ui(ui, release, &readiness, &mut form, &mut edits);
    }
    store_state(ui, STATE_KEY, release.id, form);
    if !edits.is_empty() {
        commands.push(Command::Readiness(ReadinessCommand::Edit { id: release.id, edits }));
    }
}

/// The phases in order: each with its window, status, edit, move and remove, then the chain of
/// chips.
fn phases_ui(
    ui: &mut egui::Ui,
    release: &Release,
    readiness: &crate::domain::Readiness,
    form: &mut PhaseForm,
    edits: &mut Vec<ReadinessEdit>,
) {
    let count = readiness.phases.len();
    egui::Grid::new(("deployment_phases", release.id.0))
        .num_columns(5)
        .spacing([10.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            for (i, phase) in readiness.phases.iter().enumerate() {
                ui.label(RichText::new(format!("{}.", i + 1)).weak());
                ui.label(RichText::new(&phase.name).strong());
                ui.label(match (phase.planned_start, phase.planned_end) {
                    (Some(s), Some(e)) => {
                        format!("{} → {}", i18n::datetime_short(s), i18n::datetime_short(e))
                    }
                    (Some(s), None) => format!("{} →", i18n::datetime_short(s)),
                    (None, Some(e)) => format!("→ {}", i18n::datetime_short(e)),
                    (None, None) => tr("phase-no-window"),
                });
                let mut status = phase.status;
                egui::ComboBox::from_id_salt(("phase_status", release.id.0, i))
                    .selected_text(RichText::new(i18n::phase_status(status)).color(phase_color(status)))
                    .width(100.0)
                    .show_ui(ui, |ui| {
                        for s in PhaseStatus::ALL {
                            ui.selectable_value(&mut status, *s, i18n::phase_status(*s));
                        }
                    })
                    .response
                    .on_hover_text(tr("phase-status"));
                if status != phase.status {
                    edits.push(ReadinessEdit::PutPhase {
                        index: Some(i),
                        phase: DeploymentPhase { status, ..phase.clone() },
                    });
                }
                ui.horizontal(|ui| {
                    if ui.small_button(tr("phase-edit")).clicked() {
                        *form = PhaseForm {
                            open: true,
                            index: Some(i),
                            name: phase.name.clone(),
                            has_window: phase.planned_start.is_some() || phase.planned_end.is_some(),
                            start: phase.planned_start.or(Some(release.planned.start)),
                            end: phase.planned_end.or(Some(release.planned.end)),
                            status: Some(phase.status),
                            error: None,
                        };
                    }
                    if ui
                        .add_enabled(i > 0, egui::Button::new("▲").small())
                        .on_hover_text(tr("phase-earlier"))
                        .clicked()
                    {
                        edits.push(ReadinessEdit::MovePhase { index: i, earlier: true });
                    }
                    if ui
                        .add_enabled(i + 1 < count, egui::Button::new("▼").small())
                        .on_hover_text(tr("phase-later"))
                        .clicked()
                    {
                        edits.push(ReadinessEdit::MovePhase { index: i, earlier: false });
                    }
                    if ui.small_button("✖").on_hover_text(tr("phase-remove")).clicked() {
                        edits.push(ReadinessEdit::RemovePhase(i));
                    }
                });
                ui.end_row();
            }
        });
    if count > 0 {
        ui.horizontal_wrapped(|ui| {
            for (i, phase) in readiness.phases.iter().enumerate() {
                if i > 0 {
                    ui.label(RichText::new("→").weak());
                }
                chip_ui(ui, &phase.name, phase_color(phase.status));
            }
        });
    }
}

fn phase_dialog_ui(
    ui: &mut egui::Ui,
    release: &Release,
    readiness: &crate::domain::Readiness,
    form: &mut PhaseForm,
    edits: &mut Vec<ReadinessEdit>,
) {
    let mut close = false;
    let modal =
        crate::ui::widgets::dialog(egui::Id::unique(("phase_dialog", release.id.0))).show(ui.ctx(), |ui| {
            ui.set_width(420.0);
            ui.heading(tr("phase-dialog-title"));
            egui::Grid::new("phase_form").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
                let label = ui.label(tr("phase-name"));
                ui.add(
                    egui::TextEdit::singleline(&mut form.name)
                        .hint_text(tr("phase-name-hint"))
                        .desired_width(260.0),
                )
                .labelled_by(label.id);
                ui.end_row();
                ui.label("");
                ui.checkbox(&mut form.has_window, tr("phase-has-window"));
                ui.end_row();
                if form.has_window {
                    let now = release.planned.start;
                    ui.label(tr("phase-window-start"));
                    let mut start = form.start.unwrap_or(now);
                    datetime_edit_ui(ui, "phase_start", &mut start);
                    form.start = Some(start);
                    ui.end_row();
                    ui.label(tr("phase-window-end"));
                    let mut end = form.end.unwrap_or(now + Duration::hours(6));
                    datetime_edit_ui(ui, "phase_end", &mut end);
                    form.end = Some(end);
                    ui.end_row();
                }
                let label = ui.label(tr("phase-status"));
                let mut status = form.status.unwrap_or(PhaseStatus::Pending);
                egui::ComboBox::from_id_salt("phase_form_status")
                    .selected_text(i18n::phase_status(status))
                    .show_ui(ui, |ui| {
                        for s in PhaseStatus::ALL {
                            ui.selectable_value(&mut status, *s, i18n::phase_status(*s));
                        }
                    })
                    .response
                    .labelled_by(label.id);
                form.status = Some(status);
                ui.end_row();
            });
            if let Some(error) = &form.error {
                ui.label(RichText::new(error).color(error_color(ui)));
            }
            ui.separator();
            ui.horizontal(|ui| {
                let save = ui.button(tr("action-save")).clicked()
                    || ui.input_mut(|i| i.consume_shortcut(&crate::ui::command::DIALOG_SAVE));
                if save {
                    let phase = DeploymentPhase {
                        name: form.name.clone(),
                        planned_start: if form.has_window { form.start } else { None },
                        planned_end: if form.has_window { form.end } else { None },
                        status: form.status.unwrap_or(PhaseStatus::Pending),
                    };
                    let edit = ReadinessEdit::PutPhase { index: form.index, phase };
                    let mut preview = readiness.clone();
                    match apply_edit(&mut preview, edit.clone()) {
                        Ok(()) => {
                            edits.push(edit);
                            close = true;
                        }
                        Err(err) => form.error = Some(i18n::readiness_invalid(&err)),
                    }
                }
                if ui.button(tr("action-cancel")).clicked() {
                    close = true;
                }
            });
        });
    if close || modal.should_close() {
        *form = PhaseForm::default();
    }
}
