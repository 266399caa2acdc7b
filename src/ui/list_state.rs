//! What the release list shows: the view, the custom filter, the sort and the columns, and the cached rows
//! they produce (recomputed only when the model or one of them changes).

use serde::{Deserialize, Serialize};

use crate::domain::{PredefinedView, ReleaseFilter, ReleaseSearch, SavedView, SortSpec, ViewRef, view};
use crate::model::Model;
use crate::ui::list_columns::ColumnLayout;

/// The list's view, filter and sort; remembered between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListState {
    pub view: ViewRef,
    /// The predefined view the list starts from (a saved view's base).
    pub base: PredefinedView,
    pub filter: ReleaseFilter,
    pub sort: SortSpec,
    /// The columns shown, in order.
    pub columns: ColumnLayout,
}

impl Default for ListState {
    fn default() -> Self {
        Self {
            view: ViewRef::Predefined(PredefinedView::All),
            base: PredefinedView::All,
            filter: ReleaseFilter::default(),
            sort: SortSpec::default(),
            columns: ColumnLayout::default(),
        }
    }
}

impl ListState {
    pub fn select_predefined(&mut self, view: PredefinedView) {
        self.view = ViewRef::Predefined(view);
        self.base = view;
    }

    pub fn select_saved(&mut self, view: &SavedView) {
        self.view = ViewRef::Saved(view.id);
        self.base = view.base;
        self.filter = view.filter.clone();
        self.sort = view.sort;
    }

    pub fn base_view(&self) -> PredefinedView {
        self.base
    }
}

/// The rows of the list, cached against everything they depend on.
#[derive(Default)]
pub struct ListRows {
    key: Option<(u64, ListState)>,
    rows: Vec<usize>,
    counts: [usize; 9],
    generation: u64,
    /// The search over the model's releases at `key`'s revision (its arena, the last result).
    search: ReleaseSearch,
}

impl ListRows {
    /// The rows (indices into `model.releases()`) for `list`, recomputed only when needed.
    pub fn refresh(&mut self, model: &Model, list: &ListState) {
        let key = (model.revision(), list.clone());
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let me = model.settings().current_agent;
        if self.key.as_ref().is_none_or(|(rev, _)| *rev != model.revision()) {
            self.counts = view::view_counts(model.releases(), me);
            self.search = ReleaseSearch::new(model.releases());
        }
        self.rows =
            self.search.query(model.releases(), list.base, me, &list.filter, list.sort, model.directory());
        self.key = Some(key);
        self.generation += 1;
    }

    /// Grows whenever the rows are recomputed.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    pub fn counts(&self) -> &[usize; 9] {
        &self.counts
    }
}
