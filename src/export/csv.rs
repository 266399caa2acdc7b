//! A view's releases as CSV: this app's English headers, ISO 8601 UTC times and English labels
//! (for scripts), or `localized`: the list's column names, labels and local times in the current
//! language (for people; the CSV import reads both back). Every cell through the spreadsheet
//! guard of [`super::table::csv_cell`].

use std::io::Write;

use crate::domain::{Directory, Release};

/// The releases as CSV text with a header row.
pub fn releases_csv<'a>(
    releases: impl IntoIterator<Item = &'a Release>,
    directory: &Directory,
    localized: bool,
) -> Result<String, csv::Error> {
    if !localized {
        return super::table::to_csv(releases, directory);
    }
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(super::table::localized_headers().into_iter().take(super::table::HEADERS.len()))?;
    for r in releases {
        let cells = super::table::cells(r, directory, false);
        writer.write_record(cells.iter().map(|c| super::table::csv_cell(c).into_owned()))?;
    }
    let bytes = writer.into_inner().map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The releases as CSV with a header row, written to `out` row by row (as [`releases_csv`]
/// makes them, never whole in memory).
pub fn write_releases_csv<'a>(
    out: impl Write,
    releases: impl IntoIterator<Item = &'a Release>,
    directory: &Directory,
    localized: bool,
) -> Result<(), csv::Error> {
    let mut writer = csv::Writer::from_writer(out);
    if localized {
        writer
            .write_record(super::table::localized_headers().into_iter().take(super::table::HEADERS.len()))?;
    } else {
        writer.write_record(super::table::HEADERS)?;
    }
    for r in releases {
        let cells = super::table::cells(r, directory, !localized);
        writer.write_record(cells.iter().map(|c| super::table::csv_cell(c).into_owned()))?;
    }
    writer.flush()?;
    Ok(())
}
