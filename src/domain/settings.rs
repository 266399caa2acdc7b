//! User preferences kept in the database: who "you" are, language, theme and KPI targets.

use serde::{Deserialize, Serialize};

use super::ids::AgentId;

/// The two languages the app speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    En,
    Ko,
}

impl Language {
    pub const ALL: [Self; 2] = [Self::En, Self::Ko];

    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Ko => "ko",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code.trim().to_lowercase().as_str() {
            "en" => Some(Self::En),
            "ko" => Some(Self::Ko),
            _ => None,
        }
    }

    /// The language for an OS locale such as `ko-KR` or `en_US.UTF-8`; English unless Korean.
    pub fn from_locale(locale: &str) -> Self {
        if locale.to_lowercase().starts_with("ko") { Self::Ko } else { Self::En }
    }

    /// The language's own name, as shown in the picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Ko => "한국어",
        }
    }
}

/// Light, dark, or whatever the OS says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// The typed settings; each field is one row of the `settings` table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// The agent the app acts as ("you" in the views). `None` until one is picked.
    pub current_agent: Option<AgentId>,
    /// `None` until chosen: the OS locale decides.
    pub language: Option<Language>,
    pub theme: Theme,
    /// What the dashboard, the CLI and the exported charts compare the KPIs with.
    pub kpi_targets: super::kpi::KpiTargets,
}
