//! Emergency releases since the last meeting: what they were, when, where they stand, and whether
//! their Changes were approved (an emergency CAB may approve after the fact).

use super::PackContext;
use crate::domain::CabApproval;
use crate::export::chart::{OFF_TARGET_RGB, ON_TARGET_RGB};
use crate::export::pdf::{Cell, Column, MUTED, PdfError, PdfWriter, Style, Table};
use crate::i18n::{self, tr};

pub(super) fn emergency(w: &mut PdfWriter, cx: &PackContext<'_>) -> Result<(), PdfError> {
    w.heading(1, &tr("pack-section-emergency"));
    let releases = cx.releases(&cx.meeting.emergency);
    if releases.is_empty() {
        w.paragraph(&tr("pack-emergency-none"), Style::BODY.colored(MUTED), 2);
        return Ok(());
    }
    let mut table = Table::new(vec![
        Column::new(tr("pack-col-id"), 0.6),
        Column::new(tr("pack-col-subject"), 3.0),
        Column::new(tr("pack-col-created"), 1.3),
        Column::new(tr("pack-col-window"), 2.2),
        Column::new(tr("pack-col-status"), 1.4),
        Column::new(tr("pack-col-owner"), 1.1),
        Column::new(tr("pack-col-approval"), 1.6),
    ]);
    let registry = cx.model.registry();
    for r in releases {
        let states: Vec<CabApproval> = r
            .associated_change_ids
            .iter()
            .filter_map(|id| registry.change(*id))
            .map(|c| cx.model.change_approval(c))
            .collect();
        let approval = if states.is_empty() {
            Cell::colored(tr("pack-no-changes"), MUTED)
        } else if states.iter().all(|s| *s == CabApproval::Approved) {
            Cell::colored(i18n::cab_approval(CabApproval::Approved), ON_TARGET_RGB)
        } else if states.contains(&CabApproval::Rejected) {
            Cell::colored(i18n::cab_approval(CabApproval::Rejected), OFF_TARGET_RGB)
        } else {
            Cell::colored(tr("pack-approval-after-the-fact"), OFF_TARGET_RGB)
        };
        table.rows.push(vec![
            Cell::new(PackContext::id(r.id)),
            Cell::new(r.subject.clone()),
            Cell::new(cx.short(r.created_at)),
            Cell::new(format!("{} – {}", cx.short(r.planned.start), cx.short(r.planned.end))),
            Cell::new(format!("{} · {}", i18n::status(r.status), i18n::stage(r.stage))),
            Cell::new(if r.agent_id.is_some() { cx.agent(r.agent_id) } else { String::new() }),
            approval,
        ]);
    }
    w.table(&table);
    Ok(())
}
