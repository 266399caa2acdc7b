//! Keys with their modifiers: each key event is read with its own modifiers (a quick Shift+Down
//! or Ctrl+Enter whose modifier is released within the frame), Ctrl+F selects the search's text,
//! Esc in New release asks before dropping a draft, Ctrl+Enter creates it.

use crate::{fixture, harness};
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use release_desk::domain::ReleaseId;
use release_desk::ui::ReleaseDeskApp;

/// A key pressed with `modifiers` on its event only: the modifiers held at the end of the frame
/// are none, as when the modifier is let go within the same frame.
fn quick_press(harness: &mut Harness<'_, ReleaseDeskApp>, modifiers: Modifiers, key: Key) {
    for pressed in [true, false] {
        harness.event(Event::Key { key, pressed, modifiers, repeat: false, physical_key: None });
    }
    harness.run();
}

#[test]
fn a_quick_shift_down_extends_the_selection() {
    let (_dir, app) = fixture();
    let mut harness = harness(app);
    harness.run();
    // A row in the middle, so there is one below it.
    harness.get_by_label("#3").click();
    harness.run();
    quick_press(&mut harness, Modifiers::SHIFT, Key::ArrowDown);
    let selection = harness.state().selection();
    assert_eq!(selection.len(), 2, "{selection:?}");
    assert!(selection.contains(&ReleaseId(3)));
    quick_press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    assert_eq!(harness.state().selection().len(), 1, "a plain Down moves the selection");
}

#[test]
fn ctrl_f_selects_the_search_text_to_type_over_it() {
    let (_dir, app) = fixture();
    let mut harness = harness(app);
    harness.state_mut().list_state_mut().filter.text = "ERP".into();
    harness.run();
    quick_press(&mut harness, Modifiers::COMMAND, Key::F);
    harness.run();
    assert!(harness.ctx.egui_wants_keyboard_input(), "the search has the keyboard");
    harness.event(Event::Text("VPN".into()));
    harness.run();
    assert_eq!(harness.state().list_state().filter.text, "VPN", "the old text was selected and replaced");
}

#[test]
fn esc_in_new_release_asks_before_discarding_a_draft_and_ctrl_enter_creates() {
    let (_dir, app) = fixture();
    let mut harness = harness(app);
    harness.run();
    // An untouched draft closes on Esc without a question.
    quick_press(&mut harness, Modifiers::COMMAND, Key::N);
    assert!(harness.state_mut().new_release_modal_mut().is_open());
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state_mut().new_release_modal_mut().is_open());

    quick_press(&mut harness, Modifiers::COMMAND, Key::N);
    harness.get_by_label("Subject *").type_text("카카오페이 정산 배치 개선");
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state_mut().new_release_modal_mut().is_open(), "a typed draft is not dropped");
    assert!(harness.query_by_label("Discard this new release? What you entered is lost.").is_some());
    // Esc on the question goes back to the draft, as "Keep editing" does.
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Discard this new release? What you entered is lost.").is_none());
    assert_eq!(
        harness.state_mut().new_release_modal_mut().draft.as_ref().unwrap().subject,
        "카카오페이 정산 배치 개선"
    );
    harness.get_by_label("Cancel").click();
    harness.run();
    harness.get_by_label("Keep editing").click();
    harness.run();
    assert!(harness.state_mut().new_release_modal_mut().is_open());

    // Ctrl+Enter, its Ctrl on the key's event only, creates it (from the description's field too).
    harness.get_by_label("Description").focus();
    harness.run();
    let before = harness.state().model().unwrap().releases().len();
    quick_press(&mut harness, Modifiers::COMMAND, Key::Enter);
    harness.run();
    let model = harness.state().model().unwrap();
    assert_eq!(model.releases().len(), before + 1);
    assert_eq!(model.releases().iter().last().unwrap().description, "", "no new line was typed");
    assert!(!harness.state_mut().new_release_modal_mut().is_open());

    quick_press(&mut harness, Modifiers::COMMAND, Key::N);
    harness.get_by_label("Subject *").type_text("버릴 초안");
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(!harness.state_mut().new_release_modal_mut().is_open());
    assert_eq!(harness.state().model().unwrap().releases().len(), before + 1);
}
