//! Writing an export to its file: through a temporary file beside it, synced and renamed into
//! place, so a failed or interrupted export leaves no half file and an existing file is replaced
//! whole or not at all.

use std::io::Write as _;
use std::path::Path;

/// Writes `bytes` to `path`, replacing it whole.
pub fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let partial = dir.join(format!(".{name}.partial"));
    let written = (|| {
        let mut file = std::fs::File::create(&partial)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&partial, path)
    })();
    if written.is_err()
        && let Err(e) = std::fs::remove_file(&partial)
    {
        log::warn!("could not remove the partial export {}: {e}", partial.display());
    }
    written
}
