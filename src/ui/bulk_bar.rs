//! The bulk bar above the release table: what to do with the selected releases (Delete to Trash,
//! Pick Up, Assign to Agent or Group, Set status or priority; in Trash: Restore, Delete forever,
//! Empty Trash), and the confirmation before anything leaves the database.

use egui::RichText;

use crate::domain::{AgentId, Directory, Priority, ReleaseId, Status};
use crate::i18n::{self, tr, tr_args};
use crate::model::{BulkAction, PurgeBackup};

/// What the user asked for in the bar this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum BarAction {
    /// Apply this action to every selected release.
    Apply(BulkAction),
    /// Ask before deleting the selected releases forever.
    ConfirmPurge,
    /// Ask before deleting everything in Trash forever.
    EmptyTrash,
    /// Select nothing.
    Clear,
}

/// What the bar shows.
pub struct BarContext<'a> {
    pub selected: usize,
    /// Selected releases the current view does not show.
    pub hidden: usize,
    pub trash_view: bool,
    pub trash_count: usize,
    pub me: Option<AgentId>,
    pub directory: &'a Directory,
}

/// The bar's own state: the purge waiting for confirmation.
#[derive(Default)]
pub struct BulkBar {
    /// Releases the open confirmation would delete forever.
    purge: Option<Vec<ReleaseId>>,
}

impl BulkBar {
    /// Shows the bar and returns what was asked for.
    pub fn bar_ui(ui: &mut egui::Ui, shown: &BarContext<'_>) -> Option<BarAction> {
        let mut action = None;
        // One line, as tall with or without buttons, so the table does not jump when the first row
        // is picked (a wrapped second line moved the rows under the pointer, and a double-click
        // opened the wrong release); a narrow window scrolls the bar sideways instead.
        egui::ScrollArea::horizontal().id_salt("bulk_bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.set_min_height(ui.spacing().interact_size.y);
                Self::bar_items_ui(ui, shown, &mut action);
            });
        });
        action
    }

    /// What the bar holds: the count, the actions of the view, or the hint.
    fn bar_items_ui(ui: &mut egui::Ui, shown: &BarContext<'_>, action: &mut Option<BarAction>) {
        if shown.selected > 0 {
            ui.label(RichText::new(tr_args("bulk-selected", &[("count", shown.selected.into())])).strong());
            if shown.hidden > 0 {
                ui.label(RichText::new(tr_args("bulk-hidden", &[("count", shown.hidden.into())])).weak())
                    .on_hover_text(tr("bulk-hidden-hint"));
            }
            ui.separator();
        }
        if shown.trash_view {
            Self::trash_actions_ui(ui, shown, action);
        } else if shown.selected > 0 {
            Self::list_actions_ui(ui, shown, action);
        } else {
            ui.label(RichText::new(tr("bulk-hint")).weak());
        }
        if shown.selected > 0 {
            ui.separator();
            if ui
                .button(tr("bulk-clear"))
                .on_hover_text(crate::ui::command::shortcut_text(
                    ui.ctx(),
                    &crate::ui::command::DIALOG_CANCEL,
                ))
                .clicked()
            {
                *action = Some(BarAction::Clear);
            }
        }
    }

    fn trash_actions_ui(ui: &mut egui::Ui, shown: &BarContext<'_>, action: &mut Option<BarAction>) {
        if shown.selected > 0 {
            if ui.button(tr("bulk-restore")).clicked() {
                *action = Some(BarAction::Apply(BulkAction::Restore));
            }
            if ui
                .button(RichText::new(tr("bulk-purge")).color(ui.visuals().error_fg_color))
                .on_hover_text(tr("bulk-purge-hint"))
                .clicked()
            {
                *action = Some(BarAction::ConfirmPurge);
            }
            ui.separator();
        } else {
            ui.label(RichText::new(tr("trash-hint")).weak());
        }
        if ui.add_enabled(shown.trash_count > 0, egui::Button::new(tr("trash-empty"))).clicked() {
            *action = Some(BarAction::EmptyTrash);
        }
    }

    fn list_actions_ui(ui: &mut egui::Ui, shown: &BarContext<'_>, action: &mut Option<BarAction>) {
        if ui.button(tr("bulk-delete")).on_hover_text(tr("bulk-delete-hint")).clicked() {
            *action = Some(BarAction::Apply(BulkAction::Trash));
        }
        let pick_up = ui
            .add_enabled(shown.me.is_some(), egui::Button::new(tr("bulk-pick-up")))
            .on_hover_text(tr("bulk-pick-up-hint"))
            .on_disabled_hover_text(tr("error-no-current-agent"));
        if pick_up.clicked() {
            *action = Some(BarAction::Apply(BulkAction::PickUp));
        }
        ui.menu_button(tr("bulk-assign-agent"), |ui| {
            egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                if ui.button(RichText::new(tr("agent-unassigned")).italics()).clicked() {
                    *action = Some(BarAction::Apply(BulkAction::Assign { agent: Some(None), group: None }));
                }
                for agent in shown.directory.agents.iter().filter(|a| a.active) {
                    if ui.button(&agent.name).clicked() {
                        *action = Some(BarAction::Apply(BulkAction::Assign {
                            agent: Some(Some(agent.id)),
                            group: None,
                        }));
                    }
                }
            });
        });
        ui.menu_button(tr("bulk-assign-group"), |ui| {
            egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                if ui.button(RichText::new(tr("group-none")).italics()).clicked() {
                    *action = Some(BarAction::Apply(BulkAction::Assign { agent: None, group: Some(None) }));
                }
                for group in &shown.directory.groups {
                    if ui.button(&group.name).clicked() {
                        *action = Some(BarAction::Apply(BulkAction::Assign {
                            agent: None,
                            group: Some(Some(group.id)),
                        }));
                    }
                }
            });
        });
        ui.menu_button(tr("bulk-set-status"), |ui| {
            for &status in Status::ALL {
                if ui.button(i18n::status(status)).clicked() {
                    *action = Some(BarAction::Apply(BulkAction::SetStatus(status)));
                }
            }
        });
        ui.menu_button(tr("bulk-set-priority"), |ui| {
            for &priority in Priority::ALL {
                if ui.button(i18n::priority(priority)).clicked() {
                    *action = Some(BarAction::Apply(BulkAction::SetPriority(priority)));
                }
            }
        });
    }

    /// Opens the confirmation for deleting `ids` forever.
    pub fn ask_purge(&mut self, ids: Vec<ReleaseId>) {
        if !ids.is_empty() {
            self.purge = Some(ids);
        }
    }

    pub fn is_confirming(&self) -> bool {
        self.purge.is_some()
    }

    /// The confirmation modal; returns the ids to delete forever once the user confirms. The
    /// backup a purge makes first is made while the modal is open; `backup` says where it stands,
    /// and Delete waits for it.
    pub fn confirm_ui(&mut self, ctx: &egui::Context, backup: &PurgeBackup) -> Option<Vec<ReleaseId>> {
        let count = self.purge.as_ref()?.len();
        let mut confirmed = false;
        let mut cancelled = false;
        let modal = crate::ui::widgets::dialog(egui::Id::unique("purge_confirm_modal")).show(ctx, |ui| {
            ui.set_width(420.0);
            ui.heading(tr_args("purge-title", &[("count", count.into())]));
            ui.add_space(6.0);
            ui.label(tr_args("purge-body", &[("count", count.into())]));
            ui.add_space(6.0);
            match backup {
                PurgeBackup::Running => {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(tr("purge-backup-running"));
                    });
                }
                PurgeBackup::Ready => {
                    ui.label(RichText::new(tr("purge-backup-ready")).weak());
                }
                PurgeBackup::Failed(why) => {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        tr_args("purge-backup-failed", &[("reason", i18n::store_error(why).into())]),
                    );
                }
            }
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                let delete = egui::Button::new(
                    RichText::new(tr_args("purge-confirm", &[("count", count.into())]))
                        .color(egui::Color32::WHITE),
                )
                .fill(ui.visuals().error_fg_color);
                let ready = *backup != PurgeBackup::Running;
                if ui.add_enabled(ready, delete).clicked() {
                    confirmed = true;
                }
                if ui.button(tr("action-cancel")).clicked() {
                    cancelled = true;
                }
            });
        });
        if cancelled || modal.should_close() {
            self.purge = None;
        }
        if confirmed { self.purge.take() } else { None }
    }
}
