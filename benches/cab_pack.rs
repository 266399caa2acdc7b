//! The CAB pack at scale (issue 17): a meeting of the weekly CAB with 40 releases for decision
//! (each with a pending Change of the CAB, so the agenda rules find them) in a file of 100,000
//! synthetic releases, as `demo --releases` writes them. Timed: the agenda rules over the whole
//! file, `cab_pack::lay_out` (on the model's thread) and `PackLayout::finish` (the PDF, font
//! subset and embedded). A line `cab_pack: ... lay_out=<median> finish=<median> total=<median>
//! size=<bytes>` goes to stderr, beside the goals (total < 2 s, file < 3 MB). The size comes from
//! the environment: `CAB_PACK_RELEASES` (default 100,000), `SCALE_DIR` (where the file goes;
//! default the system's temporary folder). Figures go in BENCHMARKS.md.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};

mod common;
use common::{env_number, median};
use release_desk::domain::{
    AgendaReason, AgentId, ApprovalRule, Cab, CabApproval, CabId, CabMeeting, CabMeetingId, ChangeRisk,
    Language, Release,
};
use release_desk::export::cab_pack::{self, PackMeeting};
use release_desk::model::{
    CabCommand, Command, MeetingCommand, Model, RegistryCommand, SyntheticSpec, session,
};

/// How many releases the meeting decides.
const FOR_DECISION: usize = 40;

/// The file with `releases` synthetic releases, the weekly CAB (five of the sample's agents,
/// majority), a pending Change of that CAB on each of the 40 open releases planned next, and the
/// CAB's meeting tomorrow with its agenda built by the rules.
fn database(releases: usize) -> (tempfile::TempDir, Model) {
    let dir = match std::env::var_os("SCALE_DIR") {
        Some(parent) => tempfile::tempdir_in(parent).unwrap(),
        None => tempfile::tempdir().unwrap(),
    };
    let path = dir.path().join("cab-pack.sqlite3");
    let started = Instant::now();
    let model = session::create(&path, session::Holder::Command).unwrap();
    model.write_synthetic(SyntheticSpec { releases, activities_per_release: 0 }).unwrap();
    let mut model = session::open(&path).unwrap();
    let members: Vec<AgentId> = model.directory().agents.iter().take(5).map(|a| a.id).collect();
    let cab = Cab {
        id: CabId(0),
        name: "주간 변경자문위원회".into(),
        chair: members.first().copied(),
        members: members.clone(),
        rule: ApprovalRule::Majority,
        emergency: false,
    };
    model.apply(Command::Cab(CabCommand::SaveCab(cab))).unwrap();
    let cab = model.cabs().cabs[0].id;
    let now = model.now();
    let mut open: Vec<&Release> = model
        .releases()
        .iter()
        .filter(|r| !r.is_deleted() && r.closed_at.is_none() && r.planned.start >= now)
        .collect();
    open.sort_by_key(|r| (r.planned.start, r.id));
    let chosen: Vec<_> = open.iter().take(FOR_DECISION).map(|r| (r.id, r.subject.clone())).collect();
    assert_eq!(chosen.len(), FOR_DECISION, "the file has {FOR_DECISION} open releases ahead");
    for (id, subject) in &chosen {
        let create = RegistryCommand::CreateChange {
            subject: format!("{subject} 변경"),
            approval: CabApproval::Pending,
            risk: ChangeRisk::Medium,
            link_to: Some(*id),
        };
        model.apply(Command::Registry(create)).unwrap();
        let change = model.registry().changes.last().unwrap().id;
        model.apply(Command::Cab(CabCommand::AssignCab { change, cab: Some(cab) })).unwrap();
    }
    // Tomorrow: the 40 are the next releases to start, at this size all within days, so before
    // the next meeting plus a week (the agenda line below says how many the rules found).
    let mut meeting = CabMeeting::ad_hoc(CabMeetingId(0), cab, now + chrono::Duration::days(1));
    meeting.attendees = members;
    model.apply(Command::Meeting(MeetingCommand::SaveMeeting(meeting))).unwrap();
    let id = model.meetings()[0].id;
    model.apply(Command::Meeting(MeetingCommand::RebuildAgenda(id))).unwrap();
    eprintln!(
        "cab_pack: wrote {releases} releases and the meeting in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    (dir, model)
}

fn benches(c: &mut Criterion) {
    let releases = env_number("CAB_PACK_RELEASES", 100_000);
    let (_dir, model) = database(releases);
    let meeting = model.meetings()[0].clone();
    let pack: PackMeeting = cab_pack::pack_meeting(&model, &meeting);
    let decided = pack.for_decision.iter().filter(|id| {
        model.release(**id).is_some_and(|r| {
            r.associated_change_ids
                .iter()
                .any(|c| model.registry().change(*c).is_some_and(|c| c.cab.is_some()))
        })
    });
    eprintln!(
        "cab_pack: agenda {} for decision ({} with the CAB's Changes), {} emergency, {} closed",
        meeting.agenda_for(AgendaReason::ForDecision).len(),
        decided.count(),
        pack.emergency.len(),
        pack.closed.len(),
    );
    let label = format!("{releases} releases, {FOR_DECISION} for decision");
    let mut group = c.benchmark_group(format!("cab pack: {label}"));
    group.sample_size(10);
    group.bench_function("agenda rules over the file", |b| b.iter(|| black_box(model.rule_agenda(&meeting))));
    group.bench_function("lay_out + finish (Korean)", |b| {
        b.iter(|| black_box(cab_pack::lay_out(&model, &pack, Language::Ko).unwrap().finish().unwrap()));
    });
    group.finish();
    let rules = median(5, || drop(black_box(model.rule_agenda(&meeting))));
    let mut size = 0;
    let mut pages = 0;
    let mut lay_out = Vec::new();
    let mut finish = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        let layout = cab_pack::lay_out(&model, &pack, Language::Ko).unwrap();
        lay_out.push(started.elapsed());
        pages = layout.pages();
        let started = Instant::now();
        size = layout.finish().unwrap().len();
        finish.push(started.elapsed());
    }
    lay_out.sort();
    finish.sort();
    let (l, f) = (lay_out[2], finish[2]);
    eprintln!(
        "cab_pack: {label}: rules={:.1}ms lay_out={:.1}ms finish={:.1}ms total={:.1}ms size={size} bytes \
         ({:.2} MB) pages={pages} (goal: total < 2000 ms, size < 3 MB)",
        rules.as_secs_f64() * 1e3,
        l.as_secs_f64() * 1e3,
        f.as_secs_f64() * 1e3,
        (l + f).as_secs_f64() * 1e3,
        size as f64 / 1e6,
    );
}

criterion_group!(cab_pack_bench, benches);
criterion_main!(cab_pack_bench);
