//! The team's conflicts dialog (issue 21): every open conflict a sync met (the release, window
//! or freeze, the field, my value, the team's value, who wrote the team's and when) with "Keep mine" and "Keep
//! theirs" for each. A choice is a model command (`TeamCommand::Resolve`) through the window's
//! outbox: keeping mine writes my value as a normal change, pushed on the next sync; both are
//! undoable. Opened from the status bar's "conflicts waiting".

use egui::RichText;

use crate::domain::activity::release_changes;
use crate::domain::{AgentId, DepartmentId, FreezeId, GroupId, WindowId};
use crate::i18n::{self, tr, tr_args};
use crate::model::team::{ConflictKind, Keep, RecordKind, StoredConflict, TeamCommand};
use crate::model::{Command, Model};
use crate::ui::outbox::{Outbox, Sender};

/// Whether the dialog is open, and its rows in words.
#[derive(Debug, Default)]
pub struct ConflictsDialog {
    open: bool,
    /// The open conflicts' rows as of one revision of the model, in one language (each reads both
    /// values into the release: made when either changes, not every frame).
    rows: Option<(u64, crate::domain::Language, Vec<Row>)>,
}

/// One conflict in words: the release, the field (or what happened to the whole release), both
/// values and who wrote the team's.
#[derive(Debug)]
struct Row {
    release: String,
    who: String,
    field: String,
    mine: String,
    theirs: String,
}

impl ConflictsDialog {
    pub fn open(&mut self) {
        self.open = true;
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Draws the dialog while it is open; a choice goes to `outbox`.
    pub fn dialog_ui(&mut self, ctx: &egui::Context, model: &Model, outbox: &mut Outbox) {
        if !self.open {
            return;
        }
        let modal = crate::ui::widgets::dialog(egui::Id::unique("team_conflicts_modal")).show(ctx, |ui| {
            ui.set_width(900.0);
            ui.heading(tr("team-conflicts-title"));
            ui.label(RichText::new(tr("team-conflicts-intro")).weak());
            ui.add_space(6.0);
            let open = model.open_team_conflicts();
            let made_for = (model.revision(), i18n::language());
            if self.rows.as_ref().is_none_or(|(revision, language, _)| (*revision, *language) != made_for) {
                let rows = open.iter().map(|c| row_of(model, c)).collect();
                self.rows = Some((made_for.0, made_for.1, rows));
            }
            let rows = self.rows.as_ref().map_or(&[][..], |(_, _, rows)| rows.as_slice());
            if open.is_empty() {
                ui.label(tr("team-conflicts-none"));
            } else {
                egui::ScrollArea::vertical().max_height(480.0).show(ui, |ui| {
                    conflicts_grid(ui, &open, rows, outbox);
                });
            }
            ui.add_space(8.0);
            if ui.button(tr("action-close")).clicked() {
                self.open = false;
            }
        });
        if modal.should_close() {
            self.open = false;
        }
        if !self.open {
            self.rows = None;
        }
    }
}

fn conflicts_grid(ui: &mut egui::Ui, open: &[&StoredConflict], rows: &[Row], outbox: &mut Outbox) {
    egui::Grid::new("team_conflicts_grid").striped(true).num_columns(6).spacing([14.0, 8.0]).show(ui, |ui| {
        for key in [
            "team-conflicts-release",
            "team-conflicts-field",
            "team-conflicts-mine",
            "team-conflicts-theirs",
            "team-conflicts-by",
        ] {
            ui.label(RichText::new(tr(key)).strong());
        }
        ui.label("");
        ui.end_row();
        for (conflict, row) in open.iter().zip(rows) {
            // A whole window or freeze in words is long: each cell wraps, so the dialog keeps
            // to its width and its buttons stay in view.
            cell(ui, 170.0, RichText::new(&row.release));
            cell(ui, 120.0, RichText::new(&row.field));
            cell(ui, 200.0, RichText::new(&row.mine).strong());
            cell(ui, 200.0, RichText::new(&row.theirs));
            cell(ui, 110.0, RichText::new(&row.who));
            ui.horizontal(|ui| {
                let hint = if conflict.keeps_mine_as_new() {
                    "team-keep-mine-new-hint"
                } else {
                    "team-keep-mine-hint"
                };
                let mine = ui
                    .add_enabled(conflict.can_keep_mine(), egui::Button::new(tr("team-keep-mine")))
                    .on_hover_text(tr(hint))
                    .on_disabled_hover_text(tr(if conflict.conflict.kind == ConflictKind::Refused {
                        "team-keep-mine-refused"
                    } else {
                        "team-keep-mine-disabled"
                    }));
                if mine.clicked() {
                    outbox.push(Sender::Window, Command::Team(TeamCommand::resolve(conflict, Keep::Mine)));
                }
                let theirs = ui.button(tr("team-keep-theirs")).on_hover_text(tr("team-keep-theirs-hint"));
                if theirs.clicked() {
                    outbox.push(Sender::Window, Command::Team(TeamCommand::resolve(conflict, Keep::Theirs)));
                }
            });
            ui.end_row();
        }
    });
}

/// One grid cell of text, wrapped at `width`.
fn cell(ui: &mut egui::Ui, width: f32, text: RichText) {
    ui.scope(|ui| {
        ui.set_max_width(width);
        ui.add(egui::Label::new(text).wrap());
    });
}

/// The field and both values in the user's language: read into the release as this file holds
/// it, so a status is "Completed" and an agent a name (a window or freeze: its name and when); a
/// whole-release conflict says what happened instead.
fn row_of(model: &Model, conflict: &StoredConflict) -> Row {
    let who = if conflict.conflict.kind == ConflictKind::Refused {
        // No teammate: the server's guard, for the right this file's role lacks.
        tr("team-conflicts-refused-by")
    } else {
        let by = conflict.conflict.by.clone().unwrap_or_else(|| tr("team-conflicts-by-unknown"));
        let when = conflict.conflict.by_at.map(i18n::datetime_short).unwrap_or_default();
        format!("{by}\n{when}")
    };
    let Some(id) = conflict.release_id() else { return record_row(model, conflict, who) };
    let subject = model.release(id).map_or_else(|| tr("team-conflicts-gone"), |r| r.subject.clone());
    let release = format!("{} {subject}", crate::i18n::release_number(id));
    if let Some((mine, theirs)) = model.team_conflict_releases(conflict) {
        let changes = release_changes(&theirs, &mine, model.directory());
        if !changes.is_empty() {
            let join = |values: Vec<String>| values.join(", ");
            return Row {
                release,
                who,
                field: join(changes.iter().map(|c| i18n::activity_field(&c.field)).collect()),
                mine: join(changes.iter().map(|c| i18n::activity_value(&c.new)).collect()),
                theirs: join(changes.iter().map(|c| i18n::activity_value(&c.old)).collect()),
            };
        }
    }
    let kind = i18n::team_conflict_kind(conflict.conflict.kind);
    let field = match &conflict.conflict.field {
        Some(field) => {
            tr_args("team-conflicts-raw-field", &[("field", field.as_str().into()), ("kind", kind.into())])
        }
        None => kind,
    };
    // A whole release by its subject (two releases that took one number differ in it).
    let text = |value: &serde_json::Value| match value {
        serde_json::Value::Null => tr("team-conflicts-no-record"),
        serde_json::Value::Object(fields) => match fields.get("subject").and_then(|s| s.as_str()) {
            Some(subject) => format!("“{subject}”"),
            None => tr("team-conflicts-record"),
        },
        other => other.to_string(),
    };
    // A release the server removed keeps only the fields changed here.
    let mine = match conflict.conflict.kind {
        ConflictKind::Removed => tr("team-conflicts-my-edits"),
        _ => text(&conflict.conflict.ours),
    };
    Row { release, who, field, mine, theirs: text(&conflict.conflict.theirs) }
}

/// A window's, freeze's or person's conflict: the record by kind and name, the field in words,
/// and each side as the model reads it (a whole window or freeze: its name and when).
fn record_row(model: &Model, conflict: &StoredConflict, who: String) -> Row {
    let (mine, theirs) = model
        .team_conflict_sides(conflict)
        .unwrap_or((crate::domain::Value::None, crate::domain::Value::None));
    let text = |value: &crate::domain::Value| match value {
        crate::domain::Value::None => tr("team-conflicts-no-record"),
        value => i18n::activity_value(value),
    };
    // The name it has here, else the one either side gives it (a record removed here).
    let record = conflict.record();
    let directory = model.directory();
    let here = match record.kind {
        RecordKind::Window => model.schedule().window(WindowId(record.id)).map(|w| w.name.clone()),
        RecordKind::Freeze => model.schedule().freeze(FreezeId(record.id)).map(|f| f.name.clone()),
        RecordKind::Agent => directory.agent(AgentId(record.id)).map(|a| a.name.clone()),
        RecordKind::Group => directory.group(GroupId(record.id)).map(|g| g.name.clone()),
        RecordKind::Department => directory.department(DepartmentId(record.id)).map(|d| d.name.clone()),
        RecordKind::Note => {
            model.note(crate::domain::NoteId(record.id)).map(|n| crate::domain::activity::gist(&n.body))
        }
        RecordKind::Task => model.task(crate::domain::TaskId(record.id)).map(|t| t.fields.title.clone()),
        RecordKind::Release => None,
    };
    let name = here
        .or_else(|| {
            [&conflict.conflict.theirs, &conflict.conflict.ours].into_iter().find_map(|v| {
                v.get("name")
                    .or_else(|| v.get("title"))
                    .or_else(|| v.get("body"))
                    .and_then(|n| n.as_str())
                    .map(crate::domain::activity::gist)
            })
        })
        .unwrap_or_else(|| format!("#{}", record.id));
    let kind = i18n::team_conflict_kind(conflict.conflict.kind);
    let field = match &conflict.conflict.field {
        Some(field) => i18n::team_schedule_field(field),
        None => kind,
    };
    let mine = match conflict.conflict.kind {
        ConflictKind::Removed => tr("team-conflicts-my-edits"),
        _ => text(&mine),
    };
    Row {
        release: i18n::team_record_name(conflict.record().kind, &name),
        who,
        field,
        mine,
        theirs: text(&theirs),
    }
}
