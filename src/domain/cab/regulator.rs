//! Regulator steps: an extra approval, outside the CABs, that a release type or group can require
//! (e.g. 금감원 보고 및 승인 by 금융감독원 for the bank's security patches). A release needs a step when
//! the step is active and lists its type or its group; the step is met by a [`RegulatorApproval`]
//! (the regulator's reference number and the date it approved, who recorded it and when). The
//! Deploy gate stays closed while a required step has no approval ([`missing_steps`]).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::super::ids::{AgentId, GroupId, RegulatorStepId, ReleaseId, Timestamp};
use super::super::registry::NAME_MAX_CHARS;
use super::super::release::{Release, ReleaseType};

/// The longest reference number kept (a regulator's filing numbers are short).
pub const REFERENCE_MAX_CHARS: usize = 64;
/// The longest note kept on an approval.
pub const NOTE_MAX_CHARS: usize = 2000;

/// An approval some releases need from a regulator, configured once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegulatorStep {
    pub id: RegulatorStepId,
    /// What the step is called, e.g. "금감원 보고 및 승인".
    pub name: String,
    /// Who approves, e.g. "금융감독원".
    pub authority: String,
    /// The release types that need it.
    pub release_types: Vec<ReleaseType>,
    /// The groups whose releases need it.
    pub groups: Vec<GroupId>,
    /// An inactive step is kept (with its approvals) but no release needs it.
    pub active: bool,
}

/// A regulator's approval of one release for one step; recording it again replaces it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegulatorApproval {
    pub step: RegulatorStepId,
    pub release: ReleaseId,
    /// The regulator's reference number, e.g. "FSS-2026-0412".
    pub reference: String,
    /// The day the regulator approved.
    pub approved_on: NaiveDate,
    pub recorded_by: AgentId,
    pub at: Timestamp,
    #[serde(default)]
    pub note: String,
}

/// Why a regulator step or approval is not acceptable.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RegulatorInvalid {
    #[error("the step's name is empty")]
    NameEmpty,
    #[error("the name has {0} characters; at most 255 are allowed")]
    NameTooLong(usize),
    #[error("the authority has {0} characters; at most 255 are allowed")]
    AuthorityTooLong(usize),
    #[error("the step applies to no release type and no group")]
    AppliesToNothing,
    #[error("the reference number is empty")]
    ReferenceEmpty,
    #[error("the reference number has {0} characters; at most 64 are allowed")]
    ReferenceTooLong(usize),
    #[error("the note has {0} characters; at most 2000 are allowed")]
    NoteTooLong(usize),
    #[error("regulator step {0} does not exist")]
    NoSuchStep(RegulatorStepId),
    #[error("release {1} has no approval for regulator step {0}")]
    NoSuchApproval(RegulatorStepId, ReleaseId),
    #[error("release {1} does not need regulator step {0} (not its type or group)")]
    NotRequired(RegulatorStepId, ReleaseId),
    #[error("{approvals} approval(s) use the step; withdraw them first")]
    InUse { approvals: usize },
}

impl RegulatorStep {
    /// Whether `release` needs this step: it is active and lists the release's type or group.
    pub fn applies_to(&self, release: &Release) -> bool {
        self.active
            && (self.release_types.contains(&release.release_type)
                || release.group_id.is_some_and(|g| self.groups.contains(&g)))
    }

    /// The step with its texts trimmed and its types and groups without repeats.
    pub fn normalized(mut self) -> Self {
        self.name = self.name.trim().to_owned();
        self.authority = self.authority.trim().to_owned();
        let mut seen = Vec::new();
        self.release_types.retain(|t| {
            let new = !seen.contains(t);
            seen.push(*t);
            new
        });
        let mut seen = std::collections::HashSet::new();
        self.groups.retain(|g| seen.insert(*g));
        self
    }

    /// A name of 1..=255 characters, an authority of at most 255, and something it applies to.
    pub fn validate(&self) -> Result<(), RegulatorInvalid> {
        let chars = self.name.trim().chars().count();
        if chars == 0 {
            return Err(RegulatorInvalid::NameEmpty);
        }
        if chars > NAME_MAX_CHARS {
            return Err(RegulatorInvalid::NameTooLong(chars));
        }
        let chars = self.authority.trim().chars().count();
        if chars > NAME_MAX_CHARS {
            return Err(RegulatorInvalid::AuthorityTooLong(chars));
        }
        if self.release_types.is_empty() && self.groups.is_empty() {
            return Err(RegulatorInvalid::AppliesToNothing);
        }
        Ok(())
    }
}

impl RegulatorApproval {
    /// The approval with its reference and note trimmed.
    pub fn normalized(mut self) -> Self {
        self.reference = self.reference.trim().to_owned();
        self.note = self.note.trim().to_owned();
        self
    }

    /// A reference of 1..=64 characters and a note of at most 2000.
    pub fn validate(&self) -> Result<(), RegulatorInvalid> {
        let chars = self.reference.trim().chars().count();
        if chars == 0 {
            return Err(RegulatorInvalid::ReferenceEmpty);
        }
        if chars > REFERENCE_MAX_CHARS {
            return Err(RegulatorInvalid::ReferenceTooLong(chars));
        }
        let chars = self.note.trim().chars().count();
        if chars > NOTE_MAX_CHARS {
            return Err(RegulatorInvalid::NoteTooLong(chars));
        }
        Ok(())
    }
}

/// The steps `release` needs that have no approval yet, in step order: what holds its Deploy gate.
pub fn missing_steps<'a>(
    release: &Release,
    steps: &'a [RegulatorStep],
    approvals: &[RegulatorApproval],
) -> Vec<&'a RegulatorStep> {
    steps
        .iter()
        .filter(|s| s.applies_to(release))
        .filter(|s| !approvals.iter().any(|a| a.step == s.id && a.release == release.id))
        .collect()
}

/// Every regulator step and every approval recorded against one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Regulators {
    /// In id order.
    pub steps: Vec<RegulatorStep>,
    /// In (release, step) order; one per release and step.
    #[serde(default)]
    pub approvals: Vec<RegulatorApproval>,
}

impl Regulators {
    pub fn step(&self, id: RegulatorStepId) -> Option<&RegulatorStep> {
        self.steps.binary_search_by_key(&id, |s| s.id).ok().map(|i| &self.steps[i])
    }

    /// The id the next new step gets.
    pub fn next_step_id(&self) -> RegulatorStepId {
        RegulatorStepId(self.steps.last().map_or(1, |s| s.id.0 + 1))
    }

    /// The approvals recorded on one release, in step order.
    pub fn approvals_of(&self, release: ReleaseId) -> &[RegulatorApproval] {
        let start = self.approvals.partition_point(|a| a.release < release);
        let end = self.approvals.partition_point(|a| a.release <= release);
        &self.approvals[start..end]
    }

    /// The approval of `release` for `step`, if recorded.
    pub fn approval(&self, step: RegulatorStepId, release: ReleaseId) -> Option<&RegulatorApproval> {
        self.approvals_of(release).iter().find(|a| a.step == step)
    }

    /// The steps `release` needs, each with its approval when recorded.
    pub fn required(&self, release: &Release) -> Vec<(&RegulatorStep, Option<&RegulatorApproval>)> {
        self.steps
            .iter()
            .filter(|s| s.applies_to(release))
            .map(|s| (s, self.approval(s.id, release.id)))
            .collect()
    }

    /// The steps `release` needs that have no approval yet (see [`missing_steps`]).
    pub fn missing(&self, release: &Release) -> Vec<&RegulatorStep> {
        missing_steps(release, &self.steps, self.approvals_of(release.id))
    }

    /// How many approvals are recorded for `step`.
    pub fn approvals_using(&self, step: RegulatorStepId) -> usize {
        self.approvals.iter().filter(|a| a.step == step).count()
    }
}

#[cfg(test)]
mod tests;
