//! The streamed output is byte for byte what `list` printed when it built the whole text first:
//! that implementation is kept here, as it was, and both run on the demo data.

use super::*;
use crate::domain::{PredefinedView, ReleaseFilter, SortSpec, view};
use crate::model::{Command, SampleCommand, SyntheticSpec, session};

/// `list` before it streamed (only the terminal width is a parameter, not read here).
mod before {
    use super::super::super::terminal::visible;
    use super::super::super::width;
    use super::super::super::{CsvOptions, Format};
    use crate::domain::{ReleaseId, SortKey};
    use crate::export;
    use crate::i18n::{self, tr_args};
    use crate::model::Model;

    pub fn format_releases<'a>(
        model: &Model,
        releases: impl IntoIterator<Item = &'a crate::domain::Release>,
        format: Format,
        csv: CsvOptions,
        max: Option<usize>,
    ) -> Result<String, String> {
        let directory = model.directory();
        match format {
            Format::Json => {
                let mut work: std::collections::HashMap<ReleaseId, export::json::ReleaseWork<'_>> =
                    std::collections::HashMap::new();
                for n in model.notes().iter().rev() {
                    work.entry(n.release_id).or_default().notes.push(n);
                }
                for t in model.tasks() {
                    work.entry(t.release_id).or_default().tasks.push(t);
                }
                for e in model.time_entries().iter().rev() {
                    work.entry(e.release_id).or_default().time_entries.push(e);
                }
                for w in work.values_mut() {
                    w.notes.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
                    w.time_entries.sort_by(|a, b| b.executed_at.cmp(&a.executed_at).then(b.id.cmp(&a.id)));
                }
                let none = export::json::ReleaseWork::default();
                let now = model.now();
                let histories = model.stage_histories();
                let list: Vec<_> = releases
                    .into_iter()
                    .map(|r| {
                        let mut json = export::json::release_with_work_json(
                            r,
                            directory,
                            work.get(&r.id).unwrap_or(&none),
                            now,
                        );
                        if let Some(map) = json.as_object_mut() {
                            let history = histories.get(&r.id).map_or(&[][..], Vec::as_slice);
                            map.insert(
                                "stage_history".into(),
                                export::lifecycle_json::stage_history_json(history, directory),
                            );
                        }
                        json
                    })
                    .collect();
                serde_json::to_string_pretty(&list).map(|s| s + "\n").map_err(|e| e.to_string())
            }
            Format::Csv => {
                let text = export::csv::releases_csv(releases, directory, csv.localized)
                    .map_err(|e| e.to_string())?;
                Ok(if csv.bom { format!("\u{feff}{text}") } else { text })
            }
            Format::Table => Ok(list_table(model, releases, &[], max)),
        }
    }

    pub fn list_table<'a>(
        model: &Model,
        releases: impl IntoIterator<Item = &'a crate::domain::Release>,
        columns: &[SortKey],
        max: Option<usize>,
    ) -> String {
        let chosen = !columns.is_empty();
        let columns: Vec<SortKey> =
            if chosen { columns.to_vec() } else { SortKey::ALL[..export::table::HEADERS.len()].to_vec() };
        let index = |key: &SortKey| SortKey::ALL.iter().position(|k| k == key).unwrap_or(0);
        let all_headers = export::table::localized_headers();
        let headers: Vec<String> =
            columns.iter().map(|c| all_headers.get(index(c)).cloned().unwrap_or_default()).collect();
        let rows: Vec<Vec<String>> = releases
            .into_iter()
            .map(|r| {
                let cells = export::table::cells(r, model.directory(), false);
                columns
                    .iter()
                    .map(|c| match cells.get(index(c)) {
                        Some(cell) => visible(cell, false).into_owned(),
                        None => i18n::stage(r.stage),
                    })
                    .collect()
            })
            .collect();
        let fit = width::fit(&columns, &headers, &rows, max, chosen);
        let subject = |i: usize, cell: &str| {
            if columns[i] == SortKey::Subject {
                export::table::fit(cell, fit.subject_width)
            } else {
                cell.to_owned()
            }
        };
        let headers: Vec<String> = fit.kept.iter().map(|&i| headers[i].clone()).collect();
        let rows: Vec<Vec<String>> =
            rows.iter().map(|row| fit.kept.iter().map(|&i| subject(i, &row[i])).collect()).collect();
        let mut text = export::table::to_text_table(&headers, &rows);
        text.push_str(&tr_args("cli-count", &[("count", rows.len().into())]));
        text.push('\n');
        if fit.dropped > 0 {
            text.push_str(&tr_args("cli-list-columns-hidden", &[("count", fit.dropped.into())]));
            text.push('\n');
        }
        text
    }
}

fn streamed(
    model: &Model,
    rows: &[usize],
    format: Format,
    columns: &[SortKey],
    csv: CsvOptions,
    max: Option<usize>,
) -> String {
    let mut out = Vec::new();
    write_list_within(&mut out, model, rows, format, columns, csv, max).unwrap();
    String::from_utf8(out).unwrap()
}

/// The sample scenarios (with work, stage histories, Korean and English text) and a synthetic set.
fn demo_models(dir: &std::path::Path) -> Vec<Model> {
    let scenarios = dir.join("scenarios.sqlite3");
    let mut model = session::create(&scenarios, session::Holder::Command).unwrap();
    let data = crate::domain::sample::scenarios(model.now());
    model.apply(Command::Sample(SampleCommand::Load { data, force: false })).unwrap();
    let synthetic = dir.join("synthetic.sqlite3");
    let spec = SyntheticSpec { releases: 3_000, activities_per_release: 1 };
    session::create(&synthetic, session::Holder::Command).unwrap().write_synthetic(spec).unwrap();
    vec![model, session::open_read_only(&synthetic).unwrap()]
}

#[test]
fn streamed_list_output_is_byte_identical_to_the_whole_text() {
    let dir = tempfile::tempdir().unwrap();
    let models = demo_models(dir.path());
    let queries = [
        (PredefinedView::All, SortSpec::default(), ""),
        (PredefinedView::Emergency, SortSpec { key: SortKey::Priority, descending: true }, ""),
        (PredefinedView::All, SortSpec { key: SortKey::Subject, descending: false }, "upgrade"),
        (PredefinedView::Trash, SortSpec::default(), ""),
        (PredefinedView::All, SortSpec::default(), "no release says this"),
    ];
    let csv_options = [
        CsvOptions { bom: false, localized: false },
        CsvOptions { bom: true, localized: false },
        CsvOptions { bom: false, localized: true },
        CsvOptions { bom: true, localized: true },
    ];
    let column_choices: [&[SortKey]; 3] = [
        &[],
        &[SortKey::Id, SortKey::Stage, SortKey::Subject, SortKey::Agent],
        &[SortKey::Subject, SortKey::Id, SortKey::Subject],
    ];
    for language in [crate::domain::Language::En, crate::domain::Language::Ko] {
        i18n::set_language(language);
        for model in &models {
            let me = model.settings().current_agent;
            for (view, sort, text) in queries {
                let filter = ReleaseFilter { text: text.into(), ..ReleaseFilter::default() };
                let rows = view::query(model.releases(), view, me, &filter, sort, model.directory());
                let releases = || rows.iter().map(|&i| &model.releases()[i]);
                let plain = CsvOptions { bom: false, localized: false };
                let before = before::format_releases(model, releases(), Format::Json, plain, None).unwrap();
                assert_eq!(
                    streamed(model, &rows, Format::Json, &[], plain, None),
                    before,
                    "JSON {view:?} {text}"
                );
                for csv in csv_options {
                    let before = before::format_releases(model, releases(), Format::Csv, csv, None).unwrap();
                    assert_eq!(streamed(model, &rows, Format::Csv, &[], csv, None), before, "CSV {csv:?}");
                }
                for columns in column_choices {
                    for max in [None, Some(200), Some(100), Some(60), Some(20)] {
                        let before = before::list_table(model, releases(), columns, max);
                        let after = streamed(model, &rows, Format::Table, columns, plain, max);
                        assert_eq!(after, before, "table {columns:?} within {max:?} ({language:?})");
                    }
                }
            }
        }
    }
}
