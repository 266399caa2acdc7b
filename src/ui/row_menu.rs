//! The right-click menu on a row of the release list (issue 13, item 5): Open, Assign to me,
//! Status (a submenu), Move to Trash (in Trash: Restore and Delete forever…), Copy ID and Copy subject.
//! A right click on a row outside the selection selects that row first, so the menu always acts
//! on what is highlighted. Its changes are the bulk bar's commands, applied through
//! `Model::apply` and undoable; the copies go to the clipboard.

use egui::RichText;

use crate::domain::{Release, Status};
use crate::i18n::{self, tr};
use crate::model::BulkAction;

/// What was chosen in the menu (the copies are done by the menu itself).
#[derive(Clone, Debug, PartialEq)]
pub enum RowMenuChoice {
    Open,
    /// A bulk action on the selection.
    Apply(BulkAction),
    /// In Trash: ask before deleting the selection forever.
    ConfirmPurge,
}

/// What the menu needs to know beyond the row.
#[derive(Clone, Copy, Debug)]
pub struct RowMenuContext {
    /// The list shows Trash: Restore and Delete forever instead of Move to Trash.
    pub trash: bool,
    /// Somebody is working (Assign to me has someone to assign).
    pub me: bool,
    /// How many releases are selected (the menu's actions apply to all of them).
    pub selected: usize,
}

/// The menu's items for `release`; returns what was chosen.
pub fn row_menu_ui(ui: &mut egui::Ui, release: &Release, cx: RowMenuContext) -> Option<RowMenuChoice> {
    let mut action = None;
    if cx.selected > 1 {
        ui.label(RichText::new(i18n::tr_args("bulk-selected", &[("count", cx.selected.into())])).weak());
        ui.separator();
    }
    if ui.button(tr("row-menu-open")).clicked() {
        action = Some(RowMenuChoice::Open);
    }
    ui.separator();
    if cx.trash {
        if ui.button(tr("bulk-restore")).clicked() {
            action = Some(RowMenuChoice::Apply(BulkAction::Restore));
        }
        if ui.button(RichText::new(tr("bulk-purge")).color(ui.visuals().error_fg_color)).clicked() {
            action = Some(RowMenuChoice::ConfirmPurge);
        }
    } else {
        let assign = ui
            .add_enabled(cx.me, egui::Button::new(tr("row-menu-assign-me")))
            .on_disabled_hover_text(tr("error-no-current-agent"));
        if assign.clicked() {
            action = Some(RowMenuChoice::Apply(BulkAction::PickUp));
        }
        ui.menu_button(tr("bulk-set-status"), |ui| {
            for &status in Status::ALL {
                let label = i18n::status(status);
                let item =
                    if status == release.status { RichText::new(label).strong() } else { label.into() };
                if ui.button(item).clicked() {
                    action = Some(RowMenuChoice::Apply(BulkAction::SetStatus(status)));
                }
            }
        });
        if ui.button(tr("row-menu-trash")).clicked() {
            action = Some(RowMenuChoice::Apply(BulkAction::Trash));
        }
    }
    ui.separator();
    if ui.button(tr("row-menu-copy-id")).clicked() {
        ui.ctx().copy_text(i18n::release_number(release.id));
        ui.close();
    }
    if ui.button(tr("row-menu-copy-subject")).clicked() {
        ui.ctx().copy_text(release.subject.clone());
        ui.close();
    }
    action
}
