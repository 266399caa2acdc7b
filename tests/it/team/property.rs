//! The sync property: random commands on three clients (creates, field edits, trash, restore,
//! delete forever, undo) with syncs in random order between them; after everyone syncs, every
//! local file holds exactly the server's releases. Each case runs on a database of its own.

use proptest::prelude::*;

use release_desk::domain::{Priority, ReleaseId, Status};
use release_desk::model::{BulkAction, Command, Model, ReleaseEdit};

use super::merge::{assert_converged, create, edit};
use super::{PASSWORD, client, database};

const CLIENTS: usize = 3;

#[derive(Clone, Debug)]
enum Step {
    Create,
    Status(usize, u8),
    Priority(usize, u8),
    Subject(usize, u8),
    Description(usize, u8),
    Trash(usize),
    Restore(usize),
    Purge(usize),
    Undo,
    Sync,
}

fn step() -> impl Strategy<Value = (usize, Step)> {
    let pick = 0usize..8;
    let step = prop_oneof![
        3 => Just(Step::Create),
        3 => (pick.clone(), 1u8..=5).prop_map(|(r, v)| Step::Status(r, v)),
        3 => (pick.clone(), 1u8..=4).prop_map(|(r, v)| Step::Priority(r, v)),
        2 => (pick.clone(), 0u8..3).prop_map(|(r, v)| Step::Subject(r, v)),
        2 => (pick.clone(), 0u8..3).prop_map(|(r, v)| Step::Description(r, v)),
        1 => pick.clone().prop_map(Step::Trash),
        1 => pick.clone().prop_map(Step::Restore),
        1 => pick.prop_map(Step::Purge),
        1 => Just(Step::Undo),
        3 => Just(Step::Sync),
    ];
    (0..CLIENTS, step)
}

/// The `n`-th release this client holds (wrapping), with its Trash state.
fn nth(model: &Model, n: usize) -> Option<(ReleaseId, bool)> {
    let releases = model.releases();
    (!releases.is_empty()).then(|| {
        let r = &releases[n % releases.len()];
        (r.id, r.is_deleted())
    })
}

fn run(model: &mut Model, step: &Step) {
    let edit_of = |model: &Model, n: usize| nth(model, n).filter(|(_, deleted)| !deleted).map(|(id, _)| id);
    match step {
        Step::Create => {
            create(model, "Release");
        }
        Step::Status(n, v) => {
            if let (Some(id), Some(s)) = (edit_of(model, *n), Status::from_code(i64::from(*v))) {
                edit(model, id, ReleaseEdit::Status(s));
            }
        }
        Step::Priority(n, v) => {
            if let (Some(id), Some(p)) = (edit_of(model, *n), Priority::from_code(i64::from(*v))) {
                edit(model, id, ReleaseEdit::Priority(p));
            }
        }
        Step::Subject(n, v) => {
            if let Some(id) = edit_of(model, *n) {
                edit(model, id, ReleaseEdit::Subject(format!("Release {v}")));
            }
        }
        Step::Description(n, v) => {
            if let Some(id) = edit_of(model, *n) {
                edit(model, id, ReleaseEdit::Description(format!("plan {v}")));
            }
        }
        Step::Trash(n) | Step::Restore(n) | Step::Purge(n) => {
            let Some((id, deleted)) = nth(model, *n) else { return };
            let action = match (step, deleted) {
                (Step::Trash(_), false) => BulkAction::Trash,
                (Step::Restore(_), true) => BulkAction::Restore,
                (Step::Purge(_), true) => BulkAction::Purge,
                _ => return,
            };
            model.apply(Command::Bulk { ids: vec![id], action }).unwrap();
        }
        Step::Undo => {
            // A step a teammate's change overtook is refused: that is the rule, not a failure.
            if let Err(err) = model.undo() {
                assert!(matches!(err, release_desk::model::CommandError::OvertakenByTeam(_)), "{err:?}");
            }
        }
        Step::Sync => {
            model.team_sync(Some(PASSWORD)).unwrap();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn after_everyone_syncs_every_file_equals_the_server(steps in proptest::collection::vec(step(), 10..50)) {
        let url = database();
        let dir = tempfile::tempdir().unwrap();
        let mut clients: Vec<Model> = (0..CLIENTS).map(|i| client(dir.path(), &format!("c{i}"))).collect();
        // Two releases everyone starts with, so edits meet early.
        create(&mut clients[0], "ERP");
        create(&mut clients[0], "Mobile");
        clients[0].team_init(&url, None, "c0").unwrap();
        for (i, model) in clients.iter_mut().enumerate().skip(1) {
            model.team_join(&url, None, &format!("c{i}")).unwrap();
        }
        for (who, step) in &steps {
            run(&mut clients[*who], step);
        }
        // Two rounds: the first pushes everything, the second brings everyone the last pushes.
        for _ in 0..2 {
            for model in &mut clients {
                model.team_sync(Some(PASSWORD)).unwrap();
            }
        }
        let refs: Vec<&Model> = clients.iter().collect();
        let releases = assert_converged(&url, &refs);
        let conflicts: usize = clients.iter().map(|m| m.team_conflicts().unwrap().len()).sum();
        // Seen with --nocapture: how much each case exercised.
        println!("team property: {} steps, {} releases, {conflicts} conflicts kept", steps.len(), releases.len());
        for model in &clients {
            prop_assert_eq!(model.team_status().unwrap().unwrap().pending, 0);
        }
    }
}
