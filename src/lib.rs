//! Release Desk: plan and run software releases offline.
//!
//! Layers, each depending only on those before it: [`domain`] (pure types and rules) <-
//! [`store`] (SQLite) <- [`model`] (in-memory state and the one command path) <- [`ui`] and [`cli`].

pub mod cli;
pub mod domain;
pub mod export;
pub mod i18n;
pub mod model;
pub mod store;
pub mod ui;

/// The version and git commit this build was made from.
pub fn version_line() -> String {
    format!("Release Desk {} ({})", env!("CARGO_PKG_VERSION"), env!("RELEASE_DESK_GIT_COMMIT"))
}
