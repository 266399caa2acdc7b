//! A file of main's schema (version 14) migrates to the team tables; with no team set nothing
//! is written to them, and the file can then join a team.

use release_desk::model::Model;
use release_desk::model::ReleaseEdit;
use release_desk::store::schema::{create_at_version, latest_version};

use super::database;
use super::merge::{create, edit, sync};

#[test]
fn a_file_of_schema_14_migrates_and_without_a_team_writes_no_outbox() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite3");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        create_at_version(&mut conn, 14).unwrap();
    }
    let mut model = Model::open(&path).unwrap();
    assert_eq!(model.store().schema_version().unwrap(), latest_version());
    assert_eq!(latest_version(), 16);
    assert!(model.team().is_none());
    let id = create(&mut model, "Quarter-end ERP");
    edit(&mut model, id, ReleaseEdit::Description("no team yet".into()));
    drop(model);
    let conn = rusqlite::Connection::open(&path).unwrap();
    for table in ["team_state", "team_outbox", "team_record_seqs", "team_conflicts"] {
        let rows: i64 = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap();
        assert_eq!(rows, 0, "{table}");
    }
    drop(conn);
    // The migrated file makes a team and shares what it holds.
    let url = database();
    let mut model = Model::open(&path).unwrap();
    let report = model.team_init(&url, None, "Kim").unwrap();
    assert_eq!((report.pushed, report.pulled), (1, 1));
    assert_eq!(super::server_releases(&url), model.releases());
    edit(&mut model, id, ReleaseEdit::Description("shared".into()));
    assert_eq!(model.team_status().unwrap().unwrap().pending, 1);
    sync(&mut model);
    assert_eq!(super::server_releases(&url)[0].description, "shared");
}

/// A team server made by the build before server schema 2 (no rights, no announcements) holding
/// a change: a client of this build is told to upgrade it, `team init` does, what it held is
/// pulled, and new changes record the role that pushed them (the older ones' stays unknown).
#[test]
fn a_server_of_schema_1_is_upgraded_by_team_init_and_keeps_its_changes() {
    use release_desk::model::team::{SERVER_SCHEMA_VERSION, TeamError};
    use release_desk::store::team::change::release_fields;
    use release_desk::store::team::server::Server;

    let url = database();
    Server::connect(&url, None).unwrap().init_at_version(1).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut old = Model::open(&dir.path().join("old-build.sqlite3")).unwrap();
    let id = create(&mut old, "Payroll patch (pushed by the older build)");
    let data = serde_json::Value::Object(release_fields(old.release(id).unwrap()));
    let change = serde_json::json!([{ "op": "create", "record": format!("release:{}", id.0), "data": data }]);
    let mut raw = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let seq: i64 = raw
        .query_one(
            "INSERT INTO release_desk.changes (command_id, author, client_id, mutations, bases)
             VALUES (gen_random_uuid(), 'Park', gen_random_uuid(), $1, '{}') RETURNING seq",
            &[&change],
        )
        .unwrap()
        .get(0);
    raw.execute(
        "INSERT INTO release_desk.releases (id, release, seq, writers) VALUES ($1, $2, $3, '{}')",
        &[&id.0, &data, &seq],
    )
    .unwrap();

    let mut lee = super::client(dir.path(), "lee");
    let err = lee.team_join(&url, None, "Lee").unwrap_err();
    assert!(
        matches!(err, TeamError::OlderSchema { found: 1, supported } if supported == SERVER_SCHEMA_VERSION)
    );
    assert!(lee.team().is_none());

    let mut admin = super::client(dir.path(), "admin");
    assert_eq!(admin.team_init(&url, None, "Admin").unwrap().pulled, 1);
    lee.team_join(&url, None, "Lee").unwrap();
    assert_eq!(lee.release(id).unwrap().subject, "Payroll patch (pushed by the older build)");
    edit(&mut lee, id, ReleaseEdit::Description("upgraded".into()));
    sync(&mut lee);
    let roles: Vec<Option<String>> = raw
        .query("SELECT role FROM release_desk.changes ORDER BY seq", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(roles, vec![None, Some("desk".to_owned())]);
    // Running init again changes nothing.
    Server::connect(&url, None).unwrap().init().unwrap();
    assert_eq!(sync(&mut admin).pulled, 1);
    assert_eq!(admin.release(id).unwrap().description, "upgraded");
}
