//! The lifecycle section of the release page: where the release is (Plan -> ... -> Complete, or
//! Rollback), the Deploy gate, buttons for only the allowed moves, the Complete / Rollback /
//! gate-override dialogs (`egui::Modal`), and the stage history with times.

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use super::lifecycle_widgets::{error_color, load_state, store_state};
use crate::domain::lifecycle::{MoveRequest, transition};
use crate::domain::{Outcome, Release, Stage, Status};
use crate::i18n::{self, tr, tr_args};
use crate::model::{Command, LifecycleCommand, Model};
use crate::ui::command::{DIALOG_CONFIRM, shortcut_text};
use crate::ui::widgets::chip_ui;

/// Which dialog is open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MoveDialog {
    #[default]
    Closed,
    Complete,
    Rollback,
    Override,
}

/// The open dialog and what the user typed in it.
#[derive(Clone, Debug, Default)]
struct DialogState {
    dialog: MoveDialog,
    outcome: Option<Outcome>,
    downtime_minutes: u32,
    /// A Rollback's time to restore; 0 when not given.
    restore_minutes: u32,
    reason: String,
    override_reason: String,
    error: Option<String>,
    /// Set once the first field has been given the keyboard focus.
    focused: bool,
}

const STATE_KEY: &str = "lifecycle";

/// Height of one stage history row.
const HISTORY_ROW_HEIGHT: f32 = 22.0;
/// The stage history shows this many rows in full; a longer one scrolls inside the page.
const HISTORY_ROWS_SHOWN: usize = 16;

fn stage_color(stage: Stage) -> egui::Color32 {
    match stage {
        Stage::Rollback => egui::Color32::from_rgb(0xb4, 0x3c, 0x3c),
        Stage::Complete => egui::Color32::from_rgb(0x2e, 0x7d, 0x4f),
        _ => egui::Color32::from_rgb(0x2f, 0x6f, 0xd6),
    }
}

/// The lifecycle section: stepper, gate, moves, dialogs and history.
pub fn lifecycle_ui(ui: &mut egui::Ui, release: &Release, model: &Model, commands: &mut Vec<Command>) {
    let mut state: DialogState = load_state(ui, STATE_KEY, release.id);
    stepper_ui(ui, release);
    summary_ui(ui, release);
    if release.status == Status::Completed && release.stage != Stage::Complete {
        // The status was set to Completed by hand (the Status field, an import): the outcome is
        // recorded by Complete.
        ui.label(
            RichText::new(tr_args("lifecycle-status-ahead", &[("stage", i18n::stage(release.stage).into())]))
                .color(ui.visuals().warn_fg_color),
        );
    }
    ui.add_space(4.0);
    gate_ui(ui, release, model, !release.is_deleted());
    ui.add_space(4.0);
    moves_ui(ui, release, model, &mut state, commands);
    dialog_ui(ui, release, model, &mut state, commands);
    ui.add_space(6.0);
    history_ui(ui, release, model);
    store_state(ui, STATE_KEY, release.id, state);
}

/// Whether the release can be completed now: only from Verify & Monitor, with its outcome given in
/// the Complete dialog (the page's "Mark completed" opens it).
pub fn can_complete(release: &Release) -> bool {
    !release.is_deleted() && release.stage.can_move_to(Stage::Complete)
}

/// Opens the Complete dialog of `release` (its outcome, downtime and note); the lifecycle section
/// draws it. Confirming it moves the release to Complete in one command: stage, status, outcome,
/// closing time and work end together, so one undo takes it all back.
pub fn open_complete_dialog(ui: &egui::Ui, release: &Release) {
    let state = DialogState { dialog: MoveDialog::Complete, ..DialogState::default() };
    store_state(ui, STATE_KEY, release.id, state);
}

/// Whether the release may be rolled back now (from Deploy or Verify & Monitor, not in Trash).
pub fn can_roll_back(release: &Release) -> bool {
    !release.is_deleted() && release.stage.can_move_to(Stage::Rollback)
}

/// Opens the Rollback dialog of `release` with `reason` written in (the monitoring section's
/// "Roll back…" on a breach); the lifecycle section draws it, as after its own Rollback button.
pub fn open_rollback_dialog(ui: &egui::Ui, release: &Release, reason: String) {
    let state = DialogState { dialog: MoveDialog::Rollback, reason, ..DialogState::default() };
    store_state(ui, STATE_KEY, release.id, state);
}

fn stepper_ui(ui: &mut egui::Ui, release: &Release) {
    let current = release.stage;
    ui.horizontal_wrapped(|ui| {
        for (i, stage) in Stage::MAIN_LINE.into_iter().enumerate() {
            if i > 0 {
                ui.label(RichText::new("→").weak());
            }
            let text = i18n::stage(stage);
            if stage == current {
                chip_ui(ui, &text, stage_color(stage));
            } else if stage.position() < current.position() || current == Stage::Complete {
                ui.label(RichText::new(text).strong());
            } else {
                ui.label(RichText::new(text).weak());
            }
        }
        if current == Stage::Rollback {
            ui.label(RichText::new("|").weak());
            chip_ui(ui, &i18n::stage(Stage::Rollback), stage_color(Stage::Rollback));
        }
    });
}

fn summary_ui(ui: &mut egui::Ui, release: &Release) {
    ui.horizontal_wrapped(|ui| {
        if let (Some(outcome), Some(closed)) = (release.outcome, release.closed_at) {
            ui.label(tr_args(
                "lifecycle-outcome",
                &[("outcome", i18n::outcome(outcome).into()), ("when", i18n::datetime(closed).into())],
            ));
            ui.separator();
        }
        if release.rollback_count > 0 {
            ui.label(
                RichText::new(tr_args(
                    "lifecycle-rollbacks",
                    &[("count", i64::from(release.rollback_count).into())],
                ))
                .color(error_color(ui)),
            );
            ui.separator();
        }
        ui.label(tr_args(
            "lifecycle-downtime",
            &[("duration", i18n::duration(i64::from(release.downtime_minutes)).into())],
        ));
    });
}

/// The Deploy gate; `record` offers "Record approval…" beside a missing regulator step.
fn gate_ui(ui: &mut egui::Ui, release: &Release, model: &Model, record: bool) {
    if release.stage.position() > Stage::Deploy.position() {
        return;
    }
    let gate = model.deploy_gate(release);
    if gate.is_open() {
        ui.label(RichText::new(tr("gate-open")).color(egui::Color32::from_rgb(0x2e, 0x7d, 0x4f)));
        super::backout::gate_warnings_ui(ui, &gate.backout_warnings);
        return;
    }
    ui.label(RichText::new(tr("gate-closed")).strong().color(error_color(ui)));
    if !gate.unapproved_changes.is_empty() {
        let ids: Vec<String> = gate.unapproved_changes.iter().map(|id| format!("CHG-{id}")).collect();
        ui.label(format!(
            "  • {}",
            tr_args(
                "gate-unapproved",
                &[("count", gate.unapproved_changes.len().into()), ("ids", ids.join(", ").into())]
            )
        ));
    }
    if gate.readiness_missing > 0 {
        ui.label(format!("  • {}", tr_args("gate-readiness", &[("count", gate.readiness_missing.into())])));
    }
    for (step, name) in &gate.regulator_missing {
        ui.horizontal(|ui| {
            ui.label(format!("  • {}", tr_args("regulator-gate-missing", &[("name", name.as_str().into())])));
            if record && ui.button(tr("regulator-record")).clicked() {
                super::regulator::request_record(ui, release.id, *step);
            }
        });
    }
    super::backout::gate_warnings_ui(ui, &gate.backout_warnings);
}

fn moves_ui(
    ui: &mut egui::Ui,
    release: &Release,
    model: &Model,
    state: &mut DialogState,
    commands: &mut Vec<Command>,
) {
    let next = release.stage.next_stages();
    if next.is_empty() {
        ui.label(RichText::new(tr("lifecycle-closed")).weak());
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for &to in next {
            let label = tr_args("lifecycle-move-to", &[("stage", i18n::stage(to).into())]);
            let button = if to == Stage::Rollback {
                egui::Button::new(RichText::new(label).color(error_color(ui)))
            } else {
                egui::Button::new(label)
            };
            if !ui.add_enabled(!release.is_deleted(), button).clicked() {
                continue;
            }
            let gate_closed = to == Stage::Deploy && !model.deploy_gate(release).is_open();
            let dialog = match to {
                Stage::Complete => MoveDialog::Complete,
                Stage::Rollback => MoveDialog::Rollback,
                Stage::Deploy if gate_closed => MoveDialog::Override,
                _ => MoveDialog::Closed,
            };
            if dialog == MoveDialog::Closed {
                commands.push(move_command(release, &MoveRequest { to, ..MoveRequest::default() }));
            } else {
                *state = DialogState { dialog, ..DialogState::default() };
            }
        }
    });
}

fn move_command(release: &Release, request: &MoveRequest) -> Command {
    Command::Lifecycle(LifecycleCommand::Move {
        id: release.id,
        to: request.to,
        outcome: request.outcome,
        downtime_minutes: request.downtime_minutes,
        reason: request.reason.clone(),
        override_reason: request.override_reason.clone(),
        restore_minutes: request.restore_minutes,
    })
}

fn dialog_ui(
    ui: &mut egui::Ui,
    release: &Release,
    model: &Model,
    state: &mut DialogState,
    commands: &mut Vec<Command>,
) {
    let (to, title, confirm) = match state.dialog {
        MoveDialog::Closed => return,
        MoveDialog::Complete => (Stage::Complete, "dialog-complete-title", "dialog-confirm-complete"),
        MoveDialog::Rollback => (Stage::Rollback, "dialog-rollback-title", "dialog-confirm-rollback"),
        MoveDialog::Override => (Stage::Deploy, "dialog-override-title", "dialog-confirm-override"),
    };
    let mut close = false;
    // Ctrl+Enter confirms; taken before the reason's field would read it as a new line.
    let confirm_key = ui.input_mut(|i| i.consume_shortcut(&DIALOG_CONFIRM));
    let modal = crate::ui::widgets::dialog(egui::Id::unique(("lifecycle_dialog", release.id.0))).show(
        ui.ctx(),
        |ui| {
            ui.set_width(460.0);
            let id_arg = [("id", release.id.into())];
            let heading =
                if state.dialog == MoveDialog::Override { tr(title) } else { tr_args(title, &id_arg) };
            ui.heading(heading);
            ui.label(RichText::new(&release.subject).weak());
            ui.add_space(6.0);
            match state.dialog {
                MoveDialog::Complete => {
                    ui.label(tr("dialog-complete-body"));
                    ui.add_space(4.0);
                    ui.label(tr("dialog-outcome"));
                    ui.horizontal(|ui| {
                        for outcome in [Outcome::Successful, Outcome::Failed] {
                            ui.radio_value(&mut state.outcome, Some(outcome), i18n::outcome(outcome));
                        }
                    });
                    downtime_ui(ui, &mut state.downtime_minutes);
                    let label = ui.label(tr("dialog-note"));
                    ui.add(
                        egui::TextEdit::multiline(&mut state.reason)
                            .desired_rows(2)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                }
                MoveDialog::Rollback => {
                    ui.label(tr("dialog-rollback-body"));
                    ui.add_space(4.0);
                    let label = ui.label(RichText::new(tr("dialog-rollback-reason")).strong());
                    let field = ui
                        .add(
                            egui::TextEdit::multiline(&mut state.reason)
                                .hint_text(tr("dialog-rollback-hint"))
                                .desired_rows(3)
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(label.id);
                    if !std::mem::replace(&mut state.focused, true) {
                        field.request_focus();
                    }
                    downtime_ui(ui, &mut state.downtime_minutes);
                    restore_ui(
                        ui,
                        &mut state.restore_minutes,
                        model.backout(release.id).map(|p| p.restore_target_minutes),
                    );
                }
                MoveDialog::Override => {
                    gate_ui(ui, release, model, false);
                    ui.add_space(4.0);
                    let label = ui.label(RichText::new(tr("dialog-override-reason")).strong());
                    let field = ui
                        .add(
                            egui::TextEdit::multiline(&mut state.override_reason)
                                .hint_text(tr("dialog-override-hint"))
                                .desired_rows(3)
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(label.id);
                    if !std::mem::replace(&mut state.focused, true) {
                        field.request_focus();
                    }
                }
                MoveDialog::Closed => {}
            }
            if let Some(error) = &state.error {
                ui.label(RichText::new(error).color(error_color(ui)));
            }
            ui.separator();
            ui.horizontal(|ui| {
                let button = ui.button(tr(confirm)).on_hover_text(shortcut_text(ui.ctx(), &DIALOG_CONFIRM));
                if button.clicked() || confirm_key {
                    let request = MoveRequest {
                        to,
                        outcome: state.outcome,
                        downtime_minutes: state.downtime_minutes,
                        reason: state.reason.clone(),
                        override_reason: state.override_reason.clone(),
                        restore_minutes: (to == Stage::Rollback && state.restore_minutes > 0)
                            .then_some(state.restore_minutes),
                    };
                    // The same rule the model applies: refusals are shown here and the dialog stays.
                    let gate = model.deploy_gate(release);
                    match transition(release, &request, &gate, None, model.now()) {
                        Ok(_) => {
                            commands.push(move_command(release, &request));
                            close = true;
                        }
                        Err(err) => state.error = Some(i18n::move_refused(&err)),
                    }
                }
                if ui.button(tr("action-cancel")).clicked() {
                    close = true;
                }
            });
        },
    );
    if close || modal.should_close() {
        *state = DialogState::default();
    }
}

fn downtime_ui(ui: &mut egui::Ui, minutes: &mut u32) {
    ui.horizontal(|ui| {
        let label = ui.label(tr("dialog-downtime"));
        ui.add(
            egui::DragValue::new(minutes)
                .range(0..=crate::domain::lifecycle::DOWNTIME_MAX_MINUTES)
                .speed(1.0),
        )
        .labelled_by(label.id);
        ui.label(RichText::new(i18n::duration(i64::from(*minutes))).weak());
    });
}

/// A Rollback's time to restore, beside the back-out plan's target.
fn restore_ui(ui: &mut egui::Ui, minutes: &mut u32, target: Option<u32>) {
    ui.horizontal(|ui| {
        let label = ui.label(tr("dialog-restore-time"));
        ui.add(
            egui::DragValue::new(minutes)
                .range(0..=crate::domain::lifecycle::DOWNTIME_MAX_MINUTES)
                .speed(1.0),
        )
        .labelled_by(label.id);
        ui.label(RichText::new(i18n::duration(i64::from(*minutes))).weak());
    });
    let text = match target {
        Some(target) => {
            tr_args("dialog-restore-target", &[("target", i18n::duration(i64::from(target)).into())])
        }
        None => tr("dialog-restore-no-plan"),
    };
    ui.label(RichText::new(text).weak());
}

/// A Rollback's restore time against its target, for the stage history.
pub fn restore_detail(entry: &crate::domain::StageEntry) -> Option<String> {
    let minutes = entry.restore_minutes?;
    let duration = ("duration", i18n::duration(i64::from(minutes)).into());
    Some(match entry.restore_target_minutes {
        Some(target) => tr_args(
            if minutes > target { "history-restore-missed" } else { "history-restore-met" },
            &[duration, ("target", i18n::duration(i64::from(target)).into())],
        ),
        None => tr_args("history-restore", &[duration]),
    })
}

fn history_ui(ui: &mut egui::Ui, release: &Release, model: &Model) {
    ui.label(RichText::new(tr("history-title")).strong());
    let history = model.stage_history(release.id);
    if history.is_empty() {
        ui.label(
            RichText::new(tr_args("history-empty", &[("when", i18n::datetime(release.created_at).into())]))
                .weak(),
        );
        return;
    }
    let directory = model.directory();
    let details: Vec<String> = history
        .iter()
        .map(|e| {
            let mut parts = Vec::new();
            if let Some(outcome) = e.outcome {
                parts.push(tr_args("history-outcome", &[("outcome", i18n::outcome(outcome).into())]));
            }
            if e.downtime_minutes > 0 {
                parts.push(tr_args(
                    "history-downtime",
                    &[("duration", i18n::duration(i64::from(e.downtime_minutes)).into())],
                ));
            }
            parts.extend(restore_detail(e));
            if !e.override_reason.is_empty() {
                parts.push(tr_args("history-override", &[("reason", e.override_reason.clone().into())]));
            }
            if !e.note.is_empty() {
                parts.push(e.note.clone());
            }
            parts.join(" · ")
        })
        .collect();
    ui.push_id(("stage_history", release.id.0), |ui| {
        TableBuilder::new(ui)
            .striped(true)
            .column(Column::initial(130.0).at_least(90.0))
            .column(Column::initial(210.0).at_least(120.0))
            .column(Column::initial(90.0).at_least(60.0))
            .column(Column::remainder().at_least(120.0).clip(true))
            .vscroll(history.len() > HISTORY_ROWS_SHOWN)
            .min_scrolled_height(HISTORY_ROW_HEIGHT * HISTORY_ROWS_SHOWN as f32)
            .max_scroll_height(HISTORY_ROW_HEIGHT * HISTORY_ROWS_SHOWN as f32)
            .header(22.0, |mut header| {
                for key in
                    ["history-col-stage", "history-col-entered", "history-col-by", "history-col-details"]
                {
                    header.col(|ui| {
                        ui.strong(tr(key));
                    });
                }
            })
            .body(|body| {
                body.rows(HISTORY_ROW_HEIGHT, history.len(), |mut row| {
                    let i = row.index();
                    let entry = history[i];
                    row.col(|ui| {
                        let text = RichText::new(i18n::stage(entry.stage));
                        let text =
                            if entry.stage == Stage::Rollback { text.color(error_color(ui)) } else { text };
                        ui.label(text);
                    });
                    row.col(|ui| {
                        ui.label(i18n::datetime(entry.entered_at));
                    });
                    row.col(|ui| {
                        ui.label(directory.agent_name(entry.actor));
                    });
                    row.col(|ui| {
                        ui.label(&details[i]).on_hover_text(&details[i]);
                    });
                });
            });
    });
}
