//! The reuse section of the release page: clone the release to a new planned start (its plans,
//! strategy, risks, back-out plan, impact analysis and tasks come along, dates moved, work reset)
//! and save its shape as one of the user's templates; the user's templates are listed with Delete.

use chrono::{Local, NaiveDate, TimeZone as _, Timelike as _};
use egui::RichText;

use super::lifecycle_widgets::{load_state, store_state};
use crate::domain::Release;
use crate::domain::template::{from_release, key_for};
use crate::i18n::{self, tr, tr_args};
use crate::model::{Command, Model, TemplateCommand};
use crate::ui::widgets::date_picker_ui;

const STATE_KEY: &str = "reuse";

/// What is being typed: the clone's day and the new template's name.
#[derive(Clone, Debug, Default)]
struct ReuseForm {
    clone_day: Option<NaiveDate>,
    template_name: String,
}

/// The reuse section.
pub fn reuse_ui(ui: &mut egui::Ui, release: &Release, model: &Model, commands: &mut Vec<Command>) {
    let mut form: ReuseForm = load_state(ui, STATE_KEY, release.id);
    let start = release.planned.start.with_timezone(&Local);
    let mut day = form.clone_day.unwrap_or_else(|| start.date_naive() + chrono::Duration::days(14));
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr("reuse-clone")).strong());
        ui.label(tr("reuse-clone-start"));
        if date_picker_ui(ui, &format!("reuse_clone_day_{}", release.id.0), &mut day) {
            form.clone_day = Some(day);
        }
        ui.label(RichText::new(format!("{:02}:{:02}", start.hour(), start.minute())).weak());
        if ui.button(tr("reuse-clone-button")).on_hover_text(tr("reuse-clone-hint")).clicked() {
            let at = day.and_time(start.time());
            if let Some(planned_start) = Local.from_local_datetime(&at).earliest() {
                let planned_start = planned_start.with_timezone(&chrono::Utc);
                commands
                    .push(Command::Template(TemplateCommand::Clone { source: release.id, planned_start }));
                form.clone_day = None;
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr("reuse-save-template")).strong());
        ui.add(
            egui::TextEdit::singleline(&mut form.template_name)
                .hint_text(tr("reuse-template-name-hint"))
                .desired_width(280.0),
        )
        .on_hover_text(tr("reuse-template-name"));
        if ui.button(tr("reuse-save-template-button")).clicked() {
            let templates = model.templates();
            let taken: Vec<&str> = templates.iter().map(|t| t.key.as_str()).collect();
            let name = form.template_name.trim().to_owned();
            let tasks = model.tasks_for(release.id);
            let template = from_release(
                key_for(&name, &taken),
                name,
                release,
                &model.readiness(release.id),
                model.backout(release.id),
                model.impact(release.id),
                &tasks,
            );
            commands.push(Command::Template(TemplateCommand::Save(template)));
            form.template_name.clear();
        }
    });
    let mine: Vec<_> = model.templates().into_iter().filter(|t| !t.is_builtin()).collect();
    if !mine.is_empty() {
        ui.label(RichText::new(tr("reuse-your-templates")).strong());
        for t in &mine {
            ui.horizontal(|ui| {
                ui.label(i18n::template_name(t));
                ui.label(
                    RichText::new(tr_args("reuse-template-parts", &[("tasks", t.tasks.len().into())])).weak(),
                );
                if ui.small_button(tr("reuse-template-delete")).clicked() {
                    commands.push(Command::Template(TemplateCommand::Delete(t.key.clone())));
                }
            });
        }
    }
    store_state(ui, STATE_KEY, release.id, form);
}
