//! The sample scenarios: loaded once unless forced, with linked registries, stage histories and a
//! redeployed rollback.

use crate::common::{t0, temp_db};
use release_desk::domain::{Outcome, Stage, Strategy};
use release_desk::model::{Command, Model, SampleCommand};

#[test]
fn sample_data_loads_once_unless_forced() {
    let (_dir, path) = temp_db();
    let mut model = Model::open(&path).unwrap();
    let data = release_desk::domain::sample::scenarios(t0());
    let count = data.releases.len();
    model.apply(Command::Sample(SampleCommand::Load { data: data.clone(), force: false })).unwrap();
    assert_eq!(model.releases().len(), count);
    assert!(model.settings().current_agent.is_some());
    let err =
        model.apply(Command::Sample(SampleCommand::Load { data: data.clone(), force: false })).err().unwrap();
    assert!(err.to_string().contains("already holds releases"));
    model.apply(Command::Sample(SampleCommand::Load { data, force: true })).unwrap();
    assert_eq!(model.releases().len(), 2 * count);
    assert_eq!(model.directory().agents.len(), 8, "agents are matched by name, not duplicated");
}

#[test]
fn the_sample_has_linked_registries_histories_and_a_redeployed_rollback() {
    let (_dir, path) = temp_db();
    let mut model = Model::open(&path).unwrap();
    model
        .apply(Command::Sample(SampleCommand::Load {
            data: release_desk::domain::sample::scenarios(t0()),
            force: false,
        }))
        .unwrap();
    let registry = model.registry();
    assert!(registry.changes.len() >= 5 && registry.config_items.len() >= 5);
    for r in model.releases() {
        for id in &r.associated_change_ids {
            assert!(registry.change(*id).is_some(), "#{} links unknown CHG-{id}", r.id);
        }
        for id in &r.assets {
            assert!(registry.config_item(*id).is_some(), "#{} links unknown CI {id}", r.id);
        }
        let history = model.stage_history(r.id);
        assert_eq!(history.last().map(|e| e.stage), Some(r.stage), "#{} history ends at its stage", r.id);
        assert!(history.windows(2).all(|w| w[0].entered_at <= w[1].entered_at), "#{} in time order", r.id);
        for pair in history.windows(2) {
            assert!(
                pair[0].stage.can_move_to(pair[1].stage),
                "#{}: {:?} -> {:?}",
                r.id,
                pair[0].stage,
                pair[1].stage
            );
        }
    }
    let bank = model.releases().iter().find(|r| r.subject.contains("코어뱅킹 보안 패치")).unwrap();
    assert_eq!(
        (bank.stage, bank.rollback_count, bank.outcome),
        (Stage::Complete, 1, Some(Outcome::Successful))
    );
    let stages: Vec<_> = model.stage_history(bank.id).iter().map(|e| e.stage).collect();
    let rollback = stages.iter().position(|s| *s == Stage::Rollback).unwrap();
    assert!(stages[rollback..].contains(&Stage::Deploy), "redeployed after the rollback");
    let erp = model
        .releases()
        .iter()
        .find(|r| r.subject.contains("ERP 2026 하반기") && r.subject.contains("1단계"))
        .unwrap();
    let readiness = model.readiness(erp.id);
    assert_eq!(readiness.strategy, Strategy::Phased);
    let names: Vec<_> = readiness.phases.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["본사", "주요 계열사", "전체 계열사"]);
    assert_eq!(model.reload_snapshot().unwrap(), model.snapshot());
}

/// Issue 15's coverage of the sample, stage by stage: every release past Plan has build, test and
/// back-out plans ticked as far as its stage; most have tasks, notes and time; rollbacks have
/// their restore time; completed releases mostly have reviews; the bank's patches have impact
/// analyses; no subject carries a "(4)" counter.
#[test]
fn the_sample_is_built_from_the_templates_with_plans_work_and_reviews_by_stage() {
    let (_dir, path) = temp_db();
    let mut model = Model::open(&path).unwrap();
    let data = release_desk::domain::sample::scenarios(t0());
    model.apply(Command::Sample(SampleCommand::Load { data, force: false })).unwrap();
    // stage position -> (releases, with tasks, with notes, with time)
    let mut by_stage = std::collections::BTreeMap::<usize, (usize, usize, usize, usize)>::new();
    let (mut completed, mut reviewed) = (0, 0);
    for r in model.releases().iter().filter(|r| !r.is_deleted() && r.stage != Stage::Plan) {
        let (build, test) = (r.build_plan.as_ref().unwrap(), r.test_plan.as_ref().unwrap());
        let backout = model.backout(r.id).unwrap_or_else(|| panic!("#{} has no back-out plan", r.id));
        let full = |(done, total): (usize, usize)| done == total && total > 0;
        if r.stage.position() >= 3 {
            assert!(full(build.progress()) && full(test.progress()), "#{} {:?}", r.id, r.stage);
        }
        if r.stage.position() >= 2 {
            assert!(full(backout.steps.progress()), "#{} back-out steps ready before Deploy", r.id);
        }
        let row = by_stage.entry(r.stage.position()).or_default();
        row.0 += 1;
        row.1 += usize::from(!model.tasks_for(r.id).is_empty());
        row.2 += usize::from(!model.notes_for(r.id).is_empty());
        row.3 += usize::from(!model.time_entries_for(r.id).is_empty());
        if r.stage == Stage::Complete {
            completed += 1;
            reviewed += usize::from(model.review(r.id).is_some());
        }
        if r.subject.contains("KB국민은행") {
            assert!(model.impact(r.id).is_some(), "#{} the bank's patch has an impact analysis", r.id);
        }
    }
    println!(
        "sample by stage position (releases, tasks, notes, time): {by_stage:?}; reviewed {reviewed}/{completed}"
    );
    let (all, tasks, notes, time) =
        by_stage.values().fold((0, 0, 0, 0), |a, r| (a.0 + r.0, a.1 + r.1, a.2 + r.2, a.3 + r.3));
    assert!(tasks * 2 > all && notes * 2 > all && time * 2 > all, "most have work: {by_stage:?}");
    assert!(reviewed * 4 >= completed * 3 && reviewed < completed, "most completed are reviewed");
    for release in model.releases() {
        for entry in model.stage_history(release.id).iter().filter(|e| e.stage == Stage::Rollback) {
            assert!(
                entry.restore_minutes.is_some() && entry.restore_target_minutes.is_some(),
                "#{}",
                release.id
            );
        }
        let counter = release
            .subject
            .rsplit_once(" (")
            .is_some_and(|(_, tail)| tail.trim_end_matches(')').chars().all(|c| c.is_ascii_digit()));
        assert!(!counter, "#{} {}", release.id, release.subject);
    }
}

/// Issue 18's monitoring in the sample: the app releases carry readings of the three built-in
/// metrics in the "10 % 사용자" phase before "전체 사용자", and exactly one release breached (its
/// error rate in the 10 % phase), at Verify & Monitor, and was rolled back after the breach, then
/// redeployed.
#[test]
fn the_sample_app_releases_have_ab_phase_readings_and_one_breach_that_was_rolled_back() {
    use release_desk::domain::MetricName;
    let (_dir, path) = temp_db();
    let mut model = Model::open(&path).unwrap();
    model
        .apply(Command::Sample(SampleCommand::Load {
            data: release_desk::domain::sample::scenarios(t0()),
            force: false,
        }))
        .unwrap();
    let apps: Vec<_> = model
        .releases()
        .iter()
        .filter(|r| r.subject.contains("배달의민족 앱") && r.stage == Stage::Complete)
        .collect();
    assert!(apps.len() >= 10);
    for app in &apps {
        let readings = model.readings_of(app.id);
        for metric in MetricName::BUILT_IN {
            assert!(readings.iter().any(|r| r.metric == metric), "#{} has {metric:?}", app.id);
        }
        let first_all = readings.iter().position(|r| r.phase.as_deref() == Some("전체 사용자")).unwrap();
        assert!(
            readings[..first_all].iter().all(|r| r.phase.as_deref() == Some("10 % 사용자")),
            "#{}: the 10 % phase comes first",
            app.id
        );
    }
    let breached: Vec<_> = model.releases().iter().filter(|r| !model.breaches_of(r.id).is_empty()).collect();
    assert_eq!(breached.len(), 1, "one breach in the sample");
    let release = breached[0];
    let breach = model.breaches_of(release.id)[0];
    let reading = model.monitoring().reading(breach.reading).unwrap();
    assert_eq!(
        (reading.metric.clone(), reading.phase.as_deref()),
        (MetricName::ErrorRatePercent, Some("10 % 사용자"))
    );
    assert!(release.rollback_count >= 1);
    let history = model.stage_history(release.id);
    let rollback = history.iter().position(|e| e.stage == Stage::Rollback).expect("rolled back");
    assert!(history[rollback].entered_at > reading.at, "rolled back after the breach");
    assert_eq!(history[rollback - 1].stage, Stage::VerifyMonitor, "from Verify & Monitor");
    assert!(history[rollback - 1].entered_at <= reading.at, "the reading was taken while watching");
    assert!(history[rollback..].iter().any(|e| e.stage == Stage::Deploy), "redeployed after the rollback");
    assert!(history[rollback].note.contains("오류율"), "{}", history[rollback].note);
}

/// Issue 17's meetings in the sample: the weekly CAB met every Tuesday at 10:00 in Seoul for the
/// past year, each past meeting with minutes and decisions (a few with action items), and the
/// next meeting has its agenda built, ready to pack; loaded twice, each copy keeps its own.
#[test]
fn the_weekly_cab_met_every_tuesday_and_its_next_meeting_has_an_agenda() {
    use chrono::{Datelike as _, Timelike as _};
    let (_dir, path) = temp_db();
    let mut model = Model::open(&path).unwrap();
    let data = release_desk::domain::sample::scenarios(t0());
    model.apply(Command::Sample(SampleCommand::Load { data: data.clone(), force: false })).unwrap();
    let now = t0();
    let seoul = chrono_tz::Asia::Seoul;
    let meetings = model.meetings();
    let past: Vec<_> = meetings.iter().filter(|m| m.start < now).collect();
    assert!((51..=53).contains(&past.len()), "{} past meetings", past.len());
    for m in meetings {
        let local = m.start.with_timezone(&seoul);
        assert_eq!((local.weekday(), local.hour(), local.minute()), (chrono::Weekday::Tue, 10, 0));
        assert!(m.recurrence.is_some(), "one occurrence of the weekly series");
    }
    assert!(past.iter().all(|m| !m.minutes.is_empty()), "every past meeting has minutes");
    let decided = past.iter().filter(|m| !m.decisions.is_empty()).count();
    assert!(decided * 2 > past.len(), "most past meetings decided something ({decided})");
    let actions: usize = past.iter().flat_map(|m| &m.decisions).map(|d| d.actions.len()).sum();
    assert!(actions >= 3, "{actions} action items");
    let next: Vec<_> = meetings.iter().filter(|m| m.start >= now).collect();
    assert_eq!(next.len(), 1, "the next meeting only");
    assert!(next[0].start < now + chrono::Duration::days(8));
    assert!(next[0].active_agenda().next().is_some(), "the next meeting's agenda is not empty");
    assert!(next[0].decisions.is_empty() && next[0].minutes.is_empty(), "not held yet");
    for m in meetings {
        for d in &m.decisions {
            assert!(m.on_agenda(d.release), "a decision on an agenda release");
            assert!(model.release(d.release).is_some());
        }
    }
    // A second load keeps each copy's meetings with its own releases and CAB.
    let count = meetings.len();
    model.apply(Command::Sample(SampleCommand::Load { data, force: true })).unwrap();
    assert_eq!(model.meetings().len(), 2 * count);
    let second = &model.meetings()[count];
    assert_ne!(second.cab, model.meetings()[0].cab);
    assert_eq!(model.reload_snapshot().unwrap(), model.snapshot());
}
