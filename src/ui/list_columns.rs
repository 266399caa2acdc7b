//! The release list's columns: every column there is ([`ListColumn`]), which are shown and in
//! which order ([`ColumnLayout`], remembered with the list per database), and the column chooser
//! (show, hide, move, reset). A new column is a variant, its line in `ALL`, its header key and
//! its cell in `release_table.rs`.

use egui::RichText;
use serde::{Deserialize, Serialize};

use crate::domain::SortKey;
use crate::i18n::tr;

/// One column of the release list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ListColumn {
    Id,
    Subject,
    Status,
    Priority,
    Type,
    Stage,
    /// The release plan checklist's progress (ticked of all).
    Readiness,
    /// The release risk level: the risk register rolled up with the criticality of its CIs.
    Risk,
    PlannedStart,
    PlannedEnd,
    Agent,
    Group,
    Created,
    Updated,
    /// When it was moved to Trash.
    Deleted,
    /// Who moved it to Trash (from the activity log).
    DeletedBy,
}

impl ListColumn {
    /// Every column, in the chooser's order.
    pub const ALL: [Self; 16] = [
        Self::Id,
        Self::Subject,
        Self::Status,
        Self::Priority,
        Self::Type,
        Self::Stage,
        Self::Readiness,
        Self::Risk,
        Self::PlannedStart,
        Self::PlannedEnd,
        Self::Agent,
        Self::Group,
        Self::Created,
        Self::Updated,
        Self::Deleted,
        Self::DeletedBy,
    ];

    /// The i18n key of its header.
    pub fn title_key(self) -> &'static str {
        match self {
            Self::Id => "col-id",
            Self::Subject => "col-subject",
            Self::Status => "col-status",
            Self::Priority => "col-priority",
            Self::Type => "col-type",
            Self::Stage => "col-stage",
            Self::Readiness => "col-readiness",
            Self::Risk => "col-risk",
            Self::PlannedStart => "col-planned-start",
            Self::PlannedEnd => "col-planned-end",
            Self::Agent => "col-agent",
            Self::Group => "col-group",
            Self::Created => "col-created",
            Self::Updated => "col-updated",
            Self::Deleted => "col-deleted",
            Self::DeletedBy => "col-deleted-by",
        }
    }

    /// What a click on its header sorts by (`None`: it does not sort).
    pub fn sort_key(self) -> Option<SortKey> {
        Some(match self {
            Self::Id => SortKey::Id,
            Self::Subject => SortKey::Subject,
            Self::Status => SortKey::Status,
            Self::Priority => SortKey::Priority,
            Self::Type => SortKey::Type,
            Self::Stage => SortKey::Stage,
            Self::PlannedStart => SortKey::PlannedStart,
            Self::PlannedEnd => SortKey::PlannedEnd,
            Self::Agent => SortKey::Agent,
            Self::Group => SortKey::Group,
            Self::Created => SortKey::Created,
            Self::Updated => SortKey::Updated,
            Self::Readiness | Self::Risk | Self::Deleted | Self::DeletedBy => return None,
        })
    }
}

/// The columns shown, in order, before the user changes them.
pub const DEFAULT_COLUMNS: [ListColumn; 10] = [
    ListColumn::Id,
    ListColumn::Subject,
    ListColumn::Status,
    ListColumn::Priority,
    ListColumn::Type,
    ListColumn::Stage,
    ListColumn::PlannedStart,
    ListColumn::Agent,
    ListColumn::Group,
    ListColumn::Updated,
];

/// Which columns the list shows, in order. The subject is always shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ColumnLayout {
    pub shown: Vec<ListColumn>,
}

impl Default for ColumnLayout {
    fn default() -> Self {
        Self { shown: DEFAULT_COLUMNS.to_vec() }
    }
}

impl ColumnLayout {
    /// The columns to draw; Trash adds when and by whom each release was deleted, after the subject.
    pub fn columns(&self, trash: bool) -> Vec<ListColumn> {
        let mut columns: Vec<ListColumn> = Vec::with_capacity(self.shown.len() + 2);
        for column in &self.shown {
            if !columns.contains(column) {
                columns.push(*column);
            }
        }
        if !columns.contains(&ListColumn::Subject) {
            columns.insert(0, ListColumn::Subject);
        }
        let mut at = columns.iter().position(|c| *c == ListColumn::Subject).map_or(0, |p| p + 1);
        for column in [ListColumn::Deleted, ListColumn::DeletedBy] {
            if trash && !columns.contains(&column) {
                columns.insert(at, column);
                at += 1;
            }
        }
        columns
    }

    pub fn is_shown(&self, column: ListColumn) -> bool {
        column == ListColumn::Subject || self.shown.contains(&column)
    }

    /// Shows a hidden column (at the end) or hides a shown one; the subject stays.
    pub fn toggle(&mut self, column: ListColumn) {
        if column == ListColumn::Subject {
            return;
        }
        if let Some(at) = self.shown.iter().position(|c| *c == column) {
            self.shown.remove(at);
        } else {
            self.shown.push(column);
        }
    }

    /// Moves a shown column one place earlier (`-1`) or later (`1`).
    pub fn shift(&mut self, column: ListColumn, by: isize) {
        let Some(at) = self.shown.iter().position(|c| *c == column) else { return };
        let Some(to) = at.checked_add_signed(by).filter(|to| *to < self.shown.len()) else { return };
        self.shown.swap(at, to);
    }

    pub fn reset(&mut self) {
        *self = Self::default();
    }

    /// The chooser's content (in a popup): each column shown or not, in order, with Earlier and
    /// Later for the shown ones, and Reset.
    pub fn chooser_ui(&mut self, ui: &mut egui::Ui) {
        ui.set_min_width(300.0);
        ui.label(RichText::new(tr("columns-hint")).weak());
        let shown: Vec<ListColumn> = self.columns(false);
        let hidden = ListColumn::ALL.iter().copied().filter(|c| !shown.contains(c));
        for (index, column) in shown.iter().copied().chain(hidden).enumerate() {
            ui.horizontal(|ui| {
                let name = tr(column.title_key());
                let mut on = self.is_shown(column);
                let check =
                    ui.add_enabled(column != ListColumn::Subject, egui::Checkbox::new(&mut on, &name));
                if check.changed() {
                    self.toggle(column);
                }
                if on && index < shown.len() {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        let later = ui
                            .small_button(tr("columns-later"))
                            .on_hover_text(format!("{}: {name}", tr("columns-later")));
                        if later.clicked() {
                            self.shift(column, 1);
                        }
                        let earlier = ui
                            .small_button(tr("columns-earlier"))
                            .on_hover_text(format!("{}: {name}", tr("columns-earlier")));
                        if earlier.clicked() {
                            self.shift(column, -1);
                        }
                    });
                }
            });
        }
        ui.separator();
        if ui.button(tr("columns-reset")).clicked() {
            self.reset();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_subject_cannot_be_hidden_and_trash_shows_when_deleted() {
        let mut layout = ColumnLayout { shown: vec![ListColumn::Id] };
        assert_eq!(layout.columns(false), [ListColumn::Subject, ListColumn::Id]);
        layout.toggle(ListColumn::Subject);
        assert!(layout.is_shown(ListColumn::Subject));
        layout = ColumnLayout::default();
        let trash = layout.columns(true);
        assert_eq!(
            &trash[..4],
            [ListColumn::Id, ListColumn::Subject, ListColumn::Deleted, ListColumn::DeletedBy]
        );
    }

    #[test]
    fn columns_toggle_move_and_reset() {
        let mut layout = ColumnLayout::default();
        layout.toggle(ListColumn::Type);
        assert!(!layout.is_shown(ListColumn::Type));
        layout.toggle(ListColumn::Readiness);
        assert_eq!(layout.shown.last(), Some(&ListColumn::Readiness));
        layout.shift(ListColumn::Readiness, -1);
        assert_eq!(layout.shown[layout.shown.len() - 2], ListColumn::Readiness);
        layout.shift(ListColumn::Id, -1);
        assert_eq!(layout.shown[0], ListColumn::Id, "the first stays first");
        layout.reset();
        assert_eq!(layout, ColumnLayout::default());
    }

    #[test]
    fn every_column_but_readiness_risk_and_deleted_sorts() {
        let unsorted: Vec<ListColumn> =
            ListColumn::ALL.into_iter().filter(|c| c.sort_key().is_none()).collect();
        assert_eq!(
            unsorted,
            [ListColumn::Readiness, ListColumn::Risk, ListColumn::Deleted, ListColumn::DeletedBy]
        );
    }
}
