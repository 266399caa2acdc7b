//! `regulator list` and `regulator approve`: the regulator steps (authority, the release types
//! and groups that need each, how many approvals it has) as a table or JSON, and a regulator's
//! approval recorded on a release (`regulator approve RELEASE_ID --step STEP_ID --reference REF
//! --date YYYY-MM-DD --as AGENT [--note TEXT]`), which prints what the release still waits for.

use std::path::Path;

use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};

use super::schedule::parse_date;
use super::{find_agent, open_existing, open_for_writing, parse_release_id};
use crate::domain::{RegulatorStepId, ReleaseId};
use crate::i18n::{self, tr, tr_args};
use crate::model::{Command, RegulatorCommand};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RegulatorFormat {
    Table,
    Json,
}

/// `regulator ...`.
#[derive(Args, Debug)]
pub struct RegulatorArgs {
    #[command(subcommand)]
    pub action: RegulatorAction,
}

#[derive(Subcommand, Debug)]
pub enum RegulatorAction {
    /// The regulator steps: authority, the release types and groups that need each.
    List {
        #[arg(long, value_enum, default_value = "table")]
        format: RegulatorFormat,
    },
    /// Record a regulator's approval of a release for a step.
    Approve(ApproveArgs),
}

/// `regulator approve RELEASE_ID --step STEP_ID --reference REF --date YYYY-MM-DD --as AGENT`.
#[derive(Args, Debug)]
pub struct ApproveArgs {
    /// The release (`12` or `#12`).
    #[arg(value_parser = parse_release_id, value_name = "RELEASE_ID")]
    pub release: ReleaseId,
    /// The regulator step's id (see `regulator list`).
    #[arg(long, value_name = "STEP_ID")]
    pub step: i64,
    /// The regulator's reference number.
    #[arg(long, value_name = "REF")]
    pub reference: String,
    /// The day the regulator approved.
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    pub date: NaiveDate,
    /// Who records it: an id, a name or an email.
    #[arg(long = "as", value_name = "AGENT")]
    pub as_agent: String,
    /// A note kept with the approval.
    #[arg(long)]
    pub note: Option<String>,
}

/// Runs `regulator ...`.
pub(super) fn regulator(db: &Path, args: RegulatorArgs) -> Result<String, String> {
    match args.action {
        RegulatorAction::List { format } => list(db, format),
        RegulatorAction::Approve(args) => approve(db, args),
    }
}

fn list(db: &Path, format: RegulatorFormat) -> Result<String, String> {
    let model = open_existing(db)?;
    let steps = &model.regulators().steps;
    if format == RegulatorFormat::Json {
        let rows: Vec<serde_json::Value> =
            steps.iter().map(|s| crate::export::regulator_json::step_json(s, &model)).collect();
        return serde_json::to_string_pretty(&rows).map(|s| s + "\n").map_err(|e| e.to_string());
    }
    if steps.is_empty() {
        return Ok(tr("regulator-cli-none") + "\n");
    }
    let directory = model.directory();
    let mut text = String::new();
    for step in steps {
        let mut scope: Vec<String> = step.release_types.iter().map(|t| i18n::release_type(*t)).collect();
        scope.extend(step.groups.iter().map(|g| directory.group_name(Some(*g)).to_owned()));
        let state = if step.active { String::new() } else { tr("regulator-cli-inactive") };
        text.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\n",
            step.id,
            step.name,
            step.authority,
            scope.join(", "),
            tr_args(
                "regulator-cli-approvals",
                &[("count", model.regulators().approvals_using(step.id).into())]
            ),
            state,
        ));
    }
    Ok(text)
}

/// Records the approval through the model, then says which steps the release still waits for.
fn approve(db: &Path, args: ApproveArgs) -> Result<String, String> {
    let mut model = open_for_writing(db)?;
    let agent = find_agent(&model, &args.as_agent)?;
    model.act_as(Some(agent));
    let command = RegulatorCommand::RecordApproval {
        release: args.release,
        step: RegulatorStepId(args.step),
        reference: args.reference,
        approved_on: args.date,
        recorded_by: agent,
        note: args.note.unwrap_or_default(),
    };
    model.apply(Command::Regulator(command)).map_err(|e| i18n::command_error(&e))?;
    let release = model
        .release(args.release)
        .ok_or_else(|| tr_args("cli-error-bad-id", &[("id", args.release.into())]))?;
    let missing: Vec<String> = model.regulators().missing(release).iter().map(|s| s.name.clone()).collect();
    Ok(if missing.is_empty() {
        tr_args("regulator-cli-recorded-all", &[("id", args.release.into())])
    } else {
        tr_args(
            "regulator-cli-recorded-waiting",
            &[("id", args.release.into()), ("steps", missing.join(", ").into())],
        )
    } + "\n")
}
