//! The back-out plan on the release page: its warnings beside the Deploy gate.

use egui::RichText;

use crate::domain::BackoutWarning;
use crate::i18n::{self, tr, tr_args};

/// The back-out warnings of the Deploy gate: they do not block the move.
pub fn gate_warnings_ui(ui: &mut egui::Ui, warnings: &[BackoutWarning]) {
    for warning in warnings {
        let text = match warning {
            BackoutWarning::NoPlan => tr("gate-backout-missing"),
            BackoutWarning::LastRehearsalMissed { restore_minutes, target_minutes, result } => tr_args(
                "gate-backout-rehearsal-missed",
                &[
                    ("duration", i18n::duration(i64::from(*restore_minutes)).into()),
                    ("target", i18n::duration(i64::from(*target_minutes)).into()),
                    ("result", i18n::rehearsal_result(*result).into()),
                ],
            ),
        };
        ui.label(RichText::new(format!("  • {text}")).color(ui.visuals().warn_fg_color));
    }
}
