//! Export of releases for the window and the CLI: Freshservice-shaped JSON (with the lifecycle
//! fields beside), CSV, aligned text tables, and the KPI table and charts (SVG/PNG) for CAB
//! meetings. Uses `domain`, `model` and `i18n` (the words in the user's language); never `ui` or
//! `cli`.

pub mod backout_json;
pub mod chart;
pub mod json;
pub mod kpi;
pub mod lifecycle_json;
pub mod table;
