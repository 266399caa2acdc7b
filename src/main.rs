//! The `release-desk` binary: a CLI command when one is given, else the window.

use std::process::ExitCode;

use release_desk::{cli, i18n, ui};

fn main() -> ExitCode {
    match cli::main() {
        cli::Parsed::Exit(code) => code,
        cli::Parsed::Window { db, lang } => match ui::run_window(db, lang) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                let message = i18n::tr_args("cli-error-window", &[("reason", e.to_string().into())]);
                eprintln!("release-desk: {message}");
                ExitCode::FAILURE
            }
        },
    }
}
