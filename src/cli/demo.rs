//! `demo`: loads the sample scenarios and a year of history, or (`--releases N`) writes a
//! synthetic data set of N releases into a new database.

use std::path::Path;

use crate::domain::{AgentId, sample};
use crate::i18n;
use crate::model::{Command, SampleCommand, SyntheticSpec, session};

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

/// `demo --releases N`: the synthetic data set, into a new database only.
pub(super) fn synthetic(db: &Path, spec: SyntheticSpec) -> Result<String, String> {
    let model = session::create(db, session::Holder::Command).map_err(|e| i18n::store_error(&e))?;
    let report = model.write_synthetic(spec).map_err(|e| i18n::command_error(&e))?;
    let line = i18n::tr_args(
        "cli-demo-generated",
        &[
            ("count", report.releases.into()),
            ("activities", report.activities.into()),
            ("path", db.display().to_string().into()),
            ("agent", report.agent.into()),
        ],
    );
    Ok(line + "\n")
}
