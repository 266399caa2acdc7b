//! The CAB commands of the command line (issue 17): `cab list` as a table and JSON, `approve`
//! by a member (and refused for a non-member, in Korean with `--lang ko`), and `show --format
//! json` carrying the go/no-go `approvals` and each Change's `approval_state` and `votes`.

use crate::common::{cli, model_with, plain, temp_db};
use release_desk::domain::{
    AgentId, ApprovalRule, Cab, CabApproval, CabId, ChangeRisk, VoteDecision, VoteSubject,
};
use release_desk::model::{CabCommand, Command, RegistryCommand};

/// A file with release #1, CHG-1 linked to it and sent to the weekly CAB (agents 1, 2, 3,
/// majority, agent 3 chairs), and an emergency CAB of agent 2 that decides nothing.
fn desk() -> (tempfile::TempDir, String) {
    let (dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "ERP 패치")]);
    model
        .apply(Command::Registry(RegistryCommand::CreateChange {
            subject: "SAP 패치 스택".into(),
            approval: CabApproval::Pending,
            risk: ChangeRisk::High,
            link_to: Some(release_desk::domain::ReleaseId(1)),
        }))
        .unwrap();
    let cab = |name: &str, members: &[i64], chair: Option<i64>, emergency: bool| Cab {
        id: CabId(0),
        name: name.into(),
        members: members.iter().copied().map(AgentId).collect(),
        chair: chair.map(AgentId),
        rule: ApprovalRule::Majority,
        emergency,
    };
    model
        .apply(Command::Cab(CabCommand::SaveCab(cab("주간 변경자문위원회", &[1, 2, 3], Some(3), false))))
        .unwrap();
    model.apply(Command::Cab(CabCommand::SaveCab(cab("긴급 변경자문위원회", &[2], None, true)))).unwrap();
    let change = release_desk::domain::ChangeId(1);
    model.apply(Command::Cab(CabCommand::AssignCab { change, cab: Some(CabId(1)) })).unwrap();
    model
        .apply(Command::Cab(CabCommand::Vote {
            subject: VoteSubject::GoNoGo(release_desk::domain::ReleaseId(1)),
            agent: AgentId(3),
            decision: VoteDecision::Approve,
            comment: "진행".into(),
        }))
        .unwrap();
    drop(model);
    let db = path.to_str().unwrap().to_owned();
    (dir, db)
}

#[test]
fn cab_list_shows_members_chair_rule_and_changes_as_a_table_and_json() {
    let (_dir, db) = desk();
    let out = cli(&["--db", &db, "--lang", "ko", "cab", "list"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let first = text.lines().next().unwrap();
    assert_eq!(first, "1\t주간 변경자문위원회\t과반수\t박지훈\t김민준, Emily Carter, 박지훈\t변경 1건\t");
    assert!(text.lines().nth(1).unwrap().ends_with("긴급 CAB"), "{text}");
    let out = cli(&["--db", &db, "cab", "list", "--format", "json"]);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list[0]["rule"], "majority");
    assert_eq!(list[0]["chair_id"], 3);
    assert_eq!(list[0]["members"].as_array().unwrap().len(), 3);
    assert_eq!(list[0]["change_ids"], serde_json::json!([1]));
    assert_eq!(list[1]["emergency"], true);
}

#[test]
fn approve_records_a_members_vote_and_refuses_a_non_member() {
    let (_dir, db) = desk();
    let out =
        cli(&["--db", &db, "approve", "CHG-1", "--as", "김민준", "--approve", "--comment", "리허설 확인"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "CHG-1: Pending (1 approve, 0 reject, 2 not voted)\n");
    let out = cli(&["--db", &db, "--lang", "ko", "approve", "1", "--as", "2", "--approve"]);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "CHG-1: 승인됨 (승인 2, 반려 0, 미투표 1)\n");
    // Voting again replaces the vote; the chair's rejection is final.
    let out = cli(&["--db", &db, "approve", "1", "--as", "박지훈", "--reject"]);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "CHG-1: Rejected (2 approve, 1 reject, 0 not voted)\n"
    );
    // An agent the file does not have.
    let out = cli(&["--db", &db, "--lang", "ko", "approve", "1", "--as", "nobody", "--approve"]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("nobody"), "{err}");
    // Neither --approve nor --reject, or both: refused by the parser.
    assert!(!cli(&["--db", &db, "approve", "1", "--as", "1"]).status.success());
    assert!(!cli(&["--db", &db, "approve", "1", "--as", "1", "--approve", "--reject"]).status.success());
}

#[test]
fn a_non_member_is_refused_in_korean() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "ERP 패치")]);
    model
        .apply(Command::Registry(RegistryCommand::CreateChange {
            subject: "EDI".into(),
            approval: CabApproval::Pending,
            risk: ChangeRisk::Low,
            link_to: None,
        }))
        .unwrap();
    let cab = Cab {
        id: CabId(0),
        name: "Weekly CAB".into(),
        members: vec![AgentId(1)],
        chair: None,
        rule: ApprovalRule::Any,
        emergency: false,
    };
    model.apply(Command::Cab(CabCommand::SaveCab(cab))).unwrap();
    let change = release_desk::domain::ChangeId(1);
    model.apply(Command::Cab(CabCommand::AssignCab { change, cab: Some(CabId(1)) })).unwrap();
    drop(model);
    let db = path.to_str().unwrap();
    let out = cli(&["--db", db, "--lang", "ko", "approve", "1", "--as", "Emily Carter", "--approve"]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err, "release-desk: 담당자 2은(는) 이 CAB의 위원이 아닙니다. 위원만 투표할 수 있습니다.\n");
}

#[test]
fn show_json_carries_the_go_no_go_and_each_changes_state_and_votes() {
    let (_dir, db) = desk();
    assert!(
        cli(&["--db", &db, "approve", "1", "--as", "1", "--reject", "--comment", "결산 기간"])
            .status
            .success()
    );
    let out = cli(&["--db", &db, "show", "1", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let shown: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let approvals = &shown["approvals"];
    assert_eq!(approvals["cab_id"], 1);
    assert_eq!(approvals["state"], "approved", "the chair approved the go/no-go");
    assert_eq!(approvals["votes"][0]["agent_id"], 3);
    assert_eq!(approvals["votes"][0]["comment"], "진행");
    let change = &shown["associated_changes"][0];
    assert_eq!(change["approval_state"], "pending");
    assert_eq!(change["approval_source"], "votes");
    assert_eq!(change["cab_id"], 1);
    let vote = &change["votes"][0];
    assert_eq!((vote["agent_id"].as_i64(), vote["decision"].as_str()), (Some(1), Some("reject")));
    assert_eq!(vote["comment"], "결산 기간");
    assert!(vote["at"].as_str().unwrap().ends_with('Z'));
}
