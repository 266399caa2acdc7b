//! The `release-desk` binary: the window, or a CLI command when one is given.

fn main() -> std::process::ExitCode {
    release_desk::cli::main()
}
