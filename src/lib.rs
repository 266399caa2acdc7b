//! Release Desk: plan and run software releases offline.
//!
//! Layers, each depending only on those before it: [`domain`] (pure types and rules) <-
//! [`store`] (SQLite) <- [`model`] (in-memory state and the one command path) <- [`i18n`] (every
//! user-facing sentence) <- [`export`] (files written for others) <- [`ui`] and [`cli`].

pub mod cli;
pub mod domain;
pub mod export;
pub mod i18n;
pub mod model;
pub mod store;
pub mod ui;

/// The version and the git commit this build was made from ("unknown" outside a git checkout), as
/// `release-desk --version` prints it after the program's name.
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("RELEASE_DESK_GIT_COMMIT"), ")");

/// The version and git commit this build was made from.
pub fn version_line() -> String {
    format!("Release Desk {VERSION}")
}
