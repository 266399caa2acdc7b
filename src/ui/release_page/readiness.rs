//! The readiness section of the release page: the release plan checklist from the brief (which
//! opens the Deploy gate when complete) and the before / during / after mitigation checklists.

use egui::RichText;

use crate::domain::{MitigationItem, MitigationPhase, PlanCheck, ReadinessEdit, Release};
use crate::i18n::{self, tr, tr_args};
use crate::model::{Command, Model, ReadinessCommand};

fn progress_ui(ui: &mut egui::Ui, (done, total): (usize, usize)) {
    let fraction = if total == 0 { 0.0 } else { done as f32 / total as f32 };
    let text = tr_args("readiness-progress", &[("done", done.into()), ("total", total.into())]);
    ui.add(crate::ui::widgets::progress_bar(fraction, text, 140.0));
}

/// The readiness section.
pub fn readiness_ui(ui: &mut egui::Ui, release: &Release, model: &Model, commands: &mut Vec<Command>) {
    let readiness = model.readiness(release.id);
    let mut edits = Vec::new();
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr("readiness-plan")).strong());
        progress_ui(ui, readiness.plan_progress());
    });
    egui::Grid::new(("plan_checklist", release.id.0)).num_columns(2).spacing([24.0, 2.0]).show(ui, |ui| {
        for (i, check) in PlanCheck::ALL.iter().enumerate() {
            let mut done = readiness.plan_done.contains(check);
            if ui.checkbox(&mut done, i18n::plan_check(*check)).changed() {
                edits.push(ReadinessEdit::PlanCheck { check: *check, done });
            }
            if i % 2 == 1 {
                ui.end_row();
            }
        }
    });
    ui.add_space(6.0);
    ui.label(RichText::new(tr("mitigation-title")).strong());
    ui.columns(MitigationPhase::ALL.len(), |columns| {
        for (ui, phase) in columns.iter_mut().zip(MitigationPhase::ALL) {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(i18n::mitigation_phase(*phase)).underline());
                let (done, total) = readiness.mitigation_progress(*phase);
                ui.label(RichText::new(format!("{done}/{total}")).weak());
            });
            for item in MitigationItem::of_phase(*phase) {
                let mut done = readiness.mitigation_done.contains(&item);
                if ui.checkbox(&mut done, i18n::mitigation_item(item)).changed() {
                    edits.push(ReadinessEdit::Mitigation { item, done });
                }
            }
        }
    });
    if !edits.is_empty() {
        commands.push(Command::Readiness(ReadinessCommand::Edit { id: release.id, edits }));
    }
}
