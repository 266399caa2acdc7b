//! What the window's kittests (`tests/`) read and steer directly. Test-only: nothing in the app
//! calls these, and they are hidden from the docs.

use std::path::PathBuf;

use super::ReleaseDeskApp;
use crate::domain::ReleaseId;
use crate::model::Model;
use crate::ui::list_state::ListState;
use crate::ui::new_release::NewReleaseModal;
use crate::ui::release_page::ReleasePage;
use crate::ui::screens::calendar::Calendar;
use crate::ui::screens::dashboard::Dashboard;

/// Test-only accessors.
#[doc(hidden)]
impl ReleaseDeskApp {
    /// A window on an already loaded model.
    pub fn from_model(model: Model) -> Self {
        let path = crate::model::session::path(&model).to_owned();
        Self::with_model(path, Some(model), None)
    }

    pub fn model(&self) -> Option<&Model> {
        self.session.model.as_ref()
    }

    /// The model, to change its clock or storage limits.
    pub fn model_mut(&mut self) -> Option<&mut Model> {
        self.session.model.as_mut()
    }

    pub fn list_state(&self) -> &ListState {
        &self.screens.list.state
    }

    pub fn list_state_mut(&mut self) -> &mut ListState {
        &mut self.screens.list.state
    }

    pub fn new_release_modal_mut(&mut self) -> &mut NewReleaseModal {
        &mut self.dialogs.new_release
    }

    /// The ids of the releases the table shows, in order.
    pub fn visible_release_ids(&self) -> Vec<ReleaseId> {
        self.session.model.as_ref().map_or_else(Vec::new, |m| {
            self.screens.list.rows.rows().iter().map(|&i| m.releases()[i].id).collect()
        })
    }

    /// The row the keyboard is on (the last one clicked).
    pub fn selected(&self) -> Option<ReleaseId> {
        self.screens.list.table.selection.cursor()
    }

    /// Every selected release, in id order.
    pub fn selection(&self) -> Vec<ReleaseId> {
        self.screens.list.selected_ids()
    }

    /// Whether the "delete forever" confirmation is open.
    pub fn confirming_purge(&self) -> bool {
        self.screens.list.bulk_bar.is_confirming()
    }

    /// The release whose page is shown, if a page tab is active.
    pub fn active_page(&self) -> Option<ReleaseId> {
        self.tabs.active_id()
    }

    /// The releases open as pages, in tab order.
    pub fn open_pages(&self) -> Vec<ReleaseId> {
        self.tabs.pages.iter().map(ReleasePage::release_id).collect()
    }

    /// The page of a release, if open.
    pub fn page_mut(&mut self, id: ReleaseId) -> Option<&mut ReleasePage> {
        self.tabs.pages.iter_mut().find(|p| p.release_id() == id)
    }

    /// Shows the Releases list tab.
    pub fn show_list(&mut self) {
        self.tabs.active = None;
    }

    /// The id of the screen the first tab shows (`"releases"`, `"dashboard"`).
    pub fn shown_screen(&self) -> &'static str {
        self.screens.shown()
    }

    /// The calendar screen, if registered.
    pub fn calendar(&self) -> Option<&Calendar> {
        self.screens.get::<Calendar>()
    }

    pub fn calendar_mut(&mut self) -> Option<&mut Calendar> {
        self.screens.get_mut::<Calendar>()
    }

    /// The dashboard screen, if registered.
    pub fn meetings(&self) -> Option<&crate::ui::screens::meetings::Meetings> {
        self.screens.get::<crate::ui::screens::meetings::Meetings>()
    }

    pub fn meetings_mut(&mut self) -> Option<&mut crate::ui::screens::meetings::Meetings> {
        self.screens.get_mut::<crate::ui::screens::meetings::Meetings>()
    }

    pub fn dashboard(&self) -> Option<&Dashboard> {
        self.screens.get::<Dashboard>()
    }

    pub fn dashboard_mut(&mut self) -> Option<&mut Dashboard> {
        self.screens.get_mut::<Dashboard>()
    }

    /// Starts exporting a KPI chart of the dashboard's period to `path`, as the save dialog does.
    pub fn export_kpi_chart(&mut self, kind: crate::export::chart::ChartKind, path: PathBuf) {
        let language = self.language();
        if let (Some(model), Some(dashboard)) = (&self.session.model, self.screens.get_mut::<Dashboard>()) {
            dashboard.start_chart_export(model, kind, path, language);
        }
    }

    /// The status bar's message, if any.
    pub fn status_text(&self) -> Option<String> {
        self.status.as_ref().map(|s| s.text.clone())
    }

    /// Whether stashed edits are being offered back ("There are edits that can be recovered").
    pub fn offering_recovery(&self) -> bool {
        self.recovery.offer.is_some()
    }

    /// Turns the 30-second team sync on or off (a team file drawn without a server).
    pub fn set_team_auto_sync(&mut self, on: bool) {
        self.team_sync.set_auto(on);
    }

    /// Whether the team's conflicts dialog is open.
    pub fn conflicts_dialog_open(&self) -> bool {
        self.dialogs.conflicts.is_open()
    }

    /// Whether File > Team… is open.
    pub fn team_dialog_open(&self) -> bool {
        self.dialogs.team.is_open()
    }

    /// Whether File > Team… is connecting to a server.
    pub fn team_dialog_connecting(&self) -> bool {
        self.dialogs.team.is_connecting()
    }

    /// Whether a team sync is running on its worker thread.
    pub fn team_syncing(&self) -> bool {
        self.team_sync.is_running()
    }
}
