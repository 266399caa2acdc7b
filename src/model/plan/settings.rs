//! Planning of the commands that change the stored preferences (who "you" are, language, theme,
//! KPI targets) and the saved views; and reading the typed settings back from their rows.

use std::collections::BTreeMap;

use super::{Effect, nonempty};
use crate::domain::{AgentId, SavedView, SavedViewId, Settings, Timestamp};
use crate::model::{CommandError, Model, NamedThing, SettingsCommand};
use crate::store::Mutation;

/// Settings keys in the `settings` table.
pub(in crate::model) const KEY_CURRENT_AGENT: &str = "current_agent";
const KEY_LANGUAGE: &str = "language";
const KEY_THEME: &str = "theme";
const KEY_KPI_TARGETS: &str = "kpi_targets";

impl Model {
    /// Validates one of the settings commands and works out its effect. Changes nothing.
    pub(super) fn plan_settings(
        &self,
        command: SettingsCommand,
        now: Timestamp,
        effect: &mut Effect,
    ) -> Result<(), CommandError> {
        match command {
            SettingsCommand::SetCurrentAgent(agent) => {
                self.check_refs(agent, None, None)?;
                self.setting(effect, now, KEY_CURRENT_AGENT, agent.map(|a| a.0))?;
            }
            SettingsCommand::SetLanguage(language) => {
                self.setting(effect, now, KEY_LANGUAGE, language)?;
            }
            SettingsCommand::SetTheme(theme) => {
                self.setting(effect, now, KEY_THEME, Some(theme))?;
            }
            SettingsCommand::SetKpiTargets(targets) => {
                targets.validate()?;
                self.setting(effect, now, KEY_KPI_TARGETS, Some(targets))?;
            }
            SettingsCommand::SaveView { name, base, filter, sort } => {
                let name = nonempty(&name, NamedThing::SavedView)?;
                if self.saved_views.iter().any(|v| v.name == name) {
                    return Err(CommandError::DuplicateViewName(name));
                }
                let id = self.saved_views.iter().map(|v| v.id).max().unwrap_or(SavedViewId(0)).next();
                let mut activity = self.activity(None, now, "view");
                activity.new_value = name.clone();
                effect.activities.push(activity);
                effect.mutations.push(Mutation::PutSavedView(SavedView { id, name, base, filter, sort }));
            }
            SettingsCommand::DeleteSavedView(id) => {
                let view = self.saved_view(id).ok_or(CommandError::NoSuchView(id))?;
                let mut activity = self.activity(None, now, "view");
                activity.old_value = view.name.clone();
                effect.activities.push(activity);
                effect.mutations.push(Mutation::RemoveSavedView(id));
            }
        }
        Ok(())
    }

    fn setting<T: serde::Serialize>(
        &self,
        effect: &mut Effect,
        now: Timestamp,
        key: &str,
        value: Option<T>,
    ) -> Result<(), CommandError> {
        let new = value
            .map(|v| serde_json::to_string(&v))
            .transpose()
            .map_err(|e| CommandError::Refused(e.to_string()))?;
        let old = self.raw_settings.get(key).cloned();
        if old == new {
            return Ok(());
        }
        let mut activity = self.activity(None, now, "setting");
        activity.field = key.to_owned();
        activity.old_value = old.unwrap_or_default();
        activity.new_value = new.clone().unwrap_or_default();
        effect.activities.push(activity);
        effect.mutations.push(match new {
            Some(value) => Mutation::PutSetting { key: key.to_owned(), value },
            None => Mutation::RemoveSetting(key.to_owned()),
        });
        Ok(())
    }
}

/// Reads the typed settings; an unreadable value falls back to its default.
pub(in crate::model) fn parse_settings(raw: &BTreeMap<String, String>) -> Settings {
    fn get<T: serde::de::DeserializeOwned>(raw: &BTreeMap<String, String>, key: &str) -> Option<T> {
        raw.get(key).and_then(|v| serde_json::from_str(v).ok())
    }
    Settings {
        current_agent: get::<i64>(raw, KEY_CURRENT_AGENT).map(AgentId),
        language: get(raw, KEY_LANGUAGE),
        theme: get(raw, KEY_THEME).unwrap_or_default(),
        kpi_targets: get::<crate::domain::KpiTargets>(raw, KEY_KPI_TARGETS)
            .filter(|t| t.validate().is_ok())
            .unwrap_or_default(),
    }
}
