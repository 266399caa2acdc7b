//! Data in and out for the window and the CLI: Freshservice-shaped JSON (with the lifecycle
//! fields beside) and its import, CSV (export and import), Excel workbooks, the whole-database
//! archive, aligned text tables, the KPI table and charts (SVG/PNG) for CAB meetings, and the
//! schedule as an iCalendar file (windows and freezes are read from one too). Uses `domain`, `model` and `i18n` (the words in the user's language); never `ui` or
//! `cli`.

pub mod archive;
pub mod backout_json;
pub mod cab_json;
pub mod cab_pack;
pub mod chart;
pub mod csv;
pub mod file;
pub mod freshservice;
pub mod ics;
pub mod import;
pub mod json;
pub mod kpi;
pub mod lifecycle_json;
pub mod pdf;
pub mod regulator_json;
pub mod table;
pub mod xlsx;
