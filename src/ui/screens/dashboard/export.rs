//! Exports of the dashboard: a chart (SVG or PNG) or the monthly table (CSV), written on a thread
//! of their own while a progress bar shows; the save dialogs that pick the file. The outcome shows
//! under the controls and in the status bar, with the path written.

use std::path::PathBuf;
use std::sync::mpsc;

use crate::ui::widgets::file_job::{JobMessage, drain};

use super::Dashboard;
use crate::domain::Language;
use crate::export::chart::{self, ChartKind, ChartSpec, ImageFormat};
use crate::i18n::{self, tr, tr_args, tr_args_in};
use crate::model::Model;
use crate::ui::widgets::file_dialog::FileRequest;

/// What a file picked on the dashboard is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum DashboardFile {
    Chart(ChartKind),
    Csv,
}

/// An export running on its own thread.
pub(super) struct ExportJob {
    receiver: mpsc::Receiver<JobMessage>,
    pub(super) file_name: String,
    pub(super) progress: f32,
}

/// The work an export thread does; it reports progress (0.0..=1.0) through the callback.
type ExportWork = Box<dyn FnOnce(&mut dyn FnMut(f32)) -> Result<(), String> + Send>;

impl Dashboard {
    /// Whether an export is running.
    pub fn exporting(&self) -> bool {
        self.export.is_some()
    }

    /// The last export's message and whether it failed.
    pub fn export_status(&self) -> Option<&(String, bool)> {
        self.export_status.as_ref()
    }

    /// Starts writing a chart of the current report to `path` on another thread.
    pub fn start_chart_export(&mut self, model: &Model, kind: ChartKind, path: PathBuf, language: Language) {
        let report = self.report(model).clone();
        let spec = ChartSpec::new(kind, language);
        let target = path.clone();
        self.start_export(
            path,
            Box::new(move |progress| {
                chart::write_chart(&report, &spec, &target, progress)
                    .map_err(|e| chart::error_in(language, &e))
            }),
        );
    }

    /// Starts writing the monthly table as CSV to `path` on another thread.
    pub fn start_csv_export(&mut self, model: &Model, path: PathBuf) {
        let report = self.report(model).clone();
        let target = path.clone();
        // The thread has its own (default) language: it is handed the window's.
        let language = i18n::language();
        self.start_export(
            path,
            Box::new(move |progress| {
                let text = crate::export::kpi::report_csv(&report).map_err(|e| {
                    tr_args_in(language, "kpi-export-csv-encode", &[("reason", e.to_string().into())])
                })?;
                progress(0.5);
                crate::export::file::write_whole(&target, text.as_bytes()).map_err(|e| {
                    let path = target.display().to_string();
                    tr_args_in(
                        language,
                        "kpi-export-write-failed",
                        &[("path", path.into()), ("reason", i18n::io_reason_in(language, &e).into())],
                    )
                })
            }),
        );
    }

    pub(super) fn start_export(&mut self, path: PathBuf, work: ExportWork) {
        let (sender, receiver) = mpsc::channel();
        let file_name = path.file_name().map_or_else(String::new, |f| f.to_string_lossy().into_owned());
        let spawned = std::thread::Builder::new().name("kpi-export".into()).spawn(move || {
            let progress_sender = sender.clone();
            let mut progress = move |share: f32| {
                // Fails only once the dashboard dropped the job: nobody is waiting for progress.
                let _ = progress_sender.send(JobMessage::Progress(share));
            };
            let result = work(&mut progress).map(|()| path);
            // The dashboard stopped waiting (the window closed): the log is left to tell.
            if let Err(mpsc::SendError(JobMessage::Done(Err(reason)))) = sender.send(JobMessage::Done(result))
            {
                log::warn!("a KPI export nobody waited for failed: {reason}");
            }
        });
        match spawned {
            Ok(_) => {
                self.export_status = None;
                self.export = Some(ExportJob { receiver, file_name, progress: 0.0 });
            }
            Err(err) => {
                let text = tr_args("kpi-export-no-thread", &[("reason", i18n::io_reason(&err).into())]);
                self.export_status = Some((text, true));
            }
        }
    }

    /// Reads the export thread's messages (once a frame).
    pub fn poll_export(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.export else { return };
        let done = drain(&job.receiver, &mut job.progress, || tr("kpi-export-stopped"));
        match done {
            Some(Ok(path)) => {
                self.export_status =
                    Some((tr_args("kpi-export-done", &[("path", path.display().to_string().into())]), false));
                self.export = None;
                self.announce = true;
            }
            Some(Err(message)) => {
                self.export_status = Some((tr_args("kpi-export-failed", &[("error", message.into())]), true));
                self.export = None;
                self.announce = true;
            }
            None => ctx.request_repaint_after(std::time::Duration::from_millis(50)),
        }
    }

    /// Asks where to save a chart (SVG or PNG); the export starts once a file is picked.
    pub(super) fn save_chart_dialog(&mut self, ctx: &egui::Context, model: &Model, kind: ChartKind) {
        let last = self.range(model).to;
        let request =
            FileRequest::save(tr("kpi-export-title"), chart::default_file_name(kind, last, ImageFormat::Svg))
                .filter("SVG", &["svg"])
                .filter("PNG", &["png"]);
        self.files.ask(ctx, DashboardFile::Chart(kind), request);
    }

    /// Asks where to save the monthly table as CSV.
    pub(super) fn save_csv_dialog(&mut self, ctx: &egui::Context, model: &Model) {
        let last = self.range(model).to;
        let request =
            FileRequest::save(tr("kpi-export-csv"), format!("kpi-{last}.csv")).filter("CSV", &["csv"]);
        self.files.ask(ctx, DashboardFile::Csv, request);
    }

    /// The path dialog when the system has none, and the export of a file picked in either.
    pub(super) fn files_ui(&mut self, ctx: &egui::Context, model: &Model) {
        match self.files.ui(ctx) {
            Some((DashboardFile::Chart(kind), mut path)) => {
                if ImageFormat::from_path(&path).is_none() {
                    path.set_extension("svg");
                }
                self.start_chart_export(model, kind, path, i18n::language());
            }
            Some((DashboardFile::Csv, path)) => self.start_csv_export(model, path),
            None => {}
        }
    }
}
