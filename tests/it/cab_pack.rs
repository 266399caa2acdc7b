//! The CAB pack as a PDF, read back with poppler as a reader would (`pdftotext`, `pdfinfo`,
//! `pdffonts`; `.ci/run` installs them): every agenda release's id and subject is in the text
//! in Korean, the page count is the sections' pages, the font is embedded and subset; an empty
//! database and a 10,000-character subject still give a valid PDF; a busy file's forward
//! schedule lists sixty releases and counts the rest.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use chrono::Duration;
use release_desk::domain::{Language, Release, ReleaseType};
use release_desk::export::cab_pack::{self, PackMeeting, PackRule, PackSection};
use release_desk::model::{Model, session};

/// Runs a poppler tool on `pdf` and returns its standard output.
pub fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = Process::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" { &["-"][..] } else { &[][..] })
        .output()
        .unwrap_or_else(|e| panic!("{tool} could not run (poppler-utils installed?): {e}"));
    assert!(out.status.success(), "{tool} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The page count `pdfinfo` reads.
pub fn pdf_pages(pdf: &Path) -> usize {
    let info = poppler("pdfinfo", &[], pdf);
    let line = info.lines().find(|l| l.starts_with("Pages:")).unwrap();
    line["Pages:".len()..].trim().parse().unwrap()
}

/// A database with the sample scenarios, opened for reading.
fn demo_model() -> (tempfile::TempDir, PathBuf, Model) {
    let (dir, path) = crate::common::temp_db();
    let out = crate::common::cli(&["--db", path.to_str().unwrap(), "demo"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let model = session::open_for_reading(&path).unwrap();
    (dir, path, model)
}

/// A meeting tomorrow over `model`: up to `n` open releases for decision, the emergency ones and
/// those closed in the past month.
fn meeting(model: &Model, n: usize) -> PackMeeting {
    let start = model.now() + Duration::days(1);
    let since = start - Duration::days(30);
    let live = || model.releases().iter().filter(|r| !r.is_deleted());
    let mut open: Vec<&Release> = live().filter(|r| r.closed_at.is_none()).collect();
    open.sort_by_key(|r| (r.planned.start, r.id));
    PackMeeting {
        cab_name: "주간 변경 자문 위원회".into(),
        emergency_cab: false,
        start,
        duration_minutes: 60,
        attendees: model.directory().agents.iter().take(4).map(|a| a.id).collect(),
        chair: model.directory().agents.first().map(|a| a.id),
        rule: Some(PackRule::Majority),
        since,
        for_decision: open.iter().take(n).map(|r| r.id).collect(),
        emergency: live().filter(|r| r.release_type == ReleaseType::Emergency).map(|r| r.id).collect(),
        closed: live().filter(|r| r.closed_at.is_some_and(|t| t >= since)).map(|r| r.id).collect(),
        decisions: Vec::new(),
        minutes: String::new(),
    }
}

fn write(model: &Model, meeting: &PackMeeting, language: Language, path: &Path) -> Vec<(PackSection, usize)> {
    let layout = cab_pack::lay_out(model, meeting, language).unwrap();
    let sections = layout.sections.clone();
    cab_pack::write_file(layout, path).unwrap();
    if let Ok(dir) = std::env::var("RELEASE_DESK_KEEP_PACK") {
        let name = path.file_name().unwrap();
        std::fs::copy(path, Path::new(&dir).join(name)).unwrap();
    }
    sections
}

/// pdftotext breaks lines where the PDF wraps them: words are compared without whitespace.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_korean_pack_names_every_agenda_release_and_embeds_its_font() {
    let (dir, _db, model) = demo_model();
    let meeting = meeting(&model, 5);
    assert_eq!(meeting.for_decision.len(), 5, "the sample has open releases");
    let pdf = dir.path().join("pack-ko.pdf");
    let sections = write(&model, &meeting, Language::Ko, &pdf);

    let text = squeezed(&poppler("pdftotext", &["-layout"], &pdf));
    for id in meeting.for_decision.iter().chain(&meeting.emergency) {
        let release = model.release(*id).unwrap();
        assert!(text.contains(&format!("#{id}")), "#{id} is in the pack");
        let subject: String = squeezed(&release.subject).chars().take(12).collect();
        assert!(text.contains(&subject), "the subject of #{id} ({subject}) is in the pack");
    }
    for heading in ["회의개요", "결정할릴리스", "지난CAB이후결과", "향후일정", "결정사항과후속조치"]
    {
        assert!(text.contains(heading), "{heading}");
    }
    assert!(text.contains("1/"), "page numbers");

    // A page each for the cover, the KPIs, the outcomes and each release for decision; the
    // schedule, emergency and decisions sections as many as they took.
    let count = |which: &dyn Fn(&PackSection) -> bool| -> usize {
        sections.iter().filter(|(s, _)| which(s)).map(|(_, n)| n).sum()
    };
    for single in [PackSection::Cover, PackSection::Kpis, PackSection::Outcomes] {
        assert_eq!(count(&|s| *s == single), 1, "{single:?} takes one page");
    }
    assert_eq!(count(&|s| matches!(s, PackSection::Release(_))), 5, "one page per release for decision");
    let total: usize = sections.iter().map(|(_, n)| n).sum();
    assert_eq!(pdf_pages(&pdf), total, "{sections:?}");
    assert_eq!(sections.len(), 3 + 5 + 3);

    let fonts = poppler("pdffonts", &[], &pdf);
    let nanum = fonts.lines().find(|l| l.contains("NanumGothic")).unwrap_or_else(|| panic!("{fonts}"));
    let cols: Vec<&str> = nanum.split_whitespace().collect();
    assert!(cols[0].contains('+'), "the font is subset: {nanum}");
    assert!(nanum.contains(" yes yes "), "embedded and subset: {nanum}");

    let outline = poppler("pdfinfo", &["-dests"], &pdf);
    assert!(!outline.is_empty());
}

#[test]
fn the_english_pack_is_in_english() {
    let (dir, _db, model) = demo_model();
    let meeting = meeting(&model, 2);
    let pdf = dir.path().join("pack-en.pdf");
    write(&model, &meeting, Language::En, &pdf);
    let text = poppler("pdftotext", &[], &pdf);
    for words in ["Releases for decision", "Forward schedule", "Decisions and actions", "Raised by"] {
        assert!(text.contains(words), "{words}");
    }
    assert!(!text.contains("결정할 릴리스"));
}

#[test]
fn an_empty_database_and_a_hostile_subject_still_make_a_valid_pdf() {
    let (dir, path) = crate::common::temp_db();
    let model = crate::common::model_with(&path, Vec::new());
    let empty = PackMeeting {
        cab_name: String::new(),
        emergency_cab: true,
        start: model.now(),
        duration_minutes: 0,
        attendees: Vec::new(),
        chair: None,
        rule: None,
        since: model.now() - Duration::days(7),
        for_decision: vec![release_desk::domain::ReleaseId(404)],
        emergency: Vec::new(),
        closed: Vec::new(),
        decisions: Vec::new(),
        minutes: String::new(),
    };
    let pdf = dir.path().join("empty.pdf");
    let sections = write(&model, &empty, Language::Ko, &pdf);
    assert!(sections.contains(&(PackSection::NoRelease, 1)), "{sections:?}");
    assert_eq!(pdf_pages(&pdf), sections.iter().map(|(_, n)| n).sum::<usize>());
    drop(model);

    let (dir2, path2) = crate::common::temp_db();
    let mut hostile = crate::common::plain(1, &"가나다라마바사 ".repeat(1250));
    hostile.description = "\u{0}\t\u{7}\r\n".repeat(3000) + &"x".repeat(20_000);
    hostile.category = Some("🚀 \u{202e}reversed".into());
    let model = crate::common::model_with(&path2, vec![hostile]);
    let mut meeting = empty.clone();
    meeting.for_decision = vec![release_desk::domain::ReleaseId(1)];
    meeting.emergency = vec![release_desk::domain::ReleaseId(1)];
    meeting.minutes = "회의록 ".repeat(5000);
    let pdf = dir2.path().join("hostile.pdf");
    let sections = write(&model, &meeting, Language::Ko, &pdf);
    assert!(
        sections.contains(&(PackSection::Release(release_desk::domain::ReleaseId(1)), 1)),
        "{sections:?}"
    );
    assert_eq!(pdf_pages(&pdf), sections.iter().map(|(_, n)| n).sum::<usize>());
    assert!(poppler("pdftotext", &[], &pdf).contains("#1"));
    drop(dir);
}

/// A busy file (200 releases in the four weeks): the forward schedule lists 60 of them (the
/// agenda's first) and counts the rest, so a pack of a large file stays a few pages.
#[test]
fn the_forward_schedule_of_a_busy_file_lists_the_first_sixty_and_counts_the_rest() {
    let (dir, path) = crate::common::temp_db();
    let releases: Vec<Release> = (1..=200)
        .map(|id| {
            let mut r = crate::common::plain(id, &format!("배포 {id}"));
            r.planned.start = crate::common::at(24 + 3 * id);
            r.planned.end = r.planned.start + Duration::hours(1);
            r
        })
        .collect();
    let model = crate::common::model_with(&path, releases);
    let mut busy = meeting(&model, 0);
    busy.for_decision = vec![release_desk::domain::ReleaseId(200)];
    let pdf = dir.path().join("busy.pdf");
    let sections = write(&model, &busy, Language::En, &pdf);
    let schedule: usize = sections.iter().filter(|(s, _)| *s == PackSection::Schedule).map(|(_, n)| n).sum();
    assert!(schedule <= 5, "{schedule} pages of schedule");
    let text = squeezed(&poppler("pdftotext", &[], &pdf));
    assert!(text.contains("…and140morereleasesplannedintheseweeks"), "the rest are counted");
    assert!(text.contains("#200배포200"), "the release on the agenda is listed");
}

/// A release made in a team's file and not pushed yet is "new" in the pack (never `#-1`), in
/// either language, as poppler reads it.
#[test]
fn a_release_not_numbered_by_the_team_yet_is_new_in_the_pack() {
    let (dir, path) = crate::common::temp_db();
    let model = crate::common::model_with(
        &path,
        vec![
            crate::common::plain(1, "ERP 하반기 업그레이드"),
            crate::common::plain(-1, "VPN 방화벽 펌웨어 업데이트"),
        ],
    );
    let mut pack = meeting(&model, 10);
    pack.for_decision = vec![release_desk::domain::ReleaseId(-1), release_desk::domain::ReleaseId(1)];
    for (language, new) in [(Language::Ko, "#신규-1"), (Language::En, "#new-1")] {
        let pdf = dir.path().join(format!("{language:?}.pdf"));
        write(&model, &pack, language, &pdf);
        let text = squeezed(&poppler("pdftotext", &[], &pdf));
        assert!(text.contains(new) && text.contains("#1"), "{language:?}: {text}");
        assert!(!text.contains("#-1"), "{language:?}");
    }
}
