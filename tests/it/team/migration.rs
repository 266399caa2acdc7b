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
