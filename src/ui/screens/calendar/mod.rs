//! The calendar, a screen: the releases of the list's view and filter by month, by week, or on a
//! timeline (a Gantt with a row per group or per CI, a phased release's phases as segments), with
//! deployment windows and freezes shaded, conflicts marked and listed beside, and today marked.
//! A bar dragged (or its edge) reschedules the release, snapping to 15 minutes, as one undoable
//! command; the conflicts the new time would have show while dragging. A click opens the release.
//! Arrows move between periods and `T` goes to today. Windows and freezes are managed in a dialog
//! (`dialog.rs`); the shown period exports as an iCalendar file, and Import .ics… adds the
//! windows and freezes of one (a corporate freeze calendar) as one command, which one undo takes
//! back; a file that cannot be read, or whose events the model would refuse, changes nothing and
//! says why (the line and property) in the toolbar.
//!
//! One file per part: `period` (what is shown and its range), `grid` (month and week), `timeline`
//! (the Gantt), `drag` (a bar being moved), `dialog` (windows and freezes), `side` (the conflicts).

mod dialog;
mod drag;
mod grid;
mod period;
mod side;
mod timeline;

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{Local, NaiveDate};
use egui::Key;

pub use self::drag::{Drag, DragEdge};
pub use self::period::{Mode, Period, RowsBy, Span};
use super::{Screen, ScreenAction, ScreenContext, StatusLine};
use crate::domain::schedule::{Conflicts, Occurrence, Severity, TimeRange, occurrences};
use crate::domain::{ReleaseId, view};
use crate::i18n::{self, tr};
use crate::model::{Command, Model, ScheduleCommand};
use crate::ui::list_state::ListState;
use crate::ui::outbox::Sender;
use crate::ui::widgets::file_dialog::{FileChooser, FileRequest};

/// The calendar's screen id.
pub const ID: &str = "calendar";

/// A window's or freeze's periods in the shown range, ready to shade.
#[derive(Clone, Debug)]
pub struct Shade {
    pub name: String,
    pub occurrences: Vec<Occurrence>,
    /// `None` for a window; the freeze's severity otherwise.
    pub freeze: Option<Severity>,
}

/// What the shown period needs, found once per model revision, list state and range.
#[derive(Default)]
pub struct Shown {
    key: Option<(u64, ListState, TimeRange)>,
    /// Grows whenever what is shown is found again.
    pub generation: u64,
    /// Indices into `model.releases()` of the list's releases planned in the range, by start.
    pub rows: Vec<usize>,
    /// The local day each of `rows` starts on (the month places a release in that day's cell).
    pub start_days: Vec<NaiveDate>,
    /// Every conflict of the range, whatever the list shows.
    pub conflicts: Arc<Conflicts>,
    /// Indices into `conflicts` of those that involve a release the list's view and filter keep,
    /// worst first, then by start: the conflicts the side panel lists.
    pub listed: Vec<usize>,
    /// The worst conflict of each release in the range.
    pub worst: HashMap<ReleaseId, Severity>,
    pub shades: Vec<Shade>,
}

impl Shown {
    fn refresh(&mut self, model: &Model, list: &ListState, range: TimeRange) {
        let key = (model.revision(), list.clone(), range);
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let me = model.settings().current_agent;
        let releases = model.releases();
        let mut rows: Vec<usize> =
            view::query(releases, list.base, me, &list.filter, list.sort, model.directory())
                .into_iter()
                .filter(|&i| range.touches(releases[i].planned.start, releases[i].planned.end))
                .collect();
        rows.sort_by_key(|&i| (releases[i].planned.start, releases[i].id));
        let kept: std::collections::HashSet<ReleaseId> = rows.iter().map(|&i| releases[i].id).collect();
        self.start_days =
            rows.iter().map(|&i| releases[i].planned.start.with_timezone(&Local).date_naive()).collect();
        self.rows = rows;
        self.conflicts = model.conflicts(range);
        // Each conflict is made once here, and again only for the side panel's few.
        let mut listed: Vec<(Severity, chrono::DateTime<chrono::Utc>, usize)> = Vec::new();
        self.worst.clear();
        for (i, c) in self.conflicts.iter().enumerate() {
            if !c.release_ids.iter().any(|id| kept.contains(id)) {
                continue;
            }
            listed.push((c.severity, c.from, i));
            for id in &c.release_ids {
                let worst = self.worst.entry(*id).or_insert(c.severity);
                *worst = (*worst).min(c.severity);
            }
        }
        // Stable on (severity, from): ties stay in the list's order.
        listed.sort_by_key(|&(severity, from, _)| (severity, from));
        self.listed = listed.into_iter().map(|(_, _, i)| i).collect();
        let schedule = model.schedule();
        self.shades = schedule
            .windows
            .iter()
            .map(|w| Shade {
                name: w.name.clone(),
                occurrences: occurrences(&w.timing, w.zone, range),
                freeze: None,
            })
            .chain(schedule.freezes.iter().map(|f| Shade {
                name: f.name.clone(),
                occurrences: occurrences(&f.timing, f.zone, range),
                freeze: Some(match f.kind {
                    crate::domain::schedule::FreezeKind::Hard => Severity::Block,
                    crate::domain::schedule::FreezeKind::Soft => Severity::Warn,
                }),
            }))
            .filter(|s| !s.occurrences.is_empty())
            .collect();
        self.key = Some(key);
        self.generation += 1;
    }
}

/// What a file asked for from the toolbar is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum IcsFile {
    /// The shown period is written to it.
    Export,
    /// Its windows and freezes are imported.
    Import,
}

/// The calendar screen.
pub struct Calendar {
    pub period: Period,
    pub shown: Shown,
    /// The side panel's conflicts in words.
    conflict_list: side::ConflictList,
    /// The bar being dragged, if any.
    pub drag: Option<Drag>,
    /// The timeline's rows as last laid out.
    layout: timeline::Layout,
    /// The month's days and lines as last laid out.
    month: grid::MonthLayout,
    dialog: dialog::ScheduleDialog,
    /// Why the last reschedule or import was refused.
    refused: Option<String>,
    /// An import was pushed and its result has not come back yet.
    importing: bool,
    /// Today (tests fix it).
    today: Option<NaiveDate>,
    /// Where the shown period is saved as an iCalendar file, or the file imported.
    files: FileChooser<IcsFile>,
}

impl Default for Calendar {
    fn default() -> Self {
        Self {
            period: Period::new(Local::now().date_naive()),
            shown: Shown::default(),
            conflict_list: side::ConflictList::default(),
            drag: None,
            layout: timeline::Layout::default(),
            month: grid::MonthLayout::default(),
            dialog: dialog::ScheduleDialog::default(),
            refused: None,
            importing: false,
            today: None,
            files: FileChooser::default(),
        }
    }
}

impl Calendar {
    /// Today, as the calendar marks it.
    pub fn today(&self) -> NaiveDate {
        self.today.unwrap_or_else(|| Local::now().date_naive())
    }

    /// Fixes today (tests) and shows the period around it.
    pub fn set_today(&mut self, today: NaiveDate) {
        self.today = Some(today);
        self.period.anchor = today;
    }

    /// The reschedule a finished drag asks for, pushed as this screen's command.
    fn finish_drag(&mut self, cx: &mut ScreenContext<'_>) {
        let Some(drag) = self.drag.take() else { return };
        if drag.current == drag.original {
            return;
        }
        let command = ScheduleCommand::Reschedule {
            id: drag.id,
            planned: drag.current,
            move_phases: drag.edge == DragEdge::Body,
        };
        cx.outbox.push(Sender::Screen(ID), Command::Schedule(command));
    }

    fn toolbar_ui(&mut self, ui: &mut egui::Ui, cx: &mut ScreenContext<'_>) {
        let language = cx.language;
        ui.horizontal_wrapped(|ui| {
            for mode in Mode::ALL {
                if ui.selectable_label(self.period.mode == mode, tr(mode.key())).clicked() {
                    self.period.mode = mode;
                }
            }
            ui.separator();
            if ui.button("◀").on_hover_text(tr("calendar-previous")).clicked() {
                self.period.step(-1);
            }
            if ui.button(tr("calendar-today")).on_hover_text(tr("calendar-today-key")).clicked() {
                self.period.anchor = self.today();
            }
            if ui.button("▶").on_hover_text(tr("calendar-next")).clicked() {
                self.period.step(1);
            }
            ui.strong(self.period.heading(language));
            if self.period.mode == Mode::Timeline {
                ui.separator();
                for span in Span::ALL {
                    if ui.selectable_label(self.period.span == span, tr(span.key())).clicked() {
                        self.period.span = span;
                    }
                }
                ui.separator();
                ui.label(tr("calendar-rows-by"));
                for by in [RowsBy::Group, RowsBy::ConfigItem] {
                    if ui.selectable_label(self.period.rows_by == by, tr(by.key())).clicked() {
                        self.period.rows_by = by;
                    }
                }
            }
            ui.separator();
            if ui.button(tr("calendar-manage")).clicked() {
                self.dialog.open();
            }
            if ui.button(tr("calendar-export")).clicked() {
                let request = FileRequest::save(tr("calendar-export"), "release-calendar.ics")
                    .filter("iCalendar", &["ics"]);
                self.files.ask(ui.ctx(), IcsFile::Export, request);
            }
            if ui.button(tr("calendar-import")).clicked() {
                let request = FileRequest::open(tr("calendar-import-title")).filter("iCalendar", &["ics"]);
                self.files.ask(ui.ctx(), IcsFile::Import, request);
            }
            if let Some(why) = &self.refused {
                ui.colored_label(ui.visuals().error_fg_color, why);
            }
        });
    }

    /// Reads the windows and freezes of the calendar file at `path` and asks for them to be added
    /// as one command; a file that cannot be read changes nothing and says why.
    pub fn import_ics(&mut self, cx: &mut ScreenContext<'_>, path: &std::path::Path) {
        let default = crate::domain::schedule::system_zone();
        match crate::export::ics::read_calendar_file(path, default) {
            Ok(found) => {
                self.refused = None;
                self.importing = true;
                let command = ScheduleCommand::Import { windows: found.windows, freezes: found.freezes };
                cx.outbox.push(Sender::Screen(ID), Command::Schedule(command));
            }
            Err(err) => {
                let why = crate::export::ics::file_error_text(path, &err);
                *cx.status = Some(StatusLine { text: why.clone(), is_error: true });
                self.refused = Some(why);
            }
        }
    }

    /// Writes the shown period to `path` as an iCalendar file and says so in the status bar.
    pub fn export_ics(&self, cx: &mut ScreenContext<'_>, path: &std::path::Path) {
        let text = crate::export::ics::to_ics(&crate::export::ics::Calendar {
            releases: cx.model.releases(),
            schedule: cx.model.schedule(),
            directory: cx.model.directory(),
            range: self.period.range(),
            now: cx.model.now(),
        });
        let status = match crate::export::file::write_whole(path, text.as_bytes()) {
            Ok(()) => StatusLine {
                text: i18n::tr_args("calendar-exported", &[("path", path.display().to_string().into())]),
                is_error: false,
            },
            Err(e) => StatusLine {
                text: i18n::tr_args(
                    "schedule-cli-write-failed",
                    &[("path", path.display().to_string().into()), ("detail", e.to_string().into())],
                ),
                is_error: true,
            },
        };
        *cx.status = Some(status);
    }
}

impl Screen for Calendar {
    fn id(&self) -> &'static str {
        ID
    }

    fn title_key(&self) -> &'static str {
        "calendar-title"
    }

    fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ScreenContext<'_>) -> Option<ScreenAction> {
        self.period.language = cx.language;
        let range = self.period.range();
        self.shown.refresh(cx.model, cx.list, range);
        let mut action = None;
        egui::Panel::top("calendar_toolbar").show(ui, |ui| self.toolbar_ui(ui, cx));
        let side =
            egui::Panel::right("calendar_conflicts").resizable(true).default_size(320.0).min_size(220.0);
        let filtered = cx.list.view != crate::domain::ViewRef::Predefined(crate::domain::PredefinedView::All)
            || !cx.list.filter.is_empty();
        let language = cx.language;
        let side = side.show(ui, |ui| self.conflict_list.ui(ui, &self.shown, cx.model, language, filtered));
        if let Some(id) = side.inner {
            action = Some(ScreenAction::OpenRelease(id));
        }
        let handle = side.response.id.with("__resize");
        ui.ctx().accesskit_node_builder(handle, |node| node.set_label(tr("panel-resize")));
        let today = self.today();
        let clicked = egui::CentralPanel::default()
            .show(ui, |ui| match self.period.mode {
                Mode::Month => grid::month_ui(ui, self, cx, today),
                Mode::Week => grid::week_ui(ui, self, cx, today),
                Mode::Timeline => timeline::timeline_ui(ui, self, cx, today),
            })
            .inner;
        if ui.ctx().input(|i| i.pointer.any_released()) && self.drag.is_some() {
            self.refused = None;
            self.finish_drag(cx);
        }
        if let Some(id) = clicked {
            action = Some(ScreenAction::OpenRelease(id));
        }
        self.dialog.ui(ui, cx);
        match self.files.ui(ui.ctx()) {
            Some((IcsFile::Export, path)) => self.export_ics(cx, &path),
            Some((IcsFile::Import, path)) => self.import_ics(cx, &path),
            None => {}
        }
        action
    }

    fn keys(&mut self, ctx: &egui::Context, _cx: &mut ScreenContext<'_>) -> Option<ScreenAction> {
        let (left, right, today) = ctx.input(|i| {
            (i.key_pressed(Key::ArrowLeft), i.key_pressed(Key::ArrowRight), i.key_pressed(Key::T))
        });
        if left {
            self.period.step(-1);
        }
        if right {
            self.period.step(1);
        }
        if today {
            self.period.anchor = self.today();
        }
        None
    }

    fn has_modal(&self) -> bool {
        self.dialog.is_open() || self.files.is_open()
    }

    fn on_result(&mut self, result: Result<(), String>) {
        if std::mem::take(&mut self.importing) {
            // The import's result: the status bar says what was added; a refusal stays here.
            self.refused = result.err();
            return;
        }
        if let Err(why) = result.clone()
            && !self.dialog.on_result(result)
        {
            // A reschedule refused: the bar is back where it was; say why.
            self.refused = Some(why);
        }
    }
}
