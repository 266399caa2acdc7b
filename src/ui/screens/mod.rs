//! The screens of the first tab: the release list, the KPI dashboard, and whatever later issues
//! add (a calendar, CAB meetings). The top bar's switch and the View menu list them from
//! [`registry`], so a new screen is one file in this folder (a struct that implements [`Screen`]),
//! its `mod` line and one line in [`registry`].
//!
//! A screen draws itself from a [`ScreenContext`] (the model, the outbox, the language, the status
//! line) and never reaches into the window: what it wants of the window (open a release as a page,
//! the New release dialog) it returns as a [`ScreenAction`].

pub mod calendar;
pub mod dashboard;
pub mod meetings;
pub mod release_list;

use std::any::Any;

use crate::domain::{Language, ReleaseId};
use crate::model::Model;
use crate::ui::list_state::ListState;
use crate::ui::outbox::Outbox;

pub use release_list::ReleaseList;

/// The id of the release list, the screen shown first.
pub const RELEASE_LIST: &str = "releases";

/// Every screen beside the release list, in the order of the top bar's switch and the View menu.
fn registry() -> Vec<Box<dyn Screen>> {
    vec![
        Box::new(dashboard::Dashboard::default()),
        Box::new(calendar::Calendar::default()),
        Box::new(meetings::Meetings::default()),
        // One line per screen.
    ]
}

/// One screen of the first tab.
pub trait Screen: Any {
    /// Names the screen to the window and the tests (`"releases"`, `"dashboard"`): unique, stable.
    fn id(&self) -> &'static str;

    /// The i18n key of its name in the top bar's switch and the View menu.
    fn title_key(&self) -> &'static str;

    /// Draws the screen in the window's central area (it may add its own side panels to `ui`).
    fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ScreenContext<'_>) -> Option<ScreenAction>;

    /// Its keys, called while it is shown, no dialog is open and no text field has the keyboard.
    fn keys(&mut self, _ctx: &egui::Context, _cx: &mut ScreenContext<'_>) -> Option<ScreenAction> {
        None
    }

    /// Whether a dialog of its own is open: the window's shortcuts stay off meanwhile.
    fn has_modal(&self) -> bool {
        false
    }

    /// The result of a command it pushed as `Sender::Screen(self.id())`, translated when it failed.
    fn on_result(&mut self, _result: Result<(), String>) {}
}

/// What the window lends a screen for one frame.
pub struct ScreenContext<'a> {
    pub model: &'a Model,
    /// Where the screen's commands go (`Sender::Screen(id)` brings the result back to it).
    pub outbox: &'a mut Outbox,
    /// The language the window speaks.
    pub language: Language,
    /// The status bar's message: a screen may say what it did, or why it could not.
    pub status: &'a mut Option<StatusLine>,
    /// The release list's view, filter and sort (the calendar shows the same releases).
    pub list: &'a ListState,
}

/// What a screen asks the window to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScreenAction {
    /// Open the release as a page (or show its tab).
    OpenRelease(ReleaseId),
    /// Open the New release dialog.
    NewRelease,
    /// Load the sample scenarios into the empty database.
    LoadSample,
}

/// A message in the status bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusLine {
    pub text: String,
    pub is_error: bool,
}

/// The registered screens and which one the first tab shows.
pub struct Screens {
    /// The release list: always there, and the window's selection and search act on it.
    pub list: ReleaseList,
    /// The others, from [`registry`].
    others: Vec<Box<dyn Screen>>,
    shown: &'static str,
}

impl Default for Screens {
    fn default() -> Self {
        Self { list: ReleaseList::default(), others: registry(), shown: RELEASE_LIST }
    }
}

impl Screens {
    /// Every screen, in the switch's order.
    pub fn iter(&self) -> impl Iterator<Item = &dyn Screen> {
        std::iter::once(&self.list as &dyn Screen).chain(self.others.iter().map(|s| s.as_ref()))
    }

    /// The id of the screen shown.
    pub fn shown(&self) -> &'static str {
        self.shown
    }

    /// Shows the screen with `id`; an unknown id changes nothing.
    pub fn show(&mut self, id: &str) {
        let found = self.iter().map(|s| s.id()).find(|s| *s == id);
        if let Some(found) = found {
            self.shown = found;
        }
    }

    /// The screen with `id`.
    pub fn by_id_mut(&mut self, id: &str) -> Option<&mut dyn Screen> {
        if id == self.list.id() {
            return Some(&mut self.list);
        }
        self.others.iter_mut().find(|s| s.id() == id).map(|s| s.as_mut() as &mut dyn Screen)
    }

    /// The screen shown.
    pub fn shown_mut(&mut self) -> &mut dyn Screen {
        let shown = self.shown;
        match self.others.iter_mut().find(|s| s.id() == shown) {
            Some(screen) => screen.as_mut(),
            None => &mut self.list,
        }
    }

    /// The registered screen of type `S`.
    pub fn get<S: Screen>(&self) -> Option<&S> {
        self.iter().find_map(|s| (s as &dyn Any).downcast_ref::<S>())
    }

    /// The registered screen of type `S`, to change.
    pub fn get_mut<S: Screen>(&mut self) -> Option<&mut S> {
        if let Some(list) = (&mut self.list as &mut dyn Any).downcast_mut::<S>() {
            return Some(list);
        }
        self.others.iter_mut().find_map(|s| (s.as_mut() as &mut dyn Any).downcast_mut::<S>())
    }

    /// Whether any screen has a dialog of its own open.
    pub fn any_modal(&self) -> bool {
        self.iter().any(Screen::has_modal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_release_list_comes_first_and_every_screen_has_its_own_id() {
        let screens = Screens::default();
        let ids: Vec<&str> = screens.iter().map(Screen::id).collect();
        assert_eq!(ids.first(), Some(&RELEASE_LIST));
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "{ids:?}");
        assert!(screens.get::<dashboard::Dashboard>().is_some());
    }

    #[test]
    fn showing_an_unknown_screen_changes_nothing() {
        let mut screens = Screens::default();
        screens.show(dashboard::ID);
        assert_eq!(screens.shown(), dashboard::ID);
        screens.show("no-such-screen");
        assert_eq!(screens.shown(), dashboard::ID);
        assert_eq!(screens.shown_mut().id(), dashboard::ID);
    }
}
