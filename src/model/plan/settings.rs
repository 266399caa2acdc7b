//! Planning of the commands that change the stored preferences (who "you" are, language, theme,
//! KPI targets) and the saved views; and reading the typed settings back from their rows.

use std::collections::BTreeMap;

use super::{Effect, nonempty};
use crate::domain::activity::Named;
use crate::domain::{
    ActivityKind, AgentId, Field, FieldChange, SavedView, SavedViewId, Settings, Timestamp, Value,
};
use crate::model::{CommandError, Model, NamedThing, SettingsCommand};
use crate::store::Mutation;
use crate::store::StoreError;

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
                let named = |id: Option<AgentId>| {
                    id.map_or(Value::None, |id| {
                        Value::Agent(Named::new(id, self.directory.agent_name(Some(id))))
                    })
                };
                let logged = (named(self.settings.current_agent), named(agent));
                self.setting(effect, now, Field::CurrentAgent, agent.map(|a| a.0), logged)?;
            }
            SettingsCommand::SetLanguage(language) => {
                let logged = (
                    self.settings.language.map_or(Value::None, Value::Language),
                    language.map_or(Value::None, Value::Language),
                );
                self.setting(effect, now, Field::Language, language, logged)?;
            }
            SettingsCommand::SetTheme(theme) => {
                let logged = (Value::Theme(self.settings.theme), Value::Theme(theme));
                self.setting(effect, now, Field::Theme, Some(theme), logged)?;
            }
            SettingsCommand::SetKpiTargets(targets) => {
                targets.validate()?;
                let logged = (Value::KpiTargets(self.settings.kpi_targets), Value::KpiTargets(targets));
                self.setting(effect, now, Field::KpiTargets, Some(targets), logged)?;
            }
            SettingsCommand::SaveView { name, base, filter, sort } => {
                let name = nonempty(&name, NamedThing::SavedView)?;
                if self.saved_views.iter().any(|v| v.name == name) {
                    return Err(CommandError::DuplicateViewName(name));
                }
                let id = self.saved_views.iter().map(|v| v.id).max().unwrap_or(SavedViewId(0)).next();
                let added = FieldChange::added(Field::Name, Value::text(name.clone()));
                effect.activities.push(self.activity(None, now, ActivityKind::View, vec![added]));
                effect.mutations.push(Mutation::PutSavedView(SavedView { id, name, base, filter, sort }));
            }
            SettingsCommand::DeleteSavedView(id) => {
                let view = self.saved_view(id).ok_or(CommandError::NoSuchView(id))?;
                let removed = FieldChange::removed(Field::Name, Value::text(view.name.clone()));
                effect.activities.push(self.activity(None, now, ActivityKind::View, vec![removed]));
                effect.mutations.push(Mutation::RemoveSavedView(id));
            }
        }
        Ok(())
    }

    /// Plans writing the setting of `field` as `value` (JSON), logged as the typed `logged`
    /// (old, new); nothing when the stored value is already that.
    pub(super) fn setting<T: serde::Serialize>(
        &self,
        effect: &mut Effect,
        now: Timestamp,
        field: Field,
        value: Option<T>,
        logged: (Value, Value),
    ) -> Result<(), CommandError> {
        let key = field.code().to_owned();
        let new = value
            .map(|v| serde_json::to_string(&v))
            .transpose()
            .map_err(|e| CommandError::Store(StoreError::BadData(e.to_string())))?;
        let old = self.raw_settings.get(&key).cloned();
        if old == new {
            return Ok(());
        }
        let (old_value, new_value) = logged;
        let change = FieldChange::new(field, old_value, new_value);
        effect.activities.push(self.activity(None, now, ActivityKind::Setting, vec![change]));
        effect.mutations.push(match new {
            Some(value) => Mutation::PutSetting { key, value },
            None => Mutation::RemoveSetting(key),
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
