//! Pulling at once while connected: a [`ChangeListener`] holds a connection of its own on a named
//! thread (`team-listen`), listening to the team's change channel, and tells the window when a
//! teammate's change is written (the window then syncs). Its own client's pushes are not told.
//! It stops within a second of being dropped, and on a lost connection it says so and ends (the
//! window starts another after its next sync that reaches the server).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use super::{CONNECT_TIMEOUT, TeamError};
use crate::model::Model;
use crate::store::team::server::Server;

/// How long one wait for a change lasts before the thread looks whether it should stop.
const WAIT: Duration = Duration::from_secs(1);

/// What the listener heard.
#[derive(Debug)]
pub enum Heard {
    /// A teammate's change was written to the team's log.
    Change,
    /// The connection could not be made or was lost: the listener has ended.
    Lost(TeamError),
}

/// A connection listening for the team's changes, on its own thread.
pub struct ChangeListener {
    stop: Arc<AtomicBool>,
    heard: mpsc::Receiver<Heard>,
    ended: bool,
}

impl Model {
    /// Starts listening on the team's server, with `password` if given (else the session's or
    /// the vault's); `wake` is called (on the listener's thread) after each thing heard, so the
    /// window can repaint and look. Takes only the server's address from the file.
    pub fn team_listen(
        &self,
        password: Option<&str>,
        wake: impl Fn() + Send + 'static,
    ) -> Result<ChangeListener, TeamError> {
        let team = self.team().ok_or(TeamError::NoTeam)?;
        let (url, own) = (team.url.clone(), team.client_id);
        let password = password.map(str::to_owned).or_else(|| self.team_password());
        let stop = Arc::new(AtomicBool::new(false));
        let (send, heard) = mpsc::channel();
        let stopped = Arc::clone(&stop);
        let spawned = std::thread::Builder::new().name("team-listen".into()).spawn(move || {
            let lost = listen(&url, password.as_deref(), own, &stopped, &send, &wake);
            if let Err(err) = lost {
                if stopped.load(Ordering::Relaxed) {
                    return;
                }
                log::info!("the team change listener ended: {err}");
                if send.send(Heard::Lost(err)).is_err() {
                    log::debug!("the window stopped waiting for the team change listener");
                }
                wake();
            }
        });
        if let Err(err) = spawned {
            return Err(TeamError::Server(format!("the listener thread did not start: {err}")));
        }
        Ok(ChangeListener { stop, heard, ended: false })
    }
}

/// Listens until `stop` is set (`Ok`) or the connection fails (`Err`).
fn listen(
    url: &str,
    password: Option<&str>,
    own: uuid::Uuid,
    stop: &AtomicBool,
    send: &mpsc::Sender<Heard>,
    wake: &dyn Fn(),
) -> Result<(), TeamError> {
    let mut server = Server::connect_within(url, password, CONNECT_TIMEOUT)?;
    server.listen()?;
    while !stop.load(Ordering::Relaxed) {
        let from = server.wait_for_changes(WAIT)?;
        if from.iter().any(|client| *client != Some(own)) {
            if send.send(Heard::Change).is_err() {
                return Ok(());
            }
            wake();
        }
    }
    Ok(())
}

impl ChangeListener {
    /// Whether a teammate's change was heard since the last call (`Err`: the listener ended,
    /// and why; asked again afterwards, it says nothing more).
    pub fn heard(&mut self) -> Result<bool, TeamError> {
        let mut change = false;
        loop {
            match self.heard.try_recv() {
                Ok(Heard::Change) => change = true,
                Ok(Heard::Lost(err)) => {
                    self.ended = true;
                    return Err(err);
                }
                Err(mpsc::TryRecvError::Empty) => return Ok(change),
                Err(mpsc::TryRecvError::Disconnected) => {
                    self.ended = true;
                    return Ok(change);
                }
            }
        }
    }

    /// Whether the listener has ended (lost its connection).
    pub fn has_ended(&self) -> bool {
        self.ended
    }
}

impl Drop for ChangeListener {
    fn drop(&mut self) {
        // The thread sees it within one wait and closes its connection.
        self.stop.store(true, Ordering::Relaxed);
    }
}
