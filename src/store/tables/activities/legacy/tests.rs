//! The old mini-formats read back: values the fixture lacks, text kept when nothing parses, and
//! every command label the old build wrote.

use super::command::summary;
use super::*;
use crate::domain::activity::{Assigned, BulkSummary, CommandSummary, EditedField, Named};
use crate::domain::{GroupId, ReleaseId};

fn names() -> Names {
    Names { agents: [(3, "박지훈".to_owned())].into(), groups: [(2, "인프라팀".to_owned())].into() }
}

fn parsed(kind: &str, field: &str, old: &str, new: &str) -> (ActivityKind, Vec<FieldChange>) {
    parse(kind, field, old, new, &names())
}

fn command(label: &str) -> Option<CommandSummary> {
    summary(label, &names())
}

#[test]
fn values_the_fixture_lacks_are_read_too() {
    let plan = PlanProgress { chars: 120, done: 2, total: 5 };
    assert_eq!(
        parsed("field", "build_plan", "", "120 chars, 2/5 done").1,
        [FieldChange::new(Field::BuildPlan, Value::None, Value::Plan(plan))]
    );
    assert_eq!(
        parsed("readiness", "mitigation", "", "test_environment, rollback_plan").1[0].new,
        Value::Mitigations(vec![MitigationItem::TestEnvironment, MitigationItem::RollbackPlan])
    );
    assert_eq!(
        parsed("readiness", "deployment_phases", "", "본사 (done) -> 전체 계열사 (pending)").1[0].new,
        Value::Phases(vec![
            PhaseRef { name: "본사".into(), status: PhaseStatus::Done },
            PhaseRef { name: "전체 계열사".into(), status: PhaseStatus::Pending },
        ])
    );
    assert_eq!(
        parsed("readiness", "risk", "", "금감원 승인 지연: 2x5").1[0].new,
        Value::Risk(RiskRef {
            kind: None, title: "금감원 승인 지연".into(), likelihood: 2, impact: 5
        })
    );
    assert_eq!(parsed("time", "timer", "00:00", "stopped at 02:00").1[0].new, Value::TimerStopped(120));
    assert_eq!(parsed("time", "timer", "00:00", "stopped at 02:00").1[0].old, Value::Minutes(0));
    assert_eq!(
        parsed("override", "deploy_gate", "1 unapproved Change(s), 2 plan item(s) not done", "CAB 승인").1[0]
            .old,
        Value::Gate(GateReasons { unapproved_changes: 1, plan_items_missing: 2, hard_freezes: 0 })
    );
    // A note with " / " in it keeps it (the note is the last of an edit's fields).
    let edit = parsed("time", "time_spent, note", "01:00 / a / b", "02:00 / c");
    assert_eq!(edit.1[0].old, Value::Minutes(60));
    assert_eq!(edit.1[1].old, Value::text("a / b"));
    assert_eq!(
        parsed("setting", "current_agent", "", "3").1[0].new,
        Value::Agent(Named::new(AgentId(3), "박지훈"))
    );
    assert_eq!(parsed("stage_note", "rollback", "", "ATM 장애").0, ActivityKind::StageNote);
}

#[test]
fn what_does_not_parse_is_kept_as_text() {
    assert_eq!(parsed("field", "status", "Bogus", "Open").1[0].old, Value::text("Bogus"));
    assert_eq!(parsed("field", "mystery", "a", "b").1[0].field, Field::Other("mystery".into()));
    let (kind, changes) = parsed("revert", "", "", "undo something new");
    assert_eq!((kind, changes[0].new.clone()), (ActivityKind::Undo, Value::text("something new")));
    let (kind, changes) = parsed("archive", "", "x", "y");
    assert_eq!(kind, ActivityKind::Field);
    assert_eq!((changes[0].old.clone(), changes[0].new.clone()), (Value::text("x"), Value::text("y")));
}

#[test]
fn every_old_command_label_is_read() {
    use CommandSummary as S;
    let r = ReleaseId;
    let cases = [
        ("create release \"ERP 업그레이드\"", S::CreateRelease { subject: "ERP 업그레이드".into() }),
        ("edit planned window of #4", S::EditRelease { release: r(4), field: Some(EditedField::Planned) }),
        ("edit priority of #106", S::EditRelease { release: r(106), field: Some(EditedField::Priority) }),
        ("edit #4", S::EditRelease { release: r(4), field: None }),
        ("add agent agent 141", S::AddAgent { name: "agent 141".into() }),
        ("add group 인프라팀", S::AddGroup { name: "인프라팀".into() }),
        ("add department IT본부", S::AddDepartment { name: "IT본부".into() }),
        ("change the current agent", S::ChangeCurrentAgent),
        ("change the language", S::SetLanguage),
        ("change the theme", S::SetTheme),
        ("change the KPI targets", S::SetKpiTargets),
        ("save view \"view 140\"", S::SaveView { name: "view 140".into() }),
        ("delete a saved view", S::DeleteSavedView),
        ("load 170 sample releases", S::LoadSample { count: 170 }),
        ("move #3 to Trash", S::TrashRelease { release: r(3) }),
        ("add a note to #134", S::AddNote { release: r(134) }),
        ("edit a note", S::EditNote),
        ("delete a note", S::DeleteNote),
        ("add task \"롤백 점검\" to #9", S::AddTask { release: r(9), title: "롤백 점검".into() }),
        ("edit task \"롤백 점검\"", S::EditTask { title: "롤백 점검".into() }),
        ("delete a task", S::DeleteTask),
        ("log time on #162", S::AddTime { release: r(162) }),
        ("start a timer on #5", S::StartTimer { release: r(5) }),
        ("stop the timer", S::StopTimer),
        ("edit a time entry", S::EditTimeEntry),
        ("delete a time entry", S::DeleteTimeEntry),
        ("create Change \"EDI 변경\"", S::CreateChange { subject: "EDI 변경".into() }),
        ("edit Change CHG-7", S::UpdateChange { change: ChangeId(7) }),
        ("create CI \"ci 168\"", S::CreateConfigItem { name: "ci 168".into() }),
        ("link CHG-5 to #14", S::LinkChange { release: r(14), change: ChangeId(5), linked: true }),
        ("unlink CHG-5 from #14", S::LinkChange { release: r(14), change: ChangeId(5), linked: false }),
        ("link CI 11 to #175", S::LinkConfigItem { release: r(175), item: ConfigItemId(11), linked: true }),
        (
            "unlink CI 11 from #175",
            S::LinkConfigItem { release: r(175), item: ConfigItemId(11), linked: false },
        ),
        ("move #158 to Build & Test", S::MoveStage { release: r(158), to: Stage::BuildTest }),
        ("move #2 to Verify & Monitor", S::MoveStage { release: r(2), to: Stage::VerifyMonitor }),
        ("edit the readiness of #83", S::EditReadiness { release: r(83) }),
        ("move 3 releases to Trash", S::Bulk { count: 3, action: BulkSummary::Trash }),
        ("restore 2 releases from Trash", S::Bulk { count: 2, action: BulkSummary::Restore }),
        ("delete 2 releases forever", S::Bulk { count: 2, action: BulkSummary::Purge }),
        ("pick up 4 releases", S::Bulk { count: 4, action: BulkSummary::PickUp }),
        (
            "assign 37 releases to agent 3 and no group",
            S::Bulk {
                count: 37,
                action: BulkSummary::Assign {
                    agent: Assigned::To(Named::new(AgentId(3), "박지훈")),
                    group: Assigned::Nobody,
                },
            },
        ),
        (
            "assign 1 releases to group 2",
            S::Bulk {
                count: 1,
                action: BulkSummary::Assign {
                    agent: Assigned::Unchanged,
                    group: Assigned::To(Named::new(GroupId(2), "인프라팀")),
                },
            },
        ),
        (
            "set the status of 5 releases to In Progress",
            S::Bulk { count: 5, action: BulkSummary::SetStatus(Status::InProgress) },
        ),
        (
            "set the priority of 5 releases to Urgent",
            S::Bulk { count: 5, action: BulkSummary::SetPriority(Priority::Urgent) },
        ),
    ];
    for (label, expected) in cases {
        assert_eq!(command(label), Some(expected), "{label}");
    }
    let (kind, changes) = parsed("revert", "", "", "redo load 170 sample releases");
    assert_eq!(kind, ActivityKind::Redo);
    assert_eq!(changes[0].new, Value::Command(CommandSummary::LoadSample { count: 170 }));
}
