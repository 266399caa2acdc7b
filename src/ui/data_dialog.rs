//! File > Import… and File > Export…: the window's way in and out for data.
//!
//! Import: the user picks a file (Freshservice JSON, CSV, or a whole-database archive, told apart
//! by extension and content); it is read and planned without writing ([`Model::dry_run`]), and a
//! preview shows what would happen: how many releases would be new, updated or unchanged, every
//! problem with its place, and for a CSV the rows themselves with each row's problems beside it.
//! Only a file with no problem can be imported, as one command (one Undo takes it back).
//! Export: a view, a format (Freshservice JSON, CSV, Excel) and, for CSV and Excel, whether the
//! headers and labels are in the UI's language; then where to save it.

use std::path::PathBuf;

use crate::domain::import::{ImportCounts, ImportProblem};
use crate::domain::{PredefinedView, ReleaseFilter, SortSpec, view};
use crate::export::import::csv::{CsvPreview, preview_rows};
use crate::i18n::{self, tr, tr_args};
use crate::model::{Command, ImportCommand, Model};
use crate::ui::outbox::{Outbox, Sender};
use crate::ui::widgets::file_dialog::{FileChooser, FileRequest};

/// How many CSV rows the preview shows.
const PREVIEW_ROWS: usize = 200;

/// The widest the preview's column of problems gets (its text wraps there), and the narrowest.
const PROBLEMS_WIDTH: f32 = 320.0;
const PROBLEMS_MIN_WIDTH: f32 = 200.0;

/// What a chosen file is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataFile {
    Import,
    Export(ExportFormat),
}

/// The formats File > Export writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Freshservice,
    Csv,
    Xlsx,
}

impl ExportFormat {
    const ALL: [Self; 3] = [Self::Freshservice, Self::Csv, Self::Xlsx];

    fn label(self) -> String {
        tr(match self {
            Self::Freshservice => "data-format-freshservice",
            Self::Csv => "data-format-csv",
            Self::Xlsx => "data-format-xlsx",
        })
    }

    fn extension(self) -> &'static str {
        match self {
            Self::Freshservice => "json",
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
        }
    }
}

/// A read file, planned but not applied.
pub struct ImportPreview {
    path: PathBuf,
    /// The command that imports it, when the file has no problem and the plan was accepted.
    command: Option<Command>,
    counts: Option<ImportCounts>,
    problems: Vec<ImportProblem>,
    /// Why the database refused the plan (an archive into a database that holds releases).
    refused: Option<String>,
    /// A CSV's header and rows, for the preview table.
    csv: Option<CsvPreview>,
}

/// The export being set up.
pub struct ExportDraft {
    format: ExportFormat,
    view: PredefinedView,
    localized: bool,
}

/// The Import and Export dialogs of the window.
#[derive(Default)]
pub struct DataDialog {
    chooser: FileChooser<DataFile>,
    preview: Option<ImportPreview>,
    export: Option<ExportDraft>,
    /// The last export's outcome, shown in the status bar by the caller.
    done: Option<(String, bool)>,
}

/// Reads and plans `path` against `model`; nothing is written.
pub fn preview(model: &Model, path: PathBuf) -> ImportPreview {
    let name = crate::export::import::file_name(&path);
    let mut out =
        ImportPreview { path, command: None, counts: None, problems: Vec::new(), refused: None, csv: None };
    let bytes = match std::fs::read(&out.path) {
        Ok(bytes) => bytes,
        Err(err) => {
            out.problems.push(ImportProblem::file(
                &name,
                crate::domain::import::ProblemKind::Unreadable(err.to_string()),
            ));
            return out;
        }
    };
    let is_csv = out.path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let is_archive = !is_csv
        && serde_json::from_slice::<serde_json::Value>(&bytes).is_ok_and(|v| {
            v.get("format").and_then(serde_json::Value::as_str) == Some(crate::export::archive::FORMAT)
        });
    let read = if is_csv {
        out.csv = preview_rows(&bytes, PREVIEW_ROWS);
        crate::export::import::csv::read_csv_bytes(&name, &bytes).map(ImportCommand::Releases)
    } else if is_archive {
        crate::export::archive::read_bytes(&name, &bytes)
            .map(|a| ImportCommand::Archive(Box::new(a)))
            .map_err(|p| vec![p])
    } else {
        crate::export::import::read_freshservice_bytes(&name, &bytes).map(ImportCommand::Releases)
    };
    match read {
        Err(problems) => out.problems = problems,
        Ok(command) => match model.dry_run(Command::Import(command.clone())) {
            Ok(counts) => {
                out.counts = counts;
                out.command = Some(Command::Import(command));
            }
            Err(err) => out.refused = Some(i18n::command_error(&err)),
        },
    }
    out
}

impl DataDialog {
    /// File > Import…: asks for the file.
    pub fn ask_import(&mut self, ctx: &egui::Context) {
        let request = FileRequest::open(tr("data-import-title"))
            .filter(tr("data-import-files"), &["json", "csv"])
            .filter(tr("data-format-csv"), &["csv"]);
        self.chooser.ask(ctx, DataFile::Import, request);
    }

    /// File > Export…: opens the export's choices.
    pub fn open_export(&mut self) {
        self.export =
            Some(ExportDraft { format: ExportFormat::Xlsx, view: PredefinedView::All, localized: true });
    }

    /// Shows an import preview (tests, and the answer of the file chooser).
    pub fn show_preview(&mut self, preview: ImportPreview) {
        self.preview = Some(preview);
    }

    /// A message for the status bar (text, whether it is an error), once.
    pub fn take_message(&mut self) -> Option<(String, bool)> {
        self.done.take()
    }

    /// Whether a dialog of its own is open.
    pub fn is_open(&self) -> bool {
        self.preview.is_some() || self.export.is_some()
    }

    /// Draws whatever is open and takes the file chooser's answer.
    pub fn dialog_ui(&mut self, ctx: &egui::Context, model: &Model, outbox: &mut Outbox) {
        if let Some((purpose, path)) = self.chooser.ui(ctx) {
            match purpose {
                DataFile::Import => self.preview = Some(preview(model, path)),
                DataFile::Export(format) => self.write_export(model, format, &path),
            }
        }
        if self.preview.is_some() {
            self.preview_ui(ctx, outbox);
        }
        if self.export.is_some() {
            self.export_ui(ctx);
        }
    }

    fn preview_ui(&mut self, ctx: &egui::Context, outbox: &mut Outbox) {
        let Some(preview) = &self.preview else { return };
        let mut close = false;
        let mut import = false;
        // As wide as the window allows (up to a point), so a CSV's rows and problems fit beside each other.
        let width = (ctx.content_rect().width() - 80.0).clamp(560.0, 1100.0);
        let modal = crate::ui::widgets::dialog(egui::Id::unique("import_preview")).show(ctx, |ui| {
            ui.set_width(width);
            ui.heading(tr("data-import-title"));
            ui.label(preview.path.display().to_string());
            ui.add_space(6.0);
            if let Some(c) = preview.counts {
                ui.label(tr_args(
                    "data-preview-counts",
                    &[
                        ("created", c.created.into()),
                        ("updated", c.updated.into()),
                        ("unchanged", c.unchanged.into()),
                    ],
                ));
            }
            if let Some(why) = &preview.refused {
                ui.colored_label(ui.visuals().error_fg_color, why);
            }
            if !preview.problems.is_empty() {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    tr_args("data-preview-problems", &[("count", preview.problems.len().into())]),
                );
            }
            ui.add_space(4.0);
            // Both ways: a CSV with long cells scrolls sideways inside the dialog instead of widening it.
            egui::ScrollArea::both().max_height(360.0).auto_shrink([false, true]).show(
                ui,
                |ui| match &preview.csv {
                    Some(csv) => csv_table_ui(ui, &csv.headers, &csv.rows, &preview.problems),
                    None => {
                        for p in &preview.problems {
                            ui.colored_label(ui.visuals().error_fg_color, i18n::import_problem_line(p));
                        }
                    }
                },
            );
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let ready = preview.command.is_some();
                if ui.add_enabled(ready, egui::Button::new(tr("data-import-button"))).clicked() {
                    import = true;
                }
                if ui.button(tr("action-cancel")).clicked() {
                    close = true;
                }
            });
        });
        if import && let Some(command) = self.preview.take().and_then(|p| p.command) {
            outbox.push(Sender::Window, command);
        } else if close || modal.should_close() {
            self.preview = None;
        }
    }

    fn export_ui(&mut self, ctx: &egui::Context) {
        let Some(draft) = &mut self.export else { return };
        let mut close = false;
        let mut save = false;
        let modal = crate::ui::widgets::dialog(egui::Id::unique("export_dialog")).show(ctx, |ui| {
            ui.set_width(420.0);
            ui.heading(tr("data-export-title"));
            egui::Grid::new("export_grid").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
                let label = ui.label(tr("data-export-view"));
                crate::ui::widgets::combo::enum_combo_ui(
                    ui,
                    "export_view",
                    &mut draft.view,
                    &PredefinedView::ALL,
                    i18n::view,
                    label.id,
                );
                ui.end_row();
                let label = ui.label(tr("data-export-format"));
                crate::ui::widgets::combo::enum_combo_ui(
                    ui,
                    "export_format",
                    &mut draft.format,
                    &ExportFormat::ALL,
                    ExportFormat::label,
                    label.id,
                );
                ui.end_row();
            });
            if draft.format != ExportFormat::Freshservice {
                ui.checkbox(&mut draft.localized, tr("data-export-localized"));
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(tr("data-export-button")).clicked() {
                    save = true;
                }
                if ui.button(tr("action-cancel")).clicked() {
                    close = true;
                }
            });
        });
        if save {
            let format = draft.format;
            let name = format!("releases.{}", format.extension());
            let request = FileRequest::save(tr("data-export-title"), name)
                .filter(format.label(), &[format.extension()]);
            self.chooser.ask(ctx, DataFile::Export(format), request);
        } else if close || modal.should_close() {
            self.export = None;
        }
    }

    /// Writes the export to `path`; the outcome goes to the status bar.
    fn write_export(&mut self, model: &Model, format: ExportFormat, path: &std::path::Path) {
        let Some(draft) = self.export.take() else { return };
        let me = model.settings().current_agent;
        let rows = view::query(
            model.releases(),
            draft.view,
            me,
            &ReleaseFilter::default(),
            SortSpec::default(),
            model.directory(),
        );
        let releases = rows.iter().map(|&i| &model.releases()[i]);
        let bytes: Result<Vec<u8>, String> = match format {
            ExportFormat::Freshservice => {
                serde_json::to_vec_pretty(&crate::export::freshservice::to_json(model, releases))
                    .map_err(|e| e.to_string())
            }
            ExportFormat::Csv => {
                crate::export::csv::releases_csv(releases, model.directory(), draft.localized)
                    .map(String::into_bytes)
                    .map_err(|e| e.to_string())
            }
            ExportFormat::Xlsx => {
                crate::export::xlsx::releases_xlsx(releases, model.directory(), draft.localized)
                    .map_err(|e| e.to_string())
            }
        };
        let path_text = path.display().to_string();
        self.done = Some(
            match bytes.and_then(|b| crate::export::file::write_whole(path, &b).map_err(|e| e.to_string())) {
                Ok(()) => (
                    tr_args("data-exported", &[("count", rows.len().into()), ("path", path_text.into())]),
                    false,
                ),
                Err(detail) => (
                    tr_args("data-error-write", &[("path", path_text.into()), ("detail", detail.into())]),
                    true,
                ),
            },
        );
    }
}

/// A CSV's rows with each row's problems in the last column (rows with a problem in red).
fn csv_table_ui(
    ui: &mut egui::Ui,
    headers: &[String],
    rows: &[(usize, Vec<String>)],
    problems: &[ImportProblem],
) {
    // Problems of the file as a whole (a missing column) above the table.
    for p in problems.iter().filter(|p| p.row.is_none_or(|r| r == 1)) {
        ui.colored_label(ui.visuals().error_fg_color, i18n::import_problem_line(p));
    }
    let shown = headers.len().min(6);
    egui::Grid::new("import_csv_preview").striped(true).num_columns(shown + 2).show(ui, |ui| {
        ui.strong(tr("data-preview-line"));
        for h in &headers[..shown] {
            ui.strong(h);
        }
        ui.strong(tr("data-preview-row-problems"));
        ui.end_row();
        for (line, cells) in rows {
            let own: Vec<String> = problems
                .iter()
                .filter(|p| p.row == Some(*line))
                .map(|p| format!("{}: {}", p.field.as_deref().unwrap_or(""), i18n::import_problem(&p.kind)))
                .collect();
            let bad = !own.is_empty();
            let color = if bad { ui.visuals().error_fg_color } else { ui.visuals().text_color() };
            ui.colored_label(color, line.to_string());
            for i in 0..shown {
                let cell = cells.get(i).map_or("", String::as_str);
                ui.colored_label(color, cell.chars().take(40).collect::<String>());
            }
            if bad {
                // One problem a line, wrapped in a column of its own width, so the dialog keeps its size.
                ui.scope(|ui| {
                    // What is left of the dialog's width, but never so narrow that a word a line is left.
                    ui.set_max_width(ui.available_width().clamp(PROBLEMS_MIN_WIDTH, PROBLEMS_WIDTH));
                    ui.add(egui::Label::new(egui::RichText::new(own.join("\n")).color(color)).wrap());
                });
            } else {
                ui.label(tr("data-preview-row-ok"));
            }
            ui.end_row();
        }
    });
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use egui_kittest::Harness;
    use egui_kittest::kittest::{NodeT as _, Queryable as _};

    use super::*;
    use crate::domain::Language;

    const CSV: &str = "제목,상태,계획 시작,계획 종료\n\
        좋은 릴리스,진행 중,2026-11-03 09:00,2026-11-03 18:00\n\
        나쁜 릴리스,없는상태,2026-11-03 09:00,2026-11-02 18:00\n";

    /// The CSV preview in Korean: the bad row is named by its line, its problems are in Korean
    /// beside it (wrapped in their column, so the dialog stays inside the window), and Import is
    /// not offered. The snapshot is the screenshot of a preview with an error row.
    #[test]
    fn the_korean_csv_preview_shows_the_bad_row_and_offers_no_import() {
        crate::i18n::set_language(Language::Ko);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("releases.csv");
        std::fs::write(&path, CSV).unwrap();
        let model = crate::model::session::open(&dir.path().join("desk.sqlite3")).unwrap();
        let mut dialog = DataDialog::default();
        let mut shown = preview(&model, path);
        // The same name on every run, for the snapshot (the file is in a fresh folder each time).
        shown.path = PathBuf::from("releases.csv");
        dialog.show_preview(shown);
        let mut outbox = Outbox::default();
        let mut harness = Harness::builder()
            .with_size([900.0, 600.0])
            .with_context_setup(crate::ui::fonts::install)
            .build_ui(move |ui| dialog.dialog_ui(ui.ctx(), &model, &mut outbox));
        harness.run();
        assert!(harness.query_by_label("3").is_some(), "the bad row's line");
        assert!(harness.query_by_label_contains("“없는상태”은(는) 이 항목에 쓸 수 없는 값입니다").is_some());
        assert!(harness.query_by_label_contains("종료 시각이 시작 시각보다 늦어야 합니다").is_some());
        assert!(harness.query_by_label("정상").is_some(), "the good row");
        assert!(harness.query_by_label_contains("문제 2건").is_some());
        let import = harness.get_by_label("가져오기");
        assert!(import.accesskit_node().is_disabled(), "no import while the file has problems");
        harness.snapshot("import_csv_preview_ko");
        crate::i18n::set_language(Language::En);
    }
}
