//! Joining (or making) a team from the window, in two halves like a sync: [`Model::team_join_job`]
//! checks what the file allows (a file with releases or a schedule of its own can only make a team, not join
//! one) and hands out a [`JoinJob`], which connects and checks (or makes) the server's schema on
//! any thread; [`Model::team_join_finish`] then records the team in the file, and the window's
//! next sync, off its thread, shares and pulls the releases and the schedule.

use super::{CONNECT_TIMEOUT, TeamError};
use crate::model::Model;
use crate::store::team::server::Server;

/// What joining needs, taken on the model's thread.
#[derive(Clone, Debug)]
pub struct JoinJob {
    url: String,
    password: Option<String>,
    author: String,
    /// Make the team (its schema, and share this file's releases) rather than join it.
    make: bool,
}

/// A server that answered, for [`Model::team_join_finish`].
pub struct Reached {
    server: Server,
    job: JoinJob,
}

impl std::fmt::Debug for Reached {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reached").field("job", &self.job).finish_non_exhaustive()
    }
}

impl JoinJob {
    /// Connects (waiting at most [`CONNECT_TIMEOUT`]) and checks the schema, or makes it.
    pub fn run(self) -> Result<Reached, TeamError> {
        let mut server = Server::connect_within(&self.url, self.password.as_deref(), CONNECT_TIMEOUT)?;
        if self.make {
            server.init()?;
        } else {
            server.check_schema()?;
        }
        Ok(Reached { server, job: self })
    }
}

impl Model {
    /// A job that joins the team at `url` (or, with `make`, makes one there from this file).
    pub fn team_join_job(
        &self,
        url: &str,
        password: Option<&str>,
        author: &str,
        make: bool,
    ) -> Result<JoinJob, TeamError> {
        let (stripped, _) = crate::store::team::url::split_password(url)?;
        if let Some(team) = self.team()
            && team.url != stripped
        {
            return Err(TeamError::AlreadyInTeam(team.url.clone()));
        }
        self.may_join(url, make)?;
        let password = password.filter(|p| !p.is_empty()).map(str::to_owned);
        let author = author.trim();
        let author = if author.is_empty() { "release-desk" } else { author };
        Ok(JoinJob { url: url.trim().to_owned(), password, author: author.to_owned(), make })
    }

    /// Records the team the job reached in the file (its password goes to the vault, never to
    /// the file); the next sync shares and pulls.
    pub fn team_join_finish(&mut self, reached: Reached) -> Result<(), TeamError> {
        let Reached { mut server, job } = reached;
        self.join(&mut server, &job.url, job.password.as_deref(), &job.author, job.make)?;
        // What is drawn from the team (the status bar) is kept per revision.
        self.revision += 1;
        Ok(())
    }

    /// The password the window was given for the team's server: used this session and kept in
    /// the vault (the OS keyring), never in the file.
    pub fn set_team_password(&mut self, password: Option<String>) {
        let password = password.filter(|p| !p.is_empty());
        if let Some(url) = self.team().map(|t| t.url.clone()) {
            self.keep_password(&url, password.as_deref());
        }
        if let Some(team) = &mut self.team {
            team.password = password;
        }
    }
}
