//! The window's commands: every action a menu item or a window shortcut can start, each with its
//! label (an i18n key), its shortcuts (primary first), where its shortcuts act and its menu place.
//! The menus, the shortcut handling and Help > Keyboard shortcuts all read [`AppCommand`], so a new
//! command is one variant here plus what it does in `ui/app/commands.rs`.
//!
//! A command is queued in the window's outbox (`Outbox::send`) and run by the same drain as the
//! model's commands, at the end of the frame. No shortcut acts while a dialog is open.

use egui::{Key, KeyboardShortcut, ModifierNames, Modifiers};

/// A menu of the top bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    File,
    Edit,
    View,
    Help,
}

/// Where a command's shortcuts act (always only while no dialog is open).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Anywhere in the window, even while a text field has the keyboard.
    Window,
    /// Anywhere, but not while typing (a text field has its own undo and select-all).
    NotTyping,
    /// On a release page's tab.
    Page,
    /// On the release list, not while typing.
    List,
}

/// Every command of the window, in menu order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AppCommand {
    NewRelease,
    OpenDatabase,
    NewDatabase,
    People,
    Templates,
    LoadSample,
    Import,
    Export,
    Backups,
    Team,
    SyncNow,
    CloseTab,
    Quit,
    Undo,
    Redo,
    SelectAll,
    ClearSelection,
    MoveToTrash,
    Find,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    KeyboardShortcuts,
    KpiHelp,
    About,
}

const fn command(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

impl AppCommand {
    /// Every command, in menu order.
    pub const ALL: [Self; 25] = [
        Self::NewRelease,
        Self::OpenDatabase,
        Self::NewDatabase,
        Self::People,
        Self::Templates,
        Self::LoadSample,
        Self::Import,
        Self::Export,
        Self::Backups,
        Self::Team,
        Self::SyncNow,
        Self::CloseTab,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::SelectAll,
        Self::ClearSelection,
        Self::MoveToTrash,
        Self::Find,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::ZoomReset,
        Self::KeyboardShortcuts,
        Self::KpiHelp,
        Self::About,
    ];

    /// The i18n key of its label (the menu item, the Keyboard shortcuts window).
    pub fn label_key(self) -> &'static str {
        match self {
            Self::NewRelease => "menu-new-release",
            Self::OpenDatabase => "menu-open-database",
            Self::NewDatabase => "menu-new-database",
            Self::People => "menu-people",
            Self::Templates => "menu-templates",
            Self::LoadSample => "action-load-sample",
            Self::Import => "menu-import",
            Self::Export => "menu-export",
            Self::Backups => "menu-backups",
            Self::Team => "menu-team",
            Self::SyncNow => "menu-sync-now",
            Self::CloseTab => "menu-close-tab",
            Self::Quit => "menu-quit",
            Self::Undo => "menu-undo",
            Self::Redo => "menu-redo",
            Self::SelectAll => "menu-select-all",
            Self::ClearSelection => "menu-clear-selection",
            Self::MoveToTrash => "menu-move-to-trash",
            Self::Find => "menu-find",
            Self::ZoomIn => "menu-zoom-in",
            Self::ZoomOut => "menu-zoom-out",
            Self::ZoomReset => "menu-zoom-reset",
            Self::KeyboardShortcuts => "menu-keyboard-shortcuts",
            Self::KpiHelp => "menu-kpi-help",
            Self::About => "menu-about",
        }
    }

    /// Its shortcuts, the primary first (shown in the menu); empty when it has none.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const REDO: KeyboardShortcut =
            KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
        match self {
            Self::NewRelease => const { &[command(Key::N)] },
            Self::CloseTab => const { &[command(Key::W)] },
            Self::Undo => const { &[command(Key::Z)] },
            Self::Redo => const { &[REDO, command(Key::Y)] },
            Self::SelectAll => const { &[command(Key::A)] },
            Self::ClearSelection => const { &[plain(Key::Escape)] },
            Self::MoveToTrash => const { &[plain(Key::Delete)] },
            Self::Find => const { &[command(Key::F)] },
            Self::KeyboardShortcuts => const { &[plain(Key::F1)] },
            Self::SyncNow => const { &[plain(Key::F5)] },
            Self::OpenDatabase
            | Self::NewDatabase
            | Self::People
            | Self::Templates
            | Self::LoadSample
            | Self::Import
            | Self::Export
            | Self::Backups
            | Self::Team
            | Self::Quit
            | Self::KpiHelp
            | Self::About
            // egui reads its own zoom keys (listed in `OTHER_KEYS`).
            | Self::ZoomIn
            | Self::ZoomOut
            | Self::ZoomReset => &[],
        }
    }

    /// Where its shortcuts act.
    pub fn scope(self) -> Scope {
        match self {
            Self::Undo | Self::Redo => Scope::NotTyping,
            Self::CloseTab => Scope::Page,
            Self::SelectAll | Self::ClearSelection | Self::MoveToTrash => Scope::List,
            _ => Scope::Window,
        }
    }

    /// The menu it is in, if any.
    pub fn menu(self) -> Option<Menu> {
        Some(match self {
            Self::NewRelease
            | Self::OpenDatabase
            | Self::NewDatabase
            | Self::People
            | Self::Templates
            | Self::LoadSample
            | Self::Import
            | Self::Export
            | Self::Backups
            | Self::Team
            | Self::SyncNow
            | Self::CloseTab
            | Self::Quit => Menu::File,
            Self::Undo
            | Self::Redo
            | Self::SelectAll
            | Self::ClearSelection
            | Self::MoveToTrash
            | Self::Find => Menu::Edit,
            Self::ZoomIn | Self::ZoomOut | Self::ZoomReset => Menu::View,
            Self::KeyboardShortcuts | Self::KpiHelp | Self::About => Menu::Help,
        })
    }

    /// Whether a separator goes above it in its menu.
    pub fn starts_group(self) -> bool {
        matches!(
            self,
            Self::Import
                | Self::Team
                | Self::CloseTab
                | Self::Quit
                | Self::SelectAll
                | Self::Find
                | Self::ZoomIn
                | Self::KpiHelp
        )
    }

    /// Every (command, shortcut) pair, the ones with more modifiers first: Ctrl+Z also matches
    /// Ctrl+Shift+Z, so redo must be tried before undo.
    pub fn shortcut_order() -> Vec<(Self, KeyboardShortcut)> {
        let mut pairs: Vec<(Self, KeyboardShortcut)> =
            Self::ALL.iter().flat_map(|c| c.shortcuts().iter().map(move |s| (*c, *s))).collect();
        let weight = |s: &KeyboardShortcut| {
            let m = s.modifiers;
            [m.alt, m.shift, m.command || m.ctrl || m.mac_cmd].iter().filter(|on| **on).count()
        };
        pairs.sort_by_key(|(_, s)| std::cmp::Reverse(weight(s)));
        pairs
    }
}

/// How `shortcut` is written on this platform: egui's names, but "Esc" and arrows as "↑" / "↓".
pub fn shortcut_text(ctx: &egui::Context, shortcut: &KeyboardShortcut) -> String {
    let key = match shortcut.logical_key {
        Key::Escape => "Esc",
        Key::ArrowUp => "↑",
        Key::ArrowDown => "↓",
        _ => return ctx.format_shortcut(shortcut),
    };
    let names = &ModifierNames::NAMES;
    let mut text = names.format(&shortcut.modifiers, ctx.os().is_mac());
    if !text.is_empty() {
        text += names.concat;
    }
    text + key
}

/// The hint a button of `command` shows: its primary shortcut as written here ("Ctrl+W"), or
/// nothing when it has none.
pub fn command_hint(ctx: &egui::Context, command: AppCommand) -> String {
    command.shortcuts().first().map(|s| shortcut_text(ctx, s)).unwrap_or_default()
}

/// The modifiers `key` was pressed with in this frame, read from its own key event (not the
/// modifiers held at the end of the frame: a quick Shift+Down, Shift released within the same
/// frame, still extends a selection). `None` when it was not pressed.
pub fn key_press(input: &egui::InputState, key: Key) -> Option<Modifiers> {
    input.events.iter().find_map(|event| match event {
        egui::Event::Key { key: k, pressed: true, modifiers, .. } if *k == key => Some(*modifiers),
        _ => None,
    })
}

/// Esc: closes a dialog (one with unsaved edits asks first) or clears the list's selection.
pub const DIALOG_CANCEL: KeyboardShortcut = plain(Key::Escape);
/// Ctrl+Enter: confirms a dialog (New release, Rollback, Complete, the gate's override).
pub const DIALOG_CONFIRM: KeyboardShortcut = command(Key::Enter);
/// Ctrl+S: saves the plan being edited.
pub const DIALOG_SAVE: KeyboardShortcut = command(Key::S);

/// Keys that act inside a dialog or on the list rather than as window commands, for the Keyboard
/// shortcuts window: how the keys are written, and the i18n key of what they do.
pub const OTHER_KEYS: &[(OtherKeys, &str)] = &[
    (OtherKeys::Shortcut(DIALOG_CANCEL), "keys-escape"),
    (OtherKeys::Shortcut(DIALOG_CONFIRM), "keys-create"),
    (OtherKeys::Shortcut(DIALOG_SAVE), "keys-save"),
    (OtherKeys::Pair(plain(Key::ArrowUp), plain(Key::ArrowDown)), "keys-move"),
    (
        OtherKeys::Pair(
            KeyboardShortcut::new(Modifiers::SHIFT, Key::ArrowUp),
            KeyboardShortcut::new(Modifiers::SHIFT, Key::ArrowDown),
        ),
        "keys-extend",
    ),
    (OtherKeys::Shortcut(plain(Key::Enter)), "keys-open"),
    (OtherKeys::Mouse("keys-click-names"), "keys-click"),
    (OtherKeys::Shortcut(plain(Key::Delete)), "keys-delete-in-trash"),
    (
        OtherKeys::Pair(egui::gui_zoom::kb_shortcuts::ZOOM_IN, egui::gui_zoom::kb_shortcuts::ZOOM_OUT),
        "keys-zoom",
    ),
    (OtherKeys::Shortcut(egui::gui_zoom::kb_shortcuts::ZOOM_RESET), "keys-zoom-reset"),
];

/// How a key of [`OTHER_KEYS`] is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OtherKeys {
    Shortcut(KeyboardShortcut),
    /// Two keys, written "A / B".
    Pair(KeyboardShortcut, KeyboardShortcut),
    /// Mouse gestures, written by an i18n key ("click / Ctrl+click / Shift+click").
    Mouse(&'static str),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut_and_redo_is_tried_before_undo() {
        let pairs = AppCommand::shortcut_order();
        for (i, (a, sa)) in pairs.iter().enumerate() {
            for (b, sb) in &pairs[i + 1..] {
                assert!(sa != sb, "{a:?} and {b:?} share {sa:?}");
            }
        }
        let position = |c: AppCommand| pairs.iter().position(|(p, _)| *p == c);
        assert!(position(AppCommand::Redo) < position(AppCommand::Undo));
        assert_eq!(AppCommand::Redo.shortcuts()[1], command(Key::Y));
    }

    #[test]
    fn every_command_is_listed_once() {
        for c in AppCommand::ALL {
            assert_eq!(AppCommand::ALL.iter().filter(|x| **x == c).count(), 1, "{c:?}");
        }
    }
}
