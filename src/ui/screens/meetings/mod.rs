//! The CAB meetings, a screen: the meetings on the left (the next ones first, then the past,
//! newest first); on the right the selected meeting's CAB, time and attendees, its agenda (built
//! by the rules or edited by hand: an item taken off stays, struck, to be put back), and per
//! agenda item in one place the votes of its Changes, the decision (outcome, comment, action
//! items with owner and due date) and a link to the release; then the minutes. "Rebuild agenda"
//! runs the rules again (edits kept); "CAB pack…" writes the meeting's PDF (`pack.rs`). Above it
//! all, "CABs…" manages the CABs (`cabs.rs`) and "Schedule meeting…" adds a meeting or the first
//! of a weekly series (`schedule.rs`); the latest meeting of a series offers its next one.
//!
//! One file per part: `decision` (one item's decision), `pack` (the export), `cabs` (the CABs
//! dialog), `schedule` (the Schedule meeting dialog and a series' next meeting).

mod cabs;
mod decision;
mod pack;
mod schedule;

use std::collections::{HashMap, VecDeque};

use egui::RichText;

use self::decision::{DecisionDraft, decision_ui};
use self::pack::PackExport;
use super::{Screen, ScreenAction, ScreenContext, StatusLine};
use crate::domain::{AgendaItem, AgendaReason, CabMeeting, CabMeetingId, ReleaseId};
use crate::i18n::{self, tr, tr_args};
use crate::model::{Command, MeetingCommand, Model};
use crate::ui::outbox::Sender;
use crate::ui::release_page::cab_votes::cab_votes_ui;
use crate::ui::widgets::progress_bar;

/// The meeting screen's id.
pub const ID: &str = "meetings";

/// The CAB meetings screen.
#[derive(Default)]
pub struct Meetings {
    /// The meeting shown; `None` until one is picked (then the next meeting is shown).
    selected: Option<CabMeetingId>,
    /// Decisions being written, by meeting and release.
    drafts: HashMap<(CabMeetingId, ReleaseId), DecisionDraft>,
    /// The minutes being written, for the meeting they belong to.
    minutes: Option<(CabMeetingId, String)>,
    /// The release id typed to put on the agenda.
    add_release: String,
    /// Why the last command was refused.
    refused: Option<String>,
    pack: PackExport,
    cabs: cabs::CabsDialog,
    schedule: schedule::ScheduleDialog,
    /// The next meeting of a series asked for this frame.
    next_of_series: Option<CabMeeting>,
    /// Which part gave each command pushed this frame, in order: their results come back in it.
    sent: VecDeque<Part>,
    /// A meeting was added: show the newest on the next frame.
    select_newest: bool,
}

/// The part of the screen a command came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Screen,
    Cabs,
    Schedule,
    NextOfSeries,
}

impl Meetings {
    /// The meeting shown: the one picked, else the first that has not ended, else the latest.
    pub fn shown_meeting<'m>(&self, model: &'m Model) -> Option<&'m CabMeeting> {
        if let Some(m) = self.selected.and_then(|id| model.meeting(id)) {
            return Some(m);
        }
        let now = model.now();
        let mut meetings: Vec<&CabMeeting> = model.meetings().iter().collect();
        meetings.sort_by_key(|m| (m.start, m.id));
        meetings.iter().find(|m| !m.is_past(now)).or(meetings.last()).copied()
    }

    /// Shows the meeting `id` (tests and the calendar).
    pub fn select(&mut self, id: CabMeetingId) {
        self.selected = Some(id);
    }

    /// Whether a pack is being written.
    pub fn exporting(&self) -> bool {
        self.pack.running()
    }

    /// The last pack export's message and whether it failed.
    pub fn export_status(&self) -> Option<&(String, bool)> {
        self.pack.status.as_ref()
    }

    /// Starts writing the shown meeting's pack to `path` (what the file dialog does once a file is
    /// picked).
    pub fn export_pack(&mut self, model: &Model, path: std::path::PathBuf) {
        if let Some(meeting) = self.shown_meeting(model).cloned() {
            self.pack.start(model, &meeting, path, i18n::language());
        }
    }

    /// The list of meetings: the next ones, then the past. Returns the one clicked.
    fn list_ui(&self, ui: &mut egui::Ui, model: &Model, shown: Option<CabMeetingId>) -> Option<CabMeetingId> {
        let now = model.now();
        let mut meetings: Vec<&CabMeeting> = model.meetings().iter().collect();
        meetings.sort_by_key(|m| (m.start, m.id));
        let (past, next): (Vec<&CabMeeting>, Vec<&CabMeeting>) =
            meetings.into_iter().partition(|m| m.is_past(now));
        let mut clicked = None;
        egui::ScrollArea::vertical().id_salt("meetings_list").show(ui, |ui| {
            if model.meetings().is_empty() {
                ui.label(RichText::new(tr("meeting-cli-none")).weak());
            }
            for (heading, list) in
                [("meeting-list-next", next), ("meeting-list-past", past.into_iter().rev().collect())]
            {
                if list.is_empty() {
                    continue;
                }
                ui.strong(tr(heading));
                for m in list {
                    let cab = model.cabs().cab(m.cab).map_or("", |c| c.name.as_str());
                    let text = format!("{} · {cab}", i18n::datetime_short(m.start));
                    if ui.selectable_label(shown == Some(m.id), text).clicked() {
                        clicked = Some(m.id);
                    }
                }
                ui.add_space(8.0);
            }
        });
        clicked
    }

    /// "CABs…" and "Schedule meeting…", above the meeting (also with no CAB or meeting yet).
    fn toolbar_ui(&mut self, ui: &mut egui::Ui, model: &Model) {
        ui.horizontal(|ui| {
            if ui.button(tr("cabs-open")).on_hover_text(tr("cabs-open-hint")).clicked() {
                self.cabs.open();
            }
            let has_cab = !model.cabs().cabs.is_empty();
            let schedule = ui
                .add_enabled(has_cab, egui::Button::new(tr("schedule-meeting-open")))
                .on_disabled_hover_text(tr("schedule-meeting-needs-cab"));
            if schedule.clicked() {
                self.schedule.open(model);
            }
        });
    }

    /// The meeting's CAB, time, attendees and the toolbar (rebuild, pack, put a release on it).
    fn header_ui(
        &mut self,
        ui: &mut egui::Ui,
        model: &Model,
        meeting: &CabMeeting,
        commands: &mut Vec<Command>,
    ) {
        let cab = model.cabs().cab(meeting.cab);
        ui.heading(cab.map_or_else(String::new, |c| c.name.clone()));
        let when = tr_args(
            "meeting-when",
            &[
                ("when", i18n::datetime(meeting.start).into()),
                ("duration", i18n::duration(i64::from(meeting.duration_minutes)).into()),
            ],
        );
        ui.label(when);
        let names: Vec<&str> =
            meeting.attendees.iter().map(|a| model.directory().agent_name(Some(*a))).collect();
        let attendees = if names.is_empty() { tr("pack-no-attendees") } else { names.join(", ") };
        ui.label(tr_args("meeting-attendees", &[("names", attendees.into())]));
        ui.horizontal_wrapped(|ui| {
            if let Some(next) = schedule::next_of_series(model, meeting) {
                let text = tr_args("schedule-next", &[("when", i18n::datetime_short(next.start).into())]);
                if ui.button(text).on_hover_text(tr("schedule-next-hint")).clicked() {
                    self.next_of_series = Some(next);
                }
            }
            if ui.button(tr("meeting-rebuild")).on_hover_text(tr("meeting-rebuild-hint")).clicked() {
                commands.push(Command::Meeting(MeetingCommand::RebuildAgenda(meeting.id)));
            }
            let pack = ui.add_enabled(!self.pack.running(), egui::Button::new(tr("meeting-pack")));
            if pack.clicked() {
                self.pack.ask(ui.ctx(), model, meeting);
            }
            if let Some(share) = self.pack.progress() {
                ui.add(progress_bar(share, tr("meeting-pack-writing"), 180.0));
            }
            ui.separator();
            let hint = tr("meeting-add-release");
            ui.add(egui::TextEdit::singleline(&mut self.add_release).hint_text(&hint).desired_width(90.0))
                .on_hover_text(&hint);
            let id = self.add_release.trim().trim_start_matches('#').parse::<i64>().ok();
            if ui.add_enabled(id.is_some(), egui::Button::new(tr("meeting-add"))).clicked()
                && let Some(id) = id
            {
                let release = ReleaseId(id);
                commands.push(Command::Meeting(MeetingCommand::EditAgenda {
                    meeting: meeting.id,
                    release,
                    add: true,
                }));
                self.add_release.clear();
            }
        });
        if let Some((text, is_error)) = &self.pack.status {
            let color = if *is_error { ui.visuals().error_fg_color } else { ui.visuals().weak_text_color() };
            ui.colored_label(color, text);
        }
        if let Some(why) = &self.refused {
            ui.colored_label(ui.visuals().error_fg_color, why);
        }
    }

    /// One agenda item: the release, why it is there, its Changes' votes and, for decision, the
    /// decision. Returns a release to open.
    fn item_ui(
        &mut self,
        ui: &mut egui::Ui,
        model: &Model,
        meeting: &CabMeeting,
        item: &AgendaItem,
        commands: &mut Vec<Command>,
    ) -> Option<ReleaseId> {
        let mut open = None;
        let subject =
            model.release(item.release).map_or_else(|| tr("meeting-release-gone"), |r| r.subject.clone());
        let title = format!("{} {subject}", crate::i18n::release_number(item.release));
        if item.removed {
            ui.horizontal(|ui| {
                ui.label(RichText::new(&title).strikethrough().weak());
                if ui.button(tr("meeting-put-back")).clicked() {
                    let put =
                        MeetingCommand::EditAgenda { meeting: meeting.id, release: item.release, add: true };
                    commands.push(Command::Meeting(put));
                }
            });
            return None;
        }
        let header = egui::CollapsingHeader::new(RichText::new(&title).strong())
            .id_salt(("meeting_item", meeting.id, item.release))
            .default_open(item.reason == AgendaReason::ForDecision);
        header.show(ui, |ui| {
            ui.horizontal(|ui| {
                let reason = i18n::agenda_reason(item.reason);
                let by = if item.added_by_hand { tr("meeting-by-hand") } else { tr("meeting-by-rule") };
                ui.label(RichText::new(format!("{reason} · {by}")).weak());
                if ui.button(tr("meeting-open-release")).clicked() {
                    open = Some(item.release);
                }
                if ui.button(tr("meeting-take-off")).clicked() {
                    let off =
                        MeetingCommand::EditAgenda { meeting: meeting.id, release: item.release, add: false };
                    commands.push(Command::Meeting(off));
                }
            });
            if let Some(release) = model.release(item.release) {
                let changes: Vec<_> = release
                    .associated_change_ids
                    .iter()
                    .filter_map(|id| model.registry().change(*id))
                    .collect();
                cab_votes_ui(ui, &changes, model, commands);
            }
            if item.reason == AgendaReason::ForDecision {
                let draft = self
                    .drafts
                    .entry((meeting.id, item.release))
                    .or_insert_with(|| DecisionDraft::of(meeting, item.release));
                ui.add_space(4.0);
                decision_ui(ui, model, meeting, item.release, draft, commands);
            }
        });
        open
    }

    /// The minutes and their Save button.
    fn minutes_ui(&mut self, ui: &mut egui::Ui, meeting: &CabMeeting, commands: &mut Vec<Command>) {
        if self.minutes.as_ref().is_none_or(|(id, _)| *id != meeting.id) {
            self.minutes = Some((meeting.id, meeting.minutes.clone()));
        }
        let Some((_, text)) = &mut self.minutes else { return };
        ui.add_space(8.0);
        ui.strong(tr("meeting-minutes"));
        let hint = tr("meeting-minutes-hint");
        ui.add(egui::TextEdit::multiline(text).hint_text(&hint).desired_rows(5).desired_width(f32::INFINITY))
            .on_hover_text(&hint);
        if ui.add_enabled(*text != meeting.minutes, egui::Button::new(tr("meeting-minutes-save"))).clicked() {
            commands.push(Command::Meeting(MeetingCommand::SaveMinutes {
                meeting: meeting.id,
                minutes: text.clone(),
            }));
        }
    }

    /// The shown meeting: header, agenda, minutes. Returns a release to open.
    fn meeting_ui(
        &mut self,
        ui: &mut egui::Ui,
        model: &Model,
        meeting: &CabMeeting,
        commands: &mut Vec<Command>,
    ) -> Option<ReleaseId> {
        self.header_ui(ui, model, meeting, commands);
        ui.separator();
        let mut open = None;
        egui::ScrollArea::vertical().id_salt(("meeting_body", meeting.id)).show(ui, |ui| {
            ui.strong(tr_args("meeting-agenda", &[("count", meeting.active_agenda().count().into())]));
            if meeting.agenda.is_empty() {
                ui.label(RichText::new(tr("meeting-agenda-empty")).weak());
            }
            for item in &meeting.agenda {
                if let Some(id) = self.item_ui(ui, model, meeting, item, commands) {
                    open = Some(id);
                }
            }
            self.minutes_ui(ui, meeting, commands);
        });
        open
    }
}

impl Screen for Meetings {
    fn id(&self) -> &'static str {
        ID
    }

    fn title_key(&self) -> &'static str {
        "meeting-screen-title"
    }

    fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ScreenContext<'_>) -> Option<ScreenAction> {
        let model = cx.model;
        // Every result of the last frame's commands has come back by now.
        self.sent.clear();
        if std::mem::take(&mut self.select_newest) {
            self.selected = model.meetings().last().map(|m| m.id);
        }
        self.pack.poll(ui.ctx());
        let shown = self.shown_meeting(model).cloned();
        let side = egui::Panel::left("meetings_list").resizable(true).default_size(260.0).min_size(200.0);
        let side = side.show(ui, |ui| self.list_ui(ui, model, shown.as_ref().map(|m| m.id)));
        if let Some(id) = side.inner {
            self.selected = Some(id);
            self.refused = None;
        }
        let handle = side.response.id.with("__resize");
        ui.ctx().accesskit_node_builder(handle, |node| node.set_label(tr("panel-resize")));
        let mut commands = Vec::new();
        let open = egui::CentralPanel::default()
            .show(ui, |ui| {
                self.toolbar_ui(ui, model);
                ui.separator();
                match &shown {
                    Some(meeting) => self.meeting_ui(ui, model, meeting, &mut commands),
                    None => {
                        ui.label(RichText::new(tr("meeting-none-yet")).weak());
                        None
                    }
                }
            })
            .inner;
        let mut sent: Vec<(Part, Command)> = commands.into_iter().map(|c| (Part::Screen, c)).collect();
        if let Some(next) = self.next_of_series.take() {
            sent.push((Part::NextOfSeries, Command::Meeting(MeetingCommand::SaveMeeting(next))));
        }
        sent.extend(self.cabs.ui(ui.ctx(), model).map(|c| (Part::Cabs, c)));
        sent.extend(self.schedule.ui(ui.ctx(), model).map(|c| (Part::Schedule, c)));
        for (part, command) in sent {
            if matches!(part, Part::Screen | Part::NextOfSeries) {
                self.refused = None;
            }
            self.sent.push_back(part);
            cx.outbox.push(Sender::Screen(ID), command);
        }
        self.pack.files_ui(ui.ctx(), model, shown.as_ref());
        if std::mem::take(&mut self.pack.announce)
            && let Some((text, is_error)) = &self.pack.status
        {
            *cx.status = Some(StatusLine { text: text.clone(), is_error: *is_error });
        }
        open.map(ScreenAction::OpenRelease)
    }

    fn has_modal(&self) -> bool {
        self.pack.is_open() || self.cabs.is_open() || self.schedule.is_open()
    }

    fn on_result(&mut self, result: Result<(), String>) {
        match self.sent.pop_front().unwrap_or(Part::Screen) {
            Part::Screen => self.refused = result.err(),
            Part::Cabs => self.cabs.on_result(result),
            Part::Schedule => {
                self.select_newest = result.is_ok();
                self.schedule.on_result(result);
            }
            Part::NextOfSeries => {
                self.select_newest = result.is_ok();
                self.refused = result.err();
            }
        }
    }
}
