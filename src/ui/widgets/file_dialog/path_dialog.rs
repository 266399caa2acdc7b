//! The window's own file dialog, used where the system has none: a folder field (with the folder's
//! subfolders and offered files to click through), a file name field, and Save or Open. Saving over
//! a file that exists asks first (the button becomes "Replace"). Its size does not change with what
//! it lists, so nothing moves under the pointer.

use std::path::{Path, PathBuf};

use egui::RichText;

use super::{FileRequest, Mode};
use crate::i18n::{tr, tr_args};
use crate::ui::command::DIALOG_CONFIRM;

/// At most this many entries of a folder are listed.
const MAX_ENTRIES: usize = 500;
const WIDTH: f32 = 560.0;
const LIST_HEIGHT: f32 = 220.0;

/// What the dialog did this frame.
pub(super) enum Outcome {
    Open,
    Cancelled,
    Picked(PathBuf),
}

/// One line of the folder's listing.
struct Entry {
    name: String,
    is_dir: bool,
}

/// The folder being listed and what was read from it.
struct Listing {
    folder: PathBuf,
    entries: Vec<Entry>,
    /// Why it could not be read, translated.
    error: Option<String>,
}

pub(super) struct PathDialog {
    request: FileRequest,
    folder: String,
    name: String,
    listing: Option<Listing>,
    /// Why the last Save or Open was refused, translated.
    error: Option<String>,
    /// A file that exists, which the next Save replaces.
    replace: Option<PathBuf>,
}

impl PathDialog {
    pub(super) fn new(request: FileRequest, folder: &Path) -> Self {
        let name = request.file_name.clone();
        Self {
            request,
            folder: folder.display().to_string(),
            name,
            listing: None,
            error: None,
            replace: None,
        }
    }

    pub(super) fn ui(&mut self, ctx: &egui::Context) -> Outcome {
        let mut outcome = Outcome::Open;
        let modal = crate::ui::widgets::dialog(egui::Id::unique("path_dialog")).show(ctx, |ui| {
            ui.set_width(WIDTH);
            ui.heading(&self.request.title);
            ui.label(RichText::new(tr("file-dialog-builtin-note")).weak());
            ui.add_space(4.0);
            let mut accept = self.fields_ui(ui);
            ui.add_space(4.0);
            if let Some(error) = &self.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            } else if let Some(path) = &self.replace {
                let text =
                    tr_args("file-dialog-replace-warning", &[("path", path.display().to_string().into())]);
                ui.colored_label(ui.visuals().warn_fg_color, text);
            } else {
                // The same height with or without a message: the buttons stay where they are.
                ui.label(" ");
            }
            ui.separator();
            ui.horizontal(|ui| {
                let label = match (self.request.mode, &self.replace) {
                    (Mode::Open, _) => tr("file-dialog-open"),
                    (Mode::Save, None) => tr("action-save"),
                    (Mode::Save, Some(_)) => tr("file-dialog-replace"),
                };
                let hint = ui.ctx().format_shortcut(&DIALOG_CONFIRM);
                accept |= ui.button(label).on_hover_text(hint).clicked();
                if ui.button(tr("action-cancel")).clicked() {
                    outcome = Outcome::Cancelled;
                }
            });
            accept |= ui.input_mut(|i| i.consume_shortcut(&DIALOG_CONFIRM));
            if accept && let Some(path) = self.accept() {
                outcome = Outcome::Picked(path);
            }
        });
        if modal.should_close() && matches!(outcome, Outcome::Open) {
            outcome = Outcome::Cancelled;
        }
        outcome
    }

    /// The folder field, its listing and the name field; true when Enter was pressed in a field.
    fn fields_ui(&mut self, ui: &mut egui::Ui) -> bool {
        let mut accept = false;
        ui.horizontal(|ui| {
            let label = ui.label(tr("file-dialog-folder"));
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.folder).desired_width(WIDTH - 160.0))
                .labelled_by(label.id);
            if field.changed() {
                self.replace = None;
            }
            if ui.button(tr("file-dialog-up")).clicked()
                && let Some(parent) = expand(&self.folder).parent()
            {
                self.folder = parent.display().to_string();
                self.replace = None;
            }
        });
        accept |= self.listing_ui(ui);
        ui.horizontal(|ui| {
            let label = ui.label(tr("file-dialog-name"));
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.name).desired_width(WIDTH - 160.0))
                .labelled_by(label.id);
            if field.changed() {
                self.replace = None;
                self.error = None;
            }
            accept |= field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        });
        accept
    }

    /// The folder's subfolders and offered files: a click on a folder enters it, on a file picks
    /// its name, a double click on a file opens or saves it (true).
    fn listing_ui(&mut self, ui: &mut egui::Ui) -> bool {
        let folder = expand(&self.folder);
        if self.listing.as_ref().is_none_or(|l| l.folder != folder) {
            self.listing = Some(read_folder(&folder, &self.request));
        }
        let Some(listing) = &self.listing else { return false };
        let mut enter = None;
        let mut pick = None;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("path_dialog_listing")
                .min_scrolled_height(LIST_HEIGHT)
                .max_height(LIST_HEIGHT)
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    if let Some(error) = &listing.error {
                        ui.colored_label(ui.visuals().error_fg_color, error);
                    } else if listing.entries.is_empty() {
                        ui.label(RichText::new(tr("file-dialog-empty-folder")).weak());
                    }
                    for entry in &listing.entries {
                        if entry.is_dir {
                            let text = format!("{}{}", entry.name, std::path::MAIN_SEPARATOR);
                            if ui.selectable_label(false, RichText::new(text).strong()).clicked() {
                                enter = Some(listing.folder.join(&entry.name));
                            }
                        } else {
                            let response = ui.selectable_label(self.name == entry.name, &entry.name);
                            if response.clicked() || response.double_clicked() {
                                pick = Some((entry.name.clone(), response.double_clicked()));
                            }
                        }
                    }
                });
        });
        if let Some(folder) = enter {
            self.folder = folder.display().to_string();
            self.replace = None;
            self.error = None;
        }
        match pick {
            Some((name, at_once)) => {
                if self.name != name {
                    self.replace = None;
                }
                self.name = name;
                self.error = None;
                at_once
            }
            None => false,
        }
    }

    /// The path picked, or why not (kept in `self.error`). Saving over an existing file takes a
    /// second Save.
    fn accept(&mut self) -> Option<PathBuf> {
        let name = self.name.trim();
        if name.is_empty() {
            self.error = Some(tr("file-dialog-name-empty"));
            return None;
        }
        let named = expand(name);
        let path = if named.is_absolute() {
            named
        } else {
            expand(&self.folder).join(self.request.with_extension(name))
        };
        let shown = path.display().to_string();
        match self.request.mode {
            Mode::Open if path.is_file() => Some(path),
            Mode::Open => {
                self.error = Some(tr_args("file-dialog-not-found", &[("path", shown.into())]));
                None
            }
            Mode::Save if path.is_dir() => {
                self.error = Some(tr_args("file-dialog-is-folder", &[("path", shown.into())]));
                None
            }
            Mode::Save if !path.parent().is_some_and(Path::is_dir) => {
                let folder = path.parent().map_or_else(String::new, |p| p.display().to_string());
                self.error = Some(tr_args("file-dialog-no-folder", &[("path", folder.into())]));
                None
            }
            Mode::Save if path.exists() && self.replace.as_ref() != Some(&path) => {
                self.error = None;
                self.replace = Some(path);
                None
            }
            Mode::Save => Some(path),
        }
    }
}

/// `~` and `~/…` are the home folder.
fn expand(text: &str) -> PathBuf {
    let text = text.trim();
    let home = || directories::UserDirs::new().map(|d| d.home_dir().to_path_buf());
    if text == "~" {
        return home().unwrap_or_else(|| PathBuf::from(text));
    }
    match (text.strip_prefix("~/"), home()) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(text),
    }
}

/// The folder's subfolders, then its offered files, each by name; hidden ones left out.
fn read_folder(folder: &Path, request: &FileRequest) -> Listing {
    let read = match std::fs::read_dir(folder) {
        Ok(read) => read,
        Err(err) => {
            let path = folder.display().to_string();
            let error = match err.kind() {
                std::io::ErrorKind::NotFound => tr_args("file-dialog-no-folder", &[("path", path.into())]),
                std::io::ErrorKind::PermissionDenied => {
                    tr_args("file-dialog-denied", &[("path", path.into())])
                }
                _ => tr_args(
                    "file-dialog-unreadable",
                    &[("path", path.into()), ("reason", crate::i18n::io_reason(&err).into())],
                ),
            };
            return Listing { folder: folder.to_path_buf(), entries: Vec::new(), error: Some(error) };
        }
    };
    let mut entries: Vec<Entry> = read
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let is_dir = e.path().is_dir();
            let shown = !name.starts_with('.') && (is_dir || request.offers(Path::new(&name)));
            shown.then_some(Entry { name, is_dir })
        })
        .take(MAX_ENTRIES)
        .collect();
    entries.sort_by(|a, b| {
        b.is_dir.cmp(&a.is_dir).then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    Listing { folder: folder.to_path_buf(), entries, error: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dialog(mode: Mode, folder: &Path, name: &str) -> PathDialog {
        let request = FileRequest { mode, title: String::new(), filters: Vec::new(), file_name: name.into() }
            .filter("CSV", &["csv"]);
        PathDialog::new(request, folder)
    }

    #[test]
    fn saving_adds_the_extension_and_asks_once_before_replacing() {
        let dir = tempfile::tempdir().unwrap();
        let mut save = dialog(Mode::Save, dir.path(), "kpi");
        assert_eq!(save.accept(), Some(dir.path().join("kpi.csv")));
        std::fs::write(dir.path().join("kpi.csv"), "x").unwrap();
        assert_eq!(save.accept(), None, "the first Save over a file asks");
        assert_eq!(save.replace, Some(dir.path().join("kpi.csv")));
        assert_eq!(save.accept(), Some(dir.path().join("kpi.csv")), "the second replaces");
    }

    #[test]
    fn opening_a_missing_file_or_saving_into_a_missing_folder_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let mut open = dialog(Mode::Open, dir.path(), "missing.csv");
        assert_eq!(open.accept(), None);
        assert!(open.error.is_some());
        let mut save = dialog(Mode::Save, &dir.path().join("nowhere"), "a.csv");
        assert_eq!(save.accept(), None);
        assert!(save.error.is_some());
        let mut empty = dialog(Mode::Save, dir.path(), "  ");
        assert_eq!(empty.accept(), None);
        assert!(empty.error.is_some());
    }

    #[test]
    fn the_listing_has_folders_first_and_only_offered_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("b-folder")).unwrap();
        std::fs::write(dir.path().join("a.csv"), "").unwrap();
        std::fs::write(dir.path().join("c.txt"), "").unwrap();
        std::fs::write(dir.path().join(".hidden.csv"), "").unwrap();
        let request = FileRequest::open(String::new()).filter("CSV", &["csv"]);
        let listing = read_folder(dir.path(), &request);
        let names: Vec<&str> = listing.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["b-folder", "a.csv"]);
    }
}
