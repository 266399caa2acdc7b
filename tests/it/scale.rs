//! Scale: the synthetic data set of `demo --releases N`, and the list's search at scale giving
//! exactly the rows of the plain scan.

use chrono::TimeZone as _;
use proptest::prelude::*;

use crate::common::{cli, temp_db};
use release_desk::domain::{
    ActivityKind, AgentId, Directory, PlannedWindow, PredefinedView, Priority, Release, ReleaseFilter,
    ReleaseId, ReleaseSearch, ReleaseType, SortKey, SortSpec, Status, view,
};
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

/// Pieces of subjects and descriptions: letters whose case the search must fold exactly as the
/// plain scan does (the Kelvin sign lower-cases to an ASCII k, a dotted İ to two characters, a
/// final sigma by its place), Hangul, digits and `#` (ids).
const PIECES: &[&str] = &[
    "a",
    "B",
    "k",
    "K",
    "\u{212A}",
    "İ",
    "i",
    "ß",
    "SS",
    "Σ",
    "σ",
    "ς",
    "ab",
    "AB",
    "업그레이드",
    "배포",
    " ",
    "#",
    "1",
    "2",
    "12",
    "Ünï",
    "ü",
    "-",
];

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..8).prop_map(|p| p.concat())
}

fn release() -> impl Strategy<Value = Release> {
    (text(), text(), 0_usize..5, 0_usize..4, proptest::option::of(1_i64..4), any::<bool>(), 0_i64..50)
        .prop_map(|(subject, description, status, priority, agent, deleted, day)| {
            let t0 = chrono::Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).single().unwrap();
            let start = t0 + chrono::Duration::days(day);
            let planned = PlannedWindow { start, end: start + chrono::Duration::hours(2) };
            Release {
                description,
                agent_id: agent.map(AgentId),
                deleted_at: deleted.then_some(t0),
                ..Release::new(
                    ReleaseId(0),
                    subject,
                    Status::ALL[status],
                    Priority::ALL[priority],
                    ReleaseType::Standard,
                    planned,
                    t0 + chrono::Duration::hours(day),
                )
            }
        })
}

/// Types `query` letter by letter into one search (and takes the letters back), starting from
/// the list without text as the window does: at every step the rows must be the plain scan's,
/// in its order.
fn typing_matches_the_plain_scan(
    mut releases: Vec<Release>,
    query: &str,
    view: usize,
    sort: SortSpec,
    shuffled: bool,
) -> Result<(), proptest::test_runner::TestCaseError> {
    if shuffled {
        releases.reverse();
    }
    let view = PredefinedView::ALL[view];
    let directory = Directory::default();
    let mut search = ReleaseSearch::new(&releases);
    let chars: Vec<char> = query.chars().collect();
    let typed = (0..=chars.len()).chain((0..chars.len()).rev());
    for n in typed {
        let filter = ReleaseFilter { text: chars[..n].iter().collect(), ..ReleaseFilter::default() };
        let plain = view::query(&releases, view, Some(AgentId(1)), &filter, sort, &directory);
        let found = search.query(&releases, view, Some(AgentId(1)), &filter, sort, &directory);
        prop_assert_eq!(found, plain, "query {:?}", filter.text);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Typing a query letter by letter (and then taking letters back) gives, at every step,
    /// exactly the rows of the plain scan: same releases, same order.
    #[test]
    fn the_search_gives_the_rows_of_the_plain_scan(
        mut releases in proptest::collection::vec(release(), 0..60),
        query in text(),
        view in 0_usize..9,
        sort in 0_usize..12,
        descending in any::<bool>(),
        shuffled in any::<bool>(),
    ) {
        for (i, r) in releases.iter_mut().enumerate() {
            r.id = ReleaseId(i as i64 + 1);
        }
        typing_matches_the_plain_scan(releases, &query, view, SortSpec { key: SortKey::ALL[sort], descending }, shuffled)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// A result of 1,024 rows or more is put in the order of the list without text (shown
    /// first, as the window does) instead of being sorted again: at every keystroke it is still
    /// exactly the plain scan's rows in the plain scan's order, for every view and sort.
    #[test]
    fn large_results_put_in_the_lists_order_equal_the_plain_scan(
        mut releases in proptest::collection::vec(release(), 2600..3000),
        query in text(),
        view in 0_usize..9,
        sort in 0_usize..12,
        descending in any::<bool>(),
        shuffled in any::<bool>(),
    ) {
        for (i, r) in releases.iter_mut().enumerate() {
            r.id = ReleaseId(i as i64 + 1);
            r.subject = format!("rel {}", r.subject);
        }
        let sort = SortSpec { key: SortKey::ALL[sort], descending };
        typing_matches_the_plain_scan(releases, &format!("rel {query}"), view, sort, shuffled)?;
    }
}
