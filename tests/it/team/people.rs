//! The people releases name, shared through the team (issue 21): a teammate's release keeps its
//! agent and group in every file (they were left empty before); an agent added, a group renamed
//! or an unused agent removed in one file reaches the others; two agents added offline under one
//! number both survive; and a removal of someone this file still names keeps them here instead
//! of stopping the pull.

use release_desk::domain::AgentId;
use release_desk::model::team::{ConflictKind, Keep, TeamCommand};
use release_desk::model::{Command, Model, PeopleCommand, ReleaseEdit};

use super::merge::{assert_converged, create, edit, sync};
use super::schedule::assert_schedule_converged;
use super::{client, database};

fn people(model: &mut Model, command: PeopleCommand) {
    model.apply(Command::People(command)).unwrap();
}

fn add_agent(model: &mut Model, name: &str) -> AgentId {
    people(model, PeopleCommand::AddAgent { name: name.into(), email: String::new() });
    model.directory().agents.last().unwrap().id
}

/// Every file holds the server's people (and releases and schedule).
fn assert_people_converged(url: &str, clients: &[&Model]) {
    assert_schedule_converged(url, clients);
    let first = clients[0].directory().clone();
    for (i, model) in clients.iter().enumerate() {
        assert_eq!(model.directory(), &first, "client {i}'s people differ from client 0's");
        assert_eq!(&model.reload_snapshot().unwrap().directory, &first, "client {i}'s file differs");
    }
}

#[test]
fn a_teammates_release_keeps_its_agent_and_group_and_new_people_reach_everyone() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let mut a = client(dir.path(), "a");
    let kim = add_agent(&mut a, "김민수");
    people(&mut a, PeopleCommand::AddGroup { name: "ERP팀".into() });
    let erp = a.directory().groups[0].id;
    let id = create(&mut a, "ERP 업그레이드");
    edit(&mut a, id, ReleaseEdit::Agent(Some(kim)));
    edit(&mut a, id, ReleaseEdit::Group(Some(erp)));
    a.team_init(&url, None, "Kim").unwrap();
    let mut b = client(dir.path(), "b");
    b.team_join(&url, None, "Lee").unwrap();
    let release = b.release(id).unwrap();
    assert_eq!((release.agent_id, release.group_id), (Some(kim), Some(erp)), "not left empty");
    assert_eq!(b.directory().agent(kim).map(|a| a.name.as_str()), Some("김민수"));
    // B adds herself and takes the release; A renames the group.
    let lee = add_agent(&mut b, "이서연");
    edit(&mut b, id, ReleaseEdit::Agent(Some(lee)));
    people(&mut a, PeopleCommand::RenameGroup { id: erp, name: "ERP 운영팀".into() });
    sync(&mut a);
    sync(&mut b);
    sync(&mut a);
    assert_people_converged(&url, &[&a, &b]);
    assert_eq!(a.release(id).unwrap().agent_id, Some(lee));
    // A's log names her, though she came in the same sync as the assignment.
    let named = a
        .activities_for(id)
        .unwrap()
        .iter()
        .flat_map(|r| r.changes.clone())
        .any(|c| matches!(&c.new, release_desk::domain::Value::Agent(n) if n.name == "이서연"));
    assert!(named, "the log row names the new agent");
    assert_eq!(b.directory().group(erp).unwrap().name, "ERP 운영팀");
    // An agent no release names, removed by A, goes from B too.
    let temp = add_agent(&mut a, "임시 담당자");
    sync(&mut a);
    sync(&mut b);
    assert!(b.directory().agent(temp).is_some());
    people(&mut a, PeopleCommand::RemoveAgent(temp));
    sync(&mut a);
    sync(&mut b);
    assert!(b.directory().agent(temp).is_none());
    assert_people_converged(&url, &[&a, &b]);
}

#[test]
fn two_agents_added_offline_under_one_number_both_survive() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let mut a = client(dir.path(), "a");
    create(&mut a, "ERP 업그레이드");
    a.team_init(&url, None, "Kim").unwrap();
    let mut b = client(dir.path(), "b");
    b.team_join(&url, None, "Lee").unwrap();
    let by_a = add_agent(&mut a, "박지훈");
    let by_b = add_agent(&mut b, "최유진");
    assert_eq!(by_a, by_b);
    sync(&mut a);
    let report = sync(&mut b);
    assert_eq!(report.conflicts.len(), 1);
    assert_eq!(report.conflicts[0].kind, ConflictKind::IdTaken);
    let conflict = b.open_team_conflicts()[0].clone();
    let (mine, _) = b.team_conflict_sides(&conflict).unwrap();
    assert!(matches!(&mine, release_desk::domain::Value::Agent(n) if n.name == "최유진"), "{mine:?}");
    b.apply(Command::Team(TeamCommand::resolve(&conflict, Keep::Mine))).unwrap();
    sync(&mut b);
    sync(&mut a);
    assert_people_converged(&url, &[&a, &b]);
    let names: Vec<&str> = a.directory().agents.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["박지훈", "최유진"]);
}

#[test]
fn removing_someone_this_file_still_names_keeps_them_here_and_the_pull_goes_on() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let mut a = client(dir.path(), "a");
    let park = add_agent(&mut a, "박지훈");
    let id = create(&mut a, "모바일 앱 2.4");
    a.team_init(&url, None, "Kim").unwrap();
    let mut b = client(dir.path(), "b");
    b.team_join(&url, None, "Lee").unwrap();
    // B gives the release to Park offline while A removes Park (no release of A's names him).
    edit(&mut b, id, ReleaseEdit::Agent(Some(park)));
    people(&mut a, PeopleCommand::RemoveAgent(park));
    edit(&mut a, id, ReleaseEdit::Subject("모바일 앱 2.5".into()));
    sync(&mut a);
    let report = sync(&mut b);
    assert_eq!(report.conflicts.len(), 0);
    assert_eq!(b.release(id).unwrap().subject, "모바일 앱 2.5", "the rest of the pull landed");
    assert_eq!(b.release(id).unwrap().agent_id, Some(park));
    assert!(b.directory().agent(park).is_some(), "still named here: kept");
    assert_eq!(b.reload_snapshot().unwrap().directory, b.directory().clone());
    // A's file does not know Park any more: the release comes without an agent there.
    sync(&mut a);
    assert_eq!(a.release(id).unwrap().agent_id, None);
    assert_converged(&url, &[&b]);
}
