//! A view's releases as an Excel workbook (.xlsx): the list's columns, the id as a number, times
//! as real date-time cells (UTC, `yyyy-mm-dd hh:mm`) that sort and filter in Excel, every text
//! as a text cell. A text cell is never read as a formula, so a subject such as `=HYPERLINK(..)`
//! shows as typed and runs nothing: that is the workbook's guard against formula injection (the
//! CSV needs its leading `'` because a spreadsheet guesses the type of every CSV cell).
//! A time in a year Excel cannot show (before 1900, after 9999) is written as text (as the CSV writes it) and a
//! text longer than a cell holds is cut, so one odd release never stops the export.
//! Headers and labels are English, or in the current language when `localized`.

use rust_xlsxwriter::{ExcelDateTime, Format, FormatBorder, Workbook, XlsxError};

use crate::domain::{Directory, Release, Timestamp};

/// The columns that hold times (planned start, planned end, created, updated).
const TIME_COLUMNS: [usize; 4] = [5, 6, 9, 10];

/// The most characters an Excel cell holds; a longer text is cut there rather than fail the export.
const CELL_MAX_CHARS: usize = 32_767;

/// `t` as an Excel date, or `None` outside the years Excel can show (1900 to 9999).
fn excel_time(t: Timestamp) -> Option<ExcelDateTime> {
    // Whole seconds: the cell shows minutes; Excel keeps no time zone, the sheet is in UTC.
    ExcelDateTime::from_timestamp(t.timestamp()).ok()
}

/// `text` as a cell can hold it.
fn cell_text(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(CELL_MAX_CHARS) {
        Some((cut, _)) => std::borrow::Cow::Owned(text[..cut].to_owned()),
        None => std::borrow::Cow::Borrowed(text),
    }
}

/// The releases as the bytes of an .xlsx file, one sheet named after the export.
pub fn releases_xlsx<'a>(
    releases: impl IntoIterator<Item = &'a Release>,
    directory: &Directory,
    localized: bool,
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Releases")?;
    let bold = Format::new().set_bold().set_border_bottom(FormatBorder::Thin);
    let time = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let headers: Vec<String> = if localized {
        super::table::localized_headers().into_iter().take(super::table::HEADERS.len()).collect()
    } else {
        super::table::HEADERS.iter().map(|h| (*h).to_owned()).collect()
    };
    for (col, header) in headers.iter().enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, header, &bold)?;
        let width = match col {
            1 => 48.0,
            5 | 6 | 9 | 10 => 17.0,
            _ => 14.0,
        };
        sheet.set_column_width(col, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let mut row: u32 = 0;
    for r in releases {
        row += 1;
        let cells = super::table::cells(r, directory, !localized);
        sheet.write_number(row, 0, r.id.0 as f64)?;
        for (col, cell) in cells.iter().enumerate().skip(1) {
            let c = col as u16;
            if TIME_COLUMNS.contains(&col) {
                let t = match col {
                    5 => r.planned.start,
                    6 => r.planned.end,
                    9 => r.created_at,
                    _ => r.updated_at,
                };
                match excel_time(t) {
                    Some(t) => sheet.write_datetime_with_format(row, c, t, &time)?,
                    // A year Excel cannot show as a date: the time as text, as the CSV writes it.
                    None => sheet.write_string(row, c, cell_text(cell))?,
                };
            } else if !cell.is_empty() {
                sheet.write_string(row, c, cell_text(cell))?;
            }
        }
    }
    if row > 0 {
        sheet.autofilter(0, 0, row, headers.len() as u16 - 1)?;
    }
    workbook.save_to_buffer()
}
