//! Choosing a file to open or a place to save one: the system's file dialog where there is one,
//! and our own path dialog in the window where there is none (a minimal desktop, a VDI image, Xvfb:
//! no desktop portal and no zenity), so that an export or File > Open never does nothing.
//!
//! The system dialog answers "no file" both when the user cancels it and when it could not be shown
//! at all. A person cannot open a dialog, read it and cancel it in [`NO_DIALOG_WITHIN`]: a "no file"
//! that came back sooner means no dialog appeared, and the path dialog opens instead (and is used
//! from then on in this run). `RELEASE_DESK_FILE_DIALOG=builtin` (or [`use_system_dialog`]`(false)`)
//! skips the system dialog altogether.
//!
//! A panel owns a [`FileChooser`] tagged with what the file is for (`P`), calls
//! [`FileChooser::ask`] and takes the answer from [`FileChooser::ui`], which it calls every frame:
//! the system dialog's answer comes back there as well, so there is one path for both. The folder
//! last used is remembered (in the window's saved state) and offered first next time; without one,
//! the user's Documents folder.

mod path_dialog;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use self::path_dialog::PathDialog;

/// A "no file" from the system dialog sooner than this means it was never shown.
pub const NO_DIALOG_WITHIN: Duration = Duration::from_millis(400);

/// Whether the system's file dialog is tried first (until it once failed to appear).
static SYSTEM_DIALOG: AtomicBool = AtomicBool::new(true);

/// Tries the system's file dialog first (`true`, the default) or always uses the path dialog.
pub fn use_system_dialog(on: bool) {
    SYSTEM_DIALOG.store(on, Ordering::Relaxed);
}

/// Reads `RELEASE_DESK_FILE_DIALOG` (`builtin`: never the system dialog), once at start.
pub fn configure_from_env() {
    if std::env::var("RELEASE_DESK_FILE_DIALOG").is_ok_and(|v| v.eq_ignore_ascii_case("builtin")) {
        use_system_dialog(false);
    }
}

/// Whether a file is read or written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// An existing file, to read.
    Open,
    /// A file to write (new, or replaced after the user saw that it exists).
    Save,
}

/// A kind of file offered: its name in the list ("SVG", a translated "Database") and extensions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileFilter {
    pub name: String,
    pub extensions: Vec<&'static str>,
}

/// What to ask the user for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileRequest {
    pub mode: Mode,
    /// The dialog's title, in the UI's language.
    pub title: String,
    /// The kinds of file offered; the first one's first extension is added to a name without one.
    pub filters: Vec<FileFilter>,
    /// The name suggested when saving (`kpi-2026-11.svg`); empty when opening.
    pub file_name: String,
}

impl FileRequest {
    pub fn open(title: String) -> Self {
        Self { mode: Mode::Open, title, filters: Vec::new(), file_name: String::new() }
    }

    pub fn save(title: String, file_name: impl Into<String>) -> Self {
        Self { mode: Mode::Save, title, filters: Vec::new(), file_name: file_name.into() }
    }

    /// Offers files named `*.ext` for each of `extensions`.
    #[must_use]
    pub fn filter(mut self, name: impl Into<String>, extensions: &[&'static str]) -> Self {
        self.filters.push(FileFilter { name: name.into(), extensions: extensions.to_vec() });
        self
    }

    /// Whether `path` is one of the files offered (every file when there is no filter).
    fn offers(&self, path: &Path) -> bool {
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else { return self.filters.is_empty() };
        self.filters.is_empty()
            || self.filters.iter().flat_map(|f| &f.extensions).any(|e| e.eq_ignore_ascii_case(ext))
    }

    /// `name` with the first filter's extension when it has none of the offered ones.
    fn with_extension(&self, name: &str) -> String {
        let offered = self.offers(Path::new(name));
        match self.filters.first().and_then(|f| f.extensions.first()) {
            Some(ext) if self.mode == Mode::Save && !offered => format!("{name}.{ext}"),
            _ => name.to_owned(),
        }
    }
}

/// What the system dialog did.
enum SystemAnswer {
    Picked(PathBuf),
    Cancelled,
    /// It did not appear (or is switched off).
    Unavailable,
}

/// A file chooser owned by a panel; `P` says what the file is for (`Chart(kind)`, `Csv`).
pub struct FileChooser<P> {
    /// The path dialog, while it is open, and what it was opened for.
    dialog: Option<(P, PathDialog)>,
    /// An answer not yet taken by [`FileChooser::ui`].
    answer: Option<(P, PathBuf)>,
}

impl<P> Default for FileChooser<P> {
    fn default() -> Self {
        Self { dialog: None, answer: None }
    }
}

impl<P: Clone> FileChooser<P> {
    /// Asks for a file: the system dialog (the window waits for it), or the path dialog when that
    /// cannot be shown. The answer, if any, comes from the next [`FileChooser::ui`].
    pub fn ask(&mut self, ctx: &egui::Context, purpose: P, request: FileRequest) {
        let folder = start_folder(ctx);
        match system_dialog(&request, &folder) {
            SystemAnswer::Picked(path) => {
                remember_folder(ctx, &path);
                self.answer = Some((purpose, path));
            }
            SystemAnswer::Cancelled => {}
            SystemAnswer::Unavailable => self.dialog = Some((purpose, PathDialog::new(request, &folder))),
        }
    }

    /// Whether the path dialog is open (the window's shortcuts stay off meanwhile).
    pub fn is_open(&self) -> bool {
        self.dialog.is_some()
    }

    /// Draws the path dialog if it is open; returns the file picked, once.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<(P, PathBuf)> {
        if let Some((purpose, dialog)) = &mut self.dialog {
            match dialog.ui(ctx) {
                path_dialog::Outcome::Open => {}
                path_dialog::Outcome::Cancelled => self.dialog = None,
                path_dialog::Outcome::Picked(path) => {
                    remember_folder(ctx, &path);
                    self.answer = Some((purpose.clone(), path));
                    self.dialog = None;
                }
            }
        }
        self.answer.take()
    }
}

/// The system dialog, timed: a "no file" that came too soon to be a person's is a failure.
fn system_dialog(request: &FileRequest, folder: &Path) -> SystemAnswer {
    if !SYSTEM_DIALOG.load(Ordering::Relaxed) {
        return SystemAnswer::Unavailable;
    }
    let mut dialog = rfd::FileDialog::new().set_title(&request.title).set_directory(folder);
    for filter in &request.filters {
        dialog = dialog.add_filter(&filter.name, &filter.extensions);
    }
    let started = Instant::now();
    let picked = match request.mode {
        Mode::Open => dialog.pick_file(),
        Mode::Save => dialog.set_file_name(&request.file_name).save_file(),
    };
    match picked {
        Some(path) => SystemAnswer::Picked(path),
        None if started.elapsed() < NO_DIALOG_WITHIN => {
            log::warn!("the system file dialog did not appear; using the window's own path dialog");
            use_system_dialog(false);
            SystemAnswer::Unavailable
        }
        None => SystemAnswer::Cancelled,
    }
}

/// Where the folder last used is kept in the window's saved state.
fn folder_id() -> egui::Id {
    egui::Id::unique("file-chooser-last-folder")
}

/// The folder last used if it still exists, else Documents, else home, else the working folder.
fn start_folder(ctx: &egui::Context) -> PathBuf {
    let last: Option<PathBuf> = ctx.data_mut(|d| d.get_persisted(folder_id()));
    last.filter(|p| p.is_dir()).unwrap_or_else(default_folder)
}

/// The user's Documents folder, else home, else the working folder.
pub fn default_folder() -> PathBuf {
    let dirs = directories::UserDirs::new();
    dirs.as_ref()
        .and_then(|d| d.document_dir().filter(|p| p.is_dir()).map(Path::to_path_buf))
        .or_else(|| dirs.as_ref().map(|d| d.home_dir().to_path_buf()))
        .unwrap_or_else(|| PathBuf::from("."))
}

fn remember_folder(ctx: &egui::Context, path: &Path) {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        ctx.data_mut(|d| d.insert_persisted(folder_id(), parent.to_path_buf()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_name_gets_the_first_offered_extension_unless_it_has_an_offered_one() {
        let request = FileRequest::save("t".into(), "kpi").filter("SVG", &["svg"]).filter("PNG", &["png"]);
        assert_eq!(request.with_extension("kpi"), "kpi.svg");
        assert_eq!(request.with_extension("kpi.png"), "kpi.png");
        assert_eq!(request.with_extension("kpi.PNG"), "kpi.PNG");
        assert_eq!(request.with_extension("kpi.txt"), "kpi.txt.svg");
        let open = FileRequest::open("t".into()).filter("DB", &["sqlite3"]);
        assert_eq!(open.with_extension("x"), "x");
    }

    #[test]
    fn without_a_filter_every_file_is_offered() {
        let request = FileRequest::open("t".into());
        assert!(request.offers(Path::new("a")));
        assert!(request.offers(Path::new("a.txt")));
        let db = request.filter("DB", &["sqlite3", "db"]);
        assert!(db.offers(Path::new("x.DB")));
        assert!(!db.offers(Path::new("x.txt")));
        assert!(!db.offers(Path::new("x")));
    }
}
