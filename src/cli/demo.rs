//! `demo`: loads the sample scenarios and a year of history.

use std::path::Path;

use crate::domain::{AgentId, sample};
use crate::i18n;
use crate::model::{Command, SampleCommand, session};

/// `demo`: the sample, refused on a file that holds releases unless `force`.
pub(super) fn demo(db: &Path, force: bool) -> Result<String, String> {
    let mut model = session::create(db, session::Holder::Command).map_err(|e| i18n::store_error(&e))?;
    let data = sample::scenarios(model.now());
    let count = data.releases.len();
    model.apply(Command::Sample(SampleCommand::Load { data, force })).map_err(|e| i18n::command_error(&e))?;
    let me = model.settings().current_agent.unwrap_or(AgentId(0));
    let line = crate::i18n::tr_args(
        "cli-demo-loaded",
        &[
            ("count", count.into()),
            ("path", db.display().to_string().into()),
            ("agent", model.directory().agent_name(Some(me)).into()),
        ],
    );
    Ok(line + "\n")
}
