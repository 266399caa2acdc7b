//! Scale: the synthetic data set of `demo --releases N`.

use crate::common::{cli, temp_db};
use release_desk::domain::{ActivityKind, AgentId, ReleaseId};
use release_desk::model::session;

#[test]
fn demo_releases_writes_a_synthetic_set_into_a_new_database_only() {
    let (_dir, path) = temp_db();
    let db = path.to_str().unwrap();
    let out = cli(&["--db", db, "demo", "--releases", "2500", "--activities-per-release", "4"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("2500") && text.contains("10000"), "{text}");

    let model = session::open_read_only(&path).unwrap();
    assert_eq!(model.releases().len(), 2500);
    assert_eq!(model.releases().last().unwrap().id, ReleaseId(2500));
    assert_eq!(model.settings().current_agent, Some(AgentId(1)));
    assert_eq!(model.directory().agents.len(), 8);
    let log = model.activities_for(ReleaseId(2500)).unwrap();
    assert_eq!(log.len(), 4);
    assert_eq!(log.last().unwrap().kind, ActivityKind::Created, "newest first, created last");
    drop(model);

    // Only into a new file: a second run, or one on the scenarios, is refused in one line.
    let again = cli(&["--db", db, "--lang", "ko", "demo", "--releases", "10"]);
    assert!(!again.status.success());
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("새 데이터베이스"), "{stderr}");
    let (_other, scenarios) = temp_db();
    let scenarios = scenarios.to_str().unwrap();
    assert!(cli(&["--db", scenarios, "demo"]).status.success());
    assert!(!cli(&["--db", scenarios, "demo", "--releases", "10"]).status.success());

    // The default log is the "created" row alone; the flag needs --releases, --force excludes it.
    let (_third, fresh) = temp_db();
    let fresh = fresh.to_str().unwrap();
    assert!(cli(&["--db", fresh, "demo", "--releases", "3"]).status.success());
    let model = session::open_read_only(std::path::Path::new(fresh)).unwrap();
    assert_eq!(model.activities_for(ReleaseId(3)).unwrap().len(), 1);
    assert!(!cli(&["--db", fresh, "demo", "--activities-per-release", "3"]).status.success());
    assert!(!cli(&["--db", fresh, "demo", "--force", "--releases", "3"]).status.success());
}
