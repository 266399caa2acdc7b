//! Who may do what is kept by the server (issue 21): a PostgreSQL login without the member right
//! cannot join; a member's move past the deploy gate and its delete-forever are refused by the
//! server (kept as a conflict, the team's value put back here, nothing else of the sync lost);
//! the same login's own SQL is refused too, and the log of changes is append-only; once granted
//! the approve right, the same move lands, recorded under the login's role.

use release_desk::domain::{Outcome, ReleaseId, Stage};
use release_desk::model::team::{ConflictKind, Keep, TeamCommand, TeamError, TeamRight};
use release_desk::model::{BulkAction, Command, LifecycleCommand, Model, ReleaseEdit};

use super::merge::{create, edit, sync};
use super::{client, database, server_releases};

const LEE_PASSWORD: &str = "lee-password";

fn move_to(model: &mut Model, id: ReleaseId, to: Stage) {
    let command = Command::Lifecycle(LifecycleCommand::Move {
        id,
        to,
        outcome: Some(Outcome::Successful),
        downtime_minutes: 0,
        reason: String::new(),
        // The readiness checklist is not filled in here: the local gate is passed by a reason.
        override_reason: "approved at the CAB of 3 Dec".into(),
        restore_minutes: None,
    });
    model.apply(command).unwrap();
}

/// A login role of this test's own (roles belong to the whole cluster), and its URL.
fn login(admin_url: &str) -> (String, String) {
    let database = admin_url.rsplit('/').next().unwrap().to_owned();
    let role = format!("lee_{database}");
    let mut admin = postgres::Client::connect(admin_url, postgres::NoTls).unwrap();
    admin.batch_execute(&format!("CREATE ROLE {role} LOGIN PASSWORD '{LEE_PASSWORD}'")).unwrap();
    let host = admin_url.split('@').nth(1).unwrap();
    (role.clone(), format!("postgresql://{role}:{LEE_PASSWORD}@{host}"))
}

#[test]
fn the_server_refuses_what_a_role_may_not_do_and_nothing_else_is_lost() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let mut kim = client(dir.path(), "kim");
    let id = create(&mut kim, "ERP upgrade HQ");
    kim.team_init(&url, None, "Kim").unwrap();
    let (role, lee_url) = login(&url);

    // Not a member: the server says so, and the file does not join.
    let mut lee = client(dir.path(), "lee");
    let err = lee.team_join(&lee_url, None, "Lee").unwrap_err();
    assert!(matches!(err, TeamError::NotAllowed(_)), "{err}");
    assert!(lee.team().is_none());
    assert!(matches!(
        kim.team_grant("no_such_login", TeamRight::Member, false, None),
        Err(TeamError::NoSuchRole(_))
    ));

    kim.team_grant(&role, TeamRight::Member, false, None).unwrap();
    lee.team_join(&lee_url, None, "Lee").unwrap();
    assert_eq!(lee.team_rights(None).unwrap(), vec![TeamRight::Member]);
    assert_eq!(kim.team_rights(None).unwrap(), TeamRight::ALL.to_vec(), "the team's maker has every right");

    // Up to the gate is anyone's; past it needs the approve right. The edit made with the
    // refused move lands.
    move_to(&mut lee, id, Stage::BuildTest);
    move_to(&mut lee, id, Stage::DeploymentPrep);
    move_to(&mut lee, id, Stage::Deploy);
    edit(&mut lee, id, ReleaseEdit::Description("cutover at 22:00".into()));
    let report = sync(&mut lee);
    assert_eq!(report.conflicts.len(), 1, "{:?}", report.conflicts);
    let refused = &report.conflicts[0];
    assert_eq!(refused.kind, ConflictKind::Refused);
    assert_eq!(refused.field.as_deref(), Some("stage"));
    assert_eq!((refused.ours.as_str(), refused.theirs.as_str()), (Some("deploy"), Some("deployment_prep")));
    let server = server_releases(&url);
    assert_eq!(server[0].stage, Stage::DeploymentPrep);
    assert_eq!(server[0].description, "cutover at 22:00");
    assert_eq!(lee.release(id).unwrap().stage, Stage::DeploymentPrep, "the server's value is put back here");
    assert_eq!(lee.team_status().unwrap().unwrap().pending, 0);
    assert_eq!(sync(&mut kim).conflicts.len(), 0);
    assert_eq!(kim.release(id).unwrap().stage, Stage::DeploymentPrep);

    // Only the team's value can be kept.
    let open = lee.open_team_conflicts()[0].clone();
    assert!(!open.can_keep_mine());
    assert!(lee.apply(Command::Team(TeamCommand::resolve(&open, Keep::Mine))).is_err());
    lee.apply(Command::Team(TeamCommand::resolve(&open, Keep::Theirs))).unwrap();

    // The server, not the client, refuses: the same login's own SQL.
    let mut raw = postgres::Client::connect(&lee_url, postgres::NoTls).unwrap();
    let past_gate = raw.execute(
        "UPDATE release_desk.releases SET release = jsonb_set(release, '{stage}', '\"complete\"')",
        &[],
    );
    assert_eq!(past_gate.unwrap_err().code(), Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE));
    for sql in ["DELETE FROM release_desk.changes", "UPDATE release_desk.changes SET author = 'someone'"] {
        let err = raw.execute(sql, &[]).unwrap_err();
        assert_eq!(err.code(), Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE), "{sql}");
    }

    // Delete forever needs its own right: the release comes back here, in Trash.
    lee.apply(Command::Bulk { ids: vec![id], action: BulkAction::Trash }).unwrap();
    lee.apply(Command::Bulk { ids: vec![id], action: BulkAction::Purge }).unwrap();
    assert!(lee.release(id).is_none());
    let report = sync(&mut lee);
    assert_eq!(report.conflicts.iter().map(|c| c.kind).collect::<Vec<_>>(), vec![ConflictKind::Refused]);
    assert!(lee.release(id).is_some_and(|r| r.is_deleted()), "back, in Trash as on the server");
    assert!(server_releases(&url)[0].is_deleted());
    lee.apply(Command::Bulk { ids: vec![id], action: BulkAction::Restore }).unwrap();

    // Granted the approve right, the same move lands, under the login's own role.
    kim.team_grant(&role, TeamRight::Approve, false, None).unwrap();
    assert_eq!(lee.team_rights(None).unwrap(), vec![TeamRight::Member, TeamRight::Approve]);
    move_to(&mut lee, id, Stage::Deploy);
    assert!(sync(&mut lee).conflicts.is_empty());
    assert_eq!(server_releases(&url)[0].stage, Stage::Deploy);
    let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let last = admin
        .query_one("SELECT role, author FROM release_desk.changes ORDER BY seq DESC LIMIT 1", &[])
        .unwrap();
    assert_eq!((last.get::<_, String>(0), last.get::<_, String>(1)), (role.clone(), "Lee".to_owned()));

    kim.team_grant(&role, TeamRight::Approve, true, None).unwrap();
    assert_eq!(lee.team_rights(None).unwrap(), vec![TeamRight::Member]);
    sync(&mut kim);
    super::merge::assert_converged(&url, &[&kim, &lee]);
}

/// Two teams on one PostgreSQL cluster keep their rights apart: an approver in one team's
/// database is only a member in the other's.
#[test]
fn rights_in_one_team_database_are_not_rights_in_another() {
    let (first, second) = (database(), database());
    let dir = tempfile::tempdir().unwrap();
    let mut kim = client(dir.path(), "kim-first");
    kim.team_init(&first, None, "Kim").unwrap();
    let mut park = client(dir.path(), "park-second");
    park.team_init(&second, None, "Park").unwrap();
    let (role, lee_first) = login(&first);
    let lee_second =
        format!("{}/{}", lee_first.rsplit_once('/').unwrap().0, second.rsplit('/').next().unwrap());
    kim.team_grant(&role, TeamRight::Approve, false, None).unwrap();
    park.team_grant(&role, TeamRight::Member, false, None).unwrap();

    let mut lee = client(dir.path(), "lee-first");
    lee.team_join(&lee_first, None, "Lee").unwrap();
    assert_eq!(lee.team_rights(None).unwrap(), vec![TeamRight::Member, TeamRight::Approve]);
    let mut lee = client(dir.path(), "lee-second");
    lee.team_join(&lee_second, None, "Lee").unwrap();
    assert_eq!(lee.team_rights(None).unwrap(), vec![TeamRight::Member]);
}
