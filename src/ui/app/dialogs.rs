//! The window's own dialogs: New release, People, Release templates, Backups, About, the KPI help, Team…,
//! the team's conflicts, Keyboard
//! shortcuts (in `keyboard_help.rs`), and the "delete
//! forever" confirmation of the bulk bar. Each is drawn over whatever screen is shown.

use super::ReleaseDeskApp;
use super::session::DatabaseFile;
use crate::i18n::tr;
use crate::model::{BulkAction, Command, Model, PurgeBackup};
use crate::ui::backups::{BackupsAction, BackupsDialog};
use crate::ui::new_release::NewReleaseModal;
use crate::ui::outbox::Sender;
use crate::ui::people_dialog::PeopleDialog;
use crate::ui::template_dialog::TemplateDialog;
use crate::ui::widgets::file_dialog::FileChooser;

/// Which of the window's dialogs are open, with their edits.
#[derive(Default)]
pub(super) struct Dialogs {
    pub(super) new_release: NewReleaseModal,
    pub(super) people: PeopleDialog,
    /// File > Release templates….
    pub(super) templates: TemplateDialog,
    pub(super) backups: BackupsDialog,
    pub(super) show_about: bool,
    pub(super) show_kpi_help: bool,
    pub(super) show_shortcuts: bool,
    /// File > Open database and New database.
    pub(super) database_file: FileChooser<DatabaseFile>,
    /// File > Import… and Export….
    pub(super) data: crate::ui::data_dialog::DataDialog,
    /// The team's conflicts, from the status bar.
    pub(super) conflicts: crate::ui::conflicts_dialog::ConflictsDialog,
    /// File > Team….
    pub(super) team: crate::ui::team_dialog::TeamDialog,
}

impl ReleaseDeskApp {
    /// Draws every open dialog of the window.
    pub(super) fn dialogs_ui(&mut self, ctx: &egui::Context) {
        if let Some(model) = &self.session.model {
            // The templates are listed only while the dialog is open.
            let listed = self.dialogs.new_release.is_open() || self.dialogs.templates.is_open();
            let templates = if listed { model.templates() } else { Vec::new() };
            self.dialogs.new_release.modal_ui(ctx, model.directory(), &templates, &mut self.outbox);
            self.dialogs.templates.dialog_ui(ctx, &templates, model.directory(), &mut self.outbox);
            let me = model.settings().current_agent;
            self.dialogs.people.dialog_ui(ctx, model.directory(), me, &mut self.outbox);
            self.dialogs.data.dialog_ui(ctx, model, &mut self.outbox);
            self.dialogs.conflicts.dialog_ui(ctx, model, &mut self.outbox);
            if let Some(action) = self.dialogs.team.dialog_ui(ctx, model) {
                self.team_dialog_action(ctx, action);
            }
        }
        if let Some((text, is_error)) = self.dialogs.data.take_message() {
            self.status = Some(crate::ui::screens::StatusLine { text, is_error });
        }
        if self.dialogs.show_about {
            self.about_ui(ctx);
        }
        if self.dialogs.show_kpi_help {
            self.kpi_help_ui(ctx);
        }
        if self.dialogs.show_shortcuts {
            self.keyboard_help_ui(ctx);
        }
        self.database_file_ui(ctx);
        let read_only = self.session.model.as_ref().is_some_and(Model::is_read_only);
        match self.dialogs.backups.dialog_ui(ctx, read_only) {
            Some(BackupsAction::BackUpNow) => self.back_up_now(),
            Some(BackupsAction::Restore(path)) => self.restore_from_backup(path),
            None => {}
        }
        if self.screens.list.bulk_bar.is_confirming() {
            let backup = self.session.model.as_mut().map_or(PurgeBackup::Ready, Model::prepare_purge_backup);
            if backup == PurgeBackup::Running {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
            if let Some(ids) = self.screens.list.bulk_bar.confirm_ui(ctx, &backup) {
                self.outbox.push(Sender::Bulk, Command::Bulk { ids, action: BulkAction::Purge });
            }
        }
    }

    pub(super) fn open_new_release(&mut self) {
        let me = self.session.model.as_ref().and_then(|m| m.settings().current_agent);
        self.dialogs.new_release.open(me);
    }

    fn kpi_help_ui(&mut self, ctx: &egui::Context) {
        let targets = self.session.model.as_ref().map(|m| m.settings().kpi_targets).unwrap_or_default();
        let modal = crate::ui::widgets::dialog(egui::Id::unique("kpi_help_modal")).show(ctx, |ui| {
            ui.set_width(620.0);
            ui.heading(tr("kpi-help-title"));
            ui.add_space(6.0);
            crate::ui::screens::dashboard::kpi_help_ui(ui, &targets);
            ui.add_space(8.0);
            if ui.button(tr("action-close")).clicked() {
                self.dialogs.show_kpi_help = false;
            }
        });
        if modal.should_close() {
            self.dialogs.show_kpi_help = false;
        }
    }

    fn about_ui(&mut self, ctx: &egui::Context) {
        let modal = crate::ui::widgets::dialog(egui::Id::unique("about_modal")).show(ctx, |ui| {
            ui.heading("Release Desk");
            ui.label(crate::version_line());
            ui.label(tr("about-tagline"));
            ui.label(tr("about-font"));
            if ui.button(tr("action-close")).clicked() {
                self.dialogs.show_about = false;
            }
        });
        if modal.should_close() {
            self.dialogs.show_about = false;
        }
    }
}
