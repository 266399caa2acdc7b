//! The risk register of the release page: the brief's four risks (and any the user adds), each
//! rated likelihood x impact (1..5), with its mitigation and owner.

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use super::lifecycle_widgets::{committed_text_ui, error_color, load_state, store_state};
use crate::domain::readiness::{RATING_MAX, apply_edit};
use crate::domain::{Readiness, ReadinessEdit, Release, Risk, RiskKind};
use crate::i18n::{self, tr};
use crate::model::{Command, Model, ReadinessCommand};
use crate::ui::widgets::chip_ui;
use crate::ui::widgets::risk_level_color;

/// The "add risk" field and its last refusal.
#[derive(Clone, Debug, Default)]
struct AddRiskState {
    title: String,
    error: Option<String>,
}

const STATE_KEY: &str = "risks";

fn risk_title(risk: &Risk) -> String {
    if risk.title.is_empty() { i18n::risk_kind(risk.kind) } else { risk.title.clone() }
}

fn rating_ui(ui: &mut egui::Ui, salt: (&str, i64, u32), value: u8, name: &str) -> Option<u8> {
    let mut picked = value;
    egui::ComboBox::from_id_salt(salt)
        .selected_text(value.to_string())
        .width(44.0)
        .show_ui(ui, |ui| {
            for v in 1..=RATING_MAX {
                ui.selectable_value(&mut picked, v, v.to_string());
            }
        })
        .response
        .on_hover_text(name);
    (picked != value).then_some(picked)
}

/// The risk register section.
pub fn risks_ui(ui: &mut egui::Ui, release: &Release, model: &Model, commands: &mut Vec<Command>) {
    let readiness = model.readiness(release.id);
    let directory = model.directory();
    let mut edits: Vec<ReadinessEdit> = Vec::new();
    let risks = &readiness.risks;
    ui.push_id(("risk_register", release.id.0), |ui| {
        // A register is a handful of rows: the page scrolls, not the table.
        TableBuilder::new(ui)
            .striped(true)
            .vscroll(false)
            .column(Column::initial(230.0).at_least(120.0).clip(true))
            .column(Column::exact(64.0))
            .column(Column::exact(64.0))
            .column(Column::exact(80.0))
            .column(Column::initial(240.0).at_least(120.0))
            .column(Column::initial(120.0).at_least(90.0))
            .column(Column::exact(28.0))
            .header(22.0, |mut header| {
                for key in [
                    "risk-col-risk",
                    "risk-col-likelihood",
                    "risk-col-impact",
                    "risk-col-score",
                    "risk-col-mitigation",
                    "risk-col-owner",
                ] {
                    header.col(|ui| {
                        ui.strong(tr(key));
                    });
                }
                header.col(|_| {});
            })
            .body(|body| {
                body.rows(28.0, risks.len(), |mut row| {
                    let risk = &risks[row.index()];
                    let salt = |what: &'static str| (what, release.id.0, risk.id);
                    row.col(|ui| {
                        let title = risk_title(risk);
                        ui.label(&title).on_hover_text(&title);
                    });
                    row.col(|ui| {
                        if let Some(v) =
                            rating_ui(ui, salt("likelihood"), risk.likelihood, &tr("risk-col-likelihood"))
                        {
                            edits.push(ReadinessEdit::PutRisk(Risk { likelihood: v, ..risk.clone() }));
                        }
                    });
                    row.col(|ui| {
                        if let Some(v) = rating_ui(ui, salt("impact"), risk.impact, &tr("risk-col-impact")) {
                            edits.push(ReadinessEdit::PutRisk(Risk { impact: v, ..risk.clone() }));
                        }
                    });
                    row.col(|ui| {
                        chip_ui(
                            ui,
                            &format!("{} {}", risk.score(), i18n::risk_level(risk.level())),
                            risk_level_color(risk.level()),
                        );
                    });
                    row.col(|ui| {
                        let id = ui.make_persistent_id(salt("mitigation"));
                        if let Some(text) = committed_text_ui(
                            ui,
                            id,
                            &risk.mitigation,
                            &tr("risk-mitigation-hint"),
                            &tr("risk-col-mitigation"),
                            ui.available_width(),
                        ) {
                            edits.push(ReadinessEdit::PutRisk(Risk {
                                mitigation: text.trim().to_owned(),
                                ..risk.clone()
                            }));
                        }
                    });
                    row.col(|ui| {
                        let mut owner = risk.owner;
                        let text = owner.map_or_else(
                            || tr("risk-owner-none"),
                            |a| directory.agent_name(Some(a)).to_owned(),
                        );
                        egui::ComboBox::from_id_salt(salt("owner"))
                            .selected_text(text)
                            .width(110.0)
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut owner, None, tr("risk-owner-none"));
                                let chosen = owner;
                                for a in directory.agents.iter().filter(|a| a.active || chosen == Some(a.id))
                                {
                                    ui.selectable_value(&mut owner, Some(a.id), &a.name);
                                }
                            })
                            .response
                            .on_hover_text(tr("risk-col-owner"));
                        if owner != risk.owner {
                            edits.push(ReadinessEdit::PutRisk(Risk { owner, ..risk.clone() }));
                        }
                    });
                    row.col(|ui| {
                        if ui.small_button("✖").on_hover_text(tr("risk-remove")).clicked() {
                            edits.push(ReadinessEdit::RemoveRisk(risk.id));
                        }
                    });
                });
            });
    });

    add_risk_ui(ui, release, &readiness, &mut edits);
    if !edits.is_empty() {
        commands.push(Command::Readiness(ReadinessCommand::Edit { id: release.id, edits }));
    }
}

/// A new risk's title and Add: checked with the model's rule first, so a refusal shows here and
/// keeps the text.
fn add_risk_ui(ui: &mut egui::Ui, release: &Release, readiness: &Readiness, edits: &mut Vec<ReadinessEdit>) {
    let mut state: AddRiskState = load_state(ui, STATE_KEY, release.id);
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut state.title).hint_text(tr("risk-new-hint")).desired_width(300.0),
        )
        .on_hover_text(tr("risk-add"));
        if ui.button(tr("risk-add")).clicked() {
            let risk = Risk {
                id: 0,
                kind: RiskKind::Other,
                title: state.title.clone(),
                likelihood: 3,
                impact: 3,
                mitigation: String::new(),
                owner: None,
            };
            let mut preview = readiness.clone();
            match apply_edit(&mut preview, ReadinessEdit::PutRisk(risk.clone())) {
                Ok(()) => {
                    edits.push(ReadinessEdit::PutRisk(risk));
                    state = AddRiskState::default();
                }
                Err(err) => state.error = Some(i18n::readiness_invalid(&err)),
            }
        }
        if let Some(error) = &state.error {
            ui.label(RichText::new(error).color(error_color(ui)));
        }
    });
    store_state(ui, STATE_KEY, release.id, state);
}
