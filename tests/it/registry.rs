//! The Change and CI registries and the links of a release to them: round trip and exact undo.

use crate::common::{model_with, plain, temp_db};
use release_desk::domain::{
    ActivityKind, CabApproval, ChangeId, ChangeRisk, CiKind, ConfigItemId, Field, ReleaseId, Value,
};
use release_desk::model::{Command, CommandError, Model, RegistryCommand};

const R: ReleaseId = ReleaseId(1);

#[test]
#[allow(clippy::vec_init_then_push)]
fn registries_and_links_round_trip_and_undo_exactly() {
    let (_dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "ERP"), plain(2, "앱")]);
    let start = model.snapshot();
    let mut undo = Vec::new();
    undo.push(
        model
            .apply(Command::Registry(RegistryCommand::CreateConfigItem {
                name: " ERP-DB-01 SAP HANA ".into(),
                kind: CiKind::Database,
                link_to: Some(R),
            }))
            .unwrap(),
    );
    undo.push(
        model
            .apply(Command::Registry(RegistryCommand::CreateConfigItem {
                name: "주문 API".into(),
                kind: CiKind::Service,
                link_to: None,
            }))
            .unwrap(),
    );
    undo.push(
        model
            .apply(Command::Registry(RegistryCommand::LinkConfigItem {
                release: R,
                item: ConfigItemId(2),
                linked: true,
            }))
            .unwrap(),
    );
    undo.push(
        model
            .apply(Command::Registry(RegistryCommand::LinkConfigItem {
                release: R,
                item: ConfigItemId(1),
                linked: false,
            }))
            .unwrap(),
    );
    undo.push(
        model
            .apply(Command::Registry(RegistryCommand::CreateChange {
                subject: "배포".into(),
                approval: CabApproval::Approved,
                risk: ChangeRisk::Low,
                link_to: None,
            }))
            .unwrap(),
    );
    undo.push(
        model
            .apply(Command::Registry(RegistryCommand::LinkChange {
                release: ReleaseId(2),
                change: ChangeId(1),
                linked: true,
            }))
            .unwrap(),
    );
    let r = model.release(R).unwrap();
    assert_eq!(r.assets, vec![ConfigItemId(2)]);
    assert_eq!(model.registry().config_item(ConfigItemId(1)).unwrap().name, "ERP-DB-01 SAP HANA");
    assert_eq!(model.release(ReleaseId(2)).unwrap().associated_change_ids, vec![ChangeId(1)]);

    // Refusals leave everything as it was.
    let before = model.snapshot();
    assert!(matches!(
        model
            .apply(Command::Registry(RegistryCommand::LinkChange {
                release: R,
                change: ChangeId(99),
                linked: true
            }))
            .err()
            .unwrap(),
        CommandError::NoSuchChange(ChangeId(99))
    ));
    assert!(matches!(
        model
            .apply(Command::Registry(RegistryCommand::LinkConfigItem {
                release: R,
                item: ConfigItemId(99),
                linked: true
            }))
            .err()
            .unwrap(),
        CommandError::NoSuchConfigItem(ConfigItemId(99))
    ));
    assert!(
        model
            .apply(Command::Registry(RegistryCommand::CreateChange {
                subject: "  ".into(),
                approval: CabApproval::Pending,
                risk: ChangeRisk::Low,
                link_to: None
            }))
            .is_err()
    );
    assert!(
        model
            .apply(Command::Registry(RegistryCommand::CreateConfigItem {
                name: "x".into(),
                kind: CiKind::Server,
                link_to: Some(ReleaseId(9))
            }))
            .is_err()
    );
    assert_eq!(model.snapshot(), before);

    let log = model.activities_for(R).unwrap();
    assert!(log.iter().any(|a| a.kind == ActivityKind::Link
        && a.change(&Field::Assets).map(|c| &c.new) == Some(&Value::ConfigItems(vec![ConfigItemId(2)]))));

    let in_memory = model.snapshot();
    drop(model);
    let mut model = Model::open(&path).unwrap();
    assert_eq!(model.snapshot(), in_memory);

    for applied in undo.into_iter().rev() {
        model.revert(applied).unwrap();
    }
    assert_eq!(model.snapshot(), start);
    assert_eq!(model.reload_snapshot().unwrap(), start);
}
