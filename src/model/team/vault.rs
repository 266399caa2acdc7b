//! Where the team server's password is kept between sessions: the OS keyring ([`OsKeyring`]: the
//! Secret Service on Linux, the Credential Manager on Windows, the Keychain on macOS), one entry per
//! server URL (without its password), never the database file. A machine without a keyring (a
//! headless server, a locked session) gets an error, which is logged: the password is then asked
//! for again (PGPASSWORD, the URL, or File > Team…). [`MemoryVault`] keeps passwords for one run
//! (tests, and a caller that wants no keyring).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// The keyring service name of Release Desk's entries.
const SERVICE: &str = "release-desk";

/// A store of passwords by server URL.
pub trait PasswordVault: Send + Sync {
    /// The password kept for `url`, if any.
    fn get(&self, url: &str) -> Result<Option<String>, String>;
    /// Keeps `password` for `url`.
    fn set(&self, url: &str, password: &str) -> Result<(), String>;
    /// Forgets the password of `url` (nothing kept is not an error).
    fn forget(&self, url: &str) -> Result<(), String>;
}

/// The operating system's keyring.
#[derive(Debug, Default)]
pub struct OsKeyring;

impl PasswordVault for OsKeyring {
    fn get(&self, url: &str) -> Result<Option<String>, String> {
        let entry = keyring::Entry::new(SERVICE, url).map_err(|e| e.to_string())?;
        match entry.get_password() {
            Ok(password) => Ok(Some(password)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(err) => Err(err.to_string()),
        }
    }

    fn set(&self, url: &str, password: &str) -> Result<(), String> {
        let entry = keyring::Entry::new(SERVICE, url).map_err(|e| e.to_string())?;
        entry.set_password(password).map_err(|e| e.to_string())
    }

    fn forget(&self, url: &str) -> Result<(), String> {
        let entry = keyring::Entry::new(SERVICE, url).map_err(|e| e.to_string())?;
        match entry.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(err) => Err(err.to_string()),
        }
    }
}

/// Passwords kept in memory for one run.
#[derive(Debug, Default)]
pub struct MemoryVault {
    passwords: Mutex<HashMap<String, String>>,
}

impl PasswordVault for MemoryVault {
    fn get(&self, url: &str) -> Result<Option<String>, String> {
        let passwords = self.passwords.lock().map_err(|_| "the password store was poisoned".to_owned())?;
        Ok(passwords.get(url).cloned())
    }

    fn set(&self, url: &str, password: &str) -> Result<(), String> {
        let mut passwords =
            self.passwords.lock().map_err(|_| "the password store was poisoned".to_owned())?;
        passwords.insert(url.to_owned(), password.to_owned());
        Ok(())
    }

    fn forget(&self, url: &str) -> Result<(), String> {
        let mut passwords =
            self.passwords.lock().map_err(|_| "the password store was poisoned".to_owned())?;
        passwords.remove(url);
        Ok(())
    }
}

/// The vault every model of this run starts with.
static DEFAULT: OnceLock<Arc<dyn PasswordVault>> = OnceLock::new();

/// Makes the OS keyring the vault of every model this run opens (the `release-desk` program does,
/// first thing), unless `RELEASE_DESK_KEYRING=off` says not to (the CLI's tests do, so a
/// developer's keyring is left alone). Without it, each model keeps passwords in memory.
pub fn use_os_keyring() {
    let off = std::env::var("RELEASE_DESK_KEYRING").is_ok_and(|v| v == "off");
    let vault: Arc<dyn PasswordVault> =
        if off { Arc::new(MemoryVault::default()) } else { Arc::new(OsKeyring) };
    if DEFAULT.set(vault).is_err() {
        log::debug!("the password vault was already chosen");
    }
}

/// The vault a new model starts with.
pub(in crate::model) fn default_vault() -> Arc<dyn PasswordVault> {
    DEFAULT.get().cloned().unwrap_or_else(|| Arc::new(MemoryVault::default()))
}
