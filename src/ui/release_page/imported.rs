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

/// How a custom field's value reads: text as it is, an empty value as a dash, yes/no in the UI
/// language, a list as its items joined by commas, an object as `name: value` pairs; only what
/// nests deeper stays compact JSON.
pub(crate) fn custom_value_text(value: &serde_json::Value) -> String {
    use serde_json::Value;
    let scalar = |value: &Value| -> Option<String> {
        match value {
            Value::Null => Some("—".to_owned()),
            Value::String(text) if text.trim().is_empty() => Some("—".to_owned()),
            Value::String(text) => Some(text.clone()),
            Value::Bool(yes) => Some(tr(if *yes { "page-imported-yes" } else { "page-imported-no" })),
            Value::Number(n) => Some(n.to_string()),
            Value::Array(_) | Value::Object(_) => None,
        }
    };
    let shallow = |value: &Value| scalar(value).unwrap_or_else(|| value.to_string());
    match value {
        Value::Array(items) if items.is_empty() => "—".to_owned(),
        Value::Array(items) => items.iter().map(shallow).collect::<Vec<_>>().join(", "),
        Value::Object(fields) if fields.is_empty() => "—".to_owned(),
        Value::Object(fields) => {
            fields.iter().map(|(name, v)| format!("{name}: {}", shallow(v))).collect::<Vec<_>>().join(", ")
        }
        other => shallow(other),
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
        assert_eq!(custom_value_text(&json!(2.5)), "2.5");
        assert_eq!(custom_value_text(&json!(["a", "b", 3])), "a, b, 3");
        assert_eq!(custom_value_text(&json!([])), "—");
        assert_eq!(custom_value_text(&json!({"site": "본사", "n": 2})), "n: 2, site: 본사");
        assert_eq!(custom_value_text(&json!([[1, 2]])), "[1,2]", "deeper nesting stays JSON");
    }

    #[test]
    fn yes_and_no_read_in_the_ui_language() {
        crate::i18n::set_language(crate::domain::Language::Ko);
        assert_eq!(custom_value_text(&json!(true)), "예");
        assert_eq!(custom_value_text(&json!([false])), "아니요");
        crate::i18n::set_language(crate::domain::Language::En);
        assert_eq!(custom_value_text(&json!(true)), "Yes");
    }
}
