//! The "CAB pack…" export of the meeting screen: the file picked in the window's file dialog (the
//! system's, or the fallback path dialog), the pack laid out where the model is, then made into a
//! PDF and written whole on a thread of its own while a progress bar shows. The outcome shows
//! under the toolbar and in the status bar.

use std::path::PathBuf;
use std::sync::mpsc;

use crate::ui::widgets::file_job::{JobMessage, drain};

use crate::domain::{CabMeeting, Language};
use crate::export::cab_pack;
use crate::i18n::{self, tr, tr_args};
use crate::model::Model;
use crate::ui::widgets::file_dialog::{FileChooser, FileRequest};

/// An export running on its own thread.
struct PackJob {
    receiver: mpsc::Receiver<JobMessage>,
    progress: f32,
}

/// The pack's file dialog, its running export and the last outcome.
#[derive(Default)]
pub(super) struct PackExport {
    files: FileChooser<()>,
    job: Option<PackJob>,
    /// The last export's message and whether it failed.
    pub(super) status: Option<(String, bool)>,
    /// An export ended since the last frame: the status bar says how.
    pub(super) announce: bool,
}

impl PackExport {
    pub(super) fn running(&self) -> bool {
        self.job.is_some()
    }

    pub(super) fn is_open(&self) -> bool {
        self.files.is_open()
    }

    /// How far the running export is (0..=1).
    pub(super) fn progress(&self) -> Option<f32> {
        self.job.as_ref().map(|j| j.progress)
    }

    /// Asks where to save the pack of `meeting`.
    pub(super) fn ask(&mut self, ctx: &egui::Context, model: &Model, meeting: &CabMeeting) {
        let name = cab_pack::default_file_name(&cab_pack::pack_meeting(model, meeting));
        let request = FileRequest::save(tr("meeting-pack-title"), name).filter("PDF", &["pdf"]);
        self.files.ask(ctx, (), request);
    }

    /// The path dialog when the system has none; the export starts once a file is picked.
    pub(super) fn files_ui(&mut self, ctx: &egui::Context, model: &Model, meeting: Option<&CabMeeting>) {
        if let (Some(((), mut path)), Some(meeting)) = (self.files.ui(ctx), meeting) {
            if path.extension().is_none() {
                path.set_extension("pdf");
            }
            self.start(model, meeting, path, i18n::language());
        }
    }

    /// Lays the pack out here and writes it on another thread.
    pub(super) fn start(&mut self, model: &Model, meeting: &CabMeeting, path: PathBuf, language: Language) {
        let pack = cab_pack::pack_meeting(model, meeting);
        let layout = match cab_pack::lay_out(model, &pack, language) {
            Ok(layout) => layout,
            Err(err) => {
                let reason = crate::export::pdf::error_in(language, &err);
                self.finish(Err(reason));
                return;
            }
        };
        let (sender, receiver) = mpsc::channel();
        let spawned = std::thread::Builder::new().name("cab-pack-export".into()).spawn(move || {
            // Fails only once the screen dropped the job: nobody is waiting for progress.
            let _ = sender.send(JobMessage::Progress(0.3));
            let result = cab_pack::write_file(layout, &path)
                .map(|_| path)
                .map_err(|e| cab_pack::error_in(language, &e));
            if let Err(mpsc::SendError(JobMessage::Done(Err(reason)))) = sender.send(JobMessage::Done(result))
            {
                log::warn!("a CAB pack export nobody waited for failed: {reason}");
            }
        });
        match spawned {
            Ok(_) => {
                self.status = None;
                self.job = Some(PackJob { receiver, progress: 0.1 });
            }
            Err(err) => {
                let text = tr_args("kpi-export-no-thread", &[("reason", i18n::io_reason(&err).into())]);
                self.finish(Err(text));
            }
        }
    }

    fn finish(&mut self, result: Result<PathBuf, String>) {
        self.job = None;
        self.announce = true;
        self.status = Some(match result {
            Ok(path) => (tr_args("meeting-pack-done", &[("path", path.display().to_string().into())]), false),
            Err(reason) => (tr_args("meeting-pack-failed", &[("error", reason.into())]), true),
        });
    }

    /// Reads the export thread's messages (once a frame).
    pub(super) fn poll(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.job else { return };
        let done = drain(&job.receiver, &mut job.progress, || tr("kpi-export-stopped"));
        match done {
            Some(result) => self.finish(result),
            None => ctx.request_repaint_after(std::time::Duration::from_millis(50)),
        }
    }
}
