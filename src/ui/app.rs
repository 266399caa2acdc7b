//! The main window: top bar, a tab strip (the Releases list and any open release pages), filter
//! side panel, release table, status bar and modals.
//!
//! Panels never change the model directly: they push [`Command`]s, which are drained once per
//! frame through [`Model::apply`]; each result is routed back to the panel that asked.

use std::path::{Path, PathBuf};

use egui::{Key, KeyboardShortcut, Modifiers, RichText};

use super::backups::{BackupsAction, BackupsDialog};
use super::bulk_bar::{BarAction, BarContext, BulkBar};
use super::dashboard::{Dashboard, DashboardAction};
use super::filter_panel::FilterPanel;
use super::list_state::{ListRows, ListState};
use super::new_release::NewReleaseModal;
use super::people_dialog::PeopleDialog;
use super::release_page::{ERROR_RED, PageAction, ReleasePage, UnsavedPart};
use super::release_table::{ReleaseTable, TableAction};
use crate::domain::{Language, PredefinedView, ReleaseId, Theme, sample, view::Needle};
use crate::i18n::{self, tr, tr_args};
use crate::model::{BulkAction, Command, Model, PurgeBackup};
use crate::store::backup::{self, BackupInfo, Replaced};
use crate::store::lock::DbLock;
use crate::store::{Store, StoreError};

const SHORTCUT_NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
const SHORTCUT_FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
const SHORTCUT_CLOSE_TAB: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::W);
const SHORTCUT_UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const SHORTCUT_REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const SHORTCUT_REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
const SHORTCUT_SELECT_ALL: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::A);

/// A step through the session's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum HistoryStep {
    Undo,
    Redo,
}

/// A message in the status bar.
struct StatusLine {
    text: String,
    is_error: bool,
}

/// Why the file could not be opened, which decides what the error screen offers.
#[derive(Clone, Debug, Default, PartialEq)]
enum OpenFailure {
    #[default]
    Other,
    /// Another window holds the file: offer to open it read-only.
    Locked,
    /// The file is damaged: offer the newest good backup (and how many releases it holds).
    Damaged { newest: Option<(BackupInfo, i64)> },
}

impl OpenFailure {
    fn of(err: &StoreError, db: &Path) -> Self {
        match err {
            StoreError::Locked { .. } => Self::Locked,
            StoreError::Damaged { .. } | StoreError::NotSqlite { .. } | StoreError::Corrupt(_) => {
                let newest = backup::newest_good_backup(db)
                    .and_then(|b| backup::verify(&b.path).ok().map(|count| (b, count)));
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

/// Commands queued this frame, by the panel that gave them.
#[derive(Default)]
struct Queued {
    new_release: Vec<Command>,
    dashboard: Vec<Command>,
    /// Bulk actions on the selection.
    bulk: Vec<Command>,
    other: Vec<Command>,
    history: Vec<HistoryStep>,
}

/// What the Releases tab shows: the release list or the KPI dashboard.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MainView {
    #[default]
    Releases,
    Dashboard,
}

/// The Release Desk window.
pub struct ReleaseDeskApp {
    db_path: PathBuf,
    model: Option<Model>,
    open_error: Option<StoreError>,
    open_failure: OpenFailure,
    backups: BackupsDialog,
    list: ListState,
    rows: ListRows,
    table: ReleaseTable,
    bulk_bar: BulkBar,
    /// How many selected releases the list does not show, cached against
    /// (model revision, selection generation, rows generation).
    hidden_selected: Option<((u64, u64, u64), usize)>,
    /// The model revision the selection was last checked against.
    selection_revision: u64,
    filters: FilterPanel,
    new_release: NewReleaseModal,
    people: PeopleDialog,
    /// Releases open as pages, one tab each.
    pages: Vec<ReleasePage>,
    /// The tab shown: an index into `pages`, or `None` for the Releases list.
    active_page: Option<usize>,
    /// A page the user asked to close this frame: it closes, or asks, once its fields that save on
    /// leaving them (subject, category) were saved with this frame's commands.
    closing_page: Option<ReleaseId>,
    /// A page the user asked to close while it holds unsaved edits: "Discard and close?".
    confirm_close: Option<ReleaseId>,
    /// The window was asked to close, or the database to be replaced, this frame while pages held
    /// unsaved edits: it goes ahead, or asks, once their fields that save on leaving them were saved.
    discard_requested: Option<AfterDiscard>,
    /// Going ahead would drop pages holding unsaved edits: "Discard all and quit?" / "… continue?".
    confirm_discard: Option<AfterDiscard>,
    /// The user chose to discard every unsaved edit and quit: the next close request goes through.
    quitting: bool,
    main_view: MainView,
    dashboard: Dashboard,
    show_kpi_help: bool,
    queued: Queued,
    status: Option<StatusLine>,
    show_about: bool,
    focus_search: bool,
    applied_theme: Option<Theme>,
    title: String,
    /// The OS locale's language, used until the user picks one.
    system_language: Language,
}

/// What drops every open page, and so asks first when some hold unsaved edits.
#[derive(Clone, Debug, PartialEq)]
enum AfterDiscard {
    /// Close the window.
    Quit,
    /// Replace the database, and with it the whole window's state.
    Replace(Replacement),
}

/// How the database shown is replaced.
#[derive(Clone, Debug, PartialEq)]
enum Replacement {
    /// Open another file (File > Open database…, or the error screen's "Open another").
    Open(PathBuf),
    /// Replace the file with a backup (File > Backups…, or the damaged-file screen).
    Restore(PathBuf),
}

/// The answer to a "… with unsaved changes?" question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Discard {
    Discard,
    /// Keep editing (also Esc, or a click beside the dialog).
    Keep,
}

/// The one look of every "discard unsaved edits?" question: a heading, `body`, then the red
/// discard button and Keep editing. `None` while unanswered.
fn discard_question_ui(
    ctx: &egui::Context,
    id: &str,
    max_width: f32,
    heading: &str,
    discard_label: &str,
    body: impl FnOnce(&mut egui::Ui),
) -> Option<Discard> {
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique(id)).show(ctx, |ui| {
        ui.set_max_width(max_width);
        ui.heading(heading);
        ui.add_space(6.0);
        body(ui);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(RichText::new(discard_label).color(ERROR_RED)).clicked() {
                answer = Some(Discard::Discard);
            }
            if ui.button(tr("unsaved-keep-editing")).on_hover_text("Esc").clicked() {
                answer = Some(Discard::Keep);
            }
        });
    });
    if answer.is_none() && modal.should_close() { Some(Discard::Keep) } else { answer }
}

/// eframe storage key of the list state.
const LIST_STATE_KEY: &str = "list_state";

impl ReleaseDeskApp {
    /// Opens the database at `db_path`; a refused or broken file is shown as an error screen.
    pub fn open(db_path: PathBuf) -> Self {
        match Model::open(&db_path) {
            Ok(model) => Self::opened(db_path, model),
            Err(err) => {
                let failure = OpenFailure::of(&err, &db_path);
                let mut app = Self::with_model(db_path, None, Some(err));
                app.open_failure = failure;
                app
            }
        }
    }

    /// A window on a freshly opened model; says so when the last session had crashed.
    fn opened(db_path: PathBuf, model: Model) -> Self {
        let unclean = model.store().open_report().unclean_shutdown;
        let mut app = Self::with_model(db_path, Some(model), None);
        if unclean {
            app.set_status(tr("status-unclean-checked"), false);
        }
        app
    }

    /// A window on an already loaded model (tests).
    pub fn from_model(model: Model) -> Self {
        let path = model.store().path().to_owned();
        Self::with_model(path, Some(model), None)
    }

    fn with_model(
        db_path: PathBuf,
        model: Option<Model>,
        open_error: Option<crate::store::StoreError>,
    ) -> Self {
        Self {
            db_path,
            model,
            open_error,
            open_failure: OpenFailure::Other,
            backups: BackupsDialog::default(),
            list: ListState::default(),
            rows: ListRows::default(),
            table: ReleaseTable::default(),
            bulk_bar: BulkBar::default(),
            hidden_selected: None,
            selection_revision: 0,
            filters: FilterPanel::default(),
            new_release: NewReleaseModal::default(),
            people: PeopleDialog::default(),
            pages: Vec::new(),
            main_view: MainView::default(),
            dashboard: Dashboard::default(),
            show_kpi_help: false,
            active_page: None,
            closing_page: None,
            confirm_close: None,
            discard_requested: None,
            confirm_discard: None,
            quitting: false,
            queued: Queued::default(),
            status: None,
            show_about: false,
            focus_search: false,
            applied_theme: None,
            title: String::new(),
            system_language: i18n::system_language(),
        }
    }

    /// Restores the remembered list state from eframe storage.
    pub fn restore(&mut self, storage: Option<&dyn eframe::Storage>) {
        if let Some(list) = storage.and_then(|s| eframe::get_value::<ListState>(s, LIST_STATE_KEY)) {
            self.list = list;
        }
    }

    pub fn model(&self) -> Option<&Model> {
        self.model.as_ref()
    }

    /// The model, to change its clock or storage limits (tests).
    pub fn model_mut(&mut self) -> Option<&mut Model> {
        self.model.as_mut()
    }

    pub fn list_state_mut(&mut self) -> &mut ListState {
        &mut self.list
    }

    pub fn new_release_modal_mut(&mut self) -> &mut NewReleaseModal {
        &mut self.new_release
    }

    /// The ids of the releases the table shows, in order (tests).
    pub fn visible_release_ids(&self) -> Vec<ReleaseId> {
        self.model
            .as_ref()
            .map_or_else(Vec::new, |m| self.rows.rows().iter().map(|&i| m.releases()[i].id).collect())
    }

    /// The row the keyboard is on (the last one clicked).
    pub fn selected(&self) -> Option<ReleaseId> {
        self.table.selection.cursor()
    }

    /// Every selected release, in id order.
    pub fn selection(&self) -> Vec<ReleaseId> {
        self.table.selection.ids().collect()
    }

    /// Whether the "delete forever" confirmation is open.
    pub fn confirming_purge(&self) -> bool {
        self.bulk_bar.is_confirming()
    }

    /// The release whose page is shown, if a page tab is active.
    pub fn active_page(&self) -> Option<ReleaseId> {
        self.active_page.and_then(|i| self.pages.get(i)).map(ReleasePage::release_id)
    }

    /// The releases open as pages, in tab order.
    pub fn open_pages(&self) -> Vec<ReleaseId> {
        self.pages.iter().map(ReleasePage::release_id).collect()
    }

    /// The page of a release, if open (tests).
    pub fn page_mut(&mut self, id: ReleaseId) -> Option<&mut ReleasePage> {
        self.pages.iter_mut().find(|p| p.release_id() == id)
    }

    /// Shows the Releases list tab.
    pub fn show_list(&mut self) {
        self.active_page = None;
    }

    pub fn main_view(&self) -> MainView {
        self.main_view
    }

    /// Shows the release list or the KPI dashboard (in the first tab).
    pub fn set_main_view(&mut self, view: MainView) {
        self.main_view = view;
        self.active_page = None;
    }

    pub fn dashboard(&self) -> &Dashboard {
        &self.dashboard
    }

    pub fn dashboard_mut(&mut self) -> &mut Dashboard {
        &mut self.dashboard
    }

    /// Starts exporting a KPI chart of the dashboard's period to `path`, as the save dialog does.
    pub fn export_kpi_chart(&mut self, kind: crate::export::chart::ChartKind, path: PathBuf) {
        if let Some(model) = &self.model {
            self.dashboard.start_chart_export(model, kind, path, self.language());
        }
    }

    /// The whole window, inside `ui`.
    pub fn root_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.apply_settings(&ctx);
        let Some(model) = &self.model else {
            self.open_error_ui(ui);
            return;
        };
        self.rows.refresh(model, &self.list);
        if self.selection_revision != model.revision() {
            self.table.selection.retain(|id| model.release(id).is_some());
            self.selection_revision = model.revision();
        }
        self.shortcuts(&ctx);

        egui::Panel::top("top_bar").show(ui, |ui| self.top_bar_ui(ui));
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui));
        if !self.pages.is_empty() {
            egui::Panel::top("tabs").show(ui, |ui| self.tabs_ui(ui));
        }
        if let Some(index) = self.active_page {
            egui::CentralPanel::default().show(ui, |ui| {
                if let (Some(model), Some(page)) = (&self.model, self.pages.get_mut(index))
                    && page.page_ui(ui, model) == Some(PageAction::Close)
                {
                    self.request_close_page(index);
                }
            });
        } else if self.main_view == MainView::Dashboard {
            egui::CentralPanel::default().show(ui, |ui| self.dashboard_ui(ui));
        } else {
            self.list_ui(ui);
        }

        if let Some(model) = &self.model {
            self.new_release.modal_ui(&ctx, model.directory(), &mut self.queued.new_release);
            self.people.dialog_ui(&ctx, model.directory(), &mut self.queued.other);
        }
        if self.show_about {
            self.about_ui(&ctx);
        }
        if self.show_kpi_help {
            self.kpi_help_ui(&ctx);
        }
        let read_only = self.model.as_ref().is_some_and(Model::is_read_only);
        match self.backups.dialog_ui(&ctx, read_only) {
            Some(BackupsAction::BackUpNow) => self.back_up_now(),
            Some(BackupsAction::Restore(path)) => self.restore_from_backup(path),
            None => {}
        }
        if self.bulk_bar.is_confirming() {
            let backup = self.model.as_mut().map_or(PurgeBackup::Ready, Model::prepare_purge_backup);
            if backup == PurgeBackup::Running {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
            if let Some(ids) = self.bulk_bar.confirm_ui(&ctx, &backup) {
                self.queued.bulk.push(Command::Bulk { ids, action: BulkAction::Purge });
            }
        }
        // Last, so that they show above a page's own dialog (a plan editor open when the window
        // is asked to close).
        self.confirm_close_ui(&ctx);
        self.confirm_discard_ui(&ctx);
        if self.drain_commands() {
            // The list and the counts are computed before the commands ran: show the result now.
            ctx.request_repaint();
        }
        self.settle_close_requests(&ctx);
    }

    /// The Releases list tab: the filter side panel and the table.
    fn list_ui(&mut self, ui: &mut egui::Ui) {
        egui::Panel::left("filters").resizable(true).default_size(250.0).min_size(200.0).show(ui, |ui| {
            if let Some(model) = &self.model {
                self.filters.panel_ui(
                    ui,
                    &mut self.list,
                    self.rows.counts(),
                    model.saved_views(),
                    model.directory(),
                    &mut self.queued.other,
                );
            }
        });
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui));
    }

    fn dashboard_ui(&mut self, ui: &mut egui::Ui) {
        let Some(model) = &self.model else { return };
        match self.dashboard.dashboard_ui(ui, model, &mut self.queued.dashboard) {
            Some(DashboardAction::OpenRelease(id)) => self.open_page(id),
            None => {}
        }
    }

    fn kpi_help_ui(&mut self, ctx: &egui::Context) {
        let targets = self.model.as_ref().map(|m| m.settings().kpi_targets).unwrap_or_default();
        let modal = egui::Modal::new(egui::Id::unique("kpi_help_modal")).show(ctx, |ui| {
            ui.set_width(620.0);
            ui.heading(tr("kpi-help-title"));
            ui.add_space(6.0);
            super::dashboard::kpi_help_ui(ui, &targets);
            ui.add_space(8.0);
            if ui.button(tr("action-close")).clicked() {
                self.show_kpi_help = false;
            }
        });
        if modal.should_close() {
            self.show_kpi_help = false;
        }
    }

    /// The tab strip: "Releases", then one tab per open page with a close button.
    fn tabs_ui(&mut self, ui: &mut egui::Ui) {
        let Some(model) = &self.model else { return };
        let mut close = None;
        ui.horizontal_wrapped(|ui| {
            if ui.selectable_label(self.active_page.is_none(), tr("tab-releases")).clicked() {
                self.active_page = None;
            }
            for (index, page) in self.pages.iter().enumerate() {
                ui.separator();
                let title = page.tab_title(model);
                if ui.selectable_label(self.active_page == Some(index), title).clicked() {
                    self.active_page = Some(index);
                }
                if ui.small_button("✖").on_hover_text(tr("tab-close")).clicked() {
                    close = Some(index);
                }
            }
        });
        if let Some(index) = close {
            self.request_close_page(index);
        }
    }

    /// The user asked to close the page at `index` (Ctrl+W, the tab's ✖, the page's Close). Closing
    /// leaves the page's fields, so a subject or category being typed is saved as leaving the
    /// field saves it (as a click on ✖ does); then, once this frame's commands ran, the page closes
    /// unless it still holds unsaved edits, which the user is first asked to discard.
    fn request_close_page(&mut self, index: usize) {
        let (Some(model), Some(page)) = (&self.model, self.pages.get_mut(index)) else { return };
        page.leave_fields(model);
        self.closing_page = Some(page.release_id());
    }

    /// Closes the page or the window asked for this frame, or asks first (see
    /// [`Self::request_close_page`] and [`Self::on_close_request`]).
    fn settle_close_requests(&mut self, ctx: &egui::Context) {
        if let Some(id) = self.closing_page.take()
            && let Some(index) = self.pages.iter().position(|p| p.release_id() == id)
        {
            let unsaved = self.model.as_ref().is_some_and(|m| !self.pages[index].unsaved(m).is_empty());
            if unsaved {
                self.active_page = Some(index);
                self.confirm_close = Some(id);
                ctx.request_repaint();
            } else {
                self.close_page(index);
            }
        }
        if let Some(then) = self.discard_requested.take() {
            if self.unsaved_pages().is_empty() {
                // The only edits were fields saved on leaving them, and they are saved now.
                self.go_ahead(then, ctx);
            } else {
                self.confirm_close = None;
                self.confirm_discard = Some(then);
                ctx.request_repaint();
            }
        }
    }

    /// Does what was asked once nothing unsaved stands in the way (or the user chose to discard it).
    fn go_ahead(&mut self, then: AfterDiscard, ctx: &egui::Context) {
        match then {
            AfterDiscard::Quit => {
                self.quitting = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            AfterDiscard::Replace(replacement) => {
                self.replace_now(replacement);
                ctx.request_repaint();
            }
        }
    }

    /// Saves every page's fields that save on leaving them (subject, category): the pages are
    /// about to go.
    fn leave_all_fields(&mut self) {
        if let Some(model) = &self.model {
            for page in &mut self.pages {
                page.leave_fields(model);
            }
        }
    }

    /// Opens the database at `path` in place of the one shown (File > Open database… hands the
    /// file it picked here). Open pages go with the old database: when some hold unsaved edits the
    /// user is first asked, at the end of the frame, whether to discard them.
    pub fn open_database(&mut self, path: PathBuf) {
        if self.model.is_some() && path == self.db_path {
            return; // Already open: nothing to replace, nothing to ask.
        }
        self.request_replacement(Replacement::Open(path));
    }

    /// Replaces the file with the backup at `backup`, asking first as [`Self::open_database`] does.
    pub fn restore_from_backup(&mut self, backup: PathBuf) {
        self.request_replacement(Replacement::Restore(backup));
    }

    /// Replaces the database now when no page is open (or no database is, on the error screen:
    /// its pages can save nothing); else once this frame's commands ran (the fields saved on
    /// leaving them are saved first), asking if unsaved edits remain.
    fn request_replacement(&mut self, replacement: Replacement) {
        if self.pages.is_empty() || self.model.is_none() {
            self.replace_now(replacement);
        } else {
            self.leave_all_fields();
            self.discard_requested = Some(AfterDiscard::Replace(replacement));
        }
    }

    fn replace_now(&mut self, replacement: Replacement) {
        match replacement {
            Replacement::Open(path) => self.switch_database(&path),
            Replacement::Restore(backup) => self.restore_backup(&backup),
        }
    }

    /// The open pages holding unsaved edits, in tab order, with what each would lose.
    pub fn unsaved_pages(&self) -> Vec<(ReleaseId, Vec<UnsavedPart>)> {
        let Some(model) = &self.model else { return Vec::new() };
        self.pages
            .iter()
            .map(|p| (p.release_id(), p.unsaved(model)))
            .filter(|(_, parts)| !parts.is_empty())
            .collect()
    }

    /// Whether a request to close the window must be cancelled: some page holds unsaved edits and
    /// the user has not chosen "Discard all and quit".
    pub fn must_ask_before_quitting(&self) -> bool {
        !self.quitting && !self.unsaved_pages().is_empty()
    }

    /// Answers a request to close the window (its close button, Alt+F4, File > Quit): with unsaved
    /// edits anywhere the close is cancelled; the pages' fields that save on leaving them are saved,
    /// and if edits remain the user is asked (else the window closes). Called every frame before
    /// the ui, and alone while the window is hidden (eframe then runs only the app's logic).
    pub fn on_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || !self.must_ask_before_quitting() {
            return;
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        self.leave_all_fields();
        self.discard_requested = Some(AfterDiscard::Quit);
        ctx.request_repaint();
    }

    /// Whether the "close with unsaved changes" question of a tab, or of the window, is shown.
    fn asking_to_discard(&self) -> bool {
        self.confirm_close.is_some() || self.confirm_discard.is_some()
    }

    /// "Close #12 with unsaved changes?": what would be lost; Discard and close, or Keep editing
    /// (also Esc, or a click beside the dialog).
    fn confirm_close_ui(&mut self, ctx: &egui::Context) {
        let Some(id) = self.confirm_close else { return };
        let (Some(model), Some(index)) = (&self.model, self.pages.iter().position(|p| p.release_id() == id))
        else {
            self.confirm_close = None;
            return;
        };
        let parts = self.pages[index].unsaved(model);
        if parts.is_empty() {
            // Nothing to lose any more (its edits were saved meanwhile): close as asked.
            self.confirm_close = None;
            self.close_page(index);
            return;
        }
        let title = self.pages[index].tab_title(model);
        let answer = discard_question_ui(
            ctx,
            "confirm_close_tab_modal",
            480.0,
            &tr_args("close-unsaved-title", &[("id", id.0.into())]),
            &tr("close-unsaved-discard"),
            |ui| {
                ui.label(RichText::new(title).weak());
                ui.add_space(6.0);
                ui.label(tr("close-unsaved-body"));
                for part in &parts {
                    ui.label(format!("• {}", part.label()));
                }
            },
        );
        match answer {
            Some(Discard::Discard) => {
                self.confirm_close = None;
                self.close_page(index);
            }
            Some(Discard::Keep) => self.confirm_close = None,
            None => {}
        }
    }

    /// "Quit with unsaved changes?" (or "Open another database…?", "Restore a backup…?"): the
    /// releases whose pages hold unsaved edits and what each would lose; Discard all and quit (or
    /// Discard and continue), or Keep editing (which shows a page with the edits).
    fn confirm_discard_ui(&mut self, ctx: &egui::Context) {
        let Some(then) = self.confirm_discard.clone() else { return };
        let unsaved = self.unsaved_pages();
        if unsaved.is_empty() {
            // Nothing to lose any more. The window stays open (the user can close it again); a
            // database replaced loses nothing now, so it goes ahead as asked.
            self.confirm_discard = None;
            if let AfterDiscard::Replace(_) = then {
                self.go_ahead(then, ctx);
            }
            return;
        }
        let Some(model) = &self.model else { return };
        let (title, body, discard_key) = match &then {
            AfterDiscard::Quit => ("quit-unsaved-title", "quit-unsaved-body", "quit-unsaved-discard"),
            AfterDiscard::Replace(Replacement::Open(_)) => {
                ("open-unsaved-title", "replace-unsaved-body", "replace-unsaved-discard")
            }
            AfterDiscard::Replace(Replacement::Restore(_)) => {
                ("restore-unsaved-title", "replace-unsaved-body", "replace-unsaved-discard")
            }
        };
        let pages = &self.pages;
        let answer =
            discard_question_ui(ctx, "confirm_discard_modal", 560.0, &tr(title), &tr(discard_key), |ui| {
                ui.label(tr_args(body, &[("count", unsaved.len().into())]));
                ui.add_space(4.0);
                for (id, parts) in &unsaved {
                    let title = pages.iter().find(|p| p.release_id() == *id).map(|p| p.tab_title(model));
                    let what: Vec<String> = parts.iter().map(|p| p.label()).collect();
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(format!("• {}", title.unwrap_or_default())).strong());
                        ui.label(what.join(", "));
                    });
                }
            });
        if answer == Some(Discard::Discard) {
            self.confirm_discard = None;
            self.go_ahead(then, ctx);
        } else if answer == Some(Discard::Keep) {
            self.confirm_discard = None;
            // Back to the edits: a Backups dialog under the question closes, and a tab with edits
            // is shown, unless the tab shown has some.
            self.backups.close();
            let shown = self.active_page().filter(|id| unsaved.iter().any(|(u, _)| u == id));
            if shown.is_none()
                && let Some((first, _)) = unsaved.first()
            {
                self.active_page = self.pages.iter().position(|p| p.release_id() == *first);
            }
        }
    }

    /// Closes the page at `index`; the tab before it (or the list) is shown if it was active.
    fn close_page(&mut self, index: usize) {
        if index >= self.pages.len() {
            return;
        }
        self.pages.remove(index);
        self.active_page = match self.active_page {
            Some(active) if active == index => index.checked_sub(1).or(None),
            Some(active) if active > index => Some(active - 1),
            other => other,
        };
        if self.pages.is_empty() {
            self.active_page = None;
        }
    }

    fn apply_settings(&mut self, ctx: &egui::Context) {
        i18n::set_language(self.language());
        let theme = self.model.as_ref().map_or(Theme::System, |m| m.settings().theme);
        if self.applied_theme != Some(theme) {
            ctx.set_theme(match theme {
                Theme::System => egui::ThemePreference::System,
                Theme::Light => egui::ThemePreference::Light,
                Theme::Dark => egui::ThemePreference::Dark,
            });
            self.applied_theme = Some(theme);
        }
        let file = self.db_path.file_name().map_or_else(String::new, |f| f.to_string_lossy().into_owned());
        let title = format!("Release Desk — {file}");
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The language the window speaks: the user's choice, else the OS locale's.
    pub fn language(&self) -> Language {
        self.model.as_ref().and_then(|m| m.settings().language).unwrap_or(self.system_language)
    }

    /// Uses `language` until the user picks one (tests; the OS locale otherwise).
    pub fn set_system_language(&mut self, language: Language) {
        self.system_language = language;
    }

    /// Whether a dialog is open: one the app knows by its own state, or any `egui::Modal` shown
    /// in the last frame (the release page's lifecycle, link and phase dialogs keep their state
    /// in egui memory, and any new modal is covered without being listed here).
    fn any_modal_open(&self, ctx: &egui::Context) -> bool {
        self.new_release.is_open()
            || self.show_about
            || self.people.is_open()
            || self.backups.is_open()
            || self.show_kpi_help
            || self.dashboard.targets_open()
            || self.active_page.and_then(|i| self.pages.get(i)).is_some_and(ReleasePage::has_modal)
            || self.bulk_bar.is_confirming()
            || self.asking_to_discard()
            || ctx.memory(|m| m.top_modal_layer().is_some())
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        // While a dialog is open the keyboard belongs to it (Esc closes it, Ctrl+S saves a plan):
        // none of the window's or the page's shortcuts act behind it.
        if self.any_modal_open(ctx) {
            return;
        }
        if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_NEW)) {
            self.open_new_release();
        }
        if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_FIND)) {
            self.focus_search = true;
        }
        // Undo and redo work on the list and on pages, but not while typing (a text field has its
        // own undo).
        if !ctx.egui_wants_keyboard_input() {
            // Redo first: Ctrl+Z would also match Ctrl+Shift+Z.
            if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_REDO) || i.consume_shortcut(&SHORTCUT_REDO_Y)) {
                self.queued.history.push(HistoryStep::Redo);
            }
            if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_UNDO)) {
                self.queued.history.push(HistoryStep::Undo);
            }
        }
        if let Some(index) = self.active_page {
            if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_CLOSE_TAB)) {
                self.request_close_page(index);
            }
            return;
        }
        if ctx.egui_wants_keyboard_input() || self.main_view != MainView::Releases {
            return;
        }
        if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_SELECT_ALL)) {
            self.select_all();
        }
        let Some(model) = &self.model else { return };
        let rows = self.rows.rows();
        let position = self
            .table
            .selection
            .cursor()
            .and_then(|id| rows.iter().position(|&i| model.releases()[i].id == id));
        let (down, up, enter, escape, delete, shift) = ctx.input(|i| {
            (
                i.key_pressed(Key::ArrowDown),
                i.key_pressed(Key::ArrowUp),
                i.key_pressed(Key::Enter),
                i.key_pressed(Key::Escape),
                i.key_pressed(Key::Delete),
                i.modifiers.shift,
            )
        });
        let target = if down {
            Some(position.map_or(0, |p| (p + 1).min(rows.len().saturating_sub(1))))
        } else if up {
            Some(position.map_or(0, |p| p.saturating_sub(1)))
        } else {
            None
        };
        if let Some(target) = target.filter(|&t| t < rows.len()) {
            let id = model.releases()[rows[target]].id;
            if shift {
                let ids: Vec<ReleaseId> = rows.iter().map(|&i| model.releases()[i].id).collect();
                self.table.selection.extend_to(id, &ids, false);
            } else {
                self.table.selection.select_only(id);
            }
            self.table.scroll_to_row(target);
        }
        if enter && let Some(id) = self.table.selection.cursor() {
            self.open_page(id);
        }
        if escape {
            self.table.selection.clear();
        }
        if delete {
            self.delete_selection();
        }
    }

    /// Ctrl+A: every row of the current view.
    fn select_all(&mut self) {
        if let Some(model) = &self.model {
            let ids: Vec<ReleaseId> = self.rows.rows().iter().map(|&i| model.releases()[i].id).collect();
            self.table.selection.select_all(&ids);
        }
    }

    /// The Delete key: to Trash, or, in Trash, the "delete forever" confirmation.
    fn delete_selection(&mut self) {
        if self.table.selection.is_empty() {
            return;
        }
        if self.list.base_view() == PredefinedView::Trash {
            self.bulk_bar.ask_purge(self.selection());
        } else {
            self.queued.bulk.push(Command::Bulk { ids: self.selection(), action: BulkAction::Trash });
        }
    }

    /// How many selected releases the list does not show (cached).
    fn hidden_selected(&mut self) -> usize {
        let Some(model) = &self.model else { return 0 };
        let key = (model.revision(), self.table.selection.generation(), self.rows.generation());
        if let Some((cached, count)) = self.hidden_selected
            && cached == key
        {
            return count;
        }
        let me = model.settings().current_agent;
        let needle = Needle::new(&self.list.filter.text);
        let count = self
            .table
            .selection
            .ids()
            .filter_map(|id| model.release(id))
            .filter(|r| !(self.list.base.matches(r, me) && self.list.filter.matches(r, &needle)))
            .count();
        self.hidden_selected = Some((key, count));
        count
    }

    fn edit_menu_ui(&mut self, ui: &mut egui::Ui) {
        let Some(model) = &self.model else { return };
        let directory = model.directory();
        let history = model.history();
        let undo_text = history.next_undo().map_or_else(
            || tr("menu-undo"),
            |c| tr_args("menu-undo-what", &[("what", i18n::command_label(c, directory).into())]),
        );
        let redo_text = history.next_redo().map_or_else(
            || tr("menu-redo"),
            |c| tr_args("menu-redo-what", &[("what", i18n::command_label(c, directory).into())]),
        );
        let (can_undo, can_redo) = (history.next_undo().is_some(), history.next_redo().is_some());
        let ctx = ui.ctx().clone();
        let undo = egui::Button::new(undo_text).shortcut_text(ctx.format_shortcut(&SHORTCUT_UNDO));
        if ui.add_enabled(can_undo, undo).clicked() {
            self.queued.history.push(HistoryStep::Undo);
        }
        let redo = egui::Button::new(redo_text).shortcut_text(ctx.format_shortcut(&SHORTCUT_REDO));
        if ui.add_enabled(can_redo, redo).clicked() {
            self.queued.history.push(HistoryStep::Redo);
        }
        ui.separator();
        let select_all =
            egui::Button::new(tr("menu-select-all")).shortcut_text(ctx.format_shortcut(&SHORTCUT_SELECT_ALL));
        if ui.add(select_all).clicked() {
            self.select_all();
        }
        let any = !self.table.selection.is_empty();
        if ui.add_enabled(any, egui::Button::new(tr("menu-clear-selection")).shortcut_text("Esc")).clicked() {
            self.table.selection.clear();
        }
        let in_trash = self.list.base_view() == PredefinedView::Trash;
        let trash = egui::Button::new(tr("menu-move-to-trash")).shortcut_text("Delete");
        if ui.add_enabled(any && !in_trash, trash).clicked() {
            self.delete_selection();
        }
    }

    fn open_new_release(&mut self) {
        let me = self.model.as_ref().and_then(|m| m.settings().current_agent);
        self.new_release.open(me);
    }

    /// Opens a release as a page (or shows its tab if it is open already).
    pub fn open_page(&mut self, id: ReleaseId) {
        if self.model.as_ref().and_then(|m| m.release(id)).is_none() {
            return;
        }
        let index = match self.pages.iter().position(|p| p.release_id() == id) {
            Some(index) => index,
            None => {
                self.pages.push(ReleasePage::new(id));
                self.pages.len() - 1
            }
        };
        self.active_page = Some(index);
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(tr("menu-file"), |ui| {
                if ui.button(tr("menu-new-release")).clicked() {
                    self.open_new_release();
                }
                if ui.button(tr("menu-open-database")).clicked() {
                    self.pick_database();
                }
                if ui.button(tr("menu-people")).clicked() {
                    self.people.open();
                }
                let empty = self.model.as_ref().is_some_and(|m| m.releases().is_empty());
                if ui.add_enabled(empty, egui::Button::new(tr("action-load-sample"))).clicked() {
                    self.load_sample();
                }
                if ui.button(tr("menu-backups")).clicked() {
                    self.backups.open(&self.db_path);
                }
                ui.separator();
                if ui.button(tr("menu-quit")).clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button(tr("menu-edit"), |ui| self.edit_menu_ui(ui));
            ui.menu_button(tr("menu-view"), |ui| {
                let current = self.model.as_ref().map_or(Theme::System, |m| m.settings().theme);
                for (theme, key) in [
                    (Theme::System, "theme-system"),
                    (Theme::Light, "theme-light"),
                    (Theme::Dark, "theme-dark"),
                ] {
                    if ui.radio(current == theme, tr(key)).clicked() {
                        self.queued.other.push(Command::SetTheme(theme));
                    }
                }
                ui.separator();
                ui.label(tr("menu-language"));
                let language = self.language();
                for candidate in Language::ALL {
                    if ui.radio(language == candidate, candidate.native_name()).clicked() {
                        self.queued.other.push(Command::SetLanguage(Some(candidate)));
                    }
                }
            });
            ui.menu_button(tr("menu-help"), |ui| {
                if ui.button(tr("menu-kpi-help")).clicked() {
                    self.show_kpi_help = true;
                }
                if ui.button(tr("menu-about")).clicked() {
                    self.show_about = true;
                }
            });
        });
        ui.horizontal(|ui| {
            for (view, key) in
                [(MainView::Releases, "view-switch-releases"), (MainView::Dashboard, "view-switch-dashboard")]
            {
                let shown = self.main_view == view && self.active_page.is_none();
                if ui.selectable_label(shown, RichText::new(tr(key)).strong()).clicked() {
                    self.set_main_view(view);
                }
            }
            ui.separator();
            if ui.button(tr("action-new-release")).on_hover_text("Ctrl+N").clicked() {
                self.open_new_release();
            }
            ui.add_space(8.0);
            let search = ui
                .add(
                    egui::TextEdit::singleline(&mut self.list.filter.text)
                        .hint_text(tr("search-hint"))
                        .desired_width(320.0),
                )
                .on_hover_text(tr("search-label"));
            if self.focus_search {
                search.request_focus();
                self.focus_search = false;
            }
            if !self.list.filter.text.is_empty()
                && ui.small_button("✖").on_hover_text(tr("search-clear")).clicked()
            {
                self.list.filter.text.clear();
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if let Some(model) = &self.model {
                    let mut me = model.settings().current_agent;
                    let before = me;
                    let text = me.map_or_else(
                        || tr("agent-nobody"),
                        |a| model.directory().agent_name(Some(a)).to_owned(),
                    );
                    egui::ComboBox::from_id_salt("current_agent")
                        .selected_text(text)
                        .width(160.0)
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut me, None, tr("agent-nobody"));
                            for a in &model.directory().agents {
                                ui.selectable_value(&mut me, Some(a.id), &a.name);
                            }
                        })
                        .response
                        .on_hover_text(tr("signed-in-as"));
                    if me != before {
                        self.queued.other.push(Command::SetCurrentAgent(me));
                    }
                    ui.label(tr("signed-in-as"));
                }
            });
        });
        ui.add_space(2.0);
    }

    fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let total = self.model.as_ref().map_or(0, |m| m.releases().len());
            ui.label(tr_args(
                "rows-shown",
                &[("shown", self.rows.rows().len().into()), ("total", total.into())],
            ));
            ui.separator();
            ui.label(RichText::new(self.db_path.display().to_string()).weak());
            if self.model.as_ref().is_some_and(Model::is_read_only) {
                ui.separator();
                ui.label(RichText::new(tr("status-read-only")).strong().color(ui.visuals().warn_fg_color))
                    .on_hover_text(tr("status-read-only-hint"));
            }
            if let Some(status) = &self.status {
                ui.separator();
                let text = RichText::new(&status.text);
                let text = if status.is_error { text.color(ui.visuals().error_fg_color) } else { text };
                ui.label(text);
                if ui.small_button("✖").on_hover_text(tr("action-dismiss")).clicked() {
                    self.status = None;
                }
            }
        });
    }

    fn central_ui(&mut self, ui: &mut egui::Ui) {
        let hidden = self.hidden_selected();
        let Some(model) = &self.model else { return };
        let trash_view = self.list.base_view() == PredefinedView::Trash;
        let trash_index = PredefinedView::ALL.iter().position(|v| *v == PredefinedView::Trash).unwrap_or(0);
        if !model.releases().is_empty() {
            let shown = BarContext {
                selected: self.table.selection.len(),
                hidden,
                trash_view,
                trash_count: self.rows.counts()[trash_index],
                me: model.settings().current_agent,
                directory: model.directory(),
            };
            let action = BulkBar::bar_ui(ui, &shown);
            ui.separator();
            match action {
                Some(BarAction::Apply(action)) => {
                    self.queued.bulk.push(Command::Bulk { ids: self.selection(), action });
                }
                Some(BarAction::ConfirmPurge) => self.bulk_bar.ask_purge(self.selection()),
                Some(BarAction::EmptyTrash) => {
                    let trash = model.releases().iter().filter(|r| r.is_deleted()).map(|r| r.id).collect();
                    self.bulk_bar.ask_purge(trash);
                }
                Some(BarAction::Clear) => self.table.selection.clear(),
                None => {}
            }
        }
        if model.releases().is_empty() {
            ui.vertical_centered(|ui| {
                ui.add_space(ui.available_height() / 4.0);
                ui.heading(tr("empty-title"));
                ui.label(tr("empty-body"));
                ui.add_space(12.0);
                if ui.button(tr("action-new-release")).clicked() {
                    self.open_new_release();
                }
                if ui.button(tr("action-load-sample")).clicked() {
                    self.load_sample();
                }
            });
            return;
        }
        if self.rows.rows().is_empty() {
            ui.vertical_centered(|ui| {
                ui.add_space(ui.available_height() / 4.0);
                ui.heading(tr("no-match-title"));
                ui.label(tr("no-match-body"));
                if ui.button(tr("filter-clear-all")).clicked() {
                    self.list.filter = Default::default();
                }
            });
            return;
        }
        let action = self.table.table_ui(
            ui,
            model.releases(),
            self.rows.rows(),
            self.rows.generation(),
            model.directory(),
            self.list.sort,
        );
        match action {
            Some(TableAction::Sort(key)) => self.list.sort = self.list.sort.clicked(key),
            Some(TableAction::Open(id)) => self.open_page(id),
            None => {}
        }
    }

    fn open_error_ui(&mut self, ui: &mut egui::Ui) {
        let message = self.open_error.as_ref().map(i18n::store_error).unwrap_or_default();
        let failure = self.open_failure.clone();
        egui::CentralPanel::default().show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space(ui.available_height() / 4.0);
                ui.heading(tr(match failure {
                    OpenFailure::Locked => "open-locked-title",
                    OpenFailure::Damaged { .. } => "open-damaged-title",
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
                        match newest {
                            Some((info, count)) => {
                                let text = tr_args(
                                    "restore-newest-backup",
                                    &[
                                        ("date", i18n::datetime(info.made_at).into()),
                                        ("count", (*count).into()),
                                    ],
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
                    OpenFailure::Other => {}
                }
                if ui.button(tr("open-another")).clicked() {
                    self.pick_database();
                }
            });
        });
    }

    /// Becomes `next` (another file, or the same one reopened), keeping the window's language.
    fn replace_with(&mut self, next: Self) {
        let system_language = self.system_language;
        *self = next;
        self.system_language = system_language;
    }

    fn open_read_only(&mut self) {
        match Model::open_read_only(&self.db_path) {
            Ok(model) => self.replace_with(Self::with_model(self.db_path.clone(), Some(model), None)),
            Err(err) => self.open_error = Some(err),
        }
    }

    fn back_up_now(&mut self) {
        let Some(model) = &self.model else { return };
        match model.backup_now("manual") {
            Ok(path) => {
                self.set_status(
                    tr_args("status-backup-made", &[("path", path.display().to_string().into())]),
                    false,
                );
            }
            Err(err) => self.set_status(i18n::store_error(&err), true),
        }
        self.backups.refresh(&self.db_path);
    }

    /// Replaces the file with `backup`: closes the model (keeping the writer's lock), restores
    /// (the current file is backed up first, or moved aside when damaged), and reopens.
    fn restore_backup(&mut self, backup_path: &Path) {
        let lock = match self.model.take().map(Model::close) {
            Some(Some(lock)) => Some(lock),
            _ => match DbLock::acquire(&self.db_path) {
                Ok(lock) => lock,
                Err(err) => {
                    self.set_status(i18n::store_error(&err), true);
                    return;
                }
            },
        };
        let date = backup::list_backups(&self.db_path)
            .ok()
            .and_then(|list| list.into_iter().find(|b| b.path == backup_path))
            .map_or_else(|| backup_path.display().to_string(), |b| i18n::datetime(b.made_at));
        let restored = backup::restore(&self.db_path, backup_path, lock.as_ref());
        let reopened = Store::open_with_lock(&self.db_path, lock).and_then(Model::from_store);
        match (restored, reopened) {
            (Ok(replaced), Ok(model)) => {
                let list = std::mem::take(&mut self.list);
                self.replace_with(Self::with_model(self.db_path.clone(), Some(model), None));
                self.list = list;
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
            (Err(err), Ok(model)) => {
                self.model = Some(model);
                self.rows = ListRows::default();
                self.set_status(i18n::store_error(&err), true);
            }
            (_, Err(err)) => {
                self.model = None;
                self.open_failure = OpenFailure::of(&err, &self.db_path);
                self.open_error = Some(err);
            }
        }
        self.backups.refresh(&self.db_path);
    }

    fn about_ui(&mut self, ctx: &egui::Context) {
        let modal = egui::Modal::new(egui::Id::unique("about_modal")).show(ctx, |ui| {
            ui.heading("Release Desk");
            ui.label(crate::version_line());
            ui.label(tr("about-tagline"));
            ui.label(tr("about-font"));
            if ui.button(tr("action-close")).clicked() {
                self.show_about = false;
            }
        });
        if modal.should_close() {
            self.show_about = false;
        }
    }

    fn pick_database(&mut self) {
        let picked = rfd::FileDialog::new()
            .add_filter("Release Desk database", &["sqlite3", "db", "sqlite"])
            .set_title("Open a Release Desk database")
            .pick_file();
        if let Some(path) = picked {
            self.open_database(path);
        }
    }

    fn switch_database(&mut self, path: &Path) {
        if self.model.is_some() && path == self.db_path {
            return;
        }
        match Model::open(path) {
            Ok(model) => self.replace_with(Self::opened(path.to_owned(), model)),
            Err(err) => {
                let failure = OpenFailure::of(&err, path);
                if self.model.is_none() || failure != OpenFailure::Other {
                    // Locked or damaged: the error screen offers read-only or a backup.
                    let mut failed = Self::with_model(path.to_owned(), None, Some(err));
                    failed.open_failure = failure;
                    self.replace_with(failed);
                } else {
                    self.set_status(i18n::store_error(&err), true);
                }
            }
        }
    }

    fn load_sample(&mut self) {
        if let Some(model) = &self.model {
            let data = sample::scenarios(model.now());
            self.queued.other.push(Command::LoadSample { data, force: false });
        }
    }

    fn set_status(&mut self, text: String, is_error: bool) {
        self.status = Some(StatusLine { text, is_error });
    }

    /// Applies every queued command, in order, and routes results to the panels that asked.
    /// Returns whether there was anything to apply.
    fn drain_commands(&mut self) -> bool {
        let queued = std::mem::take(&mut self.queued);
        let Some(model) = &mut self.model else { return false };
        let revision = model.revision();
        let mut messages = Vec::new();
        for command in queued.new_release {
            let label = i18n::command_label(&command, model.directory());
            let result = model.apply(command);
            if let Ok(applied) = &result {
                if let Some(id) = applied.created {
                    self.table.selection.select_only(id);
                }
                messages.push((tr_args("status-done", &[("what", label.into())]), false));
            }
            self.new_release.on_result(result.map(|_| ()).map_err(|e| i18n::command_error(&e)));
        }
        for page in &mut self.pages {
            for (origin, command) in page.take_commands() {
                let label = i18n::command_label(&command, model.directory());
                let result = model.apply(command);
                match &result {
                    Ok(_) => messages.push((tr_args("status-saved", &[("what", label.into())]), false)),
                    Err(err) => messages.push((i18n::command_error(err), true)),
                }
                page.on_result(origin, result.map(|_| ()).map_err(|e| i18n::command_error(&e)));
            }
        }
        for command in queued.dashboard {
            let label = i18n::command_label(&command, model.directory());
            let result = model.apply(command);
            if result.is_ok() {
                messages.push((tr_args("status-done", &[("what", label.into())]), false));
            }
            self.dashboard.on_result(result.map(|_| ()).map_err(|e| i18n::command_error(&e)));
        }
        for command in queued.bulk {
            let label = i18n::command_label(&command, model.directory());
            let leaves_view = matches!(
                &command,
                Command::Bulk { action: BulkAction::Trash | BulkAction::Restore | BulkAction::Purge, .. }
            );
            match model.apply(command) {
                Ok(applied) if applied.inverse.is_empty() => {
                    messages.push((tr_args("status-nothing-changed", &[("what", label.into())]), false));
                }
                Ok(_) => {
                    if leaves_view {
                        self.table.selection.clear();
                    }
                    messages.push((tr_args("status-done", &[("what", label.into())]), false));
                }
                Err(err) => messages.push((i18n::command_error(&err), true)),
            }
        }
        for command in queued.other {
            let label = i18n::command_label(&command, model.directory());
            match model.apply(command) {
                Ok(_) => messages.push((tr_args("status-done", &[("what", label.into())]), false)),
                Err(err) => messages.push((i18n::command_error(&err), true)),
            }
        }
        for step in queued.history {
            let (result, key) = match step {
                HistoryStep::Undo => (model.undo(), "status-undone"),
                HistoryStep::Redo => (model.redo(), "status-redone"),
            };
            match result {
                Ok(Some(command)) => {
                    let label = i18n::command_label(&command, model.directory());
                    messages.push((tr_args(key, &[("what", label.into())]), false));
                }
                Ok(None) => {}
                Err(err) => messages.push((i18n::command_error(&err), true)),
            }
        }
        let changed = model.revision() != revision;
        let any = !messages.is_empty();
        if let Some((text, is_error)) = messages.pop() {
            self.set_status(text, is_error);
        }
        changed || any
    }
}

impl eframe::App for ReleaseDeskApp {
    /// Runs before every `ui`, and alone while the window is hidden: a close request is answered
    /// here so that one arriving while the window is minimised is cancelled too.
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.on_close_request(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.root_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, LIST_STATE_KEY, &self.list);
    }

    /// Every command was committed when applied; closing checkpoints the WAL and marks the
    /// clean shutdown.
    fn on_exit(&mut self) {
        if let Some(model) = self.model.take() {
            drop(model.close());
        }
    }
}
