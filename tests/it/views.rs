//! The nine views, custom filters and every sort key.

use crate::common::{at, plain, t0};
use release_desk::domain::view::{query, sort_rows};
use release_desk::domain::{
    AgentFilter, AgentId, Directory, GroupId, PlannedWindow, PredefinedView, Priority, ReleaseFilter,
    ReleaseType, SortKey, SortSpec, Status,
};

/// Eight releases covering every rule; agent 1 is "you".
fn view_fixture() -> Vec<release_desk::domain::Release> {
    let mut r = Vec::new();
    let mut push = |id: i64, agent: Option<i64>, status: Status, kind: ReleaseType, deleted: bool| {
        let mut x = plain(id, &format!("release {id}"));
        x.agent_id = agent.map(AgentId);
        x.status = status;
        x.release_type = kind;
        x.deleted_at = deleted.then(t0);
        r.push(x);
    };
    push(1, Some(1), Status::Open, ReleaseType::Standard, false);
    push(2, Some(1), Status::Completed, ReleaseType::Minor, false);
    push(3, Some(1), Status::InProgress, ReleaseType::Emergency, false);
    push(4, None, Status::Open, ReleaseType::Major, false);
    push(5, None, Status::OnHold, ReleaseType::Standard, false);
    push(6, Some(2), Status::Incomplete, ReleaseType::Emergency, false);
    push(7, Some(2), Status::Completed, ReleaseType::Standard, false);
    push(8, Some(1), Status::Open, ReleaseType::Emergency, true);
    r
}

fn ids_of(view: PredefinedView, me: Option<i64>) -> Vec<i64> {
    let releases = view_fixture();
    let spec = SortSpec { key: SortKey::Id, descending: false };
    query(&releases, view, me.map(AgentId), &ReleaseFilter::default(), spec, &Directory::default())
        .into_iter()
        .map(|i| releases[i].id.0)
        .collect()
}

#[test]
fn each_of_the_nine_views() {
    use PredefinedView as V;
    assert_eq!(ids_of(V::NewAndMyOpen, Some(1)), [1, 3, 4]);
    assert_eq!(ids_of(V::MyCompleted, Some(1)), [2]);
    assert_eq!(ids_of(V::Mine, Some(1)), [1, 2, 3]);
    assert_eq!(ids_of(V::Unassigned, Some(1)), [4, 5]);
    assert_eq!(ids_of(V::Completed, Some(1)), [2, 7]);
    assert_eq!(ids_of(V::Incomplete, Some(1)), [6]);
    assert_eq!(ids_of(V::Emergency, Some(1)), [3, 6]);
    assert_eq!(ids_of(V::Trash, Some(1)), [8]);
    assert_eq!(ids_of(V::All, Some(1)), [1, 2, 3, 4, 5, 6, 7]);
    // With nobody signed in the "your" views are empty, the rest unchanged.
    assert_eq!(ids_of(V::Mine, None), Vec::<i64>::new());
    assert_eq!(ids_of(V::NewAndMyOpen, None), [4]);
    assert_eq!(ids_of(V::NewAndMyOpen, Some(2)), [4, 6]);
}

#[test]
fn custom_filter_combines_with_a_view() {
    let releases = view_fixture();
    let spec = SortSpec { key: SortKey::Id, descending: false };
    let run = |view, filter: ReleaseFilter| -> Vec<i64> {
        query(&releases, view, Some(AgentId(1)), &filter, spec, &Directory::default())
            .into_iter()
            .map(|i| releases[i].id.0)
            .collect()
    };
    let mut f = ReleaseFilter::default();
    f.statuses.insert(Status::Open);
    assert_eq!(run(PredefinedView::All, f.clone()), [1, 4]);
    assert_eq!(run(PredefinedView::Unassigned, f), [4]);
    let f = ReleaseFilter { agent: Some(AgentFilter::Unassigned), ..Default::default() };
    assert_eq!(run(PredefinedView::All, f), [4, 5]);
    let f = ReleaseFilter { text: "#6".into(), ..Default::default() };
    assert_eq!(run(PredefinedView::All, f), [6]);
    let f = ReleaseFilter { text: "RELEASE 7".into(), ..Default::default() };
    assert_eq!(run(PredefinedView::All, f), [7]);
    let f = ReleaseFilter { planned_from: Some(at(100)), ..Default::default() };
    assert_eq!(run(PredefinedView::All, f), Vec::<i64>::new());
    let f = ReleaseFilter { planned_from: Some(at(25)), planned_to: Some(at(26)), ..Default::default() };
    assert_eq!(run(PredefinedView::All, f).len(), 7, "windows overlapping the range are kept");
}

#[test]
fn every_sort_key_both_ways_and_stable() {
    let mut releases = Vec::new();
    let directory = Directory {
        agents: vec![
            release_desk::domain::Agent::new(AgentId(1), "Bora", ""),
            release_desk::domain::Agent::new(AgentId(2), "alice", ""),
        ],
        groups: vec![
            release_desk::domain::Group { id: GroupId(1), name: "Zeta".into() },
            release_desk::domain::Group { id: GroupId(2), name: "alpha".into() },
        ],
        departments: vec![],
    };
    for id in 1..=12_i64 {
        let mut r = plain(id, ["b", "A", "c"][(id % 3) as usize]);
        r.status = Status::ALL[(id % 5) as usize];
        r.priority = Priority::ALL[(id % 2) as usize];
        r.release_type = ReleaseType::ALL[(id % 4) as usize];
        r.planned = PlannedWindow { start: at(id % 4), end: at(10 + id % 3) };
        r.agent_id = [None, Some(AgentId(1)), Some(AgentId(2))][(id % 3) as usize];
        r.group_id = [Some(GroupId(1)), Some(GroupId(2))][(id % 2) as usize];
        r.created_at = at(id % 5);
        r.updated_at = at(id % 6);
        releases.push(r);
    }
    for key in SortKey::ALL {
        for descending in [false, true] {
            let spec = SortSpec { key, descending };
            let mut rows: Vec<usize> = (0..releases.len()).collect();
            sort_rows(&mut rows, &releases, spec, &directory);
            let value = |i: usize| -> String {
                let r = &releases[i];
                match key {
                    SortKey::Id => format!("{:05}", r.id.0),
                    SortKey::Subject => r.subject.to_lowercase(),
                    SortKey::Status => r.status.code().to_string(),
                    SortKey::Priority => r.priority.code().to_string(),
                    SortKey::Type => r.release_type.code().to_string(),
                    SortKey::PlannedStart => r.planned.start.to_rfc3339(),
                    SortKey::PlannedEnd => r.planned.end.to_rfc3339(),
                    SortKey::Agent => match r.agent_id {
                        None => "~".into(),
                        Some(a) => directory.agent_name(Some(a)).to_lowercase(),
                    },
                    SortKey::Group => directory.group_name(r.group_id).to_lowercase(),
                    SortKey::Created => r.created_at.to_rfc3339(),
                    SortKey::Updated => r.updated_at.to_rfc3339(),
                    SortKey::Stage => format!("{}", r.stage as u8),
                }
            };
            for pair in rows.windows(2) {
                let (a, b) = (value(pair[0]), value(pair[1]));
                let ordered = if descending { a >= b } else { a <= b };
                assert!(ordered, "{key:?} desc={descending}: {a} then {b}");
                if a == b {
                    // Ties break by id in the sort's direction (rows are in id order here).
                    let by_id = if descending { pair[0] > pair[1] } else { pair[0] < pair[1] };
                    assert!(by_id, "{key:?} desc={descending}: ties by id");
                }
            }
        }
    }
}
