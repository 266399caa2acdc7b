//! Export of releases beside the UI: Freshservice-shaped JSON, CSV, and aligned text tables.
//! Uses only `domain`.

pub mod json;
pub mod rollout_json;
pub mod table;
