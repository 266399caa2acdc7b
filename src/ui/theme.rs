//! The window's own touches on egui's themes. Light: egui draws an unticked checkbox as a grey
//! square (230) on an almost white panel (248), which nearly vanishes; here the box is white with
//! a border that stands out from the panel at least 3:1 (the contrast WCAG asks of controls).

/// The border of checkboxes, radio buttons and buttons in the light theme.
const LIGHT_CONTROL_BORDER: egui::Color32 = egui::Color32::from_gray(118);

/// Gives the light theme's controls a visible edge.
pub fn tune_light(style: &mut egui::Style) {
    let inactive = &mut style.visuals.widgets.inactive;
    inactive.bg_fill = egui::Color32::WHITE;
    inactive.bg_stroke = egui::Stroke::new(1.0, LIGHT_CONTROL_BORDER);
}

/// Installs the window's touches on `ctx`'s themes.
pub fn install(ctx: &egui::Context) {
    ctx.style_mut_of(egui::Theme::Light, tune_light);
}

/// The WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: egui::Color32, b: egui::Color32) -> f32 {
    let luminance = |c: egui::Color32| {
        let channel = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.040_45 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_light_theme_checkbox_stands_out_from_its_panel() {
        let mut style = egui::Style { visuals: egui::Visuals::light(), ..egui::Style::default() };
        let panel = style.visuals.panel_fill;
        let untouched = &style.visuals.widgets.inactive;
        assert!(contrast(untouched.bg_fill, panel) < 1.5, "egui's own box is barely there");
        tune_light(&mut style);
        let control = &style.visuals.widgets.inactive;
        assert!(contrast(control.bg_stroke.color, panel) >= 3.0, "the box's edge against the panel");
        assert!(contrast(control.bg_stroke.color, control.bg_fill) >= 3.0, "the edge against the box");
        assert!(contrast(control.fg_stroke.color, control.bg_fill) >= 4.5, "the tick against the box");
    }
}
