//! The integration tests without a window, in one binary: the file, the command path, views, undo,
//! bulk actions, the work on a release, the lifecycle, registries and readiness, KPIs, the command
//! line, the catalogues and durability (the crash test re-runs this binary as its child).

#![allow(clippy::unwrap_used)]

#[path = "../common/mod.rs"]
mod common;

mod backout;
mod bulk;
mod cab;
mod cab_cli;
mod cab_pack;
mod catalogues;
mod cli;
mod data;
mod durability;
mod files;
mod glyphs;
mod import;
mod import_fuzz;
mod kills;
mod kpi;
mod kpi_delivery;
mod layers;
mod lifecycle;
mod meeting;
mod meeting_cli;
mod migration;
mod model;
mod monitoring;
mod monitoring_cli;
mod mounts;
mod package;
mod readiness;
mod registry;
mod regulator;
mod regulator_cli;
mod release_work;
mod restore;
mod sample;
mod scale;
mod schedule;
mod schedule_ics;
mod schedule_sweep;
#[cfg(unix)]
mod signals;
mod store;
mod team;
mod templates;
mod terminal;
mod undo;
mod undo_meeting;
mod undo_team;
mod views;
