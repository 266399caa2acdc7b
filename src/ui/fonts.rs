//! The bundled Korean-capable font (NanumGothic, SIL OFL 1.1; licence in `assets/fonts/`),
//! installed right after egui's text font in every family, so Hangul renders everywhere and common
//! symbols (→, ▲, ×) come from a real text font rather than egui's small icon font.

use std::sync::Arc;

use crate::i18n::NANUM_GOTHIC;

/// Font definitions with NanumGothic second in every family: after egui's Latin text font, before
/// its icon font (which otherwise draws "→" as a tiny chevron).
pub fn font_definitions() -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert("NanumGothic".to_owned(), Arc::new(egui::FontData::from_static(NANUM_GOTHIC)));
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        let list = fonts.families.entry(family).or_default();
        let at = list.len().min(1);
        list.insert(at, "NanumGothic".to_owned());
    }
    fonts
}

/// Installs the fonts on `ctx`.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
}
