//! The release list, the screen shown first: the filter side panel (views, saved views, the custom
//! filter), the bulk bar over the selection and the release table, with the list's keys (arrows,
//! Shift to extend, Enter to open; Ctrl+A, Esc and Delete are window commands that act on it).
//!
//! Its view, filter, sort and selection are the window's: the top bar's search, the Edit menu, the
//! status bar and the "delete forever" confirmation use them too.

use std::collections::HashMap;

use egui::Key;

use super::{Screen, ScreenAction, ScreenContext};
use crate::domain::{AgentId, PredefinedView, ReleaseId, view::Needle};
use crate::i18n::tr;
use crate::model::{BulkAction, Command, Model};
use crate::ui::bulk_bar::{BarAction, BarContext, BulkBar};
use crate::ui::command::key_press;
use crate::ui::filter_panel::FilterPanel;
use crate::ui::first_run::FirstRun;
use crate::ui::list_state::{ListRows, ListState};
use crate::ui::outbox::{Outbox, Sender};
use crate::ui::release_table::{ReleaseTable, TableAction, TableView};

/// The list's view, filter and sort, the rows they give, the selection and the panels around it.
#[derive(Default)]
pub struct ReleaseList {
    /// The view, filter and sort (remembered in eframe storage).
    pub state: ListState,
    pub rows: ListRows,
    pub table: ReleaseTable,
    pub bulk_bar: BulkBar,
    filters: FilterPanel,
    /// How many selected releases the list does not show, cached against
    /// (model revision, selection generation, rows generation).
    hidden_selected: Option<((u64, u64, u64), usize)>,
    /// The model revision the selection was last checked against.
    selection_revision: u64,
    /// Ctrl+F asked for the search field to take the keyboard.
    pub focus_search: bool,
    /// "Who are you?", on an empty database nobody works as yet.
    first_run: FirstRun,
    /// Who moved each release in Trash there (from the activity log), at a model revision: read
    /// only while Trash is shown.
    trashed_by: Option<(u64, HashMap<ReleaseId, AgentId>)>,
}

impl Screen for ReleaseList {
    fn id(&self) -> &'static str {
        super::RELEASE_LIST
    }

    fn title_key(&self) -> &'static str {
        "view-switch-releases"
    }

    fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ScreenContext<'_>) -> Option<ScreenAction> {
        let panel = egui::Panel::left("filters").resizable(true).default_size(250.0).min_size(200.0);
        let panel = panel.show(ui, |ui| {
            self.filters.panel_ui(
                ui,
                &mut self.state,
                self.rows.counts(),
                cx.model.saved_views(),
                cx.model.directory(),
                cx.outbox,
            );
        });
        // egui names the panel's resize handle in English for screen readers: name it in ours.
        let handle = panel.response.id.with("__resize");
        ui.ctx().accesskit_node_builder(handle, |node| node.set_label(tr("panel-resize")));
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui, cx)).inner
    }

    fn keys(&mut self, ctx: &egui::Context, cx: &mut ScreenContext<'_>) -> Option<ScreenAction> {
        let model = cx.model;
        let rows = self.rows.rows();
        let position = self
            .table
            .selection
            .cursor()
            .and_then(|id| rows.iter().position(|&i| model.releases()[i].id == id));
        // Each key with the modifiers of its own event.
        let (down, up, enter) = ctx
            .input(|i| (key_press(i, Key::ArrowDown), key_press(i, Key::ArrowUp), i.key_pressed(Key::Enter)));
        let (target, shift) = if let Some(modifiers) = down {
            (Some(position.map_or(0, |p| (p + 1).min(rows.len().saturating_sub(1)))), modifiers.shift)
        } else if let Some(modifiers) = up {
            (Some(position.map_or(0, |p| p.saturating_sub(1))), modifiers.shift)
        } else {
            (None, false)
        };
        if let Some(target) = target.filter(|&t| t < rows.len()) {
            let id = model.releases()[rows[target]].id;
            if shift {
                let ids: Vec<ReleaseId> = rows.iter().map(|&i| model.releases()[i].id).collect();
                self.table.selection.extend_to(id, &ids, false);
            } else {
                self.table.selection.select_only(id);
            }
            self.table.scroll_to_row(target);
        }
        if enter { self.table.selection.cursor().map(ScreenAction::OpenRelease) } else { None }
    }

    fn has_modal(&self) -> bool {
        self.bulk_bar.is_confirming()
    }

    /// The first-run step's result (the only command the list itself gives).
    fn on_result(&mut self, result: Result<(), String>) {
        self.first_run.error = result.err();
    }
}

impl ReleaseList {
    /// Recomputes the rows for `model`, and drops from the selection releases that are gone.
    pub fn follow(&mut self, model: &Model) {
        self.rows.refresh(model, &self.state);
        if self.selection_revision != model.revision() {
            self.table.selection.retain(|id| model.release(id).is_some());
            self.selection_revision = model.revision();
        }
    }

    /// Every selected release, in id order.
    pub fn selected_ids(&self) -> Vec<ReleaseId> {
        self.table.selection.ids().collect()
    }

    /// The ids of the rows shown, in order.
    pub fn row_ids(&self, model: &Model) -> Vec<ReleaseId> {
        self.rows.rows().iter().map(|&i| model.releases()[i].id).collect()
    }

    /// Ctrl+A: every row of the current view.
    pub fn select_all(&mut self, model: &Model) {
        let ids = self.row_ids(model);
        self.table.selection.select_all(&ids);
    }

    /// The Delete key: to Trash, or, in Trash, the "delete forever" confirmation.
    pub fn delete_selection(&mut self, outbox: &mut Outbox) {
        if self.table.selection.is_empty() {
            return;
        }
        if self.state.base_view() == PredefinedView::Trash {
            self.bulk_bar.ask_purge(self.selected_ids());
        } else {
            outbox.push(Sender::Bulk, Command::Bulk { ids: self.selected_ids(), action: BulkAction::Trash });
        }
    }

    /// How many selected releases the list does not show (cached).
    fn hidden_selected(&mut self, model: &Model) -> usize {
        let key = (model.revision(), self.table.selection.generation(), self.rows.generation());
        if let Some((cached, count)) = self.hidden_selected
            && cached == key
        {
            return count;
        }
        let me = model.settings().current_agent;
        let needle = Needle::new(&self.state.filter.text);
        let count = self
            .table
            .selection
            .ids()
            .filter_map(|id| model.release(id))
            .filter(|r| !(self.state.base.matches(r, me) && self.state.filter.matches(r, &needle)))
            .count();
        self.hidden_selected = Some((key, count));
        count
    }

    fn central_ui(&mut self, ui: &mut egui::Ui, cx: &mut ScreenContext<'_>) -> Option<ScreenAction> {
        let model = cx.model;
        if model.releases().is_empty() {
            let first_run = model.settings().current_agent.is_none().then_some(&mut self.first_run);
            return empty_ui(ui, first_run, cx.outbox);
        }
        self.bulk_bar_ui(ui, cx);
        if self.rows.rows().is_empty() {
            ui.vertical_centered(|ui| {
                ui.add_space(ui.available_height() / 4.0);
                ui.heading(tr("no-match-title"));
                ui.label(tr("no-match-body"));
                if ui.button(tr("filter-clear-all")).clicked() {
                    self.state.filter = Default::default();
                }
            });
            return None;
        }
        let trash = self.state.base_view() == PredefinedView::Trash;
        let columns = self.state.columns.columns(trash);
        if trash {
            self.refresh_trashed_by(model);
        }
        let no_one = HashMap::new();
        let deleted_by = self.trashed_by.as_ref().filter(|_| trash).map_or(&no_one, |(_, by)| by);
        let view = TableView {
            rows: self.rows.rows(),
            rows_generation: self.rows.generation(),
            columns: &columns,
            sort: self.state.sort,
            trash,
            deleted_by,
        };
        let action = self.table.table_ui(ui, model, &view);
        match action {
            Some(TableAction::Sort(key)) => {
                self.state.sort = self.state.sort.clicked(key);
                None
            }
            Some(TableAction::Open(id)) => Some(ScreenAction::OpenRelease(id)),
            Some(TableAction::Apply(action)) => {
                cx.outbox.push(Sender::Bulk, Command::Bulk { ids: self.selected_ids(), action });
                None
            }
            Some(TableAction::ConfirmPurge) => {
                self.bulk_bar.ask_purge(self.selected_ids());
                None
            }
            None => None,
        }
    }

    /// Who moved each release in Trash there, read from the activity log once per model revision
    /// (nobody, if the log cannot be read: the column stays empty).
    fn refresh_trashed_by(&mut self, model: &Model) {
        if self.trashed_by.as_ref().is_none_or(|(revision, _)| *revision != model.revision()) {
            let by = model.trashed_by().unwrap_or_else(|err| {
                log::warn!("who moved releases to Trash could not be read: {err}");
                HashMap::new()
            });
            self.trashed_by = Some((model.revision(), by));
        }
    }

    /// The bar over the table: the selection's count and its bulk actions.
    fn bulk_bar_ui(&mut self, ui: &mut egui::Ui, cx: &mut ScreenContext<'_>) {
        let model = cx.model;
        let hidden = self.hidden_selected(model);
        let trash_index = PredefinedView::ALL.iter().position(|v| *v == PredefinedView::Trash).unwrap_or(0);
        let shown = BarContext {
            selected: self.table.selection.len(),
            hidden,
            trash_view: self.state.base_view() == PredefinedView::Trash,
            trash_count: self.rows.counts()[trash_index],
            me: model.settings().current_agent,
            directory: model.directory(),
        };
        let action = ui
            .with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                // Stays open while columns are ticked and moved; a click outside closes it.
                let config = egui::containers::menu::MenuConfig::new()
                    .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
                let (button, _) = egui::containers::menu::MenuButton::new(tr("columns-button"))
                    .config(config)
                    .ui(ui, |ui| self.state.columns.chooser_ui(ui));
                button.on_hover_text(tr("columns-hint"));
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Min), |ui| {
                    BulkBar::bar_ui(ui, &shown)
                })
                .inner
            })
            .inner;
        ui.separator();
        match action {
            Some(BarAction::Apply(action)) => {
                cx.outbox.push(Sender::Bulk, Command::Bulk { ids: self.selected_ids(), action });
            }
            Some(BarAction::ConfirmPurge) => self.bulk_bar.ask_purge(self.selected_ids()),
            Some(BarAction::EmptyTrash) => {
                let trash = model.releases().iter().filter(|r| r.is_deleted()).map(|r| r.id).collect();
                self.bulk_bar.ask_purge(trash);
            }
            Some(BarAction::Clear) => self.table.selection.clear(),
            None => {}
        }
    }
}

/// A database with no release yet: who you are (while nobody is), then create a release or load
/// the sample scenarios.
fn empty_ui(
    ui: &mut egui::Ui,
    first_run: Option<&mut FirstRun>,
    outbox: &mut Outbox,
) -> Option<ScreenAction> {
    let mut action = None;
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() / 8.0);
        if let Some(first_run) = first_run {
            first_run.form_ui(ui, outbox, Sender::Screen(super::RELEASE_LIST));
            ui.add_space(16.0);
        }
        ui.heading(tr("empty-title"));
        ui.label(tr("empty-body"));
        ui.add_space(12.0);
        if ui.button(tr("action-new-release")).clicked() {
            action = Some(ScreenAction::NewRelease);
        }
        if ui.button(tr("action-load-sample")).clicked() {
            action = Some(ScreenAction::LoadSample);
        }
    });
    action
}
