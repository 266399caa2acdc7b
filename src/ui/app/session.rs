//! The database the window shows: opening it (or read-only, when another window holds it), the
//! open-error screen, switching to another file, backups made by hand and restoring one.
//!
//! Anything that replaces the database drops the open pages, so it goes through
//! `ReleaseDeskApp::request_replacement` (in `close_guard.rs`), which asks first about unsaved edits.

use std::path::{Path, PathBuf};

use egui::RichText;

use super::ReleaseDeskApp;
use crate::domain::sample;
use crate::i18n::{self, tr, tr_args};
use crate::model::session::{self, BackupInfo, Replaced, Restored, StoreError};
use crate::model::{Command, Model, SampleCommand};
use crate::ui::list_state::ListRows;
use crate::ui::outbox::Sender;
use crate::ui::widgets::file_dialog::FileRequest;

/// What a file picked from the File menu is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum DatabaseFile {
    /// File > Open database.
    Open,
    /// File > New database.
    New,
}

/// The file shown, its model once open, and why it could not be opened.
pub(super) struct Session {
    pub(super) db_path: PathBuf,
    pub(super) model: Option<Model>,
    pub(super) open_error: Option<StoreError>,
    pub(super) open_failure: OpenFailure,
}

/// Why the file could not be opened, which decides what the error screen offers.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) enum OpenFailure {
    #[default]
    Other,
    /// Another window holds the file: offer to open it read-only.
    Locked,
    /// The file is damaged: offer the newest good backup (and how many releases it holds).
    Damaged { newest: Option<(BackupInfo, i64)> },
    /// The file holds no data (a crash can leave one): offer the newest good backup, or to make
    /// it a new, empty database.
    Empty { newest: Option<(BackupInfo, i64)> },
}

impl OpenFailure {
    pub(super) fn of(err: &StoreError, db: &Path) -> Self {
        match err {
            StoreError::Locked { .. } => Self::Locked,
            StoreError::Empty { .. } => Self::Empty { newest: session::newest_good_backup(db) },
            err if err.is_damage() => {
                let newest = session::newest_good_backup(db);
                // Some other file with no backups of ours was never a Release Desk database.
                if newest.is_none() && matches!(err, StoreError::NotSqlite { .. }) {
                    return Self::Other;
                }
                Self::Damaged { newest }
            }
            _ => Self::Other,
        }
    }
}

/// How the database shown is replaced.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Replacement {
    /// Open another file (File > Open database…, or the error screen's "Open another").
    Open(PathBuf),
    /// Replace the file with a backup (File > Backups…, or the damaged-file screen).
    Restore(PathBuf),
    /// Make a new, empty database of a missing or empty file and open it (File > New
    /// database…, or the empty-file screen).
    Create(PathBuf),
}

impl ReleaseDeskApp {
    /// Opens the database at `db_path`; a refused or broken file is shown as an error screen.
    pub fn open(db_path: PathBuf) -> Self {
        match session::open(&db_path) {
            Ok(model) => Self::opened(db_path, model),
            Err(err) => {
                let failure = OpenFailure::of(&err, &db_path);
                let mut app = Self::with_model(db_path, None, Some(err));
                app.session.open_failure = failure;
                app
            }
        }
    }

    /// A window on a freshly opened model; says so when the last session had crashed.
    fn opened(db_path: PathBuf, model: Model) -> Self {
        let unclean = session::open_report(&model).unclean_shutdown;
        let mut app = Self::with_model(db_path, Some(model), None);
        if unclean {
            app.set_status(tr("status-unclean-checked"), false);
        }
        app
    }

    /// Opens the database at `path` in place of the one shown (File > Open database… hands the
    /// file it picked here). Open pages go with the old database: when some hold unsaved edits the
    /// user is first asked, at the end of the frame, whether to discard them.
    pub fn open_database(&mut self, path: PathBuf) {
        if self.session.model.is_some() && session::same_file(&path, &self.session.db_path) {
            return; // Already open (under this name or another): nothing to replace, nothing to ask.
        }
        self.request_replacement(Replacement::Open(path));
    }

    /// Replaces the file with the backup at `backup`, asking first as [`Self::open_database`] does.
    pub fn restore_from_backup(&mut self, backup: PathBuf) {
        self.request_replacement(Replacement::Restore(backup));
    }

    pub(super) fn replace_now(&mut self, replacement: Replacement) {
        match replacement {
            Replacement::Open(path) => self.switch_database(&path),
            Replacement::Restore(backup) => self.restore_backup(&backup),
            Replacement::Create(path) => self.create_database(&path),
        }
    }

    pub(super) fn open_error_ui(&mut self, ui: &mut egui::Ui) {
        let failure = self.session.open_failure.clone();
        let message = match &failure {
            // The store's sentence points to the command line's `init`; this screen has a button.
            OpenFailure::Empty { .. } => {
                tr_args("open-empty-path", &[("path", self.session.db_path.display().to_string().into())])
            }
            _ => self.session.open_error.as_ref().map(i18n::store_error).unwrap_or_default(),
        };
        egui::CentralPanel::default().show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space(ui.available_height() / 4.0);
                ui.heading(tr(match failure {
                    OpenFailure::Locked => "open-locked-title",
                    OpenFailure::Damaged { .. } => "open-damaged-title",
                    OpenFailure::Empty { .. } => "open-empty-title",
                    OpenFailure::Other => "open-failed-title",
                }));
                ui.add_space(8.0);
                ui.label(RichText::new(message).color(ui.visuals().error_fg_color));
                if let Some(status) = &self.status {
                    ui.label(&status.text);
                }
                ui.add_space(12.0);
                match &failure {
                    OpenFailure::Locked => {
                        if ui.button(tr("open-read-only")).clicked() {
                            self.open_read_only();
                        }
                    }
                    OpenFailure::Damaged { newest } => {
                        ui.label(tr("open-damaged-body"));
                        ui.add_space(8.0);
                        self.newest_backup_ui(ui, newest.as_ref());
                    }
                    OpenFailure::Empty { newest } => {
                        ui.label(tr("open-empty-body"));
                        ui.add_space(8.0);
                        self.newest_backup_ui(ui, newest.as_ref());
                        if ui.button(tr("open-empty-create")).clicked() {
                            self.request_replacement(Replacement::Create(self.session.db_path.clone()));
                        }
                    }
                    OpenFailure::Other => {}
                }
                if ui.button(tr("open-another")).clicked() {
                    self.pick_database(ui.ctx());
                }
            });
        });
    }

    /// The error screen's offer of the newest good backup (or that there is none).
    fn newest_backup_ui(&mut self, ui: &mut egui::Ui, newest: Option<&(BackupInfo, i64)>) {
        match newest {
            Some((info, count)) => {
                let text = tr_args(
                    "restore-newest-backup",
                    &[("date", i18n::datetime(info.made_at).into()), ("count", (*count).into())],
                );
                if ui.button(text).clicked() {
                    self.restore_from_backup(info.path.clone());
                }
            }
            None => {
                ui.label(tr("no-good-backup"));
            }
        }
    }

    /// File > New database…: a file to make a new, empty database of.
    pub(super) fn pick_new_database(&mut self, ctx: &egui::Context) {
        let request = FileRequest::save(tr("menu-new-database"), "release-desk.sqlite3")
            .filter(tr("open-database-filter"), &["sqlite3"]);
        self.dialogs.database_file.ask(ctx, DatabaseFile::New, request);
    }

    /// Makes `path` a new, empty database (a missing or empty file) and opens it; a file that
    /// already is a database is opened as it is.
    fn create_database(&mut self, path: &Path) {
        if self.session.model.is_some() && session::same_file(path, &self.session.db_path) {
            return;
        }
        match session::create(path, session::Holder::Window) {
            Ok(model) => self.replace_with(Self::opened(path.to_owned(), model)),
            Err(err) if self.session.model.is_some() => self.set_status(i18n::store_error(&err), true),
            Err(err) => {
                let mut failed = Self::with_model(path.to_owned(), None, None);
                failed.session.open_failure = OpenFailure::of(&err, path);
                failed.session.open_error = Some(err);
                self.replace_with(failed);
            }
        }
    }

    /// Becomes `next` (another file, or the same one reopened), keeping the window's language.
    fn replace_with(&mut self, next: Self) {
        let system_language = self.window.system_language;
        self.remember_ui();
        let remembered = std::mem::take(&mut self.window.remembered);
        *self = next;
        self.window.system_language = system_language;
        self.window.remembered = remembered;
        self.recall_ui();
    }

    fn open_read_only(&mut self) {
        match session::open_read_only(&self.session.db_path) {
            Ok(model) => self.replace_with(Self::with_model(self.session.db_path.clone(), Some(model), None)),
            Err(err) => self.session.open_error = Some(err),
        }
    }

    pub(super) fn back_up_now(&mut self) {
        let Some(model) = &self.session.model else { return };
        match session::back_up_now(model) {
            Ok(path) => {
                self.set_status(
                    tr_args("status-backup-made", &[("path", path.display().to_string().into())]),
                    false,
                );
            }
            Err(err) => self.set_status(i18n::store_error(&err), true),
        }
        self.dialogs.backups.refresh(&self.session.db_path);
    }

    /// Replaces the file with `backup`: closes the model (keeping the writer's lock), restores
    /// (the current file is backed up first, or moved aside when damaged), and reopens.
    fn restore_backup(&mut self, backup_path: &Path) {
        let db = self.session.db_path.clone();
        let date = session::find_backup(&db, backup_path)
            .map_or_else(|| backup_path.display().to_string(), |b| i18n::datetime(b.made_at));
        match session::restore(&db, backup_path, self.session.model.take()) {
            Restored::NotStarted { error, model } => {
                if model.is_none() {
                    self.session.open_failure = OpenFailure::of(&error, &db);
                    self.session.open_error = Some(error);
                } else {
                    self.session.model = model;
                    self.set_status(i18n::store_error(&error), true);
                }
            }
            Restored::Done { replaced: Ok(replaced), reopened: Ok(model) } => {
                let list = std::mem::take(&mut self.screens.list.state);
                self.replace_with(Self::with_model(db.clone(), Some(model), None));
                self.screens.list.state = list;
                let mut text = tr_args("status-restored", &[("date", date.into())]);
                match replaced {
                    Replaced::Nothing => {}
                    Replaced::BackedUp(kept) => {
                        text += " ";
                        text +=
                            &tr_args("status-previous-kept", &[("path", kept.display().to_string().into())]);
                    }
                    Replaced::MovedAside(aside) => {
                        text += " ";
                        text +=
                            &tr_args("status-damaged-aside", &[("path", aside.display().to_string().into())]);
                    }
                }
                self.set_status(text, false);
            }
            Restored::Done { replaced: Err(err), reopened: Ok(model) } => {
                self.session.model = Some(model);
                self.screens.list.rows = ListRows::default();
                self.set_status(i18n::store_error(&err), true);
            }
            Restored::Done { reopened: Err(err), .. } => {
                self.session.model = None;
                self.session.open_failure = OpenFailure::of(&err, &db);
                self.session.open_error = Some(err);
            }
        }
        self.dialogs.backups.refresh(&db);
    }

    pub(super) fn pick_database(&mut self, ctx: &egui::Context) {
        let request = FileRequest::open(tr("open-database-dialog-title"))
            .filter(tr("open-database-filter"), &["sqlite3", "db", "sqlite"]);
        self.dialogs.database_file.ask(ctx, DatabaseFile::Open, request);
    }

    /// The path dialog of File > Open database and New database, when the system has none, and
    /// what to do with the file picked in either.
    pub(super) fn database_file_ui(&mut self, ctx: &egui::Context) {
        match self.dialogs.database_file.ui(ctx) {
            Some((DatabaseFile::Open, path)) => self.open_database(path),
            Some((DatabaseFile::New, path)) => self.request_replacement(Replacement::Create(path)),
            None => {}
        }
    }

    fn switch_database(&mut self, path: &Path) {
        if self.session.model.is_some() && session::same_file(path, &self.session.db_path) {
            return;
        }
        match session::open(path) {
            Ok(model) => self.replace_with(Self::opened(path.to_owned(), model)),
            Err(err) => {
                let failure = OpenFailure::of(&err, path);
                if self.session.model.is_none() || failure != OpenFailure::Other {
                    // Locked or damaged: the error screen offers read-only or a backup.
                    let mut failed = Self::with_model(path.to_owned(), None, Some(err));
                    failed.session.open_failure = failure;
                    self.replace_with(failed);
                } else {
                    self.set_status(i18n::store_error(&err), true);
                }
            }
        }
    }

    pub(super) fn load_sample(&mut self) {
        if let Some(model) = &self.session.model {
            let data = sample::scenarios(model.now());
            self.outbox.push(Sender::Window, Command::Sample(SampleCommand::Load { data, force: false }));
        }
    }
}
