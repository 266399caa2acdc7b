//! The central release table: the columns the user chose (`list_columns.rs`; the subject takes the
//! spare width, dates are compact 24-hour), sortable and resizable, coloured chips, a checkbox column and
//! multi-row selection (click, Ctrl/Cmd-click, Shift-click), a right-click menu on each row
//! (`row_menu.rs`), virtualised with `TableBody::rows` so
//! 100,000 releases cost only the visible rows.

use std::collections::HashMap;

use egui::{Align, Layout, RichText, Sense};
use egui_extras::{Column, TableBuilder};

use super::list_columns::ListColumn;
use super::selection::Selection;
use super::widgets::{chip_ui, priority_color, risk_level_color, status_color, type_color};
use crate::domain::{AgentId, Release, ReleaseId, SortKey, SortSpec, Timestamp};
use crate::i18n::{self, tr};
use crate::model::{BulkAction, Model};
use crate::ui::row_menu::{RowMenuChoice, RowMenuContext, row_menu_ui};

/// What the user did in the table this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum TableAction {
    Sort(SortKey),
    Open(ReleaseId),
    /// From the row's right-click menu: a bulk action on the selection.
    Apply(BulkAction),
    /// From the row's right-click menu in Trash: ask before deleting the selection forever.
    ConfirmPurge,
}

/// What the table shows this frame: the rows (indices into the model's releases, with the
/// generation that names them), the columns and the sort.
pub struct TableView<'a> {
    pub rows: &'a [usize],
    pub rows_generation: u64,
    pub columns: &'a [ListColumn],
    pub sort: SortSpec,
    /// The list shows Trash (the row menu restores and deletes forever).
    pub trash: bool,
    /// Who moved each release in Trash there (the Deleted by column).
    pub deleted_by: &'a HashMap<ReleaseId, AgentId>,
}

/// The release table's own state: which rows are selected and where to scroll.
#[derive(Default)]
pub struct ReleaseTable {
    pub selection: Selection,
    scroll_to: Option<usize>,
    /// Whether every shown row is selected, cached against (selection, rows) generations.
    all_checked: Option<((u64, u64), bool)>,
}

/// The subject's narrowest; it takes whatever the other columns leave.
const SUBJECT_MIN: f32 = 180.0;

/// A column's width at first (the subject: its narrowest).
fn initial_width(column: ListColumn) -> f32 {
    match column {
        ListColumn::Id => 56.0,
        ListColumn::Subject => SUBJECT_MIN,
        ListColumn::Status | ListColumn::Type => 90.0,
        ListColumn::Priority => 76.0,
        ListColumn::Stage => 112.0,
        ListColumn::Readiness => 64.0,
        ListColumn::Risk => 72.0,
        ListColumn::PlannedStart
        | ListColumn::PlannedEnd
        | ListColumn::Created
        | ListColumn::Updated
        | ListColumn::Deleted => 148.0,
        ListColumn::Agent | ListColumn::DeletedBy => 110.0,
        ListColumn::Group => 120.0,
    }
}

/// A column's width: the subject takes what the others leave.
fn width(column: ListColumn) -> Column {
    match column {
        ListColumn::Subject => Column::remainder().at_least(SUBJECT_MIN).clip(true),
        other => Column::initial(initial_width(other)).at_least(40.0).clip(true),
    }
}

impl ReleaseTable {
    /// Scrolls so that row `index` is visible on the next frame.
    pub fn scroll_to_row(&mut self, index: usize) {
        self.scroll_to = Some(index);
    }

    /// Whether every row in `rows` is selected (cached; `rows_generation` names the rows).
    fn all_checked(&mut self, releases: &[Release], rows: &[usize], rows_generation: u64) -> bool {
        let key = (self.selection.generation(), rows_generation);
        if let Some((cached, value)) = self.all_checked
            && cached == key
        {
            return value;
        }
        let value = !rows.is_empty()
            && self.selection.len() >= rows.len()
            && rows.iter().all(|&i| self.selection.contains(releases[i].id));
        self.all_checked = Some((key, value));
        value
    }

    /// Shows the view's rows and returns what the user asked for.
    pub fn table_ui(
        &mut self,
        ui: &mut egui::Ui,
        model: &Model,
        view: &TableView<'_>,
    ) -> Option<TableAction> {
        // When the columns do not fit beside the side panel, scroll sideways rather than squeeze;
        // when they do, the subject takes the spare width.
        let spacing = ui.spacing().item_spacing.x * 2.0;
        let needed: f32 = 22.0 + view.columns.iter().map(|c| initial_width(*c) + spacing).sum::<f32>();
        if needed <= ui.available_width() {
            return self.columns_ui(ui, model, view);
        }
        egui::ScrollArea::horizontal()
            .auto_shrink([false, false])
            .show(ui, |ui| self.columns_ui(ui, model, view))
            .inner
    }

    fn columns_ui(&mut self, ui: &mut egui::Ui, model: &Model, view: &TableView<'_>) -> Option<TableAction> {
        let releases = model.releases();
        let (rows, columns, sort) = (view.rows, view.columns, view.sort);
        let mut action = None;
        let row_height = 24.0;
        let mut builder = TableBuilder::new(ui)
            .id_salt(("release_table", columns))
            .striped(true)
            .resizable(true)
            .sense(Sense::click())
            .cell_layout(Layout::left_to_right(Align::Center))
            .column(Column::exact(22.0).resizable(false));
        for column in columns {
            builder = builder.column(width(*column));
        }
        builder = builder.min_scrolled_height(0.0);
        if let Some(index) = self.scroll_to.take() {
            builder = builder.scroll_to_row(index, None);
        }
        let all_checked = self.all_checked(releases, rows, view.rows_generation);
        let row_ids = || -> Vec<ReleaseId> { rows.iter().map(|&i| releases[i].id).collect() };
        let selection = &mut self.selection;
        let now = model.now();
        let me = model.settings().current_agent.is_some();
        builder
            .header(26.0, |mut header| {
                header.col(|ui| {
                    let mut checked = all_checked;
                    if ui.checkbox(&mut checked, "").on_hover_text(tr("table-select-all")).changed() {
                        if checked {
                            selection.select_all(&row_ids());
                        } else {
                            selection.deselect(&row_ids());
                        }
                    }
                });
                for column in columns {
                    header.col(|ui| match column.sort_key() {
                        Some(key) => {
                            if sort_header_ui(ui, &tr(column.title_key()), key, sort).clicked() {
                                action = Some(TableAction::Sort(key));
                            }
                        }
                        None => {
                            ui.add(egui::Label::new(tr(column.title_key())).selectable(false));
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, rows.len(), |mut row| {
                    let release = &releases[rows[row.index()]];
                    let selected = selection.contains(release.id);
                    row.set_selected(selected);
                    let mut checkbox_clicked = false;
                    row.col(|ui| {
                        let mut checked = selected;
                        if ui.checkbox(&mut checked, "").on_hover_text(tr("table-select-row")).changed() {
                            selection.toggle(release.id);
                            checkbox_clicked = true;
                        }
                    });
                    for column in columns {
                        row.col(|ui| cell_ui(ui, *column, release, model, (now, view.deleted_by)));
                    }
                    let response = row.response();
                    if response.secondary_clicked() && !selection.contains(release.id) {
                        // The menu acts on what is highlighted: a row outside the selection first
                        // becomes the selection.
                        selection.select_only(release.id);
                    }
                    let menu = RowMenuContext { trash: view.trash, me, selected: selection.len().max(1) };
                    response.context_menu(|ui| {
                        if let Some(chosen) = row_menu_ui(ui, release, menu) {
                            action = Some(match chosen {
                                RowMenuChoice::Open => TableAction::Open(release.id),
                                RowMenuChoice::Apply(bulk) => TableAction::Apply(bulk),
                                RowMenuChoice::ConfirmPurge => TableAction::ConfirmPurge,
                            });
                        }
                    });
                    if checkbox_clicked {
                        // The checkbox has done its work.
                    } else if response.double_clicked() {
                        selection.select_only(release.id);
                        action = Some(TableAction::Open(release.id));
                    } else if response.clicked() {
                        let modifiers = click_modifiers(&response.ctx);
                        if modifiers.shift {
                            selection.extend_to(release.id, &row_ids(), modifiers.command);
                        } else if modifiers.command {
                            selection.toggle(release.id);
                        } else {
                            selection.select_only(release.id);
                        }
                    }
                });
            });
        action
    }
}

/// The modifiers held when the click was released (the pointer event carries them even when the
/// keys were let go within the same frame), else the ones held now.
fn click_modifiers(ctx: &egui::Context) -> egui::Modifiers {
    ctx.input(|input| {
        input
            .events
            .iter()
            .rev()
            .find_map(|event| match event {
                egui::Event::PointerButton { pressed: false, modifiers, .. } => Some(*modifiers),
                _ => None,
            })
            .unwrap_or(input.modifiers)
    })
}

/// A header button; the sorted column gets a painted arrow (so its label stays the plain name).
fn sort_header_ui(ui: &mut egui::Ui, label: &str, key: SortKey, sort: SortSpec) -> egui::Response {
    let sorted = sort.key == key;
    let text = if sorted { RichText::new(label).strong() } else { RichText::new(label) };
    let response = ui.add(egui::Button::new(text).frame(false)).on_hover_text(tr("table-sort-hint"));
    if sorted {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), Sense::hover());
        let color = ui.visuals().strong_text_color();
        let c = rect.center();
        let points = if sort.descending {
            vec![c + egui::vec2(-4.0, -2.5), c + egui::vec2(4.0, -2.5), c + egui::vec2(0.0, 3.5)]
        } else {
            vec![c + egui::vec2(-4.0, 2.5), c + egui::vec2(4.0, 2.5), c + egui::vec2(0.0, -3.5)]
        };
        ui.painter().add(egui::Shape::convex_polygon(points, color, egui::Stroke::NONE));
    }
    response
}

/// A plain, unselectable cell text.
fn text_cell(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>) {
    ui.add(egui::Label::new(text).truncate().selectable(false));
}

/// One cell of a row (`deleted_by`: who moved each release in Trash there).
fn cell_ui(
    ui: &mut egui::Ui,
    column: ListColumn,
    release: &Release,
    model: &Model,
    (now, deleted_by): (Timestamp, &HashMap<ReleaseId, AgentId>),
) {
    let directory = model.directory();
    let time = |ui: &mut egui::Ui, t: Timestamp| text_cell(ui, i18n::datetime_compact(t, now));
    match column {
        ListColumn::Id => text_cell(ui, i18n::release_number(release.id)),
        ListColumn::Subject => text_cell(ui, &release.subject),
        ListColumn::Status => {
            chip_ui(ui, &i18n::status(release.status), status_color(release.status));
        }
        ListColumn::Priority => {
            chip_ui(ui, &i18n::priority(release.priority), priority_color(release.priority));
        }
        ListColumn::Type => {
            chip_ui(ui, &i18n::release_type(release.release_type), type_color(release.release_type));
        }
        ListColumn::Stage => text_cell(ui, i18n::stage(release.stage)),
        ListColumn::Readiness => {
            let (done, all) = model.readiness(release.id).plan_progress();
            text_cell(ui, format!("{done}/{all}"));
        }
        ListColumn::Risk => {
            let level = model.risk_level(release);
            chip_ui(ui, &i18n::risk_level(level), risk_level_color(level));
        }
        ListColumn::PlannedStart => time(ui, release.planned.start),
        ListColumn::PlannedEnd => time(ui, release.planned.end),
        ListColumn::Agent => match directory.agent_name(release.agent_id) {
            "" => text_cell(ui, RichText::new(tr("agent-unassigned")).weak().italics()),
            agent => text_cell(ui, agent),
        },
        ListColumn::Group => text_cell(ui, directory.group_name(release.group_id)),
        ListColumn::Created => time(ui, release.created_at),
        ListColumn::Updated => time(ui, release.updated_at),
        ListColumn::Deleted => match release.deleted_at {
            Some(t) => time(ui, t),
            None => text_cell(ui, ""),
        },
        ListColumn::DeletedBy => match deleted_by.get(&release.id) {
            Some(&agent) => text_cell(ui, directory.agent_name(Some(agent))),
            None => text_cell(ui, ""),
        },
    }
}
