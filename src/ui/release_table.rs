//! The central release table: sortable, resizable columns, coloured chips, a checkbox column and
//! multi-row selection (click, Ctrl/Cmd-click, Shift-click), virtualised with `TableBody::rows` so
//! 100,000 releases cost only the visible rows.

use egui::{Align, Layout, RichText, Sense};
use egui_extras::{Column, TableBuilder};

use super::selection::Selection;
use super::widgets::{chip_ui, local_time, priority_color, status_color, type_color};
use crate::domain::{Directory, Release, ReleaseId, SortKey, SortSpec};
use crate::i18n::{self, tr};

/// What the user did in the table this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableAction {
    Sort(SortKey),
    Open(ReleaseId),
}

/// The table's columns, in order; each sorts by its own key.
pub const COLUMNS: [SortKey; 11] = SortKey::ALL;

/// The release table's own state: which rows are selected and where to scroll.
#[derive(Default)]
pub struct ReleaseTable {
    pub selection: Selection,
    scroll_to: Option<usize>,
    /// Whether every shown row is selected, cached against (selection, rows) generations.
    all_checked: Option<((u64, u64), bool)>,
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

    /// Shows `rows` (indices into `releases`) and returns what the user asked for.
    /// `rows_generation` changes whenever `rows` does.
    pub fn table_ui(
        &mut self,
        ui: &mut egui::Ui,
        releases: &[Release],
        rows: &[usize],
        rows_generation: u64,
        directory: &Directory,
        sort: SortSpec,
    ) -> Option<TableAction> {
        let mut action = None;
        // Eleven columns rarely fit beside the side panel: scroll sideways rather than squeeze.
        egui::ScrollArea::horizontal().auto_shrink([false, false]).show(ui, |ui| {
            action = self.columns_ui(ui, releases, rows, rows_generation, directory, sort);
        });
        action
    }

    fn columns_ui(
        &mut self,
        ui: &mut egui::Ui,
        releases: &[Release],
        rows: &[usize],
        rows_generation: u64,
        directory: &Directory,
        sort: SortSpec,
    ) -> Option<TableAction> {
        let mut action = None;
        let row_height = 24.0;
        let mut builder = TableBuilder::new(ui)
            .id_salt("release_table")
            .striped(true)
            .resizable(true)
            .sense(Sense::click())
            .cell_layout(Layout::left_to_right(Align::Center))
            .column(Column::exact(22.0).resizable(false))
            .column(Column::initial(60.0).at_least(40.0))
            .column(Column::initial(340.0).at_least(120.0).clip(true))
            .column(Column::initial(96.0).at_least(60.0))
            .column(Column::initial(80.0).at_least(60.0))
            .column(Column::initial(86.0).at_least(60.0))
            .columns(Column::initial(196.0).at_least(80.0).clip(true), 2)
            .column(Column::initial(100.0).at_least(60.0).clip(true))
            .column(Column::initial(120.0).at_least(60.0).clip(true))
            .columns(Column::initial(196.0).at_least(80.0).clip(true), 2)
            .min_scrolled_height(0.0);
        if let Some(index) = self.scroll_to.take() {
            builder = builder.scroll_to_row(index, None);
        }
        let all_checked = self.all_checked(releases, rows, rows_generation);
        let row_ids = || -> Vec<ReleaseId> { rows.iter().map(|&i| releases[i].id).collect() };
        let selection = &mut self.selection;
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
                for key in COLUMNS {
                    header.col(|ui| {
                        if sort_header_ui(ui, &i18n::column(key), key, sort).clicked() {
                            action = Some(TableAction::Sort(key));
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
                    cells_ui(&mut row, release, directory);
                    let response = row.response();
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

/// The cells of one row after its checkbox: id, subject, status, priority, type, planned window,
/// agent, group, created and updated.
fn cells_ui(row: &mut egui_extras::TableRow<'_, '_>, release: &Release, directory: &Directory) {
    row.col(|ui| {
        ui.add(egui::Label::new(format!("#{}", release.id)).selectable(false));
    });
    row.col(|ui| {
        ui.add(egui::Label::new(&release.subject).truncate().selectable(false));
    });
    row.col(|ui| {
        chip_ui(ui, &i18n::status(release.status), status_color(release.status));
    });
    row.col(|ui| {
        chip_ui(ui, &i18n::priority(release.priority), priority_color(release.priority));
    });
    row.col(|ui| {
        chip_ui(ui, &i18n::release_type(release.release_type), type_color(release.release_type));
    });
    for time in [release.planned.start, release.planned.end] {
        row.col(|ui| {
            ui.add(egui::Label::new(local_time(time)).selectable(false));
        });
    }
    let agent = directory.agent_name(release.agent_id);
    row.col(|ui| {
        if agent.is_empty() {
            ui.add(
                egui::Label::new(RichText::new(tr("agent-unassigned")).weak().italics()).selectable(false),
            );
        } else {
            ui.add(egui::Label::new(agent).truncate().selectable(false));
        }
    });
    row.col(|ui| {
        ui.add(egui::Label::new(directory.group_name(release.group_id)).truncate().selectable(false));
    });
    for time in [release.created_at, release.updated_at] {
        row.col(|ui| {
            ui.add(egui::Label::new(local_time(time)).selectable(false));
        });
    }
}
