//! Five clients over one server (issue 21): offline edits on every client (different fields of
//! the shared releases, the same field on several, a release created on each), synced in a
//! scripted order that differs by round; after everyone syncs, every file equals the server, the
//! same-field edits are conflicts kept on the clients that lost them, and no change is lost or
//! pushed twice.

use release_desk::domain::{Priority, ReleaseId, Status};
use release_desk::model::{Model, ReleaseEdit};

use super::merge::{assert_converged, create, edit, sync};
use super::{client, database, server_changes};

const CLIENTS: usize = 5;

/// A small deterministic generator (the same script on every run).
struct Script(u64);

impl Script {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n
    }
}

/// One offline edit on `model`: a field of one of its releases, picked by the script.
fn offline_edit(model: &mut Model, script: &mut Script, who: usize, round: usize) {
    let ids: Vec<ReleaseId> = model.releases().iter().filter(|r| !r.is_deleted()).map(|r| r.id).collect();
    let id = ids[script.next(ids.len())];
    let change = match script.next(4) {
        0 => ReleaseEdit::Status([Status::Open, Status::OnHold, Status::InProgress][script.next(3)]),
        1 => ReleaseEdit::Priority([Priority::Low, Priority::Medium, Priority::High][script.next(3)]),
        2 => ReleaseEdit::Description(format!("client {who}, round {round}")),
        _ => ReleaseEdit::Category(Some(format!("team {who}"))),
    };
    edit(model, id, change);
}

#[test]
fn five_clients_editing_offline_end_equal_to_the_server_after_everyone_syncs() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let mut clients: Vec<Model> = Vec::new();
    let mut first = client(dir.path(), "c0");
    let shared = [create(&mut first, "ERP upgrade"), create(&mut first, "Core banking patch")];
    first.team_init(&url, None, "c0").unwrap();
    clients.push(first);
    for n in 1..CLIENTS {
        let mut model = client(dir.path(), &format!("c{n}"));
        assert_eq!(model.team_join(&url, None, &format!("c{n}")).unwrap().pulled, 1);
        clients.push(model);
    }
    let mut script = Script(21);
    let mut pushed = 0;
    let mut conflicts = 0;
    for round in 0..4 {
        // Every client edits offline; in round 1 each also creates a release of its own.
        for (who, model) in clients.iter_mut().enumerate() {
            for _ in 0..3 {
                offline_edit(model, &mut script, who, round);
            }
            // Everyone changes the same field of the first shared release: one stands, the
            // others are conflicts with both values kept.
            edit(
                model,
                shared[0],
                ReleaseEdit::Subject(format!("ERP upgrade (client {who}, round {round})")),
            );
            if round == 1 {
                create(model, &format!("Release of client {who}"));
            }
        }
        // Then they sync, each round in another order.
        let mut order: Vec<usize> = (0..CLIENTS).collect();
        order.rotate_left(round % CLIENTS);
        if round % 2 == 1 {
            order.reverse();
        }
        for who in order {
            let report = sync(&mut clients[who]);
            assert_eq!(report.repeated, 0, "no push landed twice");
            pushed += report.pushed;
            conflicts += report.conflicts.len();
        }
    }
    // Everyone syncs once more: all pull what came after their own sync.
    for model in &mut clients {
        let report = sync(model);
        assert_eq!(report.pushed, 0, "nothing was left in an outbox");
    }
    let refs: Vec<&Model> = clients.iter().collect();
    let server = assert_converged(&url, &refs);
    // Every local command reached the server once: one change each (the first client's share of
    // its two releases is the one before them).
    assert_eq!(server_changes(&url), i64::try_from(pushed + 1).unwrap());
    assert!(conflicts >= 4 * (CLIENTS - 1), "the same subject on five clients: {conflicts} conflicts");
    let kept: usize = clients.iter().map(|m| m.open_team_conflicts().len()).sum();
    assert_eq!(kept, conflicts, "each conflict is kept, with both values, on the client that met it");
    // Every client's own release is there (ids taken twice are conflicts the server settled).
    assert!(server.len() >= 3, "{} releases", server.len());
    println!("five clients: {pushed} pushes, {conflicts} conflicts, {} releases on the server", server.len());
}
