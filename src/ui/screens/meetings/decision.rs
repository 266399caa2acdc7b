//! One agenda item's decision as the meeting takes it: the outcome (approved, rejected,
//! deferred), a comment and action items (text, owner, due date through the app's own localized
//! date picker, done), recorded as one command. The draft lives on the screen until recorded; a
//! recorded action item's "done" is its own command.

use chrono::NaiveDate;

use crate::domain::{ActionItem, CabMeeting, Decision, MeetingOutcome, ReleaseId};
use crate::i18n::{self, tr, tr_args};
use crate::model::{Command, MeetingCommand, Model};
use crate::ui::widgets::combo::agent_combo_ui;
use crate::ui::widgets::date_picker_ui;

/// The decision being written for one release.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct DecisionDraft {
    pub(super) outcome: MeetingOutcome,
    pub(super) comment: String,
    pub(super) actions: Vec<ActionItem>,
}

impl DecisionDraft {
    /// The recorded decision, or a fresh draft (approved, no comment, no action).
    pub(super) fn of(meeting: &CabMeeting, release: ReleaseId) -> Self {
        meeting.decision(release).map_or(
            Self { outcome: MeetingOutcome::Approved, comment: String::new(), actions: Vec::new() },
            |d| Self { outcome: d.outcome, comment: d.comment.clone(), actions: d.actions.clone() },
        )
    }

    fn decision(&self, release: ReleaseId) -> Decision {
        Decision {
            release,
            outcome: self.outcome,
            comment: self.comment.clone(),
            actions: self.actions.clone(),
        }
    }
}

/// The outcome buttons, the comment, the action items and "Record decision". Pushes the commands
/// it gives to `commands`.
pub(super) fn decision_ui(
    ui: &mut egui::Ui,
    model: &Model,
    meeting: &CabMeeting,
    release: ReleaseId,
    draft: &mut DecisionDraft,
    commands: &mut Vec<Command>,
) {
    let recorded = meeting.decision(release);
    ui.horizontal(|ui| {
        ui.strong(tr("meeting-decision"));
        for outcome in MeetingOutcome::ALL {
            ui.selectable_value(&mut draft.outcome, *outcome, i18n::meeting_outcome(*outcome));
        }
        if let Some(d) = recorded {
            ui.label(
                egui::RichText::new(tr_args(
                    "meeting-decision-recorded",
                    &[("outcome", i18n::meeting_outcome(d.outcome).into())],
                ))
                .weak(),
            );
        }
    });
    let hint = tr("meeting-decision-comment");
    ui.add(egui::TextEdit::singleline(&mut draft.comment).hint_text(&hint).desired_width(480.0))
        .on_hover_text(&hint);
    actions_ui(ui, model, meeting, release, draft, commands);
    ui.horizontal(|ui| {
        if ui.button(tr("meeting-action-add")).clicked() {
            draft.actions.push(ActionItem { text: String::new(), owner: None, due: None, done: false });
        }
        let changed = recorded.is_none_or(|d| *d != draft.decision(release));
        if ui.add_enabled(changed, egui::Button::new(tr("meeting-decision-record"))).clicked() {
            commands.push(Command::Meeting(MeetingCommand::RecordDecision {
                meeting: meeting.id,
                decision: draft.decision(release),
            }));
        }
    });
}

/// Each action item: its text, owner, due date (optional), done; a ✖ takes it off the draft.
fn actions_ui(
    ui: &mut egui::Ui,
    model: &Model,
    meeting: &CabMeeting,
    release: ReleaseId,
    draft: &mut DecisionDraft,
    commands: &mut Vec<Command>,
) {
    let recorded = meeting.decision(release);
    let mut remove = None;
    for (i, action) in draft.actions.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let hint = tr("meeting-action-text");
            ui.add(egui::TextEdit::singleline(&mut action.text).hint_text(&hint).desired_width(260.0))
                .on_hover_text(&hint);
            let owner = ui.label(tr("meeting-action-owner"));
            let salt = format!("meeting_action_owner_{}_{}_{i}", meeting.id, release);
            agent_combo_ui(ui, &salt, &mut action.owner, model.directory(), owner.id);
            let mut has_due = action.due.is_some();
            if ui.checkbox(&mut has_due, tr("meeting-action-due")).changed() {
                action.due = has_due.then(|| default_due(meeting));
            }
            if let Some(due) = &mut action.due {
                let salt = format!("meeting_action_due_{}_{}_{i}", meeting.id, release);
                date_picker_ui(ui, &salt, due);
            }
            if ui.checkbox(&mut action.done, tr("meeting-action-done")).changed()
                && recorded.is_some_and(|d| d.actions.get(i).is_some_and(|a| a.text == action.text))
            {
                commands.push(Command::Meeting(MeetingCommand::SetActionDone {
                    meeting: meeting.id,
                    release,
                    action: i,
                    done: action.done,
                }));
            }
            if ui.button("✖").on_hover_text(tr("meeting-action-remove")).clicked() {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        draft.actions.remove(i);
    }
}

/// A week after the meeting, on the local calendar.
fn default_due(meeting: &CabMeeting) -> NaiveDate {
    (meeting.start + chrono::Duration::days(7)).with_timezone(&chrono::Local).date_naive()
}
