//! The CLI's `team init`, `team join`, `team sync` and `team status` on fresh files, with their
//! JSON checked, and the password kept out of the files.

use std::path::Path;
use std::process::Output;

use release_desk::domain::ReleaseId;
use release_desk::model::Model;
use release_desk::model::ReleaseEdit;

use super::merge::{create, edit};
use super::{PASSWORD, database};

fn team(db: &Path, args: &[&str], password: Option<&str>) -> Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_release-desk"));
    command
        .arg("--db")
        .arg(db)
        .args(["--lang", "en", "team"])
        .args(args)
        .env_remove("PGPASSWORD")
        .env("RELEASE_DESK_KEYRING", "off");
    if let Some(password) = password {
        command.env("PGPASSWORD", password);
    }
    command.output().unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The app's CLI on `db`, in English, outside `team`.
fn desk(db: &Path, args: &[&str]) -> Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_release-desk"));
    command.arg("--db").arg(db).args(["--lang", "en"]).args(args).env("RELEASE_DESK_KEYRING", "off");
    command.output().unwrap()
}

fn init_file(db: &Path) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_release-desk"))
        .arg("--db")
        .arg(db)
        .arg("init")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn team_init_join_sync_and_status_on_fresh_files() {
    let url = database();
    let without_password = url.replace(&format!(":{PASSWORD}@"), "@");
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.sqlite3"), dir.path().join("b.sqlite3"));
    init_file(&a);
    init_file(&b);

    let status = json(&team(&a, &["status", "--format", "json"], None));
    assert_eq!(status["team"], serde_json::Value::Null);

    // The password in the URL given on the command line.
    let made = json(&team(&a, &["init", "--url", &url, "--author", "Kim", "--format", "json"], None));
    assert_eq!((made["pushed"].as_u64(), made["pulled"].as_u64()), (Some(0), Some(0)));
    let id = {
        let mut model = Model::open(&a).unwrap();
        create(&mut model, "Core banking patch")
    };
    // The CLI makes and shows a new release under its provisional number, as the window shows it.
    let made = json(&desk(
        &a,
        &[
            "create",
            "--subject",
            "Mobile 5.2",
            "--planned-start",
            "2026-12-12T22:00",
            "--planned-end",
            "2026-12-13T02:00",
            "--format",
            "json",
        ],
    ));
    assert_eq!(made["id"], -2);
    let shown = desk(&a, &["show", "new-1"]);
    let shown = String::from_utf8_lossy(&shown.stdout);
    assert!(shown.contains("#new-1") && shown.contains("Core banking patch"), "{shown}");
    let synced = json(&team(&a, &["sync", "--format", "json"], Some(PASSWORD)));
    assert_eq!(synced["pushed"], 2);
    assert_eq!(synced["conflicts"], serde_json::json!([]));
    // Made in the team's file, the release was new until the push gave it the team's number.
    assert!(id.0 < 0);
    let id = ReleaseId(synced["numbers"][format!("release:{}", id.0)].as_i64().unwrap());
    assert_eq!(id, ReleaseId(1));
    let seq = synced["last_seq"].as_i64().unwrap();
    assert!(seq >= 1);

    // B joins with the password from PGPASSWORD.
    let joined = json(&team(&b, &["join", "--url", &without_password, "--format", "json"], Some(PASSWORD)));
    assert_eq!(
        (joined["pulled"].as_i64(), joined["last_seq"].as_i64()),
        (Some(2), Some(seq)),
        "both releases"
    );
    {
        let mut model = Model::open(&b).unwrap();
        assert_eq!(model.release(id).map(|r| r.subject.clone()).as_deref(), Some("Core banking patch"));
        edit(&mut model, id, ReleaseEdit::Description("two-phase".into()));
    }
    let status = json(&team(&b, &["status", "--format", "json"], None));
    assert_eq!(status["team"]["url"], without_password.as_str());
    assert_eq!(status["team"]["author"], "desk", "the URL's user, with no agent signed in");
    assert_eq!((status["pending"].as_i64(), status["conflicts_open"].as_i64()), (Some(1), Some(0)));
    assert_eq!(status["team"]["last_seq"].as_i64(), Some(seq));

    // Without a password the server refuses, in words; nothing is lost.
    let refused = team(&b, &["sync"], None);
    assert!(!refused.status.success());
    let words = String::from_utf8_lossy(&refused.stderr);
    assert!(words.contains("could not be reached") && words.contains("password"), "{words}");
    let table = team(&b, &["sync"], Some(PASSWORD));
    assert!(table.status.success(), "{}", String::from_utf8_lossy(&table.stderr));
    let words = String::from_utf8_lossy(&table.stdout);
    assert!(
        words.starts_with("Pushed 1 (of them 0 already on the server), pulled 1, 0 conflicts"),
        "{words}"
    );
    let a_synced = json(&team(&a, &["sync", "--format", "json"], Some(PASSWORD)));
    assert_eq!((a_synced["pushed"].as_i64(), a_synced["pulled"].as_i64()), (Some(0), Some(1)));
    let status = team(&a, &["status"], None);
    let words = String::from_utf8_lossy(&status.stdout);
    assert!(words.contains("0 waiting to push; 0 open conflicts"), "{words}");
    assert_eq!(
        Model::open(&a).unwrap().release(id).map(|r| r.description.clone()).as_deref(),
        Some("two-phase")
    );

    // Joining the same team again only syncs; another server's team, or a file that already has
    // releases of its own, is refused. The password is in neither file.
    let again = json(&team(&b, &["join", "--url", &url, "--format", "json"], None));
    assert_eq!(again["pushed"], 0);
    let other = url.replace("127.0.0.1", "localhost");
    let refused = team(&a, &["join", "--url", &other], None);
    assert!(!refused.status.success());
    let words = String::from_utf8_lossy(&refused.stderr);
    assert!(words.contains("holds releases, people, deployment windows or freezes of its own"), "{words}");
    let fresh = dir.path().join("c.sqlite3");
    init_file(&fresh);
    let refused = team(&fresh, &["sync"], Some(PASSWORD));
    let words = String::from_utf8_lossy(&refused.stderr);
    assert!(!refused.status.success() && words.contains("not in a team"), "{words}");
    for file in [&a, &b] {
        let bytes = std::fs::read(file).unwrap();
        let wal = std::fs::read(file.with_extension("sqlite3-wal")).unwrap_or_default();
        let found = |hay: &[u8]| hay.windows(PASSWORD.len()).any(|w| w == PASSWORD.as_bytes());
        assert!(!found(&bytes) && !found(&wal), "the password is in {}", file.display());
    }
}

/// `team grant` and `team rights`: the maker of the team has every right, gives a login the
/// member right, and is told in words of a login that does not exist.
#[test]
fn team_grant_and_rights_on_the_command_line() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.sqlite3");
    init_file(&a);
    json(&team(&a, &["init", "--url", &url, "--format", "json"], None));
    let rights = json(&team(&a, &["rights", "--format", "json"], Some(PASSWORD)));
    assert_eq!(rights["rights"], serde_json::json!(["member", "approve", "purge"]));

    let database = url.rsplit('/').next().unwrap();
    let role = format!("park_{database}");
    let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    admin.batch_execute(&format!("CREATE ROLE {role} LOGIN PASSWORD 'park-pw'")).unwrap();
    let granted = team(&a, &["grant", "--user", &role, "--right", "approve"], Some(PASSWORD));
    assert!(granted.status.success(), "{}", String::from_utf8_lossy(&granted.stderr));
    assert!(String::from_utf8_lossy(&granted.stdout).contains(&format!("{role} now has the right: approve")));
    let member: bool = admin
        .query_one("SELECT pg_has_role($1, 'rd_' || current_database() || '_member', 'MEMBER')", &[&role])
        .unwrap()
        .get(0);
    assert!(member, "the approve right includes the member right");

    let missing = team(&a, &["grant", "--user", "nobody_here", "--right", "member"], Some(PASSWORD));
    assert!(!missing.status.success());
    let words = String::from_utf8_lossy(&missing.stderr);
    assert!(words.contains("no PostgreSQL role \"nobody_here\""), "{words}");
}

#[test]
fn a_sync_that_numbers_many_records_counts_them_instead_of_naming_each() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.sqlite3");
    init_file(&a);
    json(&team(&a, &["init", "--url", &url, "--author", "Kim", "--format", "json"], None));
    {
        let mut model = Model::open(&a).unwrap();
        for i in 0..11 {
            create(&mut model, &format!("Release {i}"));
        }
    }
    let out = team(&a, &["sync"], Some(PASSWORD));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("11 records made here got the team's numbers"), "{text}");
    assert!(!text.contains("is now #"), "{text}");
}
