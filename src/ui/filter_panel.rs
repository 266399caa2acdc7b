//! The left side panel: the nine predefined views with live counts, saved views, the custom filter
//! and "Save view as…".

use chrono::{Local, NaiveTime, TimeZone as _};
use egui::RichText;

use super::list_state::ListState;
use crate::domain::{
    AgentFilter, Directory, GroupId, PredefinedView, Priority, ReleaseType, SavedView, Stage, Status,
    Timestamp, ViewRef,
};
use crate::i18n::{self, tr};
use crate::model::{Command, SettingsCommand};
use crate::ui::outbox::{Outbox, Sender};

/// The side panel's own state: the name being typed for a new saved view.
#[derive(Default)]
pub struct FilterPanel {
    save_name: String,
    saving: bool,
}

impl FilterPanel {
    /// Shows the panel; edits `list` in place and pushes commands for saved views.
    pub fn panel_ui(
        &mut self,
        ui: &mut egui::Ui,
        list: &mut ListState,
        counts: &[usize; 9],
        saved_views: &[SavedView],
        directory: &Directory,
        outbox: &mut Outbox,
    ) {
        // A solid scroll bar takes its own room: a floating one would cover the view counts.
        ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            ui.heading(tr("panel-views"));
            for (view, count) in PredefinedView::ALL.into_iter().zip(counts) {
                let selected = list.view == ViewRef::Predefined(view);
                ui.horizontal(|ui| {
                    if ui.selectable_label(selected, i18n::view(view)).clicked() {
                        list.select_predefined(view);
                    }
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.label(RichText::new(count.to_string()).weak());
                    });
                });
            }
            if !saved_views.is_empty() {
                ui.add_space(6.0);
                ui.label(RichText::new(tr("panel-saved-views")).strong());
                for view in saved_views {
                    ui.horizontal(|ui| {
                        let selected = list.view == ViewRef::Saved(view.id);
                        if ui.selectable_label(selected, &view.name).clicked() {
                            list.select_saved(view);
                        }
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            if ui.small_button("✖").on_hover_text(tr("saved-view-delete")).clicked() {
                                outbox.push(
                                    Sender::Filters,
                                    Command::Settings(SettingsCommand::DeleteSavedView(view.id)),
                                );
                                if list.view == ViewRef::Saved(view.id) {
                                    list.select_predefined(view.base);
                                }
                            }
                        });
                    });
                }
            }
            ui.separator();
            self.filter_ui(ui, list, directory, outbox);
        });
    }

    fn filter_ui(
        &mut self,
        ui: &mut egui::Ui,
        list: &mut ListState,
        directory: &Directory,
        outbox: &mut Outbox,
    ) {
        ui.horizontal(|ui| {
            ui.heading(tr("panel-filter"));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.add_enabled(!list.filter.is_empty(), egui::Button::new(tr("filter-clear"))).clicked() {
                    list.filter = Default::default();
                }
            });
        });
        let filter = &mut list.filter;
        egui::CollapsingHeader::new(tr("field-status")).id_salt("filter_status").default_open(true).show(
            ui,
            |ui| {
                for s in Status::ALL {
                    toggle_ui(ui, &mut filter.statuses, *s, &i18n::status(*s));
                }
            },
        );
        egui::CollapsingHeader::new(tr("field-priority")).id_salt("filter_priority").default_open(true).show(
            ui,
            |ui| {
                for p in Priority::ALL {
                    toggle_ui(ui, &mut filter.priorities, *p, &i18n::priority(*p));
                }
            },
        );
        egui::CollapsingHeader::new(tr("field-type")).id_salt("filter_type").default_open(true).show(
            ui,
            |ui| {
                for t in ReleaseType::ALL {
                    toggle_ui(ui, &mut filter.types, *t, &i18n::release_type(*t));
                }
            },
        );
        egui::CollapsingHeader::new(tr("field-stage")).id_salt("filter_stage").default_open(false).show(
            ui,
            |ui| {
                for stage in Stage::ALL {
                    toggle_ui(ui, &mut filter.stages, stage, &i18n::stage(stage));
                }
            },
        );
        egui::Grid::new("filter_people").num_columns(2).show(ui, |ui| {
            let agent_label = ui.label(tr("field-agent"));
            let agent_text = match filter.agent {
                None => tr("filter-any"),
                Some(AgentFilter::Unassigned) => tr("agent-unassigned"),
                Some(AgentFilter::Agent(id)) => directory.agent_name(Some(id)).to_owned(),
            };
            egui::ComboBox::from_id_salt("filter_agent")
                .selected_text(agent_text)
                .width(150.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut filter.agent, None, tr("filter-any"));
                    ui.selectable_value(
                        &mut filter.agent,
                        Some(AgentFilter::Unassigned),
                        tr("agent-unassigned"),
                    );
                    for a in &directory.agents {
                        ui.selectable_value(&mut filter.agent, Some(AgentFilter::Agent(a.id)), &a.name);
                    }
                })
                .response
                .labelled_by(agent_label.id);
            ui.end_row();
            let group_label = ui.label(tr("field-group"));
            let group_text =
                filter.group.map_or_else(|| tr("filter-any"), |g| directory.group_name(Some(g)).to_owned());
            egui::ComboBox::from_id_salt("filter_group")
                .selected_text(group_text)
                .width(150.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut filter.group, None::<GroupId>, tr("filter-any"));
                    for g in &directory.groups {
                        ui.selectable_value(&mut filter.group, Some(g.id), &g.name);
                    }
                })
                .response
                .labelled_by(group_label.id);
            ui.end_row();
            ui.label(tr("filter-planned-from"));
            date_bound_ui(ui, "filter_from", &mut filter.planned_from, false);
            ui.end_row();
            ui.label(tr("filter-planned-to"));
            date_bound_ui(ui, "filter_to", &mut filter.planned_to, true);
            ui.end_row();
        });
        ui.add_space(8.0);
        if self.saving {
            let label = ui.label(tr("save-view-name"));
            let response = ui.text_edit_singleline(&mut self.save_name).labelled_by(label.id);
            let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                let valid = !self.save_name.trim().is_empty();
                if (ui.add_enabled(valid, egui::Button::new(tr("action-save"))).clicked() || enter) && valid {
                    outbox.push(
                        Sender::Filters,
                        Command::Settings(SettingsCommand::SaveView {
                            name: self.save_name.trim().to_owned(),
                            base: list.base_view(),
                            filter: list.filter.clone(),
                            sort: list.sort,
                        }),
                    );
                    self.saving = false;
                    self.save_name.clear();
                }
                if ui.button(tr("action-cancel")).clicked() {
                    self.saving = false;
                }
            });
        } else if ui.button(tr("save-view-as")).clicked() {
            self.saving = true;
        }
    }
}

fn toggle_ui<T: Ord + Copy>(
    ui: &mut egui::Ui,
    set: &mut std::collections::BTreeSet<T>,
    value: T,
    label: &str,
) {
    let mut on = set.contains(&value);
    if ui.checkbox(&mut on, label).changed() {
        if on {
            set.insert(value);
        } else {
            set.remove(&value);
        }
    }
}

/// A checkbox that enables a date; the bound is local midnight (or the day's end for `end_of_day`).
fn date_bound_ui(ui: &mut egui::Ui, id_salt: &str, bound: &mut Option<Timestamp>, end_of_day: bool) {
    ui.horizontal(|ui| {
        let mut on = bound.is_some();
        if ui.checkbox(&mut on, "").on_hover_text(tr("filter-limit-window")).changed() {
            *bound = on.then(|| day_bound(Local::now().date_naive(), end_of_day));
        }
        if let Some(t) = bound {
            let mut date = t.with_timezone(&Local).date_naive();
            if super::widgets::date_picker_ui(ui, id_salt, &mut date) {
                *t = day_bound(date, end_of_day);
            }
        } else {
            ui.label(RichText::new(tr("filter-any-date")).weak());
        }
    });
}

fn day_bound(date: chrono::NaiveDate, end_of_day: bool) -> Timestamp {
    let time = if end_of_day {
        NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN)
    } else {
        NaiveTime::MIN
    };
    Local.from_local_datetime(&date.and_time(time)).earliest().map_or_else(chrono::Utc::now, |t| t.to_utc())
}
