//! The post-implementation review section of the release page: what went well, what went wrong,
//! the lessons learned (each a text that saves when the user leaves it), and the follow-up actions,
//! which become tasks of the release (listed with their status). A release is reviewed once it is
//! complete or after a rollback; before that the section says so. Every save is one
//! `ReviewCommand::Save`.

use egui::RichText;

use super::lifecycle_widgets::{error_color, load_state, store_state};
use crate::domain::review::can_review;
use crate::domain::{Release, Review, TaskFields, TaskStatus};
use crate::i18n::{self, tr, tr_args};
use crate::model::{Command, Model, ReviewCommand};

const STATE_KEY: &str = "review";

/// The new follow-up action being typed.
#[derive(Clone, Debug, Default)]
struct FollowUpForm {
    title: String,
    error: Option<String>,
}

/// The review section.
pub fn review_ui(ui: &mut egui::Ui, release: &Release, model: &Model, commands: &mut Vec<Command>) {
    let stored = model.review(release.id).cloned().unwrap_or_default();
    if !can_review(release) {
        ui.label(RichText::new(tr("review-not-yet")).weak().italics());
        return;
    }
    if let Some(at) = stored.reviewed_at {
        let who = model.directory().agent_name(stored.reviewer).to_owned();
        ui.label(
            RichText::new(tr_args(
                "review-reviewed",
                &[("who", who.into()), ("when", i18n::datetime(at).into())],
            ))
            .weak(),
        );
    } else if release.stage == crate::domain::Stage::Complete {
        ui.label(RichText::new(tr("review-missing")).color(ui.visuals().warn_fg_color));
    }
    let keys = [
        ("review-went-well", "review-went-well-hint"),
        ("review-went-wrong", "review-went-wrong-hint"),
        ("review-lessons", "review-lessons-hint"),
    ];
    let mut texts = [stored.went_well.clone(), stored.went_wrong.clone(), stored.lessons.clone()];
    for ((key, hint), text) in keys.into_iter().zip(texts.iter_mut()) {
        ui.label(RichText::new(tr(key)).strong());
        let id = egui::Id::unique(("review", key, release.id.0));
        if let Some(new) = committed_multiline_ui(ui, id, text, &tr(hint), &tr(key)) {
            *text = new;
        }
    }
    let [went_well, went_wrong, lessons] = texts;
    let edited = Review { went_well, went_wrong, lessons, ..stored.clone() };
    if edited != stored {
        commands.push(save(release, &edited, Vec::new()));
    }
    ui.add_space(6.0);
    follow_ups_ui(ui, release, model, &stored, commands);
}

fn save(release: &Release, review: &Review, follow_ups: Vec<TaskFields>) -> Command {
    Command::Review(ReviewCommand::Save {
        release: release.id,
        went_well: review.went_well.clone(),
        went_wrong: review.went_wrong.clone(),
        lessons: review.lessons.clone(),
        follow_ups,
    })
}

/// A multi-line text showing `current`; the user's typing is kept while it has focus, and the new
/// text is returned once, when the user leaves the field.
fn committed_multiline_ui(
    ui: &mut egui::Ui,
    id: egui::Id,
    current: &str,
    hint: &str,
    name: &str,
) -> Option<String> {
    let mut text = ui.data(|d| d.get_temp::<String>(id)).unwrap_or_else(|| current.to_owned());
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut text)
                .id(id)
                .hint_text(hint)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .on_hover_text(name);
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
        None
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
        (response.lost_focus() && text.trim() != current.trim()).then_some(text)
    }
}

/// The follow-up actions (tasks of the release, with their status) and the field to add one.
fn follow_ups_ui(
    ui: &mut egui::Ui,
    release: &Release,
    model: &Model,
    review: &Review,
    commands: &mut Vec<Command>,
) {
    ui.label(RichText::new(tr("review-follow-ups")).strong());
    if review.follow_ups.is_empty() {
        ui.label(RichText::new(tr("review-follow-ups-none")).weak().italics());
    }
    for task in review.follow_ups.iter().filter_map(|id| model.task(*id)) {
        let done = task.fields.status == TaskStatus::Completed;
        let title = RichText::new(&task.fields.title);
        ui.horizontal(|ui| {
            ui.label(if done { title.strikethrough() } else { title });
            ui.label(RichText::new(i18n::task_status(task.fields.status)).weak());
        });
    }
    let mut form: FollowUpForm = load_state(ui, STATE_KEY, release.id);
    ui.horizontal(|ui| {
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut form.title)
                    .hint_text(tr("review-follow-up-hint"))
                    .desired_width(360.0),
            )
            .on_hover_text(tr("review-follow-up-add"));
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button(tr("review-follow-up-add")).clicked() || entered {
            if form.title.trim().is_empty() {
                form.error = Some(tr("review-follow-up-title-required"));
            } else {
                let fields = TaskFields { title: form.title.trim().to_owned(), ..TaskFields::default() };
                commands.push(save(release, review, vec![fields]));
                form = FollowUpForm::default();
            }
        }
    });
    if let Some(error) = &form.error {
        ui.label(RichText::new(error).color(error_color(ui)));
    }
    store_state(ui, STATE_KEY, release.id, form);
}
