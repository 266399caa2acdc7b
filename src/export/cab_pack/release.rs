//! One page per release for decision, the "7 R's" of a change request: raised by, reason, return,
//! risks (with their scores), resources, responsible, relationships; beside them the type and
//! window, the linked Changes with their approval, readiness and the plans' progress, and the
//! back-out plan with its time to restore. Every block is cut to the lines left, so a release
//! never takes more than its one page.

use super::PackContext;
use crate::domain::readiness::{MitigationPhase, PhaseStatus, Readiness};
use crate::domain::{ActivityKind, Release, ReleaseId, TaskStatus};
use crate::export::chart::{OFF_TARGET_RGB, ON_TARGET_RGB};
use crate::export::pdf::{
    ACCENT, CONTENT_WIDTH, Cell, Column, MARGIN, MUTED, PdfError, PdfWriter, Style, Table,
};
use crate::i18n::{self, tr, tr_args};

/// The two columns under the summary: left and right, each (x, width).
const GAP: f32 = 18.0;
const HALF: f32 = (CONTENT_WIDTH - GAP) / 2.0;
const LEFT: (f32, f32) = (MARGIN, HALF);
const RIGHT: (f32, f32) = (MARGIN + HALF + GAP, HALF);
/// The most linked Changes listed (the rest are counted).
const CHANGES_MAX: usize = 6;

/// A titled block of text in a column, cut to `max_lines` and to the room left on the page.
fn block(w: &mut PdfWriter, (x, width): (f32, f32), title: &str, text: &str, max_lines: usize) {
    let title_style = Style::STRONG.sized(9.5).colored(ACCENT);
    let body = Style::BODY.sized(9.0);
    let room = w.bottom() - w.y() - title_style.line_height() - 4.0;
    let fit = (room / body.line_height()).floor().max(0.0) as usize;
    if fit == 0 {
        return;
    }
    w.text_at(x, w.y(), title, title_style);
    w.set_y(w.y() + title_style.line_height());
    let text = if text.trim().is_empty() { tr("pack-none") } else { text.to_owned() };
    let style = if text == tr("pack-none") { body.colored(MUTED) } else { body };
    w.paragraph_in(x, width, &text, style, max_lines.min(fit));
    w.space(5.0);
}

/// Who made the release: the agent of its first activity, when the log names one.
fn raised_by(cx: &PackContext<'_>, release: &Release) -> String {
    match cx.model.activities_for(release.id) {
        Ok(rows) => {
            let created = rows.iter().rev().find(|a| a.kind == ActivityKind::Created).and_then(|a| a.actor);
            cx.agent(created)
        }
        Err(err) => {
            log::warn!("could not read the activity log of #{} for the CAB pack: {err}", release.id);
            cx.agent(None)
        }
    }
}

fn progress(done: usize, total: usize) -> String {
    format!("{done}/{total}")
}

fn summary(w: &mut PdfWriter, cx: &PackContext<'_>, release: &Release) {
    let model = cx.model;
    let gate = model.deploy_gate(release);
    let gate_text = if gate.is_open() {
        tr("pack-gate-open")
    } else {
        let mut why = Vec::new();
        if !gate.unapproved_changes.is_empty() {
            why.push(tr_args("pack-gate-changes", &[("count", gate.unapproved_changes.len().into())]));
        }
        if gate.readiness_missing > 0 {
            why.push(tr_args("pack-gate-readiness", &[("count", gate.readiness_missing.into())]));
        }
        if !gate.hard_freezes.is_empty() {
            why.push(tr_args("pack-gate-freezes", &[("names", gate.hard_freezes.join(", ").into())]));
        }
        if !gate.regulator_missing.is_empty() {
            let names: Vec<&str> = gate.regulator_missing.iter().map(|(_, name)| name.as_str()).collect();
            why.push(tr_args("pack-gate-regulator", &[("names", names.join(", ").into())]));
        }
        format!("{} ({})", tr("pack-gate-held"), why.join(", "))
    };
    let window = format!("{} – {}", cx.short(release.planned.start), cx.short(release.planned.end));
    let directory = model.directory();
    let fields = vec![
        (tr("pack-field-type"), i18n::release_type(release.release_type)),
        (tr("pack-field-priority"), i18n::priority(release.priority)),
        (
            tr("pack-field-status"),
            format!("{} · {}", i18n::status(release.status), i18n::stage(release.stage)),
        ),
        (tr("pack-field-window"), window),
        (tr("pack-field-risk-level"), i18n::risk_level(model.risk_level(release))),
        (tr("pack-field-raised-by"), raised_by(cx, release)),
        (tr("pack-field-responsible"), cx.agent(release.agent_id)),
        (tr("pack-field-group"), non_empty(directory.group_name(release.group_id))),
        (tr("pack-field-department"), non_empty(directory.department_name(release.department_id))),
        (tr("pack-field-gate"), gate_text),
    ];
    w.fields(&fields, 5, 2);
}

fn non_empty(text: &str) -> String {
    if text.trim().is_empty() { tr("pack-none") } else { text.to_owned() }
}

/// Reason, return, resources, relationships, plans.
fn left_column(w: &mut PdfWriter, cx: &PackContext<'_>, release: &Release, readiness: &Readiness) {
    let model = cx.model;
    let category: Vec<&str> = [&release.category, &release.sub_category, &release.item_category]
        .iter()
        .filter_map(|c| c.as_deref())
        .filter(|c| !c.trim().is_empty())
        .collect();
    let mut reason = release.description.trim().to_owned();
    if !category.is_empty() {
        reason = format!("[{}] {reason}", category.join(" / "));
    }
    block(w, LEFT, &tr("pack-r-reason"), &reason, 9);
    let impact = model.impact(release.id);
    let ret = impact.map_or_else(String::new, |i| {
        let mut parts = Vec::new();
        if !i.summary.trim().is_empty() {
            parts.push(i.summary.trim().to_owned());
        }
        if !i.users_affected.trim().is_empty() {
            parts.push(tr_args("pack-impact-users", &[("users", i.users_affected.trim().into())]));
        }
        if i.expected_downtime_minutes > 0 {
            let d = i18n::format_duration_in(cx.language, i64::from(i.expected_downtime_minutes));
            parts.push(tr_args("pack-impact-downtime", &[("duration", d.into())]));
        }
        parts.join(" · ")
    });
    block(w, LEFT, &tr("pack-r-return"), &ret, 4);
    let tasks = model.tasks_for(release.id);
    let open = tasks.iter().filter(|t| t.fields.status != TaskStatus::Completed).count();
    let mut people: Vec<String> =
        tasks.iter().filter_map(|t| t.fields.agent_id).map(|a| cx.agent(Some(a))).collect();
    people.sort();
    people.dedup();
    let minutes: i64 = model.time_entries_for(release.id).iter().map(|t| i64::from(t.minutes)).sum();
    let resources = tr_args(
        "pack-resources",
        &[
            ("open", open.into()),
            ("tasks", tasks.len().into()),
            ("people", if people.is_empty() { tr("pack-none") } else { people.join(", ") }.into()),
            ("time", i18n::format_duration_in(cx.language, minutes).into()),
        ],
    );
    block(w, LEFT, &tr("pack-r-resources"), &resources, 3);
    block(w, LEFT, &tr("pack-r-relationships"), &relationships(cx, release), 5);
    let (plan_done, plan_total) = readiness.plan_progress();
    let mut plans =
        vec![tr_args("pack-plan-release", &[("progress", progress(plan_done, plan_total).into())])];
    for (key, plan) in [("pack-plan-build", &release.build_plan), ("pack-plan-test", &release.test_plan)] {
        let text = plan.as_ref().map_or_else(
            || tr("pack-none"),
            |p| {
                let (d, t) = p.progress();
                progress(d, t)
            },
        );
        plans.push(tr_args(key, &[("progress", text.into())]));
    }
    let phases: Vec<String> = [MitigationPhase::Before, MitigationPhase::During, MitigationPhase::After]
        .iter()
        .map(|p| {
            let (d, t) = readiness.mitigation_progress(*p);
            format!("{} {}", i18n::mitigation_phase(*p), progress(d, t))
        })
        .collect();
    plans.push(tr_args("pack-plan-mitigation", &[("phases", phases.join(", ").into())]));
    let mut strategy = i18n::strategy(readiness.strategy);
    if !readiness.phases.is_empty() {
        let now: Vec<String> = readiness
            .phases
            .iter()
            .map(|p| format!("{} ({})", p.name, i18n::phase_status(p.status)))
            .collect();
        let done = readiness.phases.iter().filter(|p| p.status == PhaseStatus::Done).count();
        strategy = format!("{strategy} {}: {}", progress(done, readiness.phases.len()), now.join(" → "));
    }
    plans.push(strategy);
    block(w, LEFT, &tr("pack-r-plans"), &plans.join("\n"), 7);
}

/// The CIs the release affects, with their criticality, and the other releases it overlaps on them.
fn relationships(cx: &PackContext<'_>, release: &Release) -> String {
    let model = cx.model;
    let registry = model.registry();
    let items: Vec<String> = model
        .affected_items(release)
        .iter()
        .map(|a| {
            let name = registry.config_item(a.item).map_or_else(|| a.item.to_string(), |c| c.name.clone());
            let via = a.via.and_then(|v| registry.config_item(v)).map(|c| c.name.clone());
            let criticality = i18n::criticality(a.criticality);
            match via {
                Some(via) => tr_args(
                    "pack-ci-via",
                    &[("ci", name.into()), ("criticality", criticality.into()), ("via", via.into())],
                ),
                None => format!("{name} ({criticality})"),
            }
        })
        .collect();
    let mut lines = Vec::new();
    if !items.is_empty() {
        lines.push(tr_args("pack-cis", &[("items", items.join(", ").into())]));
    }
    let range = crate::domain::schedule::TimeRange::new(release.planned.start, release.planned.end);
    let mut others: Vec<ReleaseId> = model
        .conflicts(range)
        .iter()
        .filter(|c| c.involves(release.id) && c.release_ids.len() > 1)
        .flat_map(|c| c.release_ids.to_vec())
        .filter(|id| *id != release.id)
        .collect();
    others.sort();
    others.dedup();
    if !others.is_empty() {
        lines.push(tr_args("pack-overlaps", &[("ids", i18n::release_ids(&others).into())]));
    }
    lines.join("\n")
}

/// Risks, linked Changes, back-out.
fn right_column(w: &mut PdfWriter, cx: &PackContext<'_>, release: &Release, readiness: &Readiness) {
    let title_style = Style::STRONG.sized(9.5).colored(ACCENT);
    w.text_at(RIGHT.0, w.y(), &tr("pack-r-risks"), title_style);
    w.set_y(w.y() + title_style.line_height());
    let mut risks = Table::new(vec![
        Column::new(tr("pack-col-risk"), 2.1),
        Column::new(tr("pack-col-score"), 1.3),
        Column::new(tr("pack-col-mitigation"), 2.5),
        Column::new(tr("pack-col-owner"), 0.9),
    ]);
    risks.max_lines = 2;
    risks.size = 8.5;
    risks.keep_on_page = true;
    let mut sorted: Vec<_> = readiness.risks.iter().collect();
    sorted.sort_by_key(|r| std::cmp::Reverse(r.score()));
    for risk in sorted.iter().take(8) {
        let title =
            if risk.title.trim().is_empty() { i18n::risk_kind(risk.kind) } else { risk.title.clone() };
        let score = format!(
            "{}×{}={} {}",
            risk.likelihood,
            risk.impact,
            risk.score(),
            i18n::risk_level(risk.level())
        );
        let color = match risk.level() {
            crate::domain::RiskLevel::High => OFF_TARGET_RGB,
            _ => crate::export::pdf::INK,
        };
        risks.rows.push(vec![
            Cell::new(title),
            Cell::colored(score, color),
            Cell::new(risk.mitigation.clone()),
            Cell::new(if risk.owner.is_some() { cx.agent(risk.owner) } else { String::new() }),
        ]);
    }
    if risks.rows.is_empty() {
        w.paragraph_in(RIGHT.0, RIGHT.1, &tr("pack-none"), Style::BODY.sized(9.0).colored(MUTED), 1);
    } else {
        w.table_in(RIGHT, &risks);
    }
    w.space(8.0);
    changes(w, cx, release);
    w.space(8.0);
    block(w, RIGHT, &tr("pack-r-backout"), &backout(cx, release), 6);
}

fn changes(w: &mut PdfWriter, cx: &PackContext<'_>, release: &Release) {
    let title_style = Style::STRONG.sized(9.5).colored(ACCENT);
    w.text_at(RIGHT.0, w.y(), &tr("pack-r-changes"), title_style);
    w.set_y(w.y() + title_style.line_height());
    let registry = cx.model.registry();
    let mut table = Table::new(vec![
        Column::new(tr("pack-col-change"), 0.8),
        Column::new(tr("pack-col-subject"), 2.6),
        Column::new(tr("pack-col-risk"), 0.8),
        Column::new(tr("pack-col-approval"), 1.2),
    ]);
    table.max_lines = 1;
    table.size = 8.5;
    table.keep_on_page = true;
    for id in release.associated_change_ids.iter().take(CHANGES_MAX) {
        let (subject, risk, approval) = match registry.change(*id) {
            Some(c) => {
                let state = cx.model.change_approval(c);
                let color = match state {
                    crate::domain::CabApproval::Approved => ON_TARGET_RGB,
                    crate::domain::CabApproval::Rejected => OFF_TARGET_RGB,
                    crate::domain::CabApproval::Pending => MUTED,
                };
                (
                    c.subject.clone(),
                    i18n::change_risk(c.risk),
                    Cell::colored(i18n::cab_approval(state), color),
                )
            }
            None => (tr("pack-change-unknown"), String::new(), Cell::new(String::new())),
        };
        table.rows.push(vec![Cell::new(format!("CHG-{id}")), Cell::new(subject), Cell::new(risk), approval]);
    }
    if table.rows.is_empty() {
        w.paragraph_in(RIGHT.0, RIGHT.1, &tr("pack-none"), Style::BODY.sized(9.0).colored(MUTED), 1);
    } else {
        w.table_in(RIGHT, &table);
        let more = release.associated_change_ids.len().saturating_sub(CHANGES_MAX);
        if more > 0 {
            let text = tr_args("pack-more", &[("count", more.into())]);
            w.paragraph_in(RIGHT.0, RIGHT.1, &text, Style::SMALL, 1);
        }
    }
}

fn backout(cx: &PackContext<'_>, release: &Release) -> String {
    let Some(plan) = cx.model.backout(release.id) else { return String::new() };
    let (done, total) = plan.steps.progress();
    let target = i18n::format_duration_in(cx.language, i64::from(plan.restore_target_minutes));
    let mut lines = vec![tr_args(
        "pack-backout-target",
        &[("target", target.into()), ("steps", progress(done, total).into())],
    )];
    if !plan.go_no_go.trim().is_empty() {
        lines.push(tr_args("pack-backout-go-no-go", &[("criterion", plan.go_no_go.trim().into())]));
    }
    match plan.last_rehearsal() {
        Some(r) => {
            let took = i18n::format_duration_in(cx.language, i64::from(r.restore_minutes));
            let key = if r.missed(plan.restore_target_minutes) {
                "pack-backout-missed"
            } else {
                "pack-backout-met"
            };
            lines.push(tr_args(key, &[("took", took.into()), ("date", cx.day(r.date).into())]));
        }
        None => lines.push(tr("pack-backout-no-rehearsal")),
    }
    lines.join("\n")
}

/// The page of one release for decision (the first also opens the section in the outline).
pub(super) fn release_page(
    w: &mut PdfWriter,
    cx: &PackContext<'_>,
    id: ReleaseId,
    first: bool,
) -> Result<(), PdfError> {
    let Some(release) = cx.model.release(id) else { return Ok(()) };
    if first {
        w.heading(1, &tr("pack-section-releases"));
    }
    w.heading(2, &format!("{} {}", PackContext::id(id), release.subject));
    summary(w, cx, release);
    w.space(6.0);
    w.rule(crate::export::pdf::RULE, 0.5);
    w.space(8.0);
    let readiness = cx.model.readiness(id);
    let top = w.y();
    left_column(w, cx, release, &readiness);
    let left_end = w.y();
    w.set_y(top);
    right_column(w, cx, release, &readiness);
    w.set_y(left_end.max(w.y()));
    Ok(())
}

/// The section's one page when no release awaits a decision.
pub(super) fn no_release_page(w: &mut PdfWriter, _cx: &PackContext<'_>) -> Result<(), PdfError> {
    w.heading(1, &tr("pack-section-releases"));
    w.paragraph(&tr("pack-releases-none"), Style::BODY.colored(MUTED), 2);
    Ok(())
}
