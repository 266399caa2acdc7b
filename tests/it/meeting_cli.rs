//! `cab meetings` and `cab pack` through the real binary (issue 17): the meetings as a table and
//! JSON; the pack of a day's ad-hoc meeting in Korean holding every agenda release's id and
//! subject, written whole and never over a file without `--force`; the pack of a stored meeting
//! with its decisions and action items filled in; an unknown meeting refused.

use chrono::{Duration, Local};

use crate::cab_pack::{pdf_pages, poppler};
use crate::common::{at, cli, model_with, plain, temp_db};
use release_desk::domain::{
    ActionItem, AgentId, ApprovalRule, Cab, CabApproval, CabId, CabMeeting, CabMeetingId, ChangeId,
    ChangeRisk, Decision, MeetingOutcome, ReleaseId,
};
use release_desk::export::cab_pack;
use release_desk::model::{CabCommand, Command, MeetingCommand, RegistryCommand, session};

fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn run(args: &[&str]) -> (bool, String, String) {
    let out = cli(args);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_korean_pack_of_a_day_holds_every_agenda_release_and_is_never_written_over() {
    let (dir, path) = temp_db();
    let db = path.to_str().unwrap();
    assert!(cli(&["--db", db, "demo"]).status.success());
    let model = session::open_for_reading(&path).unwrap();
    let day = (model.now() + Duration::days(1)).with_timezone(&Local).date_naive();
    let meeting = model.meeting_on(day).cloned().or_else(|| model.ad_hoc_meeting(day)).unwrap();
    let pack = cab_pack::pack_meeting(&model, &meeting);
    assert!(!pack.for_decision.is_empty(), "the sample has releases awaiting the weekly CAB");
    let pdf = dir.path().join("pack.pdf");
    let out = pdf.to_str().unwrap();
    let date = day.format("%Y-%m-%d").to_string();
    let (ok, stdout, stderr) =
        run(&["--db", db, "--lang", "ko", "cab", "pack", "--date", &date, "--out", out]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("CAB 자료집"), "{stdout}");
    let text = squeezed(&poppler("pdftotext", &["-layout"], &pdf));
    for id in pack.for_decision.iter().chain(&pack.emergency) {
        let release = model.release(*id).unwrap();
        assert!(text.contains(&format!("#{id}")), "#{id} is in the pack");
        let subject: String = squeezed(&release.subject).chars().take(12).collect();
        assert!(text.contains(&subject), "the subject of #{id} ({subject}) is in the pack");
    }
    assert!(text.contains("결정할릴리스"));
    let pages = pdf_pages(&pdf);
    assert!(stdout.contains(&format!("{pages}쪽")), "{stdout}");
    // Not over the file without --force; the file stays as it was.
    let before = std::fs::read(&pdf).unwrap();
    let (ok, _, stderr) = run(&["--db", db, "--lang", "en", "cab", "pack", "--date", &date, "--out", out]);
    assert!(!ok);
    assert!(stderr.contains(out), "{stderr}");
    assert_eq!(std::fs::read(&pdf).unwrap(), before);
    let (ok, _, stderr) =
        run(&["--db", db, "--lang", "en", "cab", "pack", "--date", &date, "--out", out, "--force"]);
    assert!(ok, "{stderr}");
    assert!(poppler("pdftotext", &[], &pdf).contains("Releases for decision"));
    // Neither --meeting nor --date: refused by the parser.
    assert!(!cli(&["--db", db, "cab", "pack", "--out", out, "--force"]).status.success());
}

/// A file with #1 awaiting the weekly CAB and the CAB's meeting (id 1) at `at(2)`: #1 on the
/// agenda, approved with one action item, minutes kept.
fn decided() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path) = temp_db();
    let mut model = model_with(&path, vec![plain(1, "ERP 패치 적용")]);
    let create = RegistryCommand::CreateChange {
        subject: "SAP 패치 스택".into(),
        approval: CabApproval::Pending,
        risk: ChangeRisk::High,
        link_to: Some(ReleaseId(1)),
    };
    model.apply(Command::Registry(create)).unwrap();
    let cab = Cab {
        id: CabId(0),
        name: "주간 변경자문위원회".into(),
        members: vec![AgentId(1), AgentId(2), AgentId(3)],
        chair: Some(AgentId(3)),
        rule: ApprovalRule::Majority,
        emergency: false,
    };
    model.apply(Command::Cab(CabCommand::SaveCab(cab))).unwrap();
    model.apply(Command::Cab(CabCommand::AssignCab { change: ChangeId(1), cab: Some(CabId(1)) })).unwrap();
    let mut meeting = CabMeeting::ad_hoc(CabMeetingId(0), CabId(1), at(2));
    meeting.attendees = vec![AgentId(1), AgentId(3)];
    model.apply(Command::Meeting(MeetingCommand::SaveMeeting(meeting))).unwrap();
    let m = CabMeetingId(1);
    model.apply(Command::Meeting(MeetingCommand::RebuildAgenda(m))).unwrap();
    let decision = Decision {
        release: ReleaseId(1),
        outcome: MeetingOutcome::Approved,
        comment: "Rollback rehearsed".into(),
        actions: vec![ActionItem {
            text: "Share the rehearsal log".into(),
            owner: Some(AgentId(2)),
            due: chrono::NaiveDate::from_ymd_opt(2026, 12, 4),
            done: false,
        }],
    };
    model.apply(Command::Meeting(MeetingCommand::RecordDecision { meeting: m, decision })).unwrap();
    let minutes = MeetingCommand::SaveMinutes { meeting: m, minutes: "Two attended.".into() };
    model.apply(Command::Meeting(minutes)).unwrap();
    (dir, path)
}

#[test]
fn a_stored_meetings_pack_has_its_decisions_and_the_list_names_it() {
    let (dir, path) = decided();
    let db = path.to_str().unwrap();
    let (ok, stdout, stderr) = run(&["--db", db, "--lang", "en", "cab", "meetings", "--format", "json"]);
    assert!(ok, "{stderr}");
    let rows: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(rows[0]["id"], 1);
    assert_eq!(rows[0]["cab_name"], "주간 변경자문위원회");
    assert_eq!(rows[0]["agenda"][0]["release"], 1);
    assert_eq!(rows[0]["decisions"][0]["outcome"], "approved");
    let (ok, stdout, _) = run(&["--db", db, "--lang", "en", "cab", "meetings"]);
    assert!(ok);
    assert!(stdout.starts_with("1\t주간 변경자문위원회\t"), "{stdout}");
    assert!(stdout.contains("2 attending, 1 on the agenda, 1 decided"), "{stdout}");
    let pdf = dir.path().join("decided.pdf");
    let out = pdf.to_str().unwrap();
    let (ok, _, stderr) = run(&["--db", db, "--lang", "en", "cab", "pack", "--meeting", "1", "--out", out]);
    assert!(ok, "{stderr}");
    let text = squeezed(&poppler("pdftotext", &[], &pdf));
    for words in ["Rollbackrehearsed", "Sharetherehearsallog", "Emily", "Twoattended.", "#1"] {
        assert!(text.contains(words), "{words} in the decided pack");
    }
    let (ok, _, stderr) =
        run(&["--db", db, "--lang", "ko", "cab", "pack", "--meeting", "99", "--out", out, "--force"]);
    assert!(!ok);
    assert!(stderr.contains("CAB 회의 99"), "{stderr}");
}
