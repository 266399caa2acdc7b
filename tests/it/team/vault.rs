//! The team server's password between sessions (issue 21): kept in the vault (the OS keyring in
//! the app; a memory vault here, so a developer's keyring is left alone), never in the file. A
//! file reopened syncs without being given the password again; after `team forget-password` it
//! must be given again; a vault that fails does not stop the join.

use std::sync::Arc;

use release_desk::model::Model;
use release_desk::model::team::{MemoryVault, PasswordVault, TeamError};

use super::merge::create;
use super::{PASSWORD, client, database};

/// A keyring that is not there (a headless machine, a locked session).
struct BrokenVault;

impl PasswordVault for BrokenVault {
    fn get(&self, _: &str) -> Result<Option<String>, String> {
        Err("no secret service".into())
    }
    fn set(&self, _: &str, _: &str) -> Result<(), String> {
        Err("no secret service".into())
    }
    fn forget(&self, _: &str) -> Result<(), String> {
        Err("no secret service".into())
    }
}

fn reopen(path: &std::path::Path, vault: Arc<dyn PasswordVault>) -> Model {
    let mut model = Model::open(path).unwrap();
    model.set_password_vault(vault);
    model
}

#[test]
fn the_password_is_kept_in_the_vault_not_the_file_and_can_be_forgotten() {
    let url = database();
    assert!(url.contains(PASSWORD));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kim.sqlite3");
    let vault: Arc<dyn PasswordVault> = Arc::new(MemoryVault::default());
    {
        let mut kim = client(dir.path(), "kim");
        kim.set_password_vault(Arc::clone(&vault));
        create(&mut kim, "ERP upgrade HQ");
        kim.team_init(&url, None, "Kim").unwrap();
    }
    let file = std::fs::read(&path).unwrap();
    assert!(!file.windows(PASSWORD.len()).any(|w| w == PASSWORD.as_bytes()), "no password in the file");
    let stored_url = url.replace(&format!(":{PASSWORD}@"), "@");
    assert_eq!(vault.get(&stored_url).unwrap().as_deref(), Some(PASSWORD));

    // A new session: no password given, the vault's is used.
    let mut kim = reopen(&path, Arc::clone(&vault));
    kim.team_sync(None).unwrap();

    // Forgotten: it must be given again.
    kim.team_forget_password().unwrap();
    drop(kim);
    assert_eq!(vault.get(&stored_url).unwrap(), None);
    let mut kim = reopen(&path, Arc::clone(&vault));
    let err = kim.team_sync(None).unwrap_err();
    assert!(matches!(&err, TeamError::Unreachable { detail, .. } if detail.contains("password")), "{err}");
    kim.team_sync(Some(PASSWORD)).unwrap();
}

#[test]
fn a_vault_that_fails_does_not_stop_the_join_and_the_password_is_asked_for_again() {
    let url = database();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lee.sqlite3");
    {
        let mut lee = client(dir.path(), "lee");
        lee.set_password_vault(Arc::new(BrokenVault));
        lee.team_init(&url, None, "Lee").unwrap();
        lee.team_sync(None).unwrap();
    }
    let mut lee = reopen(&path, Arc::new(BrokenVault));
    assert!(matches!(lee.team_sync(None), Err(TeamError::Unreachable { .. })));
    assert!(matches!(lee.team_forget_password(), Err(TeamError::Keyring(_))));
}
