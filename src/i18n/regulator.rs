//! Regulator steps in the current language: a step and an approval as the log, the page and the
//! CLI show them, the regulator commands' names and why a regulator command or a Deploy is
//! refused. Keys are in `assets/i18n/{en,ko}/regulator.ftl`.

use chrono::NaiveDate;

use super::{format_date_in, language, tr, tr_args};
use crate::domain::RegulatorInvalid;
use crate::domain::activity::{CommandSummary, RegulatorApprovalRef};

/// A day as the rest of the app writes it: `2026년 4월 12일 (일)` or `Sun 12 Apr 2026`.
pub fn regulator_date(day: NaiveDate) -> String {
    format_date_in(language(), &day.and_time(chrono::NaiveTime::MIN).and_utc())
}

/// An approval in the log: "금감원 보고 및 승인: FSS-2026-0412, 2026년 4월 12일 (일) — note".
pub fn regulator_approval_ref(approval: &RegulatorApprovalRef) -> String {
    let step = match (&approval.step.id, approval.step.name.is_empty()) {
        (Some(id), true) => format!("#{id}"),
        _ => approval.step.name.clone(),
    };
    let mut text = tr_args(
        "regulator-approval-value",
        &[
            ("step", step.into()),
            ("reference", approval.reference.as_str().into()),
            ("date", regulator_date(approval.approved_on).into()),
        ],
    );
    if !approval.note.is_empty() {
        text = format!("{text} — {}", approval.note);
    }
    text
}

/// The name of a regulator command (from its summary), or `None` for the other commands.
pub fn regulator_summary_label(summary: &CommandSummary) -> Option<String> {
    use CommandSummary as S;
    Some(match summary {
        S::SaveRegulatorStep { name } => tr_args("regulator-cmd-save", &[("name", name.as_str().into())]),
        S::DeleteRegulatorStep { step } => tr_args("regulator-cmd-delete", &[("id", step.0.into())]),
        S::RecordRegulatorApproval { release, reference } => tr_args(
            "regulator-cmd-record",
            &[("id", (*release).into()), ("reference", reference.as_str().into())],
        ),
        S::WithdrawRegulatorApproval { release, step } => {
            tr_args("regulator-cmd-withdraw", &[("id", (*release).into()), ("step", step.0.into())])
        }
        _ => return None,
    })
}

/// Why a regulator step or approval is refused, in the current language.
pub fn regulator_invalid(err: &RegulatorInvalid) -> String {
    use RegulatorInvalid as R;
    match err {
        R::NameEmpty => tr("regulator-invalid-name-empty"),
        R::NameTooLong(chars) => tr_args("regulator-invalid-name-too-long", &[("count", (*chars).into())]),
        R::AuthorityTooLong(chars) => {
            tr_args("regulator-invalid-authority-too-long", &[("count", (*chars).into())])
        }
        R::AppliesToNothing => tr("regulator-invalid-applies-to-nothing"),
        R::ReferenceEmpty => tr("regulator-invalid-reference-empty"),
        R::ReferenceTooLong(chars) => {
            tr_args("regulator-invalid-reference-too-long", &[("count", (*chars).into())])
        }
        R::NoteTooLong(chars) => tr_args("regulator-invalid-note-too-long", &[("count", (*chars).into())]),
        R::NoSuchStep(id) => tr_args("regulator-invalid-no-step", &[("step", id.0.into())]),
        R::NoSuchApproval(step, release) => {
            tr_args("regulator-invalid-no-approval", &[("step", step.0.into()), ("id", (*release).into())])
        }
        R::NotRequired(step, release) => {
            tr_args("regulator-invalid-not-required", &[("step", step.0.into()), ("id", (*release).into())])
        }
        R::InUse { approvals } => tr_args("regulator-invalid-in-use", &[("count", (*approvals).into())]),
    }
}

/// Deploy refused while regulator steps have no approval.
pub fn regulator_move_refused(steps: &[String]) -> String {
    tr_args("regulator-move-refused", &[("steps", steps.join(", ").into())])
}
