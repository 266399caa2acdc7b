//! The Releases list tab: the filter side panel, the bulk bar over the selection and the table.

use super::ReleaseDeskApp;
use crate::domain::{PredefinedView, ReleaseId, view::Needle};
use crate::i18n::tr;
use crate::model::{BulkAction, Command, Model};
use crate::ui::bulk_bar::{BarAction, BarContext, BulkBar};
use crate::ui::filter_panel::FilterPanel;
use crate::ui::list_state::{ListRows, ListState};
use crate::ui::outbox::Sender;
use crate::ui::release_table::{ReleaseTable, TableAction};

/// The list's view, filter and sort, the rows they give, the selection and the panels around it.
#[derive(Default)]
pub(super) struct ListTab {
    /// The view, filter and sort (remembered in eframe storage).
    pub(super) state: ListState,
    pub(super) rows: ListRows,
    pub(super) table: ReleaseTable,
    pub(super) bulk_bar: BulkBar,
    pub(super) filters: FilterPanel,
    /// How many selected releases the list does not show, cached against
    /// (model revision, selection generation, rows generation).
    hidden_selected: Option<((u64, u64, u64), usize)>,
    /// The model revision the selection was last checked against.
    selection_revision: u64,
    /// Ctrl+F asked for the search field to take the keyboard.
    pub(super) focus_search: bool,
}

impl ListTab {
    /// Recomputes the rows for `model`, and drops from the selection releases that are gone.
    pub(super) fn follow(&mut self, model: &Model) {
        self.rows.refresh(model, &self.state);
        if self.selection_revision != model.revision() {
            self.table.selection.retain(|id| model.release(id).is_some());
            self.selection_revision = model.revision();
        }
    }

    /// Every selected release, in id order.
    pub(super) fn selected_ids(&self) -> Vec<ReleaseId> {
        self.table.selection.ids().collect()
    }
}

impl ReleaseDeskApp {
    /// The Releases list tab: the filter side panel and the table.
    pub(super) fn list_ui(&mut self, ui: &mut egui::Ui) {
        egui::Panel::left("filters").resizable(true).default_size(250.0).min_size(200.0).show(ui, |ui| {
            if let Some(model) = &self.session.model {
                self.list.filters.panel_ui(
                    ui,
                    &mut self.list.state,
                    self.list.rows.counts(),
                    model.saved_views(),
                    model.directory(),
                    &mut self.outbox,
                );
            }
        });
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui));
    }

    /// Ctrl+A: every row of the current view.
    pub(super) fn select_all(&mut self) {
        if let Some(model) = &self.session.model {
            let ids: Vec<ReleaseId> = self.list.rows.rows().iter().map(|&i| model.releases()[i].id).collect();
            self.list.table.selection.select_all(&ids);
        }
    }

    /// The Delete key: to Trash, or, in Trash, the "delete forever" confirmation.
    pub(super) fn delete_selection(&mut self) {
        if self.list.table.selection.is_empty() {
            return;
        }
        if self.list.state.base_view() == PredefinedView::Trash {
            self.list.bulk_bar.ask_purge(self.list.selected_ids());
        } else {
            self.outbox.push(
                Sender::Bulk,
                Command::Bulk { ids: self.list.selected_ids(), action: BulkAction::Trash },
            );
        }
    }

    /// How many selected releases the list does not show (cached).
    fn hidden_selected(&mut self) -> usize {
        let Some(model) = &self.session.model else { return 0 };
        let list = &mut self.list;
        let key = (model.revision(), list.table.selection.generation(), list.rows.generation());
        if let Some((cached, count)) = list.hidden_selected
            && cached == key
        {
            return count;
        }
        let me = model.settings().current_agent;
        let needle = Needle::new(&list.state.filter.text);
        let count = list
            .table
            .selection
            .ids()
            .filter_map(|id| model.release(id))
            .filter(|r| !(list.state.base.matches(r, me) && list.state.filter.matches(r, &needle)))
            .count();
        list.hidden_selected = Some((key, count));
        count
    }

    fn central_ui(&mut self, ui: &mut egui::Ui) {
        let hidden = self.hidden_selected();
        let Some(model) = &self.session.model else { return };
        let trash_view = self.list.state.base_view() == PredefinedView::Trash;
        let trash_index = PredefinedView::ALL.iter().position(|v| *v == PredefinedView::Trash).unwrap_or(0);
        if !model.releases().is_empty() {
            let shown = BarContext {
                selected: self.list.table.selection.len(),
                hidden,
                trash_view,
                trash_count: self.list.rows.counts()[trash_index],
                me: model.settings().current_agent,
                directory: model.directory(),
            };
            let action = BulkBar::bar_ui(ui, &shown);
            ui.separator();
            match action {
                Some(BarAction::Apply(action)) => {
                    self.outbox.push(Sender::Bulk, Command::Bulk { ids: self.list.selected_ids(), action });
                }
                Some(BarAction::ConfirmPurge) => self.list.bulk_bar.ask_purge(self.list.selected_ids()),
                Some(BarAction::EmptyTrash) => {
                    let trash = model.releases().iter().filter(|r| r.is_deleted()).map(|r| r.id).collect();
                    self.list.bulk_bar.ask_purge(trash);
                }
                Some(BarAction::Clear) => self.list.table.selection.clear(),
                None => {}
            }
        }
        if model.releases().is_empty() {
            ui.vertical_centered(|ui| {
                ui.add_space(ui.available_height() / 4.0);
                ui.heading(tr("empty-title"));
                ui.label(tr("empty-body"));
                ui.add_space(12.0);
                if ui.button(tr("action-new-release")).clicked() {
                    self.open_new_release();
                }
                if ui.button(tr("action-load-sample")).clicked() {
                    self.load_sample();
                }
            });
            return;
        }
        if self.list.rows.rows().is_empty() {
            ui.vertical_centered(|ui| {
                ui.add_space(ui.available_height() / 4.0);
                ui.heading(tr("no-match-title"));
                ui.label(tr("no-match-body"));
                if ui.button(tr("filter-clear-all")).clicked() {
                    self.list.state.filter = Default::default();
                }
            });
            return;
        }
        let action = self.list.table.table_ui(
            ui,
            model.releases(),
            self.list.rows.rows(),
            self.list.rows.generation(),
            model.directory(),
            self.list.state.sort,
        );
        match action {
            Some(TableAction::Sort(key)) => self.list.state.sort = self.list.state.sort.clicked(key),
            Some(TableAction::Open(id)) => self.open_page(id),
            None => {}
        }
    }
}
