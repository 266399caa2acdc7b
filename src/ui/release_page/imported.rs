//! Under the properties: what came from Freshservice and is kept as it came, read only: the
//! release's Freshservice id and its `custom_fields`.

use egui::RichText;

use crate::domain::Release;
use crate::i18n::tr;

/// The Freshservice id and custom fields of `release`; nothing for a release made here.
pub(super) fn imported_ui(ui: &mut egui::Ui, release: &Release) {
    if release.external_id.is_none() && release.custom_fields.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.separator();
    ui.label(RichText::new(tr("page-imported")).strong());
    ui.label(RichText::new(tr("page-imported-read-only")).weak());
    egui::Grid::new(("page_imported_grid", release.id.0)).num_columns(2).spacing([10.0, 6.0]).show(
        ui,
        |ui| {
            if let Some(id) = release.external_id {
                ui.label(tr("field-external-id"));
                ui.label(id.to_string());
                ui.end_row();
            }
            for (name, value) in &release.custom_fields {
                ui.label(name);
                ui.add(egui::Label::new(custom_value_text(value)).wrap());
                ui.end_row();
            }
        },
    );
}

/// How a custom field's value reads: text as it is, an empty value as a dash, anything else as
/// compact JSON.
pub(crate) fn custom_value_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => "—".to_owned(),
        serde_json::Value::String(text) if text.trim().is_empty() => "—".to_owned(),
        serde_json::Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::custom_value_text;
    use serde_json::json;

    #[test]
    fn custom_values_read_as_text() {
        assert_eq!(custom_value_text(&json!("본사 ERP")), "본사 ERP");
        assert_eq!(custom_value_text(&json!(null)), "—");
        assert_eq!(custom_value_text(&json!("  ")), "—");
        assert_eq!(custom_value_text(&json!(3)), "3");
        assert_eq!(custom_value_text(&json!(true)), "true");
        assert_eq!(custom_value_text(&json!(["a", "b"])), r#"["a","b"]"#);
    }
}
