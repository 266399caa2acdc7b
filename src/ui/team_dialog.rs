//! File > Team… (issue 21): join a team on a PostgreSQL server, or make one from this file, without
//! the command line; for a file already in a team, the server, the name its changes go out under,
//! and a password (kept in the system's keyring when there is one, never in the file). Connecting
//! runs on a named worker thread (`team-join`), so a slow server never holds up a frame; what went
//! wrong is said in the dialog, in the user's language.

use std::sync::mpsc;

use egui::RichText;

use crate::i18n::{self, tr, tr_args};
use crate::model::Model;
use crate::model::team::{Reached, TeamError};

/// What the window should do after a frame of the dialog.
#[derive(Debug)]
pub enum TeamDialogAction {
    /// The server answered: record the team in the file (`Model::team_join_finish`).
    Reached(Box<Reached>),
    /// Use this password for the team's server this session, and sync.
    UsePassword(String),
}

/// The dialog's form and the connection under way.
#[derive(Debug, Default)]
pub struct TeamDialog {
    open: bool,
    url: String,
    author: String,
    password: String,
    /// The connection running on the worker thread.
    connecting: Option<mpsc::Receiver<Result<Reached, TeamError>>>,
    /// Why the last try failed, in words.
    error: Option<String>,
    /// The server field takes the keyboard when the dialog opens.
    focus_url: bool,
}

impl TeamDialog {
    /// Opens the dialog; the name defaults to the current agent's.
    pub fn open(&mut self, model: &Model) {
        self.open = true;
        self.error = None;
        self.focus_url = true;
        if self.author.is_empty()
            && let Some(agent) = model.me().and_then(|id| model.directory().agent(id))
        {
            self.author = agent.name.clone();
        }
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Whether a connection is under way.
    pub fn is_connecting(&self) -> bool {
        self.connecting.is_some()
    }

    /// Draws the dialog while it is open.
    pub fn dialog_ui(&mut self, ctx: &egui::Context, model: &Model) -> Option<TeamDialogAction> {
        let reached = self.take_result();
        if !self.open {
            return reached;
        }
        let mut action = reached;
        let modal = crate::ui::widgets::dialog(egui::Id::unique("team_modal")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading(tr("team-dialog-title"));
            match model.team() {
                Some(team) => {
                    let (url, author) = (team.url.clone(), team.author.clone());
                    action = action.take().or_else(|| self.member_ui(ui, &url, &author));
                }
                None => self.join_ui(ui, ctx, model),
            }
            if let Some(error) = &self.error {
                ui.add_space(4.0);
                ui.label(RichText::new(error).color(ui.visuals().error_fg_color));
            }
            ui.add_space(8.0);
            if ui.button(tr("action-close")).clicked() {
                self.open = false;
            }
        });
        if modal.should_close() && self.connecting.is_none() {
            self.open = false;
        }
        if self.connecting.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        action
    }

    /// The form of a file in no team: the server, the name, a password; Join or Make a team.
    fn join_ui(&mut self, ui: &mut egui::Ui, ctx: &egui::Context, model: &Model) {
        ui.label(RichText::new(tr("team-dialog-intro")).weak());
        ui.add_space(6.0);
        egui::Grid::new("team_dialog_form").num_columns(2).spacing([10.0, 6.0]).show(ui, |ui| {
            let label = ui.label(tr("team-dialog-url"));
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.url)
                        .hint_text("postgresql://kim@db.example.com:5432/releases")
                        .desired_width(380.0),
                )
                .labelled_by(label.id);
            if std::mem::take(&mut self.focus_url) {
                field.request_focus();
            }
            ui.end_row();
            let label = ui.label(tr("team-dialog-author"));
            ui.add(egui::TextEdit::singleline(&mut self.author).desired_width(380.0)).labelled_by(label.id);
            ui.end_row();
            let label = ui.label(tr("team-dialog-password"));
            ui.add(egui::TextEdit::singleline(&mut self.password).password(true).desired_width(380.0))
                .labelled_by(label.id);
            ui.end_row();
        });
        ui.label(RichText::new(tr("team-dialog-password-note")).weak().small());
        ui.add_space(6.0);
        let idle = self.connecting.is_none() && !self.url.trim().is_empty();
        let has_releases = !model.releases().is_empty();
        ui.horizontal(|ui| {
            let join = ui
                .add_enabled(idle && !has_releases, egui::Button::new(tr("team-dialog-join")))
                .on_hover_text(tr("team-dialog-join-hint"))
                .on_disabled_hover_text(tr("team-error-join-needs-empty-file"));
            if join.clicked() {
                self.start(ctx, model, false);
            }
            let make = ui
                .add_enabled(idle, egui::Button::new(tr("team-dialog-make")))
                .on_hover_text(tr("team-dialog-make-hint"));
            if make.clicked() {
                self.start(ctx, model, true);
            }
            if self.connecting.is_some() {
                ui.spinner();
                ui.label(tr("team-dialog-connecting"));
            }
        });
    }

    /// A file in a team: where, as whom, and a password for this session.
    fn member_ui(&mut self, ui: &mut egui::Ui, url: &str, author: &str) -> Option<TeamDialogAction> {
        ui.label(tr_args("team-dialog-member", &[("url", url.into()), ("author", author.into())]));
        ui.add_space(6.0);
        let mut action = None;
        ui.horizontal(|ui| {
            let label = ui.label(tr("team-dialog-password"));
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.password).password(true).desired_width(240.0))
                .labelled_by(label.id);
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let clicked = ui
                .add_enabled(!self.password.is_empty(), egui::Button::new(tr("team-dialog-use-password")))
                .on_hover_text(tr("team-dialog-password-note"))
                .clicked();
            if (entered || clicked) && !self.password.is_empty() {
                action = Some(TeamDialogAction::UsePassword(std::mem::take(&mut self.password)));
                self.open = false;
            }
        });
        action
    }

    /// Starts connecting on the worker thread.
    fn start(&mut self, ctx: &egui::Context, model: &Model, make: bool) {
        self.error = None;
        let job = match model.team_join_job(&self.url, Some(&self.password), &self.author, make) {
            Ok(job) => job,
            Err(err) => {
                self.error = Some(i18n::team_error(&err));
                return;
            }
        };
        let (send, result) = mpsc::channel();
        let repaint = ctx.clone();
        let spawned = std::thread::Builder::new().name("team-join".into()).spawn(move || {
            if send.send(job.run()).is_err() {
                log::info!("the team dialog closed before its server answered");
            }
            repaint.request_repaint();
        });
        match spawned {
            Ok(_) => self.connecting = Some(result),
            Err(err) => {
                log::warn!("could not start the team join thread: {err}");
                self.error = Some(i18n::team_error(&TeamError::Server(err.to_string())));
            }
        }
    }

    /// The finished connection, if there is one: an error stays in the dialog.
    fn take_result(&mut self) -> Option<TeamDialogAction> {
        let result = match self.connecting.as_ref()?.try_recv() {
            Ok(result) => result,
            Err(mpsc::TryRecvError::Empty) => return None,
            Err(mpsc::TryRecvError::Disconnected) => Err(TeamError::Server(tr("team-sync-stopped"))),
        };
        self.connecting = None;
        match result {
            Ok(reached) => {
                self.open = false;
                self.password.clear();
                Some(TeamDialogAction::Reached(Box::new(reached)))
            }
            Err(err) => {
                log::warn!("joining the team failed: {err}");
                self.error = Some(i18n::team_error(&err));
                None
            }
        }
    }

    /// Says why recording the team in the file failed (the dialog opens again to show it).
    pub fn failed(&mut self, err: &TeamError) {
        self.open = true;
        self.error = Some(i18n::team_error(err));
    }
}
