//! Export of releases beside the UI: Freshservice-shaped JSON, CSV, aligned text tables, and the
//! KPI table and charts (SVG/PNG) for CAB meetings.
//! Uses only `domain`.

pub mod chart;
pub mod json;
pub mod kpi;
pub mod rollout_json;
pub mod table;
