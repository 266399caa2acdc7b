//! Small pieces shared by the lifecycle sections of the release page: per-release dialog state kept
//! in egui memory (so each section is one plain function), a text field that commits once when the
//! user leaves it, and colours for approval, risk and stage chips.

use egui::Color32;

use crate::domain::{CabApproval, ChangeRisk, PhaseStatus, ReleaseId};

/// Dialog or form state of one section of one release, kept between frames.
pub fn load_state<T: Clone + Default + Send + Sync + 'static>(ui: &egui::Ui, key: &str, id: ReleaseId) -> T {
    ui.data(|d| d.get_temp::<T>(state_id(key, id))).unwrap_or_default()
}

pub fn store_state<T: Clone + Send + Sync + 'static>(ui: &egui::Ui, key: &str, id: ReleaseId, state: T) {
    ui.data_mut(|d| d.insert_temp(state_id(key, id), state));
}

fn state_id(key: &str, id: ReleaseId) -> egui::Id {
    egui::Id::unique(("release_page_rollout", key, id.0))
}

/// A single-line text field showing `current`; the user's typing is kept while it has focus, and
/// the new text is returned once, when the user leaves the field or presses Enter.
pub fn committed_text_ui(
    ui: &mut egui::Ui,
    id: egui::Id,
    current: &str,
    hint: &str,
    name: &str,
    width: f32,
) -> Option<String> {
    let mut text = ui.data(|d| d.get_temp::<String>(id)).unwrap_or_else(|| current.to_owned());
    let response = ui
        .add(egui::TextEdit::singleline(&mut text).id(id).hint_text(hint).desired_width(width))
        .on_hover_text(name);
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
        None
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
        (response.lost_focus() && text.trim() != current.trim()).then_some(text)
    }
}

pub fn approval_color(a: CabApproval) -> Color32 {
    match a {
        CabApproval::Pending => Color32::from_rgb(0x8a, 0x6d, 0x1f),
        CabApproval::Approved => Color32::from_rgb(0x2e, 0x7d, 0x4f),
        CabApproval::Rejected => Color32::from_rgb(0xb4, 0x3c, 0x3c),
    }
}

pub fn change_risk_color(r: ChangeRisk) -> Color32 {
    match r {
        ChangeRisk::Low => Color32::from_rgb(0x5d, 0x8a, 0x5d),
        ChangeRisk::Medium => Color32::from_rgb(0xc0, 0x6a, 0x10),
        ChangeRisk::High => Color32::from_rgb(0xc0, 0x2b, 0x2b),
    }
}

pub fn phase_color(s: PhaseStatus) -> Color32 {
    match s {
        PhaseStatus::Pending => Color32::from_rgb(0x6b, 0x7b, 0x8c),
        PhaseStatus::InProgress => Color32::from_rgb(0x1f, 0x8a, 0x70),
        PhaseStatus::Done => Color32::from_rgb(0x2e, 0x7d, 0x4f),
    }
}

/// The colour of an error message.
pub fn error_color(ui: &egui::Ui) -> Color32 {
    ui.visuals().error_fg_color
}
