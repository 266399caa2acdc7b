//! The activity log of the release: every change with who, when, and old -> new, newest first,
//! filterable by kind. Read from the file through `Model::activities_for` only when the model
//! changed (cached by revision), and shown with `TableBody::rows` so a long log costs only the
//! visible rows.

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use super::{ERROR_RED, SectionContext};
use crate::domain::{Activity, ActivityKind, ReleaseId};
use crate::i18n::{self, tr, tr_args};

/// The log as last read, and the kind shown.
#[derive(Default)]
pub struct ActivitySection {
    /// `None` shows every kind.
    pub kind: Option<ActivityKind>,
    /// (model revision, release, rows or the read error).
    cache: Option<(u64, ReleaseId, Result<Vec<Activity>, String>)>,
}

pub fn activity_ui(ui: &mut egui::Ui, state: &mut ActivitySection, cx: &mut SectionContext<'_>) {
    let revision = cx.model.revision();
    let id = cx.release.id;
    if !matches!(&state.cache, Some((r, i, _)) if *r == revision && *i == id) {
        let rows = cx.model.activities_for(id).map_err(|e| i18n::store_error(&e));
        state.cache = Some((revision, id, rows));
    }
    let Some((_, _, rows)) = &state.cache else { return };
    let count = rows.as_ref().map_or(0, Vec::len);
    let title = tr_args("section-activity", &[("count", count.into())]);
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt("section_activity")
        .default_open(true)
        .show(ui, |ui| {
            let rows = match rows {
                Ok(rows) => rows,
                Err(message) => {
                    ui.label(RichText::new(message).color(ERROR_RED));
                    return;
                }
            };
            let mut kinds: Vec<ActivityKind> = rows.iter().map(|a| a.kind).collect();
            kinds.sort_unstable();
            kinds.dedup();
            ui.horizontal(|ui| {
                let label = ui.label(tr("activity-filter"));
                let selected = state.kind.map_or_else(|| tr("activity-all"), i18n::activity_kind);
                egui::ComboBox::from_id_salt("activity_kind")
                    .selected_text(selected)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut state.kind, None, tr("activity-all"));
                        for kind in &kinds {
                            ui.selectable_value(&mut state.kind, Some(*kind), i18n::activity_kind(*kind));
                        }
                    })
                    .response
                    .labelled_by(label.id);
            });
            let shown: Vec<&Activity> =
                rows.iter().filter(|a| state.kind.is_none_or(|k| a.kind == k)).collect();
            let directory = cx.model.directory();
            TableBuilder::new(ui)
                .id_salt("activity_table")
                .striped(true)
                .resizable(true)
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .column(Column::initial(130.0).at_least(100.0))
                .column(Column::initial(110.0).at_least(60.0).clip(true))
                .column(Column::initial(100.0).at_least(60.0).clip(true))
                .column(Column::initial(110.0).at_least(60.0).clip(true))
                .column(Column::remainder().at_least(120.0).clip(true))
                .max_scroll_height(320.0)
                .header(22.0, |mut header| {
                    for key in
                        ["activity-when", "activity-who", "activity-kind", "activity-what", "activity-change"]
                    {
                        header.col(|ui| {
                            ui.strong(tr(key));
                        });
                    }
                })
                .body(|body| {
                    body.rows(22.0, shown.len(), |mut row| {
                        let a = shown[row.index()];
                        row.col(|ui| {
                            ui.label(i18n::datetime_short(a.at));
                        });
                        row.col(|ui| {
                            let who = a.actor.map_or_else(
                                || tr("agent-nobody"),
                                |id| directory.agent_name(Some(id)).to_owned(),
                            );
                            ui.label(who);
                        });
                        row.col(|ui| {
                            ui.label(i18n::activity_kind(a.kind));
                        });
                        let (what, change) = i18n::activity_cells(a);
                        row.col(|ui| {
                            ui.label(what);
                        });
                        row.col(|ui| {
                            ui.add(egui::Label::new(&change).truncate()).on_hover_text(&change);
                        });
                    });
                });
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::activity::{Named, PlanProgress};
    use crate::domain::{
        ActivityId, AgentId, Field, FieldChange, GroupId, Language, Priority, Status, Strategy, Timestamp,
        Value,
    };

    fn row(changes: Vec<FieldChange>) -> Activity {
        Activity {
            id: ActivityId(1),
            release_id: Some(ReleaseId(1)),
            actor: None,
            at: Timestamp::UNIX_EPOCH,
            kind: ActivityKind::Field,
            changes,
        }
    }

    fn one(field: Field, old: Value, new: Value) -> Activity {
        row(vec![FieldChange::new(field, old, new)])
    }

    #[test]
    fn stored_values_show_in_the_ui_language() {
        i18n::set_language(Language::Ko);
        let status = one(Field::Status, Value::Status(Status::Open), Value::Status(Status::InProgress));
        assert_eq!(i18n::activity_cells(&status), ("상태".into(), "열림 -> 진행 중".into()));
        let priority =
            one(Field::Priority, Value::Priority(Priority::Low), Value::Priority(Priority::Urgent));
        assert_eq!(i18n::activity_cells(&priority).1, "낮음 -> 긴급");
        assert_eq!(
            i18n::activity_cells(&one(Field::Description, Value::Chars(0), Value::Chars(12))).1,
            "0자 -> 12자"
        );
        let plan = Value::Plan(PlanProgress { chars: 120, done: 2, total: 5 });
        assert_eq!(i18n::activity_cells(&one(Field::BuildPlan, Value::None, plan)).1, "120자, 2/5 완료");
        let strategy =
            one(Field::Strategy, Value::Strategy(Strategy::BigBang), Value::Strategy(Strategy::Phased));
        assert_eq!(i18n::activity_cells(&strategy).1, "빅뱅 배포 -> 단계적 배포");
        // A bulk assignment: two fields in one row, each translated; names stay as they are.
        let assign = row(vec![
            FieldChange::new(
                Field::Agent,
                Value::Agent(Named::new(AgentId(1), "김민준")),
                Value::Agent(Named::new(AgentId(3), "박지훈")),
            ),
            FieldChange::added(Field::Group, Value::Group(Named::new(GroupId(2), "인프라팀"))),
        ]);
        assert_eq!(
            i18n::activity_cells(&assign),
            ("담당자 / 그룹".into(), "김민준 -> 박지훈 / 인프라팀".into())
        );
        // Times are shown in the local time zone and the language's format, not as RFC 3339.
        let start = "2026-11-28T15:00:00Z".parse().unwrap_or(Timestamp::UNIX_EPOCH);
        let (_, change) = i18n::activity_cells(&one(Field::PlannedStart, Value::None, Value::Time(start)));
        assert!(!change.contains('T') && change.contains("2026"), "{change}");
        // A time entry edit: several fields in one row.
        let time = row(vec![
            FieldChange::new(Field::TimeSpent, Value::Minutes(90), Value::Minutes(135)),
            FieldChange::new(Field::Billable, Value::Bool(true), Value::Bool(false)),
        ]);
        assert_eq!(i18n::activity_cells(&time).1, "1시간 30분 -> 2시간 15분 / 청구 가능 -> 청구 불가");
        // Text an older log could not be read back from shows as stored.
        assert_eq!(
            i18n::activity_cells(&one(Field::Status, Value::text("Bogus"), Value::None)).1,
            "Bogus -> (삭제됨)"
        );
        i18n::set_language(Language::En);
        let on_hold = one(Field::Status, Value::Status(Status::Open), Value::Status(Status::OnHold));
        assert_eq!(i18n::activity_cells(&on_hold).1, "Open -> On hold");
    }
}
