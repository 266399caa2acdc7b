//! `init`, `backup`, `check` and `restore`: the commands about the file itself.

use std::path::{Path, PathBuf};

use super::open_existing;
use crate::i18n::{self, tr_args};
use crate::model::session::{self, Replaced};

/// `backup`: a verified backup, into `backups/` beside the file or to `out`.
pub(super) fn backup(db: &Path, out: Option<PathBuf>) -> Result<String, String> {
    let model = open_existing(db)?;
    let made = match out {
        Some(out) => session::back_up_to(&model, &out).map(|()| out),
        None => session::back_up_now(&model),
    }
    .map_err(|e| i18n::store_error(&e))?;
    Ok(tr_args("cli-backup-made", &[("path", made.display().to_string().into())]) + "\n")
}

/// `check`: SQLite's full integrity check.
pub(super) fn check(db: &Path) -> Result<String, String> {
    if !db.exists() {
        return Err(tr_args("cli-error-no-file", &[("path", db.display().to_string().into())]));
    }
    let releases = session::check_file(db).map_err(|e| i18n::store_error(&e))?;
    Ok(tr_args("cli-check-ok", &[("path", db.display().to_string().into()), ("count", releases.into())])
        + "\n")
}

/// `restore`: replaces the file with a backup; the current file is kept as a backup first.
pub(super) fn restore(db: &Path, from: &Path, other_database: bool) -> Result<String, String> {
    // A mistyped name is "not found", never "damaged" (which a missing file would read as).
    if !from.exists() {
        return Err(tr_args("cli-error-no-backup", &[("path", from.display().to_string().into())]));
    }
    if !other_database && session::is_other_database(db, from) {
        return Err(tr_args(
            "cli-error-other-database",
            &[("path", db.display().to_string().into()), ("backup", from.display().to_string().into())],
        ));
    }
    let replaced = match session::restore(db, from, None) {
        session::Restored::NotStarted { error, .. } => return Err(i18n::store_error(&error)),
        // The restored file was checked and opened once (migrated if it was older); it closes here.
        session::Restored::Done { replaced, reopened } => {
            let replaced = replaced.map_err(|e| i18n::store_error(&e))?;
            reopened.map_err(|e| i18n::store_error(&e))?;
            replaced
        }
    };
    let mut text = tr_args(
        "cli-restored",
        &[("path", db.display().to_string().into()), ("backup", from.display().to_string().into())],
    );
    text.push('\n');
    match replaced {
        Replaced::Nothing => {}
        Replaced::BackedUp(kept) => {
            text += &tr_args("cli-previous-kept", &[("path", kept.display().to_string().into())]);
            text.push('\n');
        }
        Replaced::MovedAside(aside) => {
            text += &tr_args("cli-damaged-aside", &[("path", aside.display().to_string().into())]);
            text.push('\n');
        }
    }
    Ok(text)
}

/// `init`: a new, empty database (a missing or empty file); a database is left as it is.
pub(super) fn init(db: &Path) -> Result<String, String> {
    let path = ("path", db.display().to_string().into());
    Ok(match session::init(db).map_err(|e| i18n::store_error(&e))? {
        session::Initialised::Created => tr_args("cli-init-created", &[path]),
        session::Initialised::AlreadyDatabase(count) => {
            tr_args("cli-init-exists", &[path, ("count", count.into())])
        }
    } + "\n")
}
