//! The Build, Test and Back-out plans: their progress on the page ("3/4 done", or "not yet added"
//! with an Add button), each plan's text under them (rendered Markdown), and an
//! `egui::Modal` editor for each: a text body and a checklist whose items can be added, ticked,
//! reordered and removed. "Insert template" fills the brief's sections in the UI language. Ctrl+S
//! saves; Esc with unsaved edits asks before discarding; a failed save keeps the edits and says why.

use egui::{Key, KeyboardShortcut, RichText};

use super::{ERROR_RED, Origin, SectionContext};
use crate::domain::{BackoutEdit, ChecklistItem, Plan, Release};
use crate::i18n::{tr, tr_args};
use crate::model::{BackoutCommand, Command, Model, ReleaseCommand, ReleaseEdit};
use crate::ui::command::{DIALOG_CANCEL, DIALOG_SAVE, shortcut_text};

const SHORTCUT_SAVE: KeyboardShortcut = DIALOG_SAVE;

/// Which of the three plans. The back-out plan's steps are edited here like the other two; its
/// go/no-go, targets and rehearsals are in the back-out section.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PlanKind {
    Build,
    Test,
    Backout,
}

impl PlanKind {
    pub const ALL: [Self; 3] = [Self::Build, Self::Test, Self::Backout];

    pub fn title(self) -> String {
        tr(match self {
            Self::Build => "plan-build",
            Self::Test => "plan-test",
            Self::Backout => "plan-backout",
        })
    }

    pub fn of<'a>(self, release: &'a Release, model: &'a Model) -> Option<&'a Plan> {
        match self {
            Self::Build => release.build_plan.as_ref(),
            Self::Test => release.test_plan.as_ref(),
            Self::Backout => model.backout(release.id).map(|b| &b.steps),
        }
    }

    /// The command that saves `plan` as this plan of `release`.
    fn save(self, release: &Release, plan: Plan) -> Command {
        let edit = match self {
            Self::Build => ReleaseEdit::BuildPlan(Some(plan)),
            Self::Test => ReleaseEdit::TestPlan(Some(plan)),
            Self::Backout => {
                let edits = vec![BackoutEdit::Steps(plan)];
                return Command::Backout(BackoutCommand::Edit { release: release.id, edits });
            }
        };
        Command::Release(ReleaseCommand::Edit { id: release.id, edits: vec![edit] })
    }

    /// The brief's sections of this plan, in the UI language.
    pub fn template_sections(self) -> Vec<String> {
        let keys: &[&str] = match self {
            Self::Build => &[
                "plan-build-source",
                "plan-build-dependencies",
                "plan-build-environments",
                "plan-build-packaging",
            ],
            Self::Test => {
                &["plan-test-unit", "plan-test-integration", "plan-test-performance", "plan-test-uat"]
            }
            Self::Backout => &[
                "plan-backout-decision",
                "plan-backout-stop",
                "plan-backout-restore",
                "plan-backout-data",
                "plan-backout-verify",
                "plan-backout-notify",
            ],
        };
        keys.iter().map(|k| tr(k)).collect()
    }
}

/// Adds the template's sections to `plan`: a heading per section in the body, and a checklist
/// item per section that the list does not have yet.
pub fn insert_template(plan: &mut Plan, sections: &[String]) {
    let mut body = plan.body.trim_end().to_owned();
    for section in sections {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        body.push_str("## ");
        body.push_str(section);
    }
    body.push('\n');
    plan.body = body;
    for section in sections {
        if !plan.items.iter().any(|i| i.text == *section) {
            plan.items.push(ChecklistItem { text: section.clone(), done: false });
        }
    }
}

/// An open plan editor.
pub struct PlanEditor {
    pub kind: PlanKind,
    /// The plan as stored when the editor opened (`None`: not yet added).
    original: Option<Plan>,
    pub draft: Plan,
    new_item: String,
    error: Option<String>,
    pending: bool,
    confirm_discard: bool,
}

impl PlanEditor {
    fn new(kind: PlanKind, release: &Release, model: &Model) -> Self {
        let original = kind.of(release, model).cloned();
        Self {
            kind,
            draft: original.clone().unwrap_or_default(),
            original,
            new_item: String::new(),
            error: None,
            pending: false,
            confirm_discard: false,
        }
    }

    /// True when saving would change what is stored: always for a plan not yet added (saving
    /// adds it, even empty).
    pub fn is_dirty(&self) -> bool {
        self.original.as_ref() != Some(&self.draft)
    }

    /// True when the user changed something since the editor opened (or since it last followed
    /// the stored plan), including a checklist item typed but not yet added. An untouched editor
    /// of a plan not yet added has nothing to lose.
    pub fn has_edits(&self) -> bool {
        self.draft_changed() || !self.new_item.trim().is_empty()
    }

    /// True when the plan itself (body, checklist) differs from the stored one.
    fn draft_changed(&self) -> bool {
        self.original.clone().unwrap_or_default() != self.draft
    }
}

/// The plans section's state: which editor is open.
#[derive(Default)]
pub struct PlansSection {
    pub editor: Option<PlanEditor>,
}

impl PlansSection {
    pub fn is_open(&self) -> bool {
        self.editor.is_some()
    }

    /// A saved plan closes the editor; a failed save keeps the edits and shows why.
    pub fn on_result(&mut self, result: Result<(), String>) {
        match result {
            Ok(()) => self.editor = None,
            Err(message) => {
                if let Some(editor) = &mut self.editor {
                    editor.pending = false;
                    editor.error = Some(message);
                }
            }
        }
    }

    /// Follows the model after it changed: an editor with no unsaved edits shows the plan as stored
    /// now; one with unsaved edits keeps them. (While the modal is open the window's undo and redo
    /// wait, so this is for changes made elsewhere.)
    pub fn follow(&mut self, release: &Release, model: &Model) {
        let Some(editor) = &mut self.editor else { return };
        let stored = editor.kind.of(release, model);
        if editor.original.as_ref() == stored {
            return;
        }
        if !editor.draft_changed() {
            editor.draft = stored.cloned().unwrap_or_default();
        }
        editor.original = stored.cloned();
    }

    /// Opens the editor of one plan (tests and the page's buttons).
    pub fn open(&mut self, kind: PlanKind, release: &Release, model: &Model) {
        self.editor = Some(PlanEditor::new(kind, release, model));
    }

    /// Opens the editor of one plan holding `draft`, as stashed when the window was ended.
    pub fn restore(&mut self, kind: PlanKind, draft: Plan, release: &Release, model: &Model) {
        let mut editor = PlanEditor::new(kind, release, model);
        editor.draft = draft;
        self.editor = Some(editor);
    }
}

/// The three plans' progress, with Edit / Add buttons, each plan's text, and the open editor.
pub fn plans_ui(ui: &mut egui::Ui, state: &mut PlansSection, cx: &mut SectionContext<'_>) {
    egui::CollapsingHeader::new(RichText::new(tr("section-plans")).strong())
        .id_salt("section_plans")
        .default_open(true)
        .show(ui, |ui| {
            egui::Grid::new("plans_grid").num_columns(3).spacing([16.0, 6.0]).show(ui, |ui| {
                for kind in PlanKind::ALL {
                    ui.label(RichText::new(kind.title()).strong());
                    match kind.of(cx.release, cx.model) {
                        Some(plan) => {
                            let (done, total) = plan.progress();
                            let text =
                                tr_args("plan-progress", &[("done", done.into()), ("total", total.into())]);
                            let fraction = if total == 0 { 0.0 } else { done as f32 / total as f32 };
                            ui.add(crate::ui::widgets::progress_bar(fraction, text, 220.0));
                            if ui.button(tr("action-edit")).on_hover_text(kind.title()).clicked() {
                                state.open(kind, cx.release, cx.model);
                            }
                        }
                        None => {
                            ui.label(RichText::new(tr("plan-not-added")).weak().italics());
                            if ui.button(tr("plan-add")).on_hover_text(kind.title()).clicked() {
                                state.open(kind, cx.release, cx.model);
                            }
                        }
                    }
                    ui.end_row();
                }
            });
            plan_texts_ui(ui, cx.release, cx.model);
        });
    editor_ui(ui.ctx(), state, cx);
}

/// Each plan's text under the progress bars, rendered as Markdown (headings, lists, emphasis), so
/// reading a plan does not need its editor. Its checklist is what the bar counts.
fn plan_texts_ui(ui: &mut egui::Ui, release: &Release, model: &Model) {
    for kind in PlanKind::ALL {
        let Some(plan) = kind.of(release, model).filter(|p| !p.body.trim().is_empty()) else { continue };
        ui.add_space(6.0);
        ui.label(RichText::new(kind.title()).strong());
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            crate::ui::widgets::markdown::markdown_ui(ui, &plan.body);
        });
    }
}

/// The modal editor, if open.
fn editor_ui(ctx: &egui::Context, state: &mut PlansSection, cx: &mut SectionContext<'_>) {
    let Some(editor) = &mut state.editor else { return };
    let mut close = false;
    let mut save = false;
    let modal = crate::ui::widgets::dialog(egui::Id::unique("plan_editor_modal")).show(ctx, |ui| {
        ui.set_width(640.0);
        ui.horizontal(|ui| {
            ui.heading(format!("{} — #{}", editor.kind.title(), cx.release.id));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button(tr("plan-insert-template"))
                    .on_hover_text(tr("plan-insert-template-hint"))
                    .clicked()
                {
                    insert_template(&mut editor.draft, &editor.kind.template_sections());
                }
            });
        });
        ui.add_space(4.0);
        let body_label = ui.label(tr("plan-body"));
        egui::ScrollArea::vertical().id_salt("plan_body_scroll").max_height(220.0).show(ui, |ui| {
            ui.add(
                egui::TextEdit::multiline(&mut editor.draft.body)
                    .desired_rows(8)
                    .desired_width(f32::INFINITY)
                    .hint_text(tr("plan-body-hint")),
            )
            .labelled_by(body_label.id);
        });
        ui.add_space(6.0);
        let (done, total) = editor.draft.progress();
        ui.label(
            RichText::new(format!(
                "{} — {}",
                tr("plan-checklist"),
                tr_args("plan-progress", &[("done", done.into()), ("total", total.into())])
            ))
            .strong(),
        );
        checklist_ui(ui, editor);
        new_item_ui(ui, editor);
        if let Some(error) = &editor.error {
            ui.label(RichText::new(error).color(ERROR_RED));
        }
        ui.separator();
        if editor.confirm_discard {
            ui.horizontal(|ui| {
                ui.label(RichText::new(tr("plan-discard-question")).color(ERROR_RED));
                if ui.button(tr("plan-discard")).clicked() {
                    close = true;
                }
                if ui.button(tr("plan-keep-editing")).clicked() {
                    editor.confirm_discard = false;
                }
            });
        } else {
            ui.horizontal(|ui| {
                let can_save = editor.is_dirty() && !editor.pending;
                if ui
                    .add_enabled(can_save, egui::Button::new(tr("action-save")))
                    .on_hover_text(shortcut_text(ui.ctx(), &DIALOG_SAVE))
                    .clicked()
                {
                    save = true;
                }
                if ui
                    .button(tr("action-cancel"))
                    .on_hover_text(shortcut_text(ui.ctx(), &DIALOG_CANCEL))
                    .clicked()
                {
                    if editor.has_edits() {
                        editor.confirm_discard = true;
                    } else {
                        close = true;
                    }
                }
                if editor.has_edits() {
                    ui.label(RichText::new(tr("unsaved-changes")).weak());
                }
            });
        }
    });
    if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_SAVE)) && editor.is_dirty() && !editor.pending {
        save = true;
    }
    if modal.should_close() && !save {
        if editor.has_edits() {
            editor.confirm_discard = true;
        } else {
            close = true;
        }
    }
    if save {
        let mut plan = editor.draft.clone();
        plan.items.retain(|i| !i.text.trim().is_empty());
        cx.push(Origin::Plans, editor.kind.save(cx.release, plan));
        editor.pending = true;
        editor.error = None;
    }
    if close {
        state.editor = None;
    }
}

/// The new checklist item's text and Add (Enter adds too, and keeps the focus for the next one).
fn new_item_ui(ui: &mut egui::Ui, editor: &mut PlanEditor) {
    ui.horizontal(|ui| {
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut editor.new_item)
                    .hint_text(tr("plan-new-item-hint"))
                    .desired_width(420.0),
            )
            .on_hover_text(tr("plan-new-item"));
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        let can_add = !editor.new_item.trim().is_empty();
        if (ui.add_enabled(can_add, egui::Button::new(tr("plan-add-item"))).clicked() || entered) && can_add {
            editor.draft.items.push(ChecklistItem { text: editor.new_item.trim().to_owned(), done: false });
            editor.new_item.clear();
            response.request_focus();
        }
    });
}

/// The checklist: a done box, the text, and move up / move down / remove per item.
fn checklist_ui(ui: &mut egui::Ui, editor: &mut PlanEditor) {
    let mut move_up = None;
    let mut remove = None;
    let count = editor.draft.items.len();
    egui::ScrollArea::vertical().id_salt("plan_items_scroll").max_height(240.0).show(ui, |ui| {
        for (index, item) in editor.draft.items.iter_mut().enumerate() {
            ui.push_id(index, |ui| {
                ui.horizontal(|ui| {
                    ui.checkbox(&mut item.done, "").on_hover_text(tr("plan-item-done"));
                    ui.add(egui::TextEdit::singleline(&mut item.text).desired_width(430.0))
                        .on_hover_text(tr("plan-item-text"));
                    if ui
                        .add_enabled(index > 0, egui::Button::new("↑").small())
                        .on_hover_text(tr("plan-item-up"))
                        .clicked()
                    {
                        move_up = Some(index);
                    }
                    if ui
                        .add_enabled(index + 1 < count, egui::Button::new("↓").small())
                        .on_hover_text(tr("plan-item-down"))
                        .clicked()
                    {
                        move_up = Some(index + 1);
                    }
                    if ui.small_button("✖").on_hover_text(tr("plan-item-remove")).clicked() {
                        remove = Some(index);
                    }
                });
            });
        }
    });
    if let Some(index) = move_up.filter(|&i| i > 0 && i < count) {
        editor.draft.items.swap(index - 1, index);
    }
    if let Some(index) = remove.filter(|&i| i < count) {
        editor.draft.items.remove(index);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_adds_each_section_once() {
        let sections: Vec<String> = ["A", "B"].iter().map(|s| (*s).to_owned()).collect();
        let mut plan =
            Plan { body: "intro".into(), items: vec![ChecklistItem { text: "A".into(), done: true }] };
        insert_template(&mut plan, &sections);
        assert_eq!(plan.body, "intro\n\n## A\n\n## B\n");
        assert_eq!(plan.items.len(), 2);
        assert!(plan.items[0].done, "an existing item keeps its flag");
        insert_template(&mut plan, &sections);
        assert_eq!(plan.items.len(), 2);
    }
}
