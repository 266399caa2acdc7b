//! The window's one outbox. Panels, screens, dialogs and pages never change the model: they push
//! a [`Command`] tagged with who they are (a [`Sender`]); the app drains the outbox once a frame,
//! after drawing, applies each command through `Model::apply` and hands the result back to its
//! sender (a dialog keeps the user's edits when the write fails). The window's own commands
//! ([`AppCommand`]: undo, redo, New release, Close tab, ...) are queued here too, so everything a
//! frame asked for runs in the order it was asked, in one place.

use crate::domain::ReleaseId;
use crate::model::Command;
use crate::ui::command::AppCommand;

/// Who gave a command, and so who hears how it went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sender {
    /// The New release dialog: keeps its draft when the create fails.
    NewRelease,
    /// The Agents and groups dialog.
    People,
    /// The Release templates dialog.
    Templates,
    /// The list's side panel (saved views).
    Filters,
    /// The bulk bar, the Delete key and the Edit menu, on the list's selection.
    Bulk,
    /// A screen, by its id (the dashboard's targets editor keeps its draft when the save fails).
    Screen(&'static str),
    /// The window's own settings: theme, language, who is signed in, the sample data.
    Window,
    /// A part of a release page.
    Page(ReleaseId, Origin),
}

/// Which part of a release page gave a command, so that its result goes back there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Header,
    Properties,
    Description,
    Plans,
    Notes,
    Tasks,
    Time,
    /// The monitoring section (readings and thresholds after deploy).
    Monitoring,
    /// The regulator approvals section (its Record approval dialog keeps its input on a refusal).
    Regulator,
    /// Another section, by the key of its title (`"section-lifecycle"`, `"section-links"`, ...).
    Section(&'static str),
}

/// One request waiting for the drain.
#[derive(Debug)]
pub enum Outgoing {
    Apply(Sender, Command),
    App(AppCommand),
}

/// What was asked this frame, in order.
#[derive(Debug, Default)]
pub struct Outbox {
    items: Vec<Outgoing>,
}

impl Outbox {
    /// Queues `command`; its result goes back to `from`.
    pub fn push(&mut self, from: Sender, command: Command) {
        self.items.push(Outgoing::Apply(from, command));
    }

    /// Queues a window command (a menu item or a shortcut).
    pub fn send(&mut self, command: AppCommand) {
        self.items.push(Outgoing::App(command));
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Everything queued, oldest first, leaving the outbox empty.
    pub fn take(&mut self) -> Vec<Outgoing> {
        std::mem::take(&mut self.items)
    }
}
