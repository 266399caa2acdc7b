//! The egui window. One file per panel; panels push commands, the app applies them.

pub mod app;
pub mod backups;
pub mod bulk_bar;
pub mod command;
pub mod conflicts_dialog;
pub mod data_dialog;
pub mod filter_panel;
pub mod first_run;
pub mod fonts;
pub mod list_columns;
pub mod list_state;
pub mod new_release;
pub mod outbox;
pub mod people_dialog;
pub mod release_page;
pub mod release_table;
pub mod row_menu;
pub mod screens;
pub mod selection;
pub mod team_dialog;
pub mod template_dialog;
pub mod theme;
pub mod widgets;

use std::path::PathBuf;

pub use app::ReleaseDeskApp;

/// The app id: the window's class for the desktop, and the name of the folder eframe keeps its
/// settings in (the log is written beside them).
pub const APP_ID: &str = "release-desk";

/// The smallest window in which nothing overlaps.
pub const MIN_SIZE: [f32; 2] = [960.0, 600.0];

const ICON_PNG: &[u8] = include_bytes!("../../assets/icon.png");

/// Opens the main window on the database at `db_path` and runs until it is closed.
/// `language` (from `--lang`) stands in for the OS locale until the user picks a language.
pub fn run_window(db_path: PathBuf, language: Option<crate::domain::Language>) -> Result<(), eframe::Error> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Release Desk")
        .with_app_id(APP_ID)
        .with_inner_size([1280.0, 720.0])
        .with_min_inner_size(MIN_SIZE);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(ICON_PNG) {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions { viewport, persist_window: true, ..Default::default() };
    widgets::file_dialog::configure_from_env();
    eframe::run_native(
        "Release Desk",
        options,
        Box::new(move |cc| {
            fonts::install(&cc.egui_ctx);
            // No window remembered yet (eframe keeps it as "window"): fit the screen once shown.
            let first_run = cc.storage.is_none_or(|s| s.get_string("window").is_none());
            let mut app = ReleaseDeskApp::open(db_path);
            app.fit_to_screen_on_first_frame(first_run);
            if let Some(language) = language {
                app.set_system_language(language);
            }
            app.restore(cc.storage);
            // Drafts a termination signal stashes go beside the UI state (and come back from there).
            app.use_recovery_dir(eframe::storage_dir(APP_ID));
            app::close_on_termination_signals(&cc.egui_ctx, app.termination_flag());
            Ok(Box::new(app))
        }),
    )
}
