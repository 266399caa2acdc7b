//! The UI state each database file comes back with (issue 13, item 3): the list's view, search,
//! filter, sort and columns and the dashboard's period, kept by the file's canonical path so that
//! opening another file never inherits the last one's search. It is written to eframe's storage
//! as it changes (at most once a second), not only on Quit, and holds the last [`MAX_FILES`]
//! files used.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::ReleaseDeskApp;
use crate::ui::list_state::ListState;
use crate::ui::screens::dashboard::{Dashboard, DashboardPeriod};

/// eframe storage key of every database's UI state, by path.
pub(super) const UI_STATES_KEY: &str = "ui_states";
/// The list states by path, as kept before the dashboard's period joined them (read once).
const LEGACY_LIST_STATES_KEY: &str = "list_states";
/// One list state for all databases, as kept before that (read once, for the first file opened).
const LEGACY_LIST_STATE_KEY: &str = "list_state";
/// How many files are remembered; the one used longest ago is forgotten first.
pub const MAX_FILES: usize = 20;
/// The shortest time between two writes while the state keeps changing (typing a search).
const WRITE_EVERY: Duration = Duration::from_secs(1);

/// What one database file's window looked like when last left.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DatabaseUi {
    pub list: ListState,
    pub dashboard: DashboardPeriod,
    /// When the file was last opened, as a count that only goes up: the oldest is forgotten first.
    pub opened: u64,
}

/// Every remembered file's UI state, and what storage holds of it.
#[derive(Default)]
pub(super) struct Remembered {
    pub(super) files: BTreeMap<String, DatabaseUi>,
    /// What was last written to storage (`None`: nothing yet this run).
    written: Option<BTreeMap<String, DatabaseUi>>,
    last_write: Option<Instant>,
}

/// The key a database's UI state is remembered under: its canonical path.
pub(super) fn key(db_path: &Path) -> String {
    std::fs::canonicalize(db_path).unwrap_or_else(|_| db_path.to_owned()).display().to_string()
}

impl Remembered {
    /// Reads what storage holds (and the older forms of it, `current` getting the oldest).
    fn load(storage: &dyn eframe::Storage, current: &str) -> BTreeMap<String, DatabaseUi> {
        if let Some(files) = eframe::get_value(storage, UI_STATES_KEY) {
            return files;
        }
        let mut files: BTreeMap<String, DatabaseUi> =
            eframe::get_value::<BTreeMap<String, ListState>>(storage, LEGACY_LIST_STATES_KEY)
                .unwrap_or_default()
                .into_iter()
                .map(|(path, list)| (path, DatabaseUi { list, ..DatabaseUi::default() }))
                .collect();
        if !files.contains_key(current)
            && let Some(list) = eframe::get_value::<ListState>(storage, LEGACY_LIST_STATE_KEY)
        {
            files.insert(current.to_owned(), DatabaseUi { list, ..DatabaseUi::default() });
        }
        files
    }

    /// Marks `key` as opened now and forgets the files opened longest ago beyond [`MAX_FILES`].
    fn opened(&mut self, key: &str) {
        let next = self.files.values().map(|f| f.opened).max().unwrap_or(0) + 1;
        self.files.entry(key.to_owned()).or_default().opened = next;
        while self.files.len() > MAX_FILES {
            let Some(oldest) =
                self.files.iter().filter(|(k, _)| k.as_str() != key).min_by_key(|(_, f)| f.opened)
            else {
                break;
            };
            let oldest = oldest.0.clone();
            self.files.remove(&oldest);
        }
    }

    /// Writes the states to `storage` if they changed since the last write.
    fn write(&mut self, storage: &mut dyn eframe::Storage, now: Instant) {
        if self.written.as_ref() == Some(&self.files) {
            return;
        }
        eframe::set_value(storage, UI_STATES_KEY, &self.files);
        storage.remove_string(LEGACY_LIST_STATES_KEY);
        storage.remove_string(LEGACY_LIST_STATE_KEY);
        storage.flush();
        self.written = Some(self.files.clone());
        self.last_write = Some(now);
    }
}

impl ReleaseDeskApp {
    /// Restores the remembered UI states from eframe storage, and shows this database's.
    pub fn restore(&mut self, storage: Option<&dyn eframe::Storage>) {
        let Some(storage) = storage else { return };
        let files = Remembered::load(storage, &key(&self.session.db_path));
        self.window.remembered = Remembered { files: files.clone(), written: Some(files), last_write: None };
        self.recall_ui();
    }

    /// Shows the list and the dashboard as they were last left for this database (the defaults
    /// for a new one), and counts it as opened now.
    pub(super) fn recall_ui(&mut self) {
        let key = key(&self.session.db_path);
        self.window.remembered.opened(&key);
        let remembered = self.window.remembered.files.get(&key).cloned().unwrap_or_default();
        self.screens.list.state = remembered.list;
        if let Some(dashboard) = self.screens.get_mut::<Dashboard>() {
            dashboard.set_remembered_period(&remembered.dashboard);
        }
    }

    /// Remembers the list and the dashboard as they are now for this database.
    pub(super) fn remember_ui(&mut self) {
        let key = key(&self.session.db_path);
        let dashboard = self.screens.get::<Dashboard>().map(Dashboard::remembered_period);
        let entry = self.window.remembered.files.entry(key).or_default();
        if entry.list != self.screens.list.state {
            entry.list.clone_from(&self.screens.list.state);
        }
        if let Some(dashboard) = dashboard {
            entry.dashboard = dashboard;
        }
    }

    /// Writes the UI state to `storage` once it changed, at most once a second while it keeps
    /// changing (a search being typed); called every frame, so nothing waits for Quit.
    pub fn persist_ui_state(&mut self, ctx: &egui::Context, storage: &mut dyn eframe::Storage, now: Instant) {
        self.remember_ui();
        let remembered = &mut self.window.remembered;
        if remembered.written.as_ref() == Some(&remembered.files) {
            return;
        }
        match remembered.last_write.map(|at| now.saturating_duration_since(at)) {
            Some(since) if since < WRITE_EVERY => ctx.request_repaint_after(WRITE_EVERY - since),
            _ => remembered.write(storage, now),
        }
    }

    /// Writes the UI state now (eframe's save: on Quit, and every 30 seconds).
    pub(super) fn save_ui_state(&mut self, storage: &mut dyn eframe::Storage) {
        self.remember_ui();
        self.window.remembered.write(storage, Instant::now());
    }

    /// Every remembered file's UI state, by canonical path (tests).
    #[doc(hidden)]
    pub fn remembered_ui(&self) -> &BTreeMap<String, DatabaseUi> {
        &self.window.remembered.files
    }
}
