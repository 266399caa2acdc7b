//! The `release-desk` binary: a CLI command when one is given, else the window. The log is set up
//! here, once, before either runs (`logfile.rs`). On Windows it is a GUI program that attaches to
//! the terminal's console when run from one (`windows_console.rs`).

// No console window behind the app on Windows; commands find their terminal in `windows_console`.
#![cfg_attr(windows, windows_subsystem = "windows")]

mod logfile;
#[cfg(windows)]
mod windows_console;

use std::process::ExitCode;

use release_desk::{cli, i18n, ui};

fn main() -> ExitCode {
    // First, so the window's first-frame time (logged, and printed for benches/startup.rs) counts
    // from here.
    ui::app::startup::mark_launch();
    #[cfg(windows)]
    windows_console::attach_parent_console();
    let cli = match cli::parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let mode = if cli.opens_window() { logfile::Mode::Window } else { logfile::Mode::Command };
    // Beside the window's settings (eframe's folder for the app id): `logs/release-desk.log`.
    logfile::init(eframe::storage_dir(ui::APP_ID).map(|dir| dir.join("logs")), mode);
    // The team server's password is kept in the OS keyring between runs (never in the file).
    release_desk::model::team::use_os_keyring();
    match cli::main(cli) {
        cli::Parsed::Exit(code) => code,
        cli::Parsed::Window { db, lang } => {
            log::info!("{}: opening the window on {}", release_desk::version_line(), db.display());
            match ui::run_window(db, lang) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    let message = i18n::tr_args("cli-error-window", &[("reason", e.to_string().into())]);
                    eprintln!("release-desk: {message}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}
