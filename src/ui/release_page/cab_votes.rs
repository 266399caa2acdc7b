//! The CAB part of the Changes section: for each linked Change that goes to a CAB, the CAB, the
//! state derived from its votes and every vote (who, decision, when, comment, after the fact);
//! and, when the agent "Working as" is a member, Approve / Reject with a comment, given as a
//! command. The comment being written is kept in egui memory per Change.

use egui::RichText;

use super::lifecycle_widgets::approval_color;
use crate::domain::{Change, VoteDecision, VoteSubject};
use crate::i18n::{self, tr, tr_args};
use crate::model::{CabCommand, Command, Model};
use crate::ui::widgets::chip_ui;

/// The CABs, states and votes of `changes` (those without a CAB are left out).
pub fn cab_votes_ui(ui: &mut egui::Ui, changes: &[&Change], model: &Model, commands: &mut Vec<Command>) {
    for change in changes {
        let Some(cab) = change.cab.and_then(|id| model.cabs().cab(id)) else { continue };
        let subject = VoteSubject::Change(change.id);
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("CHG-{}", change.id)).monospace());
            ui.label(tr_args(
                "cab-page-cab",
                &[("name", cab.name.as_str().into()), ("rule", i18n::approval_rule(cab.rule).into())],
            ));
            let state = model.change_approval(change);
            chip_ui(ui, &i18n::cab_approval(state), approval_color(state));
        });
        let votes = model.votes_on(subject);
        if votes.is_empty() {
            ui.label(RichText::new(tr("cab-page-no-votes")).weak());
        }
        egui::Grid::new(("cab_votes", change.id.0)).num_columns(4).spacing([10.0, 2.0]).show(ui, |ui| {
            for vote in votes {
                let name = model.directory().agent_name(Some(vote.agent));
                let chair = if cab.chair == Some(vote.agent) { tr("cab-page-chair") } else { String::new() };
                ui.label(format!("{name}{chair}"));
                let decision = i18n::vote_decision(vote.decision);
                let decision = if vote.after_the_fact {
                    format!("{decision} ({})", i18n::after_the_fact(true))
                } else {
                    decision
                };
                ui.label(RichText::new(decision).strong());
                ui.label(RichText::new(i18n::vote_time(vote.at)).weak());
                ui.label(&vote.comment);
                ui.end_row();
            }
        });
        if let Some(me) = model.me().filter(|me| cab.is_member(*me)) {
            vote_buttons_ui(ui, subject, me, commands);
        }
    }
}

/// The comment field and the Approve / Reject buttons of the agent working now.
fn vote_buttons_ui(
    ui: &mut egui::Ui,
    subject: VoteSubject,
    me: crate::domain::AgentId,
    commands: &mut Vec<Command>,
) {
    let id = egui::Id::unique(("cab_vote_comment", subject));
    let mut comment: String = ui.data_mut(|d| d.get_temp(id)).unwrap_or_default();
    let mut decided = None;
    ui.horizontal(|ui| {
        let hint = tr("cab-page-comment");
        ui.add(egui::TextEdit::singleline(&mut comment).hint_text(&hint).desired_width(260.0))
            .on_hover_text(&hint);
        if ui.button(tr("cab-decision-approve")).clicked() {
            decided = Some(VoteDecision::Approve);
        }
        if ui.button(tr("cab-decision-reject")).clicked() {
            decided = Some(VoteDecision::Reject);
        }
    });
    if let Some(decision) = decided {
        commands.push(Command::Cab(CabCommand::Vote {
            subject,
            agent: me,
            decision,
            comment: std::mem::take(&mut comment),
        }));
    }
    ui.data_mut(|d| d.insert_temp(id, comment));
}
