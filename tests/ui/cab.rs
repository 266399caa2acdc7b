//! The CAB on the release page (issue 17): a linked Change's CAB, the state derived from its votes
//! and each vote, and the Approve / Reject buttons with a comment for the agent "Working as" when
//! a member, which vote through the model; none for an agent who is not a member.

use crate::common::{model_with, plain, temp_db};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use release_desk::domain::{
    AgentId, ApprovalRule, Cab, CabApproval, CabId, ChangeId, ChangeRisk, Language, ReleaseId, VoteDecision,
    VoteSubject,
};
use release_desk::i18n;
use release_desk::model::{CabCommand, Command, Model, RegistryCommand, SettingsCommand};
use release_desk::ui::fonts;
use release_desk::ui::release_page::links_ui;

struct Page {
    model: Model,
}

fn page_ui(ui: &mut egui::Ui, page: &mut Page) {
    let Some(release) = page.model.release(ReleaseId(1)).cloned() else { return };
    let mut commands = Vec::new();
    links_ui(ui, &release, &page.model, &mut commands);
    for command in commands {
        page.model.apply(command).unwrap();
    }
}

/// #1 with CHG-1 sent to the weekly CAB (agents 1 and 2, majority, 2 chairs), agent 2 voted.
fn desk(me: i64) -> (tempfile::TempDir, Model) {
    let (dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "KB 코어뱅킹 보안 패치")]);
    model
        .apply(Command::Registry(RegistryCommand::CreateChange {
            subject: "인증 모듈 패치".into(),
            approval: CabApproval::Pending,
            risk: ChangeRisk::High,
            link_to: Some(ReleaseId(1)),
        }))
        .unwrap();
    let cab = Cab {
        id: CabId(0),
        name: "주간 변경자문위원회".into(),
        members: vec![AgentId(1), AgentId(2)],
        chair: Some(AgentId(2)),
        rule: ApprovalRule::Majority,
        emergency: false,
    };
    model.apply(Command::Cab(CabCommand::SaveCab(cab))).unwrap();
    model.apply(Command::Cab(CabCommand::AssignCab { change: ChangeId(1), cab: Some(CabId(1)) })).unwrap();
    model
        .apply(Command::Cab(CabCommand::Vote {
            subject: VoteSubject::Change(ChangeId(1)),
            agent: AgentId(2),
            decision: VoteDecision::Reject,
            comment: "리허설 먼저".into(),
        }))
        .unwrap();
    model.apply(Command::Settings(SettingsCommand::SetCurrentAgent(Some(AgentId(me))))).unwrap();
    (dir, model)
}

fn harness(model: Model, language: Language) -> Harness<'static, Page> {
    i18n::set_language(language);
    Harness::builder()
        .with_size([900.0, 360.0])
        .with_context_setup(fonts::install)
        .build_ui_state(page_ui, Page { model })
}

#[test]
fn a_member_votes_from_the_page_with_a_comment_and_sees_the_votes() {
    let (_dir, model) = desk(1);
    let mut harness = harness(model, Language::En);
    harness.run();
    assert!(harness.query_by_label("주간 변경자문위원회 (Majority)").is_some());
    assert!(harness.query_by_label("Emily Carter, chair").is_some(), "the chair's vote is shown");
    assert!(harness.query_by_label("리허설 먼저").is_some());
    // In the Change's row and beside its CAB: the chair's rejection is final.
    assert_eq!(harness.query_all_by_label("Rejected").count(), 2);
    harness.get_by_label("Comment with your vote").focus();
    harness.run();
    harness.get_by_label("Comment with your vote").type_text("롤백 리허설 확인");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Approve").click();
    harness.run();
    harness.run();
    let model = &harness.state().model;
    let votes = model.votes_on(VoteSubject::Change(ChangeId(1)));
    assert_eq!(votes.len(), 2);
    assert_eq!((votes[0].agent, votes[0].decision), (AgentId(1), VoteDecision::Approve));
    assert_eq!(votes[0].comment, "롤백 리허설 확인");
    assert!(harness.query_by_label("롤백 리허설 확인").is_some(), "the new vote is on the page");
}

#[test]
fn an_agent_who_is_not_a_member_sees_the_votes_but_no_buttons_in_korean() {
    let (_dir, model) = desk(3);
    let mut harness = harness(model, Language::Ko);
    harness.run();
    assert!(harness.query_by_label("주간 변경자문위원회 (과반수)").is_some());
    assert!(harness.query_by_label("Emily Carter, 위원장").is_some());
    assert_eq!(harness.query_all_by_label("반려됨").count(), 2);
    assert!(harness.query_by_label("투표와 함께 남길 의견").is_none());
    assert!(harness.query_by_role_and_label(Role::Button, "승인").is_none());
    harness.fit_contents();
    let _ = harness.try_snapshot("cab_votes_ko");
    i18n::set_language(Language::En);
}
