//! Tables (a shaded header that repeats on each new page, cells wrapped to their column and cut to
//! a few lines, thin rules between rows), label–value grids and tiles of figures.

use super::{CONTENT_WIDTH, INK, MARGIN, MUTED, PdfWriter, RULE, Rgb, Style};

/// A table column: its title and its share of the width (shares need not add up to 1).
#[derive(Clone, Debug)]
pub struct Column {
    pub title: String,
    pub share: f32,
}

impl Column {
    pub fn new(title: impl Into<String>, share: f32) -> Self {
        Self { title: title.into(), share }
    }
}

/// One cell: its text and, if not the body colour, its colour.
#[derive(Clone, Debug, Default)]
pub struct Cell {
    pub text: String,
    pub color: Option<Rgb>,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Self {
        Self { text: text.into(), color: None }
    }

    pub fn colored(text: impl Into<String>, color: Rgb) -> Self {
        Self { text: text.into(), color: Some(color) }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Self::new(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Self::new(text)
    }
}

/// A table to draw across the content width.
#[derive(Clone, Debug, Default)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// The most lines a cell takes (the rest is cut with "…").
    pub max_lines: usize,
    /// The text size of the cells.
    pub size: f32,
    /// Rows that do not fit on the page are left out instead of starting a new page (for a
    /// section that must keep to one page).
    pub keep_on_page: bool,
}

impl Table {
    pub fn new(columns: Vec<Column>) -> Self {
        Self { columns, rows: Vec::new(), max_lines: 3, size: 9.0, keep_on_page: false }
    }
}

/// A figure in a row of tiles: a label, the figure, a line under it, the figure's colour.
#[derive(Clone, Debug)]
pub struct Tile {
    pub label: String,
    pub value: String,
    pub note: String,
    pub color: Rgb,
}

const PAD: f32 = 4.0;
const HEADER_FILL: Rgb = (0xe8, 0xec, 0xf2);

impl PdfWriter {
    fn column_edges(columns: &[Column], left: f32, full: f32) -> Vec<(f32, f32)> {
        let total: f32 = columns.iter().map(|c| c.share.max(0.01)).sum();
        let mut x = left;
        columns
            .iter()
            .map(|c| {
                let width = full * c.share.max(0.01) / total;
                let edge = (x, width);
                x += width;
                edge
            })
            .collect()
    }

    fn table_header(&mut self, table: &Table, edges: &[(f32, f32)], (left, full): (f32, f32)) {
        let style = Style::STRONG.sized(table.size);
        let cells: Vec<Vec<String>> = table
            .columns
            .iter()
            .zip(edges)
            .map(|(c, (_, w))| self.wrap(&c.title, style, w - 2.0 * PAD, 2))
            .collect();
        let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let height = lines as f32 * style.line_height() + 2.0 * PAD;
        if !table.keep_on_page {
            self.ensure(height + style.line_height() + 2.0 * PAD);
        }
        let top = self.y();
        self.rect((left, top, full, height), Some(HEADER_FILL), None);
        for (lines, (x, _)) in cells.iter().zip(edges) {
            for (i, line) in lines.iter().enumerate() {
                self.text_at(x + PAD, top + PAD + i as f32 * style.line_height(), line, style);
            }
        }
        self.set_y(top + height);
    }

    /// Draws `table` across the content width; a row that does not fit starts a new page, under
    /// the header again.
    pub fn table(&mut self, table: &Table) {
        self.table_in((MARGIN, CONTENT_WIDTH), table);
    }

    /// Draws `table` in the column from `left`, `full` wide.
    pub fn table_in(&mut self, (left, full): (f32, f32), table: &Table) {
        let edges = Self::column_edges(&table.columns, left, full);
        let style = Style::BODY.sized(table.size);
        let smallest = 2.0 * (style.line_height() + 2.0 * PAD);
        if table.keep_on_page && self.y() + smallest > self.bottom() {
            return;
        }
        self.table_header(table, &edges, (left, full));
        for row in &table.rows {
            let cells: Vec<Vec<String>> = row
                .iter()
                .zip(&edges)
                .map(|(cell, (_, w))| self.wrap(&cell.text, style, w - 2.0 * PAD, table.max_lines.max(1)))
                .collect();
            let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let height = lines as f32 * style.line_height() + 2.0 * PAD;
            if self.y() + height > self.bottom() {
                if table.keep_on_page {
                    break;
                }
                self.page_break();
                self.table_header(table, &edges, (left, full));
            }
            let top = self.y();
            for ((lines, (x, _)), cell) in cells.iter().zip(&edges).zip(row) {
                let cell_style = style.colored(cell.color.unwrap_or(INK));
                for (i, line) in lines.iter().enumerate() {
                    self.text_at(x + PAD, top + PAD + i as f32 * style.line_height(), line, cell_style);
                }
            }
            self.set_y(top + height);
            let y = self.y();
            self.line((left, y), (left + full, y), RULE, 0.4);
        }
    }

    /// Label–value pairs in `columns` columns across the content width (label above value),
    /// each value at most `max_lines` lines.
    pub fn fields(&mut self, pairs: &[(String, String)], columns: usize, max_lines: usize) {
        self.fields_in((MARGIN, CONTENT_WIDTH), pairs, columns, max_lines);
    }

    /// Label–value pairs in the column from `left`, `full` wide.
    pub fn fields_in(
        &mut self,
        (left, full): (f32, f32),
        pairs: &[(String, String)],
        columns: usize,
        max_lines: usize,
    ) {
        let columns = columns.max(1);
        let width = full / columns as f32;
        let (label, value) = (Style::LABEL, Style::BODY);
        for chunk in pairs.chunks(columns) {
            let wrapped: Vec<Vec<String>> =
                chunk.iter().map(|(_, v)| self.wrap(v, value, width - 12.0, max_lines.max(1))).collect();
            let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let height = label.line_height() + lines as f32 * value.line_height() + 4.0;
            self.ensure(height);
            let top = self.y();
            for (i, ((name, _), lines)) in chunk.iter().zip(&wrapped).enumerate() {
                let x = left + i as f32 * width;
                self.text_at(x, top, name, label);
                for (j, line) in lines.iter().enumerate() {
                    self.text_at(x, top + label.line_height() + j as f32 * value.line_height(), line, value);
                }
            }
            self.set_y(top + height);
        }
    }

    /// A row of tiles across the content width.
    pub fn tiles(&mut self, tiles: &[Tile]) {
        if tiles.is_empty() {
            return;
        }
        let gap = 10.0;
        let width = (CONTENT_WIDTH - gap * (tiles.len() as f32 - 1.0)) / tiles.len() as f32;
        let height = 70.0;
        self.ensure(height);
        let top = self.y();
        for (i, tile) in tiles.iter().enumerate() {
            let x = MARGIN + i as f32 * (width + gap);
            self.rect((x, top, width, height), Some((0xf6, 0xf7, 0xf9)), Some(RULE));
            self.rect((x, top, 4.0, height), Some(tile.color), None);
            let label = self.wrap(&tile.label, Style::LABEL, width - 20.0, 1);
            let value =
                self.wrap(&tile.value, Style::STRONG.sized(20.0).colored(tile.color), width - 20.0, 1);
            let note = self.wrap(&tile.note, Style::SMALL.colored(MUTED), width - 20.0, 1);
            for line in &label {
                self.text_at(x + 12.0, top + 6.0, line, Style::LABEL);
            }
            for line in &value {
                self.text_at(x + 12.0, top + 20.0, line, Style::STRONG.sized(20.0).colored(tile.color));
            }
            for line in &note {
                self.text_at(x + 12.0, top + 50.0, line, Style::SMALL);
            }
        }
        self.set_y(top + height);
    }
}
