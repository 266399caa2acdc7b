//! Exports of the dashboard: a chart (SVG or PNG) or the monthly table (CSV), written on a thread
//! of their own while a progress bar shows; the save dialogs that pick the file.

use std::path::PathBuf;
use std::sync::mpsc;

use super::Dashboard;
use crate::domain::Language;
use crate::export::chart::{self, ChartKind, ChartSpec, ImageFormat};
use crate::i18n::{self, tr, tr_args, tr_args_in};
use crate::model::Model;

/// Progress messages from the export thread.
pub(super) enum ExportMessage {
    Progress(f32),
    Done(Result<PathBuf, String>),
}

/// An export running on its own thread.
pub(super) struct ExportJob {
    receiver: mpsc::Receiver<ExportMessage>,
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
                std::fs::write(&target, text).map_err(|e| {
                    let path = target.display().to_string();
                    tr_args_in(
                        language,
                        "kpi-export-write-failed",
                        &[("path", path.into()), ("reason", e.to_string().into())],
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
                let _ = progress_sender.send(ExportMessage::Progress(share));
            };
            let result = work(&mut progress).map(|()| path);
            // The dashboard stopped waiting (the window closed): the log is left to tell.
            if let Err(mpsc::SendError(ExportMessage::Done(Err(reason)))) =
                sender.send(ExportMessage::Done(result))
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
                let text = tr_args("kpi-export-no-thread", &[("reason", err.to_string().into())]);
                self.export_status = Some((text, true));
            }
        }
    }

    /// Reads the export thread's messages (once a frame).
    pub fn poll_export(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.export else { return };
        let mut done = None;
        loop {
            match job.receiver.try_recv() {
                Ok(ExportMessage::Progress(share)) => job.progress = share,
                Ok(ExportMessage::Done(result)) => {
                    done = Some(result);
                    break;
                }
                Err(mpsc::TryRecvError::Empty) => break,
                Err(mpsc::TryRecvError::Disconnected) => {
                    done = Some(Err(tr("kpi-export-stopped")));
                    break;
                }
            }
        }
        match done {
            Some(Ok(path)) => {
                self.export_status =
                    Some((tr_args("kpi-export-done", &[("path", path.display().to_string().into())]), false));
                self.export = None;
            }
            Some(Err(message)) => {
                self.export_status = Some((tr_args("kpi-export-failed", &[("error", message.into())]), true));
                self.export = None;
            }
            None => ctx.request_repaint_after(std::time::Duration::from_millis(50)),
        }
    }

    /// Asks where to save a chart (rfd) and starts the export.
    pub(super) fn save_chart_dialog(&mut self, model: &Model, kind: ChartKind) {
        let last = self.range(model).to;
        let picked = rfd::FileDialog::new()
            .set_title(tr("kpi-export-title"))
            .set_file_name(chart::default_file_name(kind, last, ImageFormat::Svg))
            .add_filter("SVG", &["svg"])
            .add_filter("PNG", &["png"])
            .save_file();
        if let Some(mut path) = picked {
            if ImageFormat::from_path(&path).is_none() {
                path.set_extension("svg");
            }
            self.start_chart_export(model, kind, path, i18n::language());
        }
    }

    pub(super) fn save_csv_dialog(&mut self, model: &Model) {
        let last = self.range(model).to;
        let picked = rfd::FileDialog::new()
            .set_title(tr("kpi-export-csv"))
            .set_file_name(format!("kpi-{last}.csv"))
            .add_filter("CSV", &["csv"])
            .save_file();
        if let Some(path) = picked {
            self.start_csv_export(model, path);
        }
    }
}
