//! The windows and freezes dialog of the calendar: every deployment window and freeze with Edit
//! and Delete, Add window and Add freeze, and the form that edits one: name, time zone, one-off or
//! recurring (a preset such as "every Saturday 22:00 for 8 h", or a raw RRULE checked as it is
//! typed, with the reason in the UI's language), scope, and for a freeze hard or soft and the
//! exempt release types with their reason. Saving is one command; a refusal keeps the form.

use std::collections::BTreeSet;

use chrono::{Duration, NaiveDate, NaiveTime};

use crate::domain::schedule::presets::PRESETS;
use crate::domain::schedule::{
    DeploymentWindow, Freeze, FreezeKind, Recurrence, ScheduleInvalid, Scope, Timing, Tz, system_zone,
};
use crate::domain::{FreezeId, ReleaseType, Timestamp, WindowId};
use crate::i18n::{self, tr};
use crate::model::{Command, ScheduleCommand};
use crate::ui::outbox::Sender;
use crate::ui::screens::ScreenContext;
use crate::ui::widgets::{date_picker_ui, datetime_edit_ui};

/// A window or freeze being edited.
#[derive(Clone, Debug, PartialEq)]
struct Draft {
    freeze: bool,
    /// The id of the one edited; `None` for a new one.
    id: Option<i64>,
    name: String,
    zone: String,
    recurring: bool,
    rule: String,
    date: NaiveDate,
    hour: u32,
    minute: u32,
    minutes: u32,
    once_start: Timestamp,
    once_end: Timestamp,
    scope: Scope,
    kind: FreezeKind,
    exempt: BTreeSet<ReleaseType>,
    reason: String,
}

impl Draft {
    fn new(freeze: bool, now: Timestamp) -> Self {
        let preset = PRESETS[0];
        Self {
            freeze,
            id: None,
            name: String::new(),
            zone: system_zone().name().to_owned(),
            recurring: true,
            rule: preset.rule.to_owned(),
            date: now.date_naive(),
            hour: preset.hour,
            minute: preset.minute,
            minutes: preset.minutes,
            once_start: now,
            once_end: now + Duration::days(1),
            scope: Scope::All,
            kind: FreezeKind::Hard,
            exempt: BTreeSet::new(),
            reason: String::new(),
        }
    }

    fn from_parts(
        freeze: bool,
        id: i64,
        name: &str,
        timing: &Timing,
        zone: Tz,
        scope: Scope,
        now: Timestamp,
    ) -> Self {
        let mut draft = Self {
            id: Some(id),
            name: name.to_owned(),
            zone: zone.name().to_owned(),
            scope,
            ..Self::new(freeze, now)
        };
        match timing {
            Timing::Once { start, end } => {
                draft.recurring = false;
                draft.once_start = *start;
                draft.once_end = *end;
            }
            Timing::Recurring { recurrence, minutes } => {
                draft.rule = recurrence.rule.clone();
                draft.date = recurrence.start.date();
                draft.hour = chrono::Timelike::hour(&recurrence.start);
                draft.minute = chrono::Timelike::minute(&recurrence.start);
                draft.minutes = *minutes;
            }
        }
        draft
    }

    fn zone(&self) -> Option<Tz> {
        self.zone.trim().parse::<Tz>().ok()
    }

    fn timing(&self, exdates: Vec<chrono::NaiveDateTime>) -> Timing {
        if self.recurring {
            let time = NaiveTime::from_hms_opt(self.hour, self.minute, 0).unwrap_or(NaiveTime::MIN);
            let mut recurrence = Recurrence::new(&self.rule, self.date.and_time(time));
            recurrence.exdates = exdates;
            Timing::Recurring { recurrence, minutes: self.minutes }
        } else {
            Timing::Once { start: self.once_start, end: self.once_end }
        }
    }

    /// The command that saves it, or why it cannot be saved.
    fn command(&self, cx: &ScreenContext<'_>) -> Result<ScheduleCommand, String> {
        let zone = self.zone().ok_or_else(|| tr("calendar-zone-unknown"))?;
        let schedule = cx.model.schedule();
        if self.freeze {
            let id = FreezeId(self.id.unwrap_or(0));
            let exdates = schedule.freeze(id).map(|f| exdates_of(&f.timing)).unwrap_or_default();
            let freeze = Freeze {
                id,
                name: self.name.clone(),
                timing: self.timing(exdates),
                zone,
                kind: self.kind,
                scope: self.scope,
                exempt: self.exempt.clone(),
                exempt_reason: self.reason.clone(),
            };
            freeze.validate().map_err(|e| i18n::schedule_invalid(&e))?;
            Ok(if self.id.is_some() {
                ScheduleCommand::EditFreeze(freeze)
            } else {
                ScheduleCommand::AddFreeze(freeze)
            })
        } else {
            let id = WindowId(self.id.unwrap_or(0));
            let exdates = schedule.window(id).map(|w| exdates_of(&w.timing)).unwrap_or_default();
            let window = DeploymentWindow {
                id,
                name: self.name.clone(),
                timing: self.timing(exdates),
                zone,
                scope: self.scope,
            };
            window.validate().map_err(|e: ScheduleInvalid| i18n::schedule_invalid(&e))?;
            Ok(if self.id.is_some() {
                ScheduleCommand::EditWindow(window)
            } else {
                ScheduleCommand::AddWindow(window)
            })
        }
    }
}

fn exdates_of(timing: &Timing) -> Vec<chrono::NaiveDateTime> {
    match timing {
        Timing::Recurring { recurrence, .. } => recurrence.exdates.clone(),
        Timing::Once { .. } => Vec::new(),
    }
}

/// The dialog's state.
#[derive(Default)]
pub struct ScheduleDialog {
    open: bool,
    draft: Option<Draft>,
    /// A command was pushed and its result is awaited.
    waiting: bool,
    error: Option<String>,
}

impl ScheduleDialog {
    pub fn open(&mut self) {
        self.open = true;
        self.error = None;
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The result of a command it pushed; `false` when it was not waiting for one.
    pub fn on_result(&mut self, result: Result<(), String>) -> bool {
        if !self.waiting {
            return false;
        }
        self.waiting = false;
        match result {
            Ok(()) => {
                self.draft = None;
                self.error = None;
            }
            Err(why) => self.error = Some(why),
        }
        true
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ScreenContext<'_>) {
        if !self.open {
            return;
        }
        let modal =
            crate::ui::widgets::dialog(egui::Id::unique("calendar-schedule-dialog")).show(ui.ctx(), |ui| {
                ui.set_width(620.0);
                ui.heading(tr("calendar-manage"));
                match self.draft.take() {
                    Some(mut draft) => {
                        let keep = self.form_ui(ui, &mut draft, cx);
                        if keep {
                            self.draft = Some(draft);
                        }
                    }
                    None => self.list_ui(ui, cx),
                }
                if let Some(error) = &self.error {
                    ui.colored_label(ui.visuals().error_fg_color, error);
                }
            });
        if modal.should_close() && self.draft.is_none() {
            self.open = false;
        }
    }

    fn list_ui(&mut self, ui: &mut egui::Ui, cx: &mut ScreenContext<'_>) {
        let model = cx.model;
        let now = model.now();
        let (directory, registry) = (model.directory(), model.registry());
        egui::ScrollArea::vertical().max_height(380.0).show(ui, |ui| {
            egui::Grid::new("calendar-schedule-list").num_columns(4).striped(true).show(ui, |ui| {
                for w in &model.schedule().windows {
                    ui.label(tr("schedule-activity-window"));
                    ui.vertical(|ui| {
                        ui.strong(&w.name);
                        ui.label(i18n::timing_text(&w.timing, w.zone));
                        ui.label(i18n::scope_label(&w.scope, directory, registry));
                    });
                    if ui.button(tr("calendar-edit")).clicked() {
                        self.draft =
                            Some(Draft::from_parts(false, w.id.0, &w.name, &w.timing, w.zone, w.scope, now));
                    }
                    if ui.button(tr("calendar-delete")).clicked() {
                        cx.outbox.push(
                            Sender::Screen(super::ID),
                            Command::Schedule(ScheduleCommand::DeleteWindow(w.id)),
                        );
                        self.waiting = true;
                    }
                    ui.end_row();
                }
                for f in &model.schedule().freezes {
                    ui.label(format!("{} ({})", tr("schedule-activity-freeze"), i18n::freeze_kind(f.kind)));
                    ui.vertical(|ui| {
                        ui.strong(&f.name);
                        ui.label(i18n::timing_text(&f.timing, f.zone));
                        ui.label(i18n::scope_label(&f.scope, directory, registry));
                    });
                    if ui.button(tr("calendar-edit")).clicked() {
                        let mut draft =
                            Draft::from_parts(true, f.id.0, &f.name, &f.timing, f.zone, f.scope, now);
                        draft.kind = f.kind;
                        draft.exempt = f.exempt.clone();
                        draft.reason = f.exempt_reason.clone();
                        self.draft = Some(draft);
                    }
                    if ui.button(tr("calendar-delete")).clicked() {
                        cx.outbox.push(
                            Sender::Screen(super::ID),
                            Command::Schedule(ScheduleCommand::DeleteFreeze(f.id)),
                        );
                        self.waiting = true;
                    }
                    ui.end_row();
                }
            });
        });
        ui.separator();
        ui.horizontal(|ui| {
            if ui.button(tr("calendar-add-window")).clicked() {
                self.draft = Some(Draft::new(false, now));
                self.error = None;
            }
            if ui.button(tr("calendar-add-freeze")).clicked() {
                self.draft = Some(Draft::new(true, now));
                self.error = None;
            }
            if ui.button(tr("calendar-close")).clicked() {
                self.open = false;
            }
        });
    }

    /// The form; returns false when it is done (saved or cancelled).
    fn form_ui(&mut self, ui: &mut egui::Ui, draft: &mut Draft, cx: &mut ScreenContext<'_>) -> bool {
        egui::Grid::new("calendar-schedule-form").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
            let name = ui.label(tr("calendar-field-name"));
            ui.add(egui::TextEdit::singleline(&mut draft.name).desired_width(360.0)).labelled_by(name.id);
            ui.end_row();
            let zone = ui.label(tr("calendar-field-zone"));
            ui.add(egui::TextEdit::singleline(&mut draft.zone).desired_width(200.0)).labelled_by(zone.id);
            ui.end_row();
            ui.label(tr("calendar-field-when"));
            ui.horizontal(|ui| {
                ui.radio_value(&mut draft.recurring, true, tr("calendar-recurring"));
                ui.radio_value(&mut draft.recurring, false, tr("calendar-once"));
            });
            ui.end_row();
            if draft.recurring {
                recurrence_rows(ui, draft);
            } else {
                ui.label(tr("calendar-field-start"));
                datetime_edit_ui(ui, "calendar-once-start", &mut draft.once_start);
                ui.end_row();
                ui.label(tr("calendar-field-end"));
                datetime_edit_ui(ui, "calendar-once-end", &mut draft.once_end);
                ui.end_row();
            }
            scope_row(ui, draft, cx);
            if draft.freeze {
                freeze_rows(ui, draft);
            }
        });
        let command = draft.command(cx);
        if let Err(why) = &command {
            ui.colored_label(ui.visuals().warn_fg_color, why);
        }
        let mut keep = true;
        ui.horizontal(|ui| {
            if ui
                .add_enabled(command.is_ok() && !self.waiting, egui::Button::new(tr("calendar-save")))
                .clicked()
                && let Ok(command) = command
            {
                cx.outbox.push(Sender::Screen(super::ID), Command::Schedule(command));
                self.waiting = true;
            }
            if ui.button(tr("calendar-cancel")).clicked() {
                keep = false;
                self.error = None;
            }
        });
        keep
    }
}

/// Preset, rule, first day and time, and how long each lasts.
fn recurrence_rows(ui: &mut egui::Ui, draft: &mut Draft) {
    ui.label(tr("calendar-field-preset"));
    let current =
        PRESETS.iter().find(|p| p.rule == draft.rule && p.hour == draft.hour && p.minutes == draft.minutes);
    egui::ComboBox::from_id_salt("calendar-preset")
        .selected_text(current.map_or_else(|| tr("calendar-preset-custom"), |p| tr(p.key)))
        .show_ui(ui, |ui| {
            for preset in PRESETS {
                if ui.selectable_label(current == Some(preset), tr(preset.key)).clicked() {
                    draft.rule = preset.rule.to_owned();
                    draft.hour = preset.hour;
                    draft.minute = preset.minute;
                    draft.minutes = preset.minutes;
                }
            }
        });
    ui.end_row();
    let rule = ui.label(tr("calendar-field-rule"));
    ui.add(egui::TextEdit::singleline(&mut draft.rule).desired_width(360.0).font(egui::TextStyle::Monospace))
        .labelled_by(rule.id);
    ui.end_row();
    ui.label(tr("calendar-field-first"));
    ui.horizontal(|ui| {
        date_picker_ui(ui, "calendar-rule-start", &mut draft.date);
        ui.add(
            egui::DragValue::new(&mut draft.hour).range(0..=23).custom_formatter(|v, _| format!("{v:02}")),
        )
        .on_hover_text(tr("field-hour"));
        ui.label(":");
        ui.add(
            egui::DragValue::new(&mut draft.minute).range(0..=59).custom_formatter(|v, _| format!("{v:02}")),
        )
        .on_hover_text(tr("field-minute"));
    });
    ui.end_row();
    ui.label(tr("calendar-field-length"));
    ui.horizontal(|ui| {
        let mut hours = draft.minutes / 60;
        let mut minutes = draft.minutes % 60;
        ui.add(egui::DragValue::new(&mut hours).range(0..=744).suffix(tr("calendar-hours-suffix")))
            .on_hover_text(tr("calendar-field-length"));
        ui.add(
            egui::DragValue::new(&mut minutes).range(0..=59).speed(0.5).suffix(tr("calendar-minutes-suffix")),
        )
        .on_hover_text(tr("calendar-field-length"));
        draft.minutes = hours * 60 + minutes;
    });
    ui.end_row();
}

/// Which releases it applies to.
fn scope_row(ui: &mut egui::Ui, draft: &mut Draft, cx: &ScreenContext<'_>) {
    let (directory, registry) = (cx.model.directory(), cx.model.registry());
    ui.label(tr("schedule-col-scope"));
    egui::ComboBox::from_id_salt("calendar-scope")
        .selected_text(i18n::scope_label(&draft.scope, directory, registry))
        .width(300.0)
        .show_ui(ui, |ui| {
            let mut choices = vec![Scope::All];
            choices.extend(directory.groups.iter().map(|g| Scope::Group(g.id)));
            choices.extend(ReleaseType::ALL.iter().map(|t| Scope::ReleaseType(*t)));
            choices.extend(registry.config_items.iter().map(|c| Scope::ConfigItem(c.id)));
            for scope in choices {
                ui.selectable_value(&mut draft.scope, scope, i18n::scope_label(&scope, directory, registry));
            }
        });
    ui.end_row();
}

/// Hard or soft, and the exempt release types with their reason.
fn freeze_rows(ui: &mut egui::Ui, draft: &mut Draft) {
    ui.label(tr("calendar-field-kind"));
    ui.horizontal(|ui| {
        for kind in FreezeKind::ALL {
            ui.radio_value(&mut draft.kind, kind, i18n::freeze_kind(kind));
        }
    });
    ui.end_row();
    ui.label(tr("calendar-field-exempt"));
    ui.horizontal(|ui| {
        for t in ReleaseType::ALL {
            let mut on = draft.exempt.contains(t);
            if ui.checkbox(&mut on, i18n::release_type(*t)).changed() {
                if on {
                    draft.exempt.insert(*t);
                } else {
                    draft.exempt.remove(t);
                }
            }
        }
    });
    ui.end_row();
    let reason = ui.label(tr("calendar-field-reason"));
    ui.add(egui::TextEdit::singleline(&mut draft.reason).desired_width(360.0)).labelled_by(reason.id);
    ui.end_row();
}
