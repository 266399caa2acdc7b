//! CABs through the model (issue 17): the Deploy gate reads the votes' derived state, a non-member
//! is refused, a second vote replaces the first, a CAB in use is not deleted, an emergency CAB's
//! vote after the work started is flagged and logged as such, every command is undone exactly, and
//! a file from before CABs (schema 9) migrates with its Changes' recorded approvals.

use crate::common::{at, model_with, plain, temp_db};
use release_desk::domain::{
    ActivityKind, AgentId, ApprovalRule, ApprovalSource, Cab, CabApproval, CabId, CabInvalid, ChangeId,
    ChangeRisk, Field, Language, PlanCheck, ReadinessEdit, ReleaseId, ReleaseType, Value, VoteDecision,
    VoteSubject,
};
use release_desk::model::{
    CabCommand, Command, CommandError, Model, ReadinessCommand, RegistryCommand, SettingsCommand,
};

const R: ReleaseId = ReleaseId(1);
const CHG: ChangeId = ChangeId(1);

fn weekly(members: &[i64], chair: Option<i64>, rule: ApprovalRule) -> Cab {
    Cab {
        id: CabId(0),
        name: " 주간 변경자문위원회 ".into(),
        members: members.iter().copied().map(AgentId).collect(),
        chair: chair.map(AgentId),
        rule,
        emergency: false,
    }
}

fn vote(agent: i64, decision: VoteDecision, comment: &str) -> Command {
    Command::Cab(CabCommand::Vote {
        subject: VoteSubject::Change(CHG),
        agent: AgentId(agent),
        decision,
        comment: comment.into(),
    })
}

/// Release #1 with every plan item done and CHG-1 linked (recorded as approved by hand), and the
/// weekly CAB (majority of agents 1, 2, 3; agent 3 chairs).
fn desk(path: &std::path::Path) -> Model {
    let mut model = model_with(path, vec![plain(1, "ERP 패치"), plain(2, "앱")]);
    model.set_clock(Box::new(|| at(0)));
    model
        .apply(Command::Registry(RegistryCommand::CreateChange {
            subject: "SAP 패치 스택".into(),
            approval: CabApproval::Approved,
            risk: ChangeRisk::High,
            link_to: Some(R),
        }))
        .unwrap();
    let edits = PlanCheck::ALL.iter().map(|c| ReadinessEdit::PlanCheck { check: *c, done: true }).collect();
    model.apply(Command::Readiness(ReadinessCommand::Edit { id: R, edits })).unwrap();
    model
        .apply(Command::Cab(CabCommand::SaveCab(weekly(&[1, 2, 3], Some(3), ApprovalRule::Majority))))
        .unwrap();
    model
}

fn gate_open(model: &Model) -> bool {
    model.deploy_gate(model.release(R).unwrap()).is_open()
}

#[test]
fn the_deploy_gate_reads_the_state_derived_from_the_votes() {
    let (_dir, path) = temp_db();
    let mut model = desk(&path);
    assert_eq!(model.cabs().cabs[0].name, "주간 변경자문위원회");
    assert!(gate_open(&model), "recorded as approved by hand, with no CAB");
    model.apply(Command::Cab(CabCommand::AssignCab { change: CHG, cab: Some(CabId(1)) })).unwrap();
    let change = model.registry().change(CHG).unwrap().clone();
    assert_eq!(model.change_state(&change), (CabApproval::Pending, ApprovalSource::Votes(CabId(1))));
    assert!(!gate_open(&model), "a CAB's Change waits for its votes, whatever was recorded by hand");
    assert_eq!(model.deploy_gate(model.release(R).unwrap()).unapproved_changes, vec![CHG]);
    model.apply(vote(1, VoteDecision::Approve, "")).unwrap();
    assert!(!gate_open(&model), "one of three is no majority");
    model.apply(vote(2, VoteDecision::Approve, "롤백 리허설 확인")).unwrap();
    assert!(gate_open(&model), "two of three");
    model.apply(vote(3, VoteDecision::Reject, "결산 기간과 겹침")).unwrap();
    assert!(!gate_open(&model), "the chair's rejection is final");
    let change = model.registry().change(CHG).unwrap().clone();
    assert_eq!(model.change_approval(&change), CabApproval::Rejected);
    // Reopened from the file: the same derived state.
    drop(model);
    let model = Model::open(&path).unwrap();
    assert_eq!(model.votes_on(VoteSubject::Change(CHG)).len(), 3);
    assert!(!gate_open(&model));
    assert_eq!(model.registry().change(CHG).unwrap().recorded_approval, CabApproval::Approved);
}

#[test]
fn a_non_member_is_refused_and_a_second_vote_replaces_the_first() {
    let (_dir, path) = temp_db();
    let mut model = desk(&path);
    let err = model.apply(vote(1, VoteDecision::Approve, "")).unwrap_err();
    assert!(matches!(err, CommandError::Cab(CabInvalid::NoCab(VoteSubject::Change(CHG)))), "{err:?}");
    model.apply(Command::Cab(CabCommand::AssignCab { change: CHG, cab: Some(CabId(1)) })).unwrap();
    let mut small = weekly(&[1, 2], None, ApprovalRule::All);
    small.id = CabId(1);
    model.apply(Command::Cab(CabCommand::SaveCab(small))).unwrap();
    let before = model.snapshot();
    let err = model.apply(vote(3, VoteDecision::Approve, "")).unwrap_err();
    assert!(matches!(err, CommandError::Cab(CabInvalid::NotAMember(AgentId(3)))), "{err:?}");
    assert_eq!(model.snapshot(), before, "a refusal changes nothing");
    model.apply(vote(1, VoteDecision::Reject, "아직")).unwrap();
    model.apply(vote(2, VoteDecision::Approve, "")).unwrap();
    assert!(!gate_open(&model), "All: one rejection rejects");
    model.apply(vote(1, VoteDecision::Approve, "리허설 후 승인")).unwrap();
    let votes = model.votes_on(VoteSubject::Change(CHG));
    assert_eq!(votes.len(), 2, "one vote per member");
    assert_eq!((votes[0].decision, votes[0].comment.as_str()), (VoteDecision::Approve, "리허설 후 승인"));
    assert!(gate_open(&model));
    model
        .apply(Command::Cab(CabCommand::WithdrawVote {
            subject: VoteSubject::Change(CHG),
            agent: AgentId(1),
        }))
        .unwrap();
    assert!(!gate_open(&model));
    let err = model
        .apply(Command::Cab(CabCommand::WithdrawVote {
            subject: VoteSubject::Change(CHG),
            agent: AgentId(1),
        }))
        .unwrap_err();
    assert!(matches!(err, CommandError::Cab(CabInvalid::NoSuchVote)), "{err:?}");
}

#[test]
fn a_cab_in_use_is_not_deleted_and_an_agent_on_a_cab_is_not_removed() {
    let (_dir, path) = temp_db();
    let mut model = desk(&path);
    model.apply(Command::Cab(CabCommand::AssignCab { change: CHG, cab: Some(CabId(1)) })).unwrap();
    let err = model.apply(Command::Cab(CabCommand::DeleteCab(CabId(1)))).unwrap_err();
    assert!(matches!(err, CommandError::Cab(CabInvalid::InUse { changes: 1 })), "{err:?}");
    release_desk::i18n::set_language(Language::Ko);
    assert!(
        release_desk::i18n::command_error(&err).contains("1건"),
        "{}",
        release_desk::i18n::command_error(&err)
    );
    release_desk::i18n::set_language(Language::En);
    let err = model
        .apply(Command::People(release_desk::model::PeopleCommand::RemoveAgent(AgentId(2))))
        .unwrap_err();
    assert!(matches!(err, CommandError::Cab(CabInvalid::AgentInCab { cabs: 1 })), "{err:?}");
    model.apply(Command::Cab(CabCommand::AssignCab { change: CHG, cab: None })).unwrap();
    model.apply(Command::Cab(CabCommand::DeleteCab(CabId(1)))).unwrap();
    assert!(model.cabs().cabs.is_empty());
    assert!(gate_open(&model), "back to the approval recorded by hand");
}

#[test]
fn an_emergency_cab_approves_after_the_fact_and_the_log_says_so() {
    let (_dir, path) = temp_db();
    let mut model = desk(&path);
    model.apply(Command::Settings(SettingsCommand::SetCurrentAgent(Some(AgentId(1))))).unwrap();
    let mut ecab = weekly(&[1, 2], None, ApprovalRule::Any);
    ecab.name = "긴급 변경자문위원회".into();
    ecab.emergency = true;
    model.apply(Command::Cab(CabCommand::SaveCab(ecab))).unwrap();
    model.apply(Command::Cab(CabCommand::AssignCab { change: CHG, cab: Some(CabId(2)) })).unwrap();
    // Before the work starts: an ordinary approval.
    model.apply(vote(2, VoteDecision::Approve, "")).unwrap();
    assert!(!model.votes_on(VoteSubject::Change(CHG))[0].after_the_fact);
    // #1 is an Emergency release whose work started an hour ago.
    let edits = vec![
        release_desk::model::ReleaseEdit::ReleaseType(ReleaseType::Emergency),
        release_desk::model::ReleaseEdit::WorkWindow { start: Some(at(-1)), end: None },
    ];
    model.apply(Command::Release(release_desk::model::ReleaseCommand::Edit { id: R, edits })).unwrap();
    model.apply(vote(1, VoteDecision::Approve, "전화로 승인")).unwrap();
    let votes = model.votes_on(VoteSubject::Change(CHG));
    assert!(votes[0].after_the_fact, "{votes:?}");
    assert!(gate_open(&model));
    let log = model.activities_for(R).unwrap();
    let row = log.iter().find(|a| a.kind == ActivityKind::Vote).unwrap();
    assert!(matches!(&row.change(&Field::Vote).unwrap().new, Value::Vote(v) if v.after_the_fact));
    release_desk::i18n::set_language(Language::Ko);
    let (what, change) = release_desk::i18n::activity_cells(row);
    release_desk::i18n::set_language(Language::En);
    assert_eq!(what, "위원회 투표");
    assert!(change.contains("CHG-1: 김민준: 승인 (사후 승인) — 전화로 승인"), "{change}");
    // A go/no-go of the release goes to the same CAB.
    model
        .apply(Command::Cab(CabCommand::Vote {
            subject: VoteSubject::GoNoGo(R),
            agent: AgentId(2),
            decision: VoteDecision::Approve,
            comment: String::new(),
        }))
        .unwrap();
    assert_eq!(model.go_no_go(model.release(R).unwrap()), Some(CabApproval::Approved));
    assert!(model.votes_on(VoteSubject::GoNoGo(R))[0].after_the_fact);
    assert_eq!(model.go_no_go(model.release(ReleaseId(2)).unwrap()), None, "#2 has no CAB");
}

#[test]
fn every_cab_command_is_undone_exactly() {
    let (_dir, path) = temp_db();
    let mut model = desk(&path);
    let start = model.snapshot();
    model.apply(Command::Cab(CabCommand::AssignCab { change: CHG, cab: Some(CabId(1)) })).unwrap();
    model.apply(vote(1, VoteDecision::Approve, "a")).unwrap();
    model.apply(vote(1, VoteDecision::Reject, "b")).unwrap();
    let mut renamed = model.cabs().cabs[0].clone();
    renamed.name = "Weekly CAB".into();
    model.apply(Command::Cab(CabCommand::SaveCab(renamed))).unwrap();
    model.apply(Command::Cab(CabCommand::SaveCab(weekly(&[2], None, ApprovalRule::Any)))).unwrap();
    // Moving to another CAB withdraws the votes cast in the first one; undo brings them back.
    model.apply(Command::Cab(CabCommand::AssignCab { change: CHG, cab: Some(CabId(2)) })).unwrap();
    assert!(model.votes_on(VoteSubject::Change(CHG)).is_empty());
    model.apply(Command::Cab(CabCommand::DeleteCab(CabId(1)))).unwrap();
    let end = model.snapshot();
    assert_eq!(model.reload_snapshot().unwrap(), end);
    for _ in 0..7 {
        model.undo().unwrap().unwrap();
        assert_eq!(model.reload_snapshot().unwrap(), model.snapshot());
    }
    assert_eq!(model.votes_on(VoteSubject::Change(CHG)).len(), 0);
    assert_eq!(model.snapshot(), start);
    for _ in 0..7 {
        model.redo().unwrap().unwrap();
    }
    assert_eq!(model.snapshot(), end);
    assert_eq!(model.reload_snapshot().unwrap(), end);
}

#[test]
fn the_undo_menu_names_cab_commands_in_both_languages() {
    let (_dir, path) = temp_db();
    let model = desk(&path);
    let label = |command: &Command| release_desk::i18n::command_label(command, model.directory());
    release_desk::i18n::set_language(Language::Ko);
    assert_eq!(label(&vote(1, VoteDecision::Reject, "")), "CHG-1에 “반려” 투표했습니다");
    release_desk::i18n::set_language(Language::En);
    assert_eq!(label(&vote(1, VoteDecision::Reject, "")), "vote “Reject” on CHG-1");
}

/// A schema-9 file: the v3 fixture taken through migrations 3..9 only, as a build before CABs
/// left it.
fn schema_9_file() -> (tempfile::TempDir, std::path::PathBuf) {
    use release_desk::store::schema::{MIGRATIONS, Migration};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v9.sqlite3");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schema-v3-with-history.sqlite3"),
        &path,
    )
    .unwrap();
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    let tx = conn.transaction().unwrap();
    for (index, migration) in MIGRATIONS.iter().enumerate().take(9).skip(3) {
        match migration {
            Migration::Sql(sql) => tx.execute_batch(sql).unwrap(),
            Migration::Rust(run) => run(&tx).unwrap(),
        }
        tx.pragma_update(None, "user_version", index as i64 + 1).unwrap();
    }
    tx.commit().unwrap();
    (dir, path)
}

#[test]
fn a_schema_9_file_gains_cabs_and_keeps_its_changes_recorded_approvals() {
    let (_dir, path) = schema_9_file();
    let before: Vec<(i64, String)> = {
        let conn = rusqlite::Connection::open(&path).unwrap();
        assert_eq!(conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)).unwrap(), 9);
        let mut stmt = conn.prepare("SELECT id, approval FROM changes ORDER BY id").unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect()
    };
    assert!(!before.is_empty(), "the fixture has Changes");
    let mut model = Model::open(&path).unwrap();
    assert_eq!(model.store().schema_version().unwrap(), release_desk::store::schema::latest_version());
    assert!(model.cabs().cabs.is_empty());
    for (id, approval) in &before {
        let change = model.registry().change(ChangeId(*id)).unwrap().clone();
        assert_eq!(change.cab, None);
        assert_eq!(change.recorded_approval.code(), approval, "CHG-{id}");
        assert_eq!(model.change_state(&change), (change.recorded_approval, ApprovalSource::Recorded));
    }
    // The migrated file takes CABs and votes.
    let agent = model.directory().agents[0].id;
    let mut cab = weekly(&[agent.0], None, ApprovalRule::Any);
    cab.name = "Weekly CAB".into();
    model.apply(Command::Cab(CabCommand::SaveCab(cab))).unwrap();
    let id = ChangeId(before[0].0);
    model.apply(Command::Cab(CabCommand::AssignCab { change: id, cab: Some(CabId(1)) })).unwrap();
    model
        .apply(Command::Cab(CabCommand::Vote {
            subject: VoteSubject::Change(id),
            agent,
            decision: VoteDecision::Approve,
            comment: String::new(),
        }))
        .unwrap();
    drop(model);
    let model = Model::open(&path).unwrap();
    let change = model.registry().change(id).unwrap().clone();
    assert_eq!(model.change_state(&change), (CabApproval::Approved, ApprovalSource::Votes(CabId(1))));
}

#[test]
fn the_sample_has_a_weekly_cab_an_ecab_and_votes_that_give_each_change_its_state() {
    use release_desk::model::SampleCommand;
    let (_dir, path) = temp_db();
    let mut model = Model::open(&path).unwrap();
    let data = release_desk::domain::sample::scenarios(crate::common::t0());
    model.apply(Command::Sample(SampleCommand::Load { data, force: false })).unwrap();
    let cabs = &model.cabs().cabs;
    let weekly = cabs.iter().find(|c| c.name == "주간 변경자문위원회").unwrap();
    assert_eq!((weekly.members.len(), weekly.rule, weekly.emergency), (5, ApprovalRule::Majority, false));
    assert!(weekly.chair.is_some_and(|c| weekly.is_member(c)));
    let ecab = cabs.iter().find(|c| c.emergency).unwrap();
    assert!(ecab.name.contains("긴급"));
    for change in &model.registry().changes {
        assert!(change.cab.is_some(), "CHG-{} has a CAB", change.id);
        let (state, source) = model.change_state(change);
        assert!(matches!(source, ApprovalSource::Votes(_)));
        assert_eq!(state, change.recorded_approval, "CHG-{}: the votes give what the stages need", change.id);
    }
    // Every release past the Deploy gate had its Changes approved (or went through on an override).
    let pending: Vec<_> = model
        .registry()
        .changes
        .iter()
        .filter(|c| model.change_approval(c) == CabApproval::Pending)
        .map(|c| c.id)
        .collect();
    assert_eq!(pending.len(), 1, "the master-data migration waits: {pending:?}");
    let after = model.cabs().votes.iter().filter(|v| v.after_the_fact).count();
    assert_eq!(after, 1, "the core-banking patch, approved by phone after the work started");
    let bank = model.releases().iter().find(|r| r.subject.contains("코어뱅킹 보안 패치")).unwrap();
    let change = bank.associated_change_ids[0];
    assert!(model.votes_on(VoteSubject::Change(change))[0].after_the_fact);
    assert_eq!(model.reload_snapshot().unwrap(), model.snapshot());
    // Loaded again (forced): the CABs are added after the first ones, the votes follow the Changes.
    let data = release_desk::domain::sample::scenarios(crate::common::t0());
    model.apply(Command::Sample(SampleCommand::Load { data, force: true })).unwrap();
    assert_eq!(model.cabs().cabs.len(), 4);
    for change in &model.registry().changes {
        assert_eq!(model.change_approval(change), change.recorded_approval, "CHG-{}", change.id);
    }
}
