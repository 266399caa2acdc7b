//! Team sync in the window (issue 21): while the file is in a team, a sync runs every 30 s, on
//! File > Sync now, and at once when a teammate's change is written (a [`ChangeListener`] on its
//! own thread listens on the server once a sync has reached it). The PostgreSQL round trips run
//! on a named worker thread (`team-sync`) from a
//! [`SyncJob`] the model hands out; the model stays on this thread and applies what came back
//! through its one path when the worker is done, so a slow or unreachable server never holds up
//! a frame. What the status bar shows of it (connected, offline and why, pending pushes, last
//! pull, conflicts waiting) is drawn here too.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use egui::RichText;

use super::ReleaseDeskApp;
use crate::domain::{ReleaseId, Timestamp};
use crate::i18n::{self, tr, tr_args};
use crate::model::Model;
use crate::model::team::{ChangeListener, Fetched, TeamError, TeamStatus};
use crate::ui::team_dialog::TeamDialogAction;

/// How often a file in a team syncs by itself.
pub const AUTO_SYNC_EVERY: Duration = Duration::from_secs(30);

/// After this long the status bar says how long the server has not answered.
const SLOW_SYNC: Duration = Duration::from_secs(10);

/// A sync running on the worker thread.
struct Running {
    result: mpsc::Receiver<Fetched>,
    /// The file it was taken from, and its last seq then: a result for another file (or one
    /// restored from a backup meanwhile) is not applied.
    db_path: std::path::PathBuf,
    after: i64,
    /// Asked for by the user (the status line reports it), not the 30-second timer.
    asked: bool,
}

/// How the last sync ended.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Connected,
    /// The server could not be reached: why, in the user's language.
    Offline(String),
    /// The server answered but the sync failed: why.
    Failed(String),
}

/// The window's side of team sync.
pub(super) struct TeamSync {
    running: Option<Running>,
    started: Option<Instant>,
    outcome: Option<Outcome>,
    /// When a sync last completed its pull, this session.
    last_pull: Option<Timestamp>,
    /// The counts the status bar shows, with the model revision they were read at.
    counts: Option<(u64, TeamStatus)>,
    /// Off in tests that draw a team file without a server.
    auto: bool,
    /// Whether the last sync's connection was encrypted (TLS), for the status bar's hover.
    encrypted: Option<bool>,
    /// Listening for teammates' changes on the server, for the file at this path. What it hears
    /// while a sync runs waits in it until that sync is done.
    listener: Option<(ChangeListener, std::path::PathBuf)>,
}

impl Default for TeamSync {
    fn default() -> Self {
        Self {
            running: None,
            started: None,
            outcome: None,
            last_pull: None,
            counts: None,
            auto: true,
            encrypted: None,
            listener: None,
        }
    }
}

impl TeamSync {
    /// Whether a sync is running now.
    pub(super) fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Turns the automatic sync on or off (kittests draw a team file without a server).
    pub(super) fn set_auto(&mut self, on: bool) {
        self.auto = on;
    }
}

/// A line for the status bar: the text and whether it tells of a failure.
type Message = (String, bool);

impl ReleaseDeskApp {
    /// Once a frame: takes in a finished sync, and starts the next one when it is due.
    pub(super) fn team_sync_tick(&mut self, ctx: &egui::Context) {
        if let Some(message) = self.collect_sync(ctx) {
            self.set_status(message.0, message.1);
        }
        let Some(model) = self.session.model.as_ref() else {
            self.team_sync.listener = None;
            return;
        };
        if model.team().is_none() || model.is_read_only() {
            // Another file, in no team (or held by another window): no connection is kept for it.
            self.team_sync.listener = None;
            return;
        }
        if self.team_sync.running.is_some() {
            return;
        }
        if !self.team_sync.auto {
            return;
        }
        let heard = self.heard_a_change();
        let due = heard || self.team_sync.started.is_none_or(|at| at.elapsed() >= AUTO_SYNC_EVERY);
        if due {
            if let Some(message) = self.start_sync(ctx, false) {
                self.set_status(message.0, message.1);
            }
        } else if let Some(at) = self.team_sync.started {
            ctx.request_repaint_after(AUTO_SYNC_EVERY.saturating_sub(at.elapsed()));
        }
    }

    /// Whether the listener heard a teammate's change; drops a listener that ended or belongs to
    /// another file.
    fn heard_a_change(&mut self) -> bool {
        let Some((listener, for_path)) = &mut self.team_sync.listener else { return false };
        if !crate::model::session::same_file(for_path, &self.session.db_path) {
            self.team_sync.listener = None;
            return false;
        }
        let heard = match listener.heard() {
            Ok(change) => change,
            Err(err) => {
                log::info!("listening for the team's changes stopped: {err}");
                false
            }
        };
        if listener.has_ended() {
            self.team_sync.listener = None;
        }
        heard
    }

    /// After a sync that reached the server: listens for teammates' changes, unless it already does.
    fn listen_for_changes(&mut self, ctx: &egui::Context) {
        if self.team_sync.listener.is_some() || !self.team_sync.auto {
            return;
        }
        let Some(model) = self.session.model.as_ref() else { return };
        let password = std::env::var("PGPASSWORD").ok();
        let repaint = ctx.clone();
        match model.team_listen(password.as_deref(), move || repaint.request_repaint()) {
            Ok(listener) => self.team_sync.listener = Some((listener, self.session.db_path.clone())),
            Err(err) => log::warn!("could not listen for the team's changes: {err}"),
        }
    }

    /// What File > Team… asked for: record the team it reached (the first sync starts at once),
    /// or use a password this session and sync.
    pub(super) fn team_dialog_action(&mut self, ctx: &egui::Context, action: TeamDialogAction) {
        let Some(model) = self.session.model.as_mut() else { return };
        match action {
            TeamDialogAction::Reached(reached) => match model.team_join_finish(*reached) {
                Ok(()) => {
                    let (url, author) =
                        model.team().map(|t| (t.url.clone(), t.author.clone())).unwrap_or_default();
                    let joined = tr_args("team-joined", &[("url", url.into()), ("author", author.into())]);
                    self.team_sync.started = None;
                    self.team_sync.counts = None;
                    self.set_status(joined, false);
                }
                Err(err) => {
                    log::warn!("could not record the team in the file: {err}");
                    self.dialogs.team.failed(&err);
                }
            },
            TeamDialogAction::UsePassword(password) => {
                model.set_team_password(Some(password));
                if let Some(message) = self.sync_now(ctx) {
                    self.set_status(message.0, message.1);
                }
            }
        }
    }

    /// File > Sync now: starts a sync at once (the status line says how it went).
    pub(super) fn sync_now(&mut self, ctx: &egui::Context) -> Option<Message> {
        let model = self.session.model.as_ref()?;
        if model.team().is_none() {
            return Some((i18n::team_error(&TeamError::NoTeam), true));
        }
        if model.is_read_only() {
            // A sync writes what it pulls; the window that holds the file syncs it.
            return Some((tr("team-sync-read-only"), true));
        }
        if self.team_sync.running.is_some() {
            return Some((tr("team-sync-already-running"), false));
        }
        self.start_sync(ctx, true)
    }

    /// Takes the job from the model and runs it on the `team-sync` thread.
    fn start_sync(&mut self, ctx: &egui::Context, asked: bool) -> Option<Message> {
        let model = self.session.model.as_mut()?;
        self.team_sync.started = Some(Instant::now());
        let password = std::env::var("PGPASSWORD").ok();
        let job = match model.team_sync_job(password.as_deref()) {
            Ok(job) => job,
            Err(err) => return Some(self.sync_failed(&err)),
        };
        let after = model.team().map_or(0, |t| t.last_seq);
        let (send, result) = mpsc::channel();
        let repaint = ctx.clone();
        let spawned = std::thread::Builder::new().name("team-sync".into()).spawn(move || {
            let fetched = job.run();
            if send.send(fetched).is_err() {
                // The window went (or opened another file) while the sync ran: the next sync of
                // this file pushes and pulls again; a push is idempotent.
                log::info!("a team sync finished after its window stopped waiting for it");
            }
            repaint.request_repaint();
        });
        match spawned {
            Ok(_) => {
                let db_path = self.session.db_path.clone();
                self.team_sync.running = Some(Running { result, db_path, after, asked });
                None
            }
            Err(err) => {
                log::warn!("could not start the team sync thread: {err}");
                let why = TeamError::Server(err.to_string());
                Some(self.sync_failed(&why))
            }
        }
    }

    /// Applies a finished sync, if there is one; returns what the status line should say.
    fn collect_sync(&mut self, ctx: &egui::Context) -> Option<Message> {
        let running = self.team_sync.running.as_ref()?;
        let fetched = match running.result.try_recv() {
            Ok(fetched) => fetched,
            Err(mpsc::TryRecvError::Empty) => return None,
            Err(mpsc::TryRecvError::Disconnected) => {
                self.team_sync.running = None;
                log::warn!("the team sync thread ended without a result");
                let why = TeamError::Server(tr("team-sync-stopped"));
                return Some(self.sync_failed(&why));
            }
        };
        let Running { db_path, after, asked, .. } = self.team_sync.running.take()?;
        self.team_sync.counts = None;
        let model = self.session.model.as_mut()?;
        let same_file = crate::model::session::same_file(&db_path, &self.session.db_path)
            && model.team().is_some_and(|t| t.last_seq == after);
        if !same_file {
            log::info!("a team sync of {} came back after the file changed; not applied", db_path.display());
            self.team_sync.started = None;
            return None;
        }
        if let Some(encrypted) = fetched.encrypted() {
            self.team_sync.encrypted = Some(encrypted);
        }
        match model.team_sync_finish(fetched) {
            Ok(report) => {
                self.team_sync.last_pull = Some(model.now());
                self.follow_team_numbers(&report.numbers);
                self.team_sync.outcome = Some(Outcome::Connected);
                self.listen_for_changes(ctx);
                if !report.conflicts.is_empty() {
                    let count = report.conflicts.len();
                    return Some((tr_args("team-sync-new-conflicts", &[("count", count.into())]), true));
                }
                asked.then(|| {
                    let args = [("pushed", report.pushed.into()), ("pulled", report.pulled.into())];
                    (tr_args("team-sync-done", &args), false)
                })
            }
            Err(err) => {
                let message = self.sync_failed(&err);
                (asked || !matches!(err, TeamError::Unreachable { .. })).then_some(message)
            }
        }
    }

    /// Releases made here got their team numbers: the selection, the open pages and a pending
    /// close follow them.
    fn follow_team_numbers(&mut self, numbers: &crate::domain::team::TeamNumbers) {
        let releases = numbers.iter().filter_map(|(key, &to)| Some((key.release_id()?, ReleaseId(to))));
        for (from, to) in releases {
            self.screens.list.table.selection.renumber(from, to);
            for page in &mut self.tabs.pages {
                page.renumber(from, to);
            }
            for pending in [&mut self.guard.closing_page, &mut self.guard.confirm_close] {
                if *pending == Some(from) {
                    *pending = Some(to);
                }
            }
        }
    }

    /// Keeps why a sync failed for the status bar, logs it, and words it for the status line.
    fn sync_failed(&mut self, err: &TeamError) -> Message {
        let why = i18n::team_error(err);
        log::warn!("team sync failed: {err}");
        self.team_sync.outcome = Some(match err {
            TeamError::Unreachable { .. } => Outcome::Offline(why.clone()),
            _ => Outcome::Failed(why.clone()),
        });
        (why, true)
    }

    /// The pending pushes and conflicts, read again only when the model moved.
    fn team_counts(&mut self) -> Option<TeamStatus> {
        let model = self.session.model.as_ref()?;
        let revision = model.revision();
        if let Some((at, status)) = &self.team_sync.counts
            && *at == revision
        {
            return Some(status.clone());
        }
        match model.team_status() {
            Ok(Some(status)) => {
                self.team_sync.counts = Some((revision, status.clone()));
                Some(status)
            }
            Ok(None) => None,
            Err(err) => {
                log::warn!("could not read the team's counts: {err}");
                None
            }
        }
    }

    /// The status bar's team part: nothing unless the file is in a team.
    pub(super) fn team_status_ui(&mut self, ui: &mut egui::Ui) {
        if self.session.model.as_ref().and_then(Model::team).is_none() {
            return;
        }
        let Some(status) = self.team_counts() else { return };
        ui.separator();
        let hover = tr_args(
            "team-status-hover",
            &[("url", status.state.url.clone().into()), ("author", status.state.author.clone().into())],
        );
        let visuals = ui.visuals().clone();
        let waited = self.team_sync.started.map_or(0, |at| at.elapsed().as_secs());
        let (text, color, why) = match (&self.team_sync.running, &self.team_sync.outcome) {
            (Some(_), _) if waited >= SLOW_SYNC.as_secs() => {
                ui.ctx().request_repaint_after(Duration::from_secs(1));
                let text = tr_args(
                    "team-state-waiting",
                    &[("seconds", i64::try_from(waited).unwrap_or(i64::MAX).into())],
                );
                (text, visuals.warn_fg_color, None)
            }
            (Some(_), _) => {
                ui.ctx().request_repaint_after(SLOW_SYNC);
                (tr("team-state-syncing"), visuals.weak_text_color(), None)
            }
            (None, None) => (tr("team-state-not-yet"), visuals.weak_text_color(), None),
            (None, Some(Outcome::Connected)) => (tr("team-state-connected"), visuals.text_color(), None),
            (None, Some(Outcome::Offline(why))) => {
                (tr("team-state-offline"), visuals.warn_fg_color, Some(why.clone()))
            }
            (None, Some(Outcome::Failed(why))) => {
                (tr("team-state-failed"), visuals.error_fg_color, Some(why.clone()))
            }
        };
        let hover = match why {
            Some(why) => format!("{why}\n{hover}"),
            None => hover,
        };
        let hover = match self.team_sync.encrypted {
            Some(true) => format!("{hover}\n{}", tr("team-connection-encrypted")),
            Some(false) => format!("{hover}\n{}", tr("team-connection-plain")),
            None => hover,
        };
        ui.label(RichText::new(text).color(color)).on_hover_text(hover);
        if status.pending > 0 {
            ui.label(tr_args("team-pending", &[("count", status.pending.into())]));
        }
        if let Some(at) = self.team_sync.last_pull {
            ui.label(
                RichText::new(tr_args("team-last-pull", &[("at", i18n::datetime_short(at).into())])).weak(),
            );
        }
        if status.conflicts_open > 0 {
            let text = tr_args("team-conflicts-waiting", &[("count", status.conflicts_open.into())]);
            let link = ui.link(RichText::new(text).color(visuals.warn_fg_color));
            if link.on_hover_text(tr("team-conflicts-open-hint")).clicked() {
                self.dialogs.conflicts.open();
            }
        }
    }
}
