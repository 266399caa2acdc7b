//! The regulator approvals of a release on its Lifecycle tab (e.g. 금감원 보고 및 승인 for the bank's
//! security patches): each regulator step the release needs with its approval (reference number,
//! the day the regulator approved, who recorded it) and "Withdraw", or "Record approval…" while
//! it is missing; approvals recorded for a step the release no longer needs are listed too. The
//! lifecycle section's gate line opens the same dialog ([`request_record`]).
//!
//! "Record approval…" opens a dialog (the reference, the approval date on the app's own date
//! picker, a note) that records through the model as the user working now; a refusal shows in
//! the dialog, which keeps what was typed. Both commands are undoable from the Edit menu.

use chrono::NaiveDate;
use egui::RichText;

use super::{ERROR_RED, Origin, SectionContext};
use crate::domain::{RegulatorApproval, RegulatorStep, RegulatorStepId, Release, ReleaseId};
use crate::i18n::{tr, tr_args};
use crate::model::{Command, Model, RegulatorCommand};
use crate::ui::command::{DIALOG_CONFIRM, shortcut_text};

/// The key of the section's title.
pub const KEY: &str = "section-regulator";

/// An approval being typed in the dialog.
#[derive(Clone, Debug, PartialEq)]
struct ApprovalDraft {
    step: RegulatorStepId,
    reference: String,
    approved_on: NaiveDate,
    note: String,
    /// Why the model refused the last Save.
    error: Option<String>,
    /// Set once the reference field has been given the keyboard focus.
    focused: bool,
}

/// What the command that waits for its result was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pending {
    Record,
    Withdraw,
}

/// The open dialog and the result waited for.
#[derive(Default)]
pub struct RegulatorSection {
    draft: Option<ApprovalDraft>,
    pending: Option<Pending>,
    /// Why a withdrawal was refused.
    error: Option<String>,
}

impl RegulatorSection {
    /// True while the Record approval dialog is open.
    pub fn is_open(&self) -> bool {
        self.draft.is_some()
    }

    pub fn on_result(&mut self, result: Result<(), String>) {
        match (self.pending.take(), result) {
            (Some(Pending::Record), Ok(())) => self.draft = None,
            (Some(Pending::Record), Err(message)) => match &mut self.draft {
                Some(draft) => draft.error = Some(message),
                None => self.error = Some(message),
            },
            (_, Ok(())) => self.error = None,
            (_, Err(message)) => self.error = Some(message),
        }
    }
}

fn request_id(release: ReleaseId) -> egui::Id {
    egui::Id::unique(("regulator_record_request", release.0))
}

/// Asks the regulator section to open its Record approval dialog for `step` (the lifecycle
/// section's gate line does; the section is drawn after it on the same tab).
pub fn request_record(ui: &egui::Ui, release: ReleaseId, step: RegulatorStepId) {
    ui.data_mut(|d| d.insert_temp(request_id(release), step.0));
}

/// The local day of the model's "now": the approval date offered first.
fn today(model: &Model) -> NaiveDate {
    model.now().with_timezone(&chrono::Local).date_naive()
}

/// Whether the page shows the section: the release needs a step or has an approval recorded.
fn shown(release: &Release, model: &Model) -> bool {
    !model.regulator_steps_of(release).is_empty() || !model.regulators().approvals_of(release.id).is_empty()
}

pub fn regulator_ui(ui: &mut egui::Ui, state: &mut RegulatorSection, cx: &mut SectionContext<'_>) {
    let (release, model) = (cx.release, cx.model);
    if let Some(step) = ui.data_mut(|d| d.remove_temp::<i64>(request_id(release.id))) {
        open(state, RegulatorStepId(step), model);
    }
    if !shown(release, model) {
        return;
    }
    let reveal = (cx.reveal == Some(KEY)).then_some(true);
    egui::CollapsingHeader::new(RichText::new(tr(KEY)).strong())
        .id_salt(KEY)
        .default_open(true)
        .open(reveal)
        .show(ui, |ui| {
            steps_ui(ui, state, cx);
            if let Some(error) = &state.error {
                ui.label(RichText::new(error).color(ERROR_RED));
            }
        });
    dialog_ui(ui, state, cx);
}

fn open(state: &mut RegulatorSection, step: RegulatorStepId, model: &Model) {
    state.draft = Some(ApprovalDraft {
        step,
        reference: String::new(),
        approved_on: today(model),
        note: String::new(),
        error: None,
        focused: false,
    });
}

/// Each step the release needs, and the approvals of steps it no longer needs.
fn steps_ui(ui: &mut egui::Ui, state: &mut RegulatorSection, cx: &mut SectionContext<'_>) {
    let (release, model) = (cx.release, cx.model);
    let required = model.regulator_steps_of(release);
    let mut withdraw = None;
    for (step, approval) in &required {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(step_title(step)).strong());
            match approval {
                Some(approval) => {
                    ui.label(
                        RichText::new(tr("regulator-page-approved"))
                            .color(egui::Color32::from_rgb(0x2e, 0x7d, 0x4f)),
                    );
                    if approval_ui(ui, approval, model) {
                        withdraw = Some(step.id);
                    }
                }
                None => {
                    ui.label(RichText::new(tr("regulator-page-waiting")).color(ERROR_RED));
                    if ui
                        .add_enabled(!release.is_deleted(), egui::Button::new(tr("regulator-record")))
                        .clicked()
                    {
                        open(state, step.id, model);
                    }
                }
            }
        });
    }
    let others: Vec<&RegulatorApproval> = model
        .regulators()
        .approvals_of(release.id)
        .iter()
        .filter(|a| !required.iter().any(|(s, _)| s.id == a.step))
        .collect();
    for approval in others {
        ui.horizontal_wrapped(|ui| {
            let name = model.regulators().step(approval.step).map_or_else(String::new, step_title);
            ui.label(RichText::new(name).strong());
            ui.label(RichText::new(tr("regulator-page-not-needed")).weak());
            if approval_ui(ui, approval, model) {
                withdraw = Some(approval.step);
            }
        });
    }
    if let Some(step) = withdraw {
        state.pending = Some(Pending::Withdraw);
        state.error = None;
        let command = RegulatorCommand::WithdrawApproval { release: release.id, step };
        cx.push(Origin::Regulator, Command::Regulator(command));
    }
}

/// "금감원 보고 및 승인 (금융감독원)".
fn step_title(step: &RegulatorStep) -> String {
    if step.authority.is_empty() { step.name.clone() } else { format!("{} ({})", step.name, step.authority) }
}

/// The reference, date, who and note of one approval, and its Withdraw button (true when clicked).
fn approval_ui(ui: &mut egui::Ui, approval: &RegulatorApproval, model: &Model) -> bool {
    ui.label(tr_args(
        "regulator-page-approval",
        &[
            ("reference", approval.reference.as_str().into()),
            ("date", approval.approved_on.format("%Y-%m-%d").to_string().into()),
            ("who", model.directory().agent_name(Some(approval.recorded_by)).into()),
        ],
    ));
    if !approval.note.is_empty() {
        ui.label(RichText::new(&approval.note).weak());
    }
    ui.button(tr("regulator-withdraw")).on_hover_text(tr("regulator-withdraw-hint")).clicked()
}

/// The Record approval dialog: reference, approval date, note; Save records as the user working now.
fn dialog_ui(ui: &mut egui::Ui, state: &mut RegulatorSection, cx: &mut SectionContext<'_>) {
    let (release, model) = (cx.release, cx.model);
    let Some(draft) = &mut state.draft else { return };
    let Some(step) = model.regulators().step(draft.step) else {
        state.draft = None;
        return;
    };
    let me = model.me();
    let mut close = false;
    let mut save = false;
    // Ctrl+Enter saves; taken before the note's field would read it as a new line.
    let confirm_key = ui.input_mut(|i| i.consume_shortcut(&DIALOG_CONFIRM));
    let modal = crate::ui::widgets::dialog(egui::Id::unique(("regulator_dialog", release.id.0))).show(
        ui.ctx(),
        |ui| {
            ui.set_width(460.0);
            ui.heading(tr_args("regulator-dialog-title", &[("id", release.id.into())]));
            ui.label(RichText::new(&release.subject).weak());
            ui.label(RichText::new(step_title(step)).strong());
            ui.add_space(6.0);
            egui::Grid::new("regulator_dialog_fields").num_columns(2).spacing([10.0, 6.0]).show(ui, |ui| {
                let label = ui.label(tr("regulator-reference"));
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut draft.reference)
                            .hint_text(tr("regulator-reference-hint"))
                            .desired_width(260.0),
                    )
                    .labelled_by(label.id);
                if !std::mem::replace(&mut draft.focused, true) {
                    field.request_focus();
                }
                ui.end_row();
                ui.label(tr("regulator-approved-on"));
                crate::ui::widgets::date_picker_ui(ui, "regulator_approved_on", &mut draft.approved_on);
                ui.end_row();
            });
            let label = ui.label(tr("regulator-note"));
            ui.add(egui::TextEdit::multiline(&mut draft.note).desired_rows(2).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            let recorder = me.map_or_else(
                || tr("regulator-no-recorder"),
                |id| {
                    tr_args(
                        "regulator-recorded-by",
                        &[("who", model.directory().agent_name(Some(id)).into())],
                    )
                },
            );
            ui.label(RichText::new(recorder).weak());
            if let Some(error) = &draft.error {
                ui.label(RichText::new(error).color(ERROR_RED));
            }
            ui.separator();
            ui.horizontal(|ui| {
                let button = ui
                    .add_enabled(me.is_some(), egui::Button::new(tr("regulator-save")))
                    .on_hover_text(shortcut_text(ui.ctx(), &DIALOG_CONFIRM));
                save = button.clicked() || (confirm_key && me.is_some());
                if ui.button(tr("action-cancel")).clicked() {
                    close = true;
                }
            });
        },
    );
    if save && let Some(me) = me {
        draft.error = None;
        let command = RegulatorCommand::RecordApproval {
            release: release.id,
            step: draft.step,
            reference: draft.reference.clone(),
            approved_on: draft.approved_on,
            recorded_by: me,
            note: draft.note.clone(),
        };
        state.pending = Some(Pending::Record);
        cx.push(Origin::Regulator, Command::Regulator(command));
    } else if close || modal.should_close() {
        state.draft = None;
    }
}
