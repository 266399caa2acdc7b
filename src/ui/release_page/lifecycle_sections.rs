//! The lifecycle sections of the release page (lifecycle, Changes and CIs, readiness, risks,
//! deployment strategy) in the order the page shows them, each with the catalogue key of its title,
//! so the page shell can lay them out in one loop.

use super::{lifecycle_ui, links_ui, readiness_ui, risks_ui, strategy_ui};
use crate::domain::Release;
use crate::model::{Command, Model};

/// One section: `*_ui(ui, release, model, commands)`.
pub type SectionUi = fn(&mut egui::Ui, &Release, &Model, &mut Vec<Command>);

/// (title key, section), in page order.
pub const LIFECYCLE_SECTIONS: [(&str, SectionUi); 5] = [
    ("section-lifecycle", lifecycle_ui),
    ("section-links", links_ui),
    ("section-readiness", readiness_ui),
    ("section-risks", risks_ui),
    ("section-strategy", strategy_ui),
];

/// One lifecycle section on the page, under a collapsing header titled by `title_key`; its commands
/// go to the page's outbox tagged with the section, so a refusal is shown on the page.
pub fn lifecycle_section_ui(
    ui: &mut egui::Ui,
    cx: &mut super::SectionContext<'_>,
    title_key: &'static str,
    section: SectionUi,
) {
    // A section the page asked to show (it opened one of the section's dialogs) is expanded.
    let reveal = (cx.reveal == Some(title_key)).then_some(true);
    egui::CollapsingHeader::new(egui::RichText::new(crate::i18n::tr(title_key)).strong())
        .id_salt(title_key)
        .default_open(true)
        .open(reveal)
        .show(ui, |ui| {
            let mut commands = Vec::new();
            section(ui, cx.release, cx.model, &mut commands);
            for command in commands {
                cx.push(super::Origin::Section(title_key), command);
            }
        });
}
