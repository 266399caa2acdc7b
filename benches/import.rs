//! Data in and out at 100,000 releases, each beside its baseline measured in the same run:
//! a Freshservice JSON import (read, check, plan, one transaction into an empty file) against
//! parsing the same file with `serde_json` and inserting its rows with one bare prepared
//! statement, and the CSV and XLSX exports of every release against writing the same cells,
//! made beforehand, with the bare `csv` and `rust_xlsxwriter` writers. Peak memory of each step
//! is read from `/proc/self/status` after resetting the peak (`/proc/self/clear_refs`).
//! The size comes from `IMPORT_RELEASES` (default 100,000); `IMPORT_RUNS` is how many runs make
//! each median (default 3). Lines starting `import:` on stderr carry the figures for BENCHMARKS.md.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufReader, BufWriter, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

mod common;
use common::{env_number, rss};

use release_desk::export::import::{FreshserviceFiles, read_freshservice};
use release_desk::model::{Command, ImportCommand, Model, SyntheticSpec, session};

/// Sets the peak resident size ([`rss`]'s second figure) back to the current one (Linux 4.0+),
/// so the next step's peak is its own.
fn reset_peak() {
    if let Err(err) = std::fs::write("/proc/self/clear_refs", "5") {
        eprintln!("import: cannot reset the peak RSS ({err}); peaks below are since the start");
    }
}

/// Runs `step` `runs` times (each on fresh set-up inside it) and gives the median time and the
/// highest peak RSS above the resident size before the step, in MB.
fn measure(runs: usize, mut step: impl FnMut() -> Duration) -> (Duration, u64) {
    let mut times = Vec::with_capacity(runs);
    let mut peak_above = 0;
    for _ in 0..runs {
        let (before, _) = rss();
        reset_peak();
        times.push(step());
        let (_, peak) = rss();
        peak_above = peak_above.max(peak.saturating_sub(before));
    }
    times.sort();
    (times[runs / 2], peak_above)
}

fn report(what: &str, app: (Duration, u64), baseline_name: &str, baseline: (Duration, u64)) {
    eprintln!(
        "import: {what}: {:.0} ms (peak +{} MB); {baseline_name}: {:.0} ms (peak +{} MB); ratio {:.2}x",
        app.0.as_secs_f64() * 1e3,
        app.1,
        baseline.0.as_secs_f64() * 1e3,
        baseline.1,
        app.0.as_secs_f64() / baseline.0.as_secs_f64()
    );
}

/// A model of `releases` synthetic releases (as `demo --releases` writes them) and that file.
fn source(dir: &Path, releases: usize) -> (Model, PathBuf) {
    let path = dir.join("source.sqlite3");
    let model = session::create(&path, session::Holder::Command).unwrap();
    model.write_synthetic(SyntheticSpec { releases, activities_per_release: 0 }).unwrap();
    (session::create(&path, session::Holder::Command).unwrap(), path)
}

/// The baseline: the same file parsed into a `serde_json::Value`, then every release inserted with
/// one bare prepared statement in one transaction (the columns the file carries, dates parsed).
fn bare_import(json: &Path, db: &Path) -> usize {
    let file = std::fs::File::open(json).unwrap();
    let value: serde_json::Value = serde_json::from_reader(BufReader::with_capacity(1 << 16, file)).unwrap();
    // The empty database with the app's schema, as the app's import meets it.
    drop(session::create(db, session::Holder::Command).unwrap());
    let mut conn = rusqlite::Connection::open(db).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).unwrap();
    let time = |v: &serde_json::Value| -> Option<i64> {
        v.as_str().and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok()).map(|t| t.timestamp())
    };
    let text = |v: &serde_json::Value| v.as_str().map(str::to_owned);
    let mut count = 0;
    {
        let mut stmt = tx
            .prepare(
                "INSERT INTO releases (id, subject, description, status, priority, release_type, \
                 planned_start, planned_end, work_start, work_end, category, sub_category, item_category, \
                 build_plan, test_plan, created_at, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
            )
            .unwrap();
        for r in value["releases"].as_array().unwrap() {
            let plan = |name: &str| text(&r["planning_fields"][name]["description_text"]);
            stmt.execute(rusqlite::params![
                r["id"].as_i64(),
                text(&r["subject"]),
                text(&r["description_text"]).unwrap_or_default(),
                r["status"].as_i64(),
                r["priority"].as_i64(),
                r["release_type"].as_i64(),
                time(&r["planned_start_date"]),
                time(&r["planned_end_date"]),
                time(&r["work_start_date"]),
                time(&r["work_end_date"]),
                text(&r["category"]),
                text(&r["sub_category"]),
                text(&r["item_category"]),
                plan("build_plan"),
                plan("test_plan"),
                time(&r["created_at"]),
                time(&r["updated_at"]),
            ])
            .unwrap();
            count += 1;
        }
    }
    tx.commit().unwrap();
    count
}

fn main() {
    let releases = env_number("IMPORT_RELEASES", 100_000);
    let runs = env_number("IMPORT_RUNS", 3).max(1);
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let (model, _) = source(dir.path(), releases);
    let json = dir.path().join("freshservice.json");
    {
        let value = release_desk::export::freshservice::to_json(&model, model.releases());
        let mut out = BufWriter::new(std::fs::File::create(&json).unwrap());
        serde_json::to_writer(&mut out, &value).unwrap();
        out.flush().unwrap();
    }
    eprintln!(
        "import: {releases} releases written as Freshservice JSON, {} MB, set-up {:.1} s",
        std::fs::metadata(&json).unwrap().len() >> 20,
        started.elapsed().as_secs_f64()
    );

    // --- Freshservice import into an empty file, and its baseline ---
    let mut n = 0;
    let mut fresh_db = || {
        n += 1;
        dir.path().join(format!("target-{n}.sqlite3"))
    };
    let files = FreshserviceFiles { releases: vec![json.clone()], ..FreshserviceFiles::default() };
    let app = measure(runs, || {
        let db = fresh_db();
        let start = Instant::now();
        let batch = read_freshservice(&files).unwrap();
        let mut target = session::create(&db, session::Holder::Command).unwrap();
        let applied = target.apply(Command::Import(ImportCommand::Releases(batch))).unwrap();
        let elapsed = start.elapsed();
        assert_eq!(applied.imported().map(|c| c.created), Some(releases));
        drop(target);
        std::fs::remove_file(&db).ok();
        elapsed
    });
    let bare = measure(runs, || {
        let db = fresh_db();
        let start = Instant::now();
        let count = bare_import(&json, &db);
        let elapsed = start.elapsed();
        assert_eq!(count, releases);
        std::fs::remove_file(&db).ok();
        elapsed
    });
    report(
        &format!("Freshservice import of {releases} releases into an empty file"),
        app,
        "serde_json + bare prepared INSERT",
        bare,
    );

    // --- Exports of every release, and their baselines ---
    let directory = model.directory();
    let all = model.releases();
    let cells: Vec<[String; 11]> =
        all.iter().map(|r| release_desk::export::table::cells(r, directory, true)).collect();
    let csv_path = dir.path().join("export.csv");
    let csv_app = measure(runs, || {
        let start = Instant::now();
        let out = BufWriter::new(std::fs::File::create(&csv_path).unwrap());
        release_desk::export::csv::write_releases_csv(out, all, directory, false).unwrap();
        start.elapsed()
    });
    let csv_bytes = std::fs::metadata(&csv_path).unwrap().len();
    let csv_bare = measure(runs, || {
        let start = Instant::now();
        let mut writer = csv::Writer::from_writer(BufWriter::new(std::fs::File::create(&csv_path).unwrap()));
        writer.write_record(release_desk::export::table::HEADERS).unwrap();
        for row in &cells {
            writer.write_record(row).unwrap();
        }
        writer.flush().unwrap();
        start.elapsed()
    });
    report(
        &format!("CSV export of {releases} releases ({} MB)", csv_bytes >> 20),
        csv_app,
        "the same cells made beforehand, bare csv writer",
        csv_bare,
    );

    let xlsx_path = dir.path().join("export.xlsx");
    let xlsx_app = measure(runs, || {
        let start = Instant::now();
        let bytes = release_desk::export::xlsx::releases_xlsx(all, directory, false).unwrap();
        std::fs::write(&xlsx_path, bytes).unwrap();
        start.elapsed()
    });
    let xlsx_bytes = std::fs::metadata(&xlsx_path).unwrap().len();
    let xlsx_bare = measure(runs, || {
        let start = Instant::now();
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        for (col, header) in release_desk::export::table::HEADERS.iter().enumerate() {
            sheet.write_string(0, col as u16, *header).unwrap();
        }
        for (row, line) in cells.iter().enumerate() {
            for (col, cell) in line.iter().enumerate() {
                sheet.write_string(row as u32 + 1, col as u16, cell).unwrap();
            }
        }
        std::fs::write(&xlsx_path, workbook.save_to_buffer().unwrap()).unwrap();
        start.elapsed()
    });
    report(
        &format!("XLSX export of {releases} releases ({} MB)", xlsx_bytes >> 20),
        xlsx_app,
        "the same cells made beforehand as strings, bare rust_xlsxwriter",
        xlsx_bare,
    );
}
