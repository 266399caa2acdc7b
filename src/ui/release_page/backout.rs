//! The back-out section of the release page: the plan's go/no-go criterion, decision point and
//! time-to-restore target, its rehearsals (date, measured restore time, result against the
//! target) with a form to record one, and the Deploy gate's back-out warnings. The plan's steps
//! (text and checklist) are edited in the Plans section like the Build and Test plans. Every
//! change is one `BackoutCommand`; a field commits when the user leaves it.

use chrono::{Local, NaiveDate, TimeZone as _};
use egui::RichText;

use super::lifecycle_widgets::{committed_text_ui, error_color, load_state, store_state};
use crate::domain::backout::{MINUTES_MAX, apply_edit};
use crate::domain::{BackoutEdit, BackoutPlan, BackoutWarning, Rehearsal, RehearsalResult, Release};
use crate::i18n::{self, tr, tr_args};
use crate::model::{BackoutCommand, Command, Model};
use crate::ui::widgets::combo::enum_combo_ui;
use crate::ui::widgets::{chip_ui, date_picker_ui};

const STATE_KEY: &str = "backout";

/// The "record a rehearsal" form and its last refusal.
#[derive(Clone, Debug)]
struct RehearsalForm {
    date: Option<NaiveDate>,
    restore_minutes: u32,
    result: RehearsalResult,
    note: String,
    error: Option<String>,
}

impl Default for RehearsalForm {
    fn default() -> Self {
        Self {
            date: None,
            restore_minutes: 60,
            result: RehearsalResult::Pass,
            note: String::new(),
            error: None,
        }
    }
}

/// The back-out section.
pub fn backout_ui(ui: &mut egui::Ui, release: &Release, model: &Model, commands: &mut Vec<Command>) {
    let edits = match model.backout(release.id) {
        None => {
            no_plan_ui(ui, release, model, commands);
            return;
        }
        Some(plan) => plan_ui(ui, release, model, plan, commands),
    };
    if !edits.is_empty() {
        commands.push(Command::Backout(BackoutCommand::Edit { release: release.id, edits }));
    }
}

/// A release without a plan, in one line: the Deploy gate's warning when it should have one
/// (Major, Emergency), else that it has none; and Add.
fn no_plan_ui(ui: &mut egui::Ui, release: &Release, model: &Model, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        if model.backout_warnings(release).contains(&BackoutWarning::NoPlan) {
            ui.label(RichText::new(tr("gate-backout-missing")).color(ui.visuals().warn_fg_color));
        } else {
            ui.label(RichText::new(tr("backout-none")).weak().italics());
        }
        if ui.button(tr("backout-add")).clicked() {
            commands.push(Command::Backout(BackoutCommand::Edit { release: release.id, edits: Vec::new() }));
        }
    });
}

fn plan_ui(
    ui: &mut egui::Ui,
    release: &Release,
    model: &Model,
    plan: &BackoutPlan,
    commands: &mut Vec<Command>,
) -> Vec<BackoutEdit> {
    let mut edits = Vec::new();
    let salt = |what: &str| egui::Id::unique(("backout", what, release.id.0));
    egui::Grid::new(salt("grid")).num_columns(2).spacing([16.0, 6.0]).show(ui, |ui| {
        ui.label(RichText::new(tr("backout-steps")).strong());
        let (done, total) = plan.steps.progress();
        ui.label(tr_args("backout-steps-progress", &[("done", done.into()), ("total", total.into())]));
        ui.end_row();

        ui.label(RichText::new(tr("backout-go-no-go")).strong());
        if let Some(text) = committed_text_ui(
            ui,
            salt("go_no_go"),
            &plan.go_no_go,
            &tr("backout-go-no-go-hint"),
            &tr("backout-go-no-go"),
            480.0,
        ) {
            edits.push(BackoutEdit::GoNoGo(text));
        }
        ui.end_row();

        ui.label(RichText::new(tr("backout-decision-point")).strong());
        decision_point_ui(ui, plan, &mut edits);
        ui.end_row();

        ui.label(RichText::new(tr("backout-restore-target")).strong());
        ui.horizontal(|ui| {
            let mut target = plan.restore_target_minutes;
            if minutes_ui(ui, &mut target, 1, &tr("backout-restore-target")) {
                edits.push(BackoutEdit::RestoreTarget(target));
            }
            ui.label(RichText::new(tr("backout-restore-target-hint")).weak());
        });
        ui.end_row();
    });
    gate_warnings_ui(ui, &model.backout_warnings(release));
    ui.add_space(6.0);
    rehearsals_ui(ui, release, model, plan, &mut edits);
    ui.add_space(4.0);
    if ui.small_button(tr("backout-remove")).clicked() {
        commands.push(Command::Backout(BackoutCommand::Remove(release.id)));
    }
    edits
}

/// Minutes in a drag value with their duration beside them; true once the value is settled (typed
/// and left, or a drag ended), so a drag is one command, not one per frame.
fn minutes_ui(ui: &mut egui::Ui, minutes: &mut u32, min: u32, name: &str) -> bool {
    let response =
        ui.add(egui::DragValue::new(minutes).range(min..=MINUTES_MAX).speed(5.0)).on_hover_text(name);
    ui.label(RichText::new(i18n::duration(i64::from(*minutes))).weak());
    let id = response.id.with("dragged_from");
    if response.drag_started() {
        ui.data_mut(|d| d.insert_temp(id, true));
    }
    let dragging = ui.data(|d| d.get_temp::<bool>(id)).unwrap_or(false);
    if response.drag_stopped() {
        ui.data_mut(|d| d.remove::<bool>(id));
        return true;
    }
    response.changed() && !dragging && !response.dragged()
}

fn decision_point_ui(ui: &mut egui::Ui, plan: &BackoutPlan, edits: &mut Vec<BackoutEdit>) {
    ui.horizontal(|ui| {
        let mut set = plan.decision_point_minutes.is_some();
        if ui.checkbox(&mut set, tr("backout-decision-point-set")).changed() {
            edits.push(BackoutEdit::DecisionPoint(set.then_some(120)));
        }
        if let Some(mut minutes) = plan.decision_point_minutes {
            if minutes_ui(ui, &mut minutes, 0, &tr("backout-decision-point")) {
                edits.push(BackoutEdit::DecisionPoint(Some(minutes)));
            }
            ui.label(RichText::new(tr("backout-decision-point-after")).weak());
        }
    });
}

/// The rehearsals, newest first, each against the target, and the form to record one.
fn rehearsals_ui(
    ui: &mut egui::Ui,
    release: &Release,
    model: &Model,
    plan: &BackoutPlan,
    edits: &mut Vec<BackoutEdit>,
) {
    ui.label(RichText::new(tr("backout-rehearsals")).strong());
    let mut rehearsals: Vec<&Rehearsal> = plan.rehearsals.iter().collect();
    rehearsals.sort_by_key(|r| std::cmp::Reverse((r.date, r.id)));
    if rehearsals.is_empty() {
        ui.label(RichText::new(tr("backout-rehearsals-none")).weak().italics());
    }
    egui::Grid::new(("backout_rehearsals", release.id.0)).num_columns(5).spacing([12.0, 4.0]).show(
        ui,
        |ui| {
            for rehearsal in rehearsals {
                ui.label(i18n::format_date_in(i18n::language(), &rehearsal.date.with_timezone(&Local)));
                ui.label(tr_args(
                    "backout-rehearsal-restored",
                    &[("duration", i18n::duration(i64::from(rehearsal.restore_minutes)).into())],
                ));
                let (key, color) = if rehearsal.missed(plan.restore_target_minutes) {
                    ("backout-rehearsal-missed", ui.visuals().error_fg_color)
                } else {
                    ("backout-rehearsal-met", egui::Color32::from_rgb(0x2e, 0x7d, 0x4f))
                };
                let result = i18n::rehearsal_result(rehearsal.result);
                chip_ui(ui, &format!("{result} · {}", tr(key)), color);
                ui.label(&rehearsal.note);
                if ui.small_button("✖").on_hover_text(tr("backout-rehearsal-remove")).clicked() {
                    edits.push(BackoutEdit::RemoveRehearsal(rehearsal.id));
                }
                ui.end_row();
            }
        },
    );
    rehearsal_form_ui(ui, release, model, plan, edits);
}

fn rehearsal_form_ui(
    ui: &mut egui::Ui,
    release: &Release,
    model: &Model,
    plan: &BackoutPlan,
    edits: &mut Vec<BackoutEdit>,
) {
    let mut form: RehearsalForm = load_state(ui, STATE_KEY, release.id);
    let now = model.now();
    let today = now.with_timezone(&Local).date_naive();
    let mut date = form.date.unwrap_or(today);
    ui.horizontal_wrapped(|ui| {
        ui.label(tr("backout-rehearsal-new"));
        if date_picker_ui(ui, &format!("backout_rehearsal_date_{}", release.id.0), &mut date) {
            form.date = Some(date);
        }
        ui.add(egui::DragValue::new(&mut form.restore_minutes).range(0..=MINUTES_MAX).speed(5.0))
            .on_hover_text(tr("backout-rehearsal-minutes"));
        ui.label(RichText::new(i18n::duration(i64::from(form.restore_minutes))).weak());
        let result_label = ui.label(tr("backout-rehearsal-result"));
        enum_combo_ui(
            ui,
            &format!("backout_rehearsal_result_{}", release.id.0),
            &mut form.result,
            RehearsalResult::ALL,
            i18n::rehearsal_result,
            result_label.id,
        );
        ui.add(
            egui::TextEdit::singleline(&mut form.note)
                .hint_text(tr("backout-rehearsal-note-hint"))
                .desired_width(220.0),
        )
        .on_hover_text(tr("backout-rehearsal-note"));
        if ui.button(tr("backout-rehearsal-add")).clicked() {
            let noon = date.and_hms_opt(12, 0, 0).and_then(|t| Local.from_local_datetime(&t).earliest());
            let rehearsal = Rehearsal {
                id: 0,
                date: noon.map_or(now, |t| t.with_timezone(&chrono::Utc)),
                restore_minutes: form.restore_minutes,
                result: form.result,
                note: form.note.clone(),
            };
            // The model's rule, checked here first, so a refusal keeps the form.
            match apply_edit(&mut plan.clone(), BackoutEdit::PutRehearsal(rehearsal.clone())) {
                Ok(()) => {
                    edits.push(BackoutEdit::PutRehearsal(rehearsal));
                    form = RehearsalForm::default();
                }
                Err(err) => form.error = Some(i18n::backout_invalid(&err)),
            }
        }
    });
    if let Some(error) = &form.error {
        ui.label(RichText::new(error).color(error_color(ui)));
    }
    store_state(ui, STATE_KEY, release.id, form);
}

/// The back-out warnings of the Deploy gate: they do not block the move.
pub fn gate_warnings_ui(ui: &mut egui::Ui, warnings: &[BackoutWarning]) {
    for warning in warnings {
        let text = match warning {
            BackoutWarning::NoPlan => tr("gate-backout-missing"),
            BackoutWarning::LastRehearsalMissed { restore_minutes, target_minutes, result } => tr_args(
                "gate-backout-rehearsal-missed",
                &[
                    ("duration", i18n::duration(i64::from(*restore_minutes)).into()),
                    ("target", i18n::duration(i64::from(*target_minutes)).into()),
                    ("result", i18n::rehearsal_result(*result).into()),
                ],
            ),
        };
        ui.label(RichText::new(format!("  • {text}")).color(ui.visuals().warn_fg_color));
    }
}
