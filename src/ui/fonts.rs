//! The bundled Korean-capable font (NanumGothic, SIL OFL 1.1; licence in `assets/fonts/`),
//! installed as a fallback after egui's own fonts so Hangul renders everywhere.

use std::sync::Arc;

use crate::i18n::NANUM_GOTHIC;

/// Font definitions with NanumGothic after egui's defaults in every family.
pub fn font_definitions() -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert("NanumGothic".to_owned(), Arc::new(egui::FontData::from_static(NANUM_GOTHIC)));
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts.families.entry(family).or_default().push("NanumGothic".to_owned());
    }
    fonts
}

/// Installs the fonts on `ctx`.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
}
