//! The Backups dialog (File → Backups…): the verified backups beside the database, newest
//! first, with their date, size and release count; "Back up now" and "Restore".
//!
//! The dialog only asks: the app makes the backup or restores one (it must close the model).

use std::path::{Path, PathBuf};

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use crate::i18n::{self, tr, tr_args};
use crate::model::session::{self, ListedBackup};

/// What the user asked for in the dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum BackupsAction {
    BackUpNow,
    Restore(PathBuf),
}

/// The dialog's state.
#[derive(Default)]
pub struct BackupsDialog {
    open: bool,
    rows: Vec<ListedBackup>,
    folder: PathBuf,
    /// The backup the user asked to restore, awaiting confirmation.
    confirm: Option<PathBuf>,
    /// It is a backup of another database than the one open (each database has an identity).
    confirm_other: bool,
    /// The database whose backups are listed.
    db: PathBuf,
    error: Option<String>,
}

impl BackupsDialog {
    /// Opens the dialog on the backups of `db`.
    pub fn open(&mut self, db: &Path) {
        self.open = true;
        self.confirm = None;
        self.refresh(db);
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    pub fn close(&mut self) {
        self.open = false;
        self.confirm = None;
    }

    /// Re-reads the folder (and checks every backup).
    pub fn refresh(&mut self, db: &Path) {
        self.folder = session::backups_dir(db);
        db.clone_into(&mut self.db);
        match session::list_backups(db) {
            Ok(list) => {
                self.error = None;
                self.rows = list;
            }
            Err(err) => {
                self.rows.clear();
                self.error = Some(crate::i18n::store_error(&err));
            }
        }
    }

    /// Shows the dialog; returns what the user asked for.
    pub fn dialog_ui(&mut self, ctx: &egui::Context, read_only: bool) -> Option<BackupsAction> {
        if !self.open {
            return None;
        }
        let mut action = None;
        let modal = crate::ui::widgets::dialog(egui::Id::unique("backups_modal")).show(ctx, |ui| {
            ui.set_width(620.0);
            ui.heading(tr("backups-title"));
            ui.label(
                RichText::new(tr_args(
                    "backups-folder",
                    &[("path", self.folder.display().to_string().into())],
                ))
                .weak(),
            );
            ui.add_space(6.0);
            if let Some(error) = &self.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
            if self.rows.is_empty() {
                ui.label(tr("backups-none"));
            } else {
                self.table_ui(ui, read_only);
            }
            if let Some(path) = self.confirm.clone() {
                ui.separator();
                let date = self
                    .rows
                    .iter()
                    .find(|r| r.info.path == path)
                    .map(|r| i18n::datetime(r.info.made_at))
                    .unwrap_or_default();
                ui.label(tr_args("backups-confirm", &[("date", date.into())]));
                if self.confirm_other {
                    ui.colored_label(ui.visuals().warn_fg_color, tr("backups-confirm-other-database"));
                }
                ui.horizontal(|ui| {
                    if ui.button(tr("action-restore")).clicked() {
                        action = Some(BackupsAction::Restore(path.clone()));
                        self.confirm = None;
                    }
                    if ui.button(tr("action-cancel")).clicked() {
                        self.confirm = None;
                    }
                });
            }
            ui.separator();
            ui.horizontal(|ui| {
                if ui.add_enabled(!read_only, egui::Button::new(tr("action-back-up-now"))).clicked() {
                    action = Some(BackupsAction::BackUpNow);
                }
                if ui.button(tr("action-close")).clicked() {
                    self.close();
                }
            });
        });
        if modal.should_close() {
            self.close();
        }
        action
    }

    fn table_ui(&mut self, ui: &mut egui::Ui, read_only: bool) {
        let Self { rows, confirm, confirm_other, db, .. } = self;
        TableBuilder::new(ui)
            .striped(true)
            .column(Column::auto().at_least(170.0))
            .column(Column::auto().at_least(80.0))
            .column(Column::auto().at_least(70.0))
            .column(Column::auto().at_least(90.0))
            .column(Column::remainder())
            .max_scroll_height(320.0)
            .header(22.0, |mut header| {
                for key in
                    ["backups-col-date", "backups-col-size", "backups-col-releases", "backups-col-reason"]
                {
                    header.col(|ui| {
                        ui.strong(tr(key));
                    });
                }
                header.col(|_| {});
            })
            .body(|mut body| {
                for row in rows.iter() {
                    body.row(22.0, |mut cells| {
                        cells.col(|ui| {
                            ui.label(i18n::datetime(row.info.made_at));
                        });
                        cells.col(|ui| {
                            let kb = row.info.size.div_ceil(1024);
                            ui.label(tr_args("backups-size-kb", &[("size", (kb as i64).into())]));
                        });
                        cells.col(|ui| {
                            ui.label(row.releases.map_or_else(|| "-".to_owned(), |n| n.to_string()));
                        });
                        cells.col(|ui| {
                            ui.label(reason_text(&row.info.reason));
                        });
                        cells.col(|ui| {
                            let enabled = !read_only && row.releases.is_some();
                            if ui.add_enabled(enabled, egui::Button::new(tr("action-restore"))).clicked() {
                                *confirm = Some(row.info.path.clone());
                                *confirm_other = session::is_other_database(db, &row.info.path);
                            }
                        });
                    });
                }
            });
    }
}

/// Why a backup was made, in the user's language (an unknown reason is shown as written).
fn reason_text(reason: &str) -> String {
    match reason {
        "daily" => tr("backup-reason-daily"),
        "migration" => tr("backup-reason-migration"),
        "import" => tr("backup-reason-import"),
        "purge" => tr("backup-reason-purge"),
        "restore" => tr("backup-reason-restore"),
        "manual" => tr("backup-reason-manual"),
        other => other.to_owned(),
    }
}
