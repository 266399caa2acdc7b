//! The main window: top bar, a tab strip (the Releases list and any open release pages), filter
//! side panel, release table, status bar and modals.
//!
//! Panels never change the model directly: they push [`Command`](crate::model::Command)s, which
//! are drained once per frame through [`Model::apply`]; each result is routed back to the panel
//! that asked.
//!
//! One file per job: `session` (the database shown), `close_guard` (unsaved edits before anything
//! drops a page), `commands` (the outbox's drain), `shortcuts`, `menus` (the top bar), `dialogs`,
//! `tabs`, `status_bar`, `team_sync` (the team's sync off the window's thread, and its state in the
//! status bar), `signals` (SIGTERM and its kin close as Quit does), `recovery` (the drafts
//! a signal stashes, offered back on the next start), `startup` (the first frame's time);
//! `test_access` holds
//! what the kittests steer. The first tab shows one of the [`screens`](crate::ui::screens), which
//! draw themselves from a context the app lends them.

mod close_guard;
mod commands;
mod dialogs;
mod keyboard_help;
mod menus;
mod recovery;
mod remembered;
mod session;
mod shortcuts;
mod signals;
pub mod startup;
mod status_bar;
mod tabs;
mod team_sync;
mod test_access;

use std::path::PathBuf;

use self::close_guard::CloseGuard;
use self::dialogs::Dialogs;
use self::recovery::RecoveryState;
use self::remembered::Remembered;
pub use self::remembered::{DatabaseUi, MAX_FILES};
use self::session::{OpenFailure, Session};
use self::tabs::Tabs;
use crate::domain::{Language, Theme};
use crate::i18n;
use crate::model::Model;
use crate::model::session::StoreError;
use crate::ui::outbox::Outbox;
use crate::ui::release_page::PageAction;
use crate::ui::screens::{ScreenAction, ScreenContext, Screens, StatusLine};

/// What was last pushed to the OS window, and the language used until the user picks one.
struct WindowState {
    applied_theme: Option<Theme>,
    title: String,
    /// The OS locale's language, used until the user picks one.
    system_language: Language,
    /// The list's view, filter, sort and columns and the dashboard's period of every database
    /// opened, by its path: each file comes back as it was left, and none inherits another's search.
    remembered: Remembered,
    /// Size and centre the window on the screen at the first frame (a first run: no size kept).
    fit_to_screen: bool,
    /// The first frame's time since launch, logged once it has been shown.
    first_frame: startup::FirstFrame,
}

pub use self::signals::close_on_termination_signals;

/// The Release Desk window.
pub struct ReleaseDeskApp {
    session: Session,
    tabs: Tabs,
    guard: CloseGuard,
    dialogs: Dialogs,
    screens: Screens,
    outbox: Outbox,
    status: Option<StatusLine>,
    window: WindowState,
    recovery: RecoveryState,
    /// Team sync: the worker thread, the last outcome and what the status bar shows of it.
    team_sync: team_sync::TeamSync,
}

impl ReleaseDeskApp {
    fn with_model(db_path: PathBuf, model: Option<Model>, open_error: Option<StoreError>) -> Self {
        Self {
            session: Session { db_path, model, open_error, open_failure: OpenFailure::Other },
            tabs: Tabs::default(),
            guard: CloseGuard::default(),
            dialogs: Dialogs::default(),
            screens: Screens::default(),
            outbox: Outbox::default(),
            status: None,
            window: WindowState {
                applied_theme: None,
                title: String::new(),
                system_language: i18n::system_language(),
                remembered: Remembered::default(),
                fit_to_screen: false,
                first_frame: startup::FirstFrame::default(),
            },
            recovery: RecoveryState::default(),
            team_sync: team_sync::TeamSync::default(),
        }
    }

    /// Shows the screen with `id` in the first tab, and that tab.
    pub fn show_screen(&mut self, id: &str) {
        self.screens.show(id);
        self.tabs.active = None;
    }

    /// Lends the screens the model, the outbox, the language and the status line; `None`
    /// without a database.
    fn with_screen_context<R>(
        &mut self,
        f: impl FnOnce(&mut Screens, &mut ScreenContext<'_>) -> Option<R>,
    ) -> Option<R> {
        let language = self.language();
        let model = self.session.model.as_ref()?;
        let list = self.screens.list.state.clone();
        let mut cx = ScreenContext {
            model,
            outbox: &mut self.outbox,
            language,
            status: &mut self.status,
            list: &list,
        };
        f(&mut self.screens, &mut cx)
    }

    /// Does what a screen asked of the window.
    fn on_screen_action(&mut self, action: ScreenAction) {
        match action {
            ScreenAction::OpenRelease(id) => self.open_page(id),
            ScreenAction::NewRelease => self.open_new_release(),
            ScreenAction::LoadSample => self.load_sample(),
        }
    }

    /// The whole window, inside `ui`.
    pub fn root_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.apply_settings(&ctx);
        self.fit_to_screen(&ctx);
        let Some(model) = &self.session.model else {
            self.open_error_ui(ui);
            self.database_file_ui(&ctx);
            return;
        };
        self.screens.list.follow(model);
        self.team_sync_tick(&ctx);
        self.shortcuts(&ctx);

        egui::Panel::top("top_bar").show(ui, |ui| self.top_bar_ui(ui));
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui));
        if !self.tabs.pages.is_empty() {
            egui::Panel::top("tabs").show(ui, |ui| self.tabs_ui(ui));
        }
        if let Some(index) = self.tabs.active {
            egui::CentralPanel::default().show(ui, |ui| {
                if let (Some(model), Some(page)) = (&self.session.model, self.tabs.pages.get_mut(index))
                    && page.page_ui(ui, model, &mut self.outbox) == Some(PageAction::Close)
                {
                    self.request_close_page(index);
                }
            });
        } else if let Some(action) = self.with_screen_context(|screens, cx| screens.shown_mut().ui(ui, cx)) {
            self.on_screen_action(action);
        }

        self.dialogs_ui(&ctx);
        self.recovery_offer_ui(&ctx);
        // Last, so that they show above a page's own dialog (a plan editor open when the window
        // is asked to close).
        self.confirm_close_ui(&ctx);
        self.confirm_discard_ui(&ctx);
        if self.drain_outbox(&ctx) {
            // The list and the counts are computed before the commands ran: show the result now.
            ctx.request_repaint();
        }
        self.settle_close_requests(&ctx);
    }

    fn apply_settings(&mut self, ctx: &egui::Context) {
        i18n::set_language(self.language());
        let theme = self.session.model.as_ref().map_or(Theme::System, |m| m.settings().theme);
        if self.window.applied_theme != Some(theme) {
            if self.window.applied_theme.is_none() {
                crate::ui::theme::install(ctx);
            }
            ctx.set_theme(match theme {
                Theme::System => egui::ThemePreference::System,
                Theme::Light => egui::ThemePreference::Light,
                Theme::Dark => egui::ThemePreference::Dark,
            });
            self.window.applied_theme = Some(theme);
        }
        let file =
            self.session.db_path.file_name().map_or_else(String::new, |f| f.to_string_lossy().into_owned());
        let title = format!("Release Desk — {file}");
        if title != self.window.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window.title = title;
        }
    }

    /// The language the window speaks: the user's choice, else the OS locale's.
    pub fn language(&self) -> Language {
        self.session.model.as_ref().and_then(|m| m.settings().language).unwrap_or(self.window.system_language)
    }

    /// On a first run, sizes the window to about 85 % of the screen, centred, once it is known.
    pub fn fit_to_screen_on_first_frame(&mut self, on: bool) {
        self.window.fit_to_screen = on;
    }

    fn fit_to_screen(&mut self, ctx: &egui::Context) {
        if !self.window.fit_to_screen {
            return;
        }
        let Some(monitor) = ctx.input(|i| i.viewport().monitor_size).filter(|m| m.x > 0.0 && m.y > 0.0)
        else {
            return;
        };
        self.window.fit_to_screen = false;
        let min = egui::Vec2::from(crate::ui::MIN_SIZE);
        let size = (monitor * 0.85).max(min).min(monitor);
        ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(size));
        ctx.send_viewport_cmd(egui::ViewportCommand::OuterPosition(((monitor - size) / 2.0).to_pos2()));
    }

    /// Uses `language` until the user picks one (tests; the OS locale otherwise).
    pub fn set_system_language(&mut self, language: Language) {
        self.window.system_language = language;
    }
}

impl eframe::App for ReleaseDeskApp {
    /// Runs before every `ui`, and alone while the window is hidden: a close request is answered
    /// here so that one arriving while the window is minimised is cancelled too.
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.on_close_request(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.root_ui(ui);
        if let Some(first_frame) = self.window.first_frame.after_ui(ui.ctx()) {
            startup::report(ui.ctx(), first_frame);
        }
        if let Some(storage) = frame.storage_mut() {
            self.persist_ui_state(ui.ctx(), storage, std::time::Instant::now());
        }
    }

    /// Called on Quit and every 30 seconds by eframe.
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.save_ui_state(storage);
    }

    /// Every command was committed when applied; closing checkpoints the WAL and marks the
    /// clean shutdown.
    fn on_exit(&mut self) {
        if let Some(model) = self.session.model.take() {
            drop(model.close());
        }
    }
}
