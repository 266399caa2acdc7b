//! `cab list` and `approve` (`cab meetings` and `cab pack` are in `meetings.rs`): the CABs (members, chair, rule, the Changes they decide) as a table
//! or JSON, and a member's vote on a Change (`approve CHANGE_ID --as AGENT --approve|--reject
//! [--comment TEXT]`), which prints where the Change stands after it.

use std::path::Path;

use clap::{Args, Subcommand, ValueEnum};

use super::{find_agent, open_existing, open_for_writing};
use crate::domain::cab::tally;
use crate::domain::{ChangeId, VoteDecision, VoteSubject};
use crate::i18n::{self, tr, tr_args};
use crate::model::{CabCommand, Command};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CabFormat {
    Table,
    Json,
}

/// `cab ...`.
#[derive(Args, Debug)]
pub struct CabArgs {
    #[command(subcommand)]
    pub action: CabAction,
}

#[derive(Subcommand, Debug)]
pub enum CabAction {
    /// The CABs: members, chair, rule and the Changes each decides.
    List {
        #[arg(long, value_enum, default_value = "table")]
        format: CabFormat,
    },
    /// The CAB meetings: when, which CAB, attendees, agenda and decisions.
    Meetings {
        #[arg(long, value_enum, default_value = "table")]
        format: CabFormat,
    },
    /// The CAB pack of a meeting as one PDF.
    Pack(super::meetings::PackArgs),
}

/// `approve CHANGE_ID --as AGENT (--approve | --reject) [--comment TEXT]`.
#[derive(Args, Debug)]
#[command(group(clap::ArgGroup::new("decision").required(true).args(["approve", "reject"])))]
pub struct ApproveArgs {
    /// The Change (`7` or `CHG-7`).
    #[arg(value_parser = parse_change_id, value_name = "CHANGE_ID")]
    pub change: ChangeId,
    /// The member who votes: an id, a name or an email.
    #[arg(long = "as", value_name = "AGENT")]
    pub as_agent: String,
    /// Vote to approve.
    #[arg(long)]
    pub approve: bool,
    /// Vote to reject.
    #[arg(long)]
    pub reject: bool,
    /// Why (kept with the vote).
    #[arg(long)]
    pub comment: Option<String>,
}

/// `7`, `CHG-7` or `chg-7`.
fn parse_change_id(text: &str) -> Result<ChangeId, String> {
    let trimmed = text.trim();
    let digits =
        trimmed.get(..4).filter(|p| p.eq_ignore_ascii_case("chg-")).map_or(trimmed, |_| &trimmed[4..]);
    digits.parse::<i64>().map(ChangeId).map_err(|_| tr_args("cli-error-bad-id", &[("id", text.into())]))
}

/// Runs `cab ...`.
pub(super) fn cab(db: &Path, args: &CabArgs) -> Result<String, String> {
    match &args.action {
        CabAction::List { format } => list(db, *format),
        CabAction::Meetings { format } => super::meetings::meetings(db, *format == CabFormat::Json),
        CabAction::Pack(pack) => super::meetings::pack(db, pack),
    }
}

fn list(db: &Path, format: CabFormat) -> Result<String, String> {
    let model = open_existing(db)?;
    let cabs = &model.cabs().cabs;
    if format == CabFormat::Json {
        let rows: Vec<serde_json::Value> =
            cabs.iter().map(|c| crate::export::cab_json::cab_json(c, &model)).collect();
        return serde_json::to_string_pretty(&rows).map(|s| s + "\n").map_err(|e| e.to_string());
    }
    if cabs.is_empty() {
        return Ok(tr("cab-cli-none") + "\n");
    }
    let directory = model.directory();
    let mut text = String::new();
    for cab in cabs {
        let members: Vec<&str> = cab.members.iter().map(|a| directory.agent_name(Some(*a))).collect();
        let changes = model.registry().changes.iter().filter(|c| c.cab == Some(cab.id)).count();
        let kind = if cab.emergency { tr("cab-cli-emergency") } else { String::new() };
        text.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            cab.id,
            cab.name,
            i18n::approval_rule(cab.rule),
            cab.chair.map_or_else(String::new, |a| directory.agent_name(Some(a)).to_owned()),
            members.join(", "),
            tr_args("cab-cli-changes", &[("count", changes.into())]),
            kind,
        ));
    }
    Ok(text)
}

/// Runs `approve ...`: the vote through the model, then the Change's state.
pub(super) fn approve(db: &Path, args: ApproveArgs) -> Result<String, String> {
    let mut model = open_for_writing(db)?;
    let agent = find_agent(&model, &args.as_agent)?;
    model.act_as(Some(agent));
    let decision = if args.reject { VoteDecision::Reject } else { VoteDecision::Approve };
    let subject = VoteSubject::Change(args.change);
    let comment = args.comment.unwrap_or_default();
    model
        .apply(Command::Cab(CabCommand::Vote { subject, agent, decision, comment }))
        .map_err(|e| i18n::command_error(&e))?;
    let change = model.registry().change(args.change).ok_or_else(|| tr("cab-cli-gone"))?;
    let state = model.change_approval(change);
    let counted =
        model.subject_cab(subject).map(|cab| tally(cab, model.votes_on(subject))).unwrap_or_default();
    Ok(tr_args(
        "cab-cli-voted",
        &[
            ("change", args.change.into()),
            ("state", i18n::cab_approval(state).into()),
            ("approve", counted.approve.into()),
            ("reject", counted.reject.into()),
            ("waiting", counted.not_voted.into()),
        ],
    ) + "\n")
}
